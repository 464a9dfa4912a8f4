//! The evidence of the commands run for an item: each run's command line as
//! it ran, how it ended and how long it took, who ran it and when, and the
//! tail of its output in a collapsed `<details>` block (with a copy that
//! only print shows, since a printed page cannot open one). Failed runs are
//! marked.

use std::fmt::Write as _;

use super::escape;
use super::who;
use crate::run::Event;
use crate::text::plural;

fn run(out: &mut String, event: &Event) {
    let Some(evidence) = &event.evidence else {
        return;
    };
    let outcome = if evidence.passed() { "passed" } else { "failed" };
    let _ = writeln!(
        out,
        "<div class=\"run {outcome}\">\n<p><span class=\"kind\">{}</span> <span class=\"outcome\">{}</span> — {} at <time>{}</time></p>\n<pre class=\"command\">$ {}</pre>",
        evidence.kind.as_str(),
        escape::text(&evidence.summary()),
        who::html(&event.stamp.who()),
        event.stamp.at.human(),
        escape::text(&evidence.command),
    );
    if evidence.output.is_empty() {
        out.push_str("<p class=\"muted\">No output.</p>\n");
    } else {
        let output = escape::text(&evidence.output.join("\n"));
        let _ = writeln!(
            out,
            "<details><summary>Output: last {}</summary><pre class=\"output\">{output}</pre></details>\n<pre class=\"output print-only\">{output}</pre>",
            plural(evidence.output.len(), "line", "lines")
        );
    }
    out.push_str("</div>\n");
}

/// Every run of one item, oldest first; nothing when it ran nothing.
pub fn write(out: &mut String, runs: &[&Event]) {
    if runs.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<div class=\"runs\"><p class=\"meta\">Evidence: {}</p>",
        plural(runs.len(), "command run", "commands run")
    );
    for event in runs {
        run(out, event);
    }
    out.push_str("</div>\n");
}
