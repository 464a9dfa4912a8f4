//! Hearing SIGINT, SIGTERM and SIGHUP while a command runs from the command
//! line: instead of ending preflight at once (and leaving the command running
//! without anyone to record it), the signal is noted, the runner stops the
//! command's whole group, the run records that the step was interrupted, and
//! preflight exits with 128 + the signal's number, as a shell would.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use signal_hook::SigId;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// The signals listened for while it lives.
pub struct Interrupts {
    heard: Arc<AtomicUsize>,
    ids: Vec<SigId>,
}

impl Interrupts {
    /// Starts listening.
    ///
    /// # Errors
    /// When a handler cannot be installed.
    pub fn listen() -> std::io::Result<Interrupts> {
        let heard = Arc::new(AtomicUsize::new(0));
        let mut ids = Vec::new();
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            let number = usize::try_from(signal).unwrap_or_default();
            ids.push(signal_hook::flag::register_usize(signal, Arc::clone(&heard), number)?);
        }
        Ok(Interrupts { heard, ids })
    }

    /// The signal heard, if any.
    pub fn heard(&self) -> Option<i32> {
        match self.heard.load(Ordering::SeqCst) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }

    /// Whether a signal was heard: what [`super::Run::cancel`] asks.
    pub fn asked(&self) -> bool {
        self.heard().is_some()
    }

    /// The exit status a shell gives a process ended by the signal heard.
    pub fn exit_status(&self) -> Option<u8> {
        self.heard().and_then(|n| u8::try_from(128 + n).ok())
    }
}

impl Drop for Interrupts {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}
