//! From the raw YAML shape to the core model: texts cleaned, nothing empty, ids
//! valid and unique among siblings, each refusal pointing at its line.
//!
//! Generic over whether locations were recorded: a plain parse that builds
//! fine needs none, and one that fails is built again with them, to point.

use serde_saphyr::Location;

use super::context::{Context, Where};
use super::error::LoadError;
use super::raw::{At, RawChecklist, RawFullItem, RawItem, Spans};
use super::runbook::opened;
use crate::checklist::{Checklist, ChecklistBuilder, MAX_SUB_ITEM_DEPTH, Param};
use crate::text::{clean_blocks_owned, clean_command, clean_line};

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
        let path = top.phase(p);
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
            let path = path.section(s);
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
