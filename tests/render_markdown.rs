//! Details and descriptions written as Markdown blocks, as the detail pane
//! draws them: text snapshots of ratatui's `TestBackend`.

use preflight::run::RunState;
use preflight::ui::app::{Action, App, update::update};
use preflight::ui::input::resize;
use preflight::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const YAML: &str = r"title: API release
description: |
  Ship the **API** without downtime.

  Ask in the release channel when stuck.
phases:
  - name: Prepare
    description: Everything before the first deploy.
    sections:
      - name: Database
        description: |
          Migrations run **before** the deploy, never after it.

          - not on a Friday
          - with a fresh backup
        items:
          - title: Back up the database
            detail: |
              Take a snapshot and check that it restores into a scratch database.

              - name it after the release
              - keep it for 30 days

              ```sh
              pg_dump -Fc -f release.dump api
              ```
          - Run the migrations
";

/// The release checklist, fresh, on a screen of the given size, after `actions`.
fn app(width: u16, height: u16, actions: impl IntoIterator<Item = Action>) -> App {
    let checklist = preflight::format::parse(YAML, "release.yaml").unwrap();
    let state = RunState::new(&checklist);
    let mut app = App::new(checklist, state, "r1".into(), "alice".into(), true);
    update(&mut app, resize(width, height));
    for action in actions {
        update(&mut app, action);
    }
    app
}

fn render(app: &App) -> String {
    terminal(app).backend().to_string()
}

fn terminal(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.screen().width, app.screen().height)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal
}

#[test]
fn an_item_detail_with_a_paragraph_a_list_and_code() {
    let app = app(110, 24, [Action::Down, Action::Down]);
    let screen = render(&app);
    assert!(screen.contains("• name it after the release"), "{screen}");
    let row = screen
        .lines()
        .position(|l| l.contains("pg_dump -Fc -f release.dump api"))
        .expect(&screen);
    let line = screen.lines().nth(row).unwrap();
    // The line is quoted: its columns start after the `"`.
    let column = unicode_width::UnicodeWidthStr::width(&line[1..line.find("pg_dump").unwrap()]);
    let terminal = terminal(&app);
    let cell = &terminal.backend().buffer()[(u16::try_from(column).unwrap(), u16::try_from(row).unwrap())];
    assert_eq!(
        (cell.symbol(), Some(cell.fg)),
        ("p", app.theme().code.fg),
        "code is drawn as code"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn a_section_row_shows_its_description_under_its_name() {
    let screen = render(&app(110, 24, [Action::Down]));
    assert!(screen.contains("• with a fresh backup"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn a_phase_row_shows_its_description_and_the_header_the_checklist_s_first_line() {
    let screen = render(&app(110, 24, []));
    let header = screen.lines().next().unwrap();
    assert!(
        header.contains("API release — Ship the API without downtime. …"),
        "{header}"
    );
    assert!(screen.contains("Everything before the first deploy."), "{screen}");
}

#[test]
fn the_detail_scrolls_to_its_last_line_and_no_further() {
    // Below the tree at 80×24 the pane has six rows for eleven lines.
    let mut app = app(80, 24, [Action::Down, Action::Down, Action::SwitchPane]);
    assert!(!render(&app).contains("Id: prepare/database/back-up-the-database"));
    for _ in 0..20 {
        update(&mut app, Action::Down);
    }
    let screen = render(&app);
    let last = screen.lines().rev().nth(1).unwrap();
    assert!(last.contains("Id: prepare/database/back-up-the-database"), "{screen}");
    update(&mut app, Action::Up);
    let screen = render(&app);
    assert!(
        !screen.contains("Id: prepare/database/back-up-the-database"),
        "one key up moves back at once: {screen}"
    );
}
