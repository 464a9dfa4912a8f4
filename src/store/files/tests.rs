use std::time::Duration;

use super::*;

#[cfg(unix)]
fn fifo(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("fifo");
    nix::unistd::mkfifo(&path, nix::sys::stat::Mode::S_IRWXU).unwrap();
    path
}

#[test]
fn a_regular_file_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, "hello").unwrap();
    assert_eq!(read_regular(&path, 5).unwrap(), b"hello");
    assert!(matches!(read_regular(&path, 4), Err(FileError::TooLarge { limit: 4 })));
    assert!(matches!(
        read_regular(&dir.path().join("none"), 4),
        Err(FileError::NotFound)
    ));
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let err = read_regular(dir.path(), 10).unwrap_err();
    assert_eq!(err.to_string(), "is a directory, not a regular file");
}

#[cfg(unix)]
#[test]
fn a_fifo_and_dev_zero_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = fifo(dir.path());
    // Opening a FIFO nobody writes to would block for ever: read on a thread
    // of its own, so that a hang fails the test instead of stalling it.
    let (sent, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let errors = [
            read_regular(&fifo, 10).map_err(|e| e.to_string()),
            read_regular(Path::new("/dev/zero"), 10).map_err(|e| e.to_string()),
        ];
        sent.send(errors).unwrap();
    });
    let errors = received
        .recv_timeout(Duration::from_secs(60))
        .expect("reading a FIFO or /dev/zero hung");
    assert_eq!(
        errors,
        [
            Err("is a FIFO (named pipe), not a regular file".to_owned()),
            Err("is a character device, not a regular file".to_owned()),
        ]
    );
}

fn own(head: &[u8]) -> bool {
    head.starts_with(b"ours")
}

#[test]
fn a_new_file_is_written_and_an_existing_one_only_when_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.md");
    Target::check(&path, Replace::Never).unwrap().write("ours 1").unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "ours 1");
    assert!(matches!(Target::check(&path, Replace::Never), Err(FileError::Exists)));
    Target::check(&path, Replace::IfOwn(own))
        .unwrap()
        .write("theirs")
        .unwrap();
    assert!(matches!(
        Target::check(&path, Replace::IfOwn(own)),
        Err(FileError::Exists)
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), "theirs", "refusing wrote nothing");
    Target::check(&path, Replace::Always).unwrap().write("forced").unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "forced");
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["out.md"], "no temporary file is left behind");
}

#[test]
fn a_file_that_appears_after_the_check_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.md");
    let target = Target::check(&path, Replace::Never).unwrap();
    fs::write(&path, "made meanwhile").unwrap();
    assert!(matches!(target.write("mine"), Err(FileError::Exists)));
    assert_eq!(fs::read_to_string(&path).unwrap(), "made meanwhile");
}

#[cfg(unix)]
#[test]
fn a_replaced_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.md");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    Target::check(&path, Replace::Always).unwrap().write("new").unwrap();
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
}

#[cfg(unix)]
#[test]
fn symlinks_fifos_and_devices_are_never_replaced_even_when_forced() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.md");
    fs::write(&target, "kept").unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert!(matches!(Target::check(&link, Replace::Always), Err(FileError::Symlink)));
    let fifo = fifo(dir.path());
    let err = Target::check(&fifo, Replace::Always).unwrap_err();
    assert_eq!(err.to_string(), "is a FIFO (named pipe), not a regular file");
    let err = Target::check(Path::new("/dev/null"), Replace::Always).unwrap_err();
    assert_eq!(err.to_string(), "is a character device, not a regular file");
    assert_eq!(fs::read_to_string(&target).unwrap(), "kept");
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
}
