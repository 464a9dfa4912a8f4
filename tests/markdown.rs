//! Export and import: a run as a GitHub task list, Markdown checklists into YAML,
//! and the round trip between them.

mod common;

use common::{MINI, Sandbox, as_str, json_items};
use preflight::bundled::PRODUCTION_DEPLOYMENT;
use preflight::checklist::{Checklist, ChecklistBuilder, Status};
use preflight::format;
use preflight::inline::to_plain;
use preflight::markdown::{export, import};
use preflight::run::{Change, Event, RunState, Stamp};
use proptest::prelude::*;
use pulldown_cmark::{Event as Md, Options, Parser, Tag, TagEnd};
use serde_json::Value;

fn event(item: &str, by: &str, change: Change) -> Event {
    let at = preflight::timestamp::Timestamp::parse("2026-11-29T10:02:11Z").unwrap();
    Event::on_item(Stamp::new(at, by), item, change)
}

fn worked_run() -> (Checklist, RunState) {
    common::worked_run()
}

/// The task items of a document outside its Completion Status, as pulldown-cmark
/// reads them: whether each is ticked.
fn task_items(markdown: &str) -> Vec<bool> {
    let mut ticks = Vec::new();
    let mut in_summary = false;
    let mut heading = String::new();
    let mut in_heading = false;
    for event in Parser::new_ext(markdown, Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Md::Start(Tag::Heading { .. }) => {
                in_heading = true;
                heading.clear();
            }
            Md::Text(t) if in_heading => heading.push_str(&t),
            Md::End(TagEnd::Heading(_)) => {
                in_heading = false;
                in_summary = heading.contains("Completion Status");
            }
            Md::TaskListMarker(checked) if !in_summary => ticks.push(checked),
            _ => {}
        }
    }
    ticks
}

#[test]
fn the_export_has_one_task_item_per_item_with_the_runs_ticks() {
    let (checklist, state) = worked_run();
    let markdown = export::markdown(&checklist, &state, "v2.3.0 release");
    let ticks = task_items(&markdown);
    assert_eq!(ticks.len(), 132);
    let expected: Vec<bool> = (0..132).map(|i| state.item(i).status != Status::Todo).collect();
    assert_eq!(ticks, expected);
}

#[test]
fn export_of_the_bundled_checklist_fresh() {
    let checklist = PRODUCTION_DEPLOYMENT.load().unwrap();
    let state = RunState::new(&checklist);
    insta::assert_snapshot!(export::markdown(&checklist, &state, "default"));
}

#[test]
fn export_of_the_bundled_checklist_with_ticks_a_skip_and_a_note() {
    let (checklist, state) = worked_run();
    insta::assert_snapshot!(export::markdown(&checklist, &state, "v2.3.0 release"));
}

/// The production deployment checklist as first written in Markdown, its
/// icons saved as mojibake.
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/markdown/seed-production-deployment.md"
);

