//! The process side of running a command: its own process group, the terminal
//! lent to that group while it runs (so Ctrl-C and keystrokes reach it and
//! nothing of ours), the terminal's mode saved before and put back after, and
//! stopping all of it — the group, and on Linux any process that left the
//! group (`setsid`) but still holds the command's output — with SIGTERM, then
//! SIGKILL after a grace period.

use std::io::IsTerminal as _;
use std::os::fd::AsFd as _;
use std::time::{Duration, Instant};

use nix::sys::signal::{SigSet, Signal, kill, killpg};
use nix::sys::termios::{self, SetArg, Termios};
use nix::unistd::{Pid, getpgrp, tcgetpgrp, tcsetpgrp};

/// How long a stopped command has between SIGTERM and SIGKILL.
pub const GRACE: Duration = Duration::from_millis(1500);

/// The terminal as it was before a command was given it: its mode, and
/// whether our group was in the foreground (so the command's is made so).
pub struct Lent {
    mode: Option<Termios>,
    ours: bool,
}

impl Lent {
    /// Notes the terminal on standard input, if there is one.
    pub fn note() -> Lent {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return Lent {
                mode: None,
                ours: false,
            };
        }
        let mode = termios::tcgetattr(stdin.as_fd()).ok();
        let ours = tcgetpgrp(stdin.as_fd()).is_ok_and(|pgrp| pgrp == getpgrp());
        Lent { mode, ours }
    }

    /// Makes the command's group the terminal's foreground group, so that it
    /// may read the keyboard and Ctrl-C goes to it. A command that reached
    /// for the terminal before this was stopped (SIGTTIN): it is continued.
    pub fn give(&self, group: Pid) {
        if self.ours {
            let _ = with_ttou_blocked(|| tcsetpgrp(std::io::stdin().as_fd(), group));
            let _ = killpg(group, Signal::SIGCONT);
        }
    }

    /// Takes the terminal back: our group in the foreground again (what the
    /// command left behind can no longer read the keyboard), and the mode it
    /// had (a command that ran `stty raw` or `stty -echo` leaves no trace).
    pub fn take_back(&self) {
        let stdin = std::io::stdin();
        if self.ours {
            let _ = with_ttou_blocked(|| tcsetpgrp(stdin.as_fd(), getpgrp()));
        }
        if let Some(mode) = &self.mode {
            let _ = termios::tcsetattr(stdin.as_fd(), SetArg::TCSADRAIN, mode);
        }
    }
}

/// Runs `f` with SIGTTOU blocked on this thread: a process that is not in the
/// terminal's foreground may then still hand the terminal over.
fn with_ttou_blocked<R>(f: impl FnOnce() -> R) -> R {
    let mut ttou = SigSet::empty();
    ttou.add(Signal::SIGTTOU);
    let before = ttou.thread_block().is_ok();
    let result = f();
    if before {
        let _ = ttou.thread_unblock();
    }
    result
}

/// Whether any process of the group still runs. A process that ended but
/// that nobody collected (a zombie: its parent died, and in a container the
/// first process may not collect) runs nothing and does not count.
pub fn group_alive(group: Pid) -> bool {
    if killpg(group, None).is_err() {
        return false;
    }
    #[cfg(target_os = "linux")]
    {
        processes()
            .any(|(_, path)| stat_fields(&path).is_some_and(|(state, pgrp)| state != 'Z' && pgrp == group.as_raw()))
    }
    #[cfg(not(target_os = "linux"))]
    true
}

/// Whether a process still runs (see [`group_alive`] on zombies).
fn alive(pid: Pid) -> bool {
    if kill(pid, None).is_err() {
        return false;
    }
    #[cfg(target_os = "linux")]
    {
        stat_fields(std::path::Path::new(&format!("/proc/{pid}"))).is_some_and(|(state, _)| state != 'Z')
    }
    #[cfg(not(target_os = "linux"))]
    true
}

