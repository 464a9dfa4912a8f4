//! The one place inline Markdown events become styled spans: emphasis, code,
//! strikethrough and links, for a title on one line and for the paragraphs,
//! headings and table cells of a detail alike.
//!
//! Entities are decoded by the parser (`&#x202e;` is a bidirectional
//! override), so every text it hands over goes through
//! [`crate::text::is_unsafe`] here: nothing a terminal would act on is kept.

use pulldown_cmark::{Event, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

use crate::ui::theme::Theme;

/// Styles inline events as they come, keeping the styles and links that are
/// open, and gathers the spans of one run of text.
pub(super) struct Inline<'t> {
    theme: &'t Theme,
    base: Style,
    styles: Vec<Style>,
    /// Each open link: its address, and where its text starts in `spans`.
    links: Vec<(String, usize)>,
    /// Whether a hard break ends the line (`\n`, for the wrapper) or is a space.
    hard_breaks: bool,
    spans: Vec<Span<'static>>,
}

impl<'t> Inline<'t> {
    pub(super) fn new(base: Style, theme: &'t Theme, hard_breaks: bool) -> Inline<'t> {
        Inline {
            theme,
            base,
            styles: Vec::new(),
            links: Vec::new(),
            hard_breaks,
            spans: Vec::new(),
        }
    }

    /// The style of text outside any markup from now on (a heading's is bold).
    pub(super) fn set_base(&mut self, base: Style) {
        self.base = base;
    }

    /// Adds text in a style of its own, such as a task list's `[x]`.
    pub(super) fn push(&mut self, text: &str, style: Style) {
        self.spans.push(Span::styled(text.to_owned(), style));
    }

    /// The spans gathered since the last call.
    pub(super) fn take(&mut self) -> Vec<Span<'static>> {
        std::mem::take(&mut self.spans)
    }

    /// Whether nothing was gathered since the last [`Inline::take`].
    pub(super) fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Styles one event; `false` for an event that is not inline (a block
    /// starting or ending, a rule), which is left to the caller.
    pub(super) fn event(&mut self, event: &Event<'_>) -> bool {
        let style = *self.styles.last().unwrap_or(&self.base);
        match event {
            Event::Start(tag) => {
                let added = match tag {
                    Tag::Strong => style.add_modifier(Modifier::BOLD),
                    Tag::Emphasis => style.add_modifier(Modifier::ITALIC),
                    Tag::Strikethrough => style.add_modifier(Modifier::CROSSED_OUT),
                    Tag::Superscript | Tag::Subscript | Tag::Image { .. } => style,
                    Tag::Link { dest_url, .. } => {
                        self.links.push((dest_url.to_string(), self.spans.len()));
                        style.patch(self.theme.link)
                    }
                    _ => return false,
                };
                self.styles.push(added);
            }
            Event::End(end) => {
                if !matches!(
                    end,
                    TagEnd::Strong
                        | TagEnd::Emphasis
                        | TagEnd::Strikethrough
                        | TagEnd::Superscript
                        | TagEnd::Subscript
                        | TagEnd::Image
                        | TagEnd::Link
                ) {
                    return false;
                }
                self.styles.pop();
                if matches!(end, TagEnd::Link) {
                    self.end_link();
                }
            }
            // A comment is for whoever edits the file.
            Event::InlineHtml(t) if t.starts_with("<!--") => {}
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) | Event::InlineMath(t) => {
                self.spans.push(Span::styled(safe(t), style));
            }
            Event::Code(t) => self.spans.push(Span::styled(safe(t), style.patch(self.theme.code))),
            Event::SoftBreak => self.spans.push(Span::styled(" ", style)),
            Event::HardBreak => self
                .spans
                .push(Span::styled(if self.hard_breaks { "\n" } else { " " }, style)),
            _ => return false,
        }
        true
    }

    /// Shows a link's address after its text, dim, unless the text is the
    /// address already (`<https://…>`).
    fn end_link(&mut self) {
        let Some((url, start)) = self.links.pop() else {
            return;
        };
        let text = &self.spans[start.min(self.spans.len())..];
        let is = |address: &str| {
            let mut rest = address;
            text.iter().all(|s| match rest.strip_prefix(s.content.as_ref()) {
                Some(after) => {
                    rest = after;
                    true
                }
                None => false,
            }) && rest.is_empty()
        };
        let autolink = is(&url) || url.strip_prefix("mailto:").is_some_and(is);
        if !url.is_empty() && !autolink {
            // The address is parsed text too: an entity in it (`&#x202e;`)
            // decodes to what a terminal would act on.
            self.spans.push(Span::styled(
                format!(" ({})", safe(&url)),
                self.base.patch(self.theme.dim),
            ));
        }
    }
}

/// A parsed text without what a terminal would act on.
pub(super) fn safe(text: &str) -> String {
    if text.contains(crate::text::is_unsafe) {
        text.chars().filter(|&c| !crate::text::is_unsafe(c)).collect()
    } else {
        text.to_owned()
    }
}
