//! Runbooks: run parameters given with --set and recorded in the run,
//! commands and verifications run for items with their evidence recorded,
//! and gated phases.

mod common;

use common::Sandbox;

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
    let ran = sandbox.run(&["skip", &list, "tag-version-on-env"]);
    assert_eq!(ran.code, 1, "a skip is refused too: {}", ran.stderr);
    let json: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", &list, "--json"])).unwrap();
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
        export.contains("- [x] Tag 2.3.0 on staging — *carol, ") && export.contains(" UTC, forced past the gate*"),
        "{export}"
    );
    // Once the earlier phase is complete the gate is open.
    sandbox.ok(&["uncheck", &list, "tag-version-on-env"]);
    sandbox.ok(&["check", &list, "ci-is-green-for-version"]);
    sandbox.ok(&["skip", &list, "changelog-written", "--reason", "hotfix"]);
    let open = sandbox.ok(&["check", &list, "tag-version-on-env"]);
    assert!(!open.contains("forced"), "{open}");
}
