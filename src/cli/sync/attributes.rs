//! What sync keeps in git's own files: the union merge attribute in
//! `.gitattributes`, so that a plain `git pull` merges run logs line by line
//! too, and the run log's `.lock` file kept out of git in the clone's exclude
//! file. Both are written atomically, never through a link.

use std::path::Path;

use super::git::Git;
use crate::cli::output;
use crate::hinted::hinted;
use crate::store::files::{Replace, Target};

/// The line `.gitattributes` needs for a plain `git pull` to merge run logs
/// line by line too.
const UNION: &str = "*.jsonl merge=union";

/// Adds the union merge for run logs to `.gitattributes` when git does not
/// merge this log that way yet, and commits it; a failed commit leaves the
/// file as it was.
pub fn ensure_union(git: &Git, relative: &str) -> anyhow::Result<()> {
    let merge = git.run(&["check-attr", "merge", "--", relative])?;
    if merge.ends_with(": union") {
        return Ok(());
    }
    let path = git.dir.join(".gitattributes");
    let old = std::fs::read_to_string(&path).ok();
    let mut text = old.clone().unwrap_or_default();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(UNION);
    text.push('\n');
    write_replacing(&path, &text, ".gitattributes")?;
    let committed = git.run(&["add", "--", ".gitattributes"]).and_then(|_| {
        git.run(&[
            "commit",
            "--quiet",
            "-m",
            "preflight: run logs merge line by line",
            "--",
            ".gitattributes",
        ])
    });
    if let Err(err) = committed {
        let _ = git.run(&["reset", "--quiet", "--", ".gitattributes"]);
        let _ = match old {
            Some(old) => write_replacing(&path, &old, ".gitattributes"),
            None => std::fs::remove_file(&path).map_err(Into::into),
        };
        return Err(err);
    }
    output::report(&format!(
        "added `{UNION}` to .gitattributes, so that copies of a run merge line by line"
    ));
    Ok(())
}

/// Keeps the run log's `.lock` file (which every writer takes) out of git, in
/// this clone's own exclude file: it is not the team's business.
pub fn ignore_lock(git: &Git, relative: &str) -> anyhow::Result<()> {
    let lock = format!("{relative}.lock");
    if git.ok(&["check-ignore", "-q", "--", &lock]) {
        return Ok(());
    }
    let exclude = git.git_path("info/exclude")?;
    let mut text = std::fs::read_to_string(&exclude).unwrap_or_default();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("# preflight's lock files\n*.jsonl.lock\n");
    if let Some(dir) = exclude.parent() {
        crate::store::files::create_private_dir(dir)
            .map_err(|e| anyhow::anyhow!("cannot write git's exclude file: {e}"))?;
    }
    write_replacing(&exclude, &text, "git's exclude file")
}

/// Writes a file sync keeps up to date (it holds what was there, plus a
/// line): atomically, and never through a symlink or into a device or FIFO.
fn write_replacing(path: &Path, text: &str, what: &str) -> anyhow::Result<()> {
    Target::check(path, Replace::Always)
        .and_then(|target| target.write(text))
        .map_err(|e| {
            hinted(
                format!("cannot write {what}: {e}"),
                "nothing was shared; fix the file and sync again",
            )
        })
}
