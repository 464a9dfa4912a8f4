//! Drawing `&App`: the header with overall progress, the phase overview, the tree,
//! the selected item in full, the footer, and the help over it all.

mod detail;
mod tree;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, LineGauge, Paragraph, Wrap};

use super::app::{App, Mode, Purpose};
use super::input::HELP;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::markdown;
use super::tree::Row;
use crate::progress::Progress;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let Some(areas) = layout::areas(area.width, area.height, app.checklist.phases().len()) else {
        too_small(frame, area);
        return;
    };
    header(frame, app, areas.header);
    phases(frame, app, areas.phases);
    tree::draw(frame, app, areas.tree);
    detail::draw(frame, app, areas.detail);
    footer(frame, app, areas.footer);
    if app.mode == Mode::Help {
        help(frame, app, area);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!("Terminal too small: {MIN_WIDTH}×{MIN_HEIGHT} needed");
    let paragraph = Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .alignment(Alignment::Center);
    frame.render_widget(paragraph, area);
}

/// `done/applicable` and the percentage, as the header and the phases show them.
fn counts(progress: &Progress) -> String {
    format!("{}/{} · {}%", progress.done, progress.applicable(), progress.percent())
}

fn ratio(progress: &Progress) -> f64 {
    match progress.applicable() {
        0 => 1.0,
        n => {
            f64::from(u32::try_from(progress.done).unwrap_or(u32::MAX))
                / f64::from(u32::try_from(n).unwrap_or(u32::MAX))
        }
    }
}

/// A one-cell bar: how full a phase is, in eighths.
fn level(progress: &Progress) -> char {
    const EIGHTHS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let eighths = (progress.done * 8).checked_div(progress.applicable()).unwrap_or(8);
    if eighths == 0 { '·' } else { EIGHTHS[eighths.min(8)] }
}

fn header(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.theme;
    let [top, gauge] = area.layout(&Layout::vertical([Constraint::Length(1), Constraint::Length(1)]));
    let run = format!(" run: {} ", app.run);
    let run_width = u16::try_from(unicode_width::UnicodeWidthStr::width(run.as_str())).unwrap_or(u16::MAX);
    let [title_area, run_area] = top.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(run_width.min(top.width / 2)),
    ]));
    let mut title = markdown::spans(&app.checklist.title, theme.title, theme);
    if let Some(description) = &app.checklist.description {
        title.push(Span::styled(" — ", theme.dim));
        title.extend(markdown::spans(description, theme.dim, theme));
    }
    frame.render_widget(
        Line::from(markdown::fit(title, usize::from(title_area.width))),
        title_area,
    );
    frame.render_widget(
        Line::from(Span::styled(run, theme.info)).alignment(Alignment::Right),
        run_area,
    );
    let overall = &app.tally.overall;
    let label = format!(
        "{} done{}",
        counts(overall),
        if overall.is_complete() { " · complete" } else { "" }
    );
    frame.render_widget(
        LineGauge::default()
            .ratio(ratio(overall))
            .label(Span::styled(label.trim_end().to_owned(), theme.title))
            .filled_style(theme.gauge)
            .unfilled_style(theme.dim),
        gauge,
    );
}

/// The phase under the cursor, to highlight in the overview.
fn current_phase(app: &App) -> Option<usize> {
    let sections = app.checklist.sections();
    match app.tree.selected()? {
        Row::Phase(p) => Some(p),
        Row::Section(s) => Some(sections[s].phase),
        Row::Item(i) => Some(sections[app.checklist.items()[i].section].phase),
    }
}

