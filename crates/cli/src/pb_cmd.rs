//! `wspolnota pb …`: count a participatory budget from a pabulib `.pb` file, or check one.

use anyhow::{anyhow, bail, Context, Result};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use wspolnota_domain::pb::{
    self, count, count_file_rule, group_thousands, Money, Outcome, PbInstance, Rule,
};

// Output is gathered in a buffer and written once at the end, so that a reader who
// closes the pipe early (`wspolnota pb count … | head`) ends the command quietly
// instead of making `println!` panic on a broken pipe.
thread_local! {
    static OUT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

macro_rules! println {
    () => {
        OUT.with(|o| o.borrow_mut().push('\n'))
    };
    ($($arg:tt)*) => {{
        let line = format!($($arg)*);
        OUT.with(|o| {
            let mut o = o.borrow_mut();
            o.push_str(&line);
            o.push('\n');
        })
    }};
}

fn flush_output() -> Result<()> {
    use std::io::Write as _;
    let text = OUT.with(|o| std::mem::take(&mut *o.borrow_mut()));
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Participatory-budget commands.
#[derive(Debug, clap::Subcommand)]
pub enum PbCommand {
    /// Count a .pb file with a rule and print the winners and why.
    Count {
        /// The .pb file.
        file: PathBuf,
        /// greedy, greedy-no-skip, greedy-threshold, greedy-card, mes-cost, mes-card,
        /// mes-cost-add1, mes-cost-add1-budget, greedy-borda / mes-borda (ordinal files), or
        /// `file` for the rule written in the file's META.
        #[arg(long)]
        rule: String,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// Print only the explanation for this project id.
        #[arg(long, value_name = "PROJECT_ID")]
        explain: Option<String>,
    },
    /// Validate a .pb file and print its summary.
    Check {
        /// The .pb file.
        file: PathBuf,
        /// Also fail when ballots break the file's own limits (max_length, max_sum_points…).
        #[arg(long)]
        strict: bool,
    },
}

/// Runs a `pb` subcommand.
pub fn run(cmd: PbCommand) -> Result<()> {
    let result = match cmd {
        PbCommand::Count {
            file,
            rule,
            json,
            explain,
        } => run_count(&file, &rule, json, explain.as_deref()),
        PbCommand::Check { file, strict } => run_check(&file, strict),
    };
    flush_output()?;
    result
}

fn load(file: &Path, strict: bool) -> Result<PbInstance> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    pb::parse_bytes_with(
        &bytes,
        pb::ParseOptions {
            strict_limits: strict,
        },
    )
    .map_err(|e| anyhow!("{}:{}: {} [{}]", file.display(), e.line, e.kind, e.code()))
}

/// Money as expected.json writes it: a whole number of złoty, or an exact decimal string.
fn money_json(m: Money) -> Value {
    if m.grosze() % 100 == 0 {
        json!(m.grosze() / 100)
    } else {
        json!(m.to_plain())
    }
}

fn run_count(file: &Path, rule: &str, as_json: bool, explain: Option<&str>) -> Result<()> {
    let inst = load(file, false)?;
    let outcome = if rule.trim().eq_ignore_ascii_case("file") {
        count_file_rule(&inst)
    } else {
        let r = Rule::parse(rule).ok_or_else(|| {
            anyhow!(
                "unknown rule `{rule}`; expected one of: {}, greedy-borda, mes-borda, file",
                Rule::ALL.map(|r| r.name()).join(", ")
            )
        })?;
        count(&inst, r)
    }
    .map_err(|e| anyhow!("{} [{}]", e, e.code()))?;
    let votes = inst.point_totals();

    if let Some(id) = explain {
        let idx = inst
            .projects
            .iter()
            .position(|p| p.id == id)
            .ok_or_else(|| anyhow!("no project with id `{id}` in {}", file.display()))?;
        let e = outcome
            .explanation(idx as u32)
            .ok_or_else(|| anyhow!("no explanation for `{id}`"))?;
        if as_json {
            let v = json!({
                "rule": outcome.rule.name(),
                "project": id,
                "funded": e.funded,
                "explanation": e.text,
            });
            println!("{}", serde_json::to_string_pretty(&v)?);
        } else {
            let p = &inst.projects[idx];
            println!("{} — {} ({})", p.id, p.name, p.cost);
            println!("{}", e.text);
        }
        return Ok(());
    }

    if as_json {
        println!(
            "{}",
            serde_json::to_string_pretty(&outcome_json(&inst, &outcome, &votes))?
        );
        return Ok(());
    }
    print_text(file, &inst, &outcome, &votes);
    Ok(())
}

fn outcome_json(inst: &PbInstance, outcome: &Outcome, votes: &[i64]) -> Value {
    let projects: Vec<Value> = outcome
        .explanations
        .iter()
        .map(|e| {
            let p = &inst.projects[e.project as usize];
            json!({
                "id": p.id,
                "name": p.name,
                "cost": money_json(p.cost),
                "votes": votes[e.project as usize],
                "funded": e.funded,
                "explanation": e.text,
            })
        })
        .collect();
    let ties: Vec<Value> = outcome
        .ties
        .iter()
        .map(|t| {
            json!({
                "projects": t.projects.iter().map(|&p| inst.projects[p as usize].id.clone()).collect::<Vec<_>>(),
                "explanation": t.text,
            })
        })
        .collect();
    json!({
        "rule": outcome.rule.name(),
        "file_rule": inst.file_rule(),
        "vote_type": inst.vote_type.as_str(),
        "winners": outcome.winner_ids(inst),
        "total_cost": money_json(outcome.total_cost),
        "budget": money_json(outcome.budget),
        "budget_left": money_json(outcome.budget_left()),
        "total_cost_grosze": outcome.total_cost.grosze(),
        "budget_grosze": outcome.budget.grosze(),
        "voters": inst.ballots.len(),
        "tie_breaks": ties,
        "notes": outcome.notes,
        "projects": projects,
    })
}

fn print_text(file: &Path, inst: &PbInstance, outcome: &Outcome, votes: &[i64]) {
    let title = inst
        .meta_value("description")
        .map(str::to_string)
        .unwrap_or_else(|| file.display().to_string());
    println!("{title}");
    println!(
        "rule: {}   budget: {}   voters: {}",
        outcome.rule.name(),
        outcome.budget,
        group_thousands(inst.ballots.len() as u64)
    );
    println!();
    println!("Winners ({}):", outcome.selected.len());
    let id_w = outcome
        .selected
        .iter()
        .map(|&p| inst.projects[p as usize].id.chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    println!("  {:<id_w$}  {:>16}  {:>9}  name", "id", "cost", "votes");
    for &p in &outcome.selected {
        let pr = &inst.projects[p as usize];
        let name: String = pr.name.chars().take(70).collect();
        println!(
            "  {:<id_w$}  {:>16}  {:>9}  {}",
            pr.id,
            pr.cost.to_string(),
            group_thousands(votes[p as usize].max(0) as u64),
            name
        );
    }
    println!();
    println!("total cost: {}", outcome.total_cost);
    println!("budget left: {}", outcome.budget_left());
    for n in &outcome.notes {
        println!("note: {n}");
    }
    for t in &outcome.ties {
        println!("tie: {}", t.text);
    }
    println!();
    println!("Why:");
    for e in &outcome.explanations {
        let pr = &inst.projects[e.project as usize];
        println!("  {}: {}", pr.id, e.text);
    }
}

fn run_check(file: &Path, strict: bool) -> Result<()> {
    let inst = load(file, strict)?;
    let votes = inst.approval_counts();
    println!("{}: OK", file.display());
    if let Some(d) = inst.meta_value("description") {
        println!("description: {d}");
    }
    println!("vote type: {}", inst.vote_type.as_str());
    println!("budget: {}", inst.budget);
    println!(
        "projects: {} (total cost {})",
        inst.projects.len(),
        Money(
            inst.projects
                .iter()
                .map(|p| p.cost.grosze())
                .fold(0i64, i64::saturating_add)
        )
    );
    println!("voters: {}", group_thousands(inst.ballots.len() as u64));
    let ballots_with_votes = inst
        .ballots
        .iter()
        .filter(|b| !b.projects.is_empty())
        .count();
    println!(
        "ballots with at least one project: {}",
        group_thousands(ballots_with_votes as u64)
    );
    let unsupported = votes.iter().filter(|&&v| v == 0).count();
    if unsupported > 0 {
        println!("projects nobody voted for: {unsupported}");
    }
    println!("rule in file: {}", inst.file_rule().unwrap_or("(none)"));
    let l = &inst.limits;
    let mut limits = Vec::new();
    if let Some(v) = l.min_length {
        limits.push(format!("min_length={v}"));
    }
    if let Some(v) = l.max_length {
        limits.push(format!("max_length={v}"));
    }
    if let Some(v) = l.min_sum_points {
        limits.push(format!("min_sum_points={v}"));
    }
    if let Some(v) = l.max_sum_points {
        limits.push(format!("max_sum_points={v}"));
    }
    if let Some(v) = l.min_points {
        limits.push(format!("min_points={v}"));
    }
    if let Some(v) = l.max_points {
        limits.push(format!("max_points={v}"));
    }
    if let Some(v) = l.min_sum_cost {
        limits.push(format!("min_sum_cost={}", v.to_plain()));
    }
    if let Some(v) = l.max_sum_cost {
        limits.push(format!("max_sum_cost={}", v.to_plain()));
    }
    if let Some(v) = l.min_project_score_threshold {
        limits.push(format!("min_project_score_threshold={v}"));
    }
    if !limits.is_empty() {
        println!("limits: {}", limits.join(", "));
    }
    for (key, n) in [
        ("num_projects", inst.projects.len()),
        ("num_votes", inst.ballots.len()),
    ] {
        if let Some(v) = inst.meta_value(key) {
            if v.trim().parse::<usize>().ok() != Some(n) {
                println!("warning: META {key}={v} but the file has {n}");
            }
        }
    }
    if let Some(sel) = inst.city_selected() {
        let cost: i64 = inst
            .projects
            .iter()
            .filter(|p| sel.contains(&p.id))
            .map(|p| p.cost.grosze())
            .fold(0i64, i64::saturating_add);
        println!(
            "selected by the city: {} projects, {}",
            sel.len(),
            Money(cost)
        );
    }
    if !inst.limit_violations.is_empty() {
        println!(
            "warning: {} ballots break the file's own limits (kept; use --strict to reject):",
            inst.limit_violations.len()
        );
        for v in inst.limit_violations.iter().take(10) {
            println!("  line {}: {}", v.line, v.kind);
        }
        if inst.limit_violations.len() > 10 {
            println!("  …");
        }
    }
    if strict && !inst.limit_violations.is_empty() {
        bail!("{} breaks its own limits", file.display());
    }
    Ok(())
}
