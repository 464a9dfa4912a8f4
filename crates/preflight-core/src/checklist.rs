//! The checklist model: a checklist has phases, a phase has sections, a section
//! has items, an item may have sub-items, and every item has a stable id.
//!
//! The tree is stored flat: all sections in one vector, all items in another
//! (sub-items right after their parent, depth first), and each parent keeps the
//! range of its descendants. Whole-checklist walks (progress, search, export)
//! are then plain slice iterations, every box counted once, and an item is
//! addressed by its index, which is what run state and the terminal view key
//! on. This module does no I/O; file formats build a [`Checklist`] through
//! [`ChecklistBuilder`].

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

/// The full path of an item, `phase-id/section-id/item-id`: what the run log, the
/// command line and scripts use to name an item, stable while its names are.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId(String);

impl ItemId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An id as a run log or a caller names it: it may name an item the
/// checklist does not have (an orphan), so it is not checked here.
impl From<String> for ItemId {
    fn from(id: String) -> ItemId {
        ItemId(id)
    }
}

impl From<&str> for ItemId {
    fn from(id: &str) -> ItemId {
        ItemId(id.to_owned())
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
    /// The values a run is started with, in the order declared.
    pub params: Vec<Param>,
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
    /// What a reader is told before its sections: Markdown blocks.
    pub description: Option<String>,
    /// Opens only when every earlier phase is complete.
    pub gate: bool,
    /// Opens only when this many different people approved it, none of
    /// whom recorded a change in an earlier phase (two-person rule); 0 for
    /// none.
    pub approvals: usize,
    /// Indexes into [`Checklist::sections`].
    pub sections: Range<usize>,
}

/// A value a run is started with, named in texts as `{{name}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    pub name: String,
    pub description: Option<String>,
    /// The value when the run gives none; without one, a run must.
    pub default: Option<String>,
    /// A password or token: its value is never written to a run log or
    /// shown; it comes from `PREFLIGHT_PARAM_<NAME>` or the view's masked
    /// prompt, for that session only.
    pub secret: bool,
}

#[derive(Debug, Clone)]
pub struct Section {
    /// The section's own slug; its path is `phase-id/section-id`.
    pub id: String,
    pub name: String,
    /// What a reader is told before its items: Markdown blocks.
    pub description: Option<String>,
    pub phase: usize,
    /// Indexes into [`Checklist::items`], sub-items included.
    pub items: Range<usize>,
    /// Its items are numbered steps (`1.`, `2.`) where it came from.
    pub numbered: bool,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub id: ItemId,
    pub title: String,
    pub detail: Option<String>,
    pub section: usize,
    /// The item this one is a sub-item of; `None` directly in a section.
    pub parent: Option<usize>,
    /// 0 directly in a section, 1 for a sub-item, and so on.
    pub depth: usize,
    /// How many items nest below it, at any depth: they follow it directly.
    pub descendants: usize,
    /// Its sub-items are numbered steps (`1.`, `2.`) where it came from.
    pub numbered: bool,
    /// How to do it: a shell command, `{{param}}` placeholders in it.
    pub command: Option<String>,
    /// How to prove it: a shell command that exits 0 when it is true.
    pub verify: Option<String>,
}

/// How deep sub-items may nest below an item directly in a section: enough for
/// any checklist a person reads, and few enough that the view stays readable.
pub const MAX_SUB_ITEM_DEPTH: usize = 4;

impl Item {
    pub fn has_sub_items(&self) -> bool {
        self.descendants > 0
    }

    /// The item's own id, the last part of its path.
    pub fn own_id(&self) -> &str {
        self.id.as_str().rsplit('/').next().unwrap_or_default()
    }
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

    /// The range of item indexes that belong to a phase.
    pub fn item_range_of(&self, phase: &Phase) -> Range<usize> {
        let sections = self.sections_of(phase);
        match (sections.first(), sections.last()) {
            (Some(first), Some(last)) => first.items.start..last.items.end,
            _ => 0..0,
        }
    }

    /// The item at `index` and all its sub-items, at any depth.
    pub fn subtree(&self, index: usize) -> Range<usize> {
        index..index + 1 + self.items[index].descendants
    }

    /// The indexes of the items directly in `range` (a section's items or an
    /// item's descendants), skipping what nests below them.
    pub fn top_level(&self, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let mut next = range.start;
        std::iter::from_fn(move || {
            let at = next;
            (at < range.end).then(|| {
                next = at + 1 + self.items[at].descendants;
                at
            })
        })
    }

    /// The sub-items directly below the item at `index`.
    pub fn children_of(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let range = self.subtree(index);
        self.top_level(range.start + 1..range.end)
    }

    /// The item at `index` and the items it nests in, innermost first.
    pub fn ancestors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(index), |&i| self.items[i].parent)
    }

    /// The checklist as a run shows it: `{{param}}` in every text a person
    /// reads (title, descriptions, phase and section names, icons, item
    /// titles and details) replaced by the run's values, `\{{` by `{{`. Item
    /// titles, details and descriptions are Markdown written out as it is, and a value is
    /// anyone's words, so there it goes in as literal text (see
    /// [`crate::template::render_markdown`]); the other texts are escaped
    /// whole wherever they are written. Ids stay those of the written texts;
    /// commands stay templates, to be quoted for the shell when they run.
    pub fn put_values(&mut self, values: &crate::template::Values) {
        use crate::template::{render, render_markdown};
        let fill = |text: &mut String, markdown: bool| {
            if text.contains("{{") {
                *text = if markdown {
                    render_markdown(text, values)
                } else {
                    render(text, values)
                }
                .into_owned();
            }
        };
        fill(&mut self.title, false);
        if let Some(description) = &mut self.description {
            fill(description, true);
        }
        for phase in &mut self.phases {
            fill(&mut phase.name, false);
            if let Some(icon) = &mut phase.icon {
                fill(icon, false);
            }
            if let Some(description) = &mut phase.description {
                fill(description, true);
            }
        }
        for section in &mut self.sections {
            fill(&mut section.name, false);
            if let Some(description) = &mut section.description {
                fill(description, true);
            }
        }
        for item in &mut self.items {
            fill(&mut item.title, true);
            if let Some(detail) = &mut item.detail {
                fill(detail, true);
            }
        }
    }

    /// The earlier phase that keeps the gated phase `phase` closed, with its
    /// open items: the first incomplete one. `None` when the phase is open.
    pub fn gate_closed_by(&self, phase: usize, open: impl Fn(usize) -> usize) -> Option<(usize, usize)> {
        if !self.phases[phase].gate {
            return None;
        }
        (0..phase).map(|p| (p, open(p))).find(|&(_, n)| n > 0)
    }

    /// The index of the phase with exactly this id.
    pub fn phase_index(&self, id: &str) -> Option<usize> {
        self.phases.iter().position(|p| p.id == id)
    }

    /// Whether any phase has a gate or needs approvals: only then does a
    /// change's order matter to whether its phase was open.
    pub fn has_gates(&self) -> bool {
        self.phases.iter().any(|p| p.gate || p.approvals > 0)
    }

    /// The index of the item with exactly this full id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }
}

mod builder;
#[cfg(test)]
pub(crate) mod sample;

pub use builder::{ChecklistBuilder, IdError, derived_id};

#[cfg(test)]
mod tests;
