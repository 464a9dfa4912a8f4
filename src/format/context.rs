//! Where the builder stands in a checklist and how it refuses: the source
//! and file it points into, the place of the node at hand (`Where`), and the
//! errors that name the line, the field and what to write instead.

use serde_saphyr::Location;

use super::error::{LoadError, Position};
use super::raw::{At, Text};
use crate::checklist::{IdError, MAX_SUB_ITEM_DEPTH};
use crate::text::{MAX_LINE_CHARS, TextError, clean_line_owned};

/// The most approvals a phase may need: more is a typo, not a team.
pub(super) const MAX_APPROVALS: usize = 20;

/// What the builder needs to point at lines while it works.
pub(super) struct Context<'a> {
    pub source: &'a str,
    pub file: &'a str,
}

fn position(loc: &Location) -> Position {
    Position {
        line: loc.line(),
        column: loc.column(),
    }
}

fn example(field: &str) -> &'static str {
    if field == "title" {
        "Database backup verified"
    } else {
        "Pre-Deployment"
    }
}

impl Context<'_> {
    pub(super) fn error(&self, loc: Option<&Location>, message: String) -> LoadError {
        match loc {
            Some(loc) => LoadError::at(self.file, self.source, position(loc), message),
            None => LoadError::file(self.file, message),
        }
    }

    /// How many approvals a phase needs: at least one (leave the field out
    /// for none), and no more than [`MAX_APPROVALS`].
    pub(super) fn approvals(&self, count: &At<u64>, path: Where) -> Result<usize, LoadError> {
        match usize::try_from(count.value) {
            Ok(n @ 1..=MAX_APPROVALS) => Ok(n),
            _ => Err(self
                .error(
                    count.loc.as_ref(),
                    format!("{path}: `approvals` is {}; it must be 1 to {MAX_APPROVALS}", count.value),
                )
                .with_hint("the number of different people who must approve the phase before it opens, for example `approvals: 2`; leave the field out for none".to_owned())),
        }
    }

    /// A one-line text that must not be empty: a title or a name.
    pub(super) fn required_line(&self, text: At<Text>, field: &str, path: Where) -> Result<String, LoadError> {
        match clean_line_owned(text.value.0) {
            Ok(clean) if clean.is_empty() => Err(self
                .error(text.loc.as_ref(), format!("{path}: `{field}` is empty"))
                .with_hint(format!(
                    "write the {field} as text, for example `{field}: {}`",
                    example(field)
                ))),
            Ok(clean) if clean.chars().count() > MAX_LINE_CHARS => Err(self
                .error(
                    text.loc.as_ref(),
                    format!(
                        "{path}: `{field}` is {} characters long; a {field} has at most {MAX_LINE_CHARS}",
                        clean.chars().count()
                    ),
                )
                .with_hint(match field {
                    "title" => "keep the title short and put the rest in `detail:`",
                    _ => "keep the name short",
                })),
            Ok(clean) => Ok(clean),
            Err(TextError::Newline) => Err(self
                .error(text.loc.as_ref(), format!("{path}: `{field}` spans several lines"))
                .with_hint(match field {
                    "title" => "keep the title to one line and put the rest in `detail:`",
                    _ => "keep it to one line",
                })),
        }
    }

    pub(super) fn nonempty<T>(
        &self,
        list: &At<Vec<T>>,
        field: &str,
        path: Where,
        example: &str,
    ) -> Result<(), LoadError> {
        if list.value.is_empty() {
            let whose = path;
            return Err(self
                .error(list.loc.as_ref(), format!("{whose}: `{field}` is empty"))
                .with_hint(format!("add at least one entry: {example}")));
        }
        Ok(())
    }

    /// An explicit `id:` and where it stands, refused when longer than a title
    /// may be (the id is derived from the title otherwise).
    pub(super) fn explicit_id<'t>(
        &self,
        id: Option<&'t At<Text>>,
        path: Where,
    ) -> Result<(Option<&'t str>, Option<Location>), LoadError> {
        let text = id.map(|id| id.value.0.trim());
        let loc = id.and_then(|id| id.loc);
        if let Some(long) = text.filter(|t| t.chars().count() > MAX_LINE_CHARS) {
            return Err(self
                .error(
                    loc.as_ref(),
                    format!(
                        "{path}: the id is {} characters long; an id has at most {MAX_LINE_CHARS}",
                        long.chars().count()
                    ),
                )
                .with_hint("use a short slug, for example `id: step-1`"));
        }
        Ok((text, loc))
    }

    /// Explains an id refusal. `own` is where the offending node (or its `id:`)
    /// stands; `earlier` is where the sibling it collides with stands.
    pub(super) fn id_error(
        &self,
        err: IdError,
        kind: &str,
        path: Where,
        own: Option<Location>,
        earlier: impl Fn(usize) -> Option<Location>,
    ) -> LoadError {
        match err {
            IdError::Invalid { id, suggestion } => {
                let hint = if suggestion.is_empty() {
                    "use lowercase letters and digits joined by dashes, for example `id: step-1`".to_owned()
                } else {
                    format!("use `id: {suggestion}`")
                };
                self.error(
                    own.as_ref(),
                    format!(
                        "{path}: invalid id `{id}`: an id is lowercase ASCII letters and digits joined by single dashes"
                    ),
                )
                .with_hint(hint)
            }
            IdError::Duplicate { id, earlier: index } => {
                let line = |loc: Option<Location>| loc.map_or_else(|| "?".to_owned(), |l| l.line().to_string());
                self.error(
                    own.as_ref(),
                    format!(
                        "{path}: duplicate {kind} id `{id}`: the {kind}s at line {} and line {} both have it",
                        line(earlier(index)),
                        line(own)
                    ),
                )
                .with_note("ids are derived from names; two siblings named alike need an explicit id")
                .with_hint(format!("add `id: {id}-2` (or another unique slug) to one of them"))
            }
        }
    }
}

/// Where in the checklist a node is, as `phases[0].sections[2].items[4]` (and
/// `.items[1]` for each level of sub-items); built into text only for an error
/// message.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Where {
    phase: Option<usize>,
    section: Option<usize>,
    /// The item's position at each level, outermost first; `depth` are used.
    items: [usize; MAX_SUB_ITEM_DEPTH + 1],
    depth: usize,
}

impl Where {
    /// The phase at `position`.
    pub(super) fn phase(self, position: usize) -> Where {
        Where {
            phase: Some(position),
            ..self
        }
    }

    /// The section at `position` in this phase.
    pub(super) fn section(self, position: usize) -> Where {
        Where {
            section: Some(position),
            ..self
        }
    }

    /// The item at `position` one level deeper.
    pub(super) fn item(self, position: usize) -> Where {
        let mut inner = self;
        inner.items[self.depth] = position;
        inner.depth += 1;
        inner
    }
}

impl std::fmt::Display for Where {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.phase {
            None => f.write_str("the checklist")?,
            Some(p) => write!(f, "phases[{p}]")?,
        }
        if let Some(s) = self.section {
            write!(f, ".sections[{s}]")?;
        }
        for i in &self.items[..self.depth] {
            write!(f, ".items[{i}]")?;
        }
        Ok(())
    }
}
