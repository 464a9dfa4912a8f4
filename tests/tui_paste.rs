//! Pasting into the view, in a pseudo-terminal: a large bracketed paste goes
//! into the prompt whole and one Enter saves it; a paste into the tree is never
//! read as keys; a large burst of plain input is read without waiting for
//! another key.

#![cfg(unix)]

mod common;

use std::fmt::Write as _;

use common::pty::Pty;
use common::{MINI, Sandbox, as_str, json_items};

fn status(sandbox: &Sandbox, list: &str) -> Vec<serde_json::Value> {
    json_items(&serde_json::from_str(&sandbox.ok(&["status", "--json", list])).unwrap())
}

fn open_note_prompt(sandbox: &Sandbox, list: &str) -> Pty {
    let mut pty = Pty::spawn(sandbox, &[list], 80, 24);
    pty.wait_for("[ ] First step");
    pty.send("jj");
    pty.wait_for("First step\n");
    pty.send("n");
    pty.wait_for("Note");
    pty
}

#[test]
fn a_10kb_bracketed_paste_is_saved_by_one_enter_and_ticks_nothing() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    let mut pty = open_note_prompt(&sandbox, list);
    let mut pasted = String::new();
    for n in 0..1000 {
        let _ = write!(pasted, "pasted line {n:03}\r\n");
    }
    assert!(pasted.len() > 10_000);
    pty.send(&format!("\x1b[200~{pasted}\x1b[201~"));
    pty.send("\r");
    pty.wait_for("✎");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    let items = status(&sandbox, list);
    let note = items[0]["note"].as_str().expect("the note was saved");
    assert!(note.starts_with("pasted line 000 pasted line 001"), "{}", &note[..40]);
    assert!(
        note.ends_with("pasted line 999"),
        "the whole paste arrived: …{}",
        &note[note.len() - 40..]
    );
    assert!(
        items.iter().all(|i| i["status"] == "todo"),
        "nothing was ticked: {items:?}"
    );
}

#[test]
fn a_paste_into_the_tree_is_not_read_as_keys() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    let mut pty = Pty::spawn(&sandbox, &[list], 80, 24);
    pty.wait_for("[ ] First step");
    pty.send("jj");
    pty.send("\x1b[200~  x s q jjj \x1b[201~");
    pty.send("k");
    pty.wait_for("Only");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "the pasted q did not quit before the real one");
    assert!(status(&sandbox, list).iter().all(|i| i["status"] == "todo"));
    assert!(sandbox.run_logs().is_empty(), "nothing was recorded");
}

#[test]
fn a_large_burst_of_plain_input_is_read_without_waiting_for_another_key() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    let mut pty = open_note_prompt(&sandbox, list);
    let typed = "y".repeat(3000);
    pty.send(&format!("{typed}\r"));
    pty.wait_for("✎");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    assert_eq!(status(&sandbox, list)[0]["note"].as_str(), Some(typed.as_str()));
}
