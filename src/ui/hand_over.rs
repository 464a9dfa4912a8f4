//! Handing the terminal to an item's command (as lazygit does for its custom
//! commands): the command line first, then its output as it comes, then how
//! it ended and "press Enter", so the output can be read before the view
//! comes back. Also the clipboard escape for `c`.

use std::io::{self, BufRead as _, Write as _};
use std::time::Duration;

use crate::run::EvidenceKind;
use crate::runner::{self, Outcome, Run};
use crate::template::Values;
use crate::text::escape_message;

/// How long `v` lets a verification run, as `preflight verify` does.
pub const VERIFY_TIMEOUT: Duration = Duration::from_secs(60);

/// Runs `line` in the terminal the view has just given back.
///
/// # Errors
/// When `sh` cannot be started.
pub fn run(line: &str, values: &Values, kind: EvidenceKind) -> io::Result<Outcome> {
    let mut out = io::stdout();
    let verb = match kind {
        EvidenceKind::Exec => "running",
        EvidenceKind::Verify => "verifying with",
    };
    writeln!(out, "\npreflight: {verb}: {}\n", escape_message(line))?;
    out.flush()?;
    let outcome = runner::run(
        line,
        values,
        Run {
            stream: true,
            timeout: (kind == EvidenceKind::Verify).then_some(VERIFY_TIMEOUT),
        },
    )?;
    let evidence = outcome.clone().evidence(kind, line);
    writeln!(
        out,
        "\npreflight: {} — press Enter to go back to the checklist",
        evidence.summary()
    )?;
    out.flush()?;
    let mut answer = String::new();
    let _ = io::stdin().lock().read_line(&mut answer);
    Ok(outcome)
}

/// The escape that asks the terminal to put `text` on the clipboard.
pub fn clipboard(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding, for OSC 52.
fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(TABLE[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clipboard_escape_carries_the_text_in_base64() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("git tag 'v2.3.0'".as_bytes()), "Z2l0IHRhZyAndjIuMy4wJw==");
        assert_eq!(clipboard("ls"), "\x1b]52;c;bHM=\x07");
    }
}
