//! Markdown inline text: what `export` escapes so that a title, a detail or a
//! note cannot break the structure around it, the exact inverse that `import`
//! applies to read them back, and the plain text the command line prints.
//!
//! Every backslash is doubled and a few characters get a backslash of their own,
//! so unescaping (dropping one backslash before any character) restores the
//! text exactly, whatever it held.

/// Where a piece of text stands, which decides what must be escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Inside the `**…**` wrapper of an item: every `*` is escaped, so the
    /// wrapper always pairs with itself.
    BoldTitle,
    /// After the title on the item's line, or a note or reason: every `~` is
    /// escaped, so the `~~` around a skipped item is the only one on its line.
    Inline,
    /// A heading: `#` is escaped, so no closing sequence is mistaken for text.
    Heading,
    /// A name (the checklist's title and description, a phase's or
    /// section's name, an icon) in the export: plain text, every character
    /// that could start markup escaped, so a run's value in it (anyone's
    /// words) makes no link, image or emphasis.
    Name,
}

fn always(c: char) -> bool {
    matches!(c, '\\' | '|' | '<' | '&')
}

/// Escapes what would make a line parse as a block (a heading, a quote, a list
/// item, a rule, a fence): a title is inline text, so `1. Deploy` keeps its `1.`.
pub fn inline_only(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let first = bytes.first().copied().unwrap_or(b' ');
    let rule = |c: u8| text.bytes().all(|b| b == c || b == b' ');
    let followed_by_space = bytes.get(1).is_none_or(|&b| b == b' ');
    let escape_first = match first {
        b'#' | b'>' => true,
        b'-' | b'+' | b'*' => followed_by_space || rule(first),
        b'_' => rule(first),
        b'`' | b'~' => text.starts_with("```") || text.starts_with("~~~"),
        _ => false,
    };
    if escape_first {
        return std::borrow::Cow::Owned(format!("\\{text}"));
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 && matches!(bytes.get(digits), Some(b'.' | b')')) && bytes.get(digits + 1).is_none_or(|&b| b == b' ')
    {
        return std::borrow::Cow::Owned(format!("{}\\{}", &text[..digits], &text[digits..]));
    }
    std::borrow::Cow::Borrowed(text)
}

/// A heading's or label's Markdown as the plain name a reader sees:
/// entities decoded, emphasis marks and escapes gone, a link as its text and
/// address; a leading `1.` or `#` stays text, as in the heading.
pub fn plain_name(markdown: &str) -> String {
    to_plain(&inline_only(markdown))
}

/// Markdown as plain text on one line, as a person reads it rendered: `code`
/// and **bold** lose their marks, a link shows its text and then its
/// address, and blocks (paragraphs, list items, code lines) are parted by a
/// space.
pub fn to_plain(markdown: &str) -> String {
    use std::fmt::Write as _;

    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    let mut links = Vec::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text.replace('\n', " ")),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::TableCell,
            ) => out.push(' '),
            Event::Html(html) | Event::InlineHtml(html) => out.push_str(&html),
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url),
            Event::End(TagEnd::Link) => {
                if let Some(url) = links.pop().filter(|url| !out.ends_with(url.as_ref())) {
                    let _ = write!(out, " ({url})");
                }
            }
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// Whether the character at byte `at` is escaped by the backslashes before
/// it; at the end of `text`, whether it ends in an unescaped backslash (a
/// hard break, on a line of its own).
pub fn is_escaped(text: &str, at: usize) -> bool {
    text[..at].bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1
}

/// `text` without the hard-break backslash it ends in, if it does.
pub fn without_hard_break(text: &str) -> &str {
    if is_escaped(text, text.len()) {
        &text[..text.len() - 1]
    } else {
        text
    }
}

/// Escapes `text` for its place in the document.
pub fn escape(text: &str, place: Place) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        let escape = always(c)
            || (place == Place::BoldTitle && c == '*')
            || (place == Place::Inline && c == '~')
            || (place == Place::Heading && c == '#')
            || (place == Place::Name && matches!(c, '#' | '*' | '_' | '[' | ']' | '!' | '`' | '~'));
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Plain text (a run parameter's value, which anyone in the run may set) as
/// Markdown that shows exactly it: every character that could start inline
/// markup, raw HTML or a link is escaped (`<img …>`, `![](…)`, `**`, `` ` ``),
/// while what is common in versions, hosts and paths (`.`, `-`, `/`, `:`, an
/// `_` inside a word) stays as it is, so `2.3.0` is still `2.3.0`.
pub fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut before = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let in_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let markup = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '!' | '#' => true,
            '_' => !(in_word(before) && in_word(chars.peek().copied())),
            _ => false,
        };
        if markup {
            out.push('\\');
        }
        out.push(c);
        before = Some(c);
    }
    out
}

