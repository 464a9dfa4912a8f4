#![cfg(unix)]
//! Nothing a user made is destroyed: `import -o` and `export -o` replace a file
//! only when told (or, for `export`, an earlier export), never a symlink, a FIFO
//! or a device; `import --run` checks everything before writing anything; a run
//! log must be a regular file, and no stray file is left beside anything else.

mod common;

use std::fs;
use std::os::unix::fs::FileTypeExt as _;
use std::path::Path;

use common::{MINI, Sandbox, as_str};

const MARKDOWN: &str = "# Release\n\n## Ship\n\n- [x] Tag it\n- [ ] Announce it\n";

#[test]
fn import_refuses_an_existing_file_unless_forced() {
    let sandbox = Sandbox::new();
    let md = sandbox.write("pr.md", MARKDOWN);
    let yaml = sandbox.write("pr.yaml", "# my edited checklist\n");
    let ran = sandbox.run(&["import", as_str(&md), "-o", as_str(&yaml)]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr
            .contains("pr.yaml: exists already; the checklist was not written"),
        "{}",
        ran.stderr
    );
    assert!(ran.stderr.contains("hint: --force replaces it"), "{}", ran.stderr);
    assert_eq!(fs::read_to_string(&yaml).unwrap(), "# my edited checklist\n");
    sandbox.ok(&["import", as_str(&md), "-o", as_str(&yaml), "--force"]);
    assert!(fs::read_to_string(&yaml).unwrap().contains("title: Release"));
}

#[test]
fn export_replaces_an_earlier_export_but_nothing_else_unless_forced() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let report = sandbox.path("progress.md");
    sandbox.ok(&["export", as_str(&list), "-o", as_str(&report)]);
    sandbox.ok(&["check", as_str(&list), "first-step"]);
    sandbox.ok(&["export", as_str(&list), "-o", as_str(&report)]);
    assert!(
        fs::read_to_string(&report).unwrap().contains("- [x] First step — *"),
        "regenerated"
    );

    let notes = sandbox.write("notes.md", "# My notes\n");
    let ran = sandbox.run(&["export", as_str(&list), "-o", as_str(&notes)]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("it is not an earlier export"), "{}", ran.stderr);
    assert_eq!(fs::read_to_string(&notes).unwrap(), "# My notes\n");
    sandbox.ok(&["export", as_str(&list), "-o", as_str(&notes), "--force"]);
    assert!(fs::read_to_string(&notes).unwrap().starts_with("<!-- preflight export"));
}

/// A file that is not a regular file of its own, named as an output.
#[derive(Clone, Copy)]
enum Odd {
    /// A symbolic link to an earlier export (`real.md`).
    Link,
    /// A FIFO.
    Fifo,
    /// `/dev/null`.
    DevNull,
}

/// `args` (with `LIST` the YAML checklist, `MD` a Markdown one and `TARGET`
/// the odd file) is refused even with `--force`, and the link, what it points
/// to and the device are as they were.
fn never_replaced(target: Odd, args: &[&str]) {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let md = sandbox.write("pr.md", MARKDOWN);
    let real = sandbox.write("real.md", "<!-- preflight export -->\nmine\n");
    let link = sandbox.path("link.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let target = match target {
        Odd::Link => link.clone(),
        Odd::Fifo => sandbox.fifo("pipe.md"),
        Odd::DevNull => "/dev/null".into(),
    };
    let places = [
        ("LIST", as_str(&list)),
        ("MD", as_str(&md)),
        ("TARGET", as_str(&target)),
    ];
    let args = common::filled(args, &places);
    let ran = sandbox.run(&args);
    assert_eq!(ran.code, 1, "{args:?}");
    assert!(
        ran.stderr.contains("symbolic link") || ran.stderr.contains("not a regular file"),
        "{args:?}: {}",
        ran.stderr
    );
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(fs::read_to_string(&real).unwrap(), "<!-- preflight export -->\nmine\n");
    assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
}

const EXPORT: &[&str] = &["export", "LIST", "-o", "TARGET", "--force"];
const IMPORT: &[&str] = &["import", "MD", "-o", "TARGET", "--force"];
const REPORT: &[&str] = &["report", "LIST", "--html", "-o", "TARGET", "--force"];

preflight_core::cases! { symlinks_fifos_and_devices_are_never_replaced_even_with_force, never_replaced:
    a_symlink_by_export = (Odd::Link, EXPORT),
    a_symlink_by_import = (Odd::Link, IMPORT),
    a_symlink_by_report = (Odd::Link, REPORT),
    a_fifo_by_export = (Odd::Fifo, EXPORT),
    a_fifo_by_import = (Odd::Fifo, IMPORT),
    a_fifo_by_report = (Odd::Fifo, REPORT),
    dev_null_by_export = (Odd::DevNull, EXPORT),
    dev_null_by_import = (Odd::DevNull, IMPORT),
    dev_null_by_report = (Odd::DevNull, REPORT),
}

