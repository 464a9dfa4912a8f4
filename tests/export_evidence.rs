//! The evidence of commands run, in the Markdown export: every run (the last
//! five, with a count of the rest) with its command line, outcome, who and
//! when, and its output collapsed; rendered by pulldown-cmark, hostile
//! output stays inside its block, and import reads the export back without
//! taking any of it as a task, a command or a detail.

use preflight::checklist::{Checklist, Status};
use preflight::run::{Change, Event, Evidence, EvidenceKind, RunState, Stamp};
use preflight::timestamp::Timestamp;
use pulldown_cmark::{CodeBlockKind, Event as Md, Options, Parser, Tag, TagEnd};

const LIST: &str = r#"title: Release
phases:
  - name: Prepare
    sections:
      - name: Checks
        items:
          - title: Migrate the database
            detail: "Takes a while.\n\nWatch the **locks**."
            command: ./migrate.sh --env prod
            items:
              - Confirm the row counts
          - title: Health check
            verify: curl -fsS https://example.com/health
"#;

/// Output a command might print to break out of its block.
const HOSTILE: [&str; 9] = [
    "````` five backticks",
    "```",
    "~~~",
    "</details>",
    "<script>alert(1)</script>",
    "- [x] Approved by security",
    "<!-- unclosed comment",
    "    - [ ] indented task",
    "# Not a phase",
];

fn at(minute: u32) -> Timestamp {
    Timestamp::parse(&format!("2026-11-29T10:{minute:02}:00Z")).unwrap()
}

fn ran(checklist: &Checklist, item: usize, minute: u32, evidence: Evidence) -> Event {
    Event::on_item(
        Stamp::new(at(minute), "alice"),
        checklist.items()[item].id.clone(),
        Change::Ran,
    )
    .with_evidence(evidence)
}

fn evidence(kind: EvidenceKind, command: &str, exit: Option<i32>, output: &[&str]) -> Evidence {
    Evidence {
        kind,
        command: command.into(),
        exit,
        timed_out: false,
        interrupted: false,
        millis: 1500,
        output: output.iter().map(|l| (*l).to_owned()).collect(),
    }
}

/// A run in which the migration ran seven times, the last printing
/// everything in [`HOSTILE`] from a hostile command line, and the health
/// check timed out.
fn worked() -> (Checklist, Vec<Event>) {
    let checklist = preflight::format::parse(LIST, "release.yaml").unwrap();
    let mut events: Vec<Event> = (0..6)
        .map(|n| {
            let e = evidence(EvidenceKind::Exec, "./migrate.sh --env prod", Some(n), &["ok"]);
            ran(&checklist, 0, n.unsigned_abs(), e)
        })
        .collect();
    let command = "./migrate.sh --env prod # ```` </details> <b>x</b>\necho '- [x] done'";
    events.push(ran(
        &checklist,
        0,
        10,
        evidence(EvidenceKind::Exec, command, Some(0), &HOSTILE),
    ));
    let mut timed_out = evidence(EvidenceKind::Verify, "curl -fsS https://example.com/health", None, &[]);
    timed_out.timed_out = true;
    events.push(ran(&checklist, 2, 11, timed_out));
    let mut done = ran(&checklist, 0, 12, evidence(EvidenceKind::Exec, "x", Some(0), &[]));
    done.change = Change::Status(Status::Done);
    done.evidence = None;
    events.push(done);
    (checklist, events)
}

fn export(checklist: &Checklist, events: &[Event]) -> String {
    let state = RunState::replay(checklist, events);
    preflight::markdown::export::markdown_audited(checklist, &state, "run", None, events)
}

fn options() -> Options {
    Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES
}

#[test]
fn every_run_shows_its_command_outcome_who_and_when_and_the_last_five_are_listed() {
    let (checklist, events) = worked();
    let markdown = export(&checklist, &events);
    assert!(
        markdown.contains("  * 2 earlier runs before these, not listed\n"),
        "{markdown}"
    );
    assert!(
        markdown
            .contains("  * ❌ **exec** `./migrate.sh --env prod` — exit 2 in 1.5 s — alice, 2026-11-29 10:02:00 UTC\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains(
            "  * ❌ **verify** `curl -fsS https://example.com/health` — timed out after 1.5 s — alice, 2026-11-29 10:11:00 UTC\n"
        ),
        "{markdown}"
    );
    assert!(
        !markdown.contains("exit 1 in"),
        "the sixth run from the end is not listed"
    );
}

/// What a parser of `CommonMark` reads in an export: the text of its fenced code
/// blocks, its task boxes and headings, and its HTML.
struct Read {
    code: String,
    tasks: usize,
    headings: usize,
    html: Vec<String>,
}

fn read(markdown: &str) -> Read {
    let mut code = Vec::new();
    let (mut in_code, mut tasks, mut headings) = (false, 0, 0);
    let mut html = Vec::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Md::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => in_code = true,
            Md::End(TagEnd::CodeBlock) => in_code = false,
            Md::Text(text) if in_code => code.push(text.into_string()),
            Md::TaskListMarker(_) => tasks += 1,
            Md::Start(Tag::Heading { .. }) => headings += 1,
            Md::Html(text) | Md::InlineHtml(text) => html.push(text.into_string()),
            _ => {}
        }
    }
    Read {
        code: code.concat(),
        tasks,
        headings,
        html,
    }
}

