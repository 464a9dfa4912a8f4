//! Real-world Markdown checklists import with the structure a person sees on
//! GitHub: front matter holds the title, comments are hidden, `<br>` is a
//! break, a quoted description loses its `>`, and headings without tasks are
//! reported rather than dropped silently. Fixtures in tests/fixtures/markdown.

mod common;

use std::fmt::Write as _;

use common::Sandbox;
use preflight::markdown::import::parse;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/markdown/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn titles(outline: &preflight::markdown::import::Outline) -> Vec<String> {
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
    let outline = preflight::format::outline_of(&fixture("front-matter.md"), "head-tags");
    assert_eq!(outline.title, "Html Head Tag Checklist");
    assert_eq!(
        outline.description.as_deref(),
        Some("Everything a page's head should hold")
    );
    let phases: Vec<&str> = outline.phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(phases, ["Meta"], "the front matter is no phase");
    assert_eq!(titles(&outline), ["Charset is declared first", "Viewport is set"]);
    assert!(outline.left_out.is_empty(), "{:?}", outline.left_out);
    assert_eq!(
        outline.phases[0].sections[0].description.as_deref(),
        Some("**Links**"),
        "## Links has no task: its heading stays as text after the tasks before it"
    );
}

#[test]
fn comments_are_hidden_a_break_parts_title_from_detail_and_a_quoted_description_loses_its_marks() {
    let outline = parse(&fixture("pr-template.md"), "pull_request_template");
    assert_eq!(outline.title, "Checklist", "the first heading, there being no #");
    assert_eq!(
        outline.description.as_deref(),
        Some("Read CONTRIBUTING.md before opening a pull request;\nsmall changes are easier to review.")
    );
    assert_eq!(
        titles(&outline),
        [
            "Tests added",
            "Docs updated | in the README and the man page",
            "Changelog entry"
        ]
    );
    let left: Vec<(usize, &str)> = outline.left_out.iter().map(|l| (l.line, l.what)).collect();
    assert_eq!(
        left,
        [
            (1, "HTML comment"),
            (11, "HTML comment"),
            (13, "HTML comment"),
            (17, "HTML comment")
        ],
        "comments, in blocks and in text, are all that GitHub does not show"
    );
    assert_eq!(
        outline.phases[0].sections[0].description.as_deref(),
        Some("**Screenshots**"),
        "## Screenshots has no task: its heading is kept as text"
    );
}

#[test]
fn import_says_which_comments_it_left_out_and_nothing_else() {
    let sandbox = Sandbox::new();
    let md = sandbox.write("pr.md", &fixture("pr-template.md"));
    let ran = sandbox.run(&["import", md.to_str().unwrap()]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("left out: 4 HTML comments (lines 1, 11, 13, 17)"),
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

/// The outline as a person would read it: `Phase > Section: title | detail`,
/// sub-items indented two spaces per level, `[x]` for ticked ones.
fn shape(outline: &preflight::markdown::import::Outline) -> Vec<String> {
    let mut out = Vec::new();
    for phase in &outline.phases {
        for section in &phase.sections {
            for item in &section.items {
                let tick = if item.status == preflight::checklist::Status::Todo {
                    ""
                } else {
                    "[x] "
                };
                let detail = item.detail.as_deref().map(|d| format!(" | {d}")).unwrap_or_default();
                out.push(format!(
                    "{} > {}: {}{tick}{}{detail}",
                    phase.name,
                    section.name,
                    "  ".repeat(item.depth),
                    item.title
                ));
            }
        }
    }
    out
}

#[test]
fn group_labels_make_sections_and_never_stand_before_titles() {
    let outline = parse(&fixture("group-labels.md"), "group-labels");
    assert_eq!(
        shape(&outline),
        [
            "Checklist > Breaking changes: None",
            "Checklist > Breaking changes: Yes — describe the migration below",
            "Checklist > Documentation: [x] N/A",
            "Checklist > Documentation: Updated",
            "Checklist > Security review: No secrets in the diff",
            "Checklist > Security review: Dependencies pinned",
            "Checklist > Checklist: Reviewer assigned",
            "Checklist > Tests / Unit: [x] Added for new code",
            "Checklist > Tests: CI is green",
        ]
    );
    let last = outline.phases[0].sections.last().unwrap();
    assert_eq!(
        last.description.as_deref(),
        Some("- Just a note, holding no task"),
        "a bullet over no task stays, as text of its section"
    );
    let left: Vec<(usize, &str)> = outline.left_out.iter().map(|l| (l.line, l.what)).collect();
    assert_eq!(left, [(17, "HTML comment")]);
}

#[test]
fn numbered_steps_over_task_lists_are_sections_and_numbering_is_kept() {
    let outline = parse(&fixture("ordered-steps.md"), "ordered-steps");
    assert_eq!(
        shape(&outline),
        [
            "Before > CI pipeline: Build passes on main",
            "Before > CI pipeline: Artifacts signed",
            "Before > Staging: Deployed",
            "Before > Staging: Smoke tests green",
            "During > During: Announce the freeze",
            "During > During: Tag the release",
            "During > During: [x] Push the tag",
        ]
    );
    assert!(outline.left_out.is_empty(), "{:?}", outline.left_out);
    let numbered: Vec<bool> = outline.items().map(|i| i.numbered).collect();
    assert_eq!(numbered, [false, false, false, false, true, true, true]);
}

#[test]
fn bold_leads_split_title_and_detail_only_when_they_are_the_items_own() {
    let outline = parse(&fixture("bold-labels.md"), "bold-labels");
    assert_eq!(
        shape(&outline),
        [
            "Cases > Cases: **Case:** an empty string is refused",
            "Cases > Cases: **Case:** a string of 10,000 characters is refused",
            "Cases > Cases: **Case:** a string with a NUL byte is refused",
            "Cases > Cases: **Create** and **push** the release tag",
            "Cases > Cases: Rollback plan | written and reviewed",
            "Cases > Cases: Database backup taken | and restored once on staging",
            "Cases > Cases: Certificates renewed | at least 30 days before expiry",
            "Cases > Cases: A long line that wraps softly onto the next one",
        ]
    );
}

#[test]
fn a_bold_lead_shared_by_many_items_is_a_label_not_their_title() {
    let mut many = String::new();
    for n in 1..=4 {
        let _ = writeln!(many, "- [ ] **Check** case {n}");
    }
    let outline = parse(&format!("# T\n## P\n{many}- [ ] **Unique** lead\n"), "t");
    let titles: Vec<&str> = outline.items().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "**Check** case 1",
            "**Check** case 2",
            "**Check** case 3",
            "**Check** case 4",
            "Unique"
        ]
    );
}

