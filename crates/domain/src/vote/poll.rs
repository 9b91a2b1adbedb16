//! Polls: single choice, multiple choice (approval), score voting and dot voting.

use super::{check_list, VoteError};

/// The count of a poll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollResult {
    /// Total per option (votes, approvals, score sum or dots).
    pub totals: Vec<i64>,
    /// Options from best to worst; equal totals keep option order.
    pub ranking: Vec<usize>,
    /// Options with the highest total (several when tied; no tie is broken silently).
    pub winners: Vec<usize>,
    /// Ballots counted.
    pub ballots: usize,
    /// Plain-language summary.
    pub explanation: String,
}

fn finish(totals: Vec<i64>, ballots: usize, what: &str) -> PollResult {
    let mut ranking: Vec<usize> = (0..totals.len()).collect();
    ranking.sort_by(|&a, &b| totals[b].cmp(&totals[a]).then(a.cmp(&b)));
    let best = ranking.first().map(|&o| totals[o]);
    let winners: Vec<usize> = match best {
        Some(b) => ranking
            .iter()
            .copied()
            .filter(|&o| totals[o] == b)
            .collect(),
        None => Vec::new(),
    };
    let explanation = match winners.as_slice() {
        [] => "no options".to_string(),
        [w] => format!(
            "option {w} wins with {} {what} of {ballots} ballots",
            totals[*w]
        ),
        ws => format!(
            "tie: options {} have {} {what} each; no winner is chosen automatically",
            ws.iter()
                .map(|w| w.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            best.unwrap_or(0)
        ),
    };
    PollResult {
        totals,
        ranking,
        winners,
        ballots,
        explanation,
    }
}

/// Single choice: each ballot names one option (or `None` for a blank ballot).
pub fn single_choice(options: usize, ballots: &[Option<usize>]) -> Result<PollResult, VoteError> {
    if options == 0 {
        return Err(VoteError::NoOptions);
    }
    let mut totals = vec![0i64; options];
    for (i, b) in ballots.iter().enumerate() {
        if let Some(o) = *b {
            check_list(i, &[o], options)?;
            totals[o] += 1;
        }
    }
    Ok(finish(totals, ballots.len(), "votes"))
}

/// Multiple choice (approval): each ballot lists the options it approves, at most
/// `max_choices` of them when given.
pub fn approval(
    options: usize,
    ballots: &[Vec<usize>],
    max_choices: Option<usize>,
) -> Result<PollResult, VoteError> {
    if options == 0 {
        return Err(VoteError::NoOptions);
    }
    let mut totals = vec![0i64; options];
    for (i, b) in ballots.iter().enumerate() {
        check_list(i, b, options)?;
        if let Some(max) = max_choices {
            if b.len() > max {
                return Err(VoteError::TooManyChoices {
                    ballot: i,
                    chosen: b.len(),
                    max,
                });
            }
        }
        for &o in b {
            totals[o] += 1;
        }
    }
    Ok(finish(totals, ballots.len(), "approvals"))
}

/// Score voting: each ballot gives every option a score in `min..=max`; options are ranked
/// by the sum of their scores (equivalently the mean, as every ballot scores every option).
pub fn score_voting(
    options: usize,
    ballots: &[Vec<i64>],
    min: i64,
    max: i64,
) -> Result<PollResult, VoteError> {
    if options == 0 {
        return Err(VoteError::NoOptions);
    }
    let mut totals = vec![0i64; options];
    for (i, b) in ballots.iter().enumerate() {
        if b.len() != options {
            return Err(VoteError::WrongLength {
                ballot: i,
                found: b.len(),
                options,
            });
        }
        for (o, &s) in b.iter().enumerate() {
            if s < min || s > max {
                return Err(VoteError::ScoreOutOfRange {
                    ballot: i,
                    score: s,
                    min,
                    max,
                });
            }
            totals[o] = totals[o].saturating_add(s);
        }
    }
    Ok(finish(totals, ballots.len(), "points"))
}

/// Dot voting: each voter spreads at most `dots` points over the options, as
/// `(option, points)` pairs.
pub fn dot_voting(
    options: usize,
    ballots: &[Vec<(usize, u64)>],
    dots: u64,
) -> Result<PollResult, VoteError> {
    if options == 0 {
        return Err(VoteError::NoOptions);
    }
    let mut totals = vec![0i64; options];
    for (i, b) in ballots.iter().enumerate() {
        let list: Vec<usize> = b.iter().map(|&(o, _)| o).collect();
        check_list(i, &list, options)?;
        let spent: u64 = b.iter().map(|&(_, p)| p).fold(0u64, u64::saturating_add);
        if spent > dots {
            return Err(VoteError::OverBudget {
                ballot: i,
                spent,
                budget: dots,
            });
        }
        for &(o, p) in b {
            totals[o] = totals[o].saturating_add(i64::try_from(p).unwrap_or(i64::MAX));
        }
    }
    Ok(finish(totals, ballots.len(), "dots"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn single_choice_counts_and_reports_ties() {
        let r = single_choice(3, &[Some(0), Some(1), Some(1), None, Some(2)]).unwrap();
        assert_eq!(r.totals, vec![1, 2, 1]);
        assert_eq!(r.winners, vec![1]);
        assert_eq!(r.ranking, vec![1, 0, 2]);
        let r = single_choice(2, &[Some(0), Some(1)]).unwrap();
        assert_eq!(r.winners, vec![0, 1]);
        assert!(r.explanation.starts_with("tie"));
        assert_eq!(
            single_choice(2, &[Some(2)]).unwrap_err().code(),
            "vote.ballot.unknown_option"
        );
    }

    #[test]
    fn approval_limits_choices() {
        let r = approval(3, &[vec![0, 1], vec![1, 2], vec![1]], Some(2)).unwrap();
        assert_eq!(r.totals, vec![1, 3, 1]);
        assert_eq!(r.winners, vec![1]);
        assert_eq!(
            approval(3, &[vec![0, 1, 2]], Some(2)).unwrap_err().code(),
            "vote.ballot.too_many_choices"
        );
        assert_eq!(
            approval(3, &[vec![0, 0]], None).unwrap_err().code(),
            "vote.ballot.duplicate_option"
        );
    }

    #[test]
    fn score_voting_sums_scores() {
        // scores 0..=5: A gets 5+0+3 = 8, B 4+4+4 = 12, C 0+5+0 = 5
        let r = score_voting(3, &[vec![5, 4, 0], vec![0, 4, 5], vec![3, 4, 0]], 0, 5).unwrap();
        assert_eq!(r.totals, vec![8, 12, 5]);
        assert_eq!(r.winners, vec![1]);
        assert_eq!(
            score_voting(2, &[vec![6, 0]], 0, 5).unwrap_err().code(),
            "vote.ballot.score_out_of_range"
        );
    }

    #[test]
    fn dot_voting_respects_the_budget() {
        let r = dot_voting(3, &[vec![(0, 3), (2, 2)], vec![(2, 5)]], 5).unwrap();
        assert_eq!(r.totals, vec![3, 0, 7]);
        assert_eq!(r.winners, vec![2]);
        assert_eq!(
            dot_voting(3, &[vec![(0, 4), (1, 2)]], 5)
                .unwrap_err()
                .code(),
            "vote.ballot.over_budget"
        );
    }
}
