//! The cooperative's figures over time for its reports, and the proposal for dividing
//! the latest approved surplus (a draft resolution for the general assembly).

use super::register::rows_of;
use super::{authorise, Cooperative};
use crate::{App, AppError};
use std::collections::BTreeMap;
use wspolnota_domain::access::Subject;
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::register::Standing;
use wspolnota_domain::coop::settings::SurplusRule;
use wspolnota_domain::coop::surplus::{self, Claim, Division, SurplusInput};
use wspolnota_domain::coop::CoopError;
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::pb::Money;
use wspolnota_store::coop::members;

/// One day on which the capital changed, with the totals after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CapitalPoint {
    pub day: wspolnota_domain::date::Date,
    pub declared: Money,
    pub paid_in: Money,
    /// Entry fees, which go to the reserve fund.
    pub reserve: Money,
}

/// One day on which membership changed, with the counts after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MembersPoint {
    pub day: wspolnota_domain::date::Date,
    pub natural: i64,
    pub legal: i64,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub capital: Vec<CapitalPoint>,
    pub members: Vec<MembersPoint>,
}

/// The proposed division of a year's surplus, with the members' names.
#[derive(Debug, Clone)]
pub struct SurplusProposal {
    pub year: i64,
    pub approved_on: String,
    pub surplus: Money,
    pub reserve_fund: Money,
    pub paid_in_obligatory: Money,
    pub division: Division,
    /// (member number, name) for each part, in the order of `division.parts`.
    pub names: Vec<(i64, String)>,
}

fn day(text: &str) -> Option<wspolnota_domain::date::Date> {
    wspolnota_domain::date::parse(text)
}

impl App {
    /// Capital (declared, paid in, reserve) and members by kind over time.
    pub async fn coop_report(&self, subject: &Subject, space: SpaceId) -> Result<Report, AppError> {
        authorise(subject, CoopAction::ViewRegister)?;
        self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let mut capital: BTreeMap<wspolnota_domain::date::Date, (i64, i64, i64)> = BTreeMap::new();
        for (d, kind, amount) in members::daily_totals(&mut c, space).await? {
            let Some(d) = day(&d) else { continue };
            let e = capital.entry(d).or_default();
            match kind.as_str() {
                "declared" => e.0 += amount,
                "withdrawn" => {
                    e.0 -= amount;
                    e.1 -= amount;
                }
                "payment" | "surplus_to_shares" | "payment_correction" => e.1 += amount,
                "refund_paid" => e.1 -= amount,
                "entry_fee" => e.2 += amount,
                _ => {}
            }
        }
        let mut running = (0, 0, 0);
        let capital = capital
            .into_iter()
            .map(|(day, (d, p, r))| {
                running = (running.0 + d, running.1 + p, running.2 + r);
                CapitalPoint {
                    day,
                    declared: Money(running.0),
                    paid_in: Money(running.1),
                    reserve: Money(running.2),
                }
            })
            .collect();
        let mut changes: BTreeMap<wspolnota_domain::date::Date, (i64, i64)> = BTreeMap::new();
        for (d, kind, delta) in members::membership_changes(&mut c, space).await? {
            let Some(d) = day(&d) else { continue };
            let e = changes.entry(d).or_default();
            if kind == "legal" {
                e.1 += delta;
            } else {
                e.0 += delta;
            }
        }
        let mut count = (0, 0);
        let members = changes
            .into_iter()
            .map(|(day, (n, l))| {
                count = (count.0 + n, count.1 + l);
                MembersPoint {
                    day,
                    natural: count.0,
                    legal: count.1,
                }
            })
            .collect();
        Ok(Report { capital, members })
    }

