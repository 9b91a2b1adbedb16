//! What the body publishes and what a person may ask, on both backends: the
//! accessibility statement and the privacy notice from the settings, in both languages;
//! a person's own data as a page and a file, never anyone else's and never a ballot;
//! withdrawing a consent.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "budget/setup.rs"]
mod setup;

use axum::http::{header, StatusCode};
use common::{Client, TestApp};
use wspolnota_app::i18n::Locale;
use wspolnota_app::publication::{Compliance, NonAccessible, Publication};
use wspolnota_testkit::{on_both_backends, Backend};

fn settings() -> Publication {
    Publication {
        example: false,
        body_name: "Urząd Gminy Testowo".into(),
        body_address: "Rynek 7, 62-500 Testowo".into(),
        body_email: "gmina@testowo.example".into(),
        published_on: "2025-03-01".into(),
        updated_on: "2026-04-02".into(),
        compliance: Compliance::Partial,
        non_accessible: vec![NonAccessible {
            content: "Mapa dzielnic bez opisu tekstowego".into(),
            reason: "Mapa pochodzi od dostawcy zewnętrznego".into(),
        }],
        prepared_on: "2025-03-03".into(),
        reviewed_on: "2026-03-30".into(),
        assessed_by: String::new(),
        contact_name: "Ewa Dostępna".into(),
        contact_email: "dostepnosc@testowo.example".into(),
        contact_phone: "+48 63 123 45 67".into(),
        building: "Wejście od ulicy Polnej ma podjazd.".into(),
        mobile_apps: String::new(),
        dpo_name: Some("Piotr Inspektor".into()),
        dpo_email: Some("iod@testowo.example".into()),
        processors: vec!["Serwerownia Testowa sp. z o.o.".into()],
        transfers: String::new(),
        records_retention_years: 7,
        mail_retention_days: 30,
    }
}

async fn configured(backend: Backend, p: Publication) -> TestApp {
    TestApp::with_config(backend, move |c| c.publication = p).await
}

async fn the_statement_shows_the_settings(backend: Backend) {
    let t = configured(backend, settings()).await;
    let mut v = Client::new();
    let r = t.get(&mut v, "/deklaracja-dostepnosci").await;
    assert_eq!(r.status, StatusCode::OK);
    let b = &r.body;
    // The parts the minister's model names, with the ids automated monitoring reads.
    for id in [
        "a11y-wstep",
        "a11y-podmiot",
        "a11y-url",
        "a11y-data-publikacja",
        "a11y-data-aktualizacja",
        "a11y-status",
        "a11y-data-sporzadzenie",
        "a11y-data-przeglad",
        "a11y-kontakt",
        "a11y-osoba",
        "a11y-email",
        "a11y-telefon",
        "a11y-procedura",
        "a11y-architektura",
        "a11y-aplikacje",
    ] {
        assert_eq!(b.matches(&format!("id=\"{id}\"")).count(), 1, "{id}");
    }
    for shown in [
        "<span id=\"a11y-podmiot\">Urząd Gminy Testowo</span>",
        "href=\"http://test.local\"",
        "datetime=\"2025-03-01\"",
        "datetime=\"2026-04-02\"",
        "datetime=\"2025-03-03\"",
        "datetime=\"2026-03-30\"",
        "<strong id=\"a11y-status\">częściowo zgodna</strong>",
        "Mapa dzielnic bez opisu tekstowego",
        "Mapa pochodzi od dostawcy zewnętrznego",
        "samooceny",
        "Ewa Dostępna",
        "mailto:dostepnosc@testowo.example",
        "tel:+48631234567",
        "7 dni",
        "2 miesięcy",
        "Rzecznika Praw Obywatelskich",
        "Wejście od ulicy Polnej ma podjazd.",
        "nie udostępnia aplikacji mobilnych",
    ] {
        assert!(b.contains(shown), "statement lacks {shown}");
    }
    assert!(
        !b.contains("przykładowe dane"),
        "real settings are not examples"
    );
    let r = t
        .get_lang(&mut v, "/deklaracja-dostepnosci", "en-GB,en;q=0.9")
        .await;
    assert!(r.body.contains("<html lang=\"en\">"));
    for shown in [
        "Accessibility statement",
        "<strong id=\"a11y-status\">partially compliant</strong>",
        "Commissioner for Human Rights",
        "7 days",
        "2 months",
        "Ewa Dostępna",
    ] {
        assert!(r.body.contains(shown), "English statement lacks {shown}");
    }
    // Every page links the statement and the notice from its footer.
    for path in ["/", "/organizacje", "/konto/logowanie", "/nie-ma-takiej"] {
        let r = t.get(&mut v, path).await;
        assert!(
            r.body.contains("href=\"/deklaracja-dostepnosci\"")
                && r.body.contains("href=\"/prywatnosc\""),
            "{path}"
        );
    }
}

