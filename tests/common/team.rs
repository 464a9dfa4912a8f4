//! A team sharing runs through git: a bare remote and clones of it, git
//! isolated from the machine's configuration, and preflight run in a clone on
//! its run log `run.jsonl`. git is required: a test using this fails where it
//! is missing.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{MINI, Sandbox, as_str};

/// git, isolated from the machine's and the user's configuration; panics
/// with what git said when it fails.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let output = isolated(Command::new("git"))
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("git is required by these tests: install it");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn isolated(mut command: Command) -> Command {
    command
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Tester")
        .env("GIT_AUTHOR_EMAIL", "tester@example.com")
        .env("GIT_COMMITTER_NAME", "Tester")
        .env("GIT_COMMITTER_EMAIL", "tester@example.com")
        .env("GIT_TERMINAL_PROMPT", "0");
    command
}

/// A bare remote holding the checklist (and `.gitattributes` with the union
/// merge when `union`), and a clone of it per name.
pub fn clones(sandbox: &Sandbox, names: &[&str], union: bool) -> Vec<PathBuf> {
    let remote = sandbox.path("remote.git");
    git(
        sandbox.dir.path(),
        &["init", "--quiet", "--bare", "-b", "main", as_str(&remote)],
    );
    let seed = sandbox.path("seed");
    git(
        sandbox.dir.path(),
        &["clone", "--quiet", as_str(&remote), as_str(&seed)],
    );
    git(&seed, &["switch", "--quiet", "-c", "main"]);
    std::fs::write(seed.join("mini.yaml"), MINI).unwrap();
    if union {
        std::fs::write(seed.join(".gitattributes"), "*.jsonl merge=union\n").unwrap();
    }
    git(&seed, &["add", "."]);
    git(&seed, &["commit", "--quiet", "-m", "checklist"]);
    git(&seed, &["push", "--quiet", "-u", "origin", "main"]);
    names
        .iter()
        .map(|name| {
            let clone = sandbox.path(name);
            git(
                sandbox.dir.path(),
                &["clone", "--quiet", as_str(&remote), as_str(&clone)],
            );
            clone
        })
        .collect()
}

/// preflight in a clone, as `by`, on the run log `run.jsonl` there.
pub fn preflight(sandbox: &Sandbox, clone: &Path, by: &str, args: &[&str]) -> (i32, String, String) {
    preflight_on(sandbox, clone, "run.jsonl", by, args)
}

/// preflight in a clone, as `by`, on the run log `state` there.
pub fn preflight_on(sandbox: &Sandbox, clone: &Path, state: &str, by: &str, args: &[&str]) -> (i32, String, String) {
    let mut command = isolated(sandbox.process());
    command
        .current_dir(clone)
        .args(args)
        .args(["--state", state, "--by", by]);
    let output = command.output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// preflight that must succeed; its stdout.
pub fn ok(sandbox: &Sandbox, clone: &Path, by: &str, args: &[&str]) -> String {
    let (code, stdout, stderr) = preflight(sandbox, clone, by, args);
    assert_eq!(code, 0, "{args:?} in {}: {stderr}", clone.display());
    stdout
}

/// The event lines of a clone's run log.
pub fn events(clone: &Path) -> Vec<String> {
    std::fs::read_to_string(clone.join("run.jsonl"))
        .unwrap_or_default()
        .lines()
        .filter(|line| line.starts_with("{\"at\""))
        .map(str::to_owned)
        .collect()
}
