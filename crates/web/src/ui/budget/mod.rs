//! Participatory-budget pages: a space's rounds, a round with its pools and
//! proposals, proposals and their verification, voting, and results.

mod codes;
mod committee;
pub(crate) mod explain;
mod paper;
mod proposals;
mod results;
mod rounds;
mod voting;

use super::layout::Page;
use super::OrPage;
use crate::error::UiError;
use crate::routes::Routes;
use crate::{AppState, Ctx};
use wspolnota_app::budget::Round;
use wspolnota_app::spaces::Space;
use wspolnota_app::AppError;
use wspolnota_domain::access::Subject;
use wspolnota_domain::budget::Phase;
use wspolnota_domain::pb::Money;

pub fn routes() -> Routes {
    Routes::new()
        .get("/wspolnoty/{slug}/budzet", rounds::list_page)
        .post("/wspolnoty/{slug}/budzet", rounds::create)
        .get("/budzet/{round}", rounds::round_page)
        .post("/budzet/{round}/etap", rounds::advance)
        .post("/budzet/{round}/pule", rounds::add_pool)
        .post("/budzet/{round}/urzednicy", rounds::add_official)
        .post("/budzet/{round}/kody", codes::issue_codes)
        .get("/budzet/{round}/projekty/nowy", proposals::new_page)
        .post("/budzet/{round}/projekty", proposals::submit)
        .get("/budzet/{round}/projekty/{id}", proposals::proposal_page)
        .post("/budzet/{round}/projekty/{id}/poparcie", proposals::support)
        .post(
            "/budzet/{round}/projekty/{id}/weryfikacja",
            proposals::verify,
        )
        .post("/budzet/{round}/projekty/{id}/odwolanie", proposals::appeal)
        .post(
            "/budzet/{round}/projekty/{id}/rozstrzygniecie",
            proposals::decide_appeal,
        )
        .post("/budzet/{round}/projekty/{id}/wycofaj", proposals::withdraw)
        .get("/budzet/{round}/projekty/{id}/edycja", proposals::edit_page)
        .post("/budzet/{round}/projekty/{id}/edycja", proposals::edit)
        .post(
            "/budzet/{round}/projekty/{id}/zdjecia",
            proposals::upload_image,
        )
        .get(
            "/budzet/{round}/projekty/{id}/zdjecia/{image}",
            proposals::image,
        )
        .get("/budzet/{round}/glosowanie", voting::vote_page)
        .post("/budzet/{round}/adres", voting::declare)
        .post("/budzet/{round}/glosowanie/{pool}", voting::cast)
        .get("/budzet/{round}/papier", paper::paper_page)
        .post("/budzet/{round}/arkusze", paper::register_sheets)
        .post("/budzet/{round}/punkt", paper::desk_code)
        .post("/budzet/{round}/komisja", committee::create_key)
        .post("/budzet/{round}/liczenie", results::count)
        .get("/budzet/{round}/potwierdzenie", results::receipt_page)
        .post("/budzet/{round}/papier/{pool}", paper::enter)
        .post("/budzet/{round}/papier/{pool}/rozstrzygnij", paper::resolve)
        .get("/budzet/{round}/wyniki", results::results_page)
        .post("/budzet/{round}/wyniki", results::compute)
        .get("/budzet/{round}/pule/{pool}/glosy.pb", results::download_pb)
        .get(
            "/budzet/{round}/pule/{pool}/wyniki.csv",
            results::download_csv,
        )
        .get(
            "/budzet/{round}/pule/{pool}/potwierdzenia.txt",
            results::download_receipts,
        )
}

/// A round with its space and the person's standing in it.
pub(crate) struct Loaded {
    pub round: Round,
    pub space: Space,
    pub subject: Subject,
    pub phase: Phase,
}

pub(crate) async fn load(s: &AppState, ctx: &Ctx, round: &str) -> Result<Loaded, UiError> {
    let id: i64 = round
        .parse()
        .map_err(|_| UiError::new(ctx, AppError::NotFound))?;
    let round = s.app.round(id).await.or_page(ctx)?;
    let space = s.app.space(round.space_id).await.or_page(ctx)?;
    s.app
        .require_module(space.id, wspolnota_domain::module::Module::Budget)
        .await
        .or_page(ctx)?;
    let subject = s
        .app
        .round_subject(ctx.user.as_deref(), &round)
        .await
        .or_page(ctx)?;
    let phase = s.app.phase(&round);
    Ok(Loaded {
        round,
        space,
        subject,
        phase,
    })
}

/// Asks the policy (through the app) before a form's fields are read, for handlers
/// that must turn fields into typed input to call their use case: a refusal then
/// always comes before any complaint about the input.
pub(crate) fn allowed(
    ctx: &Ctx,
    subject: &Subject,
    action: wspolnota_domain::access::Action,
) -> Result<(), UiError> {
    wspolnota_app::authorise(subject, action).or_page(ctx)
}

/// A field of a form read as pairs (forms with repeated or numbered fields); empty
/// when absent.
pub(crate) fn form_field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

pub(crate) fn parse_id(ctx: &Ctx, text: &str) -> Result<i64, UiError> {
    text.parse()
        .map_err(|_| UiError::new(ctx, AppError::NotFound))
}

/// Reads an amount typed by a person: `12 500`, `12 500,50 zł`, `12500.5`.
pub(crate) fn parse_money(text: &str) -> Option<Money> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    let cleaned = cleaned.trim_end_matches("zł").trim_end_matches("PLN");
    Money::parse(cleaned).ok()
}

pub(crate) fn phase_name(page: &Page, phase: Phase) -> String {
    page.t(&format!("budget-phase-{}", phase.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_people_type_them() {
        assert_eq!(parse_money("12 500"), Some(Money(1_250_000)));
        assert_eq!(parse_money("12\u{a0}500,50 zł"), Some(Money(1_250_050)));
        assert_eq!(parse_money("12500.5"), Some(Money(1_250_050)));
        assert_eq!(parse_money("dużo"), None);
        assert_eq!(parse_money(""), None);
    }
}
