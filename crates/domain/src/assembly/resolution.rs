//! Resolutions and their counts (Prawo spółdzielcze art. 35–36, 42): one member, one
//! vote, whatever the shares; the quorum checked at every vote against who is present
//! at that moment; the majority the kind of resolution needs, from the statute; and a
//! secret ballot for electing and dismissing the boards.

use super::AssemblyError;
use crate::coop::settings::{CoopSettings, Fraction};
use crate::vote::{
    approval, count_motion_present, Abstentions, Choice, Majority, MotionResult, MotionRules,
    Quorum, VoteError,
};

/// What a resolution decides, which sets the majority it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResolutionKind {
    /// Approving statements, dividing the surplus, anything else: a simple majority.
    Ordinary,
    StatuteChange,
    Merger,
    Liquidation,
    /// Electing members of the supervisory board (or the board): secret, unlimited list.
    Election,
    /// Dismissing a member of a board: secret.
    Dismissal,
}

impl ResolutionKind {
    pub const ALL: [ResolutionKind; 6] = [
        ResolutionKind::Ordinary,
        ResolutionKind::StatuteChange,
        ResolutionKind::Merger,
        ResolutionKind::Liquidation,
        ResolutionKind::Election,
        ResolutionKind::Dismissal,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ResolutionKind::Ordinary => "ordinary",
            ResolutionKind::StatuteChange => "statute_change",
            ResolutionKind::Merger => "merger",
            ResolutionKind::Liquidation => "liquidation",
            ResolutionKind::Election => "election",
            ResolutionKind::Dismissal => "dismissal",
        }
    }

    pub fn parse(text: &str) -> Option<ResolutionKind> {
        ResolutionKind::ALL.into_iter().find(|k| k.code() == text)
    }

    /// Whether the law requires a secret ballot (art. 35 §4).
    pub fn secret_by_law(self) -> bool {
        matches!(self, ResolutionKind::Election | ResolutionKind::Dismissal)
    }

    /// The qualified majority of the statute for this kind; `None`: a simple majority.
    pub fn qualified(self, settings: &CoopSettings) -> Option<Fraction> {
        match self {
            ResolutionKind::StatuteChange => Some(settings.majority_statute_change),
            ResolutionKind::Merger => Some(settings.majority_merger),
            ResolutionKind::Liquidation => Some(settings.majority_liquidation),
            _ => None,
        }
    }

    /// The counting rules of this kind under `settings`.
    pub fn rules(self, settings: &CoopSettings) -> MotionRules {
        MotionRules {
            majority: match self.qualified(settings) {
                Some(f) => Majority::Fraction {
                    num: u64::from(f.num),
                    den: u64::from(f.den),
                },
                None => Majority::Simple,
            },
            abstentions: if settings.abstentions_count {
                Abstentions::Counted
            } else {
                Abstentions::Ignored
            },
            quorum: Quorum::Fraction {
                num: u64::from(settings.quorum.num),
                den: u64::from(settings.quorum.den),
            },
        }
    }
}

/// The rules a count used, as stored beside it: the majority (`simple` or `num/den`),
/// the quorum (`num/den`, or `none`) and whether abstentions counted.
pub fn describe(rules: &MotionRules) -> (String, String, bool) {
    let majority = match rules.majority {
        Majority::Simple => "simple".to_string(),
        Majority::Absolute => "absolute".to_string(),
        Majority::TwoThirds => "2/3".to_string(),
        Majority::ThreeQuarters => "3/4".to_string(),
        Majority::Fraction { num, den } => format!("{num}/{den}"),
    };
    let quorum = match rules.quorum {
        Quorum::None => "none".to_string(),
        Quorum::Fraction { num, den } => format!("{num}/{den}"),
        Quorum::Count(n) => format!("{n}"),
    };
    (majority, quorum, rules.abstentions == Abstentions::Counted)
}

