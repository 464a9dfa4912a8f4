//! Runbooks in a pseudo-terminal: the parameter asked for when the run
//! opens, `!` handing the terminal to a command and taking it back, `v`
//! verifying, and a gated phase refusing a tick until forced.

#![cfg(unix)]

mod common;

use common::pty::Pty;
use common::{Sandbox, as_str, gone, json_items, wait_until, written};

const RUNBOOK: &str = r#"title: Release {{version}}
params:
  - name: version
    description: The release being deployed
phases:
  - name: Prepare
    sections:
      - name: Checks
        items:
          - title: Build {{version}}
            command: echo "built-$PREFLIGHT_PARAM_VERSION" {{version}}
          - title: Artifacts present
            verify: "true"
  - name: Deploy
    gate: true
    sections:
      - name: Release
        items:
          - Tag the release
"#;

fn items(sandbox: &Sandbox, list: &str) -> Vec<serde_json::Value> {
    json_items(&serde_json::from_str(&sandbox.ok(&["status", "--json", list])).unwrap())
}

#[test]
fn the_view_asks_for_a_missing_value_then_runs_a_command_in_the_terminal_and_takes_it_back() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("release.yaml", RUNBOOK);
    let list = as_str(&list);
    let mut pty = Pty::spawn(&sandbox, &[list, "--fresh"], 100, 24);
    pty.wait_for("needs a value for `version`: The release being deployed");
    pty.send("2.3.0\r");
    pty.wait_for("Build 2.3.0");
    pty.wait_for("version = 2.3.0");
    // The cursor is on the first open item: Build. `!` asks first.
    pty.send("!");
    pty.wait_for("Run \"echo \"built-$PREFLIGHT_PARAM_VERSION\" '2.3.0'\"? y/n");
    pty.send("y");
    let screen = pty.wait_for("press Enter to go back");
    assert!(screen.contains("built-2.3.0 2.3.0"), "the command's output: {screen}");
    assert!(screen.contains("exit 0 in"), "{screen}");
    assert!(
        !pty.screen().contains("Checklist ─"),
        "the view is away while the command runs"
    );
    pty.send("\r");
    pty.wait_for("✓ Build 2.3.0: exit 0 in");
    pty.wait_for("[x] Build 2.3.0");
    // `v` verifies the next item.
    pty.send("j");
    pty.send("v");
    pty.wait_for("Verify with \"true\"? y/n");
    pty.send("y");
    pty.wait_for("press Enter to go back");
    pty.send("\r");
    pty.wait_for("[x] Artifacts present");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    let items = items(&sandbox, list);
    assert_eq!(items[0]["evidence"]["output"][0], "built-2.3.0 2.3.0");
    assert_eq!(items[1]["evidence"]["kind"], "verify");
}

#[test]
fn c_puts_the_command_as_it_would_run_on_the_clipboard() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("release.yaml", RUNBOOK);
    let list = as_str(&list);
    sandbox.ok(&["status", list, "--set", "version=2.3.0"]);
    let mut pty = Pty::spawn(&sandbox, &[list, "--fresh"], 100, 24);
    pty.wait_for("[ ] Build 2.3.0");
    pty.send("c");
    pty.wait_for("command copied");
    // OSC 52 with the command line, values quoted, in base64:
    // echo "built-$PREFLIGHT_PARAM_VERSION" '2.3.0'
    let raw = String::from_utf8_lossy(&pty.raw).into_owned();
    assert!(
        raw.contains("\x1b]52;c;ZWNobyAiYnVpbHQtJFBSRUZMSUdIVF9QQVJBTV9WRVJTSU9OIiAnMi4zLjAn\x1b\\"),
        "no clipboard escape in the output"
    );
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn a_gated_phase_shows_a_lock_and_refuses_a_tick_until_forced() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("release.yaml", RUNBOOK);
    let list = as_str(&list);
    sandbox.ok(&["status", list, "--set", "version=2.3.0"]);
    let mut pty = Pty::spawn(&sandbox, &[list, "--fresh"], 100, 24);
    pty.wait_for("🔒 gated");
    pty.send("G");
    pty.send(" ");
    pty.wait_for("Deploy is gated: Prepare has 2 open items — record it anyway, forced? y/n");
    pty.send("n");
    pty.wait_for("nothing was recorded");
    assert_eq!(items(&sandbox, list)[2]["status"], "todo");
    pty.send(" ");
    pty.wait_for("record it anyway, forced? y/n");
    pty.send("y");
    pty.wait_for("[x] Tag the release");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    let items = items(&sandbox, list);
    assert_eq!(
        (items[2]["status"].as_str(), items[2]["forced"].as_bool()),
        (Some("done"), Some(true))
    );
}

/// The foreground process group of the terminal of process `pid`: the 8th
/// field of /proc/PID/stat (after the name in parentheses).
fn foreground_group(pid: i32) -> i32 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let (_, rest) = stat.rsplit_once(')').unwrap();
    rest.split_whitespace().nth(5).unwrap().parse().unwrap()
}

