//! The run log: one JSON Lines file per (checklist, run), append-only.
//!
//! Its first line names the checklist and the run; every other line is one event.
//! A tick is one append of one line, made with a single write while holding an
//! exclusive lock on a sibling `.lock` file, then flushed to disk: concurrent
//! writers never interleave, an acknowledged tick survives a crash, and the cost
//! does not grow with the log. A crash can at worst leave a torn last line, which
//! readers report and skip, and which the next writer, holding the lock, cuts off:
//! its bytes were never acknowledged. Reading never changes the file.

mod disk;
mod error;
mod line;
mod lock;
mod mark;
pub(crate) mod merge;
pub(crate) mod place;
mod read;
mod scan;
mod tree;

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

pub use error::{ErrorKind, RunLogError};
pub use line::{Header, OUTPUT_LINE_CHARS, OUTPUT_LINES};
pub use lock::Locked;
pub use mark::{Mark, MarkParts};
pub use read::{AHEAD, Contents};

use crate::run::Event;
use crate::store::files::{self, FileError};
use crate::timestamp::Timestamp;
use disk::{Ending, ending, is_torn_creation, private_file};

/// A run log file, and what it must belong to.
#[derive(Debug, Clone)]
pub struct RunLog {
    path: PathBuf,
    /// Written as the first line of a new log; its checklist title is checked
    /// against the first line of an existing one.
    identity: Header,
}

/// A line of the log that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

/// The longest first line read when checking a header before an append.
const MAX_HEADER_BYTES: u64 = 64 * 1024;

/// The current time as the run log records it.
pub fn now() -> Timestamp {
    Timestamp::from_system(std::time::SystemTime::now())
}

