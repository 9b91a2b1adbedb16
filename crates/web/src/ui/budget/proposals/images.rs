//! Images of a proposal: upload by the author, serving to everyone.

use super::view::act;
use crate::error::UiError;
use crate::ui::budget::{load, parse_id};
use crate::ui::OrPage;
use crate::{AppState, Ctx};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Extension;
use wspolnota_app::AppError;

/// Adds an image to a proposal (a multipart form: `alt` and `image`).
pub async fn upload_image(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, id)): Path<(String, String)>,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, UiError> {
    act(
        &s,
        &ctx,
        &round,
        &id,
        "budget-image-added",
        |app, l, id| async move {
            let mut f = crate::ui::upload::read(multipart).await?;
            let bytes = f.file("image").map(|u| u.bytes).unwrap_or_default();
            app.add_proposal_image(&l.subject, &l.round, id, &f.text("alt"), &bytes)
                .await
                .map(|_| ())
        },
    )
    .await
}

/// Serves an image of a proposal. The type was checked from the bytes on upload.
pub async fn image(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, id, image)): Path<(String, String, String)>,
) -> Result<Response, UiError> {
    use axum::http::header;
    use axum::response::IntoResponse;
    let l = load(&s, &ctx, &round).await?;
    let id = parse_id(&ctx, &id)?;
    let image = parse_id(&ctx, &image)?;
    let p = s.app.proposal(id).await.or_page(&ctx)?;
    if p.round_id != l.round.id {
        return Err(UiError::new(&ctx, AppError::NotFound));
    }
    let (content_type, bytes) = s.app.proposal_image(id, image).await.or_page(&ctx)?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=86400".to_string()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
        ],
        bytes,
    )
        .into_response())
}
