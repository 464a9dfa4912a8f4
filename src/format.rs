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
mod context;
mod error;
mod explain;
mod fault;
mod fields;
mod front;
mod markdown;
mod paths;
mod raw;
mod runbook;
mod schema;
mod source;
mod write;
mod yaml;

use std::path::Path;

pub use error::{LoadError, Position};
pub use markdown::{checklist_of, is_markdown, outline_of, read_outline};
pub use schema::json_schema;
pub use source::{Loaded, MAX_FILE_BYTES};
use source::{read, text};
pub use write::checklist_to_yaml;

/// The fields each kind of mapping accepts, as the loader checks them (read
/// from the structs it deserialises into).
pub fn fields() -> [(&'static str, &'static [&'static str]); 5] {
    [
        ("checklist", paths::Kind::Checklist.fields()),
        ("param", paths::Kind::Param.fields()),
        ("phase", paths::Kind::Phase.fields()),
        ("section", paths::Kind::Section.fields()),
        ("item", paths::Kind::Item.fields()),
    ]
}

use crate::checklist::Checklist;

/// Reads and parses a checklist file, YAML or Markdown by its ending. Only a
/// regular file is read: a FIFO, a device or a directory is refused before a
/// byte is read.
pub fn load_file(path: &Path) -> Result<Checklist, LoadError> {
    open_file(path).map(|loaded| loaded.checklist)
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

/// Parses a checklist from raw bytes, refusing binary data and text that is not UTF-8.
pub fn parse_bytes(bytes: &[u8], file: &str) -> Result<Checklist, LoadError> {
    parse(text(bytes, file, "YAML")?, file)
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
    if let Some(raw) = yaml::deserialize_plain(source)
        && let Ok(checklist) = build::build(raw, source, file)
    {
        return Ok(checklist);
    }
    let raw = yaml::deserialize(source, file)?;
    build::build(raw, source, file)
}
