//! Working through a run in a pseudo-terminal, with the keys a person presses:
//! editing a note with the cursor keys, `]` into a folded section, Enter to
//! tick and advance, and a whole section ticked at once and undone.

#![cfg(unix)]

mod common;

use common::pty::Pty;
use common::{MINI, Sandbox, as_str, json_items};

const LEFT: &str = "\x1b[D";
const HOME: &str = "\x1b[H";

fn items(sandbox: &Sandbox, list: &str) -> Vec<serde_json::Value> {
    json_items(&serde_json::from_str(&sandbox.ok(&["status", "--json", list])).unwrap())
}

#[test]
fn a_note_is_edited_with_the_cursor_keys() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    let mut pty = Pty::spawn(&sandbox, &[list], 80, 24);
    pty.wait_for("[ ] First step");
    pty.send("jjn");
    pty.wait_for("Note:");
    pty.send("abc");
    pty.send(LEFT);
    pty.send("X");
    pty.send(HOME);
    pty.send(">");
    pty.send("\x01"); // Ctrl-a: home again
    pty.send("\x0b"); // Ctrl-k: delete to the end
    pty.send("kept");
    pty.send("\r");
    pty.wait_for("✎ First step: note saved");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    assert_eq!(items(&sandbox, list)[0]["note"], "kept");

    // Reopened, the cursor is back on First step.
    let mut pty = Pty::spawn(&sandbox, &[list], 80, 24);
    pty.wait_for("Id: only/steps/first-step");
    pty.send("n");
    pty.wait_for("Note: kept");
    pty.send(LEFT);
    pty.send(LEFT);
    pty.send("X");
    pty.send("\r");
    pty.wait_for("note saved");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    assert_eq!(items(&sandbox, list)[0]["note"], "keXpt");
}

#[test]
fn enter_ticks_and_advances_and_a_bracket_goes_into_a_fold() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    let mut pty = Pty::spawn(&sandbox, &[list], 80, 24);
    pty.wait_for("[ ] First step");
    pty.send("jj\r");
    pty.wait_for("[x] First step");
    pty.wait_for("✓ First step");
    pty.send("\r");
    pty.wait_for("[x] Second step");
    // Fold the section, go to the top, and let ] find the last open item.
    pty.send("kkk ");
    pty.wait_for("▸ Steps");
    pty.send("g]");
    pty.wait_for("[ ] Third step");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    let items = items(&sandbox, list);
    assert_eq!(
        (&items[0]["status"], &items[1]["status"]),
        (&"done".into(), &"done".into())
    );
}

#[test]
fn t_ticks_a_whole_section_after_asking_and_u_undoes_it_at_once() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    let mut pty = Pty::spawn(&sandbox, &[list], 80, 24);
    pty.wait_for("[ ] First step");
    pty.send("j");
    pty.send("T");
    pty.wait_for("Tick 3 open items of Steps? y/n");
    pty.send("y");
    pty.wait_for("✓ 3 items");
    pty.wait_for("3/3");
    assert_eq!(
        items(&sandbox, list).iter().filter(|i| i["status"] == "done").count(),
        3
    );
    pty.send("u");
    pty.wait_for("undid: 3 changes");
    pty.wait_for("0/3");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    assert!(items(&sandbox, list).iter().all(|i| i["status"] == "todo"));
    let log = std::fs::read_to_string(&sandbox.run_logs()[0]).unwrap();
    assert_eq!(
        log.lines().count(),
        7,
        "a header, three ticks, three unticks: one event each"
    );
}

#[test]
fn reopening_resumes_where_the_view_was_and_fresh_starts_at_the_first_open_item() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    let mut pty = Pty::spawn(&sandbox, &[list, "--run", "r1"], 80, 24);
    pty.wait_for("[ ] First step");
    pty.send("jj\r");
    pty.wait_for("✓ First step");
    // On Second step now; show only open items, then quit.
    pty.send("f");
    pty.wait_for("open items");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);

    let mut pty = Pty::spawn(&sandbox, &[list, "--run", "r1"], 80, 24);
    let screen = pty.wait_for("Id: only/steps/second-step");
    assert!(screen.contains("· open items"), "the filter came back: {screen}");
    assert!(!screen.contains("First step"), "hidden by the filter again");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);

    let mut pty = Pty::spawn(&sandbox, &[list, "--run", "r1", "--fresh"], 80, 24);
    let screen = pty.wait_for("Id: only/steps/second-step");
    assert!(
        screen.contains("[x] First step"),
        "--fresh forgets the filter: {screen}"
    );
    pty.send("\r");
    pty.wait_for("✓ Second step");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}
