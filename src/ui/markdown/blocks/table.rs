//! A Markdown table in a pane: its rows with ` │ ` between the cells, the
//! head bold. When the cells fit the pane they are lined up in columns with a
//! rule under the head; when not, each row is wrapped as text.

use ratatui::text::Span;

use super::columns;
use crate::ui::theme::Theme;

/// A table's cells as they are parsed, row by row.
#[derive(Default)]
pub(super) struct Table {
    rows: Vec<Vec<Vec<Span<'static>>>>,
    /// How many of the first rows are the head.
    head: usize,
}

/// A line of a table: a row, to wrap, or the rule under the head.
pub(super) enum Part {
    Row(Vec<Span<'static>>),
    Rule(Span<'static>),
}

impl Table {
    /// A row starts.
    pub(super) fn row(&mut self) {
        self.rows.push(Vec::new());
    }

    pub(super) fn cell(&mut self, spans: Vec<Span<'static>>) {
        if let Some(row) = self.rows.last_mut() {
            row.push(spans);
        }
    }

    /// The rows so far are the head.
    pub(super) fn end_head(&mut self) {
        self.head = self.rows.len();
    }

    /// The table's lines for `room` columns (`None`: unwrapped text).
    pub(super) fn parts(self, room: Option<usize>, theme: &Theme) -> Vec<Part> {
        let count = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut widths = vec![0; count];
        for row in &self.rows {
            for (c, cell) in row.iter().enumerate() {
                widths[c] = widths[c].max(columns(cell));
            }
        }
        let total = widths.iter().sum::<usize>() + 3 * count.saturating_sub(1);
        let aligned = room.is_some_and(|room| total <= room);
        let mut parts = Vec::new();
        for (r, row) in self.rows.into_iter().enumerate() {
            let mut spans = Vec::new();
            let cells = row.len();
            for (c, cell) in row.into_iter().enumerate() {
                if c > 0 {
                    spans.push(Span::styled(" │ ", theme.dim));
                }
                let pad = widths[c] - columns(&cell);
                let head = r < self.head;
                spans.extend(
                    cell.into_iter()
                        .map(|s| if head { s.patch_style(theme.title) } else { s }),
                );
                if aligned && pad > 0 && c + 1 < cells {
                    spans.push(Span::raw(" ".repeat(pad)));
                }
            }
            parts.push(Part::Row(spans));
            if aligned && r + 1 == self.head {
                let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
                parts.push(Part::Rule(Span::styled(rule.join("─┼─"), theme.dim)));
            }
        }
        parts
    }
}
