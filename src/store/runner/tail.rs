//! The last lines of a command's output, kept in bounded memory whatever the
//! command prints: at most [`OUTPUT_LINES`] lines of at most
//! [`OUTPUT_LINE_CHARS`] characters, cleaned of control characters.

use std::collections::VecDeque;

use crate::store::runlog::{OUTPUT_LINE_CHARS, OUTPUT_LINES};
use crate::text::clean_line;

/// Keeps the last lines of a stream of bytes.
pub struct Tail {
    lines: VecDeque<String>,
    /// The line being read, cut at a bound: a line without end is kept as
    /// its start.
    partial: Vec<u8>,
}

/// How many bytes of one line are kept: room for the characters kept of it,
/// four bytes each at most.
const PARTIAL_BYTES: usize = OUTPUT_LINE_CHARS * 4;

impl Tail {
    pub fn new() -> Tail {
        Tail {
            lines: VecDeque::with_capacity(OUTPUT_LINES + 1),
            partial: Vec::new(),
        }
    }

    fn push_line(&mut self) {
        let text = String::from_utf8_lossy(&self.partial);
        let text: String = text.trim_end_matches('\r').chars().take(OUTPUT_LINE_CHARS).collect();
        self.partial.clear();
        self.lines.push_back(clean_line(&text).unwrap_or_default());
        if self.lines.len() > OUTPUT_LINES {
            self.lines.pop_front();
        }
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        // Lines that later lines of the same chunk push out are never
        // cleaned or kept: with more line ends than lines kept, reading
        // starts after the one before the last kept lines.
        let mut rest = bytes;
        let mut ends = bytes.iter().enumerate().rev().filter(|&(_, &b)| b == b'\n');
        if let Some((cut, _)) = ends.nth(OUTPUT_LINES) {
            self.lines.clear();
            self.partial.clear();
            rest = &bytes[cut + 1..];
        }
        while let Some(end) = rest.iter().position(|&b| b == b'\n') {
            self.take_part(&rest[..end]);
            self.push_line();
            rest = &rest[end + 1..];
        }
        self.take_part(rest);
    }

    fn take_part(&mut self, bytes: &[u8]) {
        let room = PARTIAL_BYTES.saturating_sub(self.partial.len());
        self.partial.extend_from_slice(&bytes[..bytes.len().min(room)]);
    }

    pub fn finish(mut self) -> Vec<String> {
        if !self.partial.is_empty() {
            self.push_line();
        }
        self.lines.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tail_is_the_last_lines_however_the_output_comes_in() {
        let mut tail = Tail::new();
        let text = (1..=100).map(|n| format!("line {n}")).collect::<Vec<_>>().join("\n") + "\n";
        for chunk in text.as_bytes().chunks(7) {
            tail.feed(chunk);
        }
        tail.feed(b"last without end");
        let lines = tail.finish();
        assert_eq!(lines.len(), OUTPUT_LINES);
        assert_eq!(lines[0], "line 82");
        assert_eq!(lines[OUTPUT_LINES - 2], "line 100");
        assert_eq!(lines[OUTPUT_LINES - 1], "last without end");
    }

    #[test]
    fn a_chunk_of_many_lines_keeps_the_same_tail_as_line_by_line() {
        let text: String = (0..1000).map(|n| format!("l{n}\n")).collect::<Vec<_>>().concat() + "end";
        let mut whole = Tail::new();
        whole.feed(b"before\n");
        whole.feed(text.as_bytes());
        let mut bytewise = Tail::new();
        bytewise.feed(b"before\n");
        for byte in text.as_bytes() {
            bytewise.feed(std::slice::from_ref(byte));
        }
        assert_eq!(whole.finish(), bytewise.finish());
        let mut few = Tail::new();
        few.feed(b"a\nb\n");
        few.feed(b"c");
        assert_eq!(few.finish(), ["a", "b", "c"]);
    }

    #[test]
    fn a_line_without_end_is_kept_as_its_start() {
        let mut tail = Tail::new();
        for _ in 0..10_000 {
            tail.feed(&[b'x'; 1000]);
        }
        assert!(tail.partial.len() <= PARTIAL_BYTES);
        tail.feed(b"\x1b[31mred\r\n");
        let lines = tail.finish();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].chars().count(), OUTPUT_LINE_CHARS);
    }
}
