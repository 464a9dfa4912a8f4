//! One task item's text: title, detail, and — in preflight's own export — who
//! ticked it and when, the skip reason and the note.

use super::OutlineItem;
use super::mojibake;
use crate::checklist::Status;
use crate::export::{NOT_APPLICABLE, NOTE};
use crate::inline::unescape;
use crate::text::{clean_line, clean_line_owned, clean_paragraph_owned};
use crate::timestamp::Timestamp;

/// Whether the character at byte `at` is escaped by the backslashes before it.
fn escaped(text: &str, at: usize) -> bool {
    text[..at].bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1
}

/// The first `needle` at or after `from` that no backslash escapes.
fn find_unescaped(text: &str, needle: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(found) = text.get(at..)?.find(needle) {
        let position = at + found;
        if !escaped(text, position) {
            return Some(position);
        }
        at = position + 1;
    }
    None
}

/// `2026-11-29 10:02:11 UTC` back to `2026-11-29T10:02:11Z`.
/// Splits ` — *alice, 2026-11-29 10:02:11 UTC*` off the end of a line.
fn split_who_and_when(line: &str) -> (&str, Option<(String, Timestamp)>) {
    let none = (line, None);
    let Some(body) = line.strip_suffix('*').filter(|_| !escaped(line, line.len() - 1)) else {
        return none;
    };
    let Some(open) = (0..body.len())
        .rev()
        .find(|&i| body.is_char_boundary(i) && body[i..].starts_with('*') && !escaped(body, i))
    else {
        return none;
    };
    let Some(before) = body[..open].strip_suffix(" — ") else {
        return none;
    };
    let Some((by, when)) = body[open + 1..].rsplit_once(", ") else {
        return none;
    };
    match Timestamp::parse_human(when) {
        Ok(at) => (before, Some((unescape(by), at))),
        Err(_) => none,
    }
}

fn cleaned(text: String) -> Option<String> {
    let text = clean_paragraph_owned(text);
    (!text.is_empty()).then_some(text)
}

/// Reads an item of preflight's own export.
fn exported(first: &str, note: Option<&str>, checked: bool) -> Option<OutlineItem> {
    let skipped = first.starts_with("~~**");
    let body = if skipped { &first[2..] } else { first };
    let (title, rest) = match body.strip_prefix("**").and_then(|_| find_unescaped(body, "**", 2)) {
        Some(end) => (&body[2..end], &body[end + 2..]),
        None => return plain(first, checked),
    };
    let (rest, who) = split_who_and_when(rest);
    let (detail, status) = if skipped {
        let end = find_unescaped(rest, "~~", 0)?;
        let marker = rest[end + 2..].trim();
        let reason = marker
            .strip_prefix(NOT_APPLICABLE)
            .and_then(|m| m.strip_suffix(')'))
            .and_then(|m| m.strip_prefix(": "))
            .map(unescape);
        (
            &rest[..end],
            Status::Skipped {
                reason: reason.and_then(cleaned),
            },
        )
    } else {
        (rest, if checked { Status::Done } else { Status::Todo })
    };
    let (by, at) = who.map_or((None, None), |(by, at)| (Some(by), Some(at)));
    Some(OutlineItem {
        title: clean_line_owned(unescape(title)).ok().filter(|t| !t.is_empty())?,
        detail: cleaned(unescape(detail.trim_start())),
        status,
        note: note.and_then(|n| cleaned(unescape(n))),
        by: by.and_then(|b| clean_line_owned(b).ok()),
        at,
        line: 0,
    })
}

/// Reads an item of any Markdown checklist: a bold start is the title, the rest
/// the detail; otherwise the whole text is the title. Inline Markdown is kept.
fn plain(text: &str, checked: bool) -> Option<OutlineItem> {
    let text = text.trim();
    let (title, detail) = ["**", "__"]
        .iter()
        .find_map(|delimiter| {
            let inner = text.strip_prefix(delimiter)?;
            let end = find_unescaped(inner, delimiter, 0).filter(|&e| e > 0)?;
            Some((&inner[..end], inner[end + delimiter.len()..].trim()))
        })
        .unwrap_or((text, ""));
    Some(OutlineItem {
        title: clean_line(&mojibake::repair(title)).ok().filter(|t| !t.is_empty())?,
        detail: cleaned(mojibake::repair(detail)),
        status: if checked { Status::Done } else { Status::Todo },
        ..OutlineItem::default()
    })
}

/// Reads the text of a task item (after its `[ ]`). `None` when it is empty.
pub fn read(text: &str, checked: bool, from_export: bool) -> Option<OutlineItem> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    if from_export {
        let first = lines.next()?;
        let trailing = first.bytes().rev().take_while(|&b| b == b'\\').count();
        let first = if trailing % 2 == 1 {
            &first[..first.len() - 1]
        } else {
            first
        };
        let note = lines.next().and_then(|l| l.strip_prefix(NOTE));
        return exported(first, note, checked);
    }
    let joined: Vec<&str> = lines.map(|l| l.trim_end_matches('\\').trim_end()).collect();
    plain(&joined.join(" "), checked)
}
