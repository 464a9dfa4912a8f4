//! `preflight status` and `preflight validate` on good checklists.

mod common;

use common::Sandbox;
use serde_json::Value;

/// Every command a user can see.
const COMMANDS: &[&str] = &[
    "validate",
    "status",
    "check",
    "uncheck",
    "skip",
    "note",
    "runs",
    "log",
    "export",
    "import",
    "new",
    "templates",
    "schema",
    "completions",
    "man",
];

/// Runs preflight in a fresh sandbox: no runs recorded.
fn preflight(args: &[&str]) -> (i32, String, String) {
    let ran = Sandbox::new().run(args);
    (ran.code, ran.stdout, ran.stderr)
}

#[test]
fn status_of_the_bundled_checklist_reads_like_its_completion_status() {
    let (code, stdout, stderr) = preflight(&["status"]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!(stdout);
}

#[test]
fn status_json_has_the_documented_shape() {
    let (code, stdout, _) = preflight(&["status", "--json"]);
    assert_eq!(code, 0);
    let root: Value = serde_json::from_str(&stdout).unwrap();
    let keys = |v: &Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&root),
        [
            "description",
            "done",
            "percent",
            "phases",
            "run",
            "skipped",
            "title",
            "total"
        ]
    );
    assert_eq!(root["title"], "Production Deployment Checklist");
    assert_eq!(
        (root["done"].as_u64(), root["total"].as_u64(), root["percent"].as_u64()),
        (Some(0), Some(132), Some(0))
    );
    let phases = root["phases"].as_array().unwrap();
    assert_eq!(phases.len(), 6);
    assert_eq!(
        keys(&phases[0]),
        ["done", "icon", "id", "name", "percent", "sections", "skipped", "total"]
    );
    assert_eq!(
        (phases[0]["id"].as_str(), phases[0]["icon"].as_str()),
        (Some("pre-deployment"), Some("🚀"))
    );
    let totals: Vec<u64> = phases.iter().map(|p| p["total"].as_u64().unwrap()).collect();
    assert_eq!(totals, [26, 20, 24, 24, 24, 14]);
    let section = &phases[0]["sections"][0];
    assert_eq!(
        keys(section),
        ["done", "id", "items", "name", "percent", "skipped", "total"]
    );
    assert_eq!(section["id"], "infrastructure-setup");
    let item = &section["items"][0];
    assert_eq!(
        keys(item),
        ["at", "by", "detail", "id", "login", "note", "reason", "status", "title"]
    );
    assert_eq!(root["run"], "default");
    let set: Vec<&str> = ["at", "by", "login", "note", "reason"]
        .into_iter()
        .filter(|unset| !item[unset].is_null())
        .collect();
    assert!(set.is_empty(), "{set:?} not null when unset");
    assert_eq!(
        item["id"],
        "pre-deployment/infrastructure-setup/cloud-on-premise-environment"
    );
    assert_eq!(item["status"], "todo");
    assert_eq!(common::json_items(&root).len(), 132);
}

#[test]
fn status_of_a_named_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mini.yaml");
    std::fs::write(
        &path,
        "title: Mini\nphases:\n  - name: Only\n    sections:\n      - name: S\n        items: [a, b, c]\n",
    )
    .unwrap();
    let (code, stdout, _) = preflight(&["status", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("Mini\n"), "{stdout}");
    assert!(stdout.contains("[ ] Only: 0/3 items completed"), "{stdout}");
    assert!(
        stdout.ends_with("Overall Progress: 0% Complete (0/3 items completed)\n"),
        "{stdout}"
    );
}

#[test]
fn status_of_a_bad_file_fails_with_the_load_error() {
    let (code, stdout, stderr) = preflight(&["status", "no-such.yaml"]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.starts_with("error: no-such.yaml: no such file"), "{stderr}");
}

