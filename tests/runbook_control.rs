//! Commands under control, with real processes: a timeout, Ctrl-C or SIGTERM
//! stop a command and everything it started (a `setsid` grandchild holding
//! its output too), a flood of output keeps the last lines in bounded memory,
//! `exec` proves with the item's verification before it ticks, a teammate's
//! change made while a command ran is kept, and the terminal a command was
//! lent comes back as it was.

mod common;

use std::time::Duration;

use common::pty::Pty;
use common::{Sandbox, gone, wait_until, written};

/// A checklist whose items run `commands`: (title, command, verify).
fn runbook(sandbox: &Sandbox, items: &[(&str, &str, Option<&str>)]) -> String {
    use std::fmt::Write as _;
    let mut yaml =
        String::from("title: Control\nphases:\n  - name: Only\n    sections:\n      - name: S\n        items:\n");
    for (title, command, verify) in items {
        let quoted = |text: &str| serde_json::to_string(text).unwrap();
        let _ = writeln!(
            yaml,
            "          - title: {title}\n            command: {}",
            quoted(command)
        );
        if let Some(verify) = verify {
            let _ = writeln!(yaml, "            verify: {}", quoted(verify));
        }
    }
    sandbox.write("control.yaml", &yaml).to_str().unwrap().to_owned()
}

fn item_json(sandbox: &Sandbox, list: &str, title: &str) -> serde_json::Value {
    let status: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", list, "--json"])).unwrap();
    common::json_items(&status)
        .into_iter()
        .find(|i| i["title"] == title)
        .unwrap()
}

/// A command timed out: the process whose pid it wrote to `pid` ends, and
/// the step is recorded as timed out, not done.
fn a_timeout_stops(pid: &str) {
    let sandbox = Sandbox::new();
    let list = runbook(
        &sandbox,
        &[(
            "Hangs",
            "setsid sh -c 'echo $$ > grandchild.pid; exec sleep 300' & echo $$ > shell.pid; sleep 300",
            None,
        )],
    );
    let mut command = sandbox.command();
    command
        .args(["exec", &list, "hangs", "--timeout", "1"])
        .timeout(Duration::from_secs(60));
    let ran: common::Ran = command.output().unwrap().into();
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(ran.stderr.contains("timed out after"), "{}", ran.stderr);
    wait_until(pid, || gone(&sandbox.path(pid)));
    let item = item_json(&sandbox, &list, "Hangs");
    assert_eq!(item["status"], "todo");
    assert_eq!(item["evidence"]["timed_out"], true, "{item}");
}

preflight_core::cases! { a_timeout_stops_the_command_and_a_setsid_grandchild_that_holds_its_output, a_timeout_stops:
    the_shell = ("shell.pid"),
    a_setsid_grandchild = ("grandchild.pid"),
}

/// `exec` ended by SIGTERM: the process whose pid its command wrote to
/// `pid` ends, and the step is recorded as interrupted, not done.
fn sigterm_stops(pid: &str) {
    let sandbox = Sandbox::new();
    let list = runbook(
        &sandbox,
        &[(
            "Long",
            "echo $$ > shell.pid; sleep 300 & echo $! > sleep.pid; wait",
            None,
        )],
    );
    let mut child = sandbox.process().args(["exec", &list, "long"]).spawn().unwrap();
    wait_until("the command started", || written(&sandbox.path("sleep.pid")));
    let exec = nix::unistd::Pid::from_raw(i32::try_from(child.id()).unwrap());
    nix::sys::signal::kill(exec, nix::sys::signal::Signal::SIGTERM).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(128 + 15));
    wait_until(pid, || gone(&sandbox.path(pid)));
    let item = item_json(&sandbox, &list, "Long");
    assert_eq!(item["status"], "todo");
    assert_eq!(item["evidence"]["interrupted"], true, "{item}");
}

preflight_core::cases! {
    sigterm_stops_exec_and_what_it_started_and_the_step_is_recorded_as_interrupted, sigterm_stops:
    the_shell = ("shell.pid"),
    a_process_in_the_background = ("sleep.pid"),
}

