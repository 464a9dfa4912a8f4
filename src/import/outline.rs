//! What an import makes of a Markdown checklist: an outline of phases,
//! sections and items, with the run it carries (ticks, who, when, notes) and
//! what was left out, line by line. Pure data for `format` to write as YAML.

use crate::checklist::Status;
use crate::timestamp::Timestamp;

/// A checklist as read from Markdown, with the run it carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    pub title: String,
    pub description: Option<String>,
    pub phases: Vec<OutlinePhase>,
    /// What was not imported, with its line, in document order.
    pub left_out: Vec<LeftOut>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutlinePhase {
    pub name: String,
    pub icon: Option<String>,
    pub sections: Vec<OutlineSection>,
    /// The line of its heading (0 when items made it, not a heading).
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutlineSection {
    pub name: String,
    pub items: Vec<OutlineItem>,
    /// The line of its heading (0 when items made it, not a heading).
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutlineItem {
    pub title: String,
    pub detail: Option<String>,
    pub status: Status,
    pub note: Option<String>,
    /// Who ticked or skipped it, and when, when the export said so.
    pub by: Option<String>,
    pub at: Option<Timestamp>,
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeftOut {
    pub line: usize,
    pub what: &'static str,
}

impl Outline {
    pub fn item_count(&self) -> usize {
        self.phases
            .iter()
            .flat_map(|p| &p.sections)
            .map(|s| s.items.len())
            .sum()
    }
}
