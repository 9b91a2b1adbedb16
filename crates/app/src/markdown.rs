//! Markdown written by people, turned into HTML that cannot carry scripts.

/// Renders Markdown and sanitises the HTML with ammonia's allow-list
/// (no scripts, no event handlers, links get `rel="noopener noreferrer"`).
pub fn to_safe_html(markdown: &str) -> String {
    let parser = pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES);
    let mut html = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut html, parser);
    ammonia::clean(&html)
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
}
