//! Markdown checklists in the shapes people write them.

use super::*;
use crate::checklist::Status;

fn titles(outline: &Outline) -> Vec<(String, String, Vec<String>)> {
    outline
        .phases
        .iter()
        .flat_map(|p| {
            p.sections.iter().map(|s| {
                (
                    p.name.clone(),
                    s.name.clone(),
                    s.items.iter().map(|i| i.title.clone()).collect(),
                )
            })
        })
        .collect()
}

#[test]
fn headings_become_phases_and_sections_and_task_items_items() {
    let md = "# Release\n\nShip it safely.\n\n## 🚀 Prepare\n\n### Code\n\n- [ ] **Freeze** the branch\n- [x] Tag `v1.2`\n\n## Ship\n\n### Rollout\n\n- [ ] Canary\n";
    let outline = parse(md, "release.md");
    assert_eq!(outline.title, "Release");
    assert_eq!(outline.description.as_deref(), Some("Ship it safely."));
    assert_eq!(outline.phases[0].icon.as_deref(), Some("🚀"));
    assert_eq!(
        titles(&outline),
        [
            (
                "Prepare".into(),
                "Code".into(),
                vec!["Freeze".into(), "Tag `v1.2`".into()]
            ),
            ("Ship".into(), "Rollout".into(), vec!["Canary".into()]),
        ]
    );
    let freeze = &outline.phases[0].sections[0].items[0];
    assert_eq!(freeze.detail.as_deref(), Some("the branch"));
    assert_eq!((freeze.status.clone(), freeze.line), (Status::Todo, 9));
    assert_eq!(outline.phases[0].sections[0].items[1].status, Status::Done);
}

#[test]
fn every_list_shape_and_nested_items_in_order() {
    let md = "# T\n## P\n### S\n* [ ] star\n+ [X] plus upper X\n1. [ ] ordered\n2. [x] ordered done\n- [ ] parent\n  - [ ] child\n    - [x] grandchild\n- [ ] after\n";
    let outline = parse(md, "t.md");
    let items = &outline.phases[0].sections[0].items;
    let got: Vec<(&str, bool)> = items
        .iter()
        .map(|i| (i.title.as_str(), i.status == Status::Done))
        .collect();
    assert_eq!(
        got,
        [
            ("star", false),
            ("plus upper X", true),
            ("ordered", false),
            ("ordered done", true),
            ("parent", false),
            ("child", false),
            ("grandchild", true),
            ("after", false)
        ]
    );
}

#[test]
fn items_directly_under_a_phase_form_a_section_of_their_own() {
    let md = "# T\n## Launch\n- [ ] first\n### Later\n- [ ] second\n";
    let outline = parse(md, "t.md");
    assert_eq!(
        titles(&outline),
        [
            ("Launch".into(), "Launch".into(), vec!["first".into()]),
            ("Launch".into(), "Later".into(), vec!["second".into()])
        ]
    );
}

#[test]
fn what_is_not_a_task_stays_as_the_text_of_what_it_stands_in() {
    let md = "# T\n\nIntro.\n\n## P\n\nA stray paragraph.\n\n- plain bullet\n- [ ] task\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n\n<!-- a note to the author -->\n";
    let outline = parse(md, "t.md");
    assert_eq!(outline.item_count(), 1);
    assert_eq!(outline.description.as_deref(), Some("Intro."));
    assert_eq!(
        outline.phases[0].description.as_deref(),
        Some("A stray paragraph.\n\n- plain bullet")
    );
    assert_eq!(
        outline.phases[0].sections[0].description.as_deref(),
        Some("| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```")
    );
    let left: Vec<(usize, &str)> = outline.left_out.iter().map(|l| (l.line, l.what)).collect();
    assert_eq!(left, [(20, "HTML comment")], "only what GitHub does not show");
}

#[test]
fn the_completion_status_block_is_a_summary_not_items() {
    let md = "# T\n## P\n### S\n- [ ] real\n---\n## ✅ Completion Status\n- [ ] **P**: _**/**_ items completed\n**Overall Progress**: ___% Complete\n";
    let outline = parse(md, "t.md");
    assert_eq!(outline.item_count(), 1);
    assert_eq!(outline.phases.len(), 1);
    assert!(outline.left_out.is_empty(), "{:?}", outline.left_out);
}

#[test]
fn without_a_title_heading_the_first_heading_or_else_the_file_name_is_the_title() {
    let outline = parse("## 🚀 Prepare\n- [ ] a\n", "ops-review");
    assert_eq!(outline.title, "Prepare");
    let outline = parse("- [ ] a\n", "ops-review");
    assert_eq!(outline.title, "ops-review");
}

#[test]
fn the_seed_imports_whole() {
    let seed = include_str!("../../../tests/fixtures/markdown/seed-production-deployment.md");
    let outline = parse(seed, "production-deployment-checklist.md");
    assert_eq!(outline.title, "Production Deployment Checklist - Phase 4");
    let icons: Vec<&str> = outline.phases.iter().map(|p| p.icon.as_deref().unwrap_or("")).collect();
    assert_eq!(icons, ["🚀", "🔧", "📊", "🔄", "📈", "🚨"]);
    assert_eq!(outline.phases.len(), 6);
    assert_eq!(outline.phases.iter().map(|p| p.sections.len()).sum::<usize>(), 17);
    let per_phase: Vec<usize> = outline
        .phases
        .iter()
        .map(|p| p.sections.iter().map(|s| s.items.len()).sum())
        .collect();
    assert_eq!(per_phase, [26, 20, 24, 24, 24, 14]);
    let first = &outline.phases[0].sections[0].items[0];
    assert_eq!(
        (first.title.as_str(), first.detail.as_deref()),
        ("Cloud/On-premise environment", Some("configured and tested"))
    );
}

#[test]
fn empty_headings_and_untitled_files_still_name_everything() {
    let outline = parse("- [ ] first\n### \n- [ ] second\n## \n- [ ] third\n", "");
    assert_eq!(outline.title, "Checklist");
    for phase in &outline.phases {
        assert!(!phase.name.is_empty());
        assert!(phase.sections.iter().all(|s| !s.name.is_empty()), "{outline:?}");
    }
    assert_eq!(outline.item_count(), 3);
}

#[test]
fn an_escaped_backslash_at_the_end_of_a_title_is_kept() {
    let outline = parse("- [ ] Item ending in backslash \\\\\n- [ ] Broken\\\n  detail\n", "t");
    let titles: Vec<&str> = outline.items().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Item ending in backslash \\\\", "Broken"]);
}

#[test]
fn an_export_that_names_an_account_and_a_name_reads_back_the_name_it_was_recorded_under() {
    let md = "<!-- preflight export: run \"default\" -->\n# Release\n\n## Prepare\n\n### Code\n\n- [x] Tag — *alice (as bob), 2026-11-29 10:02:11 UTC*\n- [x] Push — *carol, 2026-11-29 10:03:00 UTC*\n";
    let outline = parse(md, "progress.md");
    let items = &outline.phases[0].sections[0].items;
    assert_eq!(
        items[0].by.as_deref(),
        Some("bob"),
        "alice's account recorded it as bob"
    );
    assert_eq!(items[1].by.as_deref(), Some("carol"));
}
