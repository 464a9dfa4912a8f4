//! The run log on disk: files and folders private to their owner, and what the
//! end of a log says about an interrupted write.

use std::fs::{File, OpenOptions};
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
pub(super) enum Ending {
    /// With a newline: append as is.
    Terminated,
    /// With a complete line that lacks its newline (a hand edit): add one.
    Unterminated,
    /// With the beginning of an event that a writer never finished: cut it off at
    /// `keep` bytes, so the log holds no torn line once writing resumes.
    TornWrite { keep: u64 },
}

/// How much of the log is read at a time, from its end, to find its last line.
const TAIL_CHUNK: u64 = 1 << 20;

/// How every event line preflight writes begins.
const EVENT_START: &[u8] = b"{\"at\":\"";

/// Where the last line of a log of `len` bytes begins: just past its last
/// newline, found by reading backwards a chunk at a time, however long the line.
fn last_line_start(file: &mut File, len: u64) -> io::Result<Option<u64>> {
    let mut end = len;
    let mut chunk = Vec::new();
    while end > 0 {
        let start = end.saturating_sub(TAIL_CHUNK);
        chunk.clear();
        file.seek(SeekFrom::Start(start))?;
        file.by_ref().take(end - start).read_to_end(&mut chunk)?;
        if let Some(newline) = chunk.iter().rposition(|&b| b == b'\n') {
            return Ok(Some(start + newline as u64 + 1));
        }
        end = start;
    }
    Ok(None)
}

pub(super) fn ending(file: &mut File, len: u64) -> io::Result<Ending> {
    let mut last_byte = [0];
    file.seek(SeekFrom::Start(len.saturating_sub(1)))?;
    if len == 0 || (file.read_exact(&mut last_byte).is_ok() && last_byte[0] == b'\n') {
        return Ok(Ending::Terminated);
    }
    let Some(keep) = last_line_start(file, len)? else {
        return Ok(Ending::Unterminated);
    };
    let mut head = Vec::new();
    file.seek(SeekFrom::Start(keep))?;
    file.by_ref().take(EVENT_START.len() as u64).read_to_end(&mut head)?;
    let ours = head.starts_with(EVENT_START) || EVENT_START.starts_with(&head);
    if !ours {
        return Ok(Ending::Unterminated);
    }
    // One of ours that does not end in a newline: torn, unless it is whole.
    let mut last = Vec::new();
    file.seek(SeekFrom::Start(keep))?;
    file.read_to_end(&mut last)?;
    let complete = std::str::from_utf8(&last).is_ok_and(|text| line::parse_event(text).is_ok());
    Ok(if complete {
        Ending::Unterminated
    } else {
        Ending::TornWrite { keep }
    })
}

/// Opens a file created private to its owner; a symbolic link in its place is
/// an error, never followed (the caller refuses links first, with a message:
/// this closes the gap between that check and the open).
#[cfg(unix)]
pub(super) fn private_file(options: &mut OpenOptions, path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    options
        .mode(0o600)
        .custom_flags(nix::fcntl::OFlag::O_NOFOLLOW.bits())
        .open(path)
}

/// Opens a file for reading without following a symbolic link.
#[cfg(unix)]
pub(super) fn open_nofollow(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .custom_flags(nix::fcntl::OFlag::O_NOFOLLOW.bits())
        .open(path)
}

#[cfg(not(unix))]
pub(super) fn open_nofollow(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(not(unix))]
pub(super) fn private_file(options: &mut OpenOptions, path: &Path) -> io::Result<File> {
    options.open(path)
}
