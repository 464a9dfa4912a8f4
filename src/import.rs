//! Markdown checklists into preflight's model: `#` is the title, `##` headings
//! are phases, `###` headings sections, and task items (`- [ ]`, `* [x]`,
//! `1. [X]`, nested or not) are items. Everything else is left out and listed,
//! and a Completion Status block is recognised as a summary, not items.
//!
//! Parsed with pulldown-cmark. Pure: text in, an [`Outline`] out; the YAML is
//! written by `format`. Markdown that `export` wrote is read back exactly,
//! with who ticked what and when, notes and skip reasons.

mod html;
mod item;
mod mojibake;
mod outline;

pub use outline::{LeftOut, Outline, OutlineItem, OutlinePhase, OutlineSection};

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::export::{COMPLETION_STATUS, MARKER};
use crate::text::{MAX_LINE_CHARS, clean_line, clean_paragraph, shortened};

/// Splits a leading emoji (or other symbol) off a heading, as its icon.
fn split_icon(heading: &str) -> (Option<String>, String) {
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

/// Where each line starts, to turn byte offsets into line numbers.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    fn of(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

/// What the parser is inside of.
#[derive(Default)]
struct Cursor {
    heading: Option<(HeadingLevel, Range<usize>)>,
    in_summary: bool,
    seen_title: bool,
    seen_phase: bool,
    list_depth: usize,
    /// List items being read, innermost last.
    open_items: Vec<OpenItem>,
    /// Inside a quote.
    quote_depth: usize,
    /// What the front matter says, and the first heading of any level: where
    /// the title comes from when there is no `#`.
    front: (Option<String>, Option<String>),
    first_heading: Option<String>,
    /// The line of the heading being read.
    heading_line: usize,
    /// The HTML block being read: its first line and its text.
    html: Option<(usize, String)>,
}

/// A list item being read: where it starts, and for a task item whether it is
/// ticked and where its text starts. A task is taken when its text ends: at a
/// nested list, or at the end of the item, so that it comes before its children.
struct OpenItem {
    start: usize,
    task: Option<(bool, usize)>,
    taken: bool,
}

impl Cursor {
    /// A paragraph outside lists: before the first phase it describes the
    /// checklist (a quote's `>` marks dropped), after it it is left out.
    fn paragraph(
        &self,
        source: &str,
        line: usize,
        exported: bool,
        description: &mut Vec<String>,
        outline: &mut Outline,
    ) {
        let text = source.trim();
        if self.seen_phase {
            outline.left_out.push(LeftOut {
                line,
                what: "paragraph",
            });
        } else if !(exported && text.starts_with("**Run:**")) {
            let unquoted: Vec<&str> = text
                .lines()
                .map(|line| line.trim_start().trim_start_matches('>').trim())
                .collect();
            description.push(html::visible(&unquoted.join(" ")).into_owned());
        }
    }

    /// Takes the innermost open task item whose text ends at `end`.
    fn take_task(&mut self, markdown: &str, end: usize, exported: bool, lines: &Lines, outline: &mut Outline) {
        let Some(open) = self.open_items.last_mut() else { return };
        if open.taken || self.in_summary {
            return;
        }
        open.taken = true;
        let line = lines.of(open.start);
        match open.task {
            Some((checked, text_start)) => {
                match item::read(&html::visible(&markdown[text_start..end]), checked, exported) {
                    Some(mut found) => {
                        found.line = line;
                        current_section(outline, self).items.push(found);
                    }
                    None => outline.left_out.push(LeftOut {
                        line,
                        what: "empty task item",
                    }),
                }
            }
            None => outline.left_out.push(LeftOut {
                line,
                what: "plain list item",
            }),
        }
    }
}

/// Reads a Markdown checklist. `fallback_title` names it when it has no `#`.
pub fn parse(markdown: &str, fallback_title: &str) -> Outline {
    let exported = markdown.trim_start().starts_with(MARKER);
    let lines = Lines::new(markdown);
    let mut outline = Outline::default();
    let mut cx = Cursor {
        front: html::front_matter_block(markdown)
            .map(html::front_matter)
            .unwrap_or_default(),
        ..Cursor::default()
    };
    let mut description = Vec::new();
    let options = Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                cx.heading_line = lines.of(range.start);
                cx.heading = Some((level, range));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, range)) = cx.heading.take() {
                    heading(&mut outline, &mut cx, level, &markdown[range], exported);
                }
            }
            // Text before the first phase describes the checklist, also
            // when the document has no `#` title (a pull request template).
            Event::Start(Tag::BlockQuote(_)) if !cx.seen_phase => cx.quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) if cx.quote_depth > 0 => cx.quote_depth -= 1,
            Event::Start(Tag::HtmlBlock) => cx.html = Some((lines.of(range.start), String::new())),
            Event::Html(text) if cx.html.is_some() => {
                if let Some((_, block)) = &mut cx.html {
                    block.push_str(&text);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                // A comment is hidden, as GitHub hides it; other HTML is left out.
                if let Some((line, block)) = cx.html.take()
                    && !html::is_comment(&block)
                    && !cx.in_summary
                    && !(exported && line == 1)
                {
                    outline.left_out.push(LeftOut { line, what: "HTML" });
                }
            }
            Event::Start(Tag::List(_)) => {
                cx.take_task(markdown, range.start, exported, &lines, &mut outline);
                cx.list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => cx.list_depth -= 1,
            Event::Start(Tag::Item) => cx.open_items.push(OpenItem {
                start: range.start,
                task: None,
                taken: false,
            }),
            Event::TaskListMarker(checked) => {
                if let Some(open) = cx.open_items.last_mut() {
                    open.task = Some((checked, range.end));
                }
            }
            Event::End(TagEnd::Item) => {
                cx.take_task(markdown, range.end, exported, &lines, &mut outline);
                cx.open_items.pop();
            }
            Event::Start(Tag::Paragraph) if cx.list_depth == 0 && !cx.in_summary => {
                cx.paragraph(
                    &markdown[range.clone()],
                    lines.of(range.start),
                    exported,
                    &mut description,
                    &mut outline,
                );
            }
            event => {
                let export_marker = exported && lines.of(range.start) == 1;
                if let Some(what) = left_out_block(&event).filter(|_| !cx.in_summary && !export_marker) {
                    outline.left_out.push(LeftOut {
                        line: lines.of(range.start),
                        what,
                    });
                }
            }
        }
    }
    let (front_title, front_description) = cx.front;
    if let Some(title) = front_title.and_then(|t| clean_line(&t).ok()).filter(|t| !t.is_empty()) {
        outline.title = title;
    } else if outline.title.is_empty()
        && let Some(first) = cx.first_heading
    {
        outline.title = first;
    }
    if description.is_empty()
        && let Some(front) = front_description
    {
        description.push(front);
    }
    finish(outline, fallback_title, &description, exported)
}

