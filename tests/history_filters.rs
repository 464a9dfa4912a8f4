//! Telling what happened: `log --since` and `log --by`, `runs --state`, and
//! `sync` saying whose changes came in.

mod common;

use common::{MINI, Sandbox, as_str};

/// A run kept in `run.jsonl`: alice ticked at 10:00, bob at 11:00, carol
/// noted at 12:00.
fn history(sandbox: &Sandbox) -> (String, String) {
    let list = sandbox.write("mini.yaml", MINI);
    let state = sandbox.path("run.jsonl");
    sandbox.ok(&["check", as_str(&list), "first-step", "--state", as_str(&state)]);
    let mut text = std::fs::read_to_string(&state).unwrap();
    let header = text.lines().next().unwrap().to_owned();
    text = header + "\n";
    for line in [
        r#"{"at":"2026-11-29T10:00:00Z","by":"alice","item":"only/steps/first-step","status":"done"}"#,
        r#"{"at":"2026-11-29T11:00:00Z","by":"bob","item":"only/steps/second-step","status":"done"}"#,
        r#"{"at":"2026-11-29T12:00:00Z","by":"carol","item":"only/steps/third-step","note":"careful"}"#,
    ] {
        text.push_str(line);
        text.push('\n');
    }
    std::fs::write(&state, text).unwrap();
    (as_str(&list).to_owned(), as_str(&state).to_owned())
}

#[test]
fn log_by_name_shows_only_the_changes_that_operator_made() {
    let sandbox = Sandbox::new();
    let (list, state) = history(&sandbox);
    let out = sandbox.ok(&["log", &list, "--state", &state, "--by", "bob"]);
    assert!(out.contains("bob") && out.contains("second-step"), "{out}");
    assert!(!out.contains("alice") && !out.contains("carol"), "{out}");
}

#[test]
fn log_since_a_time_or_a_day_shows_what_came_at_or_after_it() {
    let sandbox = Sandbox::new();
    let (list, state) = history(&sandbox);
    let out = sandbox.ok(&["log", &list, "--state", &state, "--since", "2026-11-29T11:00:00Z"]);
    assert!(
        out.contains("bob") && out.contains("carol") && !out.contains("alice"),
        "{out}"
    );
    let out = sandbox.ok(&["log", &list, "--state", &state, "--since", "2026-11-30"]);
    assert!(!out.contains("bob") && !out.contains("carol"), "{out}");
    let out = sandbox.ok(&["log", &list, "--state", &state, "--since", "2h"]);
    assert!(!out.contains("alice"), "those changes are long ago: {out}");
}

#[test]
fn log_since_something_that_is_no_time_is_refused_with_a_hint() {
    let sandbox = Sandbox::new();
    let (list, state) = history(&sandbox);
    let ran = sandbox.run(&["log", &list, "--state", &state, "--since", "yesterdayish"]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr.contains("--since yesterdayish: not a time"),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr.contains("hint: give a time (2026-11-29T10:00:00Z)"),
        "{}",
        ran.stderr
    );
}

#[test]
fn runs_with_state_lists_the_run_kept_in_that_file() {
    let sandbox = Sandbox::new();
    let (list, state) = history(&sandbox);
    let out = sandbox.ok(&["runs", &list, "--state", &state]);
    assert!(out.contains("default") && out.contains("2/3"), "{out}");
    assert!(out.contains("2026-11-29 12:00:00 UTC by carol"), "{out}");
    let out = sandbox.ok(&["runs", &list, "--state", as_str(&sandbox.path("none.jsonl"))]);
    assert!(out.contains("No runs"), "{out}");
}

#[cfg(unix)]
#[test]
fn sync_says_how_many_changes_came_in_from_whom() {
    use common::team::{clones, ok};
    let sandbox = Sandbox::new();
    let team = clones(&sandbox, &["a", "b", "c"], true);
    ok(
        &sandbox,
        &team[1],
        "bob",
        &["check", "mini.yaml", "first-step", "second-step"],
    );
    ok(
        &sandbox,
        &team[1],
        "bob",
        &["note", "mini.yaml", "first-step", "done twice"],
    );
    ok(&sandbox, &team[1], "bob", &["sync", "mini.yaml"]);
    ok(&sandbox, &team[2], "carol", &["check", "mini.yaml", "third-step"]);
    ok(&sandbox, &team[2], "carol", &["sync", "mini.yaml"]);
    let out = ok(&sandbox, &team[0], "alice", &["sync", "mini.yaml"]);
    assert!(out.contains("3 changes by bob, 1 by carol came in"), "{out}");
}
