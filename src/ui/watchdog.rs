//! Ending the view when SIGTERM, SIGHUP or SIGINT asks, even if the loop cannot.
//!
//! The loop sees the signal's flag within a tick and quits the normal way. But
//! when the terminal itself is gone (a closed window), crossterm 0.29 spins
//! inside `event::poll` on a tty that reads 0 bytes forever (crossterm issue
//! #793), and the loop never gets to look. So a thread waits for the flag too,
//! gives the loop a grace period, then waits for any run log write to finish,
//! restores what it can of the terminal and ends the process.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use anyhow::Context as _;

use super::terminal;

/// How often the thread looks at the flag.
const LOOK: Duration = Duration::from_millis(100);

/// How long the loop has to quit by itself once asked.
const GRACE: Duration = Duration::from_millis(750);

pub struct Watchdog {
    stop: Arc<AtomicBool>,
    writing: Arc<Mutex<()>>,
}

impl Watchdog {
    pub fn start() -> anyhow::Result<Watchdog> {
        let stop = Arc::new(AtomicBool::new(false));
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            signal_hook::flag::register(signal, Arc::clone(&stop)).context("cannot watch for signals")?;
        }
        let writing = Arc::new(Mutex::new(()));
        let (flag, lock) = (Arc::clone(&stop), Arc::clone(&writing));
        std::thread::Builder::new()
            .name("preflight-watchdog".into())
            .spawn(move || {
                while !flag.load(Ordering::Relaxed) {
                    std::thread::sleep(LOOK);
                }
                std::thread::sleep(GRACE);
                let _no_write_in_flight = lock.lock();
                terminal::restore();
                std::process::exit(0);
            })
            .context("cannot start the signal watchdog")?;
        Ok(Watchdog { stop, writing })
    }

    /// Whether a signal asked the view to end.
    pub fn stopping(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Held while writing the run log, so that the process never ends halfway
    /// through an append.
    pub fn writing(&self) -> MutexGuard<'_, ()> {
        self.writing.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
