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

/// One module per value, named for it, and in it one test per way the
/// command quotes its placeholder: `$check(value, item)`.
macro_rules! in_each_quoting {
    ($module:ident, $check:ident: $($case:ident = $payload:literal,)*) => {
        mod $module {
            $(
                mod $case {
                    #[test]
                    fn single() {
                        super::super::$check($payload, "single");
                    }

                    #[test]
                    fn double() {
                        super::super::$check($payload, "double");
                    }

                    #[test]
                    fn bare() {
                        super::super::$check($payload, "bare");
                    }
                }
            )*
        }
    };
}

/// Runs `item` after setting `v` with `set` (its value first).
fn exec_with_value(set: &[&str], item: &str) -> (Sandbox, common::Ran) {
    let sandbox = Sandbox::new();
    let list = sandbox.write("q.yaml", QUOTED);
    let list = list.to_str().unwrap();
    sandbox.ok(&[&["status", list, "--set"][..], set].concat());
    let ran = sandbox.run(&["exec", list, item]);
    (sandbox, ran)
}

/// The value recorded by a teammate in the shared run: the shell prints it
/// and runs none of it.
fn a_teammates_value_is_printed_never_run(payload: &str, item: &str) {
    let (sandbox, ran) = exec_with_value(&[&format!("v={payload}"), "--by", "mallory"], item);
    assert_eq!(ran.code, 0, "{item}: {}", ran.stderr);
    assert!(
        ran.stdout.contains(&format!("hello {}", payload.trim())),
        "{item}: {}",
        ran.stdout
    );
    assert!(!sandbox.path("PWNED").exists(), "{item} ran part of the value");
}

in_each_quoting! {
    a_value_inside_quotes_is_printed_never_run, a_teammates_value_is_printed_never_run:
    the_value_from_the_issue = "x; touch PWNED; echo ",
}

/// A value that closes the quotes around its placeholder, or asks the shell
/// to run something: printed, never run.
fn printed_never_run(payload: &str, item: &str) {
    let (sandbox, ran) = exec_with_value(&[&format!("v={payload}")], item);
    assert!(
        ran.stdout.contains(&format!("hello {payload}")),
        "{item} {payload}: {}",
        ran.stderr
    );
    assert!(!sandbox.path("PWNED").exists(), "{item} ran part of {payload:?}");
}

in_each_quoting! {
    a_value_that_closes_its_quotes_is_printed_never_run, printed_never_run:
    a_single_quote = "'; touch PWNED; '",
    a_double_quote = "\"; touch PWNED; \"",
    a_command_substitution = "$(touch PWNED)",
    backquotes = "`touch PWNED`",
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

const EVERYWHERE: &str = r#"title: Release {{v}}
description: Ships {{v}} to production
params:
  - name: v
phases:
  - name: Prepare {{v}}
    icon: "{{v}}"
    sections:
      - name: Build {{v}}
        items:
          - title: Tag {{v}}
            detail: the tag {{v}} is signed
"#;

#[test]
fn values_fill_every_text_that_shows() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("all.yaml", EVERYWHERE);
    let list = list.to_str().unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&sandbox.ok(&["status", list, "--set", "v=9.9.9", "--json"])).unwrap();
    assert_eq!(json["title"], "Release 9.9.9");
    assert_eq!(json["description"], "Ships 9.9.9 to production");
    assert_eq!(json["phases"][0]["name"], "Prepare 9.9.9");
    assert_eq!(json["phases"][0]["sections"][0]["name"], "Build 9.9.9");
    assert_eq!(json["phases"][0]["sections"][0]["items"][0]["title"], "Tag 9.9.9");
    let export = sandbox.ok(&["export", list]);
    assert!(
        export.contains("Build 9.9.9") && export.contains("Ships 9.9.9"),
        "{export}"
    );
}

/// With `v` set in the run, `command` shows its value, never the placeholder.
fn shows_the_value(command: &str) {
    let sandbox = Sandbox::new();
    let list = sandbox.write("all.yaml", EVERYWHERE);
    let list = list.to_str().unwrap();
    sandbox.ok(&["status", list, "--set", "v=9.9.9", "--json"]);
    let shown = sandbox.ok(&[command, list]);
    assert!(!shown.contains("{{v}}"), "{command} shows a placeholder:\n{shown}");
    assert!(shown.contains("Prepare 9.9.9"), "{command}:\n{shown}");
}

preflight_core::cases! { a_value_set_fills_every_text_each_command_shows, shows_the_value:
    status = ("status"),
    export = ("export"),
    report = ("report"),
}

/// A placeholder in `field` naming no parameter is refused, at its line
/// where the field has one (0: none).
fn refused_for_no_such_parameter(field: &str, from: &str, to: &str, line: usize) {
    let sandbox = Sandbox::new();
    let list = sandbox.write("bad.yaml", &EVERYWHERE.replace(from, to));
    let ran = sandbox.run(&["validate", list.to_str().unwrap()]);
    assert_eq!(ran.code, 1, "{field}: {}", ran.stdout);
    assert!(ran.stderr.contains("no parameter `nosuch`"), "{field}: {}", ran.stderr);
    if line > 0 {
        assert!(
            ran.stderr.contains(&format!("bad.yaml:{line}:")),
            "{field}: {}",
            ran.stderr
        );
    }
}

