//! Replay: statuses, skips with reasons, unticks, notes, orphans.

use super::*;
use crate::checklist::{Checklist, ChecklistBuilder, Status};
use crate::gate::Passage;
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
    Event::on_item(Stamp::new(stamp(at), by), format!("p/s/{item}"), change).with_title(item.to_uppercase())
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
    assert_eq!(run.item(0).set, Some(Stamp::new(stamp("t4"), "carol")));
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
    assert_eq!(
        run.item(0).set.as_ref().map(|s| s.at),
        Some(stamp("t2")),
        "a note is not a status change"
    );
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
    assert_eq!(run.item(0).changed, Some(Stamp::new(stamp("t3"), "bob")));
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

#[test]
fn only_a_change_in_a_closed_gated_phase_counts_and_the_flag_decides_which_kind() {
    let list = crate::checklist::sample::phases(&[
        ("Prepare", false, &["a", "b"]),
        ("Soak", false, &["c"]),
        ("Deploy", true, &["d"]),
    ]);
    let ids = ["prepare/s/a", "prepare/s/b", "soak/s/c", "deploy/s/d"];
    let at = crate::timestamp::Timestamp::parse("2026-11-29T10:00:00Z").unwrap();
    let tick = |index: usize, forced| {
        Event::on_item(Stamp::new(at, "a"), ids[index], Change::Status(Status::Done)).with_force(forced)
    };
    // d in Deploy, gated: forced while closed, then out of order while
    // closed; a, b, c done; then a forced flag on an open gate means nothing.
    let moves = [
        tick(3, true),
        tick(3, false),
        tick(0, true),
        tick(1, false),
        tick(2, false),
        tick(3, true),
        Event::param(Stamp::new(at, "a"), "v", "1"),
    ];
    assert_eq!(
        passages(&list, &moves),
        vec![
            Passage::Overridden,
            Passage::OutOfOrder,
            Passage::Open,
            Passage::Open,
            Passage::Open,
            Passage::Open,
            Passage::Open
        ]
    );
}

mod merge;
mod runbook;
mod stamps;
mod stream;
