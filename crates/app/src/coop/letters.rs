//! Printable letters (PDF) for people the platform cannot reach by e-mail: the board's
//! decision on a declaration, and the end of a membership by exclusion or removal,
//! which the law wants notified in writing with its reasons. The text says the same
//! as the e-mail, without the links a letter cannot carry.

use super::register::parse_entry;
use super::{authorise, load, Cooperative};
use crate::i18n::Locale;
use crate::{App, AppError};
use wspolnota_domain::access::Subject;
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::declaration::DeclarationStatus;
use wspolnota_domain::coop::register::{EndReason, Entry};
use wspolnota_domain::coop::CoopError;
use wspolnota_domain::date;
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::pb::Money;
use wspolnota_pdf::{Block, Document};
use wspolnota_store::coop::{declarations, members};

/// Who a letter goes to and what it says.
pub(crate) struct Letter {
    pub to_name: String,
    pub to_address: String,
    pub dated: String,
    pub subject: String,
    pub body: String,
}

/// A one-page letter: sender, place and date, addressee, subject, body, signature.
fn render(l: Locale, coop: &Cooperative, letter: Letter) -> Result<Vec<u8>, AppError> {
    render_all(l, coop, vec![letter])
}

/// Letters to print and post, each on its own page, in one PDF.
pub(crate) fn render_all(
    l: Locale,
    coop: &Cooperative,
    letters: Vec<Letter>,
) -> Result<Vec<u8>, AppError> {
    let title = letters
        .first()
        .map(|x| x.subject.clone())
        .unwrap_or_default();
    let mut doc = Document::new(&title);
    doc.lang = l.code().to_string();
    let mut sender = coop.space.name.clone();
    if let Some(krs) = &coop.krs {
        sender.push_str(&format!("\nKRS {krs}"));
    }
    let place = coop.space.city.clone().unwrap_or_default();
    for letter in letters {
        doc.push(Block::PageBreak);
        doc.push(Block::Paragraph(sender.clone()));
        doc.push(Block::Paragraph(if place.is_empty() {
            letter.dated.clone()
        } else {
            format!("{place}, {}", letter.dated)
        }));
        doc.push(Block::Spacer(12.0));
        doc.push(Block::Paragraph(format!(
            "{}\n{}",
            letter.to_name, letter.to_address
        )));
        doc.push(Block::Spacer(12.0));
        doc.push(Block::heading(2, &letter.subject));
        doc.push(Block::Paragraph(letter.body));
        doc.push(Block::Spacer(24.0));
        doc.push(Block::Paragraph(l.t("letter-coop-signature")));
    }
    wspolnota_pdf::render(&doc).map_err(|e| AppError::Internal(format!("letter PDF: {e}")))
}

