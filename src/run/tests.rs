//! Replay: statuses, skips with reasons, unticks, notes, orphans.

use super::*;
use crate::checklist::ChecklistBuilder;
use crate::timestamp::Timestamp;

fn checklist(titles: &[&str]) -> Checklist {
    let mut b = ChecklistBuilder::new("T".into(), None);
    b.phase(None, "P".into(), None).unwrap();
    b.section(None, "S".into()).unwrap();
    for title in titles {
        b.item(None, (*title).into(), None).unwrap();
    }
    b.finish()
}

/// `t1`, `t2`… as timestamps a second apart, in that order.
fn stamp(label: &str) -> Timestamp {
    let second: u32 = label[1..].parse().unwrap();
    Timestamp::parse(&format!("2026-11-29T10:00:{second:02}Z")).unwrap()
}

fn event(at: &str, by: &str, item: &str, change: Change) -> Event {
    Event {
        at: stamp(at),
        by: by.into(),
        item: format!("p/s/{item}"),
        title: Some(item.to_uppercase()),
        change,
        forced: false,
        evidence: None,
    }
}

fn done() -> Change {
    Change::Status(Status::Done)
}

fn skipped(reason: &str) -> Change {
    Change::Status(Status::Skipped {
        reason: Some(reason.into()),
    })
}

#[test]
fn a_fresh_run_has_every_item_todo() {
    let list = checklist(&["a", "b"]);
    let run = RunState::new(&list);
    assert_eq!(run.item(1), &ItemState::default());
    assert_eq!(run.tally(&list).overall.done, 0);
    assert_eq!(run.started(), None);
}

#[test]
fn the_last_status_event_wins_and_records_who_and_when() {
    let list = checklist(&["a", "b"]);
    let events = [
        event("t1", "alice", "a", done()),
        event("t2", "bob", "b", skipped("no cache here")),
        event("t3", "bob", "a", Change::Status(Status::Todo)),
        event("t4", "carol", "a", done()),
    ];
    let run = RunState::replay(&list, &events);
    assert_eq!(run.item(0).status, Status::Done);
    assert_eq!(
        (run.item(0).at, run.item(0).by.as_deref()),
        (Some(stamp("t4")), Some("carol"))
    );
    assert_eq!(
        run.item(1).status,
        Status::Skipped {
            reason: Some("no cache here".into())
        }
    );
    let tally = run.tally(&list);
    assert_eq!(
        (tally.overall.done, tally.overall.skipped, tally.overall.percent()),
        (1, 1, 100)
    );
    assert_eq!(run.operators(), ["alice", "bob", "carol"]);
    assert_eq!(
        (run.started(), run.last_changed()),
        (Some(stamp("t1")), Some(stamp("t4")))
    );
}

#[test]
fn unticking_returns_an_item_to_todo() {
    let list = checklist(&["a"]);
    let events = [
        event("t1", "a", "a", done()),
        event("t2", "a", "a", Change::Status(Status::Todo)),
    ];
    let run = RunState::replay(&list, &events);
    assert_eq!(run.item(0).status, Status::Todo);
    assert_eq!(run.tally(&list).overall.done, 0);
}

#[test]
fn notes_are_set_replaced_and_cleared_independently_of_status() {
    let list = checklist(&["a"]);
    let mut run = RunState::new(&list);
    run.apply(&list, &event("t1", "a", "a", Change::Note(Some("first".into()))));
    run.apply(&list, &event("t2", "a", "a", done()));
    assert_eq!(run.item(0).note.as_deref(), Some("first"));
    run.apply(&list, &event("t3", "a", "a", Change::Note(Some("second".into()))));
    assert_eq!(run.item(0).note.as_deref(), Some("second"));
    assert_eq!(run.item(0).at, Some(stamp("t2")), "a note is not a status change");
    run.apply(&list, &event("t4", "a", "a", Change::Note(None)));
    assert_eq!(run.item(0).note, None);
    assert_eq!(run.item(0).status, Status::Done);
}

