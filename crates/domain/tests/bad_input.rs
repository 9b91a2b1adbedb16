//! Malformed `.pb` files give a clear error with a line number and never panic.
//!
//! `tests/corpus/` holds the hand-made bad files (listed with their expected error code and
//! line in `tests/corpus/EXPECTED`); the proptests below mutate them and throw random bytes
//! and random section-shaped text at the parser.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use std::path::PathBuf;
use wspolnota_domain::pb::{parse_bytes, parse_bytes_with, parse_str, write, ParseOptions};

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn corpus() -> Vec<(String, Vec<u8>, String, usize)> {
    let manifest = std::fs::read_to_string(corpus_dir().join("EXPECTED")).unwrap();
    manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut it = l.split_whitespace();
            let file = it.next().unwrap().to_string();
            let code = it.next().unwrap().to_string();
            let line: usize = it.next().unwrap().parse().unwrap();
            let bytes = std::fs::read(corpus_dir().join(&file)).unwrap();
            (file, bytes, code, line)
        })
        .collect()
}

const STRICT: ParseOptions = ParseOptions {
    strict_limits: true,
};

#[test]
fn every_corpus_file_gives_its_error_and_line() {
    let cases = corpus();
    assert!(cases.len() >= 25);
    let mut wrong = Vec::new();
    for (file, bytes, code, line) in cases {
        match parse_bytes_with(&bytes, STRICT) {
            Ok(inst) => {
                if code != "ok" {
                    wrong.push(format!("{file} parsed but should fail with {code}"));
                }
                // and it writes back to the same instance
                assert_eq!(parse_str(&write(&inst)).unwrap(), inst, "{file}");
            }
            Err(e) => {
                if e.code() != code || e.line != line {
                    wrong.push(format!(
                        "{file}: expected {code} at {line}, got {} at {}: {e}",
                        e.code(),
                        e.line
                    ));
                }
                let msg = e.to_string();
                assert!(msg.starts_with(&format!("line {}: ", e.line)), "{msg}");
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn limit_violations_are_kept_when_not_strict() {
    let bytes = std::fs::read(corpus_dir().join("ballot_too_long.pb")).unwrap();
    let inst = parse_bytes(&bytes).unwrap();
    assert_eq!(inst.limit_violations.len(), 1);
    assert_eq!(inst.limit_violations[0].line, 14);
    assert_eq!(inst.limit_violations[0].code(), "pb.parse.ballot_limit");
}

#[test]
fn a_huge_line_is_refused() {
    let mut text = String::from("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\n");
    text.push_str("project_id;cost;name\n1;10;");
    text.push_str(&"x".repeat(wspolnota_domain::pb::MAX_LINE_BYTES + 1));
    text.push('\n');
    let e = parse_str(&text).unwrap_err();
    assert_eq!(e.code(), "pb.parse.line_too_long");
    assert_eq!(e.line, 7);
}

#[test]
fn decimal_budget_is_exact() {
    let text = "META\nkey;value\nbudget;972679.04\nvote_type;approval\nPROJECTS\n\
                project_id;cost\n1;972679.04\n2;0.01\nVOTES\nvoter_id;vote\na;1,2\n";
    let inst = parse_str(text).unwrap();
    assert_eq!(inst.budget.grosze(), 97_267_904);
    let out = wspolnota_domain::pb::count(&inst, wspolnota_domain::pb::Rule::Greedy).unwrap();
    assert_eq!(out.winner_ids(&inst), vec!["1"]);
    assert_eq!(out.budget_left().grosze(), 0);
}

fn mutate(bytes: &[u8], ops: &[(u8, usize, u8)]) -> Vec<u8> {
    let mut v = bytes.to_vec();
    for &(kind, pos, byte) in ops {
        if v.is_empty() {
            v.push(byte);
            continue;
        }
        let p = pos % v.len();
        match kind % 4 {
            0 => {
                v.remove(p);
            }
            1 => v.insert(p, byte),
            2 => v[p] = byte,
            _ => {
                // duplicate a line-sized chunk
                let end = (p + 1 + (byte as usize)).min(v.len());
                let chunk = v[p..end].to_vec();
                v.splice(p..p, chunk);
            }
        }
    }
    v
}

const TOKENS: &[&str] = &[
    "META",
    "PROJECTS",
    "VOTES",
    "key;value",
    "budget;",
    "vote_type;",
    "approval",
    "cumulative",
    "ordinal",
    "scoring",
    "choose-1",
    "project_id;cost;name",
    "voter_id;vote",
    "voter_id;vote;points",
    ";",
    ",",
    "\"",
    "\"\"",
    "1",
    "2",
    "-3",
    "4.5",
    "1e9",
    "99999999999999999999",
    "\n",
    "\r\n",
    "min_length;",
    "max_length;",
    "max_sum_points;",
    "max_sum_cost;",
    "ą",
    " ",
    "none",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_bytes(&bytes);
        let _ = parse_bytes_with(&bytes, STRICT);
    }

    #[test]
    fn random_token_soup_never_panics(toks in proptest::collection::vec(0..TOKENS.len(), 0..120)) {
        let text: String = toks.iter().map(|&i| TOKENS[i]).collect();
        match parse_str(&text) {
            Ok(inst) => {
                // whatever parses also writes back to itself
                prop_assert_eq!(parse_str(&write(&inst)).unwrap(), inst);
            }
            Err(e) => prop_assert!(e.line >= 1),
        }
    }

    #[test]
    fn mutated_corpus_files_never_panic(
        which in 0usize..64,
        ops in proptest::collection::vec((any::<u8>(), any::<usize>(), any::<u8>()), 1..6),
    ) {
        let cases = corpus();
        let (_, bytes, _, _) = &cases[which % cases.len()];
        let m = mutate(bytes, &ops);
        if let Ok(inst) = parse_bytes(&m) {
            for rule in wspolnota_domain::pb::Rule::ALL {
                if let Ok(out) = wspolnota_domain::pb::count(&inst, rule) {
                    prop_assert!(out.total_cost <= out.budget);
                }
            }
        } else if let Err(e) = parse_bytes(&m) {
            let lines = m.iter().filter(|&&b| b == b'\n').count() + 1;
            prop_assert!(e.line >= 1 && e.line <= lines, "line {} of {}", e.line, lines);
        }
    }
}

/// A budget far beyond what MES can spend would make Add1 raise the shares almost forever;
/// the raises are capped and the cap is reported.
#[test]
fn add1_terminates_on_an_absurd_budget() {
    let mut text = String::from(
        "META\nkey;value\nbudget;1000000000100\nvote_type;approval\n\
         PROJECTS\nproject_id;cost\nbig;1000000000000\nsmall;10\nVOTES\nvoter_id;vote\n1;big\n",
    );
    for v in 2..1000 {
        text.push_str(&format!("{v};small\n"));
    }
    let inst = parse_str(&text).unwrap();
    let t = std::time::Instant::now();
    let out = wspolnota_domain::pb::count(&inst, wspolnota_domain::pb::Rule::MesCostAdd1).unwrap();
    assert!(out.total_cost <= out.budget);
    assert!(
        out.notes.iter().any(|n| n.contains("limit")),
        "{:?}",
        out.notes
    );
    assert!(t.elapsed().as_secs() < 60);
}
