//! Every kind of bad checklist is refused with exit status 1 and a message that
//! names the file, the place and the problem — never a panic or a backtrace.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invalid")
        .join(name)
}

/// Runs `preflight validate FILE`, checks that it failed cleanly, returns stderr.
fn refuse(path: &Path) -> String {
    let output = Command::cargo_bin("preflight")
        .unwrap()
        .arg("validate")
        .arg(path)
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{}: {stderr}", path.display());
    assert!(output.stdout.is_empty(), "nothing on stdout for a refused file");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "{stderr}"
    );
    assert!(stderr.lines().count() <= 8, "a few lines, not a wall: {stderr}");
    assert!(stderr.contains("hint: "), "every refusal has a hint: {stderr}");
    stderr
}

fn assert_mentions(stderr: &str, expected: &[&str]) {
    for fragment in expected {
        assert!(stderr.contains(fragment), "expected {fragment:?} in:\n{stderr}");
    }
}

/// One test per fixture, named for it, saying what its message must hold:
/// the place and the problem. Every fixture has a case (see
/// [`every_fixture_has_a_case_and_every_case_a_fixture`]).
macro_rules! refused {
    ($($case:ident: $file:literal => [$($fragment:expr),* $(,)?],)*) => {
        mod fixture {
            $(
                #[test]
                fn $case() {
                    super::refused_with_its_own_message($file, &[$($fragment),*]);
                }
            )*
        }

        const FIXTURES: &[&str] = &[$($file),*];
    };
}

fn refused_with_its_own_message(name: &str, expected: &[&str]) {
    let stderr = refuse(&fixture(name));
    assert_mentions(&stderr, &[&format!("error: {}", fixture(name).display())]);
    assert_mentions(&stderr, expected);
}

refused! {
    empty: "empty.yaml" => ["empty.yaml: is empty", "`title:` and `phases:`"],
    comments_only: "comments-only.yaml" => ["comments-only.yaml: is empty"],
    bad_indentation: "bad-indentation.yaml" => [":3:5:", "phases[0]: a phase has no `sections`", "lines up"],
    tab_indentation: "tab-indentation.yaml" => [":3:2:", "tabs", "indent with spaces"],
    unclosed_quote: "unclosed-quote.yaml" => [":1:8:", "unclosed quote", "close the quote"],
    top_level_list: "top-level-list.yaml" => [":1:1:", "expected a mapping of fields", "start with `title:`"],
    top_level_text: "top-level-text.yaml" => [":1:1:", "expected a mapping of fields"],
    missing_title: "missing-title.yaml" => [":1:1:", "the checklist has no `title`"],
    empty_title: "empty-title.yaml" => [":1:8:", "the checklist: `title` is empty"],
    null_title: "null-title.yaml" => [":1:", "`title` is empty"],
    missing_phases: "missing-phases.yaml" => ["the checklist has no `phases`", "list of phases"],
    empty_phases: "empty-phases.yaml" => [":2:9:", "`phases` is empty", "add at least one"],
    phases_not_a_list: "phases-not-a-list.yaml" => [":2:9:", "phases: expected a list"],
    missing_phase_name: "missing-phase-name.yaml" => [":3:5:", "phases[0]: a phase has no `name`"],
    empty_phase_name: "empty-phase-name.yaml" => [":3:11:", "phases[0]: `name` is empty"],
    multiline_name: "multiline-name.yaml" => [":3:11:", "phases[0]: `name` spans several lines"],
    missing_sections: "missing-sections.yaml" => [":3:5:", "phases[0]: a phase has no `sections`"],
    empty_sections: "empty-sections.yaml" => [":4:15:", "phases[0]: `sections` is empty"],
    missing_section_name: "missing-section-name.yaml" => [":5:9:", "phases[0].sections[0]: a section has no `name`"],
    missing_items: "missing-items.yaml" => [":5:9:", "phases[0].sections[0]: a section has no `items`"],
    empty_items: "empty-items.yaml" => [":6:16:", "phases[0].sections[0]: `items` is empty"],
    items_not_a_list: "items-not-a-list.yaml" => [":6:16:", "phases[0].sections[0].items: expected a list"],
    empty_item_title: "empty-item-title.yaml" => [":8:20:", "items[1]: `title` is empty"],
    empty_item_shorthand: "empty-item-shorthand.yaml" => [":8:13:", "items[1]: `title` is empty"],
    item_without_title: "item-without-title.yaml" => [":7:13:", "items[0]: an item has no `title`"],
    item_title_a_list: "item-title-a-list.yaml" => [":7:20:", "items[0].title: expected text"],
    multiline_title: "multiline-title.yaml" => ["items[0]: `title` spans several lines", "`detail:`"],
    unknown_field: "unknown-field.yaml" => [":6:9:", "unknown field `itmes` in phases[0].sections[0]", "did you mean `items`?"],
    unknown_top_field: "unknown-top-field.yaml" => [":1:1:", "unknown field `titel`", "did you mean `title`?"],
    unknown_item_field: "unknown-item-field.yaml" => [":8:13:", "unknown field `detial`", "did you mean `detail`?"],
    duplicate_item_ids: "duplicate-item-ids.yaml" => [":9:13:", "duplicate item id `backups-verified`", "line 7 and line 9", "add `id: backups-verified-2`"],
    duplicate_section_ids: "duplicate-section-ids.yaml" => [":7:9:", "duplicate section id `checks`", "line 5 and line 7"],
    duplicate_phase_ids: "duplicate-phase-ids.yaml" => [":8:9:", "duplicate phase id `ship`", "line 3 and line 8"],
    invalid_id: "invalid-id.yaml" => [":8:17:", "invalid id `code/tag`", "use `id: code-tag`"],
    two_documents: "two-documents.yaml" => ["more than one YAML document", "remove the `---`"],
    duplicate_key: "duplicate-key.yaml" => [":2:1:", "`title` appears twice"],
    sub_items_too_deep: "sub-items-too-deep.yaml" => [":17:31:", "phases[0].sections[0].items[0].items[0].items[0].items[0].items[0]: sub-items nest at most 4 levels", "move these items up a level"],
    undeclared_param: "undeclared-param.yaml" => [":10:39:", "`command` uses `{{verison}}`, but the checklist declares no parameter `verison`", "did you mean `{{version}}`?"],
    unclosed_placeholder: "unclosed-placeholder.yaml" => [":7:23:", "`title` has a `{{` that opens no `{{name}}`", "`\\{{` for literal braces"],
    bad_param_name: "bad-param-name.yaml" => [":3:11:", "params[0]: `Version` is not a parameter name"],
    duplicate_sub_item_ids: "duplicate-sub-item-ids.yaml" => [":10:17:", "items[0].items[1]: duplicate item id `stripe-sandbox`", "line 9 and line 10"],
}

