//! Motions: yes / no / abstain with a quorum and a majority.

use super::VoteError;

/// One member's vote on a motion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Choice {
    Yes,
    No,
    Abstain,
}

/// The majority a motion needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Majority {
    /// More yes than no (with abstentions counted: more than half of the votes cast).
    Simple,
    /// More than half of all members entitled to vote.
    Absolute,
    /// At least two thirds of the counted votes.
    TwoThirds,
    /// At least three quarters of the counted votes.
    ThreeQuarters,
    /// At least `num/den` of the counted votes (a statute that asks for more than the
    /// law, such as 4/5).
    Fraction { num: u64, den: u64 },
}

/// Whether abstentions count in the base of the majority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Abstentions {
    /// Only votes for and against count (the default of cooperative assemblies).
    #[default]
    Ignored,
    /// Abstentions are votes cast: they count in the base, like a vote against.
    Counted,
}

/// How many must take part for the vote to be valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quorum {
    /// No quorum.
    None,
    /// At least `num/den` of the members entitled to vote must be present (voting, abstaining
    /// included). The default is one half.
    Fraction { num: u64, den: u64 },
    /// At least this many present.
    Count(u64),
}

/// The rules of a motion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MotionRules {
    pub majority: Majority,
    pub abstentions: Abstentions,
    pub quorum: Quorum,
}

impl Default for MotionRules {
    /// Simple majority of votes for and against, abstentions not counted, quorum: at least
    /// half of those entitled present.
    fn default() -> Self {
        MotionRules {
            majority: Majority::Simple,
            abstentions: Abstentions::Ignored,
            quorum: Quorum::Fraction { num: 1, den: 2 },
        }
    }
}

/// Passed, rejected or invalid for lack of quorum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MotionOutcome {
    Passed,
    Rejected,
    NoQuorum,
}

/// The count of a motion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MotionResult {
    pub yes: u64,
    pub no: u64,
    pub abstain: u64,
    /// Members present (voted yes, no or abstained).
    pub present: u64,
    pub entitled: u64,
    pub outcome: MotionOutcome,
    /// Yes votes needed to pass (when the quorum is met).
    pub yes_needed: u64,
    /// Plain-language explanation.
    pub explanation: String,
}

/// Counts a motion where everyone present voted. `entitled` is the number of members
/// entitled to vote.
pub fn count_motion(
    votes: &[Choice],
    entitled: u64,
    rules: &MotionRules,
) -> Result<MotionResult, VoteError> {
    count_motion_present(votes, votes.len() as u64, entitled, rules)
}

