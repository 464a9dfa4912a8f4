//! `preflight report --html`: one self-contained page, read back with an
//! HTML parser as a browser would: nothing it holds comes from the
//! checklist's or the run's text as markup, every phase and item is there,
//! and it loads nothing from anywhere. `-o` follows the rules of `export -o`.

mod common;

use common::Sandbox;
use scraper::{Html, Selector};

/// A checklist whose every text tries to be markup.
const HOSTILE: &str = r#"title: "<img src=x onerror=alert(1)>"
description: "</style><script>alert(2)</script>"
params:
  - name: token
    secret: true
  - name: target
phases:
  - name: "Prepare \"><svg onload=alert(3)>"
    sections:
      - name: "<iframe src=//evil.example>"
        items:
          - title: "Back up <b onclick=x>now</b>"
            detail: "[click](javascript:alert(4)) ![pixel](https://evil.example/p.png)"
            command: echo hi
            items:
              - "Sub <a href=https://evil.example>link</a>"
          - title: Skip me
  - name: Deploy
    gate: true
    sections:
      - name: Release
        items:
          - title: "Ship it @import url(https://evil.example/x.css)"
"#;

/// A run log with hostile operators, notes, a reason, a command and its
/// output, a forced change past the gate and a failed command.
fn run_log() -> String {
    let checklist = preflight::format::parse(HOSTILE, "h.yaml").unwrap();
    let ids: Vec<String> = checklist.items().iter().map(|i| i.id.to_string()).collect();
    let lines = [
        r#"{"preflight":"run log","version":1,"checklist":"<img src=x onerror=alert(1)>","file":"h.yaml","run":"default","created":"2026-11-29T10:00:00Z"}"#,
        r#"{"at":"2026-11-29T10:00:00Z","by":"<i>eve</i>","param":"target","value":"<script>alert(5)</script>"}"#,
        r#"{"at":"2026-11-29T10:01:00Z","by":"<i>eve</i>","item":"ITEM0","evidence":{"kind":"exec","command":"echo '</pre><script>alert(6)</script>'","exit":1,"ms":12,"output":["</details><script>alert(7)</script>","<!--","\u202eevil"]}}"#,
        r#"{"at":"2026-11-29T10:02:00Z","by":"bob","item":"ITEM0","status":"done"}"#,
        r#"{"at":"2026-11-29T10:03:00Z","by":"bob","item":"ITEM0","note":"<style>body{background:url(https://evil.example)}</style>"}"#,
        r#"{"at":"2026-11-29T10:04:00Z","by":"bob","item":"ITEM2","status":"skipped","reason":"<a href=//evil.example>why</a>"}"#,
        r#"{"at":"2026-11-29T10:05:00Z","by":"carol","item":"ITEM3","status":"done","forced":true}"#,
    ];
    let log = format!("{}\n", lines.join("\n"));
    ["ITEM0", "ITEM2", "ITEM3"]
        .iter()
        .zip([&ids[0], &ids[2], &ids[3]])
        .fold(log, |log, (name, id)| log.replace(name, id))
}

fn hostile_page(sandbox: &Sandbox) -> String {
    let list = sandbox.write("h.yaml", HOSTILE);
    let state = sandbox.write("run.jsonl", &run_log());
    let ran = sandbox.run(&[
        "report",
        common::as_str(&list),
        "--state",
        common::as_str(&state),
        "--html",
    ]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    ran.stdout
}

const ELEMENTS: [&str; 36] = [
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "strong", "span", "code",
    "time", "section", "ul", "ol", "li", "div", "pre", "details", "summary", "table", "thead", "tbody", "tr", "th",
    "td", "a", "footer", "svg", "line", "text", "rect", "circle",
];

const ATTRIBUTES: [&str; 28] = [
    "lang",
    "charset",
    "http-equiv",
    "content",
    "name",
    "class",
    "id",
    "href",
    "scope",
    "viewBox",
    "viewbox",
    "role",
    "aria-label",
    "x",
    "y",
    "x1",
    "x2",
    "y1",
    "y2",
    "width",
    "height",
    "rx",
    "cx",
    "cy",
    "r",
    "d",
    "text-anchor",
    "cx",
];

#[test]
fn no_element_or_attribute_comes_from_the_checklist_or_the_run() {
    let sandbox = Sandbox::new();
    let page = hostile_page(&sandbox);
    let html = Html::parse_document(&page);
    for node in html.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let name = element.name();
        assert!(
            ELEMENTS.contains(&name) || name == "path",
            "element <{name}> in\n{page}"
        );
        for (attribute, value) in element.attrs() {
            assert!(
                ATTRIBUTES.contains(&attribute),
                "attribute {attribute}={value:?} on <{name}>"
            );
            for hostile in ["alert", "evil", "onclick", "onload", "javascript"] {
                assert!(!value.contains(hostile), "{attribute}={value:?} on <{name}>");
            }
        }
    }
    let text: String = html.root_element().text().collect();
    for shown in [
        "<img src=x onerror=alert(1)>",
        "Back up <b onclick=x>now</b>",
        "<i>eve</i>",
        "</details><script>alert(7)</script>",
        "<style>body{background:url(https://evil.example)}</style>",
        "<a href=//evil.example>why</a>",
        "target = <script>alert(5)</script>",
    ] {
        assert!(text.contains(shown), "{shown:?} is shown as text:\n{page}");
    }
    assert!(!page.contains('\u{202e}'), "bidirectional overrides are dropped");
}

