//! The run log on disk: files and folders private to their owner, and what the
//! end of a log says about an interrupted write.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use super::line;

/// The start of every header line as preflight writes it: a file that holds only
/// a piece of it is a log whose creation was interrupted.
const HEADER_START: &[u8] = b"{\"preflight\":\"run log\"";

/// A file that holds nothing but the beginning of a header: its first write was
/// cut short, so it holds no event and may be started afresh.
pub(super) fn is_torn_creation(bytes: &[u8]) -> bool {
    !bytes.contains(&b'\n') && (HEADER_START.starts_with(bytes) || bytes.starts_with(HEADER_START))
}

/// How the log ends, which decides what an append must do first.
pub(super) enum Tail {
    /// With a newline: append as is.
    Terminated,
    /// With a complete line that lacks its newline (a hand edit): add one.
    Unterminated,
    /// With the beginning of an event that a writer never finished: cut it off at
    /// `keep` bytes, so the log holds no torn line once writing resumes.
    TornWrite { keep: u64 },
}

/// How much of the end of the log is read to find its last line.
const TAIL_WINDOW: u64 = 1 << 20;

/// How every event line preflight writes begins.
const EVENT_START: &[u8] = b"{\"at\":\"";

pub(super) fn tail(file: &mut File, len: u64) -> io::Result<Tail> {
    let start = len.saturating_sub(TAIL_WINDOW);
    let mut bytes = Vec::new();
    file.seek(SeekFrom::Start(start))?;
    file.take(TAIL_WINDOW).read_to_end(&mut bytes)?;
    if bytes.ends_with(b"\n") {
        return Ok(Tail::Terminated);
    }
    let Some(newline) = bytes.iter().rposition(|&b| b == b'\n') else {
        return Ok(Tail::Unterminated);
    };
    let last = &bytes[newline + 1..];
    let complete = std::str::from_utf8(last).is_ok_and(|text| line::parse_event(text).is_ok());
    let ours = last.starts_with(EVENT_START) || EVENT_START.starts_with(last);
    Ok(if !complete && ours {
        Tail::TornWrite {
            keep: start + newline as u64 + 1,
        }
    } else {
        Tail::Unterminated
    })
}

#[cfg(unix)]
pub(super) fn private_file(options: &mut OpenOptions, path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    options.mode(0o600).open(path)
}

#[cfg(not(unix))]
pub(super) fn private_file(options: &mut OpenOptions, path: &Path) -> io::Result<File> {
    options.open(path)
}

#[cfg(unix)]
pub(super) fn create_private_dir(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new().recursive(true).mode(0o700).create(path)
}

#[cfg(not(unix))]
pub(super) fn create_private_dir(path: &Path) -> io::Result<()> {
    fs::create_dir_all(path)
}
