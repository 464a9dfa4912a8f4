//! What the terminal view shows of who did what: the account beside the
//! name in the detail pane.

use preflight::run::{Change, Event, RunState, Stamp};
use preflight::timestamp::Timestamp;
use preflight::ui::app::{Action, App, update::update};
use preflight::ui::input::resize;
use preflight::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const DEPLOY: &str =
    "title: Deploy\nphases:\n  - name: Prepare\n    sections:\n      - name: Code\n        items: [Tag, Changelog]\n";

fn render(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.screen().width, app.screen().height)).unwrap();
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
    for action in [resize(80, 24), Action::Down, Action::Down] {
        update(&mut app, action);
    }
    let screen = render(&app);
    assert!(screen.contains("Status: done — alice (as bob), "), "{screen}");
}

const APPROVED: &str = "title: Deploy\nphases:\n  - name: Prepare\n    sections:\n      - name: Code\n        items: [Tag]\n  - name: Deploy\n    approvals: 1\n    sections:\n      - name: Rollout\n        items: [Canary]\n";

#[test]
fn a_teammates_approval_is_announced_and_the_lock_gives_way_to_who_approved() {
    let checklist = preflight::format::parse(APPROVED, "deploy.yaml").unwrap();
    let state = RunState::new(&checklist);
    let mut app = App::new(checklist, state, "default".into(), "carol".into(), true);
    update(&mut app, resize(80, 24));
    assert!(render(&app).contains("🔒 needs 1 approval  0/1"), "{}", render(&app));
    let mut stamp = Stamp::new(Timestamp::parse("2026-11-29T10:00:00Z").unwrap(), "bob\u{1b}[2J");
    stamp.by = preflight::text::clean_line_owned(stamp.by).unwrap();
    let approval = Event::on_phase(stamp, "deploy", Change::Approve { note: None });
    app.external(&[approval]);
    let screen = render(&app);
    assert!(screen.contains("approved by bob[2J  0/1"), "{screen}");
    assert!(!screen.contains('\u{1b}'), "{screen}");
    assert_eq!(app.message().unwrap().text, "Deploy approved by bob[2J");
}

#[test]
fn a_phase_s_detail_lists_its_approvals_with_notes_and_whether_they_count() {
    let checklist = preflight::format::parse(APPROVED, "deploy.yaml").unwrap();
    let at = |s: &str| Timestamp::parse(s).unwrap();
    let events = [
        Event::on_item(
            Stamp::new(at("2026-11-29T10:00:00Z"), "alice"),
            "prepare/code/tag",
            Change::Status(preflight::checklist::Status::Done),
        ),
        Event::on_phase(
            Stamp::new(at("2026-11-29T10:01:00Z"), "alice"),
            "deploy",
            Change::Approve { note: None },
        ),
        Event::on_phase(
            Stamp::new(at("2026-11-29T10:02:00Z"), "bob"),
            "deploy",
            Change::Approve {
                note: Some("diff reviewed".into()),
            },
        ),
    ];
    let state = RunState::replay(&checklist, &events);
    let mut app = App::new(checklist, state, "default".into(), "carol".into(), true);
    for action in [resize(220, 30), Action::JumpToPhase(2)] {
        update(&mut app, action);
    }
    let screen = render(&app);
    assert!(screen.contains("Approvals: 1 of 1"), "{screen}");
    assert!(
        screen.contains("✓ bob, 2026-11-29 10:02:00 UTC — diff reviewed"),
        "{screen}"
    );
    assert!(
        screen.contains("✓ alice, 2026-11-29 10:01:00 UTC (not counted: worked on an earlier phase)"),
        "{screen}"
    );
}

#[test]
fn a_long_list_of_approvers_is_cut_and_never_blanks_the_phase_s_row() {
    let checklist = preflight::format::parse(APPROVED, "deploy.yaml").unwrap();
    let at = Timestamp::parse("2026-11-29T10:00:00Z").unwrap();
    let events: Vec<Event> = (0..12)
        .map(|n| {
            Event::on_phase(
                Stamp::new(at, format!("approver-with-a-long-name-{n}")),
                "deploy",
                Change::Approve { note: None },
            )
        })
        .collect();
    let state = RunState::replay(&checklist, &events);
    let mut app = App::new(checklist, state, "default".into(), "carol".into(), true);
    update(&mut app, resize(80, 24));
    let screen = render(&app);
    let row = screen.lines().find(|l| l.contains("▾ Deploy")).expect(&screen);
    assert!(
        row.contains("approved by approver-with-a-long-name-0") && row.contains("…  0/1"),
        "{screen}"
    );
}
