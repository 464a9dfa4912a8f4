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

use pulldown_cmark::{HeadingLevel, Options};

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
        /// Inside a collapsed `<details>`: shown only when opened, so never
        /// anything's command.
        collapsed: bool,
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
    /// Where the list stands in the document: its Markdown, rendered only
    /// where it is placed as text (see [`Doc::markdown`]).
    pub range: Range<usize>,
}

#[derive(Debug, Clone)]
pub(super) struct ListItem {
    /// Its box, ticked or not; `None` for a plain item.
    pub task: Option<bool>,
    pub blocks: Vec<Block>,
    pub line: usize,
    /// Where the item (marker included) stands in the document.
    pub range: Range<usize>,
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
    pub(super) fn markdown(&self, doc: &Doc<'_>) -> Option<String> {
        match self {
            Block::Heading { text, .. } => Some(format!("**{text}**")),
            Block::Paragraph { text, .. } => Some(text.clone()),
            Block::List(list) => Some(doc.markdown(&list.range)),
            Block::Code { info, body, .. } => Some(crate::inline::fenced(info, body)),
            Block::Quote { blocks, .. } => {
                let inner: Vec<String> = blocks.iter().filter_map(|b| b.markdown(doc)).collect();
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

/// How deep quotes and lists may nest in the blocks read: deeper ones are
/// read as part of the one at this depth, their text kept. No checklist
/// nests deeper, and a hostile file of 100,000 `>` then costs no more stack
/// than a real one.
pub(super) const MAX_NESTING: usize = 32;

/// A document read: its blocks, the lines of the comments inside its text
/// (GitHub hides them; the blocks hold the text without them), and what
/// renders a stretch of it as Markdown.
pub(super) struct Read<'a> {
    pub blocks: Vec<Block>,
    pub comments: Vec<usize>,
    pub doc: Doc<'a>,
}

/// The document's text, and what its Markdown becomes once placed: reference
/// links written out, comments gone.
pub(super) struct Doc<'a> {
    source: &'a str,
    written: Vec<(Range<usize>, String)>,
    lines: Lines,
}

impl Doc<'_> {
    /// The Markdown of a stretch of the document, as it reads alone.
    pub(super) fn markdown(&self, range: &Range<usize>) -> String {
        text::render(self.source, range, &self.written, &self.lines)
    }
}

/// Reads `markdown` into its blocks.
pub(super) fn read(markdown: &str) -> Read<'_> {
    reader::Reader::new(markdown).run()
}

mod reader;
mod text;

#[cfg(test)]
mod tests;
