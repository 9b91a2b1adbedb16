//! Paper ballots: staff enter each sheet, a second person enters it again, and
//! admins settle the sheets whose two entries disagree.

use super::voting::{ballot_views, choices, BallotView};
use super::{form_field, load, parse_id, Loaded};
use crate::error::UiError;
use crate::ui::layout::{FormErrors, Page};
use crate::ui::{render, see_other, Notice, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::{Extension, Form};
use wspolnota_app::budget::{Desk, PaperEntry, PaperOutcome};
use wspolnota_app::AppError;
use wspolnota_domain::access::{can, Action};
use wspolnota_domain::budget::register::Identification;
use wspolnota_domain::budget::{Choice, Phase};

pub struct SheetLine {
    /// Keeps the ids of each sheet's resolution form unique.
    pub key: String,
    pub sheet: String,
    pub status: String,
    pub mismatch: bool,
}

pub struct PaperPool {
    /// Keeps the ids of the pool's entry form unique.
    pub key: String,
    pub ballot: BallotView,
    pub sheets: Vec<SheetLine>,
    /// Persons found twice in this pool (their register key, the later channel and
    /// the rule applied), for the committee.
    pub duplicates: Vec<String>,
    /// Pairs who may be one person written twice, for the committee to check.
    pub near: Vec<String>,
}

#[derive(Template)]
#[template(path = "budget/paper.html")]
struct PaperPage {
    page: Page,
    round_id: i64,
    round_title: String,
    pools: Vec<PaperPool>,
    can_resolve: bool,
    can_register: bool,
    /// Paper sheets can be entered now (voting, or the counting window).
    entry_open: bool,
    voting_open: bool,
    pesel_required: bool,
    districts: Vec<String>,
    sheets_registered: String,
    /// A code just issued at the desk, shown once.
    desk_code: Option<String>,
    errors: FormErrors,
}

async fn paper_view(
    s: &AppState,
    ctx: &Ctx,
    l: &Loaded,
    notice: Option<&str>,
    desk_code: Option<String>,
    errors: FormErrors,
) -> Result<Response, UiError> {
    wspolnota_app::authorise(&l.subject, Action::EnterPaperBallots).or_page(ctx)?;
    let page = Page::new(ctx, ctx.locale.t("budget-paper-title")).with_notice(notice);
    let mut pools = Vec::new();
    for ballot in ballot_views(s, ctx, l, &page, &[]).await? {
        let sheets = s
            .app
            .paper_sheets(&l.subject, ballot.pool_id)
            .await
            .or_page(ctx)?
            .into_iter()
            .enumerate()
            .map(|(i, p)| SheetLine {
                key: format!("r{}-{i}", ballot.pool_id),
                mismatch: p.status == wspolnota_domain::budget::SheetStatus::Mismatch,
                status: page.t(&format!("budget-paper-{}", p.status.as_str())),
                sheet: p.sheet,
            })
            .collect();
        let duplicates = s
            .app
            .duplicates(&l.subject, ballot.pool_id)
            .await
            .or_page(ctx)?
            .into_iter()
            .map(|d| {
                let rule = page.t(&format!("budget-duplicates-{}", d.rule));
                format!("{} ({}): {rule}", d.voter_key, d.channel)
            })
            .collect();
        let near = s
            .app
            .possible_duplicates(&l.subject, ballot.pool_id)
            .await
            .or_page(ctx)?
            .into_iter()
            .map(|(a, b)| format!("{a} · {b}"))
            .collect();
        pools.push(PaperPool {
            near,
            key: format!("e{}", ballot.pool_id),
            ballot,
            sheets,
            duplicates,
        });
    }
    let registered = s.app.sheets_registered(&l.round).await.or_page(ctx)?;
    let body = PaperPage {
        round_id: l.round.id,
        round_title: l.round.title.clone(),
        pools,
        can_resolve: can(&l.subject, Action::ResolvePaperBallots),
        can_register: can(&l.subject, Action::ManageBudget) && !l.round.tallied,
        entry_open: matches!(l.phase, Phase::Voting | Phase::Counting) && !l.round.tallied,
        voting_open: l.phase == Phase::Voting,
        pesel_required: l.round.rules.identification == Identification::Pesel,
        districts: l.round.districts.clone(),
        sheets_registered: page
            .locale
            .t_args("budget-sheets-count", &[("count", registered.to_string())]),
        desk_code,
        errors,
        page,
    };
    Ok(render(ctx, body))
}

pub async fn paper_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Query(n): Query<Notice>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    paper_view(&s, &ctx, &l, n.ok.as_deref(), None, FormErrors::default()).await
}

