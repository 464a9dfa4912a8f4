//! The view shared with a team, in pseudo-terminals: an undo never takes back a
//! teammate's change, a run log replaced under the view (a `git pull`) is read
//! again, and two views and a script ticking at random end up agreeing with a
//! fresh `status`.

#![cfg(unix)]

mod common;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use common::pty::Pty;
use common::{MINI, Rng, Sandbox, as_str, json_items};

#[test]
fn undo_refuses_to_take_back_what_another_process_changed_since() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    let mut pty = Pty::spawn(&sandbox, &[list], 80, 24);
    pty.wait_for("[ ] First step");
    pty.send("jj ");
    pty.wait_for("[x] First step");
    sandbox.ok(&["skip", list, "first-step", "--reason", "not today", "--by", "bob"]);
    pty.wait_for("[-] First step");
    pty.send("u");
    pty.wait_for("First step was changed by bob at");
    pty.wait_for("not undone");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    let log = std::fs::read_to_string(&sandbox.run_logs()[0]).unwrap();
    assert_eq!(log.lines().count(), 3, "header, my tick, bob's skip; no undo:\n{log}");
    let status: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", "--json", list])).unwrap();
    assert_eq!(json_items(&status)[0]["reason"], "not today", "bob's reason is kept");
}

#[test]
fn a_run_log_replaced_under_the_view_is_read_again() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    let state = sandbox.path("team.jsonl");
    let state = as_str(&state);
    sandbox.ok(&["check", list, "first-step", "--state", state]);
    // What `git checkout` of a teammate's branch brings: another log of the
    // run, longer, in which only the other two steps are ticked.
    let theirs = sandbox.path("theirs.jsonl");
    let theirs = as_str(&theirs);
    sandbox.ok(&[
        "check",
        list,
        "second-step",
        "third-step",
        "--state",
        theirs,
        "--by",
        "bob",
    ]);
    sandbox.ok(&[
        "note",
        list,
        "second-step",
        "done on staging first",
        "--state",
        theirs,
        "--by",
        "bob",
    ]);

    let mut pty = Pty::spawn(&sandbox, &[list, "--state", state], 80, 24);
    pty.wait_for("[x] First step");
    std::fs::rename(theirs, state).unwrap();
    pty.wait_for("[ ] First step");
    pty.wait_for("[x] Third step");
    pty.wait_for("the run log was replaced");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

/// How many random steps the test takes: a count, not a time, so that a seed
/// replays the same keys and commands however busy the machine is.
const STEPS: usize = 600;

/// The seed: `PREFLIGHT_TEST_SEED` replays one a failure printed.
fn seed() -> u64 {
    std::env::var("PREFLIGHT_TEST_SEED").map_or_else(
        |_| u64::from(SystemTime::now().duration_since(UNIX_EPOCH).unwrap().subsec_nanos()) | 1,
        |seed| seed.parse().expect("PREFLIGHT_TEST_SEED is a number"),
    )
}