#[test]
fn every_fixture_has_a_case_and_every_case_a_fixture() {
    let mut listed: Vec<String> = std::fs::read_dir(fixture(""))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    listed.sort();
    let mut cases: Vec<&str> = FIXTURES.to_vec();
    cases.sort_unstable();
    assert_eq!(listed, cases);
}

#[test]
fn the_offending_line_is_shown_under_the_message() {
    let stderr = refuse(&fixture("unknown-field.yaml"));
    assert_mentions(&stderr, &[" 6 |         itmes: [a]\n   |         ^"]);
}

#[test]
fn a_missing_file_is_refused() {
    let stderr = refuse(Path::new("no/such/checklist.yaml"));
    assert_mentions(&stderr, &["no/such/checklist.yaml: no such file", "check the path"]);
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = refuse(dir.path());
    assert_mentions(&stderr, &["is a directory, not a checklist file"]);
}

#[test]
fn binary_bytes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("image.yaml");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    assert_mentions(&refuse(&path), &["is a binary file, not a YAML checklist"]);
}

#[test]
fn text_that_is_not_utf8_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.yaml");
    std::fs::write(&path, b"title: Deploy\nphases:\n  - name: Caf\xe9\n").unwrap();
    assert_mentions(
        &refuse(&path),
        &[
            "latin1.yaml:3:14: is not valid UTF-8 (byte 0xe9)",
            "save the file as UTF-8",
        ],
    );
}

