//! A Markdown checklist opens as it is, with every command that takes a
//! checklist file: read by the importer, ids derived as for YAML, its runs kept
//! under the `.md` file; bad input is an error naming the file, with a hint.

mod common;

use common::{Sandbox, as_str, json_items};
use serde_json::Value;

const RELEASING: &str = "# Releasing\n\nHow a release is cut.\n\n## Prepare\n\n\
- [ ] Bump the version\n- [x] Update the changelog\n\nSome words after the list.\n\n\
## Ship\n\n- [ ] Tag it\n- [ ] Announce it\n\n<!-- say where -->\n";

fn json(sandbox: &Sandbox, args: &[&str]) -> Value {
    serde_json::from_str(&sandbox.ok(args)).unwrap()
}

/// Runs a command that must fail with status 1 (no panic), saying `says` on
/// stderr, with a hint.
fn refused(sandbox: &Sandbox, args: &[&str], says: &str) {
    let ran = sandbox.run(args);
    assert_eq!(ran.code, 1, "{args:?}: {}", ran.stderr);
    assert!(ran.stderr.contains(says), "{args:?}: {}", ran.stderr);
    assert!(ran.stderr.contains("\n  hint: "), "{args:?}: {}", ran.stderr);
}

#[test]
fn status_check_and_export_work_on_a_markdown_file_and_its_run_is_keyed_to_it() {
    let sandbox = Sandbox::new();
    sandbox.write("RELEASING.md", RELEASING);
    let status = sandbox.ok(&["status", "RELEASING.md"]);
    assert!(status.starts_with("Releasing — How a release is cut."), "{status}");
    assert!(status.contains("(0/4 items completed)"), "the [x] is no tick: {status}");
    let ran = sandbox.run(&["check", "RELEASING.md", "bump-the-version"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stdout.contains("prepare/prepare/bump-the-version"),
        "{}",
        ran.stdout
    );

    let json = json(&sandbox, &["status", "RELEASING.md", "--json"]);
    assert_eq!((json["done"].as_u64(), json["total"].as_u64()), (Some(1), Some(4)));
    let items = json_items(&json);
    assert_eq!(items[0]["status"], "done");
    assert_eq!(items[3]["id"], "ship/ship/announce-it");

    let logs = sandbox.run_logs();
    assert_eq!(logs.len(), 1, "{logs:?}");
    let header = std::fs::read_to_string(&logs[0]).unwrap();
    assert!(header.contains("\"file\":\"RELEASING.md\""), "{header}");
    let exported = sandbox.ok(&["export", "RELEASING.md"]);
    // The sandbox records as `tester`; the export names the account too
    // when it is another.
    let login = whoami::username().unwrap();
    let who = if login == "tester" {
        login
    } else {
        format!("{login} (as tester)")
    };
    assert!(
        exported.contains(&format!("- [x] Bump the version — *{who}, ")),
        "{exported}"
    );
    assert!(exported.contains("- [ ] Update the changelog"), "{exported}");
    let runs = sandbox.ok(&["runs", "RELEASING.md"]);
    assert!(runs.contains("default") && runs.contains("1/4"), "{runs}");
}

/// `args` (with `LIST` a Markdown checklist) succeeds.
fn takes_a_markdown_file(args: &[&str]) {
    let sandbox = Sandbox::new();
    sandbox.write("notes.markdown", RELEASING);
    let args = common::filled(args, &[("LIST", "notes.markdown")]);
    let ran = sandbox.run(&args);
    assert_eq!(ran.code, 0, "{args:?}: {}", ran.stderr);
}

preflight_core::cases! { every_command_that_takes_a_checklist_takes_a_markdown_file, takes_a_markdown_file:
    skip = (&["skip", "LIST", "tag-it", "--reason", "no tags here"]),
    note = (&["note", "LIST", "announce-it", "ask first"]),
    check = (&["check", "LIST", "bump-the-version"]),
    uncheck = (&["uncheck", "LIST", "bump-the-version"]),
    log = (&["log", "LIST"]),
    report = (&["report", "LIST"]),
    verify = (&["verify", "LIST"]),
    runs = (&["runs", "LIST"]),
    validate = (&["validate", "LIST"]),
}

#[test]
fn what_is_recorded_on_a_markdown_file_shows_in_its_log() {
    let sandbox = Sandbox::new();
    sandbox.write("notes.markdown", RELEASING);
    let list = "notes.markdown";
    sandbox.ok(&["skip", list, "tag-it", "--reason", "no tags here"]);
    sandbox.ok(&["note", list, "announce-it", "ask first"]);
    sandbox.ok(&["check", list, "bump-the-version"]);
    sandbox.ok(&["uncheck", list, "bump-the-version"]);
    let log = sandbox.ok(&["log", list]);
    assert!(
        log.contains("ship/ship/tag-it") && log.contains("\"ask first\""),
        "{log}"
    );
}

#[test]
fn exec_on_a_markdown_item_without_a_command_says_so() {
    let sandbox = Sandbox::new();
    sandbox.write("notes.markdown", RELEASING);
    refused(
        &sandbox,
        &["exec", "notes.markdown", "tag-it"],
        "ship/ship/tag-it has no command to run",
    );
}

#[test]
fn a_markdown_file_opens_as_its_import_does() {
    let dir = format!("{}/tests/fixtures/markdown", env!("CARGO_MANIFEST_DIR"));
    let mut fixtures: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    fixtures.sort();
    for path in fixtures {
        let sandbox = Sandbox::new();
        let name = path.file_name().unwrap().to_str().unwrap();
        sandbox.write(name, &std::fs::read_to_string(&path).unwrap());
        sandbox.ok(&["import", name, "-o", "imported.yaml"]);
        let opened = json(&sandbox, &["status", name, "--json"]);
        let imported = json(&sandbox, &["status", "imported.yaml", "--json"]);
        assert_eq!(opened, imported, "{name}");
    }
}

#[test]
fn an_export_opened_as_it_is_carries_no_ticks_into_a_run() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", common::MINI);
    sandbox.ok(&["check", as_str(&list), "first-step"]);
    sandbox.ok(&["note", as_str(&list), "second-step", "careful"]);
    sandbox.ok(&["export", as_str(&list), "-o", "progress.md"]);
    let json = json(&sandbox, &["status", "progress.md", "--json"]);
    assert_eq!((json["done"].as_u64(), json["total"].as_u64()), (Some(0), Some(3)));
    assert!(json_items(&json).iter().all(|i| i["note"].is_null()), "{json}");
    assert_eq!(sandbox.run_logs().len(), 1, "only the YAML's run has a log");
}

