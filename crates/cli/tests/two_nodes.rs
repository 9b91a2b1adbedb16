//! Two web nodes on one PostgreSQL, as behind a load balancer, over real HTTP: a
//! session made on one works on the other, ballots cast through both are each counted
//! once, and mail queued through both reaches every address exactly once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use wspolnota_testkit::smtp::SmtpSink;
use wspolnota_testkit::{Backend, TestDb};

const BIN: &str = env!("CARGO_BIN_EXE_wspolnota");
const CSRF: &str = "abababababababababababababababababababababababababababababababab";

struct Node(Child, String);

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("wspolnota-nodes-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn start(config: &Path, url: &str, demo: bool) -> Node {
    let mut cmd = Command::new(BIN);
    cmd.arg("serve").args(["--config"]).arg(config).args([
        "--bind",
        "127.0.0.1:0",
        "--database-url",
        url,
    ]);
    if demo {
        cmd.arg("--demo");
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("the node printed its address").unwrap();
        if let Some(rest) = line.strip_prefix("Wspólnota listens on http://") {
            break rest.trim().to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    Node(child, addr)
}

struct Answer {
    status: u16,
    head: String,
    body: String,
}

fn http(addr: &str, method: &str, path: &str, cookie: &str, body: &str, kind: &str) -> Answer {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nCookie: wsp_csrf={CSRF}; {cookie}\r\n\
         X-CSRF-Token: {CSRF}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let (head, body) = out.split_once("\r\n\r\n").unwrap_or((&out, ""));
    Answer {
        status: head.split_whitespace().nth(1).unwrap().parse().unwrap(),
        head: head.to_string(),
        body: body.to_string(),
    }
}

fn form(addr: &str, path: &str, cookie: &str, fields: &[(&str, &str)]) -> Answer {
    let mut all = vec![("csrf", CSRF)];
    all.extend_from_slice(fields);
    let body = serde_urlencoded::to_string(&all).unwrap();
    http(
        addr,
        "POST",
        path,
        cookie,
        &body,
        "application/x-www-form-urlencoded",
    )
}

fn cli(args: &[&str]) -> String {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn session_cookie(head: &str) -> String {
    head.lines()
        .filter_map(|l| l.strip_prefix("set-cookie: "))
        .find(|c| c.starts_with("wsp_session="))
        .and_then(|c| c.split(';').next())
        .expect("a session cookie")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_nodes_share_one_postgresql() {
    let db = TestDb::new(Backend::Postgres).await;
    let dir = temp_dir("shared");
    let sink = SmtpSink::start();
    let smtp_port = sink.port;
    let config = dir.join("wspolnota.toml");
    std::fs::write(
        &config,
        format!(
            "[database]\ndata_dir = \"{d}\"\n[mail]\nsmtp_host = \"127.0.0.1\"\nsmtp_port = {smtp_port}\n\
             smtp_security = \"plain\"\n[security]\nsecret_file = \"{d}/instance.secret\"\n",
            d = dir.display()
        ),
    )
    .unwrap();
    // The demo data is loaded once; then two nodes serve it, with real mail.
    drop(start(&config, &db.url, true));
    let a = start(&config, &db.url, false);
    let b = start(&config, &db.url, false);

    // A session made on one node works on the other.
    let login = form(
        &a.1,
        "/konto/logowanie",
        "",
        &[
            ("email", "admin@wspolnota.demo"),
            ("password", wspolnota_app::demo::DEMO_PASSWORD),
        ],
    );
    assert_eq!(login.status, 303, "{}", login.body);
    let session = session_cookie(&login.head);
    let me = http(&b.1, "GET", "/api/v1/me", &session, "", "text/plain");
    assert_eq!(me.status, 200, "{}", me.body);
    assert!(me.body.contains("admin@wspolnota.demo"));

    // Ballots cast through both nodes are each counted once.
    let round: serde_json::Value = (1..10)
        .map(|id| {
            http(
                &a.1,
                "GET",
                &format!("/api/v1/budget/rounds/{id}"),
                "",
                "",
                "text/plain",
            )
        })
        .filter(|r| r.status == 200)
        .map(|r| serde_json::from_str::<serde_json::Value>(&r.body).unwrap())
        .find(|r| r["phase"] == "voting")
        .expect("the demo has a round open for voting");
    let round_id = round["id"].as_i64().unwrap();
    let pool = round["pools"][0]["id"].as_i64().unwrap();
    let proposals: serde_json::Value = serde_json::from_str(
        &http(
            &a.1,
            "GET",
            &format!("/api/v1/budget/rounds/{round_id}/proposals"),
            "",
            "",
            "text/plain",
        )
        .body,
    )
    .unwrap();
    let list = proposals
        .as_array()
        .or_else(|| proposals["items"].as_array())
        .expect("a list of proposals");
    let project = list
        .iter()
        .find(|p| p["pool_id"] == pool && p["status"] == "accepted")
        .expect("an accepted proposal on the pool")["id"]
        .as_i64()
        .unwrap();
    let persons = dir.join("persons.txt");
    std::fs::write(
        &persons,
        (1..=40)
            .map(|i| format!("Mieszkaniec {i};ul. Węzłowa {i}, Konin\n"))
            .collect::<String>(),
    )
    .unwrap();
    let round_arg = round_id.to_string();
    let codes = cli(&[
        "budget",
        "desk-codes",
        "--round",
        &round_arg,
        "--database-url",
        &db.url,
        persons.to_str().unwrap(),
    ]);
    let codes: Vec<&str> = codes.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(codes.len(), 40);
    let path = format!("/api/v1/budget/rounds/{round_id}/pools/{pool}/ballots");
    for (i, line) in codes.iter().enumerate() {
        let code = line.split(';').next_back().unwrap().trim();
        let node = if i % 2 == 0 { &a.1 } else { &b.1 };
        let body = format!(r#"{{"choices":[{{"project":{project}}}],"code":"{code}"}}"#);
        let r = http(node, "POST", &path, "", &body, "application/json");
        assert_eq!(r.status, 201, "ballot {i}: {}", r.body);
        // The same code again, through the other node, is refused.
        let other = if i % 2 == 0 { &b.1 } else { &a.1 };
        let again = http(other, "POST", &path, "", &body, "application/json");
        assert!(again.status >= 400 && again.status < 500, "{}", again.body);
    }
    let pool_arg = pool.to_string();
    let tally = cli(&[
        "budget",
        "tally",
        "--pool",
        &pool_arg,
        "--database-url",
        &db.url,
    ]);
    let voters_before = tally
        .split("voters=")
        .nth(1)
        .and_then(|v| v.trim().parse::<i64>().ok())
        .unwrap();
    cli(&[
        "budget",
        "close",
        "--round",
        &round_arg,
        "--database-url",
        &db.url,
    ]);
    let shares = cli(&["budget", "demo-shares"]);
    let shares_file = dir.join("shares.txt");
    std::fs::write(
        &shares_file,
        shares.lines().take(2).collect::<Vec<_>>().join("\n"),
    )
    .unwrap();
    cli(&[
        "budget",
        "count",
        "--round",
        &round_arg,
        "--shares",
        shares_file.to_str().unwrap(),
        "--database-url",
        &db.url,
    ]);
    let tally = cli(&[
        "budget",
        "tally",
        "--pool",
        &pool_arg,
        "--database-url",
        &db.url,
    ]);
    let ballots = tally
        .split("ballots=")
        .nth(1)
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse::<i64>().ok())
        .unwrap();
    assert_eq!(
        ballots, voters_before,
        "every voter's ballot, once: {tally}"
    );
    assert!(ballots >= 40);

    // Mail queued through both nodes goes out once per address, sent by whichever
    // node claims it first.
    for i in 0..6 {
        let node = if i % 2 == 0 { &a.1 } else { &b.1 };
        let email = format!("wezel{i}@example.pl");
        let r = form(
            node,
            "/konto/rejestracja",
            "",
            &[
                ("email", &email),
                ("password", "dlugie-haslo-123"),
                ("display_name", "Węzeł"),
            ],
        );
        assert_eq!(r.status, 303, "{}", r.body);
    }
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let mut c = db.store.read().await.unwrap();
        let unsent: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        if unsent == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "{unsent} mails still unsent");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let mut per_address: HashMap<String, usize> = HashMap::new();
    for r in sink.recipients() {
        *per_address.entry(r).or_default() += 1;
    }
    for i in 0..6 {
        let key = format!("rcpt to:<wezel{i}@example.pl>");
        assert_eq!(per_address.get(&key), Some(&1), "{key}: {per_address:?}");
    }
    drop((a, b));
    let _ = std::fs::remove_dir_all(&dir);
}
