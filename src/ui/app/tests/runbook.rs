//! The view's runbook keys, by Actions: `!` and `v` ask first and show the
//! command line, a tick behind a closed gate asks to force it, and a missing
//! parameter is asked for.

use super::*;
use crate::run::EvidenceKind;

const RUNBOOK: &str = "title: Release {{version}}
params:
  - name: version
    description: The release being deployed
phases:
  - name: Prepare
    sections:
      - name: Checks
        items:
          - title: Notes written
          - title: Build {{version}}
            command: make release VERSION={{version}}
  - name: Deploy
    gate: true
    sections:
      - name: Release
        items:
          - title: Tag
            verify: git tag -l v{{version}}
";

fn runbook(values: &[(&str, &str)]) -> App {
    runbook_of(RUNBOOK, values)
}

/// The view of the runbook `yaml` in a run with these parameter values, as
/// it opens: asking for a value that is missing.
pub(super) fn runbook_of(yaml: &str, values: &[(&str, &str)]) -> App {
    let written = parse(yaml, "r.yaml").unwrap();
    let events: Vec<Event> = values
        .iter()
        .map(|(name, value)| Event::param(stamp("2026-11-29T10:00:00Z", "me"), *name, *value))
        .collect();
    let state = RunState::replay(&written, &events);
    let mut app = App::new(written, state, "default".into(), "me".into(), true);
    update(&mut app, resize(100, 30));
    app.ask_for_missing_param();
    app
}

fn select(app: &mut App, title: &str) {
    let index = app.checklist().items().iter().position(|i| i.title == title).unwrap();
    assert!(app.tree.reveal(&app.checklist, &app.state, index));
}

#[test]
fn bang_asks_with_the_command_line_and_only_y_runs_it() {
    let mut app = runbook(&[("version", "2.3.0; rm -rf ~")]);
    select(&mut app, r"Build 2.3.0; rm -rf \~");
    act(&mut app, Action::RunCommand);
    let Mode::Confirm(confirm) = &app.mode() else {
        panic!("{:?}", app.mode())
    };
    assert_eq!(
        confirm.question(),
        "Run \"make release VERSION='2.3.0; rm -rf ~'\"? y/n"
    );
    assert_eq!(act(&mut app, Action::No), Effect::None);
    assert_eq!(app.message().unwrap().text, "nothing was run");
    act(&mut app, Action::RunCommand);
    assert_eq!(
        act(&mut app, Action::Yes),
        Effect::Run {
            index: 1,
            kind: EvidenceKind::Exec,
            line: "make release VERSION='2.3.0; rm -rf ~'".into(),
            forced: false
        }
    );
    select(&mut app, "Notes written");
    act(&mut app, Action::RunCommand);
    assert!(app.message().unwrap().error, "no command: said so");
    assert_eq!(*app.mode(), Mode::Normal);
}

#[test]
fn behind_a_closed_gate_a_tick_or_a_run_asks_to_force() {
    let mut app = runbook(&[("version", "2.3.0")]);
    select(&mut app, "Tag");
    assert_eq!(act(&mut app, Action::Toggle), Effect::None, "nothing recorded yet");
    let Mode::Confirm(confirm) = &app.mode() else {
        panic!("{:?}", app.mode())
    };
    assert_eq!(
        confirm.question(),
        "Deploy is gated: Prepare has 2 open items — record it anyway, forced? y/n"
    );
    let Effect::Record(edits) = act(&mut app, Action::Yes) else {
        panic!()
    };
    assert!(edits[0].forced);
    let tag = edits[0].index;
    assert!(
        app.state().item(tag).forced && !app.state().item(tag).out_of_order,
        "recorded forced, as the loop records it: an override, not out of order"
    );
    act(&mut app, Action::VerifyItem);
    let Mode::Confirm(confirm) = &app.mode() else {
        panic!("{:?}", app.mode())
    };
    assert!(
        confirm
            .question()
            .starts_with("Deploy is gated: Prepare has 2 open items — Verify with \"git tag -l v'2.3.0'\" anyway"),
        "{}",
        confirm.question()
    );
    let Effect::Run { forced, kind, .. } = act(&mut app, Action::Yes) else {
        panic!()
    };
    assert!(forced && kind == EvidenceKind::Verify);
}

