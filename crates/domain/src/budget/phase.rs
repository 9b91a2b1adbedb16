//! The phase calendar of a round. Phases follow one another in a fixed order;
//! each starts on its date, or earlier when an admin advances the round. A round
//! never goes back.

use crate::clock::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// Set-up: before submission opens.
    Preparation,
    Submission,
    Verification,
    Appeals,
    Voting,
    /// Voting has closed: paper sheets cast before the close are entered, until the
    /// committee opens the sealed ballots and counts them.
    Counting,
    /// Results are published: reached only by the committee's count, never by date.
    Results,
}

impl Phase {
    pub const ALL: [Phase; 7] = [
        Phase::Preparation,
        Phase::Submission,
        Phase::Verification,
        Phase::Appeals,
        Phase::Voting,
        Phase::Counting,
        Phase::Results,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Preparation => "preparation",
            Phase::Submission => "submission",
            Phase::Verification => "verification",
            Phase::Appeals => "appeals",
            Phase::Voting => "voting",
            Phase::Counting => "counting",
            Phase::Results => "results",
        }
    }

    pub fn parse(s: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The phase after this one, if any.
    pub fn next(self) -> Option<Phase> {
        let i = Phase::ALL.iter().position(|p| *p == self)?;
        Phase::ALL.get(i + 1).copied()
    }
}

/// When each phase starts. Dates are strictly increasing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calendar {
    pub submission: Timestamp,
    pub verification: Timestamp,
    pub appeals: Timestamp,
    pub voting: Timestamp,
    /// Voting closes and counting starts; results follow the committee's count.
    pub results: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("phase dates must follow one another")]
    OutOfOrder,
    #[error("a round can only move forward")]
    Backwards,
    #[error("results are published by the committee's count")]
    NeedsCount,
}

impl CalendarError {
    pub fn code(self) -> &'static str {
        match self {
            CalendarError::OutOfOrder => "budget.calendar_out_of_order",
            CalendarError::Backwards => "budget.phase_backwards",
            CalendarError::NeedsCount => "budget.results_need_count",
        }
    }
}

impl Calendar {
    pub fn new(
        submission: Timestamp,
        verification: Timestamp,
        appeals: Timestamp,
        voting: Timestamp,
        results: Timestamp,
    ) -> Result<Calendar, CalendarError> {
        let c = Calendar {
            submission,
            verification,
            appeals,
            voting,
            results,
        };
        let dates = c.starts();
        if dates.windows(2).all(|w| w[0].1 < w[1].1) {
            Ok(c)
        } else {
            Err(CalendarError::OutOfOrder)
        }
    }

    /// Each phase after preparation with its start.
    pub fn starts(&self) -> [(Phase, Timestamp); 5] {
        [
            (Phase::Submission, self.submission),
            (Phase::Verification, self.verification),
            (Phase::Appeals, self.appeals),
            (Phase::Voting, self.voting),
            (Phase::Counting, self.results),
        ]
    }

    /// The phase the clock alone gives at `now`.
    pub fn phase_by_date(&self, now: Timestamp) -> Phase {
        self.starts()
            .iter()
            .rev()
            .find(|(_, start)| now >= *start)
            .map(|(p, _)| *p)
            .unwrap_or(Phase::Preparation)
    }

    /// The phase at `now`, taking an admin's advance into account: whichever is later.
    pub fn phase(&self, now: Timestamp, advanced_to: Option<Phase>) -> Phase {
        let by_date = self.phase_by_date(now);
        advanced_to.map_or(by_date, |a| a.max(by_date))
    }

    /// Checks an admin's request to move the round to `to`: only forward, and never
    /// to the results, which only the committee's count publishes.
    pub fn advance(
        &self,
        now: Timestamp,
        advanced_to: Option<Phase>,
        to: Phase,
    ) -> Result<Phase, CalendarError> {
        if to == Phase::Results {
            Err(CalendarError::NeedsCount)
        } else if to > self.phase(now, advanced_to) {
            Ok(to)
        } else {
            Err(CalendarError::Backwards)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cal() -> Calendar {
        Calendar::new(
            Timestamp(100),
            Timestamp(200),
            Timestamp(300),
            Timestamp(400),
            Timestamp(500),
        )
        .unwrap()
    }

    #[test]
    fn phases_follow_the_dates() {
        let c = cal();
        assert_eq!(c.phase_by_date(Timestamp(99)), Phase::Preparation);
        assert_eq!(c.phase_by_date(Timestamp(100)), Phase::Submission);
        assert_eq!(c.phase_by_date(Timestamp(399)), Phase::Appeals);
        assert_eq!(c.phase_by_date(Timestamp(400)), Phase::Voting);
        assert_eq!(c.phase_by_date(Timestamp(10_000)), Phase::Counting);
        assert_eq!(
            c.phase(Timestamp(10_000), Some(Phase::Results)),
            Phase::Results
        );
    }

    #[test]
    fn dates_must_increase() {
        let bad = Calendar::new(
            Timestamp(100),
            Timestamp(100),
            Timestamp(300),
            Timestamp(400),
            Timestamp(500),
        );
        assert_eq!(bad, Err(CalendarError::OutOfOrder));
        let bad = Calendar::new(
            Timestamp(100),
            Timestamp(200),
            Timestamp(450),
            Timestamp(400),
            Timestamp(500),
        );
        assert_eq!(bad, Err(CalendarError::OutOfOrder));
    }

    #[test]
    fn admins_advance_but_never_go_back() {
        let c = cal();
        assert_eq!(
            c.advance(Timestamp(150), None, Phase::Verification),
            Ok(Phase::Verification)
        );
        assert_eq!(
            c.phase(Timestamp(150), Some(Phase::Verification)),
            Phase::Verification
        );
        // The clock overtakes an earlier advance.
        assert_eq!(
            c.phase(Timestamp(450), Some(Phase::Verification)),
            Phase::Voting
        );
        assert_eq!(
            c.advance(Timestamp(450), None, Phase::Appeals),
            Err(CalendarError::Backwards)
        );
        assert_eq!(
            c.advance(Timestamp(450), None, Phase::Voting),
            Err(CalendarError::Backwards)
        );
        assert_eq!(
            c.advance(Timestamp(450), None, Phase::Results),
            Err(CalendarError::NeedsCount)
        );
        assert_eq!(
            c.advance(Timestamp(450), None, Phase::Counting),
            Ok(Phase::Counting)
        );
        assert_eq!(Phase::Results.next(), None);
        assert_eq!(Phase::Appeals.next(), Some(Phase::Voting));
    }
}
