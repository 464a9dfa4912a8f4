//! The real binary in a pseudo-terminal, side by side with the floor: a minimal
//! ratatui program that draws one line. Start-up to first frame, keystroke to
//! screen (median and p95), and peak memory, for the bundled checklist and for
//! 100,000 items with a 100,000-event run log.
//!
//! Run with `cargo bench --bench terminal`. This same executable is the minimal
//! program when started with `--minimal`, so both are built by one command.
//! `PREFLIGHT_BENCH_BIN=path` measures another preflight binary instead (the
//! 100k files are made by its `generate`).

use std::io::{ErrorKind, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::text::Line;

const COLS: u16 = 120;
const ROWS: u16 = 40;
const STARTS: usize = 15;
const KEYS: usize = 60;

/// The floor: raw mode, alternate screen, one line, a counter per key.
fn minimal() -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(std::io::stdout(), EnterAlternateScreen)?;
    let mut terminal = ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))?;
    let mut keys = 0u32;
    loop {
        terminal
            .draw(|frame| frame.render_widget(Line::from(format!("minimal ratatui: {keys} keys")), frame.area()))?;
        if let Event::Key(key) = event::read()?
            && key.kind == KeyEventKind::Press
        {
            if key.code == KeyCode::Char('q') {
                break;
            }
            keys += 1;
        }
    }
    disable_raw_mode()?;
    execute!(std::io::stdout(), LeaveAlternateScreen)
}

struct Pty {
    session: expectrl::session::OsSession,
    parser: vt100::Parser,
}

impl Pty {
    fn spawn(command: Command) -> Pty {
        let mut session = Session::spawn(command).expect("spawn in a pty");
        session.get_process_mut().set_window_size(COLS, ROWS).unwrap();
        let size = |n| NonZeroU16::new(n).unwrap();
        Pty {
            session,
            parser: vt100::Parser::new(size(ROWS), size(COLS), 0),
        }
    }

    fn pump(&mut self) {
        let mut buf = vec![0u8; 1 << 16];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => return,
                Ok(n) => self.parser.process(&buf[..n]),
                Err(e) if e.kind() == ErrorKind::WouldBlock => return,
                Err(_) => return,
            }
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Polls the screen until `done` says so; returns how long that took.
    fn until(&mut self, started: Instant, done: impl Fn(&str) -> bool) -> Duration {
        let deadline = started + Duration::from_secs(30);
        loop {
            self.pump();
            if done(&self.screen()) {
                return started.elapsed();
            }
            assert!(
                Instant::now() < deadline,
                "timed out; the screen shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_micros(200));
        }
    }

    fn peak_memory_kb(&self) -> Option<u64> {
        let pid = self.session.get_process().pid();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    fn quit(mut self) {
        let _ = self.session.write_all(b"q");
        let _ = self.session.flush();
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.session.get_process().is_alive().unwrap_or(false) && Instant::now() < deadline {
            self.pump();
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let last = sorted.len().saturating_sub(1);
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let at = ((last as f64) * p).round() as usize;
    sorted[at.min(last)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

struct Subject<'a> {
    name: &'a str,
    command: Box<dyn Fn() -> Command + 'a>,
    /// Text on the first frame.
    ready: &'a str,
    key: &'a [u8],
}

fn measure(subject: &Subject) {
    let mut starts = Vec::new();
    let mut peak = None;
    for _ in 0..STARTS {
        let started = Instant::now();
        let mut pty = Pty::spawn((subject.command)());
        starts.push(pty.until(started, |s| s.contains(subject.ready)));
        pty.quit();
    }
    let mut pty = Pty::spawn((subject.command)());
    pty.until(Instant::now(), |s| s.contains(subject.ready));
    let mut keys = Vec::new();
    for _ in 0..KEYS {
        let before = pty.screen();
        let started = Instant::now();
        pty.session.write_all(subject.key).unwrap();
        pty.session.flush().unwrap();
        keys.push(pty.until(started, |s| s != before));
    }
    peak = peak.or(pty.peak_memory_kb());
    pty.quit();
    starts.sort();
    keys.sort();
    println!(
        "{:<34} first frame: median {:>10}, p95 {:>10} | keystroke to screen: median {:>9}, p95 {:>9} | peak memory {}",
        subject.name,
        ms(percentile(&starts, 0.5)),
        ms(percentile(&starts, 0.95)),
        ms(percentile(&keys, 0.5)),
        ms(percentile(&keys, 0.95)),
        peak.map_or_else(|| "?".to_owned(), |kb| format!("{} MB", kb / 1024)),
    );
}

/// The binary measured: this build's, or another one named by
/// `PREFLIGHT_BENCH_BIN` (an older release, to compare on the same machine).
fn preflight(data: &Path, args: &[&str]) -> Command {
    let binary = std::env::var_os("PREFLIGHT_BENCH_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_preflight").into());
    let mut command = Command::new(binary);
    command
        .args(args)
        .env("XDG_DATA_HOME", data)
        .env("TERM", "xterm-256color")
        .env("PREFLIGHT_USER", "bench");
    command
}

fn main() {
    if std::env::args().any(|a| a == "--minimal") {
        minimal().unwrap();
        return;
    }
    if !std::env::args().any(|a| a == "--bench") {
        // `cargo test --benches` runs benches as tests; measuring is for `cargo bench`.
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let big = dir.path().join("big");
    let status = preflight(&data, &["generate", "--items", "100000", "--events", "100000", "--dir"])
        .arg(&big)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let (checklist, log) = (big.join("checklist.yaml"), big.join("run.jsonl"));
    let me = std::env::current_exe().unwrap();
    println!("{COLS}×{ROWS} pseudo-terminal, {STARTS} starts and {KEYS} keystrokes each\n");
    let subjects = [
        Subject {
            name: "minimal ratatui program (the floor)",
            command: Box::new(|| {
                let mut command = Command::new(&me);
                command.arg("--minimal").env("TERM", "xterm-256color");
                command
            }),
            ready: "minimal ratatui",
            key: b"j",
        },
        Subject {
            name: "preflight, bundled checklist",
            // --fresh: every start at the top, not where the last one quit.
            command: Box::new(|| preflight(&data, &["--fresh"])),
            ready: "Production Deployment Checklist",
            key: b"j",
        },
        Subject {
            name: "preflight, 100,000 items + events",
            command: Box::new(|| {
                preflight(
                    &data,
                    &[checklist.to_str().unwrap(), "--state", log.to_str().unwrap(), "--fresh"],
                )
            }),
            ready: "Generated checklist",
            key: b"j",
        },
    ];
    for subject in &subjects {
        measure(subject);
    }
}
