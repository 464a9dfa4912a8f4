//! Import then export keeps what a person sees on GitHub: for every Markdown
//! fixture, and for generated nested task lists with inline Markdown, the
//! export as pulldown-cmark renders it (with GitHub's task lists) has the same
//! task items, in the same nesting, with the same visible text and ticks.

mod common;

use std::fmt::Write as _;

use common::Sandbox;
use preflight::checklist::Status;
use preflight::format;
use preflight::markdown::{export, import};
use preflight::run::{Change, Event, RunState, Stamp};
use proptest::prelude::*;
use pulldown_cmark::{Event as Md, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A task item as GitHub shows it: how many task items it nests in, its tick,
/// and its text (without what nests below it).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Task {
    depth: usize,
    checked: bool,
    text: String,
}

/// The task items of a document, as rendered, leaving out those under a
/// Completion Status heading (a summary, not items). Comments are hidden and
/// breaks are spaces, as on GitHub; code blocks are not a task's text.
fn tasks(markdown: &str) -> Vec<Task> {
    let options = Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut out: Vec<Task> = Vec::new();
    let mut open: Vec<Option<usize>> = Vec::new();
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut in_summary = false;
    let mut links: Vec<String> = Vec::new();
    let mut in_code = false;
    for event in Parser::new_ext(markdown, options) {
        let text = match event {
            // A code block under a task is its command, not its text.
            Md::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                continue;
            }
            Md::End(TagEnd::CodeBlock) => {
                in_code = false;
                continue;
            }
            Md::Text(_) if in_code => continue,
            Md::Start(Tag::Heading { level, .. }) => {
                heading = Some((level, String::new()));
                continue;
            }
            Md::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take()
                    && level <= HeadingLevel::H2
                {
                    in_summary = text.contains("Completion Status");
                }
                continue;
            }
            Md::Start(Tag::Item) => {
                open.push(None);
                continue;
            }
            Md::End(TagEnd::Item) => {
                open.pop();
                continue;
            }
            Md::TaskListMarker(checked) if !in_summary => {
                let depth = open.iter().filter(|o| o.is_some()).count();
                if let Some(top) = open.last_mut() {
                    *top = Some(out.len());
                }
                out.push(Task {
                    depth,
                    checked,
                    text: String::new(),
                });
                continue;
            }
            Md::Start(Tag::Link { dest_url, .. }) => {
                links.push(dest_url.to_string());
                continue;
            }
            Md::End(TagEnd::Link) => format!(" <{}>", links.pop().unwrap_or_default()),
            Md::Text(text) | Md::Code(text) => text.to_string(),
            Md::SoftBreak | Md::HardBreak => " ".to_owned(),
            Md::InlineHtml(html) if html.to_ascii_lowercase().starts_with("<br") => " ".to_owned(),
            _ => continue,
        };
        if let Some((_, heading)) = &mut heading {
            heading.push_str(&text);
        } else if let Some(Some(at)) = open.last() {
            out[*at].text.push_str(&text);
        }
    }
    for task in &mut out {
        task.text = task.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out
}

/// The export's tasks with who ticked them and when taken off their text:
/// ` — roundtrip, …`, or ` — root (as roundtrip), …` where the account that
/// recorded is another.
fn without_who(mut exported: Vec<Task>, by: &str) -> Vec<Task> {
    for task in &mut exported {
        let who = [format!(" — {by}, "), format!(" (as {by}), ")];
        if let Some(at) = task
            .text
            .rfind(" — ")
            .filter(|&at| who.iter().any(|w| task.text[at..].contains(w.as_str())))
        {
            task.text.truncate(at);
        }
    }
    exported
}

/// Whether an exported task reads as the original: the same depth, tick
/// and text — a group label names a section, never the start of a title.
fn same_task(original: &Task, exported: &Task) -> bool {
    original.depth == exported.depth && original.checked == exported.checked && original.text == exported.text
}

