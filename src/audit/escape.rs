//! Text put into the page: every character that HTML reads as markup
//! escaped (`& < > " '`, so the same text is safe in an attribute), and
//! each other character cleaned as every untrusted text is
//! ([`crate::text::clean_char`]: control characters, bidirectional
//! overrides and noncharacters dropped, a tab a space). Line breaks are kept
//! for `<pre>`.

/// `raw` as HTML text (or an attribute value in quotes).
pub fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + raw.len() / 8);
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push('\n'),
            c => out.extend(crate::text::clean_char(c)),
        }
    }
    out
}

/// `raw` on one line: as [`text`], each line break a space.
pub fn line(raw: &str) -> String {
    text(raw).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_what_preflight_cleans_is_dropped() {
        assert_eq!(
            text("<img src=x onerror=alert(1)> & \"q\" 'a'"),
            "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39;"
        );
        assert_eq!(text("a\u{1b}[31mb\u{202e}c\u{7}\td\u{fffe}"), "a[31mbc d");
        assert_eq!(text("one\ntwo"), "one\ntwo");
        assert_eq!(line("one\ntwo\r"), "one two");
    }
}
