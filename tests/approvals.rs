//! `preflight approve` and the two-person rule from the command line: who
//! may approve, what is refused and why, forced and withdrawn approvals, and
//! how approvals show in status, log, report and export.

mod common;

use common::{Sandbox, as_str};
use serde_json::Value;

/// Prepare, then Deploy: gated, needing one approval.
const DEPLOY: &str = "title: Deploy\nphases:\n  - name: Prepare\n    sections:\n      - name: Code\n        items: [Tag, Changelog]\n  - name: Deploy\n    gate: true\n    approvals: 1\n    sections:\n      - name: Rollout\n        items: [Canary]\n";

/// A run in `run.jsonl` whose Prepare alice did on her own machine (account
/// `login`); returns the checklist's and the log's paths.
fn prepared_by(sandbox: &Sandbox, login: &str) -> (String, String) {
    let list = sandbox.write("deploy.yaml", DEPLOY);
    let state = sandbox.path("run.jsonl");
    sandbox.ok(&["check", as_str(&list), "tag", "--state", as_str(&state)]);
    let tag = format!(
        r#"{{"at":"2026-11-29T10:00:00Z","by":"alice","login":"{login}","item":"prepare/code/tag","status":"done"}}"#
    );
    let changelog = format!(
        r#"{{"at":"2026-11-29T10:01:00Z","by":"alice","login":"{login}","item":"prepare/code/changelog","status":"done"}}"#
    );
    common::rewrite_events(&state, &[&tag, &changelog]);
    (as_str(&list).to_owned(), as_str(&state).to_owned())
}

/// A sandbox with a run whose Prepare alice did on her own account.
fn prepared() -> (Sandbox, String, String) {
    let sandbox = Sandbox::new();
    let (list, state) = prepared_by(&sandbox, "alice");
    (sandbox, list, state)
}

fn status(sandbox: &Sandbox, list: &str, state: &str) -> Value {
    serde_json::from_str(&sandbox.ok(&["status", list, "--state", state, "--json"])).unwrap()
}

/// Runs `args`, which must fail with exit 1 and say each of `said` on
/// standard error.
fn refused(sandbox: &Sandbox, args: &[&str], said: &[&str]) {
    let ran = sandbox.run(args);
    assert_eq!(ran.code, 1, "{args:?}: {}", ran.stdout);
    for words in said {
        assert!(ran.stderr.contains(words), "{words:?} in {}", ran.stderr);
    }
}

/// `approve` of Deploy in the run at `state`, with `more` arguments; it
/// must succeed, and its output is returned.
fn approve(sandbox: &Sandbox, list: &str, state: &str, more: &[&str]) -> String {
    sandbox.ok(&[&["approve", list, "deploy", "--state", state][..], more].concat())
}

fn events(state: &str) -> usize {
    std::fs::read_to_string(state).unwrap().lines().count() - 1
}

#[test]
fn an_approval_by_someone_else_opens_the_phase_and_shows_everywhere() {
    let (sandbox, list, state) = prepared();
    refused(
        &sandbox,
        &["check", &list, "canary", "--state", &state],
        &["Deploy needs 1 approval", "preflight approve"],
    );
    let out = sandbox.ok(&[
        "approve",
        &list,
        "Deploy",
        "--state",
        &state,
        "--by",
        "bob",
        "--note",
        "diff reviewed",
    ]);
    assert!(out.starts_with("approved  deploy  (1 of 1 approval: "), "{out}");
    sandbox.ok(&["check", &list, "canary", "--state", &state]);
    let json = status(&sandbox, &list, &state);
    let approvals = &json["phases"][1]["approvals"];
    assert_eq!(
        (approvals["needed"].as_u64(), approvals["count"].as_u64()),
        (Some(1), Some(1))
    );
    let bob = &approvals["approved"][0];
    assert_eq!(
        (bob["by"].as_str(), bob["note"].as_str()),
        (Some("bob"), Some("diff reviewed"))
    );
    assert_eq!(
        (bob["forced"].as_bool(), bob["counts"].as_bool()),
        (Some(false), Some(true))
    );
    assert_eq!(bob["login"].as_str(), Some(whoami::username().unwrap().as_str()));
    assert!(
        json["phases"][0].get("approvals").is_none(),
        "left out where none are needed"
    );
    let bob_shown = common::shown_as("bob");
    let text = sandbox.ok(&["status", &list, "--state", &state]);
    assert!(text.contains(&format!("approvals 1 of 1: {bob_shown}")), "{text}");
    let log = sandbox.ok(&["log", &list, "--state", &state]);
    assert!(
        log.lines()
            .any(|l| l.contains("approved") && l.contains("deploy") && l.contains("\"diff reviewed\"")),
        "{log}"
    );
    let report = sandbox.ok(&["report", &list, "--state", &state]);
    assert!(report.contains(&format!("approvals 1 of 1: {bob_shown}")), "{report}");
    let export = sandbox.ok(&["export", &list, "--state", &state]);
    assert!(
        export.contains(&format!("## Deploy\n\n**Approvals:** 1 of 1 — {bob_shown}\n")),
        "{export}"
    );
}

