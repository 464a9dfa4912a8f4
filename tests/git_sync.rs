//! Runs shared through git, against real repositories: a bare remote and two
//! clones. Copies of a run merged in either direction replay to the same
//! state, and `preflight sync` carries each side's ticks to the other. git is
//! required: every test fails where it is not installed.

#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};

use common::team::{clones, git, ok, preflight};
use common::{MINI, Sandbox, as_str};

/// A bare remote holding the checklist and `.gitattributes`, and two clones.
fn team(sandbox: &Sandbox, union: bool) -> (PathBuf, PathBuf) {
    let clones = clones(sandbox, &["a", "b"], union);
    (clones[0].clone(), clones[1].clone())
}

#[test]
fn conflicting_changes_a_second_apart_merge_to_the_same_state_in_both_directions() {
    let sandbox = Sandbox::new();
    let (a, b) = team(&sandbox, true);
    ok(&sandbox, &a, "alice", &["check", "mini.yaml", "first-step"]);
    git(&a, &["add", "run.jsonl"]);
    git(&a, &["commit", "--quiet", "-m", "run"]);
    git(&a, &["push", "--quiet"]);
    git(&b, &["pull", "--quiet"]);
    // alice unticks at :01 on her branch, bob ticks again at :02 on his: by
    // time, bob's tick is the later change.
    let header_and = |clone: &Path, line: &str| {
        let mut text = std::fs::read_to_string(clone.join("run.jsonl")).unwrap();
        text.push_str(line);
        text.push('\n');
        std::fs::write(clone.join("run.jsonl"), text).unwrap();
    };
    header_and(
        &a,
        r#"{"at":"2030-01-01T10:00:01Z","by":"alice","item":"only/steps/first-step","status":"todo"}"#,
    );
    header_and(
        &b,
        r#"{"at":"2030-01-01T10:00:02Z","by":"bob","item":"only/steps/first-step","status":"done"}"#,
    );
    for (clone, branch) in [(&a, "alice"), (&b, "bob")] {
        git(clone, &["commit", "--quiet", "-am", branch]);
        git(clone, &["push", "--quiet", "origin", &format!("HEAD:{branch}")]);
    }
    git(&a, &["fetch", "--quiet"]);
    git(&b, &["fetch", "--quiet"]);
    git(&a, &["merge", "--quiet", "--no-edit", "origin/bob"]);
    git(&b, &["merge", "--quiet", "--no-edit", "origin/alice"]);
    let log_a = std::fs::read_to_string(a.join("run.jsonl")).unwrap();
    let log_b = std::fs::read_to_string(b.join("run.jsonl")).unwrap();
    assert_ne!(log_a, log_b, "the merges put the lines in different orders");
    let status_a = ok(&sandbox, &a, "alice", &["status", "--json", "mini.yaml"]);
    let status_b = ok(&sandbox, &b, "bob", &["status", "--json", "mini.yaml"]);
    assert_eq!(status_a, status_b);
    let status: serde_json::Value = serde_json::from_str(&status_a).unwrap();
    assert_eq!(
        common::json_items(&status)[0]["status"],
        "done",
        "bob's later tick wins on both sides"
    );
}

