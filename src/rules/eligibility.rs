//! Who may file: 14a-8's three holding tiers, the UK's 5% or 100 members,
//! France's capital-based sliding scale.

use time::Date;

use super::calendar::years_after;
use super::params::{FrCodeCommerce, Sec14a8, UkS338, Version};
use crate::i18n::tr;
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq)]
pub struct Eligibility {
    pub eligible: bool,
    /// Which threshold is met, or what is missing, in words.
    pub explanation: String,
}

/// Rule 14a-8(b)(1)(i): continuous ownership of at least the tier's market
/// value for at least the tier's years, as of the submission date. Holdings
/// of several shareholders may not be added together. The explanation is
/// worded in `lang`.
pub fn sec_14a8(
    lang: Lang,
    value_usd: f64,
    held_since: Date,
    as_of: Date,
    params: &Version<Sec14a8>,
) -> Eligibility {
    let tiers = &params.parameters.eligibility;
    let day = |date: Date| crate::i18n::long_date(lang, date);
    for tier in tiers {
        if value_usd >= tier.min_value && years_after(held_since, tier.years) <= as_of {
            return Eligibility {
                eligible: true,
                explanation: tr!(
                    lang,
                    "check-eligibility-met",
                    value = amount(lang, value_usd),
                    since = day(held_since),
                    tier = amount(lang, tier.min_value),
                    years = tier.years,
                    as_of = day(as_of)
                ),
            };
        }
    }
    let missing: Vec<String> = tiers
        .iter()
        .map(|tier| {
            let ready = years_after(held_since, tier.years);
            if value_usd < tier.min_value {
                tr!(
                    lang,
                    "check-eligibility-tier-needs-more",
                    tier = amount(lang, tier.min_value),
                    years = tier.years,
                    more = amount(lang, tier.min_value - value_usd)
                )
            } else {
                tr!(
                    lang,
                    "check-eligibility-tier-met-on",
                    tier = amount(lang, tier.min_value),
                    years = tier.years,
                    date = day(ready)
                )
            }
        })
        .collect();
    Eligibility {
        eligible: false,
        explanation: tr!(
            lang,
            "check-eligibility-not-met",
            as_of = day(as_of),
            value = amount(lang, value_usd),
            since = day(held_since),
            missing = missing.join(&tr!(lang, "check-list-separator"))
        ),
    }
}

/// A whole amount of money as `lang` writes figures: English keeps the
/// ungrouped digits the findings have always shown ("15000"), French
/// groups them ("15 000").
fn amount(lang: Lang, value: f64) -> String {
    match lang {
        Lang::En => format!("{value:.0}"),
        Lang::Fr => crate::i18n::grouped(lang, value.round() as i64),
    }
}

/// What a UK requisition rests on.
#[derive(Debug, Clone, Copy)]
pub enum UkHolding {
    VotingRightsPercent(f64),
    Members { count: u32, average_paid_up: f64 },
}

/// s338(3): 5% of the total voting rights, or at least 100 members with the
/// right to vote holding shares paid up by an average of at least £100 each.
pub fn uk_s338(holding: UkHolding, params: &Version<UkS338>) -> Eligibility {
    let p = &params.parameters;
    match holding {
        UkHolding::VotingRightsPercent(percent) if percent >= p.voting_rights_percent => Eligibility {
            eligible: true,
            explanation: format!("Eligible: {percent}% of the voting rights meets the {}% test.", p.voting_rights_percent),
        },
        UkHolding::VotingRightsPercent(percent) => Eligibility {
            eligible: false,
            explanation: format!(
                "Not eligible: {percent}% of the voting rights is below {}%; alternatively gather at least {} members averaging £{:.0} paid up each.",
                p.voting_rights_percent, p.members, p.average_paid_up
            ),
        },
        UkHolding::Members { count, average_paid_up } => {
            let eligible = count >= p.members && average_paid_up >= p.average_paid_up;
            let explanation = if eligible {
                format!("Eligible: {count} members averaging £{average_paid_up:.2} paid up meet the {}-member test.", p.members)
            } else {
                let mut missing = Vec::new();
                if count < p.members {
                    missing.push(format!("{} more member(s)", p.members - count));
                }
                if average_paid_up < p.average_paid_up {
                    missing.push(format!("an average paid up of at least £{:.0} (now £{average_paid_up:.2})", p.average_paid_up));
                }
                format!("Not eligible under the members' test: needs {}.", missing.join(" and "))
            };
            Eligibility { eligible, explanation }
        }
    }
}

