//! Times parsing and every rule on the pabulib files:
//! `cargo run --release -p wspolnota-domain --example bench_pb -- [DIR or FILES…]`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::time::Instant;
use wspolnota_domain::pb::{count, parse_bytes, Rule, VoteType};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut files: Vec<PathBuf> = Vec::new();
    let default_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/pabulib");
    let inputs = if args.is_empty() {
        vec![default_dir.to_string_lossy().to_string()]
    } else {
        args
    };
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
    println!("file\tvoters\tparse_ms\trule\trule_ms\twinners\ttotal_cost");
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let t0 = Instant::now();
        let inst = parse_bytes(&bytes).unwrap();
        let parse = t0.elapsed();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        for rule in Rule::ALL {
            if rule == Rule::GreedyThreshold && inst.limits.min_project_score_threshold.is_none() {
                continue;
            }
            if inst.vote_type == VoteType::Ordinal
                && !matches!(rule, Rule::Greedy | Rule::GreedyCard | Rule::MesCard)
            {
                continue;
            }
            let t1 = Instant::now();
            let out = count(&inst, rule).unwrap();
            let dt = t1.elapsed();
            println!(
                "{name}\t{}\t{:.2}\t{}\t{:.2}\t{}\t{}",
                inst.ballots.len(),
                parse.as_secs_f64() * 1e3,
                rule.name(),
                dt.as_secs_f64() * 1e3,
                out.selected.len(),
                out.total_cost.to_plain()
            );
        }
    }
}
