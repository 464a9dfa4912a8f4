//! The timeline, as inline SVG: a lane per phase from its first event to its
//! completion (dashed while open), a mark for every status change of an item
//! at its time (forced past a gate or out of order in red), a line from an
//! item's first activity to its completion, a cross for every failed
//! command, and a dashed line where a gated phase's gate opened. Every mark
//! says what, who and when in its tooltip.

use std::fmt::Write as _;

use super::facts::{Facts, Mark};
use super::input::Audit;
use super::{escape, who};
use crate::checklist::Status;
use crate::gate::Passage;
use crate::inline::{plain_name, to_plain};
use crate::timestamp::Timestamp;

const WIDTH: f64 = 1000.0;
const LEFT: f64 = 190.0;
const RIGHT: f64 = 980.0;
const TOP: f64 = 28.0;
const LANE: f64 = 30.0;

/// Where times go across the plot.
struct Scale {
    start: Timestamp,
    millis: f64,
}

impl Scale {
    fn x(&self, at: Timestamp) -> f64 {
        let from = at
            .as_system()
            .duration_since(self.start.as_system())
            .unwrap_or_default();
        #[allow(clippy::cast_precision_loss)]
        let ms = from.as_millis() as f64;
        LEFT + (RIGHT - LEFT) * (ms / self.millis).clamp(0.0, 1.0)
    }
}

fn lane_y(phase: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let phase = phase as f64;
    TOP + LANE * phase + LANE / 2.0
}

fn mark(out: &mut String, audit: &Audit<'_>, scale: &Scale, mark: &Mark<'_>) {
    let item = &audit.checklist.items()[mark.index];
    let Some(status) = (match &mark.event.change {
        crate::run::Change::Status(status) => Some(status),
        _ => None,
    }) else {
        return;
    };
    let (class, said) = match mark.passage {
        Passage::Overridden => (" forced", ", forced past a closed gate"),
        Passage::OutOfOrder => (" out-of-order", ", out of order"),
        Passage::Open => ("", ""),
    };
    let verb = match status {
        Status::Done => "done",
        Status::Skipped { .. } => "skipped",
        Status::Todo => "reopened",
    };
    let r = if class.is_empty() { 4 } else { 6 };
    let _ = writeln!(
        out,
        "<circle class=\"mark {}{class}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"{r}\"><title>{}: {verb} by {} at {}{said}</title></circle>",
        status.as_str(),
        scale.x(mark.event.stamp.at),
        lane_y(super::facts::Facts::phase_of(audit.checklist, mark.index)),
        escape::line(&to_plain(&item.title)),
        who::plain(&mark.event.stamp.who()),
        mark.event.stamp.at.human(),
    );
}

/// The lanes: a bar per phase, and where a gate opened.
fn lanes(out: &mut String, audit: &Audit<'_>, facts: &Facts<'_>, scale: &Scale, end: Timestamp) {
    let mut all_before = Some(scale.start);
    for (p, (phase, span)) in audit.checklist.phases().iter().zip(&facts.report.phases).enumerate() {
        let y = lane_y(p);
        let name = format!("{}{}", phase.icon_prefix(), plain_name(&phase.name));
        let name = crate::text::shortened(&name, 28).unwrap_or(name);
        let gated = if phase.gate { " (gated)" } else { "" };
        let _ = writeln!(
            out,
            "<text x=\"8\" y=\"{:.1}\">{}{gated}</text>",
            y + 4.0,
            escape::line(&name)
        );
        if let Some(started) = span.started {
            let (open, till) = span.completed.map_or((" open", end), |c| ("", c));
            let (x0, x1) = (scale.x(started), scale.x(till));
            let _ = writeln!(
                out,
                "<rect class=\"bar{open}\" x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"16\" rx=\"3\"><title>{}: started {}, {}</title></rect>",
                y - 8.0,
                (x1 - x0).max(2.0),
                escape::line(&name),
                started.human(),
                span.completed
                    .map_or_else(|| "still open".to_owned(), |c| format!("completed {}", c.human())),
            );
        }
        if phase.gate
            && p > 0
            && let Some(opened) = all_before
        {
            let x = scale.x(opened);
            let _ = writeln!(
                out,
                "<line class=\"gate\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\"><title>Gate of {} opened {}: every phase before it complete</title></line>",
                y - 13.0,
                y + 13.0,
                escape::line(&name),
                opened.human()
            );
        }
        all_before = all_before.zip(span.completed).map(|(a, b)| a.max(b));
    }
}

