//! `preflight sync`: a run log kept in a git work tree, shared with a team
//! through git itself. No server: git is the engine teams already share.
//!
//! git never touches the live run log while a writer may append to it. Each
//! round takes the log's lock, commits what the log holds, joins it with the
//! upstream's copy by event identity (see `runlog::merge`), writes the union
//! in one rename, merges the rest of the upstream's commits, and lets go of the
//! lock; only then is the result pushed, and a push that lost a race with
//! someone else's is tried again after a pause (a few times, each pause
//! longer). Fetching and pushing, the slow parts, run without the lock, so a
//! tick waits only for local work. A log that lost lines that were already
//! shared is refused, and one that was deleted is restored: sync never spreads
//! a loss. Everything that can be checked is checked before anything changes.

mod attributes;
mod foreign_attributes;
mod git;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use super::args::{Globals, SyncArgs};
use super::open_run::{self, Needs};
use super::usage;
use super::{exit, output, phrases};
use crate::hinted::hinted;
use crate::service::RunService;
use crate::store::runlog::{Locked, merge};
use crate::text::escape_for_terminal;
use git::Git;

/// How many times a push is tried when someone else pushed meanwhile.
const ATTEMPTS: u32 = 6;

/// What the upstream is called to git.
const UPSTREAM: &str = "@{u}";

/// What one round under the lock did.
struct Round {
    /// The message of the commit of this clone's own changes, if any.
    committed: Option<String>,
    /// The lines that came from the upstream.
    came_in: Vec<String>,
}

/// `preflight sync`.
pub fn run(args: &SyncArgs, globals: &Globals) -> anyhow::Result<ExitCode> {
    if globals.state.is_none() {
        return Err(usage::usage(
            clap::error::ErrorKind::MissingRequiredArgument,
            "sync shares a run log kept in a git work tree: name it with --state FILE",
        ));
    }
    let service = &mut open_run::for_command(args.checklist.as_deref(), globals, Needs::log(false))?;
    let (git, relative) = git::prepare(service.log().path())?;
    foreign_attributes::refuse_unexpected(&git, &relative, None)?;
    // `--set` values go into what is shared, once git is known to be ready.
    open_run::record(service, &[])?;
    attributes::ignore_lock(&git, &relative)?;
    let mut summary = String::new();
    let mut came_in = Vec::new();
    let mut attempt = 1;
    loop {
        git.run(&["fetch", "--quiet"]).map_err(|e| {
            hinted(format!("{e}"), "the remote could not be reached; nothing was shared (your changes stay recorded here); sync again when it can be")
        })?;
        foreign_attributes::refuse_unexpected(&git, &relative, Some(UPSTREAM))?;
        let round = {
            let locked = service.log().lock()?;
            let round = exchange(service, &git, &relative, &locked);
            locked.keep_private();
            round?
        };
        if let Some(message) = round.committed
            && summary.is_empty()
        {
            let _ = writeln!(summary, "committed \"{message}\"");
        }
        came_in.extend(round.came_in);
        attributes::ensure_union(&git, &relative)?;
        let Err(err) = git.run(&["push", "--quiet"]) else {
            break;
        };
        let raced = git.ok(&["fetch", "--quiet"]) && !git.contains("HEAD", UPSTREAM);
        if !raced {
            return Err(hinted(
                format!("{err}"),
                "your changes are committed here; once the remote takes pushes again, sync again",
            ));
        }
        if attempt == ATTEMPTS {
            return Err(hinted(
                format!("{err}"),
                format!(
                    "others pushed meanwhile {ATTEMPTS} times in a row; your changes are committed here: sync again"
                ),
            ));
        }
        output::report("someone pushed meanwhile: joining their changes and pushing again");
        std::thread::sleep(backoff(attempt));
        attempt += 1;
    }
    if came_in.is_empty() {
        summary.push_str("nothing came in\n");
    } else {
        let _ = writeln!(summary, "{} came in", who_did(&came_in));
    }
    // What the run is now, with what came in.
    let state = crate::run::RunState::replay(&service.checklist, &service.log().read()?.events);
    summary.push_str(&phrases::run_line(
        service.run(),
        &state.tally(&service.checklist).overall,
    ));
    output::print(&summary)?;
    Ok(ExitCode::from(exit::OK))
}

