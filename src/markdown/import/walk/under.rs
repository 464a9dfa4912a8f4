//! What stands under a task or a step: its own words (title and detail),
//! the lists below it (sub-items, or criteria for its detail), its command
//! (the first shell block), and the rest of its blocks as its detail.

use super::super::outline::{LeftOut, OutlineItem};
use super::super::tree::{Block, List, ListItem};
use super::super::{command, item};
use super::Walk;
use crate::checklist::MAX_SUB_ITEM_DEPTH;
use crate::markdown::html;

/// The blocks under an item, a quote that holds tasks opened up: its tasks
/// are the item's sub-items as any other would be.
fn unquoted(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        match block {
            Block::Quote { blocks } if blocks.iter().any(Block::has_task) => out.extend(unquoted(blocks)),
            other => out.push(other),
        }
    }
    out
}

impl Walk<'_> {
    /// One item (a task, or a step) and what stands under it, into `out`:
    /// itself, then its sub-items.
    pub(super) fn item(
        &mut self,
        li: ListItem,
        checked: bool,
        depth: usize,
        numbered: bool,
        out: &mut Vec<OutlineItem>,
    ) {
        let mut blocks = unquoted(li.blocks).into_iter().peekable();
        let text = match blocks.peek() {
            Some(Block::Paragraph { .. }) => match blocks.next() {
                Some(Block::Paragraph { text, .. }) => text,
                _ => String::new(),
            },
            _ => String::new(),
        };
        // An export lists the commands run for an item first under it, when
        // its text says it has evidence: a record of the run, not part of
        // the checklist (see `export::evidence`).
        let evidenced = self.exported
            && text
                .lines()
                .skip(1)
                .any(|l| l.trim_start().starts_with(crate::markdown::dialect::EVIDENCE));
        if evidenced && matches!(blocks.peek(), Some(Block::List(list)) if !list.ordered && !list.has_task()) {
            blocks.next();
        }
        let shown = if self.exported {
            html::with_breaks(&text)
        } else {
            html::task_text(&text)
        };
        let Some(mut found) = item::read(&shown, checked, self.exported) else {
            self.outline.left_out.push(LeftOut {
                line: li.line,
                what: "empty task item",
            });
            return;
        };
        found.line = li.line;
        found.depth = depth.min(MAX_SUB_ITEM_DEPTH);
        found.numbered = numbered;
        let at = out.len();
        out.push(found);
        let mut detail = Vec::new();
        let mut context = text;
        for block in blocks {
            match block {
                Block::List(list) if self.steps || list.has_task() => {
                    self.sub_items(list, depth + 1, out, &mut detail);
                }
                Block::Code {
                    info,
                    body,
                    collapsed: false,
                    ..
                } => {
                    // An export marks its item's command and verification
                    // (`sh command`, `sh verify`); elsewhere the first shell
                    // block is the command.
                    let role = command::role(&info);
                    if role == Some(command::Role::Verify) && out[at].verify.is_none() {
                        out[at].verify = Some(body.trim_end().to_owned());
                        continue;
                    }
                    let command = (out[at].command.is_none() && (!self.exported || role.is_some()))
                        .then(|| command::of_block(&info, &body, &context))
                        .flatten();
                    let transcript = command::keeps_transcript(&info, &body);
                    if command.is_none() || transcript {
                        detail.push(crate::inline::fenced(&info, &body));
                    }
                    if command.is_some() {
                        out[at].command = command;
                    }
                }
                Block::Comment { line } => self.comment(line),
                other => {
                    if let Block::Paragraph { text, .. } = &other {
                        context.clone_from(text);
                    }
                    if let Some(markdown) = other.markdown(self.doc) {
                        detail.push(html::visible(&markdown).into_owned());
                    }
                }
            }
        }
        if !detail.is_empty() {
            let own = out[at].detail.take();
            out[at].detail = Some(own.into_iter().chain(detail).collect::<Vec<_>>().join("\n\n"));
        }
    }

    /// The items of a list under an item: tasks (or, without boxes, every
    /// item) are its sub-items; a plain line among them goes to its detail.
    fn sub_items(&mut self, list: List, depth: usize, out: &mut Vec<OutlineItem>, detail: &mut Vec<String>) {
        for li in list.items {
            match li.task {
                Some(checked) => self.item(li, checked, depth, list.ordered, out),
                None if self.steps => {
                    self.steps_taken.list_items += 1;
                    self.item(li, false, depth, list.ordered, out);
                }
                None => {
                    let (own, rest): (Vec<Block>, Vec<Block>) = li
                        .blocks
                        .into_iter()
                        .partition(|b| !matches!(b, Block::List(l) if l.has_task()));
                    let own: Vec<String> = own.iter().filter_map(|b| b.markdown(self.doc)).collect();
                    if !own.is_empty() {
                        detail.push(format!("- {}", own.join("\n\n  ")));
                    }
                    for block in rest {
                        if let Block::List(list) = block {
                            self.sub_items(list, depth, out, detail);
                        }
                    }
                }
            }
        }
    }

    pub(super) fn steps_list(&mut self, list: List) {
        let mut gathered = Vec::new();
        for li in list.items {
            self.steps_taken.list_items += 1;
            self.item(li, false, 0, list.ordered, &mut gathered);
        }
        self.place(None, gathered);
    }
}
