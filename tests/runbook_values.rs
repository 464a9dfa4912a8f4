//! Values in commands, end to end: a value (a teammate's, recorded in the
//! shared run) is read by the shell as text wherever its placeholder stands,
//! never as code; and the shipped runbook's own verifications pass against a
//! repository that is right.

mod common;

use std::process::Command as Std;

use common::Sandbox;

const QUOTED: &str = r#"title: Quoting
params:
  - name: v
phases:
  - name: Only
    sections:
      - name: S
        items:
          - title: Single
            command: echo 'hello {{v}}'
          - title: Double
            command: echo "hello {{v}}"
          - title: Bare
            command: echo hello {{v}}
"#;

#[test]
fn a_value_inside_quotes_is_printed_never_run() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("q.yaml", QUOTED);
    let list = list.to_str().unwrap();
    // The value from the issue, recorded by a teammate in the shared run.
    let payload = "x; touch PWNED; echo ";
    sandbox.ok(&["status", list, "--set", &format!("v={payload}"), "--by", "mallory"]);
    for item in ["single", "double", "bare"] {
        let ran = sandbox.run(&["exec", list, item]);
        assert_eq!(ran.code, 0, "{item}: {}", ran.stderr);
        assert!(
            ran.stdout.contains(&format!("hello {}", payload.trim())),
            "{item}: {}",
            ran.stdout
        );
        assert!(!sandbox.path("PWNED").exists(), "{item} ran part of the value");
    }
    for payload in [
        "'; touch PWNED; '",
        "\"; touch PWNED; \"",
        "$(touch PWNED)",
        "`touch PWNED`",
    ] {
        sandbox.ok(&["status", list, "--set", &format!("v={payload}")]);
        for item in ["single", "double", "bare"] {
            let ran = sandbox.run(&["exec", list, item]);
            assert!(
                ran.stdout.contains(&format!("hello {payload}")),
                "{item} {payload}: {}",
                ran.stdout
            );
            assert!(!sandbox.path("PWNED").exists(), "{item} ran part of {payload:?}");
        }
    }
}

#[test]
fn a_placeholder_the_shell_would_read_again_is_refused_at_its_line_and_column() {
    let sandbox = Sandbox::new();
    let list = sandbox.write(
        "bad.yaml",
        "title: T\nparams:\n  - name: version\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - title: tag\n            command: |\n              echo start\n              git tag \"`echo {{version}}`\"\n",
    );
    let ran = sandbox.run(&["validate", list.to_str().unwrap()]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("bad.yaml:12:30:"), "{}", ran.stderr);
    assert!(ran.stderr.contains("`{{version}}` inside backquotes"), "{}", ran.stderr);
    assert!(ran.stderr.contains("\"$PREFLIGHT_PARAM_VERSION\""), "{}", ran.stderr);
}

fn git(dir: &std::path::Path, args: &[&str]) {
    let out = Std::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git is required by the test suite");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_shipped_runbooks_verifications_pass_on_a_repository_that_is_right() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["new", "release.yaml", "--from", "service-release"]);
    let origin = sandbox.path("origin.git");
    std::fs::create_dir(&origin).unwrap();
    git(&origin, &["init", "--bare", "-q"]);
    sandbox.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [2.3.0] - 2026-12-03\n### Fixed\n- things\n",
    );
    sandbox.write("Cargo.toml", "[package]\nname = \"api\"\nversion = \"2.3.0\"\n");
    let repo = sandbox.dir.path();
    git(repo, &["init", "-q"]);
    git(repo, &["add", "CHANGELOG.md", "Cargo.toml"]);
    git(repo, &["commit", "-q", "-m", "release"]);
    git(repo, &["tag", "v2.3.0"]);
    git(repo, &["remote", "add", "origin", origin.to_str().unwrap()]);
    git(repo, &["push", "-q", "origin", "v2.3.0"]);
    let proofs = [
        "changelog-has-an-entry-for-version",
        "version-version-set-in-the-source",
        "tag-v-version-signed-and-pushed",
    ];
    let mut args = vec!["verify", "release.yaml"];
    args.extend(proofs);
    args.extend(["--set", "version=2.3.0"]);
    let ran = sandbox.run(&args);
    assert_eq!(ran.code, 0, "{}\n{}", ran.stdout, ran.stderr);
    assert_eq!(ran.stdout.matches('✓').count(), 3, "{}", ran.stdout);
    // The same verifications fail for a version the repository does not have.
    let mut args = vec!["verify", "release.yaml"];
    args.extend(proofs);
    args.extend(["--set", "version=2.4.0"]);
    let ran = sandbox.run(&args);
    assert_eq!(ran.code, 1, "{}", ran.stdout);
    assert_eq!(ran.stdout.matches('✗').count(), 3, "{}", ran.stdout);
}
