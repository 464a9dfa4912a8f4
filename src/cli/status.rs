//! `preflight status`: progress per phase and overall, as text in the spirit of the
//! checklist's own Completion Status, or as JSON for scripts.

use std::fmt::Write as _;
use std::process::ExitCode;

use super::args::{Globals, StatusArgs};
use super::open_run::{self, Needs};
use super::output::Doc;
use super::paint::{Paint, Style};
use super::phrases::approval_line;
use super::{exit, output};
use crate::approval::Approvals;
use crate::checklist::Checklist;
use crate::inline::to_plain;
use crate::progress::{Progress, Tally};
use crate::service::RunService;

mod json;

use json::json_tree;

/// `preflight status`, of a run that must exist when named on purpose.
pub fn run(args: &StatusArgs, globals: &Globals) -> anyhow::Result<ExitCode> {
    let mut service = open_run::for_command(args.checklist.as_deref(), globals, Needs::state(true))?;
    let paint = Paint::stdout(globals.color);
    show(&mut service, args.json, args.require_complete, paint)
}

fn show(service: &mut RunService, json: bool, require_complete: bool, paint: Paint) -> anyhow::Result<ExitCode> {
    open_run::record(service, &[])?;
    let tally = service.state.tally(&service.checklist);
    if json {
        let tree = json_tree(&service.checklist, service.run(), &tally, &service.state);
        let mut text = serde_json::to_string_pretty(&tree)?;
        text.push('\n');
        output::print(&text)?;
    } else {
        let params: Vec<String> = service
            .state
            .param_report(&service.checklist)
            .iter()
            .map(crate::run::ParamShown::describe)
            .collect();
        let text = render_text(
            &service.checklist,
            service.run(),
            &params,
            &tally,
            service.state.approvals(),
        );
        output::print_doc(&text, paint)?;
    }
    // A done item whose proof failed since it was ticked is not complete.
    let unproven: Vec<usize> = (0..service.checklist.items().len())
        .filter(|&i| service.state.item(i).proof_failed())
        .collect();
    for &index in &unproven {
        let item = &service.checklist.items()[index];
        let summary = service
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

fn completed(p: &Progress) -> String {
    let mut line = format!("{}/{} items completed", p.done, p.applicable());
    if p.skipped > 0 {
        let _ = write!(line, ", {} skipped", p.skipped);
    }
    line
}

/// The human summary: a line per phase, then the overall percentage.
pub fn render_text(checklist: &Checklist, run: &str, params: &[String], tally: &Tally, approvals: &Approvals) -> Doc {
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
    for (p, (phase, progress)) in checklist.phases().iter().zip(&tally.phases).enumerate() {
        out.push("  ");
        if progress.is_complete() {
            out.styled(Style::Done, "[x]");
        } else {
            out.push("[ ]");
        }
        let icon = phase.icon_prefix();
        let _ = writeln!(out, " {icon}{}: {}", to_plain(&phase.name), completed(progress));
        if phase.approvals > 0 {
            let _ = writeln!(out, "      {}", approval_line(approvals, p, phase.approvals));
        }
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
