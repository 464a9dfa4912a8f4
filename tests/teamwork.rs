//! A run shared by a team, from the command line: a mistyped run name is not a
//! new empty run, a renamed item is recognised, events replay in the order of
//! their time whatever the order of their lines, and clocks that disagree are
//! shown, not hidden.

mod common;

use common::{MINI, Sandbox, as_str, json_items};

/// With three runs kept, `command` reading a mistyped run refuses, listing
/// the runs closest first, and creates no run.
fn lists_the_runs_closest_first(command: &str) {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    for run in ["v2.3.0 release", "hotfix", "v2.2.0 release"] {
        sandbox.ok(&["check", list, "first-step", "--run", run]);
    }
    let ran = sandbox.run(&[command, list, "--run", "v2.3.0 relase"]);
    assert_eq!(ran.code, 1, "{command}: {}", ran.stderr);
    assert!(
        ran.stderr
            .contains("no run named \"v2.3.0 relase\"; runs of this checklist: v2.3.0 release, v2.2.0 release, hotfix"),
        "{command}: {}",
        ran.stderr
    );
    assert!(
        ran.stderr.contains("hint: check the name with `preflight runs`"),
        "{}",
        ran.stderr
    );
    assert_eq!(sandbox.run_logs().len(), 3, "reading created no run");
}

preflight_core::cases! { reading_a_mistyped_run_is_an_error_that_lists_the_runs_closest_first, lists_the_runs_closest_first:
    status = ("status"),
    export = ("export"),
    log = ("log"),
}

#[test]
fn the_default_run_and_state_files_need_no_log_yet() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    sandbox.ok(&["status", list]);
    sandbox.ok(&["status", list, "--run", "default"]);
    sandbox.ok(&[
        "export",
        list,
        "--run",
        "anything",
        "--state",
        as_str(&sandbox.path("new.jsonl")),
    ]);
}

#[test]
fn a_command_that_starts_a_run_says_so_once() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    let first = sandbox.run(&["check", list, "first-step", "--run", "r1"]);
    assert_eq!(first.code, 0);
    assert_eq!(first.stderr, "started run \"r1\"\n");
    let second = sandbox.run(&["check", list, "second-step", "--run", "r1"]);
    assert_eq!(second.stderr, "", "only the first change starts it");
    let nothing = sandbox.run(&["check", list, "first-step", "--run", "r2"]);
    assert!(nothing.stderr.contains("started run \"r2\""), "{}", nothing.stderr);
}

#[test]
fn a_renamed_item_is_named_with_the_id_that_keeps_its_history() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    sandbox.ok(&["check", as_str(&list), "second-step"]);
    sandbox.write("mini.yaml", &MINI.replace("Second step", "Second step, revised"));
    let ran = sandbox.run(&["status", as_str(&list)]);
    assert_eq!(ran.code, 0);
    assert!(
        ran.stderr.contains("only/steps/second-step \"Second step\" (done)"),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr.contains(
            "hint: \"Second step\" looks renamed to \"Second step, revised\": add \"id: second-step\" to \"Second step, revised\" to keep its history"
        ),
        "{}",
        ran.stderr
    );
    // Following the hint brings the tick back.
    let fixed = MINI.replace(
        "- Second step",
        "- title: Second step, revised\n            id: second-step",
    );
    sandbox.write("mini.yaml", &fixed);
    let ran = sandbox.run(&["status", "--json", as_str(&list)]);
    assert_eq!(ran.stderr, "");
    let status: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(json_items(&status)[1]["status"], "done");
}

/// The first line of a file.
fn first_line(path: &str) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_owned()
}

/// A run log in `run.jsonl` with the given event lines after its header.
fn log_of(sandbox: &Sandbox, lines: &[&str]) -> (String, String) {
    let list = sandbox.write("mini.yaml", MINI);
    let state = sandbox.path("run.jsonl");
    sandbox.ok(&["note", as_str(&list), "third-step", "x", "--state", as_str(&state)]);
    let header = first_line(as_str(&state));
    let mut text = format!("{header}\n");
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    std::fs::write(&state, text).unwrap();
    (as_str(&list).to_owned(), as_str(&state).to_owned())
}

