//! Untrusted text never reaches the terminal raw: hostile YAML keys, ids, ITEM
//! arguments, run names and run log lines go through `validate`, `status`,
//! `check`, `export` and the view's start, and what comes out on stdout and
//! stderr (captured as bytes) holds no ESC, BEL, C1 or bidirectional control.

mod common;

use std::fmt::Write as _;
use std::process::Output;

use common::{MINI, Sandbox, as_str};

/// A YAML key that sets the terminal's title and clipboard, clears the screen
/// and reverses the text after it, written with YAML's own escapes.
const HOSTILE_KEY: &str = r#""\e]0;pwned\a\e]52;c;aGk=\a\e[2J\u202e\x9b31m""#;

/// Whether `bytes` hold anything a terminal would act on, other than a line
/// break or a tab; returns the offending character.
fn unsafe_char(bytes: &[u8]) -> Option<char> {
    String::from_utf8_lossy(bytes).chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
    })
}

fn assert_clean(what: &str, output: &Output) {
    assert_eq!(
        unsafe_char(&output.stdout),
        None,
        "{what}: stdout {:?}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(
        unsafe_char(&output.stderr),
        None,
        "{what}: stderr {:?}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_ne!(output.status.code(), Some(101), "{what}: panicked");
}

fn run(sandbox: &Sandbox, args: &[&str]) -> Output {
    sandbox.command().args(args).output().unwrap()
}

/// `args` (with `LIST` a checklist whose key sets a terminal's title) is
/// refused, naming the key escaped, and sends no control to the terminal.
fn key_shown_escaped(args: &[&str]) {
    let sandbox = Sandbox::new();
    let list = sandbox.write("evil.yaml", &format!("title: Evil\n{HOSTILE_KEY}: 1\nphases: []\n"));
    let args = common::filled(args, &[("LIST", as_str(&list))]);
    let output = run(&sandbox, &args);
    assert_eq!(output.status.code(), Some(1), "{args:?}");
    assert_clean(&format!("{args:?}"), &output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("unknown field `\\u{1b}]0;pwned\\u{7}"),
        "{args:?}: {stderr}"
    );
}

preflight_core::cases! { a_hostile_yaml_key_is_shown_escaped_by_every_command_that_loads_the_file, key_shown_escaped:
    validate = (&["validate", "LIST"]),
    status = (&["status", "LIST"]),
    check = (&["check", "LIST", "x"]),
    export = (&["export", "LIST"]),
    the_view = (&["LIST"]),
}

#[test]
fn a_hostile_id_is_shown_escaped() {
    let sandbox = Sandbox::new();
    let yaml = MINI.replace(
        "- First step",
        "- title: First step\n            id: \"\\e[2J\\e]0;x\\a\"",
    );
    let list = sandbox.write("evil.yaml", &yaml);
    let output = run(&sandbox, &["validate", as_str(&list)]);
    assert_eq!(output.status.code(), Some(1));
    assert_clean("invalid id", &output);
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid id `\\u{1b}[2J"));
}

#[test]
fn an_unknown_item_argument_is_echoed_escaped() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let output = run(&sandbox, &["check", as_str(&list), "\u{1b}]0;pwned\u{7}\u{202e}"]);
    assert_eq!(output.status.code(), Some(1));
    assert_clean("unknown ITEM", &output);
    assert!(String::from_utf8_lossy(&output.stderr).contains("no item `\\u{1b}]0;pwned\\u{7}\\u{202e}`"));
    assert!(sandbox.run_logs().is_empty(), "nothing was recorded");
}

/// `command` (with `LIST` the checklist) given `run_name` refuses it
/// without echoing what it holds, and records nothing.
fn run_name_refused(run_name: &str, command: &[&str]) {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let mut args = common::filled(command, &[("LIST", as_str(&list))]);
    args.extend(["--run", run_name]);
    let output = run(&sandbox, &args);
    assert_eq!(output.status.code(), Some(1), "{args:?}");
    assert_clean(&format!("{args:?}"), &output);
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid run name"));
    assert!(sandbox.run_logs().is_empty());
}

const BIDI: &str = "v2.3.0\u{202e}esaeler";
const CLEAR_SCREEN: &str = "v1\u{1b}[2J";
const C1_CSI: &str = "v1\u{9b}";
const STATUS: &[&str] = &["status", "LIST"];
const CHECK: &[&str] = &["check", "LIST", "first-step"];
const EXPORT: &[&str] = &["export", "LIST"];

preflight_core::cases! { a_run_name_with_controls_or_bidi_is_refused_without_echoing_them, run_name_refused:
    a_bidi_override_to_status = (BIDI, STATUS),
    a_bidi_override_to_check = (BIDI, CHECK),
    a_bidi_override_to_export = (BIDI, EXPORT),
    an_escape_sequence_to_status = (CLEAR_SCREEN, STATUS),
    an_escape_sequence_to_check = (CLEAR_SCREEN, CHECK),
    an_escape_sequence_to_export = (CLEAR_SCREEN, EXPORT),
    a_c1_control_to_status = (C1_CSI, STATUS),
    a_c1_control_to_check = (C1_CSI, CHECK),
    a_c1_control_to_export = (C1_CSI, EXPORT),
}

/// MINI with a run log `run.jsonl` in which the first step is done, followed
/// by `extra` lines written by hand; returns the checklist's and the log's paths.
fn run_log_with(sandbox: &Sandbox, extra: &str) -> (String, String) {
    let list = sandbox.write("mini.yaml", MINI);
    let state = sandbox.path("run.jsonl");
    sandbox.ok(&["check", as_str(&list), "first-step", "--state", as_str(&state)]);
    let mut log = std::fs::read_to_string(&state).unwrap();
    log.push_str(extra);
    std::fs::write(&state, log).unwrap();
    (as_str(&list).to_owned(), as_str(&state).to_owned())
}

/// A run log with hostile text: a name that sets the title and reverses
/// text, a reason that clears the screen, and a line of garbage.
fn hostile_run_log(sandbox: &Sandbox) -> (String, String) {
    run_log_with(
        sandbox,
        concat!(
            r#"{"at":"2026-11-29T10:00:00Z","by":"\u001b]0;mallory\u0007\u202e","item":"only/steps/second-step","#,
            r#""status":"skipped","reason":"\u001b[2J\u009b31mgone"}"#,
            "\n",
            "\u{1b}]0;garbage line\u{7}\n",
        ),
    )
}

fn cleaned_in(command: &str) {
    let sandbox = Sandbox::new();
    let (list, state) = hostile_run_log(&sandbox);
    let output = run(&sandbox, &[command, &list, "--state", &state]);
    assert_eq!(output.status.code(), Some(0), "{command}");
    assert_clean(command, &output);
}

preflight_core::cases! { hostile_text_in_a_run_log_is_cleaned_in_every_output, cleaned_in:
    status = ("status"),
    export = ("export"),
    log = ("log"),
}

#[test]
fn hostile_text_in_a_run_log_is_cleaned_in_status_json() {
    let sandbox = Sandbox::new();
    let (list, state) = hostile_run_log(&sandbox);
    let json = run(&sandbox, &["status", "--json", &list, "--state", &state]);
    assert_clean("status --json", &json);
    let text = String::from_utf8(json.stdout).unwrap();
    assert!(text.contains("\"by\": \"]0;mallory\""), "{text}");
}

#[test]
fn a_timestamp_that_is_not_one_makes_the_event_invalid_and_never_reaches_markdown() {
    let sandbox = Sandbox::new();
    let (list, state) = run_log_with(
        &sandbox,
        concat!(
            r#"{"at":"2026-11-29T10:00:00Z* [click me](https://evil.example) *","by":"x","#,
            r#""item":"only/steps/second-step","status":"done"}"#,
            "\n"
        ),
    );
    let ran = sandbox.run(&["export", &list, "--state", &state]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(!ran.stdout.contains("evil.example"), "{}", ran.stdout);
    assert!(
        ran.stdout.contains("- [ ] Second step\n"),
        "the event was skipped: {}",
        ran.stdout
    );
    assert!(
        ran.stderr
            .contains(":3: skipped an invalid line: its `at` is not an RFC 3339 timestamp"),
        "{}",
        ran.stderr
    );
}

#[test]
fn warnings_about_a_damaged_run_log_are_capped() {
    let sandbox = Sandbox::new();
    let mut garbage = String::new();
    for n in 0..5000 {
        let _ = writeln!(garbage, "garbage {n}");
    }
    let (list, state) = run_log_with(&sandbox, &garbage);
    let ran = sandbox.run(&["status", &list, "--state", &state]);
    assert_eq!(ran.code, 0);
    let lines: Vec<&str> = ran.stderr.lines().collect();
    assert_eq!(lines.len(), 11, "{}", ran.stderr);
    assert!(
        lines[0].contains("run.jsonl:3: skipped an invalid line"),
        "{}",
        lines[0]
    );
    assert!(lines[9].contains("run.jsonl:12: skipped"), "{}", lines[9]);
    assert!(
        lines[10].ends_with("run.jsonl: and 4990 more invalid lines"),
        "{}",
        lines[10]
    );
}

#[test]
fn a_repeated_key_is_named_with_both_places_without_the_library_s_words() {
    let sandbox = Sandbox::new();
    let yaml =
        "title: T\nphases:\n  - name: P\n    sections:\n      - name: S\n        items: [a]\n        items: [b]\n";
    let list = sandbox.write("dup.yaml", yaml);
    let ran = sandbox.run(&["validate", as_str(&list)]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr
            .contains("dup.yaml:7:9: `items` appears twice in phases[0].sections[0]: at line 6 and here"),
        "{}",
        ran.stderr
    );
    assert!(!ran.stderr.contains("DuplicateKeyPolicy"), "{}", ran.stderr);
    assert!(ran.stderr.contains("hint: "), "{}", ran.stderr);
}
