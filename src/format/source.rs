//! A checklist file's bytes and text, whatever its format: only a regular
//! file, within the size budget, text in UTF-8 — each refusal naming the file
//! and what to do. YAML and Markdown are read from here alike.

use std::io;
use std::path::Path;

use super::error::{LoadError, Position};
use crate::checklist::Checklist;
use crate::markdown::import::LeftOut;
use crate::store::files::{self, FileError};

/// Files larger than this are refused before reading: no checklist a person keeps
/// comes close (100,000 items take about 20 MB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// A checklist file as loaded, with what the importer left out of a Markdown
/// one (nothing for YAML): `validate` lists that, other commands do not.
#[derive(Debug)]
pub struct Loaded {
    pub checklist: Checklist,
    pub left_out: Vec<LeftOut>,
}

/// A checklist file's bytes, within [`MAX_FILE_BYTES`]; `name` names it in the error.
pub(super) fn read(path: &Path, name: &str) -> Result<Vec<u8>, LoadError> {
    files::read_regular(path, MAX_FILE_BYTES).map_err(|e| read_error(name, &e))
}

fn read_error(name: &str, err: &FileError) -> LoadError {
    let (message, hint) = match err {
        FileError::NotFound => (
            "no such file".to_owned(),
            "check the path; `preflight validate` with no file checks the bundled checklist",
        ),
        FileError::NotRegular(what) => (
            format!("is {what}, not a checklist file"),
            "name a checklist file (YAML or Markdown), for example checklists/production-deployment.yaml",
        ),
        FileError::TooLarge { limit } => (
            format!("is larger than the {} MB a checklist may be", limit >> 20),
            "split it into several checklists",
        ),
        FileError::Io(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            ("permission denied".to_owned(), "check the file's permissions")
        }
        other => (
            format!("cannot be read: {other}"),
            "check that the path names a readable file",
        ),
    };
    LoadError::file(name, message).with_hint(hint)
}

/// A file's bytes as text, refusing binary data and text that is not UTF-8
/// (pointing at the first bad byte); `kind` says what it was to be.
pub(super) fn text<'a>(bytes: &'a [u8], file: &str, kind: &str) -> Result<&'a str, LoadError> {
    if bytes.contains(&0) {
        return Err(
            LoadError::file(file, format!("is a binary file, not a {kind} checklist"))
                .with_hint(format!("checklists are {kind} text; see README.md for the format")),
        );
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.split(|&b| b == b'\n').count();
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        let position = Position {
            line: line as u64,
            column: column as u64,
        };
        let shown = String::from_utf8_lossy(bytes);
        LoadError::at(
            file,
            &shown,
            position,
            format!("is not valid UTF-8 (byte 0x{:02x})", bytes[e.valid_up_to()]),
        )
        .with_hint("save the file as UTF-8")
    })
}
