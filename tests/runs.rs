//! Runs from the command line: check, uncheck, skip, note, status, runs and log,
//! each change in the run log at once.

mod common;

use common::{MINI, Sandbox, as_str, json_items as items};
use serde_json::Value;

fn status_json(sandbox: &Sandbox, args: &[&str]) -> Value {
    let mut all = vec!["status", "--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&sandbox.ok(&all)).unwrap()
}

#[test]
fn check_skip_note_and_uncheck_show_in_status() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    let out = sandbox.ok(&["check", list, "first-step", "steps/second-step"]);
    assert!(out.contains("done       only/steps/first-step  First step"), "{out}");
    assert!(out.ends_with("run \"default\": 2/3 items completed, 66%\n"), "{out}");
    sandbox.ok(&["skip", list, "third-step", "--reason", "not this time", "--by", "bob"]);
    sandbox.ok(&["note", list, "first-step", "verified on the console"]);
    sandbox.ok(&["uncheck", list, "second-step"]);

    let status = status_json(&sandbox, &[list]);
    assert_eq!(status["run"], "default");
    assert_eq!(
        (
            status["done"].as_u64(),
            status["skipped"].as_u64(),
            status["percent"].as_u64()
        ),
        (Some(1), Some(1), Some(50))
    );
    let items = items(&status);
    assert_eq!(items[0]["status"], "done");
    assert_eq!(items[0]["by"], "tester");
    assert!(items[0]["at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(items[0]["note"], "verified on the console");
    assert_eq!(items[1]["status"], "todo");
    assert_eq!(items[2]["status"], "skipped");
    assert_eq!(items[2]["reason"], "not this time");
    assert_eq!(items[2]["by"], "bob");

    let text = sandbox.ok(&["status", list]);
    assert!(text.contains("[ ] Only: 1/2 items completed, 1 skipped"), "{text}");
}

#[test]
fn an_empty_note_clears_it() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    sandbox.ok(&["note", as_str(&list), "first-step", "remember"]);
    let out = sandbox.ok(&["note", as_str(&list), "first-step", ""]);
    assert!(out.contains("note cleared"), "{out}");
    assert!(items(&status_json(&sandbox, &[as_str(&list)]))[0]["note"].is_null());
}

#[test]
fn an_unknown_or_ambiguous_item_records_nothing_of_the_call() {
    let sandbox = Sandbox::new();
    let list = sandbox.write(
        "dup.yaml",
        "title: Dup\nphases:\n  - name: A\n    sections:\n      - name: One\n        items: [Rollback plan, Other]\n      - name: Two\n        items: [Rollback plan]\n",
    );
    let list = as_str(&list);
    let ran = sandbox.run(&["check", list, "other", "rollback-plan", "othr-thing"]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("`rollback-plan` matches 2 items"), "{}", ran.stderr);
    assert!(ran.stderr.contains("a/one/rollback-plan") && ran.stderr.contains("a/two/rollback-plan"));
    assert!(ran.stderr.contains("no item `othr-thing`"), "{}", ran.stderr);
    assert!(ran.stderr.contains("did you mean:\n    a/one/other"), "{}", ran.stderr);
    assert!(ran.stderr.contains("nothing was recorded"));
    assert!(sandbox.run_logs().is_empty(), "not even a run log was created");
    sandbox.ok(&["check", list, "two/rollback-plan"]);
    assert_eq!(items(&status_json(&sandbox, &[list]))[2]["status"], "done");
}

#[test]
fn checking_a_done_item_records_nothing_new() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    sandbox.ok(&["check", as_str(&list), "first-step"]);
    let log = &sandbox.run_logs()[0];
    let before = std::fs::read(log).unwrap();
    let out = sandbox.ok(&["check", as_str(&list), "first-step", "only/steps/first-step"]);
    assert!(
        out.contains("unchanged  only/steps/first-step  (already done)"),
        "{out}"
    );
    assert_eq!(std::fs::read(log).unwrap(), before);
}

#[test]
fn the_bundled_checklist_is_named_by_its_name() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["check", "production-deployment", "cloud-on-premise-environment"]);
    let status = status_json(&sandbox, &[]);
    assert_eq!(status["done"], 1);
    let logs = sandbox.run_logs();
    assert_eq!(logs.len(), 1);
    assert!(
        logs[0].ends_with("preflight/bundled-production-deployment/default.jsonl"),
        "{logs:?}"
    );
}

