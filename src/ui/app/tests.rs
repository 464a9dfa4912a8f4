//! The view's behaviour, driven by Actions: no terminal involved.

use super::update::update;
use super::*;
use crate::checklist::Status;
use crate::format::parse;
use crate::run::Stamp;
use crate::run::{Change, Event};
use crate::timestamp::Timestamp;
use crate::ui::input::resize;
use crate::ui::tree::Filter;

const YAML: &str = "title: Deploy
phases:
  - name: Prepare
    sections:
      - name: Infra
        items:
          - Cloud environment
          - title: Database
            detail: |
              provisioned and **secured**:

              - backups on
              - replicas in two zones
              - TLS only
      - name: Security
        items: [Secrets, Audit logging]
  - name: Ship
    sections:
      - name: Rollout
        items: [Canary, Full rollout]
";

fn app() -> App {
    let checklist = parse(YAML, "deploy.yaml").unwrap();
    let state = RunState::new(&checklist);
    let mut app = App::new(checklist, state, "default".into(), "me".into(), true);
    update(&mut app, resize(80, 24));
    app
}

/// The fixed clock of the tests.
fn clock() -> Timestamp {
    Timestamp::parse("2026-11-29T10:00:00Z").unwrap()
}

/// Does what the loop does with an Effect, with a fixed clock; returns it.
fn act(app: &mut App, action: Action) -> Effect {
    let effect = update(app, action);
    record(app, &effect);
    effect
}

/// Records an Effect's edits as the loop does, with a fixed clock.
fn record(app: &mut App, effect: &Effect) {
    if let Effect::Record(edits) = effect {
        let events = app.events_for(edits, clock());
        app.recorded(edits.clone(), &events);
    }
}

/// `by` at the RFC 3339 time `at`.
fn stamp(at: &str, by: &str) -> Stamp {
    Stamp::new(Timestamp::parse(at).unwrap(), by)
}

fn acts(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        act(app, action);
    }
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Input).collect()
}

fn rows(app: &App) -> Vec<String> {
    app.tree()
        .rows()
        .iter()
        .map(|row| match *row {
            Row::Phase(p) => format!("P {}", app.checklist().phases()[p].name),
            Row::Section(s) => format!("S {}", app.checklist().sections()[s].name),
            Row::Item(i) => format!("I {}", app.checklist().items()[i].title),
        })
        .collect()
}

fn selected(app: &App) -> String {
    rows(app)[app.tree().cursor()].clone()
}

fn status(app: &App, title: &str) -> Status {
    let index = app.checklist().items().iter().position(|i| i.title == title).unwrap();
    app.state().item(index).status.clone()
}

#[test]
fn the_tree_starts_fully_expanded_on_the_first_phase() {
    let app = app();
    assert_eq!(
        rows(&app),
        [
            "P Prepare",
            "S Infra",
            "I Cloud environment",
            "I Database",
            "S Security",
            "I Secrets",
            "I Audit logging",
            "P Ship",
            "S Rollout",
            "I Canary",
            "I Full rollout"
        ]
    );
    assert_eq!(selected(&app), "P Prepare");
}

#[test]
fn moving_stops_at_the_ends() {
    let mut app = app();
    acts(&mut app, [Action::Up, Action::Down, Action::Down]);
    assert_eq!(selected(&app), "I Cloud environment");
    act(&mut app, Action::Bottom);
    assert_eq!(selected(&app), "I Full rollout");
    act(&mut app, Action::Down);
    assert_eq!(selected(&app), "I Full rollout");
    act(&mut app, Action::Top);
    assert_eq!(selected(&app), "P Prepare");
    act(&mut app, Action::PageDown);
    assert_eq!(selected(&app), "I Full rollout", "a page is longer than this checklist");
}

#[test]
fn collapse_hides_children_and_expand_shows_them() {
    let mut app = app();
    act(&mut app, Action::Collapse);
    assert_eq!(rows(&app)[..3], ["P Prepare", "P Ship", "S Rollout"]);
    act(&mut app, Action::Expand);
    assert_eq!(rows(&app).len(), 11);
    act(&mut app, Action::Expand);
    assert_eq!(
        selected(&app),
        "S Infra",
        "expand on an open header goes to its first child"
    );
    acts(&mut app, [Action::Down, Action::Collapse]);
    assert_eq!(selected(&app), "S Infra", "collapse on an item goes to its section");
    act(&mut app, Action::Collapse);
    assert_eq!(rows(&app)[..3], ["P Prepare", "S Infra", "S Security"]);
    act(&mut app, Action::Toggle);
    assert_eq!(
        rows(&app)[2],
        "I Cloud environment",
        "Space on a header folds and unfolds it"
    );
}

#[test]
fn search_narrows_as_you_type_and_n_walks_the_matches() {
    let mut app = app();
    act(&mut app, Action::StartSearch);
    acts(&mut app, typed("SEC"));
    assert_eq!(
        rows(&app),
        ["P Prepare", "S Infra", "I Database", "S Security", "I Secrets"]
    );
    assert_eq!(
        selected(&app),
        "I Database",
        "matches the detail too, case-insensitively"
    );
    act(&mut app, Action::Input('u'));
    assert_eq!(rows(&app), ["P Prepare", "S Infra", "I Database"]);
    act(&mut app, Action::Backspace);
    assert_eq!(rows(&app).len(), 5);
    act(&mut app, Action::Confirm);
    assert_eq!(*app.mode(), Mode::Normal);
    act(&mut app, Action::NextMatch);
    assert_eq!(
        selected(&app),
        "I Secrets",
        "n (NextMatch, see keymap) moves to the next match"
    );
    act(&mut app, Action::PreviousMatch);
    assert_eq!(selected(&app), "I Database");
    act(&mut app, Action::Cancel);
    assert_eq!(rows(&app).len(), 11);
    assert_eq!(selected(&app), "I Database", "clearing keeps the cursor's item");
}