fn assert_same_tasks(original: &[Task], exported: &[Task], context: &str) {
    assert_eq!(
        original.len(),
        exported.len(),
        "{context}\n{original:#?}\n{exported:#?}"
    );
    for (a, b) in original.iter().zip(exported) {
        assert!(same_task(a, b), "{context}\noriginal: {a:?}\nexported: {b:?}");
    }
}

#[test]
fn every_markdown_fixture_survives_import_and_export() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/markdown");
    let mut fixtures: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 8, "{fixtures:?}");
    for path in fixtures {
        let sandbox = Sandbox::new();
        let original = std::fs::read_to_string(&path).unwrap();
        let md = sandbox.write("in.md", &original);
        let ran = sandbox.run(&[
            "import",
            md.to_str().unwrap(),
            "-o",
            "out.yaml",
            "--run",
            "rt",
            "--state",
            "rt.jsonl",
            "--by",
            "roundtrip",
        ]);
        assert_eq!(ran.code, 0, "{}: {}", path.display(), ran.stderr);
        let exported = sandbox.ok(&["export", "out.yaml", "--state", "rt.jsonl"]);
        let want = tasks(&original);
        assert!(!want.is_empty(), "{}", path.display());
        assert_same_tasks(
            &want,
            &without_who(tasks(&exported), "roundtrip"),
            &format!("{}\n{exported}", path.display()),
        );
    }
}

/// A run of inline Markdown: words, bold, emphasis, code, links, autolinks.
fn inline() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z][a-z0-9]{0,7}",
        "[a-z]{1,6}".prop_map(|w| format!("**{w}**")),
        "[a-z]{1,6}( [a-z]{1,6})?".prop_map(|w| format!("**{w}**")),
        "[a-z]{1,6}".prop_map(|w| format!("*{w}*")),
        "[a-z_*]{1,6}".prop_map(|w| format!("`{w}`")),
        ("[a-z]{1,6}", "[a-z_]{1,6}").prop_map(|(t, p)| format!("[{t}](https://x.example/{p})")),
        "[a-z_]{1,6}".prop_map(|p| format!("<https://x.example/{p}>")),
        prop::sample::select(vec!["(default **off**)", "é", "日本", "🚀", "v2.3.0", "—", "&", "#1"])
            .prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 1..6).prop_map(|p| p.join(" "))
}

/// A nested task list: each task at most one level below the one before it.
fn task_list() -> impl Strategy<Value = String> {
    prop::collection::vec((0usize..3, any::<bool>(), any::<bool>(), inline()), 1..12).prop_map(|tasks| {
        let mut out = String::from("# Generated\n\n## Phase\n\n");
        let mut depth = 0;
        for (i, (wanted, checked, ordered, text)) in tasks.into_iter().enumerate() {
            depth = if i == 0 { 0 } else { wanted.min(depth + 1) };
            let marker = if ordered { "1." } else { "-" };
            let tick = if checked { 'x' } else { ' ' };
            let _ = writeln!(out, "{}{marker} [{tick}] {text}", "   ".repeat(depth));
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn nested_task_lists_with_inline_markdown_survive_import_and_export(markdown in task_list()) {
        let outline = import::parse(&markdown, "generated");
        let made = outline.to_checklist().unwrap();
        let yaml = format::checklist_to_yaml(&made, "generated");
        let checklist = format::parse(&yaml, "generated.yaml").unwrap();
        let at = preflight::timestamp::Timestamp::parse("2026-11-29T10:02:11Z").unwrap();
        let events: Vec<Event> = outline
            .items()
            .zip(checklist.items())
            .filter(|(found, _)| found.status == Status::Done)
            .map(|(_, item)| Event::on_item(Stamp::new(at, "gen"), item.id.clone(), Change::Status(Status::Done)))
            .collect();
        let state = RunState::replay(&checklist, &events);
        let exported = export::markdown(&checklist, &state, "run");
        let want = tasks(&markdown);
        let got = without_who(tasks(&exported), "gen");
        prop_assert_eq!(want.len(), got.len(), "{}\n{}", markdown, exported);
        for (a, b) in want.iter().zip(&got) {
            prop_assert!(same_task(a, b), "{:?} became {:?}\n{}\n{}", a, b, markdown, exported);
        }
    }
}
