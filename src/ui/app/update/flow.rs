//! Working down a checklist: the next open item wherever it is (folds are
//! opened on the way), tick and advance, and ticking a whole section or phase
//! after a confirmation.

use super::items::{edit, toggle};
use crate::checklist::Status;
use crate::run::Change;
use crate::text::plural;
use crate::ui::app::{Action, App, Confirm, Edit, EditKind, Effect, Mode, Next};
use crate::ui::tree::{Row, order};

/// The next (or previous) open item in checklist order that the filter and
/// search show, wherever it is, folded or not; wraps around.
fn find_open(app: &App, forward: bool) -> Option<usize> {
    let count = app.checklist.items().len();
    if count == 0 {
        return None;
    }
    let (at, level) = app.tree.selected().map_or((0, 0), |row| order(&app.checklist, row));
    // From a header, its own first item is "next"; from an item, the one after.
    let first = if forward {
        if level == 2 { at + 1 } else { at }
    } else {
        at + count - 1
    };
    (0..count)
        .map(|step| {
            if forward {
                (first + step) % count
            } else {
                (first + count - step % count) % count
            }
        })
        .find(|&i| app.state.item(i).status == Status::Todo && app.tree.shows(&app.state, i))
}

pub(super) fn next_open(app: &mut App, forward: bool) {
    match find_open(app, forward) {
        Some(i) => {
            app.tree.reveal(&app.checklist, &app.state, i);
            app.detail_scroll = 0;
        }
        None => app.say("no open items left"),
    }
}

/// Ticks the item under the cursor and moves on to the next open one: the
/// way through a checklist. On a header it folds, as Space does.
pub(super) fn tick_and_advance(app: &mut App) -> Next {
    let Some(index) = app.selected_item() else {
        return toggle(app);
    };
    let (mode, effect) = if app.item_state(index).status == Status::Done {
        (Mode::Normal, Effect::None)
    } else {
        edit(app, index, Change::Status(Status::Done))
    };
    // A gate asks first: the cursor stays on what the question is about.
    if matches!(mode, Mode::Confirm(_)) {
        return (mode, effect);
    }
    // The item is about to be done: the next open one is after it.
    if let Some(next) = find_open(app, true).filter(|&next| next != index) {
        app.tree.reveal(&app.checklist, &app.state, next);
        app.detail_scroll = 0;
    }
    (mode, effect)
}

/// The open items under the header (or the item with sub-items) at the
/// cursor, as the filter and search show them.
fn open_items_under(app: &App, row: Row) -> Vec<usize> {
    let items = match row {
        Row::Phase(p) => app.checklist.item_range_of(&app.checklist.phases()[p]),
        Row::Section(s) => app.checklist.sections()[s].items.clone(),
        Row::Item(i) => app.checklist.subtree(i),
    };
    items
        .filter(|&i| app.state.item(i).status == Status::Todo && app.tree.shows(&app.state, i))
        .collect()
}

/// Asks before ticking every open item of the section or phase at the
/// cursor, or an item and its sub-items.
pub(super) fn ask_tick_all(app: &mut App) -> Mode {
    let Some(row) = app.tree.selected() else {
        return Mode::Normal;
    };
    let name = match row {
        Row::Phase(p) => app.checklist.phases()[p].name.clone(),
        Row::Section(s) => app.checklist.sections()[s].name.clone(),
        Row::Item(i) if app.checklist.items()[i].has_sub_items() => app.checklist.items()[i].title.clone(),
        Row::Item(_) => {
            app.say("T ticks every open item of a section, a phase or an item with sub-items: move to it");
            return Mode::Normal;
        }
    };
    let items = open_items_under(app, row);
    if items.is_empty() {
        app.say(format!("{name} has no open items"));
        return Mode::Normal;
    }
    Mode::Confirm(Confirm::TickAll { items, name })
}

/// The answer to "tick all?": y ticks what is still open.
pub(super) fn confirming(confirm: Confirm, app: &mut App, action: &Action) -> Next {
    match action {
        Action::Yes => {
            let Confirm::TickAll { items, name } = confirm else {
                return (Mode::Normal, Effect::None);
            };
            // Only what is still open: an item a teammate skipped or ticked
            // while the question was asked keeps their change, and the
            // question is asked again with the count that now holds.
            let (open, changed): (Vec<usize>, Vec<usize>) = items
                .into_iter()
                .partition(|&i| app.item_state(i).status == Status::Todo);
            if !changed.is_empty() {
                let what = plural(changed.len(), "item", "items");
                if open.is_empty() {
                    app.say(format!("{what} of {name} changed meanwhile; nothing left to tick"));
                    return (Mode::Normal, Effect::None);
                }
                app.say(format!(
                    "{what} of {name} changed meanwhile and {} kept as they are",
                    if changed.len() == 1 { "is" } else { "are" }
                ));
                return (Mode::Confirm(Confirm::TickAll { items: open, name }), Effect::None);
            }
            let edits = open
                .into_iter()
                .map(|index| Edit {
                    index,
                    before: Change::Status(app.item_state(index).status.clone()),
                    after: Change::Status(Status::Done),
                    kind: EditKind::New,
                    recorded: None,
                    forced: false,
                })
                .collect();
            super::runbook::record_or_ask(app, edits)
        }
        Action::No | Action::Cancel => {
            app.say("nothing was ticked");
            (Mode::Normal, Effect::None)
        }
        Action::Quit => (Mode::Confirm(confirm), Effect::Quit),
        _ => (Mode::Confirm(confirm), Effect::None),
    }
}
