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

fn choose_id(
    explicit: Option<&str>,
    name: &str,
    kind: &str,
    position: usize,
) -> Result<String, IdError> {
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
    pub fn phase(
        &mut self,
        explicit_id: Option<&str>,
        name: String,
        icon: Option<String>,
    ) -> Result<(), IdError> {
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
    pub fn item(
        &mut self,
        explicit_id: Option<&str>,
        title: String,
        detail: Option<String>,
    ) -> Result<(), IdError> {
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
mod tests {
    use super::*;

    fn one_section() -> ChecklistBuilder {
        let mut b = ChecklistBuilder::new("T".into(), None);
        b.phase(None, "Pre-Deployment".into(), None).unwrap();
        b.section(None, "Infrastructure Setup".into()).unwrap();
        b
    }

    #[test]
    fn item_ids_are_paths_of_slugs() {
        let mut b = one_section();
        b.item(None, "Cloud/On-premise environment".into(), None)
            .unwrap();
        let list = b.finish();
        assert_eq!(
            list.items()[0].id.as_str(),
            "pre-deployment/infrastructure-setup/cloud-on-premise-environment"
        );
        assert_eq!(
            list.index_of("pre-deployment/infrastructure-setup/cloud-on-premise-environment"),
            Some(0)
        );
        assert_eq!(list.index_of("cloud-on-premise-environment"), None);
    }

    #[test]
    fn names_without_letters_or_digits_fall_back_to_their_position() {
        let mut b = ChecklistBuilder::new("T".into(), None);
        b.phase(None, "🚀".into(), None).unwrap();
        b.section(None, "A".into()).unwrap();
        b.section(None, "—".into()).unwrap();
        b.item(None, "x".into(), None).unwrap();
        b.item(None, "日本".into(), None).unwrap();
        b.item(None, "!!!".into(), None).unwrap();
        let list = b.finish();
        assert_eq!(list.phases()[0].id, "phase-1");
        assert_eq!(list.sections()[1].id, "section-2");
        let ids: Vec<_> = list.items().iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "phase-1/section-2/x",
                "phase-1/section-2/item-2",
                "phase-1/section-2/item-3"
            ]
        );
    }

    #[test]
    fn explicit_ids_must_be_slugs() {
        let mut b = one_section();
        assert_eq!(
            b.item(Some("code/tag"), "Tag".into(), None),
            Err(IdError::Invalid {
                id: "code/tag".into(),
                suggestion: "code-tag".into()
            })
        );
        assert!(b.item(Some("code-tag"), "Tag".into(), None).is_ok());
    }

    #[test]
    fn sibling_ids_must_be_unique_explicit_or_derived() {
        let mut b = one_section();
        b.item(None, "Backups verified".into(), None).unwrap();
        b.item(None, "Rollback".into(), None).unwrap();
        assert_eq!(
            b.item(None, "Backups, verified!".into(), None),
            Err(IdError::Duplicate {
                id: "backups-verified".into(),
                earlier: 0
            })
        );
        assert_eq!(
            b.item(Some("rollback"), "Other".into(), None),
            Err(IdError::Duplicate {
                id: "rollback".into(),
                earlier: 1
            })
        );
        assert!(
            b.item(Some("backups-verified-2"), "Backups verified".into(), None)
                .is_ok()
        );
    }

    #[test]
    fn the_same_id_is_fine_under_different_parents() {
        let mut b = one_section();
        b.item(None, "Rollback plan".into(), None).unwrap();
        b.section(None, "Communication".into()).unwrap();
        b.item(None, "Rollback plan".into(), None).unwrap();
        assert_eq!(
            b.section(None, "communication".into()),
            Err(IdError::Duplicate {
                id: "communication".into(),
                earlier: 1
            })
        );
        b.phase(None, "Go-Live".into(), None).unwrap();
        b.section(None, "Communication".into()).unwrap();
        b.item(None, "Rollback plan".into(), None).unwrap();
        assert_eq!(
            b.phase(None, "go live".into(), None),
            Err(IdError::Duplicate {
                id: "go-live".into(),
                earlier: 1
            })
        );
        let list = b.finish();
        assert_eq!(list.items().len(), 3);
        assert_eq!(
            list.items()[2].id.as_str(),
            "go-live/communication/rollback-plan"
        );
    }

    #[test]
    fn ranges_tie_the_flat_tree_together() {
        let mut b = one_section();
        b.item(None, "a".into(), None).unwrap();
        b.item(None, "b".into(), None).unwrap();
        b.section(None, "Second".into()).unwrap();
        b.item(None, "c".into(), Some("detail".into())).unwrap();
        let list = b.finish();
        let phase = &list.phases()[0];
        assert_eq!(list.sections_of(phase).len(), 2);
        assert_eq!(list.item_range_of(phase), 0..3);
        let second = &list.sections()[1];
        let titles: Vec<_> = list
            .items_of(second)
            .iter()
            .map(|i| i.title.as_str())
            .collect();
        assert_eq!(titles, ["c"]);
        assert_eq!(list.items()[2].section, 1);
        assert_eq!(list.items()[2].detail.as_deref(), Some("detail"));
    }
}
