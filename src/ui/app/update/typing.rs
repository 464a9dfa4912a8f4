//! Typing: the search narrowing as it is typed, and the note and reason
//! prompts, both edited as a [`LineEdit`].

use super::{edit, normal};
use crate::checklist::Status;
use crate::run::Change;
use crate::text::plural;
use crate::ui::app::{Action, App, Effect, Mode, Prompt, Purpose};
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

pub(super) fn searching(app: &mut App, action: &Action) -> Effect {
    if edit_line(&mut app.query, action) {
        let query = app.query.text().to_owned();
        return narrow(app, &query);
    }
    let query = app.query.text().to_owned();
    match action {
        Action::Confirm => {
            app.mode = Mode::Normal;
            if query.is_empty() {
                app.tree.clear_search(&app.checklist, &app.state);
            } else {
                let count = app.tree.search().map_or(0, |s| s.matches.len());
                app.say(format!(
                    "{} for \"{query}\": n / N to move, Esc to clear",
                    plural(count, "match", "matches")
                ));
            }
            Effect::None
        }
        Action::Cancel => {
            app.mode = Mode::Normal;
            app.tree.clear_search(&app.checklist, &app.state);
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
    let index = app.search_index.get_or_insert_with(|| SearchIndex::new(&app.checklist));
    app.tree.search_for(&app.checklist, &app.state, index, query);
    if let Some(first) = app.tree.rows().iter().position(|r| matches!(r, Row::Item(_))) {
        app.tree.move_to(first);
    }
    Effect::None
}

pub(super) fn prompting(app: &mut App, mut prompt: Prompt, action: &Action) -> Effect {
    if edit_line(&mut prompt.line, action) {
        app.mode = Mode::Prompt(prompt);
        return Effect::None;
    }
    match action {
        Action::Cancel => {
            app.mode = Mode::Normal;
            if let Purpose::Param(index) = prompt.purpose {
                let name = &app.checklist.params[index].name;
                app.complain(format!(
                    "`{name}` has no value: texts show {{{{{name}}}}} and commands cannot run"
                ));
            }
            Effect::None
        }
        Action::Confirm => {
            app.mode = Mode::Normal;
            let text = crate::text::clean_paragraph(prompt.line.text());
            let text = (!text.is_empty()).then_some(text);
            if let Purpose::Param(index) = prompt.purpose {
                let name = app.checklist.params[index].name.clone();
                let Some(value) = text else {
                    app.complain(format!("`{name}` needs a value; Esc leaves it unset"));
                    app.mode = Mode::Prompt(prompt);
                    return Effect::None;
                };
                if let Err(why) = crate::template::check_value(&value) {
                    app.complain(format!("`{name}`: {why}"));
                    app.mode = Mode::Prompt(prompt);
                    return Effect::None;
                }
                return Effect::SetParam { name, value };
            }
            match prompt.purpose {
                Purpose::Param(_) => Effect::None,
                Purpose::SkipReason(index) => edit(app, index, Change::Status(Status::Skipped { reason: text })),
                Purpose::Note(index) => edit(app, index, Change::Note(text)),
                Purpose::Approval(phase) => Effect::Approve {
                    phase,
                    change: Change::Approve { note: text },
                },
            }
        }
        // Anything else leaves the prompt open as it is.
        _ => Effect::None,
    }
}
