//! `preflight status`: progress per phase and overall, as text in the spirit of the
//! checklist's own Completion Status, or as JSON for scripts.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::{exit, output};
use crate::checklist::{Checklist, Status};
use crate::progress::{Progress, Tally};

pub fn run(checklist: &Checklist, json: bool) -> anyhow::Result<ExitCode> {
    let statuses = vec![Status::Todo; checklist.items().len()];
    let tally = Tally::of(checklist, |i| &statuses[i]);
    let text = if json {
        let mut text = serde_json::to_string_pretty(&json_tree(checklist, &tally, &statuses))?;
        text.push('\n');
        text
    } else {
        render_text(checklist, &tally)
    };
    output::print(&text)?;
    Ok(ExitCode::from(exit::OK))
}

fn completed(p: &Progress) -> String {
    let mut line = format!("{}/{} items completed", p.done, p.applicable());
    if p.skipped > 0 {
        let _ = write!(line, ", {} skipped", p.skipped);
    }
    line
}

/// The human summary: a line per phase, then the overall percentage.
pub fn render_text(checklist: &Checklist, tally: &Tally) -> String {
    let mut out = String::new();
    let _ = write!(out, "{}", checklist.title);
    if let Some(description) = &checklist.description {
        let _ = write!(out, " — {description}");
    }
    out.push_str("\n\n");
    for (phase, progress) in checklist.phases().iter().zip(&tally.phases) {
        let mark = if progress.is_complete() { "[x]" } else { "[ ]" };
        let icon = phase
            .icon
            .as_deref()
            .map(|i| format!("{i} "))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {mark} {icon}{}: {}",
            phase.name,
            completed(progress)
        );
    }
    let overall = &tally.overall;
    let _ = writeln!(
        out,
        "\nOverall Progress: {}% Complete ({})",
        overall.percent(),
        completed(overall)
    );
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
    #[serde(flatten)]
    counts: Counts,
    phases: Vec<JsonPhase<'a>>,
}

#[derive(Serialize)]
struct JsonPhase<'a> {
    id: &'a str,
    name: &'a str,
    icon: Option<&'a str>,
    #[serde(flatten)]
    counts: Counts,
    sections: Vec<JsonSection<'a>>,
}

#[derive(Serialize)]
struct JsonSection<'a> {
    id: &'a str,
    name: &'a str,
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
}

fn json_tree<'a>(
    checklist: &'a Checklist,
    tally: &Tally,
    statuses: &[Status],
) -> JsonChecklist<'a> {
    let phases = checklist
        .phases()
        .iter()
        .enumerate()
        .map(|(p, phase)| JsonPhase {
            id: &phase.id,
            name: &phase.name,
            icon: phase.icon.as_deref(),
            counts: Counts::from(&tally.phases[p]),
            sections: phase
                .sections
                .clone()
                .map(|s| {
                    let section = &checklist.sections()[s];
                    JsonSection {
                        id: &section.id,
                        name: &section.name,
                        counts: Counts::from(&tally.sections[s]),
                        items: section
                            .items
                            .clone()
                            .map(|i| {
                                let item = &checklist.items()[i];
                                JsonItem {
                                    id: item.id.as_str(),
                                    title: &item.title,
                                    detail: item.detail.as_deref(),
                                    status: statuses[i].as_str(),
                                }
                            })
                            .collect(),
                    }
                })
                .collect(),
        });
    JsonChecklist {
        title: &checklist.title,
        description: checklist.description.as_deref(),
        counts: Counts::from(&tally.overall),
        phases: phases.collect(),
    }
}
