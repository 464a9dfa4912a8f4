//! From the raw YAML shape to the core model: texts cleaned, nothing empty, ids
//! valid and unique among siblings, each refusal pointing at its line.

use serde_saphyr::{Location, Spanned};

use super::error::{LoadError, Position};
use super::raw::{RawChecklist, RawFullItem, RawItem, Text};
use crate::checklist::{Checklist, ChecklistBuilder, IdError};
use crate::text::{TextError, clean_line, clean_paragraph};

/// What the builder needs to point at lines while it works.
struct Context<'a> {
    source: &'a str,
    file: &'a str,
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
    fn error(&self, loc: &Location, message: String) -> LoadError {
        LoadError::at(self.file, self.source, position(loc), message)
    }

    /// A one-line text that must not be empty: a title or a name.
    fn required_line(&self, text: &Spanned<Text>, field: &str, path: &str) -> Result<String, LoadError> {
        match clean_line(&text.value.0) {
            Ok(clean) if clean.is_empty() => Err(self
                .error(&text.referenced, format!("{path}: `{field}` is empty"))
                .with_hint(format!(
                    "write the {field} as text, for example `{field}: {}`",
                    example(field)
                ))),
            Ok(clean) => Ok(clean),
            Err(TextError::Newline) => Err(self
                .error(&text.referenced, format!("{path}: `{field}` spans several lines"))
                .with_hint(match field {
                    "title" => "keep the title to one line and put the rest in `detail:`",
                    _ => "keep it to one line",
                })),
        }
    }

    fn nonempty<T>(&self, list: &Spanned<Vec<T>>, field: &str, path: &str, example: &str) -> Result<(), LoadError> {
        if list.value.is_empty() {
            let whose = if path.is_empty() {
                "the checklist".to_owned()
            } else {
                path.to_owned()
            };
            return Err(self
                .error(&list.referenced, format!("{whose}: `{field}` is empty"))
                .with_hint(format!("add at least one entry: {example}")));
        }
        Ok(())
    }

    fn explicit_id(id: Option<&Spanned<Text>>) -> (Option<&str>, Option<Location>) {
        (id.map(|id| id.value.0.trim()), id.map(|id| id.referenced))
    }

    /// Explains an id refusal. `own` is where the offending node (or its `id:`)
    /// stands; `earlier` is where the sibling it collides with stands.
    fn id_error(
        &self,
        err: IdError,
        kind: &str,
        path: &str,
        own: &Location,
        earlier: impl Fn(usize) -> Location,
    ) -> LoadError {
        match err {
            IdError::Invalid { id, suggestion } => {
                let hint = if suggestion.is_empty() {
                    "use lowercase letters and digits joined by dashes, for example `id: step-1`".to_owned()
                } else {
                    format!("use `id: {suggestion}`")
                };
                self.error(
                    own,
                    format!(
                        "{path}: invalid id `{id}`: an id is lowercase ASCII letters and digits joined by single dashes"
                    ),
                )
                .with_hint(hint)
            }
            IdError::Duplicate { id, earlier: index } => {
                let first = earlier(index);
                self.error(
                    own,
                    format!(
                        "{path}: duplicate {kind} id `{id}`: the {kind}s at line {} and line {} both have it",
                        first.line(),
                        own.line()
                    ),
                )
                .with_note("ids are derived from names; two siblings named alike need an explicit id")
                .with_hint(format!("add `id: {id}-2` (or another unique slug) to one of them"))
            }
        }
    }
}

pub(super) fn build(raw: RawChecklist, source: &str, file: &str) -> Result<Checklist, LoadError> {
    let cx = Context { source, file };
    let title = cx.required_line(&raw.title, "title", "the checklist")?;
    let description = raw.description.map(|d| clean_paragraph(&d.0)).filter(|d| !d.is_empty());
    cx.nonempty(&raw.phases, "phases", "", "`- name: Pre-Deployment` with `sections:`")?;
    let mut builder = ChecklistBuilder::new(title, description);
    let mut phase_locs = Vec::new();
    let mut section_locs = Vec::new();
    let mut item_locs = Vec::new();
    for (p, phase) in raw.phases.value.into_iter().enumerate() {
        let path = format!("phases[{p}]");
        let loc = phase.referenced;
        let phase = phase.value;
        let name = cx.required_line(&phase.name, "name", &path)?;
        let icon = phase.icon.and_then(|i| clean_line(&i.0).ok()).filter(|i| !i.is_empty());
        let (id, id_loc) = Context::explicit_id(phase.id.as_ref());
        builder
            .phase(id, name, icon)
            .map_err(|e| cx.id_error(e, "phase", &path, &id_loc.unwrap_or(loc), |i| phase_locs[i]))?;
        phase_locs.push(loc);
        cx.nonempty(
            &phase.sections,
            "sections",
            &path,
            "`- name: Infrastructure Setup` with `items:`",
        )?;
        for (s, section) in phase.sections.value.into_iter().enumerate() {
            let path = format!("{path}.sections[{s}]");
            let loc = section.referenced;
            let section = section.value;
            let name = cx.required_line(&section.name, "name", &path)?;
            let (id, id_loc) = Context::explicit_id(section.id.as_ref());
            builder
                .section(id, name)
                .map_err(|e| cx.id_error(e, "section", &path, &id_loc.unwrap_or(loc), |i| section_locs[i]))?;
            section_locs.push(loc);
            cx.nonempty(&section.items, "items", &path, "`- Backups verified`")?;
            for (i, item) in section.items.value.into_iter().enumerate() {
                let path = format!("{path}.items[{i}]");
                let loc = item.referenced;
                let RawFullItem { title, detail, id } = match item.value {
                    RawItem::Short(title) => RawFullItem {
                        title: Spanned::new(title, loc, item.defined),
                        detail: None,
                        id: None,
                    },
                    RawItem::Full(full) => full,
                };
                let title = cx.required_line(&title, "title", &path)?;
                let detail = detail.map(|d| clean_paragraph(&d.0)).filter(|d| !d.is_empty());
                let (id, id_loc) = Context::explicit_id(id.as_ref());
                builder
                    .item(id, title, detail)
                    .map_err(|e| cx.id_error(e, "item", &path, &id_loc.unwrap_or(loc), |i| item_locs[i]))?;
                item_locs.push(loc);
            }
        }
    }
    Ok(builder.finish())
}
