//! `sync` against what a hostile or careless teammate can commit: stamps far
//! in the future, another run's header, events that reuse an `id`, folders
//! that are links, planted `.gitattributes`. Each test is a bare remote and
//! clones of it; each names what it protects.

#![cfg(unix)]

mod common;

use std::path::Path;

use common::Sandbox;
use common::team::{clones, git, ok, preflight, preflight_on};

/// Appends `line` to a clone's run log and commits and pushes it with git
/// alone, as a teammate who bypasses preflight would.
fn push_line(clone: &Path, line: &str) {
    let path = clone.join("run.jsonl");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(line);
    text.push('\n');
    std::fs::write(&path, text).unwrap();
    git(clone, &["commit", "--quiet", "-am", "by hand"]);
    git(clone, &["push", "--quiet"]);
}

/// Clones named `names`; in the first, alice ticked the first step and synced.
fn ticked_and_shared(sandbox: &Sandbox, names: &[&str]) -> Vec<std::path::PathBuf> {
    let team = clones(sandbox, names, true);
    ok(sandbox, &team[0], "alice", &["check", "mini.yaml", "first-step"]);
    ok(sandbox, &team[0], "alice", &["sync", "mini.yaml"]);
    team
}

fn status_of(sandbox: &Sandbox, clone: &Path, item: &str) -> String {
    let out = ok(sandbox, clone, "alice", &["status", "mini.yaml", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    common::json_items(&json)
        .into_iter()
        .find(|i| i["id"] == item)
        .map(|i| i["status"].as_str().unwrap().to_owned())
        .unwrap()
}

#[test]
fn a_far_future_stamp_cannot_undo_a_teammates_later_change() {
    let sandbox = Sandbox::new();
    let team = clones(&sandbox, &["a", "m"], true);
    let (a, m) = (&team[0], &team[1]);
    ok(&sandbox, a, "alice", &["check", "mini.yaml", "second-step"]);
    ok(&sandbox, a, "alice", &["sync", "mini.yaml"]);
    ok(&sandbox, m, "zz", &["sync", "mini.yaml"]);
    push_line(
        m,
        r#"{"at":"9999-12-31T23:59:59.999Z","by":"zz","item":"only/steps/first-step","status":"todo"}"#,
    );
    ok(&sandbox, a, "alice", &["check", "mini.yaml", "first-step"]);
    ok(&sandbox, a, "alice", &["sync", "mini.yaml"]);
    assert!(
        common::team::events(a).iter().any(|l| l.contains("9999")),
        "the pin came in"
    );
    assert_eq!(status_of(&sandbox, a, "only/steps/first-step"), "done");
    let (code, out, err) = preflight(&sandbox, a, "zz", &["log", "mini.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("left out of the run: dated 9999-12-31T23:59:59.999Z") && err.contains("by zz"),
        "{err}"
    );
    assert!(
        out.lines().any(|l| l.contains("zz") && l.contains("(left out:")),
        "{out}"
    );
}

#[test]
fn a_header_of_another_run_pushed_by_a_teammate_is_never_shared_on() {
    let sandbox = Sandbox::new();
    let team = ticked_and_shared(&sandbox, &["a", "m", "b"]);
    let (a, m, b) = (&team[0], &team[1], &team[2]);
    ok(&sandbox, m, "m", &["sync", "mini.yaml"]);
    let evil = r#"{"preflight":"run log","version":1,"checklist":"A evil","file":"x.yaml","run":"other","created":"2026-11-29T10:00:00Z"}"#;
    push_line(m, evil);
    ok(&sandbox, a, "alice", &["check", "mini.yaml", "second-step"]);
    let (code, _, err) = preflight(&sandbox, a, "alice", &["sync", "mini.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("left out line 3 of the upstream's copy of run.jsonl, pushed by ") && err.contains("another run"),
        "{err}"
    );
    let (code, _, err) = preflight(&sandbox, b, "bob", &["sync", "mini.yaml"]);
    assert_eq!(code, 0, "{err}");
    for clone in [a, b] {
        let text = std::fs::read_to_string(clone.join("run.jsonl")).unwrap();
        assert!(!text.contains("A evil"), "{text}");
        assert!(
            text.starts_with(r#"{"preflight":"run log","version":1,"checklist":"Mini""#),
            "{text}"
        );
        assert_eq!(status_of(&sandbox, clone, "only/steps/second-step"), "done");
    }
}

#[test]
fn events_that_share_an_id_are_both_kept_and_clones_agree() {
    let sandbox = Sandbox::new();
    let team = ticked_and_shared(&sandbox, &["a", "m"]);
    let (a, m) = (&team[0], &team[1]);
    ok(&sandbox, m, "m", &["sync", "mini.yaml"]);
    let with_id = |status: &str| {
        format!(
            r#"{{"at":"2026-11-29T10:00:00Z","by":"m","id":"e1","item":"only/steps/third-step","status":"{status}"}}"#
        )
    };
    for (clone, status) in [(a, "done"), (m, "skipped")] {
        let path = clone.join("run.jsonl");
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str(&with_id(status));
        text.push('\n');
        std::fs::write(&path, text).unwrap();
    }
    for clone in [a, m, a, m] {
        ok(&sandbox, clone, "alice", &["sync", "mini.yaml"]);
    }
    let (ours, theirs) = (
        std::fs::read_to_string(a.join("run.jsonl")).unwrap(),
        std::fs::read_to_string(m.join("run.jsonl")).unwrap(),
    );
    assert_eq!(ours, theirs, "the clones hold the same log");
    assert!(
        ours.contains(&with_id("done")) && ours.contains(&with_id("skipped")),
        "{ours}"
    );
}

#[test]
fn a_folder_committed_as_a_link_is_refused_and_nothing_is_written_through_it() {
    let sandbox = Sandbox::new();
    let team = clones(&sandbox, &["a", "m"], true);
    let (a, m) = (&team[0], &team[1]);
    let state = "runs/r.jsonl";
    let run = |clone: &Path, args: &[&str]| preflight_on(&sandbox, clone, state, "alice", args);
    assert_eq!(run(a, &["check", "mini.yaml", "first-step"]).0, 0);
    assert_eq!(run(a, &["sync", "mini.yaml"]).0, 0);
    git(m, &["pull", "--quiet"]);
    let outside = sandbox.path("outside");
    std::fs::create_dir(&outside).unwrap();
    git(m, &["rm", "-r", "--quiet", "runs"]);
    std::os::unix::fs::symlink(&outside, m.join("runs")).unwrap();
    git(m, &["add", "runs"]);
    git(m, &["commit", "--quiet", "-m", "runs elsewhere"]);
    git(m, &["push", "--quiet"]);
    // Nothing new here: the sync fast-forwards to the link.
    let (code, _, err) = run(a, &["sync", "mini.yaml"]);
    assert_ne!(code, 0, "{err}");
    assert!(err.contains("runs is a symbolic link inside a git work tree"), "{err}");
    let (code, _, err) = run(a, &["check", "mini.yaml", "third-step"]);
    assert_ne!(code, 0, "{err}");
    assert!(err.contains("hint: a link committed in place of the folder"), "{err}");
    assert_eq!(
        std::fs::read_dir(&outside).unwrap().count(),
        0,
        "nothing written outside the repository"
    );
}

#[test]
fn a_planted_gitattributes_line_is_named_and_nothing_is_merged() {
    let sandbox = Sandbox::new();
    let team = ticked_and_shared(&sandbox, &["a", "m"]);
    let (a, m) = (&team[0], &team[1]);
    git(m, &["pull", "--quiet"]);
    let attributes = m.join(".gitattributes");
    let mut text = std::fs::read_to_string(&attributes).unwrap();
    text.push_str("*.jsonl working-tree-encoding=UTF-16\n");
    std::fs::write(&attributes, &text).unwrap();
    git(m, &["commit", "--quiet", "-m", "encoding", "--", ".gitattributes"]);
    git(m, &["push", "--quiet"]);
    ok(&sandbox, a, "alice", &["check", "mini.yaml", "second-step"]);
    let (code, _, err) = preflight(&sandbox, a, "alice", &["sync", "mini.yaml"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("git applies `working-tree-encoding: UTF-16` to run.jsonl (the upstream's git attributes)")
            && err.contains(".gitattributes line 2: `*.jsonl working-tree-encoding=UTF-16`"),
        "{err}"
    );
    assert!(!git(a, &["log", "--format=%s"]).contains("encoding"), "nothing merged");
    assert!(
        git(a, &["diff", "--cached", "--name-only"]).is_empty(),
        "nothing staged"
    );
    // In the work tree, it is named the same way.
    std::fs::write(a.join(".gitattributes"), &text).unwrap();
    let (code, _, err) = preflight(&sandbox, a, "alice", &["sync", "mini.yaml"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("git applies `working-tree-encoding: UTF-16` to run.jsonl (git attributes)")
            && err.contains(".gitattributes line 2"),
        "{err}"
    );
}

#[test]
fn came_in_counts_only_the_events_that_read() {
    let sandbox = Sandbox::new();
    let team = ticked_and_shared(&sandbox, &["a", "m"]);
    let (a, m) = (&team[0], &team[1]);
    ok(&sandbox, m, "m", &["check", "mini.yaml", "second-step"]);
    let path = m.join("run.jsonl");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(
        b"{\"at\":\"2026-11-29T10:00:02Z\",\"by\":\"m\xff\xfe\",\"item\":\"only/steps/third-step\",\"status\":\"done\"}\n",
    );
    std::fs::write(&path, bytes).unwrap();
    ok(&sandbox, m, "m", &["sync", "mini.yaml"]);
    let out = ok(&sandbox, a, "alice", &["sync", "mini.yaml"]);
    assert!(out.contains("1 change by m came in\n"), "{out}");
}

#[test]
fn the_log_stays_private_after_git_writes_it_in_a_sync() {
    use std::os::unix::fs::PermissionsExt as _;
    let sandbox = Sandbox::new();
    let team = ticked_and_shared(&sandbox, &["a", "b"]);
    let (a, b) = (&team[0], &team[1]);
    let log = b.join("run.jsonl");
    let mode = || std::fs::metadata(&log).unwrap().permissions().mode() & 0o777;
    ok(&sandbox, b, "bob", &["sync", "mini.yaml"]);
    assert_eq!(mode(), 0o600, "private once the fast-forward brought it");
    ok(&sandbox, a, "alice", &["check", "mini.yaml", "second-step"]);
    ok(&sandbox, a, "alice", &["sync", "mini.yaml"]);
    std::fs::write(
        a.join("mini.yaml"),
        common::MINI.replace("First step", "First step (a)"),
    )
    .unwrap();
    git(a, &["commit", "--quiet", "-am", "a"]);
    git(a, &["push", "--quiet"]);
    std::fs::write(
        b.join("mini.yaml"),
        common::MINI.replace("First step", "First step (b)"),
    )
    .unwrap();
    git(b, &["commit", "--quiet", "-am", "b"]);
    ok(&sandbox, b, "bob", &["check", "mini.yaml", "third-step"]);
    let (code, _, err) = preflight(&sandbox, b, "bob", &["sync", "mini.yaml"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("the merge was undone"), "{err}");
    assert_eq!(mode(), 0o600, "still private after the merge was undone");
}
