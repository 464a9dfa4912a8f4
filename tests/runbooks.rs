//! Runbooks: run parameters given with --set and recorded in the run,
//! commands and verifications run for items with their evidence recorded,
//! and gated phases.

mod common;

use common::{Sandbox, gone, wait_until};

const RUNBOOK: &str = r#"title: Release {{version}}
params:
  - name: version
    description: The release being deployed
  - name: env
    default: staging
phases:
  - name: Prepare
    sections:
      - name: Checks
        items:
          - title: CI is green for {{version}}
            verify: test "$PREFLIGHT_PARAM_VERSION" = {{version}}
          - title: Changelog written
  - name: Deploy
    gate: true
    sections:
      - name: Release
        items:
          - title: Tag {{version}} on {{env}}
            command: echo tagging {{version}}
"#;

fn runbook(sandbox: &Sandbox) -> String {
    sandbox.write("release.yaml", RUNBOOK).to_str().unwrap().to_owned()
}

#[test]
fn a_run_needs_a_value_for_each_parameter_without_a_default() {
    let sandbox = Sandbox::new();
    let list = runbook(&sandbox);
    let ran = sandbox.run(&["status", &list]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(
        ran.stderr
            .contains("run \"default\" needs a value for `version`: --set version=…"),
        "{}",
        ran.stderr
    );
    let ran = sandbox.run(&["status", &list, "--set", "verison=1"]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr
            .contains("the checklist has no parameter `verison`; it declares version, env"),
        "{}",
        ran.stderr
    );
}

#[test]
fn set_values_are_recorded_in_the_run_and_shown_everywhere() {
    let sandbox = Sandbox::new();
    let list = runbook(&sandbox);
    let ran = sandbox.run(&["status", &list, "--set", "version=2.3.0", "--by", "alice"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("version = 2.3.0 for run \"default\""),
        "{}",
        ran.stderr
    );
    assert!(ran.stdout.contains("Release 2.3.0"), "{}", ran.stdout);
    // Later commands need no --set: the value is in the run.
    let json: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", &list, "--json"])).unwrap();
    assert_eq!(json["title"], "Release 2.3.0");
    assert_eq!(
        json["phases"][1]["sections"][0]["items"][0]["title"],
        "Tag 2.3.0 on staging"
    );
    assert_eq!(
        json["phases"][1]["sections"][0]["items"][0]["id"], "deploy/release/tag-version-on-env",
        "ids stay those of the written titles"
    );
    // A new value is recorded too, and the latest wins; log shows both.
    sandbox.ok(&["status", &list, "--set", "version=2.3.1", "--by", "bob"]);
    sandbox.ok(&["status", &list, "--set", "version=2.3.1"]);
    let log = sandbox.ok(&["log", &list]);
    let sets: Vec<&str> = log.lines().filter(|l| l.contains(" set ")).collect();
    assert_eq!(sets.len(), 2, "the same value again is not recorded: {log}");
    assert!(
        sets[0].contains("alice") && sets[0].contains("version = \"2.3.0\""),
        "{log}"
    );
    assert!(
        sets[1].contains("bob") && sets[1].contains("version = \"2.3.1\""),
        "{log}"
    );
    let export = sandbox.ok(&["export", &list]);
    assert!(export.contains("# Release 2.3.1"), "{export}");
}

#[test]
fn status_and_export_say_the_values_at_the_top() {
    let sandbox = Sandbox::new();
    let list = runbook(&sandbox);
    sandbox.ok(&[
        "check",
        &list,
        "changelog-written",
        "--set",
        "version=2.3.0",
        "--by",
        "alice",
    ]);
    let status = sandbox.ok(&["status", &list]);
    assert!(
        status.contains("Run: default · version = 2.3.0, env = staging (default)"),
        "{status}"
    );
    let json: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", &list, "--json"])).unwrap();
    assert_eq!(json["params"][0]["value"], "2.3.0");
    assert_eq!(json["params"][0]["by"], "alice");
    assert_eq!(
        json["params"][1]["by"],
        serde_json::Value::Null,
        "a default has no author"
    );
    let export = sandbox.ok(&["export", &list]);
    assert!(
        export.contains("\n**Parameters:** version = 2.3.0 · env = staging (default)\n"),
        "{export}"
    );
    let md = sandbox.write("progress.md", &export);
    let yaml = sandbox.ok(&["import", md.to_str().unwrap()]);
    assert!(!yaml.contains("Parameters"), "the line is no description: {yaml}");
}

#[test]
fn a_gated_phase_refuses_ticks_until_the_earlier_phases_are_complete_unless_forced() {
    let sandbox = Sandbox::new();
    let list = runbook(&sandbox);
    let set = ["--set", "version=2.3.0"];
    let ran = sandbox.run(&[&["check", &list, "tag-version-on-env"][..], &set].concat());
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("Deploy is gated: Prepare has 2 open items"),
        "{}",
        ran.stderr
    );
    assert!(ran.stderr.contains("--force"), "{}", ran.stderr);
    assert!(
        sandbox.run_logs().is_empty(),
        "a refused command records nothing, not even its --set"
    );
    let ran = sandbox.run(&[&["skip", &list, "tag-version-on-env"][..], &set].concat());
    assert_eq!(ran.code, 1, "a skip is refused too: {}", ran.stderr);
    let json: serde_json::Value =
        serde_json::from_str(&sandbox.ok(&[&["status", &list, "--json"][..], &set].concat())).unwrap();
    assert_eq!(json["done"], 0, "nothing was recorded");
    // Forced, it is recorded and says so in the log.
    let forced = sandbox.ok(&["check", &list, "tag-version-on-env", "--force", "--by", "carol"]);
    assert!(forced.contains("(forced past the gate)"), "{forced}");
    let log = sandbox.ok(&["log", &list]);
    assert!(
        log.lines()
            .any(|l| l.contains("carol") && l.contains("(forced past the gate)")),
        "{log}"
    );
    let export = sandbox.ok(&["export", &list]);
    assert!(
        export.contains(&format!(
            "- [x] Tag 2.3.0 on staging — *{}, ",
            common::shown_as("carol")
        )) && export.contains(" UTC, forced past the gate*"),
        "{export}"
    );
    // Once the earlier phase is complete the gate is open.
    sandbox.ok(&["uncheck", &list, "tag-version-on-env"]);
    sandbox.ok(&["check", &list, "ci-is-green-for-version"]);
    sandbox.ok(&["skip", &list, "changelog-written", "--reason", "hotfix"]);
    let open = sandbox.ok(&["check", &list, "tag-version-on-env"]);
    assert!(!open.contains("forced"), "{open}");
}

const COMMANDS: &str = r#"title: Commands
params:
  - name: version
    default: "1.0"
phases:
  - name: Run
    sections:
      - name: Steps
        items:
          - title: Passes
            command: echo tagging {{version}} && echo to stderr >&2
          - title: Fails
            command: echo about to fail; exit 3
          - title: Chatty
            command: i=0; while [ $i -lt 10000 ]; do echo line $i; i=$((i+1)); done
          - title: Sleeps
            verify: echo $$ > sleeps.pid; exec sleep 300
          - title: Proven
            verify: "true"
          - title: Disproven
            verify: echo nope; exit 1
          - title: Plain
"#;

fn item<'a>(json: &'a serde_json::Value, title: &str) -> &'a serde_json::Value {
    json["phases"][0]["sections"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == title)
        .unwrap()
}

