//! Group labels: a line without a box that organises the tasks below it — a
//! bold line (`**Tests**`), a line ending in a colon (`Documentation:`), a
//! numbered bold step (`1. **Check for known security issues:**`) or a plain
//! bullet over a nested task list. Its words name the section its tasks go
//! into, and never stand before each task's own title.

use super::mojibake;
use crate::markdown::html;
use crate::text::clean_line;

/// The text of a label: without bold, HTML comments or a closing colon.
pub(super) fn label_name(text: &str) -> Option<String> {
    let text = html::visible(text);
    let joined: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut name = joined.join(" ");
    for _ in 0..2 {
        let trimmed = name.trim().trim_end_matches(':').trim_end();
        let unwrapped = ["**", "__"].iter().find_map(|d| {
            let inner = trimmed.strip_prefix(d)?.strip_suffix(d)?;
            (!inner.contains(d)).then_some(inner)
        });
        name = unwrapped.unwrap_or(trimmed).trim().to_owned();
    }
    let name = clean_line(&crate::inline::plain_name(&mojibake::repair(&name))).ok()?;
    (!name.is_empty()).then_some(name)
}

/// The label a paragraph is, when it reads as one: one short line, all bold
/// or ending with a colon.
pub(super) fn label_of_line(text: &str) -> Option<String> {
    let text = text.trim();
    let one_line = !text.contains('\n') && text.chars().count() <= 120;
    let bold = ["**", "__"].iter().any(|d| {
        let core = text.trim_end_matches(':');
        core.len() > 4 && core.starts_with(d) && core.ends_with(d) && !core[2..core.len() - 2].contains(d)
    });
    if !(one_line && (bold || text.ends_with(':'))) {
        return None;
    }
    label_name(text)
}

/// Whether a paragraph is short enough to label the task list right after
/// it even without bold or a colon (`Tests`, `Side effects`): one line that
/// does not end as a sentence does.
pub(super) fn short_line(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && !text.contains('\n') && text.chars().count() <= 60 && !text.ends_with(['.', '!', '?', ';', ','])
}

/// Splits a leading emoji (or other symbol) off a heading, as its icon.
pub(super) fn split_icon(heading: &str) -> (Option<String>, String) {
    let Some((first, rest)) = heading.split_once(' ') else {
        return (None, heading.to_owned());
    };
    let symbolic = !first.is_empty() && first.chars().all(|c| !c.is_alphanumeric() && !c.is_ascii());
    if symbolic && !rest.trim().is_empty() {
        (Some(first.to_owned()), rest.trim().to_owned())
    } else {
        (None, heading.to_owned())
    }
}
