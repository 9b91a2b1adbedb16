//! Contracts that must not drift: the OpenAPI document, the translations, the error codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use utoipa::OpenApi;
use wspolnota_app::i18n::Locale;

/// The OpenAPI document equals the committed snapshot. After an intended API
/// change, run with `UPDATE_SNAPSHOTS=1` and review the diff.
#[test]
fn openapi_document_matches_the_snapshot() {
    let doc = serde_json::to_string_pretty(&wspolnota_web::api::ApiDoc::openapi()).unwrap() + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/openapi.json");
    if std::env::var("UPDATE_SNAPSHOTS").is_ok() {
        std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots")).unwrap();
        std::fs::write(path, &doc).unwrap();
    }
    let committed =
        std::fs::read_to_string(path).expect("snapshot exists; create it with UPDATE_SNAPSHOTS=1");
    assert_eq!(
        doc, committed,
        "the API changed; review and update the snapshot with UPDATE_SNAPSHOTS=1"
    );
    for p in [
        "/api/v1/spaces",
        "/api/v1/spaces/{slug}/signatures",
        "/api/v1/organisations",
        "/api/v1/me",
    ] {
        assert!(doc.contains(p), "{p} documented");
    }
}

fn message_ids(locale: &str) -> BTreeSet<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../app/locales");
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(format!("{dir}/{locale}")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            let first = line.chars().next();
            if first.is_some_and(|c| c.is_ascii_alphabetic()) {
                if let Some((id, _)) = line.split_once(" =") {
                    ids.insert(id.trim().to_string());
                }
            }
        }
    }
    ids
}

#[test]
fn both_locales_have_every_key() {
    let pl = message_ids("pl");
    let en = message_ids("en");
    assert!(pl.len() > 100, "found {} ids", pl.len());
    let only_pl: Vec<_> = pl.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&pl).collect();
    assert!(
        only_pl.is_empty() && only_en.is_empty(),
        "missing in en: {only_pl:?}; missing in pl: {only_en:?}"
    );
}

#[test]
fn every_error_code_has_a_message_in_every_locale() {
    for locale in ["pl", "en"] {
        let ids = message_ids(locale);
        for code in wspolnota_app::all_codes() {
            let id = wspolnota_web::error_message_id(code);
            assert!(ids.contains(&id), "{locale} lacks {id}");
        }
    }
}

/// Every `t("…")` in the templates and handlers names a message that exists.
#[test]
fn every_key_used_in_code_exists() {
    let ids = message_ids("pl");
    let root = concat!(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["templates", "src", "src/ui", "src/api"] {
        for e in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                files.push(p);
            }
        }
    }
    let mut missing = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for pattern in [".t(\"", ".t_args(\"", ".t_count(\""] {
            for part in text.split(pattern).skip(1) {
                let key = part.split('"').next().unwrap();
                if !ids.contains(key) {
                    missing.push(format!("{}: {key}", f.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{missing:?}");
    assert_eq!(Locale::En.t("nav-login"), "Log in");
}

/// The messages of a locale file: id and its text, continuation lines included.
fn message_blocks(code: &str) -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../app/locales");
    let text = std::fs::read_to_string(format!("{dir}/{code}/main.ftl")).unwrap();
    let mut blocks: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            if let Some((id, value)) = line.split_once(" =") {
                blocks.push((id.trim().to_string(), value.to_string()));
                continue;
            }
        }
        if let Some(last) = blocks.last_mut() {
            last.1.push('\n');
            last.1.push_str(line);
        }
    }
    blocks
}

fn render(locale: Locale, id: &str, body: &str) -> String {
    let vars: BTreeSet<String> = body
        .split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect();
    if vars.contains("count") {
        locale.t_count(id, 2)
    } else {
        let args: Vec<(&'static str, String)> = vars
            .iter()
            .map(|v| (&*Box::leak(v.clone().into_boxed_str()), "x".to_string()))
            .collect();
        locale.t_args(id, &args)
    }
}

/// Every message resolves in both languages: a Fluent slip (such as `{n}`, which
/// Fluent reads as a reference to a message called `n`) would otherwise show people
/// the message's id, or quietly fall back to Polish on an English page.
#[test]
fn every_message_resolves() {
    let pl: std::collections::BTreeMap<String, String> = message_blocks("pl").into_iter().collect();
    let mut unresolved = Vec::new();
    for (id, body) in &pl {
        let shown = render(Locale::Pl, id, body);
        if shown == *id || shown.contains('{') {
            unresolved.push(format!("pl: {id} → {shown}"));
        }
    }
    for (id, body) in message_blocks("en") {
        let shown = render(Locale::En, &id, &body);
        let fell_back = pl
            .get(&id)
            .is_some_and(|pl_body| *pl_body != body && shown == render(Locale::Pl, &id, pl_body));
        if shown == id || shown.contains('{') || fell_back {
            unresolved.push(format!("en: {id} → {shown}"));
        }
    }
    assert!(unresolved.is_empty(), "{unresolved:#?}");
}
