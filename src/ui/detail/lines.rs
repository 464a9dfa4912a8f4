//! Lines being made for the detail pane, each wrapped to its width.

use ratatui::text::{Line, Span};

use crate::ui::markdown;
use crate::ui::theme::Theme;

/// Lines being made for a pane of a given width.
pub(super) struct Lines {
    pub(super) width: usize,
    pub(super) lines: Vec<Line<'static>>,
}

impl Lines {
    /// One line of text, over as many rows as it needs.
    pub(super) fn wrapped(&mut self, spans: Vec<Span<'static>>) {
        self.lines.extend(markdown::wrap(spans, self.width, &[], &[]));
    }

    pub(super) fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    /// Markdown blocks, as a detail or a description holds them.
    pub(super) fn blocks(&mut self, text: &str, theme: &Theme) {
        self.lines.extend(markdown::blocks(text, self.width, theme));
    }

    /// A phase's or section's name, and its description under it with a
    /// blank line after.
    pub(super) fn header(&mut self, name: &str, description: Option<&str>, theme: &Theme) {
        self.wrapped(markdown::spans(name, theme.title, theme));
        if let Some(text) = description {
            self.blocks(text, theme);
            self.blank();
        }
    }
}
