//! What goes wrong with a run log: its kind, for callers that act on it,
//! and a message and hint, for people. A leaf: the log, its lock and its
//! reader all make these, from the path they were working on.

use std::fmt;
use std::io;
use std::path::Path;

use crate::store::files::FileError;
use crate::text::escape_for_terminal;

/// What kind of trouble a run log is in, for callers that act on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The path is a FIFO, a device, a directory…: nothing is read or created.
    NotAFile,
    /// The file is not a preflight run log; it is never written to.
    NotARunLog,
    /// The log belongs to another checklist.
    OtherChecklist,
    /// Reading or writing failed (permissions, a full disk…).
    Io,
    /// An event could not be encoded; nothing was written.
    Encoding,
}

/// A run log that cannot be used: its kind, a message that says why, and a
/// hint of what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunLogError {
    kind: ErrorKind,
    path: String,
    message: String,
    hint: String,
}

impl RunLogError {
    /// An error about the run log (or its lock) at `path`.
    pub(super) fn new(
        kind: ErrorKind,
        path: &Path,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> RunLogError {
        RunLogError {
            kind,
            path: escape_for_terminal(&path.display().to_string()),
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// Reading or writing `path` failed while doing `doing`: what the
    /// system said, in words, and what to try.
    pub(super) fn io(path: &Path, doing: &str, err: &io::Error) -> RunLogError {
        let (what, hint) = match err.kind() {
            io::ErrorKind::PermissionDenied => (
                "permission denied".to_owned(),
                "check the permissions of the file and its folder, or keep the run elsewhere with --state FILE",
            ),
            io::ErrorKind::IsADirectory => (
                "is a directory, not a run log".to_owned(),
                "--state takes a file name, for example --state deploy.run.jsonl",
            ),
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => (
                "the disk is full".to_owned(),
                "free some space and try again; nothing was recorded",
            ),
            io::ErrorKind::ReadOnlyFilesystem => (
                "the file system is read-only".to_owned(),
                "keep the run on a writable disk with --state FILE",
            ),
            _ => (err.to_string(), "check that the path is a writable file"),
        };
        RunLogError::new(ErrorKind::Io, path, format!("cannot {doing}: {what}"), hint)
    }

    /// A safe file operation on `path` refused or failed while doing `doing`.
    pub(super) fn file(path: &Path, doing: &str, err: FileError) -> RunLogError {
        match err {
            FileError::NotRegular(what) => RunLogError::new(
                ErrorKind::NotAFile,
                path,
                format!("is {what}, not a run log file"),
                "--state takes the name of a regular file (it is created when missing), for example --state deploy.run.jsonl",
            ),
            FileError::Io(err) => RunLogError::io(path, doing, &err),
            other => RunLogError::io(path, doing, &io::Error::other(other.to_string())),
        }
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// What is wrong, on one line, without the path or the hint: for a status
    /// line.
    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn hint(&self) -> &str {
        &self.hint
    }
}

impl fmt::Display for RunLogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "run log {}: {}\n  hint: {}", self.path, self.message, self.hint)
    }
}

impl std::error::Error for RunLogError {}
