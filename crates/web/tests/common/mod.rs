//! An in-process app on a throwaway database, driven through the real router.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use std::collections::HashMap;
use std::sync::Arc;
use tower::ServiceExt;
use wspolnota_app::{App, AppConfig, PasswordCost};
use wspolnota_domain::clock::FixedClock;
use wspolnota_domain::ids::UserId;
use wspolnota_store::users;
use wspolnota_testkit::{Backend, TestDb};

pub const PASSWORD: &str = "haslo-testowe-123";
pub const START: i64 = 1_780_000_000;

pub struct TestApp {
    pub router: Router,
    pub app: Arc<App>,
    pub clock: Arc<FixedClock>,
    pub db: TestDb,
}

/// A browser-like client: a cookie jar with its own CSRF cookie.
#[derive(Clone, Debug)]
pub struct Client {
    pub cookies: HashMap<String, String>,
    /// The address the server sees the client at, as a real socket would tell it.
    pub peer: std::net::SocketAddr,
}

impl Client {
    pub fn new() -> Client {
        let mut cookies = HashMap::new();
        cookies.insert("wsp_csrf".to_string(), "ab".repeat(32));
        Client {
            cookies,
            peer: std::net::SocketAddr::from(([192, 0, 2, 10], 40000)),
        }
    }

