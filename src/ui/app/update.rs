//! `update`: every Action, applied to the App.

mod approve;
mod flow;
pub(crate) mod runbook;
mod typing;
mod undo;

use super::{Action, App, Confirm, Edit, EditKind, Effect, Focus, Mode, Prompt, Purpose};
use crate::checklist::Status;
use crate::run::{Change, EvidenceKind};
use crate::text::plural;
use crate::ui::layout;
use crate::ui::line_edit::LineEdit;
use crate::ui::tree::{Filter, Row, Tree};
use crate::ui::view;

/// Applies one Action and says what the loop must do next.
// An Action is a message handed over to `update`, as in The Elm Architecture;
// that most arms only look at it is no reason to make callers lend it.
#[allow(clippy::needless_pass_by_value)]
pub fn update(app: &mut App, action: Action) -> Effect {
    if let Action::Resize(screen) = action {
        app.resize(screen);
        scroll(app);
        return Effect::None;
    }
    let effect = match app.mode.clone() {
        Mode::Help => help(app, &action),
        Mode::Searching => typing::searching(app, &action),
        Mode::Confirm(confirm @ Confirm::TickAll { .. }) => flow::confirming(app, confirm, &action),
        Mode::Confirm(Confirm::Withdraw { phase, .. }) => approve::withdrawing(app, phase, &action),
        Mode::Confirm(confirm) => runbook::answer(app, confirm, &action),
        Mode::Prompt(prompt) => typing::prompting(app, prompt, &action),
        Mode::Normal => normal(app, &action),
    };
    app.relayout();
    scroll(app);
    effect
}

fn scroll(app: &mut App) {
    let height = app.tree_height();
    app.tree.scroll_into_view(usize::from(height));
}

