//! What the keyboard is doing: moving in the tree, typing into a prompt,
//! searching, or answering a y/n question, and what each prompt and question
//! is for.

use std::borrow::Cow;

use super::action::{Edit, Effect};
use crate::run::EvidenceKind;
use crate::text::plural;
use crate::ui::line_edit::LineEdit;

/// Which pane keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Detail,
}

/// A text entry at the bottom of the screen, growing to a few rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub purpose: Purpose,
    pub line: LineEdit,
    /// What is asked, where the purpose alone does not say: a parameter's
    /// name and description.
    pub about: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    SkipReason(usize),
    Note(usize),
    /// A value for the run parameter at this index of the checklist's.
    Param(usize),
    /// The note of an approval of the phase at this index.
    Approval(usize),
}

/// The most rows a prompt grows to before it scrolls.
pub const PROMPT_ROWS: usize = 3;

impl Prompt {
    /// What the prompt is for, and on a wide screen its keys.
    pub fn label(&self, width: u16) -> Cow<'static, str> {
        if let Some(about) = &self.about {
            return Cow::Owned(format!("{about}: "));
        }
        Cow::Borrowed(match (self.purpose, width >= 100) {
            (Purpose::SkipReason(_), true) => "Skip reason (Enter skips, Esc cancels): ",
            (Purpose::Note(_), true) => "Note (Enter saves, empty clears, Esc cancels): ",
            (Purpose::SkipReason(_), false) => "Reason: ",
            (Purpose::Note(_), false) => "Note: ",
            (Purpose::Param(_), true) => "Value (Enter records it for the run, Esc leaves it unset): ",
            (Purpose::Param(_), false) => "Value: ",
            (Purpose::Approval(_), true) => "Approve — what you reviewed (Enter approves, Esc cancels): ",
            (Purpose::Approval(_), false) => "Approval note: ",
        })
    }
}

/// What the keyboard is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    /// Typing a search query; the tree narrows with each key.
    Searching,
    Prompt(Prompt),
    /// A question to answer with y or n.
    Confirm(Confirm),
}

/// What an Action leads to: the mode the keyboard is in next, and what the
/// loop must do.
pub type Next = (Mode, Effect);

/// What a confirmation would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Tick these open items of the section or phase `name`.
    TickAll { items: Vec<usize>, name: String },
    /// Run this command line for the item at `index`; `gate` says why that
    /// would be forced.
    Run {
        index: usize,
        kind: EvidenceKind,
        line: String,
        gate: Option<String>,
        /// The item is done already: the question says it runs again.
        again: bool,
    },
    /// Record these changes in a closed gated phase, forced.
    Force { edits: Vec<Edit>, gate: String },
    /// Withdraw this session's approval of the phase at `phase`.
    Withdraw { phase: usize, name: String },
}

impl Confirm {
    /// The question, as the footer asks it.
    pub fn question(&self) -> String {
        match self {
            Confirm::TickAll { items, name } => {
                format!("Tick {} of {name}? y/n", plural(items.len(), "open item", "open items"))
            }
            Confirm::Run {
                kind,
                line,
                gate,
                again,
                ..
            } => {
                let verb = match kind {
                    EvidenceKind::Exec => "Run",
                    EvidenceKind::Verify => "Verify with",
                };
                let done = if *again && *kind == EvidenceKind::Exec {
                    "It is done already — "
                } else {
                    ""
                };
                let more = if done.is_empty() { "" } else { " again" };
                match gate {
                    Some(gate) => format!("{gate} — {done}{verb} \"{line}\"{more} anyway, forced? y/n"),
                    None => format!("{done}{verb} \"{line}\"{more}? y/n"),
                }
            }
            Confirm::Force { gate, .. } => format!("{gate} — record it anyway, forced? y/n"),
            Confirm::Withdraw { name, .. } => format!("You approved {name} — withdraw your approval? y/n"),
        }
    }

    /// The question over rows of `width` columns, cut anywhere (a command
    /// line is shown whole, every space kept, never shortened with "…": what
    /// is hidden cannot be judged) and at its own line breaks.
    pub fn rows(&self, width: u16) -> Vec<String> {
        use unicode_width::UnicodeWidthChar as _;
        let width = usize::from(width.max(1));
        let mut rows = Vec::new();
        for line in self.question().split('\n') {
            let mut row = String::new();
            let mut used = 0;
            for c in line.chars() {
                let w = c.width().unwrap_or(0);
                if used + w > width && !row.is_empty() {
                    rows.push(std::mem::take(&mut row));
                    used = 0;
                }
                row.push(c);
                used += w;
            }
            rows.push(row);
        }
        rows
    }
}
