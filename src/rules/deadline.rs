//! Filing deadlines, with how each was computed, worded in the reader's
//! language (`*_in`); the plain functions word them in English, as the
//! command line prints them.

use time::{Date, Duration, Month, Weekday};

use super::calendar::{business_day_on_or_before, us_federal_holiday, years_after};
use super::params::{FrCodeCommerce, Sec14a8, UkS338, Version};
use crate::i18n::tr;
use crate::i18n::Lang;

/// A deadline and how it was reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    /// The rule's date; `None` when only "a reasonable time" applies.
    pub date: Option<Date>,
    /// The computation, step by step, in words.
    pub steps: Vec<String>,
    /// Set when the rule leaves the date to judgement, with why.
    pub judgement: Option<String>,
    /// Things to know about the date (weekends, holidays).
    pub notes: Vec<String>,
    pub reference: String,
}

/// What the 14a-8 deadline depends on.
#[derive(Debug, Clone, Default)]
pub struct Sec14a8Dates {
    /// The release date last year's proxy statement gives ("first sent or made available on …").
    pub prior_proxy_date: Option<Date>,
    pub meeting_date: Option<Date>,
    pub prior_meeting_date: Option<Date>,
}

/// The same day one year later; 29 February becomes 28 February.
pub fn anniversary(date: Date) -> Date {
    years_after(date, 1)
}

/// Rule 14a-8(e)(2): received at least 120 calendar days before the
/// anniversary of last year's proxy release; "a reasonable time" before
/// printing when there was no meeting last year or it moved by more than 30 days.
pub fn sec_14a8(lang: Lang, dates: &Sec14a8Dates, params: &Version<Sec14a8>) -> Deadline {
    let p = &params.parameters;
    let day = |date: Date| crate::i18n::long_date(lang, date);
    let reference = format!(
        "17 CFR 240.14a-8(e)(2); parameters from {} ({})",
        params.effective,
        params.source.trim()
    );
    let Some(prior) = dates.prior_proxy_date else {
        return Deadline {
            date: None,
            steps: vec![tr!(lang, "check-deadline-no-prior-proxy")],
            judgement: Some(tr!(lang, "check-deadline-no-prior-meeting")),
            notes: Vec::new(),
            reference,
        };
    };
    let anniversary = anniversary(prior);
    let date = anniversary - Duration::days(p.deadline_days_before_anniversary);
    let mut steps = vec![
        tr!(lang, "check-deadline-prior-proxy", date = day(prior)),
        if prior.month() == Month::February && prior.day() == 29 {
            tr!(
                lang,
                "check-deadline-anniversary-of-leap-day",
                date = day(anniversary)
            )
        } else {
            tr!(lang, "check-deadline-anniversary", date = day(anniversary))
        },
        tr!(
            lang,
            "check-deadline-before-anniversary",
            days = p.deadline_days_before_anniversary,
            date = day(date)
        ),
    ];
    let mut judgement = None;
    if let (Some(meeting), Some(prior_meeting)) = (dates.meeting_date, dates.prior_meeting_date) {
        let moved = (meeting - years_after(prior_meeting, 1)).whole_days();
        steps.push(tr!(
            lang,
            "check-deadline-meeting-moved",
            meeting = day(meeting),
            days = moved.abs(),
            prior_meeting = day(prior_meeting)
        ));
        if moved.abs() > p.meeting_moved_days {
            judgement = Some(tr!(
                lang,
                "check-deadline-meeting-moved-judgement",
                days = p.meeting_moved_days
            ));
        }
    }
    let mut notes = Vec::new();
    // Neither the rule nor the SEC staff's guidance moves a deadline that falls
    // on a weekend or federal holiday. Exchange Act Rule 0-3 (17 CFR 240.0-3)
    // extends deadlines for papers *filed with the Commission*; a proposal is
    // delivered to the company. Companies print the formula's date unchanged:
    // Procter & Gamble's 2023 proxy statement, released 25 Aug 2023, prints
    // Saturday 27 April 2024 (shared/DOMAIN.md).
    let closed = match date.weekday() {
        Weekday::Saturday => Some(("saturday", "")),
        Weekday::Sunday => Some(("sunday", "")),
        _ => us_federal_holiday(date).map(|holiday| ("holiday", holiday)),
    };
    if let Some((closed, holiday)) = closed {
        notes.push(tr!(
            lang,
            "check-deadline-closed-day",
            closed = closed,
            holiday = holiday,
            date = day(business_day_on_or_before(date))
        ));
    }
    Deadline {
        date: Some(date),
        steps,
        judgement,
        notes,
        reference,
    }
}