/// What a block that is never imported is called in the left-out summary.
fn left_out_block(event: &Event) -> Option<&'static str> {
    match event {
        Event::Start(Tag::Table(_)) => Some("table"),
        Event::Start(Tag::CodeBlock(_)) => Some("code block"),
        Event::Start(Tag::BlockQuote(_)) => Some("quote"),
        _ => None,
    }
}

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

/// Fills in what the document left out (a title, empty names), cleans the
/// description, and drops phases and sections that ended up with no items.
fn finish(mut outline: Outline, fallback_title: &str, description: &[String], exported: bool) -> Outline {
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

fn heading(outline: &mut Outline, cx: &mut Cursor, level: HeadingLevel, source: &str, exported: bool) {
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
                    items: Vec::new(),
                    line,
                });
            }
        }
    }
}

/// The section items go into: the last one, or — for items directly under a
/// phase heading, or before any heading — a new one named after its phase.
fn current_section<'a>(outline: &'a mut Outline, cx: &mut Cursor) -> &'a mut OutlineSection {
    cx.seen_phase = true;
    if outline.phases.is_empty() {
        let name = if outline.title.is_empty() {
            "Checklist".to_owned()
        } else {
            outline.title.clone()
        };
        outline.phases.push(OutlinePhase {
            name,
            icon: None,
            sections: Vec::new(),
            line: 0,
        });
    }
    let phase = outline.phases.last_mut().expect("a phase was just ensured");
    if phase.sections.is_empty() {
        phase.sections.push(OutlineSection {
            name: phase.name.clone(),
            items: Vec::new(),
            line: 0,
        });
    }
    phase.sections.last_mut().expect("a section was just ensured")
}

#[cfg(test)]
mod tests;