fn phases(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.theme;
    let current = current_phase(app);
    let style_of = |p: usize, progress: &Progress| {
        let base = if progress.is_complete() {
            theme.done
        } else {
            Style::new()
        };
        if Some(p) == current {
            base.patch(theme.title)
        } else {
            base
        }
    };
    if area.height <= 1 {
        let mut spans = Vec::new();
        for (p, phase) in app.checklist.phases().iter().enumerate() {
            let progress = app.phase_progress(p);
            let icon = phase.icon_prefix();
            let text = format!(
                "{} {icon}{} {}/{}",
                p + 1,
                level(progress),
                progress.done,
                progress.applicable()
            );
            if !spans.is_empty() {
                spans.push(Span::styled("  ", theme.dim));
            }
            spans.push(Span::styled(text, style_of(p, progress)));
        }
        frame.render_widget(Line::from(markdown::fit(spans, usize::from(area.width))), area);
        return;
    }
    let name_width = 30.min(area.width / 3);
    for (p, phase) in app.checklist.phases().iter().enumerate().take(usize::from(area.height)) {
        let row = Rect::new(area.x, area.y + u16::try_from(p).unwrap_or(0), area.width, 1);
        let [name_area, gauge_area] = row.layout(&Layout::horizontal([
            Constraint::Length(name_width),
            Constraint::Fill(1),
        ]));
        let progress = app.phase_progress(p);
        let icon = phase.icon_prefix();
        let name = vec![Span::styled(
            format!("{} {icon}{}", p + 1, phase.name),
            style_of(p, progress),
        )];
        frame.render_widget(Line::from(markdown::fit(name, usize::from(name_width) - 1)), name_area);
        frame.render_widget(
            LineGauge::default()
                .ratio(ratio(progress))
                .label(counts(progress))
                .filled_style(theme.gauge)
                .unfilled_style(theme.dim),
            gauge_area,
        );
    }
}

fn footer(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.theme;
    let line = match &app.mode {
        Mode::Prompt(prompt) => {
            let label = match prompt.purpose {
                Purpose::SkipReason(_) => "Skip reason (Enter skips, Esc cancels): ",
                Purpose::Note(_) => "Note (Enter saves, empty clears, Esc cancels): ",
            };
            Line::from(vec![
                Span::styled(label, theme.key),
                Span::raw(prompt.text.clone()),
                Span::styled("█", theme.dim),
            ])
        }
        Mode::Searching => {
            let search = app.tree.search.as_ref();
            let query = search.map(|s| s.query.clone()).unwrap_or_default();
            let count = search.map_or(0, |s| s.matches.len());
            Line::from(vec![
                Span::styled("/", theme.key),
                Span::raw(query),
                Span::styled("█", theme.dim),
                Span::styled(format!("  {count} match(es) · Enter keeps · Esc clears"), theme.dim),
            ])
        }
        _ => match &app.message {
            Some(message) => Line::from(Span::styled(
                message.text.clone(),
                if message.error { theme.error } else { theme.info },
            )),
            None => keys_hint(app),
        },
    };
    let spans = markdown::fit(line.spans, usize::from(area.width));
    frame.render_widget(Line::from(spans), area);
}

fn keys_hint(app: &App) -> Line<'static> {
    let theme = &app.theme;
    let pairs = [
        ("j/k", "move"),
        ("space", "tick"),
        ("s", "skip"),
        ("n", "note"),
        ("/", "search"),
        ("u", "undo"),
        ("?", "help"),
        ("q", "quit"),
    ];
    let mut spans = Vec::new();
    for (key, what) in pairs {
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {what}  "), theme.dim));
    }
    Line::from(spans)
}

fn help(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.theme;
    let height = u16::try_from(HELP.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(area.height);
    let width = 68.min(area.width);
    let [vertical] = area.layout(&Layout::vertical([Constraint::Length(height)]).flex(Flex::Center));
    let [popup] = vertical.layout(&Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center));
    let lines: Vec<Line> = HELP
        .iter()
        .map(|(keys, what)| Line::from(vec![Span::styled(format!("{keys:>14}  "), theme.key), Span::raw(*what)]))
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Keys · Esc or ? closes ")
        .title_style(theme.title);
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
