//! Time zones for Rule 14a-8 engagement times. The rule asks for times
//! "during the regular business hours of the company's principal executive
//! offices" (17 CFR 240.14a-8(b)(1)(iii)), so a time means something only
//! with a zone: the company's zone is an answer (an IANA name, proposed
//! from the company's address), proposed times fall within business hours
//! there, and offered times are checked against it. Conversions use jiff
//! with its bundled copy of the IANA database (summer time included).

use time::Date;

use crate::i18n::tr;
use crate::i18n::Lang;

/// The zones US companies' offices are in: IANA name and how letters name it.
pub const US_ZONES: [(&str, &str); 7] = [
    ("America/New_York", "Eastern Time"),
    ("America/Chicago", "Central Time"),
    ("America/Denver", "Mountain Time"),
    ("America/Phoenix", "Mountain Time (Arizona)"),
    ("America/Los_Angeles", "Pacific Time"),
    ("America/Anchorage", "Alaska Time"),
    ("Pacific/Honolulu", "Hawaii Time"),
];

/// Regular business hours, as whole hours of the local clock: 9 a.m. to 5 p.m.
pub const BUSINESS_HOURS: (i8, i8) = (9, 17);

/// How letters name a zone, e.g. "Pacific Time"; the IANA name for others.
pub fn zone_name(iana: &str) -> &str {
    US_ZONES
        .iter()
        .find(|(id, _)| *id == iana)
        .map_or(iana, |(_, name)| name)
}

/// A zone's name in `lang` for the findings: "Pacific Time", « heure du
/// Pacifique »; the IANA name for zones outside the list.
pub fn zone_label(lang: Lang, iana: &str) -> String {
    match iana {
        "America/New_York" => tr!(lang, "check-zone-eastern"),
        "America/Chicago" => tr!(lang, "check-zone-central"),
        "America/Denver" => tr!(lang, "check-zone-mountain"),
        "America/Phoenix" => tr!(lang, "check-zone-arizona"),
        "America/Los_Angeles" => tr!(lang, "check-zone-pacific"),
        "America/Anchorage" => tr!(lang, "check-zone-alaska"),
        "Pacific/Honolulu" => tr!(lang, "check-zone-hawaii"),
        other => other.to_owned(),
    }
}

/// Each state's (and DC's) zone, by postal code: the zone most of the state
/// keeps, where a state spans two.
const STATES: [(&str, &str); 51] = [
    ("AL", "America/Chicago"),
    ("AK", "America/Anchorage"),
    ("AZ", "America/Phoenix"),
    ("AR", "America/Chicago"),
    ("CA", "America/Los_Angeles"),
    ("CO", "America/Denver"),
    ("CT", "America/New_York"),
    ("DE", "America/New_York"),
    ("DC", "America/New_York"),
    ("FL", "America/New_York"),
    ("GA", "America/New_York"),
    ("HI", "Pacific/Honolulu"),
    ("ID", "America/Denver"),
    ("IL", "America/Chicago"),
    ("IN", "America/New_York"),
    ("IA", "America/Chicago"),
    ("KS", "America/Chicago"),
    ("KY", "America/New_York"),
    ("LA", "America/Chicago"),
    ("ME", "America/New_York"),
    ("MD", "America/New_York"),
    ("MA", "America/New_York"),
    ("MI", "America/New_York"),
    ("MN", "America/Chicago"),
    ("MS", "America/Chicago"),
    ("MO", "America/Chicago"),
    ("MT", "America/Denver"),
    ("NE", "America/Chicago"),
    ("NV", "America/Los_Angeles"),
    ("NH", "America/New_York"),
    ("NJ", "America/New_York"),
    ("NM", "America/Denver"),
    ("NY", "America/New_York"),
    ("NC", "America/New_York"),
    ("ND", "America/Chicago"),
    ("OH", "America/New_York"),
    ("OK", "America/Chicago"),
    ("OR", "America/Los_Angeles"),
    ("PA", "America/New_York"),
    ("RI", "America/New_York"),
    ("SC", "America/New_York"),
    ("SD", "America/Chicago"),
    ("TN", "America/Chicago"),
    ("TX", "America/Chicago"),
    ("UT", "America/Denver"),
    ("VT", "America/New_York"),
    ("VA", "America/New_York"),
    ("WA", "America/Los_Angeles"),
    ("WV", "America/New_York"),
    ("WI", "America/Chicago"),
    ("WY", "America/Denver"),
];

/// The zone of a US address from its state and ZIP code ("Redmond, WA
/// 98052"): a two-letter state code followed by a five-digit ZIP. `None`
/// when the address has no such pair.
pub fn zone_from_address(address: &str) -> Option<&'static str> {
    let words: Vec<&str> = address
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).rev().find_map(|pair| {
        let zip = pair[1].split('-').next().unwrap_or_default();
        let is_zip = zip.len() == 5 && zip.chars().all(|c| c.is_ascii_digit());
        if !is_zip {
            return None;
        }
        STATES
            .iter()
            .find(|(code, _)| *code == pair[0])
            .map(|(_, zone)| *zone)
    })
}

