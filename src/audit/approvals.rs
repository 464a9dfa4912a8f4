//! A phase's approvals on the page: how many it needs and has, and each one
//! that stands — who (the name and the account where they differ), when,
//! the note, and whether it was forced or does not count.

use std::fmt::Write as _;

use super::input::Audit;
use super::{escape, who};

/// The approvals of phase `p`, under its heading; nothing for a phase that
/// needs none.
pub fn write(out: &mut String, audit: &Audit<'_>, p: usize) {
    let needed = audit.checklist.phases()[p].approvals;
    if needed == 0 {
        return;
    }
    let approvals = audit.state.approvals();
    let _ = writeln!(
        out,
        "<p class=\"approvals\">Approvals: {} of {needed} needed</p>",
        approvals.count(p)
    );
    let standing = approvals.standing(p);
    if standing.is_empty() {
        return;
    }
    out.push_str("<ul class=\"approvals\">\n");
    for approval in standing {
        let verdict = approval.verdict;
        let mut flags = String::new();
        if verdict.forced {
            flags.push_str(" <span class=\"flag\">⚠ forced past the two-person rule</span>");
        }
        if !approval.counts() {
            flags.push_str(" <span class=\"flag\">not counted: worked on an earlier phase</span>");
        }
        let note = verdict
            .note
            .as_deref()
            .map(|n| format!(" — {}", escape::line(n)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<li>Approved by {} at <time>{}</time>{note}{flags}</li>",
            who::html(&verdict.stamp.who()),
            verdict.stamp.at.human()
        );
    }
    out.push_str("</ul>\n");
}
