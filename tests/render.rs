//! What the terminal view draws, as text snapshots of ratatui's `TestBackend`.

mod common;

use preflight::run::RunState;
use preflight::ui::app::{Action, App, update::update};
use preflight::ui::input::resize;
use preflight::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The worked run of the bundled checklist, on a screen of the given size.
fn app(width: u16, height: u16) -> App {
    let (checklist, state) = common::worked_run();
    let mut app = App::new(checklist, state, "v2.3.0 release".into(), "alice".into(), true);
    update(&mut app, resize(width, height));
    app
}

fn render(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.screen().width, app.screen().height)).unwrap();
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

fn draws_without_panicking(width: u16, height: u16) {
    let app = app(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::draw(frame, &app)).unwrap();
}

fn draws_help_at_the_bottom_on_every_row(width: u16, height: u16) {
    let mut app = app(width, height);
    go(&mut app, [Action::Bottom, Action::ToggleHelp]);
    let text = render(&app);
    assert_eq!(text.lines().count(), usize::from(height), "{width}×{height}");
}

preflight_core::cases! {
    a_zero_size_does_not_panic, draws_without_panicking:
    at_0x0 = (0, 0),
    at_0x10 = (0, 10),
    at_10x0 = (10, 0),
}

preflight_core::cases! {
    a_tiny_or_odd_size_fills_its_rows_and_does_not_panic, draws_help_at_the_bottom_on_every_row:
    at_1x1 = (1, 1),
    at_39x9 = (39, 9),
    at_40x10 = (40, 10),
    at_41x11 = (41, 11),
    at_300x3 = (300, 3),
    at_3x300 = (3, 300),
    at_100x12 = (100, 12),
}

#[test]
fn wide_characters_and_long_titles_are_cut_with_an_ellipsis() {
    let yaml = "title: 国際化チェックリスト\nphases:\n  - name: 準備\n    icon: \"🚀\"\n    sections:\n      - name: 基盤\n        items:\n          - データベースのバックアップを確認し、復元手順を検証して、結果を記録し、担当者に報告する\n          - An English title that is far too long to fit in the tree on an eighty column terminal at all\n";
    let checklist = preflight::format::parse(yaml, "i18n.yaml").unwrap();
    let state = RunState::new(&checklist);
    let mut app = App::new(checklist, state, "default".into(), "me".into(), true);
    update(&mut app, resize(80, 24));
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
    let matched = app.theme().matched;
    assert_eq!(buffer[(x, row)].fg, matched.fg.unwrap(), "the match stands out");
    assert_eq!(
        buffer[(x + 9, row)].fg,
        ratatui::style::Color::Reset,
        "the rest does not"
    );

    let mut app = self::app(80, 24);
    go(&mut app, [Action::StartSearch]);
    go(&mut app, "postgresql".chars().map(Action::Input));
    let screen = render(&app);
    let line = screen.lines().find(|l| l.contains("[ ] Database")).unwrap();
    assert!(line.contains("in detail"), "{line}");
}

#[test]
fn no_color_bars_show_progress_by_their_glyphs() {
    let app = app(120, 40).with_theme(preflight::ui::theme::Theme::PLAIN);
    let screen = render(&app);
    let overall = screen.lines().nth(1).unwrap();
    assert!(overall.contains('█') && overall.contains('░'), "{overall}");
    let phase = screen
        .lines()
        .find(|l| l.contains("Pre-Deployment") && l.contains("2/25"))
        .unwrap();
    assert_eq!(phase.matches('█').count(), 6, "8% of the bar is filled: {phase}");
    insta::assert_snapshot!(screen);
}

