//! The two-person rule: who counts, who does not, and that the order of the
//! events never matters.

use super::*;
use crate::checklist::Status;
use crate::gate;
use crate::run::{Change, Event, RunState};
use crate::timestamp::Timestamp;

/// Prepare (a, b), then Deploy (c), gated and needing `n` approvals.
fn deploy(n: usize) -> Checklist {
    crate::checklist::sample::approved(&[("Prepare", false, &["a", "b"]), ("Deploy", true, &["c"])], n)
}

fn stamp(second: u32, by: &str, login: Option<&str>) -> Stamp {
    let at = Timestamp::parse(&format!("2026-11-29T10:00:{second:02}Z")).unwrap();
    Stamp {
        login: login.map(Into::into),
        ..Stamp::new(at, by)
    }
}

fn tick(second: u32, by: &str, login: Option<&str>, item: &str) -> Event {
    Event::on_item(
        stamp(second, by, login),
        format!("prepare/s/{item}"),
        Change::Status(Status::Done),
    )
}

fn approve(second: u32, by: &str, login: Option<&str>) -> Event {
    Event::on_phase(stamp(second, by, login), "deploy", Change::Approve { note: None })
}

fn withdraw(second: u32, by: &str) -> Event {
    Event::on_phase(stamp(second, by, None), "deploy", Change::Withdraw)
}

/// Prepare done by alice (account alice).
fn worked() -> Vec<Event> {
    vec![
        tick(1, "alice", Some("alice"), "a"),
        tick(2, "alice", Some("alice"), "b"),
    ]
}

fn count(list: &Checklist, events: &[Event]) -> usize {
    RunState::replay(list, events).approvals().count(1)
}

#[test]
fn a_phase_opens_only_when_its_gate_is_open_and_enough_people_approved() {
    let list = deploy(2);
    let mut events = worked();
    let closed = |events: &[Event]| {
        let run = RunState::replay(&list, events);
        gate::item_closed(&list, &run.tally(&list), run.approvals(), 2).map(|c| c.message(&list))
    };
    assert_eq!(closed(&events).as_deref(), Some("Deploy needs 2 approvals"));
    events.push(approve(3, "bob", Some("bob")));
    assert_eq!(closed(&events).as_deref(), Some("Deploy needs 1 approval"));
    events.push(approve(4, "carol", Some("carol")));
    assert_eq!(closed(&events), None);
    let early = [approve(3, "bob", None)];
    assert_eq!(
        closed(&early).as_deref(),
        Some("Deploy is gated: Prepare has 2 open items, and it needs 1 approval")
    );
}

#[test]
fn an_ungated_phase_with_approvals_needs_only_them() {
    let list = crate::checklist::sample::approved(&[("Prepare", false, &["a"]), ("Deploy", false, &["c"])], 1);
    let run = RunState::replay(&list, &[]);
    let closed = gate::phase_closed(&list, &run.tally(&list), run.approvals(), 1).unwrap();
    assert_eq!((closed.blocker, closed.approvals), (None, 1));
}

#[test]
fn a_worker_of_an_earlier_phase_cannot_approve_by_name_or_by_login() {
    let list = deploy(1);
    let mut by_name = worked();
    by_name.push(approve(3, "alice", Some("other")));
    assert_eq!(count(&list, &by_name), 0, "alice worked on Prepare");
    let mut by_login = worked();
    by_login.push(approve(3, "mallory", Some("alice")));
    assert_eq!(count(&list, &by_login), 0, "alice's account, under another name");
    let run = RunState::replay(&list, &by_login);
    let standing = run.approvals().standing(1);
    assert!(standing[0].self_approval && !standing[0].counts());
    let mut worked_later = vec![approve(1, "bob", Some("bob"))];
    worked_later.push(tick(2, "bob", Some("bob"), "a"));
    assert_eq!(
        count(&list, &worked_later),
        0,
        "bob then worked on Prepare: no second person"
    );
}

#[test]
fn a_forced_approval_counts_and_says_so() {
    let list = deploy(1);
    let mut events = worked();
    events.push(approve(3, "alice", Some("alice")).with_force(true));
    let run = RunState::replay(&list, &events);
    let standing = run.approvals().standing(1);
    assert!(standing[0].self_approval && standing[0].verdict.forced && standing[0].counts());
    assert_eq!(run.approvals().count(1), 1);
}

#[test]
fn the_same_person_approving_twice_or_under_two_names_counts_once() {
    let list = deploy(2);
    let mut events = worked();
    events.extend([approve(3, "bob", Some("bob")), approve(4, "bob", Some("bob"))]);
    assert_eq!(count(&list, &events), 1);
    events.push(approve(5, "robert", Some("bob")));
    assert_eq!(count(&list, &events), 1, "bob's account as robert is still bob");
    events.push(approve(6, "carol", Some("carol")));
    assert_eq!(count(&list, &events), 2);
}

#[test]
fn a_withdrawal_takes_an_approval_back_and_the_latest_word_stands() {
    let list = deploy(1);
    let mut events = worked();
    events.extend([approve(3, "bob", None), withdraw(4, "bob")]);
    assert_eq!(count(&list, &events), 0);
    events.push(approve(5, "bob", None));
    assert_eq!(count(&list, &events), 1, "approved again");
    let tie = [approve(7, "carol", None), withdraw(7, "carol")];
    let reversed = [withdraw(7, "carol"), approve(7, "carol", None)];
    assert_eq!(count(&list, &tie), 0, "at the same time a withdrawal wins");
    assert_eq!(count(&list, &reversed), 0, "in either order");
}

#[test]
fn any_order_of_the_same_events_gives_the_same_approvals() {
    let list = deploy(2);
    let mut events = worked();
    events.extend([
        approve(3, "bob", Some("b")),
        approve(4, "carol", Some("b")),
        approve(5, "dave", Some("d")),
        withdraw(6, "dave"),
        approve(6, "erin", Some("e")),
    ]);
    let expected = count(&list, &events);
    assert_eq!(expected, 2, "bob and carol share an account; dave withdrew");
    for shift in 1..events.len() {
        let mut other = events.clone();
        other.rotate_left(shift);
        assert_eq!(count(&list, &other), expected);
    }
}

#[test]
fn a_tick_recorded_before_the_approvals_was_out_of_order_and_one_after_is_not() {
    let list = deploy(1);
    let mut events = worked();
    events.push(Event::on_item(
        stamp(3, "bob", None),
        "deploy/s/c",
        Change::Status(Status::Done),
    ));
    assert!(RunState::replay(&list, &events).item(2).out_of_order);
    events.push(approve(2, "carol", None));
    events.push(Event::on_item(
        stamp(4, "bob", None),
        "deploy/s/c",
        Change::Status(Status::Done),
    ));
    let run = RunState::replay(&list, &events);
    assert!(!run.item(2).out_of_order, "approved at 2, ticked again at 4");
}
