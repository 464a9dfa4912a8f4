#![cfg(unix)]
//! Inputs that are not regular files, limits that hold for any legal input, and
//! output streams that are closed or broken.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{MINI, PATIENCE, Sandbox, as_str};

/// Runs preflight, killing it if it has not ended within [`PATIENCE`]: a hang
/// is a failure, not a test that never ends.
fn run_bounded(sandbox: &Sandbox, args: &[&str]) -> (Option<i32>, String) {
    let mut command = sandbox.process();
    let mut child = command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + PATIENCE;
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            let output = child.wait_with_output().unwrap();
            return (
                output.status.code(),
                String::from_utf8_lossy(&output.stderr).into_owned(),
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    (None, format!("{args:?} was still running after {PATIENCE:?}"))
}

/// The odd file a case gives where a file is read.
#[derive(Clone, Copy)]
enum Odd {
    /// A FIFO that nobody writes to: reading it would hang.
    Fifo,
    /// `/dev/zero`: reading it would never end.
    DevZero,
}

/// Runs `args` with `LIST` the checklist, `ODD` the odd file and `OUT` an
/// output path: it must be refused (status 1, naming what the file is, with a
/// hint), and write no output.
fn refused_as_odd(odd: Odd, args: &[&str]) {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let odd = match odd {
        Odd::Fifo => sandbox.fifo("pipe"),
        Odd::DevZero => "/dev/zero".into(),
    };
    let out = sandbox.path("out.yaml");
    let places = [("LIST", as_str(&list)), ("ODD", as_str(&odd)), ("OUT", as_str(&out))];
    let args = common::filled(args, &places);
    let (code, stderr) = run_bounded(&sandbox, &args);
    assert_eq!(code, Some(1), "{args:?}: {stderr}");
    assert!(
        stderr.contains("is a FIFO (named pipe)") || stderr.contains("is a character device"),
        "{args:?}: {stderr}"
    );
    assert!(stderr.contains("hint:"), "{args:?}: {stderr}");
    assert!(!out.exists());
}

preflight_core::cases! { a_fifo_or_dev_zero_is_refused_as_checklist_run_log_and_import_input, refused_as_odd:
    a_fifo_to_validate = (Odd::Fifo, &["validate", "ODD"]),
    a_fifo_as_the_checklist = (Odd::Fifo, &["status", "ODD"]),
    a_fifo_as_the_run_log_to_check = (Odd::Fifo, &["check", "LIST", "first-step", "--state", "ODD"]),
    a_fifo_as_the_run_log_to_read = (Odd::Fifo, &["status", "LIST", "--state", "ODD"]),
    a_fifo_to_import_into_a_file = (Odd::Fifo, &["import", "ODD", "-o", "OUT"]),
    a_fifo_to_import = (Odd::Fifo, &["import", "ODD"]),
    dev_zero_to_validate = (Odd::DevZero, &["validate", "ODD"]),
    dev_zero_as_the_checklist = (Odd::DevZero, &["status", "ODD"]),
    dev_zero_as_the_run_log_to_check = (Odd::DevZero, &["check", "LIST", "first-step", "--state", "ODD"]),
    dev_zero_as_the_run_log_to_read = (Odd::DevZero, &["status", "LIST", "--state", "ODD"]),
    dev_zero_to_import_into_a_file = (Odd::DevZero, &["import", "ODD", "-o", "OUT"]),
    dev_zero_to_import = (Odd::DevZero, &["import", "ODD"]),
}

#[test]
fn a_run_name_of_100_cjk_characters_works_in_every_command() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let name = "本番環境へのデプロイ".repeat(10);
    sandbox.ok(&["check", as_str(&list), "first-step", "--run", &name]);
    let status = sandbox.ok(&["status", as_str(&list), "--run", &name]);
    assert!(status.contains(&format!("Run: {name}")), "{status}");
    let runs = sandbox.ok(&["runs", as_str(&list)]);
    assert!(runs.contains(&name), "{runs}");
    let logs = sandbox.run_logs();
    assert_eq!(logs.len(), 1);
    assert!(logs[0].file_name().unwrap().len() < 255);
}

fn with_titles(checklist_title: &str, item_title: &str) -> String {
    format!(
        "title: {checklist_title}\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - {item_title}\n          - title: {item_title}\n            id: second\n"
    )
}

