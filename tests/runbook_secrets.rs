//! Secret parameters: a value given in the environment (or the view's masked
//! prompt) for one session, never written to the run log, the export or any
//! output, shown as •••• and masked in the output a run keeps.

mod common;

use common::Sandbox;

const SECRET: &str = r#"title: Rotate {{token}}
params:
  - name: token
    secret: true
  - name: env
    default: staging
phases:
  - name: P
    sections:
      - name: S
        items:
          - title: Call the API on {{env}}
            command: echo "token={{token}}"; echo "env=$PREFLIGHT_PARAM_TOKEN"
          - title: Plain step
            command: echo plain
"#;

const VALUE: &str = "s3cr3t-Value-42";

/// No file preflight keeps (run logs, the state folder's snapshots, resume
/// files and step claims) holds the secret.
fn secret_free(sandbox: &Sandbox) {
    fn walk(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, found);
            } else {
                found.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&sandbox.data_home(), &mut files);
    walk(&sandbox.path("state"), &mut files);
    assert!(!files.is_empty());
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(VALUE), "{} holds the secret:\n{text}", file.display());
    }
}

/// Runs the item whose command uses the secret, given in the environment.
fn exec_with_the_secret(sandbox: &Sandbox, list: &str) -> common::Ran {
    sandbox
        .command()
        .args(["exec", list, "call-the-api-on-env"])
        .env("PREFLIGHT_PARAM_TOKEN", VALUE)
        .output()
        .unwrap()
        .into()
}

/// After a command ran with the secret, `args` (with `LIST` the checklist)
/// shows it nowhere.
fn never_shows_the_secret(args: &[&str]) {
    let sandbox = Sandbox::new();
    let list = sandbox.write("s.yaml", SECRET);
    let list = list.to_str().unwrap();
    let ran = exec_with_the_secret(&sandbox, list);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let args = common::filled(args, &[("LIST", list)]);
    let shown = sandbox.ok(&args);
    assert!(!shown.contains(VALUE), "{args:?} shows the secret");
}

preflight_core::cases! { a_secret_a_command_ran_with_is_shown_by_no_command, never_shows_the_secret:
    status_json = (&["status", "LIST", "--json"]),
    export = (&["export", "LIST"]),
    log = (&["log", "LIST"]),
    report = (&["report", "LIST"]),
    the_report_page = (&["report", "LIST", "--html"]),
}

#[test]
fn a_secret_is_given_in_the_environment_used_by_the_command_and_never_recorded_or_shown() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("s.yaml", SECRET);
    let list = list.to_str().unwrap();
    let ran = sandbox.run(&["status", list, "--set", &format!("token={VALUE}")]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr.contains("`token` is secret") && ran.stderr.contains("PREFLIGHT_PARAM_TOKEN"),
        "{}",
        ran.stderr
    );
    assert!(sandbox.run_logs().is_empty(), "nothing was recorded");
    // Commands that do not use it run without it.
    sandbox.ok(&["exec", list, "plain-step"]);
    let ran = sandbox.run(&["exec", list, "call-the-api-on-env"]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("needs the secret `token`"), "{}", ran.stderr);
    let ran = exec_with_the_secret(&sandbox, list);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stdout.contains(&format!("token={VALUE}\nenv={VALUE}")),
        "the command has it: {}",
        ran.stdout
    );
    assert!(ran.stderr.contains("running: echo \"token=••••\""), "{}", ran.stderr);
    assert!(!ran.stderr.contains(VALUE), "{}", ran.stderr);
    secret_free(&sandbox);
    let log = std::fs::read_to_string(&sandbox.run_logs()[0]).unwrap();
    assert!(log.contains("token=••••"), "the kept output is masked:\n{log}");
    assert!(
        log.contains("\"param\":\"token\""),
        "that it was given is recorded:\n{log}"
    );
    let status = sandbox.ok(&["status", list]);
    assert!(
        status.contains("token: secret, given by tester, not in this session"),
        "{status}"
    );
    let shown: common::Ran = sandbox
        .command()
        .args(["export", list])
        .env("PREFLIGHT_PARAM_TOKEN", VALUE)
        .output()
        .unwrap()
        .into();
    assert!(
        shown.stdout.contains("# Rotate ••••") && !shown.stdout.contains(VALUE),
        "{}",
        shown.stdout
    );
    let page: common::Ran = sandbox
        .command()
        .args(["report", list, "--html"])
        .env("PREFLIGHT_PARAM_TOKEN", VALUE)
        .output()
        .unwrap()
        .into();
    assert!(
        page.stdout.contains("<h1>Rotate ••••</h1>")
            && page.stdout.contains("<code>token = •••• (secret)</code>")
            && page.stdout.contains("token=••••")
            && !page.stdout.contains(VALUE),
        "{}",
        page.stdout
    );
}

#[test]
fn a_value_a_log_holds_for_a_secret_is_never_taken() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("s.yaml", SECRET);
    let list = list.to_str().unwrap();
    sandbox.ok(&["exec", list, "plain-step"]);
    let log = sandbox.run_logs()[0].clone();
    let line = "{\"at\":\"2026-12-03T10:00:00Z\",\"by\":\"mallory\",\"param\":\"token\",\"value\":\"planted\"}\n";
    std::fs::write(&log, std::fs::read_to_string(&log).unwrap() + line).unwrap();
    let ran = sandbox.run(&["exec", list, "call-the-api-on-env"]);
    assert_eq!(ran.code, 1, "{}", ran.stdout);
    assert!(ran.stderr.contains("needs the secret `token`"), "{}", ran.stderr);
    assert!(!sandbox.ok(&["status", list]).contains("planted"));
}

#[test]
fn a_secret_with_a_default_is_refused() {
    let sandbox = Sandbox::new();
    let list = sandbox.write(
        "s.yaml",
        &SECRET.replace("    secret: true\n", "    secret: true\n    default: hunter2\n"),
    );
    let ran = sandbox.run(&["validate", list.to_str().unwrap()]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr.contains("`token` is secret and has a default"),
        "{}",
        ran.stderr
    );
}
