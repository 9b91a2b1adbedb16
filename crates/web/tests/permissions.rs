//! Every route of the router with every role, on both backends, and budget routes with
//! a round in every phase. The table below is checked against
//! `wspolnota_web::route_list()`, the list the router is built from: a route without a
//! row, or a row without a route, fails the test by name.
//!
//! GET rows give the exact status; POST, PUT and DELETE rows say only whether the role
//! passes authorisation, and every refused role is also tried with an empty body, which
//! must be refused the same way (authorisation before validation).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::Method;
use common::{Client, Resp, TestApp};
use std::collections::BTreeSet;
use wspolnota_app::budget::{Desk, NewRound, ProposalForm, RoundRules, VerificationForm};
use wspolnota_app::spaces::NewSpaceForm;
use wspolnota_domain::access::Subject;
use wspolnota_domain::budget::{BallotKind, Calendar, Choice, CountingRule, LineItem, Phase};
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::module::Module;
use wspolnota_domain::pb::Money;
use wspolnota_testkit::{on_both_backends, Backend};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    Visitor,
    Resident,
    Member,
    Representative,
    /// An official of every round (verifies proposals, enters paper ballots).
    Official,
    SpaceAdmin,
    PlatformAdmin,
}

const ROLES: [Role; 7] = [
    Role::Visitor,
    Role::Resident,
    Role::Member,
    Role::Representative,
    Role::Official,
    Role::SpaceAdmin,
    Role::PlatformAdmin,
];

fn email_of(role: Role) -> Option<&'static str> {
    match role {
        Role::Visitor => None,
        Role::Resident => Some("resident@example.pl"),
        Role::Member => Some("member@example.pl"),
        Role::Representative => Some("rep@example.pl"),
        Role::Official => Some("official@example.pl"),
        Role::SpaceAdmin => Some("spaceadmin@example.pl"),
        Role::PlatformAdmin => Some("platform@example.pl"),
    }
}

const EMAILS: [&str; 7] = [
    "platform@example.pl",
    "spaceadmin@example.pl",
    "member@example.pl",
    "rep@example.pl",
    "resident@example.pl",
    "official@example.pl",
    "other@example.pl",
];

