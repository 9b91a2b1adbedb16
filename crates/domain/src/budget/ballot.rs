//! What a valid ballot is, for each kind of ballot Polish cities use.

/// The ballot of a pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BallotKind {
    /// Tick at most `max` projects (and at least `min`). Warsaw: up to 10 or 15.
    Approval { max: u32, min: u32 },
    /// Exactly one project.
    ChooseOne,
    /// Spread up to `total` points freely, several on one project if one likes (Gdańsk: 5).
    Points { total: u32 },
    /// Rank projects; the first gets `points[0]`, the second `points[1]`… (Kraków: 3, 2, 1).
    Ranked { points: Vec<u32> },
}

impl BallotKind {
    pub fn code(&self) -> &'static str {
        match self {
            BallotKind::Approval { .. } => "approval",
            BallotKind::ChooseOne => "choose-1",
            BallotKind::Points { .. } => "points",
            BallotKind::Ranked { .. } => "ranked",
        }
    }

    /// The vote type of the pabulib file a pool's ballots are published in. Ranked
    /// ballots are published with their points, so a recount uses the city's own scale.
    pub fn pabulib_vote_type(&self) -> crate::pb::VoteType {
        match self {
            BallotKind::Approval { .. } => crate::pb::VoteType::Approval,
            BallotKind::ChooseOne => crate::pb::VoteType::Choose1,
            BallotKind::Points { .. } | BallotKind::Ranked { .. } => {
                crate::pb::VoteType::Cumulative
            }
        }
    }

    /// Checks the settings themselves.
    pub fn check(&self) -> Result<(), BallotError> {
        let ok = match self {
            BallotKind::Approval { max, min } => *max >= 1 && min <= max,
            BallotKind::ChooseOne => true,
            BallotKind::Points { total } => *total >= 1,
            BallotKind::Ranked { points } => !points.is_empty() && points.iter().all(|p| *p >= 1),
        };
        if ok {
            Ok(())
        } else {
            Err(BallotError::BadSettings)
        }
    }
}

/// One project on a ballot and the points it gets (1 for a tick).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Choice {
    pub project: i64,
    pub points: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BallotError {
    #[error("the ballot is empty")]
    Empty,
    #[error("more projects than allowed ({max})")]
    TooMany { max: u32 },
    #[error("fewer projects than required ({min})")]
    TooFew { min: u32 },
    #[error("a project that is not on this ballot")]
    UnknownProject,
    #[error("a project chosen twice")]
    Duplicate,
    #[error("more points than allowed ({total})")]
    TooManyPoints { total: u32 },
    #[error("a project with no points")]
    ZeroPoints,
    #[error("the ballot's settings are not valid")]
    BadSettings,
}

impl BallotError {
    pub fn code(self) -> &'static str {
        match self {
            BallotError::Empty => "budget.ballot_empty",
            BallotError::TooMany { .. } => "budget.ballot_too_many",
            BallotError::TooFew { .. } => "budget.ballot_too_few",
            BallotError::UnknownProject => "budget.ballot_unknown_project",
            BallotError::Duplicate => "budget.ballot_duplicate",
            BallotError::TooManyPoints { .. } => "budget.ballot_too_many_points",
            BallotError::ZeroPoints => "budget.ballot_zero_points",
            BallotError::BadSettings => "budget.ballot_settings",
        }
    }
}

/// Validates a ballot against its kind and the projects on the ballot, and returns it
/// in canonical form: ticks and points sorted by project; ranked ballots in rank order
/// with the points of each rank. `picked` is what the voter sent: for ranked ballots
/// in order of preference (their `points` are ignored), for ticks with any points.
pub fn validate_ballot(
    kind: &BallotKind,
    picked: &[Choice],
    on_ballot: &[i64],
) -> Result<Vec<Choice>, BallotError> {
    kind.check()?;
    if picked.is_empty() {
        return Err(BallotError::Empty);
    }
    if picked.iter().any(|c| !on_ballot.contains(&c.project)) {
        return Err(BallotError::UnknownProject);
    }
    let mut ids: Vec<i64> = picked.iter().map(|c| c.project).collect();
    ids.sort_unstable();
    if ids.windows(2).any(|w| w[0] == w[1]) {
        return Err(BallotError::Duplicate);
    }
    let n = picked.len() as u32;
    let mut out: Vec<Choice> = match kind {
        BallotKind::Approval { max, min } => {
            if n > *max {
                return Err(BallotError::TooMany { max: *max });
            }
            if n < *min {
                return Err(BallotError::TooFew { min: *min });
            }
            picked
                .iter()
                .map(|c| Choice {
                    project: c.project,
                    points: 1,
                })
                .collect()
        }
        BallotKind::ChooseOne => {
            if n > 1 {
                return Err(BallotError::TooMany { max: 1 });
            }
            vec![Choice {
                project: picked[0].project,
                points: 1,
            }]
        }
        BallotKind::Points { total } => {
            if picked.iter().any(|c| c.points == 0) {
                return Err(BallotError::ZeroPoints);
            }
            let sum: u64 = picked.iter().map(|c| u64::from(c.points)).sum();
            if sum > u64::from(*total) {
                return Err(BallotError::TooManyPoints { total: *total });
            }
            picked.to_vec()
        }
        BallotKind::Ranked { points } => {
            if picked.len() > points.len() {
                return Err(BallotError::TooMany {
                    max: points.len() as u32,
                });
            }
            return Ok(picked
                .iter()
                .zip(points)
                .map(|(c, p)| Choice {
                    project: c.project,
                    points: *p,
                })
                .collect());
        }
    };
    out.sort();
    Ok(out)
}

