//! serde-saphyr's errors as a checklist author would put them: what is wrong,
//! where (with the line and column, and the path in the checklist), and what
//! to do — with the library's words and advice to programmers left out.

use super::error::{LoadError, Position};
use super::fault::{Fault, Shape, fault_of, original};
use super::paths::{FailedAt, failed_at};

/// The error's own words for the faults explained with the library's message:
/// without the location serde-saphyr appends (we show it our way), without
/// advice to the programmer using the library, and with the shape it expected
/// put as a checklist author would say it.
fn bare_message(err: &serde_saphyr::Error, fault: &Fault) -> String {
    if let Fault::Expected(shape) = fault {
        return match shape {
            Shape::List => "expected a list".to_owned(),
            Shape::Mapping => "expected a mapping of fields".to_owned(),
            Shape::Text => "expected text".to_owned(),
            Shape::Other(what) => format!("expected {what}"),
        };
    }
    let text = original(err).to_string();
    let text = match text.rfind(" at line ") {
        Some(at) => &text[..at],
        None => &text,
    };
    // Advice to the programmer using the library ("set DuplicateKeyPolicy in
    // Options", "use Option<String>") means nothing to a checklist's author.
    let text = text.split(", set DuplicateKeyPolicy").next().unwrap_or(text);
    text.split("; use Option<").next().unwrap_or(text).to_owned()
}

pub(super) fn explain(
    err: &serde_saphyr::Error,
    path: Option<&serde_path_to_error::Path>,
    source: &str,
    file: &str,
    expansion_exhausted: bool,
) -> LoadError {
    let fault = fault_of(err, expansion_exhausted);
    let place = path.map(failed_at);
    let at = |message: String| match err.location() {
        Some(loc) if loc.line() > 0 => LoadError::at(
            file,
            source,
            Position {
                line: loc.line(),
                column: loc.column(),
            },
            message,
        ),
        _ => LoadError::file(file, message),
    };
    if let Some(refusal) = explain_budget(&fault, &at) {
        return refusal;
    }
    let line_text = err
        .location()
        .and_then(|loc| usize::try_from(loc.line()).ok())
        .and_then(|line| source.lines().nth(line.saturating_sub(1)))
        .unwrap_or_default();
    if let Some(explained) = explain_layout(err, &fault, line_text, place.as_ref(), source, &at) {
        return explained;
    }
    let message = bare_message(err, &fault);
    let missing = match fault {
        Fault::Missing(field) => Some(field),
        _ => None,
    };
    let Some(place) = place.filter(|p| !p.path.is_empty() || missing.is_some()) else {
        return explain_syntax(&fault, &message, &at);
    };
    if let Some(field) = &place.field {
        let known = place.holder.fields();
        if !known.is_empty() && !known.contains(&field.as_str()) {
            let parent = place.path.rsplit_once('.').map_or("", |(parent, _)| parent);
            let within = if parent.is_empty() {
                String::new()
            } else {
                format!(" in {parent}")
            };
            let mut hint = format!("{} has the fields {}", capitalise(place.holder.noun()), list(known));
            if let Some(close) = closest(field, known) {
                hint = format!("did you mean `{close}`? {hint}");
            }
            // `- Step 1: drain the node` is a title with a colon, which YAML
            // reads as a field named `Step 1`: quoting makes it a title again.
            let plain_item = line_text
                .trim_start()
                .strip_prefix("- ")
                .filter(|rest| rest.starts_with(field.as_str()) && !rest.starts_with('"') && !rest.starts_with('\''));
            if let Some(item) = plain_item {
                let quoted = item.trim_end().replace('\\', "\\\\").replace('"', "\\\"");
                return at(format!(
                    "`{item}` reads as a field named `{field}`, because of the colon"
                ))
                .with_hint(format!("quote the title: `- \"{quoted}\"`"));
            }
            return at(format!("unknown field `{field}`{within}")).with_hint(hint);
        }
    }
    if let Some(missing) = missing {
        let whose = if place.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", place.path)
        };
        return at(format!("{whose}{} has no `{missing}`", place.holder.noun()))
            .with_note(format!(
                "if `{missing}:` is there, check that it lines up with the fields above it"
            ))
            .with_hint(field_hint(missing));
    }
    if fault == Fault::Empty
        && let Some(field) = &place.field
    {
        let whose = place
            .path
            .rsplit_once('.')
            .map_or("the checklist", |(parent, _)| parent);
        return at(format!("{whose}: `{field}` is empty")).with_hint(field_hint(field));
    }
    let hint = place.field.as_deref().map_or_else(
        || "each entry is a mapping of fields, or for an item just its title".to_owned(),
        field_hint,
    );
    at(format!("{}: {message}", place.path)).with_hint(hint)
}

