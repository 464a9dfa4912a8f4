//! Undo after a merge brought a teammate's earlier change: the state before
//! my change, in the merged order of time, comes back.

use super::*;

/// A change to Cloud environment by `by` at `at`.
pub(super) fn on_cloud(at: &str, by: &str, change: Change) -> Event {
    Event::on_item(stamp(at, by), "prepare/infra/cloud-environment", change).with_title("Cloud environment")
}

#[test]
fn undo_after_a_merge_restores_a_teammates_earlier_skip_not_todo() {
    let mut app = app();
    acts(&mut app, [Action::Down, Action::Down, Action::Toggle]);
    assert_eq!(status(&app, "Cloud environment"), Status::Done);
    let mine = app.undo.last().unwrap()[0].recorded.unwrap();
    // The sync brought bob's skip, made a second before my tick: the log is
    // read again whole and replayed in time order.
    let skip = Change::Status(Status::Skipped {
        reason: Some("on-prem".into()),
    });
    let earlier = on_cloud("2026-11-29T09:59:59Z", "bob", skip.clone());
    let my_tick = on_cloud(&mine.to_string(), "me", Change::Status(Status::Done));
    assert!(
        app.state().is_late(app.checklist(), &earlier),
        "bob's skip is older than my tick"
    );
    app.replay_run(&[my_tick, earlier]);
    assert_eq!(status(&app, "Cloud environment"), Status::Done, "my later tick wins");
    let Effect::Record(edits) = act(&mut app, Action::Undo) else {
        panic!("the undo is recorded");
    };
    assert_eq!(edits[0].after, skip, "bob's skip and reason come back");
    assert_eq!(
        status(&app, "Cloud environment"),
        Status::Skipped {
            reason: Some("on-prem".into())
        }
    );
}

#[test]
fn a_change_far_ahead_of_the_clock_on_another_item_does_not_make_my_ticks_late() {
    let mut app = app();
    let future = Event::on_item(
        stamp("2099-01-01T00:00:00Z", "bob"),
        "prepare/infra/database",
        Change::Status(Status::Done),
    );
    app.external(std::slice::from_ref(&future));
    acts(&mut app, [Action::Down, Action::Down, Action::Toggle]);
    let mine = app.undo.last().unwrap()[0].recorded.unwrap();
    let read_back = on_cloud(&mine.to_string(), "me", Change::Status(Status::Done));
    assert!(
        !app.state().is_late(app.checklist(), &read_back),
        "my own tick, read back, is not late"
    );
    assert!(!app.state().is_late(app.checklist(), &future));
}

#[test]
fn an_event_older_than_an_items_last_run_is_late_too() {
    let list = crate::format::parse(
        "title: T\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - title: a\n            command: \"true\"\n",
        "t.yaml",
    )
    .unwrap();
    let ran = Event::on_item(stamp("2026-11-29T10:05:00Z", "alice"), "p/s/a", Change::Ran).with_evidence(
        crate::run::Evidence {
            kind: crate::run::EvidenceKind::Exec,
            command: "true".into(),
            exit: Some(1),
            timed_out: false,
            interrupted: false,
            millis: 1,
            output: Vec::new(),
        },
    );
    let state = RunState::replay(&list, std::slice::from_ref(&ran));
    let mut older = ran.clone();
    older.stamp.at = Timestamp::parse("2026-11-29T10:01:00Z").unwrap();
    if let Some(evidence) = &mut older.evidence {
        evidence.exit = Some(0);
    }
    assert!(
        state.is_late(&list, &older),
        "an older run must not take the place of a newer one"
    );
}
