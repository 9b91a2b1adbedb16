//! Who may do what with the bodies of a space. Who sits on the boards of a civic
//! institution is public (for a cooperative it is in the court register anyway), so
//! anyone may see the bodies and their seats; the space's admins record them, and in
//! a cooperative the board does too (it keeps the records between assemblies).
//! Reached from [`crate::access::can`] like every module's policy.

use crate::access::{SpaceRole, Subject};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssemblyAction {
    /// See the bodies, who sits on them now and who sat before.
    ViewBodies,
    /// Create bodies, give and end seats.
    ManageBodies,
    /// See the general assemblies: their notice, agenda and documents.
    ViewAssemblies,
    /// Convene a general assembly, set its agenda and send the notice: the board.
    ConveneAssembly,
    /// Chair the assembly: open and close votes, name tellers. `chair`: the person
    /// was named the assembly's chair.
    ChairAssembly {
        chair: bool,
    },
    /// Check members in and out, and enter the votes cast in the room: the tellers and
    /// the chair (`officer`); the board may check members in before the chair is elected.
    KeepAttendance {
        officer: bool,
    },
    EnterRoomVotes {
        officer: bool,
    },
    /// Vote from one's own device, for a membership one holds and is present with
    /// remotely (the register checks that).
    VoteRemotely,
    /// Sign the minutes: the assembly's chair or minute-taker (`signer`).
    SignMinutes {
        signer: bool,
    },
}

/// Decides whether `s` may perform `action` on the bodies of the space.
pub fn can(s: &Subject, action: AssemblyAction) -> bool {
    match action {
        AssemblyAction::ViewBodies => true,
        AssemblyAction::ManageBodies => {
            s.space_admin || s.platform_admin || s.has(SpaceRole::Board)
        }
        AssemblyAction::ViewAssemblies => {
            s.space_member
                || s.space_admin
                || s.platform_admin
                || s.has(SpaceRole::Board)
                || s.has(SpaceRole::SupervisoryBoard)
        }
        // The law gives convening to the board alone (on its own or on a demand).
        AssemblyAction::ConveneAssembly => s.has(SpaceRole::Board) || s.platform_admin,
        AssemblyAction::ChairAssembly { chair } => (chair && s.is_logged_in()) || s.platform_admin,
        AssemblyAction::KeepAttendance { officer } => {
            (officer && s.is_logged_in()) || s.has(SpaceRole::Board) || s.platform_admin
        }
        AssemblyAction::EnterRoomVotes { officer } => {
            (officer && s.is_logged_in()) || s.platform_admin
        }
        AssemblyAction::VoteRemotely => s.is_logged_in(),
        AssemblyAction::SignMinutes { signer } => signer && s.is_logged_in(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::UserId;

    #[test]
    fn admins_and_the_board_record_the_bodies() {
        let person = Subject {
            user: Some(UserId(1)),
            space_member: true,
            ..Subject::default()
        };
        assert!(can(&Subject::visitor(), AssemblyAction::ViewBodies));
        assert!(!can(&person, AssemblyAction::ManageBodies));
        let board = Subject {
            space_roles: vec![SpaceRole::Board],
            ..person.clone()
        };
        assert!(can(&board, AssemblyAction::ManageBodies));
        let overseer = Subject {
            space_roles: vec![SpaceRole::SupervisoryBoard],
            ..person.clone()
        };
        assert!(!can(&overseer, AssemblyAction::ManageBodies));
        let admin = Subject {
            space_admin: true,
            ..person.clone()
        };
        assert!(can(&admin, AssemblyAction::ManageBodies));
        assert!(!can(&admin, AssemblyAction::ConveneAssembly));
        assert!(can(&board, AssemblyAction::ConveneAssembly));
        assert!(!can(&overseer, AssemblyAction::ConveneAssembly));
        assert!(can(&overseer, AssemblyAction::ViewAssemblies));
        assert!(can(&admin, AssemblyAction::ViewAssemblies));
        assert!(!can(&Subject::visitor(), AssemblyAction::ViewAssemblies));
        // The chair runs the votes; the board does not, unless it chairs.
        assert!(!can(&board, AssemblyAction::ChairAssembly { chair: false }));
        assert!(can(&person, AssemblyAction::ChairAssembly { chair: true }));
        assert!(can(
            &board,
            AssemblyAction::KeepAttendance { officer: false }
        ));
        assert!(!can(
            &board,
            AssemblyAction::EnterRoomVotes { officer: false }
        ));
        assert!(can(
            &person,
            AssemblyAction::EnterRoomVotes { officer: true }
        ));
        assert!(!can(&Subject::visitor(), AssemblyAction::VoteRemotely));
    }
}