/// Reads back what [`describe`] wrote; `None` for anything else.
pub fn described(majority: &str, quorum: &str, abstentions_counted: bool) -> Option<MotionRules> {
    let fraction = |t: &str| {
        let (n, d) = t.split_once('/')?;
        Some((n.parse::<u64>().ok()?, d.parse::<u64>().ok()?))
    };
    let majority = match majority {
        "simple" => Majority::Simple,
        "absolute" => Majority::Absolute,
        t => {
            let (num, den) = fraction(t)?;
            Majority::Fraction { num, den }
        }
    };
    let quorum = match quorum {
        "none" => Quorum::None,
        t if t.contains('/') => {
            let (num, den) = fraction(t)?;
            Quorum::Fraction { num, den }
        }
        t => Quorum::Count(t.parse().ok()?),
    };
    Some(MotionRules {
        majority,
        abstentions: if abstentions_counted {
            Abstentions::Counted
        } else {
            Abstentions::Ignored
        },
        quorum,
    })
}

/// Refuses an open vote where the law wants a secret one.
pub fn check_ballot(kind: ResolutionKind, secret: bool) -> Result<(), AssemblyError> {
    if kind.secret_by_law() && !secret {
        Err(AssemblyError::OpenBallotForElection)
    } else {
        Ok(())
    }
}

/// Refuses a resolution on an item the notice did not announce.
pub fn check_on_agenda(item: i64, agenda: &[i64]) -> Result<(), AssemblyError> {
    if agenda.contains(&item) {
        Ok(())
    } else {
        Err(AssemblyError::NotOnAgenda)
    }
}

/// One member's vote on a resolution, however they cast it (in the room through a
/// teller, remotely, or through their proxy). The member's shares are not here: one
/// member, one vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CastVote {
    pub member: i64,
    pub choice: Choice,
}

/// The choices of `votes`, refusing a member who voted twice (in the room and remotely).
pub fn distinct_choices(votes: &[CastVote]) -> Result<Vec<Choice>, AssemblyError> {
    let mut members: Vec<i64> = votes.iter().map(|v| v.member).collect();
    members.sort_unstable();
    if members.windows(2).any(|w| w[0] == w[1]) {
        return Err(AssemblyError::VotedTwice);
    }
    Ok(votes.iter().map(|v| v.choice).collect())
}

/// Counts a resolution: `present` members at the moment of the vote (voting or not),
/// `entitled` members of the cooperative. Without quorum the outcome is
/// [`crate::vote::MotionOutcome::NoQuorum`]: the resolution does not exist.
pub fn count_resolution(
    kind: ResolutionKind,
    settings: &CoopSettings,
    votes: &[Choice],
    present: u64,
    entitled: u64,
) -> Result<MotionResult, VoteError> {
    count_motion_present(votes, present, entitled, &kind.rules(settings))
}

/// The count of an election with an unlimited list of candidates: each ballot marks
/// at most `seats` candidates; the `seats` candidates with most votes are elected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElectionResult {
    /// Votes per candidate, in the candidates' order.
    pub votes: Vec<i64>,
    pub elected: Vec<usize>,
    /// Candidates tied for the last seats, when a tie leaves seats undecided
    /// (another round decides; the platform never breaks a tie by itself).
    pub tied: Vec<usize>,
    pub ballots: usize,
    pub quorum_met: bool,
}

