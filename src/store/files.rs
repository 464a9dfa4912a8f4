//! The user's files, read and written without surprises.
//!
//! Reading takes regular files only: a FIFO would hang, `/dev/zero` would fill
//! memory, a socket or a directory means nothing. The file is opened without
//! blocking and asked what it is before a byte is read, and reading is bounded
//! by the bytes actually read, not by the size the file claims.
//!
//! Writing never destroys what a user made: a file is replaced only when the
//! caller was told it may be (`--force`, or a file it recognises as its own
//! output), never a symlink, a device, a FIFO or anything else that is not a
//! regular file, and always through a temporary file, a rename and a sync of
//! the folder, so a crash leaves the old file or the new one, never half.

use std::fs::{self, File, Metadata};
use std::io::{self, Read, Write};
use std::path::Path;

/// Why a file could not be read or written. Its text says what and why; the
/// caller adds which file and a hint.
#[derive(Debug)]
pub enum FileError {
    /// It does not exist.
    NotFound,
    /// It exists but is not a regular file: the text says what it is.
    NotRegular(&'static str),
    /// It is larger than the caller accepts.
    TooLarge {
        limit: u64,
    },
    /// A file is there, and the caller may not replace it.
    Exists,
    /// It is a symbolic link, which is never replaced.
    Symlink,
    Io(io::Error),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::NotFound => write!(f, "no such file"),
            FileError::NotRegular(what) => write!(f, "is {what}, not a regular file"),
            FileError::TooLarge { limit } => write!(f, "is larger than the {} MB allowed", limit >> 20),
            FileError::Exists => write!(f, "exists already"),
            FileError::Symlink => write!(f, "is a symbolic link, which preflight never replaces"),
            FileError::Io(err) if err.kind() == io::ErrorKind::PermissionDenied => write!(f, "permission denied"),
            FileError::Io(err) => write!(f, "{err}"),
        }
    }
}

impl std::error::Error for FileError {}

impl From<io::Error> for FileError {
    fn from(err: io::Error) -> FileError {
        match err.kind() {
            io::ErrorKind::NotFound => FileError::NotFound,
            io::ErrorKind::IsADirectory => FileError::NotRegular("a directory"),
            _ => FileError::Io(err),
        }
    }
}

/// What a file that is not a regular file is, in words.
pub fn kind_of(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a directory"
    } else if meta.is_symlink() {
        "a symbolic link"
    } else {
        "not a regular file"
    }
}

/// Opens `path` for reading without blocking: a FIFO with no writer would
/// otherwise hang the open itself.
fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(nix::fcntl::OFlag::O_NONBLOCK.bits());
    }
    options.open(path)
}

/// Opens a regular file for reading; anything else is refused before a byte
/// is read.
pub fn open_regular(path: &Path) -> Result<File, FileError> {
    // A quick look first, which never blocks, then the same question of what
    // was opened, in case the path changed in between.
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        return Err(FileError::NotRegular(kind_of(&meta)));
    }
    let file = open_nonblocking(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(FileError::NotRegular(kind_of(&meta)));
    }
    Ok(file)
}

/// Reads a whole regular file of at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let file = open_regular(path)?;
    let expected = file.metadata().map_or(0, |m| m.len()).min(limit);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Whether a path that exists is one that may be written to in place: a
/// regular file, or nothing at all. `Ok(false)` when nothing is there.
pub fn check_regular_or_absent(path: &Path) -> Result<bool, FileError> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(true),
        Ok(meta) => Err(FileError::NotRegular(kind_of(&meta))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Creates a folder (and its parents) readable by its owner only: run logs and
/// what the view remembers are nobody else's business.
#[cfg(unix)]
pub fn create_private_dir(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new().recursive(true).mode(0o700).create(path)
}

#[cfg(not(unix))]
pub fn create_private_dir(path: &Path) -> io::Result<()> {
    fs::create_dir_all(path)
}

/// What may happen to a file that is already where an output goes.
#[derive(Debug, Clone, Copy)]
pub enum Replace {
    /// Never: the output must be a new file.
    Never,
    /// Only a file whose beginning the predicate recognises (our own output).
    IfOwn(fn(&[u8]) -> bool),
    /// Any regular file (`--force`).
    Always,
}

/// An output file, checked and ready to be written.
#[derive(Debug)]
pub struct Target<'a> {
    path: &'a Path,
    /// The regular file that is there now, to be replaced; `None` when there
    /// is none, and the output must not replace one that appears meanwhile.
    existing: Option<Metadata>,
}

/// How much of an existing file is read to recognise it.
const RECOGNISE_BYTES: u64 = 4096;

impl<'a> Target<'a> {
    /// Checks that `path` may be written under `replace`, before anything is
    /// written anywhere: callers check every output first, then write.
    pub fn check(path: &'a Path, replace: Replace) -> Result<Target<'a>, FileError> {
        let meta = match fs::symlink_metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Target { path, existing: None }),
            Err(e) => return Err(e.into()),
        };
        if meta.file_type().is_symlink() {
            return Err(FileError::Symlink);
        }
        if !meta.is_file() {
            return Err(FileError::NotRegular(kind_of(&meta)));
        }
        let allowed = match replace {
            Replace::Never => false,
            Replace::Always => true,
            Replace::IfOwn(recognise) => {
                let mut head = Vec::new();
                open_regular(path)?.take(RECOGNISE_BYTES).read_to_end(&mut head)?;
                recognise(&head)
            }
        };
        if !allowed {
            return Err(FileError::Exists);
        }
        Ok(Target {
            path,
            existing: Some(meta),
        })
    }

    /// Whether nothing was there when checked: the output will be a new file.
    pub fn is_new(&self) -> bool {
        self.existing.is_none()
    }

    /// Writes `text` through a temporary file in the same folder, renamed into
    /// place and made durable. A file that appeared since the check is not
    /// replaced; a replaced file keeps its permissions.
    pub fn write(&self, text: &str) -> Result<(), FileError> {
        self.write_bytes(text.as_bytes())
    }

    /// As [`Target::write`], for bytes that need not be text (a run log may
    /// hold a line that is not UTF-8, which is reported, and kept).
    pub fn write_bytes(&self, bytes: &[u8]) -> Result<(), FileError> {
        let dir = self
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut builder = tempfile::Builder::new();
        builder.prefix(".preflight-").suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // As any new file: readable by all unless the umask says otherwise.
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let mut file = builder.tempfile_in(dir)?;
        if let Some(meta) = &self.existing {
            file.as_file().set_permissions(meta.permissions())?;
        }
        file.write_all(bytes)?;
        file.as_file().sync_all()?;
        let persisted = if self.existing.is_some() {
            file.persist(self.path)
        } else {
            file.persist_noclobber(self.path)
        };
        persisted.map_err(|e| match e.error.kind() {
            io::ErrorKind::AlreadyExists => FileError::Exists,
            _ => FileError::Io(e.error),
        })?;
        // The rename is durable only once the folder is. The file is in place
        // either way, so a folder that cannot be synced is no failure.
        let _ = File::open(dir).and_then(|d| d.sync_all());
        Ok(())
    }
}

#[cfg(test)]
mod tests;