#[test]
fn validate_lists_what_a_markdown_file_leaves_out() {
    let sandbox = Sandbox::new();
    sandbox.write("RELEASING.md", RELEASING);
    let ran = sandbox.run(&["validate", "RELEASING.md"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(ran.stdout, "RELEASING.md: 2 phases, 2 sections, 4 items\n");
    assert!(
        ran.stderr.contains("RELEASING.md: left out: 1 HTML comment (line 17)"),
        "{}",
        ran.stderr
    );
}

/// `command` on a Markdown file with an HTML comment says nothing of what
/// it leaves out: only `validate` lists that.
fn says_nothing_left_out(command: &str) {
    let sandbox = Sandbox::new();
    sandbox.write("RELEASING.md", RELEASING);
    let ran = sandbox.run(&[command, "RELEASING.md"]);
    assert!(!ran.stderr.contains("left out"), "{command}: {}", ran.stderr);
}

preflight_core::cases! { other_commands_do_not_list_what_a_markdown_file_leaves_out, says_nothing_left_out:
    status = ("status"),
    export = ("export"),
}

/// `args` (with `FILE` the Markdown file) on `file`, holding `text`, is
/// refused, naming the file, and starts no run.
fn no_task_items(file: &str, text: &str, args: &[&str]) {
    let sandbox = Sandbox::new();
    sandbox.write(file, text);
    let args = common::filled(args, &[("FILE", file)]);
    refused(&sandbox, &args, &format!("{file}: no task items"));
    assert!(sandbox.run_logs().is_empty(), "no run was started");
}

const PROSE: &str = "# Notes\n\nJust words, no boxes.\n";

preflight_core::cases! { a_markdown_file_without_task_items_is_a_clear_error_in_every_command, no_task_items:
    prose_opened_in_the_view = ("prose.md", PROSE, &["FILE"]),
    prose_to_status = ("prose.md", PROSE, &["status", "FILE"]),
    prose_to_check = ("prose.md", PROSE, &["check", "FILE", "x"]),
    prose_to_validate = ("prose.md", PROSE, &["validate", "FILE"]),
    prose_to_export = ("prose.md", PROSE, &["export", "FILE"]),
    an_empty_file_opened_in_the_view = ("empty.md", "", &["FILE"]),
    an_empty_file_to_status = ("empty.md", "", &["status", "FILE"]),
    an_empty_file_to_check = ("empty.md", "", &["check", "FILE", "x"]),
    an_empty_file_to_validate = ("empty.md", "", &["validate", "FILE"]),
    an_empty_file_to_export = ("empty.md", "", &["export", "FILE"]),
}

#[test]
fn bad_bytes_in_a_markdown_file_are_named_with_line_and_column() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("latin1.md"), b"# T\n\n- [ ] caf\xe9\n").unwrap();
    refused(
        &sandbox,
        &["status", "latin1.md"],
        "latin1.md:3:10: is not valid UTF-8 (byte 0xe9)",
    );
    std::fs::write(sandbox.path("nul.md"), b"# T\n\n- [ ] a\0b\n").unwrap();
    refused(
        &sandbox,
        &["validate", "nul.md"],
        "nul.md: is a binary file, not a Markdown checklist",
    );
    refused(&sandbox, &["status", "missing.md"], "missing.md: no such file");
}

