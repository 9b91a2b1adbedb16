//! Platform administration: the outbox of mails.

use super::layout::Page;
use super::{render, OrPage};
use crate::error::UiError;
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::Extension;
use wspolnota_domain::access::{can, Action};
use wspolnota_store::outbox::Mail;

#[derive(Template)]
#[template(path = "outbox.html")]
struct OutboxPage {
    page: Page,
    mails: Vec<Mail>,
}

pub async fn outbox_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, UiError> {
    let subject = s
        .app
        .subject(ctx.user.as_deref(), None)
        .await
        .or_page(&ctx)?;
    if !can(&subject, Action::ViewOutbox) {
        let e = if subject.is_logged_in() {
            wspolnota_app::AppError::Forbidden
        } else {
            wspolnota_app::AppError::LoginRequired
        };
        return Err(UiError::new(&ctx, e));
    }
    let mails = s.app.recent_mail(200).await.or_page(&ctx)?;
    Ok(render(
        &ctx,
        OutboxPage {
            page: Page::new(&ctx, ctx.locale.t("outbox-title")),
            mails,
        },
    ))
}