const LATER_TICK: &str = r#"{"at":"2026-11-29T10:00:02Z","by":"bob","item":"only/steps/first-step","status":"done"}"#;
const EARLIER_UNTICK: &str =
    r#"{"at":"2026-11-29T10:00:01Z","by":"alice","item":"only/steps/first-step","status":"todo"}"#;

#[test]
fn the_same_events_in_either_order_give_the_same_status_and_log() {
    let sandbox = Sandbox::new();
    let (list, state) = log_of(&sandbox, &[LATER_TICK, EARLIER_UNTICK]);
    let one = sandbox.ok(&["status", "--json", &list, "--state", &state]);
    let log_one = sandbox.ok(&["log", &list, "--state", &state]);
    let (list, state) = log_of(&sandbox, &[EARLIER_UNTICK, LATER_TICK]);
    let two = sandbox.ok(&["status", "--json", &list, "--state", &state]);
    let log_two = sandbox.ok(&["log", &list, "--state", &state]);
    assert_eq!(one, two);
    let status: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(json_items(&status)[0]["status"], "done", "bob's later tick wins");
    assert_eq!(log_one, log_two);
    let alice = log_one.find("alice").unwrap();
    let bob = log_one.find("bob").unwrap();
    assert!(alice < bob, "log prints in time order:\n{log_one}");
}

#[test]
fn a_change_is_stamped_after_the_change_it_follows_even_when_that_clock_ran_ahead() {
    let sandbox = Sandbox::new();
    // bob's clock ran an hour ahead when he unticked; alice ticks after seeing it.
    let bobs = preflight::timestamp::Timestamp::from_system(
        std::time::SystemTime::now() + std::time::Duration::from_secs(3600),
    );
    let ahead = format!(r#"{{"at":"{bobs}","by":"bob","item":"only/steps/first-step","status":"todo"}}"#);
    let (list, state) = log_of(&sandbox, &[&ahead]);
    sandbox.ok(&["check", &list, "first-step", "--state", &state]);
    let status: serde_json::Value =
        serde_json::from_str(&sandbox.ok(&["status", "--json", &list, "--state", &state])).unwrap();
    let first = &json_items(&status)[0];
    assert_eq!(
        first["status"], "done",
        "the tick made after the untick counts after it"
    );
    let alices = preflight::timestamp::Timestamp::parse(first["at"].as_str().unwrap()).unwrap();
    assert!(alices > bobs, "stamped after bob's: {alices} > {bobs}");
}

#[test]
fn a_change_dated_more_than_a_day_ahead_is_left_out_and_cannot_outrank_a_later_one() {
    let sandbox = Sandbox::new();
    let ahead = r#"{"at":"2099-01-01T00:00:00Z","by":"bob","item":"only/steps/first-step","status":"todo"}"#;
    let (list, state) = log_of(&sandbox, &[ahead]);
    let ran = sandbox.run(&["check", &list, "first-step", "--state", &state]);
    assert!(
        ran.stderr
            .contains("dated more than a day ahead of this machine's clock and left out of it (the first by bob"),
        "{}",
        ran.stderr
    );
    let status: serde_json::Value =
        serde_json::from_str(&sandbox.ok(&["status", "--json", &list, "--state", &state])).unwrap();
    let first = &json_items(&status)[0];
    assert_eq!(first["status"], "done", "bob's untick from 2099 does not undo it");
    assert!(
        first["at"].as_str().unwrap() < "2099",
        "the tick is stamped now, not after the left-out untick: {}",
        first["at"]
    );
}

#[test]
fn a_second_header_from_a_merge_is_accepted_silently() {
    let sandbox = Sandbox::new();
    let (list, state) = log_of(&sandbox, &[LATER_TICK]);
    let header = first_line(&state);
    let mut text = std::fs::read_to_string(&state).unwrap();
    text.push_str(&header);
    text.push('\n');
    text.push_str(EARLIER_UNTICK);
    text.push('\n');
    std::fs::write(&state, text).unwrap();
    let ran = sandbox.run(&["status", &list, "--state", &state]);
    assert_eq!((ran.code, ran.stderr.as_str()), (0, ""));
    assert!(ran.stdout.contains("1/3 items completed"), "{}", ran.stdout);
}
