//! Open votes at the assembly: the chair opens and closes them, tellers enter the
//! room's votes, members present remotely vote themselves; and the recount.

use crate::{audit, authorise, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::assembly::access::AssemblyAction;
use wspolnota_domain::assembly::attendance::Presence;
use wspolnota_domain::assembly::resolution::{
    check_ballot, count_resolution, describe, described, distinct_choices, CastVote, ResolutionKind,
};
use wspolnota_domain::assembly::AssemblyError;
use wspolnota_domain::date;
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::text;
use wspolnota_domain::vote::{Choice, MotionOutcome};
use wspolnota_store::assembly::sitting as store;
use wspolnota_store::coop::members;

use super::register_of;

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

impl App {
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