#[test]
fn a_missing_parameter_is_asked_for_when_the_run_opens() {
    let mut app = runbook(&[]);
    assert!(
        matches!(app.mode(), Mode::Prompt(p) if p.purpose == Purpose::Param(0)),
        "{:?}",
        app.mode()
    );
    assert!(
        app.message()
            .as_ref()
            .unwrap()
            .text
            .contains("needs a value for `version`: The release being deployed"),
        "{:?}",
        app.message()
    );
    assert_eq!(
        act(&mut app, Action::Confirm),
        Effect::None,
        "an empty value is no value"
    );
    for c in "2.4.0".chars() {
        act(&mut app, Action::Input(c));
    }
    assert_eq!(
        act(&mut app, Action::Confirm),
        Effect::SetParam {
            name: "version".into(),
            value: "2.4.0".into()
        }
    );
    // What the loop does with it: the titles show the value from then on.
    let event = Event::param(stamp("2026-11-29T10:00:00Z", "me"), "version", "2.4.0");
    app.external(&[event]);
    assert_eq!(app.checklist().title, "Release 2.4.0");
    assert_eq!(app.checklist().items()[1].title, "Build 2.4.0");
}

#[test]
fn enter_on_a_gated_item_asks_and_stays_on_it() {
    let mut app = runbook(&[("version", "2.3.0")]);
    select(&mut app, "Tag");
    assert_eq!(act(&mut app, Action::TickAndAdvance), Effect::None);
    assert!(
        matches!(app.mode(), Mode::Confirm(Confirm::Force { .. })),
        "{:?}",
        app.mode()
    );
    assert_eq!(selected(&app), "I Tag", "the cursor stays on what is asked about");
}

#[test]
fn a_new_value_is_searched_for_in_the_titles_that_show_it() {
    let mut app = runbook(&[("version", "2.3.0")]);
    act(&mut app, Action::StartSearch);
    for c in "2.3.0".chars() {
        act(&mut app, Action::Input(c));
    }
    assert_eq!(app.tree().search().unwrap().matches.len(), 1);
    act(&mut app, Action::Cancel);
    let event = Event::param(stamp("2026-11-29T11:00:00Z", "bob"), "version", "9.9.9");
    app.external(&[event]);
    act(&mut app, Action::StartSearch);
    for c in "9.9.9".chars() {
        act(&mut app, Action::Input(c));
    }
    assert_eq!(
        app.tree().search().unwrap().matches.len(),
        1,
        "the index was built anew"
    );
}

#[test]
fn forcing_past_a_gate_keeps_a_change_a_teammate_made_while_asked() {
    let mut app = runbook(&[("version", "2.3.0")]);
    select(&mut app, "Tag");
    act(&mut app, Action::Toggle);
    assert!(matches!(app.mode(), Mode::Confirm(Confirm::Force { .. })));
    let skip = Event::on_item(
        stamp("2026-11-29T11:00:00Z", "bob"),
        "deploy/release/tag",
        Change::Status(Status::Skipped { reason: None }),
    )
    .with_force(true);
    app.external(&[skip]);
    assert_eq!(
        act(&mut app, Action::Yes),
        Effect::None,
        "nothing of bob's is overwritten"
    );
    assert!(matches!(app.state().item(2).status, Status::Skipped { .. }));
    assert_eq!(
        app.message().unwrap().text,
        "1 item changed meanwhile and kept as it is"
    );
}

#[test]
fn a_value_changed_while_asked_asks_again_with_the_command_as_it_would_run() {
    let mut app = runbook(&[("version", "2.3.0")]);
    select(&mut app, "Build 2.3.0");
    act(&mut app, Action::RunCommand);
    let set = Event::param(stamp("2026-11-29T11:00:00Z", "bob"), "version", "2.3.1");
    app.external(&[set]);
    assert_eq!(
        act(&mut app, Action::Yes),
        Effect::None,
        "not what was shown: nothing runs"
    );
    let Mode::Confirm(confirm) = &app.mode() else {
        panic!("{:?}", app.mode())
    };
    assert_eq!(confirm.question(), "Run \"make release VERSION='2.3.1'\"? y/n");
    assert!(matches!(act(&mut app, Action::Yes), Effect::Run { line, .. } if line == "make release VERSION='2.3.1'"));
}

#[test]
fn running_a_done_items_command_again_says_so_in_the_question() {
    let mut app = runbook(&[("version", "2.3.0")]);
    select(&mut app, "Build 2.3.0");
    act(&mut app, Action::Toggle);
    act(&mut app, Action::RunCommand);
    let Mode::Confirm(confirm) = &app.mode() else {
        panic!("{:?}", app.mode())
    };
    assert_eq!(
        confirm.question(),
        "It is done already — Run \"make release VERSION='2.3.0'\" again? y/n"
    );
}

