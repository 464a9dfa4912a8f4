//! Markdown blocks (an item's detail, a description) as the lines a pane of a
//! given width shows, and as plain text to search.
//!
//! Paragraphs are word-wrapped ([`super::wrap`]) with their inline styles
//! ([`super::inline`]); a blank line stands between blocks, not between the
//! items of a tight list. Lists hang their text under a `• ` or a number,
//! nested ones further in; a task list's boxes are shown as `[ ]` and `[x]`
//! text, since nobody ticks a detail. Quotes get a `│ ` gutter, headings are
//! bold, rules are a line of `─`, a table is its rows with ` │ ` between the
//! cells (lined up when they fit), an HTML block its visible text.
//!
//! Code blocks are shown verbatim in the theme's code style and never wrapped:
//! a wrapped shell line would read as two commands. A line wider than the pane
//! is cut with `…` (copy it from the checklist file). Its info string (`sh`)
//! stands dim above it, saying what the code is.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::inline::{Inline, safe};
use super::wrap::{columns, unwrapped, wrap};
use crate::ui::theme::Theme;
use table::{Part, Table};

mod code;
mod html;
mod plain;
mod table;

pub use plain::{summary, visible_text};

/// The lines `markdown` takes in a pane `width` columns wide: each fits.
pub fn blocks(markdown: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    render(markdown, Some(width), theme)
}

/// The lines of `markdown` in `width` columns, or unwrapped without one.
pub(super) fn render(markdown: &str, width: Option<usize>, theme: &Theme) -> Vec<Line<'static>> {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    let mut render = Render {
        theme,
        width,
        inline: Inline::new(Style::new(), theme, true),
        containers: Vec::new(),
        out: Vec::new(),
        owed: None,
        code: None,
        html: None,
        table: None,
    };
    for event in Parser::new_ext(markdown, options) {
        render.event(&event);
    }
    render.flush();
    render.out
}

/// A block that holds others: what the lines inside it start with.
enum Container {
    Quote,
    /// `number` is the next item's, for a numbered list.
    List {
        number: Option<u64>,
        loose: bool,
    },
    /// `marker` is shown on the item's first line, then spaces as wide.
    Item {
        marker: Option<String>,
        indent: usize,
    },
}

struct Render<'t> {
    theme: &'t Theme,
    /// `None` for plain text: nothing wrapped or cut.
    width: Option<usize>,
    inline: Inline<'t>,
    containers: Vec<Container>,
    out: Vec<Line<'static>>,
    /// A blank line owed before the next block, with the gutters it keeps.
    owed: Option<Vec<Span<'static>>>,
    /// Inside a code block: its info string and its text so far.
    code: Option<(String, String)>,
    /// Inside an HTML block: its source so far.
    html: Option<String>,
    /// Inside a table: its rows so far.
    table: Option<Table>,
}

