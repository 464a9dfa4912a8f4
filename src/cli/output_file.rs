//! The rules of every `-o FILE` (export's, import's, the report page's): what
//! may be replaced, said with what to do, and the write itself.

use std::path::Path;

use crate::hinted::hinted;
use crate::store::files::{FileError, Replace, Target};
use crate::text::escape_for_terminal;

/// Checks that `path` may be written, saying why not and what to do: the
/// rules of every `-o` (export's, import's, the report page's).
pub fn check_output<'a>(path: &'a Path, replace: Replace, what: &str) -> anyhow::Result<Target<'a>> {
    let shown = escape_for_terminal(&path.display().to_string());
    Target::check(path, replace).map_err(|err| {
        let earlier;
        let hint = match err {
            FileError::Exists if matches!(replace, Replace::IfOwn(_)) => {
                earlier = format!("it is not an earlier {what}; --force replaces it, or choose another name");
                earlier.as_str()
            }
            FileError::Exists => "--force replaces it, or choose another name",
            FileError::Symlink => "write to the file it points to, or leave out -o and redirect standard output",
            FileError::NotRegular(_) => "to send the output there, leave out -o and redirect standard output",
            _ => "check that the folder exists and is writable",
        };
        hinted(format!("{shown}: {err}; the {what} was not written"), hint)
    })
}

pub fn write_output(target: &Target<'_>, path: &Path, text: &str) -> anyhow::Result<()> {
    target.write(text).map_err(|err| {
        hinted(
            format!(
                "cannot write {}: {err}",
                escape_for_terminal(&path.display().to_string())
            ),
            "check that the folder exists and is writable",
        )
    })
}

/// An `-o` file; `-o -` is standard output, as the tools around it read it.
pub fn to_file(output: Option<&Path>) -> Option<&Path> {
    output.filter(|path| path.as_os_str() != "-")
}
