//! Co-investment projects and the asset register: the board opens a project with its
//! goal and milestones; members, organisations and partners (the municipality, firms,
//! foundations) pledge; payments come in against pledges; a finished project becomes
//! an asset the members own together, valued over time.

use super::ledger::amount;
use super::{authorise, load};
use crate::{audit, App, AppError};
use serde_json::json;
use wspolnota_domain::access::Subject;
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::invest::{self as rules, InvestmentStatus, Progress};
use wspolnota_domain::coop::CoopError;
use wspolnota_domain::date;
use wspolnota_domain::ids::{OrgId, SpaceId};
use wspolnota_domain::pb::Money;
use wspolnota_domain::text;
use wspolnota_store::coop::invest::{
    self as store, Asset, Investment, Milestone, Pledge, ProjectDocument,
};

/// A project with its money and milestones.
#[derive(Debug, Clone)]
pub struct InvestmentView {
    pub investment: Investment,
    pub status: InvestmentStatus,
    pub progress: Progress,
    pub milestones: Vec<Milestone>,
    /// Who pledged what; names of persons only for those who may see members' details.
    pub pledges: Vec<Pledge>,
    pub documents: Vec<ProjectDocument>,
}

#[derive(Debug, Clone, Default)]
pub struct InvestmentForm {
    pub title: String,
    pub summary: String,
    pub description: String,
    /// Złoty, as typed.
    pub goal: String,
    /// Milestones, one per line.
    pub milestones: String,
}

#[derive(Debug, Clone, Default)]
pub struct PledgeForm {
    /// Złoty, as typed.
    pub amount: String,
    /// A member or representative pledging for an organisation.
    pub on_behalf_of: Option<OrgId>,
    /// The board entering a partner's pledge (the municipality, a firm, a foundation).
    pub partner: String,
}

#[derive(Debug, Clone, Default)]
pub struct AssetForm {
    pub name: String,
    pub kind: String,
    pub location: String,
    pub description: String,
    pub acquired_on: String,
    pub value: String,
}

const SUMMARY_MAX: usize = 500;

/// The ids of a project's milestones, in order (for the demo).
pub(super) async fn milestone_ids(
    app: &App,
    space: SpaceId,
    investment: i64,
) -> Result<Vec<i64>, AppError> {
    let mut c = app.store.read().await?;
    store::investment(&mut c, space, investment).await?;
    Ok(store::milestones(&mut c, investment)
        .await?
        .into_iter()
        .map(|m| m.id)
        .collect())
}

fn status_of(i: &Investment) -> Result<InvestmentStatus, AppError> {
    InvestmentStatus::parse(&i.status)
        .ok_or_else(|| AppError::Internal(format!("investment status {}", i.status)))
}

fn view(
    i: Investment,
    milestones: Vec<Milestone>,
    pledges: Vec<Pledge>,
) -> Result<InvestmentView, AppError> {
    let status = status_of(&i)?;
    let progress = Progress {
        goal: Money(i.goal),
        pledged: Money(i.pledged),
        paid: Money(i.paid),
    };
    Ok(InvestmentView {
        investment: i,
        status,
        progress,
        milestones,
        pledges,
        documents: Vec::new(),
    })
}