#[test]
fn validate_without_arguments_checks_the_bundled_checklist() {
    let (code, stdout, _) = preflight(&["validate"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "production-deployment.yaml (bundled): 6 phases, 17 sections, 132 items\n"
    );
}

#[test]
fn help_shows_examples_and_version_is_printed() {
    let without: Vec<String> = COMMANDS
        .iter()
        .filter_map(|command| {
            let (code, stdout, _) = preflight(&[command, "--help"]);
            (code != 0 || !stdout.contains("Example")).then(|| format!("{command} (exit {code}): {stdout}"))
        })
        .collect();
    assert!(without.is_empty(), "help without an example: {without:#?}");
    let (code, stdout, _) = preflight(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(stdout, format!("preflight {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_exit_with_status_2() {
    let (code, _, stderr) = preflight(&["stauts"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("status"), "suggests the right command: {stderr}");
}

#[test]
fn the_interactive_view_without_a_terminal_points_to_status() {
    let (code, stdout, stderr) = preflight(&[]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("needs a terminal") && stderr.contains("preflight status"),
        "{stderr}"
    );
}

#[test]
fn the_man_page_documents_every_command_flag_exit_code_and_variable() {
    let (code, page, _) = preflight(&["man"]);
    assert_eq!(code, 0);
    let undocumented: Vec<&str> = COMMANDS
        .iter()
        .copied()
        .filter(|command| !page.contains(&format!(".SS \"preflight {command}\"")))
        .collect();
    assert!(undocumented.is_empty(), "commands {undocumented:?}");
    let missing: Vec<&str> = [
        "\\-\\-run",
        "\\-\\-state",
        "\\-\\-by",
        "\\-\\-json",
        "\\-\\-require\\-complete",
        "\\-\\-reason",
        "\\-\\-output",
        "Exit status",
        "PREFLIGHT_USER",
        "XDG_DATA_HOME",
        "3  status \\-\\-require\\-complete",
    ]
    .into_iter()
    .filter(|text| !page.contains(text))
    .collect();
    assert!(missing.is_empty(), "flags and texts {missing:?}");
    assert!(!page.contains("generate"), "the hidden generator stays hidden");
}

fn completions_are_printed(shell: &str, marker: &str) {
    let (code, script, stderr) = preflight(&["completions", shell]);
    assert_eq!(code, 0, "{shell}: {stderr}");
    assert!(script.contains(marker), "{shell}");
    assert!(script.contains("require-complete"), "{shell} completes flags");
}

preflight_core::cases! {
    completions_are_printed_for, completions_are_printed:
    bash = ("bash", "complete -F"),
    zsh = ("zsh", "#compdef preflight"),
    fish = ("fish", "complete -c preflight"),
    elvish = ("elvish", "preflight"),
    powershell = ("powershell", "Register-ArgumentCompleter"),
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let sandbox = Sandbox::new();
    let piped = sandbox.run(&["status"]);
    assert!(!piped.stdout.contains('\u{1b}'), "no escape codes into a pipe");
    let forced = sandbox.run(&["status", "--color", "always"]);
    assert!(forced.stdout.contains("\u{1b}["), "{}", forced.stdout);
    let never = sandbox.command().args(["status", "--color", "never"]).output().unwrap();
    assert!(!String::from_utf8(never.stdout).unwrap().contains('\u{1b}'));
    let despite = sandbox
        .command()
        .args(["status", "--color", "always"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        String::from_utf8(despite.stdout).unwrap().contains("\u{1b}["),
        "--color always wins over NO_COLOR"
    );
    let error = sandbox.run(&["validate", "missing.yaml", "--color", "always"]);
    assert!(
        error.stderr.contains("\u{1b}[") && error.stderr.contains("error:"),
        "{}",
        error.stderr
    );
    let plain_error = sandbox.run(&["validate", "missing.yaml"]);
    assert!(
        plain_error.stderr.starts_with("error: missing.yaml"),
        "{}",
        plain_error.stderr
    );
}

#[test]
fn status_prints_markdown_in_names_as_the_text_it_renders_to() {
    let sandbox = common::Sandbox::new();
    let list = sandbox.write(
        "md.yaml",
        "title: Deploy `api`\ndescription: See the **runbook** at [wiki](https://wiki.example)\nphases:\n  - name: Ship `v2`\n    sections:\n      - name: S\n        items: [a]\n",
    );
    let out = sandbox.ok(&["status", list.to_str().unwrap()]);
    assert!(
        out.starts_with("Deploy api — See the runbook at wiki (https://wiki.example)\n"),
        "{out}"
    );
    assert!(out.contains("Ship v2: 0/1 items completed"), "{out}");
    assert!(!out.contains('`'), "{out}");
}

#[test]
fn the_header_shows_the_first_paragraph_of_a_description_on_one_line() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "c.yaml",
        "title: T\ndescription: |-\n  First paragraph\n  of it.\n\n  - more\nphases:\n  - name: P\n    sections:\n      - name: S\n        items: [a]\n",
    );
    let out = sandbox.ok(&["status", "c.yaml"]);
    assert_eq!(out.lines().next(), Some("T — First paragraph of it. …"), "{out}");
}
