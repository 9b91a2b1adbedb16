//! Times parsing and every rule on pabulib files and compares with the pabutools timings in
//! `expected.json` (when it sits beside the files). Used by `scripts/bench-pb`.
//!
//! `cargo run --release -p wspolnota-domain --example bench_pb -- [--repeat N] [DIR | FILES…]`
//!
//! Times are the best of N runs (default 3). The speed-up is pabutools' rule time (parse not
//! included) divided by our parse + rule time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use wspolnota_domain::pb::{count, parse_bytes, PbInstance, Rule, VoteType};

fn best_of<T>(n: usize, mut f: impl FnMut() -> T) -> (T, Duration) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..n.max(1) {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed());
        out = Some(r);
    }
    (out.unwrap(), best)
}

fn rules_for(inst: &PbInstance) -> Vec<(Rule, &'static str)> {
    if inst.vote_type == VoteType::Ordinal {
        return vec![
            (Rule::Greedy, ""),
            (Rule::GreedyCard, "greedy_borda"),
            (Rule::MesCard, "mes_borda"),
        ];
    }
    let mut v = vec![
        (Rule::Greedy, "greedy_cost"),
        (Rule::GreedyNoSkip, ""),
        (Rule::GreedyThreshold, ""),
        (Rule::GreedyCard, "greedy_card"),
        (Rule::MesCost, "mes_cost"),
        (Rule::MesCard, "mes_card"),
        (Rule::MesCostAdd1, "mes_cost_add1_greedy"),
        (Rule::MesCostAdd1Budget, ""),
    ];
    if inst.limits.min_project_score_threshold.is_none() {
        v.retain(|(r, _)| *r != Rule::GreedyThreshold);
    }
    v
}

fn peak_rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut repeat = 3usize;
    if let Some(i) = args.iter().position(|a| a == "--repeat") {
        repeat = args.get(i + 1).and_then(|s| s.parse().ok()).unwrap_or(3);
        args.drain(i..(i + 2).min(args.len()));
    }
    let default_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/pabulib");
    let inputs = if args.is_empty() {
        vec![default_dir.to_string_lossy().to_string()]
    } else {
        args
    };
    let mut files: Vec<PathBuf> = Vec::new();
    for a in inputs {
        let p = PathBuf::from(&a);
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(&p)
                .unwrap()
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().map(|e| e == "pb").unwrap_or(false))
                .collect();
            v.sort_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0));
            files.extend(v);
        } else {
            files.push(p);
        }
    }
    println!("| file | voters | parse ms | rule | rule ms | parse+rule ms | pabutools s | speed-up | same winners |");
    println!("|---|---:|---:|---|---:|---:|---:|---:|---|");
    let mut worst_add1: Option<(f64, String)> = None;
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let (inst, parse) = best_of(repeat, || parse_bytes(&bytes).unwrap());
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let expected = f
            .parent()
            .map(|d| d.join("expected.json"))
            .filter(|p| p.exists())
            .and_then(|p| read_expected(&p, &name));
        for (rule, pabu_name) in rules_for(&inst) {
            let (out, dt) = best_of(repeat, || count(&inst, rule).unwrap());
            let total = parse + dt;
            let reference = expected.as_ref().and_then(|e| e["rules"].get(pabu_name));
            let (pabu_s, ratio, same) = match reference {
                Some(r) => {
                    let s = r["seconds"].as_f64().unwrap_or(f64::NAN);
                    let want: Vec<String> = r["winners"]
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .map(|x| x.as_str().unwrap_or("").to_string())
                                .collect()
                        })
                        .unwrap_or_default();
                    let same = if out.winner_ids(&inst) == want {
                        "yes"
                    } else {
                        "NO"
                    };
                    let ratio = s / total.as_secs_f64();
                    (format!("{s:.3}"), format!("{ratio:.0}×"), same)
                }
                None => ("".to_string(), "".to_string(), ""),
            };
            if rule == Rule::MesCostAdd1 {
                if let Some(r) = reference {
                    let ratio = r["seconds"].as_f64().unwrap_or(0.0) / total.as_secs_f64();
                    if worst_add1.as_ref().map(|(w, _)| ratio < *w).unwrap_or(true) {
                        worst_add1 = Some((ratio, name.clone()));
                    }
                }
            }
            println!(
                "| {name} | {} | {:.2} | {} | {:.2} | {:.2} | {pabu_s} | {ratio} | {same} |",
                inst.ballots.len(),
                parse.as_secs_f64() * 1e3,
                rule.name(),
                dt.as_secs_f64() * 1e3,
                total.as_secs_f64() * 1e3,
            );
        }
    }
    if let Some((r, n)) = worst_add1 {
        println!();
        println!("smallest MES+Add1 speed-up (parse included): {r:.0}× on {n}");
    }
    if let Some(kib) = peak_rss_kib() {
        println!("peak memory (VmHWM): {:.1} MiB", kib as f64 / 1024.0);
    }
}

fn read_expected(path: &Path, name: &str) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(path).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v["instances"].get(name).cloned()
}
