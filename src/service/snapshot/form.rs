//! The snapshot file's form: serde types that mirror the run state, the mark
//! and the warnings a command resumes from, and the conversions to and from
//! them. The run types stay free of serde; anything that does not convert back
//! (a damaged or foreign file) makes the whole snapshot unusable.

use std::collections::BTreeMap;

use serde::ser::SerializeStruct as _;
use serde::{Deserialize, Serialize, Serializer};

use crate::run::{Orphan, ParamValue, RunParts, RunState};
use crate::store::runlog::{Header, MarkParts, Warning};
use crate::timestamp::{InvalidTimestamp, Timestamp};

mod item;

use item::{ItemForm, StampForm};

/// The whole file: with a [`StateForm`] as read, with a [`StateOut`] as
/// written.
#[derive(Serialize, Deserialize)]
pub struct Form<S = StateForm> {
    pub format: u32,
    pub version: String,
    pub log: String,
    pub checklist: u64,
    pub written: String,
    pub header: HeaderForm,
    pub mark: MarkForm,
    pub warnings: Vec<(usize, String)>,
    pub ahead: Vec<(String, String)>,
    pub state: S,
}

#[derive(Serialize, Deserialize)]
pub struct HeaderForm {
    checklist: String,
    file: String,
    run: String,
    created: String,
}

#[derive(Serialize, Deserialize)]
pub struct MarkForm {
    end: u64,
    lines: usize,
    file: Option<(u64, u64)>,
    tail: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
pub struct StateForm {
    items: Vec<ItemForm>,
    params: BTreeMap<String, (String, StampForm)>,
    orphans: Vec<OrphanForm>,
    operators: Vec<String>,
    first_at: Option<String>,
    last_at: Option<String>,
    events: usize,
}

#[derive(Serialize, Deserialize)]
struct OrphanForm {
    id: String,
    title: Option<String>,
    events: usize,
    state: ItemForm,
}

/// A timestamp as text (RFC 3339 keeps every digit it was recorded with).
pub fn time(at: Timestamp) -> String {
    at.to_string()
}

/// A timestamp back from text; `None` when it is not one.
pub fn parse_time(text: &str) -> Option<Timestamp> {
    Timestamp::parse(text).ok()
}

/// A timestamp that may be absent, back from text; an error when present
/// and not one.
fn optional_time(text: Option<&String>) -> Result<Option<Timestamp>, InvalidTimestamp> {
    text.map(|t| Timestamp::parse(t)).transpose()
}

impl From<&Header> for HeaderForm {
    fn from(h: &Header) -> Self {
        HeaderForm {
            checklist: h.checklist.clone(),
            file: h.file.clone(),
            run: h.run.clone(),
            created: h.created.clone(),
        }
    }
}

impl From<HeaderForm> for Header {
    fn from(h: HeaderForm) -> Self {
        Header {
            checklist: h.checklist,
            file: h.file,
            run: h.run,
            created: h.created,
        }
    }
}

impl From<MarkParts> for MarkForm {
    fn from(m: MarkParts) -> Self {
        MarkForm {
            end: m.end,
            lines: m.lines,
            file: m.file,
            tail: m.tail,
        }
    }
}

impl From<MarkForm> for MarkParts {
    fn from(m: MarkForm) -> Self {
        MarkParts {
            end: m.end,
            lines: m.lines,
            file: m.file,
            tail: m.tail,
        }
    }
}

/// The warnings as stored.
pub fn warnings(warnings: &[Warning]) -> Vec<(usize, String)> {
    warnings.iter().map(|w| (w.line, w.message.clone())).collect()
}

/// The warnings back.
pub fn warnings_back(stored: Vec<(usize, String)>) -> Vec<Warning> {
    stored
        .into_iter()
        .map(|(line, message)| Warning { line, message })
        .collect()
}

#[cfg(test)]
impl From<&RunParts> for StateForm {
    fn from(p: &RunParts) -> Self {
        StateForm {
            items: p.items.iter().map(ItemForm::from).collect(),
            ..StateForm::around_items(
                &p.params,
                p.orphans.iter(),
                &p.operators,
                p.first_at,
                p.last_at,
                p.events,
            )
        }
    }
}

/// The run state as a [`StateForm`] writes it, taken from the state itself
/// one item at a time: saving copies no item state, and holds the form of
/// one item at once (at 100,000 items a copy of the states and their forms
/// took 77 MB while the view opened).
pub struct StateOut<'a> {
    pub state: &'a RunState,
    /// How many items it has: as many as its checklist.
    pub items: usize,
}

/// The items of a [`StateOut`], each made a form as it is written.
struct ItemsOut<'a>(&'a StateOut<'a>);

impl Serialize for ItemsOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let StateOut { state, items } = self.0;
        serializer.collect_seq((0..*items).map(|i| ItemForm::from(state.item(i))))
    }
}

impl Serialize for StateOut<'_> {
    /// The fields of [`StateForm`], in its order.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let s = self.state;
        let rest = StateForm::around_items(
            s.param_values(),
            s.orphans(),
            s.operators(),
            s.started(),
            s.last_changed(),
            s.event_count(),
        );
        let mut out = serializer.serialize_struct("StateForm", 7)?;
        out.serialize_field("items", &ItemsOut(self))?;
        out.serialize_field("params", &rest.params)?;
        out.serialize_field("orphans", &rest.orphans)?;
        out.serialize_field("operators", &rest.operators)?;
        out.serialize_field("first_at", &rest.first_at)?;
        out.serialize_field("last_at", &rest.last_at)?;
        out.serialize_field("events", &rest.events)?;
        out.end()
    }
}

impl StateForm {
    /// Everything but the items.
    fn around_items<'a>(
        params: &BTreeMap<String, ParamValue>,
        orphans: impl Iterator<Item = &'a Orphan>,
        operators: &[String],
        first_at: Option<Timestamp>,
        last_at: Option<Timestamp>,
        events: usize,
    ) -> StateForm {
        StateForm {
            items: Vec::new(),
            params: params
                .iter()
                .map(|(name, given)| (name.clone(), (given.value.clone(), (&given.stamp).into())))
                .collect(),
            orphans: orphans
                .map(|o| OrphanForm {
                    id: o.id.clone(),
                    title: o.title.clone(),
                    events: o.events,
                    state: (&o.state).into(),
                })
                .collect(),
            operators: operators.to_vec(),
            first_at: first_at.map(time),
            last_at: last_at.map(time),
            events,
        }
    }
}

impl StateForm {
    /// The parts back; `None` when any of them is not what it should be.
    pub fn back(self) -> Option<RunParts> {
        let items = self.items.into_iter().map(ItemForm::back).collect::<Option<Vec<_>>>()?;
        let mut params = BTreeMap::new();
        for (name, (value, stamp)) in self.params {
            params.insert(
                name,
                ParamValue {
                    value,
                    stamp: stamp.back()?,
                },
            );
        }
        let mut orphans = Vec::new();
        for o in self.orphans {
            orphans.push(Orphan {
                id: o.id,
                title: o.title,
                events: o.events,
                state: o.state.back()?,
            });
        }
        Some(RunParts {
            items,
            params,
            orphans,
            operators: self.operators,
            first_at: optional_time(self.first_at.as_ref()).ok()?,
            last_at: optional_time(self.last_at.as_ref()).ok()?,
            events: self.events,
        })
    }
}
