//! preflight in a pseudo-terminal, its screen read back through a terminal
//! emulator (vt100): what a person at a keyboard would see.

use std::io::{ErrorKind, Write};
use std::num::NonZeroU16;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::process::unix::WaitStatus;

use super::{PATIENCE, Sandbox};

/// preflight running in a pty of a given size, and what its screen shows.
pub struct Pty {
    pub session: expectrl::session::OsSession,
    pub parser: vt100::Parser,
    /// Every byte the program wrote, to check how it left the terminal.
    pub raw: Vec<u8>,
}

pub fn size(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap()
}

impl Pty {
    pub fn spawn(sandbox: &Sandbox, args: &[&str], cols: u16, rows: u16) -> Pty {
        Pty::spawn_with(sandbox, args, cols, rows, &[])
    }

    pub fn spawn_with(sandbox: &Sandbox, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("preflight"));
        command.args(args);
        Pty::spawn_command(sandbox, command, cols, rows, env)
    }

    /// A shell script in the pty, with `$PREFLIGHT` naming the binary: to see
    /// the terminal as preflight leaves it to whatever runs next.
    pub fn spawn_script(sandbox: &Sandbox, script: &str, cols: u16, rows: u16) -> Pty {
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(script)
            .env("PREFLIGHT", assert_cmd::cargo::cargo_bin("preflight"));
        Pty::spawn_command(sandbox, command, cols, rows, &[])
    }

    fn spawn_command(sandbox: &Sandbox, mut command: Command, cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        command
            .env("XDG_DATA_HOME", sandbox.data_home())
            .env("XDG_STATE_HOME", sandbox.path("state"))
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
    pub fn pump(&mut self) -> bool {
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

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&mut self, text: &str) -> String {
        self.wait_until(|screen| {
            if screen.contains(text) {
                Ok(())
            } else {
                Err(format!("{text:?}"))
            }
        })
    }

    /// Waits until `agrees` takes the screen, failing after [`PATIENCE`]
    /// with what it last said was missing and the screen.
    pub fn wait_until(&mut self, agrees: impl Fn(&str) -> Result<(), String>) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            self.pump();
            let screen = self.screen();
            let missing = match agrees(&screen) {
                Ok(()) => return screen,
                Err(missing) => missing,
            };
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {missing}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser.set_size(size(rows), size(cols));
        self.session.get_process_mut().set_window_size(cols, rows).unwrap();
    }

    /// Waits for the program to exit and returns its exit code.
    pub fn wait_exit(&mut self) -> i32 {
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
    pub fn assert_restored(&self) {
        let raw = String::from_utf8_lossy(&self.raw);
        let last = |seq: &str| raw.rfind(seq);
        assert!(!self.parser.screen().alternate_screen(), "left the alternate screen");
        assert!(!self.parser.screen().hide_cursor(), "the cursor is visible again");
        assert!(
            last("\x1b[?1049l") > last("\x1b[?1049h"),
            "alternate screen left after it was entered"
        );
        assert!(last("\x1b[?1000l") > last("\x1b[?1000h"), "mouse capture turned off");
        assert!(last("\x1b[?2004l") > last("\x1b[?2004h"), "bracketed paste turned off");
    }
}