/// Counts a secret election.
pub fn count_election(
    candidates: usize,
    seats: usize,
    ballots: &[Vec<usize>],
    present: u64,
    entitled: u64,
    quorum: Fraction,
) -> Result<ElectionResult, VoteError> {
    if seats == 0 || seats > candidates {
        return Err(VoteError::BadSeats);
    }
    if ballots.len() as u64 > present || present > entitled {
        return Err(VoteError::MoreVotesThanMembers {
            votes: (ballots.len() as u64).max(present),
            entitled,
        });
    }
    let poll = approval(candidates, ballots, Some(seats))?;
    let quorum_met = quorum.reached_by(present, entitled);
    // Candidates with no votes are never elected.
    let ranked: Vec<usize> = poll
        .ranking
        .iter()
        .copied()
        .filter(|c| poll.totals[*c] > 0)
        .collect();
    let (mut elected, mut tied) = (Vec::new(), Vec::new());
    if quorum_met && !ranked.is_empty() {
        let cut = ranked.get(seats - 1).map(|c| poll.totals[*c]);
        let above = |c: &usize| cut.is_none_or(|t| poll.totals[*c] > t);
        elected = ranked.iter().copied().filter(above).collect();
        let at_cut: Vec<usize> = ranked
            .iter()
            .copied()
            .filter(|c| cut == Some(poll.totals[*c]))
            .collect();
        if elected.len() + at_cut.len() <= seats {
            elected.extend(at_cut);
        } else {
            tied = at_cut;
        }
    }
    Ok(ElectionResult {
        votes: poll.totals,
        elected,
        tied,
        ballots: ballots.len(),
        quorum_met,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::vote::MotionOutcome;
    use Choice::*;

    fn votes(y: usize, n: usize, a: usize) -> Vec<Choice> {
        let mut v = vec![Yes; y];
        v.extend(vec![No; n]);
        v.extend(vec![Abstain; a]);
        v
    }

    fn outcome(kind: ResolutionKind, v: &[Choice], present: u64, entitled: u64) -> MotionOutcome {
        count_resolution(kind, &CoopSettings::default(), v, present, entitled)
            .unwrap()
            .outcome
    }

    #[test]
    fn quorum_is_who_is_present_not_who_votes() {
        // 30 members, exactly 15 present: quorum; 10 of them vote.
        assert_eq!(
            outcome(ResolutionKind::Ordinary, &votes(6, 4, 0), 15, 30),
            MotionOutcome::Passed
        );
        // 14 present: no resolution, however the votes go.
        assert_eq!(
            outcome(ResolutionKind::Ordinary, &votes(14, 0, 0), 14, 30),
            MotionOutcome::NoQuorum
        );
        // Odd: 31 members need 16.
        assert_eq!(
            outcome(ResolutionKind::Ordinary, &votes(15, 0, 0), 15, 31),
            MotionOutcome::NoQuorum
        );
        // More votes than present is impossible.
        assert!(count_resolution(
            ResolutionKind::Ordinary,
            &CoopSettings::default(),
            &votes(5, 0, 0),
            4,
            30
        )
        .is_err());
    }

    #[test]
    fn majorities_by_kind_with_their_edges() {
        use ResolutionKind::*;
        // Simple: a tie fails; abstentions do not count by default.
        assert_eq!(
            outcome(Ordinary, &votes(8, 8, 2), 18, 30),
            MotionOutcome::Rejected
        );
        assert_eq!(
            outcome(Ordinary, &votes(7, 6, 5), 18, 30),
            MotionOutcome::Passed
        );
        // Statute change: exactly 2/3 passes, just under fails.
        assert_eq!(
            outcome(StatuteChange, &votes(12, 6, 0), 18, 30),
            MotionOutcome::Passed
        );
        assert_eq!(
            outcome(StatuteChange, &votes(11, 6, 1), 18, 30),
            MotionOutcome::Rejected
        );
        assert_eq!(
            outcome(Merger, &votes(12, 6, 0), 18, 30),
            MotionOutcome::Passed
        );
        // Liquidation: exactly 3/4 passes, 2/3 does not.
        assert_eq!(
            outcome(Liquidation, &votes(15, 5, 0), 20, 30),
            MotionOutcome::Passed
        );
        assert_eq!(
            outcome(Liquidation, &votes(12, 6, 0), 18, 30),
            MotionOutcome::Rejected
        );
        // A statute that counts abstentions: 7 yes of 18 cast is not a majority.
        let counted = CoopSettings {
            abstentions_count: true,
            ..CoopSettings::default()
        };
        let r = count_resolution(Ordinary, &counted, &votes(7, 6, 5), 18, 30).unwrap();
        assert_eq!(r.outcome, MotionOutcome::Rejected);
        // A statute that raises the statute-change majority to 3/4.
        let strict = CoopSettings {
            majority_statute_change: Fraction::new(3, 4),
            ..CoopSettings::default()
        };
        let r = count_resolution(StatuteChange, &strict, &votes(12, 6, 0), 18, 30).unwrap();
        assert_eq!(r.outcome, MotionOutcome::Rejected);
        assert_eq!(r.yes_needed, 14);
    }

    #[test]
    fn the_rules_are_stored_and_read_back() {
        let strict = CoopSettings {
            majority_statute_change: Fraction::new(4, 5),
            abstentions_count: true,
            ..CoopSettings::default()
        };
        for kind in ResolutionKind::ALL {
            let rules = kind.rules(&strict);
            let (m, q, a) = describe(&rules);
            assert_eq!(described(&m, &q, a), Some(rules), "{kind:?}");
        }
        assert_eq!(
            describe(&ResolutionKind::StatuteChange.rules(&strict)).0,
            "4/5"
        );
        assert_eq!(described("most", "1/2", false), None);
        assert_eq!(described("2/3", "x/2", false), None);
    }

    #[test]
    fn a_member_votes_once() {
        let v = |member, choice| CastVote { member, choice };
        assert_eq!(
            distinct_choices(&[v(1, Yes), v(2, No), v(1, Abstain)]),
            Err(AssemblyError::VotedTwice)
        );
        assert_eq!(distinct_choices(&[v(1, Yes), v(2, No)]), Ok(vec![Yes, No]));
    }

    #[test]
    fn elections_and_dismissals_are_secret() {
        assert_eq!(
            check_ballot(ResolutionKind::Election, false),
            Err(AssemblyError::OpenBallotForElection)
        );
        assert_eq!(
            check_ballot(ResolutionKind::Dismissal, false),
            Err(AssemblyError::OpenBallotForElection)
        );
        assert_eq!(check_ballot(ResolutionKind::Election, true), Ok(()));
        assert_eq!(check_ballot(ResolutionKind::Ordinary, false), Ok(()));
        assert_eq!(check_on_agenda(3, &[1, 2, 3]), Ok(()));
        assert_eq!(
            check_on_agenda(4, &[1, 2, 3]),
            Err(AssemblyError::NotOnAgenda)
        );
    }

    #[test]
    fn an_election_fills_the_seats_and_never_breaks_a_tie() {
        let half = Fraction::new(1, 2);
        // Five candidates for three seats; 0 and 2 lead, 1 and 3 tie for the last seat.
        let ballots = vec![
            vec![0, 2, 1],
            vec![0, 2, 3],
            vec![0, 1],
            vec![2, 3],
            vec![4],
        ];
        let r = count_election(5, 3, &ballots, 18, 30, half).unwrap();
        assert_eq!(r.votes, vec![3, 2, 3, 2, 1]);
        assert_eq!(r.elected, vec![0, 2]);
        assert_eq!(r.tied, vec![1, 3]);
        // With four seats both tied candidates fit.
        let r = count_election(5, 4, &ballots, 18, 30, half).unwrap();
        assert_eq!(r.elected, vec![0, 2, 1, 3]);
        assert!(r.tied.is_empty());
        // Without quorum nobody is elected.
        let r = count_election(5, 3, &ballots, 14, 30, half).unwrap();
        assert!(!r.quorum_met && r.elected.is_empty());
        // Marking more candidates than seats spoils the count.
        assert!(count_election(5, 1, &ballots, 18, 30, half).is_err());
        assert!(count_election(5, 6, &ballots, 18, 30, half).is_err());
    }
}
