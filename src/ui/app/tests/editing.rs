//! Changing items through the view: ticks, skips, notes, undo, and changes by
//! others, with the fixtures of the parent module.

use super::*;
use crate::ui::line_edit::LineEdit;

#[test]
fn toggle_ticks_and_unticks_and_updates_progress() {
    let mut app = app();
    acts(&mut app, [Action::Down, Action::Down]);
    let effect = act(&mut app, Action::Toggle);
    assert!(matches!(effect, Effect::Record(ref edits) if edits.len() == 1));
    assert_eq!(status(&app, "Cloud environment"), Status::Done);
    assert_eq!(
        (
            app.tally().overall.done,
            app.tally().phases[0].done,
            app.tally().sections[0].done
        ),
        (1, 1, 1)
    );
    act(&mut app, Action::Toggle);
    assert_eq!(status(&app, "Cloud environment"), Status::Todo);
    assert_eq!(app.tally().overall.done, 0);
}

#[test]
fn skip_asks_for_a_reason_and_escape_cancels() {
    let mut app = app();
    acts(&mut app, [Action::Down, Action::Down, Action::Skip]);
    assert!(matches!(app.mode(), Mode::Prompt(_)));
    acts(&mut app, typed("nope"));
    act(&mut app, Action::Cancel);
    assert_eq!(*app.mode(), Mode::Normal);
    assert_eq!(status(&app, "Cloud environment"), Status::Todo);

    act(&mut app, Action::Skip);
    acts(&mut app, typed("on-prem only  x"));
    acts(&mut app, [Action::DeleteWord, Action::Backspace, Action::Confirm]);
    assert_eq!(
        status(&app, "Cloud environment"),
        Status::Skipped {
            reason: Some("on-prem only".into())
        }
    );
    assert_eq!((app.tally().overall.skipped, app.tally().overall.applicable()), (1, 5));
    act(&mut app, Action::Skip);
    assert_eq!(status(&app, "Cloud environment"), Status::Todo, "s again unskips");
}

#[test]
fn notes_are_edited_in_a_prefilled_prompt() {
    let mut app = app();
    acts(&mut app, [Action::Down, Action::Down, Action::EditNote]);
    acts(&mut app, typed("checked with ops"));
    act(&mut app, Action::Confirm);
    assert_eq!(app.state().item(0).note.as_deref(), Some("checked with ops"));
    act(&mut app, Action::EditNote);
    assert_eq!(
        *app.mode(),
        Mode::Prompt(Prompt {
            purpose: Purpose::Note(0),
            line: LineEdit::new("checked with ops"),
            about: None,
        })
    );
    for _ in 0.."checked with ops".len() {
        act(&mut app, Action::Backspace);
    }
    act(&mut app, Action::Confirm);
    assert_eq!(app.state().item(0).note, None, "an empty note clears it");
}

#[test]
fn undo_and_redo_work_across_items() {
    let mut app = app();
    acts(
        &mut app,
        [Action::Down, Action::Down, Action::Toggle, Action::Down, Action::Toggle],
    );
    assert_eq!(app.tally().overall.done, 2);
    act(&mut app, Action::Undo);
    assert_eq!(status(&app, "Database"), Status::Todo);
    act(&mut app, Action::Undo);
    assert_eq!(status(&app, "Cloud environment"), Status::Todo);
    assert_eq!(selected(&app), "I Cloud environment", "undo shows what it undid");
    act(&mut app, Action::Undo);
    assert_eq!(app.message().unwrap().text, "nothing to undo");
    act(&mut app, Action::Redo);
    assert_eq!(status(&app, "Cloud environment"), Status::Done);
    act(&mut app, Action::Redo);
    assert_eq!(status(&app, "Database"), Status::Done);
    act(&mut app, Action::Undo);
    acts(&mut app, [Action::Down, Action::Down, Action::Toggle]);
    act(&mut app, Action::Redo);
    assert_eq!(
        app.message().unwrap().text,
        "nothing to redo",
        "a new change ends the redo history"
    );
}

