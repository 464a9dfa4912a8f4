//! `a` on a phase that needs approvals: asks for a note of what was
//! reviewed, then records the approval. Refused, with the reason, to
//! someone who recorded a change in an earlier phase (the two-person rule;
//! `preflight approve --force` overrides it on purpose); to someone who
//! approved it already, offers to withdraw that approval (y/n).

use crate::run::Change;
use crate::ui::app::{Action, App, Confirm, Effect, Mode, Next, Prompt, Purpose};
use crate::ui::line_edit::LineEdit;
use crate::ui::tree::Row;

/// Opens the approval's prompt on the phase at the cursor, when this
/// session may approve it.
pub(super) fn ask(app: &mut App) -> Mode {
    let Some(Row::Phase(phase)) = app.tree.selected() else {
        app.say("a approves a phase: move to its header");
        return Mode::Normal;
    };
    let name = app.checklist.phases()[phase].name.clone();
    if app.checklist.phases()[phase].approvals == 0 {
        app.say(format!("{name} needs no approvals"));
        return Mode::Normal;
    }
    let approvals = app.state.approvals();
    if approvals.approved_by(phase, &app.author.by) {
        return Mode::Confirm(Confirm::Withdraw { phase, name });
    }
    let me = app.author.stamp(crate::store::runlog::now());
    if let Some(worked) = approvals.first_worked(phase, &me) {
        let earlier = &app.checklist.phases()[worked].name;
        app.complain(format!(
            "{} recorded changes in {earlier}: someone else must approve {name} (two-person rule)",
            me.who()
        ));
        return Mode::Normal;
    }
    Mode::Prompt(Prompt {
        purpose: Purpose::Approval(phase),
        line: LineEdit::default(),
        about: None,
    })
}

/// The answer to "withdraw your approval?": y records the withdrawal.
pub(super) fn withdrawing(confirm: Confirm, app: &mut App, action: &Action) -> Next {
    match (action, &confirm) {
        (Action::Yes, Confirm::Withdraw { phase, .. }) => {
            let change = Change::Withdraw;
            (Mode::Normal, Effect::Approve { phase: *phase, change })
        }
        (Action::No | Action::Cancel, _) => {
            app.say("nothing was recorded");
            (Mode::Normal, Effect::None)
        }
        (Action::Quit, _) => (Mode::Confirm(confirm), Effect::Quit),
        _ => (Mode::Confirm(confirm), Effect::None),
    }
}
