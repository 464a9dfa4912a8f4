//! `preflight status`: progress per phase and overall, as text in the spirit of the
//! checklist's own Completion Status, or as JSON for scripts.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::output::Doc;
use super::paint::{Paint, Style};
use super::session::Session;
use super::{exit, output};
use crate::checklist::{Checklist, Status};
use crate::inline::to_plain;
use crate::progress::{Progress, Tally};
use crate::run::{ItemState, Proof, RunState};

pub fn run(session: &Session, json: bool, require_complete: bool, paint: Paint) -> anyhow::Result<ExitCode> {
    session.record(&[])?;
    let tally = session.state.tally(&session.checklist);
    if json {
        let mut tree = json_tree(&session.checklist, &session.run, &tally, &session.state);
        tree.params = session
            .state
            .param_report(&session.checklist)
            .into_iter()
            .map(|p| JsonParam {
                name: p.name,
                value: p.value,
                by: p.set.map(|s| s.by.as_str()),
                at: p.set.map(|s| s.at.to_string()),
            })
            .collect();
        let mut text = serde_json::to_string_pretty(&tree)?;
        text.push('\n');
        output::print(&text)?;
    } else {
        let params: Vec<String> = session
            .state
            .param_report(&session.checklist)
            .iter()
            .map(crate::run::ParamShown::describe)
            .collect();
        output::print_doc(&render_text(&session.checklist, &session.run, &params, &tally), paint)?;
    }
    // A done item whose proof failed since it was ticked is not complete.
    let unproven: Vec<usize> = (0..session.checklist.items().len())
        .filter(|&i| session.state.item(i).proof_failed())
        .collect();
    for &index in &unproven {
        let item = &session.checklist.items()[index];
        let summary = session
            .state
            .item(index)
            .evidence
            .as_ref()
            .map(|e| e.evidence.summary());
        output::report(&format!(
            "✗ {}: done, but its verification failed since ({})",
            item.title,
            summary.unwrap_or_default()
        ));
    }
    let incomplete = require_complete && (!tally.overall.is_complete() || !unproven.is_empty());
    Ok(ExitCode::from(if incomplete { exit::INCOMPLETE } else { exit::OK }))
}

/// `run "v2.3.0 release": 12/40 items completed, 30%`: how commands that
/// change a run end their report.
pub(super) fn run_line(run: &str, overall: &Progress) -> String {
    format!(
        "run \"{run}\": {}/{} items completed, {}%\n",
        overall.done,
        overall.applicable(),
        overall.percent()
    )
}

fn completed(p: &Progress) -> String {
    let mut line = format!("{}/{} items completed", p.done, p.applicable());
    if p.skipped > 0 {
        let _ = write!(line, ", {} skipped", p.skipped);
    }
    line
}

/// The human summary: a line per phase, then the overall percentage.
pub fn render_text(checklist: &Checklist, run: &str, params: &[String], tally: &Tally) -> Doc {
    let mut out = Doc::new();
    out.styled(Style::Bold, &to_plain(&checklist.title));
    if let Some(description) = &checklist.description {
        // Its first paragraph: the header is one line.
        let (first, rest) = description.split_once("\n\n").unwrap_or((description, ""));
        let more = if rest.is_empty() { "" } else { " …" };
        let _ = write!(out, " — {}{more}", to_plain(first));
    }
    out.push("\n");
    out.styled(Style::Dim, &format!("Run: {run}"));
    if !params.is_empty() {
        out.styled(Style::Dim, &format!(" · {}", params.join(", ")));
    }
    out.push("\n\n");
    for (phase, progress) in checklist.phases().iter().zip(&tally.phases) {
        out.push("  ");
        if progress.is_complete() {
            out.styled(Style::Done, "[x]");
        } else {
            out.push("[ ]");
        }
        let icon = phase.icon_prefix();
        let _ = writeln!(out, " {icon}{}: {}", to_plain(&phase.name), completed(progress));
    }
    let overall = &tally.overall;
    out.push("\n");
    out.styled(
        Style::Bold,
        &format!("Overall Progress: {}% Complete", overall.percent()),
    );
    let _ = writeln!(out, " ({})", completed(overall));
    out
}

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
struct JsonChecklist<'a> {
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
    sections: Vec<JsonSection<'a>>,
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

fn json_tree<'a>(checklist: &'a Checklist, run: &'a str, tally: &Tally, state: &'a RunState) -> JsonChecklist<'a> {
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
        sections: phase.sections.clone().map(section).collect(),
    });
    JsonChecklist {
        title: &checklist.title,
        description: checklist.description.as_deref(),
        run,
        params: Vec::new(),
        counts: Counts::from(&tally.overall),
        phases: phases.collect(),
    }
}
