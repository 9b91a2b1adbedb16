//! A minimal SMTP relay on 127.0.0.1 for tests: it records every conversation and
//! accepts every message, except that it refuses for good (550) any recipient whose
//! address contains "odmowa".

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

pub struct SmtpSink {
    pub port: u16,
    log: Arc<Mutex<String>>,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let port = listener.local_addr().expect("its address").port();
        let log = Arc::new(Mutex::new(String::new()));
        let seen = log.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(out) = stream else { return };
                let seen = seen.clone();
                std::thread::spawn(move || converse(out, &seen));
            }
        });
        SmtpSink { port, log }
    }

    /// Everything the clients said, in the order it arrived.
    pub fn conversation(&self) -> String {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// The `RCPT TO` lines, lower-cased.
    pub fn recipients(&self) -> Vec<String> {
        self.conversation()
            .lines()
            .filter(|l| l.to_ascii_uppercase().starts_with("RCPT TO:"))
            .map(|l| l.trim().to_lowercase())
            .collect()
    }
}

fn converse(mut out: std::net::TcpStream, seen: &Mutex<String>) {
    let Ok(clone) = out.try_clone() else { return };
    let mut input = BufReader::new(clone);
    let _ = out.write_all(b"220 sink ESMTP\r\n");
    let mut in_data = false;
    let mut line = String::new();
    while input.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
        if let Ok(mut log) = seen.lock() {
            log.push_str(&line);
        }
        let upper = line.to_ascii_uppercase();
        let reply: &[u8] = if in_data {
            if line == ".\r\n" {
                in_data = false;
                b"250 queued\r\n"
            } else {
                b""
            }
        } else if upper.starts_with("EHLO") {
            b"250 sink\r\n"
        } else if upper.starts_with("RCPT") && upper.contains("ODMOWA") {
            b"550 no such mailbox\r\n"
        } else if upper.starts_with("DATA") {
            in_data = true;
            b"354 go on\r\n"
        } else if upper.starts_with("QUIT") {
            let _ = out.write_all(b"221 bye\r\n");
            break;
        } else {
            b"250 ok\r\n"
        };
        let _ = out.write_all(reply);
        line.clear();
    }
}
