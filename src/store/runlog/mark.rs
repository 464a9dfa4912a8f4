//! Where a read of a run log stopped, and what the file was there: what a
//! tail reads on from, and how it tells a file that grew from one that was
//! replaced, which must be read again whole.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

/// How many bytes before a mark are kept to recognise the file by.
pub(super) const TAIL: usize = 64;

/// Where a read stopped, and what the file was there, so that the next read
/// can tell whether the file still continues what was read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mark {
    /// The offset just past the last complete line read (or the last event
    /// read, when it lacks its newline).
    pub end: u64,
    /// How many lines were read, so that a tail can number its warnings.
    pub lines: usize,
    /// The file's device and inode: another one is another file.
    file: Option<(u64, u64)>,
    /// The last bytes read before `end`: a file rewritten in place no longer
    /// holds them there.
    tail: Vec<u8>,
}

#[cfg(unix)]
fn file_id(file: &File) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    file.metadata().ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &File) -> Option<(u64, u64)> {
    None
}

/// A [`Mark`] taken apart, for a cache kept outside this module (the run
/// state a command resumes from) to store it and give it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkParts {
    pub end: u64,
    pub lines: usize,
    pub file: Option<(u64, u64)>,
    pub tail: Vec<u8>,
}

impl Mark {
    /// The mark taken apart.
    pub fn parts(&self) -> MarkParts {
        MarkParts {
            end: self.end,
            lines: self.lines,
            file: self.file,
            tail: self.tail.clone(),
        }
    }

    /// A mark put back together; `None` when the parts cannot be one (a mark
    /// keeps the last bytes read, as many as were read up to [`TAIL`]).
    pub fn from_parts(parts: MarkParts) -> Option<Mark> {
        let fits = parts.tail.len() as u64 == parts.end.min(TAIL as u64);
        fits.then_some(Mark {
            end: parts.end,
            lines: parts.lines,
            file: parts.file,
            tail: parts.tail,
        })
    }

    /// The mark after `bytes`, read from `file` up to `end`.
    /// Only the last [`TAIL`] bytes are copied: a whole read of a large log
    /// once copied all of it here and kept the copy's capacity for as long
    /// as the mark (18 MB at 100,000 events, for the view's whole life).
    pub(super) fn after(file: &File, end: u64, lines: usize, bytes_before_end: &[u8], previous: &[u8]) -> Mark {
        let new = &bytes_before_end[bytes_before_end.len().saturating_sub(TAIL)..];
        let old = &previous[previous.len().saturating_sub(TAIL - new.len())..];
        let mut tail = Vec::with_capacity(old.len() + new.len());
        tail.extend_from_slice(old);
        tail.extend_from_slice(new);
        Mark {
            end,
            lines,
            file: file_id(file),
            tail,
        }
    }

    /// The mark after reading on from this one: `bytes` read since, up
    /// to `end`, `lines` in all.
    pub(super) fn further(&self, file: &File, end: u64, lines: usize, bytes: &[u8]) -> Mark {
        Mark::after(file, end, lines, bytes, &self.tail)
    }

    /// Whether `file` still continues what was read up to this mark.
    pub(super) fn continued_by(&self, file: &mut File, len: u64) -> std::io::Result<bool> {
        if len < self.end || (self.file.is_some() && file_id(file) != self.file) {
            return Ok(false);
        }
        let mut there = vec![0; self.tail.len()];
        file.seek(SeekFrom::Start(self.end - self.tail.len() as u64))?;
        file.read_exact(&mut there)?;
        Ok(there == self.tail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mark made after reading `read` bytes, `previous` kept from before.
    fn keeps_the_last_bytes_and_no_more(previous: usize, read: usize) {
        let file = tempfile::tempfile().unwrap();
        let bytes: Vec<u8> = (0..=255).collect();
        let mark = Mark::after(&file, 0, 0, &bytes[..read], &bytes[100..100 + previous]);
        let mut both = bytes[100..100 + previous].to_vec();
        both.extend_from_slice(&bytes[..read]);
        assert_eq!(
            mark.tail,
            both[both.len().saturating_sub(TAIL)..],
            "{previous} then {read}"
        );
        assert!(mark.tail.capacity() <= TAIL);
    }

    preflight_core::cases! {
        a_mark_keeps_the_last_bytes_read_and_no_more, keeps_the_last_bytes_and_no_more:
        nothing = (0, 0),
        a_few_bytes = (0, 10),
        more_than_a_tail = (0, 200),
        some_kept_then_a_few_read = (30, 10),
        some_kept_then_none_read = (30, 0),
        a_tail_kept_then_a_few_read = (100, 40),
        a_tail_kept_then_a_tail_read = (64, 64),
    }
}
