//! The binary itself over real HTTP: start, serve, refuse a second start on the
//! same database, back up while running, shut down gracefully.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_wspolnota");

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("wspolnota-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Starts `serve --demo` on a free port and returns the child and its address.
fn start(data: &PathBuf) -> (Child, String) {
    let mut child = Command::new(BIN)
        .args(["serve", "--demo", "--bind", "127.0.0.1:0", "--data-dir"])
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let addr = loop {
        let line = lines.next().expect("server printed its address").unwrap();
        if let Some(rest) = line.strip_prefix("Wspólnota listens on http://") {
            break rest.trim().to_string();
        }
    };
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (child, addr)
}

fn http_get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, out)
}

fn terminate(child: &mut Child) -> std::process::ExitStatus {
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    child.wait().unwrap()
}

#[test]
fn serves_demo_refuses_a_second_start_backs_up_and_stops_gracefully() {
    let data = temp_dir("serve");
    let (mut server, addr) = start(&data);
    let (status, body) = http_get(&addr, "/healthz");
    assert_eq!(status, 200);
    assert!(body.ends_with("ok\n"));
    let (status, body) = http_get(&addr, "/wspolnoty/koalicja-dla-sasiedztw");
    assert_eq!(status, 200);
    assert!(body.contains("miasto to my"));
    let (status, body) = http_get(&addr, "/metrics");
    assert_eq!(status, 200);
    assert!(body.contains("wspolnota_http_requests_total{class=\"2xx\"}"));

    // A second server on the same database refuses to start, with a clear message.
    let second = Command::new(BIN)
        .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(!second.status.success());
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(
        err.contains("already in use by another Wspólnota server"),
        "{err}"
    );

    // A consistent copy while it runs.
    let copy = data.join("copy.db");
    let out = Command::new(BIN)
        .args(["backup", "--data-dir"])
        .arg(&data)
        .arg("--out")
        .arg(&copy)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(BIN)
        .args(["backup", "--data-dir"])
        .arg(&data)
        .arg("--out")
        .arg(&copy)
        .output()
        .unwrap();
    assert!(!out.status.success(), "refuses to overwrite");

    let status = terminate(&mut server);
    assert!(
        status.success(),
        "graceful shutdown exits cleanly: {status:?}"
    );

    // The copy is a working database with the demo in it.
    let restored = temp_dir("restored");
    std::fs::copy(&copy, restored.join("wspolnota.db")).unwrap();
    let (mut again, addr) = start(&restored);
    let (status, body) = http_get(&addr, "/api/v1/spaces");
    assert_eq!(status, 200);
    assert!(body.contains("koalicja-dla-sasiedztw"));
    terminate(&mut again);
    let _ = std::fs::remove_dir_all(&data);
    let _ = std::fs::remove_dir_all(&restored);
}

#[test]
fn every_subcommand_has_help() {
    for args in [
        vec!["--help"],
        vec!["serve", "--help"],
        vec!["migrate", "--help"],
        vec!["backup", "--help"],
        vec!["config", "--help"],
        vec!["config", "example", "--help"],
        vec!["assembly", "recount", "--help"],
    ] {
        let out = Command::new(BIN).args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage"),
            "{args:?}"
        );
    }
}

#[test]
fn config_example_is_printed_and_loads() {
    let out = Command::new(BIN)
        .args(["config", "example"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[server]") && text.contains("[database]"));
    let dir = temp_dir("config");
    let file = dir.join("wspolnota.toml");
    std::fs::write(&file, &text).unwrap();
    let data = dir.join("data");
    let out = Command::new(BIN)
        .args(["migrate", "--config"])
        .arg(&file)
        .arg("--data-dir")
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(data.join("wspolnota.db").exists());
    std::fs::write(&file, "[server]\nbnid = 1\n").unwrap();
    let out = Command::new(BIN)
        .args(["migrate", "--config"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown field"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_wrong_database_url_is_a_clear_error() {
    let out = Command::new(BIN)
        .args(["migrate", "--database-url", "mysql://x"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unsupported database URL"));
}

fn run(args: &[&str], data: &PathBuf) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .output()
        .unwrap()
}

#[test]
fn an_assembly_is_recounted_from_the_console() {
    let data = temp_dir("recount");
    let (mut server, _) = start(&data);
    terminate(&mut server);
    let space = "spoldzielnia-rozwojowa-dabrowa-gornicza";
    // The demo's coming assembly has no votes yet: nothing differs.
    let out = run(
        &["assembly", "recount", "--space", space, "--meeting", "1"],
        &data,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 votes recounted, 0 differ"));
    for (space, meeting) in [(space, "999"), ("nie-ma", "1")] {
        let out = run(
            &[
                "assembly",
                "recount",
                "--space",
                space,
                "--meeting",
                meeting,
            ],
            &data,
        );
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("not_found"));
    }
}

#[test]
fn the_committee_counts_the_demo_round_from_the_console() {
    let data = temp_dir("committee");
    let (mut server, _) = start(&data);
    terminate(&mut server);
    // The instance secret was made on first start, for the owner's eyes only.
    let secret = data.join("instance.secret");
    assert_eq!(std::fs::read_to_string(&secret).unwrap().trim().len(), 64);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&secret).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "not readable by others: {mode:o}");
    }
    // A committee key made on a member's own computer: the public key and three parts.
    let out = Command::new(BIN)
        .args(["budget", "keygen", "--members", "3", "--threshold", "2"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[0].starts_with("wsp-pk1-"));
    assert!(lines[1..].iter().all(|l| l.starts_with("wsp-share1-2-")));
    // The demo's open round: find it by closing voting, then count with two parts.
    let round = (1..=5)
        .find(|r| {
            run(&["budget", "close", "--round", &r.to_string()], &data)
                .status
                .success()
        })
        .expect("the demo has a round open for voting");
    let shares = Command::new(BIN)
        .args(["budget", "demo-shares"])
        .output()
        .unwrap()
        .stdout;
    let parts = data.join("parts.txt");
    let two: Vec<&str> = std::str::from_utf8(&shares)
        .unwrap()
        .lines()
        .take(2)
        .collect();
    std::fs::write(&parts, two.join("\n")).unwrap();
    let one = data.join("one.txt");
    std::fs::write(&one, two[0]).unwrap();
    let refused = run(
        &["budget", "count", "--round", &round.to_string(), "--shares"],
        &data,
    );
    assert!(!refused.status.success(), "the shares file is required");
    let mut args = vec!["budget", "count", "--round"];
    let round_text = round.to_string();
    args.push(&round_text);
    args.push("--shares");
    let one_text = one.to_string_lossy().to_string();
    args.push(&one_text);
    let out = run(&args, &data);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("budget.wrong_key_shares"));
    let parts_text = parts.to_string_lossy().to_string();
    args.pop();
    args.push(&parts_text);
    let out = run(&args, &data);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let counted = String::from_utf8(out.stdout).unwrap();
    assert!(
        counted.lines().count() == 2 && counted.lines().all(|l| l.contains("voters=4")),
        "the demo's four voters in both pools: {counted}"
    );
    let _ = std::fs::remove_dir_all(&data);
}