#[test]
fn someone_who_worked_on_an_earlier_phase_is_refused_by_name() {
    let (sandbox, list, state) = prepared();
    let before = events(&state);
    refused(
        &sandbox,
        &["approve", &list, "deploy", "--state", &state, "--by", "alice"],
        &[
            "recorded changes in Prepare: an approval of Deploy must come from someone else (two-person rule)",
            "hint: ask a teammate",
        ],
    );
    assert_eq!(events(&state), before, "nothing was recorded");
}

#[test]
fn the_account_that_worked_on_an_earlier_phase_is_refused_under_any_name() {
    let sandbox = Sandbox::new();
    let (list, state) = prepared_by(&sandbox, &whoami::username().unwrap());
    refused(
        &sandbox,
        &["approve", &list, "deploy", "--state", &state, "--by", "somebody-else"],
        &["two-person rule"],
    );
}

#[test]
fn a_forced_approval_is_recorded_counts_and_says_so_everywhere() {
    let (sandbox, list, state) = prepared();
    let out = approve(&sandbox, &list, &state, &["--by", "alice", "--force"]);
    assert!(out.contains("approved (forced: worked on an earlier phase)"), "{out}");
    let json = status(&sandbox, &list, &state);
    let approval = &json["phases"][1]["approvals"]["approved"][0];
    assert_eq!(
        (approval["forced"].as_bool(), approval["counts"].as_bool()),
        (Some(true), Some(true))
    );
    let log = sandbox.ok(&["log", &list, "--state", &state]);
    assert!(log.contains("(forced: worked on an earlier phase)"), "{log}");
    let export = sandbox.ok(&["export", &list, "--state", &state]);
    assert!(export.contains(" (forced)"), "{export}");
}

#[test]
fn approving_twice_counts_once_and_a_withdrawal_closes_the_phase_again() {
    let (sandbox, list, state) = prepared();
    approve(&sandbox, &list, &state, &["--by", "bob"]);
    let again = approve(&sandbox, &list, &state, &["--by", "bob"]);
    assert!(
        again.starts_with("unchanged  deploy  (already approved by bob)"),
        "{again}"
    );
    assert_eq!(events(&state), 3, "the second approval recorded nothing");
    let out = approve(&sandbox, &list, &state, &["--by", "bob", "--withdraw"]);
    assert!(out.starts_with("withdrawn  deploy  (0 of 1 approval"), "{out}");
    assert_eq!(status(&sandbox, &list, &state)["phases"][1]["approvals"]["count"], 0);
    assert_eq!(
        sandbox.run(&["check", &list, "canary", "--state", &state]).code,
        1,
        "closed again"
    );
    let none = approve(&sandbox, &list, &state, &["--by", "carol", "--withdraw"]);
    assert!(none.starts_with("unchanged"), "{none}");
}

