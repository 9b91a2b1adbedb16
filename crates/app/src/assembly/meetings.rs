//! Convening a cooperative's general assembly: the board sets the day, the place and
//! the agenda (on its own, or on a demand of the supervisory board or of a tenth of the
//! members, which binds it to six weeks), then sends the notice to every member — by
//! e-mail, and as printed letters for those without one. The notice locks the agenda
//! except for additions the statute allows.

use crate::coop::letters::{render_all, Letter};
use crate::i18n::Locale;
use crate::{audit, authorise, mail, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::assembly::access::AssemblyAction;
use wspolnota_domain::assembly::body::BodyKind;
use wspolnota_domain::assembly::convening::{self, Convener};
use wspolnota_domain::assembly::resolution::ResolutionKind;
use wspolnota_domain::assembly::AssemblyError;
use wspolnota_domain::date::{self, Date};
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::module::Module;
use wspolnota_domain::text;
use wspolnota_store::assembly::{self as store, NoticeAddress};
pub use wspolnota_store::assembly::{AgendaItem, Meeting, MeetingDocument};
use wspolnota_store::coop::members;

#[derive(Debug, Clone, Default)]
pub struct ConveneForm {
    pub title: String,
    /// `board`, `supervisory_board` or `members`.
    pub convener: String,
    /// Members who signed the demand, when `convener` is `members`.
    pub signatures: String,
    /// The day the demand came, for a demand.
    pub demanded_on: String,
    pub held_on: String,
    /// `HH:MM`.
    pub starts_at: String,
    pub place: String,
    pub remote: bool,
}

#[derive(Debug, Clone, Default)]
pub struct AgendaForm {
    pub title: String,
    /// A resolution kind (`ordinary`, `statute_change`…) or empty for a report or a
    /// discussion without a resolution.
    pub resolution: String,
    pub description: String,
}

/// An assembly with its agenda and what the law's deadlines say about it.
#[derive(Debug, Clone)]
pub struct MeetingView {
    pub meeting: Meeting,
    pub agenda: Vec<AgendaItem>,
    pub documents: Vec<MeetingDocument>,
    /// The last day a demanded assembly may be held, for a demand.
    pub demand_deadline: Option<String>,
    /// Set for the day after the deadline or later: the board is late.
    pub late: bool,
    /// The first day the notice could still go out for this date.
    pub notice_by: String,
    /// Until when items may still be added after the notice.
    pub agenda_open_until: String,
    pub challenge_until: String,
}

/// What sending the notice did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeSent {
    pub emails: usize,
    /// Members with no address, who need a printed letter.
    pub letters: usize,
}

const TITLE_MAX: usize = 200;
const PLACE_MAX: usize = 300;

fn day(field: &str) -> Result<Date, AppError> {
    Ok(date::parse(field).ok_or(AssemblyError::BadDate)?)
}

/// `HH:MM` on a 24-hour clock.
fn time(text: &str) -> Result<String, AppError> {
    let t = text.trim();
    let ok = t.len() == 5
        && t.as_bytes()[2] == b':'
        && t[..2].parse::<u32>().is_ok_and(|h| h < 24)
        && t[3..].parse::<u32>().is_ok_and(|m| m < 60)
        && t.bytes().filter(|b| b.is_ascii_digit()).count() == 4;
    if ok {
        Ok(t.to_string())
    } else {
        Err(AssemblyError::BadTime.into())
    }
}

fn convener_of(m: &Meeting) -> Convener {
    match m.convener.as_str() {
        "supervisory_board" => Convener::SupervisoryBoardDemand,
        "members" => Convener::MembersDemand {
            signatures: u64::try_from(m.demand_signatures.unwrap_or(0)).unwrap_or(0),
        },
        _ => Convener::Board,
    }
}

/// The members none of whose notice lines has an address mail can go to.
fn without_address(lines: &[NoticeAddress]) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::new();
    for l in lines {
        let reachable = lines
            .iter()
            .any(|x| x.number == l.number && x.email.as_deref().is_some_and(mail::deliverable));
        if !reachable && !out.contains(&l.number) {
            out.push(l.number);
        }
    }
    out
}

impl App {
    async fn require_assemblies(&self, space: SpaceId) -> Result<(), AppError> {
        self.require_module(space, Module::Assemblies).await
    }

