//! Dates as each language writes them in running text.

use time::Date;

use super::Lang;

/// English month names, also for reading dates in English text.
pub const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

const ENGLISH_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const FRENCH_WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// The month's name (1 = January); French names are lower case.
pub fn month_name(lang: Lang, month: time::Month) -> &'static str {
    let index = u8::from(month) as usize - 1;
    match lang {
        Lang::En => ENGLISH_MONTHS[index],
        Lang::Fr => FRENCH_MONTHS[index],
    }
}

/// "16 February 2026", "16 février 2026"; French writes the first of the
/// month "1er".
pub fn date(lang: Lang, date: Date) -> String {
    let month = month_name(lang, date.month());
    match (lang, date.day()) {
        (Lang::Fr, 1) => format!("1er {month} {}", date.year()),
        (_, day) => format!("{day} {month} {}", date.year()),
    }
}

/// With the weekday: "Monday 16 February 2026", "lundi 16 février 2026".
pub fn long_date(lang: Lang, day: Date) -> String {
    let weekday = day.weekday().number_days_from_monday() as usize;
    let name = match lang {
        Lang::En => ENGLISH_WEEKDAYS[weekday],
        Lang::Fr => FRENCH_WEEKDAYS[weekday],
    };
    format!("{name} {}", date(lang, day))
}