/// A time of day on the local clock, in minutes after midnight.
type Minutes = i32;

/// The time range a slot states ("10:00–11:00 a.m.", "11:00 a.m.–12:00
/// p.m.", "2 to 3 p.m.") and the zone it names (a US zone's name or
/// abbreviation, or an IANA name). Errors say, in `lang`, what is missing.
pub fn slot_time(lang: Lang, slot: &str) -> Result<((Minutes, Minutes), &'static str), String> {
    let zone = slot_zone(slot).ok_or_else(|| tr!(lang, "check-slot-no-zone", slot = slot))?;
    // The text after the year: the date's own numbers are not times.
    let after_date = year_end(slot).map_or(slot, |end| &slot[end..]);
    let times = clock_times(after_date);
    match times.as_slice() {
        [start, end] => Ok(((*start, *end), zone)),
        [start] => Ok(((*start, *start + 60), zone)),
        _ => Err(tr!(lang, "check-slot-no-time", slot = slot)),
    }
}

/// Where the first four-digit number (the year) ends.
fn year_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3))
        .find(|&i| bytes[i..i + 4].iter().all(u8::is_ascii_digit))
        .map(|i| i + 4)
}

/// The zone a slot names.
fn slot_zone(slot: &str) -> Option<&'static str> {
    let lower = slot.to_lowercase();
    if let Some((id, _)) = US_ZONES
        .iter()
        .find(|(id, _)| lower.contains(&id.to_lowercase()))
    {
        return Some(id);
    }
    let words = [
        ("eastern", "America/New_York"),
        ("central", "America/Chicago"),
        ("arizona", "America/Phoenix"),
        ("mountain", "America/Denver"),
        ("pacific", "America/Los_Angeles"),
        ("alaska", "America/Anchorage"),
        ("hawaii", "Pacific/Honolulu"),
    ];
    if let Some((_, id)) = words.iter().find(|(w, _)| lower.contains(w)) {
        return Some(id);
    }
    let abbreviations = [
        (["et", "est", "edt"], "America/New_York"),
        (["ct", "cst", "cdt"], "America/Chicago"),
        (["mt", "mst", "mdt"], "America/Denver"),
        (["pt", "pst", "pdt"], "America/Los_Angeles"),
    ];
    let tokens: Vec<String> = lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .map(str::to_owned)
        .collect();
    abbreviations
        .iter()
        .find(|(names, _)| tokens.iter().any(|t| names.contains(&t.as_str())))
        .map(|(_, id)| *id)
}

/// Clock times in `text` ("10:00", "2", each with an optional a.m./p.m.),
/// in minutes; a meridiem applies to the times before it that have none.
fn clock_times(text: &str) -> Vec<Minutes> {
    let chars: Vec<char> = text.chars().collect();
    let mut found: Vec<(i32, i32, Option<bool>)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let hour: i32 = chars[start..i]
            .iter()
            .collect::<String>()
            .parse()
            .unwrap_or(99);
        let mut minute = 0;
        if i + 2 < chars.len()
            && chars[i] == ':'
            && chars[i + 1].is_ascii_digit()
            && chars[i + 2].is_ascii_digit()
        {
            minute = chars[i + 1..i + 3]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(99);
            i += 3;
        }
        let rest: String = chars[i..].iter().take(6).collect::<String>().to_lowercase();
        let rest = rest.trim_start();
        let meridiem = if rest.starts_with("a.m") || rest.starts_with("am") {
            Some(false)
        } else if rest.starts_with("p.m") || rest.starts_with("pm") {
            Some(true)
        } else {
            None
        };
        if hour <= 23 && minute <= 59 {
            found.push((hour, minute, meridiem));
        }
    }
    // "10:00–11:00 a.m.": the last meridiem covers the times before it.
    let mut carried = None;
    for entry in found.iter_mut().rev() {
        match entry.2 {
            Some(pm) => carried = Some(pm),
            None => entry.2 = carried,
        }
    }
    found
        .into_iter()
        .map(|(hour, minute, meridiem)| {
            let hour = match meridiem {
                Some(true) if hour < 12 => hour + 12,
                Some(false) if hour == 12 => 0,
                _ => hour,
            };
            hour * 60 + minute
        })
        .collect()
}

