//! The git attributes of the run log that sync refuses: anything that makes
//! git change the log's bytes on the way in or out (`working-tree-encoding`,
//! a `filter`, `eol=crlf`, `ident`…) or merge it other than line by line.
//! A teammate can plant one in `.gitattributes`; git then fails every sync
//! with words (a BOM error) that point nowhere near the cause, so sync names
//! the attribute and the line that sets it before anything changes.

use std::path::Path;

use super::git::Git;
use crate::hinted::hinted;
use crate::text::escape_for_terminal;

/// Whether git may apply `attribute` with `value` to a run log: the union
/// merge sync adds, line endings kept as LF, and what only shows the file.
fn expected(attribute: &str, value: &str) -> bool {
    match attribute {
        "merge" => value == "union",
        "text" => matches!(value, "set" | "auto"),
        "eol" => value == "lf",
        "diff" => true,
        _ => attribute.starts_with("linguist-"),
    }
}

/// Refuses the log at `relative` when git applies an attribute to it that
/// sync does not expect, in the work tree or, with `rev`, in that commit (the
/// upstream's, before it is merged), naming the line to remove.
pub fn refuse_unexpected(git: &Git, relative: &str, rev: Option<&str>) -> anyhow::Result<()> {
    let source = rev.map(|rev| format!("--source={rev}"));
    let mut args = vec!["check-attr", "-a"];
    args.extend(source.as_deref());
    args.extend(["--", relative]);
    // A git too old for --source cannot look into a commit: the work tree's
    // attributes are checked again once it is merged.
    let Ok(listed) = git.run(&args) else {
        return Ok(());
    };
    let prefix = format!("{relative}: ");
    let unexpected: Vec<(String, String)> = listed
        .lines()
        .filter_map(|line| line.strip_prefix(&prefix)?.split_once(": "))
        .filter(|(attribute, value)| !expected(attribute, value))
        .map(|(attribute, value)| (attribute.to_owned(), value.to_owned()))
        .collect();
    let Some((attribute, value)) = unexpected.first() else {
        return Ok(());
    };
    let shown = escape_for_terminal(relative);
    let whose = if rev.is_some() { "the upstream's " } else { "" };
    let message = format!(
        "git applies `{}: {}` to {shown} ({whose}git attributes); a run log must reach git byte for byte and merge line by line, so nothing was shared",
        escape_for_terminal(attribute),
        escape_for_terminal(value)
    );
    let places = lines_setting(git, relative, rev, attribute);
    let hint = if places.is_empty() {
        format!(
            "remove `{}` from the attributes that name {shown} (`git check-attr -a -- {shown}` lists them; see also core.attributesFile), then sync again",
            escape_for_terminal(attribute)
        )
    } else {
        format!(
            "remove the line that sets it, commit, then sync again: {}",
            places.join("; ")
        )
    };
    Err(hinted(message, hint))
}

/// "runs/.gitattributes line 2: `*.jsonl working-tree-encoding=UTF-16`" for
/// every line of the attributes files on the log's way that names
/// `attribute`.
fn lines_setting(git: &Git, relative: &str, rev: Option<&str>, attribute: &str) -> Vec<String> {
    let mut files: Vec<String> = Path::new(relative)
        .ancestors()
        .skip(1)
        .map(|folder| folder.join(".gitattributes").to_string_lossy().into_owned())
        .collect();
    files.reverse();
    let mut found = Vec::new();
    for file in files {
        let text = match rev {
            Some(rev) => git.blob(rev, &file).ok().flatten(),
            None => std::fs::read(git.dir.join(&file)).ok(),
        };
        let text = String::from_utf8_lossy(&text.unwrap_or_default()).into_owned();
        for (index, line) in text.lines().enumerate() {
            let names = line.split_whitespace().skip(1).any(|token| {
                let name = token.trim_start_matches(['-', '!']);
                name.split('=').next() == Some(attribute)
            });
            if names && !line.trim_start().starts_with('#') {
                found.push(format!(
                    "{} line {}: `{}`",
                    escape_for_terminal(&file),
                    index + 1,
                    escape_for_terminal(line.trim())
                ));
            }
        }
    }
    if rev.is_none()
        && let Ok(info) = git.git_path("info/attributes")
        && let Ok(text) = std::fs::read_to_string(&info)
    {
        for (index, line) in text.lines().enumerate() {
            if line.split_whitespace().skip(1).any(|t| t.contains(attribute)) {
                found.push(format!(
                    "{} line {}: `{}`",
                    info.display(),
                    index + 1,
                    escape_for_terminal(line.trim())
                ));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_attributes_a_run_log_can_live_with_are_expected() {
        assert!(expected("merge", "union"));
        assert!(expected("text", "auto") && expected("eol", "lf") && expected("diff", "unset"));
        assert!(!expected("working-tree-encoding", "UTF-16"));
        assert!(!expected("filter", "lfs") && !expected("eol", "crlf") && !expected("merge", "binary"));
    }
}
