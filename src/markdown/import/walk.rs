//! Where each block of the document goes. Headings make the title, phases
//! and sections; a box makes an item, and what stands under it (text, lists,
//! code) becomes its detail, its sub-items or its command; a line without a
//! box over a task list (a bold line, a numbered step, a plain bullet) makes
//! the section its tasks go into; all other text becomes the description of
//! the checklist, phase or section it stands in. A document without boxes
//! imports its list items and shell blocks as steps.

use pulldown_cmark::HeadingLevel;

use super::outline::{LeftOut, Outline, OutlineItem, OutlinePhase, OutlineSection, Steps};
use super::tree::{Block, Doc, List, ListItem};
use super::{command, groups, item, mojibake};
use crate::markdown::dialect::{APPROVALS, COMPLETION_STATUS, PARAMETERS};
use crate::markdown::html;
use crate::text::clean_line;

pub(super) struct Walk<'a> {
    /// The document, to render the Markdown of what is placed as text.
    doc: &'a Doc<'a>,
    pub outline: Outline,
    /// The text before the first phase: the checklist's description.
    pub description: Vec<String>,
    exported: bool,
    /// No box in the document: list items and shell blocks are steps.
    steps: bool,
    in_summary: bool,
    /// The name of the section a `###` heading made, which labels nest in.
    heading_section: Option<String>,
    /// A paragraph not placed yet: it may label the list after it, or name
    /// the step of the code block after it.
    pending: Option<(String, usize)>,
    /// The item a code block right after its list would be the command of.
    last_task: Option<(usize, usize, usize)>,
    pub steps_taken: Steps,
}

/// Whether a block is the list of a Completion Status: every box in it
/// counts items (`items completed`).
fn is_summary(block: &Block) -> bool {
    let Block::List(list) = block else { return false };
    list.items.iter().all(|item| {
        item.task.is_some()
            && matches!(item.blocks.first(), Some(Block::Paragraph { text, .. }) if text.contains("items completed"))
    })
}

pub(super) fn append(slot: &mut Option<String>, text: String) {
    match slot {
        Some(existing) => {
            existing.push_str("\n\n");
            existing.push_str(&text);
        }
        None => *slot = Some(text),
    }
}

/// A heading's text as a name: an export's escapes undone, or mojibake
/// repaired, and cleaned to one line.
pub(super) fn name_of(text: &str, exported: bool) -> String {
    let text = html::visible(text);
    let text = if exported { text } else { mojibake::repair(&text).into() };
    // A name is plain text (export writes it so): `R&amp;D *Release*` is
    // the name `R&D Release` a reader sees.
    clean_line(&crate::inline::plain_name(&text)).unwrap_or_default()
}

