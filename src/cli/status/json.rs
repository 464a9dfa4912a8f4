//! `status --json`: the whole tree of a run for scripts, each item with its
//! status, who set it (name and login) and when, and each phase that needs
//! approvals with who approved it.

use serde::Serialize;

use crate::approval::Approvals;
use crate::checklist::{Checklist, Status};
use crate::progress::{Progress, Tally};
use crate::run::{ItemState, Proof, RunState};

#[derive(Serialize)]
struct Counts {
    done: usize,
    skipped: usize,
    total: usize,
    percent: u8,
}

impl From<&Progress> for Counts {
    fn from(p: &Progress) -> Counts {
        Counts {
            done: p.done,
            skipped: p.skipped,
            total: p.total,
            percent: p.percent(),
        }
    }
}

#[derive(Serialize)]
pub(super) struct JsonChecklist<'a> {
    title: &'a str,
    description: Option<&'a str>,
    run: &'a str,
    /// The run's parameters and their values; left out when it has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    params: Vec<JsonParam<'a>>,
    #[serde(flatten)]
    counts: Counts,
    phases: Vec<JsonPhase<'a>>,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    kind: &'static str,
    command: &'a str,
    exit: Option<i32>,
    timed_out: bool,
    /// Stopped because preflight was asked to end while it ran.
    interrupted: bool,
    ms: u64,
    output: &'a [String],
    at: String,
    by: &'a str,
    /// The account that recorded it, as its machine said; null when unknown.
    login: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonParam<'a> {
    name: &'a str,
    value: Option<&'a str>,
    /// Who set the value and when; null for a default.
    by: Option<&'a str>,
    at: Option<String>,
}

#[derive(Serialize)]
struct JsonPhase<'a> {
    id: &'a str,
    name: &'a str,
    icon: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(flatten)]
    counts: Counts,
    /// Left out for a phase that needs no approvals.
    #[serde(skip_serializing_if = "Option::is_none")]
    approvals: Option<JsonApprovals<'a>>,
    sections: Vec<JsonSection<'a>>,
}

/// A phase's approvals: how many it needs, how many count, and each that
/// stands.
#[derive(Serialize)]
struct JsonApprovals<'a> {
    needed: usize,
    count: usize,
    approved: Vec<JsonApproval<'a>>,
}

#[derive(Serialize)]
struct JsonApproval<'a> {
    by: &'a str,
    login: Option<&'a str>,
    at: String,
    note: Option<&'a str>,
    /// Recorded with --force by someone who worked on an earlier phase.
    forced: bool,
    /// Whether it counts: not when its approver worked on an earlier phase
    /// and it was not forced.
    counts: bool,
}

impl<'a> JsonApprovals<'a> {
    fn of(checklist: &Checklist, approvals: &'a Approvals, phase: usize) -> Option<JsonApprovals<'a>> {
        let needed = checklist.phases()[phase].approvals;
        (needed > 0).then(|| JsonApprovals {
            needed,
            count: approvals.count(phase),
            approved: approvals
                .standing(phase)
                .into_iter()
                .map(|s| JsonApproval {
                    by: &s.verdict.stamp.by,
                    login: s.verdict.stamp.login.as_deref(),
                    at: s.verdict.stamp.at.to_string(),
                    note: s.verdict.note.as_deref(),
                    forced: s.verdict.forced,
                    counts: s.counts(),
                })
                .collect(),
        })
    }
}

#[derive(Serialize)]
struct JsonSection<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(flatten)]
    counts: Counts,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    title: &'a str,
    detail: Option<&'a str>,
    status: &'static str,
    at: Option<String>,
    by: Option<&'a str>,
    /// The account that set the status, as its machine said; null when
    /// unknown (a log written before logins were kept).
    login: Option<&'a str>,
    reason: Option<&'a str>,
    note: Option<&'a str>,
    /// Its command and verification, as written; left out when it has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    command: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verify: Option<&'a str>,
    /// Set when its status was recorded past a closed gate.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    forced: bool,
    /// For a done item with a verification: "passed", "failed" (its proof
    /// failed after it was ticked) or "missing" (none ran since); left out
    /// otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    proof: Option<&'static str>,
    /// Its status was recorded while its phase was gated, without --force.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    out_of_order: bool,
    /// What the last command run for it showed; left out when none ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<JsonEvidence<'a>>,
    /// Sub-items, nested as in the checklist; left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    items: Vec<JsonItem<'a>>,
}

