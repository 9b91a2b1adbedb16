//! `/api/v1/budget`: participatory-budget rounds, proposals, ballots and results,
//! under the same rules as the pages.

use super::{JsonBody, OrApi};
use crate::error::{ApiError, ErrorBody};
use crate::{AppState, Ctx};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use wspolnota_app::budget::ProposalForm;
use wspolnota_app::budget::{Pool, Proposal, Round};
use wspolnota_app::AppError;
use wspolnota_domain::access::Action;
use wspolnota_domain::budget::{BallotKind, Choice, CountingRule, LineItem};
use wspolnota_domain::pb::Money;

fn id(ctx: &Ctx, text: &str) -> Result<i64, ApiError> {
    text.parse()
        .map_err(|_| ApiError::new(ctx.locale, AppError::NotFound))
}

async fn round(
    s: &AppState,
    ctx: &Ctx,
    text: &str,
) -> Result<(Round, wspolnota_domain::access::Subject), ApiError> {
    let round = s.app.round(id(ctx, text)?).await.or_api(ctx)?;
    s.app
        .require_module(round.space_id, wspolnota_domain::module::Module::Budget)
        .await
        .or_api(ctx)?;
    let subject = s
        .app
        .round_subject(ctx.user.as_deref(), &round)
        .await
        .or_api(ctx)?;
    Ok((round, subject))
}

#[derive(Serialize, ToSchema)]
pub struct PoolDto {
    pub id: i64,
    pub name: String,
    pub budget_grosze: i64,
    /// `approval`, `choose-1`, `points` or `ranked`.
    pub ballot: String,
    /// Approval: most projects; points: points to spread; ranked: number of ranks.
    pub ballot_max: u32,
    pub ballot_min: u32,
    /// Ranked ballots: the points of each rank.
    pub ranked_points: Vec<u32>,
    /// `greedy` or `mes-cost-add1`.
    pub rule: String,
    pub min_votes: u32,
}