#[test]
fn the_longest_accepted_title_is_recorded_and_read_back_again_and_again() {
    let sandbox = Sandbox::new();
    let long = "t".repeat(1000);
    let list = sandbox.write("long.yaml", &with_titles(&long, &long));
    sandbox.ok(&["check", as_str(&list), &format!("p/s/{long}")]);
    sandbox.ok(&["check", as_str(&list), "second"]);
    sandbox.ok(&["note", as_str(&list), "second", &"n".repeat(100_000)]);
    let status = sandbox.ok(&["status", as_str(&list)]);
    assert!(status.contains("2/2 items completed"), "{status}");

    let too_long = "t".repeat(1001);
    let list = sandbox.write("too-long.yaml", &with_titles("Short", &too_long));
    let ran = sandbox.run(&["validate", as_str(&list)]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr
            .contains("`title` is 1001 characters long; a title has at most 1000"),
        "{}",
        ran.stderr
    );
}

#[test]
fn an_imported_title_longer_than_a_title_may_be_keeps_its_text_in_the_detail() {
    let sandbox = Sandbox::new();
    let long = "word ".repeat(400);
    let md = sandbox.write("long.md", &format!("# Long\n\n## P\n\n- [ ] {long}\n"));
    let yaml = sandbox.path("long.yaml");
    sandbox.ok(&["import", as_str(&md), "-o", as_str(&yaml)]);
    let status: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", "--json", as_str(&yaml)])).unwrap();
    let item = &common::json_items(&status)[0];
    assert_eq!(item["title"].as_str().unwrap().chars().count(), 1000);
    assert!(item["detail"].as_str().unwrap().starts_with(long.trim()));
}

#[test]
fn twenty_thousand_items_titled_alike_import_with_distinct_ids() {
    let sandbox = Sandbox::new();
    let mut md = String::from("# Same\n\n## P\n\n");
    for _ in 0..20_000 {
        md.push_str("- [ ] Same step\n");
    }
    let input = sandbox.write("same.md", &md);
    let yaml = sandbox.path("same.yaml");
    sandbox.ok(&["import", as_str(&input), "-o", as_str(&yaml)]);
    let out = sandbox.ok(&["validate", as_str(&yaml)]);
    assert!(out.contains("20000 items"), "{out}");
    let text = std::fs::read_to_string(&yaml).unwrap();
    assert!(
        text.contains("id: same-step-20000\n"),
        "the last repeat is numbered in turn"
    );
}

