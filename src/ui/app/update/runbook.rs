//! The view's runbook keys: `!` runs the selected item's command and `v` its
//! verification, each after a confirmation that shows the exact command line;
//! `c` copies the command. A tick in a closed gated phase asks whether to
//! force it. Nothing runs without the operator's `y`.

use super::super::{App, Confirm, Mode};
use crate::checklist::Status;
use crate::gate;
use crate::run::{Change, EvidenceKind};
use crate::template;
use crate::text::plural;
use crate::ui::app::action::{Action, Edit, Effect};

/// The closed gate the item at `index` stands behind, said as a sentence.
pub(crate) fn gate_of(app: &App, index: usize) -> Option<String> {
    gate::item_closed(&app.checklist, &app.tally, app.state.approvals(), index).map(|c| c.message(&app.checklist))
}

/// The item's command or verification as written, placeholders and all.
fn script(app: &App, index: usize, kind: EvidenceKind) -> Option<&str> {
    let item = &app.checklist.items()[index];
    match kind {
        EvidenceKind::Exec => item.command.as_deref(),
        EvidenceKind::Verify => item.verify.as_deref(),
    }
}

/// The command line of the selected item's command or verification, as it
/// would run: the run's values written for their places in it. (A checklist
/// that loaded has no placeholder that cannot be; were there one, the template
/// would run as written, its braces as text.)
fn command_line(app: &App, index: usize, kind: EvidenceKind) -> Option<String> {
    let template = script(app, index, kind)?;
    let values = app.state.values(&app.checklist);
    Some(template::render_shell(template, &values).map_or_else(|_| template.to_owned(), std::borrow::Cow::into_owned))
}

/// Asks before running the selected item's command or verification.
pub(crate) fn ask_run(app: &mut App, kind: EvidenceKind) {
    let Some(index) = app.selected_item() else {
        app.say("move to an item to run its command");
        return;
    };
    let Some(line) = command_line(app, index, kind) else {
        let title = app.checklist.items()[index].title.clone();
        app.complain(match kind {
            EvidenceKind::Exec => format!("{title} has no command to run"),
            EvidenceKind::Verify => format!("{title} has no verification"),
        });
        return;
    };
    // A secret is needed only by a command that uses it, as for `exec`.
    let needed = |name: &str| {
        let secret = app.checklist.params.iter().any(|p| p.name == name && p.secret);
        !secret
            || script(app, index, kind)
                .is_some_and(|s| template::uses(s, name) || s.contains(&template::env_name(name)))
    };
    if let Some(missing) = app
        .state
        .missing_params(&app.checklist)
        .into_iter()
        .find(|name| needed(name))
    {
        app.complain(format!(
            "the run has no value for `{missing}` yet; set it before running commands"
        ));
        return;
    }
    app.mode = Mode::Confirm(Confirm::Run {
        index,
        kind,
        line,
        gate: gate_of(app, index),
        again: app.item_state(index).status == Status::Done,
    });
}

/// Copies the selected item's command (as it would run) to the clipboard.
pub(crate) fn copy(app: &mut App) -> Effect {
    let Some(line) = app
        .selected_item()
        .and_then(|i| command_line(app, i, EvidenceKind::Exec))
    else {
        app.complain("this item has no command to copy");
        return Effect::None;
    };
    app.say("command copied (where the terminal allows it)");
    Effect::Copy(line)
}

/// Records `edits`, or — when a tick or skip stands behind a closed gate —
/// asks first whether to force it.
pub(crate) fn record_or_ask(app: &mut App, edits: Vec<Edit>) -> Effect {
    let gated = edits.iter().find_map(|edit| {
        let ticks = matches!(edit.after, Change::Status(Status::Done | Status::Skipped { .. }));
        ticks.then(|| gate_of(app, edit.index)).flatten()
    });
    match gated {
        Some(gate) => {
            app.mode = Mode::Confirm(Confirm::Force { edits, gate });
            Effect::None
        }
        None => Effect::Record(edits),
    }
}

/// Whether the item of `edit` still stands as it did when the edit was made.
fn still(app: &App, edit: &Edit) -> bool {
    let state = app.item_state(edit.index);
    match &edit.before {
        Change::Status(status) => &state.status == status,
        Change::Note(note) => &state.note == note,
        Change::Param { .. } | Change::Ran | Change::Started(_) | Change::Approve { .. } | Change::Withdraw => true,
    }
}

/// Answers a runbook question: `y` runs, or records forced; anything else
/// leaves things as they are.
pub(crate) fn answer(app: &mut App, confirm: Confirm, action: &Action) -> Effect {
    match action {
        Action::Yes => {
            app.mode = Mode::Normal;
            match confirm {
                Confirm::Run {
                    index,
                    kind,
                    line,
                    gate,
                    again,
                } => {
                    // A value a teammate set while the question was asked
                    // changes the command: what runs is only what was shown.
                    let now = command_line(app, index, kind);
                    if now.as_deref() != Some(line.as_str()) {
                        app.complain("a value changed meanwhile: the command is asked again as it would run now");
                        if let Some(line) = now {
                            let gate = gate_of(app, index);
                            app.mode = Mode::Confirm(Confirm::Run {
                                index,
                                kind,
                                line,
                                gate,
                                again,
                            });
                        }
                        return Effect::None;
                    }
                    Effect::Run {
                        index,
                        kind,
                        line,
                        forced: gate.is_some(),
                    }
                }
                Confirm::Force { edits, .. } => {
                    // A teammate's change made while the question was asked
                    // stays: only what still stands as it did is recorded.
                    let (kept, changed): (Vec<Edit>, Vec<Edit>) = edits.into_iter().partition(|edit| still(app, edit));
                    if !changed.is_empty() {
                        app.say(format!(
                            "{} changed meanwhile and kept as it is",
                            plural(changed.len(), "item", "items")
                        ));
                    }
                    if kept.is_empty() {
                        return Effect::None;
                    }
                    Effect::Record(kept.into_iter().map(|edit| Edit { forced: true, ..edit }).collect())
                }
                Confirm::TickAll { .. } | Confirm::Withdraw { .. } => Effect::None,
            }
        }
        Action::No | Action::Cancel => {
            app.mode = Mode::Normal;
            app.say(match confirm {
                Confirm::Run { .. } => "nothing was run",
                _ => "nothing was recorded",
            });
            Effect::None
        }
        Action::Quit => Effect::Quit,
        _ => Effect::None,
    }
}
