//! A load generator for `scripts/bench-vote` and `scripts/crash-vote`: casts one
//! ballot per printed voting code over real HTTP/1.1 keep-alive connections, and
//! records latencies and the receipts returned.
//!
//! vote_load ADDR ROUND POOL PROJECT CODES_FILE CONNECTIONS RECEIPTS_OUT
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const CSRF: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

struct Shared {
    codes: Vec<String>,
    next: AtomicUsize,
    latencies_us: Mutex<Vec<u64>>,
    receipts: Mutex<Vec<String>>,
    errors: AtomicUsize,
    refused: AtomicUsize,
}

async fn one(
    stream: &mut BufReader<TcpStream>,
    addr: &str,
    path: &str,
    body: &str,
) -> std::io::Result<(u16, String)> {
    let req = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
         Cookie: wsp_csrf={CSRF}\r\nX-CSRF-Token: {CSRF}\r\nConnection: keep-alive\r\n\r\n{body}",
        body.len()
    );
    stream.get_mut().write_all(req.as_bytes()).await?;
    let mut line = String::new();
    stream.read_line(&mut line).await?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("bad status line"))?;
    let mut length = 0usize;
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            return Err(std::io::Error::other("connection closed"));
        }
        if line == "\r\n" {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut buf = vec![0u8; length];
    stream.read_exact(&mut buf).await?;
    Ok((status, String::from_utf8_lossy(&buf).into_owned()))
}

async fn worker(shared: Arc<Shared>, addr: String, path: String, project: i64) {
    let mut conn: Option<BufReader<TcpStream>> = None;
    loop {
        let i = shared.next.fetch_add(1, Ordering::Relaxed);
        let Some(code) = shared.codes.get(i) else {
            return;
        };
        if conn.is_none() {
            match TcpStream::connect(&addr).await {
                Ok(s) => {
                    let _ = s.set_nodelay(true);
                    conn = Some(BufReader::new(s));
                }
                Err(_) => {
                    shared.errors.fetch_add(1, Ordering::Relaxed);
                    tokio::time::sleep(Duration::from_millis(5)).await;
                    continue;
                }
            }
        }
        let body = format!(r#"{{"choices":[{{"project":{project}}}],"code":"{code}"}}"#);
        let start = Instant::now();
        let result = match conn.as_mut() {
            Some(c) => one(c, &addr, &path, &body).await,
            None => continue,
        };
        match result {
            Ok((201, text)) => {
                shared
                    .latencies_us
                    .lock()
                    .unwrap()
                    .push(start.elapsed().as_micros() as u64);
                let receipt = text
                    .split("\"receipt\":\"")
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                    .unwrap_or("")
                    .to_string();
                shared.receipts.lock().unwrap().push(receipt);
            }
            Ok(_) => {
                shared.refused.fetch_add(1, Ordering::Relaxed);
            }
            Err(_) => {
                // The server went away (or closed the connection): count it and reconnect.
                shared.errors.fetch_add(1, Ordering::Relaxed);
                conn = None;
            }
        }
    }
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 8 {
        eprintln!("usage: vote_load ADDR ROUND POOL PROJECT CODES_FILE CONNECTIONS RECEIPTS_OUT");
        std::process::exit(2);
    }
    let (addr, round, pool, project) = (
        args[1].clone(),
        &args[2],
        &args[3],
        args[4].parse::<i64>().expect("project id"),
    );
    let codes: Vec<String> = std::fs::read_to_string(&args[5])
        .expect("codes file")
        .lines()
        .map(str::to_string)
        .filter(|l| !l.is_empty())
        .collect();
    let connections: usize = args[6].parse().expect("connections");
    let shared = Arc::new(Shared {
        codes,
        next: AtomicUsize::new(0),
        latencies_us: Mutex::new(Vec::new()),
        receipts: Mutex::new(Vec::new()),
        errors: AtomicUsize::new(0),
        refused: AtomicUsize::new(0),
    });
    let path = format!("/api/v1/budget/rounds/{round}/pools/{pool}/ballots");
    let start = Instant::now();
    let tasks: Vec<_> = (0..connections)
        .map(|_| tokio::spawn(worker(shared.clone(), addr.clone(), path.clone(), project)))
        .collect();
    for t in tasks {
        let _ = t.await;
    }
    let secs = start.elapsed().as_secs_f64();
    let mut lat = shared.latencies_us.lock().unwrap().clone();
    lat.sort_unstable();
    let receipts = shared.receipts.lock().unwrap().clone();
    std::fs::write(&args[7], receipts.join("\n") + "\n").expect("write receipts");
    println!(
        "{{\"ballots\":{},\"seconds\":{:.3},\"ballots_per_s\":{:.0},\"p50_ms\":{:.2},\"p99_ms\":{:.2},\"errors\":{},\"refused\":{}}}",
        receipts.len(),
        secs,
        receipts.len() as f64 / secs,
        percentile(&lat, 0.50),
        percentile(&lat, 0.99),
        shared.errors.load(Ordering::Relaxed),
        shared.refused.load(Ordering::Relaxed)
    );
}
