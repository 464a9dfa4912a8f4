#![cfg(unix)]
//! `report --html -o FILE` writes by the rules of `export -o`: a new file,
//! or an earlier page replaced; anything else only with `--force`, and never
//! a symlink, FIFO or device (`never_destroy.rs`); atomically, leaving
//! nothing beside it. `-o -` is standard output.

mod common;

use std::fs;

use common::{MINI, Sandbox, as_str};

fn files_in(sandbox: &Sandbox) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(sandbox.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "data" && n != "state")
        .collect();
    names.sort();
    names
}

#[test]
fn a_page_replaces_an_earlier_page_but_nothing_else_unless_forced() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let page = sandbox.path("audit.html");
    let args = |out: &str, force: bool| {
        let mut args = vec!["report", as_str(&list), "--html", "-o", out];
        if force {
            args.push("--force");
        }
        args.into_iter().map(str::to_owned).collect::<Vec<String>>()
    };
    let run = |args: Vec<String>| sandbox.run(&args.iter().map(String::as_str).collect::<Vec<&str>>());
    assert_eq!(run(args(as_str(&page), false)).code, 0);
    assert!(
        fs::read_to_string(&page)
            .unwrap()
            .starts_with("<!DOCTYPE html>\n<!-- preflight report")
    );
    sandbox.ok(&["check", as_str(&list), "first-step"]);
    assert_eq!(run(args(as_str(&page), false)).code, 0, "an earlier page is replaced");
    assert!(fs::read_to_string(&page).unwrap().contains("✓ Done"));

    for (name, mine) in [
        ("notes.html", "<!DOCTYPE html>\n<p>my notes</p>\n"),
        ("progress.md", "<!-- preflight export: run \"default\" -->\n# Mini\n"),
    ] {
        let other = sandbox.write(name, mine);
        let ran = run(args(as_str(&other), false));
        assert_eq!(ran.code, 1, "{name}");
        assert!(
            ran.stderr
                .contains(&format!("{name}: exists already; the report page was not written"))
                && ran
                    .stderr
                    .contains("hint: it is not an earlier report page; --force replaces it"),
            "{}",
            ran.stderr
        );
        assert_eq!(fs::read_to_string(&other).unwrap(), mine);
        assert_eq!(run(args(as_str(&other), true)).code, 0);
        assert!(fs::read_to_string(&other).unwrap().contains("<!-- preflight report"));
    }
    assert_eq!(
        files_in(&sandbox),
        ["audit.html", "mini.yaml", "notes.html", "progress.md"],
        "no stray file"
    );
}

#[test]
fn without_o_or_with_o_dash_the_page_goes_to_standard_output() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let plain = sandbox.ok(&["report", as_str(&list), "--html"]);
    let dash = sandbox.ok(&["report", as_str(&list), "--html", "-o", "-"]);
    assert!(plain.starts_with("<!DOCTYPE html>") && plain.ends_with("</html>\n"));
    assert_eq!(plain, dash);
    assert_eq!(files_in(&sandbox), ["mini.yaml"]);
}

#[test]
fn o_needs_html_and_html_is_not_json() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    for args in [
        vec!["report", as_str(&list), "-o", "x.html"],
        vec!["report", as_str(&list), "--html", "--json"],
        vec!["report", as_str(&list), "--html", "--force"],
    ] {
        let ran = sandbox.run(&args);
        assert_eq!(ran.code, 2, "{args:?}: {}", ran.stderr);
    }
    assert_eq!(files_in(&sandbox), ["mini.yaml"]);
}
