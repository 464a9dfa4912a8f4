//! The snapshot file's form: serde types that mirror the run state, the mark
//! and the warnings a command resumes from, and the conversions to and from
//! them. The run types stay free of serde; anything that does not convert back
//! (a damaged or foreign file) makes the whole snapshot unusable.

use std::collections::BTreeMap;

use serde::ser::SerializeStruct as _;
use serde::{Deserialize, Serialize, Serializer};

use crate::checklist::Status;
use crate::run::{Evidence, EvidenceKind, ItemState, Orphan, Proof, RunParts, RunState, Running, Start};
use crate::store::runlog::{Header, MarkParts, Warning};
use crate::timestamp::{InvalidTimestamp, Timestamp};

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
    params: BTreeMap<String, (String, String, String)>,
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

#[derive(Serialize, Deserialize)]
struct ItemForm {
    status: StatusForm,
    at: Option<String>,
    by: Option<String>,
    note: Option<String>,
    changed: Option<(String, String)>,
    forced: bool,
    evidence: Option<(EvidenceForm, String, String)>,
    proof: u8,
    running: Option<RunningForm>,
    prior: Option<(StatusForm, Option<String>)>,
    out_of_order: bool,
}

#[derive(Serialize, Deserialize)]
enum StatusForm {
    Todo,
    Done,
    Skipped(Option<String>),
}

#[derive(Serialize, Deserialize)]
struct EvidenceForm {
    verify: bool,
    command: String,
    exit: Option<i32>,
    timed_out: bool,
    interrupted: bool,
    millis: u64,
    output: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct RunningForm {
    verify: bool,
    host: String,
    pid: u32,
    at: String,
    by: String,
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

fn kind(verify: bool) -> EvidenceKind {
    if verify {
        EvidenceKind::Verify
    } else {
        EvidenceKind::Exec
    }
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

impl From<&Status> for StatusForm {
    fn from(s: &Status) -> Self {
        match s {
            Status::Todo => StatusForm::Todo,
            Status::Done => StatusForm::Done,
            Status::Skipped { reason } => StatusForm::Skipped(reason.clone()),
        }
    }
}

impl From<StatusForm> for Status {
    fn from(s: StatusForm) -> Self {
        match s {
            StatusForm::Todo => Status::Todo,
            StatusForm::Done => Status::Done,
            StatusForm::Skipped(reason) => Status::Skipped { reason },
        }
    }
}

impl From<&Evidence> for EvidenceForm {
    fn from(e: &Evidence) -> Self {
        EvidenceForm {
            verify: e.kind == EvidenceKind::Verify,
            command: e.command.clone(),
            exit: e.exit,
            timed_out: e.timed_out,
            interrupted: e.interrupted,
            millis: e.millis,
            output: e.output.clone(),
        }
    }
}

impl From<EvidenceForm> for Evidence {
    fn from(e: EvidenceForm) -> Self {
        Evidence {
            kind: kind(e.verify),
            command: e.command,
            exit: e.exit,
            timed_out: e.timed_out,
            interrupted: e.interrupted,
            millis: e.millis,
            output: e.output,
        }
    }
}

impl From<&ItemState> for ItemForm {
    fn from(s: &ItemState) -> Self {
        ItemForm {
            status: (&s.status).into(),
            at: s.at.map(time),
            by: s.by.clone(),
            note: s.note.clone(),
            changed: s.changed.as_ref().map(|(at, by)| (time(*at), by.clone())),
            forced: s.forced,
            evidence: s.evidence.as_ref().map(|(e, at, by)| (e.into(), time(*at), by.clone())),
            proof: match s.proof {
                Proof::None => 0,
                Proof::Passed => 1,
                Proof::Failed => 2,
            },
            running: s.running.as_ref().map(|r| RunningForm {
                verify: r.start.kind == EvidenceKind::Verify,
                host: r.start.host.clone(),
                pid: r.start.pid,
                at: time(r.at),
                by: r.by.clone(),
            }),
            prior: s.prior.as_ref().map(|(status, note)| (status.into(), note.clone())),
            out_of_order: s.out_of_order,
        }
    }
}

impl ItemForm {
    fn back(self) -> Option<ItemState> {
        let changed = match self.changed {
            Some((at, by)) => Some((parse_time(&at)?, by)),
            None => None,
        };
        let evidence = match self.evidence {
            Some((e, at, by)) => Some((e.into(), parse_time(&at)?, by)),
            None => None,
        };
        let running = match self.running {
            Some(r) => Some(Running {
                start: Start {
                    kind: kind(r.verify),
                    host: r.host,
                    pid: r.pid,
                },
                at: parse_time(&r.at)?,
                by: r.by,
            }),
            None => None,
        };
        Some(ItemState {
            status: self.status.into(),
            at: optional_time(self.at.as_ref()).ok()?,
            by: self.by,
            note: self.note,
            changed,
            forced: self.forced,
            evidence,
            proof: match self.proof {
                0 => Proof::None,
                1 => Proof::Passed,
                2 => Proof::Failed,
                _ => return None,
            },
            running,
            prior: self.prior.map(|(status, note)| (status.into(), note)),
            out_of_order: self.out_of_order,
        })
    }
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
        params: &BTreeMap<String, (String, Timestamp, String)>,
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
                .map(|(name, (value, at, by))| (name.clone(), (value.clone(), time(*at), by.clone())))
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
        for (name, (value, at, by)) in self.params {
            params.insert(name, (value, parse_time(&at)?, by));
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
