//! What GitHub hides or turns into layout when it renders Markdown, done the
//! same way wherever preflight reads it (import, and export checking its own
//! lines): HTML comments vanish, `<br>` is a break, an HTML block shows its
//! text, a YAML front matter block is not text.

use std::borrow::Cow;

/// `text` without its HTML comments (`<!-- … -->`, also unclosed at the end),
/// with `<br>` read as a space (a break inside a line of a title), and other
/// inline tags dropped, their text kept (`<kbd>Ctrl</kbd>` reads `Ctrl`), as
/// GitHub shows them.
pub fn visible(text: &str) -> Cow<'_, str> {
    shown(text, " ", true)
}

/// A task's text as GitHub shows it: as [`visible`], but a `<br>` is the
/// hard break that parts its title from its detail.
pub fn task_text(text: &str) -> Cow<'_, str> {
    shown(text, "\\\n", true)
}

/// As [`task_text`], but other tags kept: how an export is read.
pub fn with_breaks(text: &str) -> Cow<'_, str> {
    shown(text, "\\\n", false)
}

fn without_comments(text: &str) -> Cow<'_, str> {
    if !text.contains("<!--") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = match rest[start + 4..].find("-->") {
            Some(end) => &rest[start + 4 + end + 3..],
            None => "",
        };
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether an inline tag is `<br>`, `<br/>` or `<br />`, in any case.
fn is_break(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    lower
        .strip_prefix("<br")
        .and_then(|rest| rest.strip_suffix('>'))
        .is_some_and(|inside| inside.chars().all(|c| c == ' ' || c == '/'))
}

/// Comments hidden; then, as pulldown-cmark reads the inline HTML (so that
/// code spans stay as they are), `<br>` replaced by `line_break` and, with
/// `drop_tags`, other tags dropped.
fn shown<'a>(text: &'a str, line_break: &str, drop_tags: bool) -> Cow<'a, str> {
    if !text.contains('<') {
        return Cow::Borrowed(text);
    }
    // As pulldown-cmark reads the text, so that `<!--` in a code span is
    // text, as GitHub shows it.
    let tags: Vec<(std::ops::Range<usize>, bool)> = pulldown_cmark::Parser::new(text)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            pulldown_cmark::Event::InlineHtml(tag) | pulldown_cmark::Event::Html(tag) => {
                let comment = tag.starts_with("<!--");
                Some((range, is_break(&tag), comment))
            }
            _ => None,
        })
        .filter(|(_, br, comment)| *br || *comment || drop_tags)
        .map(|(range, br, _)| (range, br))
        .collect();
    if tags.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, br) in tags {
        if range.start < at {
            continue;
        }
        out.push_str(&text[at..range.start]);
        if br {
            out.push_str(line_break);
        }
        at = range.end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// The text GitHub shows of an HTML block (`<details><summary>More</summary>
/// …`): comments and tags gone, each line trimmed, blank lines dropped.
pub fn block_text(html: &str) -> String {
    let html = without_comments(html);
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_ref();
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        if let Some(close) = after.find('>').filter(|_| tag) {
            let name = after[..close].trim_start_matches('/').to_ascii_lowercase();
            if name.starts_with("br") || name.starts_with('p') || name.starts_with("summary") {
                out.push('\n');
            }
            rest = &after[close + 1..];
        } else {
            out.push('<');
            rest = after;
        }
    }
    out.push_str(rest);
    let lines: Vec<&str> = out.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    lines.join("\n\n")
}

/// Whether a block of HTML is only comments (and white space): hidden, not
/// a left-out block.
pub fn is_comment(html: &str) -> bool {
    without_comments(html).trim().is_empty()
}

/// The YAML front matter block at the very top of a document, as
/// pulldown-cmark's metadata blocks are: between a first line `---` and the
/// next line `---` or `...`.
pub fn front_matter_block(markdown: &str) -> Option<&str> {
    let body = markdown
        .strip_prefix("---\n")
        .or_else(|| markdown.strip_prefix("---\r\n"))?;
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            return Some(&body[..at]);
        }
        at += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_vanish_and_breaks_become_spaces() {
        assert_eq!(visible("Tests pass <!-- link the CI run -->"), "Tests pass ");
        assert_eq!(
            visible("a<!-- one -->b<!-- two"),
            "ab<!-- two",
            "unclosed in text, it is text"
        );
        assert_eq!(visible("Escape `<!--` in templates"), "Escape `<!--` in templates");
        assert_eq!(visible("one<br>two<BR/>three<br />four"), "one two three four");
        assert_eq!(visible("x <bravo>y</bravo>"), "x y", "a tag, not a break");
        assert_eq!(visible("`<br>` in code"), "`<br>` in code");
        assert!(is_comment("<!-- Describe your change -->\n<!-- and why -->\n"));
        assert!(!is_comment("<details>"));
    }
}
