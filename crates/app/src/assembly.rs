//! Bodies of a space and the seats people hold in them (the `assemblies` module, and
//! working groups under `groups`): a cooperative's supervisory board and board, any
//! space's working groups, a coalition's coordinating team. A seat has a position and
//! a term; ending it keeps it in the history. A current seat on the board or the
//! supervisory board gives that body's role in the space (see [`App::subject`]).

mod meetings;
mod minutes;
mod sitting;

pub use meetings::{AgendaForm, AgendaItem, ConveneForm, Meeting, MeetingView, NoticeSent};
pub use minutes::{Minutes, MinutesResolution};
pub use sitting::{AttendanceLine, BallotForm, CheckInForm, Recount, SittingView, VoteView};

use crate::{audit, authorise, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::assembly::access::AssemblyAction;
use wspolnota_domain::assembly::body::{check_new_seat, BodyKind, Position, Seat, Term};
use wspolnota_domain::assembly::AssemblyError;
use wspolnota_domain::date::{self, Date};
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::module::Module;
use wspolnota_domain::text;
use wspolnota_store::assembly as store;
pub use wspolnota_store::assembly::{Body, SeatRow};
use wspolnota_store::spaces;
use wspolnota_store::users;

/// A body with its seats: who sits on it today, and everyone who sat before or will.
#[derive(Debug, Clone)]
pub struct BodyView {
    pub body: Body,
    pub kind: BodyKind,
    pub current: Vec<SeatRow>,
    pub history: Vec<SeatRow>,
}

#[derive(Debug, Clone, Default)]
pub struct BodyForm {
    pub kind: String,
    pub name: String,
    pub purpose: String,
}

#[derive(Debug, Clone, Default)]
pub struct SeatForm {
    /// The e-mail address of the person's account.
    pub email: String,
    pub position: String,
    /// `YYYY-MM-DD`; empty: today.
    pub from: String,
    /// `YYYY-MM-DD`; empty: until further notice.
    pub until: String,
}

#[derive(Debug, Clone, Default)]
pub struct SeatEndForm {
    /// `YYYY-MM-DD`; empty: today.
    pub on: String,
    pub reason: String,
}

const PURPOSE_MAX: usize = 2000;
const REASON_MAX: usize = 500;

/// A date typed in a form; empty means `default`.
fn day(text: &str, default: Date) -> Result<Date, AppError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(default);
    }
    Ok(date::parse(t).ok_or(AssemblyError::BadDate)?)
}

fn kind_of(b: &Body) -> Result<BodyKind, AppError> {
    BodyKind::parse(&b.kind).ok_or_else(|| AppError::Internal(format!("body kind {}", b.kind)))
}

