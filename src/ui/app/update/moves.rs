//! Moving in the tree: the cursor, folds, phases, search matches, the
//! filter, and a click; and scrolling the detail pane when it has the keys.
//! None of these changes the mode.

use super::{flow, items};
use crate::text::plural;
use crate::ui::app::{Action, App, Effect, Focus, Mode, Next};
use crate::ui::layout;
use crate::ui::tree::{Filter, Row, Tree};

/// Staying in the tree, with nothing for the loop to do.
const STAY: Next = (Mode::Normal, Effect::None);

/// Moves as `action` says; `false` when it is no move.
pub(super) fn go(app: &mut App, action: &Action) -> bool {
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
        Action::NextPhase | Action::PreviousPhase => next_phase(app, *action == Action::NextPhase),
        Action::NextMatch => next_match(app, true),
        Action::PreviousMatch => next_match(app, false),
        Action::CycleFilter => cycle_filter(app),
        Action::NextOpen => flow::next_open(app, true),
        Action::PreviousOpen => flow::next_open(app, false),
        Action::Cancel => {
            app.tree.clear_search(&app.checklist, &app.state);
            app.quiet();
        }
        _ => return false,
    }
    true
}

/// Scrolls the detail pane, which has the keys; `false` for any other key.
/// The detail scrolls until its last line is on the pane's last row, and
/// no further: Up answers at once after many Downs.
pub(super) fn scroll_detail(app: &mut App, action: &Action) -> bool {
    let last = || crate::ui::detail::last_scroll(app);
    match action {
        Action::Down | Action::ScrollDown => app.detail_scroll = app.detail_scroll.saturating_add(1).min(last()),
        Action::Up | Action::ScrollUp => app.detail_scroll = app.detail_scroll.min(last()).saturating_sub(1),
        _ => return false,
    }
    true
}

fn next_phase(app: &mut App, forward: bool) {
    let phases = app.checklist.phases().len();
    let current = app.tree.selected().map_or(0, |row| match row {
        Row::Phase(p) => p,
        Row::Section(s) => app.checklist.sections()[s].phase,
        Row::Item(i) => app.checklist.sections()[app.checklist.items()[i].section].phase,
    });
    let next = if forward {
        (current + 1) % phases.max(1)
    } else {
        (current + phases.max(1) - 1) % phases.max(1)
    };
    jump_to_phase(app, next + 1);
}

fn page(app: &App) -> isize {
    isize::try_from(app.tree_height().max(2) - 1).unwrap_or(1)
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

/// A click selects a row; on an item's box it ticks, on a fold arrow it folds.
pub(super) fn click(app: &mut App, column: u16, row: u16) -> Next {
    let Some(tree) = app.areas().and_then(|a| a.tree_rows) else {
        return STAY;
    };
    if !tree.contains((column, row).into()) {
        return STAY;
    }
    let at = app.tree.offset() + usize::from(row - tree.y);
    let Some(&clicked) = app.tree.rows().get(at) else {
        return STAY;
    };
    app.tree.move_to(at);
    app.focus = Focus::Tree;
    app.detail_scroll = 0;
    let x = column - tree.x;
    if layout::item_fold_column(&app.checklist, clicked) == Some(x) {
        let folded = app.tree.is_collapsed(clicked);
        app.tree.set_collapsed(&app.checklist, &app.state, clicked, !folded);
        return STAY;
    }
    if layout::box_columns(&app.checklist, clicked).contains(&x) {
        return items::toggle(app);
    }
    STAY
}