/// Companies Act 2006 s338(4): received 6 weeks before the AGM or, if later,
/// by the time notice of the meeting is given; s314(4): one week before.
pub fn uk_s338(
    lang: Lang,
    meeting: Date,
    notice_given: Option<Date>,
    params: &Version<UkS338>,
) -> Deadline {
    let p = &params.parameters;
    let day = |date: Date| crate::i18n::long_date(lang, date);
    let six_weeks = meeting - Duration::days(p.resolution_days_before_meeting);
    let mut steps = vec![
        tr!(lang, "check-deadline-agm-on", date = day(meeting)),
        tr!(
            lang,
            "check-deadline-six-weeks-before",
            days = p.resolution_days_before_meeting,
            date = day(six_weeks)
        ),
    ];
    let date = match notice_given {
        Some(notice) if notice > six_weeks => {
            steps.push(tr!(lang, "check-deadline-notice-later", date = day(notice)));
            notice
        }
        Some(notice) => {
            steps.push(tr!(
                lang,
                "check-deadline-notice-earlier",
                date = day(notice)
            ));
            six_weeks
        }
        None => {
            steps.push(tr!(lang, "check-deadline-notice-unknown"));
            six_weeks
        }
    };
    let statement = meeting - Duration::days(p.statement_days_before_meeting);
    steps.push(tr!(
        lang,
        "check-deadline-s314-statement",
        words = p.statement_word_limit,
        date = day(statement)
    ));
    Deadline {
        date: Some(date),
        steps,
        judgement: None,
        notes: Vec::new(),
        reference: format!("Companies Act 2006 s338(4), s314(4); {}", params.source),
    }
}

/// Companies Act 2006 s314(4)(d): a request to circulate a members'
/// statement must be received at least one week before the meeting.
pub fn uk_s314(lang: Lang, meeting: Date, params: &Version<UkS338>) -> Deadline {
    let p = &params.parameters;
    let day = |date: Date| crate::i18n::long_date(lang, date);
    let date = meeting - Duration::days(p.statement_days_before_meeting);
    Deadline {
        date: Some(date),
        steps: vec![
            tr!(lang, "check-deadline-meeting-on", date = day(meeting)),
            tr!(
                lang,
                "check-deadline-s314-request",
                words = p.statement_word_limit,
                date = day(date)
            ),
        ],
        judgement: None,
        notes: Vec::new(),
        reference: format!("Companies Act 2006 s314(4); {}", params.source),
    }
}

