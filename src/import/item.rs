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
        ..OutlineItem::default()
    })
}

/// Whether a line of a task's text ends in a hard break (a backslash, or two
/// spaces), which parts its title from its detail.
fn ends_in_hard_break(line: &str) -> bool {
    let trailing_backslashes = line.bytes().rev().take_while(|&b| b == b'\\').count();
    trailing_backslashes % 2 == 1 || line.ends_with("  ")
}

/// The bold phrase a text begins with, and the rest, when that phrase is the
/// item's lead: not when bold runs alternate through the text (`**Create**
/// and **push** the tag`), nor when the phrase is a label ending in a colon.
fn bold_lead(text: &str) -> Option<(&str, &str)> {
    ["**", "__"].iter().find_map(|delimiter| {
        let inner = text.strip_prefix(delimiter)?;
        let end = find_unescaped(inner, delimiter, 0).filter(|&e| e > 0)?;
        let (title, rest) = (&inner[..end], inner[end + delimiter.len()..].trim());
        let alternating = find_unescaped(rest, "**", 0).is_some() || find_unescaped(rest, "__", 0).is_some();
        (!alternating && !title.trim_end().ends_with(':')).then_some((title, rest))
    })
}

fn joined<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let parts: Vec<&str> = lines
        .map(|l| l.trim().trim_end_matches('\\').trim_end())
        .filter(|l| !l.is_empty())
        .collect();
    parts.join(" ")
}

/// Reads an item of any Markdown checklist. A first line ended by a hard
/// break is the title and the rest the detail; a leading bold phrase is the
/// title and the rest the detail; otherwise the whole text is the title.
/// Inline Markdown is kept.
fn plain(text: &str, checked: bool) -> Option<OutlineItem> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let broken = lines.len() > 1 && ends_in_hard_break(lines[0]);
    let (head, tail) = if broken {
        (joined(lines[..1].iter().copied()), joined(lines[1..].iter().copied()))
    } else {
        (joined(lines.iter().copied()), String::new())
    };
    let repair = |text: &str| mojibake::repair(text);
    let whole = (
        clean_line(&repair(&head)).ok().filter(|t| !t.is_empty())?,
        cleaned(repair(&tail)),
    );
    let (title, detail, without_lead) = match bold_lead(&head) {
        Some((title, rest)) => {
            let detail = [rest, tail.as_str()]
                .iter()
                .filter(|p| !p.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            let split = !rest.is_empty();
            (
                clean_line(&repair(title)).ok().filter(|t| !t.is_empty())?,
                cleaned(repair(&detail)),
                split.then_some(whole),
            )
        }
        None => (whole.0, whole.1, None),
    };
    Some(OutlineItem {
        title,
        detail,
        status: if checked { Status::Done } else { Status::Todo },
        without_lead,
        ..OutlineItem::default()
    })
}

/// Reads the text of a task item (after its `[ ]`). `None` when it is empty.
pub fn read(text: &str, checked: bool, from_export: bool) -> Option<OutlineItem> {
    if from_export {
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
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
    plain(text, checked)
}
