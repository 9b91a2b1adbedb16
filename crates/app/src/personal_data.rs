//! A person's own data: everything the platform holds about them, to read and to take
//! away (art. 15 and 20 GDPR), and the consents they may withdraw (art. 7(3)).
//!
//! It is always the asking person's data: the use case takes no other id. Ballots are
//! not part of it: they are sealed to the election committee and, once counted, stored
//! under random tokens with nothing that leads back to a voter. The register says only
//! that the person voted in a pool.

use crate::budget::account_key_before_persons;
use crate::{App, AppError};
use serde::{Serialize, Serializer};
use wspolnota_domain::ids::UserId;
use wspolnota_store::personal_data as store;

/// A moment, kept as Unix seconds and written in JSON as UTC, `2026-05-28T20:26:40Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Moment(pub i64);

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&utc(self.0))
    }
}

/// Unix seconds as an RFC 3339 time in UTC (days to a civil date after H. Hinnant's
/// well-known algorithm; no calendar library in this crate).
fn utc(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rest = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

fn moment(secs: Option<i64>) -> Option<Moment> {
    secs.map(Moment)
}

/// An optional consent a person gave and may withdraw at any time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    /// To be named on public lists of allies.
    ListPublicly,
}

impl Consent {
    pub const ALL: [Consent; 1] = [Consent::ListPublicly];

