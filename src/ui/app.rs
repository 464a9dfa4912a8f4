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
use super::theme::Theme;
use super::tree::{Row, SearchIndex, Tree};

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

/// A one-line text entry at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub purpose: Purpose,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    SkipReason(usize),
    Note(usize),
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
}

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
    pub focus: Focus,
    pub detail_scroll: u16,
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
                "{orphans} orphaned item(s) in this run: their events name items the checklist no longer has"
            ),
            error: false,
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
            focus: Focus::Tree,
            detail_scroll: 0,
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
        });
    }

    /// Shows `text` in the status line as an error, escaped as [`App::say`].
    pub fn complain(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: escape_for_terminal(&text.into()),
            error: true,
        });
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
        layout::areas(self.screen.width, self.screen.height, self.checklist.phases().len())
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