#[test]
fn the_seed_imports_to_six_phases_seventeen_sections_132_items() {
    let sandbox = Sandbox::new();
    let ran = sandbox.run(&["import", SEED, "-o", "seed.yaml"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("imported 132 items in 6 phases, 17 sections"),
        "{}",
        ran.stderr
    );
    assert_eq!(
        sandbox.ok(&["validate", "seed.yaml"]),
        "seed.yaml: 6 phases, 17 sections, 132 items\n"
    );
    let yaml = std::fs::read_to_string(sandbox.path("seed.yaml")).unwrap();
    assert!(!yaml.contains("ðŸ"), "no mojibake left");
    assert!(!yaml.contains("Completion Status"));
}

/// The seed, whose icons were saved as mojibake, imports with `icon` repaired.
fn icon_repaired(icon: &str) {
    let sandbox = Sandbox::new();
    sandbox.ok(&["import", SEED, "-o", "seed.yaml"]);
    let yaml = std::fs::read_to_string(sandbox.path("seed.yaml")).unwrap();
    assert!(yaml.contains(&format!("icon: {icon}\n")), "{icon} repaired");
}

preflight_core::cases! { the_seeds_mojibake_icons_are_repaired, icon_repaired:
    rocket = ("🚀"),
    wrench = ("🔧"),
    bar_chart = ("📊"),
    arrows_in_a_circle = ("🔄"),
    rising_chart = ("📈"),
    police_light = ("🚨"),
}

/// A run with a tick, a skip and a note is exported and imported with
/// `--run`: the import's run shows `field` of every item as the original.
fn round_trips(field: &str) {
    let sandbox = Sandbox::new();
    let list = sandbox.write("mini.yaml", MINI);
    let list = as_str(&list);
    sandbox.ok(&["check", list, "first-step", "--by", "alice"]);
    sandbox.ok(&[
        "skip",
        list,
        "third-step",
        "--reason",
        "not (yet) | maybe",
        "--by",
        "bob",
    ]);
    sandbox.ok(&["note", list, "second-step", "ask *ops* first \\ then go"]);
    sandbox.ok(&["export", list, "-o", "progress.md"]);
    let exported = std::fs::read_to_string(sandbox.path("progress.md")).unwrap();
    assert_eq!(exported, sandbox.ok(&["export", list]), "-o writes what stdout shows");

    let ran = sandbox.run(&["import", "progress.md", "-o", "again.yaml", "--run", "carried on"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("run \"carried on\": 1 done, 1 skipped"),
        "{}",
        ran.stderr
    );
    let before = json_items(&serde_json::from_str::<Value>(&sandbox.ok(&["status", list, "--json"])).unwrap());
    let after = json_items(
        &serde_json::from_str::<Value>(&sandbox.ok(&["status", "again.yaml", "--json", "--run", "carried on"]))
            .unwrap(),
    );
    let a: Vec<&Value> = before.iter().map(|i| &i[field]).collect();
    let b: Vec<&Value> = after.iter().map(|i| &i[field]).collect();
    assert_eq!(a, b, "{field}");
}

preflight_core::cases! { round_trip_export_then_import_with_run, round_trips:
    title = ("title"),
    detail = ("detail"),
    status = ("status"),
    reason = ("reason"),
    note = ("note"),
    by = ("by"),
}

#[test]
fn import_keeps_the_text_under_headings_and_needs_o_for_run() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "notes.md",
        "# Ops\n\nIntro.\n\n## Checks\n\nSome words.\n\n- plain\n- [ ] real one\n",
    );
    let ran = sandbox.run(&["import", "notes.md"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stdout
            .starts_with("# Imported from notes.md by preflight.\ntitle: Ops\ndescription: Intro.\n"),
        "{}",
        ran.stdout
    );
    assert!(
        ran.stdout
            .contains("    description: |-\n      Some words.\n\n      - plain\n"),
        "text under a heading is its phase's description: {}",
        ran.stdout
    );
    assert!(!ran.stderr.contains("left out"), "{}", ran.stderr);
    let ran = sandbox.run(&["import", "notes.md", "--run", "x"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("needs -o"), "{}", ran.stderr);
    sandbox.write("empty.md", "# Nothing\n\njust prose\n");
    let ran = sandbox.run(&["import", "empty.md"]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("no task items"), "{}", ran.stderr);
    let ran = sandbox.run(&["import", "missing.md"]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("missing.md: no such file"), "{}", ran.stderr);
}

#[test]
fn titles_that_repeat_get_explicit_ids() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "dup.md",
        "# D\n## P\n### S\n- [ ] Verify backups\n- [x] Verify backups!\n- [ ] 🚀\n",
    );
    let ran = sandbox.run(&["import", "dup.md", "-o", "dup.yaml"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let yaml = std::fs::read_to_string(sandbox.path("dup.yaml")).unwrap();
    assert!(yaml.contains("id: verify-backups-2"), "{yaml}");
    assert_eq!(
        sandbox.ok(&["validate", "dup.yaml"]),
        "dup.yaml: 1 phase, 1 section, 3 items\n"
    );
}

/// Inline Markdown as a reader sees it: rendered within a line, as it stands
/// after an item's box, never as a block of its own.
#[test]
fn import_run_starts_the_named_run_even_when_nothing_is_ticked() {
    let sandbox = Sandbox::new();
    sandbox.write("fresh.md", "# Fresh\n\n## Steps\n\n- [ ] One\n- [ ] Two\n");
    let ran = sandbox.run(&["import", "fresh.md", "-o", "fresh.yaml", "--run", "r1"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stderr.contains("started run \"r1\""), "{}", ran.stderr);
    let ran = sandbox.run(&["status", "fresh.yaml", "--run", "r1"]);
    assert_eq!(ran.code, 0, "the run it said it started exists: {}", ran.stderr);
    assert!(ran.stdout.contains("(0/2 items completed)"), "{}", ran.stdout);
    assert!(sandbox.ok(&["runs", "fresh.yaml"]).contains("r1"));
}

fn inline_text(markdown: &str) -> String {
    to_plain(&format!("x {markdown}"))
}

/// Text with Unicode, emoji and every ASCII punctuation character.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            "[a-zA-Z0-9]{1,6}",
            Just(" ".to_owned()),
            prop::sample::select("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".chars().collect::<Vec<_>>())
                .prop_map(String::from),
            prop::sample::select(vec![
                "é", "ß", "日本", "🚀", "✅", "—", "**", "~~", "`x`", "[l](u)", "\\*", "1. ", "# ", "- [ ] "
            ])
            .prop_map(String::from),
        ],
        1..12,
    );
    pieces
        .prop_map(|p| p.concat())
        .prop_filter("a title needs a letter, digit or symbol", |t| !t.trim().is_empty())
}

fn status() -> impl Strategy<Value = (u8, Option<String>, Option<String>)> {
    (0u8..3, prop::option::of(text()), prop::option::of(text()))
}

