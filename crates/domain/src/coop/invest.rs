//! Co-investment projects and the assets they become: money pledged by members and
//! partners, payments against pledges, and progress as money and milestones.

use super::CoopError;
use crate::pb::Money;
use serde::{Deserialize, Serialize};

/// Where a project stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvestmentStatus {
    /// Being prepared (the cooperative may itself be in its founding stage).
    Planned,
    /// Collecting pledges and payments.
    Fundraising,
    /// Fully paid in; being carried out.
    Funded,
    /// Done: it is now an asset the members own together.
    Completed,
    Cancelled,
}

impl InvestmentStatus {
    pub const ALL: [InvestmentStatus; 5] = [
        InvestmentStatus::Planned,
        InvestmentStatus::Fundraising,
        InvestmentStatus::Funded,
        InvestmentStatus::Completed,
        InvestmentStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InvestmentStatus::Planned => "planned",
            InvestmentStatus::Fundraising => "fundraising",
            InvestmentStatus::Funded => "funded",
            InvestmentStatus::Completed => "completed",
            InvestmentStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(value: &str) -> Option<InvestmentStatus> {
        InvestmentStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == value)
    }

    /// Pledges are taken only while a project is planned or collecting.
    pub fn takes_pledges(self) -> bool {
        matches!(
            self,
            InvestmentStatus::Planned | InvestmentStatus::Fundraising
        )
    }
}

/// A project's money: what it needs, what was promised, what came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Progress {
    pub goal: Money,
    pub pledged: Money,
    pub paid: Money,
}

impl Progress {
    /// Adds one pledge with what was paid against it.
    pub fn add(&mut self, pledged: Money, paid: Money) {
        self.pledged.0 += pledged.0;
        self.paid.0 += paid.0;
    }

    /// Paid share of the goal in whole percent, rounded down (never 100 before it is).
    pub fn percent_paid(&self) -> u32 {
        percent(self.paid, self.goal)
    }

    pub fn percent_pledged(&self) -> u32 {
        percent(self.pledged, self.goal)
    }
}

fn percent(part: Money, whole: Money) -> u32 {
    if whole.0 <= 0 {
        return 0;
    }
    let p = i128::from(part.0.max(0)) * 100 / i128::from(whole.0);
    u32::try_from(p).unwrap_or(u32::MAX)
}

/// A new pledge: a positive amount, while the project takes pledges.
pub fn check_pledge(status: InvestmentStatus, amount: Money) -> Result<(), CoopError> {
    if amount.0 <= 0 {
        return Err(CoopError::AmountNotPositive);
    }
    if !status.takes_pledges() {
        return Err(CoopError::WrongStage);
    }
    Ok(())
}

/// A payment against a pledge: positive, and never beyond what was pledged.
pub fn check_pledge_payment(pledged: Money, paid: Money, amount: Money) -> Result<(), CoopError> {
    if amount.0 <= 0 {
        return Err(CoopError::AmountNotPositive);
    }
    if paid.0 + amount.0 > pledged.0 {
        return Err(CoopError::PledgeExceeded);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_in_money_and_percent() {
        let mut p = Progress {
            goal: Money::from_zloty(250_000),
            ..Progress::default()
        };
        p.add(Money::from_zloty(150_000), Money::from_zloty(100_000));
        p.add(Money::from_zloty(20_000), Money::from_zloty(5_000));
        assert_eq!(p.pledged, Money::from_zloty(170_000));
        assert_eq!(p.percent_paid(), 42);
        assert_eq!(p.percent_pledged(), 68);
        let almost = Progress {
            goal: Money(1000),
            pledged: Money(999),
            paid: Money(999),
        };
        assert_eq!(almost.percent_paid(), 99);
        assert_eq!(Progress::default().percent_paid(), 0);
    }

    #[test]
    fn pledges_and_payments() {
        assert_eq!(
            check_pledge(InvestmentStatus::Fundraising, Money(1)),
            Ok(())
        );
        assert_eq!(
            check_pledge(InvestmentStatus::Completed, Money(1)),
            Err(CoopError::WrongStage)
        );
        assert_eq!(
            check_pledge(InvestmentStatus::Planned, Money(0)),
            Err(CoopError::AmountNotPositive)
        );
        assert_eq!(
            check_pledge_payment(Money(100), Money(60), Money(40)),
            Ok(())
        );
        assert_eq!(
            check_pledge_payment(Money(100), Money(60), Money(41)),
            Err(CoopError::PledgeExceeded)
        );
    }
}
