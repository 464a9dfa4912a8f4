//! git, as `sync` runs it: one command at a time in the top of the work tree,
//! its own words kept for every failure, and the checks made before anything
//! changes (a work tree, a branch with an upstream, no merge, rebase,
//! cherry-pick, revert or bisect under way).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context as _;

use crate::hinted::hinted;
use crate::text::escape_for_terminal;

/// git, run in one folder; its errors carry what git said.
pub struct Git {
    pub dir: PathBuf,
}

/// What git said when a command failed: never an empty reason.
fn said(args: &[&str], output: &std::process::Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let words = [stderr.trim(), stdout.trim()]
        .into_iter()
        .find(|text| !text.is_empty())
        .map_or_else(
            || format!("it failed ({}) and said nothing", output.status),
            str::to_owned,
        );
    let words: Vec<String> = words.lines().map(escape_for_terminal).collect();
    format!("git {}: {}", escape_for_terminal(&args.join(" ")), words.join("\n  "))
}

impl Git {
    fn output(&self, args: &[&str]) -> anyhow::Result<std::process::Output> {
        Command::new("git")
            .arg("-C")
            .arg(&self.dir)
            .args(args)
            .output()
            .map_err(|err| {
                hinted(
                    format!("cannot run git: {err}"),
                    "install git; `preflight sync` shares a run through it",
                )
            })
    }

    /// Runs git; its output, trimmed.
    pub fn run(&self, args: &[&str]) -> anyhow::Result<String> {
        let output = self.output(args)?;
        anyhow::ensure!(output.status.success(), "{}", said(args, &output));
        Ok(String::from_utf8_lossy(&output.stdout).trim_end().to_owned())
    }

    pub fn ok(&self, args: &[&str]) -> bool {
        self.output(args).is_ok_and(|o| o.status.success())
    }

    /// The file at `path` in commit `rev`, byte for byte; `None` when the
    /// commit has no such file.
    pub fn blob(&self, rev: &str, path: &str) -> anyhow::Result<Option<Vec<u8>>> {
        let spec = format!("{rev}:{path}");
        if !self.ok(&["cat-file", "-e", &spec]) {
            return Ok(None);
        }
        let args = ["cat-file", "blob", spec.as_str()];
        let output = self.output(&args)?;
        anyhow::ensure!(output.status.success(), "{}", said(&args, &output));
        Ok(Some(output.stdout))
    }

    /// Where a file of git's own (`MERGE_HEAD`, `info/exclude`) is.
    pub fn git_path(&self, name: &str) -> anyhow::Result<PathBuf> {
        Ok(self.dir.join(self.run(&["rev-parse", "--git-path", name])?))
    }

    /// Whether a merge is waiting to be committed.
    pub fn merging(&self) -> bool {
        self.git_path("MERGE_HEAD").is_ok_and(|p| p.exists())
    }

    /// Whether `ancestor` is contained in `rev`.
    pub fn contains(&self, rev: &str, ancestor: &str) -> bool {
        self.ok(&["merge-base", "--is-ancestor", ancestor, rev])
    }
}

/// What git is in the middle of, and how to get out of it.
const UNDER_WAY: [(&str, &str, &str); 6] = [
    ("MERGE_HEAD", "a merge", "git merge --continue (or --abort)"),
    ("rebase-merge", "a rebase", "git rebase --continue (or --abort)"),
    ("rebase-apply", "a rebase", "git rebase --continue (or --abort)"),
    (
        "CHERRY_PICK_HEAD",
        "a cherry-pick",
        "git cherry-pick --continue (or --abort)",
    ),
    ("REVERT_HEAD", "a revert", "git revert --continue (or --abort)"),
    ("BISECT_LOG", "a bisect", "git bisect reset"),
];

/// The nearest folder of the log that exists (a new clone may lack the log's
/// folder until the first sync brings it), and the part of the path below it.
fn existing_folder(log: &Path) -> (PathBuf, PathBuf) {
    let parent = log.parent().unwrap_or(Path::new(""));
    let mut dir = parent;
    loop {
        let here = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if here.is_dir() {
            let rest = parent.strip_prefix(dir).unwrap_or(Path::new("")).to_path_buf();
            return (here.to_path_buf(), rest);
        }
        match dir.parent() {
            Some(up) => dir = up,
            None => return (PathBuf::from("."), parent.to_path_buf()),
        }
    }
}

/// Checks that sync can work at all, before anything is changed: git, a work
/// tree with nothing under way, a branch (not a detached HEAD) with an
/// upstream. Returns git run at the top of the work tree, and the log's path
/// relative to it.
pub fn prepare(log: &Path) -> anyhow::Result<(Git, String)> {
    let shown = escape_for_terminal(&log.display().to_string());
    let (dir, missing) = existing_folder(log);
    let here = Git { dir: dir.clone() };
    here.run(&["--version"])?;
    let top = here.run(&["rev-parse", "--show-toplevel"]).map_err(|_| {
        hinted(
            format!("{shown} is not in a git work tree"),
            "keep the run log in a clone of the team's repository",
        )
    })?;
    let git = Git {
        dir: PathBuf::from(&top),
    };
    for (file, what, finish) in UNDER_WAY {
        if git.git_path(file)?.exists() {
            return Err(hinted(
                format!("the work tree at {top} is in the middle of {what}; nothing was changed"),
                format!("finish it first ({finish}), then sync again"),
            ));
        }
    }
    let branch = git.run(&["symbolic-ref", "--quiet", "--short", "HEAD"]).map_err(|_| {
        hinted(
            format!("the work tree at {top} has a detached HEAD; nothing was changed"),
            "check out the team's branch first: git switch <branch>",
        )
    })?;
    if git.run(&["remote"])?.is_empty() {
        return Err(hinted(
            format!("the repository at {top} has no remote; nothing was changed"),
            "add the team's: git remote add origin <url>",
        ));
    }
    if !git.ok(&["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"]) {
        return Err(hinted(
            format!("branch {branch} has no upstream to pull from and push to; nothing was changed"),
            format!("push it once with: git push -u origin {branch}"),
        ));
    }
    let canonical_dir = dir.canonicalize().context("cannot find the run log's folder")?;
    let file = log.file_name().context("--state names no file")?;
    let relative = canonical_dir
        .join(missing)
        .join(file)
        .strip_prefix(Path::new(&top).canonicalize()?)
        .context("the run log is outside the work tree")?
        .to_string_lossy()
        .into_owned();
    Ok((git, relative))
}

#[cfg(all(test, unix))]
mod tests;
