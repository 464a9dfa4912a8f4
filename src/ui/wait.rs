//! Waiting for input or the next tick without spinning.
//!
//! crossterm's `/dev/tty` reader (the `use-dev-tty` feature, for reading a
//! large paste whole) hands poll(2) its timeout in whole milliseconds rounded
//! down, and loops until the timeout has passed: the last fraction of a
//! millisecond of every wait became hundreds of `poll(…, 0)` calls in a row,
//! about 5,800 a second in an idle view. So the view waits here instead, on
//! the same terminal and on a SIGWINCH pipe of its own, with the timeout
//! rounded up; crossterm is asked for events only once there is something to
//! read, when its own wait returns at once.

use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::time::Duration;

use nix::errno::Errno;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};

/// The terminal the keys come from and a pipe that a resize writes to.
pub struct Waiter {
    /// `/dev/tty`, opened when standard input is not the terminal (as
    /// crossterm's reader does); standard input otherwise.
    tty: Option<File>,
    resized: UnixStream,
    id: signal_hook::SigId,
    /// crossterm may hold events it has read but not handed out (a burst
    /// that was cut short to draw a frame): they are asked for before waiting.
    pub pending: bool,
}

impl Waiter {
    pub fn new() -> io::Result<Waiter> {
        let tty = if io::stdin().is_terminal() {
            None
        } else {
            Some(File::options().read(true).write(true).open("/dev/tty")?)
        };
        let (resized, sender) = UnixStream::pair()?;
        resized.set_nonblocking(true)?;
        sender.set_nonblocking(true)?;
        let id = signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, sender)?;
        Ok(Waiter {
            tty,
            resized,
            id,
            pending: false,
        })
    }

    /// Waits until there may be input (or a resize) for crossterm to read,
    /// or `timeout` has passed, or a signal came; `true` in the first case.
    pub fn wait(&mut self, timeout: Duration) -> io::Result<bool> {
        if self.pending {
            return Ok(true);
        }
        let stdin = io::stdin();
        let tty: BorrowedFd = match &self.tty {
            Some(file) => file.as_fd(),
            None => stdin.as_fd(),
        };
        let mut fds = [
            PollFd::new(tty, PollFlags::POLLIN),
            PollFd::new(self.resized.as_fd(), PollFlags::POLLIN),
        ];
        match poll(&mut fds, whole_millis(timeout)) {
            Ok(0) | Err(Errno::EINTR) => Ok(false),
            Ok(_) => {
                if fds[1].any().unwrap_or(false) {
                    // Emptied, so the next wait blocks again; crossterm's own
                    // pipe says the same and it reports the new size.
                    let mut drain = [0u8; 64];
                    while matches!((&self.resized).read(&mut drain), Ok(n) if n > 0) {}
                }
                Ok(true)
            }
            Err(err) => Err(err.into()),
        }
    }
}

impl Drop for Waiter {
    fn drop(&mut self) {
        signal_hook::low_level::unregister(self.id);
    }
}

/// `timeout` in whole milliseconds rounded up, so that a wait is never cut
/// short into a spin; at most `u16::MAX`.
fn whole_millis(timeout: Duration) -> PollTimeout {
    let millis = timeout.as_micros().div_ceil(1000);
    PollTimeout::from(u16::try_from(millis).unwrap_or(u16::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeout_is_rounded_up_to_whole_milliseconds() {
        let millis = |d| i32::from(whole_millis(d));
        assert_eq!(millis(Duration::ZERO), 0);
        assert_eq!(millis(Duration::from_micros(1)), 1, "never rounded down to no wait");
        assert_eq!(millis(Duration::from_micros(999)), 1);
        assert_eq!(millis(Duration::from_millis(250)), 250);
        assert_eq!(millis(Duration::from_micros(249_001)), 250);
        assert_eq!(millis(Duration::from_secs(3600)), i32::from(u16::MAX));
    }
}