fn shows_twelve_phases_in_a_few_rows(width: u16, height: u16) {
    use std::fmt::Write as _;
    let mut yaml = String::from("title: Twelve\nphases:\n");
    for p in 1..=12 {
        let _ = write!(
            yaml,
            "  - name: Phase {p}\n    sections:\n      - name: S\n        items: [a, b]\n"
        );
    }
    let checklist = preflight::format::parse(&yaml, "twelve.yaml").unwrap();
    let state = RunState::new(&checklist);
    let mut app = App::new(checklist, state, "default".into(), "me".into(), true);
    update(&mut app, resize(width, height));
    let screen = render(&app);
    for p in 1..=12 {
        assert!(
            screen.contains(&format!("{p} 0/2")),
            "{width}×{height}: phase {p}\n{screen}"
        );
    }
    let tree_title = screen.lines().position(|l| l.contains(" Checklist ")).unwrap();
    assert!(
        tree_title <= 2 + 3,
        "{width}×{height}: the overview takes a few rows at most\n{screen}"
    );
    go(&mut app, [Action::JumpToPhase(9), Action::NextPhase, Action::NextPhase]);
    assert!(render(&app).contains("▾ Phase 11"), "}} reaches phase 11");
}

preflight_core::cases! {
    twelve_phases_all_show_in_a_few_rows, shows_twelve_phases_in_a_few_rows:
    at_80x24 = (80, 24),
    at_120x40 = (120, 40),
}

#[test]
fn a_long_error_is_wrapped_not_cut() {
    let mut app = app(80, 24);
    app.complain(
        "kept the previous version: line 12:7: phases[1].sections[0]: `items` appears twice in phases[1].sections[0]: at line 9 and here",
    );
    update(&mut app, resize(80, 24));
    let screen = render(&app);
    let footer: String = screen.lines().skip(21).collect::<Vec<_>>().join(" ");
    assert!(footer.contains("kept the previous version"), "{screen}");
    assert!(footer.contains("at line 9 and here"), "the end is shown too: {screen}");
}

#[test]
fn the_status_line_says_what_a_change_did() {
    let mut app = app(80, 24);
    go(&mut app, [Action::Down, Action::Down, Action::Down, Action::Down]);
    let Some(preflight::ui::app::Effect::Record(edits)) = Some(update(&mut app, Action::TickAndAdvance)) else {
        panic!("a tick is recorded");
    };
    let events = app.events_for(
        &edits,
        preflight::timestamp::Timestamp::parse("2026-11-29T10:05:00Z").unwrap(),
    );
    app.recorded(edits, &events);
    let screen = render(&app);
    insta::assert_snapshot!(screen);
    assert!(screen.lines().last().unwrap().starts_with("\"✓ Database"), "{screen}");
}

#[test]
fn sub_items_indent_under_their_item_with_a_fold_arrow_and_their_count() {
    let checklist = preflight::format::parse(
        "title: Payments\nphases:\n  - name: Verify\n    sections:\n      - name: Tests\n        items:\n          - title: Integration tests\n            items:\n              - Stripe sandbox\n              - title: PayPal sandbox\n                items: [Refunds, Disputes]\n          - title: Load test\n            items: [Two times peak]\n          - Smoke test\n",
        "p.yaml",
    )
    .unwrap();
    let state = RunState::new(&checklist);
    let mut app = App::new(checklist, state, "r".into(), "alice".into(), true);
    go(
        &mut app,
        [
            resize(100, 22),
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Collapse,
            Action::Up,
            Action::Up,
            Action::Up,
        ],
    );
    insta::assert_snapshot!(render(&app));
}

