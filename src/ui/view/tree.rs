//! The tree pane: only the rows on screen are built, whatever the checklist's size.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use unicode_width::UnicodeWidthStr;

use crate::checklist::Status;
use crate::ui::app::{App, Focus};
use crate::ui::layout;
use crate::ui::markdown;
use crate::ui::tree::{Filter, Row};

fn title(app: &App) -> String {
    let mut title = String::from(" Checklist ");
    if app.tree().filter() != Filter::All {
        let _ = write!(title, "· {} items ", app.tree().filter().label());
    }
    if let Some(search) = app.tree().search()
        && !search.query.is_empty()
    {
        let _ = write!(title, "· /{} ({}) ", search.query, search.matches.len());
    }
    let hidden = app.tree().hidden();
    if hidden > 0 {
        let _ = write!(title, "· {hidden} hidden ");
    }
    title
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme();
    let border = if app.focus() == Focus::Tree {
        theme.title
    } else {
        theme.dim
    };
    let block = Block::default()
        .borders(Borders::TOP)
        .title(title(app))
        .border_style(border);
    frame.render_widget(block, area);
    let Some(rows_area) = (area.height > 1).then(|| Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    }) else {
        return;
    };
    let rows = app.tree().rows();
    if rows.is_empty() {
        let what = if app.tree().kept_search() {
            "Nothing matches the search."
        } else {
            "No items under this filter."
        };
        frame.render_widget(Line::from(Span::styled(what, theme.dim)), rows_area);
        return;
    }
    let offset = app.tree().offset();
    let visible = rows.iter().enumerate().skip(offset).take(usize::from(rows_area.height));
    for (y, (at, row)) in (rows_area.y..).zip(visible) {
        let line_area = Rect {
            y,
            height: 1,
            ..rows_area
        };
        let mut line = row_line(app, *row, usize::from(line_area.width));
        if at == app.tree().cursor() {
            line = line.patch_style(theme.selected);
            frame.render_widget(
                Line::from(" ".repeat(usize::from(line_area.width))).style(theme.selected),
                line_area,
            );
        }
        frame.render_widget(line, line_area);
    }
}

/// One row, cut to `width` columns: marker, name or title, and for headers their
/// counts at the right edge.
fn row_line(app: &App, row: Row, width: usize) -> Line<'static> {
    let theme = app.theme();
    let indent = " ".repeat(usize::from(layout::indent(app.checklist(), row)));
    let fold = if app.tree().is_collapsed(row) { "▸ " } else { "▾ " };
    let (mut left, right, style) = match row {
        Row::Phase(p) => {
            let phase = &app.checklist().phases()[p];
            let progress = app.phase_progress(p);
            let icon = phase.icon_prefix();
            let style = if progress.is_complete() {
                theme.phase.patch(theme.done)
            } else {
                theme.phase
            };
            let mut spans = vec![Span::styled(format!("{indent}{fold}{icon}"), style)];
            spans.extend(markdown::spans(&phase.name, style, theme));
            let mut right = format!("{}/{}", progress.done, progress.applicable());
            if let Some(lock) = lock(app, p, width / 2) {
                right = format!("{lock}  {right}");
            }
            (spans, right, style)
        }
        Row::Section(s) => {
            let section = &app.checklist().sections()[s];
            let progress = &app.tally().sections[s];
            let style = if progress.is_complete() {
                theme.section.patch(theme.done)
            } else {
                theme.section
            };
            let mut spans = vec![Span::styled(format!("{indent}{fold}"), style)];
            spans.extend(markdown::spans(&section.name, style, theme));
            (spans, format!("{}/{}", progress.done, progress.applicable()), style)
        }
        Row::Item(i) => {
            let state = app.item_state(i);
            let (mark, style) = match state.status {
                Status::Todo => ("[ ] ", theme.todo),
                Status::Done => ("[x] ", theme.done),
                Status::Skipped { .. } => ("[-] ", theme.skipped),
            };
            let item = &app.checklist().items()[i];
            let fold = match item.has_sub_items() {
                true if app.tree().is_collapsed(row) => "▸ ",
                true => "▾ ",
                false => "",
            };
            let mut spans = vec![Span::styled(format!("{indent}{mark}{fold}"), style)];
            let mut title = markdown::spans(&item.title, style, theme);
            // During a search the matched text stands out; an item that
            // matches only in its detail says so.
            let mut in_detail = false;
            if let Some(search) = app.tree().search().filter(|s| !s.query.is_empty()) {
                let (marked, found) = markdown::highlight(title, &search.query, theme.matched);
                title = marked;
                in_detail = !found;
            }
            spans.extend(title);
            let mut right = String::new();
            if in_detail {
                right.push_str("in detail");
            }
            if state.out_of_order {
                if !right.is_empty() {
                    right.push(' ');
                }
                right.push_str("⚠ out of order");
            }
            if state.proof_failed() {
                if !right.is_empty() {
                    right.push(' ');
                }
                right.push_str("✗ proof");
            }
            if state.note.is_some() {
                if !right.is_empty() {
                    right.push(' ');
                }
                right.push('✎');
            }
            if item.has_sub_items() {
                let progress = app.tally().sub_items[i];
                if !right.is_empty() {
                    right.push(' ');
                }
                let _ = write!(right, "{}/{}", progress.done, progress.applicable());
            }
            (spans, right, style)
        }
    };
    let right_width = right.width();
    let room = width.saturating_sub(if right_width > 0 { right_width + 1 } else { 0 });
    left = markdown::fit(left, room);
    let used: usize = left.iter().map(|s| s.content.width()).sum();
    if right_width > 0 && width > right_width {
        left.push(Span::raw(" ".repeat(width.saturating_sub(used + right_width))));
        left.push(Span::styled(
            right,
            style.patch(theme.dim).remove_modifier(ratatui::style::Modifier::BOLD),
        ));
    }
    Line::from(left).style(Style::new())
}

/// What a phase's header says of its lock: `🔒 gated` while the phases
/// before it are open, `🔒 needs 1 approval` while it lacks approvals, then
/// whose approvals count; `None` for an open phase nobody needed to
/// approve. At most `room` columns wide, cut with `…`: names come from run
/// logs, and a long list must not push the phase's name off its row.
fn lock(app: &App, phase: usize, room: usize) -> Option<String> {
    let approvals = app.state().approvals();
    let closed = crate::gate::phase_closed(app.checklist(), app.tally(), approvals, phase);
    let mut text = match closed {
        Some(closed) if closed.approvals > 0 => {
            let needs = crate::text::plural(closed.approvals, "approval", "approvals");
            let gated = if closed.blocker.is_some() { "gated, " } else { "" };
            format!("🔒 {gated}needs {needs}")
        }
        Some(_) => "🔒 gated".to_owned(),
        None => String::new(),
    };
    let who: Vec<String> = approvals
        .standing(phase)
        .iter()
        .filter(|s| s.counts())
        .map(|s| s.verdict.stamp.who() + if s.verdict.forced { " (forced)" } else { "" })
        .collect();
    if !who.is_empty() {
        let _ = write!(
            text,
            "{}approved by {}",
            if text.is_empty() { "" } else { " · " },
            who.join(", ")
        );
    }
    (!text.is_empty()).then(|| cut(text, room))
}

/// `text`, or as much of it as fits in `room` columns followed by `…`.
fn cut(text: String, room: usize) -> String {
    if text.width() <= room {
        return text;
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > room {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}
