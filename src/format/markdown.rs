//! Markdown checklist files (`.md`, `.markdown`), opened as they are.
//!
//! The file gets the refusals a YAML file gets (only a regular file, within
//! the size budget, text in UTF-8), loses a byte-order mark, and is read by
//! the importer ([`crate::markdown::import::parse`]) into the checklist it describes,
//! ids derived as for YAML. Opened directly, only its structure is taken: the
//! ticks and notes an export of preflight's carries stay out of runs, whose
//! log is the truth. `import` reads its input here too, for the outline with
//! its ticks, so both read a file alike.

use std::path::Path;

use super::error::LoadError;
use super::front::front_matter;
use super::source::{Loaded, read, text};
use crate::checklist::Checklist;
use crate::markdown::import::{self, Outline};

/// The endings of a Markdown file, in any case.
const ENDINGS: [&str; 2] = ["md", "markdown"];

/// Whether `path` names a Markdown checklist, by its ending: what decides
/// which reader a checklist file gets, and which name `import -o` and `new`
/// refuse for the YAML they write.
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|ending| ending.to_str())
        .is_some_and(|ending| ENDINGS.iter().any(|md| ending.eq_ignore_ascii_case(md)))
}

/// The outline the importer makes of a Markdown text, its front matter read
/// as YAML (the title and description it gives).
pub fn outline_of(markdown: &str, fallback_title: &str) -> Outline {
    let (title, description) = import::front_matter_block(markdown)
        .map(front_matter)
        .unwrap_or_default();
    import::parse_with_front(markdown, fallback_title, import::Front { title, description })
}

/// Reads a Markdown file into the outline the importer makes of it, with the
/// ticks it carries and what it left out. Its title, when it has none, is the
/// file's name without its ending. A file with no item in it is refused:
/// there would be nothing to work through.
///
/// # Errors
/// A [`LoadError`] naming the file, with a hint.
pub fn read_outline(path: &Path) -> Result<Outline, LoadError> {
    let name = path.display().to_string();
    let bytes = read(path, &name)?;
    let markdown = text(&bytes, &name, "Markdown")?;
    let markdown = markdown.strip_prefix('\u{feff}').unwrap_or(markdown);
    let stem = path
        .file_stem()
        .map_or_else(|| "Checklist".to_owned(), |s| s.to_string_lossy().into_owned());
    let outline = outline_of(markdown, &stem);
    if outline.item_count() == 0 {
        return Err(LoadError::file(&name, "no task items (`- [ ] …`) found, nor steps")
            .with_hint("preflight reads a Markdown task list, or the numbered steps and shell blocks of a runbook; see README.md"));
    }
    Ok(outline)
}

/// The checklist an outline read from the file `name` describes.
///
/// # Errors
/// Only through a bug: an outline the importer made always has unique ids.
pub fn checklist_of(outline: &Outline, name: &str) -> Result<Checklist, LoadError> {
    outline.to_checklist().map_err(|err| {
        LoadError::file(name, format!("the checklist made of it has a repeated id ({err:?})"))
            .with_hint("this is a bug in preflight; please report it with the Markdown file")
    })
}

/// Loads a Markdown file as a checklist: its structure only, and what was
/// left out of it.
pub(super) fn load(path: &Path) -> Result<Loaded, LoadError> {
    let outline = read_outline(path)?;
    Ok(Loaded {
        checklist: checklist_of(&outline, &path.display().to_string())?,
        left_out: outline.left_out,
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::is_markdown;

    /// One test per file name: whether it is read as Markdown.
    macro_rules! markdown {
        ($($case:ident: $name:literal => $is:literal,)*) => {
            $(
                #[test]
                fn $case() {
                    assert_eq!(is_markdown(Path::new($name)), $is, "{}", $name);
                }
            )*
        };
    }

    // Markdown is known by its ending, in any case.
    markdown! {
        md_ending: "RELEASING.md" => true,
        md_ending_in_capitals: "a/b.MD" => true,
        markdown_ending: "notes.markdown" => true,
        markdown_ending_capitalised: "x.Markdown" => true,
        yaml_ending: "deploy.yaml" => false,
        md_without_a_dot: "md" => false,
        no_ending: "README" => false,
        mdx_ending: "x.mdx" => false,
        md_before_another_ending: "x.md.yaml" => false,
        a_hidden_file_named_md: ".md" => false,
    }
}