#[test]
fn a_runbook_shows_values_commands_evidence_and_a_locked_phase() {
    use preflight::run::{Change, Event, Evidence, EvidenceKind, Stamp};
    let written = preflight::bundled::SERVICE_RELEASE.load().unwrap();
    let at = |s: &str| preflight::timestamp::Timestamp::parse(s).unwrap();
    let events = [
        Event::param(Stamp::new(at("2026-11-29T10:00:00Z"), "alice"), "version", "2.3.0"),
        Event::on_item(
            Stamp::new(at("2026-11-29T10:05:00Z"), "alice"),
            "prepare/code/tag-v-version-signed-and-pushed",
            Change::Ran,
        )
        .with_evidence(Evidence {
            kind: EvidenceKind::Exec,
            command: "git tag -s v'2.3.0' -m v'2.3.0' && git push origin v'2.3.0'".into(),
            exit: Some(128),
            timed_out: false,
            interrupted: false,
            millis: 2100,
            output: vec!["fatal: tag 'v2.3.0' already exists".into()],
        }),
    ];
    let state = RunState::replay(&written, &events);
    let mut app = App::new(written, state, "v2.3.0".into(), "alice".into(), true);
    go(&mut app, [resize(110, 30)]);
    go(&mut app, [const { Action::Down }; 5]);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn a_done_item_whose_proof_failed_is_marked_in_the_tree_and_the_detail() {
    use preflight::run::{Change, Event, Evidence, EvidenceKind, Stamp};
    let written = preflight::bundled::SERVICE_RELEASE.load().unwrap();
    let at = |s: &str| preflight::timestamp::Timestamp::parse(s).unwrap();
    let item = "prepare/code/changelog-has-an-entry-for-version";
    let verify = |exit| Evidence {
        kind: EvidenceKind::Verify,
        command: "grep -q \"^## \\[2.3.0\\]\" CHANGELOG.md".into(),
        exit: Some(exit),
        timed_out: false,
        interrupted: false,
        millis: 20,
        output: Vec::new(),
    };
    let event = |time: &str, change, exit| {
        Event::on_item(Stamp::new(at(time), "alice"), item, change).with_evidence(verify(exit))
    };
    let param = Event::param(Stamp::new(at("2026-11-29T10:00:00Z"), "alice"), "version", "2.3.0");
    let events = [
        param,
        event(
            "2026-11-29T10:01:00Z",
            Change::Status(preflight::checklist::Status::Done),
            0,
        ),
        event("2026-11-29T10:09:00Z", Change::Ran, 1),
    ];
    let state = RunState::replay(&written, &events);
    let mut app = App::new(written, state, "v2.3.0".into(), "alice".into(), true);
    go(&mut app, [resize(110, 30)]);
    go(&mut app, [const { Action::Down }; 3]);
    let screen = render(&app);
    let row = screen.lines().find(|l| l.contains("[x] Changelog")).expect(&screen);
    assert!(row.contains("✗ proof"), "{screen}");
    assert!(
        screen.contains("Proof failed: its verification failed after"),
        "{screen}"
    );
}

#[test]
fn the_question_before_a_run_shows_the_whole_command_line_over_as_many_rows_as_it_needs() {
    let yaml = "title: Upgrade\nparams:\n  - name: opts\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - title: Upgrade the cluster\n            command: |\n              pg_upgrade --old-datadir /var/lib/postgresql/14/main --new-datadir /var/lib/postgresql/17/main --old-bindir /usr/lib/postgresql/14/bin --new-bindir /usr/lib/postgresql/17/bin {{opts}} --link\n              echo done\n";
    let written = preflight::format::parse(yaml, "u.yaml").unwrap();
    let padded = format!("--check{}; rm -rf /var/lib/postgresql", " ".repeat(70));
    let events = [preflight::run::Event::param(
        preflight::run::Stamp::new(
            preflight::timestamp::Timestamp::parse("2026-11-29T10:00:00Z").unwrap(),
            "mallory",
        ),
        "opts",
        padded.clone(),
    )];
    let state = RunState::replay(&written, &events);
    let mut app = App::new(written, state, "default".into(), "alice".into(), true);
    go(&mut app, [resize(80, 24)]);
    go(&mut app, [Action::Down, Action::Down, Action::RunCommand]);
    let screen = render(&app);
    let rows: Vec<&str> = screen.lines().collect();
    // The footer's rows, read back as one text.
    let start = rows.iter().position(|r| r.contains("Run \"pg_upgrade")).expect(&screen);
    let asked: String = rows[start..]
        .iter()
        .map(|r| r.trim_start_matches('"').trim_end_matches('"'))
        .collect();
    for part in ["--link", "rm -rf /var/lib/postgresql", "echo done", "? y/n"] {
        assert!(asked.contains(part), "{part} is not shown:\n{screen}");
    }
    assert!(
        asked.contains(&" ".repeat(70)),
        "the padding is shown as it is:\n{screen}"
    );
}
