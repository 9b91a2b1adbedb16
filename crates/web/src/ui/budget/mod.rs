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
use crate::{AppState, Ctx};
use axum::routing::{get, post};
use axum::Router;
use wspolnota_app::budget::Round;
use wspolnota_app::spaces::Space;
use wspolnota_app::AppError;
use wspolnota_domain::access::Subject;
use wspolnota_domain::budget::Phase;
use wspolnota_domain::pb::Money;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/wspolnoty/{slug}/budzet",
            get(rounds::list_page).post(rounds::create),
        )
        .route("/budzet/{round}", get(rounds::round_page))
        .route("/budzet/{round}/etap", post(rounds::advance))
        .route("/budzet/{round}/pule", post(rounds::add_pool))
        .route("/budzet/{round}/urzednicy", post(rounds::add_official))
        .route("/budzet/{round}/kody", post(codes::issue_codes))
        .route("/budzet/{round}/projekty/nowy", get(proposals::new_page))
        .route("/budzet/{round}/projekty", post(proposals::submit))
        .route(
            "/budzet/{round}/projekty/{id}",
            get(proposals::proposal_page),
        )
        .route(
            "/budzet/{round}/projekty/{id}/poparcie",
            post(proposals::support),
        )
        .route(
            "/budzet/{round}/projekty/{id}/weryfikacja",
            post(proposals::verify),
        )
        .route(
            "/budzet/{round}/projekty/{id}/odwolanie",
            post(proposals::appeal),
        )
        .route(
            "/budzet/{round}/projekty/{id}/rozstrzygniecie",
            post(proposals::decide_appeal),
        )
        .route(
            "/budzet/{round}/projekty/{id}/wycofaj",
            post(proposals::withdraw),
        )
        .route(
            "/budzet/{round}/projekty/{id}/edycja",
            get(proposals::edit_page).post(proposals::edit),
        )
        .route(
            "/budzet/{round}/projekty/{id}/zdjecia",
            post(proposals::upload_image),
        )
        .route(
            "/budzet/{round}/projekty/{id}/zdjecia/{image}",
            get(proposals::image),
        )
        .route("/budzet/{round}/glosowanie", get(voting::vote_page))
        .route("/budzet/{round}/adres", post(voting::declare))
        .route("/budzet/{round}/glosowanie/{pool}", post(voting::cast))
        .route("/budzet/{round}/papier", get(paper::paper_page))
        .route("/budzet/{round}/arkusze", post(paper::register_sheets))
        .route("/budzet/{round}/punkt", post(paper::desk_code))
        .route("/budzet/{round}/komisja", post(committee::create_key))
        .route("/budzet/{round}/liczenie", post(results::count))
        .route("/budzet/{round}/potwierdzenie", get(results::receipt_page))
        .route("/budzet/{round}/papier/{pool}", post(paper::enter))
        .route(
            "/budzet/{round}/papier/{pool}/rozstrzygnij",
            post(paper::resolve),
        )
        .route(
            "/budzet/{round}/wyniki",
            get(results::results_page).post(results::compute),
        )
        .route(
            "/budzet/{round}/pule/{pool}/glosy.pb",
            get(results::download_pb),
        )
        .route(
            "/budzet/{round}/pule/{pool}/wyniki.csv",
            get(results::download_csv),
        )
        .route(
            "/budzet/{round}/pule/{pool}/potwierdzenia.txt",
            get(results::download_receipts),
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
