//! The status line: what every change did, naming the item, said or
//! complained, and faded after a while.

use super::message::{COMPLAIN_TICKS, SAY_TICKS};
use super::{App, Edit, EditKind, Message};
use crate::checklist::Status;
use crate::run::Change;
use crate::text::escape_for_terminal;
use crate::text::plural;

impl App {
    /// Shows `text` in the status line; untrusted parts (titles, names, paths)
    /// are escaped here, once for every message.
    pub fn say(&mut self, text: impl Into<String>) {
        self.show(&text.into(), false);
    }

    /// Takes the message away: the next key after it was read.
    pub(crate) fn quiet(&mut self) {
        if self.message.take().is_some() {
            self.relayout();
        }
    }

    /// Shows `text` in the status line as an error, escaped as [`App::say`].
    /// A long one takes more rows of the footer, and so fewer of the tree:
    /// the cursor's row stays on screen, also when the loop complains (a run
    /// that failed, a log that could not be written).
    pub fn complain(&mut self, text: impl Into<String>) {
        self.show(&text.into(), true);
    }

    /// Shows `text`, escaped, and lays the footer out for it.
    fn show(&mut self, text: &str, error: bool) {
        self.message = Some(Message {
            text: escape_for_terminal(text),
            error,
            age: 0,
        });
        self.relayout();
    }

    /// A quarter of a second passed: an old message fades. `true` when the
    /// screen changed.
    pub fn tick(&mut self) -> bool {
        let Some(message) = &mut self.message else {
            return false;
        };
        message.age = message.age.saturating_add(1);
        let limit = if message.error { COMPLAIN_TICKS } else { SAY_TICKS };
        if message.age >= limit {
            self.message = None;
            self.relayout();
            return true;
        }
        false
    }

    /// What recorded edits did, for the status line: `✓ Database`,
    /// `– Redis/Cache skipped (no cache)`, `undid: Database → to do`.
    pub(super) fn describe(&self, edits: &[Edit]) -> Option<String> {
        let first = edits.first()?;
        if edits.len() > 1 {
            let done = edits.iter().filter(|e| e.after == Change::Status(Status::Done)).count();
            return Some(match first.kind {
                EditKind::Undo => format!("undid: {}", plural(edits.len(), "change", "changes")),
                EditKind::Redo => format!("redo: {}", plural(edits.len(), "change", "changes")),
                EditKind::New => format!("✓ {}", plural(done, "item", "items")),
            });
        }
        let title = &self.checklist.items()[first.index].title;
        let what = match &first.after {
            Change::Status(Status::Done) => "done".to_owned(),
            Change::Status(Status::Todo) => "to do".to_owned(),
            Change::Status(Status::Skipped { reason }) => match reason {
                Some(reason) => format!("skipped ({reason})"),
                None => "skipped".to_owned(),
            },
            Change::Note(Some(_)) => "note saved".to_owned(),
            Change::Note(None) => "note cleared".to_owned(),
            Change::Param { name, value } => format!("{name} = {value}"),
            Change::Ran => "ran".to_owned(),
            Change::Started(_) => "started".to_owned(),
            Change::Approve { .. } => "approved".to_owned(),
            Change::Withdraw => "approval withdrawn".to_owned(),
        };
        Some(match (first.kind, &first.after) {
            (EditKind::Undo, _) => format!("undid: {title} → {what}"),
            (EditKind::Redo, _) => format!("redo: {title} → {what}"),
            (EditKind::New, Change::Status(Status::Done)) => format!("✓ {title}"),
            (EditKind::New, Change::Status(Status::Skipped { .. })) => format!("– {title} {what}"),
            (EditKind::New, Change::Status(Status::Todo)) => format!("{title} → to do"),
            (EditKind::New, Change::Note(_)) => format!("✎ {title}: {what}"),
            (
                EditKind::New,
                Change::Param { .. } | Change::Ran | Change::Started(_) | Change::Approve { .. } | Change::Withdraw,
            ) => format!("{title}: {what}"),
        })
    }
}