#[test]
fn the_page_loads_nothing_and_runs_nothing() {
    let sandbox = Sandbox::new();
    let page = hostile_page(&sandbox);
    let html = Html::parse_document(&page);
    let all = Selector::parse("*").unwrap();
    for element in html.select(&all) {
        let element = element.value();
        assert!(
            element.attr("src").is_none() && element.attr("style").is_none(),
            "{element:?}"
        );
        if let Some(href) = element.attr("href") {
            assert!(href.starts_with('#') && !href.starts_with("//"), "href {href:?}");
        }
        for forbidden in [
            "script",
            "link",
            "img",
            "iframe",
            "object",
            "embed",
            "image",
            "use",
            "foreignObject",
        ] {
            assert_ne!(element.name(), forbidden);
        }
    }
    let styles: Vec<String> = html
        .select(&Selector::parse("style").unwrap())
        .map(|s| s.text().collect())
        .collect();
    assert_eq!(styles.len(), 1);
    assert!(
        !styles[0].contains("@import") && !styles[0].contains("url("),
        "{}",
        styles[0]
    );
    let policy = Selector::parse("meta[http-equiv='Content-Security-Policy']").unwrap();
    let policy = html.select(&policy).next().unwrap().value().attr("content").unwrap();
    assert!(policy.starts_with("default-src 'none'"), "{policy}");
}

#[test]
fn every_phase_and_item_is_there_with_its_flags_and_evidence() {
    let sandbox = Sandbox::new();
    let page = hostile_page(&sandbox);
    let html = Html::parse_document(&page);
    let checklist = preflight::format::parse(HOSTILE, "h.yaml").unwrap();
    for (p, phase) in checklist.phases().iter().enumerate() {
        let selector = Selector::parse(&format!("section#phase-{p} h2")).unwrap();
        let heading: String = html.select(&selector).next().unwrap().text().collect();
        assert!(heading.contains(&phase.name), "{heading}");
    }
    for (index, item) in checklist.items().iter().enumerate() {
        let selector = Selector::parse(&format!("li#item-{index} .title")).unwrap();
        let title: String = html.select(&selector).next().expect("every item").text().collect();
        assert_eq!(title, preflight::inline::to_plain(&item.title));
    }
    let flagged = Selector::parse("li.item.flagged").unwrap();
    let flagged: Vec<String> = html.select(&flagged).map(|li| li.text().collect()).collect();
    assert_eq!(flagged.len(), 2, "{flagged:?}");
    assert!(flagged[0].contains("⚠ A command run for it failed") && flagged[0].contains("exit 1 in 0.0 s"));
    assert!(flagged[1].contains("⚠ Forced past a closed gate"), "{}", flagged[1]);
    let output = Selector::parse("li#item-0 details pre.output").unwrap();
    assert!(html.select(&output).next().is_some(), "the output is collapsed");
    let marks = Selector::parse("svg circle.mark.forced").unwrap();
    assert_eq!(html.select(&marks).count(), 1);
    let text: String = html.root_element().text().collect();
    assert!(text.contains("Skip reason: <a href=//evil.example>why</a>"));
    assert!(text.contains("token: secret, not given"), "{text}");
}

const SMALL: &str = include_str!("fixtures/audit/release.yaml");