#[test]
fn events_for_missing_items_are_kept_as_orphans() {
    let list = checklist(&["a"]);
    let events = [
        event("t1", "a", "gone", done()),
        event("t2", "a", "gone", Change::Note(Some("n".into()))),
        event("t3", "a", "a", done()),
    ];
    let run = RunState::replay(&list, &events);
    let orphans: Vec<_> = run.orphans().collect();
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].id, "p/s/gone");
    assert_eq!(orphans[0].title.as_deref(), Some("GONE"));
    assert_eq!(orphans[0].events, 2);
    assert_eq!(orphans[0].state.status, Status::Done);
    assert_eq!(run.tally(&list).overall.done, 1);
    assert_eq!(run.event_count(), 3);
}

#[test]
fn an_item_that_comes_back_counts_again() {
    let events = [event("t1", "a", "b", done())];
    let without = RunState::replay(&checklist(&["a"]), &events);
    assert_eq!(without.orphans().count(), 1);
    let list = checklist(&["a", "b"]);
    let with = RunState::replay(&list, &events);
    assert_eq!(with.orphans().count(), 0);
    assert_eq!(with.item(1).status, Status::Done);
}

#[test]
fn unchanged_by_tells_what_would_only_add_noise() {
    let mut state = ItemState::default();
    assert!(state.unchanged_by(&Change::Status(Status::Todo)));
    assert!(!state.unchanged_by(&done()));
    state.status = Status::Done;
    assert!(state.unchanged_by(&done()));
    state.status = Status::Skipped {
        reason: Some("x".into()),
    };
    assert!(!state.unchanged_by(&skipped("y")), "a new reason is news");
    assert!(state.unchanged_by(&Change::Note(None)));
    assert!(!state.unchanged_by(&Change::Note(Some("n".into()))));
}

#[test]
fn the_later_change_wins_whatever_the_order_of_the_lines() {
    let list = checklist(&["a"]);
    // Two branches merged with the later tick first: file order is not time order.
    let events = [
        event("t3", "bob", "a", done()),
        event("t1", "alice", "a", Change::Status(Status::Todo)),
    ];
    let run = RunState::replay(&list, &events);
    assert_eq!(run.item(0).status, Status::Done);
    assert_eq!(run.item(0).changed, Some((stamp("t3"), "bob".to_owned())));
    assert_eq!(
        (run.started(), run.last_changed()),
        (Some(stamp("t1")), Some(stamp("t3")))
    );
}

#[test]
fn changes_of_the_same_time_keep_their_order() {
    let list = checklist(&["a"]);
    let events = [
        event("t1", "alice", "a", done()),
        event("t1", "alice", "a", Change::Status(Status::Todo)),
    ];
    assert_eq!(RunState::replay(&list, &events).item(0).status, Status::Todo);
}

#[test]
fn a_new_change_is_stamped_after_the_item_s_latest_even_if_that_clock_ran_ahead() {
    let list = checklist(&["a", "b"]);
    let run = RunState::replay(&list, &[event("t5", "bob", "a", done())]);
    assert_eq!(run.stamp_for(0, stamp("t2")), stamp("t5").plus_millis(1), "after bob's");
    assert_eq!(run.stamp_for(0, stamp("t9")), stamp("t9"), "now, when now is later");
    assert_eq!(
        run.stamp_for(1, stamp("t2")),
        stamp("t2"),
        "another item is not held back"
    );
}

mod merge {
    use proptest::prelude::*;

    use super::*;

    fn change(kind: u8) -> Change {
        match kind % 5 {
            0 => done(),
            1 => Change::Status(Status::Todo),
            2 => skipped("n/a"),
            3 => Change::Note(Some(format!("note {kind}"))),
            _ => Change::Note(None),
        }
    }