/// R225-71: the share of capital needed to table a resolution. Up to
/// €750,000 of capital it is 5%; above, 4% of the first €750,000, 2.5% of
/// the next tranche to €7.5m, 1% to €15m and 0.5% of the rest.
pub fn fr_required_amount(capital: f64, params: &Version<FrCodeCommerce>) -> f64 {
    let p = &params.parameters;
    if capital <= p.sliding_scale_above {
        return capital * p.base_percent / 100.0;
    }
    let mut required = 0.0;
    let mut lower = 0.0;
    for tranche in &p.tranches {
        let upper = tranche.up_to.unwrap_or(f64::INFINITY).min(capital);
        if upper > lower {
            required += (upper - lower) * tranche.percent / 100.0;
        }
        lower = tranche.up_to.unwrap_or(f64::INFINITY);
        if lower >= capital {
            break;
        }
    }
    required
}

pub fn fr_code_commerce(
    capital: f64,
    held_nominal: f64,
    params: &Version<FrCodeCommerce>,
) -> Eligibility {
    let required = fr_required_amount(capital, params);
    let percent = required / capital * 100.0;
    if held_nominal >= required {
        Eligibility {
            eligible: true,
            explanation: format!(
                "Eligible: €{held_nominal:.0} of capital held meets the €{required:.0} required ({percent:.3}% of €{capital:.0}, R225-71)."
            ),
        }
    } else {
        Eligibility {
            eligible: false,
            explanation: format!(
                "Not eligible: €{held_nominal:.0} held; €{required:.0} ({percent:.3}% of €{capital:.0}) is required (R225-71). Shareholders may group together, or act through an association under L225-120."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::params;
    use time::macros::date;

    #[test]
    fn each_14a8_tier() {
        let rules = params::sec_14a8().unwrap();
        let p = rules.in_force(date!(2025 - 11 - 01)).unwrap();
        let as_of = date!(2025 - 11 - 01);
        assert!(sec_14a8(Lang::En, 2_000.0, date!(2022 - 11 - 01), as_of, p)
            .explanation
            .contains("tier of $2000 for 3 years"));
        assert!(
            sec_14a8(Lang::En, 15_000.0, date!(2023 - 10 - 31), as_of, p)
                .explanation
                .contains("$15000 for 2 years")
        );
        assert!(
            sec_14a8(Lang::En, 25_000.0, date!(2024 - 11 - 01), as_of, p)
                .explanation
                .contains("$25000 for 1 year")
        );
        let not = sec_14a8(Lang::En, 10_000.0, date!(2024 - 03 - 01), as_of, p);
        assert!(!not.eligible);
        assert!(
            not.explanation
                .contains("$2000 for 3 year(s) is met on Monday 1 March 2027"),
            "{}",
            not.explanation
        );
        // One day short of three years.
        assert!(!sec_14a8(Lang::En, 2_000.0, date!(2022 - 11 - 02), as_of, p).eligible);
    }

    #[test]
    fn before_2022_one_year_sufficed() {
        let rules = params::sec_14a8().unwrap();
        let p = rules.in_force(date!(2021 - 06 - 01)).unwrap();
        assert!(
            sec_14a8(
                Lang::En,
                2_000.0,
                date!(2020 - 05 - 01),
                date!(2021 - 06 - 01),
                p
            )
            .eligible
        );
    }

    #[test]
    fn uk_five_percent_or_hundred_members() {
        let rules = params::uk_s338().unwrap();
        let p = rules.in_force(date!(2026 - 01 - 01)).unwrap();
        assert!(uk_s338(UkHolding::VotingRightsPercent(5.0), p).eligible);
        assert!(!uk_s338(UkHolding::VotingRightsPercent(4.9), p).eligible);
        assert!(
            uk_s338(
                UkHolding::Members {
                    count: 100,
                    average_paid_up: 100.0
                },
                p
            )
            .eligible
        );
        let short = uk_s338(
            UkHolding::Members {
                count: 97,
                average_paid_up: 80.0,
            },
            p,
        );
        assert!(
            short.explanation.contains("3 more member(s)") && short.explanation.contains("£100"),
            "{}",
            short.explanation
        );
    }

    #[test]
    fn french_sliding_scale() {
        let rules = params::fr_code_commerce().unwrap();
        let p = rules.in_force(date!(2026 - 01 - 01)).unwrap();
        assert_eq!(fr_required_amount(500_000.0, p), 25_000.0);
        // 4% × 750k + 2.5% × 6.75m + 1% × 7.5m + 0.5% × 85m = 30k + 168.75k + 75k + 425k
        assert!((fr_required_amount(100_000_000.0, p) - 698_750.0).abs() < 0.01);
        assert!((fr_required_amount(1_000_000.0, p) - 36_250.0).abs() < 0.01);
        assert!(fr_code_commerce(1_000_000.0, 40_000.0, p).eligible);
        assert!(!fr_code_commerce(1_000_000.0, 30_000.0, p).eligible);
    }
}
