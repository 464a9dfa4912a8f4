//! A detail written as Markdown blocks, in a pseudo-terminal: what a person
//! moving to the item sees of its list and its code.

#![cfg(unix)]

mod common;

use common::pty::Pty;
use common::{Sandbox, as_str};

const LIST: &str = r"title: Nightly
phases:
  - name: Prepare
    sections:
      - name: Database
        items:
          - Stop the writers
          - title: Back up the database
            detail: |
              Take a snapshot first:

              - name it after the night

              ```sh
              pg_dump -Fc -f nightly.dump api
              ```
";

#[test]
fn moving_to_an_item_shows_the_code_in_its_detail_line_by_line() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("nightly.yaml", LIST);
    let mut pty = Pty::spawn(&sandbox, &[as_str(&list)], 100, 24);
    let screen = pty.wait_for("[ ] Back up the database");
    assert!(!screen.contains("pg_dump"), "not before the item is selected: {screen}");
    pty.send("jjj");
    let screen = pty.wait_for("pg_dump -Fc -f nightly.dump api");
    let lines: Vec<&str> = screen.lines().collect();
    let at = |text: &str| {
        lines
            .iter()
            .position(|l| l.contains(text))
            .unwrap_or_else(|| panic!("{text:?} not on screen:\n{screen}"))
    };
    assert!(
        at("Take a snapshot first:") < at("• name it after the night"),
        "{screen}"
    );
    assert!(
        at("• name it after the night") + 2 < at("pg_dump"),
        "the code is a block of its own, under a blank line and its info string: {screen}"
    );
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
}