/// The pause before push attempt `attempt + 1`: doubling, with a little of
/// this process's own so that two clones that raced do not race again.
fn backoff(attempt: u32) -> Duration {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let jitter = u64::from((nanos ^ std::process::id()) % 50);
    Duration::from_millis((50 << attempt.min(6)) + jitter)
}

/// One round, holding the log's lock: refuse a log that lost shared lines,
/// join it with the upstream's copy, commit it, merge the upstream.
fn exchange(service: &RunService, git: &Git, relative: &str, locked: &Locked) -> anyhow::Result<Round> {
    let shown = escape_for_terminal(relative);
    let head = git.blob("HEAD", relative)?;
    let local = locked.bytes()?;
    if let (Some(head), Some(local)) = (&head, &local) {
        let lost = merge::lost(head, local);
        if lost > 0 {
            let events = if lost == 1 { "event" } else { "events" };
            return Err(hinted(
                format!("{shown} lost {lost} {events} since the last sync; nothing was committed or shared"),
                format!(
                    "`git diff -- {shown}` shows what is missing; restore the log with `git checkout -- {shown}` (changes recorded since the last sync are dropped), then sync again"
                ),
            ));
        }
    }
    if local.is_none() && head.is_some() {
        output::report(&format!("{shown} was deleted here; restored from git"));
    }
    let ours = local.clone().or_else(|| head.clone()).unwrap_or_default();
    let theirs = git.blob(UPSTREAM, relative)?.unwrap_or_default();
    let joined = merge::union(&ours, &theirs, service.log().identity());
    for foreign in &joined.foreign {
        output::report(&foreign_message(git, relative, foreign));
    }
    let recorded_here = match (&local, &head) {
        (Some(local), Some(head)) => merge::lost(local, head) > 0,
        (local, _) => local.as_ref().is_some_and(|local| !merge::lines(local).is_empty()),
    };
    let mut committed = None;
    if recorded_here {
        // This clone's changes are committed first, joined with the
        // upstream's, so that the merge below finds the log committed.
        if local.as_deref() != Some(&joined.text[..]) {
            locked.replace(&joined.text)?;
        }
        let message = commit_message(service, &joined.text);
        commit(git, relative, &message)?;
        committed = Some(message);
    } else if let Some(head) = head.as_deref().filter(|head| local.as_deref() != Some(*head)) {
        // Nothing new here, only lost or reordered: the log is put back as
        // it was committed, for the merge to start from.
        locked.replace(head)?;
    }
    merge_upstream(git, relative, locked, &joined.text)?;
    Ok(Round {
        committed,
        came_in: joined.came_in,
    })
}

/// What sync says of a header of another run that it left out of the join:
/// the line, where it was, and who pushed it.
fn foreign_message(git: &Git, relative: &str, foreign: &merge::Foreign) -> String {
    let shown = escape_for_terminal(relative);
    let line = escape_for_terminal(&foreign.text);
    let (copy, who) = if foreign.theirs {
        let pushed = git
            .run(&[
                "log",
                "-1",
                "--format=%an <%ae> in %h",
                "-S",
                &foreign.text,
                UPSTREAM,
                "--",
                relative,
            ])
            .map(|who| escape_for_terminal(who.trim()))
            .unwrap_or_default();
        let who = if pushed.is_empty() {
            String::new()
        } else {
            format!(", pushed by {pushed}")
        };
        ("the upstream's copy of ", who)
    } else {
        ("", String::new())
    };
    format!(
        "left out line {} of {copy}{shown}{who}: it starts the log of another run or checklist and is not shared on: {line}",
        foreign.line
    )
}

/// "preflight: v2.3.0 release 12/40", for the log `text`.
fn commit_message(service: &RunService, text: &[u8]) -> String {
    let events = service.log().events_in(text);
    let state = crate::run::RunState::replay(&service.checklist, &events);
    let tally = state.tally(&service.checklist).overall;
    format!("preflight: {} {}/{}", service.run(), tally.done, tally.applicable())
}