    fn meeting_view(
        &self,
        meeting: Meeting,
        agenda: Vec<AgendaItem>,
        documents: Vec<MeetingDocument>,
        settings: &wspolnota_domain::coop::CoopSettings,
    ) -> Result<MeetingView, AppError> {
        let held = day(&meeting.held_on)?;
        let demand_deadline = match (&meeting.demanded_on, convener_of(&meeting).is_demand()) {
            (Some(d), true) => Some(convening::demand_deadline(day(d)?)),
            _ => None,
        };
        let notice_by = convening::notice_by(held, settings.notice_days);
        Ok(MeetingView {
            late: demand_deadline.is_some_and(|d| held > d),
            demand_deadline: demand_deadline.map(date::format),
            notice_by: date::format(notice_by),
            agenda_open_until: date::format(convening::agenda_open_until(
                held,
                settings.agenda_addition_days,
            )),
            challenge_until: date::format(convening::challenge_until(held)),
            meeting,
            agenda,
            documents,
        })
    }

    /// The cooperative's general assemblies, the latest first.
    pub async fn assemblies(
        &self,
        subject: &Subject,
        space: SpaceId,
    ) -> Result<Vec<MeetingView>, AppError> {
        self.require_assemblies(space).await?;
        authorise(subject, Action::Assembly(AssemblyAction::ViewAssemblies))?;
        let coop = self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let mut out = Vec::new();
        for m in store::meetings(&mut c, space).await? {
            let agenda = store::agenda(&mut c, m.id).await?;
            let documents = store::documents(&mut c, m.id).await?;
            out.push(self.meeting_view(m, agenda, documents, &coop.settings)?);
        }
        Ok(out)
    }

    /// One general assembly with its agenda.
    pub async fn assembly(
        &self,
        subject: &Subject,
        space: SpaceId,
        id: i64,
    ) -> Result<MeetingView, AppError> {
        self.require_assemblies(space).await?;
        authorise(subject, Action::Assembly(AssemblyAction::ViewAssemblies))?;
        let coop = self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let m = store::meeting(&mut c, space, id).await?;
        let agenda = store::agenda(&mut c, id).await?;
        let documents = store::documents(&mut c, id).await?;
        self.meeting_view(m, agenda, documents, &coop.settings)
    }

