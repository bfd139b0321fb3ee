//! Filing rules, one pack per jurisdiction, with no dependency on the web
//! layer: deadlines (`deadline`), eligibility (`eligibility`), resubmission
//! (`resubmission`), word counts (`words`). Parameters are dated data in
//! `assets/rules/` (`params`), applied as in force on the filing date.

pub mod calendar;
pub mod campaign;
pub mod checks;
pub mod deadline;
pub mod eligibility;
pub mod fills;
pub mod params;
pub mod resubmission;
pub mod words;
pub mod zones;

use std::fmt;
use std::str::FromStr;

/// The rule packs, named as templates name their jurisdiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jurisdiction {
    UsSec14a8,
    UkCa2006S338,
    FrCodeCommerce,
}

impl FromStr for Jurisdiction {
    type Err = String;

    fn from_str(text: &str) -> Result<Jurisdiction, String> {
        match text {
            "us-sec-14a8" => Ok(Jurisdiction::UsSec14a8),
            "uk-ca2006-s338" => Ok(Jurisdiction::UkCa2006S338),
            "fr-code-commerce" => Ok(Jurisdiction::FrCodeCommerce),
            other => Err(format!("unknown jurisdiction `{other}`; use us-sec-14a8, uk-ca2006-s338 or fr-code-commerce")),
        }
    }
}

impl fmt::Display for Jurisdiction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Jurisdiction::UsSec14a8 => "us-sec-14a8",
            Jurisdiction::UkCa2006S338 => "uk-ca2006-s338",
            Jurisdiction::FrCodeCommerce => "fr-code-commerce",
        })
    }
}
