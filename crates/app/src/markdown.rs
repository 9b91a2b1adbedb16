//! Markdown written by people, turned into HTML that cannot carry scripts.

use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Renders Markdown and sanitises the HTML with ammonia's allow-list (no scripts,
/// no event handlers, links get `rel="noopener noreferrer"`). Headings are moved
/// down by `demote` levels, so a document's own `##` sits under the page's `h2`.
/// Only images of this site with a text alternative stay images (see [`keep_images`]).
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
    keep_images(&ammonia::clean(&html))
}

/// Rewrites the `<img>` tags of sanitised HTML: an image from another site (it would
/// tell that site who reads the page: a tracking pixel) or one without a text
/// alternative is not shown; its alternative text is, or, when it has none, a link to
/// it. Images of this site (an address starting with one `/`) with an alternative stay.
///
/// It reads ammonia's output, which the html5ever serialiser writes in one form: a
/// `<` in text is always `&lt;`, so every `<img` is a tag, and attribute values are
/// always in double quotes with `"` escaped.
fn keep_images(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<img") {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        let Some(end) = tag_end(tag) else {
            // Cannot happen with the serialiser's output; drop the rest rather than guess.
            return out;
        };
        let attrs = attributes(&tag[4..end]);
        let get = |name: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
                .unwrap_or("")
        };
        let (src, alt) = (get("src"), get("alt"));
        let local = src.starts_with('/') && !src.starts_with("//");
        if local && !unescape(alt).trim().is_empty() {
            out.push_str(&tag[..=end]);
        } else if !unescape(alt).trim().is_empty() {
            out.push_str(&escape(&unescape(alt)));
        } else if !src.is_empty() {
            // The value is still escaped as an attribute, so it can go back into one.
            out.push_str(&format!(
                "<a href=\"{src}\" rel=\"noopener noreferrer nofollow\">{}</a>",
                escape(&unescape(src))
            ));
        }
        rest = &tag[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The index of the `>` closing the tag at the start of `tag`, outside quotes.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quoted = false;
    for (i, c) in tag.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '>' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// `name="value"` pairs of a serialised tag (values left escaped).
fn attributes(mut s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    loop {
        s = s.trim_start_matches([' ', '/']);
        let Some(eq) = s.find('=') else { break };
        let name = s[..eq].trim().to_ascii_lowercase();
        let after = &s[eq + 1..];
        let Some(value) = after.strip_prefix('"') else {
            break;
        };
        let Some(close) = value.find('"') else { break };
        out.push((name, value[..close].to_string()));
        s = &value[close + 1..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
    fn remote_images_are_not_loaded() {
        let html = render(
            "Zobacz ![Plan parku](https://tracker.example/p.png?u=1&x=2)",
            0,
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("Plan parku"),
            "its alternative is shown: {html}"
        );
        let html = render("![](https://tracker.example/pixel.gif)", 0);
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("<a href=\"https://tracker.example/pixel.gif\""),
            "a link instead: {html}"
        );
        let html = render("![x](//tracker.example/p.png)", 0);
        assert!(
            !html.contains("<img"),
            "protocol-relative is remote: {html}"
        );
    }

    #[test]
    fn raw_html_images_are_treated_alike() {
        let html = render(
            "<img src=\"https://tracker.example/p.gif\" alt=\"a <b>\">",
            0,
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("a &lt;b&gt;"),
            "the alternative, escaped: {html}"
        );
        let html = render("tekst <IMG SRC=https://tracker.example/p.gif> dalej", 0);
        assert!(!html.contains("<img"), "{html}");
        let html = render("<img src=\"/zdjecie.png\" alt=\"Ławka\">", 0);
        assert!(
            html.contains("<img src=\"/zdjecie.png\" alt=\"Ławka\">"),
            "{html}"
        );
    }

    #[test]
    fn images_need_a_text_alternative() {
        let html = render("![](/plan.png)", 0);
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("<a href=\"/plan.png\""), "{html}");
        let html = render("![  ](/plan.png)", 0);
        assert!(!html.contains("<img"), "blank is no alternative: {html}");
        let html = render("![Plan \"nowy\" parku](/plan.png)", 0);
        assert!(
            html.contains("<img src=\"/plan.png\" alt=\"Plan &quot;nowy&quot; parku\">"),
            "a local image with its alternative stays: {html}"
        );
        let html = render(
            "<img src=\"/a.png\" alt=\"x\"><img src=\"https://e.example/b.png\" alt=\"y > z\">",
            0,
        );
        assert_eq!(html.matches("<img").count(), 1, "{html}");
        assert!(html.contains("y &gt; z"), "{html}");
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
