//! What the terminal view draws, as text snapshots of ratatui's `TestBackend`.

mod common;

use preflight::run::RunState;
use preflight::ui::app::{Action, App, update};
use preflight::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The worked run of the bundled checklist, on a screen of the given size.
fn app(width: u16, height: u16) -> App {
    let (checklist, state) = common::worked_run();
    let mut app = App::new(checklist, state, "v2.3.0 release".into(), "alice".into(), true);
    update(&mut app, Action::Resize { width, height });
    app
}

fn render(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.screen.width, app.screen.height)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal.backend().to_string()
}

fn go(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        update(app, action);
    }
}

#[test]
fn start_at_80x24() {
    insta::assert_snapshot!(render(&app(80, 24)));
}

#[test]
fn start_at_120x40() {
    insta::assert_snapshot!(render(&app(120, 40)));
}

#[test]
fn an_item_with_a_note_selected() {
    let mut app = app(80, 24);
    go(&mut app, [const { Action::Down }; 7]);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn a_skipped_item_selected_side_by_side() {
    let mut app = app(120, 40);
    go(&mut app, [const { Action::Down }; 5]);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn help() {
    let mut app = app(80, 24);
    go(&mut app, [Action::ToggleHelp]);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn search() {
    let mut app = app(80, 24);
    go(&mut app, [Action::StartSearch]);
    go(&mut app, "rollback".chars().map(Action::Input));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn skip_prompt() {
    let mut app = app(80, 24);
    go(&mut app, [Action::Down, Action::Down, Action::Down, Action::Skip]);
    go(&mut app, "staging only".chars().map(Action::Input));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn a_terminal_too_small() {
    insta::assert_snapshot!(render(&app(20, 5)));
}

#[test]
fn tiny_and_zero_sizes_do_not_panic() {
    for (width, height) in [(0, 0), (0, 10), (10, 0)] {
        let app = app(width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| view::draw(frame, &app)).unwrap();
    }
    for (width, height) in [(1, 1), (39, 9), (40, 10), (41, 11), (300, 3), (3, 300), (100, 12)] {
        let mut app = app(width, height);
        go(&mut app, [Action::Bottom, Action::ToggleHelp]);
        let text = render(&app);
        assert_eq!(text.lines().count(), usize::from(height), "{width}×{height}");
    }
}

#[test]
fn wide_characters_and_long_titles_are_cut_with_an_ellipsis() {
    let yaml = "title: 国際化チェックリスト\nphases:\n  - name: 準備\n    icon: \"🚀\"\n    sections:\n      - name: 基盤\n        items:\n          - データベースのバックアップを確認し、復元手順を検証して、結果を記録し、担当者に報告する\n          - An English title that is far too long to fit in the tree on an eighty column terminal at all\n";
    let checklist = preflight::format::parse(yaml, "i18n.yaml").unwrap();
    let state = RunState::new(&checklist);
    let mut app = App::new(checklist, state, "default".into(), "me".into(), true);
    update(&mut app, Action::Resize { width: 80, height: 24 });
    go(&mut app, [Action::Down, Action::Down]);
    let screen = render(&app);
    insta::assert_snapshot!(screen);
    assert!(screen.contains('…'));
}

#[test]
fn a_long_note_prompt_at_40x10_wraps_and_stays_visible() {
    let mut app = app(40, 10);
    go(&mut app, [Action::Down, Action::Down, Action::EditNote]);
    go(
        &mut app,
        "checked with the on-call engineer, see OPS-1234 for the ticket"
            .chars()
            .map(Action::Input),
    );
    let screen = render(&app);
    insta::assert_snapshot!(screen);
    assert!(
        screen.contains("Note: checked"),
        "the label and the start of the text show"
    );
    assert!(screen.contains("OPS-1234"), "and so does the end, where the cursor is");
}

#[test]
fn help_at_60x20_scrolled_to_its_end() {
    let mut app = app(60, 20);
    go(&mut app, [Action::ToggleHelp, Action::Bottom]);
    let screen = render(&app);
    insta::assert_snapshot!(screen);
    assert!(
        screen.contains("quit (every change is already saved)"),
        "the last row can be read"
    );
    assert!(screen.contains("scroll ↑"));
}

#[test]
fn a_search_highlights_matches_in_titles_and_marks_matches_in_details() {
    let mut app = app(80, 24);
    go(&mut app, [Action::StartSearch]);
    go(&mut app, "rollback".chars().map(Action::Input));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| view::draw(frame, &app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let row = (0..24)
        .find(|&y| {
            let line: String = (0..80).map(|x| buffer[(x, y)].symbol().to_owned()).collect();
            line.contains("[ ] Rollback plan")
        })
        .expect("a matching row");
    let x = (0..80).find(|&x| buffer[(x, row)].symbol() == "R").unwrap();
    let matched = app.theme.matched;
    assert_eq!(buffer[(x, row)].fg, matched.fg.unwrap(), "the match stands out");
    assert_eq!(buffer[(x + 9, row)].fg, ratatui::style::Color::Reset, "the rest does not");

    let mut app = self::app(80, 24);
    go(&mut app, [Action::StartSearch]);
    go(&mut app, "postgresql".chars().map(Action::Input));
    let screen = render(&app);
    let line = screen.lines().find(|l| l.contains("[ ] Database")).unwrap();
    assert!(line.contains("in detail"), "{line}");
}