    /// Events with few distinct times and items, so that ties and conflicts
    /// are common.
    fn events() -> impl Strategy<Value = Vec<Event>> {
        prop::collection::vec((1u8..6, 0usize..3, any::<u8>(), 0usize..3), 0..24).prop_map(|raw| {
            raw.into_iter()
                .map(|(time, item, kind, by)| {
                    event(
                        &format!("t{time}"),
                        ["alice", "bob", "carol"][by],
                        ["a", "b", "c"][item],
                        change(kind),
                    )
                })
                .collect()
        })
    }

    /// Another order of the same events, as another merge would give: any
    /// interleaving, but events of the same time keep their relative order
    /// (they come from one file, where appends keep their order).
    fn merged(events: &[Event], keys: &[u32]) -> Vec<Event> {
        let mut slots: Vec<usize> = (0..events.len()).collect();
        slots.sort_by_key(|&i| {
            let i = u32::try_from(i).unwrap();
            (keys[i as usize % keys.len()] ^ i.wrapping_mul(0x9e37_79b9)).wrapping_mul(0x85eb_ca6b)
        });
        let mut by_time: Vec<usize> = (0..events.len()).collect();
        by_time.sort_by_key(|&i| events[i].at);
        // Slots taken by each time, in slot order, get that time's events in
        // their original order.
        let mut out: Vec<Option<Event>> = vec![None; events.len()];
        let mut times: Vec<_> = events.iter().map(|e| e.at).collect();
        times.sort();
        times.dedup();
        for time in times {
            let positions = (0..events.len()).filter(|&p| events[slots[p]].at == time);
            let originals = by_time.iter().filter(|&&i| events[i].at == time);
            for (position, &original) in positions.into_iter().zip(originals) {
                out[position] = Some(events[original].clone());
            }
        }
        out.into_iter().map(Option::unwrap).collect()
    }

    #[test]
    fn a_merge_reorders_events_of_different_times_only() {
        let events: Vec<Event> = ["t3", "t1", "t3", "t2"]
            .iter()
            .enumerate()
            .map(|(n, t)| event(t, "alice", "a", Change::Note(Some(n.to_string()))))
            .collect();
        let notes = |events: &[Event]| -> Vec<String> {
            events
                .iter()
                .map(|e| format!("{}{:?}", e.at.hour_minute(), e.change))
                .collect()
        };
        let orders: std::collections::HashSet<Vec<String>> = (0..20u32)
            .map(|k| notes(&merged(&events, &[k.wrapping_mul(0x2545_f491), k])))
            .collect();
        assert!(orders.len() > 1, "some merges differ from the original order");
        for order in &orders {
            let first = order.iter().position(|n| n.contains("\"0\""));
            let third = order.iter().position(|n| n.contains("\"2\""));
            assert!(first < third, "the two t3 events keep their order: {order:?}");
        }
    }

    proptest! {
        #[test]
        fn any_merge_of_the_same_events_replays_to_the_same_state(
            events in events(),
            keys in prop::collection::vec(any::<u32>(), 1..8),
        ) {
            let list = checklist(&["a", "b", "c"]);
            let other = merged(&events, &keys);
            let one = RunState::replay(&list, &events);
            let two = RunState::replay(&list, &other);
            for i in 0..3 {
                prop_assert_eq!(one.item(i), two.item(i));
            }
            prop_assert_eq!(one.started(), two.started());
            prop_assert_eq!(one.last_changed(), two.last_changed());
        }
    }
}

