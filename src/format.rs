//! The checklist file formats: YAML, and Markdown opened as it is. The only
//! module that knows serde-saphyr, and the one place that decides, by a
//! file's ending, which reader a checklist file gets ([`open_file`]).
//!
//! Loading reads the file, refuses what is not a YAML text (missing, a directory,
//! binary, not UTF-8, empty), parses it under a budget derived from the file's size,
//! and builds the core model, cleaning every text and applying the id rules. Every
//! refusal is a [`LoadError`] that says where and what, with a hint. A Markdown
//! file gets the same refusals, then the importer (see [`markdown`]).

mod build;
mod error;
mod explain;
mod fault;
mod front;
mod markdown;
mod paths;
mod raw;
mod runbook;
mod schema;
mod write;

use std::io;
use std::path::Path;

use crate::store::files::{self, FileError};

pub use error::{LoadError, Position};
use front::front_matter;
pub use markdown::{checklist_of, is_markdown, outline_of, read_outline};
pub use schema::json_schema;
pub use write::{checklist_to_yaml, scalar};

/// The fields each kind of mapping accepts, as the loader checks them.
pub const FIELDS: [(&str, &[&str]); 5] = [
    ("checklist", raw::CHECKLIST_FIELDS),
    ("param", raw::PARAM_FIELDS),
    ("phase", raw::PHASE_FIELDS),
    ("section", raw::SECTION_FIELDS),
    ("item", raw::ITEM_FIELDS),
];

use crate::checklist::Checklist;
use crate::markdown::import::LeftOut;

/// Files larger than this are refused before reading: no checklist a person keeps
/// comes close (100,000 items take about 20 MB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads and parses a checklist file, YAML or Markdown by its ending. Only a
/// regular file is read: a FIFO, a device or a directory is refused before a
/// byte is read.
pub fn load_file(path: &Path) -> Result<Checklist, LoadError> {
    open_file(path).map(|loaded| loaded.checklist)
}

/// A checklist file as loaded, with what the importer left out of a Markdown
/// one (nothing for YAML): `validate` lists that, other commands do not.
#[derive(Debug)]
pub struct Loaded {
    pub checklist: Checklist,
    pub left_out: Vec<LeftOut>,
}

/// As [`load_file`], keeping what a Markdown file's importer left out. Every
/// checklist file a command names is read through here, so a `.md` file works
/// wherever a YAML one does.
pub fn open_file(path: &Path) -> Result<Loaded, LoadError> {
    if is_markdown(path) {
        return markdown::load(path);
    }
    let name = path.display().to_string();
    let checklist = parse_bytes(&read(path, &name)?, &name)?;
    Ok(Loaded {
        checklist,
        left_out: Vec::new(),
    })
}

/// A checklist file's bytes, within [`MAX_FILE_BYTES`]; `name` names it in the error.
fn read(path: &Path, name: &str) -> Result<Vec<u8>, LoadError> {
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

/// Parses a checklist from raw bytes, refusing binary data and text that is not UTF-8.
pub fn parse_bytes(bytes: &[u8], file: &str) -> Result<Checklist, LoadError> {
    parse(text(bytes, file, "YAML")?, file)
}

/// A file's bytes as text, refusing binary data and text that is not UTF-8
/// (pointing at the first bad byte); `kind` says what it was to be.
fn text<'a>(bytes: &'a [u8], file: &str, kind: &str) -> Result<&'a str, LoadError> {
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

/// Parses a checklist from YAML text. `file` names it in error messages.
pub fn parse(source: &str, file: &str) -> Result<Checklist, LoadError> {
    let has_content = source
        .lines()
        .map(str::trim)
        .any(|line| !line.is_empty() && !line.starts_with('#') && line != "---" && line != "...");
    if !has_content {
        return Err(LoadError::file(file, "is empty")
            .with_hint("a checklist needs at least `title:` and `phases:`; README.md shows the format"));
    }
    // Most files are fine: parse them without recording where things stand.
    // Only when that fails is the file parsed again with locations, to say where.
    if let Some(raw) = paths::deserialize_plain(source)
        && let Ok(checklist) = build::build(raw, source, file)
    {
        return Ok(checklist);
    }
    let raw = paths::deserialize(source, file)?;
    build::build(raw, source, file)
}
