//! `wspolnota budget …`: operator commands for participatory-budget rounds.

use crate::DbArgs;
use anyhow::Context;
use std::io::Write;
use std::sync::Arc;
use wspolnota_app::{App, AppConfig};
use wspolnota_domain::access::Subject;

#[derive(Debug, clap::Subcommand)]
pub enum BudgetCommand {
    /// Issue single-use voting codes for residents without accounts, one per line, to print.
    Codes {
        #[command(flatten)]
        db: DbArgs,
        /// The round's id.
        #[arg(long)]
        round: i64,
        /// How many codes.
        #[arg(long)]
        count: usize,
    },
    /// Load a finished election from a pabulib `.pb` file as a closed round of a space,
    /// and count it.
    Import {
        #[command(flatten)]
        db: DbArgs,
        /// The space's slug.
        #[arg(long)]
        space: String,
        /// The round's title.
        #[arg(long)]
        title: String,
        /// The .pb file.
        file: std::path::PathBuf,
    },
    /// Print how many ballots and how many voters a pool has; they are equal unless
    /// something was half-written.
    Tally {
        #[command(flatten)]
        db: DbArgs,
        /// The pool's id.
        #[arg(long)]
        pool: i64,
    },
    /// Print the receipt hashes stored for a pool, one per line, for audits.
    Receipts {
        #[command(flatten)]
        db: DbArgs,
        /// The pool's id.
        #[arg(long)]
        pool: i64,
    },
}

/// The operator at the console acts with a platform admin's rights; the audit log
/// records these actions without a person.
fn operator() -> Subject {
    Subject {
        platform_admin: true,
        ..Subject::default()
    }
}

async fn app(db: &DbArgs) -> anyhow::Result<Arc<App>> {
    let config = db.config()?;
    let store = crate::serve::open_store(&config).await?;
    Ok(App::new(
        store,
        Arc::new(crate::serve::SystemClock),
        AppConfig::default(),
    ))
}

pub async fn run(cmd: BudgetCommand) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match cmd {
        BudgetCommand::Codes { db, round, count } => {
            let app = app(&db).await?;
            let round = app.round(round).await.context("no such round")?;
            let codes = app
                .issue_voting_codes(&operator(), &round, count)
                .await
                .map_err(|e| anyhow::anyhow!("{}", e.code()))?;
            for code in codes {
                writeln!(out, "{code}")?;
            }
        }
        BudgetCommand::Import {
            db,
            space,
            title,
            file,
        } => {
            let app = app(&db).await?;
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let space = app
                .space_by_slug(&space)
                .await
                .map_err(|e| anyhow::anyhow!("space {space}: {}", e.code()))?;
            let round = app
                .import_finished_round(&operator(), space.id, &title, &text)
                .await
                .map_err(|e| anyhow::anyhow!("{}", e.code()))?;
            writeln!(out, "{round}")?;
        }
        BudgetCommand::Tally { db, pool } => {
            let app = app(&db).await?;
            let (ballots, voters) = app
                .tally(pool)
                .await
                .map_err(|e| anyhow::anyhow!("{}", e.code()))?;
            writeln!(out, "ballots={ballots} voters={voters}")?;
        }
        BudgetCommand::Receipts { db, pool } => {
            let app = app(&db).await?;
            for hash in app
                .receipt_hashes(pool)
                .await
                .map_err(|e| anyhow::anyhow!("{}", e.code()))?
            {
                writeln!(out, "{hash}")?;
            }
        }
    }
    Ok(())
}