/// Whether a slot on `day`, stated in `slot_zone`, falls within business
/// hours in `company_zone`; the error says, in `lang`, when it falls there.
pub fn within_business_hours(
    lang: Lang,
    day: Date,
    (start, end): (Minutes, Minutes),
    slot_zone: &str,
    company_zone: &str,
) -> Result<(), String> {
    let local = |minutes: Minutes| -> Result<Minutes, String> {
        let at = jiff::civil::date(day.year() as i16, day.month() as i8, day.day() as i8)
            .at((minutes / 60) as i8, (minutes % 60) as i8, 0, 0)
            .in_tz(slot_zone)
            .and_then(|zoned| zoned.in_tz(company_zone))
            .map_err(|e| {
                tr!(
                    lang,
                    "check-slot-unplaced",
                    zone = company_zone,
                    error = e.to_string()
                )
            })?;
        // A range running past midnight there counts as late, not early.
        let next_day = i32::from(
            at.date() > jiff::civil::date(day.year() as i16, day.month() as i8, day.day() as i8),
        );
        Ok(next_day * 24 * 60 + i32::from(at.hour()) * 60 + i32::from(at.minute()))
    };
    let (from, to) = (local(start)?, local(end.max(start))?);
    let (open, close) = (
        i32::from(BUSINESS_HOURS.0) * 60,
        i32::from(BUSINESS_HOURS.1) * 60,
    );
    if from >= open && to <= close {
        Ok(())
    } else {
        Err(tr!(
            lang,
            "check-slot-outside-hours",
            from = clock(lang, from),
            to = clock(lang, to),
            zone = zone_label(lang, company_zone)
        ))
    }
}

/// "7:00 a.m.", or "7 h 00" as French writes the 24-hour clock, from
/// minutes after midnight.
fn clock(lang: Lang, minutes: Minutes) -> String {
    let minutes = minutes.rem_euclid(24 * 60);
    let (hour, minute) = (minutes / 60, minutes % 60);
    if lang == Lang::Fr {
        return format!("{hour}\u{a0}h\u{a0}{minute:02}");
    }
    let (shown, meridiem) = match hour {
        0 => (12, "a.m."),
        1..=11 => (hour, "a.m."),
        12 => (12, "p.m."),
        _ => (hour - 12, "p.m."),
    };
    format!("{shown}:{minute:02} {meridiem}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_us_address_gives_its_state_zone() {
        assert_eq!(
            zone_from_address("One Microsoft Way\nRedmond, WA 98052-6399"),
            Some("America/Los_Angeles")
        );
        assert_eq!(
            zone_from_address("1600 Amphitheatre Parkway, Mountain View, CA 94043"),
            Some("America/Los_Angeles")
        );
        assert_eq!(
            zone_from_address("350 Fifth Avenue\nNew York, NY 10118"),
            Some("America/New_York")
        );
        assert_eq!(zone_from_address("12 rue de la Paix, 75002 Paris"), None);
    }

    #[test]
    fn slot_times_are_read_with_their_zone() {
        assert_eq!(
            slot_time(
                Lang::En,
                "Tuesday, June 16, 2026, 10:00–11:00 a.m. Eastern Time"
            ),
            Ok(((600, 660), "America/New_York"))
        );
        assert_eq!(
            slot_time(Lang::En, "Wednesday, June 24, 2026, 11:00 a.m.–12:00 p.m. Pacific Time (America/Los_Angeles)"),
            Ok(((660, 720), "America/Los_Angeles"))
        );
        assert_eq!(
            slot_time(Lang::En, "Thursday, June 18, 2026, 2 to 3 pm ET"),
            Ok(((840, 900), "America/New_York"))
        );
        assert!(
            slot_time(Lang::En, "Thursday, June 18, 2026, 2:00–3:00 p.m.")
                .unwrap_err()
                .contains("names no time zone")
        );
        assert!(slot_time(Lang::En, "Thursday, June 18, 2026, Eastern Time")
            .unwrap_err()
            .contains("has no time"));
    }

    #[test]
    fn eastern_morning_is_before_business_hours_in_redmond() {
        let day = date!(2026 - 06 - 16);
        // 10–11 a.m. Eastern is 7–8 a.m. Pacific (summer time in both).
        let early = within_business_hours(
            Lang::En,
            day,
            (600, 660),
            "America/New_York",
            "America/Los_Angeles",
        );
        assert_eq!(
            early.unwrap_err(),
            "is 7:00 a.m.–8:00 a.m. Pacific Time at the company's offices, outside business hours (9 a.m. to 5 p.m.)"
        );
        assert!(within_business_hours(
            Lang::En,
            day,
            (840, 900),
            "America/New_York",
            "America/Los_Angeles"
        )
        .is_ok());
        // Arizona keeps no summer time: 9 a.m. Phoenix is noon Eastern in June.
        assert!(within_business_hours(
            Lang::En,
            day,
            (720, 780),
            "America/New_York",
            "America/Phoenix"
        )
        .is_ok());
        assert!(within_business_hours(
            Lang::En,
            day,
            (600, 660),
            "America/New_York",
            "America/Phoenix"
        )
        .is_err());
    }
}
