//! Answers the rules can work out for the drafter: a date for a filing
//! letter while the deadline (from the calculator) is still ahead, and
//! engagement times inside the window the rule sets after submission. The wizard offers each
//! as a one-click fill; nothing is filled without the drafter's say.

use serde_json::Value;
use time::{Date, Duration};

use super::calendar::{is_weekend, us_federal_holiday};
use super::checks::{self, Draft};
use super::deadline::{self, Sec14a8Dates};
use super::params::{self, Sec14a8};
use super::{zones, Jurisdiction};
use crate::compose::DocumentKind;
use crate::i18n::tr;
use crate::i18n::{long_date, Lang};

/// A proposed answer for one field, with why it is proposed.
#[derive(Debug, Clone, PartialEq)]
pub struct Fill {
    pub field: String,
    pub value: Value,
    pub reason: String,
}

/// What the wizard can offer to fill in a 14a-8 filing letter: its date,
/// when empty and the deadline is known and still ahead, and engagement
/// times, when none are given or some fall outside the rule's window
/// (counted from the letter's date, or from today while it has none).
/// `given` are the answers as the drafter left them: the draft's checked
/// answers stand today's date in for a missing one, so they cannot tell.
/// The reasons are worded in the draft's reader's language.
pub fn suggest(draft: &Draft, given: &Value, today: Date) -> Vec<Fill> {
    let lang = draft.lang;
    let front = &draft.template.front;
    let jurisdiction = front.jurisdiction.as_deref().and_then(|j| j.parse().ok());
    if jurisdiction != Some(Jurisdiction::UsSec14a8) || front.kind != DocumentKind::FilingLetter {
        return Vec::new();
    }
    let roles = &front.checks;
    let letter = checks::role_date(draft, &roles.submission_date);
    let submitted = letter.unwrap_or(today);
    // Without the rule parameters there is nothing sound to offer; the
    // checks panel reports the missing parameters itself.
    let Ok(rules) = params::sec_14a8() else {
        return Vec::new();
    };
    let Ok(version) = rules.in_force(submitted) else {
        return Vec::new();
    };
    let mut fills = Vec::new();
    let unanswered = |field: &str| given.get(field).is_none_or(|v| v.is_null() || v == "");
    if let Some(field) = roles.submission_date.as_ref().filter(|f| unanswered(f)) {
        let dates = Sec14a8Dates {
            prior_proxy_date: checks::role_date(draft, &roles.prior_proxy_date),
            meeting_date: checks::role_date(draft, &roles.meeting_date),
            prior_meeting_date: checks::role_date(draft, &roles.prior_meeting_date),
        };
        if dates.prior_proxy_date.is_some() {
            let computed = deadline::sec_14a8(lang, &dates, version);
            if let (Some(date), None) = (computed.date, computed.judgement) {
                fills.extend(letter_date(lang, field, date, today));
            }
        }
    }
    // The company's zone: as answered, else proposed from its address; the
    // checked answers cannot tell an unanswered choice from its first option.
    let answered_zone = roles
        .time_zone
        .as_ref()
        .and_then(|field| given.get(field))
        .and_then(Value::as_str)
        .filter(|zone| !zone.is_empty())
        .map(str::to_owned);
    let inferred_zone = company_address(draft, given).and_then(|a| zones::zone_from_address(&a));
    if let (Some(field), None, Some(zone)) = (&roles.time_zone, &answered_zone, inferred_zone) {
        fills.push(Fill {
            field: field.clone(),
            value: Value::String(zone.to_owned()),
            reason: tr!(
                lang,
                "check-fill-zone",
                zone_name = zones::zone_label(lang, zone),
                zone = zone
            ),
        });
    }
    let zone = answered_zone.or(inferred_zone.map(str::to_owned));
    // Without a zone there are no sound times to offer: the time-zone question asks first.
    let zone = match (&roles.time_zone, zone) {
        (Some(_), Some(zone)) => Some(zone),
        (Some(_), None) => None,
        (None, _) => Some(zones::US_ZONES[0].0.to_owned()),
    };
    if let (Some(field), Some(zone)) = (&roles.engagement_slots, zone) {
        let slots = checks::engagement_slots(draft);
        let outside = version
            .parameters
            .engagement_window_days
            .is_some_and(|window| {
                !checks::slot_problems(lang, &slots, submitted, window, Some(&zone)).is_empty()
            });
        if slots.is_empty() || outside {
            fills.extend(engagement_slots(
                lang,
                field,
                submitted,
                &version.parameters,
                &zone,
            ));
        }
    }
    fills
}

/// The company's address as the drafter gave it, from its company field.
fn company_address(draft: &Draft, given: &Value) -> Option<String> {
    let field = draft
        .template
        .front
        .fields
        .iter()
        .find(|f| f.field_type == crate::compose::FieldType::Company)?;
    given
        .get(&field.id)?
        .get("address")?
        .as_str()
        .map(str::to_owned)
}

/// Offsets, in calendar days after submission, of the proposed engagement
/// days before each is moved to a business day: spread over the window so
/// the company has a real choice, and clear of both ends.
const SLOT_OFFSETS: [i64; 3] = [2, 7, 12];

/// The times offered on each proposed day, on the clock of the company's
/// offices (within business hours there); the zone is written after them.
const SLOT_TIMES: [&str; 3] = [
    "10:00–11:00 a.m.",
    "2:00–3:00 p.m.",
    "11:00 a.m.–12:00 p.m.",
];

