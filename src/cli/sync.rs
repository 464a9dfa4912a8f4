//! `preflight sync`: a run log kept in a git work tree, shared with a team
//! through git itself. Commit the log if it changed, pull with the union merge
//! (every change is a line of its own, so copies merge line by line), push,
//! and say what came in. No server: git is the engine teams already share.
//!
//! Everything that can be checked is checked before anything changes: git is
//! there, the log is in a work tree, on a branch with an upstream. A pull that
//! cannot be merged is aborted, leaving the work tree as it was.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::Context as _;

use super::session::Session;
use super::{exit, output, status};
use crate::files::{Replace, Target};
use crate::text::escape_for_terminal;

/// The line `.gitattributes` needs for run logs to merge line by line.
const UNION: &str = "*.jsonl merge=union";

/// git, run in one folder; its errors carry what git said.
struct Git {
    dir: PathBuf,
}

impl Git {
    fn run(&self, args: &[&str]) -> anyhow::Result<String> {
        let output = Command::new("git")
            .arg("-C")
            .arg(&self.dir)
            .args(args)
            .output()
            .context("cannot run git\n  hint: install git; `preflight sync` shares a run through it")?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).trim_end().to_owned())
        } else {
            let said = String::from_utf8_lossy(&output.stderr);
            anyhow::bail!("git {}: {}", args.join(" "), said.trim())
        }
    }

    fn ok(&self, args: &[&str]) -> bool {
        self.run(args).is_ok()
    }
}