#[test]
fn a_teammates_tick_in_a_closed_gate_without_force_is_marked_out_of_order() {
    let mut app = runbook(&[("version", "2.3.0")]);
    let tag = app.checklist().items().iter().position(|i| i.title == "Tag").unwrap();
    let tick = |forced| {
        Event::on_item(
            stamp("2026-11-29T11:00:00Z", "bob"),
            app.checklist().items()[tag].id.clone(),
            Change::Status(Status::Done),
        )
        .with_force(forced)
    };
    let (unforced, forced) = (tick(false), tick(true));
    app.external(std::slice::from_ref(&unforced));
    assert!(app.state().item(tag).out_of_order);
    app.external(std::slice::from_ref(&forced));
    assert!(
        !app.state().item(tag).out_of_order,
        "forced on purpose: an override, not out of order"
    );
}

#[test]
fn a_secret_is_typed_masked_shown_masked_and_kept_across_a_replay() {
    let yaml = "title: Rotate {{token}}\nparams:\n  - name: token\n    secret: true\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - title: Call\n            command: curl -H \"Bearer {{token}}\" https://x.example\n";
    let written = parse(yaml, "s.yaml").unwrap();
    let state = RunState::replay(&written, &[]);
    let mut app = App::new(written, state, "default".into(), "me".into(), true);
    update(&mut app, resize(100, 30));
    app.ask_for_missing_param();
    let Mode::Prompt(prompt) = &app.mode() else {
        panic!("{:?}", app.mode())
    };
    assert!(prompt.about.as_deref().unwrap().contains("secret"));
    for c in "hunter2".chars() {
        act(&mut app, Action::Input(c));
    }
    let Mode::Prompt(prompt) = &app.mode() else {
        panic!("{:?}", app.mode())
    };
    assert_eq!(app.prompt_line(prompt).text(), "•••••••", "typed masked");
    assert_eq!(
        act(&mut app, Action::Confirm),
        Effect::SetParam {
            name: "token".into(),
            value: "hunter2".into()
        }
    );
    // What the loop does with it: kept in memory, the log told only that it
    // was given.
    app.give_secret("token", "hunter2".into());
    let given = Event::param(stamp("2026-11-29T10:00:00Z", "me"), "token", String::new());
    app.external(std::slice::from_ref(&given));
    assert_eq!(app.checklist().title, "Rotate ••••");
    select(&mut app, "Call");
    act(&mut app, Action::RunCommand);
    let Mode::Confirm(confirm) = &app.mode() else {
        panic!("{:?}", app.mode())
    };
    assert_eq!(
        confirm.question(),
        "Run \"curl -H \"Bearer ••••\" https://x.example\"? y/n"
    );
    act(&mut app, Action::No);
    app.replay_run(std::slice::from_ref(&given));
    assert_eq!(
        app.state().run_values(app.checklist())["token"],
        "hunter2",
        "a re-read keeps the session's secret"
    );
    assert_eq!(
        format!("{:?}", app.state()).matches("hunter2").count(),
        0,
        "debug output names secrets only"
    );
}

#[test]
fn a_secret_not_given_blocks_only_the_commands_that_use_it() {
    let yaml = "title: Rotate\nparams:\n  - name: token\n    secret: true\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - title: Build\n            command: make\n          - title: Call\n            command: curl -H \"Bearer {{token}}\" https://x.example\n          - title: Call again\n            verify: curl -H \"Bearer $PREFLIGHT_PARAM_TOKEN\" https://x.example\n";
    let mut app = runbook_of(yaml, &[]);
    act(&mut app, Action::Cancel);
    select(&mut app, "Build");
    act(&mut app, Action::RunCommand);
    assert!(
        matches!(app.mode(), Mode::Confirm(Confirm::Run { line, .. }) if line == "make"),
        "{:?} {:?}",
        *app.mode(),
        app.message()
    );
    act(&mut app, Action::No);
    let refused = |app: &mut App, title: &str, action: Action| {
        select(app, title);
        act(app, action);
        assert_eq!(*app.mode(), Mode::Normal, "{title}");
        assert_eq!(
            app.message().unwrap().text,
            "the run has no value for `token` yet; set it before running commands"
        );
    };
    refused(&mut app, "Call", Action::RunCommand);
    refused(&mut app, "Call again", Action::VerifyItem);
}
