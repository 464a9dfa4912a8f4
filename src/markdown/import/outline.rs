//! What an import makes of a Markdown checklist: an outline of phases,
//! sections and items, with the run it carries (ticks, who, when, notes) and
//! what was left out, line by line. Pure data for `format` to write as YAML.

use crate::checklist::{Checklist, ChecklistBuilder, IdError, Status};
use crate::template::escape;
use crate::timestamp::Timestamp;

/// A checklist as read from Markdown, with the run it carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    pub title: String,
    pub description: Option<String>,
    pub phases: Vec<OutlinePhase>,
    /// The document had no boxes: what was imported as steps instead.
    pub steps: Option<Steps>,
    /// What was not imported, with its line, in document order.
    pub left_out: Vec<LeftOut>,
}

/// What a document without boxes gave as steps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Steps {
    pub list_items: usize,
    pub shell_blocks: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutlinePhase {
    pub name: String,
    pub icon: Option<String>,
    /// The text under its heading: Markdown blocks.
    pub description: Option<String>,
    pub sections: Vec<OutlineSection>,
    /// The line of its heading (0 when items made it, not a heading).
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutlineSection {
    pub name: String,
    /// The text under its heading or label: Markdown blocks.
    pub description: Option<String>,
    /// Its items in reading order, each sub-item right after its parent
    /// (see [`OutlineItem::depth`]).
    pub items: Vec<OutlineItem>,
    /// The line of its heading (0 when items or a label made it).
    pub line: usize,
    /// Made by a group label (`- **Breaking changes**` over a task list).
    pub label: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutlineItem {
    pub title: String,
    pub detail: Option<String>,
    /// The shell block under it.
    pub command: Option<String>,
    /// The shell block an export marked as its verification.
    pub verify: Option<String>,
    pub status: Status,
    pub note: Option<String>,
    /// Who ticked or skipped it, and when, when the export said so.
    pub by: Option<String>,
    pub at: Option<Timestamp>,
    pub line: usize,
    /// 0 directly in a section, 1 for a sub-item of the item before it, …
    pub depth: usize,
    /// Written in a numbered list (`1. [ ]`).
    pub numbered: bool,
    /// When its title is the bold phrase its text began with: the title and
    /// detail it has read whole, should that phrase turn out to be a label
    /// many items share (`**Case:**`) rather than its own lead.
    pub without_lead: Option<(String, Option<String>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeftOut {
    pub line: usize,
    pub what: &'static str,
}

impl Outline {
    /// Every item, in reading order.
    pub fn items(&self) -> impl Iterator<Item = &OutlineItem> {
        self.phases.iter().flat_map(|p| &p.sections).flat_map(|s| &s.items)
    }

    /// The checklist the outline describes: names and texts as they are, sub-items
    /// below their parents, and a free `-2` suffix where derived ids repeat.
    ///
    /// # Errors
    /// Never for an outline that [`super::parse`] made; an id error otherwise.
    pub fn to_checklist(&self) -> Result<Checklist, IdError> {
        let literal = |text: &str| escape(text).into_owned();
        let mut builder =
            ChecklistBuilder::new(literal(&self.title), self.description.as_deref().map(literal)).deduplicating();
        for phase in &self.phases {
            builder.phase(None, literal(&phase.name), phase.icon.as_deref().map(literal))?;
            builder.phase_description(phase.description.as_deref().map(literal));
            for section in &phase.sections {
                builder.section(None, literal(&section.name))?;
                builder.section_description(section.description.as_deref().map(literal));
                if section.items.first().is_some_and(|i| i.numbered) {
                    builder.numbered();
                }
                for (i, item) in section.items.iter().enumerate() {
                    // A sub-item is at most one level below the item before it.
                    let depth = if i == 0 { 0 } else { item.depth.min(builder.depth() + 1) };
                    if depth > builder.depth() {
                        builder.open_sub_items();
                        if item.numbered {
                            builder.numbered();
                        }
                    }
                    while builder.depth() > depth {
                        builder.close_sub_items();
                    }
                    builder.item(None, literal(&item.title), item.detail.as_deref().map(literal))?;
                    builder.actions(
                        item.command.as_deref().map(literal),
                        item.verify.as_deref().map(literal),
                    );
                }
            }
        }
        Ok(builder.finish())
    }

    pub fn item_count(&self) -> usize {
        self.phases
            .iter()
            .flat_map(|p| &p.sections)
            .map(|s| s.items.len())
            .sum()
    }
}
