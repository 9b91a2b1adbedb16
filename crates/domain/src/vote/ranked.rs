//! Ranked ballots: instant-runoff, single transferable vote and Schulze.
//!
//! A ballot lists candidates from most to least preferred; it may stop early (unlisted
//! candidates are ranked below all listed ones).
//!
//! Ties for elimination (IRV, STV) are broken by looking back at earlier rounds: the candidate
//! who had fewer votes in the latest round where the tied candidates differed is eliminated;
//! if they were equal in every round, the candidate listed last (highest number) is
//! eliminated. Ties for election in STV go to the candidate listed first. Every such tie is
//! reported.

use super::{check_list, VoteError};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, ToPrimitive, Zero};

fn check_ballots(candidates: usize, ballots: &[Vec<usize>]) -> Result<(), VoteError> {
    if candidates == 0 {
        return Err(VoteError::NoOptions);
    }
    for (i, b) in ballots.iter().enumerate() {
        check_list(i, b, candidates)?;
    }
    Ok(())
}

/// One round of an instant-runoff count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IrvRound {
    /// Votes per candidate; `None` for candidates already eliminated.
    pub tallies: Vec<Option<u64>>,
    /// Ballots with no continuing candidate left.
    pub exhausted: u64,
    /// Candidate eliminated at the end of this round.
    pub eliminated: Option<usize>,
    /// Candidate elected in this round.
    pub elected: Option<usize>,
    /// What happened, in plain language.
    pub note: String,
}

/// An instant-runoff count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IrvResult {
    pub winner: Option<usize>,
    pub rounds: Vec<IrvRound>,
    /// Ties broken, in plain language.
    pub tie_breaks: Vec<String>,
}

