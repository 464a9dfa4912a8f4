//! The view across what `sync` and a pull do to the run log under it: it ends
//! on exactly what `status` says, replayed in time order, and does not call
//! the user's own changes news from others.

#![cfg(unix)]

mod common;

use common::pty::Pty;
use common::team::{clones, ok};
use common::{MINI, Sandbox, as_str};

#[test]
fn a_log_that_vanished_and_came_back_is_replayed_in_time_order_not_as_news() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    let state = sandbox.path("run.jsonl");
    let state_arg = as_str(&state);
    sandbox.ok(&["check", list, "third-step", "--state", state_arg]);
    let header = std::fs::read_to_string(&state)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_owned();
    let mut pty = Pty::spawn(&sandbox, &[list, "--state", state_arg], 80, 24);
    pty.wait_for("[x] Third step");
    std::fs::remove_file(&state).unwrap();
    pty.wait_for("[ ] Third step");
    // It comes back with the lines of the first step out of time order: the
    // later tick, then the earlier untick.
    let back = [
        header,
        r#"{"at":"2026-11-29T10:00:05Z","by":"tester","item":"only/steps/first-step","status":"done"}"#.to_owned(),
        r#"{"at":"2026-11-29T10:00:01Z","by":"tester","item":"only/steps/first-step","status":"todo"}"#.to_owned(),
        r#"{"at":"2026-11-29T10:00:02Z","by":"tester","item":"only/steps/third-step","status":"done"}"#.to_owned(),
    ];
    std::fs::write(&state, back.join("\n") + "\n").unwrap();
    let screen = pty.wait_for("[x] First step");
    assert!(screen.contains("the run log was replaced; read it again"), "{screen}");
    assert!(screen.contains("[x] Third step") && screen.contains("2/3"), "{screen}");
    assert!(!screen.contains("by others"), "{screen}");
    let status = sandbox.ok(&["status", list, "--state", state_arg]);
    assert!(status.contains("2/3 items completed"), "{status}");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn the_view_across_a_sync_shows_what_status_shows() {
    let sandbox = Sandbox::new();
    let team = clones(&sandbox, &["a", "b"], true);
    let (a, b) = (&team[0], &team[1]);
    ok(&sandbox, a, "tester", &["check", "mini.yaml", "first-step"]);
    ok(&sandbox, a, "tester", &["sync", "mini.yaml"]);
    ok(&sandbox, b, "bob", &["sync", "mini.yaml"]);
    ok(
        &sandbox,
        b,
        "bob",
        &["skip", "mini.yaml", "second-step", "--reason", "not here"],
    );
    ok(&sandbox, b, "bob", &["sync", "mini.yaml"]);
    let list = a.join("mini.yaml");
    let state = a.join("run.jsonl");
    let mut pty = Pty::spawn(&sandbox, &[as_str(&list), "--state", as_str(&state)], 80, 24);
    pty.wait_for("[x] First step");
    pty.send("jjjj ");
    pty.wait_for("[x] Third step");
    let out = ok(&sandbox, a, "tester", &["sync", "mini.yaml"]);
    assert!(out.contains("1 change by bob came in"), "{out}");
    let screen = pty.wait_for("[-] Second step");
    assert!(
        screen.contains("[x] First step") && screen.contains("[x] Third step"),
        "{screen}"
    );
    let status = ok(&sandbox, a, "tester", &["status", "mini.yaml"]);
    assert!(status.contains("2/2 items completed"), "{status}");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}
