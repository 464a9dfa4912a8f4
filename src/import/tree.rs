//! A Markdown document as the blocks GitHub renders, each with its line and
//! its Markdown: headings, paragraphs, lists (with their items' blocks and
//! boxes), code blocks, quotes and the rest (tables, HTML, footnotes).
//!
//! Reading into a tree first, then deciding where each block goes, is what
//! keeps every block somewhere: nothing is dropped on the way in. Texts are
//! the author's own Markdown, with reference links (`[text][ref]`, `[ref]`)
//! written out as the inline links GitHub resolves them to, so they keep
//! working once the definitions below them are gone.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// One block of the document.
#[derive(Debug, Clone)]
pub(super) enum Block {
    Heading {
        level: HeadingLevel,
        text: String,
        line: usize,
    },
    Paragraph {
        text: String,
        line: usize,
    },
    List(List),
    Code {
        info: String,
        body: String,
        line: usize,
    },
    Quote {
        blocks: Vec<Block>,
    },
    /// A table, an HTML block, a footnote: its Markdown, shown as it is.
    Other {
        markdown: String,
    },
    /// An HTML block of comments only: GitHub hides it.
    Comment {
        line: usize,
    },
    Rule,
}

#[derive(Debug, Clone)]
pub(super) struct List {
    pub ordered: bool,
    pub items: Vec<ListItem>,
    pub line: usize,
    /// The list's Markdown, as it stands in the document.
    pub markdown: String,
}

#[derive(Debug, Clone)]
pub(super) struct ListItem {
    /// Its box, ticked or not; `None` for a plain item.
    pub task: Option<bool>,
    pub blocks: Vec<Block>,
    pub line: usize,
    /// The item's Markdown (marker included).
    pub markdown: String,
}

impl Block {
    /// Whether a box stands in it, at any depth.
    pub(super) fn has_task(&self) -> bool {
        match self {
            Block::List(list) => list.has_task(),
            Block::Quote { blocks, .. } => blocks.iter().any(Block::has_task),
            _ => false,
        }
    }

    /// Its Markdown, for a place that shows blocks (a detail, a description).
    pub(super) fn markdown(&self) -> Option<String> {
        match self {
            Block::Heading { text, .. } => Some(format!("**{text}**")),
            Block::Paragraph { text, .. } => Some(text.clone()),
            Block::List(list) => Some(list.markdown.clone()),
            Block::Code { info, body, .. } => Some(fenced(info, body)),
            Block::Quote { blocks, .. } => {
                let inner: Vec<String> = blocks.iter().filter_map(Block::markdown).collect();
                (!inner.is_empty()).then(|| inner.join("\n\n"))
            }
            Block::Other { markdown, .. } => Some(markdown.clone()),
            Block::Comment { .. } | Block::Rule => None,
        }
    }
}

impl List {
    pub(super) fn has_task(&self) -> bool {
        self.items
            .iter()
            .any(|i| i.task.is_some() || i.blocks.iter().any(Block::has_task))
    }
}

/// A code block as a fence long enough for what it holds.
pub(super) fn fenced(info: &str, body: &str) -> String {
    let longest = body
        .lines()
        .map(|l| l.trim_start().chars().take_while(|&c| c == '`').count())
        .max()
        .unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}{info}\n{}\n{fence}", body.trim_end_matches('\n'))
}

/// Where each line starts, to turn byte offsets into line numbers.
pub(super) struct Lines(Vec<usize>);

