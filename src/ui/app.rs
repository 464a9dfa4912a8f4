//! The terminal view's state and its one way of changing: `update(&mut App,
//! Action) -> Effect`. Keys and mouse become Actions elsewhere; what needs the
//! outside world (writing the run log, running an editor) is returned as an
//! Effect for the loop to carry out, and its outcome comes back through
//! [`App::recorded`], [`App::record_failed`] and [`App::external`].

mod update;

pub use update::update;

use crate::checklist::{Checklist, Status};
use crate::progress::{Progress, Tally};
use crate::run::{Change, Event, ItemState, RunState};
use crate::text::escape_for_terminal;
use crate::timestamp::Timestamp;

use super::layout::{self, Areas};
use super::line_edit::{LineEdit, LineOp};
use super::theme::Theme;
use super::tree::{Row, SearchIndex, Tree};
use super::view::plural;

/// What the user meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// Collapse, or go to the parent (`h`, ←).
    Collapse,
    /// Expand, or go to the first child (`l`, →).
    Expand,
    SwitchPane,
    JumpToPhase(usize),
    /// Tick or untick the selected item; on a header, fold or unfold it.
    Toggle,
    /// Ask for a reason and skip the selected item, or unskip it.
    Skip,
    EditNote,
    Undo,
    Redo,
    StartSearch,
    NextMatch,
    PreviousMatch,
    CycleFilter,
    NextOpen,
    PreviousOpen,
    EditChecklist,
    ToggleHelp,
    Quit,
    /// Typing into the search or a prompt.
    Input(char),
    /// Text pasted at once (bracketed paste): typed into a prompt, ignored
    /// elsewhere, never read as keys.
    Paste(String),
    Backspace,
    /// Delete the word before the cursor of a prompt (Ctrl-w).
    DeleteWord,
    /// Move the cursor of a prompt, or delete around it.
    Line(LineOp),
    Confirm,
    Cancel,
    /// A mouse click at a screen position.
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp,
    ScrollDown,
    /// The screen has a new size; the layout follows.
    Resize {
        width: u16,
        height: u16,
    },
}

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Append these changes to the run log, then report with [`App::recorded`].
    Record(Vec<Edit>),
    /// Open the checklist file in the user's editor, then reload it.
    EditChecklist,
}

/// One change this session makes to one item, with what it replaces, so that it
/// can be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub index: usize,
    pub before: Change,
    pub after: Change,
    pub kind: EditKind,
    /// When its event was recorded, once it was: an undo or redo takes it back
    /// only while the item's latest change is still this one.
    pub recorded: Option<Timestamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    New,
    Undo,
    Redo,
}

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    SkipReason(usize),
    Note(usize),
}

/// The most rows a prompt grows to before it scrolls.
pub const PROMPT_ROWS: usize = 3;

impl Prompt {
    /// What the prompt is for, and on a wide screen its keys.
    pub fn label(&self, width: u16) -> &'static str {
        match (self.purpose, width >= 100) {
            (Purpose::SkipReason(_), true) => "Skip reason (Enter skips, Esc cancels): ",
            (Purpose::Note(_), true) => "Note (Enter saves, empty clears, Esc cancels): ",
            (Purpose::SkipReason(_), false) => "Reason: ",
            (Purpose::Note(_), false) => "Note: ",
        }
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
}

/// A short line for the footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
    /// How many ticks of the loop it has been shown for: it fades.
    pub age: u8,
}

/// Ticks (a quarter of a second each) a message stays: a few seconds, longer
/// for an error.
const SAY_TICKS: u8 = 12;
const COMPLAIN_TICKS: u8 = 32;

/// Where things are on screen, from the last known size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Screen {
    pub width: u16,
    pub height: u16,
}

