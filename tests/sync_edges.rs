//! `sync` at its edges, against a bare remote and clones of it: a log that
//! was deleted, shortened or linked elsewhere, git in the middle of a merge, a
//! new clone without the log, git failing. Nothing anyone recorded is lost,
//! and a failed sync leaves nothing staged or untracked.

#![cfg(unix)]

mod common;

use std::path::Path;

use common::team::{clones, events, git, ok, preflight, preflight_on};
use common::{MINI, Sandbox};

fn synced_with_two_ticks(sandbox: &Sandbox) -> Vec<std::path::PathBuf> {
    let team = clones(sandbox, &["a", "b"], true);
    ok(sandbox, &team[0], "alice", &["check", "mini.yaml", "first-step"]);
    ok(sandbox, &team[0], "alice", &["check", "mini.yaml", "second-step"]);
    ok(sandbox, &team[0], "alice", &["sync", "mini.yaml"]);
    team
}

/// `a` pushes a change to the checklist that `b` changed on the same line:
/// `b`'s next merge stops on a conflict.
fn conflicting_checklists(a: &Path, b: &Path) {
    std::fs::write(a.join("mini.yaml"), MINI.replace("First step", "First step (a)")).unwrap();
    git(a, &["commit", "--quiet", "-am", "a"]);
    git(a, &["push", "--quiet"]);
    std::fs::write(b.join("mini.yaml"), MINI.replace("First step", "First step (b)")).unwrap();
    git(b, &["commit", "--quiet", "-am", "b"]);
}