async fn a_full_or_outside_assessment_reads_so(backend: Backend) {
    let t = configured(
        backend,
        Publication {
            compliance: Compliance::Full,
            non_accessible: vec![],
            assessed_by: "Fundacja Audytów Dostępności".into(),
            mobile_apps: "Aplikacja „Testowo” na Androida.".into(),
            ..settings()
        },
    )
    .await;
    let r = t.get(&mut Client::new(), "/deklaracja-dostepnosci").await;
    assert!(r
        .body
        .contains("<strong id=\"a11y-status\">zgodna</strong>"));
    assert!(!r.body.contains("Treści niedostępne"));
    assert!(r
        .body
        .contains("<span id=\"a11y-audytor\">Fundacja Audytów Dostępności</span>"));
    assert!(!r.body.contains("samooceny"));
    assert!(r.body.contains("Aplikacja „Testowo” na Androida."));
    // Without settings of its own an installation shows the example, marked as one.
    let t = TestApp::new(backend).await;
    for path in ["/deklaracja-dostepnosci", "/prywatnosc"] {
        let r = t.get(&mut Client::new(), path).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("To są przykładowe dane."), "{path}");
    }
}

async fn the_privacy_notice_shows_the_settings(backend: Backend) {
    let t = configured(backend, settings()).await;
    let mut v = Client::new();
    let r = t.get(&mut v, "/prywatnosc").await;
    assert_eq!(r.status, StatusCode::OK);
    for shown in [
        "Administratorem Twoich danych osobowych jest",
        "Urząd Gminy Testowo",
        "Rynek 7, 62-500 Testowo",
        "mailto:gmina@testowo.example",
        "Piotr Inspektor",
        "mailto:iod@testowo.example",
        "Serwerownia Testowa sp. z o.o.",
        "Art. 6 ust. 1 lit. a RODO",
        "Art. 6 ust. 1 lit. b RODO",
        "Art. 6 ust. 1 lit. c i e RODO",
        "7 lat od zakończenia edycji budżetu",
        "Kopie wysłanych wiadomości: 30 dni",
        // The test app's sessions last 14 days and failed logins count for 15 minutes.
        "najdłużej 14 dni",
        "najwyżej na 15 minut",
        "Głosowanie w budżecie obywatelskim jest tajne",
        "Prezesa Urzędu Ochrony Danych Osobowych",
        "Nie przekazujemy Twoich danych poza Europejski Obszar Gospodarczy",
        "profilowaniu",
        "href=\"/konto/moje-dane\"",
        "wsp_session",
    ] {
        assert!(r.body.contains(shown), "notice lacks {shown}");
    }
    let r = t.get_lang(&mut v, "/prywatnosc", "en").await;
    for shown in [
        "How we process personal data",
        "Art. 6(1)(a) GDPR",
        "7 years after the budget round ends",
        "President of the Personal Data Protection Office",
        "Piotr Inspektor",
    ] {
        assert!(r.body.contains(shown), "English notice lacks {shown}");
    }
    // No officer: the notice says so and points to the controller.
    let t = configured(
        backend,
        Publication {
            dpo_name: None,
            dpo_email: None,
            processors: vec![],
            ..settings()
        },
    )
    .await;
    let r = t.get(&mut Client::new(), "/prywatnosc").await;
    assert!(r
        .body
        .contains("Administrator nie wyznaczył inspektora ochrony danych"));
    assert!(r
        .body
        .contains("nie powierza przetwarzania Twoich danych innym podmiotom"));
}

