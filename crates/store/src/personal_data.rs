//! Everything stored about one person, read for them (art. 15 and 20 GDPR). Every
//! query is keyed by the person's own id (or address), so nothing here reaches anyone
//! else's rows. Ballots are not read: they are stored apart from identity, with no
//! column that leads back to a voter.

use crate::{Conn, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use wspolnota_domain::ids::UserId;

fn all<T>(
    rows: Vec<AnyRow>,
    f: fn(&AnyRow) -> Result<T, sqlx::Error>,
) -> Result<Vec<T>, StoreError> {
    rows.iter()
        .map(f)
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// The account row, with the times the account struct leaves out.
#[derive(Debug, Clone)]
pub struct AccountRow {
    pub email: Option<String>,
    pub display_name: String,
    pub city: Option<String>,
    pub list_publicly: bool,
    pub locale: Option<String>,
    pub email_confirmed_at: Option<i64>,
    pub is_platform_admin: bool,
    pub created_at: i64,
}

pub async fn account(c: &mut Conn, user: UserId) -> Result<AccountRow, StoreError> {
    let r = sqlx::query(
        "SELECT email, display_name, city, list_publicly, locale, email_confirmed_at, \
         is_platform_admin, created_at FROM users WHERE id = $1",
    )
    .bind(user.0)
    .fetch_one(c)
    .await?;
    Ok(AccountRow {
        email: r.try_get("email")?,
        display_name: r.try_get("display_name")?,
        city: r.try_get("city")?,
        list_publicly: r.try_get::<i64, _>("list_publicly")? != 0,
        locale: r.try_get("locale")?,
        email_confirmed_at: r.try_get("email_confirmed_at")?,
        is_platform_admin: r.try_get::<i64, _>("is_platform_admin")? != 0,
        created_at: r.try_get("created_at")?,
    })
}

/// A grant to act for an organisation, current or ended.
#[derive(Debug, Clone)]
pub struct RepresentationRow {
    pub org_id: i64,
    pub org_name: String,
    pub role: String,
    pub granted_at: i64,
    pub revoked_at: Option<i64>,
}

pub async fn representations(
    c: &mut Conn,
    user: UserId,
) -> Result<Vec<RepresentationRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT r.org_id, o.name, r.role, r.granted_at, r.revoked_at FROM org_representatives r \
         JOIN organisations o ON o.id = r.org_id WHERE r.user_id = $1 ORDER BY r.granted_at, r.id",
    )
    .bind(user.0)
    .fetch_all(c)
    .await?;
    all(rows, |r| {
        Ok(RepresentationRow {
            org_id: r.try_get("org_id")?,
            org_name: r.try_get("name")?,
            role: r.try_get("role")?,
            granted_at: r.try_get("granted_at")?,
            revoked_at: r.try_get("revoked_at")?,
        })
    })
}

/// A space the person administers.
#[derive(Debug, Clone)]
pub struct SpaceAdminRow {
    pub slug: String,
    pub name: String,
    pub granted_at: i64,
}

pub async fn spaces_administered(
    c: &mut Conn,
    user: UserId,
) -> Result<Vec<SpaceAdminRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT s.slug, s.name, a.granted_at FROM space_admins a JOIN spaces s ON s.id = a.space_id \
         WHERE a.user_id = $1 ORDER BY a.granted_at, s.id",
    )
    .bind(user.0)
    .fetch_all(c)
    .await?;
    all(rows, |r| {
        Ok(SpaceAdminRow {
            slug: r.try_get("slug")?,
            name: r.try_get("name")?,
            granted_at: r.try_get("granted_at")?,
        })
    })
}

/// A signature the person made, for themselves or for an organisation.
#[derive(Debug, Clone)]
pub struct SignatureRow {
    pub space_slug: String,
    pub space_name: String,
    pub document_title: String,
    pub document_version: i64,
    pub org_name: Option<String>,
    pub signer_name: String,
    pub status: String,
    pub signed_at: i64,
    pub decided_at: Option<i64>,
    pub ended_at: Option<i64>,
}

pub async fn signatures(c: &mut Conn, user: UserId) -> Result<Vec<SignatureRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT s.slug, s.name AS space_name, d.title, d.version, o.name AS org_name, g.signer_name, \
         g.status, g.signed_at, g.decided_at, g.ended_at FROM signatures g \
         JOIN spaces s ON s.id = g.space_id JOIN space_documents d ON d.id = g.document_id \
         LEFT JOIN organisations o ON o.id = g.org_id WHERE g.user_id = $1 ORDER BY g.signed_at, g.id",
    )
    .bind(user.0)
    .fetch_all(c)
    .await?;
    all(rows, |r| {
        Ok(SignatureRow {
            space_slug: r.try_get("slug")?,
            space_name: r.try_get("space_name")?,
            document_title: r.try_get("title")?,
            document_version: r.try_get("version")?,
            org_name: r.try_get("org_name")?,
            signer_name: r.try_get("signer_name")?,
            status: r.try_get("status")?,
            signed_at: r.try_get("signed_at")?,
            decided_at: r.try_get("decided_at")?,
            ended_at: r.try_get("ended_at")?,
        })
    })
}

