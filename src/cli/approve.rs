//! `preflight approve`: records an approval of a phase that needs approvals
//! (the two-person rule), or withdraws one's own. An approval by someone who
//! recorded a change in an earlier phase is refused unless forced, and a
//! forced one is recorded as such; the rule is applied again whenever a run
//! is read, so an approval recorded elsewhere without it never counts.

use std::fmt::Write as _;
use std::process::ExitCode;

use super::args::{ApproveArgs, Globals};
use super::open_run::{self, Needs};
use super::{exit, output};
use crate::checklist::Checklist;
use crate::hinted::hinted;
use crate::run::{Change, Event};
use crate::service::RunService;
use crate::text::{clean_paragraph, plural};

/// What `approve` was asked to do.
struct Asked<'a> {
    pub phase: &'a str,
    pub note: Option<String>,
    pub force: bool,
    pub withdraw: bool,
}

/// `preflight approve`.
pub fn run(args: &ApproveArgs, globals: &Globals) -> anyhow::Result<ExitCode> {
    let mut service = open_run::for_command(Some(&args.checklist), globals, Needs::state(false))?;
    let asked = Asked {
        phase: &args.phase,
        note: args.note.as_deref().map(clean_paragraph).filter(|n| !n.is_empty()),
        force: args.force,
        withdraw: args.withdraw,
    };
    record(&mut service, &asked)
}

/// Records the approval (or withdrawal) `asked` by the service's author, and
/// says where the phase stands.
fn record(service: &mut RunService, asked: &Asked) -> anyhow::Result<ExitCode> {
    let author = service.author().clone();
    let index = service.find_phase(asked.phase)?;
    let checklist = &service.checklist;
    let phase = &checklist.phases()[index];
    if phase.approvals == 0 {
        return Err(hinted(
            format!("{} needs no approvals; nothing was recorded", phase.name),
            "add `approvals: 2` (the number of people) to the phase in the checklist",
        ));
    }
    let approvals = service.state.approvals();
    let stamp = author.stamp(service.state.stamp_for_phase(index, crate::store::runlog::now()));
    let mine = approvals.approved_by(index, &author.by);
    let change = if asked.withdraw {
        if !mine {
            output::print(&format!(
                "unchanged  {}  (no approval of {}'s to withdraw)\n",
                phase.id, author.by
            ))?;
            return Ok(ExitCode::from(exit::OK));
        }
        Change::Withdraw
    } else {
        if let Some(worked) = approvals.first_worked(index, &stamp).filter(|_| !asked.force) {
            return Err(hinted(
                format!(
                    "{} recorded changes in {}: an approval of {} must come from someone else (two-person rule); nothing was recorded",
                    stamp.who(),
                    checklist.phases()[worked].name,
                    phase.name
                ),
                "ask a teammate who did not work on the earlier phases to approve it; or add --force to record it anyway (marked as forced)",
            ));
        }
        if mine {
            output::print(&format!(
                "unchanged  {}  (already approved by {})\n",
                phase.id, author.by
            ))?;
            return Ok(ExitCode::from(exit::OK));
        }
        Change::Approve {
            note: asked.note.clone(),
        }
    };
    let forced = asked.force && !asked.withdraw && approvals.worked_before(index, &stamp);
    let event = Event::on_phase(stamp, phase.id.clone(), change).with_force(forced);
    open_run::record(service, std::slice::from_ref(&event))?;
    let mut after = service.state.approvals().clone();
    event.tell(&service.checklist, &mut after);
    output::print(&said(&service.checklist, index, &after, &event))?;
    Ok(ExitCode::from(exit::OK))
}

/// `approved  deploy  (1 of 2 approvals: bob)`, and whether it is open now.
fn said(checklist: &Checklist, index: usize, approvals: &crate::approval::Approvals, event: &Event) -> String {
    let phase = &checklist.phases()[index];
    let verb = match (&event.change, event.forced) {
        (Change::Withdraw, _) => "withdrawn",
        (_, true) => "approved (forced: worked on an earlier phase)",
        _ => "approved",
    };
    let mut text = format!(
        "{verb}  {}  ({} of {}",
        phase.id,
        approvals.count(index),
        plural(phase.approvals, "approval", "approvals")
    );
    let who = approvals.approvers(index);
    if !who.is_empty() {
        let _ = write!(text, ": {who}");
    }
    text.push_str(")\n");
    text
}