#[test]
fn exec_runs_the_command_ticks_on_exit_0_and_records_the_evidence() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("c.yaml", COMMANDS).to_str().unwrap().to_owned();
    let ran = sandbox.run(&["exec", &list, "passes", "--set", "version=2.3.0"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stdout.contains("tagging 2.3.0\n"),
        "output is streamed: {}",
        ran.stdout
    );
    assert!(ran.stderr.contains("to stderr"), "{}", ran.stderr);
    assert!(
        ran.stderr
            .contains("running: echo tagging '2.3.0' && echo to stderr >&2"),
        "{}",
        ran.stderr
    );
    assert!(ran.stderr.contains("✓ Passes: exit 0 in"), "{}", ran.stderr);
    let ran = sandbox.run(&["exec", &list, "fails"]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("Fails failed: exit 3 in"), "{}", ran.stderr);
    assert!(ran.stderr.contains("it stays open"), "{}", ran.stderr);
    sandbox.ok(&["exec", &list, "chatty"]);
    let ran = sandbox.run(&["exec", &list, "plain"]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("has no command to run"), "{}", ran.stderr);
    let json: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", &list, "--json"])).unwrap();
    assert_eq!(item(&json, "Passes")["status"], "done");
    assert_eq!(item(&json, "Passes")["evidence"]["exit"], 0);
    assert_eq!(item(&json, "Fails")["status"], "todo");
    assert_eq!(item(&json, "Fails")["evidence"]["exit"], 3);
    assert_eq!(item(&json, "Fails")["evidence"]["output"][0], "about to fail");
    let chatty = item(&json, "Chatty")["evidence"]["output"].as_array().unwrap().clone();
    assert_eq!(chatty.len(), 20, "only the tail of 10,000 lines is kept");
    assert_eq!(chatty[19], "line 9999");
    let log = std::fs::read_to_string(sandbox.run_logs()[0].clone()).unwrap();
    assert!(
        log.len() < 10_000,
        "the log holds the tail, not the output: {} bytes",
        log.len()
    );
}

