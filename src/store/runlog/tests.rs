//! The run log file: appends, reads, torn lines, foreign files and errors.

use std::fs;

use super::*;
use crate::checklist::Status;
use crate::run::{Change, Stamp};
use crate::timestamp::Timestamp;

pub(super) fn identity(checklist: &str) -> Header {
    Header {
        checklist: checklist.into(),
        file: "deploy.yaml".into(),
        run: "default".into(),
        created: "2026-11-29T10:00:00Z".into(),
    }
}

pub(super) fn tick(item: &str) -> Event {
    let stamp = Stamp::new(Timestamp::parse("2026-11-29T10:02:11Z").unwrap(), "alice");
    Event::on_item(stamp, item, Change::Status(Status::Done))
}

pub(super) fn log_in(dir: &tempfile::TempDir) -> RunLog {
    RunLog::new(dir.path().join("runs/default.jsonl"), identity("Deploy"))
}

#[test]
fn a_missing_log_is_an_empty_run_and_reading_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    let contents = log.read().unwrap();
    assert!(contents.header.is_none() && contents.events.is_empty());
    assert!(!dir.path().join("runs").exists());
}

#[test]
fn the_first_append_writes_the_header_then_events_follow() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    log.append(&[tick("p/s/a")]).unwrap();
    log.append(&[tick("p/s/b"), tick("p/s/c")]).unwrap();
    let text = fs::read_to_string(log.path()).unwrap();
    assert_eq!(text.lines().count(), 4);
    assert!(
        text.starts_with("{\"preflight\":\"run log\",\"version\":1,\"checklist\":\"Deploy\""),
        "{text}"
    );
    let contents = log.read().unwrap();
    assert_eq!(contents.header, Some(identity("Deploy")));
    let items: Vec<_> = contents.events.iter().map(Event::subject_name).collect();
    assert_eq!(items, ["p/s/a", "p/s/b", "p/s/c"]);
    assert!(contents.warnings.is_empty());
}

#[cfg(unix)]
#[test]
fn starting_a_run_writes_its_header_alone_and_keeps_what_a_log_holds() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    log.start().unwrap();
    let contents = log.read().unwrap();
    assert_eq!(contents.header, Some(identity("Deploy")), "the run exists");
    assert!(contents.events.is_empty());
    log.append(&[tick("p/s/a")]).unwrap();
    log.start().unwrap();
    let text = fs::read_to_string(log.path()).unwrap();
    assert_eq!(text.lines().count(), 2, "one header, one event: {text}");
    let other = RunLog::new(log.path().to_path_buf(), identity("Release"));
    assert!(other.start().is_err(), "a log of another checklist is not started over");
}

#[test]
fn files_and_folders_are_private_to_their_owner() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    log.append(&[tick("p/s/a")]).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(log.path()), 0o600);
    assert_eq!(mode(&log.lock_path()), 0o600);
    assert_eq!(mode(&dir.path().join("runs")), 0o700);
}

#[test]
fn a_garbage_line_is_reported_by_number_and_the_file_is_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    log.append(&[tick("p/s/a")]).unwrap();
    let mut bytes = fs::read(log.path()).unwrap();
    bytes.extend_from_slice(b"this is not json\n");
    bytes.extend_from_slice(line::event_line(&tick("p/s/b")).unwrap().as_bytes());
    fs::write(log.path(), &bytes).unwrap();
    let contents = log.read().unwrap();
    assert_eq!(contents.events.len(), 2);
    assert_eq!(contents.warnings.len(), 1);
    assert_eq!(contents.warnings[0].line, 3);
    assert!(contents.warnings[0].message.starts_with("skipped an invalid line"));
    assert_eq!(fs::read(log.path()).unwrap(), bytes);
}

#[test]
fn a_torn_last_line_is_skipped_and_the_next_append_steps_over_it() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    log.append(&[tick("p/s/a")]).unwrap();
    let mut file = OpenOptions::new().append(true).open(log.path()).unwrap();
    file.write_all(b"{\"at\":\"2026-11-29T10:0").unwrap();
    let contents = log.read().unwrap();
    assert_eq!(contents.events.len(), 1);
    assert_eq!(contents.warnings[0].line, 3);
    assert!(contents.warnings[0].message.contains("incomplete"));
    log.append(&[tick("p/s/b")]).unwrap();
    let contents = log.read().unwrap();
    let items: Vec<_> = contents.events.iter().map(Event::subject_name).collect();
    assert_eq!(items, ["p/s/a", "p/s/b"], "the new tick is intact");
    assert!(
        contents.warnings.is_empty(),
        "the torn bytes were cut off: {:?}",
        contents.warnings
    );
}