    /// The division of the latest approved surplus the statute requires, as a draft
    /// resolution; `None` before any statements are approved.
    pub async fn surplus_proposal(
        &self,
        subject: &Subject,
        space: SpaceId,
    ) -> Result<Option<SurplusProposal>, AppError> {
        authorise(subject, CoopAction::ViewRegisterInFull)?;
        let coop: Cooperative = self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let Some((year, approved_on, surplus_amount, reserve)) =
            members::statements(&mut c, space).await?.into_iter().next()
        else {
            return Ok(None);
        };
        let total = members::count(&mut c, space).await?;
        let all = members::page(&mut c, space, total.max(1), 0).await?;
        let ids: Vec<i64> = all.iter().map(|m| m.id).collect();
        let entries = members::all_entries(&mut c, space).await?;
        let movements = members::movements_of(&mut c, space, &ids).await?;
        let rows = rows_of(all, &entries, &movements, self.today())?;
        let obligatory_each = coop.settings.value_of(coop.settings.min_shares).0;
        let current: Vec<_> = rows
            .iter()
            .filter(|r| r.standing != Standing::Ended)
            .collect();
        let paid_in_obligatory = current
            .iter()
            .map(|r| r.balance.held().0.min(obligatory_each))
            .sum();
        // By use: each member's recorded use in the year; without any record the rest
        // stays undivided for the assembly to decide.
        let used: std::collections::BTreeMap<i64, i64> = match coop.settings.surplus_rule {
            SurplusRule::ByUse => members::use_in(&mut c, space, year)
                .await?
                .into_iter()
                .collect(),
            SurplusRule::InterestOnShares => Default::default(),
        };
        let claims = current
            .iter()
            .map(|r| Claim {
                member: r.member.number,
                weight: match coop.settings.surplus_rule {
                    SurplusRule::InterestOnShares => r.balance.held().0.max(0),
                    SurplusRule::ByUse => used.get(&r.member.id).copied().unwrap_or(0),
                },
                unpaid: r.balance.unpaid(),
            })
            .collect();
        let input = SurplusInput {
            surplus: Money(surplus_amount.max(0)),
            reserve_fund: Money(reserve),
            paid_in_obligatory: Money(paid_in_obligatory),
            claims,
        };
        let division = surplus::divide(&coop.settings, &input)?;
        let names = division
            .parts
            .iter()
            .map(|p| {
                let name = current
                    .iter()
                    .find(|r| r.member.number == p.member)
                    .map(|r| r.state.details.name.clone())
                    .unwrap_or_default();
                (p.member, name)
            })
            .collect();
        Ok(Some(SurplusProposal {
            year,
            approved_on,
            surplus: Money(surplus_amount),
            reserve_fund: Money(reserve),
            paid_in_obligatory: Money(paid_in_obligatory),
            division,
            names,
        }))
    }

    /// Records members' use of the cooperative in `year`, one `number; value` per line,
    /// for a statute that divides the surplus by use. Every line must name a member of
    /// the register; otherwise nothing is recorded. Returns how many were recorded.
    pub async fn record_use(
        &self,
        subject: &Subject,
        space: SpaceId,
        year: &str,
        lines: &str,
    ) -> Result<usize, AppError> {
        authorise(subject, CoopAction::KeepRegister)?;
        self.cooperative(space).await?;
        let this_year = i64::from(wspolnota_domain::date::year(self.today()));
        let year: i64 = year
            .trim()
            .parse()
            .ok()
            .filter(|y| (2000..=this_year).contains(y))
            .ok_or(CoopError::BadDate)?;
        let used = surplus::parse_use(lines)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        for (number, value) in &used {
            let member =
                members::by_number(&mut tx, space, *number)
                    .await
                    .map_err(|e| match e {
                        wspolnota_store::StoreError::NotFound => AppError::Coop(CoopError::BadUse),
                        other => other.into(),
                    })?;
            members::add_use(&mut tx, space, year, member.id, value.0, subject.user, now).await?;
        }
        crate::audit::commit(
            tx,
            crate::audit::Change::in_space(
                subject.user,
                space,
                "coop.use_recorded",
                None,
                Some(serde_json::json!({"year": year, "members": used.len()})),
            ),
            now,
        )
        .await?;
        Ok(used.len())
    }
}