fn help(app: &mut App, action: &Action) -> Effect {
    let page = app.screen.help_page.max(1);
    let last = app.screen.help_last;
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

pub(super) fn normal(app: &mut App, action: &Action) -> Effect {
    // A message lasts until the next key (or fades, see `App::tick`).
    if !matches!(action, Action::Resize(_)) {
        app.quiet();
    }
    if app.focus == Focus::Detail {
        match action {
            // The detail scrolls until its last line is on the pane's last
            // row, and no further: Up answers at once after many Downs.
            Action::Down | Action::ScrollDown => {
                let last = view::detail_last_scroll(app);
                app.detail_scroll = app.detail_scroll.saturating_add(1).min(last);
                return Effect::None;
            }
            Action::Up | Action::ScrollUp => {
                let last = view::detail_last_scroll(app);
                app.detail_scroll = app.detail_scroll.min(last).saturating_sub(1);
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
        Action::NextPhase | Action::PreviousPhase => {
            let phases = app.checklist.phases().len();
            let current = app.tree.selected().map_or(0, |row| match row {
                Row::Phase(p) => p,
                Row::Section(s) => app.checklist.sections()[s].phase,
                Row::Item(i) => app.checklist.sections()[app.checklist.items()[i].section].phase,
            });
            let next = if *action == Action::NextPhase {
                (current + 1) % phases.max(1)
            } else {
                (current + phases.max(1) - 1) % phases.max(1)
            };
            jump_to_phase(app, next + 1);
        }
        Action::Toggle => return toggle(app),
        Action::Skip => return skip(app),
        Action::Approve => approve::ask(app),
        Action::EditNote => edit_note(app),
        Action::Undo => return undo::undo(app, true),
        Action::Redo => return undo::undo(app, false),
        Action::StartSearch => {
            app.query = LineEdit::new(app.tree.search().map_or("", |s| s.query.as_str()));
            app.mode = Mode::Searching;
        }
        Action::NextMatch => next_match(app, true),
        Action::PreviousMatch => next_match(app, false),
        Action::CycleFilter => cycle_filter(app),
        Action::TickAndAdvance => return flow::tick_and_advance(app),
        Action::TickAll => flow::ask_tick_all(app),
        Action::NextOpen => flow::next_open(app, true),
        Action::PreviousOpen => flow::next_open(app, false),
        Action::RunCommand => runbook::ask_run(app, EvidenceKind::Exec),
        Action::VerifyItem => runbook::ask_run(app, EvidenceKind::Verify),
        Action::CopyCommand => return runbook::copy(app),
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
            app.tree.clear_search(&app.checklist, &app.state);
            app.quiet();
        }
        Action::Quit => return Effect::Quit,
        Action::Click { column, row } => return click(app, *column, *row),
        Action::Input(_)
        | Action::Paste(_)
        | Action::Backspace
        | Action::DeleteWord
        | Action::Line(_)
        | Action::Yes
        | Action::No
        | Action::Confirm
        | Action::Resize(_) => {}
    }
    Effect::None
}

fn edit_note(app: &mut App) {
    if let Some(index) = app.selected_item() {
        let text = app.item_state(index).note.clone().unwrap_or_default();
        app.mode = Mode::Prompt(Prompt {
            purpose: Purpose::Note(index),
            line: LineEdit::new(&text),
            about: None,
        });
    }
}

fn cycle_filter(app: &mut App) {
    let next = app.tree.filter().next();
    app.tree.set_filter(&app.checklist, &app.state, next);
    let hidden = app.tree.hidden();
    app.say(if app.tree.filter() == Filter::All {
        "showing all items".to_owned()
    } else {
        format!(
            "showing {} items; {} hidden (f: next filter)",
            app.tree.filter().label(),
            plural(hidden, "item", "items")
        )
    });
}

fn move_cursor(app: &mut App, delta: isize) {
    app.tree.move_by(delta);
    app.detail_scroll = 0;
}

fn collapse(app: &mut App) {
    let Some(row) = app.tree.selected() else { return };
    let foldable = match row {
        Row::Phase(_) | Row::Section(_) => true,
        Row::Item(i) => app.checklist.items()[i].has_sub_items(),
    };
    if foldable && !app.tree.is_collapsed(row) && !app.tree.kept_search() {
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
        Row::Item(i) if app.checklist.items()[i].has_sub_items() => {
            if app.tree.is_collapsed(row) {
                app.tree.set_collapsed(&app.checklist, &app.state, row, false);
            } else {
                move_cursor(app, 1);
            }
        }
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
    if app.tree.select(Row::Phase(phase)) {
        app.tree.scroll_to_top(usize::from(app.tree_height()));
    } else {
        app.complain(format!("phase {n} has nothing to show under this filter"));
    }
    app.detail_scroll = 0;
}

pub(super) fn edit(app: &mut App, index: usize, after: Change) -> Effect {
    let state = app.item_state(index);
    let before = match &after {
        Change::Status(_) => Change::Status(state.status.clone()),
        Change::Note(_) => Change::Note(state.note.clone()),
        Change::Param { .. } | Change::Ran | Change::Started(_) | Change::Approve { .. } | Change::Withdraw => {
            return Effect::None;
        }
    };
    if before == after {
        return Effect::None;
    }
    runbook::record_or_ask(
        app,
        vec![Edit {
            index,
            before,
            after,
            kind: EditKind::New,
            recorded: None,
            forced: false,
        }],
    )
}

pub(super) fn toggle(app: &mut App) -> Effect {
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
        about: None,
    });
    Effect::None
}

fn next_match(app: &mut App, forward: bool) {
    let Some(search) = app.tree.search() else {
        app.say("no search: press / to search");
        return;
    };
    if search.matches.is_empty() {
        app.say("no matches");
        return;
    }
    if let Some(at) = app.tree.find_from_cursor(forward, |row| matches!(row, Row::Item(_))) {
        app.tree.move_to(at);
        app.tree.scroll_to_middle(usize::from(app.tree_height()));
        app.detail_scroll = 0;
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
    let x = column - tree.x;
    if layout::item_fold_column(&app.checklist, clicked) == Some(x) {
        let folded = app.tree.is_collapsed(clicked);
        app.tree.set_collapsed(&app.checklist, &app.state, clicked, !folded);
        return Effect::None;
    }
    if layout::box_columns(&app.checklist, clicked).contains(&x) {
        return toggle(app);
    }
    Effect::None
}
