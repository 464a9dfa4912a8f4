//! The join of two copies of a run log: identity, order, nothing lost, nothing twice.

use std::collections::HashSet;

use proptest::prelude::*;

use super::*;

const HEADER: &str =
    r#"{"preflight":"run log","version":1,"checklist":"C","file":"c.yaml","run":"r","created":"2026-11-29T10:00:00Z"}"#;

fn own() -> Header {
    Header {
        checklist: "C".into(),
        file: "c.yaml".into(),
        run: "r".into(),
        created: "2026-11-29T10:00:00Z".into(),
    }
}

fn event(second: u32, by: &str) -> String {
    format!(r#"{{"at":"2026-11-29T10:00:{second:02}Z","by":"{by}","item":"p/s/i","status":"done"}}"#)
}

fn log(lines: &[String]) -> Vec<u8> {
    let mut text = String::new();
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    text.into_bytes()
}

#[test]
fn the_same_event_with_its_keys_in_another_order_is_one_event() {
    let a = br#"{"at":"2026-11-29T10:00:01Z","by":"bob","item":"p/s/i","status":"done"}"#;
    let b = br#"{"status":"done", "item":"p/s/i","by":"bob","at":"2026-11-29T10:00:01Z"}"#;
    assert_eq!(identity(a), identity(b));
    assert_ne!(identity(a), identity(event(2, "bob").as_bytes()));
}

#[test]
fn two_events_that_share_an_id_but_not_their_content_are_two() {
    let a = br#"{"id":"e1","at":"2026-11-29T10:00:01Z","by":"bob","item":"p/s/i","status":"done"}"#;
    let b = br#"{"id":"e1","at":"2026-11-29T10:00:01Z","by":"bob","item":"p/s/i","status":"todo"}"#;
    assert_ne!(identity(a), identity(b));
    let joined = union(
        &log(&[HEADER.to_owned()]),
        &[a.as_slice(), b"\n", b, b"\n"].concat(),
        &own(),
    );
    assert_eq!(lines(&joined.text).len(), 3, "both kept");
}

#[test]
fn union_is_in_the_order_of_time_whatever_the_order_of_the_copies() {
    let base = vec![HEADER.to_owned(), event(1, "alice")];
    let mut ours = base.clone();
    ours.push(event(3, "alice"));
    let mut theirs = base;
    theirs.push(event(2, "bob"));
    let joined = union(&log(&ours), &log(&theirs), &own());
    let expected = [HEADER.to_owned(), event(1, "alice"), event(2, "bob"), event(3, "alice")];
    assert_eq!(joined.text, log(&expected));
    assert_eq!(joined.came_in, vec![event(2, "bob")]);
    assert_eq!(
        union(&log(&theirs), &log(&ours), &own()).text,
        joined.text,
        "the same file either way"
    );
}

#[test]
fn events_of_the_same_time_and_unreadable_lines_have_one_order_too() {
    let a = vec![
        HEADER.to_owned(),
        event(5, "bob"),
        "not json".to_owned(),
        event(5, "alice"),
    ];
    let other = HEADER.replace("2026-11-29T10:00:00Z", "2026-11-29T09:00:00Z");
    let b = vec![other.clone(), "also not json".to_owned(), event(5, "carol")];
    let joined = union(&log(&a), &log(&b), &own()).text;
    assert_eq!(joined, union(&log(&b), &log(&a), &own()).text);
    let text = String::from_utf8(joined).unwrap();
    assert!(text.starts_with(&other), "the header first by identity: {text}");
    assert!(text.contains(HEADER), "the other header is kept: {text}");
    let last_event = text.rfind("\"at\"").unwrap();
    assert!(
        text.find("not json").unwrap() > last_event,
        "lines without a time last: {text}"
    );
}

#[test]
fn union_removes_the_lines_gits_union_merge_doubled() {
    let doubled = vec![HEADER.to_owned(), event(1, "alice"), event(2, "bob"), event(1, "alice")];
    let joined = union(&log(&doubled), &log(&doubled), &own());
    assert_eq!(joined.text, log(&doubled[..3]));
    assert!(joined.came_in.is_empty());
}

#[test]
fn a_torn_last_line_is_left_out_and_a_whole_one_kept() {
    let mut torn = log(&[HEADER.to_owned(), event(1, "alice")]);
    torn.extend_from_slice(br#"{"at":"2026-11-29T10:00:0"#);
    assert_eq!(lines(&torn).len(), 2);
    let mut whole = log(&[HEADER.to_owned()]);
    whole.extend_from_slice(event(1, "alice").as_bytes());
    assert_eq!(
        union(&whole, b"", &own()).text,
        log(&[HEADER.to_owned(), event(1, "alice")])
    );
}

#[test]
fn lost_counts_the_shared_lines_a_log_no_longer_has() {
    let synced = log(&[HEADER.to_owned(), event(1, "alice"), event(2, "bob")]);
    let truncated = log(&[HEADER.to_owned(), event(2, "bob"), event(3, "alice")]);
    assert_eq!(lost(&synced, &truncated), 1);
    assert_eq!(lost(&synced, b""), 3);
    assert_eq!(lost(&synced, &union(&truncated, &synced, &own()).text), 0);
}

fn any_log() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop_oneof![
            (0u32..60, prop::sample::select(vec!["alice", "bob", "carol"])).prop_map(|(s, by)| event(s, by)),
            "[ -~]{0,20}",
        ],
        0..20,
    )
}