/// Two people; each sees only their own data, on the page and in the file.
async fn a_person_sees_only_their_own_data(backend: Backend) {
    let t = TestApp::new(backend).await;
    let admin = t.user("admin@example.pl", "Admin Platformy", true).await;
    common::coalition(&t, admin, false).await;
    t.user("ala@example.pl", "Ala Nowak", false).await;
    t.user("olek@example.pl", "Olek Kowal", false).await;
    let mut ala = t.login("ala@example.pl").await;
    let mut olek = t.login("olek@example.pl").await;
    let r = t
        .post_form(
            &mut ala,
            "/wspolnoty/koalicja/podpisz",
            &[("on_behalf", "self")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t
        .post_form(
            &mut olek,
            "/organizacje/nowa",
            &[("name", "Stowarzyszenie Olka"), ("kind", "ngo")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    let r = t.get(&mut ala, "/konto/moje-dane").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers.get(header::CACHE_CONTROL).unwrap(), "no-store");
    let b = &r.body;
    for shown in [
        "ala@example.pl",
        "Ala Nowak",
        "Konin",
        "Koalicja Testowa",
        "Deklaracja, wersja 1",
        "we własnym imieniu",
        "aktywny",
        "1 sesja",
        "signature.created",
        "Zgoda na wymienienie imienia i nazwiska",
        "href=\"/konto/moje-dane.json\"",
    ] {
        assert!(b.contains(shown), "the page lacks {shown}");
    }
    for hidden in [
        "olek@example.pl",
        "Olek Kowal",
        "Stowarzyszenie Olka",
        "wsp_session=",
    ] {
        assert!(!b.contains(hidden), "the page shows {hidden}");
    }
    let r = t.get(&mut ala, "/konto/moje-dane.json").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers.get(header::CACHE_CONTROL).unwrap(), "no-store");
    assert!(r
        .headers
        .get(header::CONTENT_DISPOSITION)
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert!(r
        .headers
        .get(header::CONTENT_TYPE)
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let j = r.json();
    assert_eq!(j["account"]["email"], "ala@example.pl");
    assert_eq!(j["account"]["display_name"], "Ala Nowak");
    assert_eq!(j["consents"][0]["consent"], "list_publicly");
    assert_eq!(j["consents"][0]["given"], true);
    assert_eq!(j["signatures"][0]["space"], "koalicja");
    assert_eq!(j["signatures"][0]["status"], "active");
    assert_eq!(j["sessions"]["count"], 1);
    assert!(j["sessions"]["list"][0]["expires_at"]
        .as_str()
        .unwrap()
        .ends_with('Z'));
    assert_eq!(j["organisations"].as_array().unwrap().len(), 0);
    for hidden in ["olek@example.pl", "Olek Kowal", "Stowarzyszenie Olka"] {
        assert!(!r.body.contains(hidden), "the file shows {hidden}");
    }
    // Olek's own file has his organisation, and not Ala.
    let j = t.get(&mut olek, "/konto/moje-dane.json").await;
    assert_eq!(
        j.json()["organisations"][0]["organisation"],
        "Stowarzyszenie Olka"
    );
    assert_eq!(j.json()["organisations"][0]["role"], "admin");
    assert!(!j.body.contains("ala@example.pl") && !j.body.contains("Ala Nowak"));
    // No one else's data can be asked for: the address names no one.
    let r = t.get(&mut ala, "/konto/moje-dane.json?user=2").await;
    assert_eq!(r.json()["account"]["email"], "ala@example.pl");
    // Visitors are sent to log in.
    let mut v = Client::new();
    for path in ["/konto/moje-dane", "/konto/moje-dane.json"] {
        let r = t.get(&mut v, path).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(r.location(), "/konto/logowanie", "{path}");
    }
    // The profile leads to the page.
    let r = t.get(&mut ala, "/konto/profil").await;
    assert!(r.body.contains("href=\"/konto/moje-dane\""));
}

/// The number in a path after `/projekty/`.
fn proposal_id(location: &str) -> String {
    location
        .split('?')
        .next()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}

/// A voter's file has their declaration, their support and their entry in the
/// register, and nothing of what they voted for.
async fn the_export_holds_no_ballot(backend: Backend) {
    let t = TestApp::new(backend).await;
    let (mut a, round, pool) = setup::setup(&t).await;
    t.user("urzednik@example.pl", "Urzędnik", false).await;
    let r = t
        .post_form(
            &mut a,
            &format!("{round}/urzednicy"),
            &[("email", "urzednik@example.pl")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t
        .post_form(
            &mut a,
            &format!("{round}/komisja"),
            &[("members", "3"), ("threshold", "2")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    t.user("autor@example.pl", "Autorka Projektów", false).await;
    let mut author = t.login("autor@example.pl").await;
    let mut ids = Vec::new();
    for title in ["Biblioteczka sąsiedzka", "Ławki przy rzece"] {
        let r = t
            .post_form(
                &mut author,
                &format!("{round}/projekty"),
                &[
                    ("pool", pool.as_str()),
                    ("title", title),
                    ("description", "Opis."),
                    ("place", "Konin"),
                    ("item_label_1", "wszystko"),
                    ("item_amount_1", "10 000"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        ids.push(proposal_id(&r.location()));
    }
    t.user("wyborca@example.pl", "Wiesław Wyborca", false).await;
    let mut voter = t.login("wyborca@example.pl").await;
    let r = t
        .post_form(
            &mut voter,
            &format!("{round}/projekty/{}/poparcie", ids[0]),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = t
        .post_form(
            &mut a,
            &format!("{round}/etap"),
            &[("phase", "verification")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mut official = t.login("urzednik@example.pl").await;
    for id in &ids {
        let r = t
            .post_form(
                &mut official,
                &format!("{round}/projekty/{id}/weryfikacja"),
                &[("decision", "accept")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    let r = t
        .post_form(&mut a, &format!("{round}/etap"), &[("phase", "voting")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t
        .post_form(
            &mut voter,
            &format!("{round}/adres"),
            &[("name", "Wiesław Wyborca"), ("address", "ul. Tajna 9")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t
        .post_form(
            &mut voter,
            &format!("{round}/glosowanie/{pool}"),
            &[("p", &ids[1])],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let receipt = r
        .body
        .split("<code>")
        .nth(1)
        .unwrap()
        .split("</code>")
        .next()
        .unwrap()
        .to_string();

    let r = t.get(&mut voter, "/konto/moje-dane.json").await;
    let j = r.json();
    let register = j["budget"]["register"].as_array().unwrap();
    assert_eq!(register.len(), 1, "{register:?}");
    assert_eq!(register[0]["pool"], "Ogólnomiejska");
    assert_eq!(register[0]["round"], "Budżet obywatelski 2027");
    assert_eq!(register[0]["channel"], "account");
    assert_eq!(register[0]["status"], "counted");
    assert_eq!(j["budget"]["declarations"][0]["address"], "ul. Tajna 9");
    assert_eq!(
        j["budget"]["supports"][0]["title"],
        "Biblioteczka sąsiedzka"
    );
    // Nothing of the ballot: no key for it, no receipt, not the project voted for.
    fn keys(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    out.push(k.clone());
                    keys(v, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    keys(&j, &mut all);
    for k in &all {
        assert!(
            !k.contains("ballot") && !k.contains("choice") && !k.contains("receipt"),
            "the export has a key {k}"
        );
    }
    assert!(!r.body.contains("Ławki przy rzece"), "the choice leaks");
    assert!(!r.body.contains(&receipt), "the receipt leaks");
    let page = t.get(&mut voter, "/konto/moje-dane").await;
    assert!(page.body.contains("przez konto") && page.body.contains("głos ważny"));
    assert!(!page.body.contains("Ławki przy rzece"));
    assert!(!page.body.contains(&receipt));
    // The author's file has both proposals; the official's has the round they verify.
    let j = t.get(&mut author, "/konto/moje-dane.json").await.json();
    assert_eq!(j["budget"]["proposals"].as_array().unwrap().len(), 2);
    assert_eq!(j["budget"]["proposals"][1]["status"], "accepted");
    assert_eq!(j["budget"]["register"].as_array().unwrap().len(), 0);
    let j = t.get(&mut official, "/konto/moje-dane.json").await.json();
    assert_eq!(
        j["budget"]["official_in"][0]["round"],
        "Budżet obywatelski 2027"
    );
    assert!(j["actions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["action"] == "budget.proposal_verified"));
}

async fn withdrawing_a_consent(backend: Backend) {
    let t = TestApp::new(backend).await;
    let admin = t.user("admin@example.pl", "Admin", true).await;
    common::coalition(&t, admin, false).await;
    let ala = t.user("ala@example.pl", "Ala Widoczna", false).await;
    let mut c = t.login("ala@example.pl").await;
    t.post_form(
        &mut c,
        "/wspolnoty/koalicja/podpisz",
        &[("on_behalf", "self")],
    )
    .await;
    let allies = t
        .get(&mut Client::new(), "/wspolnoty/koalicja/sojusznicy")
        .await;
    assert!(allies.body.contains("Ala Widoczna"));
    let r = t.get(&mut c, "/konto/moje-dane").await;
    assert!(r.body.contains("udzielona"));
    assert!(r.body.contains("action=\"/konto/moje-dane/zgody/wycofaj\""));
    let path = "/konto/moje-dane/zgody/wycofaj";
    // A forged form (no token, or another token) changes nothing.
    let r = t
        .post_raw_form(&mut c, path, &[("consent", "list_publicly")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = t
        .post_raw_form(
            &mut c,
            path,
            &[("csrf", &"cd".repeat(32)), ("consent", "list_publicly")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(t.app.user(ala).await.unwrap().list_publicly);
    let r = t
        .post_form(&mut c, path, &[("consent", "newsletter")])
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // Visitors are sent to log in.
    let r = t
        .post_form(&mut Client::new(), path, &[("consent", "list_publicly")])
        .await;
    assert_eq!(r.location(), "/konto/logowanie");
    let r = t
        .post_form(&mut c, path, &[("consent", "list_publicly")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().contains("ok=my-data-consent-withdrawn"));
    let user = t.app.user(ala).await.unwrap();
    assert!(!user.list_publicly);
    assert_eq!(user.display_name, "Ala Widoczna", "the rest stays");
    assert_eq!(user.city.as_deref(), Some("Konin"));
    let r = t.get(&mut c, &r.location()).await;
    assert!(r.body.contains("Zgoda wycofana."));
    assert!(r.body.contains("nieudzielona"));
    assert!(!r.body.contains("action=\"/konto/moje-dane/zgody/wycofaj\""));
    let allies = t
        .get(&mut Client::new(), "/wspolnoty/koalicja/sojusznicy")
        .await;
    assert!(!allies.body.contains("Ala Widoczna"));
}

on_both_backends!(
    the_statement_shows_the_settings,
    a_full_or_outside_assessment_reads_so,
    the_privacy_notice_shows_the_settings,
    a_person_sees_only_their_own_data,
    the_export_holds_no_ballot,
    withdrawing_a_consent
);

/// The messages of a locale's publication file: id and text, continuation lines
/// included.
fn messages(code: &str) -> Vec<(String, String)> {
    let path = format!(
        "{}/../app/locales/{code}/publication.ftl",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            if let Some((id, value)) = line.split_once(" =") {
                out.push((id.trim().to_string(), value.to_string()));
                continue;
            }
        }
        if let Some(last) = out.last_mut() {
            last.1.push('\n');
            last.1.push_str(line);
        }
    }
    out
}

/// Every message of these pages resolves in both languages, including the ones the
/// handlers name by building their id (purposes, statuses, channels).
#[test]
fn every_publication_message_resolves() {
    for (locale, code) in [(Locale::Pl, "pl"), (Locale::En, "en")] {
        let list = messages(code);
        assert!(list.len() > 150, "{code}: {}", list.len());
        for (id, body) in list {
            let shown = if body.contains("$count") {
                locale.t_count(&id, 3)
            } else {
                let args: Vec<(&'static str, String)> = [
                    "years", "days", "sessions", "minutes", "shown", "total", "title", "version",
                ]
                .into_iter()
                .map(|a| (a, "x".to_string()))
                .collect();
                locale.t_args(&id, &args)
            };
            assert!(
                shown != id && !shown.contains('{'),
                "{code}: {id} → {shown}"
            );
        }
    }
    for name in [
        "account",
        "listing",
        "signatures",
        "budget",
        "consultations",
        "mail",
        "security",
    ] {
        for part in ["purpose", "basis"] {
            let id = format!("privacy-{part}-{name}");
            assert_ne!(Locale::En.t(&id), id);
        }
    }
    for id in [
        "my-data-channel-account",
        "my-data-channel-desk_code",
        "my-data-channel-bulk_code",
        "my-data-channel-paper",
        "my-data-vote-counted",
        "my-data-vote-void",
        "my-data-link-confirm",
        "my-data-link-reset",
        "my-data-consent-list_publicly",
        "a11y-status-full",
        "a11y-status-partial",
        "a11y-status-none",
    ] {
        for l in Locale::ALL {
            assert_ne!(l.t(id), id);
        }
    }
}