/// A process's state letter and process group, from `/proc/PID/stat`
/// ("pid (name) state ppid pgrp …": the name may hold spaces and parens).
#[cfg(target_os = "linux")]
fn stat_fields(path: &std::path::Path) -> Option<(char, i32)> {
    let stat = std::fs::read_to_string(path.join("stat")).ok()?;
    let (_, rest) = stat.rsplit_once(')')?;
    let mut fields = rest.split_whitespace();
    let state = fields.next()?.chars().next()?;
    let pgrp = fields.nth(1)?.parse().ok()?;
    Some((state, pgrp))
}

/// Stops the group and what escaped it: SIGTERM, then SIGKILL to whatever is
/// left after [`GRACE`]. `pipes` are the inodes of the command's output
/// pipes: a process holding one is the command's, wherever it went.
pub fn stop_all(group: Pid, pipes: &[u64], mut exited: impl FnMut() -> bool) {
    // Looked for again at each step: a command that ignores SIGTERM may go
    // on starting `setsid` children while it is being stopped.
    let signal_all = |signal| {
        let _ = killpg(group, signal);
        let found = escaped(pipes);
        for pid in &found {
            let _ = kill(*pid, signal);
        }
        found
    };
    signal_all(Signal::SIGCONT);
    let mut escaped = signal_all(Signal::SIGTERM);
    let deadline = Instant::now() + GRACE;
    while Instant::now() < deadline {
        let shell_gone = exited();
        if shell_gone && !group_alive(group) && !escaped.iter().any(|pid| alive(*pid)) {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
        escaped = signal_all(Signal::SIGTERM);
    }
    // SIGKILL until nothing of it is left (a few rounds at most: what is
    // killed starts nothing more).
    for _ in 0..10 {
        let left = signal_all(Signal::SIGKILL);
        let _ = exited();
        if !group_alive(group) && !left.iter().any(|pid| alive(*pid)) {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Whether the command's shell stopped (Ctrl-Z sends SIGTSTP to the group
/// that has the terminal): it is continued, since a step cannot be
/// suspended — the view or `exec` would wait for it for ever.
pub fn continue_if_stopped(child: Pid, group: Pid) -> bool {
    #[cfg(target_os = "linux")]
    {
        use nix::sys::wait::{Id, WaitPidFlag, WaitStatus, waitid};
        // WNOWAIT: only looked at, so that whoever waits for the child still can.
        let flags = WaitPidFlag::WNOHANG | WaitPidFlag::WSTOPPED | WaitPidFlag::WNOWAIT;
        let stopped = matches!(waitid(Id::Pid(child), flags), Ok(WaitStatus::Stopped(..)));
        if stopped {
            let _ = killpg(group, Signal::SIGCONT);
        }
        stopped
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (child, group);
        false
    }
}

/// Processes outside the group that are the command's: on Linux, any
/// process holding one of its output pipes (a `setsid` grandchild).
fn escaped(pipes: &[u64]) -> Vec<Pid> {
    #[cfg(target_os = "linux")]
    {
        holding(pipes)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = pipes;
        Vec::new()
    }
}

/// Every process, by its /proc entry.
#[cfg(target_os = "linux")]
fn processes() -> impl Iterator<Item = (Pid, std::path::PathBuf)> {
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let pid: i32 = entry.file_name().to_str()?.parse().ok()?;
            Some((Pid::from_raw(pid), entry.path()))
        })
}

/// The processes with one of the pipes open.
#[cfg(target_os = "linux")]
fn holding(pipes: &[u64]) -> Vec<Pid> {
    if pipes.is_empty() {
        return Vec::new();
    }
    let me = nix::unistd::getpid();
    let names: Vec<String> = pipes.iter().map(|inode| format!("pipe:[{inode}]")).collect();
    processes()
        .filter(|(pid, path)| {
            *pid != me
                && std::fs::read_dir(path.join("fd"))
                    .into_iter()
                    .flatten()
                    .flatten()
                    .any(|fd| {
                        std::fs::read_link(fd.path())
                            .is_ok_and(|target| names.iter().any(|n| target.as_os_str() == n.as_str()))
                    })
        })
        .map(|(pid, _)| pid)
        .collect()
}
