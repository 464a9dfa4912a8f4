//! Where a task goes: below the task it nests in, into the section a group
//! label makes, or after a label as its prefix.
//!
//! People group tasks under a line without a box: a plain bullet
//! (`- **Breaking changes**`), a numbered step (`1. CI pipeline:`) or a bold
//! line before a list. Such a label is the context of the tasks below it: it
//! becomes their section, or — under a `###` heading, which already made the
//! section, or inside a task — the start of their titles.

use super::{Cursor, LeftOut, Outline, OutlinePhase, OutlineSection, html, mojibake};
use crate::checklist::MAX_SUB_ITEM_DEPTH;
use crate::text::clean_line;

/// A line without a box that may label the tasks below it.
pub(super) struct Label {
    name: String,
    line: usize,
    /// A task took it as its context: it is not left out.
    pub used: bool,
}

/// The text of a label: without bold, HTML comments or a closing colon.
fn label_name(text: &str) -> Option<String> {
    let text = html::visible(text);
    let joined: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut name = joined.join(" ");
    for _ in 0..2 {
        let trimmed = name.trim().trim_end_matches(':').trim_end();
        let unwrapped = ["**", "__"].iter().find_map(|d| {
            let inner = trimmed.strip_prefix(d)?.strip_suffix(d)?;
            (!inner.contains(d)).then_some(inner)
        });
        name = unwrapped.unwrap_or(trimmed).trim().to_owned();
    }
    let name = clean_line(&mojibake::repair(&name)).ok()?;
    (!name.is_empty()).then_some(name)
}

impl Label {
    /// A plain list item's text (its marker first), as the label of the list
    /// nested in it.
    pub(super) fn of_item(source: &str, line: usize) -> Option<Label> {
        let text = source.trim_start();
        let text = text.strip_prefix(['-', '*', '+']).unwrap_or_else(|| {
            text.trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start_matches(['.', ')'])
        });
        Some(Label {
            name: label_name(text)?,
            line,
            used: false,
        })
    }

    /// A paragraph that reads as a label: one line, all bold or ending with a
    /// colon, short.
    pub(super) fn of_line(text: &str, line: usize) -> Option<Label> {
        let one_line = !text.contains('\n') && text.chars().count() <= 120;
        let bold = ["**", "__"].iter().any(|d| {
            let core = text.trim_end_matches(':');
            core.len() > 4 && core.starts_with(d) && core.ends_with(d) && !core[2..core.len() - 2].contains(d)
        });
        if !(one_line && (bold || text.ends_with(':'))) {
            return None;
        }
        Some(Label {
            name: label_name(text)?,
            line,
            used: false,
        })
    }

    pub(super) fn left_out(&self, outline: &mut Outline, what: &'static str) {
        outline.left_out.push(LeftOut { line: self.line, what });
    }
}

impl Cursor {
    /// A label line that no task list followed is left out, as a paragraph.
    pub(super) fn flush_label(&mut self, outline: &mut Outline) {
        if let Some(label) = self.pending_label.take() {
            label.left_out(outline, "paragraph");
        }
    }
}

/// Where the task being read goes.
pub(super) struct Place {
    /// How many tasks it nests in.
    pub depth: usize,
    /// Labels to put before its title.
    pub prefix: Option<String>,
    /// The label whose section it goes into.
    pub section: Option<String>,
}

/// Works out where the innermost open task goes, marking the labels it uses.
pub(super) fn place(cx: &mut Cursor, outline: &Outline) -> Place {
    let mut depth = 0;
    let mut outer = Vec::new();
    let mut inner = Vec::new();
    if let Some(label) = &mut cx.list_label {
        label.used = true;
        outer.push(label.name.clone());
    }
    let enclosing = cx.open_items.len().saturating_sub(1);
    for open in &mut cx.open_items[..enclosing] {
        if open.item {
            depth += 1;
            inner.clear();
        } else if let Some(label) = &mut open.label {
            label.used = true;
            if depth == 0 {
                outer.push(label.name.clone());
            } else {
                inner.push(label.name.clone());
            }
        }
    }
    // Under a `###` heading the section is made already: labels lead titles.
    let in_heading_section = outline
        .phases
        .last()
        .and_then(|p| p.sections.last())
        .is_some_and(|s| s.line > 0 && !s.label);
    if depth == 0 && in_heading_section {
        inner = std::mem::take(&mut outer);
    }
    Place {
        depth: depth.min(MAX_SUB_ITEM_DEPTH),
        prefix: (!inner.is_empty()).then(|| inner.join(" / ")),
        section: (depth == 0 && !outer.is_empty()).then(|| outer.join(" / ")),
    }
}

/// The section a task goes into: its label's; for a sub-item its parent's;
/// else the last one, unless that belongs to a label — then, as for items
/// directly under a phase heading or before any heading, a new one named
/// after its phase.
pub(super) fn section_for<'a>(outline: &'a mut Outline, cx: &mut Cursor, place: &Place) -> &'a mut OutlineSection {
    cx.seen_phase = true;
    if outline.phases.is_empty() {
        let name = if outline.title.is_empty() {
            "Checklist".to_owned()
        } else {
            outline.title.clone()
        };
        outline.phases.push(OutlinePhase {
            name,
            ..OutlinePhase::default()
        });
    }
    let phase = outline.phases.last_mut().expect("a phase was just ensured");
    let last = phase.sections.last();
    let fresh = match &place.section {
        Some(name) => last
            .is_none_or(|s| !(s.label && s.name == *name))
            .then(|| (name.clone(), true)),
        None if place.depth > 0 && last.is_some() => None,
        None => last.is_none_or(|s| s.label).then(|| (phase.name.clone(), false)),
    };
    if let Some((name, label)) = fresh {
        phase.sections.push(OutlineSection {
            name,
            label,
            ..OutlineSection::default()
        });
    }
    phase.sections.last_mut().expect("a section was just ensured")
}