#[test]
fn import_with_run_into_a_run_that_has_events_writes_nothing() {
    let sandbox = Sandbox::new();
    let md = sandbox.write("pr.md", MARKDOWN);
    let yaml = sandbox.path("pr.yaml");
    sandbox.ok(&["import", as_str(&md), "-o", as_str(&yaml), "--run", "r1"]);
    sandbox.ok(&["uncheck", as_str(&yaml), "tag-it", "--run", "r1", "--by", "bob"]);
    let yaml_before = fs::read(&yaml).unwrap();
    let logs = sandbox.run_logs();
    let log_before = fs::read(&logs[0]).unwrap();
    let ran = sandbox.run(&["import", as_str(&md), "-o", as_str(&yaml), "--run", "r1", "--force"]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("run \"r1\""), "{}", ran.stderr);
    assert!(ran.stderr.contains("has 2 recorded changes already"), "{}", ran.stderr);
    assert!(ran.stderr.contains("hint: import into a new run"), "{}", ran.stderr);
    assert_eq!(fs::read(&yaml).unwrap(), yaml_before, "no byte of the YAML changed");
    assert_eq!(fs::read(&logs[0]).unwrap(), log_before, "no byte of the log changed");
}

#[test]
fn import_with_run_checks_the_output_and_the_log_before_writing_either() {
    let sandbox = Sandbox::new();
    let md = sandbox.write("pr.md", MARKDOWN);
    let yaml = sandbox.write("pr.yaml", "# mine\n");
    let ran = sandbox.run(&["import", as_str(&md), "-o", as_str(&yaml), "--run", "r1"]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(sandbox.run_logs().is_empty(), "no run was started");

    // A --state log of another checklist: a title clash, found before the YAML is written.
    let list = sandbox.write("mini.yaml", MINI);
    let state = sandbox.path("other.jsonl");
    sandbox.ok(&["check", as_str(&list), "first-step", "--state", as_str(&state)]);
    let fresh = sandbox.path("fresh.yaml");
    let ran = sandbox.run(&[
        "import",
        as_str(&md),
        "-o",
        as_str(&fresh),
        "--run",
        "r1",
        "--state",
        as_str(&state),
    ]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr.contains("belongs to the checklist \"Mini\""),
        "{}",
        ran.stderr
    );
    assert!(!fresh.exists(), "the YAML was not written");
}

#[test]
fn import_writes_only_yaml_that_loads_even_from_characters_yaml_cannot_hold() {
    let sandbox = Sandbox::new();
    let md = sandbox.write(
        "odd.md",
        "# Odd \u{fffe}title\n\n## Phase \u{ffff}\n\n- [ ] Step \u{fdd0}one \u{1fffe}\n- [ ] \u{feff}Step two\n",
    );
    let yaml = sandbox.path("odd.yaml");
    sandbox.ok(&["import", as_str(&md), "-o", as_str(&yaml)]);
    let out = sandbox.ok(&["validate", as_str(&yaml)]);
    assert!(out.contains("1 phase, 1 section, 2 items"), "{out}");
    let text = fs::read_to_string(&yaml).unwrap();
    assert!(text.contains("title: Odd title"), "{text}");
}

/// `command` with a FIFO (or else `/dev/null`) for its run log is refused,
/// and leaves no lock beside it.
fn not_a_run_log(fifo: bool, command: &str) {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let dev_null_lock = Path::new("/dev/null.lock");
    let stray_before = dev_null_lock.exists();
    let state = if fifo {
        sandbox.fifo("run.jsonl")
    } else {
        "/dev/null".into()
    };
    let mut args = vec![command, as_str(&list)];
    if command == "check" {
        args.push("first-step");
    }
    args.extend(["--state", as_str(&state)]);
    let ran = sandbox.run(&args);
    assert_eq!(ran.code, 1, "{args:?}");
    assert!(ran.stderr.contains("not a run log file"), "{args:?}: {}", ran.stderr);
    assert!(!sandbox.path("run.jsonl.lock").exists(), "no lock beside the FIFO");
    assert_eq!(dev_null_lock.exists(), stray_before, "no /dev/null.lock");
}

preflight_core::cases! { a_run_log_that_is_not_a_regular_file_is_refused_and_nothing_is_created, not_a_run_log:
    a_fifo_to_check = (true, "check"),
    a_fifo_to_status = (true, "status"),
    dev_null_to_check = (false, "check"),
    dev_null_to_status = (false, "status"),
}

#[test]
fn generate_checks_both_files_before_writing_and_replaces_only_when_forced() {
    let sandbox = Sandbox::new();
    let dir = sandbox.path("gen");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("run.jsonl"), "my own log\n").unwrap();
    let args = ["generate", "--items", "10", "--events", "5", "--dir", as_str(&dir)];
    let ran = sandbox.run(&args);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("run.jsonl: exists already"), "{}", ran.stderr);
    assert!(
        !dir.join("checklist.yaml").exists(),
        "nothing written before every check passed"
    );
    assert_eq!(fs::read_to_string(dir.join("run.jsonl")).unwrap(), "my own log\n");
    let mut forced = args.to_vec();
    forced.push("--force");
    sandbox.ok(&forced);
    assert!(
        fs::read_to_string(dir.join("run.jsonl"))
            .unwrap()
            .starts_with("{\"preflight\":\"run log\"")
    );
}
