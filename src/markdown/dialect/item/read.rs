//! Reading an item line of an export back: who and when off its end, the
//! strike-through and `(N/A)` of a skipped item, and the bold title before
//! its detail, found as pulldown-cmark reads them.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use super::{FORCED, MARKUP, Parts, options};
use crate::inline;
use crate::markdown::dialect::NOT_APPLICABLE;
use crate::timestamp::Timestamp;

/// The range of the inline element of `kind` that starts `text` at byte 0.
fn leading(text: &str, kind: fn(&Tag<'_>) -> bool) -> Option<Range<usize>> {
    Parser::new_ext(text, options())
        .into_offset_iter()
        .find_map(|(event, range)| match event {
            Event::Start(tag) if range.start == 0 && kind(&tag) => Some(range),
            Event::Start(Tag::Paragraph) => None,
            _ => Some(usize::MAX..usize::MAX),
        })
        .filter(|r| r.start == 0)
}

/// `**Title** rest` where the title holds no markup, read without a parser:
/// the bold then opens at the start and closes at the next `**`, when that is
/// followed by a space or the end.
fn simple_bold(body: &str) -> Option<(&str, &str)> {
    let inner = body.strip_prefix("**")?;
    let end = inner.find("**")?;
    let (title, rest) = (&inner[..end], &inner[end + 2..]);
    let plain = !title.is_empty() && title.trim() == title && !title.contains(MARKUP);
    (plain && (rest.is_empty() || rest.starts_with(' '))).then_some((title, rest))
}

/// `**Title** detail`, `**Title**` or `Title` as (title, detail).
fn read_body(body: &str) -> (String, Option<String>) {
    if let Some((title, rest)) = simple_bold(body) {
        let rest = rest.trim();
        return (title.to_owned(), (!rest.is_empty()).then(|| rest.to_owned()));
    }
    let bold = ["**", "__"].iter().any(|d| body.starts_with(d));
    let strong = bold.then(|| leading(body, |t| matches!(t, Tag::Strong))).flatten();
    match strong {
        Some(range) if range.end >= 4 => {
            let detail = body[range.end..].trim();
            (
                body[2..range.end - 2].to_owned(),
                (!detail.is_empty()).then(|| detail.to_owned()),
            )
        }
        _ => (body.to_owned(), None),
    }
}

/// Splits a final `(N/A)` or `(N/A: reason)` off a line, unescaped.
fn split_marker(text: &str) -> Option<(&str, Option<String>)> {
    let at = text.rfind(NOT_APPLICABLE).filter(|&at| !inline::is_escaped(text, at))?;
    let marker = text[at..].strip_suffix(')')?;
    let reason = match &marker[NOT_APPLICABLE.len()..] {
        "" => None,
        rest => Some(inline::unescape(rest.strip_prefix(": ")?)),
    };
    Some((text[..at].trim_end(), reason))
}

/// Splits ` — *alice, 2026-11-29 10:02:11 UTC*` off the end of a line.
fn split_who_and_when(line: &str) -> (&str, Option<(String, Timestamp)>, bool) {
    let none = (line, None, false);
    let Some(body) = line
        .strip_suffix('*')
        .filter(|_| !inline::is_escaped(line, line.len() - 1))
    else {
        return none;
    };
    let Some(open) = (0..body.len())
        .rev()
        .find(|&i| body.is_char_boundary(i) && body[i..].starts_with('*') && !inline::is_escaped(body, i))
    else {
        return none;
    };
    let Some(before) = body[..open].strip_suffix(" — ") else {
        return none;
    };
    let who = &body[open + 1..];
    let (who, forced) = match who.strip_suffix(FORCED) {
        Some(who) => (who, true),
        None => (who, false),
    };
    let Some((by, when)) = who.rsplit_once(", ") else {
        return none;
    };
    match Timestamp::parse_human(when) {
        Ok(at) => (before, Some((inline::unescape(by), at)), forced),
        Err(_) => none,
    }
}

/// Reads the text of an item's line after its box; `None` when empty. A
/// final backslash is the hard break before a note, not part of the text.
pub fn read(line: &str) -> Option<Parts> {
    let line = line.trim();
    let line = inline::without_hard_break(line);
    let (rest, who, forced) = split_who_and_when(line.trim_end());
    let struck = rest
        .starts_with("~~")
        .then(|| leading(rest, |t| matches!(t, Tag::Strikethrough)))
        .flatten()
        .filter(|r| r.end >= 4)
        .and_then(|r| {
            let (between, reason) = split_marker(&rest[r.end..])?;
            between.is_empty().then_some((&rest[2..r.end - 2], reason))
        });
    let (body, skipped) = match struck {
        Some((body, reason)) => (body, Some(reason)),
        None => match split_marker(rest) {
            Some((body, reason)) => (body, Some(reason)),
            None => (rest, None),
        },
    };
    let (title, detail) = read_body(body.trim());
    (!title.trim().is_empty()).then_some(Parts {
        title,
        detail,
        skipped,
        who,
        forced,
    })
}