/// Commits the log alone; a failure leaves nothing staged, and its hint
/// fits what git refused.
fn commit(git: &Git, relative: &str, message: &str) -> anyhow::Result<()> {
    let shown = escape_for_terminal(relative);
    git.run(&["add", "--", relative]).map_err(|e| {
        let hint = if git.ok(&["check-ignore", "-q", "--", relative]) {
            format!("{shown} is ignored by git (a .gitignore names it): un-ignore it to share it, then sync again")
        } else {
            "nothing was shared; fix what git says, then sync again".to_owned()
        };
        hinted(e.to_string(), hint)
    })?;
    git.run(&["commit", "--quiet", "-m", message, "--", relative])
        .map_err(|e| {
            let _ = git.run(&["reset", "--quiet", "--", relative]);
            let hint = if git.ok(&["config", "user.email"]) {
                "nothing was shared; git refused the commit (a hook?): fix what git says, then sync again"
            } else {
                "nothing was shared; set who commits with git config user.name and user.email, then sync again"
            };
            hinted(e.to_string(), hint)
        })
        .map(drop)
}

/// Merges the upstream's commits, then makes the log `ours`, the join of
/// both copies, whatever git made of it, and commits that. A merge that cannot
/// be finished is undone, leaving nothing staged.
fn merge_upstream(git: &Git, relative: &str, locked: &Locked, ours: &[u8]) -> anyhow::Result<()> {
    if !git.contains("HEAD", UPSTREAM) {
        // --ff: whatever the user's merge.ff says, a merge that can fast-forward does.
        let merged = git.run(&["merge", "--ff", "--no-commit", "--no-edit", UPSTREAM]);
        let conflicts = git.run(&["diff", "--name-only", "--diff-filter=U"]).unwrap_or_default();
        let blocked = conflicts.lines().any(|file| file != relative);
        if let Err(err) = merged
            && (blocked || !git.merging())
        {
            if git.merging() {
                let _ = git.run(&["merge", "--abort"]);
            }
            return Err(hinted(
                format!("{err}"),
                "the merge was undone and the work tree left as it was (your changes to the run log are committed here); resolve it with git (git pull), then sync again",
            ));
        }
    }
    let finished = settle_log(git, relative, locked, ours).and_then(|()| {
        if git.merging() {
            git.run(&["commit", "--quiet", "--no-edit"]).map(drop)
        } else if git.blob("HEAD", relative)?.as_deref() != locked.bytes()?.as_deref() {
            commit(git, relative, "preflight: join the copies of the run log")
        } else {
            Ok(())
        }
    });
    if let Err(err) = finished {
        if git.merging() {
            let _ = git.run(&["merge", "--abort"]);
        }
        return Err(err);
    }
    Ok(())
}

/// After a merge, the log holds exactly `ours`, the join of both copies:
/// what git wrote is kept when it is that (a fast-forward to the upstream's
/// joined log), else replaced.
fn settle_log(git: &Git, relative: &str, locked: &Locked, ours: &[u8]) -> anyhow::Result<()> {
    let now = locked.bytes()?;
    if now.as_deref() != Some(ours) && !ours.is_empty() {
        locked.replace(ours)?;
    }
    if locked.bytes()?.is_some() {
        git.run(&["add", "--", relative])?;
    }
    Ok(())
}

/// "3 changes by bob, 1 by ci" for the events among `lines`.
fn who_did(lines: &[String]) -> String {
    let mut by: BTreeMap<String, usize> = BTreeMap::new();
    for line in lines {
        if let Ok(event) = crate::store::runlog::parse_event_line(line) {
            *by.entry(event.stamp.by).or_default() += 1;
        }
    }
    let parts: Vec<String> = by
        .iter()
        .enumerate()
        .map(|(i, (who, n))| {
            let noun = match (i, *n) {
                (0, 1) => "change ",
                (0, _) => "changes ",
                _ => "",
            };
            format!("{n} {noun}by {who}")
        })
        .collect();
    parts.join(", ")
}