/// Counts a motion where `present` members were present at the vote, some of whom may
/// not have voted: the quorum counts everyone present, as an assembly checks it.
pub fn count_motion_present(
    votes: &[Choice],
    present: u64,
    entitled: u64,
    rules: &MotionRules,
) -> Result<MotionResult, VoteError> {
    let (mut yes, mut no, mut abstain) = (0u64, 0u64, 0u64);
    for v in votes {
        match v {
            Choice::Yes => yes += 1,
            Choice::No => no += 1,
            Choice::Abstain => abstain += 1,
        }
    }
    if let Majority::Fraction { num, den } = rules.majority {
        if num == 0 || num > den {
            return Err(VoteError::BadMajority);
        }
    }
    let cast = yes + no + abstain;
    if cast > present || present > entitled {
        return Err(VoteError::MoreVotesThanMembers {
            votes: cast.max(present),
            entitled,
        });
    }
    let (quorum_ok, quorum_text) = match rules.quorum {
        Quorum::None => (true, "no quorum required".to_string()),
        Quorum::Fraction { num, den } => {
            if den == 0 || num > den {
                return Err(VoteError::BadQuorum);
            }
            let need = (u128::from(entitled) * u128::from(num)).div_ceil(u128::from(den));
            (
                u128::from(present) * u128::from(den) >= u128::from(entitled) * u128::from(num),
                format!(
                    "quorum {num}/{den} of {entitled} members: {need} needed, {present} present"
                ),
            )
        }
        Quorum::Count(c) => (
            present >= c,
            format!("quorum {c} members, {present} present"),
        ),
    };
    let base = match rules.abstentions {
        Abstentions::Ignored => yes + no,
        Abstentions::Counted => yes + no + abstain,
    };
    // smallest yes that passes
    let yes_needed = match rules.majority {
        Majority::Simple => match rules.abstentions {
            // yes > no
            Abstentions::Ignored => no + 1,
            // yes > base/2
            Abstentions::Counted => base / 2 + 1,
        },
        Majority::Absolute => entitled / 2 + 1,
        Majority::TwoThirds => (2 * base).div_ceil(3).max(1),
        Majority::ThreeQuarters => (3 * base).div_ceil(4).max(1),
        Majority::Fraction { num, den } => fraction_of(base, num, den).max(1),
    };
    let passes = match rules.majority {
        Majority::Simple => match rules.abstentions {
            Abstentions::Ignored => yes > no,
            Abstentions::Counted => 2 * yes > base,
        },
        Majority::Absolute => 2 * yes > entitled,
        Majority::TwoThirds => yes > 0 && 3 * yes >= 2 * base,
        Majority::ThreeQuarters => yes > 0 && 4 * yes >= 3 * base,
        Majority::Fraction { num, den } => {
            yes > 0 && u128::from(yes) * u128::from(den) >= u128::from(base) * u128::from(num)
        }
    };
    let maj_text = match rules.majority {
        Majority::Simple => "simple majority".to_string(),
        Majority::Absolute => "absolute majority of all members".to_string(),
        Majority::TwoThirds => "two-thirds majority".to_string(),
        Majority::ThreeQuarters => "three-quarters majority".to_string(),
        Majority::Fraction { num, den } => format!("majority of {num}/{den}"),
    };
    let abst_text = match rules.abstentions {
        Abstentions::Ignored => "abstentions not counted",
        Abstentions::Counted => "abstentions counted",
    };
    let outcome = if !quorum_ok {
        MotionOutcome::NoQuorum
    } else if passes {
        MotionOutcome::Passed
    } else {
        MotionOutcome::Rejected
    };
    let verdict = match outcome {
        MotionOutcome::NoQuorum => "no quorum: the vote is not valid".to_string(),
        MotionOutcome::Passed => format!("passed: {yes} yes, {yes_needed} needed"),
        MotionOutcome::Rejected if yes == no && rules.majority == Majority::Simple => {
            format!("rejected: a tie ({yes} yes, {no} no) does not pass")
        }
        MotionOutcome::Rejected => format!("rejected: {yes} yes, {yes_needed} needed"),
    };
    Ok(MotionResult {
        yes,
        no,
        abstain,
        present,
        entitled,
        outcome,
        yes_needed,
        explanation: format!(
            "{verdict} ({yes} yes, {no} no, {abstain} abstain; {maj_text}, {abst_text}; {quorum_text})"
        ),
    })
}

