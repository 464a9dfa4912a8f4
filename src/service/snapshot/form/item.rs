//! One item's state as the snapshot file keeps it: its status, who set it
//! and when (name and login), its evidence, a command running for it, and
//! the conversions to and from the run types; anything that does not
//! convert back makes the whole snapshot unusable.

use serde::{Deserialize, Serialize};

use super::{parse_time, time};
use crate::checklist::Status;
use crate::run::{Evidence, EvidenceKind, ItemState, Prior, Proof, RecordedEvidence, Running, Stamp, Start};

/// Who recorded something, and when.
#[derive(Serialize, Deserialize)]
pub(super) struct StampForm {
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
    pub(super) fn back(self) -> Option<Stamp> {
        Some(Stamp {
            at: parse_time(&self.at)?,
            by: self.by,
            login: self.login,
        })
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct ItemForm {
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

fn kind(verify: bool) -> EvidenceKind {
    if verify {
        EvidenceKind::Verify
    } else {
        EvidenceKind::Exec
    }
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
    pub(super) fn back(self) -> Option<ItemState> {
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
            evidence: evidence.map(Box::new),
            proof: match self.proof {
                0 => Proof::None,
                1 => Proof::Passed,
                2 => Proof::Failed,
                _ => return None,
            },
            running: running.map(Box::new),
            prior: self.prior.map(|(status, note)| {
                Box::new(Prior {
                    status: status.into(),
                    note,
                })
            }),
            out_of_order: self.out_of_order,
        })
    }
}