/// A participatory-budget proposal the person wrote.
#[derive(Debug, Clone)]
pub struct ProposalRow {
    pub id: i64,
    pub round_id: i64,
    pub round_title: String,
    pub title: String,
    pub place: Option<String>,
    pub status: String,
    pub cost_grosze: i64,
    pub appeal_text: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

pub async fn proposals(c: &mut Conn, user: UserId) -> Result<Vec<ProposalRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT p.id, p.round_id, r.title AS round_title, p.title, p.place, p.status, p.cost_grosze, \
         p.appeal_text, p.created_at, p.updated_at FROM proposals p \
         JOIN budget_rounds r ON r.id = p.round_id WHERE p.author_id = $1 ORDER BY p.id",
    )
    .bind(user.0)
    .fetch_all(c)
    .await?;
    all(rows, |r| {
        Ok(ProposalRow {
            id: r.try_get("id")?,
            round_id: r.try_get("round_id")?,
            round_title: r.try_get("round_title")?,
            title: r.try_get("title")?,
            place: r.try_get("place")?,
            status: r.try_get("status")?,
            cost_grosze: r.try_get("cost_grosze")?,
            appeal_text: r.try_get("appeal_text")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
        })
    })
}

/// A proposal the person supported.
#[derive(Debug, Clone)]
pub struct SupportRow {
    pub proposal_id: i64,
    pub round_id: i64,
    pub round_title: String,
    pub title: String,
}

pub async fn supports(c: &mut Conn, user: UserId) -> Result<Vec<SupportRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT p.id, p.round_id, r.title AS round_title, p.title FROM proposal_supports s \
         JOIN proposals p ON p.id = s.proposal_id JOIN budget_rounds r ON r.id = p.round_id \
         WHERE s.user_id = $1 ORDER BY p.id",
    )
    .bind(user.0)
    .fetch_all(c)
    .await?;
    all(rows, |r| {
        Ok(SupportRow {
            proposal_id: r.try_get("id")?,
            round_id: r.try_get("round_id")?,
            round_title: r.try_get("round_title")?,
            title: r.try_get("title")?,
        })
    })
}

/// What the person declared to vote in a round: who and where they are.
#[derive(Debug, Clone)]
pub struct ResidenceRow {
    pub round_id: i64,
    pub round_title: String,
    pub name: String,
    pub address: String,
    pub district: Option<String>,
    /// The person as the round's register knows them (a normalised name and address,
    /// or a keyed hash of a PESEL).
    pub register_key: String,
}

pub async fn residences(c: &mut Conn, user: UserId) -> Result<Vec<ResidenceRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT b.round_id, r.title, b.name, b.address, b.district, b.person_key FROM budget_residents b \
         JOIN budget_rounds r ON r.id = b.round_id WHERE b.user_id = $1 ORDER BY b.round_id",
    )
    .bind(user.0)
    .fetch_all(c)
    .await?;
    all(rows, |r| {
        Ok(ResidenceRow {
            round_id: r.try_get("round_id")?,
            round_title: r.try_get("title")?,
            name: r.try_get("name")?,
            address: r.try_get("address")?,
            district: r.try_get("district")?,
            register_key: r.try_get("person_key")?,
        })
    })
}

/// An entry of a pool's register of who voted: that the person voted, by which
/// channel, and whether the vote stands. Never what they voted.
#[derive(Debug, Clone)]
pub struct RegisterRow {
    pub round_id: i64,
    pub round_title: String,
    pub pool_name: String,
    pub channel: String,
    pub status: String,
}