/// Writes a canonical ballot as `project:points,…`, the form it is stored in.
pub fn encode(choices: &[Choice]) -> String {
    choices
        .iter()
        .map(|c| format!("{}:{}", c.project, c.points))
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads what [`encode`] wrote.
pub fn decode(text: &str) -> Option<Vec<Choice>> {
    text.split(',')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (p, n) = pair.split_once(':')?;
            Some(Choice {
                project: p.parse().ok()?,
                points: n.parse().ok()?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(project: i64, points: u32) -> Choice {
        Choice { project, points }
    }

    const ON: [i64; 5] = [1, 2, 3, 4, 5];

    #[test]
    fn approval_limits() {
        let k = BallotKind::Approval { max: 2, min: 1 };
        assert_eq!(
            validate_ballot(&k, &[c(3, 0), c(1, 7)], &ON),
            Ok(vec![c(1, 1), c(3, 1)])
        );
        assert_eq!(
            validate_ballot(&k, &[c(1, 1), c(2, 1), c(3, 1)], &ON),
            Err(BallotError::TooMany { max: 2 })
        );
        assert_eq!(validate_ballot(&k, &[], &ON), Err(BallotError::Empty));
        assert_eq!(
            validate_ballot(&k, &[c(9, 1)], &ON),
            Err(BallotError::UnknownProject)
        );
        assert_eq!(
            validate_ballot(&k, &[c(1, 1), c(1, 1)], &ON),
            Err(BallotError::Duplicate)
        );
        let at_least_two = BallotKind::Approval { max: 3, min: 2 };
        assert_eq!(
            validate_ballot(&at_least_two, &[c(1, 1)], &ON),
            Err(BallotError::TooFew { min: 2 })
        );
    }

    #[test]
    fn choose_one() {
        assert_eq!(
            validate_ballot(&BallotKind::ChooseOne, &[c(2, 5)], &ON),
            Ok(vec![c(2, 1)])
        );
        assert_eq!(
            validate_ballot(&BallotKind::ChooseOne, &[c(2, 1), c(3, 1)], &ON),
            Err(BallotError::TooMany { max: 1 })
        );
    }

    #[test]
    fn gdansk_points_may_all_go_to_one_project() {
        let k = BallotKind::Points { total: 5 };
        assert_eq!(validate_ballot(&k, &[c(4, 5)], &ON), Ok(vec![c(4, 5)]));
        assert_eq!(
            validate_ballot(&k, &[c(4, 3), c(1, 2)], &ON),
            Ok(vec![c(1, 2), c(4, 3)])
        );
        assert_eq!(
            validate_ballot(&k, &[c(4, 3), c(1, 3)], &ON),
            Err(BallotError::TooManyPoints { total: 5 })
        );
        assert_eq!(
            validate_ballot(&k, &[c(4, 0)], &ON),
            Err(BallotError::ZeroPoints)
        );
        assert_eq!(
            validate_ballot(&k, &[c(4, u32::MAX), c(1, u32::MAX)], &ON),
            Err(BallotError::TooManyPoints { total: 5 })
        );
    }

    #[test]
    fn krakow_ranks_get_three_two_one() {
        let k = BallotKind::Ranked {
            points: vec![3, 2, 1],
        };
        assert_eq!(
            validate_ballot(&k, &[c(5, 0), c(2, 0), c(4, 0)], &ON),
            Ok(vec![c(5, 3), c(2, 2), c(4, 1)])
        );
        assert_eq!(validate_ballot(&k, &[c(5, 0)], &ON), Ok(vec![c(5, 3)]));
        assert_eq!(
            validate_ballot(&k, &[c(1, 0), c(2, 0), c(3, 0), c(4, 0)], &ON),
            Err(BallotError::TooMany { max: 3 })
        );
    }

    #[test]
    fn settings_are_checked() {
        assert_eq!(
            BallotKind::Approval { max: 0, min: 0 }.check(),
            Err(BallotError::BadSettings)
        );
        assert_eq!(
            BallotKind::Approval { max: 2, min: 3 }.check(),
            Err(BallotError::BadSettings)
        );
        assert_eq!(
            BallotKind::Ranked { points: vec![] }.check(),
            Err(BallotError::BadSettings)
        );
        assert_eq!(
            BallotKind::Points { total: 0 }.check(),
            Err(BallotError::BadSettings)
        );
    }

    #[test]
    fn stored_form_round_trips() {
        let b = vec![c(5, 3), c(2, 2), c(4, 1)];
        assert_eq!(decode(&encode(&b)), Some(b));
        assert_eq!(decode("1:x"), None);
    }
}