impl<'a> Walk<'a> {
    pub(super) fn new(doc: &'a Doc<'a>, exported: bool, steps: bool) -> Walk<'a> {
        Walk {
            doc,
            outline: Outline::default(),
            description: Vec::new(),
            exported,
            steps,
            in_summary: false,
            heading_section: None,
            pending: None,
            last_task: None,
            steps_taken: Steps::default(),
        }
    }

    /// Text for whatever it stands in: the section, else the phase, else
    /// the checklist.
    fn text(&mut self, markdown: String) {
        if markdown.trim().is_empty() {
            return;
        }
        match self.outline.phases.last_mut() {
            None => self.description.push(markdown),
            Some(phase) => match phase.sections.last_mut() {
                Some(section) => append(&mut section.description, markdown),
                None => append(&mut phase.description, markdown),
            },
        }
    }

    /// A comment GitHub hides: left out, and said so — but an export's
    /// comments are its own marks.
    fn comment(&mut self, line: usize) {
        if !self.exported {
            self.outline.left_out.push(LeftOut {
                line,
                what: "HTML comment",
            });
        }
    }

    /// The paragraph held back, placed as text after all.
    fn flush(&mut self) {
        if let Some((text, _)) = self.pending.take() {
            self.text(text);
        }
    }

    /// Reads the blocks of one level of the document.
    pub(super) fn blocks(&mut self, blocks: Vec<Block>) {
        let mut blocks = blocks.into_iter().peekable();
        while let Some(block) = blocks.next() {
            self.block(block, blocks.peek());
        }
        self.flush();
    }

    fn block(&mut self, block: Block, next: Option<&Block>) {
        if let Block::Heading { level, text, line } = &block {
            self.flush();
            self.last_task = None;
            self.heading(*level, text, *line, next.is_some_and(is_summary));
            return;
        }
        let next_has_task = next.is_some_and(Block::has_task);
        if self.in_summary {
            return;
        }
        let last_task = self.last_task.take();
        match block {
            Block::Heading { .. } | Block::Rule => self.flush(),
            Block::Paragraph { text, line } => self.paragraph(text, line),
            Block::List(list) => self.list(list, next_has_task),
            Block::Code {
                info,
                body,
                collapsed: false,
                line,
            } => self.code(&info, &body, line, last_task),
            Block::Quote { blocks, .. } if blocks.iter().any(Block::has_task) => {
                self.flush();
                self.blocks(blocks);
                // A block after the quote is not under the tasks inside it.
                self.last_task = None;
            }
            Block::Comment { line } => self.comment(line),
            other => {
                self.flush();
                if let Some(markdown) = other.markdown(self.doc) {
                    self.text(markdown);
                }
            }
        }
    }

    fn heading(&mut self, level: HeadingLevel, text: &str, line: usize, summary: bool) {
        let name = name_of(text, self.exported);
        if level <= HeadingLevel::H2 {
            let (icon, name) = groups::split_icon(&name);
            // A summary only when its boxes read as one (`**Phase**: 3/5
            // items completed`, the seed's `___/___`): elsewhere a heading
            // of that name holds tasks like any other.
            self.in_summary = summary && name.trim_end_matches(':') == COMPLETION_STATUS;
            self.heading_section = None;
            if !self.in_summary {
                self.outline.phases.push(OutlinePhase {
                    name,
                    icon,
                    line,
                    ..OutlinePhase::default()
                });
            }
            return;
        }
        if self.in_summary {
            return;
        }
        self.ensure_phase();
        let (_, name) = groups::split_icon(&name);
        self.heading_section = Some(name.clone());
        if let Some(phase) = self.outline.phases.last_mut() {
            phase.sections.push(OutlineSection {
                name,
                line,
                ..OutlineSection::default()
            });
        }
    }

    fn ensure_phase(&mut self) {
        if self.outline.phases.is_empty() {
            self.outline.phases.push(OutlinePhase::default());
        }
    }

    fn paragraph(&mut self, text: String, line: usize) {
        self.flush();
        let before_phase = self.outline.phases.is_empty();
        if self.exported && before_phase && (text.starts_with("**Run:**") || text.starts_with(PARAMETERS)) {
            return;
        }
        if self.exported && text.starts_with(APPROVALS) {
            return;
        }
        let holds = self.steps || groups::short_line(&text) || groups::label_of_line(&text).is_some();
        if holds {
            self.pending = Some((text, line));
        } else {
            self.text(text);
        }
    }

    fn list(&mut self, list: List, next_has_task: bool) {
        if self.steps {
            self.flush();
            self.steps_list(list);
            return;
        }
        if !list.has_task() {
            // A one-item list that reads as a label (`1. **Check:**`) over
            // the task list after it names that list's section.
            let single = match list.items.as_slice() {
                [only] if next_has_task && only.blocks.len() == 1 => match &only.blocks[0] {
                    Block::Paragraph { text, .. } => groups::label_of_line(text).map(|_| text.clone()),
                    _ => None,
                },
                _ => None,
            };
            self.flush();
            match single {
                Some(text) => self.pending = Some((text, list.line)),
                None => self.text(self.doc.markdown(&list.range)),
            }
            return;
        }
        let label = self
            .pending
            .take()
            .and_then(|(text, _)| groups::label_of_line(&text).or_else(|| groups::label_name(&text)));
        self.task_list(list, label.as_deref());
    }

    /// The tasks of a list into the section its label (or the place) gives.
    fn task_list(&mut self, list: List, label: Option<&str>) {
        let mut gathered = Vec::new();
        for li in list.items {
            match li.task {
                Some(checked) => self.item(li, checked, 0, list.ordered, &mut gathered),
                None if li.blocks.iter().any(Block::has_task) => {
                    self.place(label, std::mem::take(&mut gathered));
                    self.labelled(li, label);
                }
                None => {
                    self.place(label, std::mem::take(&mut gathered));
                    self.text(self.doc.markdown(&li.range));
                    // A block after this plain line is not under the task before it.
                    self.last_task = None;
                }
            }
        }
        self.place(label, gathered);
    }

    /// A plain item over task lists: its words label them.
    fn labelled(&mut self, li: ListItem, outer: Option<&str>) {
        let mut blocks = li.blocks.into_iter();
        let own = match blocks.next() {
            Some(Block::Paragraph { text, .. }) => groups::label_name(&text),
            Some(other) => {
                blocks = std::iter::once(other).chain(blocks).collect::<Vec<_>>().into_iter();
                None
            }
            None => None,
        };
        let label = match (outer, own) {
            (Some(outer), Some(own)) => Some(format!("{outer} / {own}")),
            (outer, own) => own.or(outer.map(str::to_owned)),
        };
        for block in blocks {
            match block {
                Block::List(list) if list.has_task() => self.task_list(list, label.as_deref()),
                other => {
                    if let Some(markdown) = other.markdown(self.doc) {
                        self.text(markdown);
                    }
                }
            }
        }
    }

    /// Puts items into the section for `label`: its own, named after the
    /// `###` heading it stands under too; else the current one.
    fn place(&mut self, label: Option<&str>, items: Vec<OutlineItem>) {
        if items.is_empty() {
            return;
        }
        self.ensure_phase();
        let heading = self.heading_section.clone();
        let phase = self.outline.phases.last_mut().expect("a phase was just ensured");
        let last = phase.sections.last();
        let fresh = match label {
            Some(label) => {
                let name = match &heading {
                    Some(heading) => format!("{heading} / {label}"),
                    None => label.to_owned(),
                };
                last.is_none_or(|s| !(s.label && s.name == name))
                    .then_some((name, true))
            }
            None => last
                .is_none_or(|s| s.label)
                .then(|| (heading.unwrap_or_else(|| phase.name.clone()), false)),
        };
        if let Some((name, label)) = fresh {
            phase.sections.push(OutlineSection {
                name,
                label,
                ..OutlineSection::default()
            });
        }
        let p = self.outline.phases.len() - 1;
        let phase = &mut self.outline.phases[p];
        let s = phase.sections.len() - 1;
        let section = &mut phase.sections[s];
        // The item a block right after these stands under: the last one read.
        let last = section.items.len() + items.len() - 1;
        section.items.extend(items);
        self.last_task = Some((p, s, last));
    }

    fn code(&mut self, info: &str, body: &str, line: usize, last_task: Option<(usize, usize, usize)>) {
        if self.steps && command::is_shell(info) {
            let title = match self.pending.take() {
                Some((text, _)) => text,
                None => self
                    .heading_section
                    .clone()
                    .or_else(|| self.outline.phases.last().map(|p| p.name.clone()))
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| "Run".to_owned()),
            };
            let Some(command) = command::of_block(info, body, "") else {
                self.text(crate::inline::fenced(info, body));
                return;
            };
            let mut step = item::read(&html::task_text(&title), false, false).unwrap_or_default();
            let title = step.title.trim_end_matches(':').trim_end().to_owned();
            step.title = if title.is_empty() { "Run".to_owned() } else { title };
            step.line = line;
            step.command = Some(command);
            if command::keeps_transcript(info, body) {
                append(&mut step.detail, crate::inline::fenced(info, body));
            }
            self.steps_taken.shell_blocks += 1;
            self.place(None, vec![step]);
            return;
        }
        self.flush();
        if let Some((p, s, i)) = last_task.filter(|_| !self.exported) {
            let item = &mut self.outline.phases[p].sections[s].items[i];
            if item.command.is_none()
                && let Some(command) = command::of_block(info, body, &item.title)
            {
                item.command = Some(command);
                if command::keeps_transcript(info, body) {
                    append(&mut item.detail, crate::inline::fenced(info, body));
                }
                return;
            }
        }
        self.text(crate::inline::fenced(info, body));
    }
}

mod under;
