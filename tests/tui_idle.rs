//! An idle view sleeps: it wakes for the tick that looks at the run log, not
//! hundreds of times a second. Counted from outside, by tracing the view's
//! main thread (ptrace, as strace does) and counting its poll(2) calls over two
//! idle seconds.

#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use std::time::{Duration, Instant};

use common::Sandbox;
use common::pty::Pty;
use nix::libc;
use nix::sys::ptrace;
use nix::sys::signal::Signal;
use nix::sys::wait::{WaitStatus, waitpid};
use nix::unistd::Pid;

/// Stops of `pid`'s thread at poll(2) and ppoll(2), entering and leaving,
/// over `window`; the thread runs on untraced afterwards.
fn poll_stops(pid: Pid, window: Duration) -> usize {
    ptrace::seize(pid, ptrace::Options::PTRACE_O_TRACESYSGOOD).expect("trace the view (ptrace)");
    ptrace::interrupt(pid).unwrap();
    let end = Instant::now() + window;
    let mut stops = 0;
    let mut deliver: Option<Signal> = None;
    loop {
        match waitpid(pid, None).unwrap() {
            WaitStatus::PtraceSyscall(_) => {
                let nr = ptrace::getregs(pid).unwrap().orig_rax;
                if nr == libc::SYS_poll as u64 || nr == libc::SYS_ppoll as u64 {
                    stops += 1;
                }
            }
            // A signal (a resize, say) is passed on when the thread resumes.
            WaitStatus::Stopped(_, signal) => deliver = Some(signal),
            WaitStatus::PtraceEvent(..) => {}
            other => panic!("the view stopped unexpectedly: {other:?}"),
        }
        if Instant::now() >= end {
            ptrace::detach(pid, deliver).unwrap();
            return stops;
        }
        ptrace::syscall(pid, deliver.take()).unwrap();
    }
}

#[test]
fn an_idle_view_sleeps_until_its_next_tick() {
    let sandbox = Sandbox::new();
    let mut pty = Pty::spawn(&sandbox, &["--fresh"], 80, 24);
    pty.wait_for("[ ] Cloud/On-premise environment");
    std::thread::sleep(Duration::from_millis(300));
    let pid = Pid::from_raw(pty.session.get_process().pid().as_raw());
    let stops = poll_stops(pid, Duration::from_secs(2));
    // A tick every 250 ms is one poll, two stops: about 16 in two seconds.
    // crossterm's own timed wait spun through the last part of a millisecond
    // of every wait: hundreds of stops even slowed down by the tracing.
    assert!(
        stops < 60,
        "{stops} poll(2) stops in two idle seconds: the view's loop spins"
    );
    // Still awake to keys, and to a resize, after the tracing.
    pty.send("j");
    pty.resize(120, 40);
    pty.wait_for("6 🚨 Emergency Procedures");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
}