#[test]
fn ctrl_c_stops_the_command_not_the_view() {
    let sandbox = Sandbox::new();
    let list = sandbox.write(
        "slow.yaml",
        "title: Slow\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - title: Wait\n            command: echo waiting; echo $$ > sleep.pid; exec sleep 300\n",
    );
    let list = as_str(&list);
    let mut pty = Pty::spawn(&sandbox, &[list, "--fresh"], 100, 24);
    pty.wait_for("[ ] Wait");
    pty.send("!");
    pty.wait_for("? y/n");
    pty.send("y");
    pty.wait_for("waiting");
    // What Ctrl-C makes a terminal do: SIGINT to its foreground process
    // group, which the view made the command's own while it runs. (The pty
    // of the test harness starts without ISIG, so the key alone would not.)
    let view = pty.session.get_process().pid().as_raw();
    wait_until("the command has the terminal", || foreground_group(view) != view);
    let foreground = foreground_group(view);
    let sleep = sandbox.path("sleep.pid");
    wait_until("the sleep started", || written(&sleep));
    let group = nix::unistd::Pid::from_raw(foreground);
    nix::sys::signal::killpg(group, nix::sys::signal::Signal::SIGINT).unwrap();
    let screen = pty.wait_for("press Enter to go back");
    assert!(screen.contains("interrupted after"), "{screen}");
    wait_until("the sleep is stopped", || gone(&sleep));
    pty.send("\r");
    pty.wait_for("Wait: ");
    pty.wait_for("it stays open");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "the view went on and quit normally");
    assert_eq!(items(&sandbox, list)[0]["status"], "todo");
}

#[test]
fn a_command_that_turns_echo_off_and_leaves_a_reader_behind_changes_nothing_after_it() {
    let sandbox = Sandbox::new();
    let list = sandbox.write(
        "tty.yaml",
        "title: Tty\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - title: Meddle\n            command: stty -echo; (sleep 1; touch reading; exec cat > stolen.txt) & echo meddled\n          - Second\n",
    );
    let list = as_str(&list);
    // The pty starts without echo: turned on first, as a shell has it; after
    // the view, what stty says of it is printed.
    let script =
        format!("stty echo; \"$PREFLIGHT\" {list} --fresh; stty -a | tr ' ' '\\n' | grep -x -- '-\\?echo'; sleep 2");
    let mut pty = Pty::spawn_script(&sandbox, &script, 100, 24);
    pty.wait_for("[ ] Meddle");
    pty.send("!");
    pty.wait_for("? y/n");
    pty.send("y");
    pty.wait_for("press Enter to go back");
    pty.send("\r");
    pty.wait_for("✓ Meddle");
    // The reader the command left behind wakes while the view has the
    // keyboard: the keys are the view's (j moves, space ticks Second).
    wait_until("the leftover reader woke", || sandbox.path("reading").exists());
    pty.send("j ");
    pty.wait_for("[x] Second");
    pty.send("q");
    let after = pty.wait_for("\necho");
    assert!(
        !after.lines().any(|l| l.trim() == "-echo"),
        "echo is on after the view:\n{after}"
    );
    let stolen = std::fs::read_to_string(sandbox.path("stolen.txt")).unwrap_or_default();
    assert_eq!(stolen, "", "the leftover reader read no key");
}

#[test]
fn the_view_masks_a_secret_shows_a_whole_long_command_and_asks_before_running_a_done_item_again() {
    let sandbox = Sandbox::new();
    let long = format!("echo {} --link", "x".repeat(150));
    let list = sandbox.write(
        "secret.yaml",
        &format!(
            "title: Rotate\nparams:\n  - name: token\n    secret: true\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - title: Use it\n            command: echo \"token={{{{token}}}}\" > used.txt\n          - title: Long\n            command: {long}\n"
        ),
    );
    let list = as_str(&list);
    let mut pty = Pty::spawn(&sandbox, &[list, "--fresh"], 80, 24);
    pty.wait_for("needs a value for `token`");
    pty.send("hunter22");
    let screen = pty.wait_for("••••••••");
    assert!(!screen.contains("hunter22"), "typed masked:\n{screen}");
    pty.send("\r");
    pty.wait_for("token given (secret");
    pty.send("!");
    let screen = pty.wait_for("? y/n");
    assert!(
        screen.contains("token=••••") && !screen.contains("hunter22"),
        "{screen}"
    );
    pty.send("y");
    pty.wait_for("press Enter to go back");
    pty.send("\r");
    pty.wait_for("[x] Use it");
    assert_eq!(
        std::fs::read_to_string(sandbox.path("used.txt")).unwrap(),
        "token=hunter22\n"
    );
    for log in sandbox.run_logs() {
        assert!(!std::fs::read_to_string(log).unwrap().contains("hunter22"));
    }
    // The long command is shown whole, over rows, up to its irreversible end.
    pty.send("j!");
    let screen = pty.wait_for("--link\"? y/n");
    assert!(screen.matches('x').count() >= 150, "{screen}");
    pty.send("n");
    // A done item's command: the question says it runs again.
    pty.send("k!");
    pty.wait_for("It is done already — Run");
    pty.send("n");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn sigterm_to_the_view_stops_the_command_it_runs_and_records_the_step_as_interrupted() {
    let sandbox = Sandbox::new();
    let list = sandbox.write(
        "long.yaml",
        "title: Long\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - title: Wait\n            command: echo $$ > shell.pid; sleep 300\n",
    );
    let list = as_str(&list);
    let mut pty = Pty::spawn(&sandbox, &[list, "--fresh"], 100, 24);
    pty.wait_for("[ ] Wait");
    pty.send("!");
    pty.wait_for("? y/n");
    pty.send("y");
    let pid_file = sandbox.path("shell.pid");
    wait_until("the command started", || written(&pid_file));
    let view = nix::unistd::Pid::from_raw(pty.session.get_process().pid().as_raw());
    nix::sys::signal::kill(view, nix::sys::signal::Signal::SIGTERM).unwrap();
    pty.wait_exit();
    wait_until("the command is stopped", || gone(&pid_file));
    let item = &items(&sandbox, list)[0];
    assert_eq!(item["evidence"]["interrupted"], true, "{item}");
    assert_eq!(item["status"], "todo");
}
