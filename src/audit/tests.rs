//! The page on small runs built in code: what it says, and that it says
//! nothing hostile text could turn into markup.

use super::*;
use crate::checklist::Status;
use crate::run::RunState;
use crate::run::{Change, Event, Evidence, EvidenceKind, Stamp};
use crate::timestamp::Timestamp;

const LIST: &str = "title: \"<img src=x onerror=alert(1)>\"\nparams:\n  - name: token\n    secret: true\n  - name: env\n    default: staging\nphases:\n  - name: Prepare\n    sections:\n      - name: S\n        items:\n          - title: \"Say <b>hi</b> & \\\"bye\\\"\"\n            command: echo hi\n  - name: Deploy\n    gate: true\n    sections:\n      - name: S\n        items:\n          - Ship\n";

fn event(minute: u32, item: &str, change: Change) -> Event {
    let at = Timestamp::parse(&format!("2026-11-29T10:{minute:02}:00Z")).unwrap();
    Event::on_item(Stamp::new(at, "<i>mallory</i>"), item, change)
}

fn page_of(events: &[Event]) -> String {
    let checklist = crate::format::parse(LIST, "t.yaml").unwrap();
    let state = RunState::replay(&checklist, events);
    page(&Audit {
        checklist: &checklist,
        state: &state,
        run: "r --> <x>",
        events,
    })
}

#[test]
fn a_page_is_known_by_its_beginning_and_names_its_run_in_its_title() {
    let page = page_of(&[]);
    assert!(is_page(page.as_bytes()));
    assert!(!is_page(b"<!DOCTYPE html>\n<html>"));
    assert!(
        page.starts_with("<!DOCTYPE html>\n<!-- preflight report -->\n"),
        "{page}"
    );
    assert!(page.contains("<title>&lt;img src=x onerror=alert(1)&gt; — run r --&gt; &lt;x&gt;</title>"));
    assert!(page.contains("Nothing recorded yet."));
    assert!(page.contains("<code>token: secret, not given</code>"), "{page}");
    assert!(page.contains("<code>env = staging (default)</code>"), "{page}");
}

#[test]
fn hostile_titles_operators_and_output_are_text() {
    let mut ran = event(1, "prepare/s/say-b-hi-b-bye", Change::Ran);
    ran.evidence = Some(Evidence {
        kind: EvidenceKind::Exec,
        command: "echo '</pre><script>x</script>'".into(),
        exit: Some(3),
        timed_out: false,
        interrupted: false,
        millis: 20,
        output: vec!["</details><script>alert(1)</script>".into()],
    });
    let mut forced = event(2, "deploy/s/ship", Change::Status(Status::Done));
    forced.forced = true;
    let page = page_of(&[ran, forced]);
    for hostile in ["<img", "<b>", "<i>", "<script", "</details><"] {
        assert!(!page.contains(hostile), "{hostile} in\n{page}");
    }
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(
        page.contains("Say &lt;b&gt;hi&lt;/b&gt; &amp; &quot;bye&quot;"),
        "{page}"
    );
    assert!(page.contains("<span class=\"who\">&lt;i&gt;mallory&lt;/i&gt;</span>"));
    assert!(page.contains("⚠ Forced past a closed gate"), "{page}");
    assert!(page.contains("⚠ A command run for it failed"), "{page}");
    assert!(page.contains("class=\"mark done forced\""), "{page}");
}

#[test]
fn the_charset_is_declared_in_the_first_1024_bytes_whatever_the_run_is_named() {
    // Attacker's read: with the run's name in the marker comment, a long
    // name (escaped, up to six times longer) pushed `<meta charset>` past
    // the bytes a browser reads for it, and the page was read in a guessed
    // encoding.
    let checklist = crate::format::parse(LIST, "t.yaml").unwrap();
    let state = RunState::replay(&checklist, &[]);
    let run = "\"".repeat(1000);
    let page = page(&Audit {
        checklist: &checklist,
        state: &state,
        run: &run,
        events: &[],
    });
    assert!(page.find("<meta charset=\"utf-8\">").unwrap() < 1024);
}
