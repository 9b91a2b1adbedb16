//! A general assembly in session: the chair and the tellers, the attendance register
//! (in person, remote, by proxy with the power of attorney's scan), and open votes on
//! the agenda's resolutions — one member one vote, from the room through a teller or
//! from a member's phone, counted once, with the quorum taken when the vote closes.

use crate::files::{self, Upload};
use crate::{audit, authorise, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::assembly::access::AssemblyAction;
use wspolnota_domain::assembly::attendance::{self, Presence, ProxyHolder, ProxyRules, Register};
use wspolnota_domain::assembly::resolution::{
    check_ballot, count_resolution, describe, described, distinct_choices, CastVote, ResolutionKind,
};
use wspolnota_domain::assembly::AssemblyError;
use wspolnota_domain::budget::register::person_key;
use wspolnota_domain::date;
use wspolnota_domain::file::accept_document;
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::text;
use wspolnota_domain::vote::{Choice, MotionOutcome};
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

#[derive(Debug, Clone, Default)]
pub struct CheckInForm {
    /// The member's number in the register.
    pub member: String,
    /// `in_person`, `remote` or `proxy`.
    pub presence: String,
    /// The proxy's name as on the power of attorney, and their account's e-mail if
    /// they have one.
    pub proxy_name: String,
    pub proxy_email: String,
    pub power_of_attorney: Option<Upload>,
}

/// One member's vote as entered: by a teller from the room, or by the member remotely.
#[derive(Debug, Clone, Default)]
pub struct BallotForm {
    pub vote: i64,
    /// The member's number in the register.
    pub member: i64,
    /// `yes`, `no` or `abstain`.
    pub choice: String,
    pub remote: bool,
}

const TEXT_MAX: usize = 5_000;

fn choice_of(code: &str) -> Result<Choice, AssemblyError> {
    match code.trim() {
        "yes" => Ok(Choice::Yes),
        "no" => Ok(Choice::No),
        "abstain" => Ok(Choice::Abstain),
        _ => Err(AssemblyError::BadChoice),
    }
}

fn choice_code(c: Choice) -> &'static str {
    match c {
        Choice::Yes => "yes",
        Choice::No => "no",
        Choice::Abstain => "abstain",
    }
}