#[test]
fn a_torn_last_line_longer_than_the_read_window_is_cut_off_too() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    log.append(&[tick("p/s/a")]).unwrap();
    let good = fs::metadata(log.path()).unwrap().len();
    let mut torn = tick("p/s/b");
    torn.change = Change::Note(Some("x".repeat(3 << 20)));
    let line = line::event_line(&torn).unwrap();
    let mut file = OpenOptions::new().append(true).open(log.path()).unwrap();
    file.write_all(&line.as_bytes()[..line.len() - 10]).unwrap();
    drop(file);
    torn.change = Change::Status(Status::Done);
    log.append(&[torn]).unwrap();
    let bytes = fs::read(log.path()).unwrap();
    assert!(
        bytes.len() < usize::try_from(good).unwrap() + 200,
        "the 3 MB torn line was cut off"
    );
    let contents = log.read().unwrap();
    assert!(contents.warnings.is_empty(), "{:?}", contents.warnings);
    assert_eq!(contents.events.len(), 2);
}

#[test]
fn a_hand_written_last_line_without_newline_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    log.append(&[tick("p/s/a")]).unwrap();
    let mut file = OpenOptions::new().append(true).open(log.path()).unwrap();
    file.write_all(line::event_line(&tick("p/s/b")).unwrap().trim_end().as_bytes())
        .unwrap();
    log.append(&[tick("p/s/c")]).unwrap();
    let items: Vec<_> = log
        .read()
        .unwrap()
        .events
        .iter()
        .map(|e| e.subject_name().to_owned())
        .collect();
    assert_eq!(items, ["p/s/a", "p/s/b", "p/s/c"]);

    let mut file = OpenOptions::new().append(true).open(log.path()).unwrap();
    file.write_all(b"# a comment someone typed").unwrap();
    log.append(&[tick("p/s/d")]).unwrap();
    let text = fs::read_to_string(log.path()).unwrap();
    assert!(
        text.contains("# a comment someone typed\n"),
        "kept on a line of its own"
    );
    assert_eq!(log.read().unwrap().events.len(), 4);
}

#[test]
fn an_interrupted_creation_holds_no_event_and_is_started_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    fs::create_dir_all(log.path().parent().unwrap()).unwrap();
    fs::write(log.path(), b"{\"preflight\":\"run lo").unwrap();
    let contents = log.read().unwrap();
    assert!(contents.events.is_empty());
    assert_eq!(contents.warnings.len(), 1);
    log.append(&[tick("p/s/a")]).unwrap();
    let contents = log.read().unwrap();
    assert_eq!(contents.events.len(), 1);
    assert!(contents.warnings.is_empty());
}

#[test]
fn a_log_of_another_checklist_is_refused_for_reading_and_writing() {
    let dir = tempfile::tempdir().unwrap();
    log_in(&dir).append(&[tick("p/s/a")]).unwrap();
    let other = RunLog::new(dir.path().join("runs/default.jsonl"), identity("Release"));
    let before = fs::read(other.path()).unwrap();
    let err = other.read().unwrap_err().to_string();
    assert!(
        err.contains("belongs to the checklist \"Deploy\" (deploy.yaml), not to \"Release\""),
        "{err}"
    );
    assert!(other.append(&[tick("p/s/b")]).is_err());
    assert_eq!(fs::read(other.path()).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_run_log_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deploy.yaml");
    fs::write(&path, "title: Deploy\nphases: []\n").unwrap();
    let log = RunLog::new(path.clone(), identity("Deploy"));
    let err = log.read().unwrap_err().to_string();
    assert!(err.contains("is not a preflight run log"), "{err}");
    let err = log.append(&[tick("p/s/a")]).unwrap_err().to_string();
    assert!(err.contains("will not write to this file"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "title: Deploy\nphases: []\n");
}

#[test]
fn a_directory_in_place_of_the_log_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let log = RunLog::new(dir.path().to_path_buf(), identity("Deploy"));
    assert!(
        log.read()
            .unwrap_err()
            .to_string()
            .contains("is a directory, not a run log")
    );
    assert!(
        log.append(&[tick("p/s/a")])
            .unwrap_err()
            .to_string()
            .contains("is a directory")
    );
}

#[test]
fn tailing_reads_only_new_complete_lines() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    log.append(&[tick("p/s/a")]).unwrap();
    let first = log.read().unwrap();
    assert_eq!(first.mark.end, fs::metadata(log.path()).unwrap().len());
    assert_eq!(first.mark.lines, 2);
    let nothing = log.read_from(&first.mark).unwrap().unwrap();
    assert!(nothing.events.is_empty());
    assert_eq!(nothing.mark, first.mark);

    log.append(&[tick("p/s/b")]).unwrap();
    let mut file = OpenOptions::new().append(true).open(log.path()).unwrap();
    file.write_all(b"{\"at\":\"2026").unwrap();
    let next = log.read_from(&first.mark).unwrap().unwrap();
    let items: Vec<_> = next.events.iter().map(Event::subject_name).collect();
    assert_eq!(items, ["p/s/b"], "the half-written line waits");
    assert_eq!(next.mark.lines, 3);
    assert!(next.mark.end < fs::metadata(log.path()).unwrap().len());
    assert!(
        log.read_from(&next.mark).unwrap().unwrap().events.is_empty(),
        "tails on from there"
    );
}

