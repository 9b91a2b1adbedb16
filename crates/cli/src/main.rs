//! `wspolnota`: the one binary. Serves the site and API, migrates, backs up,
//! counts participatory budgets and prints a sample configuration.

mod assembly_cmd;
mod budget_cmd;
mod config;
mod coop_cmd;
mod pb_cmd;
mod serve;

use clap::{Args, Parser, Subcommand};
use config::Config;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "wspolnota",
    version,
    about = "Wspólnota: shared civic institutions of towns in transition"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web site and the JSON API.
    Serve(ServeArgs),
    /// Apply database migrations and exit.
    Migrate(DbArgs),
    /// Write a consistent copy of the SQLite database, even while a server runs.
    Backup(BackupArgs),
    /// Configuration helpers.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Participatory-budget rounds: voting codes, receipt audits.
    #[command(subcommand)]
    Budget(budget_cmd::BudgetCommand),
    /// Participatory budgets: count a pabulib `.pb` file with a rule, or check one.
    #[command(subcommand)]
    Pb(pb_cmd::PbCommand),
    /// Development cooperatives: reconcile the register, export it.
    #[command(subcommand)]
    Coop(coop_cmd::CoopCommand),
    /// General assemblies: recount their votes from the stored ballots.
    #[command(subcommand)]
    Assembly(assembly_cmd::AssemblyCommand),
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Print a commented sample configuration file.
    Example,
}

/// Where the database is.
#[derive(Args, Clone, Debug)]
pub struct DbArgs {
    /// Configuration file (TOML); see `wspolnota config example`.
    #[arg(long, short, env = "WSPOLNOTA_CONFIG")]
    config: Option<PathBuf>,
    /// Database URL: postgres://… or sqlite://…; default: SQLite in the data directory.
    #[arg(long, env = "DATABASE_URL")]
    database_url: Option<String>,
    /// Directory of the embedded SQLite database.
    #[arg(long, env = "WSPOLNOTA_DATA_DIR")]
    data_dir: Option<PathBuf>,
}

impl DbArgs {
    pub fn config(&self) -> anyhow::Result<Config> {
        let mut c = Config::load(self.config.as_deref())?;
        if let Some(url) = &self.database_url {
            c.database.url = Some(url.clone());
        }
        if let Some(dir) = &self.data_dir {
            c.database.data_dir = dir.clone();
        }
        Ok(c)
    }
}

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Load demo spaces, organisations and people into an empty database; mail stays in the outbox.
    #[arg(long)]
    demo: bool,
    /// Address to listen on, e.g. 127.0.0.1:8080.
    #[arg(long, env = "WSPOLNOTA_BIND")]
    bind: Option<String>,
    /// Public address of the site, used in links sent by e-mail.
    #[arg(long, env = "WSPOLNOTA_BASE_URL")]
    base_url: Option<String>,
    /// SMTP relay host; without it mail stays in the outbox.
    #[arg(long, env = "WSPOLNOTA_SMTP_HOST")]
    smtp_host: Option<String>,
    #[arg(long, env = "WSPOLNOTA_SMTP_PORT")]
    smtp_port: Option<u16>,
    #[arg(long, env = "WSPOLNOTA_SMTP_USERNAME")]
    smtp_username: Option<String>,
    #[arg(long, env = "WSPOLNOTA_SMTP_PASSWORD", hide_env_values = true)]
    smtp_password: Option<String>,
    #[arg(long, env = "WSPOLNOTA_MAIL_FROM")]
    mail_from: Option<String>,
    /// Log format: `text` or `json`.
    #[arg(long, env = "WSPOLNOTA_LOG_FORMAT", default_value = "text")]
    log_format: String,
}

#[derive(Args)]
struct BackupArgs {
    #[command(flatten)]
    db: DbArgs,
    /// File to write the copy to; must not exist yet.
    #[arg(long)]
    out: PathBuf,
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Config(ConfigCommand::Example) => {
            print!("{}", config::EXAMPLE);
            Ok(())
        }
        Command::Pb(cmd) => pb_cmd::run(cmd),
        Command::Budget(cmd) => runtime().and_then(|rt| rt.block_on(budget_cmd::run(cmd))),
        Command::Coop(cmd) => runtime().and_then(|rt| rt.block_on(coop_cmd::run(cmd))),
        Command::Assembly(cmd) => runtime().and_then(|rt| rt.block_on(assembly_cmd::run(cmd))),
        Command::Serve(args) => runtime().and_then(|rt| rt.block_on(serve::serve(args))),
        Command::Migrate(db) => runtime().and_then(|rt| rt.block_on(serve::migrate(db))),
        Command::Backup(args) => {
            runtime().and_then(|rt| rt.block_on(serve::backup(args.db, args.out)))
        }
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wspolnota: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}
