//! Signing the minutes: the chair and the minute-taker, or the scan of the paper
//! signed; the chair's signature closes the session.

use crate::files::{self, Upload};
use crate::{audit, authorise, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::assembly::access::AssemblyAction;
use wspolnota_domain::assembly::AssemblyError;
use wspolnota_domain::file::accept_document;
use wspolnota_domain::ids::SpaceId;
use wspolnota_store::assembly::sitting as store;

impl App {
    /// Signs the minutes as the assembly's chair or minute-taker. No vote may be open.
    pub async fn sign_minutes(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
    ) -> Result<(), AppError> {
        self.assembly(subject, space, meeting).await?;
        let roles = self.roles_at(subject, space, meeting).await?;
        let role = if Self::chair(&roles) {
            Some("chair")
        } else if roles.iter().any(|r| r == "secretary") {
            Some("secretary")
        } else {
            None
        };
        authorise(
            subject,
            Action::Assembly(AssemblyAction::SignMinutes {
                signer: role.is_some(),
            }),
        )?;
        let role = role.ok_or(AppError::Forbidden)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if store::votes(&mut tx, meeting)
            .await?
            .iter()
            .any(|v| v.closed_at.is_none())
        {
            return Err(AssemblyError::AnotherVoteOpen.into());
        }
        if !store::sign(&mut tx, meeting, role, subject.user, None, now).await? {
            return Err(AssemblyError::AlreadySigned.into());
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.minutes_signed",
                None,
                Some(json!({"meeting": meeting, "role": role})),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// Attaches the scan of the minutes signed on paper: the board. It closes the
    /// session like the chair's signature.
    pub async fn attach_signed_minutes(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        scan: Upload,
    ) -> Result<i64, AppError> {
        authorise(subject, Action::Assembly(AssemblyAction::ConveneAssembly))?;
        self.assembly(subject, space, meeting).await?;
        let kind = accept_document("scan", &scan.bytes)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let saved =
            files::save(&mut tx, space, &scan, kind, "protokol", (subject.user, now)).await?;
        if !store::sign(&mut tx, meeting, "scan", subject.user, Some(saved.id), now).await? {
            return Err(AssemblyError::AlreadySigned.into());
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.minutes_scan_attached",
                None,
                Some(json!({"meeting": meeting, "file": saved.id, "sha256": saved.sha256})),
            ),
            now,
        )
        .await?;
        Ok(saved.id)
    }

    /// The scan of the signed minutes, for those who see the assembly.
    pub async fn signed_minutes_scan(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
    ) -> Result<(String, Vec<u8>), AppError> {
        self.assembly(subject, space, meeting).await?;
        let mut c = self.store.read().await?;
        let file = store::signatures(&mut c, meeting)
            .await?
            .into_iter()
            .find_map(|s| s.scan_file_id)
            .ok_or(AppError::NotFound)?;
        let (info, bytes) = wspolnota_store::files::file(&mut c, space, file).await?;
        Ok((info.content_type, bytes))
    }
}