#[test]
fn require_complete_gates_until_every_item_is_done_or_skipped() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    assert_eq!(sandbox.run(&["status", list, "--require-complete"]).code, 3);
    sandbox.ok(&["check", list, "first-step", "second-step"]);
    assert_eq!(sandbox.run(&["status", list, "--require-complete"]).code, 3);
    sandbox.ok(&["skip", list, "third-step"]);
    let ran = sandbox.run(&["status", list, "--require-complete"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stdout.contains("Overall Progress: 100% Complete"));
    assert!(sandbox.ok(&["--help"]).contains("3  status --require-complete"));
}

#[test]
fn two_runs_of_one_checklist_are_independent() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    sandbox.ok(&["check", list, "first-step", "--run", "v2.3.0 release"]);
    sandbox.ok(&["check", list, "second-step", "--run", "2026-11-29 hotfix"]);
    let release = items(&status_json(&sandbox, &[list, "--run", "v2.3.0 release"]));
    let hotfix = items(&status_json(&sandbox, &[list, "--run", "2026-11-29 hotfix"]));
    assert_eq!(
        (release[0]["status"].as_str(), release[1]["status"].as_str()),
        (Some("done"), Some("todo"))
    );
    assert_eq!(
        (hotfix[0]["status"].as_str(), hotfix[1]["status"].as_str()),
        (Some("todo"), Some("done"))
    );
    assert_eq!(
        status_json(&sandbox, &[list])["done"],
        0,
        "the default run is untouched"
    );

    let runs = sandbox.ok(&["runs", list]);
    let lines: Vec<&str> = runs.lines().collect();
    assert_eq!(lines.len(), 3, "{runs}");
    assert!(lines[0].starts_with("RUN"));
    assert!(
        runs.contains("2026-11-29 hotfix") && runs.contains("v2.3.0 release"),
        "{runs}"
    );
    assert!(runs.contains("1/3") && runs.contains("by tester"), "{runs}");
}

#[test]
fn files_with_the_same_title_never_share_runs() {
    let sandbox = Sandbox::new();
    std::fs::create_dir(sandbox.path("a")).unwrap();
    std::fs::create_dir(sandbox.path("b")).unwrap();
    let a = sandbox.write("a/mini.yaml", MINI);
    let b = sandbox.write("b/mini.yaml", MINI);
    sandbox.ok(&["check", as_str(&a), "first-step"]);
    assert_eq!(status_json(&sandbox, &[as_str(&a)])["done"], 1);
    assert_eq!(status_json(&sandbox, &[as_str(&b)])["done"], 0);
}

#[test]
fn state_names_the_run_log_file() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    sandbox.ok(&["check", list, "first-step", "--state", "deploy.run.jsonl"]);
    let text = std::fs::read_to_string(sandbox.path("deploy.run.jsonl")).unwrap();
    assert_eq!(text.lines().count(), 2, "a header and one event: {text}");
    assert!(sandbox.run_logs().is_empty(), "nothing in the data directory");
    assert_eq!(status_json(&sandbox, &[list, "--state", "deploy.run.jsonl"])["done"], 1);
    assert_eq!(status_json(&sandbox, &[list])["done"], 0);
}

#[test]
fn a_run_log_of_another_checklist_is_refused() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    sandbox.ok(&[
        "check",
        "production-deployment",
        "ssl-certificates",
        "--state",
        "run.jsonl",
    ]);
    let ran = sandbox.run(&["status", as_str(&list), "--state", "run.jsonl"]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr
            .contains("belongs to the checklist \"Production Deployment Checklist\""),
        "{}",
        ran.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_gives_a_clear_error_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let locked = sandbox.path("locked");
    std::fs::create_dir(&locked).unwrap();
    let mode =
        |path: &std::path::Path, mode| std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    mode(sandbox.dir.path(), 0o755);
    mode(&list, 0o644);
    mode(&locked, 0o555);
    let args = ["check", as_str(&list), "first-step", "--state", "locked/run.jsonl"];
    // Root ignores permissions: then run the command as `nobody`, as a user would.
    let as_root = std::fs::write(locked.join("probe"), "").is_ok();
    let _ = std::fs::remove_file(locked.join("probe"));
    let ran: common::Ran = if as_root {
        let binary = assert_cmd::cargo::cargo_bin("preflight");
        let mut command = std::process::Command::new("setpriv");
        command
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(binary)
            .args(args);
        command.current_dir(sandbox.dir.path()).env("PREFLIGHT_USER", "tester");
        command
            .output()
            .expect("setpriv (util-linux) runs the test as nobody")
            .into()
    } else {
        sandbox.run(&args)
    };
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("cannot create its lock file: permission denied"),
        "{}",
        ran.stderr
    );
    assert!(ran.stderr.contains("hint: check the permissions"), "{}", ran.stderr);
    assert_eq!(std::fs::read_dir(&locked).unwrap().count(), 0, "nothing was written");
}

