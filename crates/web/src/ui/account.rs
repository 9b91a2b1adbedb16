//! Account pages: sign-up, confirmation, login, logout, password reset, profile, deletion.

use super::layout::{FormErrors, Page};
use super::{render, see_other, Notice, OrPage};
use crate::cookies;
use crate::error::UiError;
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use wspolnota_app::accounts::SignUp;
use wspolnota_app::AppError;

/// Re-rendered forms answer 422 so that scripts and tests can tell them from success.
fn invalid(mut res: Response) -> Response {
    *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    res
}

#[derive(serde::Deserialize, Default, Clone)]
pub struct SignUpForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    list_publicly: Option<String>,
}

#[derive(Template)]
#[template(path = "signup.html")]
struct SignUpPage {
    page: Page,
    form: SignUpForm,
    errors: FormErrors,
}

pub async fn signup_page(Extension(ctx): Extension<Ctx>) -> Response {
    render(
        &ctx,
        SignUpPage {
            page: Page::new(&ctx, ctx.locale.t("signup-title")),
            form: SignUpForm::default(),
            errors: FormErrors::default(),
        },
    )
}

pub async fn signup(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(f): Form<SignUpForm>,
) -> Result<Response, UiError> {
    let input = SignUp {
        email: f.email.clone(),
        password: f.password.clone(),
        display_name: f.display_name.clone(),
        city: f.city.clone(),
        list_publicly: f.list_publicly.is_some(),
        locale: ctx.locale.code().to_string(),
    };
    match s.app.sign_up(input, &ctx.origin).await {
        Ok(_) => Ok(see_other("/konto/logowanie", "signup-done")),
        Err(e) if e.is_user_error() => {
            let errors = FormErrors::from_error(ctx.locale, &e);
            let form = SignUpForm {
                password: String::new(),
                ..f
            };
            Ok(invalid(render(
                &ctx,
                SignUpPage {
                    page: Page::new(&ctx, ctx.locale.t("signup-title")),
                    form,
                    errors,
                },
            )))
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}

#[derive(Template)]
#[template(path = "confirm.html")]
struct ConfirmPage {
    page: Page,
    token: String,
}

/// The page a confirmation link opens: it changes nothing by itself (mail scanners
/// open links too); the person confirms with the button.
pub async fn confirm_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(token): Path<String>,
) -> Result<Response, UiError> {
    s.app.check_confirmation(&token).await.or_page(&ctx)?;
    Ok(render(
        &ctx,
        ConfirmPage {
            page: Page::new(&ctx, ctx.locale.t("confirm-title")),
            token,
        },
    ))
}

pub async fn confirm(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(token): Path<String>,
) -> Result<Response, UiError> {
    s.app.confirm_email(&token).await.or_page(&ctx)?;
    Ok(see_other("/konto/logowanie", "confirm-done"))
}

#[derive(serde::Deserialize, Default)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    page: Page,
    email: String,
    errors: FormErrors,
}

pub async fn login_page(Extension(ctx): Extension<Ctx>, Query(n): Query<Notice>) -> Response {
    let page = Page::new(&ctx, ctx.locale.t("login-title")).with_notice(n.ok.as_deref());
    render(
        &ctx,
        LoginPage {
            page,
            email: String::new(),
            errors: FormErrors::default(),
        },
    )
}

