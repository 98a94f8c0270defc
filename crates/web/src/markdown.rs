//! Markdown from contributors, rendered to HTML that is safe to embed.

use pulldown_cmark::{html, Options, Parser};

/// Renders Markdown and removes anything unsafe (scripts, event handlers, `javascript:`
/// links, raw HTML that is not formatting). Links get `rel="noopener noreferrer nofollow"`.
pub fn render(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_formatting() {
        let html = render("## Results\n\n- **40,000** calls\n- [site](https://www.nantes.fr)");
        assert!(html.contains("<h2>Results</h2>"), "{html}");
        assert!(html.contains("<strong>40,000</strong>"));
        assert!(html.contains("href=\"https://www.nantes.fr\""));
        assert!(html.contains("nofollow"));
    }

    #[test]
    fn strips_scripts_and_handlers() {
        let html = render("<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert) <a href=\"javascript:alert(1)\">y</a>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
    }
}