#[test]
fn a_flood_of_output_keeps_the_real_last_lines() {
    let sandbox = Sandbox::new();
    let list = runbook(
        &sandbox,
        &[("Chatty", "seq 1 300000; printf 'no end'", Some("seq 1 300000"))],
    );
    let ran = sandbox.run(&["exec", &list, "chatty"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stdout.ends_with("300000\nno end"), "the output is streamed whole");
    let log = std::fs::read_to_string(&sandbox.run_logs()[0]).unwrap();
    let exec: serde_json::Value = serde_json::from_str(
        log.lines()
            .find(|l| l.contains("\"evidence\"") && l.contains("\"exec\""))
            .unwrap(),
    )
    .unwrap();
    let output = exec["evidence"]["output"].as_array().unwrap();
    assert_eq!(output.len(), 20);
    assert_eq!(output[18], "300000");
    assert_eq!(output[19], "no end");
    let item = item_json(&sandbox, &list, "Chatty");
    assert_eq!(
        item["evidence"]["output"][19], "300000",
        "the verification's tail: {item}"
    );
}

#[test]
fn exec_ticks_only_when_the_items_verification_passes_too() {
    let sandbox = Sandbox::new();
    let list = runbook(
        &sandbox,
        &[
            ("Proven", "echo did it", Some("true")),
            ("Unproven", "echo did it", Some("echo not so; false")),
        ],
    );
    let ran = sandbox.run(&["exec", &list, "proven"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stderr.contains("verifying with: true"), "{}", ran.stderr);
    assert_eq!(item_json(&sandbox, &list, "Proven")["status"], "done");
    let ran = sandbox.run(&["exec", &list, "unproven"]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("verified: exit 1"), "{}", ran.stderr);
    let item = item_json(&sandbox, &list, "Unproven");
    assert_eq!(item["status"], "todo");
    assert_eq!(item["evidence"]["kind"], "verify");
    let log = sandbox.ok(&["log", &list]);
    let runs = log
        .lines()
        .filter(|l| l.contains("only/s/unproven") && !l.contains("started"));
    assert_eq!(runs.count(), 2, "both runs are recorded:\n{log}");
}

#[test]
fn a_teammates_skip_recorded_while_the_command_ran_is_kept() {
    let sandbox = Sandbox::new();
    let list = runbook(
        &sandbox,
        &[(
            "Slow",
            "touch started; while [ ! -f go ]; do sleep 0.05; done; echo done",
            None,
        )],
    );
    let mut running = sandbox.process().args(["exec", &list, "slow"]).spawn().unwrap();
    wait_until("the command started", || sandbox.path("started").exists());
    sandbox.ok(&["skip", &list, "slow", "--reason", "done by hand", "--by", "bob"]);
    std::fs::write(sandbox.path("go"), "").unwrap();
    let status = running.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let item = item_json(&sandbox, &list, "Slow");
    assert_eq!(item["status"], "skipped", "{item}");
    assert_eq!(item["reason"], "done by hand");
}

#[test]
fn dry_run_prints_the_lines_as_they_would_run_and_records_nothing() {
    let sandbox = Sandbox::new();
    let list = sandbox.write(
        "dry.yaml",
        "title: D\nparams:\n  - name: v\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - title: Tag\n            command: git tag \"v{{v}}\" && touch ran\n            verify: git tag -l 'v{{v}}'\n",
    );
    let list = list.to_str().unwrap();
    let ran = sandbox.run(&["exec", list, "tag", "--dry-run", "--set", "v=1'2"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stdout.contains("run:    git tag \"v1'2\" && touch ran"),
        "{}",
        ran.stdout
    );
    assert!(ran.stdout.contains(r"verify: git tag -l 'v1'\''2'"), "{}", ran.stdout);
    assert!(!sandbox.path("ran").exists());
    assert!(sandbox.run_logs().is_empty(), "nothing is recorded, not even the value");
}

#[test]
fn a_done_items_command_runs_again_only_with_again() {
    let sandbox = Sandbox::new();
    let list = runbook(&sandbox, &[("Tag", "echo tagged >> tags", None)]);
    sandbox.ok(&["exec", &list, "tag"]);
    let ran = sandbox.run(&["exec", &list, "tag"]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr.contains("is done already") && ran.stderr.contains("--again"),
        "{}",
        ran.stderr
    );
    assert_eq!(std::fs::read_to_string(sandbox.path("tags")).unwrap(), "tagged\n");
    sandbox.ok(&["exec", &list, "tag", "--again"]);
    assert_eq!(
        std::fs::read_to_string(sandbox.path("tags")).unwrap(),
        "tagged\ntagged\n"
    );
}

#[test]
fn verify_prints_each_command_line_before_it_runs() {
    let sandbox = Sandbox::new();
    let list = runbook(
        &sandbox,
        &[
            ("A", "true", Some("test -d .")),
            ("B", "true", Some("test -f nothing-here")),
        ],
    );
    let ran = sandbox.run(&["verify", &list]);
    assert_eq!(ran.code, 1);
    let first = ran.stderr.find("verifying: test -d .").expect("the first line");
    let second = ran
        .stderr
        .find("verifying: test -f nothing-here")
        .expect("the second line");
    assert!(first < second, "{}", ran.stderr);
}

#[test]
fn a_prompt_without_a_newline_shows_at_once_and_the_terminal_mode_comes_back() {
    let sandbox = Sandbox::new();
    let list = runbook(
        &sandbox,
        &[(
            "Ask",
            "stty -echo; printf 'na''me: '; read name; echo \"got [$name]\"",
            None,
        )],
    );
    // The pty starts without echo: it is turned on first, as a shell has it.
    let script =
        format!("stty echo; \"$PREFLIGHT\" exec {list} ask; stty -a | tr ' ' '\\n' | grep -x -- '-\\?echo'; sleep 1");
    let mut pty = Pty::spawn_script(&sandbox, &script, 100, 30);
    // `na''me: ` in the line preflight shows first; the prompt itself shows
    // `name: ` at the start of a row, with no newline after it.
    pty.wait_for("\nname: ");
    pty.send("secret\r");
    let screen = pty.wait_for("got [secret]");
    assert!(
        !screen.contains("name: secret"),
        "stty -echo held while the command ran:\n{screen}"
    );
    let screen = pty.wait_for("✓ Ask");
    let after = pty.wait_for("\necho");
    assert!(
        !after.lines().any(|l| l.trim() == "-echo"),
        "echo is on again:\n{after}\n{screen}"
    );
}

#[test]
fn a_failed_proof_flags_a_done_item_everywhere_and_never_unticks_it() {
    let sandbox = Sandbox::new();
    let list = runbook(
        &sandbox,
        &[
            ("Deployed", "touch ok", Some("test -f ok")),
            ("Manual", "true", Some("true")),
        ],
    );
    sandbox.ok(&["exec", &list, "deployed"]);
    assert_eq!(item_json(&sandbox, &list, "Deployed")["proof"], "passed");
    sandbox.ok(&["check", &list, "manual", "--by", "bob"]);
    assert_eq!(item_json(&sandbox, &list, "Manual")["proof"], "missing");
    std::fs::remove_file(sandbox.path("ok")).unwrap();
    let ran = sandbox.run(&["verify", &list, "deployed"]);
    assert_eq!(ran.code, 1);
    let item = item_json(&sandbox, &list, "Deployed");
    assert_eq!(
        (item["status"].as_str(), item["proof"].as_str()),
        (Some("done"), Some("failed"))
    );
    let ran = sandbox.run(&["status", &list, "--require-complete"]);
    assert_eq!(ran.code, 3, "a failed proof is not complete: {}", ran.stderr);
    assert!(
        ran.stderr.contains("Deployed: done, but its verification failed"),
        "{}",
        ran.stderr
    );
    let export = sandbox.ok(&["export", &list]);
    assert!(export.contains("proof failed since it was ticked"), "{export}");
    // Without ITEM, verify runs the failed and the missing proofs again.
    std::fs::write(sandbox.path("ok"), "").unwrap();
    let ran = sandbox.run(&["verify", &list]);
    assert_eq!(ran.code, 0, "{}", ran.stdout);
    assert!(
        ran.stdout.contains("✓ Deployed") && ran.stdout.contains("✓ Manual"),
        "{}",
        ran.stdout
    );
    assert_eq!(
        item_json(&sandbox, &list, "Manual")["by"],
        "bob",
        "the tick stays bob's"
    );
    let ran = sandbox.run(&["status", &list, "--require-complete"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let ran = sandbox.run(&["verify", &list]);
    assert!(
        ran.stdout.contains("nothing to verify"),
        "proven items are not run again: {}",
        ran.stdout
    );
}

const WALK: &str = r#"title: Walk
phases:
  - name: Prepare
    sections:
      - name: S
        items:
          - title: Build
            command: echo built >> steps
          - title: Checked
            verify: "true"
          - title: Sign off
          - title: Package
            command: echo packaged >> steps
  - name: Ship
    gate: true
    sections:
      - name: S
        items:
          - title: Deploy
            command: echo deployed >> steps
          - title: Broken
            command: echo broken >> steps; exit 4
          - title: After
            command: echo after >> steps
"#;

#[test]
fn exec_all_walks_the_open_steps_and_stops_at_a_manual_step_a_gate_and_a_failure() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("walk.yaml", WALK);
    let list = list.to_str().unwrap();
    let steps = || std::fs::read_to_string(sandbox.path("steps")).unwrap_or_default();
    let ran = sandbox.run(&["exec", list, "--all", "--dry-run"]);
    assert_eq!(ran.code, 3, "{}", ran.stderr);
    assert!(ran.stdout.contains("run:    echo built >> steps"), "{}", ran.stdout);
    assert!(
        !ran.stdout.contains("packaged"),
        "the dry run stops where the walk would: {}",
        ran.stdout
    );
    assert_eq!(steps(), "", "a dry run runs nothing");
    let ran = sandbox.run(&["exec", list, "--all"]);
    assert_eq!(ran.code, 3, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("stopped at a manual step: Sign off"),
        "{}",
        ran.stderr
    );
    assert_eq!(steps(), "built\n");
    assert_eq!(
        item_json(&sandbox, list, "Checked")["status"],
        "done",
        "a verify-only step is proven"
    );
    let ran = sandbox.run(&["exec", list, "--all", "--phase", "ship"]);
    assert_eq!(ran.code, 3);
    assert!(ran.stderr.contains("stopped at a closed gate"), "{}", ran.stderr);
    assert_eq!(steps(), "built\n");
    sandbox.ok(&["check", list, "sign-off"]);
    let ran = sandbox.run(&["exec", list, "--all"]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(ran.stderr.contains("Broken failed: exit 4"), "{}", ran.stderr);
    assert_eq!(
        steps(),
        "built\npackaged\ndeployed\nbroken\n",
        "it stops at the failure"
    );
    assert_eq!(item_json(&sandbox, list, "After")["status"], "todo");
    let ran = sandbox.run(&["exec", list, "--all", "--phase", "nope"]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("no phase named \"nope\""), "{}", ran.stderr);
}

/// While alice's run of a step goes on, bob's `command` on it is refused,
/// naming her; her run ends and is recorded as hers.
fn a_second_operator_is_refused(command: &str) {
    let sandbox = Sandbox::new();
    let list = runbook(
        &sandbox,
        &[(
            "Migrate",
            "touch started; while [ ! -f go ]; do sleep 0.05; done",
            Some("true"),
        )],
    );
    let mut first = sandbox
        .process()
        .args(["exec", &list, "migrate", "--by", "alice"])
        .spawn()
        .unwrap();
    wait_until("the migration started", || sandbox.path("started").exists());
    let ran = sandbox.run(&[command, &list, "migrate", "--by", "bob"]);
    // alice's run ends before anything is asserted, so that a failure
    // leaves no command waiting for a file that never comes.
    std::fs::write(sandbox.path("go"), "").unwrap();
    assert_eq!(first.wait().unwrap().code(), Some(0));
    assert_eq!(ran.code, 1, "{command}: {}", ran.stderr);
    assert!(
        ran.stderr.contains("alice is running this since"),
        "{command}: {}",
        ran.stderr
    );
    let item = item_json(&sandbox, &list, "Migrate");
    assert_eq!(
        (item["status"].as_str(), item["by"].as_str()),
        (Some("done"), Some("alice"))
    );
    let log = sandbox.ok(&["log", &list]);
    assert!(log.contains("started") && log.contains("(exec on "), "{log}");
}

preflight_core::cases! { a_second_operator_starting_a_step_that_runs_is_refused, a_second_operator_is_refused:
    by_exec = ("exec"),
    by_verify = ("verify"),
}

#[test]
fn a_step_started_on_another_machine_waits_for_its_outcome_unless_taken_over() {
    let sandbox = Sandbox::new();
    let list = runbook(
        &sandbox,
        &[("Migrate", "echo migrated", None), ("Other", "echo other", None)],
    );
    sandbox.ok(&["exec", &list, "other"]);
    let log = sandbox.run_logs()[0].clone();
    let line = "{\"at\":\"2026-12-03T10:00:00Z\",\"by\":\"carol\",\"item\":\"only/s/migrate\",\"started\":{\"kind\":\"exec\",\"host\":\"far-away\",\"pid\":7}}\n";
    std::fs::write(&log, std::fs::read_to_string(&log).unwrap() + line).unwrap();
    let ran = sandbox.run(&["exec", &list, "migrate"]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr.contains("carol is running this since") && ran.stderr.contains("far-away"),
        "{}",
        ran.stderr
    );
    assert!(ran.stderr.contains("--takeover"), "{}", ran.stderr);
    assert_eq!(item_json(&sandbox, &list, "Migrate")["status"], "todo");
    sandbox.ok(&["exec", &list, "migrate", "--takeover"]);
    assert_eq!(item_json(&sandbox, &list, "Migrate")["status"], "done");
    // A start recorded here by a process that is gone is over: no takeover needed.
    let host = sandbox.ok(&["log", &list]);
    let _ = host;
    let here = std::fs::read_to_string(&log).unwrap();
    let mine = here
        .lines()
        .find(|l| l.contains("\"started\"") && !l.contains("far-away"))
        .unwrap()
        .to_owned();
    let stale = mine
        .replace("only/s/migrate", "only/s/other")
        .replace("\"pid\":", "\"pid\":4000000");
    std::fs::write(&log, here + &stale + "\n").unwrap();
    sandbox.ok(&["exec", &list, "other", "--again"]);
}

#[test]
fn a_teammates_change_in_a_closed_gate_without_force_is_shown_out_of_order_and_only_real_overrides_count() {
    let sandbox = Sandbox::new();
    let list = sandbox.write(
        "gated.yaml",
        "title: G\nphases:\n  - name: Prepare\n    sections:\n      - name: S\n        items: [Ready]\n  - name: Ship\n    gate: true\n    sections:\n      - name: S\n        items: [Deploy, Announce]\n",
    );
    let list = list.to_str().unwrap();
    sandbox.ok(&["note", list, "ready", "starting"]);
    let log = sandbox.run_logs()[0].clone();
    // Written by a teammate's tool that did not check the gate, and a
    // `forced` flag on a change in an open phase.
    let lines = "{\"at\":\"2026-12-03T10:00:00Z\",\"by\":\"mallory\",\"item\":\"ship/s/deploy\",\"status\":\"done\"}\n\
                 {\"at\":\"2026-12-03T10:01:00Z\",\"by\":\"mallory\",\"item\":\"prepare/s/ready\",\"status\":\"done\",\"forced\":true}\n";
    std::fs::write(&log, std::fs::read_to_string(&log).unwrap() + lines).unwrap();
    let history = sandbox.ok(&["log", list]);
    let deploy = history.lines().find(|l| l.contains("ship/s/deploy")).unwrap();
    assert!(deploy.contains("out of order"), "{history}");
    let ready = history
        .lines()
        .find(|l| l.contains("prepare/s/ready") && l.contains("done"))
        .unwrap();
    assert!(!ready.contains("forced"), "not a gate override: {history}");
    let report = sandbox.ok(&["report", list]);
    assert!(
        report.contains("1 change recorded while gated and not forced"),
        "{report}"
    );
    assert!(!report.contains("forced past a gate"), "{report}");
    let json: serde_json::Value = serde_json::from_str(&sandbox.ok(&["report", list, "--json"])).unwrap();
    assert_eq!(
        (
            json["overall"]["forced"].as_u64(),
            json["overall"]["out_of_order"].as_u64()
        ),
        (Some(0), Some(1))
    );
    assert_eq!(item_json(&sandbox, list, "Deploy")["out_of_order"], true);
    let export = sandbox.ok(&["export", list]);
    assert!(
        export.contains("Out of order: recorded while its phase was gated"),
        "{export}"
    );
}

#[test]
fn a_second_account_on_the_same_machine_cannot_start_a_step_that_runs() {
    let sandbox = Sandbox::new();
    let list = runbook(
        &sandbox,
        &[("Migrate", "touch started; while [ ! -f go ]; do sleep 0.05; done", None)],
    );
    let mut first = sandbox
        .process()
        .args(["exec", &list, "migrate", "--by", "alice"])
        .env("XDG_STATE_HOME", sandbox.path("alice-state"))
        .spawn()
        .unwrap();
    wait_until("the migration started", || sandbox.path("started").exists());
    // Another account has another state folder, so another claim: the
    // started event and its live process refuse it.
    let ran: common::Ran = sandbox
        .command()
        .args(["exec", &list, "migrate", "--by", "bob"])
        .env("XDG_STATE_HOME", sandbox.path("bob-state"))
        .output()
        .unwrap()
        .into();
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(ran.stderr.contains("alice is running this since"), "{}", ran.stderr);
    std::fs::write(sandbox.path("go"), "").unwrap();
    assert_eq!(first.wait().unwrap().code(), Some(0));
}

#[test]
fn ctrl_c_on_the_terminal_stops_what_the_command_started_in_the_background_and_ctrl_z_cannot_suspend_a_step() {
    let sandbox = Sandbox::new();
    let list = runbook(
        &sandbox,
        &[
            ("Bg", "sleep 300 & echo $! > bg.pid; echo bgre''ady; wait", None),
            (
                "Slow",
                "echo be''gun; while [ ! -f go ]; do sleep 0.05; done; echo ended",
                None,
            ),
        ],
    );
    // A shell's terminal sends Ctrl-C and Ctrl-Z as signals (the pty of the
    // harness starts without that: turned on first). The keys are sent once
    // the command's own output shows (`bgre''ady` is printed `bgready`, a
    // word neither the command line preflight shows first nor its own
    // `started run` holds): before it has the terminal, they would be
    // preflight's, as for any program.
    let script = format!(
        "stty echo isig; \"$PREFLIGHT\" exec {list} bg; echo code=$?; \"$PREFLIGHT\" exec {list} slow; echo code=$?; sleep 1"
    );
    let mut pty = Pty::spawn_script(&sandbox, &script, 100, 30);
    pty.wait_for("bgready");
    pty.send("\x03");
    pty.wait_for("code=130");
    wait_until("the background sleep is stopped too", || gone(&sandbox.path("bg.pid")));
    assert_eq!(item_json(&sandbox, &list, "Bg")["evidence"]["interrupted"], true);
    // The step runs until the test lets it end, so Ctrl-Z reaches it however
    // slow the machine.
    pty.wait_for("begun");
    pty.send("\x1a");
    pty.wait_for("a step cannot be suspended");
    sandbox.write("go", "");
    let screen = pty.wait_for("code=0");
    assert!(screen.contains("ended") && screen.contains("✓ Slow"), "{screen}");
}

#[test]
fn a_command_that_ignores_sigterm_and_keeps_starting_setsid_children_is_stopped_whole() {
    let sandbox = Sandbox::new();
    let list = runbook(
        &sandbox,
        &[(
            "Stubborn",
            "trap '' TERM; while :; do setsid sh -c 'echo $$ >> pids; exec sleep 300' & sleep 0.05; done",
            None,
        )],
    );
    let mut command = sandbox.command();
    command
        .args(["exec", &list, "stubborn", "--timeout", "1"])
        .timeout(Duration::from_secs(60));
    let ran: common::Ran = command.output().unwrap().into();
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    let pids = std::fs::read_to_string(sandbox.path("pids")).unwrap();
    assert!(pids.lines().count() > 5, "the stress happened: {pids}");
    for pid in pids.lines() {
        let file = sandbox.path(&format!("pid-{pid}"));
        std::fs::write(&file, pid).unwrap();
        wait_until(&format!("setsid child {pid}"), || gone(&file));
    }
}

#[test]
fn a_takeover_of_a_start_stamped_ahead_ends_it() {
    let sandbox = Sandbox::new();
    let list = runbook(
        &sandbox,
        &[("Migrate", "echo migrated", None), ("Other", "echo other", None)],
    );
    sandbox.ok(&["exec", &list, "other"]);
    let log = sandbox.run_logs()[0].clone();
    let ahead = humantime::format_rfc3339_millis(std::time::SystemTime::now() + Duration::from_secs(3 * 3600));
    let line = format!(
        "{{\"at\":\"{ahead}\",\"by\":\"mallory\",\"item\":\"only/s/migrate\",\"started\":{{\"kind\":\"exec\",\"host\":\"far-away\",\"pid\":7}}}}\n"
    );
    std::fs::write(&log, std::fs::read_to_string(&log).unwrap() + &line).unwrap();
    assert_eq!(
        sandbox.run(&["exec", &list, "migrate"]).code,
        1,
        "mallory's start holds it"
    );
    sandbox.ok(&["exec", &list, "migrate", "--takeover"]);
    let item = item_json(&sandbox, &list, "Migrate");
    assert_eq!(item["status"], "done");
    let ran = sandbox.run(&["exec", &list, "migrate", "--again"]);
    assert_eq!(ran.code, 0, "the outcome ended the start stamped ahead: {}", ran.stderr);
}
