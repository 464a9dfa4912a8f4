//! Ending the view when SIGTERM, SIGHUP or SIGINT asks, even if the loop cannot.
//!
//! The loop sees the signal's flag within a tick and quits the normal way. But
//! when the terminal itself is gone (a closed window), crossterm 0.29 spins
//! inside `event::poll` on a tty that reads 0 bytes forever (crossterm issue
//! #793), and the loop never gets to look. So a thread waits for the flag too,
//! gives the loop a grace period, then waits for any run log write to finish,
//! restores what it can of the terminal and ends the process.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use anyhow::Context as _;

use super::terminal;

/// How often the thread looks at the flag.
const LOOK: Duration = Duration::from_millis(100);

/// How long the loop has to quit by itself once asked.
const GRACE: Duration = Duration::from_millis(750);

/// How long the view waits for a command it handed the terminal to, once
/// asked to end: the runner's grace before SIGKILL, and a moment to record.
const HANDED_GRACE: Duration = Duration::from_secs(4);

/// The signals that end the view.
const ENDING: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];

/// Unblocks the signals that end the view, on this thread and so on every
/// thread it starts. A supervisor may start preflight with SIGHUP blocked; the
/// view would then never hear that its terminal closed, and spin on it.
#[cfg(unix)]
fn unblock_ending_signals() -> anyhow::Result<()> {
    use nix::sys::signal::{SigSet, Signal};
    let mut set = SigSet::empty();
    for signal in ENDING {
        set.add(Signal::try_from(signal).context("an unknown signal")?);
    }
    set.thread_unblock()
        .context("cannot unblock the signals that end the view")
}

#[cfg(not(unix))]
fn unblock_ending_signals() -> anyhow::Result<()> {
    Ok(())
}

/// The view's guard against a loop that cannot end by itself. It is the one
/// place below `main` that ends the process: when an ending signal came and
/// the loop has not quit within [`GRACE`], the main thread may be stuck (in
/// crossterm's poll on a terminal that is gone, or waiting for a command the
/// terminal was handed to), so nothing could return an exit status to
/// `main`; the watchdog's thread then waits for a run log write in flight,
/// restores the terminal, and exits with 128 + the signal, as a shell
/// reports a process a signal ended.
pub struct Watchdog {
    stop: Arc<AtomicBool>,
    /// The number of the last ending signal that came.
    which: Arc<AtomicUsize>,
    /// SIGINT, apart: while the terminal is handed to a command, Ctrl-C is
    /// for the command, which shares the terminal, and not for the view.
    interrupt: Arc<AtomicBool>,
    handed: Arc<AtomicBool>,
    writing: Arc<Mutex<()>>,
}

/// While it lives, the terminal is handed to a command: SIGINT stops the
/// command, not the view.
pub struct HandedOver<'a>(&'a Watchdog);

impl Drop for HandedOver<'_> {
    fn drop(&mut self) {
        self.0.interrupt.store(false, Ordering::SeqCst);
        self.0.handed.store(false, Ordering::SeqCst);
    }
}

impl Watchdog {
    /// Starts watching; call it before any other thread is started, so that
    /// they all inherit the signal mask it sets. The thread it starts ends the
    /// process (128 + the signal) if the loop does not quit in time once a
    /// signal asked: see [`Watchdog`].
    pub fn start() -> anyhow::Result<Watchdog> {
        unblock_ending_signals()?;
        let stop = Arc::new(AtomicBool::new(false));
        let interrupt = Arc::new(AtomicBool::new(false));
        let handed = Arc::new(AtomicBool::new(false));
        // Which signal ended the view: it exits 128 + its number, as a
        // shell reports a process a signal ended.
        let which = Arc::new(AtomicUsize::new(0));
        for signal in ENDING {
            let flag = if signal == signal_hook::consts::SIGINT {
                &interrupt
            } else {
                &stop
            };
            signal_hook::flag::register(signal, Arc::clone(flag)).context("cannot watch for signals")?;
            signal_hook::flag::register_usize(signal, Arc::clone(&which), signal.unsigned_abs() as usize)
                .context("cannot watch for signals")?;
        }
        let writing = Arc::new(Mutex::new(()));
        let (flag, lock) = (Arc::clone(&stop), Arc::clone(&writing));
        let (int, away) = (Arc::clone(&interrupt), Arc::clone(&handed));
        let which_here = Arc::clone(&which);
        std::thread::Builder::new()
            .name("preflight-watchdog".into())
            .spawn(move || {
                loop {
                    if away.load(Ordering::SeqCst) {
                        int.store(false, Ordering::SeqCst);
                    }
                    if flag.load(Ordering::Relaxed) || int.load(Ordering::SeqCst) {
                        break;
                    }
                    std::thread::sleep(LOOK);
                }
                std::thread::sleep(GRACE);
                // A command the terminal is handed to is being stopped by
                // the runner (TERM, then KILL): its end is recorded first.
                let waited = std::time::Instant::now();
                while away.load(Ordering::SeqCst) && waited.elapsed() < HANDED_GRACE {
                    std::thread::sleep(LOOK);
                }
                let _no_write_in_flight = lock.lock();
                terminal::restore();
                let signal = i32::try_from(which_here.load(Ordering::SeqCst)).unwrap_or(0);
                std::process::exit(128 + signal);
            })
            .context("cannot start the signal watchdog")?;
        Ok(Watchdog {
            stop,
            which,
            interrupt,
            handed,
            writing,
        })
    }

    /// The signal that asked the view to end, if one did.
    pub fn signal(&self) -> Option<i32> {
        let which = i32::try_from(self.which.load(Ordering::SeqCst)).unwrap_or(0);
        (self.stopping() && which > 0).then_some(which)
    }

    /// Whether a signal asked the view to end.
    pub fn stopping(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
            || (self.interrupt.load(Ordering::SeqCst) && !self.handed.load(Ordering::SeqCst))
    }

    /// Whether SIGTERM or SIGHUP asked the view to end: a command running
    /// for it is then stopped.
    pub fn ending(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Hands the terminal to a command until the guard is dropped.
    pub fn hand_over(&self) -> HandedOver<'_> {
        self.handed.store(true, Ordering::SeqCst);
        HandedOver(self)
    }

    /// Held while writing the run log, so that the process never ends halfway
    /// through an append.
    pub fn writing(&self) -> MutexGuard<'_, ()> {
        self.writing.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(unix)]
#[cfg(test)]
mod tests {
    use nix::sys::signal::{SigSet, Signal};

    #[test]
    fn signals_blocked_by_whoever_started_the_view_are_unblocked() {
        let mut hup = SigSet::empty();
        hup.add(Signal::SIGHUP);
        hup.add(Signal::SIGTERM);
        hup.thread_block().unwrap();
        assert!(SigSet::thread_get_mask().unwrap().contains(Signal::SIGHUP));
        super::unblock_ending_signals().unwrap();
        let mask = SigSet::thread_get_mask().unwrap();
        assert!(!mask.contains(Signal::SIGHUP) && !mask.contains(Signal::SIGTERM));
    }
}
