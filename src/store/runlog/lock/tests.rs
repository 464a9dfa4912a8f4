//! Symbolic links in place of a run log or its lock, and what is done under
//! the lock.

use std::fs;
use std::os::unix::fs::symlink;

use super::super::ErrorKind;
use super::super::tests::{log_in, tick};

#[test]
fn a_run_log_that_is_a_symlink_is_refused_for_reading_and_writing_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    fs::create_dir_all(dir.path().join("runs")).unwrap();
    let outside = dir.path().join("outside.jsonl");
    symlink(&outside, log.path()).unwrap();
    for err in [
        log.append(&[tick("p/s/a")]).unwrap_err(),
        log.read().unwrap_err(),
        log.header().unwrap_err(),
        log.read_from(&super::super::Mark::default()).unwrap_err(),
    ] {
        assert_eq!(err.kind(), ErrorKind::NotAFile);
        assert!(err.to_string().contains("default.jsonl: is a symbolic link"), "{err}");
    }
    assert!(!outside.exists(), "nothing was created through the link");
}

#[test]
fn a_lock_that_is_a_symlink_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    fs::create_dir_all(dir.path().join("runs")).unwrap();
    let outside = dir.path().join("elsewhere");
    symlink(&outside, dir.path().join("runs/default.jsonl.lock")).unwrap();
    let err = log.append(&[tick("p/s/a")]).unwrap_err();
    assert!(
        err.to_string().contains("default.jsonl.lock: is a symbolic link"),
        "{err}"
    );
    assert!(log.lock().is_err());
    assert!(!outside.exists() && !log.path().exists());
}

#[test]
fn replacing_under_the_lock_swaps_the_whole_file_and_keeps_it_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    let locked = log.lock().unwrap();
    assert_eq!(locked.bytes().unwrap(), None);
    locked.replace(b"one\n").unwrap();
    assert_eq!(locked.bytes().unwrap().as_deref(), Some(&b"one\n"[..]));
    let mode = fs::metadata(log.path()).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    locked.replace(b"two\n\xff\n").unwrap();
    assert_eq!(fs::read(log.path()).unwrap(), b"two\n\xff\n");
}

#[test]
fn a_writer_waits_for_a_held_lock_and_records_once_it_is_let_go() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    log.append(&[tick("p/s/a")]).unwrap();
    std::thread::scope(|scope| {
        let held = log.lock().unwrap();
        let writer = scope.spawn(|| log.append(&[tick("p/s/b")]));
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(!writer.is_finished(), "the writer waits while the lock is held");
        drop(held);
        writer.join().unwrap().unwrap();
    });
    assert_eq!(log.read().unwrap().events.len(), 2);
}

#[test]
fn a_lock_held_too_long_is_an_error_that_says_so_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_in(&dir);
    let held = log.lock().unwrap();
    let other = super::open_lock(log.path()).unwrap();
    let err = super::wait_for(log.path(), &other, std::time::Duration::ZERO).unwrap_err();
    assert!(
        err.to_string()
            .contains("is held by another preflight (a sync, or a writer)")
            && err.hint().contains("stuck"),
        "{err}"
    );
    drop(held);
    assert!(super::wait_for(log.path(), &other, std::time::Duration::ZERO).is_ok());
}