#[test]
fn a_parameter_takes_its_latest_value_by_time_else_its_default() {
    let mut b = ChecklistBuilder::new("T".into(), None);
    for (name, default) in [("version", None), ("env", Some("staging"))] {
        b.param(crate::checklist::Param {
            name: name.into(),
            description: None,
            default: default.map(Into::into),
            secret: false,
        });
    }
    b.phase(None, "P".into(), None).unwrap();
    b.section(None, "S".into()).unwrap();
    b.item(None, "a".into(), None).unwrap();
    let list = b.finish();
    let set = |at: &str, by: &str, value: &str| Event {
        item: String::new(),
        ..event(
            at,
            by,
            "",
            Change::Param {
                name: "version".into(),
                value: value.into(),
            },
        )
    };
    let fresh = RunState::replay(&list, &[]);
    assert_eq!(fresh.missing_params(&list), ["version"]);
    assert_eq!(fresh.values(&list).get("env").map(String::as_str), Some("staging"));
    // Merged out of order: the later value wins whatever the file order.
    let run = RunState::replay(&list, &[set("t5", "bob", "2.3.1"), set("t2", "alice", "2.3.0")]);
    assert!(run.missing_params(&list).is_empty());
    assert_eq!(run.values(&list)["version"], "2.3.1");
    assert_eq!(run.param_values()["version"].2, "bob");
    assert_eq!(run.orphans().count(), 0, "a run's event is no orphan");
}

#[test]
fn evidence_and_forced_changes_are_kept_with_the_item() {
    let list = checklist(&["a"]);
    let evidence = |exit: i32| Evidence {
        kind: EvidenceKind::Exec,
        command: "make".into(),
        exit: Some(exit),
        timed_out: false,
        interrupted: false,
        millis: 10,
        output: Vec::new(),
    };
    let failed = Event {
        evidence: Some(evidence(2)),
        ..event("t1", "alice", "a", Change::Ran)
    };
    let run = RunState::replay(&list, std::slice::from_ref(&failed));
    assert_eq!(run.item(0).status, Status::Todo, "a failed run changes nothing");
    assert!(!run.item(0).evidence.as_ref().unwrap().0.passed());
    assert_eq!(run.item(0).changed, None, "and is nothing to undo");
    let passed = Event {
        evidence: Some(evidence(0)),
        forced: true,
        ..event("t2", "bob", "a", done())
    };
    let run = RunState::replay(&list, &[failed, passed]);
    assert_eq!(run.item(0).status, Status::Done);
    assert!(run.item(0).forced);
    let (kept, _, by) = run.item(0).evidence.clone().unwrap();
    assert_eq!((kept.summary().as_str(), by.as_str()), ("exit 0 in 0.0 s", "bob"));
}

#[test]
fn a_proof_that_fails_after_the_tick_flags_the_item_and_a_new_status_clears_it() {
    use super::Proof;
    let list = checklist(&["a"]);
    let verify = |exit: i32| Evidence {
        kind: EvidenceKind::Verify,
        command: "test -f ok".into(),
        exit: Some(exit),
        timed_out: false,
        interrupted: false,
        millis: 10,
        output: Vec::new(),
    };
    let proven = Event {
        evidence: Some(verify(0)),
        ..event("t1", "alice", "a", done())
    };
    let failed = Event {
        evidence: Some(verify(1)),
        ..event("t2", "bob", "a", Change::Ran)
    };
    let run = RunState::replay(&list, std::slice::from_ref(&proven));
    assert_eq!(run.item(0).proof, Proof::Passed);
    let run = RunState::replay(&list, &[proven.clone(), failed.clone()]);
    assert_eq!(run.item(0).status, Status::Done, "a failed proof never unticks");
    assert!(run.item(0).proof_failed());
    let again = event("t3", "carol", "a", Change::Status(Status::Todo));
    let run = RunState::replay(&list, &[proven.clone(), failed.clone(), again]);
    assert!(!run.item(0).proof_failed() && run.item(0).proof == Proof::None);
    let by_hand = event("t3", "carol", "a", done());
    let run = RunState::replay(&list, &[failed, by_hand]);
    assert_eq!(
        run.item(0).proof,
        Proof::None,
        "ticked by hand after a failure: no proof yet"
    );
}

mod stamps;