impl Lines {
    pub(super) fn new(text: &str) -> Lines {
        Lines(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    pub(super) fn of(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }

    fn start_of(&self, offset: usize) -> usize {
        self.0[self.of(offset) - 1]
    }
}

/// The options GitHub's renderer has on.
pub(super) fn options() -> Options {
    Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

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
    Skip,
}

/// Reads `markdown` into its blocks.
pub(super) fn read(markdown: &str) -> Vec<Block> {
    Reader {
        source: markdown,
        lines: Lines::new(markdown),
        links: Vec::new(),
        stack: Vec::new(),
        top: Vec::new(),
        link_at: Vec::new(),
    }
    .run()
}

/// A reference link being read: where it starts, its target and title,
/// where its text runs, and whether a `[]` follows it (`[ref][]`).
type RefLink = (usize, String, String, Option<Range<usize>>, bool);

struct Reader<'a> {
    source: &'a str,
    lines: Lines,
    /// Reference links to write out: their range, and the inline link.
    links: Vec<(Range<usize>, String)>,
    stack: Vec<Open>,
    top: Vec<Block>,
    /// The reference links being read: where each starts, its target, and
    /// where its text starts and ends.
    /// where its text starts and ends, and whether a `[]` follows it.
    link_at: Vec<RefLink>,
}

impl Reader<'_> {
    fn run(mut self) -> Vec<Block> {
        let source = self.source;
        for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
            self.event(event, range);
        }
        self.top
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
            Tag::List(first) => {
                self.close_item_text();
                Open::List {
                    ordered: first.is_some(),
                    line,
                    start: range.start,
                    items: Vec::new(),
                }
            }
            Tag::Item => Open::Item {
                task: None,
                line,
                start: range.start,
                text_start: after_marker(self.source, range.start),
                blocks: Vec::new(),
                inline: None,
            },
            Tag::CodeBlock(kind) => {
                self.close_item_text();
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
            Tag::HtmlBlock => {
                self.close_item_text();
                Open::Html {
                    line,
                    text: String::new(),
                }
            }
            // Front matter is read as YAML, not as text of the document.
            Tag::MetadataBlock(_) => Open::Skip,
            Tag::Table(_) | Tag::FootnoteDefinition(_) => {
                self.close_item_text();
                Open::Other { start: range.start }
            }
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
                if matches!(
                    link_type,
                    LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut
                ) {
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
        if matches!(self.stack.last(), Some(Open::Other { .. } | Open::Skip)) {
            self.stack.push(Open::Skip);
            return;
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

    fn end(&mut self, end: TagEnd, range: &Range<usize>) {
        if matches!(end, TagEnd::Link | TagEnd::Image) {
            self.end_link(matches!(end, TagEnd::Image), range);
            return;
        }
        if !matches!(
            end,
            TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::Table
                | TagEnd::FootnoteDefinition
                | TagEnd::MetadataBlock(_)
        ) {
            return;
        }
        if matches!(end, TagEnd::Item) {
            self.close_item_text();
        }
        let Some(open) = self.stack.pop() else { return };
        let source = self.source;
        let block = match open {
            Open::Skip => return,
            Open::Paragraph { line, inline } => Block::Paragraph {
                text: inline
                    .map(|r| render(source, &r, &self.links, &self.lines).trim_start().to_owned())
                    .unwrap_or_default(),
                line,
            },
            Open::Heading { level, line, inline } => Block::Heading {
                level,
                text: heading_text(
                    &inline
                        .map(|r| render(source, &r, &self.links, &self.lines))
                        .unwrap_or_default(),
                ),
                line,
            },
            Open::Quote { blocks } => Block::Quote { blocks },
            Open::List {
                ordered,
                line,
                start,
                items,
            } => Block::List(List {
                ordered,
                items,
                line,
                markdown: render(source, &(start..range.end), &self.links, &self.lines),
            }),
            Open::Item {
                task,
                line,
                start,
                blocks,
                ..
            } => {
                let item = ListItem {
                    task,
                    blocks,
                    line,
                    markdown: render(source, &(start..range.end), &self.links, &self.lines),
                };
                if let Some(Open::List { items, .. }) = self.stack.last_mut() {
                    items.push(item);
                }
                return;
            }
            Open::Code { info, line, body } => Block::Code { info, body, line },
            Open::Html { line, text } => {
                if super::html::is_comment(&text) {
                    Block::Comment { line }
                } else {
                    Block::Other {
                        markdown: super::html::block_text(&text),
                    }
                }
            }
            Open::Other { start } => Block::Other {
                markdown: render(source, &(start..range.end), &self.links, &self.lines),
            },
        };
        self.push(block);
    }

    fn end_link(&mut self, image: bool, range: &Range<usize>) {
        let Some(at) = self.link_at.iter().rposition(|l| l.0 == range.start) else {
            return;
        };
        let (_, url, title, text, collapsed) = self.link_at.remove(at);
        let mut range = range.clone();
        if collapsed && self.source[range.end..].starts_with("[]") {
            range.end += 2;
        }
        let text = text
            .map(|t| render(self.source, &t, &self.links, &self.lines))
            .unwrap_or_default();
        self.links
            .retain(|(r, _)| !(r.start >= range.start && r.end <= range.end));
        let url = if url.contains([' ', '(', ')', '<', '>']) || url.is_empty() {
            format!("<{}>", url.replace(['<', '>'], ""))
        } else {
            url
        };
        let title = if title.is_empty() {
            String::new()
        } else {
            format!(" \"{}\"", title.replace('"', "\\\""))
        };
        let bang = if image { "!" } else { "" };
        self.links.push((range, format!("{bang}[{text}]({url}{title})")));
        self.links.sort_by_key(|(r, _)| r.start);
    }

    fn push(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(Open::Quote { blocks, .. } | Open::Item { blocks, .. }) => blocks.push(block),
            Some(Open::Skip | Open::Other { .. }) => {}
            _ => self.top.push(block),
        }
    }
}

/// Where a list item's text starts: after its marker (`-`, `*`, `+`, `1.`,
/// `1)`) and the spaces after it.
fn after_marker(source: &str, start: usize) -> usize {
    let rest = &source[start..];
    let marker = if rest.starts_with(['-', '*', '+']) {
        1
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        digits + usize::from(rest[digits..].starts_with(['.', ')']))
    };
    let spaces = rest[marker..].bytes().take_while(|&b| b == b' ' || b == b'\t').count();
    start + marker + spaces
}

/// A heading's text without its `#` marks (or its setext underline).
fn heading_text(source: &str) -> String {
    let mut lines: Vec<&str> = source.lines().map(str::trim).collect();
    if lines.len() > 1 && lines.last().is_some_and(|l| l.chars().all(|c| c == '=' || c == '-')) {
        lines.pop();
    }
    let text = lines.join(" ");
    let text = text.trim_start_matches('#').trim();
    let text = match text.trim_end_matches('#') {
        stripped if stripped.ends_with(' ') || stripped.is_empty() => stripped.trim_end(),
        _ => text,
    };
    text.to_owned()
}

/// The Markdown of `range`: reference links written out, and each line after
/// the first without the indentation and `>` marks that put it in its list
/// or quote (as much as the first line's column), so that it reads alone.
fn render(source: &str, range: &Range<usize>, written: &[(Range<usize>, String)], lines: &Lines) -> String {
    let mut text = String::with_capacity(range.len());
    let mut at = range.start;
    let first = written.partition_point(|(r, _)| r.start < range.start);
    for (link, inline) in &written[first..] {
        if link.start >= range.end {
            break;
        }
        if link.end <= range.end && link.start >= at {
            text.push_str(&source[at..link.start]);
            text.push_str(inline);
            at = link.end;
        }
    }
    text.push_str(&source[at..range.end]);
    let lead = &source[lines.start_of(range.start)..range.start];
    let quotes = lead.matches('>').count();
    let column = lead.chars().filter(|&c| c != '>').count();
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
            let mut rest = line;
            for _ in 0..quotes {
                let trimmed = rest.trim_start_matches([' ', '\t']);
                match trimmed.strip_prefix('>') {
                    Some(after) => rest = after,
                    None => break,
                }
            }
            let spaces = rest.len() - rest.trim_start_matches(' ').len();
            rest = &rest[spaces.min(column)..];
            out.push_str(rest.trim_end_matches('\r'));
        } else {
            out.push_str(line.trim_end_matches('\r'));
        }
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests;
