//! `wspolnota pb` on a real election file: the JSON output reproduces the
//! reference winners, and a broken file is a clear error with its line number.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_wspolnota");

fn pabulib(file: &str) -> String {
    format!(
        "{}/../../tests/data/pabulib/{file}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn json_winners_match_the_reference_on_anin_2019() {
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(pabulib("expected.json")).unwrap()).unwrap();
    let instance = &expected["instances"]["Poland_Warszawa_2019_Anin.pb"];
    assert!(instance.is_object(), "the reference has Anin");
    for (reference, ours) in [
        ("greedy_cost", "greedy"),
        ("greedy_card", "greedy-card"),
        ("mes_cost", "mes-cost"),
        ("mes_cost_add1_greedy", "mes-cost-add1"),
        ("mes_card", "mes-card"),
    ] {
        let out = Command::new(BIN)
            .args(["pb", "count"])
            .arg(pabulib("Poland_Warszawa_2019_Anin.pb"))
            .args(["--rule", ours, "--json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{ours}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(got["rule"], ours);
        // In the reference's order: numeric when every id is a number, else as text.
        let want: Vec<String> = instance["rules"][reference]["winners"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap().to_string())
            .collect();
        let winners: Vec<String> = got["winners"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap().to_string())
            .collect();
        assert_eq!(winners, want, "{ours}");
        assert_eq!(
            got["total_cost"], instance["rules"][reference]["cost"],
            "{ours}"
        );
        assert!(got["budget"].is_number() || got["budget"].is_string());
    }
}

#[test]
fn text_output_explains_and_check_summarises() {
    let out = Command::new(BIN)
        .args(["pb", "count"])
        .arg(pabulib("Poland_Warszawa_2019_Anin.pb"))
        .args(["--rule", "greedy"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!out.stdout.is_empty());
    let out = Command::new(BIN)
        .args(["pb", "check"])
        .arg(pabulib("Poland_Warszawa_2019_Anin.pb"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("457"),
        "the number of voters"
    );
}

#[test]
fn a_broken_file_names_its_line() {
    let dir = std::env::temp_dir().join(format!("wspolnota-pb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.pb");
    std::fs::write(&file, "META\nkey;value\nbudget;1000\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;100\nVOTES\nvoter_id;vote\nv1;1,7\n").unwrap();
    let out = Command::new(BIN)
        .args(["pb", "count"])
        .arg(&file)
        .args(["--rule", "greedy"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(":10:"), "line number: {err}");
    let out = Command::new(BIN)
        .args(["pb", "count"])
        .arg(&file)
        .args(["--rule", "lottery"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    let mut child = Command::new(BIN)
        .args(["pb", "count"])
        .arg(pabulib("Poland_Warszawa_2019_Anin.pb"))
        .args(["--rule", "greedy"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Close our end of the pipe before the command writes, as `| head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.status.success(), "{err}");
}