/// What a row expects of each role, one letter per role in the order of `ROLES`.
///
/// For GET: `O` 200, `L` to the login form (401 under `/api`), `F` 403, `N` 404,
/// `U` 422, `C` 409, `R` a redirect elsewhere.
/// For writes: `A` allowed (any answer but a refusal: done, or turned down by the
/// round's phase or the input), `L`, `F` and `N` as above.
#[derive(Clone, Copy)]
enum Expect {
    All(&'static str),
    ByPhase(fn(Phase) -> &'static str),
    /// A proposal's route: the first letters for the round in preparation, which has
    /// no proposal yet (404, unless the policy refuses first), the second otherwise.
    Proposal(&'static str, &'static str),
}

#[derive(Clone, Copy)]
enum Body {
    None,
    Form(&'static [(&'static str, &'static str)]),
    Json(&'static str),
    Multipart,
}

struct Row {
    method: Method,
    /// The route's pattern, as the router declares it.
    pattern: &'static str,
    /// A concrete path with this table's own placeholders, when the pattern's defaults
    /// (see [`concrete`]) are not the page meant.
    path: Option<&'static str>,
    body: Body,
    /// The invalid body a refused role also sends; empty unless emptiness means
    /// another action (signing for oneself instead of for an organisation).
    invalid: Option<Body>,
    expect: Expect,
}

fn get(pattern: &'static str, expect: Expect) -> Row {
    Row {
        method: Method::GET,
        pattern,
        path: None,
        body: Body::None,
        invalid: None,
        expect,
    }
}

fn write(method: Method, pattern: &'static str, body: Body, expect: Expect) -> Row {
    Row {
        method,
        pattern,
        path: None,
        body,
        invalid: None,
        expect,
    }
}

fn post(pattern: &'static str, body: Body, expect: Expect) -> Row {
    write(Method::POST, pattern, body, expect)
}

fn invalid(mut row: Row, body: Body) -> Row {
    row.invalid = Some(body);
    row
}

fn at(mut row: Row, path: &'static str) -> Row {
    row.path = Some(path);
    row
}

use Expect::{All, ByPhase, Proposal};

const EVERYONE: &str = "OOOOOOO";
const LOGGED_IN: &str = "LOOOOOO";
const ADMINS: &str = "LFFFFOO";
const PLATFORM: &str = "LFFFFFO";
const STAFF: &str = "LFFFOOO";
const ANYONE_ACTS: &str = "AAAAAAA";
const RESIDENTS_ACT: &str = "LAAAAAA";
const ADMINS_ACT: &str = "LFFFFAA";
const STAFF_ACT: &str = "LFFFAAA";
const PLATFORM_ACTS: &str = "LFFFFFA";
/// Only a proposal's author may change it; no role of the table wrote one.
const AUTHOR_ONLY: &str = "LFFFFFF";
const AUTHOR_ACTS: &str = "LFFFFFF";
const NONE_FOUND: &str = "NNNNNNN";

/// Results are out only after the committee's count; before that the page is for those
/// who manage the round, and the files exist for no one.
fn results_page(p: Phase) -> &'static str {
    if p == Phase::Results {
        EVERYONE
    } else {
        "UUUUUOO"
    }
}

/// The form for a new proposal exists while proposals are taken.
fn new_proposal(p: Phase) -> &'static str {
    if p == Phase::Submission {
        LOGGED_IN
    } else {
        "LUUUUUU"
    }
}

fn result_files(p: Phase) -> &'static str {
    if p == Phase::Results {
        EVERYONE
    } else {
        "UUUUUUU"
    }
}

fn table() -> Vec<Row> {
    let del = |pattern, expect| write(Method::DELETE, pattern, Body::None, expect);
    vec![
        // Public pages and operations.
        get("/", All(EVERYONE)),
        get("/static/style.css", All(EVERYONE)),
        get("/static/ballot.js", All(EVERYONE)),
        get("/healthz", All(EVERYONE)),
        get("/metrics", All(EVERYONE)),
        get("/deklaracja-dostepnosci", All(EVERYONE)),
        get("/prywatnosc", All(EVERYONE)),
        // Spaces.
        get("/wspolnoty/{slug}", All(EVERYONE)),
        get("/wspolnoty/{slug}/sojusznicy", All(EVERYONE)),
        get("/wspolnoty/{slug}/dokument", All(EVERYONE)),
        get("/wspolnoty/{slug}/admin", All(ADMINS)),
        get("/wspolnoty/{slug}/dziennik", All(ADMINS)),
        post(
            "/wspolnoty/{slug}/dokument",
            Body::Form(&[("title", "Deklaracja"), ("text", "Nowa")]),
            All(ADMINS_ACT),
        ),
        post(
            "/wspolnoty/{slug}/podpisz",
            Body::Form(&[("on_behalf", "self")]),
            All(RESIDENTS_ACT),
        ),
        invalid(
            post(
                "/wspolnoty/{slug}/podpisz",
                Body::Form(&[("on_behalf", "{org}")]),
                All("LFFAFFF"),
            ),
            Body::Form(&[("on_behalf", "999999")]),
        ),
        post(
            "/wspolnoty/{slug}/podpisy/{id}/wycofaj",
            Body::None,
            All("LFAFFAA"),
        ),
        at(
            post(
                "/wspolnoty/{slug}/podpisy/{id}/decyzja",
                Body::Form(&[("decision", "approve")]),
                All(PLATFORM_ACTS),
            ),
            "/wspolnoty/siec/podpisy/{pending}/decyzja",
        ),
        // Organisations.
        get("/organizacje", All(EVERYONE)),
        get("/organizacje/nowa", All(LOGGED_IN)),
        get("/organizacje/{id}", All(EVERYONE)),
        at(
            get("/organizacje/{id}", All(EVERYONE)),
            "/organizacje/{other_org}",
        ),
        post(
            "/organizacje/nowa",
            Body::Form(&[("name", "Nowa Org"), ("kind", "company")]),
            All(RESIDENTS_ACT),
        ),
        post(
            "/organizacje/{id}/reprezentanci",
            Body::Form(&[("email", "resident@example.pl"), ("role", "representative")]),
            All("LFFAFFA"),
        ),
        post(
            "/organizacje/{id}/reprezentanci/{user}/odbierz",
            Body::None,
            All("LFFAFFA"),
        ),
        // An unknown invitation: a bad request, whoever follows it; accepting one
        // needs a login first.
        get("/organizacje/zaproszenie/{token}", All("BBBBBBB")),
        post(
            "/organizacje/zaproszenie/{token}",
            Body::None,
            All(RESIDENTS_ACT),
        ),
        // Platform administration.
        get("/admin/skrzynka", All(PLATFORM)),
        get("/admin/wspolnoty/nowa", All(PLATFORM)),
        post(
            "/admin/wspolnoty/nowa",
            Body::Form(&[
                ("name", "Sieć Druga"),
                ("kind", "city_network"),
                ("document_title", "Porozumienie"),
                ("document", "Tekst"),
            ]),
            All(PLATFORM_ACTS),
        ),
        // Accounts: open to everyone, or one's own account only.
        get("/konto/logowanie", All(EVERYONE)),
        get("/konto/rejestracja", All(EVERYONE)),
        get("/konto/reset", All(EVERYONE)),
        // An unknown link: a bad request, whoever follows it.
        get("/konto/potwierdz/{token}", All("BBBBBBB")),
        get("/konto/nowe-haslo/{token}", All("BBBBBBB")),
        get("/konto/profil", All(LOGGED_IN)),
        get("/konto/moje-dane", All(LOGGED_IN)),
        get("/konto/moje-dane.json", All(LOGGED_IN)),
        post(
            "/konto/rejestracja",
            Body::Form(&[
                ("email", "nowy@example.pl"),
                ("display_name", "Nowy"),
                ("password", "haslo-testowe-123"),
                ("password2", "haslo-testowe-123"),
                ("terms", "on"),
            ]),
            All(ANYONE_ACTS),
        ),
        post("/konto/potwierdz/{token}", Body::None, All(ANYONE_ACTS)),
        post(
            "/konto/logowanie",
            Body::Form(&[("email", "other@example.pl"), ("password", "nie-to-haslo")]),
            All(ANYONE_ACTS),
        ),
        post(
            "/konto/reset",
            Body::Form(&[("email", "other@example.pl")]),
            All(ANYONE_ACTS),
        ),
        post(
            "/konto/nowe-haslo/{token}",
            Body::Form(&[
                ("password", "nowe-haslo-123"),
                ("password2", "nowe-haslo-123"),
            ]),
            All(ANYONE_ACTS),
        ),
        post(
            "/konto/profil",
            Body::Form(&[("display_name", "Nowe Imię")]),
            All(RESIDENTS_ACT),
        ),
        post(
            "/konto/tokeny",
            Body::Form(&[("name", "Skrypt"), ("scope", "read")]),
            All(RESIDENTS_ACT),
        ),
        // One's own token (the one just made); revoking someone else's is refused as
        // unknown, see tests/api_tokens.rs.
        post("/konto/tokeny/{id}/odwolaj", Body::None, All(RESIDENTS_ACT)),
        post(
            "/konto/moje-dane/zgody/wycofaj",
            Body::Form(&[("consent", "list_publicly")]),
            All(RESIDENTS_ACT),
        ),
        // Participatory budget: a space's rounds.
        get("/wspolnoty/{slug}/budzet", All(EVERYONE)),
        // The network has not switched its budget on: the module's pages do not exist.
        at(
            get("/wspolnoty/{slug}/budzet", All("NNNNNNN")),
            "/wspolnoty/siec/budzet",
        ),
        post(
            "/wspolnoty/{slug}/budzet",
            Body::Form(&[
                ("title", "BO 2028"),
                ("submission", "2026-09-01"),
                ("verification", "2026-09-10"),
                ("appeals", "2026-09-20"),
                ("voting", "2026-10-01"),
                ("results", "2026-10-15"),
            ]),
            All(ADMINS_ACT),
        ),
        // A round and its set-up.
        get("/budzet/{round}", All(EVERYONE)),
        post(
            "/budzet/{round}/etap",
            Body::Form(&[("phase", "submission")]),
            All(ADMINS_ACT),
        ),
        post(
            "/budzet/{round}/pule",
            Body::Form(&[
                ("name", "Osiedle"),
                ("budget", "10 000"),
                ("ballot", "approval"),
                ("max", "2"),
                ("rule", "greedy"),
            ]),
            All(ADMINS_ACT),
        ),
        post(
            "/budzet/{round}/urzednicy",
            Body::Form(&[("email", "resident@example.pl")]),
            All(ADMINS_ACT),
        ),
        post(
            "/budzet/{round}/kody",
            Body::Form(&[("count", "2")]),
            All(ADMINS_ACT),
        ),
        post(
            "/budzet/{round}/komisja",
            Body::Form(&[("members", "3"), ("threshold", "2")]),
            All(ADMINS_ACT),
        ),
        // Proposals.
        get("/budzet/{round}/projekty/nowy", ByPhase(new_proposal)),
        post(
            "/budzet/{round}/projekty",
            Body::Form(&[
                ("pool_id", "{pool}"),
                ("title", "Ławki"),
                ("description", "Nowe ławki."),
                ("item_label_0", "Ławka"),
                ("item_amount_0", "1 000"),
            ]),
            All(RESIDENTS_ACT),
        ),
        get(
            "/budzet/{round}/projekty/{id}",
            Proposal(NONE_FOUND, EVERYONE),
        ),
        get(
            "/budzet/{round}/projekty/{id}/zdjecia/{image}",
            Proposal(NONE_FOUND, EVERYONE),
        ),
        get(
            "/budzet/{round}/projekty/{id}/edycja",
            Proposal(NONE_FOUND, AUTHOR_ONLY),
        ),
        post(
            "/budzet/{round}/projekty/{id}/poparcie",
            Body::None,
            Proposal("LNNNNNN", RESIDENTS_ACT),
        ),
        post(
            "/budzet/{round}/projekty/{id}/weryfikacja",
            Body::Form(&[("decision", "accept"), ("reason", "Zgodny.")]),
            Proposal("LFFFNNN", STAFF_ACT),
        ),
        post(
            "/budzet/{round}/projekty/{id}/odwolanie",
            Body::Form(&[("appeal", "Proszę o ponowną ocenę.")]),
            Proposal(NONE_FOUND, AUTHOR_ACTS),
        ),
        post(
            "/budzet/{round}/projekty/{id}/rozstrzygniecie",
            Body::Form(&[("decision", "uphold"), ("reason", "Bez zmian.")]),
            Proposal("LFFFNNN", STAFF_ACT),
        ),
        post(
            "/budzet/{round}/projekty/{id}/edycja",
            Body::Form(&[("title", "Inne ławki")]),
            Proposal(NONE_FOUND, AUTHOR_ACTS),
        ),
        post(
            "/budzet/{round}/projekty/{id}/zdjecia",
            Body::Multipart,
            Proposal(NONE_FOUND, AUTHOR_ACTS),
        ),
        post(
            "/budzet/{round}/projekty/{id}/wycofaj",
            Body::None,
            Proposal(NONE_FOUND, AUTHOR_ACTS),
        ),
        // Voting, online and on paper.
        get("/budzet/{round}/glosowanie", All(EVERYONE)),
        post(
            "/budzet/{round}/adres",
            Body::Form(&[("name", "Jan Nowak"), ("address", "ul. Długa 5")]),
            All(RESIDENTS_ACT),
        ),
        post(
            "/budzet/{round}/glosowanie/{pool}",
            Body::Form(&[("pick", "{proposal}")]),
            // A printed code is for the API and the code form; this one has none.
            All(RESIDENTS_ACT),
        ),
        get("/budzet/{round}/papier", All(STAFF)),
        post(
            "/budzet/{round}/arkusze",
            Body::Form(&[("numbers", "K-1..K-3")]),
            All(ADMINS_ACT),
        ),
        post(
            "/budzet/{round}/punkt",
            Body::Form(&[("name", "Jan"), ("address", "ul. A 1")]),
            All("LFFFAAA"),
        ),
        post(
            "/budzet/{round}/papier/{pool}",
            Body::Form(&[("sheet", "K-1"), ("name", "Jan"), ("address", "ul. A 1")]),
            All("LFFFAAA"),
        ),
        post(
            "/budzet/{round}/papier/{pool}/rozstrzygnij",
            Body::Form(&[("sheet", "K-1"), ("decision", "void")]),
            All(ADMINS_ACT),
        ),
        // Counting and results.
        post(
            "/budzet/{round}/liczenie",
            Body::Form(&[("shares", "wsp-share1-x")]),
            All(ADMINS_ACT),
        ),
        get("/budzet/{round}/wyniki", ByPhase(results_page)),
        post("/budzet/{round}/wyniki", Body::None, All(ADMINS_ACT)),
        get("/budzet/{round}/potwierdzenie", All(EVERYONE)),
        get(
            "/budzet/{round}/pule/{pool}/glosy.pb",
            ByPhase(result_files),
        ),
        get(
            "/budzet/{round}/pule/{pool}/wyniki.csv",
            ByPhase(result_files),
        ),
        get(
            "/budzet/{round}/pule/{pool}/potwierdzenia.txt",
            ByPhase(result_files),
        ),
        // The API.
        get("/api/v1/openapi.json", All(EVERYONE)),
        get("/api/v1/spaces", All(EVERYONE)),
        get("/api/v1/spaces/{slug}", All(EVERYONE)),
        get("/api/v1/spaces/{slug}/allies", All(EVERYONE)),
        get("/api/v1/spaces/{slug}/documents", All(EVERYONE)),
        invalid(
            post(
                "/api/v1/spaces/{slug}/signatures",
                Body::Json(r#"{"on_behalf_of":{org}}"#),
                All("LFFAFFF"),
            ),
            Body::Json(r#"{"on_behalf_of":999999}"#),
        ),
        del("/api/v1/spaces/{slug}/signatures/{id}", All("LFAFFAA")),
        get("/api/v1/organisations", All(EVERYONE)),
        get("/api/v1/organisations/{id}", All(EVERYONE)),
        post(
            "/api/v1/organisations",
            Body::Json(r#"{"name":"Org API","kind":"ngo"}"#),
            All(RESIDENTS_ACT),
        ),
        get("/api/v1/me", All(LOGGED_IN)),
        get("/api/v1/budget/rounds/{id}", All(EVERYONE)),
        get("/api/v1/budget/rounds/{id}/proposals", All(EVERYONE)),
        post(
            "/api/v1/budget/rounds/{id}/proposals",
            Body::Json(
                r#"{"pool_id":{pool},"title":"Drzewa","description_markdown":"Sadzimy.","place":"","items":[{"label":"Drzewo","amount_grosze":10000}]}"#,
            ),
            All(RESIDENTS_ACT),
        ),
        write(
            Method::PUT,
            "/api/v1/budget/rounds/{id}/residence",
            Body::Json(r#"{"name":"Jan Nowak","address":"ul. Długa 5"}"#),
            All(RESIDENTS_ACT),
        ),
        post(
            "/api/v1/budget/rounds/{id}/pools/{pool}/ballots",
            Body::Json(r#"{"choices":[{"project":{proposal},"points":1}]}"#),
            All(RESIDENTS_ACT),
        ),
        get("/api/v1/budget/rounds/{id}/results", ByPhase(result_files)),
        post(
            "/api/v1/budget/rounds/{id}/count",
            Body::Json(r#"{"shares":["wsp-share1-x"]}"#),
            All(ADMINS_ACT),
        ),
        post(
            "/api/v1/budget/rounds/{id}/pools/{pool}/receipt",
            Body::Json(r#"{"receipt":"ABCD"}"#),
            All(ANYONE_ACTS),
        ),
        // Last, as they change the session or the space for the rows after them.
        post(
            "/wspolnoty/{slug}/moduly",
            Body::Form(&[("shown", "budget"), ("budget", "on")]),
            All(ADMINS_ACT),
        ),
        post(
            "/jezyk",
            Body::Form(&[("lang", "en"), ("back", "/")]),
            All(ANYONE_ACTS),
        ),
        post(
            "/konto/usun",
            Body::Form(&[("password", "nie-to-haslo")]),
            All(RESIDENTS_ACT),
        ),
        post("/konto/wyloguj", Body::None, All(ANYONE_ACTS)),
    ]
}

/// A round of the coalition and what its routes need.
#[derive(Clone, Copy)]
struct RoundIds {
    phase: Phase,
    id: i64,
    pool: i64,
    /// A proposal by someone else (none yet in preparation: a missing id).
    proposal: i64,
    image: i64,
}

struct World {
    t: TestApp,
    org: i64,
    other_org: i64,
    other_user: i64,
    /// The member's own signature in the coalition.
    member_signature: i64,
    /// A signature awaiting approval in a second space, which the space admin does not run.
    pending_elsewhere: i64,
    rounds: Vec<RoundIds>,
}

/// A path with the world's ids: the pattern's own parameters, and this table's
/// `{org}`, `{other_org}`, `{pending}`, `{proposal}`.
fn concrete(text: &str, w: &World, r: &RoundIds) -> String {
    let id = if text.contains("/projekty/{id}") {
        r.proposal
    } else if text.contains("/podpisy/{id}") || text.contains("/signatures/{id}") {
        w.member_signature
    } else if text.contains("/budget/rounds/{id}") {
        r.id
    } else {
        w.org
    };
    text.replace("{slug}", "koalicja")
        .replace("{round}", &r.id.to_string())
        .replace("{pool}", &r.pool.to_string())
        .replace("{image}", &r.image.to_string())
        .replace("{user}", &w.other_user.to_string())
        .replace("{token}", "nieznany-token")
        .replace("{id}", &id.to_string())
        .replace("{org}", &w.org.to_string())
        .replace("{other_org}", &w.other_org.to_string())
        .replace("{pending}", &w.pending_elsewhere.to_string())
        .replace("{proposal}", &r.proposal.to_string())
}

fn is_round_route(pattern: &str) -> bool {
    pattern.contains("{round}") || pattern.contains("/budget/rounds/{id}")
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

async fn world(backend: Backend) -> World {
    let t = TestApp::new(backend).await;
    let platform = t.user("platform@example.pl", "Platform Admin", true).await;
    let space_admin = t.user("spaceadmin@example.pl", "Space Admin", false).await;
    let member = t.user("member@example.pl", "Member", false).await;
    let rep = t.user("rep@example.pl", "Representative", false).await;
    t.user("resident@example.pl", "Resident", false).await;
    t.user("official@example.pl", "Official", false).await;
    let other = t.user("other@example.pl", "Other Person", false).await;
    let admin = Subject {
        user: Some(platform),
        platform_admin: true,
        ..Subject::default()
    };
    let form = NewSpaceForm {
        name: "Koalicja".into(),
        slug: "koalicja".into(),
        kind: "coalition".into(),
        description_md: "Opis".into(),
        document_title: "Deklaracja".into(),
        document_md: "Tekst".into(),
        ..NewSpaceForm::default()
    };
    let space = t.app.create_space(&admin, form).await.unwrap();
    // Budgets are off by default in a coalition; this one runs rounds.
    t.app
        .set_module(&admin, space, Module::Budget, true)
        .await
        .unwrap();
    // The platform admin who created the space is not its admin for this table.
    let mut tx = t.db.store.begin().await.unwrap();
    wspolnota_store::spaces::add_admin(&mut tx, space, space_admin, t.app.now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let m = t.app.subject_of(member).await.unwrap();
    let member_signature = t.app.sign(&m, space, None).await.unwrap().id.0;
    let network = NewSpaceForm {
        name: "Sieć".into(),
        slug: "siec".into(),
        kind: "city_network".into(),
        requires_approval: true,
        document_title: "Porozumienie".into(),
        document_md: "Tekst".into(),
        ..NewSpaceForm::default()
    };
    let network = t.app.create_space(&admin, network).await.unwrap();
    let org_form = |name: &str| wspolnota_app::orgs::NewOrgForm {
        name: name.into(),
        kind: "ngo".into(),
        ..Default::default()
    };
    let rep_subject = t.app.subject_of(rep).await.unwrap();
    let org = t
        .app
        .create_org(&rep_subject, org_form("Fundacja Rep"))
        .await
        .unwrap();
    let other_org = t
        .app
        .create_org(
            &t.app.subject_of(other).await.unwrap(),
            org_form("Fundacja Inna"),
        )
        .await
        .unwrap();
    let o = t.app.subject_of(other).await.unwrap();
    // Other signs for his organisation, so allies and audit log have content.
    t.app.sign(&o, space, Some(other_org)).await.unwrap();
    t.app.sign(&o, space, None).await.unwrap();
    let pending_elsewhere = t.app.sign(&o, network, None).await.unwrap().id.0;
    // Other also represents the representative's organisation, so revoking can be tried.
    t.app
        .grant_representative(
            &t.app.subject_of(rep).await.unwrap(),
            org,
            "other@example.pl",
            "representative",
        )
        .await
        .unwrap();
    // Mail in the outbox, with an address in it.
    t.app
        .request_password_reset("other@example.pl", &Default::default())
        .await
        .unwrap();
    let mut rounds = Vec::new();
    for phase in Phase::ALL {
        rounds.push(round_in(&t, &admin, &o, space, phase).await);
    }
    World {
        t,
        org: org.0,
        other_org: other_org.0,
        other_user: other.0,
        member_signature,
        pending_elsewhere,
        rounds,
    }
}

/// A round taken to `phase` the way a real one gets there: a pool, the official, the
/// committee's key, a proposal by `author` with an image, verified, one ballot, the count.
async fn round_in(
    t: &TestApp,
    admin: &Subject,
    author: &Subject,
    space: wspolnota_domain::ids::SpaceId,
    phase: Phase,
) -> RoundIds {
    let now = t.app.now().0;
    let calendar = Calendar::new(
        Timestamp(now + 100),
        Timestamp(now + 200),
        Timestamp(now + 300),
        Timestamp(now + 400),
        Timestamp(now + 500),
    )
    .unwrap();
    let form = NewRound {
        title: format!("BO {}", phase.as_str()),
        calendar,
        supports_required: 0,
        appeal_days: 7,
        allow_ballot_change: false,
        districts: vec![],
        rules: RoundRules {
            min_public_voters: 1,
            ..Default::default()
        },
    };
    let id = t.app.create_round(admin, space, form).await.unwrap();
    let round = || async { t.app.round(id).await.unwrap() };
    let pool = t
        .app
        .add_pool(
            admin,
            &round().await,
            "Miasto",
            Money(10_000_000),
            BallotKind::Approval { max: 2, min: 1 },
            CountingRule::Greedy { min_votes: 0 },
        )
        .await
        .unwrap();
    t.app
        .add_official(admin, &round().await, "official@example.pl")
        .await
        .unwrap();
    let (_, shares) = t
        .app
        .create_committee_key(admin, &round().await, 3, 2)
        .await
        .unwrap();
    let shares: Vec<String> = shares[1..].iter().map(|s| s.as_text()).collect();
    let mut ids = RoundIds {
        phase,
        id,
        pool,
        proposal: 999_999,
        image: 999_999,
    };
    let advance = |to: Phase| async move {
        t.app
            .advance_round(admin, &t.app.round(id).await.unwrap(), to)
            .await
            .unwrap();
    };
    if phase >= Phase::Submission {
        advance(Phase::Submission).await;
        let form = ProposalForm {
            pool_id: pool,
            title: "Park".into(),
            description_md: "Zieleń.".into(),
            place: "Konin".into(),
            items: vec![LineItem {
                label: "Drzewa".into(),
                amount: Money(1_000_000),
            }],
        };
        let r = round().await;
        ids.proposal = t.app.submit_proposal(author, &r, form).await.unwrap();
        ids.image = t
            .app
            .add_proposal_image(author, &r, ids.proposal, "Park", PNG)
            .await
            .unwrap();
    }
    if phase >= Phase::Verification {
        advance(Phase::Verification).await;
        let verdict = VerificationForm {
            accepted: true,
            reason: "Zgodny.".into(),
            ..Default::default()
        };
        t.app
            .verify_proposal(admin, &round().await, ids.proposal, verdict)
            .await
            .unwrap();
    }
    if phase >= Phase::Appeals {
        advance(Phase::Appeals).await;
    }
    if phase >= Phase::Voting {
        advance(Phase::Voting).await;
        let r = round().await;
        let desk = Desk {
            name: "Inna Osoba".into(),
            address: "ul. Krótka 1".into(),
            ..Desk::default()
        };
        t.app.declare_residence(author, &r, &desk).await.unwrap();
        let pick = [Choice {
            project: ids.proposal,
            points: 1,
        }];
        t.app.cast_ballot(author, &r, pool, &pick).await.unwrap();
    }
    if phase >= Phase::Counting {
        advance(Phase::Counting).await;
    }
    if phase >= Phase::Results {
        t.app
            .count_round(admin, &round().await, &shares)
            .await
            .unwrap();
    }
    assert_eq!(t.app.phase(&round().await), phase);
    ids
}

async fn client_for(w: &World, role: Role) -> Client {
    match email_of(role) {
        Some(e) => w.t.login(e).await,
        None => Client::new(),
    }
}

fn letters(row: &Row, phase: Phase) -> String {
    match row.expect {
        All(s) => s.to_string(),
        ByPhase(f) => f(phase).to_string(),
        Proposal(missing, _) if phase == Phase::Preparation => missing.to_string(),
        Proposal(_, s) => s.to_string(),
    }
}

fn status_letter(r: &Resp, api: bool) -> char {
    // The login form, not a notice shown on it after signing up.
    let location = r.location();
    let to_login = location == "/konto/logowanie" || location.starts_with("/konto/logowanie?next=");
    match r.status.as_u16() {
        200 => 'O',
        401 if api => 'L',
        303 if to_login && !api => 'L',
        303 => 'R',
        403 => 'F',
        404 => 'N',
        409 => 'C',
        422 => 'U',
        400 => 'B',
        s if s >= 500 => '!',
        _ => '?',
    }
}

/// A write's answer as the table says it: refused (`L`, `F`, `N`), allowed (`A`), or a
/// server error.
fn write_letter(r: &Resp, api: bool) -> char {
    match status_letter(r, api) {
        c @ ('L' | 'F' | 'N' | '!') => c,
        _ => 'A',
    }
}

async fn send(w: &World, c: &mut Client, row: &Row, path: &str, r: &RoundIds, empty: bool) -> Resp {
    let fill = |s: &str| concrete(s, w, r);
    let (body, empty) = match (row.invalid, empty) {
        (Some(b), true) => (b, false),
        _ => (row.body, empty),
    };
    match (body, empty) {
        (Body::Multipart, true) => w.t.post_multipart(c, path, &[]).await,
        (Body::Multipart, false) => {
            w.t.post_multipart(
                c,
                path,
                &[("alt", None, &b"Park"[..]), ("image", Some("a.png"), PNG)],
            )
            .await
        }
        (Body::Json(_), true) => send_json(w, c, &row.method, path, "{}").await,
        (Body::Json(j), false) => send_json(w, c, &row.method, path, &fill(j)).await,
        (Body::Form(_), true) | (Body::None, _) if row.method == Method::DELETE => {
            w.t.delete(c, path).await
        }
        (Body::Form(_), true) | (Body::None, _) => w.t.post_form(c, path, &[]).await,
        (Body::Form(fields), false) => {
            let filled: Vec<(&str, String)> = fields.iter().map(|(k, v)| (*k, fill(v))).collect();
            let fields: Vec<(&str, &str)> = filled.iter().map(|(k, v)| (*k, v.as_str())).collect();
            w.t.post_form(c, path, &fields).await
        }
    }
}

async fn send_json(w: &World, c: &mut Client, method: &Method, path: &str, json: &str) -> Resp {
    if method == Method::POST {
        return w.t.post_json(c, path, json).await;
    }
    let req = axum::http::Request::builder()
        .method(method.clone())
        .uri(path)
        .header(
            axum::http::header::COOKIE,
            c.cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; "),
        )
        .header(axum::http::header::CONTENT_TYPE, "application/json")
        .header("x-csrf-token", c.csrf())
        .body(axum::body::Body::from(json.to_string()))
        .unwrap();
    w.t.send(c, req).await
}

/// The rounds a row is tried in: every phase for a round's routes, one otherwise.
fn rounds_for<'a>(w: &'a World, row: &Row) -> &'a [RoundIds] {
    if is_round_route(row.pattern) {
        &w.rounds
    } else {
        &w.rounds[..1]
    }
}

#[test]
fn every_route_has_a_row_and_every_row_a_route() {
    let routes: BTreeSet<(String, String)> = wspolnota_web::route_list()
        .into_iter()
        .filter(|(_, p)| !common::is_coop_route(p))
        .map(|(m, p)| (m.to_string(), p))
        .collect();
    let rows: BTreeSet<(String, String)> = table()
        .iter()
        .map(|r| (r.method.to_string(), r.pattern.to_string()))
        .collect();
    let missing: Vec<String> = routes
        .difference(&rows)
        .map(|(m, p)| format!("{m} {p} has no row in the permission table"))
        .collect();
    let stale: Vec<String> = rows
        .difference(&routes)
        .map(|(m, p)| format!("{m} {p} is in the permission table but not in the router"))
        .collect();
    let all: Vec<String> = missing.into_iter().chain(stale).collect();
    assert!(all.is_empty(), "{}", all.join("\n"));
    for row in table() {
        for (i, phase) in Phase::ALL.into_iter().enumerate() {
            let l = letters(&row, phase);
            assert_eq!(l.len(), ROLES.len(), "{} {} [{i}]", row.method, row.pattern);
        }
    }
}

async fn every_page_with_every_role(backend: Backend) {
    let w = world(backend).await;
    let rows: Vec<Row> = table()
        .into_iter()
        .filter(|r| r.method == Method::GET)
        .collect();
    let mut failures = Vec::new();
    for (i, role) in ROLES.iter().enumerate() {
        let mut c = client_for(&w, *role).await;
        for row in &rows {
            for r in rounds_for(&w, row) {
                let path = concrete(row.path.unwrap_or(row.pattern), &w, r);
                let resp = w.t.get(&mut c, &path).await;
                let expected = letters(row, r.phase).as_bytes()[i] as char;
                let got = status_letter(&resp, path.starts_with("/api/"));
                if got != expected {
                    failures.push(format!(
                        "GET {} [{}] as {role:?}: {} → {} (expected {expected})",
                        row.pattern,
                        r.phase.as_str(),
                        resp.status,
                        resp.location(),
                    ));
                }
                // E-mail addresses: one's own may show; only the platform admin sees others'.
                for email in EMAILS {
                    let own = email_of(*role) == Some(email);
                    if resp.body.contains(email) && !own && *role != Role::PlatformAdmin {
                        failures.push(format!("GET {path} as {role:?} shows {email}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

async fn every_write_with_every_role(backend: Backend) {
    let rows: Vec<Row> = table()
        .into_iter()
        .filter(|r| r.method != Method::GET)
        .collect();
    let mut failures = Vec::new();
    for (i, role) in ROLES.iter().enumerate() {
        // A world for each role, so that one role's actions never change another's answers.
        let w = world(backend).await;
        let mut c = client_for(&w, *role).await;
        for row in &rows {
            for r in rounds_for(&w, row) {
                let path = concrete(row.path.unwrap_or(row.pattern), &w, r);
                let api = path.starts_with("/api/");
                let expected = letters(row, r.phase).as_bytes()[i] as char;
                let what = format!(
                    "{} {} [{}] as {role:?}",
                    row.method,
                    row.pattern,
                    r.phase.as_str()
                );
                if matches!(expected, 'L' | 'F') {
                    // Refused whatever the body says: an empty one too, never 422.
                    let resp = send(&w, &mut c, row, &path, r, true).await;
                    let got = write_letter(&resp, api);
                    if got != expected {
                        failures.push(format!(
                            "{what}, empty body: {} {} (expected {expected})",
                            resp.status,
                            resp.body
                                .replace('\n', " ")
                                .chars()
                                .take(100)
                                .collect::<String>()
                        ));
                    }
                }
                let resp = send(&w, &mut c, row, &path, r, false).await;
                let got = write_letter(&resp, api);
                if got != expected {
                    failures.push(format!(
                        "{what}: {} → {} (expected {expected})",
                        resp.status,
                        resp.location()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

on_both_backends!(every_page_with_every_role, every_write_with_every_role);
