//! Personal access tokens: how scripts use the API without a browser session.
//!
//! A token is shown once, at creation, and stored only as its SHA-256. It carries
//! scopes, each a part of what its owner may do; the permission policy still decides
//! what the owner may do at all. A request with a token needs no CSRF header: the
//! token is in a header no other site can make a browser send.

use crate::{tokens, App, AppError};
use wspolnota_domain::ids::UserId;
use wspolnota_domain::text;
use wspolnota_store::{api_tokens, users, StoreError};

pub use wspolnota_store::api_tokens::ApiToken;

crate::error::refusals! {
    /// Refusals of token requests and of their use.
    TokenError {
        Invalid => "auth.token_invalid", Unauthorized;
        Scope => "auth.token_scope", Forbidden;
        NoScopes => "token.no_scopes", Unacceptable;
        TooMany => "token.too_many", Conflict;
    }
}

/// What a token may be used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    /// Reading (every GET), and checking a receipt.
    Read,
    /// Declaring residence and casting ballots.
    Vote,
    /// Every other change: signing, organisations, proposals, counting.
    Manage,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::Read, Scope::Vote, Scope::Manage];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Read => "read",
            Scope::Vote => "vote",
            Scope::Manage => "manage",
        }
    }

    pub fn parse(s: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// The scopes of a token, as stored (space-separated).
pub fn parse_scopes(stored: &str) -> Vec<Scope> {
    stored.split_whitespace().filter_map(Scope::parse).collect()
}

/// The scope an API call needs: by method and path under `/api/v1`.
pub fn required_scope(method: &str, path: &str) -> Scope {
    let path = path.trim_end_matches('/');
    match method {
        "GET" | "HEAD" | "OPTIONS" => Scope::Read,
        // Checking a receipt reads; it is a POST only so the code stays out of logs.
        "POST" if path.ends_with("/receipt") => Scope::Read,
        "POST" if path.ends_with("/ballots") => Scope::Vote,
        "PUT" if path.ends_with("/residence") => Scope::Vote,
        _ => Scope::Manage,
    }
}

/// Live tokens one person may hold.
pub const MAX_LIVE_TOKENS: i64 = 20;
const NAME_MAX: usize = 80;
const PREFIX: &str = "wsp_";

/// A token just made: its secret, shown once.
#[derive(Debug, Clone)]
pub struct NewToken {
    pub id: i64,
    pub secret: String,
}

impl App {
    pub async fn create_api_token(
        &self,
        user: UserId,
        name: &str,
        scopes: &[Scope],
    ) -> Result<NewToken, AppError> {
        let name = text::required("token_name", name, NAME_MAX)?;
        let mut scopes = scopes.to_vec();
        scopes.sort();
        scopes.dedup();
        if scopes.is_empty() {
            return Err(TokenError::NoScopes.into());
        }
        let stored: Vec<&str> = scopes.iter().map(|s| s.as_str()).collect();
        let secret = format!("{PREFIX}{}", tokens::new_secret());
        let mut tx = self.store.begin().await?;
        if api_tokens::live_count(&mut tx, user).await? >= MAX_LIVE_TOKENS {
            return Err(TokenError::TooMany.into());
        }
        let id = api_tokens::insert(
            &mut tx,
            user,
            &name,
            &tokens::hash(&secret),
            &stored.join(" "),
            self.now(),
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(NewToken { id, secret })
    }

    pub async fn api_tokens(&self, user: UserId) -> Result<Vec<ApiToken>, AppError> {
        let mut c = self.store.read().await?;
        Ok(api_tokens::of_user(&mut c, user).await?)
    }

    pub async fn revoke_api_token(&self, user: UserId, id: i64) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        if !api_tokens::revoke(&mut tx, user, id, self.now()).await? {
            return Err(AppError::NotFound);
        }
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// The person and scopes behind a token; refused when the token is unknown,
    /// revoked, or its owner's account is gone.
    pub async fn token_user(&self, secret: &str) -> Result<(users::User, Vec<Scope>), AppError> {
        let secret = secret.trim();
        if !secret.starts_with(PREFIX) || secret.len() != PREFIX.len() + 64 {
            return Err(TokenError::Invalid.into());
        }
        let hash = tokens::hash(secret);
        let token = {
            let mut c = self.store.read().await?;
            api_tokens::by_hash(&mut c, &hash).await?
        };
        let Some(token) = token.filter(|t| !t.revoked) else {
            return Err(TokenError::Invalid.into());
        };
        let user = self.user(token.user_id).await?;
        if user.deleted {
            return Err(TokenError::Invalid.into());
        }
        // Noted at most hourly, so that a busy script does not write on every call.
        let now = self.now();
        if token
            .last_used_at
            .is_none_or(|t| t.plus_seconds(3600) <= now)
        {
            let mut tx = self.store.begin().await?;
            api_tokens::touch(&mut tx, token.id, now).await?;
            tx.commit().await.map_err(StoreError::from)?;
        }
        Ok((user, parse_scopes(&token.scopes)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_call_needs_the_scope_of_what_it_does() {
        assert_eq!(required_scope("GET", "/api/v1/spaces"), Scope::Read);
        assert_eq!(
            required_scope("POST", "/api/v1/budget/rounds/1/pools/2/receipt"),
            Scope::Read
        );
        assert_eq!(
            required_scope("POST", "/api/v1/budget/rounds/1/pools/2/ballots"),
            Scope::Vote
        );
        assert_eq!(
            required_scope("PUT", "/api/v1/budget/rounds/1/residence"),
            Scope::Vote
        );
        assert_eq!(
            required_scope("POST", "/api/v1/spaces/x/signatures"),
            Scope::Manage
        );
        assert_eq!(
            required_scope("DELETE", "/api/v1/spaces/x/signatures/3"),
            Scope::Manage
        );
        assert_eq!(
            required_scope("POST", "/api/v1/budget/rounds/1/count"),
            Scope::Manage
        );
    }

    #[test]
    fn stored_scopes_read_back() {
        assert_eq!(parse_scopes("read vote"), vec![Scope::Read, Scope::Vote]);
        assert_eq!(parse_scopes("read bogus"), vec![Scope::Read]);
    }
}