impl App {
    /// Opens a project collecting pledges.
    pub async fn create_investment(
        &self,
        subject: &Subject,
        space: SpaceId,
        form: InvestmentForm,
    ) -> Result<i64, AppError> {
        authorise(subject, CoopAction::ManageInvestments)?;
        self.cooperative(space).await?;
        let title = text::required("title", &form.title, text::NAME_MAX)?;
        let summary = text::required("summary", &form.summary, SUMMARY_MAX)?;
        let description = text::optional("description", &form.description, text::DESCRIPTION_MAX)?
            .unwrap_or_default();
        let goal = amount(&form.goal)?;
        if goal.0 <= 0 {
            return Err(CoopError::AmountNotPositive.into());
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let id = store::insert_investment(
            &mut tx,
            &store::NewInvestment {
                space,
                title: &title,
                summary: &summary,
                description_md: &description,
                goal: goal.0,
                status: InvestmentStatus::Fundraising.as_str(),
                by: subject.user,
            },
            now,
        )
        .await?;
        for line in form
            .milestones
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(50)
        {
            let title = text::required("milestones", line, text::NAME_MAX)?;
            store::add_milestone(&mut tx, id, &title, None, None).await?;
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.investment_created",
                None,
                Some(json!({"investment": id, "title": title, "goal": goal})),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    /// The cooperative's projects with their money, for anyone.
    pub async fn investments(&self, space: SpaceId) -> Result<Vec<InvestmentView>, AppError> {
        self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let rows = store::investments(&mut c, space).await?;
        let mut out = Vec::with_capacity(rows.len());
        for i in rows {
            let milestones = store::milestones(&mut c, i.id).await?;
            out.push(view(i, milestones, Vec::new())?);
        }
        Ok(out)
    }

    /// One project with its pledges; persons' names only for those who see members' details.
    pub async fn investment_view(
        &self,
        subject: &Subject,
        space: SpaceId,
        id: i64,
    ) -> Result<InvestmentView, AppError> {
        self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let i = store::investment(&mut c, space, id).await?;
        let milestones = store::milestones(&mut c, id).await?;
        let mut pledges = store::pledges(&mut c, id).await?;
        let details = wspolnota_domain::access::can(
            subject,
            wspolnota_domain::access::Action::Coop(CoopAction::ViewMembersDetails),
        );
        if !details {
            for p in &mut pledges {
                if !p.partner && p.org_id.is_none() {
                    p.pledger = String::new();
                }
            }
        }
        let mut v = view(i, milestones, pledges)?;
        v.documents = store::documents(&mut c, id).await?;
        Ok(v)
    }

    /// A pledge: a person or organisation for itself, or the board entering a partner's.
    pub async fn pledge(
        &self,
        subject: &Subject,
        space: SpaceId,
        id: i64,
        form: PledgeForm,
    ) -> Result<i64, AppError> {
        let partner = form.partner.trim();
        if partner.is_empty() {
            authorise(
                subject,
                CoopAction::Pledge {
                    on_behalf_of: form.on_behalf_of,
                },
            )?;
        } else {
            authorise(subject, CoopAction::ManageInvestments)?;
        }
        self.cooperative(space).await?;
        let money = amount(&form.amount)?;
        let now = self.now();
        let today = date::format(self.today());
        let mut tx = self.store.begin().await?;
        let coop = load(&mut tx, space).await?;
        let i = store::investment(&mut tx, space, id).await?;
        rules::check_pledge(status_of(&i)?, money)?;
        let (pledger, member, org, user, is_partner) = if !partner.is_empty() {
            (
                text::required("partner", partner, text::NAME_MAX)?,
                None,
                None,
                None,
                true,
            )
        } else {
            let user = subject.user.ok_or(AppError::LoginRequired)?;
            let members =
                wspolnota_store::coop::members::current_for_user(&mut tx, space, user, &today)
                    .await?;
            let member = members
                .iter()
                .find(|m| m.org_id == form.on_behalf_of)
                .map(|m| m.id);
            let name = match form.on_behalf_of {
                Some(o) => wspolnota_store::orgs::by_id(&mut tx, o).await?.name,
                None => {
                    wspolnota_store::users::by_id(&mut tx, user)
                        .await?
                        .display_name
                }
            };
            (
                name,
                member,
                form.on_behalf_of,
                Some(user),
                member.is_none(),
            )
        };
        let pledge = store::insert_pledge(
            &mut tx,
            &store::NewPledge {
                investment: id,
                member,
                org,
                user,
                pledger: &pledger,
                partner: is_partner,
                amount: money.0,
                pledged_on: &today,
                by: subject.user,
            },
            now,
        )
        .await?;
        audit::commit(tx, audit::Change::in_space(subject.user, coop.space.id, "coop.pledged", None, Some(json!({"investment": id, "pledge": pledge, "amount": money, "partner": is_partner}))), now).await?;
        Ok(pledge)
    }

    /// A payment against a pledge, never beyond it; a project paid in full is funded.
    pub async fn pay_pledge(
        &self,
        subject: &Subject,
        space: SpaceId,
        pledge: i64,
        amount_typed: &str,
        paid_on: &str,
        reference: &str,
    ) -> Result<(), AppError> {
        authorise(subject, CoopAction::ManageInvestments)?;
        self.cooperative(space).await?;
        let money = amount(amount_typed)?;
        let today = self.today();
        let on = match paid_on.trim() {
            "" => today,
            t => date::parse(t)
                .filter(|d| *d <= today)
                .ok_or(CoopError::BadDate)?,
        };
        let reference = text::optional("reference", reference, 200)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let p = store::pledge(&mut tx, space, pledge).await?;
        rules::check_pledge_payment(Money(p.amount), Money(p.paid), money)?;
        store::insert_pledge_payment(
            &mut tx,
            pledge,
            money.0,
            &date::format(on),
            reference.as_deref(),
            subject.user,
            now,
        )
        .await?;
        let i = store::investment(&mut tx, space, p.investment_id).await?;
        if i.paid >= i.goal {
            store::set_status(
                &mut tx,
                i.id,
                InvestmentStatus::Fundraising.as_str(),
                InvestmentStatus::Funded.as_str(),
            )
            .await?;
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.pledge_paid",
                None,
                Some(json!({"pledge": pledge, "amount": money, "paid_on": date::format(on)})),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// Records an asset the members own together; with `investment`, that project is
    /// completed by it.
    pub async fn add_asset(
        &self,
        subject: &Subject,
        space: SpaceId,
        investment: Option<i64>,
        form: AssetForm,
    ) -> Result<i64, AppError> {
        authorise(subject, CoopAction::ManageInvestments)?;
        self.cooperative(space).await?;
        let name = text::required("name", &form.name, text::NAME_MAX)?;
        let kind = text::required("kind", &form.kind, 80)?;
        let location = text::required("location", &form.location, 300)?;
        let description = text::optional("description", &form.description, text::DESCRIPTION_MAX)?
            .unwrap_or_default();
        let acquired = date::parse(&form.acquired_on)
            .filter(|d| *d <= self.today())
            .ok_or(CoopError::BadDate)?;
        let value = amount(&form.value)?;
        if value.0 < 0 {
            return Err(CoopError::AmountNotPositive.into());
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if let Some(i) = investment {
            let inv = store::investment(&mut tx, space, i).await?;
            let done = matches!(
                status_of(&inv)?,
                InvestmentStatus::Completed | InvestmentStatus::Cancelled
            );
            if done
                || !store::set_status(
                    &mut tx,
                    i,
                    &inv.status,
                    InvestmentStatus::Completed.as_str(),
                )
                .await?
            {
                return Err(CoopError::WrongStage.into());
            }
        }
        let id = store::insert_asset(
            &mut tx,
            &store::NewAsset {
                space,
                name: &name,
                kind: &kind,
                location: &location,
                description_md: &description,
                acquired_on: &date::format(acquired),
                acquisition_value: value.0,
                investment,
                status: "in_use",
            },
            now,
        )
        .await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.asset_added",
                None,
                Some(json!({"asset": id, "name": name, "value": value, "investment": investment})),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    /// A later valuation of an asset.
    pub async fn value_asset(
        &self,
        subject: &Subject,
        space: SpaceId,
        asset: i64,
        valued_on: &str,
        value: &str,
        note: &str,
    ) -> Result<(), AppError> {
        authorise(subject, CoopAction::ManageInvestments)?;
        self.cooperative(space).await?;
        let on = date::parse(valued_on)
            .filter(|d| *d <= self.today())
            .ok_or(CoopError::BadDate)?;
        let value = amount(value)?;
        if value.0 < 0 {
            return Err(CoopError::AmountNotPositive.into());
        }
        let note = text::optional("note", note, 500)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if !store::assets(&mut tx, space)
            .await?
            .iter()
            .any(|a| a.id == asset)
        {
            return Err(AppError::NotFound);
        }
        store::add_valuation(
            &mut tx,
            asset,
            &date::format(on),
            value.0,
            note.as_deref(),
            subject.user,
            now,
        )
        .await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.asset_valued",
                None,
                Some(json!({"asset": asset, "value": value, "valued_on": date::format(on)})),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// What the members own together.
    pub async fn assets(&self, space: SpaceId) -> Result<Vec<Asset>, AppError> {
        self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        Ok(store::assets(&mut c, space).await?)
    }
}