/// Lines from an item's first activity to its completion, and a cross for
/// every failed command.
fn spans_and_failures(out: &mut String, audit: &Audit<'_>, facts: &Facts<'_>, scale: &Scale) {
    for (index, runs) in facts.runs.iter().enumerate() {
        let y = lane_y(Facts::phase_of(audit.checklist, index));
        let state = audit.state.item(index);
        if let (Some(first), Some(at)) = (
            facts.first[index],
            state
                .set
                .as_ref()
                .map(|s| s.at)
                .filter(|_| state.status != Status::Todo),
        ) && first < at
        {
            let _ = writeln!(
                out,
                "<line class=\"span\" x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/>",
                scale.x(first),
                scale.x(at)
            );
        }
        for event in runs.iter().filter(|e| e.evidence.as_ref().is_some_and(|v| !v.passed())) {
            let x = scale.x(event.stamp.at);
            let _ = writeln!(
                out,
                "<path class=\"failed\" d=\"M{:.1} {:.1}L{:.1} {:.1}M{:.1} {:.1}L{:.1} {:.1}\"><title>{}: command failed, run by {} at {}</title></path>",
                x - 4.0,
                y - 12.0,
                x + 4.0,
                y - 4.0,
                x - 4.0,
                y - 4.0,
                x + 4.0,
                y - 12.0,
                escape::line(&to_plain(&audit.checklist.items()[index].title)),
                who::plain(&event.stamp.who()),
                event.stamp.at.human()
            );
        }
    }
}

/// A diamond on a phase's lane for each approval that stands, at its time
/// (red when forced, hollow when it does not count).
fn approval_marks(out: &mut String, audit: &Audit<'_>, scale: &Scale) {
    for (p, phase) in audit.checklist.phases().iter().enumerate() {
        for approval in audit.state.approvals().standing(p) {
            let verdict = approval.verdict;
            let (x, y) = (scale.x(verdict.stamp.at), lane_y(p) - 8.0);
            let class = if verdict.forced {
                "approval forced"
            } else if approval.counts() {
                "approval"
            } else {
                "approval uncounted"
            };
            let _ = writeln!(
                out,
                "<path class=\"{class}\" d=\"M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z\"><title>{}: approved by {} at {}</title></path>",
                y - 6.0,
                x + 6.0,
                y + 6.0,
                x - 6.0,
                escape::line(&plain_name(&phase.name)),
                who::plain(&verdict.stamp.who()),
                verdict.stamp.at.human()
            );
        }
    }
}

/// The timeline section.
pub fn write(out: &mut String, audit: &Audit<'_>, facts: &Facts<'_>) {
    out.push_str("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    let (Some(start), Some(end)) = (audit.state.started(), audit.state.last_changed()) else {
        out.push_str("<p class=\"muted\">Nothing recorded yet.</p>\n</section>\n");
        return;
    };
    let total = end.as_system().duration_since(start.as_system()).unwrap_or_default();
    #[allow(clippy::cast_precision_loss)]
    let millis = (total.as_millis() as f64).max(1000.0);
    let scale = Scale { start, millis };
    #[allow(clippy::cast_precision_loss)]
    let height = TOP + LANE * audit.checklist.phases().len() as f64 + 8.0;
    let _ = writeln!(
        out,
        "<svg viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"Timeline of the run, by phase\">"
    );
    let _ = writeln!(
        out,
        "<line class=\"axis\" x1=\"{LEFT}\" x2=\"{RIGHT}\" y1=\"{TOP}\" y2=\"{TOP}\"/>\n<text x=\"{LEFT}\" y=\"16\">{}</text>\n<text x=\"{RIGHT}\" y=\"16\" text-anchor=\"end\">{}</text>",
        start.human(),
        end.human()
    );
    lanes(out, audit, facts, &scale, end);
    spans_and_failures(out, audit, facts, &scale);
    for m in &facts.marks {
        mark(out, audit, &scale, m);
    }
    approval_marks(out, audit, &scale);
    let approved = (0..audit.checklist.phases().len()).any(|p| !audit.state.approvals().standing(p).is_empty());
    let _ = writeln!(
        out,
        "</svg>\n<p class=\"meta\">From <time>{}</time> to <time>{}</time> ({}). Red marks: changes forced past a closed gate or made out of order; crosses: failed commands{}.</p>\n</section>",
        start.human(),
        end.human(),
        crate::report::human(total),
        if approved { "; diamonds: approvals" } else { "" }
    );
}
