//! Drawing `&App`: the header with overall progress, the phase overview, the tree,
//! the selected item in full, the footer, and the help over it all.

mod detail;
mod tree;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, LineGauge, Paragraph, Wrap};

use super::app::{App, Mode, PROMPT_ROWS};
use super::help;
use super::keymap;
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::line_edit::Wrapped;
use super::markdown;
use super::strip;
use super::tree::Row;
use crate::progress::Progress;
use crate::text::plural;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let screen = app.screen();
    let laid_out = if (area.width, area.height) == (screen.width, screen.height) {
        app.areas()
    } else {
        app.areas_at(area.width, area.height)
    };
    let Some(areas) = laid_out else {
        too_small(frame, area);
        return;
    };
    header(frame, app, areas.header);
    phases(frame, app, areas.phases, area.height);
    tree::draw(frame, app, areas.tree);
    detail::draw(frame, app, areas.detail);
    footer(frame, app, areas.footer);
    if *app.mode() == Mode::Help {
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

fn header(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme();
    let [top, gauge] = area.layout(&Layout::vertical([Constraint::Length(1), Constraint::Length(1)]));
    let run = format!(" run: {} ", app.run());
    let run_width = u16::try_from(unicode_width::UnicodeWidthStr::width(run.as_str())).unwrap_or(u16::MAX);
    let [title_area, run_area] = top.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(run_width.min(top.width / 2)),
    ]));
    let mut title = markdown::spans(&app.checklist().title, theme.title, theme);
    if let Some(description) = &app.checklist().description {
        title.push(Span::styled(" — ", theme.dim));
        title.extend(markdown::summary(description, theme.dim, theme));
    }
    frame.render_widget(
        Line::from(markdown::fit(title, usize::from(title_area.width))),
        title_area,
    );
    frame.render_widget(
        Line::from(Span::styled(run, theme.info)).alignment(Alignment::Right),
        run_area,
    );
    let overall = &app.tally().overall;
    let label = format!(
        "{} done{}",
        counts(overall),
        if overall.is_complete() { " · complete" } else { "" }
    );
    frame.render_widget(
        self::gauge(app, overall, Span::styled(label.trim_end().to_owned(), theme.title)),
        gauge,
    );
}

/// The phase under the cursor, to highlight in the overview.
fn current_phase(app: &App) -> Option<usize> {
    let sections = app.checklist().sections();
    match app.tree().selected()? {
        Row::Phase(p) => Some(p),
        Row::Section(s) => Some(sections[s].phase),
        Row::Item(i) => Some(sections[app.checklist().items()[i].section].phase),
    }
}

fn phases(frame: &mut Frame, app: &App, area: Rect, screen_height: u16) {
    let theme = app.theme();
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
    if !strip::bars(screen_height, app.checklist().phases().len()) {
        let entries = strip::entries(app.checklist(), app.tally(), app.state().approvals());
        let rows = strip::flow(&entries, area.width, screen_height);
        let last = rows.len().saturating_sub(1);
        for (r, row) in rows.iter().enumerate().take(usize::from(area.height)) {
            let mut spans = Vec::new();
            for &p in row {
                if !spans.is_empty() {
                    spans.push(Span::styled(strip::GAP, theme.dim));
                }
                spans.push(Span::styled(entries[p].clone(), style_of(p, app.phase_progress(p))));
            }
            let shown: usize = rows.iter().map(Vec::len).sum();
            if r == last && shown < entries.len() {
                spans.push(Span::styled(
                    format!("{}+{} more (}})", strip::GAP, entries.len() - shown),
                    theme.dim,
                ));
            }
            let y = area.y + u16::try_from(r).unwrap_or(0);
            let line_area = Rect::new(area.x, y, area.width, 1);
            frame.render_widget(Line::from(markdown::fit(spans, usize::from(area.width))), line_area);
        }
        return;
    }
    let name_width = 30.min(area.width / 3);
    for (p, phase) in app
        .checklist()
        .phases()
        .iter()
        .enumerate()
        .take(usize::from(area.height))
    {
        let row = Rect::new(area.x, area.y + u16::try_from(p).unwrap_or(0), area.width, 1);
        let [name_area, gauge_area] = row.layout(&Layout::horizontal([
            Constraint::Length(name_width),
            Constraint::Fill(1),
        ]));
        let progress = app.phase_progress(p);
        let icon = phase.icon_prefix();
        let lock = if crate::gate::phase_closed(app.checklist(), app.tally(), app.state().approvals(), p).is_some() {
            " 🔒"
        } else {
            ""
        };
        let name = vec![Span::styled(
            format!("{} {icon}{}{lock}", p + 1, phase.name),
            style_of(p, progress),
        )];
        frame.render_widget(Line::from(markdown::fit(name, usize::from(name_width) - 1)), name_area);
        frame.render_widget(gauge(app, progress, Span::raw(counts(progress))), gauge_area);
    }
}

