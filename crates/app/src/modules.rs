//! Modules of a space: which capabilities it has switched on, and switching them.
//!
//! The rules (defaults per kind, a stored choice overriding them) are in
//! [`wspolnota_domain::module`]; this file reads the choices, asks the policy and
//! writes a switch together with its audit entry.

use crate::{audit, authorise, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::module::{self, Module};
use wspolnota_store::{modules, spaces, StoreError};

impl App {
    /// Every declared module with whether it is on in `space`, in the order of
    /// [`Module::ALL`]. Pages keep only the [implemented](Module::implemented) ones.
    pub async fn space_modules(&self, space: SpaceId) -> Result<Vec<(Module, bool)>, AppError> {
        let mut c = self.store.read().await?;
        let kind = spaces::by_id(&mut c, space).await?.kind;
        let choices = modules::choices(&mut c, space).await?;
        Ok(module::effective(kind, &choices))
    }

    /// Whether `module` is on in `space`. A module the platform does not run yet is
    /// never on, whatever the defaults plan for it.
    pub async fn module_enabled(&self, space: SpaceId, module: Module) -> Result<bool, AppError> {
        if !module.implemented() {
            return Ok(false);
        }
        let mut c = self.store.read().await?;
        let (kind, choice) = modules::choice(&mut c, space, module)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(module::resolve(kind, module, choice))
    }

    /// `NotFound` when `module` is off in `space`: a switched-off module's pages do not
    /// exist for anyone, admins included, so the answer does not depend on who asks.
    pub async fn require_module(&self, space: SpaceId, module: Module) -> Result<(), AppError> {
        if self.module_enabled(space, module).await? {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    /// Switches `module` on or off in `space`; returns whether anything changed.
    pub async fn set_module(
        &self,
        subject: &Subject,
        space: SpaceId,
        module: Module,
        on: bool,
    ) -> Result<bool, AppError> {
        Ok(self.set_modules(subject, space, &[(module, on)]).await? > 0)
    }

    /// Applies the admin's choices for several modules at once (the modules form),
    /// in one transaction; returns how many modules changed.
    ///
    /// Permission is asked first, even when nothing would change, so the answer never
    /// depends on the space's current state. Asking for the state a module is already
    /// in writes nothing: the module keeps following its kind's default (a later
    /// change of the defaults then reaches this space too) and the audit log holds only
    /// real changes.
    pub async fn set_modules(
        &self,
        subject: &Subject,
        space: SpaceId,
        choices: &[(Module, bool)],
    ) -> Result<usize, AppError> {
        authorise(subject, Action::ManageModules)?;
        if choices.iter().any(|(m, _)| !m.implemented()) {
            return Err(AppError::Space(crate::spaces::SpaceError::UnknownModule));
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let mut changed = 0;
        for &(module, on) in choices {
            let (kind, choice) = modules::choice(&mut tx, space, module)
                .await?
                .ok_or(AppError::NotFound)?;
            let was = module::resolve(kind, module, choice);
            if was == on {
                continue;
            }
            modules::set(&mut tx, space, module, on).await?;
            audit::record(
                &mut tx,
                audit::Change::in_space(
                    subject.user,
                    space,
                    "space.module_switched",
                    Some(json!({"module": module.code(), "enabled": was})),
                    Some(json!({"module": module.code(), "enabled": on})),
                ),
                now,
            )
            .await?;
            changed += 1;
        }
        tx.commit().await.map_err(StoreError::from)?;
        Ok(changed)
    }
}
