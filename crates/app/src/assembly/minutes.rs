//! The minutes of a general assembly, written from what was recorded: when and where,
//! who convened it and on whose demand, the chair and tellers, the attendance register,
//! the agenda, and each resolution with its text, its votes, the quorum at that vote,
//! the result and the last day to challenge it. The same text as a page and as a PDF
//! with Polish characters embedded.

use super::sitting::SittingView;
use super::MeetingView;
use crate::i18n::Locale;
use crate::{App, AppError};
use wspolnota_domain::access::Subject;
use wspolnota_domain::ids::SpaceId;
use wspolnota_pdf::{Align, Block, Column, Document, Table};

/// The minutes as sections of text, for the page and the PDF alike.
#[derive(Debug, Clone)]
pub struct Minutes {
    pub title: String,
    pub facts: Vec<(String, String)>,
    pub officers: Vec<String>,
    /// Number, name, how, proxy, arrived (HH:MM), left (HH:MM or empty).
    pub attendance: Vec<[String; 6]>,
    pub agenda: Vec<String>,
    pub resolutions: Vec<MinutesResolution>,
    /// Who signed, and when; or that the signed paper's scan is attached.
    pub signed: Vec<String>,
    pub has_scan: bool,
}

#[derive(Debug, Clone)]
pub struct MinutesResolution {
    pub item: String,
    pub text: String,
    pub counts: String,
    pub quorum: String,
    pub result: String,
}

use wspolnota_domain::date::{self, time_in_poland as clock_time};

fn minutes_of(l: Locale, coop_name: &str, v: &MeetingView, s: &SittingView) -> Minutes {
    let m = &v.meeting;
    let convener = match (m.convener.as_str(), m.demand_signatures) {
        ("members", Some(n)) => l.t_args("assembly-convener-members", &[("count", n.to_string())]),
        (code, _) => l.t(&format!("assembly-convener-{code}")),
    };
    let mut facts = vec![
        (l.t("minutes-coop"), coop_name.to_string()),
        (
            l.t("assembly-held-on"),
            format!("{}, {}", m.held_on, m.starts_at),
        ),
        (l.t("assembly-place"), m.place.clone()),
        (l.t("assembly-convener"), convener),
    ];
    if let Some(on) = &m.demanded_on {
        facts.push((l.t("assembly-demanded-on"), on.clone()));
    }
    facts.push((
        l.t("assembly-notice"),
        m.notice_sent_on.clone().unwrap_or_default(),
    ));
    let mut took_part: Vec<i64> = s
        .attendance
        .iter()
        .map(|a| a.arrival.member_number)
        .collect();
    took_part.sort_unstable();
    took_part.dedup();
    facts.push((
        l.t("minutes-took-part"),
        format!("{} / {}", took_part.len(), s.entitled),
    ));
    let attendance = s
        .attendance
        .iter()
        .map(|a| {
            [
                a.arrival.member_number.to_string(),
                a.name.clone(),
                l.t(&format!("assembly-presence-{}", a.arrival.presence)),
                a.arrival.proxy_name.clone().unwrap_or_default(),
                clock_time(a.arrival.arrived_at),
                a.arrival.left_at.map(clock_time).unwrap_or_default(),
            ]
        })
        .collect();
    let resolutions = s
        .votes
        .iter()
        .filter(|x| x.vote.closed_at.is_some())
        .map(|x| MinutesResolution {
            item: x.item_title.clone(),
            text: x.vote.text.clone(),
            counts: format!(
                "{}: {} · {}: {} · {}: {}",
                l.t("assembly-for"),
                x.vote.yes.unwrap_or(0),
                l.t("assembly-against"),
                x.vote.no.unwrap_or(0),
                l.t("assembly-abstaining"),
                x.vote.abstain.unwrap_or(0)
            ),
            quorum: format!(
                "{}: {} / {}",
                l.t("assembly-present-at-vote"),
                x.vote.present.unwrap_or(0),
                x.vote.entitled.unwrap_or(0)
            ),
            result: match x.vote.outcome.as_deref() {
                Some("no_quorum") => l.t("assembly-outcome-no_quorum"),
                Some(o) => format!(
                    "{} {}",
                    l.t(&format!("assembly-outcome-{o}")),
                    l.t_args(
                        "minutes-challenge-until",
                        &[("date", v.challenge_until.clone())]
                    )
                ),
                None => String::new(),
            },
        })
        .collect();
    let signed = s
        .signatures
        .iter()
        .map(|x| {
            let when = format!(
                "{} {}",
                date::format(date::day_in_poland(x.signed_at)),
                clock_time(x.signed_at)
            );
            match x.role.as_str() {
                "scan" => l.t_args("minutes-scan-attached", &[("when", when)]),
                role => format!(
                    "{}: {}, {when}",
                    l.t(&format!("assembly-role-{role}")),
                    x.name.clone().unwrap_or_default()
                ),
            }
        })
        .collect();
    Minutes {
        has_scan: s.signatures.iter().any(|x| x.scan_file_id.is_some()),
        signed,
        title: l.t_args("minutes-title", &[("title", m.title.clone())]),
        facts,
        officers: s
            .officers
            .iter()
            .map(|(name, role)| format!("{name} — {}", l.t(&format!("assembly-role-{role}"))))
            .collect(),
        attendance,
        agenda: v
            .agenda
            .iter()
            .map(|i| format!("{}. {}", i.position, i.title))
            .collect(),
        resolutions,
    }
}