#[test]
fn nested_tasks_keep_their_nesting_and_their_ticks() {
    let outline = parse(&fixture("nested-tasks.md"), "nested-tasks");
    assert_eq!(
        shape(&outline),
        [
            "Verification > Verification: Integration tests",
            "Verification > Verification:   [x] Stripe sandbox",
            "Verification > Verification:   PayPal sandbox",
            "Verification > Verification:     Refunds",
            "Verification > Verification:     Disputes",
            "Verification > Verification: [x] Load test at 2× peak",
            "Verification > Verification: Numbered parent",
            "Verification > Verification:   First step",
            "Verification > Verification:   Second step",
        ]
    );
    let checklist = outline.to_checklist().unwrap();
    let ids: Vec<&str> = checklist.items().iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids[3],
        "verification/verification/integration-tests/paypal-sandbox/refunds"
    );
    assert_eq!(checklist.items()[0].descendants, 4);
    assert!(checklist.items()[6].numbered, "the sub-steps were numbered");
}

#[test]
fn nesting_deeper_than_the_model_holds_stays_at_the_deepest_level() {
    let mut md = String::from("# T\n## P\n");
    for depth in 0..8 {
        let _ = writeln!(md, "{}- [ ] level {depth}", "  ".repeat(depth));
    }
    let outline = parse(&md, "t");
    let depths: Vec<usize> = outline.items().map(|i| i.depth).collect();
    assert_eq!(depths, [0, 1, 2, 3, 4, 4, 4, 4]);
    let checklist = outline.to_checklist().unwrap();
    assert_eq!(checklist.items().len(), 8);
}

#[test]
fn sub_items_nest_in_status_json_and_export_and_each_box_counts_once() {
    let sandbox = Sandbox::new();
    let md = sandbox.write("nested.md", &fixture("nested-tasks.md"));
    let ran = sandbox.run(&["import", md.to_str().unwrap(), "-o", "nested.yaml", "--run", "r1"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("imported 9 items in 1 phase, 1 section"),
        "{}",
        ran.stderr
    );
    let json: serde_json::Value =
        serde_json::from_str(&sandbox.ok(&["status", "nested.yaml", "--run", "r1", "--json"])).unwrap();
    assert_eq!((json["done"].as_u64(), json["total"].as_u64()), (Some(2), Some(9)));
    let top = &json["phases"][0]["sections"][0]["items"];
    assert_eq!(top.as_array().unwrap().len(), 3, "three items at the top: {top}");
    let paypal = &top[0]["items"][1];
    assert_eq!(paypal["title"], "PayPal sandbox");
    assert_eq!(
        paypal["items"][1]["id"],
        "verification/verification/integration-tests/paypal-sandbox/disputes"
    );
    assert_eq!(top[0]["items"][0]["status"], "done");
    assert!(top[1].get("items").is_none(), "no empty list for a leaf");
    sandbox.ok(&["check", "nested.yaml", "--run", "r1", "paypal-sandbox/refunds"]);
    let exported = sandbox.ok(&["export", "nested.yaml", "--run", "r1"]);
    assert!(exported.contains("\n    - [x] Refunds — *"), "{exported}");
    assert!(
        exported.contains("\n  1. [ ] First step\n  2. [ ] Second step\n"),
        "{exported}"
    );
    let again = parse(&exported, "again");
    let depths: Vec<usize> = again.items().map(|i| i.depth).collect();
    assert_eq!(depths, [0, 1, 1, 2, 2, 0, 0, 1, 1]);
}

#[test]
fn inline_html_tags_go_and_their_text_stays_as_github_shows_it() {
    let outline = parse(&fixture("inline-html.md"), "inline-html");
    assert_eq!(
        shape(&outline),
        [
            "Shortcuts > Shortcuts: Copy works with Ctrl+C",
            "Shortcuts > Shortcuts: [x] Generic types such as `Vec<String>` shown as code",
            "Shortcuts > Shortcuts: Footnotes render1",
            "Shortcuts > Shortcuts: Comparisons like a < b stay, and so do autolinks <https://example.com/a_b>",
        ]
    );
}