impl From<Pool> for PoolDto {
    fn from(p: Pool) -> Self {
        let (ballot_max, ballot_min, ranked_points) = match &p.ballot {
            BallotKind::Approval { max, min } => (*max, *min, vec![]),
            BallotKind::ChooseOne => (1, 1, vec![]),
            BallotKind::Points { total } => (*total, 0, vec![]),
            BallotKind::Ranked { points } => (points.len() as u32, 0, points.clone()),
        };
        let min_votes = match p.rule {
            CountingRule::Greedy { min_votes } => min_votes,
            CountingRule::EqualShares => 0,
        };
        PoolDto {
            id: p.id,
            name: p.name,
            budget_grosze: p.budget.grosze(),
            ballot: p.ballot.code().into(),
            ballot_max,
            ballot_min,
            ranked_points,
            rule: p.rule.code().into(),
            min_votes,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct RoundDto {
    pub id: i64,
    pub title: String,
    /// `preparation`, `submission`, `verification`, `appeals`, `voting`, `counting`
    /// (voting closed, the committee has not counted yet) or `results`.
    pub phase: String,
    /// Start of each phase, Unix seconds.
    pub submission_at: i64,
    pub verification_at: i64,
    pub appeals_at: i64,
    pub voting_at: i64,
    /// Voting ends and counting begins.
    pub results_at: i64,
    /// Fingerprint of the election committee's public key, once set.
    pub committee_fingerprint: Option<String>,
    /// `inclusion` (receipts published apart from the ballots) or `with_choices`.
    pub receipts: String,
    /// Printed codes issued in bulk before voting, and at desks during it.
    pub codes_bulk: i64,
    pub codes_desk: i64,
    pub supports_required: i64,
    pub appeal_days: i64,
    pub allow_ballot_change: bool,
    pub pools: Vec<PoolDto>,
}

#[utoipa::path(get, path = "/api/v1/budget/rounds/{id}", tag = "budget",
    params(("id" = i64, Path, description = "The round's id")),
    responses((status = 200, body = RoundDto), (status = 404, body = ErrorBody)))]
pub async fn get_round(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(rid): Path<String>,
) -> Result<Json<RoundDto>, ApiError> {
    let (r, _) = round(&s, &ctx, &rid).await?;
    let pools = s.app.pools(r.id).await.or_api(&ctx)?;
    let (codes_bulk, codes_desk) = s.app.codes_issued(&r).await.or_api(&ctx)?;
    Ok(Json(RoundDto {
        committee_fingerprint: r.committee_key.map(|k| k.fingerprint()),
        receipts: r.rules.receipts.code().into(),
        codes_bulk,
        codes_desk,
        id: r.id,
        title: r.title.clone(),
        phase: s.app.phase(&r).as_str().into(),
        submission_at: r.calendar.submission.0,
        verification_at: r.calendar.verification.0,
        appeals_at: r.calendar.appeals.0,
        voting_at: r.calendar.voting.0,
        results_at: r.calendar.results.0,
        supports_required: r.supports_required,
        appeal_days: r.appeal_days,
        allow_ballot_change: r.allow_ballot_change,
        pools: pools.into_iter().map(PoolDto::from).collect(),
    }))
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct LineItemDto {
    #[schema(min_length = 1, max_length = 120)]
    pub label: String,
    /// In grosze (1/100 of a złoty); never a fraction.
    #[serde(deserialize_with = "super::whole::i64")]
    #[schema(minimum = 1)]
    pub amount_grosze: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ProposalDto {
    pub id: i64,
    pub pool_id: i64,
    pub title: String,
    pub description_markdown: String,
    pub place: Option<String>,
    /// `submitted`, `withdrawn`, `accepted` (on the ballot), `rejected` or `appealed`.
    pub status: String,
    /// The author's estimate: the sum of `items`.
    pub cost_grosze: i64,
    /// The cost after verification, when it was changed.
    pub verified_cost_grosze: Option<i64>,
    pub cost_justification: Option<String>,
    pub verification_reason: Option<String>,
    pub appeal: Option<String>,
    pub appeal_upheld: Option<bool>,
    pub appeal_reason: Option<String>,
    pub supports: i64,
    pub items: Vec<LineItemDto>,
}

impl From<Proposal> for ProposalDto {
    fn from(p: Proposal) -> Self {
        ProposalDto {
            id: p.id,
            pool_id: p.pool_id,
            title: p.title,
            description_markdown: p.description_md,
            place: p.place,
            status: p.status.as_str().into(),
            cost_grosze: p.cost.grosze(),
            verified_cost_grosze: p.verified_cost.map(Money::grosze),
            cost_justification: p.cost_justification,
            verification_reason: p.verification_reason,
            appeal: p.appeal_text,
            appeal_upheld: p.appeal_upheld,
            appeal_reason: p.appeal_reason,
            supports: p.supports,
            items: p
                .items
                .into_iter()
                .map(|i| LineItemDto {
                    label: i.label,
                    amount_grosze: i.amount.grosze(),
                })
                .collect(),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/budget/rounds/{id}/proposals", tag = "budget",
    params(("id" = i64, Path, description = "The round's id"), super::spaces::PageQuery),
    responses((status = 200, body = [ProposalDto], headers(("link" = String, description = "The next and previous pages (RFC 8288), where they exist"))),
        (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn proposals(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(rid): Path<String>,
    super::QueryParams(q): super::QueryParams<super::spaces::PageQuery>,
) -> Result<Response, ApiError> {
    let paging = crate::paging::api_paging(&ctx, q.page.as_deref(), q.per_page.as_deref())?;
    let (r, _) = round(&s, &ctx, &rid).await?;
    // With their cost lines, in two queries for the whole page.
    let page = s.app.proposals_page(r.id, paging).await.or_api(&ctx)?;
    let link = crate::paging::link_header(
        &page,
        &format!("/api/v1/budget/rounds/{}/proposals", r.id),
        &[],
    );
    let body: Vec<ProposalDto> = page.items.into_iter().map(ProposalDto::from).collect();
    Ok(super::spaces::paged_json(body, link))
}

#[derive(Deserialize, ToSchema)]
pub struct NewProposalRequest {
    #[serde(deserialize_with = "super::whole::i64")]
    pub pool_id: i64,
    #[schema(min_length = 1, max_length = 120)]
    pub title: String,
    #[schema(min_length = 1, max_length = 20000)]
    pub description_markdown: String,
    #[serde(default)]
    #[schema(max_length = 120)]
    pub place: String,
    #[schema(min_items = 1)]
    pub items: Vec<LineItemDto>,
}

#[utoipa::path(post, path = "/api/v1/budget/rounds/{id}/proposals", tag = "budget",
    params(("id" = i64, Path, description = "The round's id")), request_body = NewProposalRequest,
    responses((status = 201, body = ProposalDto), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn submit(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(rid): Path<String>,
    body: Result<JsonBody<NewProposalRequest>, ApiError>,
) -> Result<Response, ApiError> {
    let (r, subject) = round(&s, &ctx, &rid).await?;
    // The body is read after the policy is asked, so a refusal comes first.
    wspolnota_app::authorise(&subject, Action::TakePartInBudget).or_api(&ctx)?;
    let JsonBody(req) = body?;
    let form = ProposalForm {
        pool_id: req.pool_id,
        title: req.title,
        description_md: req.description_markdown,
        place: req.place,
        items: req
            .items
            .into_iter()
            .map(|i| LineItem {
                label: i.label,
                amount: Money(i.amount_grosze),
            })
            .collect(),
    };
    let pid = s
        .app
        .submit_proposal(&subject, &r, form)
        .await
        .or_api(&ctx)?;
    let p = s.app.proposal(pid).await.or_api(&ctx)?;
    Ok((StatusCode::CREATED, Json(ProposalDto::from(p))).into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct ResidenceRequest {
    /// Full name, as the round identifies voters (name and address, by default).
    #[serde(default)]
    #[schema(max_length = 120)]
    pub name: String,
    #[schema(min_length = 1, max_length = 120)]
    pub address: String,
    /// Only where the round identifies voters by PESEL: 11 digits with a valid check digit.
    #[serde(default)]
    #[schema(pattern = "^[0-9]{11}$", format = "pl-pesel")]
    pub pesel: Option<String>,
    /// One of the round's districts, where it has any.
    #[serde(default)]
    pub district: Option<String>,
}

#[utoipa::path(put, path = "/api/v1/budget/rounds/{id}/residence", tag = "budget",
    params(("id" = i64, Path, description = "The round's id")), request_body = ResidenceRequest,
    responses((status = 204, description = "Address recorded"), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn residence(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(rid): Path<String>,
    body: Result<JsonBody<ResidenceRequest>, ApiError>,
) -> Result<Response, ApiError> {
    let (r, subject) = round(&s, &ctx, &rid).await?;
    wspolnota_app::authorise(&subject, Action::TakePartInBudget).or_api(&ctx)?;
    let JsonBody(req) = body?;
    s.app
        .declare_residence(
            &subject,
            &r,
            &wspolnota_app::budget::Desk {
                name: req.name,
                address: req.address,
                pesel: req.pesel.unwrap_or_default(),
                district: req.district.unwrap_or_default(),
            },
        )
        .await
        .or_api(&ctx)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct ChoiceDto {
    /// A proposal on the pool's ballot.
    #[serde(deserialize_with = "super::whole::i64")]
    pub project: i64,
    /// Points for `points` ballots; ignored for ticks; for ranked ballots the order of the list is the ranking.
    #[serde(default, deserialize_with = "super::whole::u32")]
    #[schema(minimum = 0, maximum = 4294967295_u64)]
    pub points: u32,
}

#[derive(Deserialize, ToSchema)]
pub struct BallotRequest {
    pub choices: Vec<ChoiceDto>,
    /// To change a ballot already cast (where the round allows it): its receipt code.
    #[serde(default)]
    pub receipt: Option<String>,
    /// A printed single-use voting code, for residents without an account; no login needed.
    #[serde(default)]
    pub code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ReceiptDto {
    /// Shown once; only its hash is stored, published with the anonymised ballots.
    pub receipt: Option<String>,
    pub changed: bool,
}

#[utoipa::path(post, path = "/api/v1/budget/rounds/{id}/pools/{pool}/ballots", tag = "budget",
    params(("id" = i64, Path, description = "The round's id"), ("pool" = i64, Path, description = "The pool's id")),
    request_body = BallotRequest,
    responses((status = 201, body = ReceiptDto), (status = 401, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn ballot(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((rid, pool)): Path<(String, String)>,
    body: Result<JsonBody<BallotRequest>, ApiError>,
) -> Result<Response, ApiError> {
    let (r, subject) = round(&s, &ctx, &rid).await?;
    // Without a readable body there is no voting code either: a visitor is asked to log in.
    let JsonBody(req) = body.map_err(|e| {
        if subject.is_logged_in() {
            e
        } else {
            ApiError::new(ctx.locale, AppError::LoginRequired)
        }
    })?;
    let pool = id(&ctx, &pool)?;
    let picked: Vec<Choice> = req
        .choices
        .iter()
        .map(|c| Choice {
            project: c.project,
            points: c.points,
        })
        .collect();
    let cast = s
        .app
        .submit_ballot(
            &subject,
            &r,
            pool,
            req.code.as_deref(),
            req.receipt.as_deref(),
            &picked,
        )
        .await
        .or_api(&ctx)?;
    let (status, body) = match cast {
        Some(cast) => (
            StatusCode::CREATED,
            ReceiptDto {
                receipt: Some(cast.receipt),
                changed: false,
            },
        ),
        None => (
            StatusCode::OK,
            ReceiptDto {
                receipt: None,
                changed: true,
            },
        ),
    };
    Ok((status, Json(body)).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct ProjectResultDto {
    /// The proposal's id, as in the published .pb file.
    pub id: String,
    pub name: String,
    pub cost_grosze: i64,
    pub votes: i64,
    pub funded: bool,
    /// Why it won or lost, in the caller's language where the rule gives its reason in
    /// numbers (greedy); the counting engine's English text otherwise.
    pub explanation: String,
}

#[derive(Serialize, ToSchema)]
pub struct PoolResultDto {
    pub pool_id: i64,
    pub name: String,
    pub rule: String,
    pub budget_grosze: i64,
    pub total_cost_grosze: i64,
    pub voters: i64,
    pub ballots: i64,
    pub winners: Vec<String>,
    pub projects: Vec<ProjectResultDto>,
    /// Ballots voided while counting, by reason (`duplicate_later`, `duplicate_earlier`).
    pub voided: Vec<VoidDto>,
    /// Where anyone downloads the anonymised ballots to recount them; absent when the
    /// pool has too few voters to publish single ballots.
    pub pabulib_url: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct VoidDto {
    pub reason: String,
    pub count: i64,
}

#[utoipa::path(get, path = "/api/v1/budget/rounds/{id}/results", tag = "budget",
    params(("id" = i64, Path, description = "The round's id")),
    responses((status = 200, body = [PoolResultDto]), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn results(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(rid): Path<String>,
) -> Result<Json<Vec<PoolResultDto>>, ApiError> {
    let (r, subject) = round(&s, &ctx, &rid).await?;
    s.app.may_download_results(&subject, &r).or_api(&ctx)?;
    results_of(&s, &ctx, &r).await.map(Json)
}

async fn results_of(s: &AppState, ctx: &Ctx, r: &Round) -> Result<Vec<PoolResultDto>, ApiError> {
    let mut out = Vec::new();
    for pr in s.app.results(r).await.or_api(ctx)? {
        let (Some(res), Some(report)) = (pr.result, pr.report) else {
            continue;
        };
        let projects = report
            .projects
            .iter()
            .map(|p| ProjectResultDto {
                id: p.id.clone(),
                name: p.name.clone(),
                cost_grosze: p.cost.grosze(),
                votes: p.votes,
                funded: p.funded,
                explanation: crate::ui::budget::explain::explain(ctx.locale, p).0,
            })
            .collect();
        out.push(PoolResultDto {
            pool_id: pr.pool.id,
            name: pr.pool.name.clone(),
            rule: res.rule.clone(),
            budget_grosze: pr.pool.budget.grosze(),
            total_cost_grosze: report.total_cost.grosze(),
            voters: pr.voters,
            ballots: res.ballots,
            winners: report.winners.clone(),
            projects,
            voided: report
                .voided
                .iter()
                .map(|v| VoidDto {
                    reason: v.reason.clone(),
                    count: v.count,
                })
                .collect(),
            pabulib_url: pr
                .publication
                .ballots
                .then(|| format!("/budzet/{}/pule/{}/glosy.pb", r.id, pr.pool.id)),
        });
    }
    Ok(out)
}

#[derive(Deserialize, ToSchema)]
pub struct CountRequest {
    /// Parts of the election committee's key, as printed for its members; as many as
    /// the committee's threshold.
    pub shares: Vec<String>,
}

#[utoipa::path(post, path = "/api/v1/budget/rounds/{id}/count", tag = "budget",
    params(("id" = i64, Path, description = "The round's id")), request_body = CountRequest,
    responses((status = 200, body = [PoolResultDto]), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn count(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(rid): Path<String>,
    body: Result<JsonBody<CountRequest>, ApiError>,
) -> Result<Json<Vec<PoolResultDto>>, ApiError> {
    let (r, subject) = round(&s, &ctx, &rid).await?;
    wspolnota_app::authorise(&subject, Action::ManageBudget).or_api(&ctx)?;
    let JsonBody(req) = body?;
    s.app
        .count_round(&subject, &r, &req.shares)
        .await
        .or_api(&ctx)?;
    let r = s.app.round(r.id).await.or_api(&ctx)?;
    results_of(&s, &ctx, &r).await.map(Json)
}

#[derive(Deserialize, ToSchema)]
pub struct ReceiptCheck {
    /// The receipt code shown once when the ballot was cast.
    pub receipt: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReceiptAnswer {
    /// The ballot with this receipt is among the pool's counted ballots.
    pub counted: bool,
}

#[utoipa::path(post, path = "/api/v1/budget/rounds/{id}/pools/{pool}/receipt", tag = "budget",
    params(("id" = i64, Path, description = "The round's id"), ("pool" = i64, Path, description = "The pool's id")),
    request_body = ReceiptCheck,
    responses((status = 200, body = ReceiptAnswer), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn receipt(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((rid, pool)): Path<(String, String)>,
    JsonBody(req): JsonBody<ReceiptCheck>,
) -> Result<Json<ReceiptAnswer>, ApiError> {
    let (r, _) = round(&s, &ctx, &rid).await?;
    let pool = id(&ctx, &pool)?;
    if !s
        .app
        .pools(r.id)
        .await
        .or_api(&ctx)?
        .iter()
        .any(|p| p.id == pool)
    {
        return Err(ApiError::new(ctx.locale, AppError::NotFound));
    }
    if !r.tallied {
        return Err(ApiError::new(
            ctx.locale,
            AppError::Budget(wspolnota_app::budget::BudgetError::NotTallied),
        ));
    }
    let counted = s
        .app
        .receipt_counted(pool, &req.receipt)
        .await
        .or_api(&ctx)?;
    Ok(Json(ReceiptAnswer { counted }))
}