/// Picks the candidate to eliminate among `tied` (all with the lowest tally now), looking
/// back through `history` (tallies of earlier rounds, oldest first).
fn eliminate_among<T: Ord + Clone>(
    tied: &[usize],
    history: &[Vec<Option<T>>],
    tie_breaks: &mut Vec<String>,
    round: usize,
) -> usize {
    let mut cands: Vec<usize> = tied.to_vec();
    if cands.len() > 1 {
        for past in history.iter().rev() {
            let min = cands.iter().filter_map(|&c| past[c].clone()).min();
            let Some(min) = min else { continue };
            let lowest: Vec<usize> = cands
                .iter()
                .copied()
                .filter(|&c| past[c].as_ref() == Some(&min))
                .collect();
            if !lowest.is_empty() && lowest.len() < cands.len() {
                cands = lowest;
            }
            if cands.len() == 1 {
                break;
            }
        }
    }
    let chosen = cands.iter().copied().max().unwrap_or(tied[0]);
    if tied.len() > 1 {
        tie_breaks.push(format!(
            "round {round}: candidates {} tied for last place; candidate {chosen} eliminated \
             (fewer votes in an earlier round, else listed last)",
            tied.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    chosen
}

/// Instant-runoff voting (one winner): the candidate with fewest votes is eliminated until
/// one has more than half of the ballots still in play.
pub fn instant_runoff(candidates: usize, ballots: &[Vec<usize>]) -> Result<IrvResult, VoteError> {
    check_ballots(candidates, ballots)?;
    let mut continuing = vec![true; candidates];
    let mut rounds: Vec<IrvRound> = Vec::new();
    let mut history: Vec<Vec<Option<u64>>> = Vec::new();
    let mut tie_breaks = Vec::new();
    loop {
        let mut tallies: Vec<Option<u64>> = continuing
            .iter()
            .map(|&c| if c { Some(0) } else { None })
            .collect();
        let mut exhausted = 0u64;
        for b in ballots {
            match b.iter().find(|&&c| continuing[c]) {
                Some(&c) => {
                    if let Some(t) = tallies[c].as_mut() {
                        *t += 1;
                    }
                }
                None => exhausted += 1,
            }
        }
        let active: u64 = tallies.iter().flatten().sum();
        let left: Vec<usize> = (0..candidates).filter(|&c| continuing[c]).collect();
        let round_no = rounds.len() + 1;
        let top = left
            .iter()
            .copied()
            .max_by(|&a, &b| tallies[a].cmp(&tallies[b]).then(b.cmp(&a)));
        if let Some(t) = top {
            let v = tallies[t].unwrap_or(0);
            if 2 * v > active || left.len() == 1 {
                rounds.push(IrvRound {
                    tallies,
                    exhausted,
                    eliminated: None,
                    elected: Some(t),
                    note: format!("candidate {t} wins with {v} of {active} votes still in play"),
                });
                return Ok(IrvResult {
                    winner: Some(t),
                    rounds,
                    tie_breaks,
                });
            }
        }
        if active == 0 {
            rounds.push(IrvRound {
                tallies,
                exhausted,
                eliminated: None,
                elected: None,
                note: "no ballots left in play: no winner".to_string(),
            });
            return Ok(IrvResult {
                winner: None,
                rounds,
                tie_breaks,
            });
        }
        let min = left.iter().filter_map(|&c| tallies[c]).min().unwrap_or(0);
        let tied: Vec<usize> = left
            .iter()
            .copied()
            .filter(|&c| tallies[c] == Some(min))
            .collect();
        let out = eliminate_among(&tied, &history, &mut tie_breaks, round_no);
        continuing[out] = false;
        history.push(tallies.clone());
        rounds.push(IrvRound {
            tallies,
            exhausted,
            eliminated: Some(out),
            elected: None,
            note: format!(
                "no majority; candidate {out} has fewest votes ({min}) and is eliminated"
            ),
        });
    }
}

/// What happened in an STV round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StvEvent {
    /// Reached the quota; its surplus moves on at `transfer_value` per ballot.
    Elected {
        candidate: usize,
        transfer_value: BigRational,
    },
    /// Fewest votes; its ballots move on at their current value.
    Eliminated { candidate: usize },
    /// As many continuing candidates as seats left: all elected.
    FilledRemainingSeats { candidates: Vec<usize> },
}

/// One round of an STV count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StvRound {
    /// Exact vote value per candidate (`None` once elected or eliminated).
    pub tallies: Vec<Option<BigRational>>,
    /// Value of exhausted ballots.
    pub exhausted: BigRational,
    pub event: StvEvent,
    pub note: String,
}

/// A single-transferable-vote count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StvResult {
    /// Elected candidates in order of election.
    pub elected: Vec<usize>,
    pub quota: u64,
    pub rounds: Vec<StvRound>,
    pub tie_breaks: Vec<String>,
}

/// The Droop quota `floor(votes / (seats + 1)) + 1`.
pub fn droop_quota(votes: u64, seats: usize) -> u64 {
    votes / (seats as u64 + 1) + 1
}

fn show(x: &BigRational) -> String {
    if x.is_integer() {
        x.to_integer().to_string()
    } else {
        format!("{:.4}", x.to_f64().unwrap_or(0.0))
    }
}

