//! Markdown checklists into preflight's model: `#` is the title, `##` headings
//! are phases, `###` headings sections, and task items (`- [ ]`, `* [x]`,
//! `1. [X]`, nested or not) are items. Everything else is left out and listed,
//! and a Completion Status block is recognised as a summary, not items.
//!
//! Parsed with pulldown-cmark. Pure: text in, an [`Outline`] out; the YAML is
//! written by `format`. Markdown that `export` wrote is read back exactly,
//! with who ticked what and when, notes and skip reasons.

mod finish;
mod groups;
mod headings;
mod html;
mod item;
mod lists;
mod mojibake;
mod outline;

pub use outline::{LeftOut, Outline, OutlineItem, OutlinePhase, OutlineSection};

/// Text as GitHub shows it in a task: comments hidden, `<br>` a hard break.
pub(crate) fn visible_with_breaks(text: &str) -> std::borrow::Cow<'_, str> {
    html::with_breaks(text)
}

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::export::MARKER;
use crate::text::clean_line;
use groups::Label;
use headings::heading;
use lists::OpenItem;

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

/// The document being read.
struct Doc<'a> {
    markdown: &'a str,
    /// Written by preflight's own export.
    exported: bool,
    lines: &'a Lines,
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
    /// Whether each list being read is numbered, innermost last.
    ordered: Vec<bool>,
    /// A bold line just read that may label the task list after it.
    pending_label: Option<Label>,
    /// The label of the top-level list being read, from a bold line before it.
    list_label: Option<Label>,
}

impl Cursor {
    /// A paragraph outside lists: before the first phase it describes the
    /// checklist (a quote's `>` marks dropped), after it it is left out.
    fn paragraph(
        &mut self,
        source: &str,
        line: usize,
        exported: bool,
        description: &mut Vec<String>,
        outline: &mut Outline,
    ) {
        let text = source.trim();
        self.flush_label(outline);
        if self.seen_phase {
            match Label::of_line(text, line) {
                Some(label) => self.pending_label = Some(label),
                None => outline.left_out.push(LeftOut {
                    line,
                    what: "paragraph",
                }),
            }
        } else if !(exported && (text.starts_with("**Run:**") || text.starts_with(crate::export::PARAMETERS))) {
            let unquoted: Vec<&str> = text
                .lines()
                .map(|line| line.trim_start().trim_start_matches('>').trim())
                .collect();
            description.push(html::visible(&unquoted.join(" ")).into_owned());
        }
    }
}

/// Reads a Markdown checklist. `fallback_title` names it when it has no `#`.
pub fn parse(markdown: &str, fallback_title: &str) -> Outline {
    let exported = markdown.trim_start().starts_with(MARKER);
    let lines = Lines::new(markdown);
    let doc = Doc {
        markdown,
        exported,
        lines: &lines,
    };
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
                cx.flush_label(&mut outline);
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
            Event::Start(Tag::List(_) | Tag::Item)
            | Event::End(TagEnd::List(_) | TagEnd::Item)
            | Event::TaskListMarker(_) => {
                cx.list_event(&event, &range, &doc, &mut outline);
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
                if cx.list_depth == 0 && (left_out_block(&event).is_some() || event == Event::Rule) {
                    cx.flush_label(&mut outline);
                }
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
    cx.flush_label(&mut outline);
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
    finish::finish(outline, fallback_title, &description, exported)
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

#[cfg(test)]
mod tests;