impl Render<'_> {
    fn event(&mut self, event: &Event<'_>) {
        if let Some((_, code)) = &mut self.code {
            match event {
                Event::Text(text) => code.push_str(text),
                Event::End(TagEnd::CodeBlock) => self.end_code(),
                _ => {}
            }
            return;
        }
        if let Some(html) = &mut self.html {
            match event {
                Event::Html(text) | Event::Text(text) => html.push_str(text),
                Event::End(TagEnd::HtmlBlock) => self.end_html(),
                _ => {}
            }
            return;
        }
        if self.inline.event(event) {
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(*tag),
            Event::Rule => {
                self.flush();
                let room = self.width.map_or(3, |w| w.saturating_sub(columns(&self.prefixes().0)));
                self.emit(vec![Line::from(Span::styled("─".repeat(room), self.theme.dim))]);
                self.end_block();
            }
            Event::TaskListMarker(done) => self.inline.push(if *done { "[x] " } else { "[ ] " }, Style::new()),
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        self.flush();
        match tag {
            Tag::Paragraph => {
                // A paragraph in an item makes its list loose: blank lines
                // between its items.
                if let [.., Container::List { loose, .. }, Container::Item { .. }] = self.containers.as_mut_slice() {
                    *loose = true;
                }
            }
            Tag::Heading { .. } => self.inline.set_base(self.theme.title),
            Tag::BlockQuote(_) => self.containers.push(Container::Quote),
            Tag::CodeBlock(kind) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or_default(),
                    CodeBlockKind::Indented => "",
                };
                self.code = Some((safe(info), String::new()));
            }
            Tag::HtmlBlock => self.html = Some(String::new()),
            Tag::List(start) => self.containers.push(Container::List {
                number: *start,
                loose: false,
            }),
            Tag::Item => {
                let marker = match self.containers.last_mut() {
                    Some(Container::List { number: Some(n), .. }) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "• ".to_owned(),
                };
                let indent = unicode_width::UnicodeWidthStr::width(marker.as_str());
                self.containers.push(Container::Item {
                    marker: Some(marker),
                    indent,
                });
            }
            Tag::Table(_) => self.table = Some(Table::default()),
            Tag::TableHead | Tag::TableRow => {
                if let Some(table) = &mut self.table {
                    table.row();
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        if tag == TagEnd::TableCell {
            let cell = self.inline.take();
            if let Some(table) = &mut self.table {
                table.cell(cell);
            }
            return;
        }
        self.flush();
        match tag {
            TagEnd::Paragraph => self.end_block(),
            TagEnd::Heading(_) => {
                self.inline.set_base(Style::new());
                self.end_block();
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) => {
                self.containers.pop();
                self.end_block();
            }
            TagEnd::Item => {
                self.containers.pop();
            }
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table {
                    table.end_head();
                }
            }
            TagEnd::Table => self.end_table(),
            _ => {}
        }
    }

    /// Wraps the inline text gathered so far into lines: a paragraph's, a
    /// heading's, or a tight list item's, which has no paragraph.
    fn flush(&mut self) {
        if self.inline.is_empty() {
            return;
        }
        let spans = self.inline.take();
        let lines = self.lay_out(spans);
        self.emit(lines);
    }

    /// Inline text as lines here: wrapped to the width, under the
    /// containers' prefixes.
    fn lay_out(&self, spans: Vec<Span<'static>>) -> Vec<Line<'static>> {
        let (first, rest) = self.prefixes();
        match self.width {
            Some(width) => wrap(spans, width, &first, &rest),
            None => unwrapped(spans, &first, &rest),
        }
    }

    /// After a block: a blank line is owed before the next one, unless the
    /// block was in an item of a tight list.
    fn end_block(&mut self) {
        let tight = matches!(
            self.containers.as_slice(),
            [.., Container::List { loose: false, .. }, Container::Item { .. }]
        );
        if !tight {
            let mut gutter = self.prefixes().1;
            while gutter.last().is_some_and(|s| s.content.trim().is_empty()) {
                gutter.pop();
            }
            if let Some(last) = gutter.last_mut() {
                *last = Span::styled(last.content.trim_end().to_owned(), last.style);
            }
            self.owed = Some(gutter);
        }
    }

    /// Adds lines: first any blank line owed, and from now on the items'
    /// markers are shown as spaces.
    fn emit(&mut self, lines: Vec<Line<'static>>) {
        if lines.is_empty() {
            return;
        }
        if let Some(gutter) = self.owed.take()
            && !self.out.is_empty()
        {
            self.out.push(Line::from(gutter));
        }
        self.out.extend(lines);
        for container in &mut self.containers {
            if let Container::Item { marker, .. } = container {
                *marker = None;
            }
        }
    }

    /// What the first line here starts with (an item's marker not yet shown)
    /// and what the others start with.
    fn prefixes(&self) -> (Vec<Span<'static>>, Vec<Span<'static>>) {
        let mut first = Vec::new();
        let mut rest = Vec::new();
        for container in &self.containers {
            match container {
                Container::Quote => {
                    first.push(Span::styled("│ ", self.theme.dim));
                    rest.push(Span::styled("│ ", self.theme.dim));
                }
                Container::List { .. } => {}
                Container::Item { marker, indent } => {
                    first.push(Span::raw(marker.clone().unwrap_or_else(|| " ".repeat(*indent))));
                    rest.push(Span::raw(" ".repeat(*indent)));
                }
            }
        }
        (first, rest)
    }

    fn end_code(&mut self) {
        let Some((info, text)) = self.code.take() else {
            return;
        };
        let (first, rest) = self.prefixes();
        let lines = code::lines(&info, &text, [&first, &rest], self.width, self.theme);
        self.emit(lines);
        self.end_block();
    }

    /// An HTML block's visible text, as one paragraph: its tags and comments
    /// are not shown.
    fn end_html(&mut self) {
        let Some(html) = self.html.take() else {
            return;
        };
        let visible = html::visible_html(&html);
        let words: Vec<&str> = visible.split_whitespace().collect();
        if words.is_empty() {
            return;
        }
        self.inline.push(&safe(&words.join(" ")), Style::new());
        self.flush();
        self.end_block();
    }

    fn end_table(&mut self) {
        let Some(table) = self.table.take() else {
            return;
        };
        let room = self.width.map(|w| w.saturating_sub(columns(&self.prefixes().0)));
        for part in table.parts(room, self.theme) {
            let lines = match part {
                Part::Row(spans) => self.lay_out(spans),
                Part::Rule(rule) => {
                    let mut line = self.prefixes().0;
                    line.push(rule);
                    vec![Line::from(line)]
                }
            };
            self.emit(lines);
        }
        self.end_block();
    }
}

#[cfg(test)]
mod tests;