fn pdf_of(l: Locale, minutes: &Minutes) -> Result<Vec<u8>, AppError> {
    let mut doc = Document::new(&minutes.title);
    doc.lang = l.code().to_string();
    doc.push(Block::heading(1, &minutes.title));
    doc.push(Block::KeyValues(minutes.facts.clone()));
    doc.push(Block::heading(2, l.t("assembly-officers")));
    doc.push(Block::Paragraph(if minutes.officers.is_empty() {
        l.t("assembly-no-officers")
    } else {
        minutes.officers.join("\n")
    }));
    doc.push(Block::heading(2, l.t("assembly-agenda")));
    doc.push(Block::Paragraph(minutes.agenda.join("\n")));
    doc.push(Block::heading(2, l.t("minutes-resolutions")));
    if minutes.resolutions.is_empty() {
        doc.push(Block::Paragraph(l.t("assembly-no-votes")));
    }
    for r in &minutes.resolutions {
        doc.push(Block::heading(3, &r.item));
        doc.push(Block::Paragraph(format!(
            "{}\n{}\n{}\n{}",
            r.text, r.counts, r.quorum, r.result
        )));
    }
    doc.push(Block::heading(2, l.t("assembly-attendance")));
    let mut table = Table::new(vec![
        Column::new(l.t("coop-col-number"), 1).align(Align::Right),
        Column::new(l.t("assembly-col-person"), 4),
        Column::new(l.t("assembly-col-presence"), 3),
        Column::new(l.t("assembly-col-proxy"), 3),
        Column::new(l.t("minutes-arrived"), 1),
        Column::new(l.t("minutes-left"), 1),
    ]);
    table.rows = minutes.attendance.iter().map(|r| r.to_vec()).collect();
    doc.push(Block::Table(table));
    doc.push(Block::Spacer(24.0));
    if minutes.signed.is_empty() {
        doc.push(Block::Paragraph(l.t("minutes-signatures")));
    } else {
        doc.push(Block::heading(2, l.t("minutes-signed")));
        doc.push(Block::Paragraph(minutes.signed.join("\n")));
    }
    wspolnota_pdf::render(&doc).map_err(|e| AppError::Internal(format!("minutes PDF: {e}")))
}

impl App {
    /// The minutes of the assembly, for its members and boards.
    pub async fn assembly_minutes(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        l: Locale,
    ) -> Result<Minutes, AppError> {
        let v = self.assembly(subject, space, meeting).await?;
        let s = self.sitting(subject, space, meeting).await?;
        let coop = self.cooperative(space).await?;
        Ok(minutes_of(l, &coop.space.name, &v, &s))
    }

    /// The minutes as a PDF.
    pub async fn assembly_minutes_pdf(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        l: Locale,
    ) -> Result<Vec<u8>, AppError> {
        let minutes = self.assembly_minutes(subject, space, meeting, l).await?;
        pdf_of(l, &minutes)
    }
}