/// The log's lines, to tell afterwards which ones came in.
fn lines_of(path: &Path) -> HashSet<String> {
    std::fs::read_to_string(path)
        .map(|text| text.lines().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Checks that sync can work at all, before anything is changed: git, a work
/// tree, a branch (not a detached HEAD) with an upstream. Returns git run at
/// the top of the work tree, and the log's path relative to it.
fn prepare(log: &Path) -> anyhow::Result<(Git, String)> {
    let shown = escape_for_terminal(&log.display().to_string());
    let dir = log
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let here = Git { dir: dir.to_path_buf() };
    here.run(&["--version"])?;
    let top = here.run(&["rev-parse", "--show-toplevel"]).map_err(|_| {
        anyhow::anyhow!(
            "{shown} is not in a git work tree\n  hint: keep the run log in a clone of the team's repository"
        )
    })?;
    let git = Git {
        dir: PathBuf::from(&top),
    };
    let branch = git.run(&["symbolic-ref", "--quiet", "--short", "HEAD"]).map_err(|_| {
        anyhow::anyhow!("the work tree at {top} has a detached HEAD; nothing was changed\n  hint: check out the team's branch first: git switch <branch>")
    })?;
    if git.run(&["remote"])?.is_empty() {
        anyhow::bail!(
            "the repository at {top} has no remote; nothing was changed\n  hint: add the team's: git remote add origin <url>"
        );
    }
    if !git.ok(&["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"]) {
        anyhow::bail!(
            "branch {branch} has no upstream to pull from and push to; nothing was changed\n  hint: push it once with: git push -u origin {branch}"
        );
    }
    let canonical_dir = dir.canonicalize().context("cannot find the run log's folder")?;
    let file = log.file_name().context("--state names no file")?;
    let relative = canonical_dir
        .join(file)
        .strip_prefix(Path::new(&top).canonicalize()?)
        .context("the run log is outside the work tree")?
        .to_string_lossy()
        .into_owned();
    Ok((git, relative))
}

/// Adds the union merge for run logs to `.gitattributes` when git does not
/// merge this log that way yet; `true` when the file was changed.
fn ensure_union(git: &Git, relative: &str) -> anyhow::Result<bool> {
    let merge = git.run(&["check-attr", "merge", "--", relative])?;
    if merge.ends_with(": union") {
        return Ok(false);
    }
    let path = git.dir.join(".gitattributes");
    let mut text = std::fs::read_to_string(&path).unwrap_or_default();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(UNION);
    text.push('\n');
    write_replacing(&path, &text, ".gitattributes")?;
    output::report(&format!(
        "added `{UNION}` to .gitattributes, so that copies of a run merge line by line"
    ));
    Ok(true)
}

/// Keeps the run log's `.lock` file (which every writer takes) out of git, in
/// this clone's own exclude file: it is not the team's business.
fn ignore_lock(git: &Git, relative: &str) -> anyhow::Result<()> {
    let lock = format!("{relative}.lock");
    if git.ok(&["check-ignore", "-q", "--", &lock]) {
        return Ok(());
    }
    let exclude = git.dir.join(git.run(&["rev-parse", "--git-path", "info/exclude"])?);
    let mut text = std::fs::read_to_string(&exclude).unwrap_or_default();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("# preflight's lock files\n*.jsonl.lock\n");
    if let Some(dir) = exclude.parent() {
        std::fs::create_dir_all(dir).context("cannot write git's exclude file")?;
    }
    write_replacing(&exclude, &text, "git's exclude file")
}

/// Writes a file sync keeps up to date (it holds what was there, plus a
/// line): atomically, and never through a symlink or into a device or FIFO.
fn write_replacing(path: &Path, text: &str, what: &str) -> anyhow::Result<()> {
    Target::check(path, Replace::Always)
        .and_then(|target| target.write(text))
        .map_err(|e| {
            anyhow::anyhow!("cannot write {what}: {e}\n  hint: nothing was committed; fix the file and sync again")
        })
}

/// "3 changes by bob, 1 by ci" for the events among `lines`.
fn who_did(lines: &[&String]) -> String {
    let mut by: BTreeMap<String, usize> = BTreeMap::new();
    for line in lines {
        if let Ok(event) = crate::runlog::parse_event_line(line) {
            *by.entry(event.by).or_default() += 1;
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

/// `preflight sync`.
pub fn run(session: &Session) -> anyhow::Result<ExitCode> {
    let log = session.log.path();
    let (git, relative) = prepare(log)?;
    // `--set` values go into what is shared, once git is known to be ready.
    session.record(&[])?;
    ignore_lock(&git, &relative)?;
    let mut paths = vec![relative.clone()];
    if ensure_union(&git, &relative)? {
        paths.push(".gitattributes".to_owned());
    }
    let before = lines_of(log);
    let mut status = vec!["status", "--porcelain", "--"];
    status.extend(paths.iter().map(String::as_str));
    let changed = !git.run(&status)?.is_empty();
    let mut summary = String::new();
    if changed {
        let tally = session.state.tally(&session.checklist).overall;
        let message = format!("preflight: {} {}/{}", session.run, tally.done, tally.applicable());
        let mut add = vec!["add", "--"];
        add.extend(paths.iter().map(String::as_str));
        git.run(&add)?;
        let mut commit = vec!["commit", "--quiet", "-m", &message, "--"];
        commit.extend(paths.iter().map(String::as_str));
        git.run(&commit)
            .map_err(|e| anyhow::anyhow!("{e}\n  hint: set who commits with git config user.name and user.email"))?;
        let _ = writeln!(summary, "committed \"{message}\"");
    }
    if let Err(err) = git.run(&["pull", "--quiet", "--no-rebase", "--no-edit"]) {
        let merging = git.ok(&["rev-parse", "-q", "--verify", "MERGE_HEAD"]);
        if merging {
            let _ = git.run(&["merge", "--abort"]);
        }
        anyhow::bail!(
            "{err}\n  hint: the pull was undone and the work tree left as it was{}; resolve it with git, then sync again",
            if changed {
                " (your changes are committed locally)"
            } else {
                ""
            }
        );
    }
    git.run(&["push", "--quiet"])
        .map_err(|e| anyhow::anyhow!("{e}\n  hint: someone pushed meanwhile; run `preflight sync` again"))?;
    let after = lines_of(log);
    let came: Vec<&String> = after.iter().filter(|line| !before.contains(*line)).collect();
    if came.is_empty() {
        summary.push_str("nothing came in\n");
    } else {
        let _ = writeln!(summary, "{} came in", who_did(&came));
    }
    // What the run is now, with what came in.
    let state = crate::run::RunState::replay(&session.checklist, &session.log.read()?.events);
    summary.push_str(&status::run_line(
        &session.run,
        &state.tally(&session.checklist).overall,
    ));
    output::print(&summary)?;
    Ok(ExitCode::from(exit::OK))
}