#[test]
fn ticking_under_the_open_filter_moves_on_to_the_next_item() {
    let mut app = app();
    act(&mut app, Action::CycleFilter);
    acts(&mut app, [Action::Down, Action::Down, Action::Toggle]);
    assert_eq!(selected(&app), "I Database");
}

#[test]
fn changes_by_others_are_applied_and_announced() {
    let mut app = app();
    let event = |item: &str, by: &str| {
        Event::on_item(stamp("2026-11-29T10:00:00Z", by), item, Change::Status(Status::Done)).with_title("Canary")
    };
    app.external(&[event("ship/rollout/canary", "bob")]);
    assert_eq!(status(&app, "Canary"), Status::Done);
    assert_eq!(app.tally().phases[1].done, 1);
    assert_eq!(app.message().unwrap().text, "Canary checked by bob");
    app.message = None;
    app.external(&[event("ship/rollout/full-rollout", "me")]);
    assert!(app.message().is_none(), "my own changes are not announced");
    app.external(&[event("gone/away/item", "bob")]);
    assert_eq!(app.state().orphans().count(), 1);
}

#[test]
fn the_bundled_checklist_is_not_editable() {
    let mut app = app();
    app.editable = false;
    assert_eq!(act(&mut app, Action::EditChecklist), Effect::None);
    assert!(app.message().unwrap().error);
    app.editable = true;
    assert_eq!(act(&mut app, Action::EditChecklist), Effect::EditChecklist);
}

#[test]
fn control_characters_typed_into_prompts_are_dropped() {
    let mut app = app();
    acts(&mut app, [Action::Down, Action::Down, Action::EditNote]);
    acts(
        &mut app,
        [
            Action::Input('a'),
            Action::Input('\u{1b}'),
            Action::Input('\u{202e}'),
            Action::Input('b'),
        ],
    );
    assert!(matches!(app.mode(), Mode::Prompt(p) if p.line.text() == "ab"));
    act(&mut app, Action::Cancel);
    act(&mut app, Action::StartSearch);
    acts(&mut app, [Action::Input('\u{7}'), Action::Input('d')]);
    assert_eq!(app.tree().search().unwrap().query, "d");
}

fn by_bob(at: &str, change: Change) -> Event {
    super::merged::on_cloud(at, "bob", change)
}

#[test]
fn undo_never_takes_back_a_change_someone_made_since() {
    let mut app = app();
    acts(&mut app, [Action::Down, Action::Down, Action::Toggle]);
    let skip = Change::Status(Status::Skipped {
        reason: Some("on-prem".into()),
    });
    app.external(&[by_bob("2026-11-29T10:42:00Z", skip)]);
    assert_eq!(act(&mut app, Action::Undo), Effect::None, "nothing is recorded");
    let message = app.message().unwrap();
    assert!(message.error);
    assert_eq!(
        message.text,
        "Cloud environment was changed by bob at 10:42 — not undone"
    );
    assert!(
        matches!(status(&app, "Cloud environment"), Status::Skipped { .. }),
        "bob's skip stays"
    );
    act(&mut app, Action::Undo);
    assert_eq!(
        app.message().unwrap().text,
        "nothing to undo",
        "the stale edit was dropped"
    );
}

#[test]
fn a_note_by_someone_else_blocks_undo_too_and_redo_checks_the_same() {
    let mut app = app();
    acts(&mut app, [Action::Down, Action::Down, Action::Toggle, Action::Undo]);
    assert_eq!(status(&app, "Cloud environment"), Status::Todo, "my own change undoes");
    app.external(&[by_bob("2026-11-29T11:05:00Z", Change::Note(Some("on it".into())))]);
    assert_eq!(act(&mut app, Action::Redo), Effect::None);
    assert_eq!(
        app.message().unwrap().text,
        "Cloud environment was changed by bob at 11:05 — not redone"
    );
    assert_eq!(status(&app, "Cloud environment"), Status::Todo);
}
