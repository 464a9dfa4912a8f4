//! The sentences more than one command says: how a run stands at the end of
//! a command that changed it, where a phase's approvals stand, and what an
//! import of Markdown leaves out.

use std::fmt::Write as _;

use crate::approval::Approvals;
use crate::markdown::import::LeftOut;
use crate::progress::Progress;

/// `approvals 1 of 2: bob` under a phase that needs them.
pub fn approval_line(approvals: &Approvals, phase: usize, needed: usize) -> String {
    let mut line = format!("approvals {} of {needed}", approvals.count(phase));
    let who = approvals.approvers(phase);
    if !who.is_empty() {
        let _ = write!(line, ": {who}");
    }
    line
}

/// `run "v2.3.0 release": 12/40 items completed, 30%`: how commands that
/// change a run end their report.
pub fn run_line(run: &str, overall: &Progress) -> String {
    format!(
        "run \"{run}\": {}/{} items completed, {}%\n",
        overall.done,
        overall.applicable(),
        overall.percent()
    )
}

/// One line saying what was left out of an import, and where: `import`
/// prints it, and `validate` of a Markdown file.
pub fn left_out_summary(left_out: &[LeftOut]) -> Option<String> {
    if left_out.is_empty() {
        return None;
    }
    let mut kinds: Vec<&str> = left_out.iter().map(|l| l.what).collect();
    kinds.dedup();
    kinds.sort_unstable();
    kinds.dedup();
    let parts: Vec<String> = kinds
        .iter()
        .map(|kind| {
            let lines: Vec<String> = left_out
                .iter()
                .filter(|l| l.what == *kind)
                .map(|l| l.line.to_string())
                .collect();
            let shown: Vec<&str> = lines.iter().take(8).map(String::as_str).collect();
            let more = if lines.len() > 8 { ", …" } else { "" };
            let s = if lines.len() == 1 { "" } else { "s" };
            format!("{} {kind}{s} (line{s} {}{more})", lines.len(), shown.join(", "))
        })
        .collect();
    Some(format!("left out: {}", parts.join("; ")))
}
