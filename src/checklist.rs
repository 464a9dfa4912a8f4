//! The checklist model: a checklist has phases, a phase has sections, a section
//! has items, and every item has a stable id.
//!
//! The tree is stored flat: all sections in one vector, all items in another, and
//! each parent keeps the range of its children. Whole-checklist walks (progress,
//! search, export) are then plain slice iterations, and an item is addressed by its
//! index, which is what run state and the terminal view key on. This module does no
//! I/O; file formats build a [`Checklist`] through [`ChecklistBuilder`].

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use crate::slug::{is_slug, slugify};

/// The full path of an item, `phase-id/section-id/item-id`: what the run log, the
/// command line and scripts use to name an item, stable while its names are.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId(String);

impl ItemId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where an item stands in a run.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Todo,
    Done,
    /// Not applicable to this run, with the reason an operator gave.
    Skipped {
        reason: Option<String>,
    },
}

impl Status {
    /// The name scripts and the run log use.
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::Done => "done",
            Status::Skipped { .. } => "skipped",
        }
    }
}

/// A whole checklist, validated: ids unique among siblings, nothing empty.
#[derive(Debug, Clone)]
pub struct Checklist {
    pub title: String,
    pub description: Option<String>,
    phases: Vec<Phase>,
    sections: Vec<Section>,
    items: Vec<Item>,
    by_id: HashMap<String, usize>,
}

#[derive(Debug, Clone)]
pub struct Phase {
    pub id: String,
    pub name: String,
    pub icon: Option<String>,
    /// Indexes into [`Checklist::sections`].
    pub sections: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Section {
    /// The section's own slug; its path is `phase-id/section-id`.
    pub id: String,
    pub name: String,
    pub phase: usize,
    /// Indexes into [`Checklist::items`].
    pub items: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub id: ItemId,
    pub title: String,
    pub detail: Option<String>,
    pub section: usize,
}

impl Phase {
    /// The icon and a space, ready to stand before the name; empty without one.
    pub fn icon_prefix(&self) -> String {
        self.icon.as_deref().map(|i| format!("{i} ")).unwrap_or_default()
    }
}

impl Checklist {
    pub fn phases(&self) -> &[Phase] {
        &self.phases
    }

    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// Every item, in checklist order.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    pub fn sections_of(&self, phase: &Phase) -> &[Section] {
        &self.sections[phase.sections.clone()]
    }

    pub fn items_of(&self, section: &Section) -> &[Item] {
        &self.items[section.items.clone()]
    }

    /// The range of item indexes that belong to a phase.
    pub fn item_range_of(&self, phase: &Phase) -> Range<usize> {
        let sections = self.sections_of(phase);
        match (sections.first(), sections.last()) {
            (Some(first), Some(last)) => first.items.start..last.items.end,
            _ => 0..0,
        }
    }

    /// The index of the item with exactly this full id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }
}

/// Why an id was refused while building.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdError {
    /// An explicit `id:` that is not a slug; `suggestion` is the slug of it.
    Invalid { id: String, suggestion: String },
    /// Another sibling already has this id; `earlier` is that sibling's index in
    /// [`Checklist::phases`], [`Checklist::sections`] or [`Checklist::items`].
    Duplicate { id: String, earlier: usize },
}

/// Builds a [`Checklist`] in reading order, applying the id rules: an explicit id
/// must be a slug; otherwise the id is the slug of the name, or `kind-N` (the
/// 1-based position) when the name has no letters or digits.
#[derive(Debug)]
pub struct ChecklistBuilder {
    checklist: Checklist,
    section_paths: HashMap<String, usize>,
    phase_ids: HashMap<String, usize>,
}

fn choose_id(explicit: Option<&str>, name: &str, kind: &str, position: usize) -> Result<String, IdError> {
    match explicit {
        Some(id) if is_slug(id) => Ok(id.to_owned()),
        Some(id) => Err(IdError::Invalid {
            id: id.to_owned(),
            suggestion: slugify(id),
        }),
        None => {
            let slug = slugify(name);
            Ok(if slug.is_empty() {
                format!("{kind}-{position}")
            } else {
                slug
            })
        }
    }
}

impl ChecklistBuilder {
    pub fn new(title: String, description: Option<String>) -> Self {
        ChecklistBuilder {
            checklist: Checklist {
                title,
                description,
                phases: Vec::new(),
                sections: Vec::new(),
                items: Vec::new(),
                by_id: HashMap::new(),
            },
            section_paths: HashMap::new(),
            phase_ids: HashMap::new(),
        }
    }

    /// Starts a new phase; the sections added next belong to it.
    pub fn phase(&mut self, explicit_id: Option<&str>, name: String, icon: Option<String>) -> Result<(), IdError> {
        let list = &mut self.checklist;
        let id = choose_id(explicit_id, &name, "phase", list.phases.len() + 1)?;
        if let Some(&earlier) = self.phase_ids.get(&id) {
            return Err(IdError::Duplicate { id, earlier });
        }
        self.phase_ids.insert(id.clone(), list.phases.len());
        let at = list.sections.len();
        list.phases.push(Phase {
            id,
            name,
            icon,
            sections: at..at,
        });
        Ok(())
    }

    /// Starts a new section in the current phase; the items added next belong to it.
    ///
    /// # Panics
    /// When no phase was started: a bug in the caller, not bad input.
    pub fn section(&mut self, explicit_id: Option<&str>, name: String) -> Result<(), IdError> {
        let list = &mut self.checklist;
        let phase_index = list.phases.len() - 1;
        let phase = &mut list.phases[phase_index];
        let id = choose_id(explicit_id, &name, "section", phase.sections.len() + 1)?;
        let path = format!("{}/{id}", phase.id);
        if let Some(&earlier) = self.section_paths.get(&path) {
            return Err(IdError::Duplicate { id, earlier });
        }
        self.section_paths.insert(path, list.sections.len());
        let at = list.items.len();
        list.sections.push(Section {
            id,
            name,
            phase: phase_index,
            items: at..at,
        });
        phase.sections.end = list.sections.len();
        Ok(())
    }

    /// Adds an item to the current section.
    ///
    /// # Panics
    /// When no section was started: a bug in the caller, not bad input.
    pub fn item(&mut self, explicit_id: Option<&str>, title: String, detail: Option<String>) -> Result<(), IdError> {
        let list = &mut self.checklist;
        let section_index = list.sections.len() - 1;
        let section = &mut list.sections[section_index];
        let id = choose_id(explicit_id, &title, "item", section.items.len() + 1)?;
        let full = format!("{}/{}/{id}", list.phases[section.phase].id, section.id);
        if let Some(&earlier) = list.by_id.get(&full) {
            return Err(IdError::Duplicate { id, earlier });
        }
        list.by_id.insert(full.clone(), list.items.len());
        list.items.push(Item {
            id: ItemId(full),
            title,
            detail,
            section: section_index,
        });
        section.items.end = list.items.len();
        Ok(())
    }

    pub fn finish(self) -> Checklist {
        self.checklist
    }
}

#[cfg(test)]
mod tests;
