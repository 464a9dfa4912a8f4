//! The evidence of the commands run for an item, under it in an export: one
//! bullet per run (the last [`LISTED`], with a count of the earlier ones)
//! saying which command ran, the command line as it ran, how it ended, how
//! long it took, who ran it and when, and the tail of its output in a
//! collapsed `<details>` block.
//!
//! Command lines and output are untrusted (a shared run log, a command's
//! own output): each stands in a code span or a fence longer than any run of
//! backticks it holds, so nothing in it (a fence, `</details>`, `<!--`, HTML,
//! a `- [x]` line) can end it early or pass for the export's own structure.
//! The list is written with `*` bullets, so it never joins the `-` list of
//! the item's sub-items; import knows it by its place (first under an item
//! with an `Evidence:` line) and leaves it out.

use std::fmt::Write as _;

use crate::inline::{self, Place};
use crate::run::{Event, Evidence, ItemState, Stamp};
use crate::text::plural;

/// How many of an item's runs an export lists, the latest.
pub const LISTED: usize = 5;

/// One command run for an item: what it showed, when and by whom.
#[derive(Debug, Clone, Copy)]
pub struct Ran<'a> {
    pub evidence: &'a Evidence,
    /// When it ran, and who: the name and the account where they differ.
    pub stamp: &'a Stamp,
}

impl<'a> Ran<'a> {
    /// The run an event records, if it records one.
    pub fn of(event: &'a Event) -> Option<Ran<'a>> {
        event.evidence.as_ref().map(|evidence| Ran {
            evidence,
            stamp: &event.stamp,
        })
    }

    /// The last run the state of an item knows, when no events are at hand.
    pub fn last_of(state: &'a ItemState) -> Option<Ran<'a>> {
        state.evidence.as_ref().map(|recorded| Ran {
            evidence: &recorded.evidence,
            stamp: &recorded.stamp,
        })
    }
}

/// The runs of the item at `index`: from the run's events by item when at
/// hand, else (or when they hold none) the last one its state knows.
pub fn of<'a>(events: Option<&'a [Vec<&'a Event>]>, state: &'a ItemState, index: usize) -> Vec<Ran<'a>> {
    let runs: Vec<Ran<'a>> = events
        .map(|by_item| by_item[index].iter().filter_map(|event| Ran::of(event)).collect())
        .unwrap_or_default();
    // The item's text says it has evidence whenever its state knows a run:
    // then a list must follow, or import would take the first list of its
    // detail for it.
    if runs.is_empty() {
        return Ran::last_of(state).into_iter().collect();
    }
    runs
}

/// The longest run of `c` anywhere in `text`.
fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for x in text.chars() {
        run = if x == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// `text` as an inline code span: delimited by more backticks than any run
/// it holds, padded where it starts or ends with one.
fn code_span(text: &str) -> String {
    let ticks = "`".repeat(longest_run(text, '`') + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

/// `lines` in a fenced code block longer than any run of backticks in them,
/// each line after `indent`.
fn fence(out: &mut String, info: &str, lines: &[&str], indent: &str) {
    let longest = lines.iter().map(|l| longest_run(l, '`')).max().unwrap_or(0);
    let ticks = "`".repeat(longest.max(2) + 1);
    let _ = writeln!(out, "{indent}{ticks}{info}");
    for line in lines {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{indent}{line}");
        }
    }
    let _ = writeln!(out, "{indent}{ticks}");
}

/// The lines of `text` as a Markdown reader sees them: a lone `\r` ends a
/// line too, and must not let what follows it out of its block.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').flat_map(|line| line.split('\r'))
}

/// The bullet of one run and, when it printed anything or its command spans
/// lines, its `<details>` block.
fn run(out: &mut String, ran: &Ran<'_>, indent: &str) {
    let evidence = ran.evidence;
    let mut command = lines(&evidence.command);
    let first = command.next().unwrap_or_default();
    let more = if command.next().is_some() { " …" } else { "" };
    let mark = if evidence.passed() { "✅" } else { "❌" };
    let _ = writeln!(
        out,
        "{indent}* {mark} **{}** {}{more} — {} — {}, {}",
        evidence.kind.as_str(),
        code_span(first),
        evidence.summary(),
        inline::escape(&ran.stamp.who(), Place::Inline),
        ran.stamp.at.human()
    );
    let inner = format!("{indent}  ");
    let output: Vec<&str> = evidence.output.iter().flat_map(|line| lines(line)).collect();
    if more.is_empty() && output.is_empty() {
        return;
    }
    let what = match (more.is_empty(), evidence.output.len()) {
        (true, n) => format!("Output: last {}", plural(n, "line", "lines")),
        (false, 0) => "Command; no output".to_owned(),
        (false, n) => format!("Command and output: last {}", plural(n, "line", "lines")),
    };
    let _ = writeln!(out, "{inner}<details><summary>{what}</summary>\n");
    if !more.is_empty() {
        let command: Vec<&str> = lines(&evidence.command).collect();
        fence(out, "sh", &command, &inner);
        out.push('\n');
    }
    if !output.is_empty() {
        fence(out, "text", &output, &inner);
        out.push('\n');
    }
    let _ = writeln!(out, "{inner}</details>");
}

/// The evidence list of an item, oldest run first, after a blank line;
/// nothing when it ran nothing.
pub fn write(out: &mut String, runs: &[Ran<'_>], indent: &str) {
    if runs.is_empty() {
        return;
    }
    out.push('\n');
    let earlier = runs.len().saturating_sub(LISTED);
    if earlier > 0 {
        let _ = writeln!(
            out,
            "{indent}* {} before these, not listed",
            plural(earlier, "earlier run", "earlier runs")
        );
    }
    for ran in &runs[earlier..] {
        run(out, ran, indent);
    }
}

#[cfg(test)]
mod tests;
