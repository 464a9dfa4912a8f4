//! One item of an export, written and read back: `**Title** detail` (the
//! title bold only when a detail follows), struck through with `(N/A: reason)`
//! when skipped, and who ticked it and when at the end.
//!
//! Titles and details are Markdown inline text and are written as they are,
//! so GitHub shows them as the checklist does. Only when the line would not
//! read back as the same title and detail (a stray `*` that pairs with the
//! bold around the title, a `~` that meets the strike-through) are the
//! characters that render as themselves anyway escaped, which GitHub shows
//! the same; the last resort is to escape all markup. Each candidate line is
//! read back before it is taken.

use pulldown_cmark::{Event, Options, Parser, Tag};

use super::NOT_APPLICABLE;
use crate::inline::{self, Place};
use crate::timestamp::Timestamp;

/// What an item line of an export holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub title: String,
    pub detail: Option<String>,
    /// `Some` when struck through as not applicable, with the reason if any.
    pub skipped: Option<Option<String>>,
    /// Who ticked or skipped it, and when.
    pub who: Option<(String, Timestamp)>,
    /// The status was recorded past a closed gate, with `--force`.
    pub forced: bool,
}

/// Follows who and when on an item forced past a gate.
const FORCED: &str = ", forced past the gate";

fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

/// Characters that take part in inline markup the item line depends on.
const MARKUP: [char; 9] = ['*', '_', '~', '`', '\\', '[', ']', '<', '!'];

/// Whether every run of backticks is closed by a later run of the same
/// length, as code spans pair: then none can reach past the text.
fn code_spans_close(text: &str) -> bool {
    let mut runs = Vec::new();
    let mut run = 0;
    for c in text.chars().chain(std::iter::once(' ')) {
        if c == '`' {
            run += 1;
        } else if run > 0 {
            runs.push(run);
            run = 0;
        }
    }
    let mut at = 0;
    while at < runs.len() {
        match runs[at + 1..].iter().position(|&r| r == runs[at]) {
            Some(offset) => at += offset + 2,
            None => return false,
        }
    }
    true
}

/// Whether a title and detail are known to read back as they are written,
/// without trying: the title before a detail holds no markup, so the bold
/// around it closes right after it and nothing in the detail reaches back;
/// neither has a tilde (the strike-through), a `<` (comments and breaks are
/// read specially), an `(N/A` marker, a final backslash or an open code span.
/// Anything else is written and read back to check.
fn reads_back_as_written(title: &str, detail: Option<&str>) -> bool {
    let calm = |text: &str| {
        !text.contains(['~', '<']) && !text.contains(NOT_APPLICABLE) && !text.ends_with('\\') && code_spans_close(text)
    };
    let title_calm = match detail {
        Some(_) => !title.contains(MARKUP) && !title.contains(NOT_APPLICABLE),
        None => !title.starts_with(['*', '_']) && calm(title),
    };
    title_calm && detail.is_none_or(calm)
}

/// Escapes, in inline Markdown, the characters that could pair with markup
/// around it but render as themselves here: `*`, `_`, `~`, `` ` `` and the
/// brackets outside code, links and HTML, and a backslash at the very end.
/// The text renders as before.
fn escape_literals(text: &str) -> String {
    let mut literal = vec![false; text.len()];
    let mut in_link = 0usize;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => in_link += 1,
            Event::End(pulldown_cmark::TagEnd::Link | pulldown_cmark::TagEnd::Image) => in_link -= 1,
            Event::Text(_) if in_link == 0 => literal[range].fill(true),
            _ => {}
        }
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut backslashes = 0;
    for (at, c) in text.char_indices() {
        let escapable = matches!(c, '*' | '_' | '~' | '`' | '[' | ']' | '<');
        if escapable && literal[at] && backslashes % 2 == 0 {
            out.push('\\');
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        out.push(c);
    }
    if backslashes % 2 == 1 {
        out.push('\\');
    }
    out
}

/// Every ASCII punctuation character escaped: markup shown as typed.
fn escape_all(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The ways to write a title and detail, most faithful first: as they are,
/// with the literal characters escaped (rendering the same), with all markup
/// escaped (rendering as typed). Each is (title, detail) as written.
fn versions(title: &str, detail: Option<&str>) -> [(String, Option<String>); 3] {
    [
        (title.to_owned(), detail.map(str::to_owned)),
        (escape_literals(title), detail.map(escape_literals)),
        (escape_all(title), detail.map(escape_all)),
    ]
}

/// The bodies that write a (title, detail): bold around the title before a
/// detail; a title alone plain, or bold where plain it would not read back
/// whole (it starts as a bold lead would).
fn bodies(title: &str, detail: Option<&str>) -> Vec<String> {
    match detail {
        Some(d) => vec![format!("**{title}** {d}"), format!("__{title}__ {d}")],
        None => vec![title.to_owned(), format!("**{title}**"), format!("__{title}__")],
    }
}

/// Who and when as the export shows them: to the second.
fn shown(who: Option<&(String, Timestamp)>) -> Option<(&str, String)> {
    who.map(|(by, at)| (by.as_str(), at.human()))
}

fn who_and_when(who: Option<&(String, Timestamp)>, forced: bool) -> String {
    let forced = if forced { FORCED } else { "" };
    who.map(|(by, at)| format!(" — *{}, {}{forced}*", inline::escape(by, Place::BoldTitle), at.human()))
        .unwrap_or_default()
}

/// The text of an item's line after its box.
pub fn write(parts: &Parts) -> String {
    let after = who_and_when(parts.who.as_ref(), parts.forced);
    let marker = parts.skipped.as_ref().map(|reason| {
        let reason = reason
            .as_deref()
            .map(|r| format!(": {}", inline::escape(r, Place::Inline)))
            .unwrap_or_default();
        format!("{NOT_APPLICABLE}{reason})")
    });
    // A skipped item is struck through, as in the seed; where its text
    // cannot stand inside `~~` (tildes at its end), the marker alone says it.
    let lines = |body: &str| match &marker {
        Some(marker) => vec![format!("~~{body}~~ {marker}{after}"), format!("{body} {marker}{after}")],
        None => vec![format!("{body}{after}")],
    };
    if reads_back_as_written(&parts.title, parts.detail.as_deref()) {
        let body = &bodies(&parts.title, parts.detail.as_deref())[0];
        return lines(body).swap_remove(0);
    }
    // A version is taken when its line reads back as exactly that version.
    let mut last = String::new();
    for (title, detail) in versions(&parts.title, parts.detail.as_deref()) {
        for body in bodies(&title, detail.as_deref()) {
            for text in lines(&body) {
                let same = crate::markdown::html::with_breaks(&text) == text
                    && read(&text).is_some_and(|back| {
                        back.title == title
                            && back.detail == detail
                            && back.skipped == parts.skipped
                            && back.forced == parts.forced
                            && shown(back.who.as_ref()) == shown(parts.who.as_ref())
                    });
                if same {
                    return text;
                }
                last = text;
            }
        }
    }
    last
}

mod read;

pub use read::read;

#[cfg(test)]
mod tests;
