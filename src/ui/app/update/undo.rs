//! Undo and redo: a group of edits (one keystroke's worth, or a whole bulk
//! tick) is taken back only while each of its changes is still the item's
//! latest, made by this user, so a teammate's change is never undone.

use crate::run::Change;
use crate::text::plural;
use crate::ui::app::{App, Edit, EditKind, Effect};

/// Whether `edit` is still the latest change of its item, made by us.
fn still_ours(app: &App, edit: &Edit) -> bool {
    let changed = &app.state.item(edit.index).changed;
    edit.recorded.is_some()
        && changed
            .as_ref()
            .is_some_and(|stamp| Some(stamp.at) == edit.recorded && stamp.by == app.author.by)
}

/// What undoing `edit` sets: the item's status or note just before the
/// change in the order of time, which after a merge may be a teammate's
/// earlier change rather than what this view saw before it.
fn restored(app: &App, edit: &Edit) -> Change {
    let prior = app.state.item(edit.index).prior.clone();
    match (&edit.before, prior) {
        (Change::Status(_), Some(prior)) => Change::Status(prior.status),
        (Change::Note(_), Some(prior)) => Change::Note(prior.note),
        _ => edit.before.clone(),
    }
}

/// Undoes (or redoes) the group of edits on top of its stack: one keystroke's
/// worth, a whole batch for a bulk tick.
pub(super) fn undo(app: &mut App, undo: bool) -> Effect {
    let stack = if undo { &mut app.undo } else { &mut app.redo };
    let Some(group) = stack.pop() else {
        app.say(if undo { "nothing to undo" } else { "nothing to redo" });
        return Effect::None;
    };
    if let Some(stale) = group.iter().find(|edit| !still_ours(app, edit)) {
        // Someone (or this user elsewhere) changed an item since: taking back
        // our change now would silently undo theirs.
        let title = app.checklist.items()[stale.index].title.clone();
        let what = if undo { "undone" } else { "redone" };
        let whole = if group.len() > 1 {
            format!(
                " (nor the other {} of that change)",
                plural(group.len() - 1, "item", "items")
            )
        } else {
            String::new()
        };
        app.complain(match &app.state.item(stale.index).changed {
            Some(stamp) => format!(
                "{title} was changed by {} at {} — not {what}{whole}",
                stamp.by,
                stamp.at.hour_minute()
            ),
            None => format!("{title} has changed since — not {what}{whole}"),
        });
        return Effect::None;
    }
    if let Some(first) = group.first() {
        app.tree.reveal(&app.checklist, &app.state, first.index);
    }
    // Undoing and redoing both invert the edits of the group.
    let kind = if undo { EditKind::Undo } else { EditKind::Redo };
    Effect::Record(
        group
            .into_iter()
            .map(|edit| Edit {
                index: edit.index,
                after: if undo { restored(app, &edit) } else { edit.before },
                before: edit.after,
                kind,
                recorded: None,
                forced: false,
            })
            .collect(),
    )
}