/// A code block: `body` in a fence longer than any run of its character
/// that starts a line of it, so that nothing in it can close it early; of
/// tildes when the info string holds a backtick (a backtick fence's cannot).
pub fn fenced(info: &str, body: &str) -> String {
    let c = if info.contains('`') { '~' } else { '`' };
    let longest = body
        .lines()
        .map(|l| l.trim_start().chars().take_while(|&x| x == c).count())
        .max()
        .unwrap_or(0);
    let fence = c.to_string().repeat(longest.max(2) + 1);
    format!("{fence}{info}\n{}\n{fence}", body.trim_end_matches('\n'))
}

/// The inverse of [`escape`], for any place.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Escapes `text` for each place and unescapes it again: all four places
    /// are compared at once, so a failure names every place that lost it.
    fn round_trips_in_every_place(text: &str) {
        let places = [Place::BoldTitle, Place::Inline, Place::Heading, Place::Name];
        let back = places.map(|place| unescape(&escape(text, place)));
        assert_eq!(back, [text; 4], "{text:?} in {places:?}");
    }

    crate::cases! { escaping_round_trips_in_every_place, round_trips_in_every_place:
        plain = ("plain"),
        backslashes_and_an_escaped_star = (r"back\slash \* already escaped"),
        emphasis_of_every_kind = ("*stars* and **bold** and _under_ ~strike~"),
        pipes_html_and_entities = ("pipes | and <html> & entities &amp;"),
        block_markers = ("# heading? > quote? - dash 1. one [ ] box"),
        code_at_both_ends = ("`code` at the start and the end `x`"),
        nothing = (""),
    }

    #[test]
    fn bold_titles_escape_every_star() {
        assert_eq!(escape("a **b** c", Place::BoldTitle), r"a \*\*b\*\* c");
        assert_eq!(escape("~x~", Place::Inline), r"\~x\~");
        assert_eq!(escape("a *b* `c`", Place::Inline), "a *b* `c`");
        assert_eq!(escape("Phase #2", Place::Heading), r"Phase \#2");
    }

    #[test]
    fn backslashes_escape_what_follows_them_in_pairs() {
        assert!(is_escaped(r"a\*", 2) && !is_escaped(r"a\\*", 3));
        assert_eq!(without_hard_break(r"line\"), "line");
        assert_eq!(without_hard_break(r"line\\"), r"line\\", "an escaped backslash is text");
        assert_eq!(without_hard_break(""), "");
    }

    #[test]
    fn a_literal_shows_as_itself_and_makes_no_markup() {
        assert_eq!(literal("2.3.0"), "2.3.0");
        assert_eq!(
            literal("registry.example.com/shop/api:v1-rc"),
            "registry.example.com/shop/api:v1-rc"
        );
        assert_eq!(literal("my_db_name"), "my_db_name");
        assert_eq!(
            literal("<img src=x onerror=alert(1)>"),
            r"\<img src=x onerror=alert(1)\>"
        );
        assert_eq!(
            literal("![t](https://x.example/p.png)"),
            r"\!\[t\](https://x.example/p.png)"
        );
    }

    /// A literal unescapes to its text and reads as that text in a sentence.
    fn shows_as_itself(text: &str) {
        let shown = literal(text);
        assert_eq!(unescape(&shown), text);
        assert_eq!(
            to_plain(&format!("Tag {shown} now")),
            format!("Tag {text} now"),
            "{text}"
        );
    }

    crate::cases! { a_literal_of_markup_reads_back_as_its_text, shows_as_itself:
        html_tags = ("<details><summary>x</summary>"),
        emphasis_and_code = ("**bold** _em_ `code` ~~s~~"),
        backslash_pipe_ampersand_and_hash = (r"a\b | c & d # e"),
    }

    #[test]
    fn markdown_reads_as_plain_text() {
        assert_eq!(
            to_plain("Use `kubectl` and **check** the [runbook](https://x.example/rb)"),
            "Use kubectl and check the runbook (https://x.example/rb)"
        );
        assert_eq!(to_plain("<https://x.example>"), "https://x.example");
        assert_eq!(to_plain("plain"), "plain");
        assert_eq!(
            to_plain("Criteria:\n\n- one\n- two\n\n```sh\nmake\nmake test\n```"),
            "Criteria: one two make make test",
            "blocks are parted, never glued"
        );
    }
}
