//! Convening a general assembly (Prawo spółdzielcze art. 38–40): who may ask for one,
//! by when it must be held, the notice every member gets, and the agenda that notice
//! locks.

use super::AssemblyError;
use crate::date::{self, Date};

/// Days within which the board must hold an assembly that was demanded (six weeks).
pub const DEMAND_DAYS: u32 = 42;
/// Days after an assembly within which a resolution may be challenged in court.
pub const CHALLENGE_DAYS: u32 = 42;
/// The fewest members whose demand obliges the board, whatever the cooperative's size.
pub const DEMAND_MIN_MEMBERS: u64 = 3;

/// Who convenes the assembly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convener {
    /// The board, of its own accord (at least once a year).
    Board,
    /// The board, on a written demand of the supervisory board.
    SupervisoryBoardDemand,
    /// The board, on a written demand signed by `signatures` members.
    MembersDemand { signatures: u64 },
}

impl Convener {
    pub fn code(self) -> &'static str {
        match self {
            Convener::Board => "board",
            Convener::SupervisoryBoardDemand => "supervisory_board",
            Convener::MembersDemand { .. } => "members",
        }
    }

    /// Whether the board is bound by a demand (and so by its deadline).
    pub fn is_demand(self) -> bool {
        self != Convener::Board
    }
}

/// Members whose demand obliges the board: a tenth of the members, at least three.
pub fn demand_needs(members: u64) -> u64 {
    members.div_ceil(10).max(DEMAND_MIN_MEMBERS)
}

/// Checks a members' demand against the number of members on the day it was made.
pub fn check_demand(convener: Convener, members: u64) -> Result<(), AssemblyError> {
    match convener {
        Convener::MembersDemand { signatures } if signatures < demand_needs(members) => {
            Err(AssemblyError::DemandTooFew)
        }
        _ => Ok(()),
    }
}

/// The last day on which a demanded assembly may be held.
pub fn demand_deadline(demanded_on: Date) -> Date {
    date::plus_days(demanded_on, DEMAND_DAYS)
}

/// The last day of the annual assembly for `financial_year`: six months after it ends.
pub fn annual_deadline(financial_year: i32) -> Option<Date> {
    Date::from_ymd_opt(financial_year + 1, 6, 30)
}

/// Checks that the notice gives members at least `notice_days` full days before the
/// assembly (the statute's period; 14 by default).
pub fn check_notice(sent_on: Date, held_on: Date, notice_days: u32) -> Result<(), AssemblyError> {
    if held_on < date::plus_days(sent_on, notice_days) {
        Err(AssemblyError::NoticeTooShort)
    } else {
        Ok(())
    }
}

/// The last day the notice may go out for an assembly on `held_on`.
pub fn notice_by(held_on: Date, notice_days: u32) -> Date {
    held_on
        .checked_sub_days(chrono::Days::new(u64::from(notice_days)))
        .unwrap_or(held_on)
}

/// The last day on which the agenda may still take an item after the notice: the
/// statute's days before the assembly.
pub fn agenda_open_until(held_on: Date, addition_days: u32) -> Date {
    held_on
        .checked_sub_days(chrono::Days::new(u64::from(addition_days)))
        .unwrap_or(held_on)
}

/// Checks an item added to the agenda on `today`: before the notice anything may be
/// added; after it only until the statute's days before the assembly.
pub fn check_addition(
    noticed: bool,
    today: Date,
    held_on: Date,
    addition_days: u32,
) -> Result<(), AssemblyError> {
    if noticed && today > agenda_open_until(held_on, addition_days) {
        Err(AssemblyError::AgendaLocked)
    } else {
        Ok(())
    }
}

/// The last day to challenge a resolution of the assembly held on `held_on` in court.
pub fn challenge_until(held_on: Date) -> Date {
    date::plus_days(held_on, CHALLENGE_DAYS)
}

/// Whether the annual assembly for `financial_year` is late on `today`.
pub fn annual_is_late(financial_year: i32, today: Date) -> bool {
    annual_deadline(financial_year).is_some_and(|d| today > d)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        date::parse(text).unwrap()
    }

    #[test]
    fn a_tenth_of_the_members_and_at_least_three() {
        assert_eq!(demand_needs(5), 3);
        assert_eq!(demand_needs(30), 3);
        assert_eq!(demand_needs(31), 4);
        assert_eq!(demand_needs(250), 25);
        let demand = |signatures| Convener::MembersDemand { signatures };
        assert_eq!(check_demand(demand(2), 8), Err(AssemblyError::DemandTooFew));
        assert_eq!(check_demand(demand(3), 30), Ok(()));
        assert_eq!(
            check_demand(demand(3), 31),
            Err(AssemblyError::DemandTooFew)
        );
        assert_eq!(check_demand(demand(4), 31), Ok(()));
        assert_eq!(check_demand(Convener::SupervisoryBoardDemand, 1000), Ok(()));
        assert!(Convener::SupervisoryBoardDemand.is_demand() && !Convener::Board.is_demand());
    }

    #[test]
    fn six_weeks_to_hold_and_to_challenge() {
        assert_eq!(demand_deadline(d("2026-03-02")), d("2026-04-13"));
        assert_eq!(challenge_until(d("2026-06-20")), d("2026-08-01"));
        assert_eq!(annual_deadline(2025), Some(d("2026-06-30")));
        assert!(!annual_is_late(2025, d("2026-06-30")));
        assert!(annual_is_late(2025, d("2026-07-01")));
    }

    #[test]
    fn fourteen_days_of_notice_and_a_locked_agenda() {
        // Sent on 1 June for 15 June: exactly 14 days.
        assert_eq!(check_notice(d("2026-06-01"), d("2026-06-15"), 14), Ok(()));
        assert_eq!(
            check_notice(d("2026-06-02"), d("2026-06-15"), 14),
            Err(AssemblyError::NoticeTooShort)
        );
        assert_eq!(check_notice(d("2026-06-08"), d("2026-06-15"), 7), Ok(()));
        assert_eq!(notice_by(d("2026-06-15"), 14), d("2026-06-01"));
        assert_eq!(
            check_notice(notice_by(d("2026-06-15"), 14), d("2026-06-15"), 14),
            Ok(())
        );
        // Before the notice the agenda is open; after it until 3 days before.
        assert_eq!(
            check_addition(false, d("2026-06-14"), d("2026-06-15"), 3),
            Ok(())
        );
        assert_eq!(
            check_addition(true, d("2026-06-12"), d("2026-06-15"), 3),
            Ok(())
        );
        assert_eq!(
            check_addition(true, d("2026-06-13"), d("2026-06-15"), 3),
            Err(AssemblyError::AgendaLocked)
        );
        assert_eq!(
            check_addition(true, d("2026-06-01"), d("2026-06-15"), 0),
            Ok(())
        );
    }
}