#[test]
fn a_deleted_log_is_restored_from_git_and_not_deleted_for_everyone() {
    let sandbox = Sandbox::new();
    let team = synced_with_two_ticks(&sandbox);
    let (a, b) = (&team[0], &team[1]);
    std::fs::remove_file(a.join("run.jsonl")).unwrap();
    let (code, _, err) = preflight(&sandbox, a, "alice", &["sync", "mini.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("run.jsonl was deleted here; restored from git"), "{err}");
    assert_eq!(events(a).len(), 2);
    let out = ok(&sandbox, b, "bob", &["sync", "mini.yaml"]);
    assert!(out.contains("2 changes by alice came in"), "{out}");
    assert_eq!(events(b).len(), 2);
}

#[test]
fn a_truncated_log_is_refused_with_a_hint_and_nothing_is_shared() {
    let sandbox = Sandbox::new();
    let team = synced_with_two_ticks(&sandbox);
    let a = &team[0];
    let shared = git(a, &["rev-parse", "origin/main"]);
    let text = std::fs::read_to_string(a.join("run.jsonl")).unwrap();
    let shorter: Vec<&str> = text.lines().filter(|l| !l.contains("second-step")).collect();
    std::fs::write(a.join("run.jsonl"), shorter.join("\n") + "\n").unwrap();
    ok(&sandbox, a, "alice", &["check", "mini.yaml", "third-step"]);
    let (code, _, err) = preflight(&sandbox, a, "alice", &["sync", "mini.yaml"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("run.jsonl lost 1 event since the last sync; nothing was committed or shared")
            && err.contains("git checkout -- run.jsonl"),
        "{err}"
    );
    git(a, &["fetch", "--quiet"]);
    assert_eq!(git(a, &["rev-parse", "origin/main"]), shared, "nothing was pushed");
    assert!(
        git(a, &["diff", "--cached", "--name-only"]).is_empty(),
        "nothing staged"
    );
}

#[test]
fn a_merge_in_progress_is_refused_naming_it_and_nothing_is_staged() {
    let sandbox = Sandbox::new();
    let team = clones(&sandbox, &["a", "b"], true);
    let (a, b) = (&team[0], &team[1]);
    conflicting_checklists(a, b);
    git(b, &["fetch", "--quiet"]);
    let merge = common::team::isolated(std::process::Command::new("git"))
        .arg("-C")
        .arg(b)
        .args(["merge", "origin/main"])
        .output()
        .unwrap();
    assert!(!merge.status.success(), "the merge stops on its conflict");
    // The view of the conflicted checklist is not needed: record against the
    // committed one.
    std::fs::write(b.join("ours.yaml"), MINI).unwrap();
    ok(&sandbox, b, "bob", &["check", "ours.yaml", "second-step"]);
    let (code, _, err) = preflight(&sandbox, b, "bob", &["sync", "ours.yaml"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("is in the middle of a merge; nothing was changed"),
        "{err}"
    );
    assert!(err.contains("git merge --continue (or --abort)"), "{err}");
    let staged = git(b, &["diff", "--cached", "--name-only"]);
    assert!(!staged.contains("run.jsonl"), "the log was not staged: {staged}");
    git(b, &["merge", "--abort"]);
    assert_eq!(events(b).len(), 1, "bob's tick survives the abort");
}

#[test]
fn the_first_sync_of_a_clone_without_the_log_or_its_folder_brings_them() {
    let sandbox = Sandbox::new();
    let team = clones(&sandbox, &["a", "b", "c"], false);
    let (a, b, c) = (&team[0], &team[1], &team[2]);
    let state = "runs/release.jsonl";
    // Nobody has recorded anything yet: a sync has nothing to share, and fails not.
    let (code, out, err) = preflight_on(&sandbox, c, state, "carol", &["sync", "mini.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("nothing came in"), "{out}");
    let (code, _, err) = preflight_on(&sandbox, a, state, "alice", &["check", "mini.yaml", "first-step"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = preflight_on(&sandbox, a, state, "alice", &["sync", "mini.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert!(!b.join("runs").exists());
    let (code, out, err) = preflight_on(&sandbox, b, state, "bob", &["sync", "mini.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 change by alice came in"), "{out}");
    assert!(b.join(state).is_file());
    assert_eq!(
        git(b, &["status", "--porcelain"]),
        "",
        "nothing left untracked or staged"
    );
    let (code, out, err) = preflight_on(&sandbox, c, state, "carol", &["sync", "mini.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 change by alice came in"), "{out}");
    assert_eq!(git(c, &["status", "--porcelain"]), "");
}

#[test]
fn a_failed_sync_leaves_nothing_staged_or_untracked() {
    let sandbox = Sandbox::new();
    let team = clones(&sandbox, &["a", "b"], false);
    let (a, b) = (&team[0], &team[1]);
    conflicting_checklists(a, b);
    ok(&sandbox, b, "bob", &["check", "mini.yaml", "second-step"]);
    let (code, _, err) = preflight(&sandbox, b, "bob", &["sync", "mini.yaml"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        git(b, &["status", "--porcelain"]),
        "",
        "no .gitattributes, nothing staged"
    );
    assert!(!b.join(".gitattributes").exists());
    assert_eq!(events(b).len(), 1);
}

#[test]
fn git_s_own_words_are_shown_when_the_remote_is_gone() {
    let sandbox = Sandbox::new();
    let team = clones(&sandbox, &["a"], true);
    ok(&sandbox, &team[0], "alice", &["check", "mini.yaml", "first-step"]);
    std::fs::remove_dir_all(sandbox.path("remote.git")).unwrap();
    let (code, _, err) = preflight(&sandbox, &team[0], "alice", &["sync", "mini.yaml"]);
    assert_eq!(code, 1, "{err}");
    let first = err.lines().next().unwrap_or_default();
    assert!(first.starts_with("error: git fetch --quiet: "), "{err}");
    assert!(
        first.len() > "error: git fetch --quiet: ".len() + 5,
        "a reason is given: {err}"
    );
    assert!(err.contains("hint: the remote could not be reached"), "{err}");
}

/// alice commits the run log as a link to a file outside the repository;
/// bob pulls it, and `args` is refused, writing nothing through it.
fn refused_through_a_link(args: &[&str]) {
    let sandbox = Sandbox::new();
    let team = clones(&sandbox, &["a", "b"], true);
    let (a, b) = (&team[0], &team[1]);
    std::os::unix::fs::symlink("../outside.jsonl", a.join("run.jsonl")).unwrap();
    git(a, &["add", "run.jsonl"]);
    git(a, &["commit", "--quiet", "-m", "a link"]);
    git(a, &["push", "--quiet"]);
    git(b, &["pull", "--quiet"]);
    let (code, _, err) = preflight(&sandbox, b, "bob", args);
    assert_eq!(code, 1, "{args:?}: {err}");
    assert!(err.contains("run.jsonl: is a symbolic link"), "{args:?}: {err}");
    assert!(
        !sandbox.path("outside.jsonl").exists(),
        "nothing outside the repository"
    );
}

preflight_core::cases! {
    a_run_log_committed_as_a_symlink_is_refused_and_nothing_is_written_through_it,
    refused_through_a_link:
    by_check = (&["check", "mini.yaml", "first-step"]),
    by_status = (&["status", "mini.yaml"]),
    by_sync = (&["sync", "mini.yaml"]),
}

#[test]
fn a_run_log_ignored_by_git_is_refused_with_a_hint_to_unignore_it() {
    let sandbox = Sandbox::new();
    let team = clones(&sandbox, &["a"], true);
    let a = &team[0];
    std::fs::write(a.join(".gitignore"), "run.jsonl\n").unwrap();
    git(a, &["add", ".gitignore"]);
    git(a, &["commit", "--quiet", "-m", "ignore"]);
    ok(&sandbox, a, "alice", &["check", "mini.yaml", "first-step"]);
    let (code, _, err) = preflight(&sandbox, a, "alice", &["sync", "mini.yaml"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("git add -- run.jsonl: "), "git's words: {err}");
    assert!(err.contains("hint: run.jsonl is ignored by git"), "{err}");
    assert!(git(a, &["diff", "--cached", "--name-only"]).is_empty());
}

#[test]
fn a_commit_refused_by_a_hook_shows_the_hooks_words_and_leaves_nothing_staged() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    let team = clones(&sandbox, &["a"], true);
    let a = &team[0];
    git(a, &["config", "user.email", "alice@example.com"]);
    let hook = a.join(".git/hooks/pre-commit");
    std::fs::write(&hook, "#!/bin/sh\necho 'no commits on Fridays' >&2\nexit 1\n").unwrap();
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    ok(&sandbox, a, "alice", &["check", "mini.yaml", "first-step"]);
    let (code, _, err) = preflight(&sandbox, a, "alice", &["sync", "mini.yaml"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("no commits on Fridays"), "{err}");
    assert!(err.contains("git refused the commit (a hook?)"), "{err}");
    assert!(
        git(a, &["diff", "--cached", "--name-only"]).is_empty(),
        "nothing staged"
    );
    assert_eq!(events(a).len(), 1, "the tick stays recorded");
}

#[test]
fn a_bisect_under_way_is_refused_by_name() {
    let sandbox = Sandbox::new();
    let team = clones(&sandbox, &["a"], true);
    let a = &team[0];
    ok(&sandbox, a, "alice", &["check", "mini.yaml", "first-step"]);
    git(a, &["bisect", "start"]);
    let (code, _, err) = preflight(&sandbox, a, "alice", &["sync", "mini.yaml"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("in the middle of a bisect; nothing was changed"), "{err}");
    assert!(err.contains("git bisect reset"), "{err}");
}

/// What a teammate tidying up by hand does: the log deleted in git, pushed.
fn push_the_logs_deletion(clone: &Path) {
    git(clone, &["rm", "--quiet", "run.jsonl"]);
    git(clone, &["commit", "--quiet", "-m", "tidy up"]);
    git(clone, &["push", "--quiet"]);
}

#[test]
fn a_deletion_pushed_by_hand_is_undone_by_the_next_sync_of_a_clone_with_the_log() {
    let sandbox = Sandbox::new();
    let team = synced_with_two_ticks(&sandbox);
    let (a, b) = (&team[0], &team[1]);
    ok(&sandbox, b, "bob", &["sync", "mini.yaml"]);
    ok(&sandbox, b, "bob", &["check", "mini.yaml", "third-step"]);
    push_the_logs_deletion(a);
    // bob, with an unsynced tick, meets the deletion: a modify/delete conflict.
    let (code, out, err) = preflight(&sandbox, b, "bob", &["sync", "mini.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("3/3 items completed"), "{out}");
    assert_eq!(events(b).len(), 3);
    assert_eq!(git(b, &["status", "--porcelain"]), "");
    let out = ok(&sandbox, a, "alice", &["sync", "mini.yaml"]);
    assert!(out.contains("3/3 items completed"), "{out}");
    assert_eq!(events(a).len(), 3, "the log is back for everyone");
}

#[test]
fn a_deletion_pushed_by_hand_is_undone_even_by_a_clone_with_nothing_new() {
    let sandbox = Sandbox::new();
    let team = synced_with_two_ticks(&sandbox);
    let (a, b) = (&team[0], &team[1]);
    ok(&sandbox, b, "bob", &["sync", "mini.yaml"]);
    push_the_logs_deletion(a);
    let (code, _, err) = preflight(&sandbox, b, "bob", &["sync", "mini.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(events(b).len(), 2, "git's merge deleted it; sync put it back");
    ok(&sandbox, a, "alice", &["sync", "mini.yaml"]);
    assert_eq!(events(a).len(), 2, "the log is back for everyone");
}
