//! The blocks a document is read into, and the Markdown each shows where it
//! is placed as text.

use std::ops::Range;

use pulldown_cmark::HeadingLevel;

use super::text::Doc;

/// One block of the document.
#[derive(Debug, Clone)]
pub(crate) enum Block {
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
pub(crate) struct List {
    pub ordered: bool,
    pub items: Vec<ListItem>,
    pub line: usize,
    /// Where the list stands in the document: its Markdown, rendered only
    /// where it is placed as text (see [`Doc::markdown`]).
    pub range: Range<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct ListItem {
    /// Its box, ticked or not; `None` for a plain item.
    pub task: Option<bool>,
    pub blocks: Vec<Block>,
    pub line: usize,
    /// Where the item (marker included) stands in the document.
    pub range: Range<usize>,
}

impl Block {
    /// Whether a box stands in it, at any depth.
    pub(crate) fn has_task(&self) -> bool {
        match self {
            Block::List(list) => list.has_task(),
            Block::Quote { blocks, .. } => blocks.iter().any(Block::has_task),
            _ => false,
        }
    }

    /// Its Markdown, for a place that shows blocks (a detail, a description).
    pub(crate) fn markdown(&self, doc: &Doc<'_>) -> Option<String> {
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
    pub(crate) fn has_task(&self) -> bool {
        self.items
            .iter()
            .any(|i| i.task.is_some() || i.blocks.iter().any(Block::has_task))
    }
}
