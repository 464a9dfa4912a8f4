//! Running an item's command: `sh -c` in the current folder in a process
//! group of its own, the run's parameters in the environment, its output
//! streamed (or not) and its last lines kept in bounded memory, within a time
//! limit if one is set, and stopped whole when preflight is asked to end.
//!
//! Nothing runs on its own: only `exec`, `verify` and the view's `!` and `v`
//! call this, and each shows the command line first.

use std::io::{self, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use nix::unistd::Pid;

use crate::checklist::{Checklist, Status};
use crate::run::{Author, Change, Event, Evidence, EvidenceKind, RunState};
use crate::template::{self, Values};

mod claim;
mod interrupts;
mod process;
mod tail;

pub use claim::{Claim, claim, host};
pub use interrupts::Interrupts;
use tail::Tail;

/// How long output is still read after the command ended: a process it left
/// in the background may hold the pipe open.
const DRAIN: Duration = Duration::from_millis(500);

/// What running a command showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub exit: Option<i32>,
    pub timed_out: bool,
    /// Stopped because preflight was asked to end while it ran.
    pub interrupted: bool,
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
            interrupted: self.interrupted,
            millis: self.millis,
            output: self.tail,
        }
    }
}

/// The event that records a command's outcome for an item: a tick when it
/// passed and the item is `open` (open when the command started, and nobody
/// changed it while it ran), else the evidence alone; forced when it ticked
/// past a closed gate.
pub fn event_for(
    checklist: &Checklist,
    state: &RunState,
    index: usize,
    evidence: Evidence,
    forced: bool,
    by: &Author,
    open: bool,
) -> Event {
    let item = &checklist.items()[index];
    // Only an open item is ticked: one a teammate skipped (or that is done
    // already) keeps its status, and the run is recorded as evidence alone.
    let ticks = evidence.passed() && open;
    let change = if ticks {
        Change::Status(Status::Done)
    } else {
        Change::Ran
    };
    Event::on_item(
        by.stamp(state.stamp_for(index, crate::store::runlog::now())),
        item.id.clone(),
        change,
    )
    .with_title(item.title.clone())
    .with_force(forced && ticks)
    .with_evidence(evidence)
}

/// Why an item's command may not start now: someone runs it (as the run log
/// says) and it is not known to be over. `None` when it may. A run recorded
/// as started on this machine is over when its process is gone (another
/// account, or another state folder, holds a claim of its own, so the claim
/// alone cannot tell).
pub fn busy(running: Option<&crate::run::Running>, here: &str) -> Option<String> {
    let running = running?;
    let gone_here = running.start.host == here && {
        let pid = i32::try_from(running.start.pid).ok().filter(|&p| p > 0);
        pid.is_none_or(|pid| {
            let pid = Pid::from_raw(pid);
            pid == nix::unistd::getpid() || matches!(nix::sys::signal::kill(pid, None), Err(nix::errno::Errno::ESRCH))
        })
    };
    (!gone_here).then(|| {
        format!(
            "{} is running this since {} ({} on {})",
            running.stamp.by,
            running.stamp.at.human(),
            running.start.kind.as_str(),
            running.start.host
        )
    })
}

/// The event that says a command starts for an item, recorded before it runs.
pub fn started(state: &RunState, checklist: &Checklist, index: usize, kind: EvidenceKind, by: &Author) -> Event {
    let item = &checklist.items()[index];
    let start = Change::Started(crate::run::Start {
        kind,
        host: host(),
        pid: std::process::id(),
    });
    Event::on_item(
        by.stamp(state.stamp_for(index, crate::store::runlog::now())),
        item.id.clone(),
        start,
    )
    .with_title(item.title.clone())
}

/// How a command is run.
#[derive(Clone, Copy)]
pub struct Run<'a> {
    /// Copy its output to ours as it comes (`exec`, the view), or only keep
    /// it (`verify`). A streamed command gets the terminal: standard input,
    /// the foreground (keys and Ctrl-C are its), and its mode back after.
    pub stream: bool,
    /// Stop it after this long: it, and every process it started.
    pub timeout: Option<Duration>,
    /// Whether preflight was asked to end (SIGTERM, SIGHUP, Ctrl-C): the
    /// command and what it started are then stopped, and the run says so.
    pub cancel: Option<&'a (dyn Fn() -> bool + Sync)>,
}

/// How many chunks of output may wait between a pipe's reader and the loop:
/// a command that prints faster than we keep up is slowed down, never
/// buffered without end.
const BACKLOG: usize = 16;

