//! Results: per pool the winners, a bar chart, every project's explanation, and the
//! files anyone can recount.

use super::rounds::rule_text;
use super::{load, parse_id};
use crate::error::UiError;
use crate::ui::layout::{FormErrors, Page};
use crate::ui::{render, see_other, Notice, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use wspolnota_app::budget::PoolResult;
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
    /// Voters by declared district (small districts only in one total); empty when
    /// the round has no districts.
    pub districts: Vec<(String, i64)>,
    /// Enough voters for the ballots to be published one by one.
    pub ballots_public: bool,
    /// Ties the count broke, in words.
    pub ties: Vec<String>,
    /// Ballots voided, with the reason, in words.
    pub voided: Vec<String>,
}

#[derive(Template)]
#[template(path = "budget/results.html")]
struct ResultsPage {
    page: Page,
    round_id: i64,
    round_title: String,
    pools: Vec<PoolResultView>,
    published: bool,
    /// The committee may count now: voting has closed and nothing is counted yet.
    can_count: bool,
    can_compute: bool,
    errors: FormErrors,
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
    results_view(&s, &ctx, &l, n.ok.as_deref(), FormErrors::default()).await
}

async fn results_view(
    s: &AppState,
    ctx: &Ctx,
    l: &super::Loaded,
    notice: Option<&str>,
    errors: FormErrors,
) -> Result<Response, UiError> {
    let published = s.app.may_see_results(&l.subject, &l.round).or_page(ctx)?;
    // What the page offers; the use cases ask the policy again.
    let manager = can(&l.subject, Action::ManageBudget);
    let page = Page::new(
        ctx,
        ctx.locale
            .t_args("budget-results-title", &[("round", l.round.title.clone())]),
    )
    .with_notice(notice);
    let mut pools = Vec::new();
    for r in s.app.results(&l.round).await.or_page(ctx)? {
        pools.push(pool_view(&page, l, r));
    }
    let body = ResultsPage {
        round_id: l.round.id,
        round_title: l.round.title.clone(),
        pools,
        published,
        can_count: manager && l.phase == Phase::Counting && !l.round.tallied,
        can_compute: manager && published,
        errors,
        page,
    };
    Ok(render(ctx, body))
}