#[test]
fn a_one_megabyte_alias_bomb_is_refused() {
    let mut yaml = String::from("title: Bomb\nphases:\n  - name: P\n    sections: &a [");
    let sections: Vec<String> = (0..8_000).map(|i| format!("{{name: s{i}, items: [x, y]}}")).collect();
    yaml.push_str(&sections.join(","));
    yaml.push_str("]\n");
    let mut i = 1;
    while yaml.len() < 1_000_000 {
        let _ = writeln!(yaml, "  - {{name: p{i}, sections: *a}}");
        i += 1;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.yaml");
    std::fs::write(&path, &yaml).unwrap();
    assert_mentions(
        &refuse(&path),
        &["refused: the YAML expands to far more than the file holds", "aliases"],
    );
}

#[test]
fn a_billion_laughs_through_the_checklist_tree_is_refused() {
    // 1,000 items, aliased by 1,000 sections, aliased by 1,000 phases: a
    // billion items described in about 60 kB.
    let items = vec!["lol"; 1_000].join(", ");
    let sections: Vec<String> = (0..1_000).map(|i| format!("{{name: s{i}, items: *i}}")).collect();
    let mut yaml = format!(
        "title: Laughs\nphases:\n  - name: p0\n    sections: &s [{{name: first, items: &i [{items}]}}, {}]\n",
        sections.join(", ")
    );
    for p in 1..1_000 {
        let _ = writeln!(yaml, "  - {{name: p{p}, sections: *s}}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("laughs.yaml");
    std::fs::write(&path, &yaml).unwrap();
    assert_mentions(
        &refuse(&path),
        &["refused: the YAML expands to far more than the file holds"],
    );
}

const TOO_DEEP: &str = "refused: the YAML nests far deeper than a checklist does";

/// Refuses `yaml`, written as `name`, with `expected` in the message.
fn refused_as_written(name: &str, yaml: &str, expected: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, yaml).unwrap();
    let stderr = refuse(&path);
    assert_mentions(&stderr, &[name]);
    assert_mentions(&stderr, expected);
    stderr
}

#[test]
fn flow_lists_nested_thousands_of_levels_deep_are_refused() {
    refused_as_written(
        "flow.yaml",
        &format!("title: Deep\nphases: {}\n", "[".repeat(5_000)),
        &[TOO_DEEP],
    );
}

#[test]
fn mappings_nested_thousands_of_levels_deep_are_refused() {
    refused_as_written(
        "maps.yaml",
        &format!("title: Deep\nphases: [{}", "{a: ".repeat(5_000)),
        &[TOO_DEEP],
    );
}

#[test]
fn a_root_nested_thousands_of_levels_deep_is_refused() {
    refused_as_written("root.yaml", &"{".repeat(5_000), &[TOO_DEEP]);
}

#[test]
fn block_lists_nested_thousands_of_levels_deep_are_refused_at_their_first_wrong_shape() {
    refused_as_written(
        "block.yaml",
        &format!("title: Deep\nphases:\n  {}x\n", "- ".repeat(3_000)),
        &["phases[0]: expected a mapping of fields"],
    );
}

#[test]
fn several_files_are_each_reported() {
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists/production-deployment.yaml");
    let output = Command::cargo_bin("preflight")
        .unwrap()
        .arg("validate")
        .arg(&good)
        .arg(fixture("empty-items.yaml"))
        .arg(fixture("invalid-id.yaml"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.ends_with("production-deployment.yaml: 6 phases, 17 sections, 132 items\n"),
        "{stdout}"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.matches("error: ").count(), 2, "{stderr}");
}

/// A mistake a newcomer makes, explained in the checklist's words (no parser
/// words) with a hint that says how to fix it.
fn explained(yaml: &str, message: &str, hint: &str) {
    let stderr = refused_as_written("mistake.yaml", yaml, &[message, hint]);
    assert!(!stderr.contains("while parsing"), "no parser words: {stderr}");
}

#[test]
fn a_colon_in_an_unquoted_title_is_explained() {
    explained(
        "title: T\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - Step 1: drain the node\n",
        "reads as a field named `Step 1`, because of the colon",
        "hint: quote the title: `- \"Step 1: drain the node\"`",
    );
}

#[test]
fn an_entry_not_lined_up_with_the_list_is_explained() {
    explained(
        "title: T\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - Step 1\n         - Step 2\n",
        ":8:10: this line is not lined up with the items above it",
        "hint: indent every entry of a list by the same number of spaces",
    );
}

#[test]
fn a_tab_in_the_indentation_is_explained() {
    explained(
        "title: T\nphases:\n\t- name: P\n",
        "a tab in the indentation: YAML does not allow tabs for indentation",
        "hint: indent with spaces",
    );
}
