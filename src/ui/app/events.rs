//! What the run's events do to the view: this session's recorded changes,
//! with their undo history, changes by others (announced), a checklist
//! edited under the view, and a run log read again whole.

use super::{App, Edit, EditKind};
use crate::checklist::{Checklist, Status};
use crate::run::{Change, Event, RunState};
use crate::ui::tree::{Row, Tree};

impl App {
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
    pub(super) fn apply_all<'e>(&mut self, events: &'e [Event]) -> Vec<&'e Event> {
        let mut applied = Vec::new();
        let mut status_changed = false;
        for event in events {
            if let Some(changed) = self.apply(event) {
                status_changed |= changed;
                applied.push(event);
            }
        }
        self.relayout();
        if status_changed && self.tree.filters_by_status() {
            self.tree.statuses_changed(&self.checklist, &self.state);
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
        self.relayout();
        self.tree.statuses_changed(&self.checklist, &self.state);
        let height = usize::from(self.tree_height());
        self.tree.scroll_into_view(height);
    }
}