impl RunLog {
    pub fn new(path: PathBuf, identity: Header) -> RunLog {
        RunLog { path, identity }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The checklist and run this log belongs to: what `sync` keeps a shared
    /// copy to.
    pub fn identity(&self) -> &Header {
        &self.identity
    }

    fn lock_path(&self) -> PathBuf {
        lock::lock_path(&self.path)
    }

    fn error(&self, kind: ErrorKind, message: impl Into<String>, hint: impl Into<String>) -> RunLogError {
        RunLogError::new(kind, &self.path, message, hint)
    }

    fn io_error(&self, doing: &str, err: &io::Error) -> RunLogError {
        RunLogError::io(&self.path, doing, err)
    }

    fn file_error(&self, doing: &str, err: FileError) -> RunLogError {
        RunLogError::file(&self.path, doing, err)
    }

    /// Refuses anything but a regular file, or nothing yet, before a byte is
    /// read or a lock file created. `Ok(false)` when the log does not exist.
    fn check_file(&self, doing: &str) -> Result<bool, RunLogError> {
        lock::check_file(&self.path, doing)
    }

    fn not_a_run_log(&self) -> RunLogError {
        self.error(
            ErrorKind::NotARunLog,
            "is not a preflight run log: its first line is not a run log header",
            "--state names the run log file itself; preflight will not write to this file",
        )
    }

    fn check_belongs(&self, header: &Header) -> Result<(), RunLogError> {
        if header.checklist == self.identity.checklist {
            return Ok(());
        }
        Err(self.error(
            ErrorKind::OtherChecklist,
            format!(
                "belongs to the checklist \"{}\" ({}), not to \"{}\"",
                header.checklist, header.file, self.identity.checklist
            ),
            "name the checklist this run is for, or choose another run with --run NAME or --state FILE",
        ))
    }

    /// Appends events with one write under an exclusive lock and flushes them to
    /// disk. On failure the file is cut back to its old length: what the log held
    /// before is never changed.
    pub fn append(&self, events: &[Event]) -> Result<(), RunLogError> {
        if events.is_empty() {
            return Ok(());
        }
        // Everything that can be checked is checked before anything is created.
        let mut lines = String::new();
        for event in events {
            let line = line::event_line(event).map_err(|e| self.encoding_error(&e))?;
            lines.push_str(&line);
        }
        self.write_after_header(&lines)
    }

    /// Starts the run: a log that does not exist yet is created with its
    /// header alone, so that a run named on purpose exists before its first
    /// change (`import --run` of a list with nothing ticked); an existing log
    /// of this checklist keeps what it holds.
    ///
    /// # Errors
    /// As [`RunLog::append`].
    pub fn start(&self) -> Result<(), RunLogError> {
        self.write_after_header("")
    }

    /// Appends `lines` under the lock, writing the header first when the log
    /// is new (or its creation was torn), and cuts back on failure.
    fn write_after_header(&self, lines: &str) -> Result<(), RunLogError> {
        let header = line::header_line(&self.identity).map_err(|e| self.encoding_error(&e))?;
        self.check_file("write it")?;
        let lock = lock::open_lock(&self.path)?;
        lock::wait_for(&self.path, &lock, lock::LOCK_WAIT)?;
        let mut file = private_file(OpenOptions::new().create(true).read(true).append(true), &self.path)
            .map_err(|e| self.io_error("open it for writing", &e))?;
        let mut old_len = file.metadata().map_err(|e| self.io_error("read it", &e))?.len();
        let mut text = String::new();
        let fresh = old_len == 0 || self.is_torn(&mut file, old_len)?;
        if fresh {
            file.set_len(0).map_err(|e| self.io_error("write it", &e))?;
            text.push_str(&header);
        } else {
            self.check_header(&mut file)?;
            match ending(&mut file, old_len).map_err(|e| self.io_error("read it", &e))? {
                Ending::Terminated => {}
                Ending::Unterminated => text.push('\n'),
                Ending::TornWrite { keep } => {
                    // A writer died mid-line: those bytes were never acknowledged.
                    file.set_len(keep).map_err(|e| self.io_error("write it", &e))?;
                    old_len = keep;
                }
            }
        }
        text.push_str(lines);
        if let Err(e) = file.write_all(text.as_bytes()).and_then(|()| file.sync_data()) {
            let _ = file.set_len(if fresh { 0 } else { old_len });
            return Err(self.io_error("write it", &e));
        }
        if old_len == 0
            && let Some(parent) = self.path.parent().filter(|p| !p.as_os_str().is_empty())
        {
            // Make the new file's name durable too, not only its contents.
            let _ = File::open(parent).and_then(|dir| dir.sync_all());
        }
        Ok(())
    }

    fn encoding_error(&self, err: &serde_json::Error) -> RunLogError {
        self.error(
            ErrorKind::Encoding,
            format!("cannot encode the change: {err}"),
            "nothing was recorded; please report this as a bug",
        )
    }

    fn is_torn(&self, file: &mut File, len: u64) -> Result<bool, RunLogError> {
        if len > MAX_HEADER_BYTES {
            return Ok(false);
        }
        let mut bytes = Vec::new();
        file.seek(SeekFrom::Start(0))
            .and_then(|_| file.read_to_end(&mut bytes))
            .map_err(|e| self.io_error("read it", &e))?;
        Ok(is_torn_creation(&bytes))
    }

    fn check_header(&self, file: &mut File) -> Result<(), RunLogError> {
        let header = self.first_line_header(file)?;
        self.check_belongs(&header)
    }

    fn first_line_header(&self, file: &mut File) -> Result<Header, RunLogError> {
        let mut first = Vec::new();
        file.seek(SeekFrom::Start(0))
            .and_then(|_| file.take(MAX_HEADER_BYTES).read_to_end(&mut first))
            .map_err(|e| self.io_error("read it", &e))?;
        let end = first.iter().position(|&b| b == b'\n').unwrap_or(first.len());
        std::str::from_utf8(&first[..end])
            .ok()
            .and_then(line::parse_header)
            .ok_or_else(|| self.not_a_run_log())
    }

    /// Takes the log's lock exclusively, waiting for whoever holds it.
    pub fn lock(&self) -> Result<Locked, RunLogError> {
        Locked::take(&self.path)
    }

    /// The log's first line, read alone (listing runs needs no more); `None`
    /// when there is no log.
    pub fn header(&self) -> Result<Option<Header>, RunLogError> {
        lock::refuse_links(&self.path)?;
        match files::open_regular(&self.path) {
            Ok(mut file) => self.first_line_header(&mut file).map(Some),
            Err(FileError::NotFound) => Ok(None),
            Err(e) => Err(self.file_error("read it", e)),
        }
    }
}

/// Reads one event line as the log holds it; for callers that compare logs
/// line by line (what a `git pull` brought in).
pub fn parse_event_line(text: &str) -> Result<Event, String> {
    line::parse_event(text)
}

#[cfg(test)]
mod tests;
