//! Real-world Markdown checklists import with the structure a person sees on
//! GitHub: front matter holds the title, comments are hidden, `<br>` is a
//! break, a quoted description loses its `>`, and headings without tasks are
//! reported rather than dropped silently. Fixtures in tests/fixtures/markdown.

mod common;

use common::Sandbox;
use preflight::import::parse;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/markdown/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn titles(outline: &preflight::import::Outline) -> Vec<String> {
    outline
        .phases
        .iter()
        .flat_map(|p| &p.sections)
        .flat_map(|s| &s.items)
        .map(|i| match &i.detail {
            Some(detail) => format!("{} | {detail}", i.title),
            None => i.title.clone(),
        })
        .collect()
}

#[test]
fn front_matter_gives_the_title_and_description_and_is_never_a_heading() {
    let outline = parse(&fixture("front-matter.md"), "head-tags");
    assert_eq!(outline.title, "Html Head Tag Checklist");
    assert_eq!(
        outline.description.as_deref(),
        Some("Everything a page's head should hold")
    );
    let phases: Vec<&str> = outline.phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(phases, ["Meta"], "the front matter is no phase");
    assert_eq!(titles(&outline), ["Charset is declared first", "Viewport is set"]);
    let empty: Vec<(usize, &str)> = outline.left_out.iter().map(|l| (l.line, l.what)).collect();
    assert_eq!(empty, [(12, "empty heading")], "## Links has no task, and says so");
}

#[test]
fn comments_are_hidden_breaks_are_spaces_and_a_quoted_description_loses_its_marks() {
    let outline = parse(&fixture("pr-template.md"), "pull_request_template");
    assert_eq!(outline.title, "Checklist", "the first heading, there being no #");
    assert_eq!(
        outline.description.as_deref(),
        Some("Read CONTRIBUTING.md before opening a pull request; small changes are easier to review.")
    );
    assert_eq!(
        titles(&outline),
        [
            "Tests added",
            "Docs updated in the README and the man page",
            "Changelog entry"
        ]
    );
    let left: Vec<&str> = outline.left_out.iter().map(|l| l.what).collect();
    assert_eq!(
        left,
        ["empty heading"],
        "comments are not left-out HTML; ## Screenshots is empty"
    );
}

#[test]
fn import_says_which_headings_had_no_tasks() {
    let sandbox = Sandbox::new();
    let md = sandbox.write("pr.md", &fixture("pr-template.md"));
    let ran = sandbox.run(&["import", md.to_str().unwrap()]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("left out: 1 empty heading (line 15)"),
        "{}",
        ran.stderr
    );
    assert!(!ran.stdout.contains("<!--"), "{}", ran.stdout);
}

#[test]
fn items_directly_under_a_phase_heading_come_back_without_a_doubled_heading() {
    let sandbox = Sandbox::new();
    let md = sandbox.write(
        "flat.md",
        "# Release\n\n## Ship\n\n- [ ] Tag it\n- [ ] Announce it\n\n### Later\n\n- [ ] Retro\n",
    );
    let yaml = sandbox.path("flat.yaml");
    sandbox.ok(&["import", md.to_str().unwrap(), "-o", yaml.to_str().unwrap()]);
    let exported = sandbox.ok(&["export", yaml.to_str().unwrap()]);
    assert!(!exported.contains("### Ship"), "{exported}");
    assert!(
        exported.contains("## Ship\n\n- [ ] **Tag it**") || exported.contains("## Ship\n\n- [ ] Tag it"),
        "{exported}"
    );
    assert!(exported.contains("### Later"), "{exported}");
    let back = parse(&exported, "flat");
    let sections: Vec<(&str, usize)> = back.phases[0]
        .sections
        .iter()
        .map(|s| (s.name.as_str(), s.items.len()))
        .collect();
    assert_eq!(
        sections,
        [("Ship", 2), ("Later", 1)],
        "read back into the same sections"
    );
}