/// Engagement slots for a 14a-8 filing letter submitted on `submitted`:
/// business days (no weekend, no US federal holiday) no sooner than the
/// window's first day and no later than its last, written out as the rule
/// asks ("Tuesday, June 16, 2026, 10:00–11:00 a.m. Pacific Time
/// (America/Los_Angeles)"), within business hours in `zone`: the letter
/// is English, the reason is in `lang`. `None` when the rule version has
/// no engagement requirement.
pub fn engagement_slots(
    lang: Lang,
    field: &str,
    submitted: Date,
    params: &Sec14a8,
    zone: &str,
) -> Option<Fill> {
    let [from, to] = params.engagement_window_days?;
    let last = submitted + Duration::days(to);
    let mut days: Vec<Date> = Vec::new();
    for offset in SLOT_OFFSETS {
        let mut day = submitted + Duration::days(from + offset);
        while is_weekend(day) || us_federal_holiday(day).is_some() || days.contains(&day) {
            day += Duration::days(1);
        }
        if day <= last {
            days.push(day);
        }
    }
    let slots: Vec<Value> = days
        .iter()
        .zip(SLOT_TIMES)
        .map(|(day, times)| {
            Value::String(format!(
                "{}, {times} {} ({zone})",
                us_long_date(*day),
                super::zones::zone_name(zone)
            ))
        })
        .collect();
    Some(Fill {
        field: field.to_owned(),
        value: Value::Array(slots),
        reason: tr!(
            lang,
            "check-fill-engagement-slots",
            from = from,
            to = to,
            submitted = long_date(lang, submitted)
        ),
    })
}

/// Today as the letter's date, offered for an empty letter date while the
/// 14a-8 deadline is today or later, with the days to spare as the reason.
pub fn letter_date(lang: Lang, field: &str, deadline: Date, today: Date) -> Option<Fill> {
    (deadline >= today).then(|| Fill {
        field: field.to_owned(),
        value: Value::String(today.to_string()),
        reason: tr!(
            lang,
            "check-fill-letter-date",
            days = (deadline - today).whole_days(),
            deadline = long_date(lang, deadline)
        ),
    })
}

/// "Tuesday, June 16, 2026", the form US letters and the engagement check use.
pub fn us_long_date(date: Date) -> String {
    format!(
        "{}, {} {}, {}",
        date.weekday(),
        date.month(),
        date.day(),
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn params() -> Sec14a8 {
        let rules = super::super::params::sec_14a8().unwrap();
        rules
            .in_force(date!(2026 - 06 - 01))
            .unwrap()
            .parameters
            .clone()
    }

    #[test]
    fn slots_are_business_days_inside_the_window() {
        // Submitted Monday 1 June 2026: the window is 11 June to 1 July;
        // day +12 is Saturday 13 June, so that slot moves to Monday 15 June.
        let fill = engagement_slots(
            Lang::En,
            "slots",
            date!(2026 - 06 - 01),
            &params(),
            "America/Los_Angeles",
        )
        .unwrap();
        let slots: Vec<&str> = fill
            .value
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(
            slots,
            [
                "Monday, June 15, 2026, 10:00–11:00 a.m. Pacific Time (America/Los_Angeles)",
                "Thursday, June 18, 2026, 2:00–3:00 p.m. Pacific Time (America/Los_Angeles)",
                "Tuesday, June 23, 2026, 11:00 a.m.–12:00 p.m. Pacific Time (America/Los_Angeles)",
            ]
        );
        // Each proposed time is within business hours at the company's offices.
        let window = params().engagement_window_days.unwrap();
        let owned: Vec<String> = slots.iter().map(|s| (*s).to_owned()).collect();
        assert!(crate::rules::checks::slot_problems(
            Lang::En,
            &owned,
            date!(2026 - 06 - 01),
            window,
            Some("America/Los_Angeles")
        )
        .is_empty());
        // The same clock times stated in Eastern Time fall before 9 a.m. in Redmond.
        let eastern: Vec<String> = owned
            .iter()
            .map(|s| s.replace("Pacific Time (America/Los_Angeles)", "Eastern Time"))
            .collect();
        let problems = crate::rules::checks::slot_problems(
            Lang::En,
            &eastern,
            date!(2026 - 06 - 01),
            window,
            Some("America/Los_Angeles"),
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].contains("7:00 a.m.–8:00 a.m. Pacific Time"),
            "{problems:?}"
        );
    }

    #[test]
    fn slots_skip_weekends_and_federal_holidays() {
        // Submitted Thursday 22 June 2023: +12 days is Tuesday 4 July,
        // Independence Day, so that slot moves to Wednesday 5 July.
        let fill = engagement_slots(
            Lang::En,
            "slots",
            date!(2023 - 06 - 22),
            &params(),
            "America/New_York",
        )
        .unwrap();
        let text = fill.value.to_string();
        assert!(!text.contains("July 4,"), "{text}");
        assert!(text.contains("Wednesday, July 5, 2023"), "{text}");
    }

    #[test]
    fn letter_date_is_offered_only_before_the_deadline() {
        let today = date!(2026 - 06 - 01);
        let fill = letter_date(Lang::En, "d", date!(2026 - 06 - 11), today).unwrap();
        assert_eq!(fill.value, "2026-06-01");
        assert!(fill.reason.contains("10 days before"), "{}", fill.reason);
        assert!(letter_date(Lang::En, "d", date!(2026 - 05 - 31), today).is_none());
    }
}
