//! `update`: every Action, applied to the App.

use super::{Action, App, Edit, EditKind, Effect, Focus, Mode, Prompt, Purpose};
use crate::checklist::Status;
use crate::run::Change;
use crate::ui::layout;
use crate::ui::line_edit::{LineEdit, LineOp};
use crate::ui::tree::{Row, Search, SearchIndex, Tree};

/// Applies one Action and says what the loop must do next.
// An Action is a message handed over to `update`, as in The Elm Architecture;
// that most arms only look at it is no reason to make callers lend it.
#[allow(clippy::needless_pass_by_value)]
pub fn update(app: &mut App, action: Action) -> Effect {
    if let Action::Resize { width, height } = action {
        app.screen = super::Screen { width, height };
        scroll(app);
        return Effect::None;
    }
    let effect = match app.mode.clone() {
        Mode::Help => help(app, &action),
        Mode::Searching => searching(app, &action),
        Mode::Prompt(prompt) => prompting(app, prompt, &action),
        Mode::Normal => normal(app, &action),
    };
    scroll(app);
    effect
}

fn scroll(app: &mut App) {
    let height = app.tree_height();
    app.tree.scroll_into_view(usize::from(height));
}

fn help(app: &mut App, action: &Action) -> Effect {
    let screen = ratatui::layout::Rect::new(0, 0, app.screen.width, app.screen.height);
    let page = crate::ui::help::visible(screen).max(1);
    let last = crate::ui::help::last_scroll(screen);
    let scroll = &mut app.help_scroll;
    match action {
        Action::ToggleHelp | Action::Cancel | Action::Quit => app.mode = Mode::Normal,
        Action::Down | Action::ScrollDown => *scroll = scroll.saturating_add(1),
        Action::Up | Action::ScrollUp => *scroll = scroll.saturating_sub(1),
        Action::PageDown => *scroll = scroll.saturating_add(page),
        Action::PageUp => *scroll = scroll.saturating_sub(page),
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = last,
        _ => {}
    }
    *scroll = (*scroll).min(last);
    Effect::None
}

fn page(app: &App) -> isize {
    isize::try_from(app.tree_height().max(2) - 1).unwrap_or(1)
}

fn normal(app: &mut App, action: &Action) -> Effect {
    // A message lasts until the next key (or fades, see `App::tick`).
    if !matches!(action, Action::Resize { .. }) {
        app.message = None;
    }
    if app.focus == Focus::Detail {
        match action {
            Action::Down | Action::ScrollDown => {
                app.detail_scroll = app.detail_scroll.saturating_add(1);
                return Effect::None;
            }
            Action::Up | Action::ScrollUp => {
                app.detail_scroll = app.detail_scroll.saturating_sub(1);
                return Effect::None;
            }
            _ => {}
        }
    }
    match action {
        Action::Up => move_cursor(app, -1),
        Action::Down => move_cursor(app, 1),
        Action::ScrollUp => move_cursor(app, -3),
        Action::ScrollDown => move_cursor(app, 3),
        Action::PageUp => move_cursor(app, -page(app)),
        Action::PageDown => move_cursor(app, page(app)),
        Action::Top => move_cursor(app, isize::MIN / 2),
        Action::Bottom => move_cursor(app, isize::MAX / 2),
        Action::Collapse => collapse(app),
        Action::Expand => expand(app),
        Action::SwitchPane => {
            app.focus = if app.focus == Focus::Tree {
                Focus::Detail
            } else {
                Focus::Tree
            };
        }
        Action::JumpToPhase(n) => jump_to_phase(app, *n),
        Action::Toggle => return toggle(app),
        Action::Skip => return skip(app),
        Action::EditNote => {
            if app.tree.search.as_ref().is_some_and(|s| !s.query.is_empty()) {
                next_match(app, true);
            } else if let Some(index) = app.selected_item() {
                let text = app.item_state(index).note.clone().unwrap_or_default();
                app.mode = Mode::Prompt(Prompt {
                    purpose: Purpose::Note(index),
                    line: LineEdit::new(&text),
                });
            }
        }
        Action::Undo => return undo(app, true),
        Action::Redo => return undo(app, false),
        Action::StartSearch => {
            let search = app.tree.search.get_or_insert_with(Search::default);
            app.query = LineEdit::new(&search.query);
            app.mode = Mode::Searching;
        }
        Action::NextMatch => next_match(app, true),
        Action::PreviousMatch => next_match(app, false),
        Action::CycleFilter => {
            app.tree.filter = app.tree.filter.next();
            app.tree.rebuild(&app.checklist, &app.state);
            app.say(format!("showing {} items", app.tree.filter.label()));
        }
        Action::NextOpen => next_open(app, true),
        Action::PreviousOpen => next_open(app, false),
        Action::EditChecklist => {
            if app.editable {
                return Effect::EditChecklist;
            }
            app.complain("the bundled checklist is built in; save a copy (preflight new) to edit it");
        }
        Action::ToggleHelp => {
            app.help_scroll = 0;
            app.mode = Mode::Help;
        }
        Action::Cancel => {
            if app.tree.search.take().is_some() {
                app.tree.rebuild(&app.checklist, &app.state);
            }
            app.message = None;
        }
        Action::Quit => return Effect::Quit,
        Action::Click { column, row } => return click(app, *column, *row),
        Action::Input(_)
        | Action::Paste(_)
        | Action::Backspace
        | Action::DeleteWord
        | Action::Line(_)
        | Action::Confirm
        | Action::Resize { .. } => {}
    }
    Effect::None
}

