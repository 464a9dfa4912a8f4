//! The events pulldown-cmark reads, gathered into blocks: what is open (a
//! quote, a list, an item, a paragraph), the text each inline run covers,
//! and the reference links to write out.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Parser, Tag};

use pulldown_cmark::Options;

use super::blocks::{Block, ListItem};
use super::text::{Doc, Lines, after_marker, render};

/// The options GitHub's renderer has on.
pub(super) fn options() -> Options {
    Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

/// How deep quotes and lists may nest in the blocks read: deeper ones are
/// read as part of the one at this depth, their text kept. No checklist
/// nests deeper, and a hostile file of 100,000 `>` then costs no more stack
/// than a real one.
pub(crate) const MAX_NESTING: usize = 32;

/// A document read: its blocks, the lines of the comments inside its text
/// (GitHub hides them; the blocks hold the text without them), and what
/// renders a stretch of it as Markdown.
pub(crate) struct Read<'a> {
    pub blocks: Vec<Block>,
    pub comments: Vec<usize>,
    pub doc: Doc<'a>,
}

/// A reference link being read: where it starts, its target and title,
/// where its text runs, and whether a `[]` follows it (`[ref][]`).
type RefLink = (usize, String, String, Option<Range<usize>>, bool);

/// A block being read: what it will be, and the blocks read inside it.
enum Open {
    Quote {
        blocks: Vec<Block>,
    },
    List {
        ordered: bool,
        line: usize,
        start: usize,
        items: Vec<ListItem>,
    },
    Item {
        task: Option<bool>,
        line: usize,
        start: usize,
        text_start: usize,
        blocks: Vec<Block>,
        inline: Option<Range<usize>>,
    },
    Paragraph {
        line: usize,
        inline: Option<Range<usize>>,
    },
    Heading {
        level: HeadingLevel,
        line: usize,
        inline: Option<Range<usize>>,
    },
    Code {
        info: String,
        line: usize,
        body: String,
    },
    Html {
        line: usize,
        text: String,
    },
    Other {
        start: usize,
    },
    /// A quote or list nested deeper than [`MAX_NESTING`]: its blocks go
    /// to the one it stands in.
    Flat,
    Skip,
}