#[test]
fn a_teammates_log_claiming_an_unforced_self_approval_does_not_count() {
    let (sandbox, list, state) = prepared();
    let text = std::fs::read_to_string(&state).unwrap();
    let lines: Vec<&str> = text.lines().skip(1).collect();
    let claimed =
        r#"{"at":"2026-11-29T10:02:00Z","by":"mallory","login":"alice","phase":"deploy","approval":"approve"}"#;
    common::rewrite_events(std::path::Path::new(&state), &[lines[0], lines[1], claimed]);
    let json = status(&sandbox, &list, &state);
    let approval = &json["phases"][1]["approvals"]["approved"][0];
    assert_eq!(
        (approval["by"].as_str(), approval["counts"].as_bool()),
        (Some("mallory"), Some(false))
    );
    assert_eq!(json["phases"][1]["approvals"]["count"], 0);
    let text = sandbox.ok(&["status", &list, "--state", &state]);
    assert!(
        text.contains("alice (as mallory) (not counted: worked on an earlier phase)"),
        "{text}"
    );
    assert_eq!(sandbox.run(&["check", &list, "canary", "--state", &state]).code, 1);
}

#[test]
fn an_unknown_phase_or_one_that_needs_no_approvals_is_an_error() {
    let (sandbox, list, state) = prepared();
    refused(
        &sandbox,
        &["approve", &list, "deploi", "--state", &state],
        &["no phase \"deploi\"", "its phases: deploy, prepare"],
    );
    refused(
        &sandbox,
        &["approve", &list, "prepare", "--state", &state],
        &["Prepare needs no approvals"],
    );
    let ran = sandbox.run(&["approve", &list, "deploy", "--withdraw", "--force"]);
    assert_eq!(ran.code, 2, "--withdraw with --force is a usage error");
}

#[test]
fn approvals_in_the_format_are_checked_suggested_and_written_back() {
    let sandbox = Sandbox::new();
    let zero = sandbox.write("zero.yaml", &DEPLOY.replace("approvals: 1", "approvals: 0"));
    refused(
        &sandbox,
        &["validate", as_str(&zero)],
        &["`approvals` is 0; it must be 1 to 20", "leave the field out"],
    );
    let typo = sandbox.write("typo.yaml", &DEPLOY.replace("approvals: 1", "aprovals: 1"));
    refused(&sandbox, &["validate", as_str(&typo)], &["did you mean `approvals`?"]);
    let written = preflight::format::checklist_to_yaml(&preflight::format::parse(DEPLOY, "d.yaml").unwrap(), "d.yaml");
    assert!(written.contains("    approvals: 1\n"), "{written}");
    let again = preflight::format::parse(&written, "d.yaml").unwrap();
    assert_eq!(again.phases()[1].approvals, 1);
    let schema = sandbox.ok(&["schema"]);
    assert!(schema.contains("\"approvals\""), "the JSON schema has it");
}

#[test]
fn control_and_bidi_characters_in_a_name_or_note_never_reach_the_terminal() {
    let (sandbox, list, state) = prepared();
    let by = "\u{1b}]0;pwned\u{7}bob\u{202e}";
    let out = approve(&sandbox, &list, &state, &["--by", by, "--note", "ok\u{1b}[2J\u{2066}"]);
    let log = sandbox.ok(&["log", &list, "--state", &state]);
    let text = sandbox.ok(&["status", &list, "--state", &state]);
    for shown in [&out, &log, &text] {
        assert!(
            !shown.contains('\u{1b}')
                && !shown.contains('\u{7}')
                && !shown.contains('\u{202e}')
                && !shown.contains('\u{2066}'),
            "{shown:?}"
        );
    }
    assert!(log.contains("]0;pwnedbob") && log.contains("\"ok[2J\""), "{log}");
}

#[test]
fn an_approvers_name_is_plain_text_in_the_export() {
    let (sandbox, list, state) = prepared();
    sandbox.ok(&[
        "approve",
        &list,
        "deploy",
        "--state",
        &state,
        "--by",
        "<img src=x> **bold** [link](x)",
    ]);
    let export = sandbox.ok(&["export", &list, "--state", &state]);
    let line = export.lines().find(|l| l.starts_with("**Approvals:**")).expect(&export);
    assert!(line.contains(r"\<img src=x> \*\*bold\*\* \[link\](x)"), "{line}");
}
