//! The totals of the text `report` as a table: per phase and overall, when
//! work started and was completed, how long it took, who worked on it, the
//! changes forced past a gate or made out of order and the commands that
//! failed; then the overall progress and the steps that took longest.

use std::fmt::Write as _;

use super::escape;
use super::facts::Facts;
use super::who;
use crate::checklist::Checklist;
use crate::report::{self, Span};
use crate::timestamp::Timestamp;

fn when(at: Option<Timestamp>) -> String {
    at.map_or_else(|| "—".to_owned(), |t| format!("<time>{}</time>", t.human()))
}

/// A count, flagged when it is not zero.
fn count(n: usize) -> String {
    if n == 0 {
        "0".to_owned()
    } else {
        format!("<strong class=\"flag\">{n}</strong>")
    }
}

fn row(out: &mut String, name: &str, span: &Span, open: usize) {
    let operators: Vec<String> = span.operators.iter().map(|o| who::html(o)).collect();
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">{name}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        when(span.started),
        when(span.completed),
        escape::text(&report::took(span, open)),
        operators.join(", "),
        count(span.forced),
        count(span.out_of_order),
        count(span.failed),
    );
}

/// The totals section.
pub fn write(out: &mut String, checklist: &Checklist, facts: &Facts<'_>) {
    let overall = &facts.tally.overall;
    let status = if overall.is_complete() {
        "Complete".to_owned()
    } else {
        format!(
            "In progress: {} open",
            crate::text::plural(overall.open(), "item", "items")
        )
    };
    let _ = writeln!(
        out,
        "<section id=\"totals\">\n<h2>Totals</h2>\n<p><strong>{}%</strong> complete: {} of {} items done, {} skipped. {status}.</p>",
        overall.percent(),
        overall.done,
        overall.applicable(),
        overall.skipped,
    );
    out.push_str(
        "<table>\n<thead><tr><th>Phase</th><th>Started</th><th>Completed</th><th>Took</th><th>By</th>\
         <th>Forced past a gate</th><th>Out of order</th><th>Failed commands</th></tr></thead>\n<tbody>\n",
    );
    let phases = checklist
        .phases()
        .iter()
        .zip(&facts.report.phases)
        .zip(&facts.tally.phases);
    for ((phase, span), progress) in phases {
        let name = escape::line(&format!(
            "{}{}",
            phase.icon_prefix(),
            crate::inline::plain_name(&phase.name)
        ));
        row(out, &name, span, progress.open());
    }
    row(out, "Overall", &facts.report.overall, overall.open());
    out.push_str("</tbody>\n</table>\n");
    if !facts.report.longest.is_empty() {
        out.push_str("<h3>Longest steps (from the completion before them)</h3>\n<ol>\n");
        for step in &facts.report.longest {
            let item = &checklist.items()[step.item];
            let _ = writeln!(
                out,
                "<li><strong>{}</strong> <a href=\"#item-{}\">{}</a> <code class=\"id\">{}</code></li>",
                report::human(step.took),
                step.item,
                escape::line(&crate::inline::to_plain(&item.title)),
                escape::line(item.id.as_str())
            );
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}