/// Code de commerce R225-72: requests at least 25 days before the meeting;
/// R225-73: a listed company publishes a BALO notice at least 35 days
/// before, and its shareholders' requests may not be sent more than 20 days
/// after that notice: the deadline is the earlier of the two when the
/// notice's date (`balo_notice`) is known.
pub fn fr_code_commerce(
    lang: Lang,
    meeting: Date,
    balo_notice: Option<Date>,
    params: &Version<FrCodeCommerce>,
) -> Deadline {
    let p = &params.parameters;
    let day = |date: Date| crate::i18n::long_date(lang, date);
    let before_meeting = meeting - Duration::days(p.request_days_before_meeting);
    let latest_balo = meeting - Duration::days(p.balo_days_before_meeting);
    let mut steps = vec![
        tr!(lang, "check-deadline-meeting-on", date = day(meeting)),
        tr!(
            lang,
            "check-deadline-fr-before-meeting",
            days = p.request_days_before_meeting,
            date = day(before_meeting)
        ),
    ];
    let mut notes = Vec::new();
    let date = match (balo_notice, p.balo_request_window_days) {
        (Some(notice), Some(window)) => {
            let after_notice = notice + Duration::days(window);
            steps.push(tr!(
                lang,
                "check-deadline-fr-balo-window",
                notice = day(notice),
                days = window,
                date = day(after_notice)
            ));
            let earlier = before_meeting.min(after_notice);
            steps.push(tr!(lang, "check-deadline-fr-earlier", date = day(earlier)));
            earlier
        }
        (None, Some(window)) => {
            notes.push(tr!(
                lang,
                "check-deadline-fr-balo-note",
                days = window,
                notice_days = p.balo_days_before_meeting,
                date = day(latest_balo)
            ));
            before_meeting
        }
        (_, None) => before_meeting,
    };
    Deadline {
        date: Some(date),
        steps,
        judgement: None,
        notes,
        reference: format!("Code de commerce R225-72, R225-73; {}", params.source),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::params;
    use time::macros::date;

    fn sec(dates: Sec14a8Dates) -> Deadline {
        let rules = params::sec_14a8().unwrap();
        sec_14a8(
            Lang::En,
            &dates,
            rules.in_force(date!(2025 - 01 - 01)).unwrap(),
        )
    }

    #[test]
    fn procter_and_gamble_2023_proxy_gives_saturday_27_april_2024() {
        // P&G's 2023 proxy statement, released 25 Aug 2023, prints 27 Apr 2024.
        let d = sec(Sec14a8Dates {
            prior_proxy_date: Some(date!(2023 - 08 - 25)),
            ..Default::default()
        });
        assert_eq!(d.date, Some(date!(2024 - 04 - 27)));
        assert_eq!(d.judgement, None);
        assert!(
            d.notes[0].contains("falls on a Saturday")
                && d.notes[0].contains("Friday 26 April 2024"),
            "{:?}",
            d.notes
        );
    }

    #[test]
    fn formula_across_a_leap_day_and_from_a_leap_day() {
        // 11 Jan 2024 → anniversary 11 Jan 2025 → 120 days earlier, across 29 Feb 2024.
        let d = sec(Sec14a8Dates {
            prior_proxy_date: Some(date!(2024 - 01 - 11)),
            ..Default::default()
        });
        assert_eq!(d.date, Some(date!(2024 - 09 - 13)));
        let d = sec(Sec14a8Dates {
            prior_proxy_date: Some(date!(2024 - 02 - 29)),
            ..Default::default()
        });
        assert_eq!(
            d.date,
            Some(date!(2024 - 10 - 31)),
            "anniversary 28 Feb 2025 less 120 days"
        );
        assert!(d.steps[1].contains("28 February"));
    }

    #[test]
    fn a_holiday_is_named() {
        // Anniversary 24 March 2025 − 120 days = Thanksgiving, 28 Nov 2024.
        let d = sec(Sec14a8Dates {
            prior_proxy_date: Some(date!(2024 - 03 - 24)),
            ..Default::default()
        });
        assert_eq!(d.date, Some(date!(2024 - 11 - 24)));
        let d = sec(Sec14a8Dates {
            prior_proxy_date: Some(date!(2024 - 03 - 28)),
            ..Default::default()
        });
        assert_eq!(d.date, Some(date!(2024 - 11 - 28)));
        assert!(
            d.notes[0].contains("Thanksgiving Day")
                && d.notes[0].contains("Wednesday 27 November 2024"),
            "{:?}",
            d.notes
        );
    }

    #[test]
    fn moved_meeting_and_no_prior_meeting_need_judgement() {
        let d = sec(Sec14a8Dates {
            prior_proxy_date: Some(date!(2024 - 01 - 11)),
            meeting_date: Some(date!(2025 - 04 - 20)),
            prior_meeting_date: Some(date!(2024 - 02 - 27)),
        });
        assert!(d
            .judgement
            .as_deref()
            .unwrap()
            .contains("more than 30 days"));
        let d = sec(Sec14a8Dates {
            prior_proxy_date: Some(date!(2024 - 01 - 11)),
            meeting_date: Some(date!(2025 - 03 - 10)),
            prior_meeting_date: Some(date!(2024 - 02 - 27)),
        });
        assert_eq!(d.judgement, None, "11 days is within 30");
        let d = sec(Sec14a8Dates::default());
        assert_eq!(d.date, None);
        assert!(d.judgement.unwrap().contains("reasonable time"));
    }

    #[test]
    fn uk_takes_the_later_of_six_weeks_and_notice() {
        let rules = params::uk_s338().unwrap();
        let p = rules.in_force(date!(2026 - 01 - 01)).unwrap();
        let d = uk_s338(Lang::En, date!(2026 - 06 - 25), None, p);
        assert_eq!(d.date, Some(date!(2026 - 05 - 14)));
        let d = uk_s338(
            Lang::En,
            date!(2026 - 06 - 25),
            Some(date!(2026 - 05 - 28)),
            p,
        );
        assert_eq!(d.date, Some(date!(2026 - 05 - 28)));
        assert!(d
            .steps
            .iter()
            .any(|s| s.contains("s314") && s.contains("18 June 2026")));
    }

    #[test]
    fn france_counts_25_days() {
        let rules = params::fr_code_commerce().unwrap();
        let d = fr_code_commerce(
            Lang::En,
            date!(2026 - 05 - 20),
            None,
            rules.in_force(date!(2026 - 01 - 01)).unwrap(),
        );
        assert_eq!(d.date, Some(date!(2026 - 04 - 25)));
        assert!(d
            .notes
            .iter()
            .any(|n| n.contains("20 days after its BALO notice")));
    }

    #[test]
    fn france_takes_the_earlier_of_25_days_before_and_20_days_after_the_balo_notice() {
        let rules = params::fr_code_commerce().unwrap();
        let version = rules.in_force(date!(2026 - 01 - 01)).unwrap();
        // Notice on 1 April: 20 days after is 21 April, before 25 April.
        let early = fr_code_commerce(
            Lang::En,
            date!(2026 - 05 - 20),
            Some(date!(2026 - 04 - 01)),
            version,
        );
        assert_eq!(early.date, Some(date!(2026 - 04 - 21)));
        // Notice on 14 April: 20 days after is 4 May, so 25 April stands.
        let late = fr_code_commerce(
            Lang::En,
            date!(2026 - 05 - 20),
            Some(date!(2026 - 04 - 14)),
            version,
        );
        assert_eq!(late.date, Some(date!(2026 - 04 - 25)));
    }
}
