//! The snapshot file's form: serde types that mirror the run state, the mark
//! and the warnings a command resumes from, and the conversions to and from
//! them. The run types stay free of serde; anything that does not convert back
//! (a damaged or foreign file) makes the whole snapshot unusable.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::checklist::Status;
use crate::run::{
    Evidence, EvidenceKind, ItemState, Orphan, ParamValue, Prior, Proof, RecordedEvidence, RunParts, Running, Stamp,
    Start,
};
use crate::runlog::{Header, MarkParts, Warning};
use crate::timestamp::{InvalidTimestamp, Timestamp};

/// The whole file.
#[derive(Serialize, Deserialize)]
pub struct Form {
    pub format: u32,
    pub version: String,
    pub log: String,
    pub checklist: u64,
    pub written: String,
    pub header: HeaderForm,
    pub mark: MarkForm,
    pub warnings: Vec<(usize, String)>,
    pub ahead: Vec<(String, String)>,
    pub state: StateForm,
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

/// Who recorded something, and when.
#[derive(Serialize, Deserialize)]
pub struct StampForm {
    at: String,
    by: String,
    login: Option<String>,
}

impl From<&Stamp> for StampForm {
    fn from(stamp: &Stamp) -> Self {
        StampForm {
            at: time(stamp.at),
            by: stamp.by.clone(),
            login: stamp.login.clone(),
        }
    }
}

impl StampForm {
    fn back(self) -> Option<Stamp> {
        Some(Stamp {
            at: parse_time(&self.at)?,
            by: self.by,
            login: self.login,
        })
    }
}

#[derive(Serialize, Deserialize)]
struct ItemForm {
    status: StatusForm,
    set: Option<StampForm>,
    note: Option<String>,
    changed: Option<StampForm>,
    forced: bool,
    evidence: Option<(EvidenceForm, StampForm)>,
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
    stamp: StampForm,
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
            set: s.set.as_ref().map(StampForm::from),
            note: s.note.clone(),
            changed: s.changed.as_ref().map(StampForm::from),
            forced: s.forced,
            evidence: s.evidence.as_ref().map(|e| ((&e.evidence).into(), (&e.stamp).into())),
            proof: match s.proof {
                Proof::None => 0,
                Proof::Passed => 1,
                Proof::Failed => 2,
            },
            running: s.running.as_ref().map(|r| RunningForm {
                verify: r.start.kind == EvidenceKind::Verify,
                host: r.start.host.clone(),
                pid: r.start.pid,
                stamp: (&r.stamp).into(),
            }),
            prior: s.prior.as_ref().map(|p| ((&p.status).into(), p.note.clone())),
            out_of_order: s.out_of_order,
        }
    }
}

impl ItemForm {
    fn back(self) -> Option<ItemState> {
        let set = match self.set {
            Some(stamp) => Some(stamp.back()?),
            None => None,
        };
        let changed = match self.changed {
            Some(stamp) => Some(stamp.back()?),
            None => None,
        };
        let evidence = match self.evidence {
            Some((e, stamp)) => Some(RecordedEvidence {
                evidence: e.into(),
                stamp: stamp.back()?,
            }),
            None => None,
        };
        let running = match self.running {
            Some(r) => Some(Running {
                start: Start {
                    kind: kind(r.verify),
                    host: r.host,
                    pid: r.pid,
                },
                stamp: r.stamp.back()?,
            }),
            None => None,
        };
        Some(ItemState {
            status: self.status.into(),
            set,
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
            prior: self.prior.map(|(status, note)| Prior {
                status: status.into(),
                note,
            }),
            out_of_order: self.out_of_order,
        })
    }
}

impl From<&RunParts> for StateForm {
    fn from(p: &RunParts) -> Self {
        StateForm {
            items: p.items.iter().map(ItemForm::from).collect(),
            params: p
                .params
                .iter()
                .map(|(name, given)| (name.clone(), (given.value.clone(), (&given.stamp).into())))
                .collect(),
            orphans: p
                .orphans
                .iter()
                .map(|o| OrphanForm {
                    id: o.id.clone(),
                    title: o.title.clone(),
                    events: o.events,
                    state: (&o.state).into(),
                })
                .collect(),
            operators: p.operators.clone(),
            first_at: p.first_at.map(time),
            last_at: p.last_at.map(time),
            events: p.events,
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
