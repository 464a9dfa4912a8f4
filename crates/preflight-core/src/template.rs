//! Run parameters in a checklist's texts: `{{version}}` stands for the value a
//! run gives the parameter `version`, and `\{{` for a literal `{{`.
//!
//! Titles and details are shown with the value put in as text. Commands and
//! verifications are run by a shell, so there the value is written for the
//! place it stands in (see [`shell`]): whatever a teammate recorded as a value
//! (`1; rm -rf ~`, `x' ; touch PWNED ; '`) is read back by the shell as exactly
//! that text and never becomes shell syntax. Pure: no I/O.

use std::borrow::Cow;
use std::collections::BTreeMap;

mod shell;

pub use shell::Quoting;
use shell::{Tok, Unknowable};

/// The values a run gives its parameters, by name.
pub type Values = BTreeMap<String, String>;

/// The longest value a parameter may have, in bytes: room for any version,
/// host, path or URL, and small enough that a value a teammate recorded can
/// never make every text and command that shows it huge.
pub const MAX_VALUE_BYTES: usize = 4096;

/// Checks a parameter's value against [`MAX_VALUE_BYTES`].
///
/// # Errors
/// "4,100 bytes long; a value has at most 4096".
pub fn check_value(value: &str) -> Result<(), String> {
    if value.len() > MAX_VALUE_BYTES {
        return Err(format!(
            "the value is {} bytes long; a value has at most {MAX_VALUE_BYTES}",
            value.len()
        ));
    }
    Ok(())
}

/// Whether `name` may name a parameter: a lowercase ASCII letter, then
/// lowercase letters, digits and underscores.
pub fn is_param_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Why a text is not a valid template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// `{{name}}` where the checklist declares no parameter `name`.
    Undeclared { name: String, offset: usize },
    /// A `{{` that opens no `{{name}}`.
    Unclosed { offset: usize },
    /// In a command, a placeholder where no value can be written safely
    /// (inside backquotes, `$(…)`, a here-document…).
    Unquotable {
        name: String,
        offset: usize,
        place: &'static str,
    },
}

impl TemplateError {
    /// The byte offset in the text where the placeholder starts.
    pub fn offset(&self) -> usize {
        match self {
            TemplateError::Undeclared { offset, .. }
            | TemplateError::Unclosed { offset }
            | TemplateError::Unquotable { offset, .. } => *offset,
        }
    }
}

/// One piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    /// A placeholder: the name, and the byte offset of its `{{`.
    Param(&'a str, usize),
}

/// Splits a template into text and placeholders, `\{{` read as text `{{`.
///
/// Only `{{name}}` (spaces allowed inside) is a placeholder. A name after
/// `{{` that the text ends or a single `}` follows (`{{ env`, `{{env}`) is a
/// mistake; anything else (`{{ .Values.image }}` in a Helm checklist) is
/// text, so checklists written before parameters load as they did.
fn pieces(text: &str) -> Result<Vec<Piece<'_>>, TemplateError> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut at = 0;
    while let Some(found) = rest.find("{{") {
        if rest[..found].ends_with('\\') {
            out.push(Piece::Text(&rest[..found - 1]));
            out.push(Piece::Text("{{"));
            at += found + 2;
            rest = &rest[found + 2..];
            continue;
        }
        let after = &rest[found + 2..];
        let inner = after.trim_start();
        let name_len = inner
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(inner.len());
        let name = &inner[..name_len];
        if !is_param_name(name) {
            // Not a placeholder: `{{` as text.
            out.push(Piece::Text(&rest[..found + 2]));
            at += found + 2;
            rest = after;
            continue;
        }
        let tail = inner[name_len..].trim_start();
        let Some(next) = tail.strip_prefix("}}") else {
            // `{{ env` at the end, `{{env}`: a placeholder gone wrong. Other
            // words after a name (`{{ include "x" }}`) are some template
            // language's own.
            if tail.is_empty() || tail.starts_with('}') {
                return Err(TemplateError::Unclosed { offset: at + found });
            }
            out.push(Piece::Text(&rest[..found + 2]));
            at += found + 2;
            rest = after;
            continue;
        };
        out.push(Piece::Text(&rest[..found]));
        out.push(Piece::Param(name, at + found));
        let end = rest.len() - next.len();
        at += end;
        rest = next;
    }
    out.push(Piece::Text(rest));
    Ok(out)
}

/// Whether `text` has a placeholder for the parameter `name`.
pub fn uses(text: &str, name: &str) -> bool {
    text.contains("{{")
        && pieces(text).is_ok_and(|pieces| pieces.iter().any(|p| matches!(p, Piece::Param(n, _) if *n == name)))
}

/// Checks that every placeholder of `text` names a declared parameter.
///
/// # Errors
/// The first placeholder that does not, or a `{{` that opens none.
pub fn check(text: &str, declared: &dyn Fn(&str) -> bool) -> Result<(), TemplateError> {
    if !text.contains("{{") {
        return Ok(());
    }
    for piece in pieces(text)? {
        if let Piece::Param(name, offset) = piece
            && !declared(name)
        {
            return Err(TemplateError::Undeclared {
                name: name.to_owned(),
                offset,
            });
        }
    }
    Ok(())
}

/// A title or detail with the run's values put in as text; a parameter
/// without a value stays `{{name}}`.
pub fn render<'a>(text: &'a str, values: &Values) -> Cow<'a, str> {
    if !text.contains("{{") {
        return Cow::Borrowed(text);
    }
    let Ok(pieces) = pieces(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Param(name, _) => match values.get(name) {
                Some(v) => out.push_str(v),
                None => unfilled(name, &mut out),
            },
        }
    }
    Cow::Owned(out)
}