    pub fn code(self) -> &'static str {
        match self {
            Consent::ListPublicly => "list_publicly",
        }
    }

    pub fn parse(code: &str) -> Option<Consent> {
        Consent::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Everything the platform holds about one person.
#[derive(Debug, Clone, Serialize)]
pub struct PersonalData {
    pub prepared_at: Moment,
    pub account: Account,
    pub consents: Vec<ConsentState>,
    pub organisations: Vec<Representation>,
    pub spaces_administered: Vec<SpaceAdministered>,
    pub signatures: Vec<Signature>,
    pub budget: Budget,
    pub sessions: Sessions,
    pub email_links: Vec<EmailLink>,
    pub mail: Vec<Mail>,
    /// Failed logins counted for the address (kept for the login window only).
    pub failed_logins: i64,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Account {
    pub id: i64,
    pub email: Option<String>,
    pub display_name: String,
    pub city: Option<String>,
    pub locale: Option<String>,
    pub created_at: Moment,
    pub email_confirmed_at: Option<Moment>,
    pub platform_admin: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConsentState {
    pub consent: Consent,
    pub given: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Representation {
    pub organisation_id: i64,
    pub organisation: String,
    pub role: String,
    pub granted_at: Moment,
    pub revoked_at: Option<Moment>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SpaceAdministered {
    pub space: String,
    pub name: String,
    pub granted_at: Moment,
}

#[derive(Debug, Clone, Serialize)]
pub struct Signature {
    pub space: String,
    pub space_name: String,
    pub document: String,
    pub document_version: i64,
    /// The organisation signed for; none for a signature in one's own name.
    pub on_behalf_of: Option<String>,
    pub signer_name: String,
    pub status: String,
    pub signed_at: Moment,
    pub decided_at: Option<Moment>,
    pub ended_at: Option<Moment>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Budget {
    pub proposals: Vec<Proposal>,
    pub supports: Vec<Support>,
    pub declarations: Vec<Declaration>,
    /// The pools whose register of who voted has the person in it.
    pub register: Vec<RegisterEntry>,
    /// Rounds where the person verifies proposals as an official.
    pub official_in: Vec<RoundRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Proposal {
    pub id: i64,
    pub round_id: i64,
    pub round: String,
    pub title: String,
    pub place: Option<String>,
    pub status: String,
    pub cost_grosze: i64,
    pub appeal: Option<String>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

#[derive(Debug, Clone, Serialize)]
pub struct Support {
    pub proposal_id: i64,
    pub round_id: i64,
    pub round: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Declaration {
    pub round_id: i64,
    pub round: String,
    pub name: String,
    pub address: String,
    pub district: Option<String>,
    pub register_key: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RegisterEntry {
    pub round_id: i64,
    pub round: String,
    pub pool: String,
    /// How the vote came: `account`, `desk_code`, `bulk_code` or `paper`.
    pub channel: String,
    /// `counted`, or `void` when a second vote of the same person voided it.
    pub status: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoundRef {
    pub round_id: i64,
    pub round: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Sessions {
    pub count: usize,
    pub list: Vec<Session>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Session {
    pub created_at: Moment,
    pub expires_at: Moment,
}

#[derive(Debug, Clone, Serialize)]
pub struct EmailLink {
    pub purpose: String,
    pub expires_at: Moment,
    pub used_at: Option<Moment>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Mail {
    pub subject: String,
    pub queued_at: Moment,
    pub sent_at: Option<Moment>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Action {
    pub at: Moment,
    pub action: String,
    pub space: Option<String>,
    pub organisation: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// An audit entry's stored JSON as JSON again (as text should it not parse).
fn json(text: Option<String>) -> Option<serde_json::Value> {
    text.map(|t| serde_json::from_str(&t).unwrap_or(serde_json::Value::String(t)))
}

impl App {
    /// Everything stored about the person `user`.
    pub async fn personal_data(&self, user: UserId) -> Result<PersonalData, AppError> {
        let mut c = self.store.read().await?;
        let a = store::account(&mut c, user).await?;
        let mail = match &a.email {
            Some(address) => store::mail_to(&mut c, address).await?,
            None => Vec::new(),
        };
        let failed_logins = match &a.email {
            // The key the login counter uses for an address.
            Some(address) => {
                store::login_failures(&mut c, &crate::limits::login_address_key(address)).await?
            }
            None => 0,
        };
        let sessions: Vec<Session> = store::sessions(&mut c, user)
            .await?
            .into_iter()
            .map(|s| Session {
                created_at: Moment(s.created_at),
                expires_at: Moment(s.expires_at),
            })
            .collect();
        let budget = Budget {
            proposals: store::proposals(&mut c, user)
                .await?
                .into_iter()
                .map(|p| Proposal {
                    id: p.id,
                    round_id: p.round_id,
                    round: p.round_title,
                    title: p.title,
                    place: p.place,
                    status: p.status,
                    cost_grosze: p.cost_grosze,
                    appeal: p.appeal_text,
                    created_at: Moment(p.created_at),
                    updated_at: Moment(p.updated_at),
                })
                .collect(),
            supports: store::supports(&mut c, user)
                .await?
                .into_iter()
                .map(|s| Support {
                    proposal_id: s.proposal_id,
                    round_id: s.round_id,
                    round: s.round_title,
                    title: s.title,
                })
                .collect(),
            declarations: store::residences(&mut c, user)
                .await?
                .into_iter()
                .map(|r| Declaration {
                    round_id: r.round_id,
                    round: r.round_title,
                    name: r.name,
                    address: r.address,
                    district: r.district,
                    register_key: r.register_key,
                })
                .collect(),
            register: store::register_entries(&mut c, user, &account_key_before_persons(user))
                .await?
                .into_iter()
                .map(|r| RegisterEntry {
                    round_id: r.round_id,
                    round: r.round_title,
                    pool: r.pool_name,
                    channel: r.channel,
                    status: r.status,
                })
                .collect(),
            official_in: store::official_of(&mut c, user)
                .await?
                .into_iter()
                .map(|(round_id, round)| RoundRef { round_id, round })
                .collect(),
        };
        Ok(PersonalData {
            prepared_at: Moment(self.now().0),
            consents: vec![ConsentState {
                consent: Consent::ListPublicly,
                given: a.list_publicly,
            }],
            account: Account {
                id: user.0,
                email: a.email,
                display_name: a.display_name,
                city: a.city,
                locale: a.locale,
                created_at: Moment(a.created_at),
                email_confirmed_at: moment(a.email_confirmed_at),
                platform_admin: a.is_platform_admin,
            },
            organisations: store::representations(&mut c, user)
                .await?
                .into_iter()
                .map(|r| Representation {
                    organisation_id: r.org_id,
                    organisation: r.org_name,
                    role: r.role,
                    granted_at: Moment(r.granted_at),
                    revoked_at: moment(r.revoked_at),
                })
                .collect(),
            spaces_administered: store::spaces_administered(&mut c, user)
                .await?
                .into_iter()
                .map(|s| SpaceAdministered {
                    space: s.slug,
                    name: s.name,
                    granted_at: Moment(s.granted_at),
                })
                .collect(),
            signatures: store::signatures(&mut c, user)
                .await?
                .into_iter()
                .map(|s| Signature {
                    space: s.space_slug,
                    space_name: s.space_name,
                    document: s.document_title,
                    document_version: s.document_version,
                    on_behalf_of: s.org_name,
                    signer_name: s.signer_name,
                    status: s.status,
                    signed_at: Moment(s.signed_at),
                    decided_at: moment(s.decided_at),
                    ended_at: moment(s.ended_at),
                })
                .collect(),
            budget,
            sessions: Sessions {
                count: sessions.len(),
                list: sessions,
            },
            email_links: store::email_links(&mut c, user)
                .await?
                .into_iter()
                .map(|l| EmailLink {
                    purpose: l.purpose,
                    expires_at: Moment(l.expires_at),
                    used_at: moment(l.used_at),
                })
                .collect(),
            mail: mail
                .into_iter()
                .map(|m| Mail {
                    subject: m.subject,
                    queued_at: Moment(m.created_at),
                    sent_at: moment(m.sent_at),
                })
                .collect(),
            failed_logins,
            actions: store::actions(&mut c, user)
                .await?
                .into_iter()
                .map(|a| Action {
                    at: Moment(a.at),
                    action: a.action,
                    space: a.space_slug,
                    organisation: a.org_name,
                    before: json(a.before),
                    after: json(a.after),
                })
                .collect(),
        })
    }

    /// Withdraws one of the person's optional consents, through the profile's own use
    /// case so there is one way to change it.
    pub async fn withdraw_consent(&self, user: UserId, consent: Consent) -> Result<(), AppError> {
        let current = self.user(user).await?;
        match consent {
            Consent::ListPublicly => {
                self.update_profile(
                    user,
                    &current.display_name,
                    current.city.as_deref().unwrap_or(""),
                    false,
                )
                .await
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_in_utc() {
        assert_eq!(utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc(1_780_000_000), "2026-05-28T20:26:40Z");
        assert_eq!(utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc(-1), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn consents_by_code() {
        assert_eq!(Consent::parse("list_publicly"), Some(Consent::ListPublicly));
        assert_eq!(Consent::parse("newsletter"), None);
    }
}
