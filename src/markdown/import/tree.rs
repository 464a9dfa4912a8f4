//! A Markdown document as the blocks GitHub renders, each with its line and
//! its Markdown: headings, paragraphs, lists (with their items' blocks and
//! boxes), code blocks, quotes and the rest (tables, HTML, footnotes).
//!
//! Reading into a tree first, then deciding where each block goes, is what
//! keeps every block somewhere: nothing is dropped on the way in. Texts are
//! the author's own Markdown, with reference links (`[text][ref]`, `[ref]`)
//! written out as the inline links GitHub resolves them to, so they keep
//! working once the definitions below them are gone.

/// Reads `markdown` into its blocks.
pub(super) fn read(markdown: &str) -> Read<'_> {
    reader::Reader::new(markdown).run()
}

mod blocks;
mod reader;
mod text;

pub(super) use blocks::{Block, List, ListItem};
pub(super) use reader::Read;
pub(super) use text::Doc;

#[cfg(test)]
mod tests;