/// The register entries under the key the person declared in each round, and under
/// `legacy_key`, the key accounts voted under before rounds knew people by name and
/// address (it may have no declaration beside it).
pub async fn register_entries(
    c: &mut Conn,
    user: UserId,
    legacy_key: &str,
) -> Result<Vec<RegisterRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT r.id AS round_id, r.title, p.id AS pool_id, p.name AS pool_name, v.channel, v.status \
         FROM budget_residents b JOIN budget_rounds r ON r.id = b.round_id \
         JOIN budget_pools p ON p.round_id = b.round_id \
         JOIN budget_voters v ON v.pool_id = p.id AND v.voter_key = b.person_key WHERE b.user_id = $1 \
         UNION SELECT r.id AS round_id, r.title, p.id AS pool_id, p.name AS pool_name, v.channel, v.status \
         FROM budget_voters v JOIN budget_pools p ON p.id = v.pool_id \
         JOIN budget_rounds r ON r.id = p.round_id WHERE v.voter_key = $2 \
         ORDER BY round_id, pool_id",
    )
    .bind(user.0)
    .bind(legacy_key)
    .fetch_all(c)
    .await?;
    all(rows, |r| {
        Ok(RegisterRow {
            round_id: r.try_get("round_id")?,
            round_title: r.try_get("title")?,
            pool_name: r.try_get("pool_name")?,
            channel: r.try_get("channel")?,
            status: r.try_get("status")?,
        })
    })
}

/// Rounds in which the person verifies proposals as an official.
pub async fn official_of(c: &mut Conn, user: UserId) -> Result<Vec<(i64, String)>, StoreError> {
    let rows = sqlx::query(
        "SELECT r.id, r.title FROM budget_officials o JOIN budget_rounds r ON r.id = o.round_id \
         WHERE o.user_id = $1 ORDER BY r.id",
    )
    .bind(user.0)
    .fetch_all(c)
    .await?;
    all(rows, |r| Ok((r.try_get("id")?, r.try_get("title")?)))
}

/// A login session: when it began and ends. Not its secret, nor the secret's hash.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub created_at: i64,
    pub expires_at: i64,
}

pub async fn sessions(c: &mut Conn, user: UserId) -> Result<Vec<SessionRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT created_at, expires_at FROM sessions WHERE user_id = $1 ORDER BY created_at",
    )
    .bind(user.0)
    .fetch_all(c)
    .await?;
    all(rows, |r| {
        Ok(SessionRow {
            created_at: r.try_get("created_at")?,
            expires_at: r.try_get("expires_at")?,
        })
    })
}

/// A link sent by e-mail (confirmation, password reset): what for and until when.
#[derive(Debug, Clone)]
pub struct EmailLinkRow {
    pub purpose: String,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

pub async fn email_links(c: &mut Conn, user: UserId) -> Result<Vec<EmailLinkRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT purpose, expires_at, used_at FROM email_tokens WHERE user_id = $1 ORDER BY expires_at",
    )
    .bind(user.0)
    .fetch_all(c)
    .await?;
    all(rows, |r| {
        Ok(EmailLinkRow {
            purpose: r.try_get("purpose")?,
            expires_at: r.try_get("expires_at")?,
            used_at: r.try_get("used_at")?,
        })
    })
}

/// A message queued to the person's address: its subject and dates (the body holds
/// links that work as secrets, so it is not handed out again).
#[derive(Debug, Clone)]
pub struct MailRow {
    pub subject: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

pub async fn mail_to(c: &mut Conn, address: &str) -> Result<Vec<MailRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT subject, created_at, sent_at FROM outbox WHERE to_addr = $1 ORDER BY id",
    )
    .bind(address)
    .fetch_all(c)
    .await?;
    all(rows, |r| {
        Ok(MailRow {
            subject: r.try_get("subject")?,
            created_at: r.try_get("created_at")?,
            sent_at: r.try_get("sent_at")?,
        })
    })
}

/// Login attempts counted under a key (the person's address) in its current window.
pub async fn login_failures(c: &mut Conn, key: &str) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar::<_, i64>("SELECT hits FROM rate_counters WHERE counter_key = $1")
            .bind(key)
            .fetch_optional(c)
            .await?
            .unwrap_or(0),
    )
}

/// An audit entry of something the person did.
#[derive(Debug, Clone)]
pub struct ActionRow {
    pub at: i64,
    pub action: String,
    pub space_slug: Option<String>,
    pub org_name: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The audit entries with the person as actor, oldest first.
pub async fn actions(c: &mut Conn, user: UserId) -> Result<Vec<ActionRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT a.at, a.action, s.slug, o.name, a.before_json, a.after_json FROM audit_log a \
         LEFT JOIN spaces s ON s.id = a.space_id LEFT JOIN organisations o ON o.id = a.org_id \
         WHERE a.actor_id = $1 ORDER BY a.id",
    )
    .bind(user.0)
    .fetch_all(c)
    .await?;
    all(rows, |r| {
        Ok(ActionRow {
            at: r.try_get("at")?,
            action: r.try_get("action")?,
            space_slug: r.try_get("slug")?,
            org_name: r.try_get("name")?,
            before: r.try_get("before_json")?,
            after: r.try_get("after_json")?,
        })
    })
}
