//! Who did it: every change records the account that wrote it beside the
//! name it was recorded under, and `log`, `report`, `export` and `status
//! --json` show both where they differ.

mod common;

use common::{MINI, Sandbox, as_str};
use serde_json::Value;

/// A run kept in `run.jsonl` whose first step alice's account ticked as bob,
/// and whose second step carol ticked before logins were kept.
fn signed_history(sandbox: &Sandbox) -> (String, String) {
    let list = sandbox.write("mini.yaml", MINI);
    let state = sandbox.path("run.jsonl");
    sandbox.ok(&["check", as_str(&list), "third-step", "--state", as_str(&state)]);
    common::rewrite_events(
        &state,
        &[
            r#"{"at":"2026-11-29T10:00:00Z","by":"bob","login":"alice","item":"only/steps/first-step","status":"done"}"#,
            r#"{"at":"2026-11-29T11:00:00Z","by":"carol","item":"only/steps/second-step","status":"done"}"#,
        ],
    );
    (as_str(&list).to_owned(), as_str(&state).to_owned())
}

#[test]
fn a_change_records_the_account_that_wrote_it_beside_the_name() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let state = sandbox.path("run.jsonl");
    sandbox.ok(&[
        "check",
        as_str(&list),
        "first-step",
        "--state",
        as_str(&state),
        "--by",
        "bob",
    ]);
    let login = whoami::username().unwrap();
    let text = std::fs::read_to_string(&state).unwrap();
    let tick = text.lines().nth(1).unwrap();
    assert!(tick.contains(&format!(r#""by":"bob","login":"{login}""#)), "{tick}");
    let out = sandbox.ok(&["log", as_str(&list), "--state", as_str(&state)]);
    assert!(out.contains(&common::shown_as("bob")), "{out}");
}

#[test]
fn log_report_export_and_status_show_the_account_and_the_name_where_they_differ() {
    let sandbox = Sandbox::new();
    let (list, state) = signed_history(&sandbox);
    let log = sandbox.ok(&["log", &list, "--state", &state]);
    assert!(log.contains("alice (as bob)"), "{log}");
    let carol = log.lines().find(|l| l.contains("second-step")).unwrap();
    assert!(
        carol.contains("carol") && !carol.contains("(as"),
        "an old line: the name alone: {carol}"
    );
    let report = sandbox.ok(&["report", &list, "--state", &state]);
    assert!(
        report.contains("alice (as bob)") && report.contains("carol"),
        "{report}"
    );
    let export = sandbox.ok(&["export", &list, "--state", &state]);
    assert!(export.contains("*alice (as bob), "), "{export}");
    let status: Value = serde_json::from_str(&sandbox.ok(&["status", &list, "--state", &state, "--json"])).unwrap();
    let items = common::json_items(&status);
    assert_eq!(
        (items[0]["by"].as_str(), items[0]["login"].as_str()),
        (Some("bob"), Some("alice"))
    );
    assert_eq!(
        (items[1]["by"].as_str(), items[1]["login"].as_str()),
        (Some("carol"), None)
    );
}
