//! Results: per pool the winners, a bar chart, every project's explanation, and the
//! files anyone can recount.

use super::rounds::rule_text;
use super::{load, parse_id};
use crate::error::UiError;
use crate::ui::layout::Page;
use crate::ui::{render, see_other, Notice, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use wspolnota_app::budget::Report;
use wspolnota_app::AppError;
use wspolnota_domain::access::{can, Action};
use wspolnota_domain::budget::Phase;

pub struct ProjectRow {
    pub id: String,
    pub name: String,
    pub cost: String,
    pub votes: i64,
    pub funded: bool,
    pub explanation: String,
    /// The explanation is the counting engine's English text on a page in another language.
    pub explanation_in_english: bool,
}

pub struct PoolResultView {
    pub pool_id: i64,
    pub name: String,
    pub budget: String,
    pub spent: String,
    pub rule: String,
    pub turnout: String,
    pub chart: String,
    pub rows: Vec<ProjectRow>,
    pub computed: bool,
    /// Voters by declared district; empty when the round has no districts.
    pub districts: Vec<(String, i64)>,
}

#[derive(Template)]
#[template(path = "budget/results.html")]
struct ResultsPage {
    page: Page,
    round_id: i64,
    round_title: String,
    pools: Vec<PoolResultView>,
    published: bool,
    can_compute: bool,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A horizontal bar chart of votes: for each project a label line (name, votes,
/// funded or not) and a bar below it, funded bars solid and the others hatched, so the
/// state is never told by colour alone. Labels sit above the bars, never clipped.
fn chart(page: &Page, pool_id: i64, pool: &str, rows: &[ProjectRow]) -> String {
    let max = rows.iter().map(|r| r.votes).max().unwrap_or(0).max(1);
    let row_h = 46;
    let width = 640;
    let height = rows.len() as i64 * row_h + 6;
    let title = page
        .locale
        .t_args("budget-chart-title", &[("pool", pool.to_string())]);
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-{pool_id}\" viewBox=\"0 0 {width} {height}\" width=\"100%\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title id=\"chart-{pool_id}\">{title}</title>\
         <defs><pattern id=\"hatch-{pool_id}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#5a5a5a\" stroke-width=\"3\"/></pattern></defs>",
        title = escape(&title),
    );
    for (i, r) in rows.iter().enumerate() {
        let y = i as i64 * row_h + 4;
        let w = ((r.votes as f64 / max as f64) * (width as f64 - 4.0))
            .round()
            .max(2.0) as i64;
        let fill = if r.funded {
            "#14412f".to_string()
        } else {
            format!("url(#hatch-{pool_id})")
        };
        let state = page.t(if r.funded {
            "budget-funded"
        } else {
            "budget-not-funded"
        });
        let name: String = r.name.chars().take(60).collect();
        let ellipsis = if r.name.chars().count() > 60 {
            "…"
        } else {
            ""
        };
        svg.push_str(&format!(
            "<g><text x=\"0\" y=\"{ty}\" font-size=\"14\" fill=\"#1b1b1b\">{name}{ellipsis} — {votes} ({state})</text>\
             <rect x=\"1\" y=\"{by}\" width=\"{w}\" height=\"18\" fill=\"{fill}\" stroke=\"#14412f\"/></g>",
            ty = y + 14,
            by = y + 20,
            votes = r.votes,
            name = escape(&name),
            state = escape(&state),
        ));
    }
    svg.push_str("</svg>");
    svg
}

pub async fn results_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Query(n): Query<Notice>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    let can_compute = can(&l.subject, Action::ManageBudget) && l.phase == Phase::Results;
    let published = l.phase == Phase::Results;
    if !published && !can(&l.subject, Action::ManageBudget) {
        return Err(UiError::new(&ctx, AppError::Refused("budget.wrong_phase")));
    }
    let page = Page::new(
        &ctx,
        ctx.locale
            .t_args("budget-results-title", &[("round", l.round.title.clone())]),
    )
    .with_notice(n.ok.as_deref());
    let mut pools = Vec::new();
    for r in s.app.results(&l.round).await.or_page(&ctx)? {
        let report = r.result.as_ref().map(Report::read).unwrap_or_default();
        let mut rows: Vec<ProjectRow> = report
            .projects
            .iter()
            .map(|p| {
                let (explanation, explanation_in_english) = super::explain::explain(ctx.locale, p);
                ProjectRow {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    cost: p.cost.to_human(),
                    votes: p.votes,
                    funded: p.funded,
                    explanation,
                    explanation_in_english,
                }
            })
            .collect();
        rows.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.id.cmp(&b.id)));
        let spent = if r.result.is_some() {
            report.total_cost.to_human()
        } else {
            String::new()
        };
        let districts = if l.round.districts.is_empty() {
            Vec::new()
        } else {
            s.app
                .turnout_by_district(&l.round, r.pool.id)
                .await
                .or_page(&ctx)?
                .into_iter()
                .map(|(d, n)| (d.unwrap_or_else(|| page.t("budget-district-unknown")), n))
                .collect()
        };
        pools.push(PoolResultView {
            districts,
            pool_id: r.pool.id,
            chart: chart(&page, r.pool.id, &r.pool.name, &rows),
            name: r.pool.name.clone(),
            budget: r.pool.budget.to_human(),
            spent,
            rule: rule_text(&page, r.pool.rule),
            turnout: page.locale.t_count("budget-turnout", r.voters),
            computed: r.result.is_some(),
            rows,
        });
    }
    let body = ResultsPage {
        round_id: l.round.id,
        round_title: l.round.title.clone(),
        pools,
        published,
        can_compute,
        page,
    };
    Ok(render(&ctx, body))
}