#[test]
fn a_byte_order_mark_and_crlf_lines_read_as_plain_markdown() {
    let sandbox = Sandbox::new();
    let windows = format!("\u{feff}{}", RELEASING.replace('\n', "\r\n"));
    sandbox.write("windows.md", &windows);
    sandbox.write("plain.md", RELEASING);
    let windows = json(&sandbox, &["status", "windows.md", "--json"]);
    assert_eq!(windows["title"], "Releasing", "{windows}");
    assert_eq!(windows, json(&sandbox, &["status", "plain.md", "--json"]));
}

#[cfg(unix)]
#[test]
fn a_markdown_symlink_shares_its_targets_runs() {
    let sandbox = Sandbox::new();
    let real = sandbox.write("real.md", RELEASING);
    std::os::unix::fs::symlink(&real, sandbox.path("link.md")).unwrap();
    sandbox.ok(&["check", "link.md", "tag-it"]);
    let json = json(&sandbox, &["status", "real.md", "--json"]);
    assert_eq!(json["done"].as_u64(), Some(1), "{json}");
}

#[cfg(unix)]
fn a_fifo_is_refused(command: &str) {
    let sandbox = Sandbox::new();
    sandbox.fifo("pipe.md");
    refused(
        &sandbox,
        &[command, "pipe.md"],
        "pipe.md: is a FIFO (named pipe), not a checklist file",
    );
}

#[cfg(unix)]
preflight_core::cases! { a_markdown_fifo_is_refused_as_for_yaml, a_fifo_is_refused:
    by_status = ("status"),
    by_validate = ("validate"),
    by_import = ("import"),
}

/// `args` would write YAML to `written`, a Markdown name: refused, and
/// nothing written.
fn no_yaml_under(args: &[&str], written: &str) {
    let sandbox = Sandbox::new();
    sandbox.write("RELEASING.md", RELEASING);
    refused(
        &sandbox,
        args,
        "writes YAML, and a file with a Markdown ending is read as Markdown",
    );
    assert!(!sandbox.path(written).exists());
}

preflight_core::cases! { import_and_new_write_no_yaml_under_a_markdown_name, no_yaml_under:
    import = (&["import", "RELEASING.md", "-o", "copy.md"], "copy.md"),
    new_in_capitals = (&["new", "starter.MD"], "starter.MD"),
}

/// The view opens a Markdown file as it is: its items shown, a tick kept in
/// the run that commands read.
#[cfg(unix)]
#[test]
fn the_view_opens_a_markdown_file_and_its_tick_shows_in_status() {
    let sandbox = Sandbox::new();
    sandbox.write("RELEASING.md", RELEASING);
    let mut pty = common::pty::Pty::spawn(&sandbox, &["RELEASING.md"], 80, 24);
    pty.wait_for("Releasing");
    pty.wait_for("[ ] Update the changelog");
    pty.wait_for("[ ] Tag it");
    pty.send("jj ");
    pty.wait_for("[x] Bump the version");
    pty.wait_for("1/4");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    let json = json(&sandbox, &["status", "RELEASING.md", "--json"]);
    assert_eq!(json["done"].as_u64(), Some(1), "{json}");
}

/// `E` edits the Markdown file itself and reloads it through the same reader;
/// an edit that leaves no task item keeps the version shown.
#[cfg(unix)]
#[test]
fn e_edits_a_markdown_file_and_reloads_it() {
    use std::os::unix::fs::PermissionsExt as _;
    let sandbox = Sandbox::new();
    sandbox.write("RELEASING.md", RELEASING);
    let editor = sandbox.write("rename.sh", "#!/bin/sh\nsed -i 's/Tag it/Tag it, signed/' \"$1\"\n");
    let breaker = sandbox.write(
        "break.sh",
        "#!/bin/sh\nprintf '# Releasing\\n\\nno boxes\\n' > \"$1\"\n",
    );
    for script in [&editor, &breaker] {
        std::fs::set_permissions(script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    for (script, says, why) in [
        (&editor, "checklist reloaded", "checklist reloaded"),
        (&breaker, "kept the previous version", "no task items"),
    ] {
        let env = [("VISUAL", as_str(script))];
        let mut pty = common::pty::Pty::spawn_with(&sandbox, &["RELEASING.md"], 80, 24, &env);
        pty.wait_for("[ ] Bump the version");
        pty.send("E");
        let screen = pty.wait_for(says);
        assert!(screen.contains(why), "{screen}");
        assert!(screen.contains("Tag it, signed"), "{screen}");
        pty.send("q");
        assert_eq!(pty.wait_exit(), 0);
    }
    let edited = std::fs::read_to_string(sandbox.path("RELEASING.md")).unwrap();
    assert_eq!(
        edited, "# Releasing\n\nno boxes\n",
        "the editor was given the .md itself"
    );
}
