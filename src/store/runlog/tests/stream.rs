//! A log replayed as it is read: the run it gives, and what it keeps of the
//! events (only those dated ahead of the clock, which a kept state warns of).

use std::time::{Duration, SystemTime};

use super::*;
use crate::checklist::{Checklist, ChecklistBuilder};
use crate::run::RunState;

fn deploy() -> Checklist {
    let mut b = ChecklistBuilder::new("Deploy".into(), None);
    b.phase(None, "P".into(), None).unwrap();
    b.section(None, "S".into()).unwrap();
    for title in ["A", "B"] {
        b.item(None, title.into(), None).unwrap();
    }
    b.finish()
}

/// A tick of `item` dated `ahead` past now.
fn tick_ahead(item: &str, ahead: Duration) -> Event {
    let stamp = Stamp::new(Timestamp::from_system(SystemTime::now() + ahead), "bob");
    Event::on_item(stamp, item, Change::Status(Status::Done))
}

#[test]
fn a_log_replayed_as_it_is_read_keeps_only_the_events_dated_ahead_of_the_clock() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    let soon = tick_ahead("p/s/b", Duration::from_secs(3600));
    let far = tick_ahead("p/s/a", Duration::from_secs(3 * 24 * 3600));
    log.append(&[tick("p/s/a"), soon.clone(), far.clone()]).unwrap();
    let (contents, state) = log.read_replayed(&deploy()).unwrap();
    assert_eq!(contents.events, [soon]);
    assert_eq!(contents.left_out, [far]);
    assert_eq!(contents.warnings.len(), 1, "{:?}", contents.warnings);
    let whole = log.read().unwrap();
    assert_eq!(state.parts(), RunState::replay(&deploy(), &whole.events).parts());
    assert_eq!(contents.mark, whole.mark);
}

#[test]
fn a_log_whose_item_changes_are_out_of_time_order_is_replayed_in_time_order() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    let earlier = Event {
        stamp: Stamp::new(Timestamp::parse("2026-11-29T09:00:00Z").unwrap(), "carol"),
        ..tick("p/s/a")
    };
    let untick = Event::on_item(
        Stamp::new(Timestamp::parse("2026-11-29T08:00:00Z").unwrap(), "dave"),
        "p/s/a",
        Change::Status(Status::Todo),
    );
    log.append(&[tick("p/s/a"), earlier, untick]).unwrap();
    let (contents, state) = log.read_replayed(&deploy()).unwrap();
    assert!(contents.events.is_empty());
    assert_eq!(state.item(0).status, Status::Done, "the latest change by time stands");
    assert_eq!(state.operators(), ["dave", "carol", "alice"]);
}

#[test]
fn a_log_of_another_checklist_is_refused_when_replayed_as_read_and_a_missing_one_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    let (contents, state) = log.read_replayed(&deploy()).unwrap();
    assert!(contents.header.is_none() && state.event_count() == 0);
    log.append(&[tick("p/s/a")]).unwrap();
    let other = RunLog::new(log.path().to_path_buf(), identity("Other"));
    assert_eq!(
        other.read_replayed(&deploy()).unwrap_err().kind(),
        ErrorKind::OtherChecklist
    );
}

#[test]
fn a_last_event_without_newline_read_whole_is_not_read_again_by_the_tail() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    log.append(&[tick("p/s/a")]).unwrap();
    let mut file = std::fs::OpenOptions::new().append(true).open(log.path()).unwrap();
    file.write_all(line::event_line(&tick("p/s/b")).unwrap().trim_end().as_bytes())
        .unwrap();
    let whole = log.read().unwrap();
    let (_, state) = log.read_replayed(&deploy()).unwrap();
    assert_eq!(state.event_count(), 2);
    assert_eq!(log.read_replayed(&deploy()).unwrap().0.mark, whole.mark);
    // The next append adds the missing newline, then its own line.
    log.append(&[Event::on_item(
        tick("p/s/a").stamp,
        "p/s/a",
        Change::Note(Some("n".into())),
    )])
    .unwrap();
    let tailed = log.read_from(&whole.mark).unwrap().expect("the same file, grown");
    let items: Vec<_> = tailed.events.iter().map(Event::subject_name).collect();
    assert_eq!(items, ["p/s/a"], "only the note is new");
    assert_eq!(
        tailed.mark,
        log.read().unwrap().mark,
        "numbered and ended as a whole read"
    );
}

#[test]
fn a_header_of_another_run_appended_is_refused_by_a_tail_as_by_a_whole_read() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    log.append(&[tick("p/s/a")]).unwrap();
    let mark = log.read().unwrap().mark;
    let other_run = Header {
        run: "hotfix".into(),
        ..identity("Deploy")
    };
    let mut file = std::fs::OpenOptions::new().append(true).open(log.path()).unwrap();
    file.write_all(line::header_line(&other_run).unwrap().as_bytes())
        .unwrap();
    file.write_all(line::event_line(&tick("p/s/b")).unwrap().as_bytes())
        .unwrap();
    let whole = log.read().unwrap_err();
    assert_eq!(whole.kind(), ErrorKind::OtherChecklist);
    let tailed = log.read_from(&mark).unwrap_err();
    assert_eq!(
        tailed.message(),
        whole.message(),
        "the same refusal, naming the same line"
    );
}