pub async fn compute(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    s.app
        .compute_results(&l.subject, &l.round)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/budzet/{}/wyniki", l.round.id),
        "budget-results-computed",
    ))
}

async fn published_pool(
    s: &AppState,
    ctx: &Ctx,
    round: &str,
    pool: &str,
) -> Result<(super::Loaded, wspolnota_store::budget::Pool), UiError> {
    let l = load(s, ctx, round).await?;
    let pool = parse_id(ctx, pool)?;
    if l.phase != Phase::Results {
        return Err(UiError::new(ctx, AppError::Refused("budget.wrong_phase")));
    }
    let pool = s
        .app
        .pools(l.round.id)
        .await
        .or_page(ctx)?
        .into_iter()
        .find(|p| p.id == pool)
        .ok_or_else(|| UiError::new(ctx, AppError::NotFound))?;
    Ok((l, pool))
}

pub async fn download_pb(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, pool)): Path<(String, String)>,
) -> Result<Response, UiError> {
    let (l, pool) = published_pool(&s, &ctx, &round, &pool).await?;
    let text = s.app.pool_pabulib(&l.round, &pool).await.or_page(&ctx)?;
    let name = format!(
        "attachment; filename=\"budzet-{}-pula-{}.pb\"",
        l.round.id, pool.id
    );
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/plain; charset=utf-8".to_string(),
            ),
            (header::CONTENT_DISPOSITION, name),
        ],
        text,
    )
        .into_response())
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub async fn download_csv(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, pool)): Path<(String, String)>,
) -> Result<Response, UiError> {
    let (l, pool) = published_pool(&s, &ctx, &round, &pool).await?;
    let results = s.app.results(&l.round).await.or_page(&ctx)?;
    let report = results
        .iter()
        .find(|r| r.pool.id == pool.id)
        .and_then(|r| r.result.as_ref())
        .map(Report::read)
        .unwrap_or_default();
    let mut csv = String::from("project_id,name,cost,votes,funded,explanation\n");
    for p in &report.projects {
        csv.push_str(&format!(
            "{},{},{},{},{},{}\n",
            csv_field(&p.id),
            csv_field(&p.name),
            p.cost.to_plain(),
            p.votes,
            p.funded,
            csv_field(&p.explanation),
        ));
    }
    let name = format!(
        "attachment; filename=\"wyniki-{}-pula-{}.csv\"",
        l.round.id, pool.id
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, name),
        ],
        csv,
    )
        .into_response())
}
