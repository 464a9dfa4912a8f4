//! One runner per step on this machine: a lock, per run log and item, held
//! while the item's command runs. Two operators on one host (a shared jump
//! host, two terminals) cannot both start the same step; the run log's
//! `started` event tells teammates elsewhere. The locks live in preflight's
//! state folder, never beside a run log kept in git.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// The step is this process's until it is dropped.
pub struct Claim {
    _file: File,
}

/// This machine's name, as `started` events record it.
pub fn host() -> String {
    whoami::hostname().unwrap_or_else(|_| "unknown".to_owned())
}

/// FNV-1a, 64 bits: a stable name for a lock, the same in every version.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn lock_path(log: &Path, item: &str) -> PathBuf {
    let log = std::fs::canonicalize(log).unwrap_or_else(|_| log.to_path_buf());
    let mut key = log.as_os_str().as_encoded_bytes().to_vec();
    key.push(0);
    key.extend_from_slice(item.as_bytes());
    let folder = crate::store::runlog::place::state_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("steps");
    folder.join(format!("{:016x}.lock", fnv(&key)))
}

/// Claims the item of the run log for this process; `None` when another
/// process on this machine holds it.
///
/// # Errors
/// When the lock file cannot be made.
pub fn claim(log: &Path, item: &str) -> io::Result<Option<Claim>> {
    let path = lock_path(log, item);
    if let Some(folder) = path.parent() {
        crate::store::files::create_private_dir(folder)?;
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(Claim { _file: file })),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(err)) => Err(err),
    }
}
