//! A general assembly in session: the chair and the tellers, the attendance register
//! (in person, remote, by proxy with the power of attorney's scan), and open votes on
//! the agenda's resolutions — one member one vote, from the room through a teller or
//! from a member's phone, counted once, with the quorum taken when the vote closes.

mod arrivals;
mod signing;
mod votes;

pub use arrivals::CheckInForm;
pub use votes::{BallotForm, Recount};

use crate::{audit, authorise, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::assembly::access::AssemblyAction;
use wspolnota_domain::assembly::attendance::{self, Presence, ProxyHolder, ProxyRules, Register};
use wspolnota_domain::assembly::AssemblyError;
use wspolnota_domain::date;
use wspolnota_domain::ids::SpaceId;
use wspolnota_store::assembly::sitting::{self as store, Arrival, Vote};
use wspolnota_store::assembly::{self as meetings, Meeting};
use wspolnota_store::coop::members;
use wspolnota_store::{users, Conn};

/// How one member is on the attendance register.
#[derive(Debug, Clone)]
pub struct AttendanceLine {
    pub arrival: Arrival,
    pub name: String,
}

/// A vote with its count: final once closed, running while open.
#[derive(Debug, Clone)]
pub struct VoteView {
    pub vote: Vote,
    pub item_title: String,
    /// Ballots so far (all of them, once closed).
    pub cast: i64,
    pub yes: i64,
    pub no: i64,
    pub abstain: i64,
}

/// The session as those present see it.
#[derive(Debug, Clone)]
pub struct SittingView {
    pub officers: Vec<(String, String)>,
    pub attendance: Vec<AttendanceLine>,
    pub present: u64,
    pub entitled: u64,
    pub votes: Vec<VoteView>,
    /// The caller's roles at this assembly (`chair`, `teller`).
    pub roles: Vec<String>,
    /// Member numbers the caller may vote for from their device (present remotely).
    pub remote_for: Vec<i64>,
    /// The minutes' signatures so far.
    pub signatures: Vec<store::Signature>,
}

/// The register replayed from its rows: arrivals in order, each departure after its
/// arrival (a member has one open arrival at a time, so the order is the real one).
fn register_of(rows: &[Arrival]) -> Result<Register, AppError> {
    let mut r = Register::default();
    let rules = ProxyRules {
        allowed: true,
        members: 0,
    };
    for row in rows {
        let presence = Presence::parse(&row.presence)
            .ok_or_else(|| AppError::Internal(format!("presence {}", row.presence)))?;
        let proxy = row.proxy_key.as_ref().map(|key| ProxyHolder {
            key: key.clone(),
            sits_on_board: false,
            has_document: true,
        });
        r.arrive(
            attendance::Arrival {
                member: row.member_number,
                presence,
                proxy,
            },
            rules,
        )?;
        if row.left_at.is_some() {
            r.leave(row.member_number)?;
        }
    }
    Ok(r)
}

impl App {
    /// The meeting and the caller's roles at it, for the policy.
    async fn sitting_of(
        &self,
        c: &mut Conn,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
    ) -> Result<(Meeting, Vec<String>), AppError> {
        let m = meetings::meeting(c, space, meeting).await?;
        let roles = match subject.user {
            Some(u) => store::roles_of(c, meeting, u).await?,
            None => Vec::new(),
        };
        Ok((m, roles))
    }

    /// The caller's roles at the assembly, read before any input so that whom the
    /// policy refuses is refused first.
    async fn roles_at(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
    ) -> Result<Vec<String>, AppError> {
        let mut c = self.store.read().await?;
        Ok(self.sitting_of(&mut c, subject, space, meeting).await?.1)
    }

    /// Refuses to record anything more once the chair signed the minutes (or their
    /// signed scan was attached): the minutes are what happened.
    async fn ensure_not_signed(&self, c: &mut Conn, meeting: i64) -> Result<(), AppError> {
        let closed = store::signatures(c, meeting)
            .await?
            .iter()
            .any(|s| s.role == "chair" || s.role == "scan");
        if closed {
            Err(AssemblyError::MinutesSigned.into())
        } else {
            Ok(())
        }
    }

    fn officer(roles: &[String]) -> bool {
        roles.iter().any(|r| r == "chair" || r == "teller")
    }

    fn chair(roles: &[String]) -> bool {
        roles.iter().any(|r| r == "chair")
    }

    /// Members entitled to vote today: every current member, one vote each.
    async fn entitled(&self, c: &mut Conn, space: SpaceId) -> Result<u64, AppError> {
        let today = date::format(self.today());
        let (natural, legal) = members::current_by_kind(c, space, &today).await?;
        Ok(u64::try_from(natural + legal).unwrap_or(0))
    }

    /// The session: officers, the attendance register, the votes with their counts.
    pub async fn sitting(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
    ) -> Result<SittingView, AppError> {
        let view = self.assembly(subject, space, meeting).await?;
        let mut c = self.store.read().await?;
        let (_, roles) = self.sitting_of(&mut c, subject, space, meeting).await?;
        let rows = store::attendance(&mut c, meeting).await?;
        let register = register_of(&rows)?;
        let entitled = self.entitled(&mut c, space).await?;
        let numbers: Vec<i64> = rows.iter().map(|a| a.member_number).collect();
        let names = names_of(&mut c, space, &numbers).await?;
        let attendance: Vec<AttendanceLine> = rows
            .into_iter()
            .map(|arrival| AttendanceLine {
                name: names
                    .get(&arrival.member_number)
                    .cloned()
                    .unwrap_or_default(),
                arrival,
            })
            .collect();
        let mut votes = Vec::new();
        for vote in store::votes(&mut c, meeting).await? {
            let ballots = store::ballots(&mut c, vote.id).await?;
            let count = |code: &str| ballots.iter().filter(|b| b.1 == code).count() as i64;
            let item_title = view
                .agenda
                .iter()
                .find(|i| i.id == vote.item_id)
                .map(|i| i.title.clone())
                .unwrap_or_default();
            votes.push(VoteView {
                cast: ballots.len() as i64,
                yes: count("yes"),
                no: count("no"),
                abstain: count("abstain"),
                item_title,
                vote,
            });
        }
        let mut remote_for = Vec::new();
        if let Some(u) = subject.user {
            let today = date::format(self.today());
            for m in members::current_for_user(&mut c, space, u, &today).await? {
                let remote = attendance.iter().any(|a| {
                    a.arrival.member_number == m.number
                        && a.arrival.left_at.is_none()
                        && a.arrival.presence == Presence::Remote.code()
                });
                if remote {
                    remote_for.push(m.number);
                }
            }
        }
        Ok(SittingView {
            signatures: store::signatures(&mut c, meeting).await?,
            officers: store::officers(&mut c, meeting).await?,
            present: register.present_count(),
            entitled,
            attendance,
            votes,
            roles,
            remote_for,
        })
    }

    /// Names the assembly's chair or a teller (the person with `email`): the board
    /// before the assembly, or its chair.
    pub async fn name_assembly_officer(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        email: &str,
        role: &str,
    ) -> Result<bool, AppError> {
        self.assembly(subject, space, meeting).await?;
        if !Self::chair(&self.roles_at(subject, space, meeting).await?) {
            authorise(subject, Action::Assembly(AssemblyAction::ConveneAssembly))?;
        }
        let email = crate::mail::address(email)?;
        let role = match role.trim() {
            r @ ("chair" | "teller" | "secretary") => r,
            _ => return Err(AssemblyError::BadRole.into()),
        };
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let user = users::by_email(&mut tx, &email)
            .await?
            .ok_or(AssemblyError::PersonUnknown)?;
        if !store::name_officer(&mut tx, meeting, user.id, role, subject.user, now).await? {
            return Ok(false);
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.officer_named",
                None,
                Some(json!({"meeting": meeting, "user": user.id.0, "role": role})),
            ),
            now,
        )
        .await?;
        Ok(true)
    }
}

/// Members' names as the register has them now (corrections included), by number.
async fn names_of(
    c: &mut Conn,
    space: SpaceId,
    numbers: &[i64],
) -> Result<std::collections::BTreeMap<i64, String>, AppError> {
    use wspolnota_domain::coop::register::MemberState;
    let mut ids = std::collections::BTreeMap::new();
    for n in numbers {
        if !ids.values().any(|v| v == n) {
            ids.insert(members::by_number(c, space, *n).await?.id, *n);
        }
    }
    let keys: Vec<i64> = ids.keys().copied().collect();
    let mut by_member: std::collections::BTreeMap<i64, Vec<_>> = std::collections::BTreeMap::new();
    for e in members::entries_of(c, space, &keys).await? {
        by_member
            .entry(e.member_id)
            .or_default()
            .push((e.id, crate::coop::register::parse_entry(&e)?));
    }
    Ok(ids
        .iter()
        .map(|(id, number)| {
            let state = MemberState::fold(by_member.get(id).map_or(&[][..], Vec::as_slice));
            (*number, state.details.name)
        })
        .collect())
}
