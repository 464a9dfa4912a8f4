//! From the raw YAML shape to the core model: texts cleaned, nothing empty, ids
//! valid and unique among siblings, each refusal pointing at its line.
//!
//! Generic over whether locations were recorded: a plain parse that builds
//! fine needs none, and one that fails is built again with them, to point.

use serde_saphyr::Location;

use super::error::{LoadError, Position};
use super::raw::{At, RawChecklist, RawFullItem, RawItem, Spans, Text};
use super::runbook::opened;
use crate::checklist::{Checklist, ChecklistBuilder, IdError, MAX_SUB_ITEM_DEPTH, Param};
use crate::text::{MAX_LINE_CHARS, TextError, clean_blocks_owned, clean_command, clean_line, clean_line_owned};

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
    fn approvals(&self, count: &At<u64>, path: Where) -> Result<usize, LoadError> {
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
    fn required_line(&self, text: At<Text>, field: &str, path: Where) -> Result<String, LoadError> {
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

    fn nonempty<T>(&self, list: &At<Vec<T>>, field: &str, path: Where, example: &str) -> Result<(), LoadError> {
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
    fn explicit_id<'t>(
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
    fn id_error(
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
    fn item(self, position: usize) -> Where {
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

pub(super) fn build<S: Spans>(raw: RawChecklist<S>, source: &str, file: &str) -> Result<Checklist, LoadError> {
    let cx = Context { source, file };
    let top = Where::default();
    let title = cx.required_line(S::open(raw.title), "title", top)?;
    let description = raw
        .description
        .map(|d| clean_blocks_owned(d.0))
        .filter(|d| !d.is_empty());
    let params = cx.params::<S>(raw.params)?;
    cx.placeholders(&title, None, "title", top, &params)?;
    if let Some(description) = &description {
        cx.placeholders(description, None, "description", top, &params)?;
    }
    let phases = S::open(raw.phases);
    cx.nonempty(&phases, "phases", top, "`- name: Pre-Deployment` with `sections:`")?;
    let mut builder = ChecklistBuilder::new(title, description);
    for param in &params {
        builder.param(param.clone());
    }
    let mut phase_locs = Vec::new();
    let mut section_locs = Vec::new();
    let mut item_locs = Vec::new();
    for (p, phase) in phases.value.into_iter().enumerate() {
        let path = Where { phase: Some(p), ..top };
        let At { value: phase, loc } = S::open(phase);
        let name = S::open(phase.name);
        let name_loc = name.loc.or(loc);
        let name = cx.required_line(name, "name", path)?;
        cx.placeholders(&name, name_loc.as_ref(), "name", path, &params)?;
        let icon = phase.icon.and_then(|i| clean_line(&i.0).ok()).filter(|i| !i.is_empty());
        if let Some(icon) = &icon {
            cx.placeholders(icon, name_loc.as_ref(), "icon", path, &params)?;
        }
        let id = phase.id.map(S::open);
        let (id, id_loc) = cx.explicit_id(id.as_ref(), path)?;
        builder
            .phase(id, name, icon)
            .map_err(|e| cx.id_error(e, "phase", path, id_loc.or(loc), |i| phase_locs[i]))?;
        phase_locs.push(loc);
        if phase.gate {
            builder.gate();
        }
        if let Some(approvals) = phase.approvals.map(S::open) {
            builder.approvals(cx.approvals(&approvals, path)?);
        }
        builder.phase_description(cx.description(phase.description, path, &params)?);
        let sections = S::open(phase.sections);
        cx.nonempty(
            &sections,
            "sections",
            path,
            "`- name: Infrastructure Setup` with `items:`",
        )?;
        for (s, section) in sections.value.into_iter().enumerate() {
            let path = Where {
                section: Some(s),
                ..path
            };
            let At { value: section, loc } = S::open(section);
            let name = S::open(section.name);
            let name_loc = name.loc.or(loc);
            let name = cx.required_line(name, "name", path)?;
            cx.placeholders(&name, name_loc.as_ref(), "name", path, &params)?;
            let id = section.id.map(S::open);
            let (id, id_loc) = cx.explicit_id(id.as_ref(), path)?;
            builder
                .section(id, name)
                .map_err(|e| cx.id_error(e, "section", path, id_loc.or(loc), |i| section_locs[i]))?;
            section_locs.push(loc);
            if section.numbered {
                builder.numbered();
            }
            builder.section_description(cx.description(section.description, path, &params)?);
            let items = S::open(section.items);
            cx.nonempty(&items, "items", path, "`- Backups verified`")?;
            cx.items::<S>(items.value, path, &mut builder, &mut item_locs, &params)?;
        }
    }
    Ok(builder.finish())
}

impl Context<'_> {
    /// Adds a list of items, and each item's sub-items below it.
    fn items<S: Spans>(
        &self,
        items: Vec<S::W<RawItem<S>>>,
        path: Where,
        builder: &mut ChecklistBuilder,
        locs: &mut Vec<Option<Location>>,
        params: &[Param],
    ) -> Result<(), LoadError> {
        for (i, item) in items.into_iter().enumerate() {
            let path = path.item(i);
            let At { value: item, loc } = S::open(item);
            let (title, detail, id, numbered, sub_items, actions) = match item {
                RawItem::Short(title) => (At { value: title, loc }, None, None, false, None, (None, None)),
                RawItem::Full(RawFullItem {
                    title,
                    detail,
                    id,
                    command,
                    verify,
                    numbered,
                    items,
                }) => (
                    S::open(title),
                    opened::<S>(detail),
                    id.map(S::open),
                    numbered,
                    items.map(S::open),
                    (opened::<S>(command), opened::<S>(verify)),
                ),
            };
            let title_loc = title.loc;
            let title = self.required_line(title, "title", path)?;
            self.placeholders(&title, title_loc.as_ref().or(loc.as_ref()), "title", path, params)?;
            let (detail, detail_loc) = match detail {
                Some(At { value, loc }) => (Some(clean_blocks_owned(value.0)).filter(|d| !d.is_empty()), loc),
                None => (None, None),
            };
            if let Some(detail) = &detail {
                self.placeholders(detail, detail_loc.as_ref(), "detail", path, params)?;
            }
            let mut commands = [None, None];
            for ((slot, field), text) in commands
                .iter_mut()
                .zip(["command", "verify"])
                .zip([actions.0, actions.1])
            {
                let Some(At { value, loc: at }) = text else { continue };
                *slot = clean_command(&value.0);
                if let Some(command) = &*slot {
                    self.placeholders(command, at.as_ref(), field, path, params)?;
                }
            }
            let (id, id_loc) = self.explicit_id(id.as_ref(), path)?;
            builder
                .item(id, title, detail)
                .map_err(|e| self.id_error(e, "item", path, id_loc.or(loc), |i| locs[i]))?;
            let [command, verify] = commands;
            builder.actions(command, verify);
            locs.push(loc);
            let Some(sub_items) = sub_items.filter(|s| !s.value.is_empty()) else {
                continue;
            };
            if builder.depth() == MAX_SUB_ITEM_DEPTH {
                return Err(self
                    .error(
                        sub_items.loc.as_ref().or(loc.as_ref()),
                        format!("{path}: sub-items nest at most {MAX_SUB_ITEM_DEPTH} levels below a section's items"),
                    )
                    .with_hint("move these items up a level, or into a section of their own"));
            }
            builder.open_sub_items();
            if numbered {
                builder.numbered();
            }
            self.items::<S>(sub_items.value, path, builder, locs, params)?;
            builder.close_sub_items();
        }
        Ok(())
    }
}