    /// Attaches a document for the members (a draft resolution, the financial
    /// statements): the board.
    pub async fn add_assembly_document(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        title: &str,
        upload: crate::files::Upload,
    ) -> Result<i64, AppError> {
        authorise(subject, Action::Assembly(AssemblyAction::ConveneAssembly))?;
        self.require_assemblies(space).await?;
        self.cooperative(space).await?;
        let title = text::required("title", title, TITLE_MAX)?;
        let kind = wspolnota_domain::file::accept_document("file", &upload.bytes)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        store::meeting(&mut tx, space, meeting).await?;
        let saved = crate::files::save(
            &mut tx,
            space,
            &upload,
            kind,
            "dokument",
            (subject.user, now),
        )
        .await?;
        let id = store::add_document(&mut tx, meeting, saved.id, &title, subject.user, now).await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.document_added",
                None,
                Some(json!({"meeting": meeting, "document": id, "title": title, "sha256": saved.sha256})),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    /// A document of the assembly with its bytes, for those who see the assembly.
    pub async fn assembly_document(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        document: i64,
    ) -> Result<(String, Vec<u8>), AppError> {
        let v = self.assembly(subject, space, meeting).await?;
        let d = v
            .documents
            .iter()
            .find(|d| d.id == document)
            .ok_or(AppError::NotFound)?;
        let mut c = self.store.read().await?;
        let (info, bytes) = wspolnota_store::files::file(&mut c, space, d.file_id).await?;
        Ok((info.content_type, bytes))
    }

    /// Convenes a general assembly. A demand must carry its day, and a members' demand
    /// the signatures of a tenth of the members (at least three) on that day.
    pub async fn convene_assembly(
        &self,
        subject: &Subject,
        space: SpaceId,
        form: ConveneForm,
    ) -> Result<i64, AppError> {
        authorise(subject, Action::Assembly(AssemblyAction::ConveneAssembly))?;
        self.require_assemblies(space).await?;
        self.cooperative(space).await?;
        let title = text::required("title", &form.title, TITLE_MAX)?;
        let today = self.today();
        let held = day(&form.held_on)?;
        if held < today {
            return Err(AssemblyError::DateInPast.into());
        }
        let starts_at = time(&form.starts_at)?;
        let place = if form.remote {
            text::optional("place", &form.place, PLACE_MAX)?.unwrap_or_default()
        } else {
            text::required("place", &form.place, PLACE_MAX)?
        };
        let convener = match form.convener.trim() {
            "board" => Convener::Board,
            "supervisory_board" => Convener::SupervisoryBoardDemand,
            "members" => Convener::MembersDemand {
                signatures: form
                    .signatures
                    .trim()
                    .parse()
                    .map_err(|_| AssemblyError::DemandTooFew)?,
            },
            _ => return Err(wspolnota_domain::DomainError::UnknownKind.into()),
        };
        let demanded_on = if convener.is_demand() {
            let d = match form.demanded_on.trim() {
                "" => return Err(AssemblyError::DemandDateMissing.into()),
                t => day(t)?,
            };
            if d > today {
                return Err(AssemblyError::BadDate.into());
            }
            Some(d)
        } else {
            None
        };
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if let (Convener::MembersDemand { .. }, Some(d)) = (convener, demanded_on) {
            let (natural, legal) =
                members::current_by_kind(&mut tx, space, &date::format(d)).await?;
            let count = u64::try_from(natural + legal).unwrap_or(0);
            convening::check_demand(convener, count)?;
        }
        let body = match store::bodies(&mut tx, space)
            .await?
            .into_iter()
            .find(|b| b.kind == BodyKind::GeneralAssembly.code())
        {
            Some(b) => b.id,
            // The assembly is a body of every cooperative: recorded on first use.
            None => store::insert_body(
                &mut tx,
                &store::NewBody {
                    space,
                    kind: BodyKind::GeneralAssembly.code(),
                    name: "Walne Zgromadzenie",
                    purpose: "",
                    by: subject.user,
                },
                now,
            )
            .await?
            .ok_or(AssemblyError::BodyNameTaken)?,
        };
        let signatures = match convener {
            Convener::MembersDemand { signatures } => i64::try_from(signatures).ok(),
            _ => None,
        };
        let id = store::insert_meeting(
            &mut tx,
            &store::NewMeeting {
                space,
                body,
                title: &title,
                convener: convener.code(),
                demand_signatures: signatures,
                demanded_on: demanded_on.map(date::format).as_deref(),
                held_on: &date::format(held),
                starts_at: &starts_at,
                place: &place,
                remote: form.remote,
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
                "assembly.convened",
                None,
                Some(json!({
                    "meeting": id, "title": title, "convener": convener.code(),
                    "signatures": signatures, "demanded_on": demanded_on.map(date::format),
                    "held_on": date::format(held), "starts_at": starts_at, "place": place,
                    "remote": form.remote,
                })),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    /// Adds an item to the agenda: freely before the notice, and after it only until
    /// the statute's days before the assembly.
    pub async fn add_agenda_item(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        form: AgendaForm,
    ) -> Result<i64, AppError> {
        authorise(subject, Action::Assembly(AssemblyAction::ConveneAssembly))?;
        self.require_assemblies(space).await?;
        let coop = self.cooperative(space).await?;
        let title = text::required("title", &form.title, TITLE_MAX)?;
        let description = text::optional("description", &form.description, text::DESCRIPTION_MAX)?
            .unwrap_or_default();
        let kind = match form.resolution.trim() {
            "" => None,
            t => Some(ResolutionKind::parse(t).ok_or(wspolnota_domain::DomainError::UnknownKind)?),
        };
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let m = store::meeting(&mut tx, space, meeting).await?;
        let noticed = m.notice_sent_on.is_some();
        convening::check_addition(
            noticed,
            self.today(),
            day(&m.held_on)?,
            coop.settings.agenda_addition_days,
        )?;
        let id = store::add_item(
            &mut tx,
            &store::NewItem {
                meeting,
                title: &title,
                resolution_kind: kind.map(|k| k.code()),
                description: &description,
                after_notice: noticed,
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
                "assembly.agenda_item_added",
                None,
                Some(json!({
                    "meeting": meeting, "item": id, "title": title,
                    "resolution": kind.map(|k| k.code()), "after_notice": noticed,
                })),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    /// Sends the notice of the assembly to every current member: an e-mail to each
    /// address (a member organisation's representatives each get one), and a count of
    /// those who need a printed letter. Refused with an empty agenda, or when the
    /// assembly is closer than the statute's days of notice.
    pub async fn send_assembly_notice(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
    ) -> Result<NoticeSent, AppError> {
        authorise(subject, Action::Assembly(AssemblyAction::ConveneAssembly))?;
        self.require_assemblies(space).await?;
        let coop = self.cooperative(space).await?;
        let today = self.today();
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let m = store::meeting(&mut tx, space, meeting).await?;
        if m.notice_sent_on.is_some() {
            return Err(AssemblyError::NoticeAlreadySent.into());
        }
        let agenda = store::agenda(&mut tx, meeting).await?;
        if agenda.is_empty() {
            return Err(AssemblyError::AgendaEmpty.into());
        }
        convening::check_notice(today, day(&m.held_on)?, coop.settings.notice_days)?;
        let lines = store::notice_addresses(&mut tx, space, &date::format(today)).await?;
        let agenda_text = agenda
            .iter()
            .map(|i| format!("{}. {}", i.position, i.title))
            .collect::<Vec<_>>()
            .join("\n");
        let link = format!(
            "{}/wspolnoty/{}/zgromadzenia/{}",
            self.config.base_url, coop.space.slug, meeting
        );
        let mut emails = 0;
        for l in &lines {
            let Some(to) = l.email.as_deref().filter(|e| mail::deliverable(e)) else {
                continue;
            };
            let args = [
                ("coop", coop.space.name.clone()),
                ("title", m.title.clone()),
                ("date", m.held_on.clone()),
                ("time", m.starts_at.clone()),
                ("place", m.place.clone()),
                ("agenda", agenda_text.clone()),
                ("link", link.clone()),
            ];
            mail::queue(
                &mut tx,
                to,
                mail::Message::Notice {
                    subject: "mail-assembly-notice-subject",
                    body: "mail-assembly-notice-body",
                    args: &args,
                },
                l.locale.as_deref(),
                &self.config.instance_secret,
                now,
            )
            .await?;
            emails += 1;
        }
        let letters = without_address(&lines).len();
        if !store::mark_noticed(&mut tx, meeting, &date::format(today)).await? {
            return Err(AssemblyError::NoticeAlreadySent.into());
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.notice_sent",
                None,
                Some(json!({
                    "meeting": meeting, "on": date::format(today),
                    "emails": emails, "letters": letters,
                })),
            ),
            now,
        )
        .await?;
        Ok(NoticeSent { emails, letters })
    }

    /// The printed notices for the members the e-mail cannot reach, one letter a page,
    /// addressed from the register; for the board, once the notice has gone out.
    pub async fn assembly_notice_letters(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        l: Locale,
    ) -> Result<Vec<u8>, AppError> {
        authorise(subject, Action::Assembly(AssemblyAction::ConveneAssembly))?;
        self.require_assemblies(space).await?;
        let coop = self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let m = store::meeting(&mut c, space, meeting).await?;
        let Some(sent_on) = m.notice_sent_on.clone() else {
            return Err(AssemblyError::NoticeNotSent.into());
        };
        let agenda = store::agenda(&mut c, meeting).await?;
        let lines = store::notice_addresses(&mut c, space, &sent_on).await?;
        drop(c);
        let agenda_text = agenda
            .iter()
            .map(|i| format!("{}. {}", i.position, i.title))
            .collect::<Vec<_>>()
            .join("\n");
        let mut letters = Vec::new();
        for number in without_address(&lines) {
            let view = self.member_view(subject, space, number).await?;
            let body = l.t_args(
                "letter-assembly-notice-body",
                &[
                    ("coop", coop.space.name.clone()),
                    ("title", m.title.clone()),
                    ("date", m.held_on.clone()),
                    ("time", m.starts_at.clone()),
                    ("place", m.place.clone()),
                    ("agenda", agenda_text.clone()),
                ],
            );
            letters.push(Letter {
                to_name: view.row.state.details.name.clone(),
                to_address: view.row.state.details.address.clone(),
                dated: sent_on.clone(),
                subject: l.t_args(
                    "letter-assembly-notice-subject",
                    &[("title", m.title.clone())],
                ),
                body,
            });
        }
        if letters.is_empty() {
            return Err(AppError::NotFound);
        }
        render_all(l, &coop, letters)
    }
}