impl App {
    /// The board's decision on a declaration as a letter, for the board (to post it)
    /// and for the applicant; refused while the declaration waits for a decision.
    pub async fn decision_letter(
        &self,
        subject: &Subject,
        space: SpaceId,
        id: i64,
        l: Locale,
    ) -> Result<Vec<u8>, AppError> {
        self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let coop = load(&mut c, space).await?;
        let d = declarations::get(&mut c, space, id).await?;
        authorise(
            subject,
            CoopAction::ViewDeclaration {
                applicant: d.user_id,
            },
        )?;
        let status = DeclarationStatus::parse(&d.status)
            .ok_or_else(|| AppError::Internal(d.status.clone()))?;
        let decided_on = d.decided_on.clone().unwrap_or_default();
        let appeal_body = l.t(&format!(
            "letter-coop-appeal-{}",
            coop.settings.appeal_body.as_str()
        ));
        let number = match d.member_id {
            Some(m) => members::by_id(&mut c, space, m).await?.number.to_string(),
            None => String::new(),
        };
        let value = Money(coop.settings.share_value.0.saturating_mul(d.shares));
        let args = |extra: &[(&'static str, String)]| {
            let mut a = vec![
                ("coop", coop.space.name.clone()),
                ("on", decided_on.clone()),
                ("submitted_on", d.submitted_on.clone()),
                ("number", number.clone()),
                ("shares", d.shares.to_string()),
                ("value", value.to_human()),
                ("reasons", d.reasons.clone().unwrap_or_default()),
                ("appeal_body", appeal_body.clone()),
                ("appeal_due", d.appeal_due.clone().unwrap_or_default()),
            ];
            a.extend_from_slice(extra);
            a
        };
        let appeal = [
            ("on", d.appeal_decided_on.clone().unwrap_or_default()),
            ("reasons", d.appeal_reasons.clone().unwrap_or_default()),
        ];
        let (id, args) = match status {
            DeclarationStatus::Admitted => ("letter-coop-admitted-body", args(&[])),
            DeclarationStatus::Refused | DeclarationStatus::Appealed => {
                ("letter-coop-refused-body", args(&[]))
            }
            // Later arguments of the same name win in Fluent's map: the appeal's day and reasons.
            DeclarationStatus::AdmittedOnAppeal => {
                ("letter-coop-appeal-admitted-body", args(&appeal))
            }
            DeclarationStatus::AppealDismissed => {
                ("letter-coop-appeal-dismissed-body", args(&appeal))
            }
            DeclarationStatus::Pending | DeclarationStatus::Withdrawn => {
                return Err(CoopError::NotPending.into())
            }
        };
        let body = l.t_args(id, &args);
        let dated = match status {
            DeclarationStatus::AdmittedOnAppeal | DeclarationStatus::AppealDismissed => {
                d.appeal_decided_on.clone().unwrap_or_default()
            }
            _ => decided_on.clone(),
        };
        render(
            l,
            &coop,
            Letter {
                to_name: d.name,
                to_address: d.address,
                dated,
                subject: l.t("letter-coop-decision-subject"),
                body,
            },
        )
    }

    /// The end of a membership by exclusion or removal as a letter with the
    /// resolution and its reasons; for the board, who must notify it in writing.
    pub async fn end_letter(
        &self,
        subject: &Subject,
        space: SpaceId,
        number: i64,
        l: Locale,
    ) -> Result<Vec<u8>, AppError> {
        authorise(subject, CoopAction::KeepRegister)?;
        self.cooperative(space).await?;
        let view = self.member_view(subject, space, number).await?;
        let ended = view
            .entries
            .iter()
            .rev()
            .map(parse_entry)
            .find_map(|e| match e {
                Ok(Entry::Ended { on, end }) => Some(Ok((on, end))),
                Ok(Entry::Correction { replacement, .. }) => match *replacement {
                    Entry::Ended { on, end } => Some(Ok((on, end))),
                    _ => None,
                },
                Ok(_) => None,
                Err(e) => Some(Err(e)),
            })
            .transpose()?;
        let (on, resolution, reasons, kind) = match ended {
            Some((
                on,
                EndReason::Exclusion {
                    resolution,
                    reasons,
                },
            )) => (on, resolution, reasons, "exclusion"),
            Some((on, EndReason::Removal { reasons })) => (on, String::new(), reasons, "removal"),
            _ => return Err(CoopError::NotAMember.into()),
        };
        let mut c = self.store.read().await?;
        let coop = load(&mut c, space).await?;
        drop(c);
        let state = &view.row.state;
        let body = l.t_args(
            "letter-coop-ended-body",
            &[
                ("coop", coop.space.name.clone()),
                ("on", date::format(on)),
                ("kind", l.t(&format!("coop-end-{kind}"))),
                ("resolution", resolution),
                ("reasons", reasons),
            ],
        );
        render(
            l,
            &coop,
            Letter {
                to_name: state.details.name.clone(),
                to_address: state.details.address.clone(),
                dated: date::format(self.today()),
                subject: l.t("letter-coop-ended-subject"),
                body,
            },
        )
    }
}
