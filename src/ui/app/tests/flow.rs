//! Working down a checklist: tick and advance, open items through folds, a
//! whole section at once and its undo, what the status line says, and help
//! that scrolls.

use super::*;
use crate::ui::line_edit::LineOp;

#[test]
fn enter_ticks_and_moves_to_the_next_open_item() {
    let mut app = app();
    acts(&mut app, [Action::Down, Action::Down]);
    act(&mut app, Action::TickAndAdvance);
    assert_eq!(status(&app, "Cloud environment"), Status::Done);
    assert_eq!(selected(&app), "I Database");
    assert_eq!(app.message().unwrap().text, "✓ Cloud environment");
    // Database is open: Enter ticks it and skips past the done Cloud environment.
    act(&mut app, Action::TickAndAdvance);
    assert_eq!(selected(&app), "I Secrets");
    act(&mut app, Action::Up);
    act(&mut app, Action::Up);
    act(&mut app, Action::TickAndAdvance);
    assert_eq!(
        status(&app, "Database"),
        Status::Done,
        "Enter on a done item leaves it done"
    );
    assert_eq!(selected(&app), "I Secrets");
}

#[test]
fn brackets_find_open_items_inside_folded_sections_and_unfold_them() {
    let mut app = app();
    act(&mut app, Action::Down);
    act(&mut app, Action::Toggle);
    assert_eq!(rows(&app)[1], "S Infra");
    assert!(!rows(&app).contains(&"I Cloud environment".to_owned()), "folded");
    act(&mut app, Action::Top);
    act(&mut app, Action::NextOpen);
    assert_eq!(selected(&app), "I Cloud environment", "] went into the fold");
    assert!(rows(&app).contains(&"I Database".to_owned()), "and unfolded it");
}

#[test]
fn t_on_a_section_asks_then_ticks_its_open_items_and_one_undo_takes_them_back() {
    let mut app = app();
    acts(&mut app, [Action::Down, Action::Down, Action::Toggle]);
    act(&mut app, Action::Up);
    assert_eq!(selected(&app), "S Infra");
    act(&mut app, Action::TickAll);
    let Mode::Confirm(confirm) = &app.mode() else {
        panic!("asks first")
    };
    assert_eq!(confirm.question(), "Tick 1 open item of Infra? y/n");
    act(&mut app, Action::No);
    assert_eq!(status(&app, "Database"), Status::Todo);
    act(&mut app, Action::Up);
    act(&mut app, Action::TickAll);
    let Mode::Confirm(confirm) = &app.mode() else {
        panic!("asks first")
    };
    assert_eq!(confirm.question(), "Tick 3 open items of Prepare? y/n");
    let effect = act(&mut app, Action::Yes);
    assert!(
        matches!(effect, Effect::Record(ref edits) if edits.len() == 3),
        "one event per item"
    );
    assert_eq!(app.tally().phases[0].done, 4);
    assert_eq!(app.message().unwrap().text, "✓ 3 items");
    act(&mut app, Action::Undo);
    assert_eq!(app.tally().phases[0].done, 1, "one undo takes back the batch");
    assert_eq!(
        status(&app, "Cloud environment"),
        Status::Done,
        "but not what came before it"
    );
    act(&mut app, Action::Redo);
    assert_eq!(app.tally().phases[0].done, 4);
}

#[test]
fn every_change_says_what_it_did_and_messages_fade() {
    let mut app = app();
    acts(&mut app, [Action::Down, Action::Down, Action::Toggle]);
    assert_eq!(app.message().unwrap().text, "✓ Cloud environment");
    act(&mut app, Action::Undo);
    assert_eq!(app.message().unwrap().text, "undid: Cloud environment → to do");
    act(&mut app, Action::Redo);
    assert_eq!(app.message().unwrap().text, "redo: Cloud environment → done");
    act(&mut app, Action::Skip);
    acts(&mut app, typed("no cloud"));
    act(&mut app, Action::Confirm);
    assert_eq!(app.message().unwrap().text, "– Cloud environment skipped (no cloud)");
    act(&mut app, Action::EditNote);
    acts(&mut app, typed("n"));
    act(&mut app, Action::Confirm);
    assert_eq!(app.message().unwrap().text, "✎ Cloud environment: note saved");
    let fades_after = (0..100).position(|_| app.tick()).unwrap();
    assert!(
        fades_after > 4 && fades_after < 20,
        "a few seconds of ticks: {fades_after}"
    );
    assert!(app.message().is_none());
}

#[test]
fn a_prompt_edits_where_the_cursor_is() {
    let mut app = app();
    acts(&mut app, [Action::Down, Action::Down, Action::EditNote]);
    acts(&mut app, typed("abc"));
    act(&mut app, Action::Line(LineOp::Left));
    acts(&mut app, typed("X"));
    act(&mut app, Action::Line(LineOp::Home));
    act(&mut app, Action::Paste("pasted ".into()));
    act(&mut app, Action::Confirm);
    assert_eq!(app.state().item(0).note.as_deref(), Some("pasted abXc"));
}

#[test]
fn help_scrolls_to_its_end_and_no_further() {
    let mut app = app();
    update(&mut app, resize(40, 10));
    act(&mut app, Action::ToggleHelp);
    act(&mut app, Action::Bottom);
    let last = app.help_scroll();
    assert!(last > 0);
    act(&mut app, Action::Down);
    assert_eq!(app.help_scroll(), last);
    act(&mut app, Action::Top);
    assert_eq!(app.help_scroll(), 0);
    act(&mut app, Action::ToggleHelp);
    assert_eq!(*app.mode(), Mode::Normal);
}

#[test]
fn a_bulk_tick_never_overrides_what_a_teammate_changed_while_it_asked() {
    let mut app = app();
    act(&mut app, Action::TickAll);
    let skip = Event::on_item(
        stamp("2026-11-29T10:30:00Z", "bob"),
        "prepare/infra/database",
        Change::Status(Status::Skipped {
            reason: Some("managed".into()),
        }),
    );
    app.external(&[skip]);
    assert_eq!(
        act(&mut app, Action::Yes),
        Effect::None,
        "nothing recorded on a stale count"
    );
    let Mode::Confirm(confirm) = &app.mode() else {
        panic!("asks again")
    };
    assert_eq!(confirm.question(), "Tick 3 open items of Prepare? y/n");
    let effect = act(&mut app, Action::Yes);
    assert!(matches!(effect, Effect::Record(ref edits) if edits.len() == 3));
    assert!(
        matches!(status(&app, "Database"), Status::Skipped { .. }),
        "bob's skip stands"
    );
    assert_eq!(status(&app, "Cloud environment"), Status::Done);
}

#[test]
fn n_moves_to_a_match_in_the_middle_of_the_screen() {
    let mut app = app();
    update(&mut app, resize(80, 12));
    act(&mut app, Action::StartSearch);
    acts(&mut app, typed("o"));
    act(&mut app, Action::Confirm);
    act(&mut app, Action::NextMatch);
    let height = usize::from(app.tree_height());
    let rows = app.tree().rows().len();
    assert!(rows > height, "more rows than fit, so centring shows");
    let centred = app.tree().cursor().saturating_sub(height / 2).min(rows - height);
    assert_eq!(
        app.tree().offset(),
        centred,
        "cursor {} of {rows} rows, {height} high",
        app.tree().cursor()
    );
}
