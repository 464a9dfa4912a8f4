//! The run log's lock, and what may be done while holding it.
//!
//! Every writer takes an exclusive lock on a sibling `.lock` file before it
//! appends; readers take it shared. `sync` holds it exclusively while it
//! reads, replaces and commits the log, so that no append falls between what
//! git was given and what the file holds. The log and its lock are opened
//! without following symbolic links: a run log committed as a link to a file
//! elsewhere is refused, never written through.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::disk::private_file;
use super::error::{ErrorKind, RunLogError};
use crate::store::files::{self, Replace, Target};

/// How long a writer waits for the lock (held by a sync, or another writer)
/// before it gives up, saying why, rather than hang.
pub(super) const LOCK_WAIT: Duration = Duration::from_secs(30);

/// The run log held exclusively: no other preflight appends until it is
/// dropped.
pub struct Locked {
    /// The run log's path.
    path: PathBuf,
    _lock: File,
}

/// The lock file of the run log at `log`: its sibling, named as it is with
/// `.lock` after.
pub(super) fn lock_path(log: &Path) -> PathBuf {
    let mut name = log.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    log.with_file_name(name)
}

/// Refuses a run log or lock that is a symbolic link (or anything else but
/// a regular file), or a log whose folder inside a git work tree is one,
/// naming the path.
pub(super) fn refuse_links(log: &Path) -> Result<(), RunLogError> {
    for path in [log.to_path_buf(), lock_path(log)] {
        if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(RunLogError::new(
                ErrorKind::NotAFile,
                &path,
                "is a symbolic link; preflight never reads or writes a run log or its lock through one",
                "replace the link with the file itself (in git: git rm the link and commit the run log), or name the file with --state FILE",
            ));
        }
    }
    if let Some(folder) = super::tree::linked_folder(log) {
        let shown = crate::text::escape_for_terminal(&folder.display().to_string());
        return Err(RunLogError::new(
            ErrorKind::NotAFile,
            log,
            format!(
                "its folder {shown} is a symbolic link inside a git work tree; preflight never reads or writes a run log through one"
            ),
            format!(
                "a link committed in place of the folder would put the run log outside the repository: replace the link with the folder itself (git rm {shown}, then restore the folder from an earlier commit), or name another file with --state FILE"
            ),
        ));
    }
    Ok(())
}

/// Refuses anything but a regular file, or nothing yet, at `log`, before a
/// byte is read or a lock file created. `Ok(false)` when the log does not
/// exist.
pub(super) fn check_file(log: &Path, doing: &str) -> Result<bool, RunLogError> {
    refuse_links(log)?;
    files::check_regular_or_absent(log).map_err(|e| RunLogError::file(log, doing, e))
}

/// Opens the lock file of the log at `log`, creating it (and the log's
/// folder) when missing.
pub(super) fn open_lock(log: &Path) -> Result<File, RunLogError> {
    refuse_links(log)?;
    if let Some(parent) = log.parent().filter(|p| !p.as_os_str().is_empty()) {
        files::create_private_dir(parent).map_err(|e| RunLogError::io(log, "create its folder", &e))?;
    }
    let lock = private_file(
        OpenOptions::new().create(true).truncate(false).write(true),
        &lock_path(log),
    )
    .map_err(|e| RunLogError::io(log, "create its lock file", &e))?;
    let meta = lock.metadata().map_err(|e| RunLogError::io(log, "lock it", &e))?;
    if !meta.is_file() {
        return Err(RunLogError::file(
            log,
            "lock it",
            files::FileError::NotRegular(files::kind_of(&meta)),
        ));
    }
    Ok(lock)
}

/// Takes `lock` (of the log at `log`) exclusively, waiting at most `wait`
/// for whoever holds it.
pub(super) fn wait_for(log: &Path, lock: &File, wait: Duration) -> Result<(), RunLogError> {
    let started = Instant::now();
    loop {
        match lock.try_lock() {
            Ok(()) => return Ok(()),
            Err(TryLockError::WouldBlock) if started.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(RunLogError::new(
                    ErrorKind::Io,
                    log,
                    format!(
                        "is held by another preflight (a sync, or a writer) for more than {} s; nothing was recorded",
                        wait.as_secs()
                    ),
                    "try again; if it stays held, look for a `preflight sync` that is stuck, and end it",
                ));
            }
            Err(TryLockError::Error(e)) => return Err(RunLogError::io(log, "lock it", &e)),
        }
    }
}

impl Locked {
    /// Takes the lock of the log at `log` exclusively, waiting for whoever
    /// holds it.
    pub(super) fn take(log: &Path) -> Result<Locked, RunLogError> {
        check_file(log, "lock it")?;
        let lock = open_lock(log)?;
        wait_for(log, &lock, LOCK_WAIT)?;
        Ok(Locked {
            path: log.to_path_buf(),
            _lock: lock,
        })
    }

    /// The log's bytes as they are; `None` when there is no log.
    pub fn bytes(&self) -> Result<Option<Vec<u8>>, RunLogError> {
        refuse_links(&self.path)?;
        match files::open_regular(&self.path) {
            Ok(mut file) => {
                let mut bytes = Vec::new();
                file.read_to_end(&mut bytes)
                    .map_err(|e| RunLogError::io(&self.path, "read it", &e))?;
                Ok(Some(bytes))
            }
            Err(files::FileError::NotFound) => Ok(None),
            Err(e) => Err(RunLogError::file(&self.path, "read it", e)),
        }
    }

    /// Replaces the log with `text` at once: through a temporary file renamed
    /// into place, so a reader sees the old log or the new one, never half.
    /// A log that was not there is created private to its owner.
    pub fn replace(&self, text: &[u8]) -> Result<(), RunLogError> {
        let path = &self.path;
        if !check_file(path, "write it")? {
            private_file(OpenOptions::new().create_new(true).write(true), path)
                .map_err(|e| RunLogError::io(path, "create it", &e))?;
        }
        Target::check(path, Replace::Always)
            .and_then(|target| target.write_bytes(text))
            .map_err(|e| RunLogError::file(path, "replace it", e))
    }

    /// Makes the log private to its owner again, as preflight creates it:
    /// git writes the files it checks out (a merge, or one undone) with the
    /// user's umask, readable by all. Best effort, never through a link.
    pub fn keep_private(&self) {
        #[cfg(unix)]
        if let Ok(file) = super::disk::open_nofollow(&self.path)
            && file.metadata().is_ok_and(|meta| meta.is_file())
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = file.set_permissions(fs::Permissions::from_mode(0o600));
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(all(test, unix))]
mod tests;