/// A progress bar in the theme's glyphs: with no colour, filled and empty
/// parts differ by their glyphs alone.
fn gauge<'a>(app: &App, progress: &Progress, label: Span<'a>) -> LineGauge<'a> {
    let theme = app.theme();
    LineGauge::default()
        .ratio(ratio(progress))
        .label(label)
        .filled_style(theme.gauge)
        .unfilled_style(theme.dim)
        .filled_symbol(theme.bar_filled)
        .unfilled_symbol(theme.bar_empty)
}

fn footer(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme();
    let line = match &app.mode() {
        Mode::Prompt(prompt) => {
            let label = prompt.label(area.width);
            let wrapped = app
                .prompt_line(prompt)
                .layout(&label, usize::from(area.width), PROMPT_ROWS);
            editing(frame, app, area, &wrapped, &label);
            return;
        }
        Mode::Searching => {
            let count = app.tree().search().map_or(0, |s| s.matches.len());
            let hint = format!("  {} · Enter keeps · Esc clears", plural(count, "match", "matches"));
            let hint_width = u16::try_from(hint.chars().count()).unwrap_or(u16::MAX);
            let [line_area, hint_area] = area.layout(&Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Length(if area.width >= hint_width * 2 { hint_width } else { 0 }),
            ]));
            let wrapped = app.query().layout("/", usize::from(line_area.width), 1);
            editing(frame, app, line_area, &wrapped, "/");
            frame.render_widget(Line::from(Span::styled(hint, theme.dim)), hint_area);
            return;
        }
        Mode::Confirm(confirm) => {
            let mut rows = confirm.rows(area.width);
            if rows.len() > usize::from(area.height) {
                // Too long even for half the screen: its end, which holds
                // the y/n, and a mark that rows above are not shown.
                rows.drain(..=rows.len() - usize::from(area.height));
                rows.insert(
                    0,
                    "… (the line goes on above; widen the terminal to read it all)".to_owned(),
                );
            }
            let lines: Vec<Line> = rows
                .into_iter()
                .map(|r| Line::from(Span::styled(r, theme.key)))
                .collect();
            frame.render_widget(Paragraph::new(lines), area);
            return;
        }
        _ => match app.message() {
            Some(message) if message.error && area.height > 1 => {
                // An error too long for a row (a checklist that failed to
                // reload) is wrapped over the rows the layout gave it.
                let text = Paragraph::new(Span::styled(message.text.clone(), theme.error)).wrap(Wrap { trim: false });
                frame.render_widget(text, area);
                return;
            }
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

/// A line being typed, over its rows, its label styled as a key, with the
/// terminal's cursor where typing goes.
fn editing(frame: &mut Frame, app: &App, area: Rect, wrapped: &Wrapped, label: &str) {
    let theme = app.theme();
    let lines: Vec<Line> = wrapped
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| match row.strip_prefix(label) {
            Some(rest) if i == 0 && wrapped.label_shown => Line::from(vec![
                Span::styled(label.to_owned(), theme.key),
                Span::raw(rest.to_owned()),
            ]),
            _ => Line::from(row.clone()),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    let (row, column) = wrapped.cursor;
    let x = area.x.saturating_add(u16::try_from(column).unwrap_or(u16::MAX));
    let y = area.y.saturating_add(u16::try_from(row).unwrap_or(u16::MAX));
    if x < area.right() && y < area.bottom() {
        frame.set_cursor_position((x, y));
    }
}

/// The keys that matter where the user is: during a kept search its moves,
/// on a header folding and ticking all, on an item the ways to work it.
fn keys_hint(app: &App) -> Line<'static> {
    let theme = app.theme();
    let item = app.selected_item().map(|i| &app.checklist().items()[i]);
    let place = if app.tree().kept_search() {
        keymap::Place::Searching
    } else if let Some(Row::Phase(p)) = app.tree().selected()
        && app.state().approvals().missing(app.checklist(), p) > 0
    {
        keymap::Place::Unapproved
    } else if matches!(app.tree().selected(), Some(Row::Phase(_) | Row::Section(_))) {
        keymap::Place::Header
    } else {
        keymap::Place::Item {
            command: item.is_some_and(|i| i.command.is_some()),
            verify: item.is_some_and(|i| i.verify.is_some()),
        }
    };
    let mut spans = Vec::new();
    for (key, what) in keymap::hints(place) {
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {what}  "), theme.dim));
    }
    Line::from(spans)
}

fn help(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme();
    let popup = help::popup(area);
    let rows = help::rows(popup.width.saturating_sub(2));
    let lines: Vec<Line> = rows
        .iter()
        .map(|row| {
            Line::from(vec![
                Span::styled(row.keys.clone(), theme.key),
                Span::raw(row.text.clone()),
            ])
        })
        .collect();
    let scroll = app.help_scroll().min(help::last_scroll(area));
    let more = scroll < help::last_scroll(area);
    let title = match (scroll > 0, more) {
        (false, false) => " Keys · Esc closes ",
        (_, true) => " Keys · j/k scroll ↓ · Esc closes ",
        (true, false) => " Keys · j/k scroll ↑ · Esc closes ",
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .title_style(theme.title);
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), popup);
}
