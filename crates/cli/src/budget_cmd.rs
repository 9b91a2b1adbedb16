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
    /// Issue codes at the desk to a list of identified persons: a file of
    /// `name;address` lines (or `name;address;pesel` where the round needs PESEL), one
    /// code per person printed beside their line. Only while voting runs.
    DeskCodes {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        round: i64,
        file: std::path::PathBuf,
    },
    /// Make an election committee key on this computer: print the public key (to set
    /// on the round) and one share per member (any `threshold` of them count the votes).
    Keygen {
        #[arg(long, default_value_t = 3)]
        members: u8,
        #[arg(long, default_value_t = 2)]
        threshold: u8,
    },
    /// Print the demo's committee shares (the demo's Konin round only).
    DemoShares,
    /// Close voting now (move the round to counting), ahead of its calendar.
    Close {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        round: i64,
    },
    /// Open the sealed ballots with the committee's shares (a file, one per line),
    /// count every pool and publish the results.
    Count {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        round: i64,
        #[arg(long)]
        shares: std::path::PathBuf,
    },
    /// Print a pool's sealed ballots, counted ballots and voters whose vote stands.
    /// Before the count sealed = voters; after it ballots = voters.
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

/// The use cases on the database the arguments name, for console commands.
pub(crate) async fn app(db: &DbArgs) -> anyhow::Result<Arc<App>> {
    let config = db.config()?;
    let store = crate::serve::open_store(&config).await?;
    let app_config = AppConfig {
        instance_secret: crate::serve::instance_secret(&config)?,
        ..AppConfig::default()
    };
    Ok(App::new(
        store,
        Arc::new(crate::serve::SystemClock),
        app_config,
    ))
}

fn code(e: wspolnota_app::AppError) -> anyhow::Error {
    anyhow::anyhow!("{}", e.code())
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
        BudgetCommand::DeskCodes { db, round, file } => {
            let app = app(&db).await?;
            let round = app.round(round).await.context("no such round")?;
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            for (n, line) in text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                let mut parts = line.split(';').map(str::trim);
                let who = wspolnota_app::budget::Desk {
                    name: parts.next().unwrap_or_default().to_string(),
                    address: parts.next().unwrap_or_default().to_string(),
                    pesel: parts.next().unwrap_or_default().to_string(),
                    district: String::new(),
                };
                let issued = app
                    .issue_desk_code(&operator(), &round, &who)
                    .await
                    .map_err(|e| anyhow::anyhow!("line {}: {}", n + 1, e.code()))?;
                writeln!(out, "{issued}")?;
            }
        }
        BudgetCommand::Keygen { members, threshold } => {
            let (public, shares) = wspolnota_domain::budget::secrecy::new_committee(
                &mut rand::rngs::OsRng,
                members,
                threshold,
            )
            .map_err(|e| anyhow::anyhow!("{}", e.code()))?;
            writeln!(out, "{}", public.as_text())?;
            for share in shares {
                writeln!(out, "{}", share.as_text())?;
            }
        }
        BudgetCommand::DemoShares => {
            let (_, shares) = wspolnota_app::demo::demo_committee().map_err(code)?;
            for share in shares {
                writeln!(out, "{}", share.as_text())?;
            }
        }
        BudgetCommand::Close { db, round } => {
            let app = app(&db).await?;
            let round = app.round(round).await.context("no such round")?;
            app.advance_round(
                &operator(),
                &round,
                wspolnota_domain::budget::Phase::Counting,
            )
            .await
            .map_err(code)?;
        }
        BudgetCommand::Count { db, round, shares } => {
            let app = app(&db).await?;
            let round = app.round(round).await.context("no such round")?;
            let text = std::fs::read_to_string(&shares)
                .with_context(|| format!("cannot read {}", shares.display()))?;
            let shares: Vec<String> = text.lines().map(str::to_string).collect();
            for r in app
                .count_round(&operator(), &round, &shares)
                .await
                .map_err(code)?
            {
                let winners = r
                    .report
                    .map(|rep| rep.winners.join(","))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "pool={} voters={} winners={winners}",
                    r.pool.id, r.voters
                )?;
            }
        }
        BudgetCommand::Tally { db, pool } => {
            let app = app(&db).await?;
            let (sealed, ballots, voters) = app.counts(pool).await.map_err(code)?;
            writeln!(out, "sealed={sealed} ballots={ballots} voters={voters}")?;
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
