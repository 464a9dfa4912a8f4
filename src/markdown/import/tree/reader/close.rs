//! Closing a block: what was open becomes a block of the document, placed
//! in what holds it; an item joins its list.

use std::ops::Range;

use pulldown_cmark::TagEnd;

use super::super::blocks::{Block, List, ListItem};
use super::super::text::{heading_text, render};
use super::{Open, Reader};

impl Reader<'_> {
    pub(super) fn end(&mut self, end: TagEnd, range: &Range<usize>) {
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
        if self.kept.last() == Some(&self.stack.len()) {
            self.kept.pop();
        }
        let source = self.source;
        let block = match open {
            Open::Skip | Open::Flat => return,
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
                range: start..range.end,
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
                    range: start..range.end,
                };
                // An item of a list too deep to keep is one of the list at
                // the deepest level kept.
                let stack = &self.stack;
                let list = self
                    .kept
                    .iter()
                    .rev()
                    .copied()
                    .find(|&at| matches!(stack[at], Open::List { .. }));
                if let Some(Open::List { items, .. }) = list.map(|at| &mut self.stack[at]) {
                    items.push(item);
                }
                return;
            }
            Open::Code { info, line, body } => Block::Code {
                info,
                body,
                line,
                collapsed: self.collapsed > 0,
            },
            Open::Html { line, text } => self.html_block(line, &text),
            Open::Other { start } => Block::Other {
                markdown: render(source, &(start..range.end), &self.links, &self.lines),
            },
        };
        self.push(block);
    }

    /// An HTML block: hidden when it is only comments, else its text; a
    /// `<details>` it opens collapses the code after it until it closes.
    fn html_block(&mut self, line: usize, text: &str) -> Block {
        let lower = text.to_ascii_lowercase();
        let opens = lower.matches("<details").count();
        let closes = lower.matches("</details").count();
        self.collapsed = (self.collapsed + opens).saturating_sub(closes);
        if crate::markdown::html::is_comment(text) {
            Block::Comment { line }
        } else {
            Block::Other {
                markdown: crate::markdown::html::block_text(text),
            }
        }
    }
}
