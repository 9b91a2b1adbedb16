//! The development cooperative's use cases: founding and the statute, declarations
//! and appeals, the member register and the share ledger, exports and the checks
//! that the ledger and the register agree. Rules are in [`wspolnota_domain::coop`];
//! each use case here authorises, loads, asks the rules, and writes in one
//! transaction with its audit entry (and mail, where someone must be told).

mod admission;
mod bench;
mod declarations;
mod demo;
mod export;
mod founding;
mod invest;
mod invest_progress;
mod ledger;
pub(crate) mod letters;
mod refunds;
pub(crate) mod register;
mod report;

pub use declarations::{DeclarationForm, PaperDeclarationForm};
pub(crate) use demo::DemoFounder;
pub use export::{register_csv, register_pdf};
pub(crate) use founding::start;
pub use founding::{how_to_join, model_statute, FoundingChoice, ModelText, SettingsForm};
pub use invest::{AssetForm, InvestmentForm, InvestmentView, PledgeForm};
pub use ledger::{EndForm, PaymentForm, Purpose};
pub use refunds::StatementsForm;
pub use register::{MemberView, Reconciliation, RegisterPage, RegisterRow};
pub use report::{CapitalPoint, MembersPoint, Report, SurplusProposal};
pub use wspolnota_store::coop::declarations::Declaration;
pub use wspolnota_store::coop::invest::{Asset, Investment, Milestone, Pledge, ProjectDocument};
pub use wspolnota_store::coop::members::{EntryRow, MovementRow};

use crate::{App, AppError};
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::founding::{founders_missing, FoundersMissing, Stage};
use wspolnota_domain::coop::CoopSettings;
use wspolnota_domain::date::{self, Date};
use wspolnota_domain::ids::{DocumentId, SpaceId};
use wspolnota_domain::module::Module;
use wspolnota_domain::space::SpaceKind;
use wspolnota_store::coop as store;
use wspolnota_store::{spaces, Conn};

/// A cooperative as the use cases need it: its space, stage and the statute in force.
#[derive(Debug, Clone)]
pub struct Cooperative {
    pub space: spaces::Space,
    pub stage: Stage,
    pub model: String,
    pub krs: Option<String>,
    pub registered_on: Option<String>,
    pub settings: CoopSettings,
    /// The statute version in force and its number.
    pub statute: DocumentId,
    pub statute_version: i64,
}

/// What anyone may see of a cooperative.
#[derive(Debug, Clone)]
pub struct PublicView {
    pub coop: Cooperative,
    pub natural_members: i64,
    pub legal_members: i64,
    /// In the founding stage: what the law still asks for.
    pub founders_missing: Option<FoundersMissing>,
}

/// What waits for the board.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overview {
    pub pending: i64,
    pub overdue: i64,
    pub appeals: i64,
    /// Members whose declared shares are not fully paid after the payment deadline.
    pub payments_overdue: i64,
    /// Refunds due and not yet paid.
    pub refunds_due: i64,
}

pub(crate) fn authorise(subject: &Subject, action: CoopAction) -> Result<(), AppError> {
    crate::authorise(subject, Action::Coop(action))
}

/// Loads the cooperative of `space` on `c`: `NotFound` when the space is not one.
pub(crate) async fn load(c: &mut Conn, space: SpaceId) -> Result<Cooperative, AppError> {
    let row = spaces::by_id(c, space).await?;
    if row.kind != SpaceKind::DevelopmentCooperative {
        return Err(AppError::NotFound);
    }
    let coop = store::get(c, space).await?.ok_or(AppError::NotFound)?;
    let (statute, version, json) = store::current_settings(c, space)
        .await?
        .ok_or(AppError::NotFound)?;
    let settings: CoopSettings = serde_json::from_str(&json)
        .map_err(|e| AppError::Internal(format!("statute settings: {e}")))?;
    Ok(Cooperative {
        space: row,
        stage: Stage::parse(&coop.stage)
            .ok_or_else(|| AppError::Internal(format!("unknown stage {}", coop.stage)))?,
        model: coop.model,
        krs: coop.krs,
        registered_on: coop.registered_on,
        settings,
        statute,
        statute_version: version,
    })
}

impl App {
    /// Today in Poland: the day legal acts are dated.
    pub fn today(&self) -> Date {
        date::day_in_poland(self.now().0)
    }

    /// The cooperative of `space`; `NotFound` when it is not one or its register
    /// module is off.
    pub async fn cooperative(&self, space: SpaceId) -> Result<Cooperative, AppError> {
        self.require_module(space, Module::Register).await?;
        let mut c = self.store.read().await?;
        load(&mut c, space).await
    }

    /// The public page: counts by kind, and in the founding stage what is missing.
    pub async fn coop_public(&self, space: SpaceId) -> Result<PublicView, AppError> {
        let coop = self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let today = date::format(self.today());
        let (natural, legal) = store::members::current_by_kind(&mut c, space, &today).await?;
        let missing = (coop.stage == Stage::Founding).then(|| {
            founders_missing(
                u32::try_from(natural).unwrap_or(u32::MAX),
                u32::try_from(legal).unwrap_or(u32::MAX),
            )
        });
        Ok(PublicView {
            coop,
            natural_members: natural,
            legal_members: legal,
            founders_missing: missing,
        })
    }

    /// What waits for the board: declarations to decide (and overdue), appeals,
    /// payments overdue, refunds due.
    pub async fn coop_overview(
        &self,
        subject: &Subject,
        space: SpaceId,
    ) -> Result<Overview, AppError> {
        authorise(subject, CoopAction::ViewOverview)?;
        let coop = self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let today = self.today();
        let (pending, overdue, appeals) =
            store::declarations::waiting(&mut c, space, &date::format(today)).await?;
        let (payments_overdue, refunds_due) = register::money_waiting(&mut c, &coop, today).await?;
        Ok(Overview {
            pending,
            overdue,
            appeals,
            payments_overdue,
            refunds_due,
        })
    }
}