pub async fn login(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(f): Form<LoginForm>,
) -> Result<Response, UiError> {
    match s.app.log_in(&f.email, &f.password, &ctx.origin).await {
        Ok(login) => {
            let mut res = Redirect::to("/").into_response();
            let max_age = s.app.config.session_days * 86400;
            const YEAR: i64 = 365 * 86400;
            for cookie in [
                cookies::set(cookies::SESSION, &login.session.0, max_age, ctx.secure),
                // A new CSRF token with the new session: one planted before the
                // login is worth nothing after it.
                cookies::set(
                    cookies::CSRF,
                    &wspolnota_app::tokens::new_secret(),
                    30 * 86400,
                    ctx.secure,
                ),
                cookies::set(cookies::DEVICE, &login.device, YEAR, ctx.secure),
                cookies::set(
                    cookies::LANG,
                    login.user.locale.as_deref().unwrap_or("pl"),
                    YEAR,
                    ctx.secure,
                ),
            ] {
                if let Ok(v) = cookie.parse() {
                    res.headers_mut().append(header::SET_COOKIE, v);
                }
            }
            Ok(res)
        }
        Err(e) if e.is_user_error() || e.retry_after_secs().is_some() => {
            let status = crate::error::status_of(&e);
            let retry = e.retry_after_secs();
            let errors = FormErrors {
                fields: vec![],
                general: Some(crate::error::message(ctx.locale, &e)),
            };
            let mut res = render(
                &ctx,
                LoginPage {
                    page: Page::new(&ctx, ctx.locale.t("login-title")),
                    email: f.email,
                    errors,
                },
            );
            *res.status_mut() = status;
            if let Some(v) = retry.and_then(|r| r.to_string().parse().ok()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            Ok(res)
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}

pub async fn logout(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, UiError> {
    if let Some(secret) = &ctx.session {
        s.app.log_out(secret).await.or_page(&ctx)?;
    }
    let mut res = see_other("/", "logout-done");
    if let Ok(v) = cookies::clear(cookies::SESSION, ctx.secure).parse() {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}

#[derive(Template)]
#[template(path = "reset_request.html")]
struct ResetRequestPage {
    page: Page,
}

pub async fn reset_request_page(
    Extension(ctx): Extension<Ctx>,
    Query(n): Query<Notice>,
) -> Response {
    let page = Page::new(&ctx, ctx.locale.t("reset-title")).with_notice(n.ok.as_deref());
    render(&ctx, ResetRequestPage { page })
}

#[derive(serde::Deserialize)]
pub struct ResetRequestForm {
    #[serde(default)]
    email: String,
}

pub async fn reset_request(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(f): Form<ResetRequestForm>,
) -> Result<Response, UiError> {
    s.app
        .request_password_reset(&f.email, &ctx.origin)
        .await
        .or_page(&ctx)?;
    Ok(see_other("/konto/reset", "reset-request-done"))
}

#[derive(Template)]
#[template(path = "reset.html")]
struct ResetPage {
    page: Page,
    token: String,
    errors: FormErrors,
}

pub async fn reset_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(token): Path<String>,
) -> Result<Response, UiError> {
    s.app.check_reset(&token).await.or_page(&ctx)?;
    Ok(render(
        &ctx,
        ResetPage {
            page: Page::new(&ctx, ctx.locale.t("reset-title")),
            token,
            errors: FormErrors::default(),
        },
    ))
}

#[derive(serde::Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    password: String,
}

pub async fn reset(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(token): Path<String>,
    Form(f): Form<ResetForm>,
) -> Result<Response, UiError> {
    match s.app.reset_password(&token, &f.password).await {
        Ok(_) => Ok(see_other("/konto/logowanie", "reset-done")),
        Err(e @ AppError::Invalid(_)) => {
            let errors = FormErrors::from_error(ctx.locale, &e);
            Ok(invalid(render(
                &ctx,
                ResetPage {
                    page: Page::new(&ctx, ctx.locale.t("reset-title")),
                    token,
                    errors,
                },
            )))
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}

pub struct OrgLine {
    pub id: i64,
    pub name: String,
    pub role: String,
}

#[derive(Template)]
#[template(path = "profile.html")]
struct ProfilePage {
    page: Page,
    email: String,
    display_name: String,
    city: String,
    list_publicly: bool,
    orgs: Vec<OrgLine>,
    tokens: Vec<super::tokens::TokenLine>,
    errors: FormErrors,
}

async fn profile_view(
    s: &AppState,
    ctx: &Ctx,
    notice: Option<&str>,
    errors: FormErrors,
) -> Result<Response, UiError> {
    let user = ctx
        .user
        .clone()
        .ok_or_else(|| UiError::new(ctx, AppError::LoginRequired))?;
    let subject = s.app.subject(Some(&user), None).await.or_page(ctx)?;
    let mut orgs = Vec::new();
    for (id, role) in &subject.org_roles {
        let (org, _) = s.app.org(*id).await.or_page(ctx)?;
        orgs.push(OrgLine {
            id: id.0,
            name: org.name,
            role: ctx.locale.t(&format!("role-{}", role.as_str())),
        });
    }
    let page = Page::new(ctx, ctx.locale.t("profile-title")).with_notice(notice);
    let tokens = s.app.api_tokens(user.id).await.or_page(ctx)?;
    let tokens = super::tokens::lines(&page, tokens);
    let body = ProfilePage {
        page,
        tokens,
        email: user.email.clone().unwrap_or_default(),
        display_name: user.display_name.clone(),
        city: user.city.clone().unwrap_or_default(),
        list_publicly: user.list_publicly,
        orgs,
        errors,
    };
    Ok(render(ctx, body))
}

pub async fn profile_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(n): Query<Notice>,
) -> Result<Response, UiError> {
    profile_view(&s, &ctx, n.ok.as_deref(), FormErrors::default()).await
}

#[derive(serde::Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    list_publicly: Option<String>,
}

pub async fn profile_save(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(f): Form<ProfileForm>,
) -> Result<Response, UiError> {
    let user = ctx
        .user_id()
        .ok_or_else(|| UiError::new(&ctx, AppError::LoginRequired))?;
    match s
        .app
        .update_profile(user, &f.display_name, &f.city, f.list_publicly.is_some())
        .await
    {
        Ok(()) => Ok(see_other("/konto/profil", "profile-saved")),
        Err(e @ AppError::Invalid(_)) => Ok(invalid(
            profile_view(&s, &ctx, None, FormErrors::from_error(ctx.locale, &e)).await?,
        )),
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}

#[derive(serde::Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    password: String,
}

pub async fn delete(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(f): Form<DeleteForm>,
) -> Result<Response, UiError> {
    let user = ctx
        .user_id()
        .ok_or_else(|| UiError::new(&ctx, AppError::LoginRequired))?;
    match s.app.delete_account(user, &f.password).await {
        Ok(()) => {
            let mut res = see_other("/", "profile-deleted");
            if let Ok(v) = cookies::clear(cookies::SESSION, ctx.secure).parse() {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
            Ok(res)
        }
        Err(e) if e.refusal_kind().is_some() => {
            let errors = FormErrors {
                fields: vec![("delete_password", crate::error::message(ctx.locale, &e))],
                general: None,
            };
            Ok(invalid(profile_view(&s, &ctx, None, errors).await?))
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}
