//! The tree's own mode: moving (see [`super::moves`]), and the keys that
//! change items, ask a question or open a prompt, each saying which mode
//! comes next.

use super::{approve, flow, items, moves, runbook, undo};
use crate::run::EvidenceKind;
use crate::ui::app::{Action, App, Effect, Focus, Mode, Next};
use crate::ui::line_edit::LineEdit;

/// An Action in the tree (or, with Tab, in the detail pane).
pub(super) fn normal(app: &mut App, action: &Action) -> Next {
    // A message lasts until the next key (or fades, see `App::tick`).
    app.quiet();
    if app.focus == Focus::Detail && moves::scroll_detail(app, action) {
        return (Mode::Normal, Effect::None);
    }
    if moves::go(app, action) {
        return (Mode::Normal, Effect::None);
    }
    let effect = match action {
        Action::Toggle => return items::toggle(app),
        Action::Skip => return items::skip(app),
        Action::TickAndAdvance => return flow::tick_and_advance(app),
        Action::Click { column, row } => return moves::click(app, *column, *row),
        Action::Approve => return (approve::ask(app), Effect::None),
        Action::EditNote => return (items::edit_note(app), Effect::None),
        Action::TickAll => return (flow::ask_tick_all(app), Effect::None),
        Action::RunCommand => return (runbook::ask_run(app, EvidenceKind::Exec), Effect::None),
        Action::VerifyItem => return (runbook::ask_run(app, EvidenceKind::Verify), Effect::None),
        Action::StartSearch => {
            app.query = LineEdit::new(app.tree.search().map_or("", |s| s.query.as_str()));
            return (Mode::Searching, Effect::None);
        }
        Action::ToggleHelp => {
            app.help_scroll = 0;
            return (Mode::Help, Effect::None);
        }
        Action::Undo => undo::undo(app, true),
        Action::Redo => undo::undo(app, false),
        Action::CopyCommand => runbook::copy(app),
        Action::EditChecklist if app.editable => Effect::EditChecklist,
        Action::EditChecklist => {
            app.complain("the bundled checklist is built in; save a copy (preflight new) to edit it");
            Effect::None
        }
        Action::Quit => Effect::Quit,
        _ => Effect::None,
    };
    (Mode::Normal, effect)
}
