//! The detail pane: the selected item in full, or a header's summary with
//! its description. Its lines are wrapped here, to the pane's width, so that
//! the lines counted for the scroll bound are the lines drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::progress::Progress;
use crate::text::plural;
use crate::ui::app::{App, Focus};
use crate::ui::markdown;
use crate::ui::theme::Theme;
use crate::ui::tree::Row;

mod item;
use item::item_lines;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let theme = app.theme();
    let border = if app.focus() == Focus::Detail {
        theme.title
    } else {
        theme.dim
    };
    let block = Block::default()
        .borders(Borders::TOP)
        .title(" Detail ")
        .border_style(border);
    let lines = lines(app, area.width);
    let scroll = app.detail_scroll().min(bound(lines.len(), area.height));
    let paragraph = Paragraph::new(lines).block(block).scroll((scroll, 0));
    frame.render_widget(paragraph, area);
}

/// How far the detail pane scrolls at most: until its last line is on its
/// last row. Zero when the screen is too small to show it.
pub fn last_scroll(app: &App) -> u16 {
    app.areas().map_or(0, |areas| {
        bound(lines(app, areas.detail.width).len(), areas.detail.height)
    })
}

/// The scroll that shows `lines` to their end in a pane `height` rows high,
/// its border row included.
fn bound(lines: usize, height: u16) -> u16 {
    let rows = usize::from(height.saturating_sub(1));
    u16::try_from(lines.saturating_sub(rows)).unwrap_or(u16::MAX)
}

/// The pane's lines, each fitting in `width` columns.
fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme();
    let mut out = Lines {
        width: usize::from(width),
        lines: Vec::new(),
    };
    match app.tree().selected() {
        Some(Row::Item(i)) => item_lines(app, i, &mut out),
        Some(Row::Section(s)) => {
            let section = &app.checklist().sections()[s];
            out.header(&section.name, section.description.as_deref(), theme);
            out.wrapped(vec![Span::raw(done_of(&app.tally().sections[s]))]);
        }
        Some(Row::Phase(p)) => {
            let phase = &app.checklist().phases()[p];
            let progress = app.phase_progress(p);
            out.header(&phase.name, phase.description.as_deref(), theme);
            out.wrapped(vec![Span::raw(format!(
                "{}, {}% complete",
                done_of(progress),
                progress.percent()
            ))]);
            out.wrapped(vec![Span::raw(plural(phase.sections.len(), "section", "sections"))]);
            if phase.approvals > 0 {
                approval_lines(app, p, &mut out);
            }
        }
        None => {}
    }
    out.lines
}

/// A phase's approvals: how many count of how many it needs, then each
/// that stands, with who, when, its note and whether it counts.
fn approval_lines(app: &App, phase: usize, out: &mut Lines) {
    let theme = app.theme();
    let approvals = app.state().approvals();
    let needed = app.checklist().phases()[phase].approvals;
    out.blank();
    out.wrapped(vec![
        Span::styled("Approvals: ", theme.key),
        Span::raw(format!("{} of {needed}", approvals.count(phase))),
        Span::styled(
            " (two-person rule: not by whoever worked on an earlier phase)",
            theme.dim,
        ),
    ]);
    for standing in approvals.standing(phase) {
        let verdict = standing.verdict;
        let mut text = format!("✓ {}, {}", verdict.stamp.who(), verdict.stamp.at.human());
        if verdict.forced {
            text.push_str(" (forced)");
        } else if standing.self_approval {
            text.push_str(" (not counted: worked on an earlier phase)");
        }
        if let Some(note) = &verdict.note {
            text.push_str(" — ");
            text.push_str(note);
        }
        let style = if standing.counts() { theme.done } else { theme.todo };
        out.wrapped(vec![Span::styled(text, style)]);
    }
}

/// How many of a header's items are done and skipped.
fn done_of(progress: &Progress) -> String {
    format!(
        "{} of {} done, {} skipped",
        progress.done,
        plural(progress.total, "item", "items"),
        progress.skipped
    )
}

/// Lines being made for a pane of a given width.
struct Lines {
    width: usize,
    lines: Vec<Line<'static>>,
}

impl Lines {
    /// One line of text, over as many rows as it needs.
    fn wrapped(&mut self, spans: Vec<Span<'static>>) {
        self.lines.extend(markdown::wrap(spans, self.width, &[], &[]));
    }

    fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    /// Markdown blocks, as a detail or a description holds them.
    fn blocks(&mut self, text: &str, theme: &Theme) {
        self.lines.extend(markdown::blocks(text, self.width, theme));
    }

    /// A phase's or section's name, and its description under it with a
    /// blank line after.
    fn header(&mut self, name: &str, description: Option<&str>, theme: &Theme) {
        self.wrapped(markdown::spans(name, theme.title, theme));
        if let Some(text) = description {
            self.blocks(text, theme);
            self.blank();
        }
    }
}
