//! The outline made whole once the document is read: a title and names where
//! the document gave none, titles cut to what a checklist accepts, the
//! texts cleaned, and headings without tasks turned into text.

use std::collections::{HashMap, HashSet};

use super::mojibake;
use super::outline::Outline;
use crate::text::{MAX_LINE_CHARS, clean_blocks, clean_command, clean_line, shortened};

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
                        Some(detail) => format!("{whole}\n\n{detail}"),
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

/// A heading that no task stands under, as text: its name in bold, then
/// what stood under it.
fn as_text(name: &str, description: Option<String>) -> String {
    let name = (!name.is_empty()).then(|| format!("**{name}**"));
    name.into_iter().chain(description).collect::<Vec<_>>().join("\n\n")
}

/// Phases and sections with no task under them are not kept as such, but
/// nothing they hold is lost: their heading and text join the text of what
/// stands before them (the section before, else the phase, else the
/// checklist's description), in reading order.
fn fold_empty(outline: &mut Outline, description: &mut Vec<String>) {
    let phases = std::mem::take(&mut outline.phases);
    for mut phase in phases {
        let sections = std::mem::take(&mut phase.sections);
        let has_items = sections.iter().any(|s| !s.items.is_empty());
        if !has_items {
            let mut text = vec![as_text(&phase.name, phase.description.take())];
            text.extend(sections.into_iter().map(|s| as_text(&s.name, s.description)));
            let text = text
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n");
            if text.is_empty() {
                continue;
            }
            match outline.phases.last_mut() {
                Some(before) => {
                    let last = before.sections.last_mut().expect("a kept phase has a section");
                    super::walk::append(&mut last.description, text);
                }
                None => description.push(text),
            }
            continue;
        }
        // Every name a label section's name begins with (`Heading / Label`).
        let heads: HashSet<String> = sections
            .iter()
            .flat_map(|s| s.name.match_indices(" / ").map(|(at, _)| s.name[..at].to_owned()))
            .collect();
        for section in sections {
            if !section.items.is_empty() {
                phase.sections.push(section);
                continue;
            }
            // A `###` heading whose tasks went to the sections its labels
            // made is named in theirs already.
            let in_later_name = heads.contains(&section.name);
            let text = as_text(if in_later_name { "" } else { &section.name }, section.description);
            if text.is_empty() {
                continue;
            }
            match phase.sections.last_mut() {
                Some(before) => super::walk::append(&mut before.description, text),
                None => super::walk::append(&mut phase.description, text),
            }
        }
        outline.phases.push(phase);
    }
}

/// Cleans every text of several lines as Markdown blocks.
fn clean_texts(outline: &mut Outline) {
    let clean = |slot: &mut Option<String>| {
        if let Some(text) = slot.take() {
            let text = clean_blocks(&text);
            *slot = (!text.is_empty()).then_some(text);
        }
    };
    for phase in &mut outline.phases {
        clean(&mut phase.description);
        for section in &mut phase.sections {
            clean(&mut section.description);
            for item in &mut section.items {
                clean(&mut item.detail);
                // A command is cleaned as one from a YAML file is: what a
                // terminal would act on never reaches the view or a clipboard.
                item.command = item.command.take().and_then(|c| clean_command(&c));
                item.verify = item.verify.take().and_then(|c| clean_command(&c));
            }
        }
    }
}

/// Fills in what the document left out (a title, empty names), places the
/// text of headings without tasks, and cleans the texts.
pub(super) fn finish(mut outline: Outline, fallback_title: &str, description: &[String], exported: bool) -> Outline {
    if outline.title.is_empty() {
        outline.title = clean_line(fallback_title)
            .ok()
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "Checklist".to_owned());
    }
    let mut description = description.to_vec();
    fold_empty(&mut outline, &mut description);
    // Items before any heading, or under a heading with no text, leave names
    // empty: a phase is then named after the checklist, a section after its phase.
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
    let description = description.join("\n\n");
    let description = if exported {
        description
    } else {
        mojibake::repair(&description)
    };
    let description = clean_blocks(&description);
    outline.description = (!description.is_empty()).then_some(description);
    clean_texts(&mut outline);
    outline.left_out.sort_by_key(|l| l.line);
    outline.left_out.dedup();
    outline
}
