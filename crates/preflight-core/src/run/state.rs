//! The state of a run: each item's, its parameters' values, the events about
//! items the checklist lacks (orphans), who worked on it and who approved
//! what; changed one event at a time by [`RunState::apply`], in the order
//! [`super::replay`] gives them.

use std::collections::BTreeMap;

use super::event::{Change, Event};
use super::evidence::ParamValue;
use super::item::ItemState;
use super::secrets::Secrets;
use crate::approval::Approvals;
use crate::checklist::Checklist;
use crate::gate::Passage;
use crate::progress::Tally;
use crate::timestamp::Timestamp;

/// Events about an item the checklist does not have (any more).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    pub id: String,
    /// The most recent title an event recorded for it.
    pub title: Option<String>,
    pub events: usize,
    /// What the events would make of the item, were it still there.
    pub state: ItemState,
}

/// A run state taken apart, for a cache outside the core to keep it and put
/// it back together without replaying the events that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunParts {
    pub items: Vec<ItemState>,
    pub params: BTreeMap<String, ParamValue>,
    pub orphans: Vec<Orphan>,
    pub operators: Vec<String>,
    pub first_at: Option<Timestamp>,
    pub last_at: Option<Timestamp>,
    pub events: usize,
}

/// The state of every item of a checklist in one run.
#[derive(Debug, Clone)]
pub struct RunState {
    items: Vec<ItemState>,
    /// The values run parameters were given, the latest by time, with when and
    /// by whom.
    pub(super) params: BTreeMap<String, ParamValue>,
    orphans: BTreeMap<String, Orphan>,
    operators: Vec<String>,
    first_at: Option<Timestamp>,
    last_at: Option<Timestamp>,
    events: usize,
    /// Who worked on each phase and who approved it.
    approvals: Approvals,
    /// Secret parameters' values given in this session: never replayed from
    /// or written to a log.
    pub(super) secrets: Secrets,
}

impl RunState {
    /// A run in which nothing has happened yet: every item todo.
    pub fn new(checklist: &Checklist) -> RunState {
        RunState {
            items: vec![ItemState::default(); checklist.items().len()],
            params: BTreeMap::new(),
            orphans: BTreeMap::new(),
            operators: Vec::new(),
            first_at: None,
            last_at: None,
            events: 0,
            approvals: Approvals::new(checklist),
            secrets: Secrets::default(),
        }
    }

    /// Notes how the item's latest status change stood with its gate: what
    /// an incremental apply (the view's) judges with the tally it keeps.
    pub fn note_passage(&mut self, index: usize, passage: Passage) {
        self.items[index].out_of_order = passage == Passage::OutOfOrder;
    }

    /// The time a new change to item `index` is recorded with: `now`, or just
    /// after the item's latest change when that is later (a teammate's clock
    /// ahead of ours). A change made after seeing another is ordered after it,
    /// whatever the clocks say.
    pub fn stamp_for(&self, index: usize, now: Timestamp) -> Timestamp {
        // A run's evidence and a start count too: an outcome recorded after
        // a start stamped ahead (a teammate's clock) must come after it, or
        // the item would stay "running" for ever.
        match self.items[index].latest() {
            Some(latest) if latest >= now => latest.plus_millis(1),
            _ => now,
        }
    }

    /// The time a new approval (or withdrawal) of phase `phase` is recorded
    /// with: `now`, or just after the phase's latest one when that is later,
    /// so that a withdrawal made after seeing an approval comes after it.
    pub fn stamp_for_phase(&self, phase: usize, now: Timestamp) -> Timestamp {
        match self.approvals.latest(phase) {
            Some(latest) if latest >= now => latest.plus_millis(1),
            _ => now,
        }
    }

    /// Whether `event` is older than the latest change of its item (its
    /// status or note, its last run's evidence, a start) or parameter, or
    /// an approval, or any event of a gated checklist, older than anything
    /// in the run: applied now, it would take the place of a later change
    /// (or be judged against a gate as it stood after later changes), so
    /// the run must be replayed in time order instead.
    pub fn is_late(&self, checklist: &Checklist, event: &Event) -> bool {
        let latest = match &event.change {
            _ if checklist.has_gates() => self.last_at,
            Change::Param { name, .. } => self.params.get(name).map(|p| p.stamp.at),
            _ if event.phase().is_some() => self.last_at,
            _ => event
                .item_index(checklist)
                .map(|index| &self.items[index])
                .or_else(|| {
                    event
                        .item()
                        .and_then(|id| self.orphans.get(id.as_str()))
                        .map(|o| &o.state)
                })
                .and_then(ItemState::latest),
        };
        latest.is_some_and(|latest| event.stamp.at < latest)
    }

