//! `preflight report`: the timing report of a run, as text or JSON, or the
//! run as a report page (`--html`, built by [`crate::audit`]).

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::args::{Globals, ReportArgs};
use super::open_run::{self, Needs};
use super::output_file::to_file;
use super::{exit, output};
use crate::report::{self, Report, Span};
use crate::service::RunService;
use crate::store::files::Replace;
use crate::text::plural;

#[derive(Serialize)]
struct JsonSpan<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    started: Option<String>,
    completed: Option<String>,
    /// Whole seconds from the first event to completion; null while open.
    seconds: Option<u64>,
    operators: Vec<&'a str>,
    forced: usize,
    out_of_order: usize,
    failed_commands: usize,
}

impl<'a> JsonSpan<'a> {
    fn of(name: Option<&'a str>, span: &'a Span) -> JsonSpan<'a> {
        JsonSpan {
            name,
            started: span.started.map(|t| t.to_string()),
            completed: span.completed.map(|t| t.to_string()),
            seconds: span.duration().map(|d| d.as_secs()),
            operators: span.operators.iter().map(String::as_str).collect(),
            forced: span.forced,
            out_of_order: span.out_of_order,
            failed_commands: span.failed,
        }
    }
}

#[derive(Serialize)]
struct JsonStep<'a> {
    id: &'a str,
    title: &'a str,
    completed: String,
    seconds: u64,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    run: &'a str,
    phases: Vec<JsonSpan<'a>>,
    overall: JsonSpan<'a>,
    longest: Vec<JsonStep<'a>>,
}

fn row(name: &str, span: &Span, open: usize) -> String {
    let when = |t: Option<crate::timestamp::Timestamp>| t.map_or_else(|| "—".to_owned(), |t| t.human());
    let took = report::took(span, open);
    let operators: Vec<&str> = span.operators.iter().map(String::as_str).collect();
    let mut line = format!(
        "{name}\n  started {}  completed {}  took {took}\n",
        when(span.started),
        when(span.completed)
    );
    if !operators.is_empty() {
        let _ = writeln!(line, "  by {}", operators.join(", "));
    }
    if span.forced > 0 || span.failed > 0 {
        let _ = writeln!(
            line,
            "  {} forced past a gate, {} failed",
            span.forced,
            plural(span.failed, "command", "commands")
        );
    }
    if span.out_of_order > 0 {
        let _ = writeln!(
            line,
            "  ⚠ {} recorded while gated and not forced (out of order)",
            plural(span.out_of_order, "change", "changes")
        );
    }
    line
}

/// `preflight report --html`: the page to standard output, or to a file by
/// the rules of every `-o` (an existing file replaced only when it is an
/// earlier page, or with `--force`; never a symlink, device or FIFO).
/// `preflight report`: the timing as text or JSON, or the page for an audit
/// (`--html`); every event of the run is read.
pub fn report(args: &ReportArgs, globals: &Globals) -> anyhow::Result<ExitCode> {
    let mut service = open_run::for_command(args.checklist.as_deref(), globals, Needs::history(true))?;
    if args.html {
        page(&mut service, to_file(args.output.as_deref()), args.force)
    } else {
        run(&mut service, args.json)
    }
}

fn page(service: &mut RunService, out: Option<&std::path::Path>, force: bool) -> anyhow::Result<ExitCode> {
    let replace = if force {
        Replace::Always
    } else {
        Replace::IfOwn(crate::audit::is_page)
    };
    let target = out
        .map(|path| super::output_file::check_output(path, replace, "report page"))
        .transpose()?;
    open_run::record(service, &[])?;
    let text = crate::audit::page(&crate::audit::Audit {
        checklist: &service.checklist,
        state: &service.state,
        run: service.run(),
        events: &service.events,
    });
    match (out, target) {
        (Some(path), Some(target)) => super::output_file::write_output(&target, path, &text)?,
        _ => output::print(&text)?,
    }
    Ok(ExitCode::from(exit::OK))
}

/// `preflight report`.
fn run(service: &mut RunService, json: bool) -> anyhow::Result<ExitCode> {
    open_run::record(service, &[])?;
    let checklist = &service.checklist;
    let measured: Report = report::measure(checklist, &service.events);
    let tally = service.state.tally(checklist);
    if json {
        let tree = JsonReport {
            run: service.run(),
            phases: checklist
                .phases()
                .iter()
                .zip(&measured.phases)
                .map(|(p, span)| JsonSpan::of(Some(&p.name), span))
                .collect(),
            overall: JsonSpan::of(None, &measured.overall),
            longest: measured
                .longest
                .iter()
                .map(|step| JsonStep {
                    id: checklist.items()[step.item].id.as_str(),
                    title: &checklist.items()[step.item].title,
                    completed: step.completed.to_string(),
                    seconds: step.took.as_secs(),
                })
                .collect(),
        };
        let mut text = serde_json::to_string_pretty(&tree)?;
        text.push('\n');
        output::print(&text)?;
        return Ok(ExitCode::from(exit::OK));
    }
    let mut text = format!("Timing of run \"{}\" of \"{}\"\n\n", service.run(), checklist.title);
    for (p, ((phase, span), progress)) in checklist
        .phases()
        .iter()
        .zip(&measured.phases)
        .zip(&tally.phases)
        .enumerate()
    {
        text.push_str(&row(
            &format!("{}{}", phase.icon_prefix(), phase.name),
            span,
            progress.open(),
        ));
        if phase.approvals > 0 {
            let line = super::phrases::approval_line(service.state.approvals(), p, phase.approvals);
            let _ = writeln!(text, "  {line}");
        }
    }
    text.push_str(&row("Overall", &measured.overall, tally.overall.open()));
    if !measured.longest.is_empty() {
        text.push_str("\nLongest steps (from the completion before them)\n");
        for step in &measured.longest {
            let item = &checklist.items()[step.item];
            let _ = writeln!(text, "  {:>8}  {}  ({})", report::human(step.took), item.title, item.id);
        }
    }
    output::print(&text)?;
    Ok(ExitCode::from(exit::OK))
}