#[test]
fn a_run_log_that_is_a_directory_is_a_clear_error() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    std::fs::create_dir(sandbox.path("run.jsonl")).unwrap();
    let ran = sandbox.run(&["check", as_str(&list), "first-step", "--state", "run.jsonl"]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("is a directory, not a run log"), "{}", ran.stderr);
}

#[test]
fn a_garbage_line_is_reported_by_number_and_the_log_is_not_changed() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    sandbox.ok(&["check", list, "first-step", "--state", "run.jsonl"]);
    let mut bytes = std::fs::read(sandbox.path("run.jsonl")).unwrap();
    bytes.extend_from_slice(b"\x00garbage{{\n");
    std::fs::write(sandbox.path("run.jsonl"), &bytes).unwrap();
    sandbox.ok(&["check", list, "second-step", "--state", "run.jsonl"]);
    let bytes = std::fs::read(sandbox.path("run.jsonl")).unwrap();
    let ran = sandbox.run(&["status", list, "--json", "--state", "run.jsonl"]);
    assert_eq!(ran.code, 0);
    assert!(
        ran.stderr.contains("run.jsonl:3: skipped an invalid line"),
        "{}",
        ran.stderr
    );
    let status: Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(status["done"], 2);
    assert_eq!(
        std::fs::read(sandbox.path("run.jsonl")).unwrap(),
        bytes,
        "reading changes nothing"
    );
}

#[test]
fn removing_an_item_orphans_its_events_and_restoring_it_counts_them_again() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    sandbox.ok(&["check", list, "first-step", "second-step"]);
    sandbox.write("mini.yaml", &MINI.replace("          - Second step\n", ""));
    let ran = sandbox.run(&["status", list, "--json"]);
    assert_eq!(ran.code, 0);
    let status: Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!((status["done"].as_u64(), status["total"].as_u64()), (Some(1), Some(2)));
    assert!(
        ran.stderr.contains("1 item in this run is no longer in the checklist"),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr.contains("only/steps/second-step \"Second step\" (done)"),
        "{}",
        ran.stderr
    );
    assert_eq!(ran.stderr.matches("second-step").count(), 1, "reported once");

    sandbox.write("mini.yaml", MINI);
    let ran = sandbox.run(&["status", list, "--json"]);
    assert!(ran.stderr.is_empty(), "{}", ran.stderr);
    let status: Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(status["done"], 2);
}

#[test]
fn log_prints_the_history_oldest_first() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    sandbox.ok(&["check", list, "first-step"]);
    sandbox.ok(&["skip", list, "third-step", "--reason", "n/a here", "--by", "bob"]);
    sandbox.ok(&["note", list, "first-step", "looks good"]);
    sandbox.ok(&["uncheck", list, "first-step"]);
    let log = sandbox.ok(&["log", list]);
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 5, "{log}");
    assert!(lines[0].starts_with("Run \"default\" of \"Mini\""));
    assert!(
        lines[1].contains(&format!(" UTC  {}", common::shown_as("tester")))
            && lines[1].contains("done       only/steps/first-step"),
        "{log}"
    );
    assert!(
        lines[2].contains("bob") && lines[2].ends_with("skipped    only/steps/third-step  (N/A: n/a here)"),
        "{log}"
    );
    assert!(
        lines[3].ends_with("note       only/steps/first-step  \"looks good\""),
        "{log}"
    );
    assert!(lines[4].contains("unchecked"), "{log}");
}

#[test]
fn an_invalid_run_name_is_refused() {
    let sandbox = Sandbox::new();
    let ran = sandbox.run(&["status", "--run", "  "]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("invalid run name"), "{}", ran.stderr);
}
