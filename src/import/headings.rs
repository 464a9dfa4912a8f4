//! Headings into structure: the title, phases (a leading emoji becomes the
//! icon) and sections, and the section items go into when no heading made one.

use pulldown_cmark::HeadingLevel;

use super::{Cursor, Outline, OutlinePhase, OutlineSection, html, mojibake};
use crate::export::COMPLETION_STATUS;
use crate::text::clean_line;

/// Splits a leading emoji (or other symbol) off a heading, as its icon.
pub(super) fn split_icon(heading: &str) -> (Option<String>, String) {
    let Some((first, rest)) = heading.split_once(' ') else {
        return (None, heading.to_owned());
    };
    let symbolic = !first.is_empty() && first.chars().all(|c| !c.is_alphanumeric() && !c.is_ascii());
    if symbolic && !rest.trim().is_empty() {
        (Some(first.to_owned()), rest.trim().to_owned())
    } else {
        (None, heading.to_owned())
    }
}

fn heading_text(source: &str, exported: bool) -> String {
    let text = source.trim_start_matches('#').trim();
    let text = text.trim_end_matches('#').trim_end();
    let text = if exported {
        crate::inline::unescape(text)
    } else {
        mojibake::repair(text)
    };
    clean_line(&text).unwrap_or_default()
}

pub(super) fn heading(outline: &mut Outline, cx: &mut Cursor, level: HeadingLevel, source: &str, exported: bool) {
    let text = heading_text(&html::visible(source.lines().next().unwrap_or_default()), exported);
    if cx.first_heading.is_none() && !text.is_empty() {
        cx.first_heading = Some(split_icon(&text).1);
    }
    let line = cx.heading_line;
    match level {
        HeadingLevel::H1 if !cx.seen_title => {
            outline.title = text;
            cx.seen_title = true;
        }
        HeadingLevel::H1 | HeadingLevel::H2 => {
            let (icon, name) = split_icon(&text);
            cx.in_summary = name.trim_end_matches(':') == COMPLETION_STATUS;
            cx.seen_phase = true;
            cx.seen_title = true;
            if !cx.in_summary {
                outline.phases.push(OutlinePhase {
                    name,
                    icon,
                    sections: Vec::new(),
                    line,
                });
            }
        }
        _ if cx.in_summary => {}
        _ => {
            cx.seen_phase = true;
            if outline.phases.is_empty() {
                outline.phases.push(OutlinePhase {
                    name: outline.title.clone(),
                    icon: None,
                    sections: Vec::new(),
                    line: 0,
                });
            }
            let (_, name) = split_icon(&text);
            if let Some(phase) = outline.phases.last_mut() {
                phase.sections.push(OutlineSection {
                    name,
                    line,
                    ..OutlineSection::default()
                });
            }
        }
    }
}
