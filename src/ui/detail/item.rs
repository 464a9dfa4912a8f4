//! An item in the detail pane: its title and detail, how it stands (status,
//! reason, note, sub-items), what its commands did, and where it belongs.

use ratatui::style::Style;
use ratatui::text::Span;

use super::lines::Lines;
use crate::checklist::{Item, Status};
use crate::run::ItemState;
use crate::ui::app::App;
use crate::ui::markdown;

pub(super) fn item_lines(app: &App, index: usize, out: &mut Lines) {
    let theme = app.theme();
    let item = &app.checklist().items()[index];
    let state = app.item_state(index);
    out.wrapped(markdown::spans(&item.title, theme.title, theme));
    if let Some(detail) = &item.detail {
        out.blocks(detail, theme);
    }
    out.blank();
    let (status, style) = match &state.status {
        Status::Todo => ("to do", theme.todo),
        Status::Done => ("done", theme.done),
        Status::Skipped { .. } => ("skipped (N/A)", theme.skipped),
    };
    let mut status_line = vec![Span::styled("Status: ", theme.key), Span::styled(status, style)];
    if let Some(set) = &state.set {
        status_line.push(Span::styled(format!(" — {}, {}", set.who(), set.at.human()), theme.dim));
    }
    out.wrapped(status_line);
    if let Status::Skipped { reason: Some(reason) } = &state.status {
        out.wrapped(vec![Span::styled("Reason: ", theme.key), Span::raw(reason.clone())]);
    }
    if let Some(note) = &state.note {
        let mut spans = vec![Span::styled("Note: ", theme.key)];
        spans.extend(markdown::spans(note, Style::new(), theme));
        out.wrapped(spans);
    }
    if item.has_sub_items() {
        let progress = app.tally().sub_items[index];
        out.wrapped(vec![
            Span::styled("Sub-items: ", theme.key),
            Span::raw(format!(
                "{} of {} done{}",
                progress.done,
                progress.applicable(),
                if progress.skipped > 0 {
                    format!(", {} skipped", progress.skipped)
                } else {
                    String::new()
                }
            )),
        ]);
    }
    runbook_lines(app, item, state, out);
    if item.command.is_some() || item.verify.is_some() {
        out.wrapped(vec![Span::styled("! run · v verify · c copy", theme.dim)]);
    }
    if let Some(parent) = item.parent {
        let mut spans = vec![Span::styled("Part of: ", theme.key)];
        spans.extend(markdown::spans(
            &app.checklist().items()[parent].title,
            Style::new(),
            theme,
        ));
        out.wrapped(spans);
    }
    out.wrapped(vec![Span::styled(format!("Id: {}", item.id), theme.dim)]);
}

/// What an item's commands did and how its status stands with its proof and
/// its gate: the lines a runbook adds to the detail.
fn runbook_lines(app: &App, item: &Item, state: &ItemState, out: &mut Lines) {
    let theme = app.theme();
    let values = app.state().values(app.checklist());
    for (label, text) in [("Command: ", &item.command), ("Verify: ", &item.verify)] {
        if let Some(text) = text {
            let line = crate::template::render_shell(text, &values).unwrap_or(std::borrow::Cow::Borrowed(text));
            out.wrapped(vec![Span::styled(label, theme.key), Span::raw(line.into_owned())]);
        }
    }
    if let Some(recorded) = &state.evidence {
        let (evidence, stamp) = (&recorded.evidence, &recorded.stamp);
        let style = if evidence.passed() { theme.done } else { theme.todo };
        out.wrapped(vec![
            Span::styled("Last run: ", theme.key),
            Span::styled(format!("{} {}", evidence.kind.as_str(), evidence.summary()), style),
            Span::styled(format!(" — {}, {}", stamp.who(), stamp.at.human()), theme.dim),
        ]);
        for output in evidence.output.iter().rev().take(5).rev() {
            out.wrapped(vec![Span::styled(format!("  {output}"), theme.dim)]);
        }
    }
    if state.proof_failed() {
        out.wrapped(vec![Span::styled(
            "Proof failed: its verification failed after it was ticked (still done; v runs it again)",
            theme.todo,
        )]);
    }
    if state.out_of_order {
        out.wrapped(vec![Span::styled(
            "Out of order: recorded while its phase was gated, and not forced",
            theme.todo,
        )]);
    }
    if state.forced {
        out.wrapped(vec![Span::styled("Recorded past a closed gate (forced)", theme.dim)]);
    }
}