#[test]
fn sync_carries_each_side_s_ticks_to_the_other() {
    let sandbox = Sandbox::new();
    let (a, b) = team(&sandbox, false);
    ok(&sandbox, &a, "alice", &["check", "mini.yaml", "first-step"]);
    let (code, out, err) = preflight(&sandbox, &a, "alice", &["sync", "mini.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("added `*.jsonl merge=union` to .gitattributes"), "{err}");
    assert!(out.contains("committed \"preflight: default 1/3\""), "{out}");
    assert!(out.contains("nothing came in"), "{out}");
    assert!(git(&a, &["log", "--oneline"]).contains("preflight: default 1/3"));

    ok(
        &sandbox,
        &b,
        "bob",
        &["check", "mini.yaml", "second-step", "third-step"],
    );
    let out = ok(&sandbox, &b, "bob", &["sync", "mini.yaml"]);
    assert!(out.contains("1 change by alice came in"), "{out}");
    assert!(out.contains("run \"default\": 3/3 items completed"), "{out}");

    let out = ok(&sandbox, &a, "alice", &["sync", "mini.yaml"]);
    assert!(out.contains("2 changes by bob came in"), "{out}");
    assert!(!out.contains("committed"), "alice recorded nothing new: {out}");
    assert_eq!(
        git(&a, &["rev-parse", "HEAD"]),
        git(&b, &["rev-parse", "HEAD"]),
        "no commit of hers: a fast-forward to bob's"
    );
    let status_a = ok(&sandbox, &a, "alice", &["status", "--json", "mini.yaml"]);
    let status_b = ok(&sandbox, &b, "bob", &["status", "--json", "mini.yaml"]);
    assert_eq!(status_a, status_b, "both sides hold every tick");
    let out = ok(&sandbox, &a, "alice", &["sync", "mini.yaml"]);
    assert!(out.contains("nothing came in") && !out.contains("committed"), "{out}");
}

#[test]
fn sync_refuses_what_it_cannot_do_and_changes_nothing() {
    let sandbox = Sandbox::new();
    let (a, _) = team(&sandbox, true);
    ok(&sandbox, &a, "alice", &["check", "mini.yaml", "first-step"]);

    let head = git(&a, &["rev-parse", "HEAD"]);
    git(&a, &["switch", "--quiet", "--detach"]);
    let (code, _, err) = preflight(&sandbox, &a, "alice", &["sync", "mini.yaml"]);
    assert_eq!(code, 1);
    assert!(err.contains("detached HEAD; nothing was changed"), "{err}");
    git(&a, &["switch", "--quiet", "main"]);
    assert_eq!(git(&a, &["rev-parse", "HEAD"]), head, "nothing was committed");

    let lonely = sandbox.path("lonely");
    git(sandbox.dir.path(), &["init", "--quiet", "-b", "main", as_str(&lonely)]);
    std::fs::write(lonely.join("mini.yaml"), MINI).unwrap();
    let (code, _, err) = preflight(&sandbox, &lonely, "alice", &["sync", "mini.yaml"]);
    assert_eq!(code, 1);
    assert!(err.contains("has no remote; nothing was changed"), "{err}");

    let outside = sandbox.path("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("mini.yaml"), MINI).unwrap();
    let (code, _, err) = preflight(&sandbox, &outside, "alice", &["sync", "mini.yaml"]);
    assert_eq!(code, 1);
    assert!(err.contains("is not in a git work tree"), "{err}");

    let usage = sandbox
        .command()
        .current_dir(&a)
        .args(["sync", "mini.yaml"])
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2), "sync needs --state");
}

#[test]
fn a_pull_that_cannot_be_merged_is_undone() {
    let sandbox = Sandbox::new();
    let (a, b) = team(&sandbox, true);
    // Both sides change the checklist itself in the same line: a real conflict.
    std::fs::write(a.join("mini.yaml"), MINI.replace("First step", "First step (a)")).unwrap();
    git(&a, &["commit", "--quiet", "-am", "a"]);
    git(&a, &["push", "--quiet"]);
    std::fs::write(b.join("mini.yaml"), MINI.replace("First step", "First step (b)")).unwrap();
    git(&b, &["commit", "--quiet", "-am", "b"]);
    ok(&sandbox, &b, "bob", &["check", "mini.yaml", "second-step"]);
    let (code, _, err) = preflight(&sandbox, &b, "bob", &["sync", "mini.yaml"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("the merge was undone and the work tree left as it was")
            && err.contains("CONFLICT (content): Merge conflict in mini.yaml"),
        "{err}"
    );
    let status = git(&b, &["status", "--porcelain"]);
    assert!(status.is_empty(), "no merge left half done: {status}");
    assert!(
        std::fs::read_to_string(b.join("mini.yaml"))
            .unwrap()
            .contains("First step (b)")
    );
}
