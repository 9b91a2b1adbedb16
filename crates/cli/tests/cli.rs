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
