//! Platform administration: the outbox of mails and new spaces.

use super::layout::Page;
use super::{render, OrPage};
use crate::error::UiError;
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::Extension;
use wspolnota_app::mail::Mail;
use wspolnota_domain::access::Action;

#[derive(Template)]
#[template(path = "outbox.html")]
struct OutboxPage {
    page: Page,
    mails: Vec<Mail>,
    queued: i64,
    failed: i64,
}

pub async fn outbox_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, UiError> {
    require(&s, &ctx, Action::ViewOutbox).await?;
    let mails = s.app.recent_mail(200).await.or_page(&ctx)?;
    let (queued, failed) = s.app.mail_counts().await.or_page(&ctx)?;
    Ok(render(
        &ctx,
        OutboxPage {
            page: Page::new(&ctx, ctx.locale.t("outbox-title")),
            mails,
            queued,
            failed,
        },
    ))
}

#[derive(serde::Deserialize, Default, Clone)]
pub struct SpaceForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    requires_approval: Option<String>,
    #[serde(default)]
    document_title: String,
    #[serde(default)]
    document: String,
    /// For a cooperative: the model statute and the first statute settings.
    #[serde(default)]
    model: String,
    #[serde(default)]
    share_value: String,
    #[serde(default)]
    entry_fee: String,
    #[serde(default)]
    min_shares: String,
}

pub struct KindOption {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "space_new.html")]
struct NewSpacePage {
    page: Page,
    form: SpaceForm,
    kinds: Vec<KindOption>,
    errors: super::layout::FormErrors,
}

fn new_space_page(ctx: &Ctx, form: SpaceForm, errors: super::layout::FormErrors) -> NewSpacePage {
    let page = Page::new(ctx, ctx.locale.t("spaces-new"));
    let kinds = wspolnota_domain::space::SpaceKind::ALL
        .into_iter()
        .map(|k| KindOption {
            value: k.as_str(),
            label: page.t(&format!("kind-{}", k.as_str())),
            selected: form.kind == k.as_str(),
        })
        .collect();
    NewSpacePage {
        page,
        form,
        kinds,
        errors,
    }
}

async fn require(
    s: &AppState,
    ctx: &Ctx,
    action: Action,
) -> Result<wspolnota_domain::access::Subject, UiError> {
    let subject = s
        .app
        .subject(ctx.user.as_deref(), None)
        .await
        .or_page(ctx)?;
    wspolnota_app::authorise(&subject, action).or_page(ctx)?;
    Ok(subject)
}

pub async fn new_space(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, UiError> {
    require(&s, &ctx, Action::CreateSpace).await?;
    Ok(render(
        &ctx,
        new_space_page(&ctx, SpaceForm::default(), Default::default()),
    ))
}

pub async fn create_space(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    axum::Form(f): axum::Form<SpaceForm>,
) -> Result<Response, UiError> {
    let subject = require(&s, &ctx, Action::CreateSpace).await?;
    let input = wspolnota_app::spaces::NewSpaceForm {
        name: f.name.clone(),
        slug: f.slug.clone(),
        kind: f.kind.clone(),
        city: f.city.clone(),
        region: f.region.clone(),
        description_md: f.description.clone(),
        requires_approval: f.requires_approval.is_some(),
        document_title: f.document_title.clone(),
        document_md: f.document.clone(),
        cooperative: wspolnota_app::coop::FoundingChoice::default(),
    };
    let founding = wspolnota_app::coop::FoundingChoice::from_form(
        &f.model,
        &f.share_value,
        &f.entry_fee,
        &f.min_shares,
    );
    let result = match founding {
        Ok(cooperative) => {
            s.app
                .create_space(
                    &subject,
                    wspolnota_app::spaces::NewSpaceForm {
                        cooperative,
                        ..input
                    },
                )
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => {
            let space = s.app.space(id).await.or_page(&ctx)?;
            Ok(super::see_other(
                &format!("/wspolnoty/{}", space.slug),
                "spaces-created",
            ))
        }
        Err(e) if e.is_user_error() => {
            let errors = super::layout::FormErrors::from_error(ctx.locale, &e);
            let mut res = render(&ctx, new_space_page(&ctx, f, errors));
            *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}