pub(super) struct Reader<'a> {
    source: &'a str,
    lines: Lines,
    /// What to write instead of a stretch of the source: a reference link's
    /// inline link, nothing for a comment.
    links: Vec<(Range<usize>, String)>,
    stack: Vec<Open>,
    top: Vec<Block>,
    /// The reference links being read: where each starts, its target, and
    /// where its text starts and ends.
    /// where its text starts and ends, and whether a `[]` follows it.
    link_at: Vec<RefLink>,
    /// How many `<details>` are open around what is read.
    collapsed: usize,
    /// Where in `stack` the quotes and lists kept stand, outermost first.
    kept: Vec<usize>,
    /// The lines of comments inside text, which GitHub hides.
    comments: Vec<usize>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(source: &'a str) -> Reader<'a> {
        Reader {
            source,
            lines: Lines::new(source),
            links: Vec::new(),
            stack: Vec::new(),
            top: Vec::new(),
            link_at: Vec::new(),
            collapsed: 0,
            kept: Vec::new(),
            comments: Vec::new(),
        }
    }

    pub(super) fn run(mut self) -> Read<'a> {
        let source = self.source;
        for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
            self.event(event, range);
        }
        Read {
            blocks: self.top,
            comments: self.comments,
            doc: Doc::new(source, self.links, self.lines),
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        let line = self.lines.of(range.start);
        match event {
            Event::Start(tag) => self.start(tag, range, line),
            Event::End(end) => self.end(end, &range),
            Event::TaskListMarker(checked) => {
                // In a loose list the box stands in the item's paragraph.
                let depth = self.stack.len();
                if let Some(Open::Paragraph { inline: Some(text), .. }) = self.stack.last_mut() {
                    text.start = range.end;
                    if let Some(Open::Item { task, .. }) = self.stack.get_mut(depth.wrapping_sub(2)) {
                        *task = Some(checked);
                    }
                } else if let Some(Open::Item { task, text_start, .. }) = self.stack.last_mut() {
                    *task = Some(checked);
                    *text_start = range.end;
                }
            }
            Event::Text(text) if matches!(self.stack.last(), Some(Open::Code { .. })) => {
                if let Some(Open::Code { body, .. }) = self.stack.last_mut() {
                    body.push_str(&text);
                }
            }
            Event::Html(text) => {
                if let Some(Open::Html { text: block, .. }) = self.stack.last_mut() {
                    block.push_str(&text);
                }
            }
            Event::Rule => self.push(Block::Rule),
            Event::InlineHtml(html) if html.starts_with("<!--") => {
                self.comments.push(line);
                self.inline(&range);
                // Hidden on GitHub: no text keeps it.
                self.write_instead(range, String::new());
            }
            _ => self.inline(&range),
        }
    }

    /// An inline event: it widens the text being read, which in a tight
    /// list item is an implicit paragraph.
    fn inline(&mut self, range: &Range<usize>) {
        for link in &mut self.link_at {
            let text = link.3.get_or_insert(range.clone());
            text.end = range.end;
        }
        // A paragraph's or heading's text is its whole range, set when it
        // starts; a tight item's runs from after its marker (an escape at
        // its start is kept) to its last inline event.
        if let Some(Open::Item { inline, text_start, .. }) = self.stack.last_mut() {
            let widened = inline.get_or_insert((*text_start).min(range.start)..range.end);
            widened.end = widened.end.max(range.end);
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>, line: usize) {
        let block_level = matches!(
            tag,
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::Table(_)
                | Tag::FootnoteDefinition(_)
        );
        if block_level {
            self.close_item_text();
        }
        let open = match tag {
            Tag::Paragraph => Open::Paragraph {
                line,
                inline: Some(range.clone()),
            },
            Tag::Heading { level, .. } => Open::Heading {
                level,
                line,
                inline: Some(range.clone()),
            },
            Tag::BlockQuote(_) => Open::Quote { blocks: Vec::new() },
            Tag::List(first) => Open::List {
                ordered: first.is_some(),
                line,
                start: range.start,
                items: Vec::new(),
            },
            Tag::Item => Open::Item {
                task: None,
                line,
                start: range.start,
                text_start: after_marker(self.source, range.start),
                blocks: Vec::new(),
                inline: None,
            },
            Tag::CodeBlock(kind) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.trim().to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                Open::Code {
                    info,
                    line,
                    body: String::new(),
                }
            }
            Tag::HtmlBlock => Open::Html {
                line,
                text: String::new(),
            },
            // Front matter is read as YAML, not as text of the document.
            Tag::MetadataBlock(_) => Open::Skip,
            Tag::Table(_) | Tag::FootnoteDefinition(_) => Open::Other { start: range.start },
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }
            | Tag::Image {
                link_type,
                dest_url,
                title,
                ..
            } => {
                self.inline(&range);
                // Links nest (an image in a link in an image …); past a few
                // levels the inner ones stay as written, which bounds the work.
                let reference = matches!(
                    link_type,
                    LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut
                );
                if reference && self.link_at.len() < MAX_NESTING {
                    let collapsed = link_type == LinkType::Collapsed;
                    self.link_at.push((
                        range.start,
                        dest_url.into_string(),
                        title.into_string(),
                        None,
                        collapsed,
                    ));
                }
                return;
            }
            _ => {
                self.inline(&range);
                return;
            }
        };
        self.open(open);
    }

    /// Opens a block: inside a table or footnote, nothing more is read as
    /// blocks; a quote or list past [`MAX_NESTING`] is read flat.
    fn open(&mut self, open: Open) {
        if matches!(self.stack.last(), Some(Open::Other { .. } | Open::Skip)) {
            self.stack.push(Open::Skip);
            return;
        }
        let nests = matches!(open, Open::Quote { .. } | Open::List { .. });
        if nests && self.kept.len() >= MAX_NESTING {
            self.stack.push(Open::Flat);
            return;
        }
        if nests {
            self.kept.push(self.stack.len());
        }
        self.stack.push(open);
    }

    /// A tight list item's text ends where a block inside it starts.
    fn close_item_text(&mut self) {
        let source = self.source;
        if let Some(Open::Item {
            inline, blocks, line, ..
        }) = self.stack.last_mut()
            && let Some(range) = inline.take()
        {
            let text = render(source, &range, &self.links, &self.lines).trim_start().to_owned();
            blocks.push(Block::Paragraph { text, line: *line });
        }
    }

    fn push(&mut self, block: Block) {
        let holder = self.stack.iter_mut().rev().find(|o| !matches!(o, Open::Flat));
        match holder {
            Some(Open::Quote { blocks, .. } | Open::Item { blocks, .. }) => blocks.push(block),
            Some(Open::Skip | Open::Other { .. }) => {}
            _ => self.top.push(block),
        }
    }
}

mod close;
mod links;