fn move_cursor(app: &mut App, delta: isize) {
    app.tree.move_by(delta);
    app.detail_scroll = 0;
}

fn collapse(app: &mut App) {
    let Some(row) = app.tree.selected() else { return };
    if matches!(row, Row::Phase(_) | Row::Section(_)) && !app.tree.is_collapsed(row) && app.tree.search.is_none() {
        app.tree.set_collapsed(&app.checklist, &app.state, row, true);
    } else if let Some(parent) = Tree::parent(&app.checklist, row) {
        app.tree.select(parent);
    }
}

fn expand(app: &mut App) {
    let Some(row) = app.tree.selected() else { return };
    match row {
        Row::Phase(_) | Row::Section(_) if app.tree.is_collapsed(row) => {
            app.tree.set_collapsed(&app.checklist, &app.state, row, false);
        }
        Row::Phase(_) | Row::Section(_) => move_cursor(app, 1),
        Row::Item(_) => {}
    }
}

fn jump_to_phase(app: &mut App, n: usize) {
    let Some(phase) = n.checked_sub(1).filter(|&p| p < app.checklist.phases().len()) else {
        app.complain(format!("there is no phase {n}"));
        return;
    };
    if app.tree.is_collapsed(Row::Phase(phase)) {
        app.tree
            .set_collapsed(&app.checklist, &app.state, Row::Phase(phase), false);
    }
    if !app.tree.select(Row::Phase(phase)) {
        app.complain(format!("phase {n} has nothing to show under this filter"));
    }
    app.detail_scroll = 0;
}

fn edit(app: &App, index: usize, after: Change) -> Effect {
    let state = app.item_state(index);
    let before = match &after {
        Change::Status(_) => Change::Status(state.status.clone()),
        Change::Note(_) => Change::Note(state.note.clone()),
    };
    if before == after {
        return Effect::None;
    }
    Effect::Record(vec![Edit {
        index,
        before,
        after,
        kind: EditKind::New,
        recorded: None,
    }])
}

fn toggle(app: &mut App) -> Effect {
    match app.tree.selected() {
        Some(Row::Item(index)) => {
            let after = match app.item_state(index).status {
                Status::Done => Status::Todo,
                Status::Todo | Status::Skipped { .. } => Status::Done,
            };
            edit(app, index, Change::Status(after))
        }
        Some(row) => {
            let collapsed = app.tree.is_collapsed(row);
            app.tree.set_collapsed(&app.checklist, &app.state, row, !collapsed);
            Effect::None
        }
        None => Effect::None,
    }
}

fn skip(app: &mut App) -> Effect {
    let Some(index) = app.selected_item() else {
        return Effect::None;
    };
    if matches!(app.item_state(index).status, Status::Skipped { .. }) {
        return edit(app, index, Change::Status(Status::Todo));
    }
    app.mode = Mode::Prompt(Prompt {
        purpose: Purpose::SkipReason(index),
        line: LineEdit::default(),
    });
    Effect::None
}

fn undo(app: &mut App, undo: bool) -> Effect {
    let stack = if undo { &app.undo } else { &app.redo };
    let Some(last) = stack.last() else {
        app.say(if undo { "nothing to undo" } else { "nothing to redo" });
        return Effect::None;
    };
    // Undoing and redoing both invert the edit on top of their stack.
    let (before, after) = (last.after.clone(), last.before.clone());
    let index = last.index;
    let changed = app.state.item(index).changed.clone();
    let still_ours = last.recorded.is_some()
        && changed
            .as_ref()
            .is_some_and(|(at, by)| Some(*at) == last.recorded && *by == app.operator);
    if undo {
        app.undo.pop();
    } else {
        app.redo.pop();
    }
    if !still_ours {
        // Someone (or this user elsewhere) changed the item since: taking
        // back our change now would silently undo theirs.
        let title = app.checklist.items()[index].title.clone();
        let what = if undo { "undone" } else { "redone" };
        app.complain(match changed {
            Some((at, by)) => format!("{title} was changed by {by} at {} — not {what}", at.hour_minute()),
            None => format!("{title} has changed since — not {what}"),
        });
        return Effect::None;
    }
    app.tree.select(Row::Item(index));
    Effect::Record(vec![Edit {
        index,
        before,
        after,
        kind: if undo { EditKind::Undo } else { EditKind::Redo },
        recorded: None,
    }])
}

