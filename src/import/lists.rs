//! Lists as the import reads them: task items become items (below the
//! task they nest in), plain items over a nested list become labels, and
//! other plain items are left out.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::groups::{self, Label};
use super::{Cursor, Doc, LeftOut, Outline, html, item};

/// A list item being read: where it starts, and for a task item whether it is
/// ticked and where its text starts. A task is taken when its text ends: at a
/// nested list, or at the end of the item, so that it comes before its children.
pub(super) struct OpenItem {
    start: usize,
    task: Option<(bool, usize)>,
    taken: bool,
    /// A task that became an item: the tasks below it are its sub-items.
    pub item: bool,
    /// In a numbered list.
    ordered: bool,
    /// A plain item over a nested list: its text labels the tasks below it.
    pub label: Option<Label>,
}

impl Cursor {
    /// Reads one list event: a list or item starting or ending, or a box.
    pub(super) fn list_event(&mut self, event: &Event<'_>, range: &Range<usize>, doc: &Doc<'_>, outline: &mut Outline) {
        match event {
            Event::Start(Tag::List(first)) => {
                self.take_task(doc, range.start, outline);
                if self.list_depth == 0 {
                    self.list_label = self.pending_label.take();
                }
                self.list_depth += 1;
                self.ordered.push(first.is_some());
            }
            Event::End(TagEnd::List(_)) => {
                self.list_depth -= 1;
                self.ordered.pop();
                if self.list_depth == 0
                    && let Some(label) = self.list_label.take().filter(|l| !l.used)
                {
                    label.left_out(outline, "paragraph");
                }
            }
            Event::Start(Tag::Item) => self.open_items.push(OpenItem {
                start: range.start,
                task: None,
                taken: false,
                item: false,
                ordered: self.ordered.last().copied().unwrap_or(false),
                label: None,
            }),
            &Event::TaskListMarker(checked) => {
                if let Some(open) = self.open_items.last_mut() {
                    open.task = Some((checked, range.end));
                }
            }
            Event::End(TagEnd::Item) => {
                self.take_task(doc, range.end, outline);
                if let Some(open) = self.open_items.pop()
                    && open.task.is_none()
                    && !self.in_summary
                    && open.label.as_ref().is_none_or(|l| !l.used)
                {
                    outline.left_out.push(LeftOut {
                        line: doc.lines.of(open.start),
                        what: "plain list item",
                    });
                }
            }
            _ => {}
        }
    }

    /// Takes the innermost open task item whose text ends at `end`; a plain
    /// item whose text ends at a nested list becomes a label for its tasks.
    fn take_task(&mut self, doc: &Doc<'_>, end: usize, outline: &mut Outline) {
        let Some(open) = self.open_items.last_mut() else { return };
        if open.taken || self.in_summary {
            return;
        }
        open.taken = true;
        let line = doc.lines.of(open.start);
        let Some((checked, text_start)) = open.task else {
            open.label = Label::of_item(&doc.markdown[open.start..end], line);
            return;
        };
        let ordered = open.ordered;
        // An export is read as written; any other task as GitHub shows it.
        let source = &doc.markdown[text_start..end];
        let text = if doc.exported {
            html::with_breaks(source)
        } else {
            html::task_text(source)
        };
        let Some(mut found) = item::read(&text, checked, doc.exported) else {
            outline.left_out.push(LeftOut {
                line,
                what: "empty task item",
            });
            return;
        };
        found.line = line;
        found.numbered = ordered;
        let place = groups::place(self, outline);
        found.depth = place.depth;
        if let Some(prefix) = &place.prefix {
            found.title = format!("{prefix}: {}", found.title);
            if let Some((whole, _)) = &mut found.without_lead {
                *whole = format!("{prefix}: {whole}");
            }
        }
        if let Some(open) = self.open_items.last_mut() {
            open.item = true;
        }
        groups::section_for(outline, self, &place).items.push(found);
    }
}
