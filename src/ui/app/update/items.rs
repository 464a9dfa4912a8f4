//! Changes to items: ticking, skipping (with a reason asked for), notes; an
//! edit stands behind a closed gate's question when it must.

use super::runbook;
use crate::checklist::Status;
use crate::run::Change;
use crate::ui::app::{App, Edit, EditKind, Effect, Mode, Next, Prompt, Purpose};
use crate::ui::line_edit::LineEdit;
use crate::ui::tree::Row;

/// Opens the note's prompt on the item at the cursor.
pub(super) fn edit_note(app: &App) -> Mode {
    let Some(index) = app.selected_item() else {
        return Mode::Normal;
    };
    let text = app.item_state(index).note.clone().unwrap_or_default();
    Mode::Prompt(Prompt {
        purpose: Purpose::Note(index),
        line: LineEdit::new(&text),
        about: None,
    })
}

/// Changes the item at `index` to `after`, or asks first behind a closed gate.
pub(super) fn edit(app: &mut App, index: usize, after: Change) -> Next {
    let state = app.item_state(index);
    let before = match &after {
        Change::Status(_) => Change::Status(state.status.clone()),
        Change::Note(_) => Change::Note(state.note.clone()),
        Change::Param { .. } | Change::Ran | Change::Started(_) | Change::Approve { .. } | Change::Withdraw => {
            return (Mode::Normal, Effect::None);
        }
    };
    if before == after {
        return (Mode::Normal, Effect::None);
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

/// Ticks or unticks the item at the cursor; folds or unfolds a header.
pub(super) fn toggle(app: &mut App) -> Next {
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
            (Mode::Normal, Effect::None)
        }
        None => (Mode::Normal, Effect::None),
    }
}

/// Asks for a reason to skip the item at the cursor, or unskips it.
pub(super) fn skip(app: &mut App) -> Next {
    let Some(index) = app.selected_item() else {
        return (Mode::Normal, Effect::None);
    };
    if matches!(app.item_state(index).status, Status::Skipped { .. }) {
        return edit(app, index, Change::Status(Status::Todo));
    }
    let prompt = Prompt {
        purpose: Purpose::SkipReason(index),
        line: LineEdit::default(),
        about: None,
    };
    (Mode::Prompt(prompt), Effect::None)
}
