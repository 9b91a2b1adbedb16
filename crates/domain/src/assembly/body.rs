//! The bodies of a space (general assembly, supervisory board, board, working groups,
//! a coalition's coordinating team) and the seats people hold in them: a position and a
//! term. Seats are history: a seat that ends keeps its dates, and a new term is a new
//! seat, so the platform can always say who sat on the board on a given day.

use super::AssemblyError;
use crate::date::Date;
use crate::space::SpaceKind;

/// A body of a space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyKind {
    /// Every member; its seats are the register's members, not seats of its own.
    GeneralAssembly,
    SupervisoryBoard,
    Board,
    WorkingGroup,
    /// A coalition's coordinating team.
    CoordinatingTeam,
}

impl BodyKind {
    pub const ALL: [BodyKind; 5] = [
        BodyKind::GeneralAssembly,
        BodyKind::SupervisoryBoard,
        BodyKind::Board,
        BodyKind::WorkingGroup,
        BodyKind::CoordinatingTeam,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BodyKind::GeneralAssembly => "general_assembly",
            BodyKind::SupervisoryBoard => "supervisory_board",
            BodyKind::Board => "board",
            BodyKind::WorkingGroup => "working_group",
            BodyKind::CoordinatingTeam => "coordinating_team",
        }
    }

    pub fn parse(text: &str) -> Option<BodyKind> {
        BodyKind::ALL.into_iter().find(|k| k.code() == text)
    }

    /// Whether a space of `kind` may have this body. The statutory bodies of a
    /// cooperative belong to cooperatives; a coordinating team to coalitions; every
    /// space may have working groups.
    pub fn allowed_in(self, kind: SpaceKind) -> bool {
        match self {
            BodyKind::GeneralAssembly | BodyKind::SupervisoryBoard | BodyKind::Board => {
                kind == SpaceKind::DevelopmentCooperative
            }
            BodyKind::CoordinatingTeam => kind == SpaceKind::Coalition,
            BodyKind::WorkingGroup => true,
        }
    }

    /// Whether the body has seats of its own (the general assembly is all members).
    pub fn has_seats(self) -> bool {
        self != BodyKind::GeneralAssembly
    }

    /// Whether one person may hold only one body of this kind at a time: a member
    /// of the board may not sit on the supervisory board (Prawo spółdzielcze art. 56 §4).
    pub fn excludes(self, other: BodyKind) -> bool {
        matches!(
            (self, other),
            (BodyKind::Board, BodyKind::SupervisoryBoard)
                | (BodyKind::SupervisoryBoard, BodyKind::Board)
        )
    }
}

/// A seat's position in its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Position {
    Chair,
    Deputy,
    Secretary,
    Member,
}

impl Position {
    pub const ALL: [Position; 4] = [
        Position::Chair,
        Position::Deputy,
        Position::Secretary,
        Position::Member,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Position::Chair => "chair",
            Position::Deputy => "deputy",
            Position::Secretary => "secretary",
            Position::Member => "member",
        }
    }

    pub fn parse(text: &str) -> Option<Position> {
        Position::ALL.into_iter().find(|p| p.code() == text)
    }
}

/// A term: from a day, until a day (inclusive) or open-ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub from: Date,
    pub until: Option<Date>,
}

impl Term {
    /// A term that does not end before it starts.
    pub fn new(from: Date, until: Option<Date>) -> Result<Term, AssemblyError> {
        if until.is_some_and(|u| u < from) {
            return Err(AssemblyError::TermOrder);
        }
        Ok(Term { from, until })
    }

    /// Whether the term covers `day`.
    pub fn covers(&self, day: Date) -> bool {
        self.from <= day && self.until.is_none_or(|u| day <= u)
    }

    /// Whether two terms share at least one day.
    pub fn overlaps(&self, other: &Term) -> bool {
        let ends_before = |a: &Term, b: &Term| a.until.is_some_and(|u| u < b.from);
        !ends_before(self, other) && !ends_before(other, self)
    }
}

/// A seat as the rules see it: who, in which body, in which position, for which term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seat {
    /// The person (an account id) holding the seat.
    pub person: i64,
    pub body: i64,
    pub body_kind: BodyKind,
    pub position: Position,
    pub term: Term,
}

/// Checks a new seat against the seats already held in the space: one person holds
/// one seat in a body at a time, a body has one chair at a time, and nobody sits on
/// the board and the supervisory board at once.
pub fn check_new_seat(existing: &[Seat], new: &Seat) -> Result<(), AssemblyError> {
    if !new.body_kind.has_seats() {
        return Err(AssemblyError::BodyNotForSpace);
    }
    for s in existing.iter().filter(|s| s.term.overlaps(&new.term)) {
        if s.person == new.person && (s.body == new.body || s.body_kind.excludes(new.body_kind)) {
            return Err(AssemblyError::SeatOverlaps);
        }
        if s.body == new.body && s.position == Position::Chair && new.position == Position::Chair {
            return Err(AssemblyError::ChairTaken);
        }
    }
    Ok(())
}