/// The last day of a stored seat: its planned end or the day it ended, whichever first.
fn last_day(s: &SeatRow) -> Option<Date> {
    let planned = s.term_until.as_deref().and_then(date::parse);
    let ended = s.ended_on.as_deref().and_then(date::parse);
    match (planned, ended) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// A stored seat as the rules see it.
fn seat_of(s: &SeatRow) -> Result<Seat, AppError> {
    let from = date::parse(&s.term_from)
        .ok_or_else(|| AppError::Internal(format!("seat {} start {}", s.id, s.term_from)))?;
    Ok(Seat {
        person: s.user_id,
        body: s.body_id,
        body_kind: BodyKind::parse(&s.body_kind)
            .ok_or_else(|| AppError::Internal(format!("body kind {}", s.body_kind)))?,
        position: Position::parse(&s.position)
            .ok_or_else(|| AppError::Internal(format!("position {}", s.position)))?,
        term: Term {
            from,
            until: last_day(s),
        },
    })
}

/// Whether the stored seat covers `day`.
pub(crate) fn holds_on(s: &SeatRow, day: Date) -> bool {
    seat_of(s).is_ok_and(|seat| seat.term.covers(day))
}

impl App {
    /// Bodies are reached through the assemblies module, or the groups module for
    /// spaces that only have working groups.
    pub async fn require_bodies(&self, space: SpaceId) -> Result<(), AppError> {
        if self.module_enabled(space, Module::Assemblies).await?
            || self.module_enabled(space, Module::Groups).await?
        {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    /// The bodies of a space with their seats, for anyone.
    pub async fn bodies(&self, space: SpaceId) -> Result<Vec<BodyView>, AppError> {
        self.require_bodies(space).await?;
        let today = self.today();
        let mut c = self.store.read().await?;
        let bodies = store::bodies(&mut c, space).await?;
        let seats = store::seats(&mut c, space).await?;
        let mut out = Vec::with_capacity(bodies.len());
        for body in bodies {
            let (current, history): (Vec<SeatRow>, Vec<SeatRow>) = seats
                .iter()
                .filter(|s| s.body_id == body.id)
                .cloned()
                .partition(|s| holds_on(s, today));
            out.push(BodyView {
                kind: kind_of(&body)?,
                body,
                current,
                history,
            });
        }
        Ok(out)
    }

    /// Creates a body of the space. A space has one general assembly at most.
    pub async fn create_body(
        &self,
        subject: &Subject,
        space: SpaceId,
        form: BodyForm,
    ) -> Result<i64, AppError> {
        authorise(subject, Action::Assembly(AssemblyAction::ManageBodies))?;
        self.require_bodies(space).await?;
        let kind =
            BodyKind::parse(form.kind.trim()).ok_or(wspolnota_domain::DomainError::UnknownKind)?;
        let name = text::required("name", &form.name, text::NAME_MAX)?;
        let purpose = text::optional("purpose", &form.purpose, PURPOSE_MAX)?.unwrap_or_default();
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let row = spaces::by_id(&mut tx, space).await?;
        if !kind.allowed_in(row.kind) {
            return Err(AssemblyError::BodyNotForSpace.into());
        }
        if kind == BodyKind::GeneralAssembly
            && store::bodies(&mut tx, space)
                .await?
                .iter()
                .any(|b| b.kind == kind.code())
        {
            return Err(AssemblyError::GeneralAssemblyExists.into());
        }
        let id = store::insert_body(
            &mut tx,
            &store::NewBody {
                space,
                kind: kind.code(),
                name: &name,
                purpose: &purpose,
                by: subject.user,
            },
            now,
        )
        .await?
        .ok_or(AssemblyError::BodyNameTaken)?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.body_created",
                None,
                Some(json!({"body": id, "kind": kind.code(), "name": name})),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    /// Gives the person with the form's e-mail a seat in `body`. On a cooperative's
    /// supervisory board only members sit (Prawo spółdzielcze art. 45 §1).
    pub async fn add_seat(
        &self,
        subject: &Subject,
        space: SpaceId,
        body: i64,
        form: SeatForm,
    ) -> Result<i64, AppError> {
        authorise(subject, Action::Assembly(AssemblyAction::ManageBodies))?;
        self.require_bodies(space).await?;
        let email = crate::mail::address(&form.email)?;
        let position = Position::parse(form.position.trim())
            .ok_or(wspolnota_domain::DomainError::UnknownKind)?;
        let today = self.today();
        let from = day(&form.from, today)?;
        let until = match form.until.trim() {
            "" => None,
            t => Some(date::parse(t).ok_or(AssemblyError::BadDate)?),
        };
        let term = Term::new(from, until)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let b = store::body(&mut tx, space, body).await?;
        let kind = kind_of(&b)?;
        let user = users::by_email(&mut tx, &email)
            .await?
            .ok_or(AssemblyError::PersonUnknown)?;
        let new = Seat {
            person: user.id.0,
            body,
            body_kind: kind,
            position,
            term,
        };
        let existing = store::seats(&mut tx, space)
            .await?
            .iter()
            .map(seat_of)
            .collect::<Result<Vec<_>, _>>()?;
        check_new_seat(&existing, &new)?;
        if kind == BodyKind::SupervisoryBoard
            && wspolnota_store::coop::members::current_for_user(
                &mut tx,
                space,
                user.id,
                &date::format(from),
            )
            .await?
            .is_empty()
        {
            return Err(AssemblyError::NotEntitled.into());
        }
        let id = store::insert_seat(
            &mut tx,
            &store::NewSeat {
                body,
                user: user.id,
                position: position.code(),
                term_from: &date::format(from),
                term_until: until.map(date::format).as_deref(),
                by: subject.user,
            },
            now,
        )
        .await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.seat_given",
                None,
                Some(json!({
                    "seat": id, "body": body, "user": user.id.0,
                    "position": position.code(), "from": date::format(from),
                    "until": until.map(date::format),
                })),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    /// Ends a seat (resignation, dismissal, end of membership), keeping it in history.
    pub async fn end_seat(
        &self,
        subject: &Subject,
        space: SpaceId,
        seat: i64,
        form: SeatEndForm,
    ) -> Result<(), AppError> {
        authorise(subject, Action::Assembly(AssemblyAction::ManageBodies))?;
        self.require_bodies(space).await?;
        let on = day(&form.on, self.today())?;
        let reason = text::required("reason", &form.reason, REASON_MAX)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let row = store::seats(&mut tx, space)
            .await?
            .into_iter()
            .find(|s| s.id == seat)
            .ok_or(AppError::NotFound)?;
        if row.ended_on.is_some() {
            return Err(AssemblyError::SeatEnded.into());
        }
        if seat_of(&row)?.term.from > on {
            return Err(AssemblyError::EndBeforeStart.into());
        }
        if !store::end_seat(&mut tx, space, seat, &date::format(on), &reason).await? {
            return Err(AssemblyError::SeatEnded.into());
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.seat_ended",
                None,
                Some(json!({"seat": seat, "on": date::format(on), "reason": reason})),
            ),
            now,
        )
        .await?;
        Ok(())
    }
}
