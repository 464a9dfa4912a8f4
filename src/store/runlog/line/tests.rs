//! Run log lines: the documented shape, and every kind of event read back.

use super::*;
use crate::run::Evidence;

fn event(change: Change) -> Event {
    Event::on_item(alice(), "p/s/i", change).with_title("Item")
}

fn alice() -> Stamp {
    Stamp::new(Timestamp::parse("2026-11-29T10:02:11Z").unwrap(), "alice")
}

#[test]
fn events_are_one_json_line_each_in_the_documented_shape() {
    assert_eq!(
        event_line(&event(Change::Status(Status::Done))).unwrap(),
        "{\"at\":\"2026-11-29T10:02:11Z\",\"by\":\"alice\",\"item\":\"p/s/i\",\"title\":\"Item\",\"status\":\"done\"}\n"
    );
    let skip = event_line(&event(Change::Status(Status::Skipped {
        reason: Some("n/a".into()),
    })))
    .unwrap();
    assert!(skip.ends_with("\"status\":\"skipped\",\"reason\":\"n/a\"}\n"), "{skip}");
    let note = event_line(&event(Change::Note(Some("two\nlines".into())))).unwrap();
    assert_eq!(note.lines().count(), 1, "a newline in a note stays escaped: {note}");
}

fn round_trips(change: Change) {
    let original = event(change);
    assert_eq!(parse_event(event_line(&original).unwrap().trim_end()), Ok(original));
}

preflight_core::cases! {
    every_event_round_trips, round_trips:
    done = (Change::Status(Status::Done)),
    todo = (Change::Status(Status::Todo)),
    skipped = (Change::Status(Status::Skipped { reason: None })),
    skipped_with_a_reason = (Change::Status(Status::Skipped {
        reason: Some("no cache".into()),
    })),
    a_note = (Change::Note(Some("checked with ops".into()))),
    a_note_taken_away = (Change::Note(None)),
}

#[test]
fn the_header_round_trips_and_nothing_else_is_a_header() {
    let header = Header {
        checklist: "Deploy".into(),
        file: "deploy.yaml".into(),
        run: "v2.3.0 release".into(),
        created: "2026-11-29T10:00:00Z".into(),
    };
    assert_eq!(parse_header(header_line(&header).unwrap().trim_end()), Some(header));
    assert_eq!(
        parse_header(event_line(&event(Change::Status(Status::Done))).unwrap().trim_end()),
        None
    );
    assert_eq!(parse_header("title: Deploy"), None);
}

#[test]
fn bad_lines_say_what_is_wrong() {
    assert!(
        parse_event("{\"at\":\"x\",\"by\":\"a\",\"item\":\"p/s/i\",\"status\":\"finished\"}")
            .unwrap_err()
            .contains("unknown status")
    );
    assert!(
        parse_event("{\"at\":\"x\",\"by\":\"a\",\"item\":\"p/s/i\"}")
            .unwrap_err()
            .contains("neither")
    );
    assert!(
        parse_event("{\"at\":\"x\",\"by\":\"a\",\"ite")
            .unwrap_err()
            .starts_with("not a run log event")
    );
}

#[test]
fn texts_read_back_are_cleaned() {
    let line = "{\"at\":\"2026-11-29T10:02:11Z\",\"by\":\"\\u001b[31mmallory\",\"item\":\"p/s/i\",\"note\":\"\\u202eevil\\u0007\",\"future\":1}";
    let event = parse_event(line).unwrap();
    assert_eq!(event.stamp.by, "[31mmallory");
    assert_eq!(event.change, Change::Note(Some("evil".into())));
}

#[test]
fn params_evidence_and_forced_changes_round_trip() {
    let evidence = Evidence {
        kind: EvidenceKind::Verify,
        command: "curl -fsS 'https://x'".into(),
        exit: Some(3),
        timed_out: false,
        interrupted: false,
        millis: 2100,
        output: vec!["line 1".into(), "line 2".into()],
    };
    let param = Event::param(alice(), "version", "2.3.0");
    let line = event_line(&param).unwrap();
    assert!(!line.contains("\"item\""), "a run's event names no item: {line}");
    assert_eq!(parse_event(line.trim_end()).unwrap(), param);
    let failed = event(Change::Ran).with_evidence(evidence.clone());
    assert_eq!(parse_event(event_line(&failed).unwrap().trim_end()).unwrap(), failed);
    let forced = event(Change::Status(Status::Done))
        .with_force(true)
        .with_evidence(Evidence {
            exit: Some(0),
            ..evidence
        });
    let line = event_line(&forced).unwrap();
    assert!(line.contains("\"forced\":true"), "{line}");
    assert_eq!(parse_event(line.trim_end()).unwrap(), forced);
}

#[test]
fn evidence_from_a_shared_log_is_bounded_and_cleaned() {
    let output: Vec<String> = (0..50).map(|n| format!("out \u{1b}[31m{n}")).collect();
    let line = serde_json::json!({
        "at": "2026-11-29T10:02:11Z", "by": "mallory", "item": "p/s/i",
        "evidence": { "kind": "exec", "command": "x", "exit": 1, "ms": 5, "output": output }
    })
    .to_string();
    let event = parse_event(&line).unwrap();
    assert_eq!(event.change, Change::Ran);
    let kept = event.evidence.unwrap().output;
    assert_eq!(kept.len(), OUTPUT_LINES);
    assert_eq!(kept[0], "out [31m30");
    let bad = r#"{"at":"2026-11-29T10:02:11Z","by":"m","param":"Not A Name","value":"x"}"#;
    assert!(parse_event(bad).is_err());
}