fn pool_view(page: &Page, l: &super::Loaded, r: PoolResult) -> PoolResultView {
    let report = r.report.as_ref();
    let projects = report
        .map(|rep| rep.projects.as_slice())
        .unwrap_or_default();
    let mut rows: Vec<ProjectRow> = projects
        .iter()
        .map(|p| {
            let (explanation, explanation_in_english) = super::explain::explain(page.locale, p);
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
    let ties = report
        .map(|rep| {
            rep.ties
                .iter()
                .map(|t| super::explain::tie_text(page.locale, t, &rep.projects))
                .collect()
        })
        .unwrap_or_default();
    let voided = report
        .map(|rep| {
            rep.voided
                .iter()
                .map(|v| {
                    page.locale.t_args(
                        &format!("budget-voided-{}", v.reason.replace('_', "-")),
                        &[("count", v.count.to_string())],
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let mut districts: Vec<(String, i64)> = if l.round.districts.is_empty() {
        Vec::new()
    } else {
        r.publication
            .districts
            .iter()
            .map(|(d, n)| {
                let name = d
                    .clone()
                    .unwrap_or_else(|| page.t("budget-district-unknown"));
                (name, *n)
            })
            .collect()
    };
    // The districts too small to show one by one, as one total.
    if r.publication.districts_hidden > 0 && !l.round.districts.is_empty() {
        districts.push((
            page.t("budget-district-small"),
            r.publication.districts_hidden,
        ));
    }
    PoolResultView {
        districts,
        pool_id: r.pool.id,
        chart: chart(page, r.pool.id, &r.pool.name, &rows),
        name: r.pool.name.clone(),
        budget: r.pool.budget.to_human(),
        spent: report
            .map(|rep| rep.total_cost.to_human())
            .unwrap_or_default(),
        rule: rule_text(page, r.pool.rule),
        turnout: page.locale.t_count("budget-turnout", r.voters),
        computed: report.is_some(),
        ballots_public: r.publication.ballots,
        ties,
        voided,
        rows,
    }
}

/// The committee brings its key shares: the sealed ballots are opened and counted.
pub async fn count(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Form(f): Form<CountForm>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    let shares: Vec<String> = f.shares.lines().map(str::to_string).collect();
    match s.app.count_round(&l.subject, &l.round, &shares).await {
        Ok(_) => Ok(see_other(
            &format!("/budzet/{}/wyniki", l.round.id),
            "budget-round-counted",
        )),
        Err(e) if e.is_user_error() => {
            let errors = FormErrors {
                fields: vec![],
                general: Some(crate::error::message(ctx.locale, &e)),
            };
            let status = crate::error::status_of(&e);
            let mut res = results_view(&s, &ctx, &l, None, errors).await?;
            *res.status_mut() = status;
            Ok(res)
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}

#[derive(serde::Deserialize, Default)]
pub struct CountForm {
    #[serde(default)]
    shares: String,
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

#[derive(serde::Deserialize, Default)]
pub struct ReceiptQuery {
    #[serde(default)]
    pula: String,
    #[serde(default)]
    kod: String,
}

#[derive(Template)]
#[template(path = "budget/receipt.html")]
struct ReceiptPage {
    page: Page,
    round_id: i64,
    round_title: String,
    pools: Vec<(i64, String)>,
    answer: Option<String>,
}

/// A voter checks, with their receipt, that their ballot was counted.
pub async fn receipt_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Query(q): Query<ReceiptQuery>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    let page = Page::new(&ctx, ctx.locale.t("budget-receipt-check-title"));
    let pools: Vec<(i64, String)> = s
        .app
        .pools(l.round.id)
        .await
        .or_page(&ctx)?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let answer = match (q.pula.parse::<i64>(), q.kod.trim()) {
        (Ok(pool), code) if !code.is_empty() && pools.iter().any(|(id, _)| *id == pool) => {
            let key = if !l.round.tallied {
                "budget-receipt-not-yet"
            } else if s.app.receipt_counted(pool, code).await.or_page(&ctx)? {
                "budget-receipt-counted"
            } else {
                "budget-receipt-not-found"
            };
            Some(page.t(key))
        }
        _ => None,
    };
    Ok(render(
        &ctx,
        ReceiptPage {
            round_id: l.round.id,
            round_title: l.round.title.clone(),
            pools,
            answer,
            page,
        },
    ))
}

async fn published_pool(
    s: &AppState,
    ctx: &Ctx,
    round: &str,
    pool: &str,
) -> Result<(super::Loaded, wspolnota_app::budget::Pool), UiError> {
    let l = load(s, ctx, round).await?;
    let pool = parse_id(ctx, pool)?;
    let pool = s
        .app
        .downloadable_pool(&l.subject, &l.round, pool)
        .await
        .or_page(ctx)?;
    Ok((l, pool))
}

/// How long a published file may be kept by browsers and caches: it changes only when
/// an admin recounts, and its tag tells them when.
const PUBLISHED_MAX_AGE: &str = "public, max-age=3600";
/// Downloads are sent in pieces of this size, each a view of the one stored copy.
const CHUNK: usize = 64 * 1024;

pub async fn download_pb(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, pool)): Path<(String, String)>,
    headers: axum::http::HeaderMap,
) -> Result<Response, UiError> {
    let (l, pool) = published_pool(&s, &ctx, &round, &pool).await?;
    // A pool with too few voters to hide among answers 404: no single ballots.
    let file = s
        .app
        .pool_pabulib_file(&l.round, &pool)
        .await
        .or_page(&ctx)?;
    let cache = [
        (header::ETAG, file.etag.clone()),
        (header::CACHE_CONTROL, PUBLISHED_MAX_AGE.to_string()),
    ];
    if if_none_match(&headers, &file.etag) {
        return Ok((axum::http::StatusCode::NOT_MODIFIED, cache).into_response());
    }
    let name = format!(
        "attachment; filename=\"budzet-{}-pula-{}.pb\"",
        l.round.id, pool.id
    );
    let body = file.body.clone();
    let chunks = (0..body.len()).step_by(CHUNK).map(move |at| {
        Ok::<_, std::convert::Infallible>(body.slice(at..(at + CHUNK).min(body.len())))
    });
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/plain; charset=utf-8".to_string(),
            ),
            (header::CONTENT_DISPOSITION, name),
            (header::CONTENT_LENGTH, file.body.len().to_string()),
        ],
        cache,
        axum::body::Body::from_stream(futures_util::stream::iter(chunks)),
    )
        .into_response())
}

/// Whether the client already holds this version (`If-None-Match`, `*` included).
fn if_none_match(headers: &axum::http::HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == etag || t == "*")
}

pub async fn download_csv(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, pool)): Path<(String, String)>,
) -> Result<Response, UiError> {
    let (l, pool) = published_pool(&s, &ctx, &round, &pool).await?;
    let csv = s.app.pool_results_csv(&pool).await.or_page(&ctx)?;
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

/// The receipt hashes of a pool's counted ballots, sorted, apart from the ballots.
pub async fn download_receipts(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, pool)): Path<(String, String)>,
) -> Result<Response, UiError> {
    let (l, pool) = published_pool(&s, &ctx, &round, &pool).await?;
    let mut text = s
        .app
        .receipt_hashes(pool.id)
        .await
        .or_page(&ctx)?
        .join("\n");
    text.push('\n');
    let name = format!(
        "attachment; filename=\"potwierdzenia-{}-pula-{}.txt\"",
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