/// The whole state of the terminal view.
#[derive(Debug, Clone)]
pub struct App {
    pub checklist: Checklist,
    pub state: RunState,
    pub tally: Tally,
    pub run: String,
    /// Who this session records as; changes by others are announced.
    pub operator: String,
    /// Whether `E` may open the checklist in an editor (bundled ones are not files).
    pub editable: bool,
    pub tree: Tree,
    /// Built on the first search, not at start: most sessions never search, and
    /// at 100,000 items it is a noticeable part of opening.
    pub search_index: Option<SearchIndex>,
    pub mode: Mode,
    /// The search being typed, while searching.
    pub query: LineEdit,
    pub focus: Focus,
    pub detail_scroll: u16,
    /// How far the help is scrolled: on a small screen it does not fit.
    pub help_scroll: u16,
    pub message: Option<Message>,
    pub undo: Vec<Edit>,
    pub redo: Vec<Edit>,
    pub screen: Screen,
    pub theme: Theme,
}

impl App {
    pub fn new(checklist: Checklist, state: RunState, run: String, operator: String, editable: bool) -> App {
        let tally = state.tally(&checklist);
        let tree = Tree::new(&checklist, &state);
        let orphans = state.orphans().count();
        let message = (orphans > 0).then(|| Message {
            text: format!(
                "{} in this run name items the checklist no longer has",
                plural(orphans, "orphaned item", "orphaned items")
            ),
            error: false,
            age: 0,
        });
        App {
            checklist,
            state,
            tally,
            run,
            operator,
            editable,
            tree,
            search_index: None,
            mode: Mode::Normal,
            query: LineEdit::default(),
            focus: Focus::Tree,
            detail_scroll: 0,
            help_scroll: 0,
            message,
            undo: Vec::new(),
            redo: Vec::new(),
            screen: Screen { width: 80, height: 24 },
            theme: Theme::COLOR,
        }
    }

    /// The item under the cursor, if the cursor is on an item.
    pub fn selected_item(&self) -> Option<usize> {
        match self.tree.selected() {
            Some(Row::Item(i)) => Some(i),
            _ => None,
        }
    }

    pub fn item_state(&self, index: usize) -> &ItemState {
        self.state.item(index)
    }