async fn after(
    s: &AppState,
    ctx: &Ctx,
    l: &Loaded,
    result: Result<&'static str, AppError>,
) -> Result<Response, UiError> {
    match result {
        Ok(notice) => Ok(see_other(&format!("/budzet/{}/papier", l.round.id), notice)),
        Err(e) if e.is_user_error() => {
            let status = crate::error::status_of(&e);
            let errors = FormErrors {
                fields: vec![],
                general: Some(crate::error::message(ctx.locale, &e)),
            };
            let mut res = paper_view(s, ctx, l, None, None, errors).await?;
            *res.status_mut() = status;
            Ok(res)
        }
        Err(e) => Err(UiError::new(ctx, e)),
    }
}

/// Who the voter is, from the fields of `voter_fields.html`.
fn voter_of(pairs: &[(String, String)]) -> Desk {
    Desk {
        name: form_field(pairs, "name").to_string(),
        address: form_field(pairs, "address").to_string(),
        pesel: form_field(pairs, "pesel").to_string(),
        district: form_field(pairs, "district").to_string(),
    }
}

fn entry_of(pairs: &[(String, String)], picked: Vec<Choice>) -> PaperEntry {
    PaperEntry {
        sheet: form_field(pairs, "sheet").to_string(),
        voter: voter_of(pairs),
        choices: picked,
    }
}

fn outcome_notice(o: PaperOutcome) -> &'static str {
    match o {
        PaperOutcome::WaitingForSecondEntry => "budget-paper-entered-once",
        PaperOutcome::Counted => "budget-paper-entered-counted",
        PaperOutcome::Mismatch => "budget-paper-entered-mismatch",
        PaperOutcome::Duplicate => "budget-paper-entered-duplicate",
    }
}

pub async fn enter(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, pool)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    let pool = parse_id(&ctx, &pool)?;
    let result = match choices(&pairs) {
        Ok(picked) => s
            .app
            .enter_paper_ballot(&l.subject, &l.round, pool, &entry_of(&pairs, picked))
            .await
            .map(outcome_notice),
        Err(e) => Err(e),
    };
    after(&s, &ctx, &l, result).await
}

pub async fn resolve(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, pool)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    let pool = parse_id(&ctx, &pool)?;
    let result = match choices(&pairs) {
        Ok(picked) => s
            .app
            .resolve_paper_ballot(&l.subject, &l.round, pool, &entry_of(&pairs, picked))
            .await
            .map(|o| match o {
                PaperOutcome::Duplicate => "budget-paper-entered-duplicate",
                _ => "budget-paper-resolved",
            }),
        Err(e) => Err(e),
    };
    after(&s, &ctx, &l, result).await
}

#[derive(serde::Deserialize)]
pub struct SheetsForm {
    #[serde(default)]
    numbers: String,
}

/// Registers issued sheet numbers: one per line, or ranges such as `K-001..K-250`.
pub async fn register_sheets(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Form(f): Form<SheetsForm>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    let result = match sheet_numbers(&f.numbers) {
        Some(numbers) => s
            .app
            .register_sheets(&l.subject, &l.round, &numbers)
            .await
            .map(|_| "budget-sheets-registered"),
        None => Err(AppError::Budget(
            wspolnota_app::budget::BudgetError::BadSettings,
        )),
    };
    after(&s, &ctx, &l, result).await
}

/// Expands `K-001..K-003` to `K-001`, `K-002`, `K-003` (same prefix and width); other
/// lines are taken as they are. At most 100,000 numbers.
fn sheet_numbers(text: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match line.split_once("..") {
            None => out.push(line.to_string()),
            Some((from, to)) => {
                let split = |s: &str| {
                    let digits = s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                    let (prefix, number) = s.split_at(s.len() - digits);
                    Some((prefix.to_string(), number.parse::<u64>().ok()?, digits))
                };
                let (p1, a, w) = split(from.trim())?;
                let (p2, b, _) = split(to.trim())?;
                if p1 != p2 || b < a || b - a >= 100_000 {
                    return None;
                }
                out.extend((a..=b).map(|n| format!("{p1}{n:0w$}")));
            }
        }
        if out.len() > 100_000 {
            return None;
        }
    }
    Some(out)
}

/// Issues a code at the desk to the person the staff member identified; shown once.
pub async fn desk_code(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    match s
        .app
        .issue_desk_code(&l.subject, &l.round, &voter_of(&pairs))
        .await
    {
        Ok(code) => {
            paper_view(
                &s,
                &ctx,
                &l,
                Some("budget-desk-issued"),
                Some(code),
                FormErrors::default(),
            )
            .await
        }
        Err(e) => after(&s, &ctx, &l, Err(e)).await,
    }
}

#[cfg(test)]
mod tests {
    use super::sheet_numbers;

    #[test]
    fn sheet_ranges() {
        assert_eq!(
            sheet_numbers("K-008..K-011\nX7").unwrap(),
            vec!["K-008", "K-009", "K-010", "K-011", "X7"]
        );
        assert!(sheet_numbers("A1..B2").is_none());
        assert!(sheet_numbers("A5..A1").is_none());
        assert!(sheet_numbers("A0..A999999").is_none());
    }
}
