//! Rule 14a-8(i)(12): may a proposal on substantially the same subject be
//! submitted again, given the votes it got in earlier years?

use super::params::{Sec14a8, Version};

/// A prior vote: the calendar year of the meeting and the share of votes cast in favour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PriorVote {
    pub year: i32,
    pub percent_for: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Resubmission {
    pub allowed: bool,
    pub explanation: String,
}

/// Excludable if the proposal was voted on within the preceding five calendar
/// years, the most recent vote was within the preceding three, and that vote
/// was below 5% (voted on once in the five years), 15% (twice) or 25% (three
/// or more times). Thresholds come from the parameters in force.
pub fn check(meeting_year: i32, votes: &[PriorVote], params: &Version<Sec14a8>) -> Resubmission {
    let p = &params.parameters.resubmission;
    let window: Vec<&PriorVote> = votes
        .iter()
        .filter(|v| v.year < meeting_year && v.year >= meeting_year - p.lookback_years)
        .collect();
    let Some(latest) = window.iter().max_by_key(|v| v.year) else {
        return Resubmission {
            allowed: true,
            explanation: format!("No vote on the subject in the preceding {} calendar years: no resubmission limit applies.", p.lookback_years),
        };
    };
    if latest.year < meeting_year - p.recent_vote_years {
        return Resubmission {
            allowed: true,
            explanation: format!(
                "The most recent vote ({}) is not within the preceding {} calendar years: no resubmission limit applies.",
                latest.year, p.recent_vote_years
            ),
        };
    }
    let times = window.len();
    let threshold = p.thresholds[times.min(3) - 1];
    let allowed = latest.percent_for >= threshold;
    let times_text = match times {
        1 => "once".to_owned(),
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    };
    Resubmission {
        allowed,
        explanation: format!(
            "Voted on {times_text} in the preceding {} calendar years; the most recent vote ({}) got {}%, {} the {}% needed: the proposal {} be resubmitted for {}.",
            p.lookback_years,
            latest.year,
            latest.percent_for,
            if allowed { "at or above" } else { "below" },
            threshold,
            if allowed { "may" } else { "may be excluded if it is" },
            meeting_year
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::params;
    use time::macros::date;

    fn run(year: i32, votes: &[(i32, f64)]) -> Resubmission {
        let rules = params::sec_14a8().unwrap();
        let p = rules.in_force(date!(2026 - 01 - 01)).unwrap();
        let votes: Vec<PriorVote> = votes
            .iter()
            .map(|(y, v)| PriorVote {
                year: *y,
                percent_for: *v,
            })
            .collect();
        check(year, &votes, p)
    }

    #[test]
    fn thresholds_by_number_of_votes() {
        assert!(run(2026, &[(2025, 5.0)]).allowed);
        assert!(!run(2026, &[(2025, 4.9)]).allowed);
        assert!(!run(2026, &[(2022, 30.0), (2025, 14.0)]).allowed);
        assert!(run(2026, &[(2022, 3.0), (2025, 15.0)]).allowed);
        assert!(!run(2026, &[(2021, 40.0), (2023, 30.0), (2025, 24.9)]).allowed);
        // Amazon's customer due diligence proposal got 40.3% in 2022 (DOMAIN.md): resubmittable.
        assert!(run(2024, &[(2022, 40.3)]).allowed);
    }

    #[test]
    fn old_votes_do_not_count() {
        assert!(run(2026, &[(2020, 1.0)]).allowed, "outside five years");
        let r = run(2026, &[(2021, 1.0), (2022, 2.0)]);
        assert!(
            r.allowed && r.explanation.contains("not within the preceding 3"),
            "{}",
            r.explanation
        );
    }

    #[test]
    fn before_2022_the_thresholds_were_lower() {
        let rules = params::sec_14a8().unwrap();
        let p = rules.in_force(date!(2021 - 01 - 01)).unwrap();
        assert!(
            check(
                2021,
                &[PriorVote {
                    year: 2020,
                    percent_for: 4.0
                }],
                p
            )
            .allowed,
            "3% then"
        );
    }
}
