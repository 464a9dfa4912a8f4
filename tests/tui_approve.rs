//! Approving a phase in the view: `a` on the header of a phase that needs
//! approvals asks what was reviewed and records the approval; the header's
//! lock says what is missing, then who approved; `a` again withdraws it
//! after a y/n. Someone who worked on an earlier phase is told why not.

#![cfg(unix)]

mod common;

use common::pty::Pty;
use common::{Sandbox, as_str};

const DEPLOY: &str = "title: Deploy\nphases:\n  - name: Prepare\n    sections:\n      - name: Code\n        items: [Tag]\n  - name: Deploy\n    gate: true\n    approvals: 1\n    sections:\n      - name: Rollout\n        items: [Canary]\n";

/// The view opened as `by`, the cursor on Deploy's header once its lock shows.
fn on_deploy_as(sandbox: &Sandbox, args: &[&str], by: &str) -> Pty {
    let mut pty = Pty::spawn_with(sandbox, args, 100, 24, &[("PREFLIGHT_USER", by)]);
    pty.wait_for("🔒 needs 1 approval");
    pty.send("2");
    pty
}

#[test]
fn a_phase_is_approved_from_its_header_with_a_note_and_its_lock_says_who() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("deploy.yaml", DEPLOY);
    let list = as_str(&list);
    let state = sandbox.path("run.jsonl");
    let state = as_str(&state);
    sandbox.ok(&["check", list, "tag", "--state", state]);
    common::rewrite_events(
        std::path::Path::new(state),
        &[r#"{"at":"2026-11-29T10:00:00Z","by":"alice","login":"alice","item":"prepare/code/tag","status":"done"}"#],
    );

    let mut pty = on_deploy_as(&sandbox, &[list, "--state", state], "alice");
    pty.wait_for("a approve");
    pty.send("a");
    pty.wait_for("someone else must approve Deploy (two-person rule)");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);

    let mut pty = on_deploy_as(&sandbox, &[list, "--state", state], "bob");
    pty.send("a");
    pty.wait_for("Approve — what you reviewed");
    pty.send("diff and dashboards");
    pty.send("\r");
    pty.wait_for("✓ Deploy approved");
    pty.wait_for(&format!("approved by {}", common::shown_as("bob")));
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    let canary = sandbox.run(&["check", list, "canary", "--state", state]);
    assert_eq!(canary.code, 0, "the phase is open: {}", canary.stderr);
    sandbox.ok(&["uncheck", list, "canary", "--state", state]);

    // Again, a offers to withdraw it.
    let mut pty = Pty::spawn_with(
        &sandbox,
        &[list, "--state", state],
        100,
        24,
        &[("PREFLIGHT_USER", "bob")],
    );
    pty.wait_for("approved by");
    pty.send("2a");
    pty.wait_for("You approved Deploy — withdraw your approval? y/n");
    pty.send("y");
    pty.wait_for("Deploy: your approval withdrawn");
    pty.wait_for("🔒 needs 1 approval");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    let log = sandbox.ok(&["log", list, "--state", state]);
    assert!(
        log.contains("\"diff and dashboards\"") && log.contains("withdrew"),
        "{log}"
    );
    let canary = sandbox.run(&["check", list, "canary", "--state", state]);
    assert_eq!(canary.code, 1, "closed again: {}", canary.stdout);
}
