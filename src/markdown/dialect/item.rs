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

use pulldown_cmark::Options;

use crate::timestamp::Timestamp;

/// What an item line of an export holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub title: String,
    pub detail: Option<String>,
    /// `Some` when struck through as not applicable, with the reason if any.
    #[allow(clippy::option_option)]
    pub skipped: Option<Option<String>>,
    /// Who ticked or skipped it, and when.
    pub who: Option<(String, Timestamp)>,
    /// The status was recorded past a closed gate, with `--force`.
    pub forced: bool,
}

/// Follows who and when on an item forced past a gate.
pub(super) const FORCED: &str = ", forced past the gate";

pub(super) fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

/// Characters that take part in inline markup the item line depends on.
pub(super) const MARKUP: [char; 9] = ['*', '_', '~', '`', '\\', '[', ']', '<', '!'];

pub(super) mod read;
pub(super) mod write;

#[cfg(test)]
mod tests;
