//! The runbook parts of a checklist file: declared parameters, and the
//! `{{param}}` placeholders in titles, details, commands and verifications,
//! each checked against them and refused where it names none, with its line
//! and column.

use serde_saphyr::Location;

use super::context::{Context, Where};
use super::error::{LoadError, Position};
use super::raw::{At, RawParam, Spans, Text};
use crate::checklist::Param;
use crate::template::{self, TemplateError};
use crate::text::{clean_line, clean_paragraph_owned};

impl Context<'_> {
    /// The declared parameters: names valid and unique, texts cleaned.
    pub(super) fn params<S: Spans>(&self, raw: Vec<S::W<RawParam<S>>>) -> Result<Vec<Param>, LoadError> {
        let mut params: Vec<Param> = Vec::new();
        for (i, param) in raw.into_iter().enumerate() {
            let At { value: param, loc } = S::open(param);
            let name = S::open(param.name);
            let text = name.value.0.trim().to_owned();
            if !template::is_param_name(&text) {
                return Err(self
                    .error(
                        name.loc.as_ref().or(loc.as_ref()),
                        format!("params[{i}]: `{text}` is not a parameter name"),
                    )
                    .with_hint(
                        "a name is a lowercase letter, then lowercase letters, digits and `_`: `version`, `build_2`",
                    ));
            }
            if params.iter().any(|p| p.name == text) {
                return Err(self
                    .error(
                        name.loc.as_ref().or(loc.as_ref()),
                        format!("params[{i}]: `{text}` is declared twice"),
                    )
                    .with_hint("give each parameter its own name"));
            }
            if param.secret && param.default.is_some() {
                return Err(self
                    .error(
                        name.loc.as_ref().or(loc.as_ref()),
                        format!("params[{i}]: `{text}` is secret and has a default"),
                    )
                    .with_hint(
                        "a secret's value is never written down: leave out `default:` and give it in PREFLIGHT_PARAM_<NAME>",
                    ));
            }
            params.push(Param {
                secret: param.secret,
                name: text,
                description: param
                    .description
                    .map(|d| clean_paragraph_owned(d.0))
                    .filter(|d| !d.is_empty()),
                default: param.default.and_then(|d| clean_line(&d.0).ok()),
            });
        }
        Ok(params)
    }

    /// A phase's or section's description: Markdown blocks, cleaned, its
    /// placeholders declared; `None` when it says nothing.
    pub(super) fn description(
        &self,
        text: Option<Text>,
        path: Where,
        params: &[Param],
    ) -> Result<Option<String>, LoadError> {
        let Some(text) = text
            .map(|t| crate::text::clean_blocks_owned(t.0))
            .filter(|t| !t.is_empty())
        else {
            return Ok(None);
        };
        self.placeholders(&text, None, "description", path, params)?;
        Ok(Some(text))
    }

    /// Checks the placeholders of a text against the declared parameters.
    pub(super) fn placeholders(
        &self,
        text: &str,
        loc: Option<&Location>,
        field: &str,
        path: Where,
        params: &[Param],
    ) -> Result<(), LoadError> {
        let declared = |name: &str| params.iter().any(|p| p.name == name);
        let shell = matches!(field, "command" | "verify");
        let checked =
            template::check(text, &declared).and_then(|()| if shell { template::check_command(text) } else { Ok(()) });
        let Err(err) = checked else {
            return Ok(());
        };
        let message = match &err {
            TemplateError::Undeclared { name, .. } => {
                format!("{path}: `{field}` uses `{{{{{name}}}}}`, but the checklist declares no parameter `{name}`")
            }
            TemplateError::Unclosed { .. } => {
                format!("{path}: `{field}` has a `{{{{` that opens no `{{{{name}}}}`")
            }
            TemplateError::Unquotable { name, place, .. } => {
                format!("{path}: `{field}` has `{{{{{name}}}}}` {place}, where the shell would read its value as code")
            }
        };
        let hint = match &err {
            TemplateError::Undeclared { name, .. } if params.is_empty() => {
                format!("declare it at the top: `params:` with `- name: {name}`; or write `\\{{{{` for literal braces")
            }
            TemplateError::Undeclared { name, .. } => {
                let names: Vec<String> = params.iter().map(|p| format!("`{}`", p.name)).collect();
                let close = params.iter().find(|p| strsim::levenshtein(&p.name, name) <= 2);
                let mean = close
                    .map(|p| format!("did you mean `{{{{{}}}}}`? ", p.name))
                    .unwrap_or_default();
                format!(
                    "{mean}the parameters are {}; or write `\\{{{{` for literal braces",
                    names.join(", ")
                )
            }
            TemplateError::Unclosed { .. } => {
                "write `{{name}}` with a declared name, or `\\{{` for literal braces".to_owned()
            }
            TemplateError::Unquotable { name, .. } => format!(
                "use the environment variable there instead: \"$PREFLIGHT_PARAM_{}\" holds the same value, and the shell never reads it as code",
                name.to_ascii_uppercase()
            ),
        };
        Err(self.error_in_text(loc, text, err.offset(), message).with_hint(hint))
    }

    /// An error at the place in the file of byte `offset` of `text`, the
    /// value that stands at `loc`: found where it is written as it is (on
    /// the value's first line, or for a block of lines on the line it is
    /// in), else at the value's start.
    fn error_in_text(&self, loc: Option<&Location>, text: &str, offset: usize, message: String) -> LoadError {
        let Some(loc) = loc else {
            return self.error(None, message);
        };
        let needle: String = text[offset..].chars().take_while(|&c| c != '\n').take(12).collect();
        let first = usize::try_from(loc.line().saturating_sub(1)).unwrap_or(usize::MAX);
        let lines_before = text[..offset].matches('\n').count();
        let start_column = usize::try_from(loc.column().saturating_sub(1)).unwrap_or(usize::MAX);
        // On the value's own line the search starts at the value; on a later
        // line of a block, the line is searched whole.
        let found = [(first, start_column), (first + lines_before, 0)]
            .into_iter()
            .take(if lines_before == 0 { 1 } else { 2 })
            .rev()
            .find_map(|(number, from)| {
                let line = self.source.lines().nth(number)?;
                let start = line.char_indices().nth(from).map_or(0, |(i, _)| i);
                let at = line[start..].find(&needle)?;
                Some((number, line[..start + at].chars().count() + 1))
            });
        match found {
            Some((number, column)) => LoadError::at(
                self.file,
                self.source,
                Position {
                    line: u64::try_from(number + 1).unwrap_or(u64::MAX),
                    column: u64::try_from(column).unwrap_or(u64::MAX),
                },
                message,
            ),
            None => self.error(Some(loc), message),
        }
    }
}

/// A text field and where it stands, for the checks above.
pub(super) fn opened<S: Spans>(field: Option<S::W<Text>>) -> Option<At<Text>> {
    field.map(S::open)
}
