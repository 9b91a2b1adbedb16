//! Markdown written by people, turned into HTML that cannot carry scripts.

use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Renders Markdown and sanitises the HTML with ammonia's allow-list (no scripts,
/// no event handlers, links get `rel="noopener noreferrer"`). Headings are moved
/// down by `demote` levels, so a document's own `##` sits under the page's `h2`.
pub fn render(markdown: &str, demote: u8) -> String {
    use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
    let shift = |level: HeadingLevel| -> HeadingLevel {
        let n = (level as usize + demote as usize).min(6);
        HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6)
    };
    let parser = pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES)
        .map(|e| match e {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: shift(level),
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shift(level))),
            other => other,
        });
    let mut html = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut html, parser);
    ammonia::clean(&html)
}

/// Like [`render`], remembering results by the hash of their input. Rendering and
/// sanitising is the costliest part of a space's page; the same text always gives
/// the same HTML, so the memo can never be stale, and it is bounded.
pub fn to_safe_html_nested(markdown: &str, demote: u8) -> Arc<str> {
    const MAX_ENTRIES: usize = 512;
    static MEMO: OnceLock<Mutex<HashMap<[u8; 32], Arc<str>>>> = OnceLock::new();
    let mut h = Sha256::new();
    h.update([demote]);
    h.update(markdown.as_bytes());
    let key: [u8; 32] = h.finalize().into();
    let memo = MEMO.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(hit) = memo.lock().ok().and_then(|m| m.get(&key).cloned()) {
        return hit;
    }
    let html: Arc<str> = render(markdown, demote).into();
    if let Ok(mut m) = memo.lock() {
        if m.len() >= MAX_ENTRIES {
            m.clear();
        }
        m.insert(key, html.clone());
    }
    html
}

/// Safe HTML of `markdown` with its headings as written.
pub fn to_safe_html(markdown: &str) -> Arc<str> {
    to_safe_html_nested(markdown, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_are_removed_and_text_kept() {
        let html =
            to_safe_html("**Miasto** to my <script>alert(1)</script> <img src=x onerror=alert(1)>");
        assert!(html.contains("<strong>Miasto</strong>"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("onerror"));
    }

    #[test]
    fn javascript_links_are_dropped() {
        let html = to_safe_html("[klik](javascript:alert(1))");
        assert!(!html.contains("javascript:"));
    }

    #[test]
    fn headings_can_be_moved_down() {
        assert!(render("## Cel", 1).contains("<h3>Cel</h3>"));
        assert!(render("###### Drobne", 2).contains("<h6>"));
        assert_eq!(
            to_safe_html_nested("## Cel", 1),
            to_safe_html_nested("## Cel", 1)
        );
        assert_ne!(
            to_safe_html_nested("## Cel", 1),
            to_safe_html_nested("## Cel", 0)
        );
    }
}