#[test]
fn a_run_listing_millions_of_output_lines_keeps_the_last_ones_as_it_reads() {
    let many = format!("[{}\"last\", \"x{}\"]", "\"\",".repeat(2_000_000), "y".repeat(2000));
    let line = format!(
        r#"{{"at":"2026-11-29T10:02:11Z","by":"mallory","item":"p/s/i","evidence":{{"kind":"exec","command":"x","exit":1,"ms":5,"output":{many}}}}}"#
    );
    let kept = parse_event(&line).unwrap().evidence.unwrap().output;
    assert_eq!(kept.len(), OUTPUT_LINES);
    assert_eq!(kept[OUTPUT_LINES - 2], "last");
    assert_eq!(
        kept[OUTPUT_LINES - 1].chars().count(),
        OUTPUT_LINE_CHARS,
        "a long line is cut when read"
    );
}

#[test]
fn the_login_is_written_beside_the_name_and_an_old_line_without_one_still_reads() {
    let mut signed = event(Change::Status(Status::Done));
    signed.stamp.login = Some("alice".into());
    signed.stamp.by = "bob".into();
    let line = event_line(&signed).unwrap();
    assert!(
        line.starts_with(r#"{"at":"2026-11-29T10:02:11Z","by":"bob","login":"alice","item":"p/s/i""#),
        "{line}"
    );
    assert_eq!(parse_event(line.trim_end()).unwrap(), signed);
    let old = parse_event(r#"{"at":"2026-11-29T10:02:11Z","by":"bob","item":"p/s/i","status":"done"}"#).unwrap();
    assert_eq!(old.stamp.login, None, "a log from before logins reads as it did");
    assert_eq!(
        event_line(&old).unwrap().trim_end(),
        r#"{"at":"2026-11-29T10:02:11Z","by":"bob","item":"p/s/i","status":"done"}"#
    );
}

#[test]
fn a_login_read_back_is_cleaned_and_an_empty_one_is_none() {
    let line = r#"{"at":"2026-11-29T10:02:11Z","by":"bob","login":"\u001b]0;root\u0007mal\u202elory","item":"p/s/i","status":"done"}"#;
    assert_eq!(
        parse_event(line).unwrap().stamp.login.as_deref(),
        Some("]0;rootmallory")
    );
    let line = r#"{"at":"2026-11-29T10:02:11Z","by":"bob","login":"\u0007","item":"p/s/i","status":"done"}"#;
    assert_eq!(parse_event(line).unwrap().stamp.login, None);
    let line = r#"{"at":"2026-11-29T10:02:11Z","by":"bob","login":"two\nlines","item":"p/s/i","status":"done"}"#;
    assert_eq!(parse_event(line).unwrap().stamp.login, None, "a login is one line");
}

#[test]
fn an_approval_names_its_phase_and_reads_back_and_a_withdrawal_too() {
    let approve = Event::on_phase(
        alice(),
        "deploy",
        Change::Approve {
            note: Some("diff reviewed".into()),
        },
    )
    .with_force(true);
    let line = event_line(&approve).unwrap();
    assert_eq!(
        line,
        "{\"at\":\"2026-11-29T10:02:11Z\",\"by\":\"alice\",\"phase\":\"deploy\",\"approval\":\"approve\",\"note\":\"diff reviewed\",\"forced\":true}\n"
    );
    assert_eq!(parse_event(line.trim_end()).unwrap(), approve);
    let withdraw = Event::on_phase(alice(), "deploy", Change::Withdraw);
    assert_eq!(
        parse_event(event_line(&withdraw).unwrap().trim_end()).unwrap(),
        withdraw
    );
}

#[test]
fn an_approval_that_is_not_one_is_refused_with_the_reason() {
    let bad = [
        (
            r#"{"at":"2026-11-29T10:02:11Z","by":"a","phase":"deploy","approval":"sure"}"#,
            "unknown approval",
        ),
        (
            r#"{"at":"2026-11-29T10:02:11Z","by":"a","approval":"approve"}"#,
            "names no phase",
        ),
        (
            r#"{"at":"2026-11-29T10:02:11Z","by":"a","phase":"deploy","approval":"approve","item":"p/s/i","status":"done"}"#,
            "changes nothing but",
        ),
    ];
    for (line, why) in bad {
        assert!(parse_event(line).unwrap_err().contains(why), "{line}");
    }
    let spoofed = r#"{"at":"2026-11-29T10:02:11Z","by":"\u001b[2Jbob\u202e","login":"ali\u0007ce","phase":"dep\u001bloy","approval":"approve","note":"\u202eok"}"#;
    let event = parse_event(spoofed).unwrap();
    assert_eq!(
        (event.stamp.by.as_str(), event.stamp.login.as_deref(), event.phase()),
        ("[2Jbob", Some("alice"), Some("deploy"))
    );
    assert_eq!(
        event.change,
        Change::Approve {
            note: Some("ok".into())
        }
    );
}
