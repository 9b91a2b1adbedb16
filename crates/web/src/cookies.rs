//! Reading and writing the few cookies the site uses.

use axum::http::HeaderMap;

pub const SESSION: &str = "wsp_session";
pub const CSRF: &str = "wsp_csrf";
pub const LANG: &str = "wsp_lang";
/// Proof that this browser logged in to an account before (see `app::limits`).
pub const DEVICE: &str = "wsp_device";

/// A cookie's name on the wire: on HTTPS with the `__Host-` prefix, which the browser
/// accepts only when Secure, for the whole site and from this host alone, so a
/// neighbouring subdomain cannot plant a session or CSRF cookie.
pub fn name(base: &str, secure: bool) -> String {
    if secure {
        format!("__Host-{base}")
    } else {
        base.to_string()
    }
}

/// The value of cookie `base` from the request headers.
pub fn get(headers: &HeaderMap, base: &str, secure: bool) -> Option<String> {
    get_named(headers, &name(base, secure))
}

fn get_named(headers: &HeaderMap, name: &str) -> Option<String> {
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

/// A `Set-Cookie` value. Every cookie is HttpOnly and SameSite=Lax; `Secure` (and
/// `__Host-` named) when the site is served over HTTPS.
pub fn set(base: &str, value: &str, max_age_secs: i64, secure: bool) -> String {
    let name = name(base, secure);
    let flag = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Lax{flag}")
}

pub fn clear(base: &str, secure: bool) -> String {
    set(base, "", 0, secure)
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
        assert_eq!(get(&h, LANG, false).as_deref(), Some("en"));
        assert_eq!(get(&h, SESSION, false), None);
        // On HTTPS only the prefixed cookie counts.
        assert_eq!(get(&h, LANG, true), None);
    }

    #[test]
    fn https_cookies_are_host_prefixed_and_secure() {
        let c = set(SESSION, "abc", 60, true);
        assert!(c.starts_with("__Host-wsp_session=abc; Path=/;"));
        assert!(c.ends_with("; Secure"));
        assert!(!set(SESSION, "abc", 60, false).contains("Secure"));
    }
}