#[test]
fn verify_ticks_what_it_proves_and_stops_what_runs_too_long() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("c.yaml", COMMANDS).to_str().unwrap().to_owned();
    // Bounded well below the sleep: a timeout that never fires fails here
    // rather than passing 300 s later.
    let mut verify = sandbox.command();
    verify
        .args(["verify", &list, "--timeout", "0.5"])
        .timeout(common::PATIENCE);
    let ran: common::Ran = verify.output().unwrap().into();
    assert_eq!(ran.code, 1, "{}{}", ran.stdout, ran.stderr);
    wait_until("the timed-out sleep is stopped", || gone(&sandbox.path("sleeps.pid")));
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert!(lines[0].starts_with("⏱ Sleeps  (timed out after 0."), "{}", ran.stdout);
    assert!(lines[1].starts_with("✓ Proven  (exit 0 in"), "{}", ran.stdout);
    assert!(lines[2].starts_with("✗ Disproven  (exit 1 in"), "{}", ran.stdout);
    assert_eq!(lines[3], "    nope");
    let json: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", &list, "--json"])).unwrap();
    assert_eq!(item(&json, "Proven")["status"], "done");
    assert_eq!(item(&json, "Proven")["evidence"]["kind"], "verify");
    assert_eq!(item(&json, "Sleeps")["evidence"]["timed_out"], true);
    assert_eq!(item(&json, "Disproven")["status"], "todo");
    // Only open items run by default; a named one runs even when done.
    let ran = sandbox.run(&["verify", &list, "proven"]);
    assert_eq!(ran.code, 0, "{}", ran.stdout);
    let again = sandbox.run(&["verify", &list, "--timeout", "0.5"]);
    assert!(!again.stdout.contains("Proven"), "{}", again.stdout);
}

