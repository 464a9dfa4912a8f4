//! A run as a GitHub Markdown task list, laid out like the seed checklist: a
//! heading per phase and section, one task item per item (sub-items nested,
//! numbered where the checklist numbers them) with who ticked it and when,
//! notes under their items, and a filled-in Completion Status.
//!
//! Pure: the text is built from the model and the run state. Titles and
//! details are Markdown and written as they are (see `dialect/item.rs`); names, notes,
//! reasons and operators are plain text and go through [`inline::escape`], so
//! nothing they hold can break the list, and `import` reads them back exactly.

mod blocks;
pub(crate) mod evidence;

use std::fmt::Write as _;
use std::ops::Range;

use super::dialect::{self, APPROVALS, COMPLETION_STATUS, EVIDENCE, MARKER, NOTE, PARAMETERS};
use crate::checklist::{Checklist, Item, Status};
use crate::inline::{self, Place};
use crate::progress::Progress;
use crate::report::{self, Report};
use crate::run::{Event, ItemState, RunState};

/// Every command run for each item, from the run's events (see
/// [`crate::report::runs::by_item`]); `None` when only the state is at hand.
type Runs<'a> = Option<&'a [Vec<&'a Event>]>;

/// Writes the items of `range` at one level, numbered when `numbered`, each
/// followed by its sub-items, indented under its text.
fn item_lines(
    out: &mut String,
    (checklist, state, runs): (&Checklist, &RunState, Runs<'_>),
    range: Range<usize>,
    indent: &str,
    numbered: bool,
) {
    for (n, index) in checklist.top_level(range).enumerate() {
        let item = &checklist.items()[index];
        out.push_str(indent);
        let marked = out.len();
        if numbered {
            let _ = write!(out, "{}.", n + 1);
        } else {
            out.push('-');
        }
        // Its text, notes and sub-items stand under the text after the marker.
        let inner = format!("{indent}{:width$}", "", width = out.len() - marked + 1);
        item_line(out, item, state.item(index), &inner);
        // The evidence list comes first under the item, where import looks
        // for it.
        evidence::write(out, &evidence::of(runs, state.item(index), index), &inner);
        let sub = checklist.subtree(index);
        // Its command and verification stand under it as shell blocks,
        // marked for import to read back as what they are.
        for (role, script) in [("command", &item.command), ("verify", &item.verify)] {
            if let Some(script) = script {
                let _ = write!(
                    out,
                    "\n{}",
                    blocks::safe(&inline::fenced(&format!("sh {role}"), script), &inner)
                );
            }
        }
        // A detail of several lines stands under its item as blocks, made
        // to stand alone (a list it ends in closed before the sub-items).
        if let Some(detail) = item.detail.as_deref().filter(|d| d.contains('\n')) {
            let _ = write!(out, "\n{}", blocks::safe(detail, &inner));
        }
        item_lines(
            out,
            (checklist, state, runs),
            sub.start + 1..sub.end,
            &inner,
            item.numbered,
        );
    }
}

/// One item after its list marker: ` [ ] **Title** detail`, who and when, and
/// the note on a line of its own, indented by `indent`.
fn item_line(out: &mut String, item: &Item, state: &ItemState, indent: &str) {
    let who = state.set.as_ref().map(|s| (s.who(), s.at));
    let line = dialect::Line {
        title: &item.title,
        detail: item.detail.as_deref().filter(|d| !d.contains('\n')),
        skipped: match &state.status {
            Status::Skipped { reason } => Some(reason.as_deref()),
            Status::Todo | Status::Done => None,
        },
        who: who.as_ref().map(|(by, at)| (by.as_ref(), *at)),
        forced: state.forced,
    };
    out.push_str(if state.status == Status::Todo { " [ ] " } else { " [x] " });
    dialect::write_item_to(out, &line);
    // Lines under the item, each after a hard break: the evidence of the
    // last command run for it, then its note.
    if let Some(recorded) = &state.evidence {
        let (evidence, stamp) = (&recorded.evidence, &recorded.stamp);
        let flag = if state.proof_failed() {
            " — proof failed since it was ticked"
        } else {
            ""
        };
        let _ = write!(
            out,
            "\\\n{indent}{EVIDENCE}{} {} — {}, {}{flag}",
            evidence.kind.as_str(),
            evidence.summary(),
            inline::escape(&stamp.who(), Place::Inline),
            stamp.at.human()
        );
    }
    if state.out_of_order {
        let _ = write!(
            out,
            "\\\n{indent}⚠ Out of order: recorded while its phase was gated, and not forced"
        );
    }
    if let Some(note) = &state.note {
        let _ = write!(out, "\\\n{indent}{NOTE}{}", inline::escape(note, Place::Inline));
    }
    out.push('\n');
}

fn run_line(state: &RunState, run: &str) -> String {
    let mut line = format!("**Run:** {}", inline::escape(run, Place::Inline));
    if state.operators().is_empty() {
        line.push_str(" · nothing recorded yet");
        return line;
    }
    let operators: Vec<String> = state
        .operators()
        .iter()
        .map(|o| inline::escape(o, Place::Inline))
        .collect();
    let _ = write!(line, " · **Operators:** {}", operators.join(", "));
    if let (Some(started), Some(last)) = (state.started(), state.last_changed()) {
        let _ = write!(
            line,
            " · **Started:** {} · **Last change:** {}",
            started.human(),
            last.human()
        );
    }
    line
}

fn completed(progress: &Progress) -> String {
    let mut text = format!("{}/{} items completed", progress.done, progress.applicable());
    if progress.skipped > 0 {
        let _ = write!(text, ", {} N/A", progress.skipped);
    }
    text
}

/// The whole document for one run of a checklist.
pub fn markdown(checklist: &Checklist, state: &RunState, run: &str) -> String {
    markdown_with(checklist, state, run, None, None)
}

/// The whole document as `export` writes it: timed, and with every command
/// run for each item (the last [`evidence::LISTED`]) from the run's `events`.
pub fn markdown_audited(
    checklist: &Checklist,
    state: &RunState,
    run: &str,
    timing: Option<&Report>,
    events: &[Event],
) -> String {
    let runs = report::runs::by_item(checklist, events);
    markdown_with(checklist, state, run, timing, Some(&runs))
}

fn markdown_with(
    checklist: &Checklist,
    state: &RunState,
    run: &str,
    timing: Option<&Report>,
    runs: Runs<'_>,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{MARKER}: run \"{}\" -->", run.replace("--", "—"));
    let _ = writeln!(out, "# {}\n", inline::escape(&checklist.title, Place::Name));
    if let Some(description) = &checklist.description {
        let _ = writeln!(out, "{}", blocks::safe(description, ""));
    }
    let _ = writeln!(out, "{}\n", run_line(state, run));
    let params: Vec<String> = state
        .param_report(checklist)
        .iter()
        .map(|p| inline::literal(&p.describe()))
        .collect();
    if !params.is_empty() {
        let _ = writeln!(out, "{PARAMETERS} {}\n", params.join(" · "));
    }
    let tally = state.tally(checklist);
    for (p, phase) in checklist.phases().iter().enumerate() {
        let icon = inline::escape(&phase.icon_prefix(), Place::Name);
        let _ = writeln!(out, "## {icon}{}\n", inline::escape(&phase.name, Place::Name));
        if phase.approvals > 0 {
            let approvals = state.approvals();
            let mut line = format!("{APPROVALS} {} of {}", approvals.count(p), phase.approvals);
            let who = approvals.approvers(p);
            if !who.is_empty() {
                let _ = write!(line, " — {}", inline::escape(&who, Place::Name));
            }
            let _ = writeln!(out, "{line}\n");
        }
        if let Some(description) = &phase.description {
            let _ = writeln!(out, "{}", blocks::safe(description, ""));
        }
        for (s, section) in checklist.sections_of(phase).iter().enumerate() {
            // Items that sat directly under the phase's heading (a section
            // named as the phase, first) are written there again, without a
            // doubled heading; import reads them back into the same section.
            if !(s == 0 && section.name == phase.name) {
                let _ = writeln!(out, "### {}\n", inline::escape(&section.name, Place::Name));
            }
            if let Some(description) = &section.description {
                let _ = writeln!(out, "{}", blocks::safe(description, ""));
            }
            item_lines(
                &mut out,
                (checklist, state, runs),
                section.items.clone(),
                "",
                section.numbered,
            );
            out.push('\n');
        }
    }
    let _ = writeln!(out, "---\n\n## ✅ {COMPLETION_STATUS}\n");
    for (p, (phase, progress)) in checklist.phases().iter().zip(&tally.phases).enumerate() {
        let mark = if progress.is_complete() { 'x' } else { ' ' };
        let name = inline::escape(&phase.name, Place::Name);
        let took = timing
            .and_then(|t| t.phases[p].duration())
            .map(|d| format!(" · took {}", report::human(d)))
            .unwrap_or_default();
        let _ = writeln!(out, "- [{mark}] **{name}**: {}{took}", completed(progress));
    }
    let overall = &tally.overall;
    let _ = writeln!(out, "\n**Overall Progress**: {}% Complete\\", overall.percent());
    let status = if overall.is_complete() {
        "✅ Complete".to_owned()
    } else {
        format!("🚧 In progress: {} items open", overall.open())
    };
    let _ = writeln!(out, "**Status**: {status}");
    out
}