/// Whether `person` sits on a body of `kind` on `day`.
pub fn sits_on(seats: &[Seat], person: i64, kind: BodyKind, day: Date) -> bool {
    seats
        .iter()
        .any(|s| s.person == person && s.body_kind == kind && s.term.covers(day))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        crate::date::parse(text).unwrap()
    }

    fn seat(person: i64, body: i64, kind: BodyKind, position: Position, from: &str) -> Seat {
        Seat {
            person,
            body,
            body_kind: kind,
            position,
            term: Term::new(d(from), Some(d("2029-06-30"))).unwrap(),
        }
    }

    #[test]
    fn terms_are_ordered_and_inclusive() {
        assert_eq!(
            Term::new(d("2026-06-01"), Some(d("2026-05-31"))),
            Err(AssemblyError::TermOrder)
        );
        let t = Term::new(d("2026-06-01"), Some(d("2026-06-30"))).unwrap();
        assert!(t.covers(d("2026-06-01")) && t.covers(d("2026-06-30")));
        assert!(!t.covers(d("2026-07-01")) && !t.covers(d("2026-05-31")));
        let next = Term::new(d("2026-07-01"), None).unwrap();
        assert!(!t.overlaps(&next) && !next.overlaps(&t));
        let touching = Term::new(d("2026-06-30"), None).unwrap();
        assert!(t.overlaps(&touching) && touching.overlaps(&t));
    }

    #[test]
    fn one_seat_per_body_one_chair_and_boards_apart() {
        let board = [seat(1, 10, BodyKind::Board, Position::Chair, "2026-07-01")];
        // A second seat for the same person in the same body.
        let again = seat(1, 10, BodyKind::Board, Position::Member, "2027-01-01");
        assert_eq!(
            check_new_seat(&board, &again),
            Err(AssemblyError::SeatOverlaps)
        );
        // A second chair.
        let chair = seat(2, 10, BodyKind::Board, Position::Chair, "2027-01-01");
        assert_eq!(
            check_new_seat(&board, &chair),
            Err(AssemblyError::ChairTaken)
        );
        // The board's chair on the supervisory board.
        let overseer = seat(
            1,
            11,
            BodyKind::SupervisoryBoard,
            Position::Member,
            "2026-09-01",
        );
        assert_eq!(
            check_new_seat(&board, &overseer),
            Err(AssemblyError::SeatOverlaps)
        );
        // After the term ends, all of it is fine.
        let later = Seat {
            term: Term::new(d("2029-07-01"), None).unwrap(),
            ..overseer
        };
        assert_eq!(check_new_seat(&board, &later), Ok(()));
        let member = seat(2, 10, BodyKind::Board, Position::Member, "2027-01-01");
        assert_eq!(check_new_seat(&board, &member), Ok(()));
        // A working group may have the board's chair as its chair too.
        let group = seat(1, 12, BodyKind::WorkingGroup, Position::Chair, "2026-07-01");
        assert_eq!(check_new_seat(&board, &group), Ok(()));
    }

    #[test]
    fn bodies_belong_to_kinds_of_space() {
        assert!(BodyKind::Board.allowed_in(SpaceKind::DevelopmentCooperative));
        assert!(!BodyKind::Board.allowed_in(SpaceKind::Coalition));
        assert!(BodyKind::CoordinatingTeam.allowed_in(SpaceKind::Coalition));
        assert!(!BodyKind::CoordinatingTeam.allowed_in(SpaceKind::CityNetwork));
        assert!(SpaceKind::ALL
            .iter()
            .all(|k| BodyKind::WorkingGroup.allowed_in(*k)));
        for k in BodyKind::ALL {
            assert_eq!(BodyKind::parse(k.code()), Some(k));
        }
        for p in Position::ALL {
            assert_eq!(Position::parse(p.code()), Some(p));
        }
    }

    #[test]
    fn who_sits_on_a_day() {
        let seats = [seat(1, 10, BodyKind::Board, Position::Chair, "2026-07-01")];
        assert!(sits_on(&seats, 1, BodyKind::Board, d("2026-07-01")));
        assert!(!sits_on(&seats, 1, BodyKind::Board, d("2026-06-30")));
        assert!(!sits_on(&seats, 2, BodyKind::Board, d("2026-07-01")));
        assert!(!sits_on(
            &seats,
            1,
            BodyKind::SupervisoryBoard,
            d("2026-07-01")
        ));
    }
}