impl<'a> JsonItem<'a> {
    /// The item at `index` with its sub-items below it.
    fn tree(checklist: &'a Checklist, index: usize, state: &'a RunState) -> JsonItem<'a> {
        let mut item = JsonItem::new(checklist, index, state.item(index));
        item.items = checklist
            .children_of(index)
            .map(|child| JsonItem::tree(checklist, child, state))
            .collect();
        item
    }

    fn new(checklist: &'a Checklist, index: usize, state: &'a ItemState) -> JsonItem<'a> {
        let item = &checklist.items()[index];
        let reason = match &state.status {
            Status::Skipped { reason } => reason.as_deref(),
            Status::Todo | Status::Done => None,
        };
        JsonItem {
            id: item.id.as_str(),
            title: &item.title,
            detail: item.detail.as_deref(),
            status: state.status.as_str(),
            at: state.set.as_ref().map(|s| s.at.to_string()),
            by: state.set.as_ref().map(|s| s.by.as_str()),
            login: state.set.as_ref().and_then(|s| s.login.as_deref()),
            reason,
            note: state.note.as_deref(),
            command: item.command.as_deref(),
            verify: item.verify.as_deref(),
            forced: state.forced,
            out_of_order: state.out_of_order,
            proof: (item.verify.is_some() && state.status == Status::Done).then_some(match state.proof {
                Proof::Passed => "passed",
                Proof::Failed => "failed",
                Proof::None => "missing",
            }),
            evidence: state.evidence.as_ref().map(|recorded| JsonEvidence {
                kind: recorded.evidence.kind.as_str(),
                command: &recorded.evidence.command,
                exit: recorded.evidence.exit,
                timed_out: recorded.evidence.timed_out,
                interrupted: recorded.evidence.interrupted,
                ms: recorded.evidence.millis,
                output: &recorded.evidence.output,
                at: recorded.stamp.at.to_string(),
                by: &recorded.stamp.by,
                login: recorded.stamp.login.as_deref(),
            }),
            items: Vec::new(),
        }
    }
}

pub(super) fn json_tree<'a>(
    checklist: &'a Checklist,
    run: &'a str,
    tally: &Tally,
    state: &'a RunState,
) -> JsonChecklist<'a> {
    let section = |s: usize| {
        let section = &checklist.sections()[s];
        JsonSection {
            id: &section.id,
            name: &section.name,
            description: section.description.as_deref(),
            counts: Counts::from(&tally.sections[s]),
            items: checklist
                .top_level(section.items.clone())
                .map(|i| JsonItem::tree(checklist, i, state))
                .collect(),
        }
    };
    let phases = checklist.phases().iter().enumerate().map(|(p, phase)| JsonPhase {
        id: &phase.id,
        name: &phase.name,
        icon: phase.icon.as_deref(),
        description: phase.description.as_deref(),
        counts: Counts::from(&tally.phases[p]),
        approvals: JsonApprovals::of(checklist, state.approvals(), p),
        sections: phase.sections.clone().map(section).collect(),
    });
    JsonChecklist {
        title: &checklist.title,
        description: checklist.description.as_deref(),
        run,
        params: state
            .param_report(checklist)
            .into_iter()
            .map(|p| JsonParam {
                name: p.name,
                value: p.value,
                by: p.set.map(|s| s.by.as_str()),
                at: p.set.map(|s| s.at.to_string()),
            })
            .collect(),
        counts: Counts::from(&tally.overall),
        phases: phases.collect(),
    }
}