/// Mistakes in the file's layout, said in the checklist's words: a tab in
/// the indentation, a list item out of line, a key given twice.
fn explain_layout(
    err: &serde_saphyr::Error,
    fault: &Fault,
    line_text: &str,
    place: Option<&FailedAt>,
    source: &str,
    at: &dyn Fn(String) -> LoadError,
) -> Option<LoadError> {
    if *fault == Fault::Tab || (*fault == Fault::StrayCharacter && line_text.starts_with('\t')) {
        return Some(
            at("a tab in the indentation: YAML does not allow tabs for indentation".to_owned())
                .with_hint("indent with spaces (two per level, as the rest of the file)"),
        );
    }
    if *fault == Fault::EntryExpected && line_text.trim_start().starts_with('-') {
        return Some(
            at("this line is not lined up with the items above it".to_owned())
                .with_hint("indent every entry of a list by the same number of spaces as the first one"),
        );
    }
    if let Fault::Duplicate(named) = *fault {
        let key = named.unwrap_or("a key");
        let within = place.as_ref().filter(|p| !p.path.is_empty()).map_or_else(
            || "at the top of the checklist".to_owned(),
            |p| format!("in {}", p.path),
        );
        let first = err
            .location()
            .and_then(|loc| first_occurrence(source, key, loc.line(), loc.column()));
        let key = if named.is_some() {
            format!("`{key}`")
        } else {
            key.to_owned()
        };
        let message = match first {
            Some(line) => format!("{key} appears twice {within}: at line {line} and here"),
            None => format!("{key} appears twice {within}"),
        };
        return Some(at(message).with_hint("a field is given once: keep one of them, or merge their lists"));
    }
    None
}

/// Refusals of the parse budget: the file nests deeper than any checklist, or
/// describes far more than it holds (an alias bomb).
fn explain_budget(fault: &Fault, at: &dyn Fn(String) -> LoadError) -> Option<LoadError> {
    match fault {
        Fault::TooDeep => Some(
            at("refused: the YAML nests far deeper than a checklist does".to_owned())
                .with_hint("a checklist is phases > sections > items; check for runaway brackets or indentation"),
        ),
        Fault::Expands => Some(
            at("refused: the YAML expands to far more than the file holds".to_owned()).with_hint(
                "anchors and aliases (`&a`, `*a`) may reuse a text, not multiply the checklist; write the items out",
            ),
        ),
        _ => None,
    }
}

/// The line of the first `key:` of the block mapping whose repeat of it stands
/// at `line`:`column`: the nearest line above at the same column, within the
/// same mapping (no line above it starts further left).
fn first_occurrence(source: &str, key: &str, line: u64, column: u64) -> Option<u64> {
    let col = usize::try_from(column.checked_sub(1)?).ok()?;
    let before = usize::try_from(line.checked_sub(1)?).ok()?;
    let lines: Vec<&str> = source.lines().take(before).collect();
    for (index, text) in lines.iter().enumerate().rev() {
        let chars: Vec<char> = text.chars().collect();
        let content = chars.iter().position(|c| *c != ' ' && *c != '-');
        let Some(content) = content else { continue };
        if chars[content] == '#' {
            continue;
        }
        if content < col {
            return None;
        }
        if content == col {
            let rest: String = chars[col..].iter().collect();
            let named = [key.to_owned(), format!("\"{key}\""), format!("'{key}'")]
                .iter()
                .any(|k| {
                    rest.strip_prefix(k.as_str())
                        .is_some_and(|r| r.trim_start().starts_with(':'))
                });
            if named {
                return Some(index as u64 + 1);
            }
        }
    }
    None
}

fn explain_syntax(fault: &Fault, message: &str, at: &dyn Fn(String) -> LoadError) -> LoadError {
    if *fault == Fault::MultipleDocuments {
        return at("the file holds more than one YAML document".to_owned())
            .with_hint("a checklist file holds one document: remove the `---` line and what follows, or move it to a file of its own");
    }
    let hint = match fault {
        Fault::Tab => "indent with spaces: YAML does not allow tabs for indentation",
        Fault::Quote => "close the quote on this line; inside double quotes write \\\" for a quote",
        Fault::Expected(Shape::Mapping) => {
            "the file must start with `title:`, then `phases:`; README.md shows the format"
        }
        _ => "check the indentation and quoting on this line and the line before it",
    };
    at(format!("invalid YAML: {message}")).with_hint(hint)
}

fn field_hint(field: &str) -> String {
    match field {
        "phases" => "`phases:` is a list of phases, each `- name: …` with `sections:`".to_owned(),
        "sections" => "`sections:` is a list of sections, each `- name: …` with `items:`".to_owned(),
        "items" => "`items:` is a list, one item per line: `- Title` or `- title: …`".to_owned(),
        "title" | "name" => {
            format!("`{field}:` is one line of text; quote it if it holds `: ` or starts with a symbol")
        }
        other => format!("`{other}:` is text; quote it if it holds `: ` or starts with a symbol"),
    }
}

fn closest<'a>(field: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::levenshtein(&field.to_lowercase(), k), *k))
        .filter(|(distance, k)| *distance <= 2.max(k.len() / 3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

fn list(fields: &[&str]) -> String {
    fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
