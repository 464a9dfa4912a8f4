//! The real binary in a pseudo-terminal, its screen read back through a terminal
//! emulator (vt100): what a person at a keyboard would see.

#![cfg(unix)]

mod common;

use std::io::{ErrorKind, Write};
use std::num::NonZeroU16;
use std::process::Command;
use std::time::{Duration, Instant};

use common::Sandbox;
use expectrl::Session;
use expectrl::process::unix::{Signal, WaitStatus};

const PATIENCE: Duration = Duration::from_secs(15);

/// preflight running in a pty of a given size, and what its screen shows.
struct Pty {
    session: expectrl::session::OsSession,
    parser: vt100::Parser,
    /// Every byte the program wrote, to check how it left the terminal.
    raw: Vec<u8>,
}

fn size(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap()
}

impl Pty {
    fn spawn(sandbox: &Sandbox, args: &[&str], cols: u16, rows: u16) -> Pty {
        Pty::spawn_with(sandbox, args, cols, rows, &[])
    }

    fn spawn_with(sandbox: &Sandbox, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("preflight"));
        command
            .args(args)
            .env("XDG_DATA_HOME", sandbox.data_home())
            .env("PREFLIGHT_USER", "tester")
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env_remove("VISUAL")
            .env_remove("EDITOR")
            .envs(env.iter().copied())
            .current_dir(sandbox.dir.path());
        let mut session = Session::spawn(command).expect("spawn preflight in a pty");
        session.get_process_mut().set_window_size(cols, rows).unwrap();
        Pty {
            session,
            parser: vt100::Parser::new(size(rows), size(cols), 0),
            raw: Vec::new(),
        }
    }

    /// Reads what the program wrote so far into the emulator.
    fn pump(&mut self) -> bool {
        let mut buf = [0u8; 8192];
        let mut any = false;
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => return any,
                Ok(n) => {
                    self.parser.process(&buf[..n]);
                    self.raw.extend_from_slice(&buf[..n]);
                    any = true;
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => return any,
                Err(_) => return any,
            }
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `text`.
    fn wait_for(&mut self, text: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            self.pump();
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.parser.set_size(size(rows), size(cols));
        self.session.get_process_mut().set_window_size(cols, rows).unwrap();
    }

    /// Waits for the program to exit and returns its exit code.
    fn wait_exit(&mut self) -> i32 {
        let deadline = Instant::now() + PATIENCE;
        loop {
            self.pump();
            match self.session.get_process().status() {
                Ok(WaitStatus::Exited(_, code)) => {
                    self.pump();
                    return code;
                }
                Ok(WaitStatus::Signaled(_, signal, _)) => panic!("killed by {signal:?}"),
                _ => {}
            }
            assert!(
                Instant::now() < deadline,
                "preflight did not exit; the screen shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Checks that the program gave the terminal back as it found it.
    fn assert_restored(&self) {
        let raw = String::from_utf8_lossy(&self.raw);
        let last = |seq: &str| raw.rfind(seq);
        assert!(!self.parser.screen().alternate_screen(), "left the alternate screen");
        assert!(!self.parser.screen().hide_cursor(), "the cursor is visible again");
        assert!(
            last("\x1b[?1049l") > last("\x1b[?1049h"),
            "alternate screen left after it was entered"
        );
        assert!(last("\x1b[?1000l") > last("\x1b[?1000h"), "mouse capture turned off");
    }
}

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

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in [Signal::SIGTERM, Signal::SIGHUP] {
        let sandbox = Sandbox::new();
        let mut pty = Pty::spawn(&sandbox, &[], 80, 24);
        pty.wait_for("[ ] Database");
        pty.send("jjjj ");
        pty.wait_for("[x] Database");
        pty.session.get_process_mut().kill(signal).unwrap();
        assert_eq!(pty.wait_exit(), 0, "{signal:?} ends the view cleanly");
        pty.assert_restored();
        let status = sandbox.ok(&["status", "--json"]);
        assert!(status.contains("\"done\": 1"), "the tick before {signal:?} was saved");
    }
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
