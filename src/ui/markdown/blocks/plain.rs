//! Markdown blocks as text with no pane around it: the words a reader sees,
//! for search, and a first line, for a one-line header.

use ratatui::style::Style;
use ratatui::text::Span;

use super::render;
use crate::ui::theme::Theme;

/// What a reader sees of `markdown`, unwrapped, a line per line: the words
/// of its code included, its markup and HTML comments not.
pub fn visible_text(markdown: &str) -> String {
    if is_plain(markdown) {
        return markdown.to_owned();
    }
    let lines = render(markdown, None, &Theme::PLAIN);
    let mut text = String::with_capacity(markdown.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.extend(line.spans.iter().map(|s| s.content.as_ref()));
    }
    text
}

/// The first line of `markdown` unwrapped, its styles over `base`, and a
/// `…` when more follows: a description on a one-line header.
pub fn summary(markdown: &str, base: Style, theme: &Theme) -> Vec<Span<'static>> {
    let lines = render(markdown, None, theme);
    let more = lines.len() > 1;
    let mut spans: Vec<Span<'static>> = lines
        .into_iter()
        .next()
        .map(|line| {
            line.spans
                .into_iter()
                .map(|s| Span::styled(s.content, base.patch(s.style)))
                .collect()
        })
        .unwrap_or_default();
    if more {
        spans.push(Span::styled(" …", base));
    }
    spans
}

/// Whether `text` reads the same rendered: one line, nothing that starts a
/// block, no markup, no escape, no entity.
pub(super) fn is_plain(text: &str) -> bool {
    let starts_block = text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '#'));
    !starts_block
        && !text.bytes().any(|b| {
            matches!(
                b,
                b'\n' | b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'&' | b'~' | b'|'
            )
        })
}