/// The smallest whole number at least `num/den` of `base`.
fn fraction_of(base: u64, num: u64, den: u64) -> u64 {
    let need = (u128::from(base) * u128::from(num)).div_ceil(u128::from(den));
    u64::try_from(need).unwrap_or(u64::MAX)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use Choice::*;

    fn votes(y: usize, n: usize, a: usize) -> Vec<Choice> {
        let mut v = vec![Yes; y];
        v.extend(vec![No; n]);
        v.extend(vec![Abstain; a]);
        v
    }

    #[test]
    fn simple_majority_ignores_abstentions_by_default() {
        // 20 members, 12 present: 5 yes, 4 no, 3 abstain -> passes (5 > 4)
        let r = count_motion(&votes(5, 4, 3), 20, &MotionRules::default()).unwrap();
        assert_eq!(r.outcome, MotionOutcome::Passed);
        assert_eq!(r.yes_needed, 5);
        // counted abstentions: 5 of 12 is not more than half
        let rules = MotionRules {
            abstentions: Abstentions::Counted,
            ..MotionRules::default()
        };
        let r = count_motion(&votes(5, 4, 3), 20, &rules).unwrap();
        assert_eq!(r.outcome, MotionOutcome::Rejected);
        assert_eq!(r.yes_needed, 7);
    }

    #[test]
    fn tie_rejects() {
        let r = count_motion(&votes(4, 4, 0), 10, &MotionRules::default()).unwrap();
        assert_eq!(r.outcome, MotionOutcome::Rejected);
        assert!(r.explanation.contains("tie"));
    }

    #[test]
    fn quorum_is_half_of_entitled_by_default() {
        // 20 entitled, 9 present -> no quorum; 10 present -> quorum
        let r = count_motion(&votes(9, 0, 0), 20, &MotionRules::default()).unwrap();
        assert_eq!(r.outcome, MotionOutcome::NoQuorum);
        let r = count_motion(&votes(9, 0, 1), 20, &MotionRules::default()).unwrap();
        assert_eq!(r.outcome, MotionOutcome::Passed);
        // 21 entitled: 11 needed (10.5 rounded up)
        let r = count_motion(&votes(10, 0, 0), 21, &MotionRules::default()).unwrap();
        assert_eq!(r.outcome, MotionOutcome::NoQuorum);
    }

    #[test]
    fn qualified_majorities() {
        let two_thirds = MotionRules {
            majority: Majority::TwoThirds,
            ..MotionRules::default()
        };
        // 20 yes, 10 no: exactly 2/3 -> passes; 19/10 -> fails
        assert_eq!(
            count_motion(&votes(20, 10, 5), 40, &two_thirds)
                .unwrap()
                .outcome,
            MotionOutcome::Passed
        );
        assert_eq!(
            count_motion(&votes(19, 10, 5), 40, &two_thirds)
                .unwrap()
                .outcome,
            MotionOutcome::Rejected
        );
        let three_quarters = MotionRules {
            majority: Majority::ThreeQuarters,
            ..MotionRules::default()
        };
        // 30 yes, 10 no: exactly 3/4
        let r = count_motion(&votes(30, 10, 0), 50, &three_quarters).unwrap();
        assert_eq!(r.outcome, MotionOutcome::Passed);
        assert_eq!(r.yes_needed, 30);
        assert_eq!(
            count_motion(&votes(29, 10, 0), 50, &three_quarters)
                .unwrap()
                .outcome,
            MotionOutcome::Rejected
        );
    }

    #[test]
    fn absolute_majority_counts_all_members() {
        let abs = MotionRules {
            majority: Majority::Absolute,
            ..MotionRules::default()
        };
        // 100 members, 60 present: 50 yes is not more than half of 100
        assert_eq!(
            count_motion(&votes(50, 5, 5), 100, &abs).unwrap().outcome,
            MotionOutcome::Rejected
        );
        assert_eq!(
            count_motion(&votes(51, 5, 4), 100, &abs).unwrap().outcome,
            MotionOutcome::Passed
        );
    }

    #[test]
    fn a_statute_fraction_and_those_present_who_do_not_vote() {
        let four_fifths = MotionRules {
            majority: Majority::Fraction { num: 4, den: 5 },
            ..MotionRules::default()
        };
        // 16 yes of 20: exactly 4/5; 15 of 19 is just under.
        let r = count_motion(&votes(16, 4, 0), 40, &four_fifths).unwrap();
        assert_eq!((r.outcome, r.yes_needed), (MotionOutcome::Passed, 16));
        let r = count_motion(&votes(15, 4, 0), 38, &four_fifths).unwrap();
        assert_eq!(r.outcome, MotionOutcome::Rejected);
        // 20 present of 40 (quorum), only 3 vote: the quorum still holds.
        let r = count_motion_present(&votes(2, 1, 0), 20, 40, &MotionRules::default()).unwrap();
        assert_eq!(r.outcome, MotionOutcome::Passed);
        let r = count_motion_present(&votes(2, 1, 0), 19, 40, &MotionRules::default()).unwrap();
        assert_eq!(r.outcome, MotionOutcome::NoQuorum);
        assert!(count_motion_present(&votes(3, 0, 0), 2, 40, &MotionRules::default()).is_err());
        for bad in [(0, 3), (4, 3), (1, 0)] {
            let rules = MotionRules {
                majority: Majority::Fraction {
                    num: bad.0,
                    den: bad.1,
                },
                ..MotionRules::default()
            };
            assert_eq!(
                count_motion(&votes(1, 0, 0), 2, &rules).unwrap_err(),
                VoteError::BadMajority
            );
        }
    }

    #[test]
    fn rejects_impossible_tallies() {
        let e = count_motion(&votes(3, 0, 0), 2, &MotionRules::default()).unwrap_err();
        assert_eq!(e.code(), "vote.tally.more_votes_than_members");
    }
}