fn outcome_code(o: MotionOutcome) -> &'static str {
    match o {
        MotionOutcome::Passed => "passed",
        MotionOutcome::Rejected => "rejected",
        MotionOutcome::NoQuorum => "no_quorum",
    }
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

    /// Signs the minutes as the assembly's chair or minute-taker. No vote may be open.
    pub async fn sign_minutes(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
    ) -> Result<(), AppError> {
        self.assembly(subject, space, meeting).await?;
        let roles = self.roles_at(subject, space, meeting).await?;
        let role = if Self::chair(&roles) {
            Some("chair")
        } else if roles.iter().any(|r| r == "secretary") {
            Some("secretary")
        } else {
            None
        };
        authorise(
            subject,
            Action::Assembly(AssemblyAction::SignMinutes {
                signer: role.is_some(),
            }),
        )?;
        let role = role.ok_or(AppError::Forbidden)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if store::votes(&mut tx, meeting)
            .await?
            .iter()
            .any(|v| v.closed_at.is_none())
        {
            return Err(AssemblyError::AnotherVoteOpen.into());
        }
        if !store::sign(&mut tx, meeting, role, subject.user, None, now).await? {
            return Err(AssemblyError::AlreadySigned.into());
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.minutes_signed",
                None,
                Some(json!({"meeting": meeting, "role": role})),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// Attaches the scan of the minutes signed on paper: the board. It closes the
    /// session like the chair's signature.
    pub async fn attach_signed_minutes(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        scan: Upload,
    ) -> Result<i64, AppError> {
        authorise(subject, Action::Assembly(AssemblyAction::ConveneAssembly))?;
        self.assembly(subject, space, meeting).await?;
        let kind = accept_document("scan", &scan.bytes)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let saved =
            files::save(&mut tx, space, &scan, kind, "protokol", (subject.user, now)).await?;
        if !store::sign(&mut tx, meeting, "scan", subject.user, Some(saved.id), now).await? {
            return Err(AssemblyError::AlreadySigned.into());
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.minutes_scan_attached",
                None,
                Some(json!({"meeting": meeting, "file": saved.id, "sha256": saved.sha256})),
            ),
            now,
        )
        .await?;
        Ok(saved.id)
    }

    /// The scan of the signed minutes, for those who see the assembly.
    pub async fn signed_minutes_scan(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
    ) -> Result<(String, Vec<u8>), AppError> {
        self.assembly(subject, space, meeting).await?;
        let mut c = self.store.read().await?;
        let file = store::signatures(&mut c, meeting)
            .await?
            .into_iter()
            .find_map(|s| s.scan_file_id)
            .ok_or(AppError::NotFound)?;
        let (info, bytes) = wspolnota_store::files::file(&mut c, space, file).await?;
        Ok((info.content_type, bytes))
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

    /// Checks a member in. A proxy needs the statute's leave, the scan of a written
    /// power of attorney, and may stand for one member only; a board member may be a
    /// proxy only in a cooperative of at most ten members.
    pub async fn check_in(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        form: CheckInForm,
    ) -> Result<i64, AppError> {
        self.assembly(subject, space, meeting).await?;
        let roles = self.roles_at(subject, space, meeting).await?;
        authorise(
            subject,
            Action::Assembly(AssemblyAction::KeepAttendance {
                officer: Self::officer(&roles),
            }),
        )?;
        let coop = self.cooperative(space).await?;
        let presence = Presence::parse(form.presence.trim())
            .ok_or(wspolnota_domain::DomainError::UnknownKind)?;
        let number: i64 = form
            .member
            .trim()
            .parse()
            .map_err(|_| AssemblyError::NotEntitled)?;
        let now = self.now();
        let today = date::format(self.today());
        let mut tx = self.store.begin().await?;
        let (m, _) = self.sitting_of(&mut tx, subject, space, meeting).await?;
        if date::parse(&m.held_on).is_some_and(|d| d > self.today()) {
            return Err(AssemblyError::BeforeTheDay.into());
        }
        self.ensure_not_signed(&mut tx, meeting).await?;
        let member = members::by_number(&mut tx, space, number)
            .await
            .map_err(|_| AssemblyError::NotEntitled)?;
        if member
            .ends_on
            .as_deref()
            .is_some_and(|e| e <= today.as_str())
        {
            return Err(AssemblyError::NotEntitled.into());
        }
        let mut register = register_of(&store::attendance(&mut tx, meeting).await?)?;
        let entitled = self.entitled(&mut tx, space).await?;
        let (proxy, proxy_name) = if presence == Presence::Proxy {
            let name = text::required("proxy_name", &form.proxy_name, text::NAME_MAX)?;
            let account = match form.proxy_email.trim() {
                "" => None,
                e => Some(
                    users::by_email(&mut tx, &crate::mail::address(e)?)
                        .await?
                        .ok_or(AssemblyError::PersonUnknown)?,
                ),
            };
            // A seat on the board counts as much as the role granted directly.
            let on_board = match &account {
                Some(u) => self
                    .subject(Some(u), Some(space))
                    .await?
                    .has(wspolnota_domain::access::SpaceRole::Board),
                None => false,
            };
            let key = match &account {
                Some(u) => format!("user:{}", u.id.0),
                None => format!("name:{}", person_key(&name, "")),
            };
            (
                Some(ProxyHolder {
                    key,
                    sits_on_board: on_board,
                    has_document: form
                        .power_of_attorney
                        .as_ref()
                        .is_some_and(|u| !u.bytes.is_empty()),
                }),
                Some(name),
            )
        } else {
            (None, None)
        };
        register.arrive(
            attendance::Arrival {
                member: number,
                presence,
                proxy: proxy.clone(),
            },
            ProxyRules {
                allowed: coop.settings.proxies_allowed,
                members: entitled,
            },
        )?;
        let document = match (&proxy, &form.power_of_attorney) {
            (Some(_), Some(upload)) => {
                let kind = accept_document("power_of_attorney", &upload.bytes)?;
                Some(
                    files::save(
                        &mut tx,
                        space,
                        upload,
                        kind,
                        "pelnomocnictwo",
                        (subject.user, now),
                    )
                    .await?
                    .id,
                )
            }
            _ => None,
        };
        let id = store::arrive(
            &mut tx,
            &store::NewArrival {
                meeting,
                member_number: number,
                presence: presence.code(),
                proxy_name: proxy_name.as_deref(),
                proxy_key: proxy.as_ref().map(|p| p.key.as_str()),
                proxy_on_board: proxy.as_ref().is_some_and(|p| p.sits_on_board),
                power_of_attorney: document,
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
                "assembly.checked_in",
                None,
                Some(json!({
                    "meeting": meeting, "member": number, "presence": presence.code(),
                    "proxy": proxy_name, "power_of_attorney": document,
                })),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    /// Records that a member (or their proxy) left.
    pub async fn check_out(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        member: i64,
    ) -> Result<(), AppError> {
        self.assembly(subject, space, meeting).await?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let (_, roles) = self.sitting_of(&mut tx, subject, space, meeting).await?;
        authorise(
            subject,
            Action::Assembly(AssemblyAction::KeepAttendance {
                officer: Self::officer(&roles),
            }),
        )?;
        self.ensure_not_signed(&mut tx, meeting).await?;
        if !store::leave(&mut tx, meeting, member, now).await? {
            return Err(AssemblyError::NotPresent.into());
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.checked_out",
                None,
                Some(json!({"meeting": meeting, "member": member})),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// Opens a vote on an agenda item that asks for a resolution: by the chair, one
    /// vote at a time, only on the day. Elections and dismissals are secret and are
    /// not opened here.
    pub async fn open_vote(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        item: i64,
        text_of_resolution: &str,
    ) -> Result<i64, AppError> {
        let view = self.assembly(subject, space, meeting).await?;
        let roles = self.roles_at(subject, space, meeting).await?;
        authorise(
            subject,
            Action::Assembly(AssemblyAction::ChairAssembly {
                chair: Self::chair(&roles),
            }),
        )?;
        let text = text::required("text", text_of_resolution, TEXT_MAX)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let (m, _) = self.sitting_of(&mut tx, subject, space, meeting).await?;
        if date::parse(&m.held_on).is_some_and(|d| d > self.today()) {
            return Err(AssemblyError::BeforeTheDay.into());
        }
        self.ensure_not_signed(&mut tx, meeting).await?;
        // Without the notice the members were not called: nothing can be resolved.
        if m.notice_sent_on.is_none() {
            return Err(AssemblyError::NoticeNotSent.into());
        }
        let agenda_item = view
            .agenda
            .iter()
            .find(|i| i.id == item)
            .ok_or(AssemblyError::NotOnAgenda)?;
        let kind = agenda_item
            .resolution_kind
            .as_deref()
            .and_then(ResolutionKind::parse)
            .ok_or(AssemblyError::NoResolutionOnItem)?;
        check_ballot(kind, false)?;
        if store::votes(&mut tx, meeting)
            .await?
            .iter()
            .any(|v| v.closed_at.is_none())
        {
            return Err(AssemblyError::AnotherVoteOpen.into());
        }
        let id = store::open_vote(&mut tx, meeting, item, kind.code(), &text, now).await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.vote_opened",
                None,
                Some(json!({"meeting": meeting, "vote": id, "item": item, "kind": kind.code()})),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    /// Records one member's vote: from the room through a teller (`member` given), or
    /// remotely by the member themselves. Each member votes once, whichever way.
    pub async fn cast_assembly_vote(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        ballot: BallotForm,
    ) -> Result<(), AppError> {
        let BallotForm {
            vote,
            member,
            choice,
            remote,
        } = ballot;
        self.assembly(subject, space, meeting).await?;
        let roles = self.roles_at(subject, space, meeting).await?;
        if remote {
            authorise(subject, Action::Assembly(AssemblyAction::VoteRemotely))?;
        } else {
            authorise(
                subject,
                Action::Assembly(AssemblyAction::EnterRoomVotes {
                    officer: Self::officer(&roles),
                }),
            )?;
        }
        let choice = choice_of(&choice)?;
        let now = self.now();
        let today = date::format(self.today());
        let mut tx = self.store.begin().await?;
        let rows = store::attendance(&mut tx, meeting).await?;
        let open_row = rows
            .iter()
            .find(|a| a.member_number == member && a.left_at.is_none());
        if remote {
            let user = subject.user.ok_or(AppError::LoginRequired)?;
            let own = members::current_for_user(&mut tx, space, user, &today)
                .await?
                .iter()
                .any(|m| m.number == member);
            if !own {
                return Err(AppError::Forbidden);
            }
            if open_row.is_none_or(|a| a.presence != Presence::Remote.code()) {
                return Err(AssemblyError::NotPresent.into());
            }
        } else if open_row.is_none() {
            return Err(AssemblyError::NotPresent.into());
        }
        let v = store::vote(&mut tx, meeting, vote).await?;
        if v.closed_at.is_some() {
            return Err(AssemblyError::VoteClosed.into());
        }
        let via = if remote { "remote" } else { "room" };
        if !store::cast(
            &mut tx,
            vote,
            member,
            choice_code(choice),
            via,
            subject.user,
            now,
        )
        .await?
        {
            return Err(AssemblyError::VotedTwice.into());
        }
        // An open vote's ballots are part of the minutes; who voted how is open.
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.vote_cast",
                None,
                Some(json!({"vote": vote, "member": member, "choice": choice_code(choice), "via": via})),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// Closes a vote and counts it: the quorum is who is present now (and anyone who
    /// voted and has since left), of every member entitled; the majority is the kind's
    /// under the statute. Without quorum the outcome is `no_quorum`: no resolution.
    pub async fn close_vote(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        vote: i64,
    ) -> Result<MotionOutcome, AppError> {
        self.assembly(subject, space, meeting).await?;
        let coop = self.cooperative(space).await?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let (_, roles) = self.sitting_of(&mut tx, subject, space, meeting).await?;
        authorise(
            subject,
            Action::Assembly(AssemblyAction::ChairAssembly {
                chair: Self::chair(&roles),
            }),
        )?;
        let v = store::vote(&mut tx, meeting, vote).await?;
        if v.closed_at.is_some() {
            return Err(AssemblyError::VoteClosed.into());
        }
        let kind = ResolutionKind::parse(&v.kind)
            .ok_or_else(|| AppError::Internal(format!("vote kind {}", v.kind)))?;
        let ballots = store::ballots(&mut tx, vote).await?;
        let cast: Vec<CastVote> = ballots
            .iter()
            .map(|(member, choice, _)| {
                Ok(CastVote {
                    member: *member,
                    choice: choice_of(choice)
                        .map_err(|_| AppError::Internal(format!("choice {choice}")))?,
                })
            })
            .collect::<Result<_, AppError>>()?;
        let choices = distinct_choices(&cast)?;
        let register = register_of(&store::attendance(&mut tx, meeting).await?)?;
        let left_after_voting = cast
            .iter()
            .filter(|c| !register.is_present(c.member))
            .count() as u64;
        let present = register.present_count() + left_after_voting;
        let entitled = self.entitled(&mut tx, space).await?.max(present);
        let result = count_resolution(kind, &coop.settings, &choices, present, entitled)
            .map_err(|e| AppError::Internal(format!("count: {e}")))?;
        let (majority, quorum, abstentions_counted) = describe(&kind.rules(&coop.settings));
        let outcome = outcome_code(result.outcome);
        let as_i64 = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        if !store::close_vote(
            &mut tx,
            vote,
            &store::Count {
                present: as_i64(result.present),
                entitled: as_i64(result.entitled),
                yes: as_i64(result.yes),
                no: as_i64(result.no),
                abstain: as_i64(result.abstain),
                outcome,
                explanation: &result.explanation,
                majority: &majority,
                quorum: &quorum,
                abstentions_counted,
            },
            now,
        )
        .await?
        {
            return Err(AssemblyError::VoteClosed.into());
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.vote_closed",
                None,
                Some(json!({
                    "vote": vote, "present": result.present, "entitled": result.entitled,
                    "yes": result.yes, "no": result.no, "abstain": result.abstain,
                    "outcome": outcome,
                })),
            ),
            now,
        )
        .await?;
        Ok(result.outcome)
    }
}

/// A vote recounted from its ballots with the rules stored beside its count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recount {
    pub vote: i64,
    pub item: String,
    /// yes, no, abstain and the outcome as stored when the vote closed.
    pub stored: (i64, i64, i64, String),
    /// The same from the ballots.
    pub recounted: (i64, i64, i64, String),
}

impl Recount {
    pub fn matches(&self) -> bool {
        self.stored == self.recounted
    }
}

impl App {
    /// Recounts every closed vote of an assembly from its stored ballots, with the
    /// quorum and the rules recorded at its close; for an operator or a member who
    /// wants to check the minutes.
    pub async fn recount_assembly(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
    ) -> Result<Vec<Recount>, AppError> {
        let view = self.sitting(subject, space, meeting).await?;
        let mut c = self.store.read().await?;
        let mut out = Vec::new();
        for v in view.votes.iter().filter(|v| v.vote.closed_at.is_some()) {
            let x = &v.vote;
            let rules = described(
                x.majority.as_deref().unwrap_or_default(),
                x.quorum.as_deref().unwrap_or_default(),
                x.abstentions_counted.unwrap_or(false),
            )
            .ok_or_else(|| AppError::Internal(format!("vote {} rules", x.id)))?;
            let choices = store::ballots(&mut c, x.id)
                .await?
                .iter()
                .map(|(_, choice, _)| choice_of(choice).map_err(AppError::from))
                .collect::<Result<Vec<_>, _>>()?;
            let as_u64 = |n: Option<i64>| u64::try_from(n.unwrap_or(0)).unwrap_or(0);
            let (present, entitled) = (as_u64(x.present), as_u64(x.entitled));
            let recounted =
                wspolnota_domain::vote::count_motion_present(&choices, present, entitled, &rules);
            let as_i64 = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
            let recounted = match recounted {
                Ok(r) => (
                    as_i64(r.yes),
                    as_i64(r.no),
                    as_i64(r.abstain),
                    outcome_code(r.outcome).to_string(),
                ),
                Err(e) => (0, 0, 0, format!("uncountable: {}", e.code())),
            };
            out.push(Recount {
                vote: x.id,
                item: v.item_title.clone(),
                stored: (
                    x.yes.unwrap_or(0),
                    x.no.unwrap_or(0),
                    x.abstain.unwrap_or(0),
                    x.outcome.clone().unwrap_or_default(),
                ),
                recounted,
            });
        }
        Ok(out)
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
