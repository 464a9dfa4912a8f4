//! Running an item's command: `sh -c` in the current folder, the run's
//! parameters in the environment, its output streamed (or not) and its last
//! lines kept, within a time limit if one is set.
//!
//! Nothing runs on its own: only `exec`, `verify` and the view's `!` and `v`
//! call this, and each shows the command line first.

use std::io::{self, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crate::checklist::{Checklist, Status};
use crate::run::{Change, Event, Evidence, EvidenceKind, RunState};
use crate::runlog::OUTPUT_LINES;
use crate::template::{self, Values};
use crate::text::clean_line;

/// How long one line of output may be in the evidence.
const LINE_CHARS: usize = 500;

/// How long output is still read after the command ended: a process it left
/// in the background may hold the pipe open.
const DRAIN: Duration = Duration::from_millis(500);

/// What running a command showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub exit: Option<i32>,
    pub timed_out: bool,
    pub millis: u64,
    /// The last lines of its output (stdout and stderr, as they came), cleaned.
    pub tail: Vec<String>,
}

impl Outcome {
    /// What the run log keeps of it.
    pub fn evidence(self, kind: EvidenceKind, line: &str) -> Evidence {
        Evidence {
            kind,
            command: line.to_owned(),
            exit: self.exit,
            timed_out: self.timed_out,
            millis: self.millis,
            output: self.tail,
        }
    }
}

/// The event that records a command's outcome for an item: a tick when it
/// passed and the item was open, else the evidence alone; forced when it
/// ticked past a closed gate.
pub fn event_for(
    checklist: &Checklist,
    state: &RunState,
    index: usize,
    evidence: Evidence,
    forced: bool,
    by: &str,
) -> Event {
    let item = &checklist.items()[index];
    // Only an open item is ticked: one a teammate skipped (or that is done
    // already) keeps its status, and the run is recorded as evidence alone.
    let ticks = evidence.passed() && state.item(index).status == Status::Todo;
    Event {
        at: state.stamp_for(index, crate::runlog::now()),
        by: by.to_owned(),
        item: item.id.to_string(),
        title: Some(item.title.clone()),
        change: if ticks {
            Change::Status(Status::Done)
        } else {
            Change::Ran
        },
        forced: forced && ticks,
        evidence: Some(evidence),
    }
}

/// How a command is run.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    /// Copy its output to ours as it comes (`exec`), or only keep it (`verify`).
    pub stream: bool,
    /// Stop it after this long: it, and every process it started.
    pub timeout: Option<Duration>,
}

/// Keeps the last lines of a stream of bytes.
struct Tail {
    lines: std::collections::VecDeque<String>,
    partial: Vec<u8>,
}

impl Tail {
    fn new() -> Tail {
        Tail {
            lines: std::collections::VecDeque::new(),
            partial: Vec::new(),
        }
    }

    fn push_line(&mut self, bytes: &[u8]) {
        let text = String::from_utf8_lossy(bytes);
        let text: String = text.trim_end_matches('\r').chars().take(LINE_CHARS).collect();
        self.lines.push_back(clean_line(&text).unwrap_or_default());
        if self.lines.len() > OUTPUT_LINES {
            self.lines.pop_front();
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if b == b'\n' {
                let line = std::mem::take(&mut self.partial);
                self.push_line(&line);
            } else if self.partial.len() < LINE_CHARS * 4 {
                self.partial.push(b);
            }
        }
    }

    fn finish(mut self) -> Vec<String> {
        if !self.partial.is_empty() {
            let line = std::mem::take(&mut self.partial);
            self.push_line(&line);
        }
        self.lines.into()
    }
}

/// Reads a pipe to its end, sending each chunk on.
fn pump(mut from: impl Read + Send + 'static, to: mpsc::Sender<(bool, Vec<u8>)>, is_err: bool) {
    thread::spawn(move || {
        let mut buffer = [0u8; 8192];
        while let Ok(n) = from.read(&mut buffer) {
            if n == 0 || to.send((is_err, buffer[..n].to_vec())).is_err() {
                break;
            }
        }
    });
}

/// Stops a command that ran past its time, asked first, then made to: its
/// whole process group when it has one of its own, else the shell.
fn stop(pid: u32, own_group: bool) {
    use nix::sys::signal::{Signal, kill, killpg};
    use nix::unistd::Pid;
    let Ok(raw) = i32::try_from(pid) else { return };
    let pid = Pid::from_raw(raw);
    let send = |signal| {
        let _ = if own_group {
            killpg(pid, signal)
        } else {
            kill(pid, signal)
        };
    };
    send(Signal::SIGTERM);
    thread::sleep(Duration::from_millis(200));
    send(Signal::SIGKILL);
}

/// Runs `line` with `sh -c`, the parameters in its environment.
///
/// # Errors
/// When `sh` cannot be started.
pub fn run(line: &str, values: &Values, how: Run) -> io::Result<Outcome> {
    use std::os::unix::process::CommandExt as _;
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(line)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in values {
        command.env(template::env_name(name), value);
    }
    // A command run in the background of a script (`verify`) gets a group of
    // its own, so that a timeout stops what it started too; it reads no
    // input then. One shown in the terminal stays in the terminal's group,
    // so that Ctrl-C reaches it.
    let own_group = how.timeout.is_some() && !how.stream;
    if own_group {
        command.process_group(0).stdin(Stdio::null());
    }
    let started = Instant::now();
    let mut child = command.spawn()?;
    let (send, receive) = mpsc::channel();
    if let Some(out) = child.stdout.take() {
        pump(out, send.clone(), false);
    }
    if let Some(err) = child.stderr.take() {
        pump(err, send, true);
    }
    let mut tail = Tail::new();
    let mut take = |(is_err, chunk): (bool, Vec<u8>)| {
        if how.stream {
            let _ = if is_err {
                io::stderr().write_all(&chunk)
            } else {
                io::stdout().write_all(&chunk)
            };
        }
        tail.feed(&chunk);
    };
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if let Ok(chunk) = receive.recv_timeout(Duration::from_millis(20)) {
            take(chunk);
        }
        if how.timeout.is_some_and(|limit| started.elapsed() > limit) {
            timed_out = true;
            stop(child.id(), own_group);
            break child.wait()?;
        }
    };
    let millis = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    let drained_by = Instant::now() + DRAIN;
    while let Some(left) = drained_by.checked_duration_since(Instant::now()) {
        match receive.recv_timeout(left) {
            Ok(chunk) => take(chunk),
            Err(_) => break,
        }
    }
    if how.stream {
        let _ = io::stdout().flush();
    }
    Ok(Outcome {
        exit: if timed_out { None } else { status.code() },
        timed_out,
        millis,
        tail: tail.finish(),
    })
}