/// Markdown made of the pieces checklists are made of, in any order.
fn markdown_soup() -> impl Strategy<Value = String> {
    let pieces = vec![
        "# ",
        "## ",
        "### ",
        "- [ ] ",
        "- [x] ",
        "* [X] ",
        "1. [ ] ",
        "- ",
        "**",
        "~~",
        "\\",
        "\n",
        "  ",
        "text",
        "`",
        "[l](u)",
        "<!-- preflight export: run \"x\" -->\n",
        "{{",
        "{{version}}",
        "{{ .Values.x }}",
        "}}",
        " — *a, 2026-11-29 10:02:11 UTC*",
        "(N/A: r)",
        "Note: ",
        "|",
        "🚀",
        "ðŸš€",
        "Ã©",
        "\u{202e}",
        ">",
        "---\n",
        "## ✅ Completion Status\n",
    ];
    prop::collection::vec(prop::sample::select(pieces), 1..60).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_markdown_imports_to_a_valid_checklist_or_to_nothing(markdown in markdown_soup()) {
        let outline = import::parse(&markdown, "soup.md");
        if outline.item_count() > 0 {
            let yaml = format::checklist_to_yaml(&outline.to_checklist().unwrap(), "soup.md");
            let parsed = format::parse(&yaml, "soup.yaml");
            prop_assert!(parsed.is_ok(), "{}\n{}", yaml, parsed.unwrap_err());
            prop_assert_eq!(parsed.unwrap().items().len(), outline.item_count());
        }
    }

    #[test]
    fn any_run_survives_export_and_import(items in prop::collection::vec((text(), prop::option::of(text()), status()), 1..8)) {
        let mut builder = ChecklistBuilder::new("Generated".into(), Some("made by proptest".into()));
        builder.phase(None, "Phase".into(), None).unwrap();
        builder.section(None, "Section".into()).unwrap();
        let clean = |t: &str| preflight::text::clean_line(t).unwrap();
        let para = |t: &str| Some(preflight::text::clean_paragraph(t)).filter(|t| !t.is_empty());
        let mut events = Vec::new();
        for (n, (title, detail, (kind, reason, note))) in items.iter().enumerate() {
            let title = clean(title);
            prop_assume!(!title.is_empty());
            builder.item(Some(&format!("i{n}")), title, detail.as_deref().and_then(para)).unwrap();
            let item = format!("phase/section/i{n}");
            let change = match kind {
                1 => Some(Change::Status(Status::Done)),
                2 => Some(Change::Status(Status::Skipped { reason: reason.as_deref().and_then(para) })),
                _ => None,
            };
            events.extend(change.map(|c| event(&item, "alice *x*", c)));
            if let Some(note) = note.as_deref().and_then(para) {
                events.push(event(&item, "bob", Change::Note(Some(note))));
            }
        }
        let checklist = builder.finish();
        let state = RunState::replay(&checklist, &events);
        let markdown = export::markdown(&checklist, &state, "run");
        prop_assert_eq!(task_items(&markdown).len(), checklist.items().len(), "one task item per item:\n{}", markdown);
        let outline = import::parse(&markdown, "x");
        let found: Vec<_> = outline.phases.iter().flat_map(|p| &p.sections).flat_map(|s| &s.items).collect();
        prop_assert_eq!(found.len(), checklist.items().len(), "{}", markdown);
        for (i, (item, got)) in checklist.items().iter().zip(found).enumerate() {
            let want = state.item(i);
            // Titles and details are Markdown: they come back as GitHub
            // shows them, if not always in the same source.
            prop_assert_eq!(inline_text(&got.title), inline_text(&item.title), "{}", markdown);
            prop_assert_eq!(got.detail.as_deref().map(inline_text), item.detail.as_deref().map(inline_text), "{}", markdown);
            prop_assert_eq!(&got.status, &want.status, "{}", markdown);
            prop_assert_eq!(&got.note, &want.note, "{}", markdown);
            prop_assert_eq!(got.by.as_deref(), want.set.as_ref().map(|s| s.by.as_str()));
        }
        let yaml = format::checklist_to_yaml(&outline.to_checklist().unwrap(), "x.md");
        prop_assert!(format::parse(&yaml, "x.yaml").is_ok(), "{}", yaml);
    }
}

#[test]
fn dash_as_the_output_of_import_and_export_is_standard_output_not_a_file() {
    let sandbox = Sandbox::new();
    sandbox.write("a.md", "# A\n\n- [ ] one\n");
    let yaml = sandbox.ok(&["import", "a.md", "-o", "-"]);
    assert!(yaml.contains("title: A"), "{yaml}");
    let exported = sandbox.ok(&["export", "a.md", "-o", "-"]);
    assert!(exported.contains("- [ ] one"), "{exported}");
    assert!(!sandbox.path("-").exists(), "no file named -");
}