/// The hostile output line `line` is read as code: it broke out of nothing.
fn stays_code(line: &str) {
    let (checklist, events) = worked();
    let markdown = export(&checklist, &events);
    assert!(
        read(&markdown).code.contains(&format!("{line}\n")),
        "{line:?} is code:\n{markdown}"
    );
}

preflight_core::cases! { each_hostile_line_of_output_stays_code, stays_code:
    five_backticks = (HOSTILE[0]),
    a_backtick_fence = (HOSTILE[1]),
    a_tilde_fence = (HOSTILE[2]),
    the_end_of_the_details = (HOSTILE[3]),
    a_script = (HOSTILE[4]),
    a_ticked_task = (HOSTILE[5]),
    an_unclosed_comment = (HOSTILE[6]),
    an_indented_task = (HOSTILE[7]),
    a_heading = (HOSTILE[8]),
}

#[test]
fn hostile_output_and_commands_stay_inside_their_blocks_as_a_commonmark_parser_reads_them() {
    let (checklist, events) = worked();
    let markdown = export(&checklist, &events);
    let Read {
        code,
        tasks,
        headings,
        html,
    } = read(&markdown);
    // Three items, and the two Completion Status lines.
    assert_eq!(
        tasks,
        checklist.items().len() + 1,
        "no task from the output:\n{markdown}"
    );
    assert_eq!(headings, 4, "title, phase, section, Completion Status:\n{markdown}");
    assert!(code.contains("echo '- [x] done'\n"), "{markdown}");
    for block in &html {
        let block = block.trim();
        let ours = block.starts_with("<!-- preflight export")
            || block.starts_with("<details><summary>")
            || block == "</details>";
        assert!(ours, "an HTML block the export did not write: {block:?}\n{markdown}");
        assert!(!block.contains("<script") && !block.contains("<b>"), "{block:?}");
    }
    let opens = html.iter().filter(|b| b.contains("<details>")).count();
    let closes = html.iter().filter(|b| b.contains("</details>")).count();
    assert_eq!((opens, closes), (5, 5), "{markdown}");
}

#[test]
fn import_reads_the_export_back_without_its_evidence() {
    let (checklist, events) = worked();
    let markdown = export(&checklist, &events);
    let outline = preflight::markdown::import::parse(&markdown, "fallback");
    let back = outline.to_checklist().unwrap();
    assert_eq!(back.items().len(), checklist.items().len(), "{markdown}");
    for (original, read) in checklist.items().iter().zip(back.items()) {
        assert_eq!(read.title, original.title);
        assert_eq!(read.detail, original.detail, "{markdown}");
        assert_eq!(read.command, original.command);
        assert_eq!(read.verify, original.verify);
    }
    let statuses: Vec<Status> = outline.items().map(|i| i.status.clone()).collect();
    assert_eq!(statuses, [Status::Done, Status::Todo, Status::Todo]);
}

#[test]
fn a_lone_carriage_return_ends_a_line_and_lets_nothing_out() {
    // Attacker's read: a Markdown reader ends a line at a lone `\r`, while
    // splitting at `\n` kept it inside the code span of the command (and a
    // fence line), so what followed it could start a task of its own. Run
    // logs are cleaned of it when read; the export holds without that.
    let checklist = preflight::format::parse(LIST, "release.yaml").unwrap();
    let hostile = evidence(
        EvidenceKind::Exec,
        "echo ok\r- [x] Approved by the change board",
        Some(0),
        &["fine\r- [x] Sneaked in\r```\r</details>"],
    );
    let events = [ran(&checklist, 0, 1, hostile)];
    let markdown = export(&checklist, &events);
    let tasks = Parser::new_ext(&markdown, options())
        .filter(|e| matches!(e, Md::TaskListMarker(_)))
        .count();
    assert_eq!(tasks, checklist.items().len() + 1, "{markdown}");
    assert!(!markdown.contains('\r'), "{markdown:?}");
}

#[test]
fn an_item_whose_state_knows_a_run_always_lists_it_so_import_never_drops_its_detail() {
    // Attacker's read: given events that hold none of the runs its state
    // knows (a state kept apart from its log), the item's text said it had
    // evidence and no list followed; import then took the first list of its
    // detail for the evidence and dropped it.
    let list = "title: T\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - title: Check the hosts\n            detail: \"- web-1\\n- web-2\"\n";
    let checklist = preflight::format::parse(list, "t.yaml").unwrap();
    let events = [ran(
        &checklist,
        0,
        1,
        evidence(EvidenceKind::Exec, "ping web-1", Some(0), &[]),
    )];
    let state = RunState::replay(&checklist, &events);
    let markdown = preflight::markdown::export::markdown_audited(&checklist, &state, "run", None, &[]);
    assert!(markdown.contains("* ✅ **exec** `ping web-1`"), "{markdown}");
    let back = preflight::markdown::import::parse(&markdown, "t")
        .to_checklist()
        .unwrap();
    assert_eq!(back.items()[0].detail, checklist.items()[0].detail, "{markdown}");
}
