//! The outline made whole once the document is read: a title and names where
//! the document gave none, titles cut to what a checklist accepts, the
//! description cleaned, and empty headings dropped (and said so).

use std::collections::{HashMap, HashSet};

use super::{LeftOut, Outline, mojibake};
use crate::text::{MAX_LINE_CHARS, clean_line, clean_paragraph, shortened};

/// Cuts titles and names to what a checklist accepts; an item whose title was
/// cut keeps its whole text at the start of its detail, so nothing is lost.
fn fit_lines(outline: &mut Outline) {
    let fit = |text: &mut String| {
        if let Some(short) = shortened(text, MAX_LINE_CHARS) {
            *text = short;
        }
    };
    fit(&mut outline.title);
    for phase in &mut outline.phases {
        fit(&mut phase.name);
        for section in &mut phase.sections {
            fit(&mut section.name);
            for item in &mut section.items {
                if let Some(short) = shortened(&item.title, MAX_LINE_CHARS) {
                    let whole = std::mem::replace(&mut item.title, short);
                    item.detail = Some(match item.detail.take() {
                        Some(detail) => format!("{whole} {detail}"),
                        None => whole,
                    });
                }
            }
        }
    }
}

/// How many items may share a bold lead before it reads as a label (`**Case:**`,
/// `**Note**`) rather than each item's own title.
const SHARED_LEAD: usize = 3;

/// Items whose bold lead many items share are read whole: the lead is a label
/// there, and as a title it would name them all alike.
fn unshare_leads(outline: &mut Outline) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for item in outline.items().filter(|i| i.without_lead.is_some()) {
        *counts.entry(item.title.as_str()).or_default() += 1;
    }
    let shared: HashSet<String> = counts
        .into_iter()
        .filter(|&(_, n)| n >= SHARED_LEAD)
        .map(|(title, _)| title.to_owned())
        .collect();
    if shared.is_empty() {
        return;
    }
    let items = outline
        .phases
        .iter_mut()
        .flat_map(|p| &mut p.sections)
        .flat_map(|s| &mut s.items);
    for item in items.filter(|i| shared.contains(&i.title)) {
        if let Some((title, detail)) = item.without_lead.take() {
            item.title = title;
            item.detail = detail;
        }
    }
}

/// Fills in what the document left out (a title, empty names), cleans the
/// description, and drops phases and sections that ended up with no items.
pub(super) fn finish(mut outline: Outline, fallback_title: &str, description: &[String], exported: bool) -> Outline {
    if outline.title.is_empty() {
        outline.title = clean_line(fallback_title)
            .ok()
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "Checklist".to_owned());
    }
    // Headings with no text, or items before any heading, leave names empty:
    // a phase is then named after the checklist, a section after its phase.
    for phase in &mut outline.phases {
        if phase.name.is_empty() {
            phase.name.clone_from(&outline.title);
        }
        for section in &mut phase.sections {
            if section.name.is_empty() {
                section.name.clone_from(&phase.name);
            }
        }
    }
    unshare_leads(&mut outline);
    fit_lines(&mut outline);
    let description = description.join(" ");
    let description = if exported {
        crate::inline::unescape(&description)
    } else {
        mojibake::repair(&description)
    };
    let description = clean_paragraph(&description);
    outline.description = (!description.is_empty()).then_some(description);
    // Headings with no task under them are dropped, and said so.
    for phase in &outline.phases {
        let sections_with_items = phase.sections.iter().filter(|s| !s.items.is_empty()).count();
        if sections_with_items == 0 && phase.line > 0 {
            outline.left_out.push(LeftOut {
                line: phase.line,
                what: "empty heading",
            });
        }
        for section in phase.sections.iter().filter(|s| s.items.is_empty() && s.line > 0) {
            outline.left_out.push(LeftOut {
                line: section.line,
                what: "empty heading",
            });
        }
    }
    for phase in &mut outline.phases {
        phase.sections.retain(|s| !s.items.is_empty());
    }
    outline.phases.retain(|p| !p.sections.is_empty());
    outline.left_out.sort_by_key(|l| l.line);
    outline.left_out.dedup();
    outline
}
