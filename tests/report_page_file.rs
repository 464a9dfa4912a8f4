#![cfg(unix)]
//! `report --html -o FILE` writes by the rules of `export -o`: a new file,
//! or an earlier page replaced; anything else only with `--force`, and never
//! a symlink, FIFO or device (`never_destroy.rs`); atomically, leaving
//! nothing beside it. `-o -` is standard output.

mod common;

use std::fs;
use std::path::Path;

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

/// `report --html -o OUT` for the checklist `list`, with `--force` or not.
fn page_to(sandbox: &Sandbox, list: &Path, out: &Path, force: bool) -> common::Ran {
    let mut args = vec!["report", as_str(list), "--html", "-o", as_str(out)];
    if force {
        args.push("--force");
    }
    sandbox.run(&args)
}

#[test]
fn a_page_replaces_an_earlier_page() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let page = sandbox.path("audit.html");
    assert_eq!(page_to(&sandbox, &list, &page, false).code, 0);
    assert!(
        fs::read_to_string(&page)
            .unwrap()
            .starts_with("<!DOCTYPE html>\n<!-- preflight report")
    );
    sandbox.ok(&["check", as_str(&list), "first-step"]);
    assert_eq!(
        page_to(&sandbox, &list, &page, false).code,
        0,
        "an earlier page is replaced"
    );
    assert!(fs::read_to_string(&page).unwrap().contains("✓ Done"));
    assert_eq!(files_in(&sandbox), ["audit.html", "mini.yaml"], "no stray file");
}

/// `name`, holding `mine` and no earlier page, is replaced only with `--force`.
fn replaced_only_when_forced(name: &str, mine: &str) {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let other = sandbox.write(name, mine);
    let ran = page_to(&sandbox, &list, &other, false);
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
    assert_eq!(page_to(&sandbox, &list, &other, true).code, 0);
    assert!(fs::read_to_string(&other).unwrap().contains("<!-- preflight report"));
    let mut expected = ["mini.yaml", name];
    expected.sort_unstable();
    assert_eq!(files_in(&sandbox), expected, "no stray file");
}

preflight_core::cases! { a_page_replaces_nothing_else_unless_forced, replaced_only_when_forced:
    a_page_of_my_own = ("notes.html", "<!DOCTYPE html>\n<p>my notes</p>\n"),
    an_export = ("progress.md", "<!-- preflight export: run \"default\" -->\n# Mini\n"),
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

/// `args` (with `LIST` the checklist) is a usage error, and writes nothing.
fn a_usage_error(args: &[&str]) {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let args = common::filled(args, &[("LIST", as_str(&list))]);
    let ran = sandbox.run(&args);
    assert_eq!(ran.code, 2, "{args:?}: {}", ran.stderr);
    assert_eq!(files_in(&sandbox), ["mini.yaml"]);
}

preflight_core::cases! { o_needs_html_and_html_is_not_json, a_usage_error:
    o_without_html = (&["report", "LIST", "-o", "x.html"]),
    html_and_json = (&["report", "LIST", "--html", "--json"]),
    force_without_o = (&["report", "LIST", "--html", "--force"]),
}
