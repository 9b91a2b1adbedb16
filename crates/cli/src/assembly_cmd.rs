//! `wspolnota assembly …`: recount a general assembly's votes from their stored ballots,
//! with the quorum and the rules recorded when each vote closed.

use crate::DbArgs;
use std::io::Write;
use wspolnota_domain::access::Subject;

#[derive(Debug, clap::Subcommand)]
pub enum AssemblyCommand {
    /// Recount every closed vote of an assembly; prints each with the stored and the
    /// recounted figures, and exits non-zero if any differ.
    Recount {
        #[command(flatten)]
        db: DbArgs,
        /// The cooperative's slug.
        #[arg(long)]
        space: String,
        /// The assembly's number (in its address: `/zgromadzenia/N`).
        #[arg(long)]
        meeting: i64,
    },
}

pub async fn run(cmd: AssemblyCommand) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match cmd {
        AssemblyCommand::Recount { db, space, meeting } => {
            let app = crate::budget_cmd::app(&db).await?;
            let code = |e: wspolnota_app::AppError| anyhow::anyhow!("{}", e.code());
            let space = app.space_by_slug(&space).await.map_err(code)?;
            // The operator at the console reads with a platform admin's rights.
            let operator = Subject {
                platform_admin: true,
                ..Subject::default()
            };
            let lines = app
                .recount_assembly(&operator, space.id, meeting)
                .await
                .map_err(code)?;
            let mut differ = 0;
            for l in &lines {
                let mark = if l.matches() { "ok" } else { "DIFFERS" };
                writeln!(
                    out,
                    "vote {} ({}): stored {} yes, {} no, {} abstain, {}; recounted {} yes, {} no, {} abstain, {}: {mark}",
                    l.vote, l.item, l.stored.0, l.stored.1, l.stored.2, l.stored.3,
                    l.recounted.0, l.recounted.1, l.recounted.2, l.recounted.3,
                )?;
                differ += usize::from(!l.matches());
            }
            writeln!(out, "{} votes recounted, {differ} differ", lines.len())?;
            if differ > 0 {
                anyhow::bail!("{differ} votes differ from their ballots");
            }
            Ok(())
        }
    }
}
