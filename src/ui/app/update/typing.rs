//! Typing: the search narrowing as it is typed, and the note and reason
//! prompts, both edited as a [`LineEdit`].

use super::items::edit;
use super::normal::normal;
use crate::checklist::Status;
use crate::run::Change;
use crate::text::plural;
use crate::ui::app::{Action, App, Effect, Mode, Next, Prompt, Purpose};
use crate::ui::line_edit::{LineEdit, LineOp};
use crate::ui::tree::{Row, SearchIndex};

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

/// Typing a search: the tree narrows with each key; Enter keeps the
/// search, Esc clears it, and the cursor still moves.
pub(super) fn searching(app: &mut App, action: &Action) -> Next {
    if edit_line(&mut app.query, action) {
        let query = app.query.text().to_owned();
        narrow(app, &query);
        return (Mode::Searching, Effect::None);
    }
    let query = app.query.text().to_owned();
    match action {
        Action::Confirm => {
            if query.is_empty() {
                app.tree.clear_search(&app.checklist, &app.state);
            } else {
                let count = app.tree.search().map_or(0, |s| s.matches.len());
                app.say(format!(
                    "{} for \"{query}\": n / N to move, Esc to clear",
                    plural(count, "match", "matches")
                ));
            }
            (Mode::Normal, Effect::None)
        }
        Action::Cancel => {
            app.tree.clear_search(&app.checklist, &app.state);
            (Mode::Normal, Effect::None)
        }
        Action::Quit => (Mode::Searching, Effect::Quit),
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::ScrollUp | Action::ScrollDown => {
            (Mode::Searching, normal(app, action).1)
        }
        _ => (Mode::Searching, Effect::None),
    }
}

/// Narrows the tree to what `query` matches, the cursor on the first match.
fn narrow(app: &mut App, query: &str) {
    let index = app.search_index.get_or_insert_with(|| SearchIndex::new(&app.checklist));
    app.tree.search_for(&app.checklist, &app.state, index, query);
    if let Some(first) = app.tree.rows().iter().position(|r| matches!(r, Row::Item(_))) {
        app.tree.move_to(first);
    }
}

/// Typing into a prompt: Enter takes what was typed for what the prompt
/// is for, Esc leaves it.
pub(super) fn prompting(mut prompt: Prompt, app: &mut App, action: &Action) -> Next {
    if edit_line(&mut prompt.line, action) {
        return (Mode::Prompt(prompt), Effect::None);
    }
    match action {
        Action::Cancel => {
            if let Purpose::Param(index) = prompt.purpose {
                let name = &app.checklist.params[index].name;
                app.complain(format!(
                    "`{name}` has no value: texts show {{{{{name}}}}} and commands cannot run"
                ));
            }
            (Mode::Normal, Effect::None)
        }
        Action::Confirm => take(prompt, app),
        // Anything else leaves the prompt open as it is.
        _ => (Mode::Prompt(prompt), Effect::None),
    }
}

/// What Enter does with a prompt's text: a parameter's value must be one.
fn take(prompt: Prompt, app: &mut App) -> Next {
    let text = crate::text::clean_paragraph(prompt.line.text());
    let text = (!text.is_empty()).then_some(text);
    let effect = match prompt.purpose {
        Purpose::Param(index) => {
            let name = app.checklist.params[index].name.clone();
            let Some(value) = text else {
                app.complain(format!("`{name}` needs a value; Esc leaves it unset"));
                return (Mode::Prompt(prompt), Effect::None);
            };
            if let Err(why) = crate::template::check_value(&value) {
                app.complain(format!("`{name}`: {why}"));
                return (Mode::Prompt(prompt), Effect::None);
            }
            Effect::SetParam { name, value }
        }
        Purpose::SkipReason(index) => return edit(app, index, Change::Status(Status::Skipped { reason: text })),
        Purpose::Note(index) => return edit(app, index, Change::Note(text)),
        Purpose::Approval(phase) => Effect::Approve {
            phase,
            change: Change::Approve { note: text },
        },
    };
    (Mode::Normal, effect)
}
