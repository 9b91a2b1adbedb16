//! Bringing a finished election onto the platform from its pabulib file: a closed,
//! counted round whose ballots are already anonymous.

use super::{refused, BudgetError};
use crate::{audit, authorise, tokens, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::budget::{
    encode_ballot, BallotKind, Calendar, Choice, CountingRule, LineItem, ProposalStatus,
};
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::pb;
use wspolnota_domain::text;
use wspolnota_store::budget as store;

impl App {
    /// Loads a finished election from a pabulib file as a closed round of `space`: its
    /// projects on the ballot and its ballots, anonymised (only the choices are kept),
    /// then counts it. Used for the demo and to bring past editions onto the platform.
    pub async fn import_finished_round(
        &self,
        subject: &Subject,
        space: SpaceId,
        title: &str,
        pb_text: &str,
    ) -> Result<i64, AppError> {
        authorise(subject, Action::ManageBudget)?;
        let actor = subject.user;
        let inst = pb::parse_str(pb_text).map_err(|_| refused(BudgetError::ImportUnreadable))?;
        let n = inst.projects.len() as u32;
        let ballot = match inst.vote_type {
            pb::VoteType::Approval => BallotKind::Approval {
                max: inst.limits.max_length.map_or(n, |m| m as u32).max(1),
                min: inst.limits.min_length.map_or(0, |m| m as u32),
            },
            pb::VoteType::Choose1 => BallotKind::ChooseOne,
            pb::VoteType::Cumulative => BallotKind::Points {
                total: inst.limits.max_sum_points.map_or(n, |m| m as u32).max(1),
            },
            _ => return Err(refused(BudgetError::ImportUnsupported)),
        };
        let rule = CountingRule::Greedy {
            min_votes: inst.limits.min_project_score_threshold.unwrap_or(0).max(0) as u32,
        };
        let now = self.now();
        let day = 86_400;
        let calendar = Calendar::new(
            now.plus_seconds(-50 * day),
            now.plus_seconds(-40 * day),
            now.plus_seconds(-30 * day),
            now.plus_seconds(-20 * day),
            now.plus_seconds(-day),
        )
        .map_err(refused)?;
        let title = text::required("title", title, text::NAME_MAX)?;
        let mut tx = self.store.begin().await?;
        let new = store::NewRound {
            space_id: space,
            title: &title,
            calendar,
            supports_required: 0,
            appeal_days: 7,
            allow_ballot_change: false,
            districts: &[],
            rules: store::RoundRules::default(),
            tallied: false,
        };
        let round = store::insert_round(&mut tx, &new, now).await?;
        let pool_name = inst
            .meta_value("subunit")
            .or(inst.meta_value("district"))
            .unwrap_or("Pula")
            .to_string();
        let pool =
            store::insert_pool(&mut tx, round, &pool_name, inst.budget, &ballot, rule).await?;
        let mut ids = Vec::with_capacity(inst.projects.len());
        for p in &inst.projects {
            let items = [LineItem {
                label: p.name.chars().take(text::NAME_MAX).collect(),
                amount: p.cost,
            }];
            let name: String = p.name.chars().take(text::NAME_MAX).collect();
            let new = store::NewProposal {
                round_id: round,
                pool_id: pool,
                author: actor,
                title: &name,
                description_md: &p.name,
                place: None,
                items: &items,
                cost: p.cost,
            };
            let id = store::insert_proposal(&mut tx, &new, now).await?;
            store::set_status(
                &mut tx,
                id,
                ProposalStatus::Submitted,
                ProposalStatus::Accepted,
                now,
            )
            .await?;
            ids.push(id);
        }
        for (i, b) in inst.ballots.iter().enumerate() {
            let choices: Vec<Choice> = b
                .projects
                .iter()
                .enumerate()
                .map(|(k, p)| Choice {
                    project: ids[*p as usize],
                    points: pb::ballot_points(inst.vote_type, b, k).max(0) as u32,
                })
                .collect();
            store::record_voter(
                &mut tx,
                pool,
                &format!("import:{round}:{i}"),
                "import",
                None,
            )
            .await?;
            // The original voter ids are not kept, and the ballots carry no receipts.
            store::insert_ballot(
                &mut tx,
                &tokens::new_secret(),
                pool,
                None,
                &encode_ballot(&choices),
            )
            .await?;
        }
        store::set_tallied(&mut tx, round).await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                actor,
                space,
                "budget.round_imported",
                None,
                Some(json!({"round": round, "title": title, "ballots": inst.ballots.len()})),
            ),
            now,
        )
        .await?;
        let round = self.round(round).await?;
        self.compute_results(subject, &round).await?;
        Ok(round.id)
    }
}
