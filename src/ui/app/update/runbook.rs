//! The view's runbook keys: `!` runs the selected item's command and `v` its
//! verification, each after a confirmation that shows the exact command line;
//! `c` copies the command. A tick in a closed gated phase asks whether to
//! force it. Nothing runs without the operator's `y`.

use crate::checklist::Status;
use crate::gate;
use crate::run::{Change, EvidenceKind};
use crate::template;
use crate::text::plural;
use crate::ui::app::action::{Action, Edit, Effect};
use crate::ui::app::{App, Confirm, Mode, Next};

/// The closed gate the item at `index` stands behind, said as a sentence.
fn gate_of(app: &App, index: usize) -> Option<String> {
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
pub(super) fn ask_run(app: &mut App, kind: EvidenceKind) -> Mode {
    let Some(index) = app.selected_item() else {
        app.say("move to an item to run its command");
        return Mode::Normal;
    };
    let Some(line) = command_line(app, index, kind) else {
        let title = app.checklist.items()[index].title.clone();
        app.complain(match kind {
            EvidenceKind::Exec => format!("{title} has no command to run"),
            EvidenceKind::Verify => format!("{title} has no verification"),
        });
        return Mode::Normal;
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
        return Mode::Normal;
    }
    Mode::Confirm(Confirm::Run {
        index,
        kind,
        line,
        gate: gate_of(app, index),
        again: app.item_state(index).status == Status::Done,
    })
}

/// Copies the selected item's command (as it would run) to the clipboard.
pub(super) fn copy(app: &mut App) -> Effect {
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
pub(super) fn record_or_ask(app: &mut App, edits: Vec<Edit>) -> Next {
    let gated = edits.iter().find_map(|edit| {
        let ticks = matches!(edit.after, Change::Status(Status::Done | Status::Skipped { .. }));
        ticks.then(|| gate_of(app, edit.index)).flatten()
    });
    match gated {
        Some(gate) => (Mode::Confirm(Confirm::Force { edits, gate }), Effect::None),
        None => (Mode::Normal, Effect::Record(edits)),
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
pub(super) fn answer(confirm: Confirm, app: &mut App, action: &Action) -> Next {
    match action {
        Action::Yes => match confirm {
            Confirm::Run {
                index,
                kind,
                line,
                gate,
                again,
            } => run(app, index, kind, line, gate.is_some(), again),
            Confirm::Force { edits, .. } => (Mode::Normal, force(app, edits)),
            Confirm::TickAll { .. } | Confirm::Withdraw { .. } => (Mode::Normal, Effect::None),
        },
        Action::No | Action::Cancel => {
            app.say(match confirm {
                Confirm::Run { .. } => "nothing was run",
                _ => "nothing was recorded",
            });
            (Mode::Normal, Effect::None)
        }
        Action::Quit => (Mode::Confirm(confirm), Effect::Quit),
        _ => (Mode::Confirm(confirm), Effect::None),
    }
}

/// `y` to "run this?": runs only what was shown. A value a teammate set
/// while the question was asked changes the command: it is asked again.
/// `forced`: the question said a closed gate stands in the way.
fn run(app: &mut App, index: usize, kind: EvidenceKind, line: String, forced: bool, again: bool) -> Next {
    let now = command_line(app, index, kind);
    if now.as_deref() != Some(line.as_str()) {
        app.complain("a value changed meanwhile: the command is asked again as it would run now");
        let Some(line) = now else {
            return (Mode::Normal, Effect::None);
        };
        let gate = gate_of(app, index);
        let question = Confirm::Run {
            index,
            kind,
            line,
            gate,
            again,
        };
        return (Mode::Confirm(question), Effect::None);
    }
    (
        Mode::Normal,
        Effect::Run {
            index,
            kind,
            line,
            forced,
        },
    )
}

/// `y` to "record it anyway, forced?": a teammate's change made while the
/// question was asked stays; only what still stands as it did is recorded.
fn force(app: &mut App, edits: Vec<Edit>) -> Effect {
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