preflight_core::cases! {
    a_placeholder_naming_no_parameter_is_a_load_error_in, refused_for_no_such_parameter:
    a_phase_name = ("phase name", "Prepare {{v}}", "Prepare {{nosuch}}", 6),
    a_section_name = ("section name", "Build {{v}}", "Build {{nosuch}}", 9),
    the_description = ("description", "Ships {{v}}", "Ships {{nosuch}}", 0),
    an_icon = ("icon", "\"{{v}}\"", "\"{{nosuch}}\"", 6),
}

#[test]
fn a_value_over_4_kib_is_refused_on_the_command_line_and_in_a_teammates_log() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("all.yaml", EVERYWHERE);
    let list = list.to_str().unwrap();
    let huge = "x".repeat(4097);
    let ran = sandbox.run(&["status", list, "--set", &format!("v={huge}")]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr.contains("4097 bytes long; a value has at most 4096"),
        "{}",
        ran.stderr
    );
    sandbox.ok(&["status", list, "--set", &format!("v={}", "y".repeat(4096))]);
    // A teammate's log line with a value over the bound is left out, said once.
    let log = &sandbox.run_logs()[0];
    let text = std::fs::read_to_string(log).unwrap()
        + &format!("{{\"at\":\"2026-12-03T10:00:00Z\",\"by\":\"mallory\",\"param\":\"v\",\"value\":\"{huge}\"}}\n");
    std::fs::write(log, text).unwrap();
    let ran = sandbox.run(&["status", list, "--json"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stderr.contains("a value has at most 4096"), "{}", ran.stderr);
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(json["title"], format!("Release {}", "y".repeat(4096)));
}

#[test]
fn status_with_set_starts_a_run_that_does_not_exist_yet() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("all.yaml", EVERYWHERE);
    let list = list.to_str().unwrap();
    let ran = sandbox.run(&["status", list, "--run", "v9.9.9 release", "--set", "v=9.9.9"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stderr.contains("started run \"v9.9.9 release\""), "{}", ran.stderr);
    let again = sandbox.ok(&["status", list, "--run", "v9.9.9 release"]);
    assert!(again.contains("Release 9.9.9"), "{again}");
    let typo = sandbox.run(&["status", list, "--run", "v9.9.9 relase"]);
    assert_eq!(typo.code, 1, "a typo without values is still an error");
}

#[test]
fn values_and_icons_make_no_markup_in_the_export() {
    let sandbox = Sandbox::new();
    let hostile = EVERYWHERE
        .replace(
            "icon: \"{{v}}\"",
            "icon: \"<img src=x onerror=alert(2)> [i](https://t.example/i)\"",
        )
        .replace("Tag {{v}}", "Tag {{v}} with `{{v}}`");
    let list = sandbox.write("all.yaml", &hostile);
    let list = list.to_str().unwrap();
    let value =
        "<img src=x onerror=alert(1)> <details> ![p](https://t.example/p.png) **b** [Approve](https://t.example/a)";
    let export = sandbox.ok(&["export", list, "--set", &format!("v={value}")]);
    let html: Vec<String> = pulldown_cmark::Parser::new(&export)
        .filter_map(|event| match event {
            pulldown_cmark::Event::Html(h) | pulldown_cmark::Event::InlineHtml(h) if !h.starts_with("<!--") => {
                Some(h.to_string())
            }
            _ => None,
        })
        .collect();
    assert!(html.is_empty(), "HTML from a value or icon: {html:?}\n{export}");
    // Nor a link or an image anywhere: in the title, the phase and section
    // names and the icon too.
    let links = pulldown_cmark::Parser::new(&export)
        .filter(|e| {
            matches!(
                e,
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { .. } | pulldown_cmark::Tag::Link { .. })
            )
        })
        .count();
    assert_eq!(links, 0, "{export}");
    // Where a value stands among Markdown (an item's title and detail, the
    // values' line), it makes no image or bold either: the one bold is the
    // title's own.
    for line in export
        .lines()
        .filter(|l| l.starts_with("- [ ] **Tag") || l.starts_with("**Parameters:**"))
    {
        let count = |image: bool| {
            pulldown_cmark::Parser::new(line)
                .filter(|e| match e {
                    pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { .. }) => image,
                    pulldown_cmark::Event::Start(pulldown_cmark::Tag::Strong) => !image,
                    _ => false,
                })
                .count()
        };
        assert_eq!((count(true), count(false)), (0, 1), "{line}");
    }
    assert!(
        export.contains(&format!("`{value}`")),
        "inside a code span the value is as it is:\n{export}"
    );
    let plain = preflight::inline::to_plain(export.lines().find(|l| l.starts_with("- [ ]")).unwrap());
    assert!(plain.contains(&format!("Tag {value} with")), "{plain}");
}

#[test]
fn a_value_ending_in_a_backquote_cannot_close_a_code_span_in_the_export() {
    let sandbox = Sandbox::new();
    let list = sandbox.write(
        "span.yaml",
        "title: T\nparams:\n  - name: service\n  - name: host\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - title: Deploy\n            detail: Run `deploy {{service}}` on `{{host}}`\n",
    );
    let list = list.to_str().unwrap();
    let export = sandbox.ok(&[
        "export",
        list,
        "--set",
        "service=api`",
        "--set",
        "host=<img src=x onerror=alert(1)> ![p](https://evil.example/t.png)",
    ]);
    let markup = pulldown_cmark::Parser::new(&export)
        .filter(|e| {
            matches!(
                e,
                pulldown_cmark::Event::InlineHtml(_) | pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { .. })
            )
        })
        .count();
    assert_eq!(markup, 0, "{export}");
    assert!(export.contains("`deploy apiˋ`"), "{export}");
}