/// Reads a pipe to its end, sending each chunk on.
fn pump(mut from: impl Read + Send + 'static, to: mpsc::SyncSender<(bool, Vec<u8>)>, is_err: bool) {
    thread::spawn(move || {
        let mut buffer = vec![0u8; 64 * 1024];
        while let Ok(n) = from.read(&mut buffer) {
            if n == 0 || to.send((is_err, buffer[..n].to_vec())).is_err() {
                break;
            }
        }
    });
}

/// The inode of a pipe, to find who else holds it.
fn inode(pipe: &impl std::os::fd::AsFd) -> Option<u64> {
    nix::sys::stat::fstat(pipe.as_fd()).ok().map(|s| s.st_ino)
}

/// `sh -c line` in a process group of its own, the parameters in its
/// environment, its output piped to us; reading no input unless `stream`.
fn shell(line: &str, values: &Values, stream: bool) -> Command {
    use std::os::unix::process::CommandExt as _;
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(line)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    for (name, value) in values {
        command.env(template::env_name(name), value);
    }
    if !stream {
        command.stdin(Stdio::null());
    }
    command
}

/// Runs `line` with `sh -c` in a process group of its own, the parameters in
/// its environment.
///
/// # Errors
/// When `sh` cannot be started.
pub fn run(line: &str, values: &Values, how: Run<'_>) -> io::Result<Outcome> {
    let mut command = shell(line, values, how.stream);
    let terminal = how.stream.then(process::Lent::note);
    let started = Instant::now();
    let mut child = command.spawn()?;
    let group = Pid::from_raw(i32::try_from(child.id()).unwrap_or(i32::MAX));
    if let Some(terminal) = &terminal {
        terminal.give(group);
    }
    let (send, receive) = mpsc::sync_channel(BACKLOG);
    let mut pipes = Vec::new();
    if let Some(out) = child.stdout.take() {
        pipes.extend(inode(&out));
        pump(out, send.clone(), false);
    }
    if let Some(err) = child.stderr.take() {
        pipes.extend(inode(&err));
        pump(err, send, true);
    }
    let mut tail = Tail::new();
    let mut take = |(is_err, chunk): (bool, Vec<u8>)| {
        if how.stream {
            // Written and flushed as it comes: a prompt without a newline
            // (`printf 'name: '; read x`) shows at once.
            let _ = if is_err {
                io::stderr().write_all(&chunk)
            } else {
                let mut out = io::stdout().lock();
                out.write_all(&chunk).and_then(|()| out.flush())
            };
        }
        tail.feed(&chunk);
    };
    let mut stopped = None;
    let mut status = None;
    // Read until the command ended and its output is read, or, after it
    // ended, for a moment more: a process it left may hold the pipe open.
    let mut drained_by = None;
    loop {
        match receive.recv_timeout(Duration::from_millis(20)) {
            Ok(chunk) => take(chunk),
            Err(mpsc::RecvTimeoutError::Disconnected) if status.is_some() => break,
            Err(_) => {}
        }
        if status.is_none() {
            status = child.try_wait()?;
        }
        if status.is_none() && process::continue_if_stopped(group, group) {
            let _ = writeln!(
                io::stderr(),
                "\npreflight: a step cannot be suspended; it goes on (Ctrl-C stops it)"
            );
        }
        // Ctrl-C ended the command's shell: what it started in the
        // background (which ignores SIGINT) is stopped with it.
        if stopped.is_none() && status.is_some_and(|s| std::os::unix::process::ExitStatusExt::signal(&s) == Some(2)) {
            stopped = Some(Stop::Interrupted);
            process::stop_all(group, &pipes, || true);
        }
        if status.is_none() {
            let why = if how.cancel.is_some_and(|cancel| cancel()) {
                Some(Stop::Interrupted)
            } else if how.timeout.is_some_and(|limit| started.elapsed() > limit) {
                Some(Stop::TimedOut)
            } else {
                None
            };
            if let Some(why) = why {
                stopped = Some(why);
                process::stop_all(group, &pipes, || matches!(child.try_wait(), Ok(Some(_))));
                status = Some(child.wait()?);
            }
        }
        if status.is_some() && Instant::now() > *drained_by.get_or_insert_with(|| Instant::now() + DRAIN) {
            break;
        }
    }
    let millis = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    if let Some(terminal) = &terminal {
        terminal.take_back();
    }
    if how.stream {
        let _ = io::stdout().flush();
    }
    let status = match status {
        Some(status) => status,
        None => child.wait()?,
    };
    Ok(Outcome {
        exit: if stopped.is_some() { None } else { status.code() },
        timed_out: stopped == Some(Stop::TimedOut),
        interrupted: stopped == Some(Stop::Interrupted),
        millis,
        tail: tail.finish(),
    })
}

/// Why preflight stopped a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    TimedOut,
    Interrupted,
}
