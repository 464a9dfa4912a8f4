//! The arithmetic of the timing report on a small run.

use super::*;
use crate::run::{Evidence, EvidenceKind, Stamp};

fn runbook() -> Checklist {
    crate::checklist::sample::phases(&[("Prepare", false, &["a", "b"]), ("Deploy", true, &["c"])])
}

fn at(minute: u32) -> Timestamp {
    Timestamp::parse(&format!("2026-11-29T10:{minute:02}:00Z")).unwrap()
}

fn event(minute: u32, by: &str, item: &str, change: Change) -> Event {
    Event::on_item(Stamp::new(at(minute), by), item, change)
}

fn done() -> Change {
    Change::Status(Status::Done)
}

#[test]
fn phases_start_at_their_first_event_and_complete_at_the_event_that_completed_them() {
    let list = runbook();
    let failed = event(3, "bob", "prepare/s/b", Change::Ran).with_evidence(Evidence {
        kind: EvidenceKind::Verify,
        command: "x".into(),
        exit: Some(1),
        timed_out: false,
        interrupted: false,
        millis: 5,
        output: Vec::new(),
    });
    let forced = event(4, "carol", "deploy/s/c", done()).with_force(true);
    let events = vec![
        event(
            20,
            "alice",
            "prepare/s/b",
            Change::Status(Status::Skipped { reason: None }),
        ),
        event(1, "alice", "prepare/s/a", done()),
        failed,
        forced,
        // Unticked and ticked again: the later completion counts.
        event(6, "carol", "deploy/s/c", Change::Status(Status::Todo)),
        event(31, "carol", "deploy/s/c", done()),
    ];
    let report = measure(&list, &events);
    let prepare = &report.phases[0];
    assert_eq!((prepare.started, prepare.completed), (Some(at(1)), Some(at(20))));
    assert_eq!(prepare.duration(), Some(Duration::from_secs(19 * 60)));
    assert_eq!(prepare.operators.iter().collect::<Vec<_>>(), ["alice", "bob"]);
    assert_eq!((prepare.forced, prepare.failed), (0, 1));
    let deploy = &report.phases[1];
    assert_eq!((deploy.started, deploy.completed), (Some(at(4)), Some(at(31))));
    assert_eq!((deploy.forced, deploy.failed), (1, 0));
    assert_eq!(report.overall.completed, Some(at(31)));
    assert_eq!(report.overall.duration(), Some(Duration::from_secs(30 * 60)));
    let longest: Vec<(usize, u64)> = report.longest.iter().map(|s| (s.item, s.took.as_secs() / 60)).collect();
    assert_eq!(
        longest,
        [(1, 19), (2, 11), (0, 0)],
        "minutes since the completion before"
    );
}

#[test]
fn an_open_phase_has_no_completion_and_durations_read_as_people_say_them() {
    let list = runbook();
    let report = measure(&list, &[event(1, "alice", "prepare/s/a", done())]);
    assert_eq!(report.phases[0].completed, None);
    assert_eq!(report.phases[0].duration(), None);
    assert_eq!(report.phases[1], Span::default());
    assert_eq!(human(Duration::from_secs(12)), "12s");
    assert_eq!(human(Duration::from_secs(303)), "5m 03s");
    assert_eq!(human(Duration::from_secs(3720)), "1h 02m");
}