fn identities(text: &[u8]) -> HashSet<Vec<u8>> {
    lines(text).into_iter().map(identity).collect()
}

proptest! {
    #[test]
    fn union_loses_nothing_repeats_nothing_and_is_the_same_file_either_way(a in any_log(), b in any_log()) {
        let with_header = |lines: Vec<String>| log(&[vec![HEADER.to_owned()], lines].concat());
        let (a, b) = (with_header(a), with_header(b));
        let ab = union(&a, &b, &own());
        let ba = union(&b, &a, &own());
        prop_assert_eq!(lost(&a, &ab.text), 0);
        prop_assert_eq!(lost(&b, &ab.text), 0);
        prop_assert_eq!(&ab.text, &ba.text);
        prop_assert_eq!(identities(&ab.text).len(), lines(&ab.text).len(), "no line twice");
        prop_assert_eq!(union(&ab.text, &b, &own()).text, ab.text.clone(), "merging again changes nothing");
    }
}

#[test]
fn a_header_of_another_run_is_left_out_and_the_runs_own_stays_first() {
    let evil = r#"{"preflight":"run log","version":1,"checklist":"A evil","file":"x.yaml","run":"other","created":"2000-01-01T00:00:00Z"}"#;
    let ours = log(&[HEADER.to_owned(), event(1, "alice")]);
    let theirs = log(&[HEADER.to_owned(), event(1, "alice"), evil.to_owned(), event(2, "m")]);
    let joined = union(&ours, &theirs, &own());
    assert_eq!(joined.text, log(&[HEADER.to_owned(), event(1, "alice"), event(2, "m")]));
    assert_eq!(
        joined.foreign,
        vec![Foreign {
            theirs: true,
            line: 3,
            text: evil.to_owned()
        }]
    );
    assert_eq!(
        joined.came_in,
        vec![event(2, "m")],
        "the header is not a change that came in"
    );
    assert_eq!(union(&theirs, &ours, &own()).text, joined.text, "nor kept from ours");
}

#[test]
fn a_line_that_is_not_utf8_is_kept_but_never_said_to_have_come_in() {
    let ours = log(&[HEADER.to_owned()]);
    let mut theirs = log(&[HEADER.to_owned(), event(1, "m")]);
    theirs.extend_from_slice(b"{\"at\":\"2026-11-29T10:00:02Z\",\"by\":\"m\xff\xfe\"}\n");
    let joined = union(&ours, &theirs, &own());
    assert_eq!(lines(&joined.text).len(), 3, "nothing dropped");
    assert_eq!(joined.came_in, vec![event(1, "m")]);
}

#[test]
fn teammates_approvals_join_like_any_event_and_both_count() {
    let checklist = crate::format::parse(
        "title: C\nphases:\n  - name: P\n    sections:\n      - name: S\n        items: [i]\n  - name: D\n    approvals: 2\n    sections:\n      - name: S\n        items: [j]\n",
        "c.yaml",
    )
    .unwrap();
    let approval = |second: u32, by: &str| {
        format!(
            r#"{{"at":"2026-11-29T10:00:{second:02}Z","by":"{by}","login":"{by}","phase":"d","approval":"approve"}}"#
        )
    };
    let ours = log(&[HEADER.into(), event(1, "alice"), approval(2, "bob")]);
    let theirs = log(&[HEADER.into(), event(1, "alice"), approval(3, "carol")]);
    for joined in [union(&ours, &theirs, &own()), union(&theirs, &ours, &own())] {
        let text = String::from_utf8(joined.text).unwrap();
        let events: Vec<crate::run::Event> = text.lines().skip(1).map(|l| line::parse_event(l).unwrap()).collect();
        let run = crate::run::RunState::replay(&checklist, &events);
        assert_eq!(run.approvals().count(1), 2, "{text}");
    }
}
