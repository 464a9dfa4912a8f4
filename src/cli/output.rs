//! Writing command output to stdout, where a closed pipe (`preflight status | head`)
//! is a normal way for the reader to stop, not an error.

use std::io::{self, Write};

/// Writes `text` to stdout; a reader that went away is not an error.
pub fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
