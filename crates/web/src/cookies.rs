//! Reading and writing the few cookies the site uses.

use axum::http::HeaderMap;

pub const SESSION: &str = "wsp_session";
pub const CSRF: &str = "wsp_csrf";
pub const LANG: &str = "wsp_lang";

/// The value of cookie `name` from the request headers.
pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim_matches('"').to_string())
        .filter(|v| !v.is_empty())
}

/// A `Set-Cookie` value. Every cookie is HttpOnly and SameSite=Lax; `secure`
/// when the site is served over HTTPS.
pub fn set(name: &str, value: &str, max_age_secs: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Lax{secure}")
}

pub fn clear(name: &str) -> String {
    format!("{name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_cookie_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            axum::http::header::COOKIE,
            "a=1; wsp_lang=en; b=2"
                .parse()
                .unwrap_or_else(|_| unreachable!()),
        );
        assert_eq!(get(&h, LANG).as_deref(), Some("en"));
        assert_eq!(get(&h, SESSION), None);
    }
}
