//! One task item's text: title, detail, and — in preflight's own export — who
//! ticked it and when, the skip reason and the note.

use super::mojibake;
use super::outline::OutlineItem;
use crate::checklist::Status;
use crate::inline::{is_escaped, unescape, without_hard_break};
use crate::markdown::dialect::{NOTE, read_item};
use crate::text::{clean_line, clean_line_owned, clean_paragraph_owned};

/// The first `needle` at or after `from` that no backslash escapes.
fn find_unescaped(text: &str, needle: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(found) = text.get(at..)?.find(needle) {
        let position = at + found;
        if !is_escaped(text, position) {
            return Some(position);
        }
        at = position + 1;
    }
    None
}

fn cleaned(text: String) -> Option<String> {
    let text = clean_paragraph_owned(text);
    (!text.is_empty()).then_some(text)
}

/// Reads an item of preflight's own export.
fn exported(first: &str, note: Option<&str>, checked: bool) -> Option<OutlineItem> {
    let parts = read_item(first)?;
    let status = match parts.skipped {
        Some(reason) => Status::Skipped {
            reason: reason.and_then(cleaned),
        },
        None if checked => Status::Done,
        None => Status::Todo,
    };
    let (by, at) = parts.who.map_or((None, None), |(by, at)| (Some(by), Some(at)));
    Some(OutlineItem {
        title: clean_line_owned(parts.title).ok().filter(|t| !t.is_empty())?,
        detail: parts.detail.and_then(cleaned),
        status,
        note: note.and_then(|n| cleaned(unescape(n))),
        by: by.and_then(|b| clean_line_owned(b).ok()).map(recorded_name),
        at,
        ..OutlineItem::default()
    })
}

/// The name a change was recorded under, from who an export says made it:
/// `alice (as bob)` (alice's account recorded it as bob) was recorded as
/// bob. The account is not carried on: the import's events are written by
/// the account that imports them, and record that one.
fn recorded_name(who: String) -> String {
    match who.strip_suffix(')').and_then(|w| w.split_once(" (as ")) {
        Some((login, by)) if !login.is_empty() && !by.is_empty() => by.to_owned(),
        _ => who,
    }
}

/// Whether a line of a task's text ends in a hard break (a backslash, or two
/// spaces), which parts its title from its detail.
fn ends_in_hard_break(line: &str) -> bool {
    is_escaped(line, line.len()) || line.ends_with("  ")
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
        // A hard break's backslash goes; an escaped one (`\\`) is text.
        .map(|l| without_hard_break(l.trim()).trim_end())
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
        // Under the item: evidence (not imported) and the note, each line
        // but the last ending in a hard break.
        let note = lines.find_map(|l| l.strip_prefix(NOTE)).map(without_hard_break);
        return exported(first, note, checked);
    }
    plain(text, checked)
}