#[test]
fn a_small_run_as_a_page() {
    use preflight::checklist::Status;
    use preflight::run::{Change, Event, Evidence, EvidenceKind, RunState, Stamp};
    let mut checklist = preflight::format::parse(SMALL, "release.yaml").unwrap();
    let at = |minute: u32| preflight::timestamp::Timestamp::parse(&format!("2026-11-29T10:{minute:02}:00Z")).unwrap();
    let stamp = |minute: u32, by: &str| Stamp::new(at(minute), by);
    let event = |minute: u32, by: &str, item: usize, change: Change| {
        Event::on_item(stamp(minute, by), checklist.items()[item].id.clone(), change)
    };
    let failed = Evidence {
        kind: EvidenceKind::Exec,
        command: "make test".into(),
        exit: Some(2),
        timed_out: false,
        interrupted: false,
        millis: 61_500,
        output: vec!["test auth ... FAILED".into(), "1 failed".into()],
    };
    let passed = Evidence {
        exit: Some(0),
        output: vec!["42 passed".into()],
        millis: 58_000,
        ..failed.clone()
    };
    let mut events = vec![
        Event::param(stamp(0, "alice"), "version", "2.3.0"),
        event(2, "alice", 0, Change::Ran).with_evidence(failed),
        event(5, "alice", 0, Change::Status(Status::Done)).with_evidence(passed),
        event(7, "bob", 1, Change::Status(Status::Done)),
        event(8, "bob", 1, Change::Note(Some("see PR #812".into()))),
        event(
            9,
            "bob",
            2,
            Change::Status(Status::Skipped {
                reason: Some("no cache in this service".into()),
            }),
        ),
    ];
    events.push(event(6, "carol", 3, Change::Status(Status::Done)).with_force(true));
    let state = RunState::replay(&checklist, &events);
    checklist.put_values(&state.values(&checklist));
    let page = preflight::audit::page(&preflight::audit::Audit {
        checklist: &checklist,
        state: &state,
        run: "v2.3.0 release",
        events: &events,
    });
    let body = &page[page.find("</style>").unwrap()..];
    insta::assert_snapshot!(body);
}

/// A phase that needs one approval, the work before it done by alice.
const APPROVED: &str = "title: Release\nphases:\n  - name: Prepare\n    sections:\n      - name: S\n        items: [Tests pass]\n  - name: Deploy\n    approvals: 1\n    sections:\n      - name: S\n        items: [Ship]\n";

#[test]
fn approvals_are_on_the_page_with_who_when_note_and_whether_they_count() {
    let sandbox = Sandbox::new();
    let list = sandbox.write("a.yaml", APPROVED);
    let log = [
        r#"{"preflight":"run log","version":1,"checklist":"Release","file":"a.yaml","run":"default","created":"2026-11-29T10:00:00Z"}"#,
        r#"{"at":"2026-11-29T10:01:00Z","by":"alice","login":"alice","item":"prepare/s/tests-pass","status":"done"}"#,
        r#"{"at":"2026-11-29T10:02:00Z","by":"<b>carol</b>","login":"<b>carol</b>","phase":"deploy","approval":"approve","note":"<i>diff</i> reviewed"}"#,
        r#"{"at":"2026-11-29T10:03:00Z","by":"alice","login":"alice","phase":"deploy","approval":"approve"}"#,
    ];
    let state = sandbox.write("run.jsonl", &(log.join("\n") + "\n"));
    let ran = sandbox.run(&[
        "report",
        list.to_str().unwrap(),
        "--state",
        state.to_str().unwrap(),
        "--html",
    ]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let page = scraper::Html::parse_document(&ran.stdout);
    let text: String = page.root_element().text().collect();
    assert!(text.contains("Approvals: 1 of 1 needed"), "{text}");
    assert!(text.contains("Approved by <b>carol</b>"), "the name is text: {text}");
    assert!(text.contains("<i>diff</i> reviewed"), "the note is text: {text}");
    assert!(
        text.contains("not counted: worked on an earlier phase"),
        "alice's own approval is shown as not counting: {text}"
    );
    let tags = scraper::Selector::parse("b, i").unwrap();
    assert_eq!(page.select(&tags).count(), 0, "no markup from a name or a note");
    let diamonds = scraper::Selector::parse("svg path.approval").unwrap();
    assert_eq!(
        page.select(&diamonds).count(),
        2,
        "each approval is marked on the timeline"
    );
}
