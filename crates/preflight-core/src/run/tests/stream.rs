//! A replay fed one event at a time gives what a replay of all the events
//! in time order gives, or says it cannot.

use proptest::prelude::*;

use super::*;

/// Every event pushed; the run, when the replay could take them all.
fn streamed(list: &Checklist, events: &[Event]) -> Option<RunState> {
    let mut replay = Replay::new(list);
    for event in events {
        replay.push(event);
    }
    replay.finish()
}

fn param(at: &str, by: &str, value: &str) -> Event {
    Event::param(Stamp::new(stamp(at), by), "version", value)
}

#[test]
fn events_of_different_items_out_of_time_order_are_taken_and_the_operators_listed_by_time() {
    let list = checklist(&["a", "b"]);
    let events = [
        event("t5", "alice", "a", done()),
        event("t2", "bob", "b", done()),
        event("t3", "carol", "gone", done()),
        param("t1", "dave", "1"),
    ];
    let run = streamed(&list, &events).expect("no item's own order is broken");
    assert_eq!(run.operators(), ["dave", "bob", "carol", "alice"]);
    assert_eq!(run.parts(), RunState::replay(&list, &events).parts());
}

#[test]
fn an_event_older_than_its_items_latest_change_ends_the_replay() {
    let list = checklist(&["a"]);
    let events = [
        event("t5", "alice", "a", done()),
        event("t2", "bob", "a", skipped("no")),
    ];
    assert!(streamed(&list, &events).is_none());
}

#[test]
fn in_a_gated_checklist_any_event_out_of_time_order_ends_the_replay() {
    let list = crate::checklist::sample::phases(&[("Prepare", false, &["a"]), ("Deploy", true, &["d"])]);
    let tick = |at: &str, id: &str| Event::on_item(Stamp::new(stamp(at), "alice"), id, done());
    let in_time = [tick("t1", "prepare/s/a"), tick("t2", "deploy/s/d")];
    let run = streamed(&list, &in_time).expect("in time order");
    assert_eq!(run.parts(), RunState::replay(&list, &in_time).parts());
    assert!(streamed(&list, &[tick("t2", "deploy/s/d"), tick("t1", "prepare/s/a")]).is_none());
}

#[test]
fn in_a_gated_checklist_a_change_older_than_the_run_is_late_whatever_its_item() {
    // What a tail or a kept run state asks before applying a change as it
    // comes: judged after a later tick, it would pass a gate that was closed.
    let list = crate::checklist::sample::phases(&[("Prepare", false, &["a"]), ("Deploy", true, &["d"])]);
    let tick = |at: &str, id: &str| Event::on_item(Stamp::new(stamp(at), "alice"), id, done());
    let run = RunState::replay(&list, &[tick("t2", "prepare/s/a")]);
    assert!(run.is_late(&list, &tick("t1", "deploy/s/d")));
    assert!(!run.is_late(&list, &tick("t2", "deploy/s/d")));
}

fn change(kind: u8) -> Change {
    match kind % 4 {
        0 => done(),
        1 => Change::Status(Status::Todo),
        2 => skipped("n/a"),
        _ => Change::Note(Some(format!("note {kind}"))),
    }
}

/// Events over two items, an orphan and a parameter, with few distinct
/// times and people, in any order: ties, conflicts and disorder are common.
fn events() -> impl Strategy<Value = Vec<Event>> {
    prop::collection::vec((1u8..6, 0usize..4, any::<u8>(), 0usize..3), 0..24).prop_map(|raw| {
        raw.into_iter()
            .map(|(time, subject, kind, by)| {
                let (at, by) = (format!("t{time}"), ["alice", "bob", "carol"][by]);
                match subject {
                    3 => param(&at, by, &kind.to_string()),
                    _ => event(&at, by, ["a", "b", "gone"][subject], change(kind)),
                }
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn a_replay_one_event_at_a_time_that_finishes_gives_the_replay_in_time_order(events in events()) {
        let list = checklist(&["a", "b"]);
        let whole = RunState::replay(&list, &events);
        let sorted: Vec<Event> = in_time_order(&events).into_iter().cloned().collect();
        prop_assert_eq!(streamed(&list, &sorted).map(|run| run.parts()), Some(whole.parts()));
        if let Some(run) = streamed(&list, &events) {
            prop_assert_eq!(run.parts(), whole.parts());
        }
    }

    #[test]
    fn with_gates_and_approvals_it_judges_each_change_as_the_replay_does(events in events()) {
        let list = crate::checklist::sample::approved(&[("P", false, &["a"]), ("Deploy", true, &["b"])], 1);
        // b is in the gated phase; a parameter's value becomes an approval of it.
        let ids = |e: &Event| match (e.subject_name(), &e.change) {
            ("p/s/b", _) => Event { subject: Subject::Item("deploy/s/b".into()), ..e.clone() },
            (_, Change::Param { .. }) => Event::on_phase(e.stamp.clone(), "deploy", Change::Approve { note: None }),
            _ => e.clone(),
        };
        let events: Vec<Event> = events.iter().map(ids).collect();
        let sorted: Vec<Event> = in_time_order(&events).into_iter().cloned().collect();
        let whole = RunState::replay(&list, &events);
        let run = streamed(&list, &sorted).expect("in time order");
        prop_assert_eq!(run.parts(), whole.parts());
        prop_assert_eq!(run.approvals(), whole.approvals());
    }
}
