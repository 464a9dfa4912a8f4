//! What the terminal view shows of who did what: the account beside the
//! name in the detail pane.

use preflight::run::{Change, Event, RunState, Stamp};
use preflight::timestamp::Timestamp;
use preflight::ui::app::{Action, App, update};
use preflight::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const DEPLOY: &str =
    "title: Deploy\nphases:\n  - name: Prepare\n    sections:\n      - name: Code\n        items: [Tag, Changelog]\n";

fn render(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.screen.width, app.screen.height)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn the_detail_names_the_account_that_ticked_an_item_under_another_name() {
    let checklist = preflight::format::parse(DEPLOY, "deploy.yaml").unwrap();
    let mut stamp = Stamp::new(Timestamp::parse("2026-11-29T10:00:00Z").unwrap(), "bob");
    stamp.login = Some("alice".into());
    let tick = Event::on_item(
        stamp,
        "prepare/code/tag",
        Change::Status(preflight::checklist::Status::Done),
    );
    let state = RunState::replay(&checklist, &[tick]);
    let mut app = App::new(checklist, state, "default".into(), "carol".into(), true);
    for action in [Action::Resize { width: 80, height: 24 }, Action::Down, Action::Down] {
        update(&mut app, action);
    }
    let screen = render(&app);
    assert!(screen.contains("Status: done — alice (as bob), "), "{screen}");
}