fn next_match(app: &mut App, forward: bool) {
    let Some(search) = &app.tree.search else {
        app.say("no search: press / to search");
        return;
    };
    if search.matches.is_empty() {
        app.say("no matches");
        return;
    }
    if let Some(at) = app.tree.find_from_cursor(forward, |row| matches!(row, Row::Item(_))) {
        app.tree.move_to(at);
        app.detail_scroll = 0;
    }
}

fn next_open(app: &mut App, forward: bool) {
    let state = &app.state;
    match app.tree.find_from_cursor(
        forward,
        |row| matches!(row, Row::Item(i) if state.item(i).status == Status::Todo),
    ) {
        Some(at) => {
            app.tree.move_to(at);
            app.detail_scroll = 0;
        }
        None => app.say("no open items here"),
    }
}

/// Applies a typing Action to a line; `false` when the Action is no edit.
fn edit_line(line: &mut LineEdit, action: &Action) -> bool {
    match action {
        Action::Input(c) => line.insert(*c),
        Action::Paste(text) => line.paste(text),
        Action::Backspace => line.apply(LineOp::DeleteBack),
        Action::DeleteWord => line.apply(LineOp::DeleteWordBack),
        Action::Line(op) => line.apply(*op),
        _ => return false,
    }
    true
}

fn searching(app: &mut App, action: &Action) -> Effect {
    if edit_line(&mut app.query, action) {
        let query = app.query.text().to_owned();
        return narrow(app, &query);
    }
    let query = app.query.text().to_owned();
    match action {
        Action::Confirm => {
            app.mode = Mode::Normal;
            if query.is_empty() {
                app.tree.search = None;
                app.tree.rebuild(&app.checklist, &app.state);
            } else {
                let count = app.tree.search.as_ref().map_or(0, |s| s.matches.len());
                app.say(format!(
                    "{count} match(es) for \"{query}\": n / N to move, Esc to clear"
                ));
            }
            Effect::None
        }
        Action::Cancel => {
            app.mode = Mode::Normal;
            app.tree.search = None;
            app.tree.rebuild(&app.checklist, &app.state);
            Effect::None
        }
        Action::Quit => Effect::Quit,
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::ScrollUp | Action::ScrollDown => {
            normal(app, action)
        }
        _ => Effect::None,
    }
}

/// Narrows the tree to what `query` matches, the cursor on the first match.
fn narrow(app: &mut App, query: &str) -> Effect {
    let search = app.tree.search.get_or_insert_with(Search::default);
    let index = app.search_index.get_or_insert_with(|| SearchIndex::new(&app.checklist));
    search.update(index, query);
    app.tree.rebuild(&app.checklist, &app.state);
    if let Some(first) = app.tree.rows().iter().position(|r| matches!(r, Row::Item(_))) {
        app.tree.move_to(first);
    }
    Effect::None
}

fn prompting(app: &mut App, mut prompt: Prompt, action: &Action) -> Effect {
    if edit_line(&mut prompt.line, action) {
        app.mode = Mode::Prompt(prompt);
        return Effect::None;
    }
    match action {
        Action::Cancel => {
            app.mode = Mode::Normal;
            Effect::None
        }
        Action::Confirm => {
            app.mode = Mode::Normal;
            let text = crate::text::clean_paragraph(prompt.line.text());
            let text = (!text.is_empty()).then_some(text);
            match prompt.purpose {
                Purpose::SkipReason(index) => edit(app, index, Change::Status(Status::Skipped { reason: text })),
                Purpose::Note(index) => edit(app, index, Change::Note(text)),
            }
        }
        // Anything else leaves the prompt open as it is.
        _ => Effect::None,
    }
}

fn click(app: &mut App, column: u16, row: u16) -> Effect {
    let Some(tree) = app.areas().and_then(|a| a.tree_rows) else {
        return Effect::None;
    };
    if !tree.contains((column, row).into()) {
        return Effect::None;
    }
    let at = app.tree.offset() + usize::from(row - tree.y);
    let Some(&clicked) = app.tree.rows().get(at) else {
        return Effect::None;
    };
    app.tree.move_to(at);
    app.focus = Focus::Tree;
    app.detail_scroll = 0;
    let on_box = layout::box_columns(clicked).contains(&(column - tree.x));
    match clicked {
        _ if on_box => toggle(app),
        _ => Effect::None,
    }
}
