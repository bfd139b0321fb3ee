//! Calendar facts the deadline rules need: weekends and US federal holidays
//! (5 U.S.C. 6103, with Juneteenth from 2021 and the Friday/Monday observance
//! of holidays that fall on a weekend).

use time::{Date, Duration, Month, Weekday};

/// The same day `years` years later; 29 February becomes 28 February in a common year.
pub fn years_after(date: Date, years: i32) -> Date {
    let year = date.year() + years;
    Date::from_calendar_date(year, date.month(), date.day())
        .or_else(|_| Date::from_calendar_date(year, Month::February, 28))
        .unwrap_or(date)
}

/// The same day `months` months later, or the month's last day when it is
/// shorter (31 August + 6 months = 28 or 29 February).
pub fn months_after(date: Date, months: u8) -> Date {
    let index = date.year() * 12 + i32::from(u8::from(date.month())) - 1 + i32::from(months);
    let year = index.div_euclid(12);
    // `rem_euclid(12) + 1` is always a month number, 1 to 12.
    let month = Month::try_from((index.rem_euclid(12) + 1) as u8).unwrap_or(date.month());
    let day = date.day().min(time::util::days_in_month(month, year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

pub fn is_weekend(date: Date) -> bool {
    matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// The name of the US federal holiday observed on `date`, if any.
pub fn us_federal_holiday(date: Date) -> Option<&'static str> {
    let year = date.year();
    let fixed = |month: Month, day: u8| {
        Date::from_calendar_date(year, month, day)
            .ok()
            .map(observed)
    };
    let nth = |month: Month, weekday: Weekday, n: u8| nth_weekday(year, month, weekday, n);
    let holidays: [(Option<Date>, &str); 11] = [
        (fixed(Month::January, 1), "New Year's Day"),
        (
            nth(Month::January, Weekday::Monday, 3),
            "Birthday of Martin Luther King, Jr.",
        ),
        (
            nth(Month::February, Weekday::Monday, 3),
            "Washington's Birthday",
        ),
        (
            last_weekday(year, Month::May, Weekday::Monday),
            "Memorial Day",
        ),
        (
            if year >= 2021 {
                fixed(Month::June, 19)
            } else {
                None
            },
            "Juneteenth National Independence Day",
        ),
        (fixed(Month::July, 4), "Independence Day"),
        (nth(Month::September, Weekday::Monday, 1), "Labor Day"),
        (nth(Month::October, Weekday::Monday, 2), "Columbus Day"),
        (fixed(Month::November, 11), "Veterans Day"),
        (
            nth(Month::November, Weekday::Thursday, 4),
            "Thanksgiving Day",
        ),
        (fixed(Month::December, 25), "Christmas Day"),
    ];
    holidays
        .iter()
        .find(|(day, _)| *day == Some(date))
        .map(|(_, name)| *name)
}

/// A holiday on a Saturday is observed the Friday before, on a Sunday the Monday after.
fn observed(date: Date) -> Date {
    match date.weekday() {
        Weekday::Saturday => date - Duration::days(1),
        Weekday::Sunday => date + Duration::days(1),
        _ => date,
    }
}

fn nth_weekday(year: i32, month: Month, weekday: Weekday, n: u8) -> Option<Date> {
    let first = Date::from_calendar_date(year, month, 1).ok()?;
    let offset = (7 + weekday.number_days_from_monday() as i64
        - first.weekday().number_days_from_monday() as i64)
        % 7;
    Some(first + Duration::days(offset + 7 * (i64::from(n) - 1)))
}

fn last_weekday(year: i32, month: Month, weekday: Weekday) -> Option<Date> {
    let next_month = if month == Month::December {
        Date::from_calendar_date(year + 1, Month::January, 1)
    } else {
        Date::from_calendar_date(year, month.next(), 1)
    }
    .ok()?;
    let last = next_month - Duration::days(1);
    let back = (7 + last.weekday().number_days_from_monday() as i64
        - weekday.number_days_from_monday() as i64)
        % 7;
    Some(last - Duration::days(back))
}

/// The last business day on or before `date`.
pub fn business_day_on_or_before(mut date: Date) -> Date {
    while is_weekend(date) || us_federal_holiday(date).is_some() {
        date -= Duration::days(1);
    }
    date
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn federal_holidays_including_observed_days() {
        assert_eq!(
            us_federal_holiday(date!(2024 - 11 - 28)),
            Some("Thanksgiving Day")
        );
        assert_eq!(
            us_federal_holiday(date!(2024 - 05 - 27)),
            Some("Memorial Day")
        );
        // 4 July 2026 is a Saturday: observed on Friday 3 July.
        assert_eq!(
            us_federal_holiday(date!(2026 - 07 - 03)),
            Some("Independence Day")
        );
        assert_eq!(
            us_federal_holiday(date!(2020 - 06 - 19)),
            None,
            "Juneteenth from 2021"
        );
        assert_eq!(us_federal_holiday(date!(2024 - 04 - 27)), None);
        assert_eq!(
            business_day_on_or_before(date!(2024 - 04 - 27)),
            date!(2024 - 04 - 26)
        );
    }
}