/// Sends random keys to the views, and now and then has a script tick or
/// untick a random item among `ids`; every scripted command must succeed.
fn tick_at_random(sandbox: &Sandbox, views: &mut [Pty], ids: &[String], seed: u64) {
    let mut rng = Rng(seed);
    let keys = ["j", "j", "k", " ", " ", "x", "]", "G", "g"];
    for _ in 0..STEPS {
        let view = &mut views[usize::try_from(rng.below(views.len() as u64)).unwrap()];
        view.send(keys[usize::try_from(rng.below(keys.len() as u64)).unwrap()]);
        if rng.below(8) == 0 {
            let id = &ids[usize::try_from(rng.below(ids.len() as u64)).unwrap()];
            let verb = if rng.below(2) == 0 { "check" } else { "uncheck" };
            // The exit status as it is, so that a command ended by a signal
            // (with nothing on stderr) says which.
            let ran = sandbox
                .process()
                .args([verb, "production-deployment", id, "--by", "ci"])
                .output()
                .unwrap();
            assert!(
                ran.status.success(),
                "seed {seed}: {verb} {id} ended with {}: {}",
                ran.status,
                String::from_utf8_lossy(&ran.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(rng.below(30)));
        // Both screens are read at every step, so that neither view waits
        // on a full terminal while the other is typed at.
        for view in views.iter_mut() {
            view.pump();
        }
    }
}

/// Whether a screen shows what `status` says: its total done, and the mark
/// of each item of the first page; `Err` names what it does not show.
fn shows_as(status: &serde_json::Value, seed: u64) -> impl Fn(&str) -> Result<(), String> {
    let header = format!("\n{}/132 · ", status["done"].as_u64().unwrap());
    let marks: Vec<String> = json_items(status)
        .iter()
        .take(8)
        .map(|item| {
            let mark = if item["status"] == "done" { "[x]" } else { "[ ]" };
            format!("{mark} {}", item["title"].as_str().unwrap())
        })
        .collect();
    // A row is its mark and title, after whatever marks the cursor, before
    // the gap to the detail pane.
    let row = |screen: &str, mark: &str| {
        screen.lines().any(|line| {
            line.find('[')
                .and_then(|at| line[at..].strip_prefix(mark))
                .is_some_and(|after| after.trim_end().is_empty() || after.starts_with("  "))
        })
    };
    move |screen: &str| {
        let mut missing: Vec<&str> = marks
            .iter()
            .map(String::as_str)
            .filter(|mark| !row(screen, mark))
            .collect();
        if !screen.contains(&header) {
            missing.push(&header);
        }
        if missing.is_empty() {
            Ok(())
        } else {
            Err(format!("seed {seed}: the view to show {missing:?}"))
        }
    }
}

#[test]
fn two_views_and_a_script_ticking_at_random_agree_with_status() {
    let sandbox = Sandbox::new();
    let seed = seed();
    let ids: Vec<String> = {
        let status: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", "--json"])).unwrap();
        json_items(&status)
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let mut views = [
        Pty::spawn_with(&sandbox, &[], 100, 30, &[("PREFLIGHT_USER", "alice")]),
        Pty::spawn_with(&sandbox, &[], 100, 30, &[("PREFLIGHT_USER", "bob")]),
    ];
    for view in &mut views {
        view.wait_for("[ ] Cloud/On-premise environment");
    }
    tick_at_random(&sandbox, &mut views, &ids, seed);
    // The last keys may still be on their way to a log: a tick by one view
    // and an untick by the other, recorded after status read the log, would
    // leave the totals equal and the items different. A view handles its
    // keys in order, so once it shows the help asked for after them, every
    // tick it made is in the log.
    for view in &mut views {
        view.send("?");
        view.wait_for("Esc closes");
        view.send("?");
    }
    let status: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", "--json"])).unwrap();
    // What the other view and the script changed reaches a view when it next
    // reads the log; until then its total may match by chance too (a tick and
    // an untick not read yet), so each view is waited for until it shows the
    // total and the first page's marks. Space on a header folds it: from the
    // top, three `l` (open a folded header, or go to an open one's first row)
    // end on the first item with its phase and section open.
    let agrees = shows_as(&status, seed);
    for view in &mut views {
        view.send("glll");
        view.wait_until(&agrees);
        view.send("q");
        assert_eq!(view.wait_exit(), 0, "seed {seed}");
    }
}

#[test]
fn the_view_shows_changes_dated_far_ahead_and_a_run_that_does_not_exist_yet() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    let state = sandbox.path("run.jsonl");
    sandbox.ok(&["check", list, "first-step", "--state", as_str(&state)]);
    let mut log = std::fs::read_to_string(&state).unwrap();
    log.push_str(r#"{"at":"2099-01-01T00:00:00Z","by":"bob","item":"only/steps/second-step","status":"done"}"#);
    log.push('\n');
    std::fs::write(&state, log).unwrap();
    let mut pty = Pty::spawn(&sandbox, &[list, "--state", as_str(&state)], 120, 24);
    pty.wait_for("dated more than a day ahead of this machine's clock");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);

    let mut pty = Pty::spawn(&sandbox, &[list, "--run", "v2.3.0 relase"], 120, 24);
    pty.wait_for("no run named \"v2.3.0 relase\"");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}
