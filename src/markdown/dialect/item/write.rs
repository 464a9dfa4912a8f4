//! Writing an item's line: the common line straight into the document, any
//! other tried in each of its ways until one reads back as what it writes.

use std::borrow::Cow;
use std::fmt::Write as _;

use pulldown_cmark::{Event, Parser, Tag};

use super::read::read;
use super::{FORCED, MARKUP, options};
use crate::inline::{self, Place};
use crate::markdown::dialect::NOT_APPLICABLE;
use crate::timestamp::Timestamp;

/// Whether every run of backticks is closed by a later run of the same
/// length, as code spans pair: then none can reach past the text.
pub(super) fn code_spans_close(text: &str) -> bool {
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
pub(super) fn reads_back_as_written(title: &str, detail: Option<&str>) -> bool {
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

/// What an item line holds, borrowed from the checklist and the run: what
/// [`write_to`] writes. [`Parts`] is the same, owned, as [`read`] gives it back.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub title: &'a str,
    pub detail: Option<&'a str>,
    /// As [`Parts::skipped`]: `Some` when skipped, with the reason if any.
    #[allow(clippy::option_option)]
    pub skipped: Option<Option<&'a str>>,
    pub who: Option<(&'a str, Timestamp)>,
    pub forced: bool,
}

#[cfg(test)]
impl super::Parts {
    fn line(&self) -> Line<'_> {
        Line {
            title: &self.title,
            detail: self.detail.as_deref(),
            skipped: self.skipped.as_ref().map(Option::as_deref),
            who: self.who.as_ref().map(|(by, at)| (by.as_str(), *at)),
            forced: self.forced,
        }
    }
}

/// The ways to write a title and detail, most faithful first: as they are,
/// with the literal characters escaped (rendering the same), with all markup
/// escaped (rendering as typed). Each is made only when the one before it
/// did not read back.
const VERSIONS: [fn(&str) -> Cow<'_, str>; 3] = [as_is, literals_escaped, all_escaped];

fn as_is(text: &str) -> Cow<'_, str> {
    Cow::Borrowed(text)
}

fn literals_escaped(text: &str) -> Cow<'_, str> {
    Cow::Owned(escape_literals(text))
}

fn all_escaped(text: &str) -> Cow<'_, str> {
    Cow::Owned(escape_all(text))
}

/// How many bodies write a (title, detail): bold around the title before a
/// detail, or the same with underscores; a title alone plain, or bold where
/// plain it would not read back whole (it starts as a bold lead would).
fn bodies(detail: Option<&str>) -> usize {
    if detail.is_some() { 2 } else { 3 }
}

/// Appends the body numbered `which` (see [`bodies`]).
fn push_body(out: &mut String, title: &str, detail: Option<&str>, which: usize) {
    let lead = match (detail, which) {
        (None, 0) => "",
        (Some(_), 0) | (None, 1) => "**",
        _ => "__",
    };
    out.push_str(lead);
    out.push_str(title);
    out.push_str(lead);
    if let Some(detail) = detail {
        out.push(' ');
        out.push_str(detail);
    }
}

/// Appends a whole line around a body: a skipped item struck through (when
/// `struck`; where its text cannot stand inside `~~`, tildes at its end, the
/// marker alone says it) with its `(N/A: reason)`, then who and when.
fn push_line(out: &mut String, line: &Line<'_>, body: impl FnOnce(&mut String), struck: bool) {
    let tildes = if struck && line.skipped.is_some() { "~~" } else { "" };
    out.push_str(tildes);
    body(out);
    out.push_str(tildes);
    if let Some(reason) = line.skipped {
        out.push(' ');
        out.push_str(NOT_APPLICABLE);
        if let Some(reason) = reason {
            out.push_str(": ");
            out.push_str(&inline::escape(reason, Place::Inline));
        }
        out.push(')');
    }
    if let Some((by, at)) = line.who {
        let forced = if line.forced { FORCED } else { "" };
        let _ = write!(
            out,
            " — *{}, {}{forced}*",
            inline::escape(by, Place::BoldTitle),
            at.human()
        );
    }
}

/// Who and when as the export shows them: to the second.
fn shown(who: Option<(&str, Timestamp)>) -> Option<(&str, String)> {
    who.map(|(by, at)| (by, at.human()))
}

/// The text of an item's line after its box.
#[cfg(test)]
pub fn write(parts: &super::Parts) -> String {
    let mut out = String::new();
    write_to(&mut out, &parts.line());
    out
}

/// Appends the text of an item's line after its box. The common line, whose
/// title and detail are known to read back as written, is written straight
/// into `out`; any other is tried in each of its ways until one reads back.
pub fn write_to(out: &mut String, line: &Line<'_>) {
    if reads_back_as_written(line.title, line.detail) {
        push_line(out, line, |out| push_body(out, line.title, line.detail, 0), true);
    } else {
        out.push_str(&checked(line));
    }
}

/// The first way of writing `line` that reads back as exactly what it
/// writes; the last way tried when none does.
fn checked(line: &Line<'_>) -> String {
    let mut text = String::new();
    for version in VERSIONS {
        let title = version(line.title);
        let detail = line.detail.map(version);
        let detail = detail.as_deref();
        for which in 0..bodies(detail) {
            for struck in [true, false] {
                if !struck && line.skipped.is_none() {
                    continue;
                }
                text.clear();
                push_line(&mut text, line, |out| push_body(out, &title, detail, which), struck);
                let same = crate::markdown::html::with_breaks(&text) == text
                    && read(&text).is_some_and(|back| {
                        back.title == *title
                            && back.detail.as_deref() == detail
                            && back.skipped.as_ref().map(Option::as_deref) == line.skipped
                            && back.forced == line.forced
                            && shown(back.who.as_ref().map(|(by, at)| (by.as_str(), *at))) == shown(line.who)
                    });
                if same {
                    return text;
                }
            }
        }
    }
    text
}
