use super::form::StateForm;
use super::*;
use crate::checklist::Status;
use crate::run::{Change, Evidence, EvidenceKind, Stamp, Start};

fn at(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

/// A run with something of every kind a state holds: statuses, notes, a
/// forced change, evidence of both kinds, a command still running, a
/// parameter, an orphan, times with a fraction of a second.
fn varied() -> (Checklist, RunState) {
    let checklist = crate::bundled::PRODUCTION_DEPLOYMENT.load().unwrap();
    let ids: Vec<String> = checklist.items().iter().map(|i| i.id.to_string()).collect();
    let stamp = |n: usize| {
        Stamp::new(
            at(&format!("2026-11-29T10:00:{n:02}.123456789Z")),
            ["alice", "bob"][n % 2],
        )
    };
    let event = |n: usize, item: &str, change: Change| Event {
        title: Some("an old title".into()),
        forced: n == 3,
        evidence: (n == 4 || n == 5).then(|| Evidence {
            kind: if n == 4 {
                EvidenceKind::Exec
            } else {
                EvidenceKind::Verify
            },
            command: "make test".into(),
            exit: (n == 4).then_some(0),
            timed_out: n == 5,
            interrupted: false,
            millis: 1234,
            output: vec!["ok".into(), "done".into()],
        }),
        ..Event::on_item(stamp(n), item, change)
    };
    let events = [
        event(0, &ids[0], Change::Status(Status::Done)),
        event(1, &ids[0], Change::Note(Some("a note".into()))),
        event(
            2,
            &ids[1],
            Change::Status(Status::Skipped {
                reason: Some("n/a".into()),
            }),
        ),
        event(3, &ids[2], Change::Status(Status::Done)),
        event(4, &ids[2], Change::Ran),
        event(5, &ids[3], Change::Ran),
        event(
            6,
            &ids[4],
            Change::Started(Start {
                kind: EvidenceKind::Exec,
                host: "box".into(),
                pid: 42,
            }),
        ),
        Event::param(stamp(7), "version", "2.3.0"),
        event(8, "gone/away/item", Change::Status(Status::Done)),
    ];
    let state = RunState::replay(&checklist, &events);
    (checklist, state)
}

#[test]
fn a_run_state_comes_back_from_the_snapshot_form_unchanged() {
    let (checklist, state) = varied();
    let parts = state.parts();
    let text = serde_json::to_string(&StateForm::from(&parts)).unwrap();
    let form: StateForm = serde_json::from_str(&text).unwrap();
    let back = form.back().expect("converts back");
    assert_eq!(back, parts);
    let rebuilt = RunState::from_parts(&checklist, back).unwrap();
    assert_eq!(rebuilt.parts(), parts);
}

#[test]
fn a_state_is_written_item_by_item_as_its_copied_form_would_be() {
    let (checklist, state) = varied();
    let copied = serde_json::to_string(&StateForm::from(&state.parts())).unwrap();
    let streamed = serde_json::to_string(&form::StateOut {
        state: &state,
        items: checklist.items().len(),
    })
    .unwrap();
    assert_eq!(streamed, copied);
}

#[test]
fn a_state_of_another_checklist_is_not_taken_back() {
    let (_, state) = varied();
    let other = crate::format::parse(&crate::generate::checklist_yaml(3), "other.yaml").unwrap();
    assert!(RunState::from_parts(&other, state.parts()).is_none());
}

fn not_taken_back_with(from: &str, to: &str) {
    let (_, state) = varied();
    let text = serde_json::to_string(&StateForm::from(&state.parts())).unwrap();
    assert!(text.contains(from), "{from} in {text}");
    let damaged = text.replacen(from, to, 1);
    let form: StateForm = serde_json::from_str(&damaged).unwrap();
    assert!(form.back().is_none(), "{to} taken back");
}

preflight_core::cases! {
    a_snapshot_form_with_a_value_out_of_place_is_not_taken_back, not_taken_back_with:
    a_time_that_is_not_one = ("2026-11-29T10:00:00.123456789Z", "yesterday"),
    an_unknown_proof = ("\"proof\":2", "\"proof\":9"),
}

#[test]
fn a_mark_that_cannot_be_one_is_refused() {
    let parts = |end, tail: usize| crate::store::runlog::MarkParts {
        end,
        lines: 1,
        file: None,
        tail: vec![b'x'; tail],
    };
    assert!(Mark::from_parts(parts(10, 10)).is_some());
    assert!(Mark::from_parts(parts(1000, 64)).is_some());
    assert!(
        Mark::from_parts(parts(1000, 0)).is_none(),
        "nothing to recognise the file by"
    );
    assert!(Mark::from_parts(parts(5, 10)).is_none(), "more bytes than were read");
    assert!(Mark::from_parts(parts(1000, 65)).is_none(), "more than a mark keeps");
}
