//! The terminal view's state and its one way of changing: `update(&mut App,
//! Action) -> Effect`. Keys and mouse become Actions elsewhere; what needs the
//! outside world (writing the run log, running an editor) is returned as an
//! Effect for the loop to carry out, and its outcome comes back through
//! [`App::recorded`], [`App::record_failed`] and [`App::external`].

mod action;
mod messages;
mod modes;
mod params;
mod recording;
mod update;

pub use action::{Action, Edit, EditKind, Effect};
pub use messages::Message;
pub use modes::{Confirm, Focus, Mode, PROMPT_ROWS, Prompt, Purpose};

pub use update::update;

use crate::checklist::{Checklist, Status};
use crate::progress::{Progress, Tally};
use crate::run::{Author, Change, Event, ItemState, RunState};

use super::layout::{self, Areas};
use super::line_edit::LineEdit;
use super::strip;
use super::theme::Theme;
use super::tree::{Row, SearchIndex, Tree};
use crate::text::plural;

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
    pub(crate) author: Author,
    /// Whether `E` may open the checklist in an editor (bundled ones are not files).
    pub(crate) editable: bool,
    pub tree: Tree,
    /// Built on the first search, not at start: most sessions never search, and
    /// at 100,000 items it is a noticeable part of opening.
    search_index: Option<SearchIndex>,
    pub mode: Mode,
    /// The search being typed, while searching.
    pub(crate) query: LineEdit,
    pub(crate) focus: Focus,
    pub(crate) detail_scroll: u16,
    /// How far the help is scrolled: on a small screen it does not fit.
    pub(crate) help_scroll: u16,
    pub message: Option<Message>,
    /// Groups of edits, one per recorded change (a bulk tick is one group).
    undo: Vec<Vec<Edit>>,
    redo: Vec<Vec<Edit>>,
    pub screen: Screen,
    pub theme: Theme,
    /// The checklist as written, `{{param}}` and all, when it has parameters:
    /// the shown one is made from it again when a value changes.
    templates: Option<Checklist>,
}

impl App {
    pub fn new(checklist: Checklist, state: RunState, run: String, author: Author, editable: bool) -> App {
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
            author,
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
            templates: None,
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

    /// Applies one event to the state and the progress; `Some(changed)` for an
    /// item of the checklist, saying whether its status changed.
    fn apply(&mut self, event: &Event) -> Option<bool> {
        let Some(index) = event.item_index(&self.checklist) else {
            self.state.apply(&self.checklist, event);
            // An approval changes no item, but is news all the same.
            return event.phase().map(|_| false);
        };
        let before = self.state.item(index).status.clone();
        let passage = matches!(event.change, Change::Status(_)).then(|| {
            crate::gate::judge(
                &self.checklist,
                &self.tally,
                self.state.approvals(),
                index,
                event.forced,
            )
        });
        self.state.apply(&self.checklist, event);
        if let Some(passage) = passage {
            self.state.note_passage(index, passage);
        }
        let after = &self.state.item(index).status;
        if &before != after {
            self.tally.change(&self.checklist, index, &before, after);
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
        let kind = edits.first().map(|edit| edit.kind);
        let group: Vec<Edit> = edits
            .into_iter()
            .zip(events)
            .map(|(mut edit, event)| {
                edit.recorded = Some(event.stamp.at);
                edit
            })
            .collect();
        match kind {
            Some(EditKind::New) => {
                self.undo.push(group);
                self.redo.clear();
            }
            Some(EditKind::Undo) => self.redo.push(group),
            Some(EditKind::Redo) => self.undo.push(group),
            None => {}
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
        let operator = self.author.by.clone();
        let others: Vec<&Event> = self
            .apply_all(events)
            .into_iter()
            .filter(|e| e.stamp.by != operator)
            .collect();
        if events.iter().any(|e| matches!(e.change, Change::Param { .. })) {
            self.refresh_values();
        }
        if let [only] = others.as_slice() {
            let what = match &only.change {
                Change::Status(Status::Done) => "checked",
                Change::Status(Status::Todo) => "unchecked",
                Change::Status(Status::Skipped { .. }) => "skipped",
                Change::Note(_) => "noted",
                Change::Param { .. } => "set",
                Change::Ran if only.evidence.as_ref().is_some_and(crate::run::Evidence::passed) => "run",
                Change::Ran => "run, and failed,",
                Change::Started(_) => "started running",
                Change::Approve { .. } => "approved",
                Change::Withdraw => "withdrawn",
            };
            let phase = only.phase().and_then(|id| self.checklist.phase_index(id));
            let title = match phase {
                Some(p) => self.checklist.phases()[p].name.as_str(),
                None => only.title.as_deref().unwrap_or(only.subject_name()),
            };
            self.say(format!("{title} {what} by {}", only.stamp.by));
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
        self.templates = (!checklist.params.is_empty()).then(|| checklist.clone());
        self.checklist = checklist;
        let secrets = self.state.take_secrets();
        self.state = state;
        self.state.keep_secrets(secrets);
        self.refresh_values();
        self.say("checklist reloaded");
        self.ask_for_missing_param();
    }

    /// The run log was read again whole (it was replaced, or a merge brought
    /// older events): the state is its replay. The undo history is kept: an
    /// undo still checks that its change is the item's latest.
    pub fn replay_run(&mut self, events: &[Event]) {
        let secrets = self.state.take_secrets();
        self.state = RunState::replay(&self.checklist, events);
        self.state.keep_secrets(secrets);
        self.refresh_values();
        self.tally = self.state.tally(&self.checklist);
        self.tree.rebuild(&self.checklist, &self.state);
        let height = usize::from(self.tree_height());
        self.tree.scroll_into_view(height);
    }

    /// The screen's layout at its last known size.
    pub fn areas(&self) -> Option<Areas> {
        self.areas_at(self.screen.width, self.screen.height)
    }

    /// The layout at a given size: the footer grows with a long prompt, and
    /// with an error too long for one row (a checklist that failed to reload).
    pub fn areas_at(&self, width: u16, height: u16) -> Option<Areas> {
        let footer = match (&self.mode, &self.message) {
            (Mode::Prompt(prompt), _) => {
                self.prompt_line(prompt)
                    .rows_needed(&prompt.label(width), usize::from(width), PROMPT_ROWS)
            }
            (Mode::Confirm(confirm), _) => confirm.rows(width).len(),
            (Mode::Normal, Some(message)) if message.error => {
                let text = unicode_width::UnicodeWidthStr::width(message.text.as_str());
                text.div_ceil(usize::from(width.max(1))).clamp(1, PROMPT_ROWS)
            }
            _ => 1,
        };
        let phases = strip::rows(&self.checklist, &self.tally, self.state.approvals(), width, height);
        layout::areas(width, height, phases, u16::try_from(footer).unwrap_or(1))
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
