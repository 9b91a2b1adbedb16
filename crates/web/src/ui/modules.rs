//! Modules on a space's pages: the links to the modules a space has switched on,
//! and the admin form that switches them.
//!
//! A module plugs in here with one line in [`path`]: where its pages start. Its
//! name and description are the messages `module-{code}` and `module-{code}-about`.

use super::layout::Page;
use super::{see_other, OrPage};
use crate::error::UiError;
use crate::{AppState, Ctx};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::{Extension, Form};
use std::collections::HashMap;
use wspolnota_app::{authorise, AppError};
use wspolnota_domain::access::Action;
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::module::Module;

/// Where a module's pages start in a space; `None` for modules not implemented yet.
fn path(module: Module, slug: &str) -> Option<String> {
    match module {
        Module::Budget => Some(format!("/wspolnoty/{slug}/budzet")),
        Module::Register => Some(format!("/wspolnoty/{slug}/spoldzielnia")),
        // Working groups are bodies too: both modules lead to the bodies page.
        Module::Assemblies | Module::Groups => Some(format!("/wspolnoty/{slug}/organy")),
        _ => None,
    }
}

/// A link in a space's navigation.
pub struct ModuleLink {
    pub href: String,
    pub name: String,
}

/// One line of the admin's modules form.
pub struct ModuleSwitch {
    pub code: &'static str,
    pub name: String,
    pub about: String,
    pub enabled: bool,
}

/// The modules the platform runs, with their state in `space`.
async fn implemented(s: &AppState, space: SpaceId) -> Result<Vec<(Module, bool)>, AppError> {
    Ok(s.app
        .space_modules(space)
        .await?
        .into_iter()
        .filter(|(m, _)| m.implemented())
        .collect())
}

/// Links to the modules switched on in the space, for its navigation.
pub(crate) async fn links(
    s: &AppState,
    ctx: &Ctx,
    page: &Page,
    space: SpaceId,
    slug: &str,
) -> Result<Vec<ModuleLink>, UiError> {
    let modules = implemented(s, space).await.or_page(ctx)?;
    let mut links: Vec<ModuleLink> = Vec::new();
    for (m, _) in modules.into_iter().filter(|(_, on)| *on) {
        // Two modules may share a page; the first names the link.
        if let Some(href) = path(m, slug).filter(|h| links.iter().all(|l| &l.href != h)) {
            links.push(ModuleLink {
                href,
                name: page.t(&format!("module-{}", m.code())),
            });
        }
    }
    Ok(links)
}

/// The lines of the admin's modules form.
pub(crate) async fn switches(
    s: &AppState,
    ctx: &Ctx,
    page: &Page,
    space: SpaceId,
) -> Result<Vec<ModuleSwitch>, UiError> {
    let modules = implemented(s, space).await.or_page(ctx)?;
    Ok(modules
        .into_iter()
        .map(|(m, enabled)| ModuleSwitch {
            code: m.code(),
            name: page.t(&format!("module-{}", m.code())),
            about: page.t(&format!("module-{}-about", m.code())),
            enabled,
        })
        .collect())
}

/// The codes of the modules a form lists, for its hidden `shown` field.
pub(crate) fn shown(switches: &[ModuleSwitch]) -> String {
    switches
        .iter()
        .map(|m| m.code)
        .collect::<Vec<_>>()
        .join(",")
}

/// `POST /wspolnoty/{slug}/moduly`: each module named in `shown` (comma-separated
/// codes) is switched on when its checkbox (a field named by its code) is sent, and
/// off when it is not. Only the modules the form showed are touched, so a form
/// printed before a new module existed cannot switch that module off.
pub async fn switch(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Form(f): Form<HashMap<String, String>>,
) -> Result<Response, UiError> {
    let space = s.app.space_by_slug(&slug).await.or_page(&ctx)?;
    let subject = s
        .app
        .subject(ctx.user.as_deref(), Some(space.id))
        .await
        .or_page(&ctx)?;
    let shown = f.get("shown").map(String::as_str).unwrap_or_default();
    let choices = shown
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|code| {
            Module::parse(code)
                .map(|m| (m, f.contains_key(code)))
                .ok_or(AppError::Space(
                    wspolnota_app::spaces::SpaceError::UnknownModule,
                ))
        })
        .collect::<Result<Vec<_>, _>>();
    let changed = match choices {
        Ok(choices) => s.app.set_modules(&subject, space.id, &choices).await,
        // Permission first, so a refusal never depends on what the form contains.
        Err(e) => authorise(&subject, Action::ManageModules).and(Err(e)),
    };
    changed.or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/admin"),
        "space-modules-saved",
    ))
}