/// Runs preflight under `sh` with a stream redirected as `redirect` says
/// (`2>&-` closes stderr); returns the exit status.
fn with_redirect(sandbox: &Sandbox, args: &str, redirect: &str) -> i32 {
    let binary = assert_cmd::cargo::cargo_bin("preflight");
    let script = format!("exec '{}' {args} {redirect}", binary.display());
    let command = sandbox.process();
    Command::new("sh")
        .arg("-c")
        .arg(&script)
        .current_dir(sandbox.dir.path())
        .envs(command.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .status()
        .unwrap()
        .code()
        .unwrap_or(-1)
}

/// Runs preflight with stdout or stderr a pipe whose reader has gone before
/// anything is written; returns the exit status.
fn with_reader_gone(sandbox: &Sandbox, args: &[&str], stdout: bool) -> i32 {
    let mut command = sandbox.process();
    command.args(args).stdin(Stdio::null());
    if stdout {
        command.stdout(Stdio::piped()).stderr(Stdio::null());
    } else {
        command.stdout(Stdio::null()).stderr(Stdio::piped());
    }
    let mut child = command.spawn().unwrap();
    drop(child.stdout.take());
    drop(child.stderr.take());
    child.wait().unwrap().code().unwrap_or(-1)
}

#[test]
fn a_closed_or_broken_stderr_never_panics_and_keeps_the_exit_status() {
    let sandbox = Sandbox::new();
    sandbox.write("pr.md", "# R\n\n## P\n\n- [ ] A\n\nleft out\n");
    sandbox.write("mini.yaml", MINI);
    assert_eq!(with_redirect(&sandbox, "import pr.md -o pr.yaml", "2>&-"), 0);
    assert!(sandbox.path("pr.yaml").exists());
    assert_eq!(with_redirect(&sandbox, "check mini.yaml nothing", "2>&-"), 1);
    assert_eq!(with_redirect(&sandbox, "validate missing.yaml", "2>&-"), 1);
    assert_eq!(
        with_reader_gone(&sandbox, &["import", "pr.md", "-o", "pr2.yaml"], false),
        0
    );
    assert!(sandbox.path("pr2.yaml").exists());
    assert_eq!(with_reader_gone(&sandbox, &["validate", "missing.yaml"], false), 1);
}

#[test]
fn a_closed_stdout_or_a_reader_that_left_never_panics() {
    let sandbox = Sandbox::new();
    sandbox.write("mini.yaml", MINI);
    // Rust's standard library takes a closed stdout for a sink that accepts
    // everything; what matters is that nothing panics.
    assert_eq!(with_redirect(&sandbox, "status mini.yaml", ">&-"), 0);
    assert_eq!(with_redirect(&sandbox, "export mini.yaml", ">&- 2>&-"), 0);
    assert_eq!(with_reader_gone(&sandbox, &["status", "mini.yaml"], true), 0);
    assert_eq!(with_reader_gone(&sandbox, &["export", "mini.yaml"], true), 0);
}

/// MINI with a run log in which the first step is done, three lines stamped
/// outside 1970 to 9999 (lines 3 to 5), and the third step done at the
/// latest time there is; returns the checklist's and the log's paths.
fn stamped_out_of_range(sandbox: &Sandbox) -> (String, String) {
    let list = sandbox.write("mini.yaml", MINI);
    let state = sandbox.path("run.jsonl");
    sandbox.ok(&["check", as_str(&list), "first-step", "--state", as_str(&state)]);
    let mut text = std::fs::read_to_string(&state).unwrap();
    for at in [
        "9999-12-31T23:59:59-23:59",
        "1969-12-31T23:59:59Z",
        "1970-01-01T00:00:00+01:00",
    ] {
        let line = format!(r#"{{"at":"{at}","by":"bob","item":"only/steps/second-step","status":"done"}}"#);
        text.push_str(&line);
        text.push('\n');
    }
    text.push_str(r#"{"at":"9999-12-31T23:59:59.999Z","by":"bob","item":"only/steps/third-step","status":"done"}"#);
    text.push('\n');
    std::fs::write(&state, &text).unwrap();
    (as_str(&list).to_owned(), as_str(&state).to_owned())
}

/// `command` reads the log, warns of each of its three lines stamped out of
/// range, and succeeds.
fn skips_each_stamp_out_of_range(command: &str) {
    let sandbox = Sandbox::new();
    let (list, state) = stamped_out_of_range(&sandbox);
    let ran = sandbox.run(&[command, &list, "--state", &state]);
    assert_eq!(ran.code, 0, "{command}: {}", ran.stderr);
    let warned = |line: usize| {
        ran.stderr.contains(&format!(
            ":{line}: skipped an invalid line: its `at` is not an RFC 3339 timestamp from 1970 to 9999"
        ))
    };
    assert_eq!(
        (3..=5).map(warned).collect::<Vec<bool>>(),
        [true; 3],
        "lines 3 to 5 warned of, by {command}: {}",
        ran.stderr
    );
}

preflight_core::cases! {
    a_stamp_past_9999_or_before_1970_skips_its_line_with_a_warning_and_nothing_panics,
    skips_each_stamp_out_of_range:
    in_status = ("status"),
    in_log = ("log"),
    in_report = ("report"),
    in_export = ("export"),
}

#[test]
fn an_item_changed_at_the_latest_time_there_is_can_still_change() {
    let sandbox = Sandbox::new();
    let (list, state) = stamped_out_of_range(&sandbox);
    sandbox.ok(&["uncheck", &list, "third-step", "--state", &state]);
    let status = sandbox.ok(&["status", &list, "--state", &state]);
    assert!(status.contains("1/3 items completed"), "{status}");
    let after = std::fs::read_to_string(&state).unwrap();
    assert!(
        after
            .lines()
            .last()
            .unwrap()
            .starts_with(r#"{"at":"9999-12-31T23:59:59.999Z""#),
        "{after}"
    );
}