    pub fn csrf(&self) -> String {
        self.cookies.get("wsp_csrf").cloned().unwrap_or_default()
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

pub struct Resp {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn location(&self) -> String {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

impl TestApp {
    pub async fn new(backend: Backend) -> TestApp {
        TestApp::with_config(backend, |_| {}).await
    }

    /// A test app whose settings `adjust` changes first.
    pub async fn with_config(backend: Backend, adjust: impl FnOnce(&mut AppConfig)) -> TestApp {
        let db = TestDb::new(backend).await;
        let clock = Arc::new(FixedClock::at(START));
        let mut config = AppConfig {
            base_url: "http://test.local".into(),
            // Cheap argon2id parameters keep the suite quick; production uses the defaults.
            password_cost: PasswordCost {
                memory_kib: 64,
                iterations: 1,
            },
            // The tests follow links from the outbox, as a demonstration does.
            outbox_shows_links: true,
            ..AppConfig::default()
        };
        adjust(&mut config);
        let app = App::new(db.store.clone(), clock.clone(), config);
        let router = wspolnota_web::router(app.clone());
        TestApp {
            router,
            app,
            clock,
            db,
        }
    }

    pub async fn send(&self, client: &mut Client, mut req: Request<Body>) -> Resp {
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(client.peer));
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        for v in headers.get_all(header::SET_COOKIE) {
            let v = v.to_str().unwrap();
            let pair = v.split(';').next().unwrap();
            if let Some((k, val)) = pair.split_once('=') {
                if v.contains("Max-Age=0") {
                    client.cookies.remove(k);
                } else {
                    client.cookies.insert(k.to_string(), val.to_string());
                }
            }
        }
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Resp {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn get(&self, client: &mut Client, path: &str) -> Resp {
        let req = Request::get(path)
            .header(header::COOKIE, client.cookie_header())
            .body(Body::empty())
            .unwrap();
        self.send(client, req).await
    }

    pub async fn get_lang(&self, client: &mut Client, path: &str, accept_language: &str) -> Resp {
        let req = Request::get(path)
            .header(header::COOKIE, client.cookie_header())
            .header(header::ACCEPT_LANGUAGE, accept_language)
            .body(Body::empty())
            .unwrap();
        self.send(client, req).await
    }

    /// Posts a form with the client's CSRF token added.
    pub async fn post_form(
        &self,
        client: &mut Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Resp {
        let csrf = client.csrf();
        let mut all: Vec<(&str, &str)> = vec![("csrf", &csrf)];
        all.extend_from_slice(fields);
        self.post_raw_form(client, path, &all).await
    }

    /// Posts a form exactly as given (for forged or missing tokens).
    pub async fn post_raw_form(
        &self,
        client: &mut Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Resp {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let req = Request::post(path)
            .header(header::COOKIE, client.cookie_header())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(client, req).await
    }

    pub async fn delete(&self, client: &mut Client, path: &str) -> Resp {
        let req = Request::delete(path)
            .header(header::COOKIE, client.cookie_header())
            .header("x-csrf-token", client.csrf())
            .body(Body::empty())
            .unwrap();
        self.send(client, req).await
    }

    /// Posts a multipart form (a file upload) with the CSRF token in the address, as the
    /// upload forms do. `fields` are (name, file name if a file, bytes).
    pub async fn post_multipart(
        &self,
        client: &mut Client,
        path: &str,
        fields: &[(&str, Option<&str>, &[u8])],
    ) -> Resp {
        let boundary = "wspolnota-test-boundary";
        let mut body: Vec<u8> = Vec::new();
        for (name, file, bytes) in fields {
            body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            match file {
                Some(f) => body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
                ),
                None => body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes()),
            }
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let sep = if path.contains('?') { '&' } else { '?' };
        let req = Request::post(format!("{path}{sep}csrf={}", client.csrf()))
            .header(header::COOKIE, client.cookie_header())
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(body))
            .unwrap();
        self.send(client, req).await
    }

    pub async fn post_json(&self, client: &mut Client, path: &str, json: &str) -> Resp {
        let req = Request::post(path)
            .header(header::COOKIE, client.cookie_header())
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-csrf-token", client.csrf())
            .body(Body::from(json.to_string()))
            .unwrap();
        self.send(client, req).await
    }

    /// An account with a confirmed address, made directly in the store.
    pub async fn user(&self, email: &str, name: &str, platform_admin: bool) -> UserId {
        let hash =
            wspolnota_app::accounts::hash_password(self.app.config.password_cost, PASSWORD.into())
                .await
                .unwrap();
        let mut tx = self.db.store.begin().await.unwrap();
        let id = users::insert(
            &mut tx,
            &users::NewUser {
                email,
                password_hash: &hash,
                display_name: name,
                city: Some("Konin"),
                list_publicly: true,
                locale: None,
                is_platform_admin: platform_admin,
                confirmed: true,
            },
            self.app.now(),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        id
    }

    /// A client logged in as `email` through the login form.
    pub async fn login(&self, email: &str) -> Client {
        let mut c = Client::new();
        let r = self
            .post_form(
                &mut c,
                "/konto/logowanie",
                &[("email", email), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "login of {email} failed: {}",
            r.body
        );
        assert!(c.cookies.contains_key("wsp_session"));
        c
    }

    /// The path of the link in the newest mail to `to` in the outbox.
    pub async fn link_in_mail(&self, to: &str) -> String {
        let mails = self.app.recent_mail(50).await.unwrap();
        let mail = mails
            .iter()
            .find(|m| m.to == to)
            .expect("a mail to the address");
        let start = mail
            .body
            .find("http://test.local")
            .expect("a link in the mail");
        let rest = &mail.body[start..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        rest[..end]
            .trim_start_matches("http://test.local")
            .to_string()
    }

    pub async fn count(&self, table: &str) -> i64 {
        let mut c = self.db.store.read().await.unwrap();
        wspolnota_store::count_rows(&mut c, table).await.unwrap()
    }
}

/// A coalition space "koalicja" created by `admin`, with or without approval of members.
#[allow(dead_code)]
pub async fn coalition(t: &TestApp, admin: UserId, requires_approval: bool) {
    let subject = wspolnota_domain::access::Subject {
        user: Some(admin),
        platform_admin: true,
        ..wspolnota_domain::access::Subject::default()
    };
    let form = wspolnota_app::spaces::NewSpaceForm {
        name: "Koalicja Testowa".into(),
        slug: "koalicja".into(),
        kind: "coalition".into(),
        city: "Kraków".into(),
        description_md: "Opis **koalicji**".into(),
        requires_approval,
        document_title: "Deklaracja".into(),
        document_md: "Miasto to my.".into(),
        ..wspolnota_app::spaces::NewSpaceForm::default()
    };
    t.app.create_space(&subject, form).await.unwrap();
}

/// Whether a route belongs to the cooperative or to the bodies of a space, whose route ×
/// role table is `tests/coop_permissions.rs` (its roles are the cooperative's bodies).
#[allow(dead_code)]
pub fn is_coop_route(pattern: &str) -> bool {
    pattern.contains("/spoldzielnia")
        || pattern.starts_with("/wspolnoty/{slug}/organy")
        || pattern.starts_with("/wspolnoty/{slug}/zgromadzenia")
        || [
            "/members",
            "/declarations",
            "/shares",
            "/investments",
            "/assets",
            "/bodies",
            "/assemblies",
        ]
        .iter()
        .any(|p| pattern.starts_with("/api/v1/spaces/{slug}") && pattern.contains(p))
}