#[test]
fn a_log_that_shrank_must_be_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    log.append(&[tick("p/s/a"), tick("p/s/b")]).unwrap();
    let contents = log.read().unwrap();
    fs::write(log.path(), b"").unwrap();
    assert!(log.read_from(&contents.mark).unwrap().is_none());
}

#[test]
fn a_log_replaced_by_another_file_or_rewritten_in_place_must_be_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    log.append(&[tick("p/s/a")]).unwrap();
    let seen = log.read().unwrap();

    // `git pull` or `mv`: another file, longer than what was read.
    let moved = dir.path().join("other.jsonl");
    let other = RunLog::new(moved.clone(), identity("Deploy"));
    other.append(&[tick("p/s/b"), tick("p/s/c"), tick("p/s/d")]).unwrap();
    fs::rename(&moved, log.path()).unwrap();
    assert!(log.read_from(&seen.mark).unwrap().is_none(), "another inode");

    // Rewritten in place, longer, with other lines where the old ones were.
    let seen = log.read().unwrap();
    let mut text = fs::read_to_string(log.path()).unwrap();
    text = text.replace("p/s/d", "p/s/x");
    text.push_str(&line::event_line(&tick("p/s/e")).unwrap());
    let mut file = OpenOptions::new().write(true).open(log.path()).unwrap();
    file.write_all(text.as_bytes()).unwrap();
    assert!(log.read_from(&seen.mark).unwrap().is_none(), "no longer a continuation");
}

#[test]
fn a_second_header_of_the_same_run_is_accepted_and_one_of_another_checklist_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    log.append(&[tick("p/s/a")]).unwrap();
    // Two people created the run independently; git's union merge kept both headers.
    let header = line::header_line(&identity("Deploy")).unwrap();
    let mut file = OpenOptions::new().append(true).open(log.path()).unwrap();
    file.write_all(header.as_bytes()).unwrap();
    drop(file);
    log.append(&[tick("p/s/b")]).unwrap();
    let contents = log.read().unwrap();
    assert!(contents.warnings.is_empty(), "{:?}", contents.warnings);
    assert_eq!(contents.events.len(), 2);
    let tailed = log.read_from(&Mark::default()).unwrap().unwrap();
    assert_eq!(tailed.events.len(), 2);

    let foreign = line::header_line(&identity("Release")).unwrap();
    let mut file = OpenOptions::new().append(true).open(log.path()).unwrap();
    file.write_all(foreign.as_bytes()).unwrap();
    drop(file);
    let err = log.read().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OtherChecklist);
    assert!(
        err.message()
            .contains("line 5 starts the log of run \"default\" of \"Release\""),
        "{err}"
    );
    let err = log.read_from(&contents.mark).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OtherChecklist, "tailing finds it too");
}

mod fuzz;
mod stream;

#[test]
fn a_param_value_pinned_far_ahead_is_left_out_whole_reads_and_tails_alike() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    log.append(&[tick("p/s/a")]).unwrap();
    let mark = log.read().unwrap().mark;
    let pin = "{\"at\":\"9999-12-31T23:59:59.999Z\",\"by\":\"~\",\"param\":\"env\",\"value\":\"production\"}\n";
    let mut bytes = fs::read(log.path()).unwrap();
    bytes.extend_from_slice(pin.as_bytes());
    fs::write(log.path(), &bytes).unwrap();
    let whole = log.read().unwrap();
    let tail = log.read_from(&mark).unwrap().unwrap();
    for contents in [whole, tail] {
        assert!(!contents.events.iter().any(|e| e.stamp.by == "~"), "left out of replay");
        assert_eq!(contents.left_out.len(), 1);
        assert_eq!(contents.warnings.len(), 1);
        assert_eq!(contents.warnings[0].line, 3);
        assert!(
            contents.warnings[0]
                .message
                .starts_with("left out of the run: dated 9999-12-31T23:59:59.999Z")
                && contents.warnings[0].message.contains("by ~"),
            "{}",
            contents.warnings[0].message
        );
    }
    assert_eq!(fs::read(log.path()).unwrap(), bytes, "reading changes nothing");
}
