//! The detail pane: the selected item in full, or a header's summary.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::checklist::Status;
use crate::text::plural;
use crate::ui::app::{App, Focus};
use crate::ui::markdown;
use crate::ui::tree::Row;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let theme = &app.theme;
    let border = if app.focus == Focus::Detail {
        theme.title
    } else {
        theme.dim
    };
    let block = Block::default()
        .borders(Borders::TOP)
        .title(" Detail ")
        .border_style(border);
    let lines = match app.tree.selected() {
        Some(Row::Item(i)) => item_lines(app, i),
        Some(Row::Section(s)) => {
            let section = &app.checklist.sections()[s];
            let progress = &app.tally.sections[s];
            vec![
                Line::from(markdown::spans(&section.name, theme.title, theme)),
                Line::from(format!(
                    "{} of {} done, {} skipped",
                    progress.done,
                    plural(progress.total, "item", "items"),
                    progress.skipped
                )),
            ]
        }
        Some(Row::Phase(p)) => {
            let phase = &app.checklist.phases()[p];
            let progress = app.phase_progress(p);
            vec![
                Line::from(markdown::spans(&phase.name, theme.title, theme)),
                Line::from(format!(
                    "{} of {} done, {} skipped, {}% complete",
                    progress.done,
                    plural(progress.total, "item", "items"),
                    progress.skipped,
                    progress.percent()
                )),
                Line::from(plural(phase.sections.len(), "section", "sections")),
            ]
        }
        None => Vec::new(),
    };
    let paragraph = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((app.detail_scroll, 0));
    frame.render_widget(paragraph, area);
}

fn item_lines(app: &App, index: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let item = &app.checklist.items()[index];
    let state = app.item_state(index);
    let mut lines = vec![Line::from(markdown::spans(&item.title, theme.title, theme))];
    if let Some(detail) = &item.detail {
        lines.push(Line::from(breakable(markdown::spans(
            detail,
            ratatui::style::Style::new(),
            theme,
        ))));
    }
    lines.push(Line::from(""));
    let (status, style) = match &state.status {
        Status::Todo => ("to do", theme.todo),
        Status::Done => ("done", theme.done),
        Status::Skipped { .. } => ("skipped (N/A)", theme.skipped),
    };
    let mut status_line = vec![Span::styled("Status: ", theme.key), Span::styled(status, style)];
    if let (Some(by), Some(at)) = (&state.by, &state.at) {
        status_line.push(Span::styled(format!(" — {by}, {}", at.human()), theme.dim));
    }
    lines.push(Line::from(status_line));
    if let Status::Skipped { reason: Some(reason) } = &state.status {
        lines.push(Line::from(vec![
            Span::styled("Reason: ", theme.key),
            Span::raw(reason.clone()),
        ]));
    }
    if let Some(note) = &state.note {
        let mut spans = vec![Span::styled("Note: ", theme.key)];
        spans.extend(breakable(markdown::spans(note, ratatui::style::Style::new(), theme)));
        lines.push(Line::from(spans));
    }
    if item.has_sub_items() {
        let progress = app.tally.sub_items[index];
        lines.push(Line::from(vec![
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
        ]));
    }
    runbook_lines(app, item, state, &mut lines);
    if item.command.is_some() || item.verify.is_some() {
        lines.push(Line::from(Span::styled("! run · v verify · c copy", theme.dim)));
    }
    if let Some(parent) = item.parent {
        let mut spans = vec![Span::styled("Part of: ", theme.key)];
        spans.extend(markdown::spans(
            &app.checklist.items()[parent].title,
            ratatui::style::Style::new(),
            theme,
        ));
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(breakable(vec![Span::styled(
        format!("Id: {}", item.id),
        theme.dim,
    )])));
    lines
}

/// Lets long words (ids, paths, URLs) wrap after a `/` or a `-` instead of in
/// the middle: a zero-width space there is a place the wrapper may break, and
/// takes no room on screen.
fn breakable(spans: Vec<Span<'static>>) -> Vec<Span<'static>> {
    spans
        .into_iter()
        .map(|span| {
            let text = span.content.replace('/', "/\u{200b}").replace('-', "-\u{200b}");
            Span::styled(text, span.style)
        })
        .collect()
}

/// What an item's commands did and how its status stands with its proof and
/// its gate: the lines a runbook adds to the detail.
fn runbook_lines(
    app: &App,
    item: &crate::checklist::Item,
    state: &crate::run::ItemState,
    lines: &mut Vec<Line<'static>>,
) {
    let theme = &app.theme;
    let values = app.state.values(&app.checklist);
    for (label, text) in [("Command: ", &item.command), ("Verify: ", &item.verify)] {
        if let Some(text) = text {
            let line = crate::template::render_shell(text, &values).unwrap_or(std::borrow::Cow::Borrowed(text));
            let mut spans = vec![Span::styled(label, theme.key)];
            spans.extend(breakable(vec![Span::raw(line.into_owned())]));
            lines.push(Line::from(spans));
        }
    }
    if let Some((evidence, at, by)) = &state.evidence {
        let style = if evidence.passed() { theme.done } else { theme.todo };
        lines.push(Line::from(vec![
            Span::styled("Last run: ", theme.key),
            Span::styled(format!("{} {}", evidence.kind.as_str(), evidence.summary()), style),
            Span::styled(format!(" — {by}, {}", at.human()), theme.dim),
        ]));
        for output in evidence.output.iter().rev().take(5).rev() {
            lines.push(Line::from(Span::styled(format!("  {output}"), theme.dim)));
        }
    }
    if state.proof_failed() {
        lines.push(Line::from(Span::styled(
            "Proof failed: its verification failed after it was ticked (still done; v runs it again)",
            theme.todo,
        )));
    }
    if state.out_of_order {
        lines.push(Line::from(Span::styled(
            "Out of order: recorded while its phase was gated, and not forced",
            theme.todo,
        )));
    }
    if state.forced {
        lines.push(Line::from(Span::styled(
            "Recorded past a closed gate (forced)",
            theme.dim,
        )));
    }
}
