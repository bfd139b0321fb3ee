//! Rule parameters as dated data (`assets/rules/*.yaml`): a rule change is a
//! new version in a data file, and a check uses the version in force on its
//! filing date.

use std::sync::LazyLock;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use time::Date;

use crate::text::parse_date;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile<P> {
    pub id: String,
    pub name: String,
    pub versions: Vec<Version<P>>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Version<P> {
    /// ISO date from which this version applies.
    pub effective: String,
    /// `in-force`, `superseded` or `proposed`: a proposed change is never applied.
    pub status: String,
    pub source: String,
    #[serde(flatten)]
    pub parameters: P,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum ParamsError {
    #[error("rule data {file}: {message}")]
    Invalid { file: String, message: String },
    #[error("{pack} has no parameters in force on {date}")]
    NotInForce { pack: String, date: Date },
}

/// The US SEC Rule 14a-8 parameters.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sec14a8 {
    pub deadline_days_before_anniversary: i64,
    pub meeting_moved_days: i64,
    pub word_limit: usize,
    pub eligibility: Vec<Tier>,
    pub resubmission: Resubmission,
    pub engagement_window_days: Option<[i64; 2]>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub min_value: f64,
    pub years: i32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resubmission {
    pub lookback_years: i32,
    pub recent_vote_years: i32,
    /// Percent of votes cast needed after one, two, and three or more votes.
    pub thresholds: [f64; 3],
}

/// The UK Companies Act 2006 s338 / s314 parameters.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UkS338 {
    pub resolution_days_before_meeting: i64,
    pub statement_days_before_meeting: i64,
    pub voting_rights_percent: f64,
    pub members: u32,
    pub average_paid_up: f64,
    pub statement_word_limit: usize,
}

/// The French Code de commerce parameters.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrCodeCommerce {
    pub request_days_before_meeting: i64,
    pub balo_days_before_meeting: i64,
    /// Listed companies: requests may be sent at most this many days after
    /// the BALO notice (R225-73 II).
    #[serde(default)]
    pub balo_request_window_days: Option<i64>,
    pub base_percent: f64,
    pub sliding_scale_above: f64,
    pub tranches: Vec<Tranche>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tranche {
    pub up_to: Option<f64>,
    pub percent: f64,
}

const US_SEC_14A8: &str = include_str!("../../assets/rules/us-sec-14a8.yaml");
const UK_CA2006_S338: &str = include_str!("../../assets/rules/uk-ca2006-s338.yaml");
const FR_CODE_COMMERCE: &str = include_str!("../../assets/rules/fr-code-commerce.yaml");

// The rule files are built into the binary, so each is parsed once: every
// live preview reads them several times (word limit, checks, proposed answers).
static SEC_14A8: LazyLock<Result<RuleFile<Sec14a8>, ParamsError>> =
    LazyLock::new(|| parse(US_SEC_14A8, "assets/rules/us-sec-14a8.yaml"));
static UK_S338: LazyLock<Result<RuleFile<UkS338>, ParamsError>> =
    LazyLock::new(|| parse(UK_CA2006_S338, "assets/rules/uk-ca2006-s338.yaml"));
static FR: LazyLock<Result<RuleFile<FrCodeCommerce>, ParamsError>> =
    LazyLock::new(|| parse(FR_CODE_COMMERCE, "assets/rules/fr-code-commerce.yaml"));

pub fn sec_14a8() -> Result<&'static RuleFile<Sec14a8>, ParamsError> {
    SEC_14A8.as_ref().map_err(Clone::clone)
}

pub fn uk_s338() -> Result<&'static RuleFile<UkS338>, ParamsError> {
    UK_S338.as_ref().map_err(Clone::clone)
}

pub fn fr_code_commerce() -> Result<&'static RuleFile<FrCodeCommerce>, ParamsError> {
    FR.as_ref().map_err(Clone::clone)
}

fn parse<P: DeserializeOwned>(text: &str, file: &str) -> Result<RuleFile<P>, ParamsError> {
    let rules: RuleFile<P> = serde_norway::from_str(text).map_err(|e| ParamsError::Invalid {
        file: file.to_owned(),
        message: e.to_string(),
    })?;
    for version in &rules.versions {
        if parse_date(&version.effective).is_none() {
            return Err(ParamsError::Invalid {
                file: file.to_owned(),
                message: format!("effective date `{}` is not YYYY-MM-DD", version.effective),
            });
        }
    }
    Ok(rules)
}

impl<P> RuleFile<P> {
    /// The version in force on `date`: the latest in-force or superseded
    /// version whose effective date is on or before it.
    pub fn in_force(&self, date: Date) -> Result<&Version<P>, ParamsError> {
        self.versions
            .iter()
            .filter(|v| v.status != "proposed")
            .filter(|v| parse_date(&v.effective).is_some_and(|e| e <= date))
            .max_by_key(|v| parse_date(&v.effective))
            .ok_or_else(|| ParamsError::NotInForce {
                pack: self.id.clone(),
                date,
            })
    }
}