/// A Markdown text (a title, a detail, a name) with the run's values put in
/// as literal text: a value is anyone's words, not the author's Markdown, so
/// `<img …>` or `![](…)` in it shows as written and makes no markup. Inside a
/// code span, where Markdown reads nothing but the backquote that ends it, a
/// value goes in as it is, a backquote in it shown as `ˋ`.
pub fn render_markdown<'a>(text: &'a str, values: &Values) -> Cow<'a, str> {
    if !text.contains("{{") {
        return Cow::Borrowed(text);
    }
    let Ok(pieces) = pieces(text) else {
        return Cow::Borrowed(text);
    };
    let in_code = placeholders_in_code(&pieces);
    let mut out = String::with_capacity(text.len());
    let mut n = 0;
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Param(name, _) => {
                match values.get(name) {
                    // In a code span nothing is markup but a backquote, which
                    // would end the span: it shows as the look-alike `ˋ`.
                    Some(v) if in_code.contains(&n) => out.push_str(&v.replace('`', "ˋ")),
                    Some(v) => out.push_str(&crate::inline::literal(v)),
                    None => unfilled(name, &mut out),
                }
                n += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// Which placeholders (counted from 0) stand inside a code span: the text is
/// read as Markdown with a marker in each placeholder's place.
fn placeholders_in_code(pieces: &[Piece<'_>]) -> Vec<usize> {
    const OPEN: char = '\u{E000}';
    const CLOSE: char = '\u{E001}';
    let mut probe = String::new();
    let mut n = 0;
    for piece in pieces {
        match piece {
            Piece::Text(t) => probe.push_str(t),
            Piece::Param(..) => {
                probe.push(OPEN);
                probe.push_str(&n.to_string());
                probe.push(CLOSE);
                n += 1;
            }
        }
    }
    let mut found = Vec::new();
    for event in pulldown_cmark::Parser::new(&probe) {
        if let pulldown_cmark::Event::Code(code) = event {
            for marked in code.split(OPEN).skip(1) {
                if let Some(number) = marked.split(CLOSE).next().and_then(|d| d.parse().ok()) {
                    found.push(number);
                }
            }
        }
    }
    found
}

fn unfilled(name: &str, out: &mut String) {
    out.push_str("{{");
    out.push_str(name);
    out.push_str("}}");
}

/// A command's pieces, and where the shell reads each placeholder.
fn shell_pieces(command: &str) -> Result<Vec<(Piece<'_>, Option<Quoting>)>, TemplateError> {
    let pieces = pieces(command)?;
    let toks: Vec<Tok> = pieces
        .iter()
        .flat_map(|piece| -> Box<dyn Iterator<Item = Tok>> {
            match piece {
                Piece::Text(t) => Box::new(t.chars().map(Tok::Ch)),
                Piece::Param(..) => Box::new(std::iter::once(Tok::Param)),
            }
        })
        .collect();
    let places = shell::places(&toks).map_err(|Unknowable { placeholder, place }| {
        let (name, offset) = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Param(name, offset) => Some((*name, *offset)),
                Piece::Text(_) => None,
            })
            .nth(placeholder)
            .unwrap_or_default();
        TemplateError::Unquotable {
            name: name.to_owned(),
            offset,
            place,
        }
    })?;
    let mut places = places.into_iter();
    Ok(pieces
        .into_iter()
        .map(|piece| {
            let place = matches!(piece, Piece::Param(..)).then(|| places.next()).flatten();
            (piece, place)
        })
        .collect())
}

/// Checks that every placeholder of a command stands where the shell reads a
/// value as text: what a checklist's `command:` and `verify:` must pass.
///
/// # Errors
/// The first placeholder inside backquotes, `$(…)`, `${…}`, `$((…))`, `$'…'`,
/// a here-document, or right after a `$`.
pub fn check_command(command: &str) -> Result<(), TemplateError> {
    if !command.contains("{{") {
        return Ok(());
    }
    shell_pieces(command).map(|_| ())
}

/// A command with the run's values written for the places they stand in, so
/// that the shell reads each back as exactly its text.
///
/// # Errors
/// When a placeholder stands where no value can be written safely; a checklist
/// that loaded has none.
pub fn render_shell<'a>(command: &'a str, values: &Values) -> Result<Cow<'a, str>, TemplateError> {
    if !command.contains("{{") {
        return Ok(Cow::Borrowed(command));
    }
    let mut out = String::with_capacity(command.len());
    for (piece, place) in shell_pieces(command)? {
        match (piece, place) {
            (Piece::Text(t), _) => out.push_str(t),
            (Piece::Param(name, _), Some(place)) if values.contains_key(name) => {
                shell::write(&values[name], place, &mut out);
            }
            (Piece::Param(name, _), _) => unfilled(name, &mut out),
        }
    }
    Ok(Cow::Owned(out))
}

/// `text` as one single-quoted shell word: `'it'\''s'` for `it's`.
pub fn shell_quote(text: &str) -> String {
    let mut out = String::new();
    shell::quote_into(text, &mut out);
    out
}

/// Literal text as a template that shows it as it is: where a `{{` would
/// read as a placeholder or an escape, each `{{` is written `\{{`. What an
/// import writes, since Markdown holds no parameters.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains("\\{{") && check(text, &|_| false).is_ok() {
        // No `{{` here reads as a placeholder or an escape: it stays as it is.
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("{{", "\\{{"))
}

/// The environment variable a parameter is also passed in:
/// `PREFLIGHT_PARAM_VERSION` for `version`.
pub fn env_name(param: &str) -> String {
    format!("PREFLIGHT_PARAM_{}", param.to_ascii_uppercase())
}

#[cfg(test)]
mod tests;