/// Single transferable vote with the Droop quota and fractional (Gregory) surplus transfers in
/// exact arithmetic: when a candidate is elected with `v` votes, every ballot counting for
/// them moves on with its value multiplied by `(v - quota) / v`.
pub fn single_transferable_vote(
    candidates: usize,
    seats: usize,
    ballots: &[Vec<usize>],
) -> Result<StvResult, VoteError> {
    check_ballots(candidates, ballots)?;
    if seats == 0 || seats > candidates {
        return Err(VoteError::BadSeats);
    }
    let valid = ballots.iter().filter(|b| !b.is_empty()).count() as u64;
    let quota = droop_quota(valid, seats);
    let quota_r = BigRational::from_integer(BigInt::from(quota));
    let mut weight: Vec<BigRational> = vec![BigRational::one(); ballots.len()];
    // 0 = continuing, 1 = elected, 2 = eliminated
    let mut state = vec![0u8; candidates];
    let mut elected: Vec<usize> = Vec::new();
    let mut rounds: Vec<StvRound> = Vec::new();
    let mut history: Vec<Vec<Option<BigRational>>> = Vec::new();
    let mut tie_breaks = Vec::new();
    while elected.len() < seats {
        let round_no = rounds.len() + 1;
        let mut tallies: Vec<Option<BigRational>> = state
            .iter()
            .map(|&s| (s == 0).then(BigRational::zero))
            .collect();
        let mut exhausted = BigRational::zero();
        let mut holder: Vec<Option<usize>> = vec![None; ballots.len()];
        for (i, b) in ballots.iter().enumerate() {
            match b.iter().find(|&&c| state[c] == 0) {
                Some(&c) => {
                    holder[i] = Some(c);
                    if let Some(t) = tallies[c].as_mut() {
                        *t += &weight[i];
                    }
                }
                None => exhausted += &weight[i],
            }
        }
        let left: Vec<usize> = (0..candidates).filter(|&c| state[c] == 0).collect();
        if left.len() <= seats - elected.len() {
            for &c in &left {
                state[c] = 1;
                elected.push(c);
            }
            rounds.push(StvRound {
                tallies,
                exhausted,
                event: StvEvent::FilledRemainingSeats {
                    candidates: left.clone(),
                },
                note: format!(
                    "{} continuing candidates for {} seats left: all elected",
                    left.len(),
                    left.len()
                ),
            });
            break;
        }
        // highest tally; ties go to the candidate listed first
        let best = left
            .iter()
            .copied()
            .max_by(|&a, &b| tallies[a].cmp(&tallies[b]).then(b.cmp(&a)));
        let Some(best) = best else { break };
        let best_votes = tallies[best].clone().unwrap_or_else(BigRational::zero);
        if best_votes >= quota_r {
            let tied: Vec<usize> = left
                .iter()
                .copied()
                .filter(|&c| tallies[c].as_ref() == Some(&best_votes))
                .collect();
            if tied.len() > 1 {
                tie_breaks.push(format!(
                    "round {round_no}: candidates {} tied above the quota; candidate {best} \
                     (listed first) elected first",
                    tied.iter()
                        .map(|c| c.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            let surplus = &best_votes - &quota_r;
            let tv = &surplus / &best_votes;
            for (i, h) in holder.iter().enumerate() {
                if *h == Some(best) {
                    weight[i] = &weight[i] * &tv;
                }
            }
            state[best] = 1;
            elected.push(best);
            rounds.push(StvRound {
                note: format!(
                    "candidate {best} reaches the quota of {quota} with {} votes and is elected; \
                     surplus {} moves on at {} per ballot",
                    show(&best_votes),
                    show(&surplus),
                    tv
                ),
                tallies,
                exhausted,
                event: StvEvent::Elected {
                    candidate: best,
                    transfer_value: tv,
                },
            });
            history.push(rounds.last().map(|r| r.tallies.clone()).unwrap_or_default());
            continue;
        }
        let min = left
            .iter()
            .filter_map(|&c| tallies[c].clone())
            .min()
            .unwrap_or_else(BigRational::zero);
        let tied: Vec<usize> = left
            .iter()
            .copied()
            .filter(|&c| tallies[c].as_ref() == Some(&min))
            .collect();
        let out = eliminate_among(&tied, &history, &mut tie_breaks, round_no);
        state[out] = 2;
        history.push(tallies.clone());
        rounds.push(StvRound {
            tallies,
            exhausted,
            event: StvEvent::Eliminated { candidate: out },
            note: format!(
                "nobody reaches the quota of {quota}; candidate {out} has fewest votes ({}) and \
                 is eliminated",
                show(&min)
            ),
        });
    }
    Ok(StvResult {
        elected,
        quota,
        rounds,
        tie_breaks,
    })
}

/// A Schulze count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchulzeResult {
    /// `pairwise[a][b]`: voters ranking `a` above `b`.
    pub pairwise: Vec<Vec<u64>>,
    /// `strength[a][b]`: strength of the strongest path from `a` to `b`.
    pub strength: Vec<Vec<u64>>,
    /// Candidates no one beats (several when tied).
    pub winners: Vec<usize>,
    /// Candidates from best to worst (candidates the method cannot separate keep list order).
    pub ranking: Vec<usize>,
    pub explanation: String,
}

/// The Schulze method (winning votes).
pub fn schulze(candidates: usize, ballots: &[Vec<usize>]) -> Result<SchulzeResult, VoteError> {
    check_ballots(candidates, ballots)?;
    let n = candidates;
    let mut d = vec![vec![0u64; n]; n];
    let mut pos = vec![usize::MAX; n];
    for b in ballots {
        pos.iter_mut().for_each(|p| *p = usize::MAX);
        for (r, &c) in b.iter().enumerate() {
            pos[c] = r;
        }
        for a in 0..n {
            for c in 0..n {
                if a != c && pos[a] < pos[c] {
                    d[a][c] += 1;
                }
            }
        }
    }
    let mut p = vec![vec![0u64; n]; n];
    for a in 0..n {
        for c in 0..n {
            if a != c && d[a][c] > d[c][a] {
                p[a][c] = d[a][c];
            }
        }
    }
    for k in 0..n {
        for a in 0..n {
            if a == k {
                continue;
            }
            for c in 0..n {
                if c == k || c == a {
                    continue;
                }
                let via = p[a][k].min(p[k][c]);
                if via > p[a][c] {
                    p[a][c] = via;
                }
            }
        }
    }
    let beats = |a: usize, c: usize| p[a][c] > p[c][a];
    let winners: Vec<usize> = (0..n)
        .filter(|&a| (0..n).all(|c| c == a || !beats(c, a)))
        .collect();
    let mut ranking: Vec<usize> = (0..n).collect();
    let wins: Vec<usize> = (0..n)
        .map(|a| (0..n).filter(|&c| c != a && beats(a, c)).count())
        .collect();
    ranking.sort_by(|&a, &b| wins[b].cmp(&wins[a]).then(a.cmp(&b)));
    let explanation = match winners.as_slice() {
        [w] => format!("candidate {w} wins: no other candidate has a stronger path against them"),
        ws => format!(
            "tie between candidates {}: their strongest paths are equally strong",
            ws.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Ok(SchulzeResult {
        pairwise: d,
        strength: p,
        winners,
        ranking,
        explanation,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn repeat(groups: &[(usize, &[usize])]) -> Vec<Vec<usize>> {
        let mut v = Vec::new();
        for &(n, b) in groups {
            for _ in 0..n {
                v.push(b.to_vec());
            }
        }
        v
    }

    // Tennessee capital example: 0 Memphis, 1 Nashville, 2 Chattanooga, 3 Knoxville.
    fn tennessee() -> Vec<Vec<usize>> {
        repeat(&[
            (42, &[0, 1, 2, 3]),
            (26, &[1, 2, 3, 0]),
            (15, &[2, 3, 1, 0]),
            (17, &[3, 2, 1, 0]),
        ])
    }

    #[test]
    fn irv_tennessee_elects_knoxville() {
        let r = instant_runoff(4, &tennessee()).unwrap();
        assert_eq!(r.winner, Some(3));
        assert_eq!(r.rounds.len(), 3);
        assert_eq!(
            r.rounds[0].tallies,
            vec![Some(42), Some(26), Some(15), Some(17)]
        );
        assert_eq!(r.rounds[0].eliminated, Some(2));
        assert_eq!(
            r.rounds[1].tallies,
            vec![Some(42), Some(26), None, Some(32)]
        );
        assert_eq!(r.rounds[1].eliminated, Some(1));
        assert_eq!(r.rounds[2].tallies, vec![Some(42), None, None, Some(58)]);
        assert!(r.tie_breaks.is_empty());
    }

    #[test]
    fn schulze_tennessee_elects_nashville() {
        let r = schulze(4, &tennessee()).unwrap();
        assert_eq!(r.winners, vec![1]);
        assert_eq!(r.ranking, vec![1, 2, 3, 0]);
        assert_eq!(r.pairwise[1][0], 58);
    }

    #[test]
    fn schulze_wikipedia_example() {
        // A..E = 0..4; winner E, order E > A > C > B > D
        let (a, b, c, d, e) = (0, 1, 2, 3, 4);
        let ballots = repeat(&[
            (5, &[a, c, b, e, d]),
            (5, &[a, d, e, c, b]),
            (8, &[b, e, d, a, c]),
            (3, &[c, a, b, e, d]),
            (7, &[c, a, e, b, d]),
            (2, &[c, b, a, d, e]),
            (7, &[d, c, e, b, a]),
            (8, &[e, b, a, d, c]),
        ]);
        let r = schulze(5, &ballots).unwrap();
        assert_eq!(r.winners, vec![e]);
        assert_eq!(r.ranking, vec![e, a, c, b, d]);
        assert_eq!(r.pairwise[a][b], 20);
        assert_eq!(r.strength[e][d], 31);
        assert_eq!(r.strength[a][b], 28);
    }

    #[test]
    fn stv_wikipedia_food_example() {
        // 0 oranges, 1 pears, 2 chocolate, 3 strawberries, 4 bonbons; 3 seats, 20 voters
        let ballots = repeat(&[
            (4, &[0]),
            (2, &[1, 0]),
            (8, &[2, 3]),
            (4, &[2, 4]),
            (1, &[3]),
            (1, &[4]),
        ]);
        let r = single_transferable_vote(5, 3, &ballots).unwrap();
        assert_eq!(r.quota, 6);
        assert_eq!(r.elected, vec![2, 0, 3]);
        // chocolate elected with 12: surplus 6 moves on at 1/2
        match &r.rounds[0].event {
            StvEvent::Elected {
                candidate,
                transfer_value,
            } => {
                assert_eq!(*candidate, 2);
                assert_eq!(
                    *transfer_value,
                    BigRational::new(BigInt::from(1), BigInt::from(2))
                );
            }
            e => panic!("{e:?}"),
        }
        let r2 = &r.rounds[1].tallies;
        assert_eq!(r2[3], Some(BigRational::from_integer(BigInt::from(5))));
        assert_eq!(r2[4], Some(BigRational::from_integer(BigInt::from(3))));
        assert_eq!(r.rounds[1].event, StvEvent::Eliminated { candidate: 1 });
    }

    #[test]
    fn stv_fractional_transfers_are_exact() {
        // 7 voters, 2 seats: quota 3. A gets 5 votes, surplus 2 moves on at 2/5.
        let ballots = repeat(&[(3, &[0, 1]), (2, &[0, 2]), (2, &[2])]);
        let r = single_transferable_vote(3, 2, &ballots).unwrap();
        assert_eq!(r.quota, 3);
        assert_eq!(r.elected[0], 0);
        let t = &r.rounds[1].tallies;
        // B: 3 * 2/5 = 6/5; C: 2 + 2 * 2/5 = 14/5
        assert_eq!(
            t[1],
            Some(BigRational::new(BigInt::from(6), BigInt::from(5)))
        );
        assert_eq!(
            t[2],
            Some(BigRational::new(BigInt::from(14), BigInt::from(5)))
        );
        assert_eq!(r.elected, vec![0, 2]);
    }

    #[test]
    fn irv_tie_for_last_place_is_reported() {
        let ballots = repeat(&[(3, &[0]), (2, &[1]), (2, &[2])]);
        let r = instant_runoff(3, &ballots).unwrap();
        assert_eq!(r.rounds[0].eliminated, Some(2));
        assert_eq!(r.tie_breaks.len(), 1);
        // B's ballots do not transfer: A 3 of 5 in play wins
        assert_eq!(r.winner, Some(0));
    }
}