    /// Shows `text` in the status line; untrusted parts (titles, names, paths)
    /// are escaped here, once for every message.
    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: escape_for_terminal(&text.into()),
            error: false,
            age: 0,
        });
    }

    /// Shows `text` in the status line as an error, escaped as [`App::say`].
    pub fn complain(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: escape_for_terminal(&text.into()),
            error: true,
            age: 0,
        });
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
            return true;
        }
        false
    }

    /// Applies one event to the state and the progress; `Some(changed)` for an
    /// item of the checklist, saying whether its status changed.
    fn apply(&mut self, event: &Event) -> Option<bool> {
        let Some(index) = self.checklist.index_of(&event.item) else {
            self.state.apply(&self.checklist, event);
            return None;
        };
        let before = self.state.item(index).status.clone();
        self.state.apply(&self.checklist, event);
        let after = &self.state.item(index).status;
        if &before != after {
            let item = &self.checklist.items()[index];
            let section = item.section;
            let phase = self.checklist.sections()[section].phase;
            for progress in [
                &mut self.tally.overall,
                &mut self.tally.phases[phase],
                &mut self.tally.sections[section],
            ] {
                progress.remove(&before);
                progress.add(after);
            }
        }
        Some(&before != after)
    }

    /// Applies a batch of events; under a status filter the rows are rebuilt
    /// once for the batch, not once an event. Returns the events that were
    /// about items of the checklist.
    fn apply_all<'e>(&mut self, events: &'e [Event]) -> Vec<&'e Event> {
        let mut applied = Vec::new();
        let mut status_changed = false;
        for event in events {
            if let Some(changed) = self.apply(event) {
                status_changed |= changed;
                applied.push(event);
            }
        }
        if status_changed && self.tree.filters_by_status() {
            self.tree.rebuild(&self.checklist, &self.state);
            let height = usize::from(self.tree_height());
            self.tree.scroll_into_view(height);
        }
        applied
    }

    /// The loop wrote these edits to the run log as `events`: apply them and keep
    /// the undo history.
    pub fn recorded(&mut self, edits: Vec<Edit>, events: &[Event]) {
        self.apply_all(events);
        if let Some(text) = self.describe(&edits) {
            self.say(text);
        }
        for (mut edit, event) in edits.into_iter().zip(events) {
            edit.recorded = Some(event.at);
            match edit.kind {
                EditKind::New => {
                    self.undo.push(edit);
                    self.redo.clear();
                }
                EditKind::Undo => self.redo.push(edit),
                EditKind::Redo => self.undo.push(edit),
            }
        }
    }

    /// What recorded edits did, for the status line: `✓ Database`,
    /// `– Redis/Cache skipped (no cache)`, `undid: Database → to do`.
    fn describe(&self, edits: &[Edit]) -> Option<String> {
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
        };
        Some(match (first.kind, &first.after) {
            (EditKind::Undo, _) => format!("undid: {title} → {what}"),
            (EditKind::Redo, _) => format!("redo: {title} → {what}"),
            (EditKind::New, Change::Status(Status::Done)) => format!("✓ {title}"),
            (EditKind::New, Change::Status(Status::Skipped { .. })) => format!("– {title} {what}"),
            (EditKind::New, Change::Status(Status::Todo)) => format!("{title} → to do"),
            (EditKind::New, Change::Note(_)) => format!("✎ {title}: {what}"),
        })
    }

    /// Writing to the run log failed: nothing changed, and the user is told
    /// what is wrong (the hint is in the CLI's message; the status line has
    /// room for one line).
    pub fn record_failed(&mut self, error: &str) {
        self.complain(format!("not saved: {error}"));
    }

    /// Events another process appended to the run: apply them and say who did what.
    pub fn external(&mut self, events: &[Event]) {
        let operator = self.operator.clone();
        let others: Vec<&Event> = self
            .apply_all(events)
            .into_iter()
            .filter(|e| e.by != operator)
            .collect();
        if let [only] = others.as_slice() {
            let what = match &only.change {
                Change::Status(Status::Done) => "checked",
                Change::Status(Status::Todo) => "unchecked",
                Change::Status(Status::Skipped { .. }) => "skipped",
                Change::Note(_) => "noted",
            };
            let title = only.title.as_deref().unwrap_or(&only.item);
            self.say(format!("{title} {what} by {}", only.by));
        } else if others.len() > 1 {
            self.say(format!("{} changes by others", others.len()));
        }
    }

    /// Swaps in an edited checklist, keeping the run's events and the cursor's place.
    pub fn reload(&mut self, checklist: Checklist, events: &[Event]) {
        let state = RunState::replay(&checklist, events);
        let selected_id = self.selected_item().map(|i| self.checklist.items()[i].id.clone());
        self.tally = state.tally(&checklist);
        self.tree = Tree::new(&checklist, &state);
        self.search_index = None;
        if let Some(index) = selected_id.and_then(|id| checklist.index_of(id.as_str())) {
            self.tree.select(Row::Item(index));
        }
        self.undo.clear();
        self.redo.clear();
        self.checklist = checklist;
        self.state = state;
        self.say("checklist reloaded");
    }

    /// The run log was read again whole (it was replaced, or a merge brought
    /// older events): the state is its replay. The undo history is kept: an
    /// undo still checks that its change is the item's latest.
    pub fn replay_run(&mut self, events: &[Event]) {
        self.state = RunState::replay(&self.checklist, events);
        self.tally = self.state.tally(&self.checklist);
        self.tree.rebuild(&self.checklist, &self.state);
        let height = usize::from(self.tree_height());
        self.tree.scroll_into_view(height);
    }

    /// The screen's layout at its last known size.
    pub fn areas(&self) -> Option<Areas> {
        self.areas_at(self.screen.width, self.screen.height)
    }

    /// The layout at a given size: the footer grows with a long prompt.
    pub fn areas_at(&self, width: u16, height: u16) -> Option<Areas> {
        let footer = match &self.mode {
            Mode::Prompt(prompt) => prompt
                .line
                .rows_needed(prompt.label(width), usize::from(width), PROMPT_ROWS),
            _ => 1,
        };
        layout::areas(
            width,
            height,
            self.checklist.phases().len(),
            u16::try_from(footer).unwrap_or(1),
        )
    }

    /// How many tree rows fit on screen.
    pub fn tree_height(&self) -> u16 {
        self.areas().and_then(|a| a.tree_rows).map_or(1, |r| r.height)
    }

    /// Progress of the phase a row belongs to.
    pub fn phase_progress(&self, phase: usize) -> &Progress {
        &self.tally.phases[phase]
    }
}

#[cfg(test)]
mod tests;