#[test]
fn a_value_recorded_by_a_teammate_never_becomes_shell_syntax() {
    let sandbox = Sandbox::new();
    let marker = sandbox.path("pwned");
    let list = sandbox
        .write(
            "c.yaml",
            "title: T\nparams:\n  - name: version\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - title: Tag\n            command: printf '%s|' {{version}} \"$PREFLIGHT_PARAM_VERSION\"\n",
        )
        .to_str()
        .unwrap()
        .to_owned();
    let hostile = format!(
        "1; touch {}; $(touch {}) `touch {}`",
        marker.display(),
        marker.display(),
        marker.display()
    );
    sandbox.ok(&[
        "status",
        &list,
        "--set",
        &format!("version={hostile}"),
        "--by",
        "mallory",
    ]);
    let ran = sandbox.run(&["exec", &list, "tag"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(!marker.exists(), "the value ran as a command");
    assert_eq!(ran.stdout, format!("{hostile}|{hostile}|"), "one word, as given");
}

#[test]
fn export_shows_the_last_evidence_under_its_item_and_import_keeps_the_note() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("c.yaml", COMMANDS).to_str().unwrap().to_owned();
    sandbox.ok(&["exec", &list, "passes", "--by", "alice"]);
    sandbox.ok(&["note", &list, "passes", "tag pushed"]);
    let export = sandbox.ok(&["export", &list]);
    let alice = common::shown_as("alice");
    let at = export.find(&format!("- [x] Passes — *{alice}, ")).expect(&export);
    let lines: Vec<&str> = export[at..].lines().take(3).collect();
    assert!(lines[0].ends_with("UTC*\\"), "{export}");
    assert!(
        lines[1].starts_with("  Evidence: exec exit 0 in ") && lines[1].contains(&format!(" — {alice}, ")),
        "{export}"
    );
    assert_eq!(lines[2], "  Note: tag pushed");
    let md = sandbox.write("progress.md", &export);
    let yaml = sandbox.path("again.yaml");
    sandbox.ok(&[
        "import",
        md.to_str().unwrap(),
        "-o",
        yaml.to_str().unwrap(),
        "--run",
        "again",
    ]);
    let json: serde_json::Value =
        serde_json::from_str(&sandbox.ok(&["status", yaml.to_str().unwrap(), "--run", "again", "--json"])).unwrap();
    assert_eq!(
        item(&json, "Passes")["note"],
        "tag pushed",
        "the evidence line is no note"
    );
}

#[test]
fn report_says_how_long_each_phase_took_and_export_adds_it_to_the_completion_status() {
    let sandbox = Sandbox::new();
    let list = runbook(&sandbox);
    let state = sandbox.path("run.jsonl");
    let lines = [
        r#"{"preflight":"run log","version":1,"checklist":"Release {{version}}","file":"release.yaml","run":"default","created":"2026-11-29T10:00:00Z"}"#,
        r#"{"at":"2026-11-29T10:00:00Z","by":"alice","param":"version","value":"2.3.0"}"#,
        r#"{"at":"2026-11-29T10:01:00Z","by":"alice","item":"prepare/checks/ci-is-green-for-version","status":"done"}"#,
        r#"{"at":"2026-11-29T10:04:00Z","by":"bob","item":"prepare/checks/changelog-written","evidence":{"kind":"exec","command":"x","exit":2,"ms":10}}"#,
        r#"{"at":"2026-11-29T10:06:30Z","by":"bob","item":"prepare/checks/changelog-written","status":"done"}"#,
        r#"{"at":"2026-11-29T10:30:00Z","by":"carol","item":"deploy/release/tag-version-on-env","status":"done","forced":true}"#,
    ];
    std::fs::write(&state, format!("{}\n", lines.join("\n"))).unwrap();
    let state = state.to_str().unwrap();
    let text = sandbox.ok(&["report", &list, "--state", state]);
    assert!(text.contains("Prepare\n  started 2026-11-29 10:01:00 UTC  completed 2026-11-29 10:06:30 UTC  took 5m 30s\n  by alice, bob\n  0 forced past a gate, 1 command failed\n"), "{text}");
    assert!(
        text.contains("Overall\n  started 2026-11-29 10:01:00 UTC  completed 2026-11-29 10:30:00 UTC  took 29m 00s\n"),
        "{text}"
    );
    assert!(text.contains("Longest steps (from the completion before them)\n   23m 30s  Tag 2.3.0 on staging  (deploy/release/tag-version-on-env)\n"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&sandbox.ok(&["report", &list, "--state", state, "--json"])).unwrap();
    assert_eq!(json["phases"][0]["seconds"], 330);
    // Carol's change was flagged forced, but Prepare was complete by then:
    // the gate was open, so it overrode nothing and is not counted.
    assert_eq!(json["phases"][1]["forced"], 0);
    assert_eq!(json["overall"]["failed_commands"], 1);
    assert_eq!(json["longest"][0]["id"], "deploy/release/tag-version-on-env");
    let export = sandbox.ok(&["export", &list, "--state", state]);
    assert!(
        export.contains("- [x] **Prepare**: 2/2 items completed · took 5m 30s\n"),
        "{export}"
    );
}

#[test]
fn the_shipped_runbook_uses_parameters_commands_verifications_and_gates() {
    let runbook = preflight::bundled::SERVICE_RELEASE.load().unwrap();
    assert!(
        runbook
            .params
            .iter()
            .any(|p| p.name == "version" && p.default.is_none())
    );
    assert!(runbook.params.iter().any(|p| p.name == "env" && p.default.is_some()));
    let commands = runbook.items().iter().filter(|i| i.command.is_some()).count();
    let verifies = runbook.items().iter().filter(|i| i.verify.is_some()).count();
    assert!(
        commands >= 5 && verifies >= 5,
        "{commands} commands, {verifies} verifications"
    );
    assert!(!runbook.phases()[0].gate && runbook.phases()[1].gate);
    let sandbox = Sandbox::new();
    sandbox.ok(&["new", "release.yaml", "--from", "service-release"]);
    let ran = sandbox.run(&["status", "release.yaml"]);
    assert!(ran.stderr.contains("needs a value for `version`"), "{}", ran.stderr);
    let json: serde_json::Value =
        serde_json::from_str(&sandbox.ok(&["status", "release.yaml", "--set", "version=2.3.0", "--json"])).unwrap();
    assert_eq!(json["title"], "Service Release 2.3.0 to staging");
    let tag = &json["phases"][0]["sections"][0]["items"][3];
    assert_eq!(tag["title"], "Tag v2.3.0 signed and pushed");
    assert_eq!(
        tag["command"],
        "git tag -s v{{version}} -m v{{version}} && git push origin v{{version}}"
    );
    let ran = sandbox.run(&["check", "release.yaml", "deployment-updated-to-version"]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr.contains("Deploy is gated: Prepare has 11 open items"),
        "{}",
        ran.stderr
    );
}

#[test]
fn log_reads_a_run_that_still_lacks_a_value() {
    let sandbox = Sandbox::new();
    let list = runbook(&sandbox);
    let ran = sandbox.run(&["check", &list, "changelog-written"]);
    assert_eq!(ran.code, 1, "a change needs the values: {}", ran.stderr);
    sandbox.ok(&["note", &list, "changelog-written", "x", "--set", "version=1"]);
    let state = sandbox.run_logs()[0].clone();
    let text = std::fs::read_to_string(&state).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.contains("\"param\"")).collect();
    let without_value = format!("{}\n", kept.join("\n"));
    std::fs::write(&state, without_value).unwrap();
    let log = sandbox.ok(&["log", &list]);
    assert!(log.contains("note"), "{log}");
}

/// bob skipped `id` (saying why, or not); alice's `command` on it passes
/// (saying that it stays skipped, where `says`), and it stays skipped by
/// bob, with alice's run recorded all the same.
fn never_unskips(reason: &[&str], command: &str, id: &str, title: &str, says: bool) {
    let sandbox = Sandbox::new();
    let list = sandbox.write("c.yaml", COMMANDS).to_str().unwrap().to_owned();
    sandbox.ok(&[&["skip", &list, id, "--by", "bob"][..], reason].concat());
    let ran = sandbox.run(&[command, &list, id, "--by", "alice"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        !says || ran.stderr.contains("it stays skipped (by bob), as it was"),
        "{}",
        ran.stderr
    );
    let json: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", &list, "--json"])).unwrap();
    assert_eq!(item(&json, title)["status"], "skipped", "{title}");
    assert_eq!(item(&json, title)["by"], "bob", "{title}");
    assert_eq!(
        item(&json, title)["evidence"]["by"],
        "alice",
        "the run is recorded all the same"
    );
    let log = sandbox.ok(&["log", &list]);
    assert!(log.lines().any(|l| l.contains("alice") && l.contains(" ran ")), "{log}");
}

preflight_core::cases! { a_passing_run_never_unskips_what_a_teammate_skipped, never_unskips:
    by_exec = (&["--reason", "no tags here"], "exec", "passes", "Passes", true),
    by_verify = (&[], "verify", "proven", "Proven", false),
}

#[test]
fn a_set_value_is_recorded_only_with_a_command_that_passes_its_checks() {
    let sandbox = Sandbox::new();
    let list = runbook(&sandbox);
    let ran = sandbox.run(&["check", &list, "no-such-item", "--set", "version=9"]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("nothing was recorded"), "{}", ran.stderr);
    assert!(sandbox.run_logs().is_empty(), "and nothing was: not the value either");
    std::fs::write(sandbox.path("mine.md"), "my notes\n").unwrap();
    let ran = sandbox.run(&["export", &list, "-o", "mine.md", "--set", "version=9"]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(sandbox.run_logs().is_empty(), "a refused export records no value");
    // With a change that passes, the value and the change go in one append.
    let ran = sandbox.run(&["check", &list, "changelog-written", "--set", "version=9"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let log = std::fs::read_to_string(&sandbox.run_logs()[0]).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert!(
        lines[1].contains("\"param\":\"version\"") && lines[2].contains("changelog-written"),
        "{log}"
    );
}

fn closest_ids_for(command: &str) {
    let sandbox = Sandbox::new();
    let list = sandbox.write("c.yaml", COMMANDS).to_str().unwrap().to_owned();
    let ran = sandbox.run(&[command, &list, "pases"]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr.contains("did you mean:\n    run/steps/passes"),
        "{command}: {}",
        ran.stderr
    );
    assert!(sandbox.run_logs().is_empty(), "nothing ran, nothing was recorded");
}

preflight_core::cases! { a_mistyped_item_for_exec_or_verify_gets_the_closest_ids, closest_ids_for:
    exec = ("exec"),
    verify = ("verify"),
}

#[test]
fn exec_and_verify_wait_for_a_gate_unless_forced() {
    let sandbox = Sandbox::new();
    let list = sandbox
        .write(
            "g.yaml",
            "title: G\nphases:\n  - name: Prepare\n    sections:\n      - name: S\n        items: [Ready]\n  - name: Ship\n    gate: true\n    sections:\n      - name: S\n        items:\n          - title: Deploy\n            command: echo deployed\n            verify: \"true\"\n",
        )
        .to_str()
        .unwrap()
        .to_owned();
    let ran = sandbox.run(&["exec", &list, "deploy"]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr.contains("Ship is gated: Prepare has 1 open item"),
        "{}",
        ran.stderr
    );
    assert!(!ran.stdout.contains("deployed"), "nothing ran");
    let ran = sandbox.run(&["verify", &list]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stdout.contains("⛔ Deploy: Ship is gated: Prepare has 1 open item"),
        "{}",
        ran.stdout
    );
    assert!(sandbox.run_logs().is_empty(), "a refused run records nothing");
    let ran = sandbox.run(&["verify", &list, "--force"]);
    assert_eq!(ran.code, 0, "{}", ran.stdout);
    let json: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", &list, "--json"])).unwrap();
    let deploy = &json["phases"][1]["sections"][0]["items"][0];
    assert_eq!(
        (deploy["status"].as_str(), deploy["forced"].as_bool()),
        (Some("done"), Some(true))
    );
}
