//! The real binary in a pseudo-terminal, its screen read back through a terminal
//! emulator (vt100): what a person at a keyboard would see.

#![cfg(unix)]

mod common;

use common::Sandbox;
use common::pty::Pty;
use expectrl::process::unix::Signal;

#[test]
fn tick_quit_reopen_and_see_the_tick() {
    let sandbox = Sandbox::new();
    let mut pty = Pty::spawn(&sandbox, &[], 80, 24);
    pty.wait_for("Production Deployment Checklist");
    pty.wait_for("[ ] Cloud/On-premise environment");
    pty.send("jj ");
    pty.wait_for("[x] Cloud/On-premise environment");
    pty.wait_for("1/132");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();

    let log = &sandbox.run_logs()[0];
    assert!(
        std::fs::read_to_string(log)
            .unwrap()
            .contains("cloud-on-premise-environment")
    );

    let mut again = Pty::spawn(&sandbox, &[], 80, 24);
    let screen = again.wait_for("[x] Cloud/On-premise environment");
    assert!(screen.contains("1/132"), "{screen}");
    again.send("\x03");
    assert_eq!(again.wait_exit(), 0, "Ctrl-c quits too");
    again.assert_restored();
}

#[test]
fn the_layout_follows_a_resize() {
    let sandbox = Sandbox::new();
    let mut pty = Pty::spawn(&sandbox, &[], 80, 24);
    pty.wait_for("[ ] Cloud/On-premise environment");
    assert!(!pty.screen().contains("6 🚨 Emergency Procedures"));
    pty.resize(120, 40);
    pty.wait_for("6 🚨 Emergency Procedures");
    pty.resize(30, 8);
    pty.wait_for("Terminal too small");
    pty.resize(80, 24);
    pty.wait_for("[ ] Cloud/On-premise environment");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
}

#[test]
fn a_tick_by_another_process_appears() {
    let sandbox = Sandbox::new();
    let mut pty = Pty::spawn(&sandbox, &[], 80, 24);
    pty.wait_for("[ ] Database");
    let out = sandbox.ok(&["check", "production-deployment", "database", "--by", "bob"]);
    assert!(out.contains("done"), "{out}");
    let screen = pty.wait_for("[x] Database");
    assert!(screen.contains("1/132"), "{screen}");
    pty.wait_for("Database checked by bob");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

fn ended_cleanly_by(signal: Signal, code: i32) {
    let sandbox = Sandbox::new();
    let mut pty = Pty::spawn(&sandbox, &[], 80, 24);
    pty.wait_for("[ ] Database");
    pty.send("jjjj ");
    pty.wait_for("[x] Database");
    pty.session.get_process_mut().kill(signal).unwrap();
    assert_eq!(
        pty.wait_exit(),
        code,
        "{signal:?} ends the view cleanly, reported as a shell reports it"
    );
    pty.assert_restored();
    let status = sandbox.ok(&["status", "--json"]);
    assert!(status.contains("\"done\": 1"), "the tick before {signal:?} was saved");
}

preflight_core::cases! {
    a_signal_restores_the_terminal_and_exits_128_plus_its_number, ended_cleanly_by:
    sigterm = (Signal::SIGTERM, 128 + 15),
    sighup = (Signal::SIGHUP, 128 + 1),
}

#[test]
fn a_bad_checklist_fails_on_a_normal_screen() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("bad.yaml", "title: Bad\nphases: []\n");
    let mut pty = Pty::spawn(&sandbox, &[path.to_str().unwrap()], 80, 24);
    assert_eq!(pty.wait_exit(), 1);
    let screen = pty.screen();
    assert!(screen.contains("`phases` is empty"), "{screen}");
    assert!(
        !pty.raw.windows(8).any(|w| w == b"\x1b[?1049h"),
        "never entered the alternate screen"
    );
}

#[test]
fn e_edits_the_checklist_and_reloads_it() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("deploy.yaml", common::MINI);
    let list = path.to_str().unwrap();
    // The "editor" renames an item, as a person would in vi.
    let editor = sandbox.write(
        "rename.sh",
        "#!/bin/sh\nsed -i 's/Second step/Second step, revised/' \"$1\"\n",
    );
    let breaker = sandbox.write("break.sh", "#!/bin/sh\nprintf 'title: Mini\\nphases: []\\n' > \"$1\"\n");
    for script in [&editor, &breaker] {
        std::fs::set_permissions(script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    }
    let command_env = |editor: &std::path::Path| {
        let mut pty = Pty::spawn_with(&sandbox, &[list], 80, 24, &[("VISUAL", editor.to_str().unwrap())]);
        pty.wait_for("[ ] First step");
        pty
    };
    let mut pty = command_env(&editor);
    pty.send("E");
    pty.wait_for("Second step, revised");
    pty.wait_for("checklist reloaded");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);

    let mut pty = command_env(&breaker);
    pty.send("E");
    let screen = pty.wait_for("kept the previous version");
    assert!(screen.contains("`phases` is empty"), "{screen}");
    assert!(
        screen.contains("Second step, revised"),
        "the old version is still shown: {screen}"
    );
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn no_color_means_no_colour_codes() {
    let sandbox = Sandbox::new();
    // A foreground or background colour: 30-37, 90-97, 40-47 or 256/true colour.
    // (39 and 49, "default colour", are resets, not colours.)
    let sgr_colours = |raw: &[u8]| {
        let text = String::from_utf8_lossy(raw);
        let basic = (0..8).any(|n| {
            ["3", "9", "4"]
                .iter()
                .any(|base| text.contains(&format!("\x1b[{base}{n}m")))
        });
        basic
            || ["38;5;", "38;2;", "48;5;", "48;2;"]
                .iter()
                .any(|code| text.contains(code))
    };
    let mut coloured = Pty::spawn(&sandbox, &[], 80, 24);
    coloured.wait_for("[ ] Database");
    coloured.send("q");
    coloured.wait_exit();
    assert!(sgr_colours(&coloured.raw), "colours are used by default");

    let mut plain = Pty::spawn_with(&sandbox, &[], 80, 24, &[("NO_COLOR", "1")]);
    plain.wait_for("[ ] Database");
    plain.send("q");
    plain.wait_exit();
    assert!(!sgr_colours(&plain.raw), "NO_COLOR turns colours off");
}