#[test]
fn the_filter_cycles_all_open_done_skipped_and_says_what_it_hides() {
    let mut app = app();
    acts(&mut app, [Action::Down, Action::Down, Action::Toggle]);
    act(&mut app, Action::CycleFilter);
    assert_eq!(app.tree().filter(), Filter::Open);
    assert!(!rows(&app).contains(&"I Cloud environment".to_owned()));
    assert_eq!(
        app.message().unwrap().text,
        "showing open items; 1 item hidden (f: next filter)"
    );
    act(&mut app, Action::CycleFilter);
    assert_eq!(rows(&app), ["P Prepare", "S Infra", "I Cloud environment"]);
    assert!(app.message().unwrap().text.contains("5 items hidden"));
    act(&mut app, Action::CycleFilter);
    assert_eq!(app.tree().filter(), Filter::Skipped);
    assert!(rows(&app).is_empty());
    act(&mut app, Action::CycleFilter);
    assert_eq!(app.tree().filter(), Filter::All);
    assert_eq!(rows(&app).len(), 11);
}

#[test]
fn brackets_find_open_items_and_digits_jump_to_phases() {
    let mut app = app();
    acts(&mut app, [Action::Down, Action::Down, Action::Toggle]);
    act(&mut app, Action::NextOpen);
    assert_eq!(selected(&app), "I Database");
    act(&mut app, Action::PreviousOpen);
    assert_eq!(selected(&app), "I Full rollout", "wraps around");
    act(&mut app, Action::JumpToPhase(2));
    assert_eq!(selected(&app), "P Ship");
    act(&mut app, Action::JumpToPhase(7));
    assert!(app.message().unwrap().error);
}

#[test]
fn clicks_select_rows_and_ticking_the_box_toggles() {
    let mut app = app();
    let rows_area = app.areas().unwrap().tree_rows.unwrap();
    act(
        &mut app,
        Action::Click {
            column: 20,
            row: rows_area.y + 3,
        },
    );
    assert_eq!(selected(&app), "I Database");
    assert_eq!(status(&app, "Database"), Status::Todo);
    act(
        &mut app,
        Action::Click {
            column: rows_area.x + 5,
            row: rows_area.y + 3,
        },
    );
    assert_eq!(status(&app, "Database"), Status::Done);
    act(&mut app, Action::Click { column: 0, row: 0 });
    assert_eq!(selected(&app), "I Database", "clicks outside the tree do nothing");
}

#[test]
fn help_opens_and_closes() {
    let mut app = app();
    act(&mut app, Action::ToggleHelp);
    assert_eq!(*app.mode(), Mode::Help);
    act(&mut app, Action::Down);
    assert_eq!(selected(&app), "P Prepare", "keys do nothing else while help is open");
    act(&mut app, Action::Cancel);
    assert_eq!(*app.mode(), Mode::Normal);
    assert_eq!(act(&mut app, Action::Quit), Effect::Quit);
}

#[test]
fn the_cursor_stays_on_screen() {
    let mut app = app();
    update(&mut app, resize(40, 12));
    let height = usize::from(app.tree_height());
    act(&mut app, Action::Bottom);
    assert!(app.tree().cursor() >= app.tree().offset() && app.tree().cursor() < app.tree().offset() + height);
    act(&mut app, Action::Top);
    assert_eq!(app.tree().offset(), 0);
}

#[test]
fn an_error_that_grows_the_footer_keeps_the_cursor_on_screen() {
    let mut app = app();
    update(&mut app, resize(40, 10));
    act(&mut app, Action::Bottom);
    let bottom = app.tree().offset() + usize::from(app.tree_height());
    assert_eq!(app.tree().cursor() + 1, bottom, "the cursor is on the last row");
    // What the loop says after a run that failed, outside any Action.
    app.complain("Full rollout: exit 1 in 1.2 s; it stays open, see the output above");
    assert!(app.tree().cursor() < app.tree().offset() + usize::from(app.tree_height()));
}

#[test]
fn tab_moves_the_keys_to_the_detail_pane_and_the_wheel_scrolls() {
    let mut app = app();
    acts(&mut app, [Action::Down, Action::Down, Action::Down]);
    assert_eq!(selected(&app), "I Database");
    act(&mut app, Action::SwitchPane);
    assert_eq!(app.focus(), Focus::Detail);
    acts(&mut app, [Action::Down, Action::Down, Action::ScrollDown]);
    assert_eq!(app.detail_scroll(), 3, "keys scroll the detail");
    assert_eq!(selected(&app), "I Database", "and leave the cursor");
    // Nine lines in six rows: three rows down its last line is on the last
    // row, and the scroll stops there.
    acts(&mut app, [Action::Down, Action::ScrollDown, Action::Down]);
    assert_eq!(app.detail_scroll(), 3, "no further than the end");
    act(&mut app, Action::Up);
    assert_eq!(app.detail_scroll(), 2, "and back at once");
    act(&mut app, Action::SwitchPane);
    act(&mut app, Action::ScrollDown);
    assert_eq!(
        selected(&app),
        "I Audit logging",
        "the wheel moves three rows in the tree"
    );
    assert_eq!(app.detail_scroll(), 0, "a new item's detail starts at the top");
}

mod editing;
mod flow;
mod merged;
mod nested;
mod runbook;

mod random;
