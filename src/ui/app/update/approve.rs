//! `a` on a phase that needs approvals: asks for a note of what was
//! reviewed, then records the approval. Refused, with the reason, to
//! someone who recorded a change in an earlier phase (the two-person rule;
//! `preflight approve --force` overrides it on purpose), and said once more
//! to someone who approved it already.

use crate::ui::app::{App, Mode, Prompt, Purpose};
use crate::ui::line_edit::LineEdit;
use crate::ui::tree::Row;

/// Opens the approval's prompt on the phase at the cursor, when this
/// session may approve it.
pub(super) fn ask(app: &mut App) {
    let Some(Row::Phase(phase)) = app.tree.selected() else {
        app.say("a approves a phase: move to its header");
        return;
    };
    let name = app.checklist.phases()[phase].name.clone();
    if app.checklist.phases()[phase].approvals == 0 {
        app.say(format!("{name} needs no approvals"));
        return;
    }
    let approvals = app.state.approvals();
    if approvals.approved_by(phase, &app.author.by) {
        app.say(format!(
            "{name} is approved by you already (preflight approve --withdraw takes it back)"
        ));
        return;
    }
    let me = app.author.stamp(crate::store::runlog::now());
    if let Some(worked) = approvals.first_worked(phase, &me) {
        let earlier = &app.checklist.phases()[worked].name;
        app.complain(format!(
            "{} recorded changes in {earlier}: someone else must approve {name} (two-person rule)",
            me.who()
        ));
        return;
    }
    app.mode = Mode::Prompt(Prompt {
        purpose: Purpose::Approval(phase),
        line: LineEdit::default(),
        about: None,
    });
}
