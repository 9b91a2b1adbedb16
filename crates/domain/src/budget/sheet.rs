//! The life of a paper sheet as one state machine. A sheet is entered twice by two
//! different staff members; the second entry either agrees (counted), disagrees
//! (mismatch, for an admin to settle by reading the paper), or finds a person who has
//! voted already (void, listed for the committee).

/// Where a paper sheet stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetStatus {
    /// Entered once; waits for a second person's entry.
    Pending,
    /// Both entries agree: the ballot is counted.
    Counted,
    /// The entries disagree: not counted until an admin reads the paper.
    Mismatch,
    /// An admin read the paper and its ballot is counted.
    Resolved,
    /// The person on it had voted already in this pool; not counted.
    Void,
}

/// What is being done to a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetStep {
    /// The second staff member's entry, by someone other than the first.
    SecondEntry { agrees: bool, duplicate: bool },
    /// An admin settles a mismatch from the paper.
    Resolve { duplicate: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error("the sheet has been entered twice already")]
    AlreadyEntered,
    #[error("the sheet's entries agree; there is nothing to settle")]
    NotMismatch,
}

impl SheetError {
    pub fn code(self) -> &'static str {
        match self {
            SheetError::AlreadyEntered => "budget.paper_already_entered",
            SheetError::NotMismatch => "budget.paper_not_mismatch",
        }
    }
}

impl SheetStatus {
    pub const ALL: [SheetStatus; 5] = [
        SheetStatus::Pending,
        SheetStatus::Counted,
        SheetStatus::Mismatch,
        SheetStatus::Resolved,
        SheetStatus::Void,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SheetStatus::Pending => "pending",
            SheetStatus::Counted => "counted",
            SheetStatus::Mismatch => "mismatch",
            SheetStatus::Resolved => "resolved",
            SheetStatus::Void => "void",
        }
    }

    pub fn parse(s: &str) -> Option<SheetStatus> {
        SheetStatus::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Waiting for someone: a second entry or an admin. The count waits for these.
    pub fn unsettled(self) -> bool {
        matches!(self, SheetStatus::Pending | SheetStatus::Mismatch)
    }

    /// The status after `step`, or why the step cannot happen now.
    pub fn after(self, step: SheetStep) -> Result<SheetStatus, SheetError> {
        match (self, step) {
            (
                SheetStatus::Pending,
                SheetStep::SecondEntry {
                    duplicate: true,
                    agrees: true,
                },
            ) => Ok(SheetStatus::Void),
            (SheetStatus::Pending, SheetStep::SecondEntry { agrees: true, .. }) => {
                Ok(SheetStatus::Counted)
            }
            (SheetStatus::Pending, SheetStep::SecondEntry { agrees: false, .. }) => {
                Ok(SheetStatus::Mismatch)
            }
            (_, SheetStep::SecondEntry { .. }) => Err(SheetError::AlreadyEntered),
            (SheetStatus::Mismatch, SheetStep::Resolve { duplicate: true }) => {
                Ok(SheetStatus::Void)
            }
            (SheetStatus::Mismatch, SheetStep::Resolve { duplicate: false }) => {
                Ok(SheetStatus::Resolved)
            }
            (_, SheetStep::Resolve { .. }) => Err(SheetError::NotMismatch),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_entries_then_an_admin() {
        let second = |agrees, duplicate| SheetStep::SecondEntry { agrees, duplicate };
        assert_eq!(
            SheetStatus::Pending.after(second(true, false)),
            Ok(SheetStatus::Counted)
        );
        assert_eq!(
            SheetStatus::Pending.after(second(false, false)),
            Ok(SheetStatus::Mismatch)
        );
        assert_eq!(
            SheetStatus::Pending.after(second(true, true)),
            Ok(SheetStatus::Void)
        );
        assert_eq!(
            SheetStatus::Counted.after(second(true, false)),
            Err(SheetError::AlreadyEntered)
        );
        let resolve = |duplicate| SheetStep::Resolve { duplicate };
        assert_eq!(
            SheetStatus::Mismatch.after(resolve(false)),
            Ok(SheetStatus::Resolved)
        );
        assert_eq!(
            SheetStatus::Mismatch.after(resolve(true)),
            Ok(SheetStatus::Void)
        );
        assert_eq!(
            SheetStatus::Counted.after(resolve(false)),
            Err(SheetError::NotMismatch)
        );
        assert!(SheetStatus::Pending.unsettled() && SheetStatus::Mismatch.unsettled());
        assert!(!SheetStatus::Void.unsettled());
        for s in SheetStatus::ALL {
            assert_eq!(SheetStatus::parse(s.as_str()), Some(s));
        }
    }
}
