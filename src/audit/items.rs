//! The phases, sections and items of the run: each item with its status,
//! who set it and when, its detail, skip reason and note, the flags an
//! auditor looks for (a change forced past a closed gate, one made out of
//! order, a proof that failed since the tick, a failed command), its
//! evidence, and its sub-items under it.

use std::fmt::Write as _;
use std::ops::Range;

use super::facts::Facts;
use super::input::Audit;
use super::{escape, runs, who};
use crate::checklist::{Item, Status};
use crate::inline::{plain_name, to_plain};
use crate::report;
use crate::run::ItemState;

/// The status as a word, with its mark.
fn status(state: &ItemState) -> &'static str {
    match state.status {
        Status::Done => "✓ Done",
        Status::Skipped { .. } => "– Skipped",
        Status::Todo => "○ Open",
    }
}

/// `3 of 5 done, 1 skipped`.
pub fn progress(progress: &crate::progress::Progress) -> String {
    let mut text = format!("{} of {} done", progress.done, progress.applicable());
    if progress.skipped > 0 {
        let _ = write!(text, ", {} skipped", progress.skipped);
    }
    text
}

/// The flags of an item, each a sentence.
fn flags(audit: &Audit<'_>, facts: &Facts<'_>, index: usize) -> Vec<&'static str> {
    let state = audit.state.item(index);
    let mut flags = Vec::new();
    if facts.overridden[index] {
        flags.push("⚠ Forced past a closed gate");
    }
    if state.out_of_order {
        flags.push("⚠ Out of order: recorded while its phase was gated, and not forced");
    }
    if state.proof_failed() {
        flags.push("⚠ Its verification failed since it was ticked");
    }
    if facts.runs[index]
        .iter()
        .any(|e| e.evidence.as_ref().is_some_and(|v| !v.passed()))
    {
        flags.push("⚠ A command run for it failed");
    }
    flags
}

/// What stands under an item's heading line: who and when, its text, the
/// flags, reason and note.
fn body(out: &mut String, item: &Item, state: &ItemState, flags: &[&str], first: Option<&str>) {
    if let Some(detail) = &item.detail {
        let _ = writeln!(out, "<p class=\"detail\">{}</p>", escape::line(&to_plain(detail)));
    }
    if let Some(set) = &state.set {
        let verb = match state.status {
            Status::Done => "Done",
            Status::Skipped { .. } => "Skipped",
            Status::Todo => "Reopened",
        };
        let began = first
            .map(|f| format!(" · first activity <time>{f}</time>"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<p class=\"meta\">{verb} by {} at <time>{}</time>{began}</p>",
            who::html(&set.who()),
            set.at.human()
        );
    }
    for flag in flags {
        let _ = writeln!(out, "<p class=\"flag\">{flag}</p>");
    }
    if let Status::Skipped { reason: Some(reason) } = &state.status {
        let _ = writeln!(out, "<p class=\"reason\">Skip reason: {}</p>", escape::line(reason));
    }
    if let Some(note) = &state.note {
        let _ = writeln!(out, "<p class=\"note\">Note: {}</p>", escape::line(note));
    }
}

/// The items of `range` at one level, each followed by its sub-items.
fn items(out: &mut String, audit: &Audit<'_>, facts: &Facts<'_>, range: Range<usize>) {
    let checklist = audit.checklist;
    out.push_str("<ul class=\"items\">\n");
    for index in checklist.top_level(range) {
        let item = &checklist.items()[index];
        let state = audit.state.item(index);
        let flags = flags(audit, facts, index);
        let flagged = if flags.is_empty() { "" } else { " flagged" };
        let _ = writeln!(
            out,
            "<li class=\"item {}{flagged}\" id=\"item-{index}\">\n<div class=\"head\"><span class=\"status\">{}</span><span class=\"title\">{}</span> <code class=\"id\">{}</code></div>",
            state.status.as_str(),
            status(state),
            escape::line(&to_plain(&item.title)),
            escape::line(item.id.as_str()),
        );
        let first = facts.first[index]
            .filter(|f| Some(*f) != state.set.as_ref().map(|s| s.at))
            .map(|f| f.human());
        body(out, item, state, &flags, first.as_deref());
        runs::write(out, &facts.runs[index]);
        let sub = checklist.subtree(index);
        if sub.len() > 1 {
            items(out, audit, facts, sub.start + 1..sub.end);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// Every phase with its sections and items.
pub fn write(out: &mut String, audit: &Audit<'_>, facts: &Facts<'_>) {
    let checklist = audit.checklist;
    for (p, phase) in checklist.phases().iter().enumerate() {
        let gate = if phase.gate {
            "<span class=\"badge\">gated</span>"
        } else {
            ""
        };
        let span = &facts.report.phases[p];
        let _ = writeln!(
            out,
            "<section class=\"phase\" id=\"phase-{p}\">\n<h2>{}{gate}</h2>\n<p class=\"meta\">{} · {}</p>",
            escape::line(&format!("{}{}", phase.icon_prefix(), plain_name(&phase.name))),
            progress(&facts.tally.phases[p]),
            span.duration().map_or_else(
                || report::took(span, facts.tally.phases[p].open()),
                |d| format!("took {}", report::human(d))
            ),
        );
        super::approvals::write(out, audit, p);
        if let Some(description) = &phase.description {
            let _ = writeln!(out, "<p>{}</p>", escape::line(&to_plain(description)));
        }
        for section in checklist.sections_of(phase) {
            let _ = writeln!(out, "<h3>{}</h3>", escape::line(&plain_name(&section.name)));
            if let Some(description) = &section.description {
                let _ = writeln!(out, "<p>{}</p>", escape::line(&to_plain(description)));
            }
            items(out, audit, facts, section.items.clone());
        }
        out.push_str("</section>\n");
    }
}
