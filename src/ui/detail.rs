//! The detail pane's text: the selected item in full, or a header's summary
//! with its description, wrapped to the pane's width, so that the lines
//! counted for the scroll bound (by `update`) are the lines drawn (by the view).

mod item;
mod lines;

use ratatui::text::{Line, Span};

use crate::progress::Progress;
use crate::text::plural;
use crate::ui::app::App;
use crate::ui::tree::Row;
use item::item_lines;
use lines::Lines;

/// How far the detail pane scrolls at most: until its last line is on its
/// last row. Zero when the screen is too small to show it.
pub fn last_scroll(app: &App) -> u16 {
    app.areas().map_or(0, |areas| {
        bound(lines(app, areas.detail.width).len(), areas.detail.height)
    })
}

/// The scroll that shows `lines` to their end in a pane `height` rows high,
/// its border row included.
pub fn bound(lines: usize, height: u16) -> u16 {
    let rows = usize::from(height.saturating_sub(1));
    u16::try_from(lines.saturating_sub(rows)).unwrap_or(u16::MAX)
}

/// The pane's lines, each fitting in `width` columns.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
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