    /// Puts the operators in the order of their first events in time:
    /// `firsts[i]` is when the `i`-th operator met first recorded, and how
    /// many events came before; what a replay that met them out of time
    /// order does to list them as a replay in time order would.
    pub(super) fn order_operators(&mut self, firsts: &[(Timestamp, usize)]) {
        let mut order: Vec<usize> = (0..self.operators.len()).collect();
        order.sort_by_key(|&i| firsts.get(i).copied());
        let ordered = order.iter().map(|&i| std::mem::take(&mut self.operators[i])).collect();
        self.operators = ordered;
    }

    /// Applies one event; returns the index of the item it changed, or `None` when
    /// the checklist has no such item and the event was kept as an orphan.
    pub fn apply(&mut self, checklist: &Checklist, event: &Event) -> Option<usize> {
        self.events += 1;
        let at = event.stamp.at;
        if self.first_at.is_none_or(|first| at < first) {
            self.first_at = Some(at);
        }
        if self.last_at.is_none_or(|last| at > last) {
            self.last_at = Some(at);
        }
        if !self.operators.contains(&event.stamp.by) {
            self.operators.push(event.stamp.by.clone());
        }
        event.tell(checklist, &mut self.approvals);
        if let Change::Param { name, value } = &event.change {
            // For a secret, the log says only that it was given, and by whom:
            // a value a log holds for it is never taken.
            let secret = checklist.params.iter().any(|p| &p.name == name && p.secret);
            let value = if secret { String::new() } else { value.clone() };
            self.params.insert(
                name.clone(),
                ParamValue {
                    value,
                    stamp: event.stamp.clone(),
                },
            );
            return None;
        }
        if let Some(index) = event.item_index(checklist) {
            self.items[index].apply(event);
            return Some(index);
        }
        let id = event.item()?.as_str();
        let orphan = self.orphans.entry(id.to_owned()).or_insert_with(|| Orphan {
            id: id.to_owned(),
            title: None,
            events: 0,
            state: ItemState::default(),
        });
        orphan.events += 1;
        if event.title.is_some() {
            orphan.title.clone_from(&event.title);
        }
        orphan.state.apply(event);
        None
    }

    /// The state taken apart (see [`RunParts`]), without the session's
    /// secrets, which are never kept.
    pub fn parts(&self) -> RunParts {
        RunParts {
            items: self.items.clone(),
            params: self.params.clone(),
            orphans: self.orphans.values().cloned().collect(),
            operators: self.operators.clone(),
            first_at: self.first_at,
            last_at: self.last_at,
            events: self.events,
        }
    }

    /// The state put back together from its parts, when they fit `checklist`
    /// (one item state per item): what [`RunState::parts`] took apart. Never
    /// for a checklist with approvals: who worked on which phase is not in
    /// the parts, so such a run is always replayed.
    pub fn from_parts(checklist: &Checklist, parts: RunParts) -> Option<RunState> {
        let fits = parts.items.len() == checklist.items().len() && !checklist.phases().iter().any(|p| p.approvals > 0);
        fits.then(|| RunState {
            items: parts.items,
            params: parts.params,
            orphans: parts.orphans.into_iter().map(|o| (o.id.clone(), o)).collect(),
            operators: parts.operators,
            first_at: parts.first_at,
            last_at: parts.last_at,
            events: parts.events,
            approvals: Approvals::new(checklist),
            // Never kept anywhere: a session gives its own.
            secrets: Secrets::default(),
        })
    }

    pub fn item(&self, index: usize) -> &ItemState {
        &self.items[index]
    }

    /// Who worked on each phase, and who approved it.
    pub fn approvals(&self) -> &Approvals {
        &self.approvals
    }

    /// Progress of every section, phase and the whole checklist in this run.
    pub fn tally(&self, checklist: &Checklist) -> Tally {
        Tally::of(checklist, |i| &self.items[i].status)
    }

    /// Events about items the checklist does not have, by item id.
    pub fn orphans(&self) -> impl Iterator<Item = &Orphan> {
        self.orphans.values()
    }

    /// Everyone who recorded an event, in order of first appearance.
    pub fn operators(&self) -> &[String] {
        &self.operators
    }

    /// When the first event was recorded.
    pub fn started(&self) -> Option<Timestamp> {
        self.first_at
    }

    /// When the last event was recorded.
    pub fn last_changed(&self) -> Option<Timestamp> {
        self.last_at
    }

    /// How many events were applied, orphans included.
    pub fn event_count(&self) -> usize {
        self.events
    }
}
