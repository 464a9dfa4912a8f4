//! `preflight approve`: records an approval of a phase that needs approvals
//! (the two-person rule), or withdraws one's own. An approval by someone who
//! recorded a change in an earlier phase is refused unless forced, and a
//! forced one is recorded as such; the rule is applied again whenever a run
//! is read, so an approval recorded elsewhere without it never counts.

use std::fmt::Write as _;
use std::process::ExitCode;

use super::args::Command;
use super::session::{Session, operator};
use super::{Globals, exit, output};
use crate::checklist::Checklist;
use crate::cli::hinted::hinted;
use crate::run::{Author, Change, Event};
use crate::text::{clean_paragraph, escape_for_terminal, plural};

/// What `approve` was asked to do.
pub struct Asked<'a> {
    pub phase: &'a str,
    pub note: Option<String>,
    pub force: bool,
    pub withdraw: bool,
}

/// `approve`, from the command line.
pub fn from_command(command: &Command, globals: &Globals) -> anyhow::Result<ExitCode> {
    let Command::Approve {
        checklist,
        phase,
        note,
        force,
        withdraw,
        ..
    } = command
    else {
        unreachable!("from_command is given approve")
    };
    let session = Session::for_command(Some(checklist), globals, false)?;
    let asked = Asked {
        phase,
        note: note.as_deref().map(clean_paragraph).filter(|n| !n.is_empty()),
        force: *force,
        withdraw: *withdraw,
    };
    run(&session, &asked, &operator(globals))
}

/// The phase `query` names: its id, or its name in any case.
pub fn find_phase(checklist: &Checklist, query: &str) -> anyhow::Result<usize> {
    let phases = checklist.phases();
    let slug = crate::slug::slugify(query);
    if let Some(index) = phases
        .iter()
        .position(|p| p.id == query || p.name.eq_ignore_ascii_case(query.trim()) || (!slug.is_empty() && p.id == slug))
    {
        return Ok(index);
    }
    let mut known: Vec<&str> = phases.iter().map(|p| p.id.as_str()).collect();
    known.sort_by(|a, b| strsim::jaro_winkler(query, b).total_cmp(&strsim::jaro_winkler(query, a)));
    Err(hinted(
        format!("no phase {:?} in \"{}\"", escape_for_terminal(query), checklist.title),
        format!("name a phase by its id or its name; its phases: {}", known.join(", ")),
    ))
}

/// Records the approval (or withdrawal) `asked` by `author`, and says where
/// the phase stands.
pub fn run(session: &Session, asked: &Asked, author: &Author) -> anyhow::Result<ExitCode> {
    let checklist = &session.checklist;
    let index = find_phase(checklist, asked.phase)?;
    let phase = &checklist.phases()[index];
    if phase.approvals == 0 {
        return Err(hinted(
            format!("{} needs no approvals; nothing was recorded", phase.name),
            "add `approvals: 2` (the number of people) to the phase in the checklist",
        ));
    }
    let approvals = session.state.approvals();
    let stamp = author.stamp(session.state.stamp_for_phase(index, crate::store::runlog::now()));
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
    session.record(std::slice::from_ref(&event))?;
    let mut after = approvals.clone();
    event.tell(checklist, &mut after);
    output::print(&said(checklist, index, &after, &event))?;
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
