//! `wspolnota coop …`: operator commands for a cooperative's register: check that
//! the ledger and the register agree, and export the whole register.

use crate::DbArgs;
use std::io::Write;
use std::time::Instant;
use wspolnota_app::i18n::Locale;
use wspolnota_domain::access::Subject;

#[derive(Debug, clap::Subcommand)]
pub enum CoopCommand {
    /// Fold every member's ledger and compare it with the ledger's sums and the
    /// register; prints the members with a mismatch, and exits non-zero if any.
    Reconcile {
        #[command(flatten)]
        db: DbArgs,
        /// The cooperative's slug.
        #[arg(long)]
        space: String,
    },
    /// Write the whole member register as CSV or PDF.
    Export {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        space: String,
        /// `csv` or `pdf`.
        #[arg(long)]
        format: String,
        /// Where to write it.
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Benchmark data: add members with register entries and ledger movements.
    #[command(hide = true)]
    BenchData {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        space: String,
        #[arg(long)]
        members: usize,
        #[arg(long)]
        movements: usize,
    },
}

/// The operator at the console reads the register with a platform admin's rights.
fn operator() -> Subject {
    Subject {
        platform_admin: true,
        ..Subject::default()
    }
}

fn code(e: wspolnota_app::AppError) -> anyhow::Error {
    anyhow::anyhow!("{}", e.code())
}

pub async fn run(cmd: CoopCommand) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match cmd {
        CoopCommand::Reconcile { db, space } => {
            let app = crate::budget_cmd::app(&db).await?;
            let space = app.space_by_slug(&space).await.map_err(code)?;
            let start = Instant::now();
            let r = app
                .reconcile_register(&operator(), space.id)
                .await
                .map_err(code)?;
            writeln!(
                out,
                "{} members, {} movements reconciled in {:.3} s; mismatches: {:?}",
                r.members,
                r.movements,
                start.elapsed().as_secs_f64(),
                r.mismatches
            )?;
            if !r.mismatches.is_empty() {
                anyhow::bail!("{} members do not reconcile", r.mismatches.len());
            }
        }
        CoopCommand::Export {
            db,
            space,
            format,
            out: path,
        } => {
            let app = crate::budget_cmd::app(&db).await?;
            let space = app.space_by_slug(&space).await.map_err(code)?;
            let start = Instant::now();
            let bytes = match format.as_str() {
                "csv" => app
                    .register_export_csv(&operator(), space.id, Locale::Pl)
                    .await
                    .map_err(code)?
                    .into_bytes(),
                "pdf" => app
                    .register_export_pdf(&operator(), space.id, Locale::Pl)
                    .await
                    .map_err(code)?,
                other => anyhow::bail!("unknown format {other}: csv or pdf"),
            };
            let elapsed = start.elapsed().as_secs_f64();
            std::fs::write(&path, &bytes)?;
            writeln!(out, "{format}: {} bytes in {elapsed:.3} s", bytes.len())?;
        }
        CoopCommand::BenchData {
            db,
            space,
            members,
            movements,
        } => {
            let app = crate::budget_cmd::app(&db).await?;
            let space = app.space_by_slug(&space).await.map_err(code)?;
            app.load_bench_register(space.id, members, movements)
                .await
                .map_err(code)?;
        }
    }
    Ok(())
}
