//! Reading a run log: the whole of it, or what was appended since a [`Mark`],
//! telling a file that grew from one that was replaced (a `git pull`, a
//! `git checkout`, an `mv`), which must be read again whole.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};

use super::error::{ErrorKind, RunLogError};
use super::line::{self, Header};
use super::scan::{Scan, TAIL};
use super::{RunLog, Warning};
use crate::checklist::Checklist;
use crate::run::{Event, Replay, RunState};
use crate::store::files::{self, FileError};
use crate::timestamp::Timestamp;

/// What a read found.
#[derive(Debug, Clone, Default)]
pub struct Contents {
    pub header: Option<Header>,
    pub events: Vec<Event>,
    pub warnings: Vec<Warning>,
    /// The events dated more than [`AHEAD`] past this machine's clock, in
    /// file order: left out of `events` (and so of replay), each with a
    /// warning naming who wrote it and when; `log` still lists them.
    pub left_out: Vec<Event>,
    /// Where the read stopped: where to tail from.
    pub mark: Mark,
}

impl Contents {
    /// What a whole read of `file` found: its scan, and the events kept.
    fn found(scan: Scan, events: Vec<Event>, file: &File) -> Contents {
        Contents {
            header: scan.header,
            events,
            warnings: scan.warnings,
            left_out: scan.left_out,
            mark: Mark::after(file, scan.end, scan.lines, &scan.tail, &[]),
        }
    }
}

/// Where a read stopped, and what the file was there, so that the next read
/// can tell whether the file still continues what was read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mark {
    /// The offset just past the last complete line read.
    pub end: u64,
    /// How many lines were read, so that a tail can number its warnings.
    pub lines: usize,
    /// The file's device and inode: another one is another file.
    file: Option<(u64, u64)>,
    /// The last bytes read before `end`: a file rewritten in place no longer
    /// holds them there.
    tail: Vec<u8>,
}

/// How far past the reading machine's clock an event may be dated and still
/// take effect. A stamp far ahead (a clock set wrong, or on purpose: stamps
/// are capped at the end of 9999, where they tie) would otherwise outrank
/// every change made now; left out, it cannot. Clones whose clocks agree
/// within the margin replay the same events.
pub const AHEAD: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// The latest time an event may be dated and take effect, read at `now`.
fn ahead_limit(now: Timestamp) -> Timestamp {
    Timestamp::from_system(now.as_system() + AHEAD)
}

/// How much of the log a whole read takes from the file at a time.
const READ_BUFFER: usize = 64 * 1024;

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
    fn after(file: &File, end: u64, lines: usize, bytes_before_end: &[u8], previous: &[u8]) -> Mark {
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

    /// Whether `file` still continues what was read up to this mark.
    fn continued_by(&self, file: &mut File, len: u64) -> std::io::Result<bool> {
        if len < self.end || (self.file.is_some() && file_id(file) != self.file) {
            return Ok(false);
        }
        let mut there = vec![0; self.tail.len()];
        file.seek(SeekFrom::Start(self.end - self.tail.len() as u64))?;
        file.read_exact(&mut there)?;
        Ok(there == self.tail)
    }
}

impl RunLog {
    /// The run as the whole log says it stands now, replayed in time order:
    /// what a command that ran for a while checks an item against.
    pub fn replayed(&self, checklist: &Checklist) -> Result<RunState, RunLogError> {
        self.read_replayed(checklist).map(|(_, state)| state)
    }

    /// Reads the whole log. A log that does not exist yet is an empty run.
    pub fn read(&self) -> Result<Contents, RunLogError> {
        let contents = self.read_unverified()?;
        self.verify(&contents)?;
        Ok(contents)
    }

    /// Checks that what was read belongs to this log's checklist.
    pub fn verify(&self, contents: &Contents) -> Result<(), RunLogError> {
        contents
            .header
            .as_ref()
            .map_or(Ok(()), |header| self.check_belongs(header))
    }

    /// Reads the whole log without checking which checklist it belongs to, so
    /// that it can be read before the checklist is known; [`RunLog::verify`]
    /// checks afterwards.
    pub fn read_unverified(&self) -> Result<Contents, RunLogError> {
        let Some((file, _lock)) = self.open_whole()? else {
            return Ok(Contents::default());
        };
        let mut events = Vec::new();
        let limit = ahead_limit(super::now());
        let scan = self.scan(BufReader::with_capacity(READ_BUFFER, &file), limit, |event| {
            events.push(event);
        })?;
        Ok(Contents::found(scan, events, &file))
    }

    /// Reads the whole log and replays it into a run of `checklist` as it
    /// reads, one event at a time ([`Replay`]), so that its events are never
    /// all held at once: the run, and what the read found, checked to belong
    /// to this log's checklist. Of the events, the contents keep only those
    /// dated after the time of the read (what a kept run state remembers to
    /// warn of); the others are in the run. A log whose events cannot be
    /// replayed as they come is read again, and replayed in time order.
    pub fn read_replayed(&self, checklist: &Checklist) -> Result<(Contents, RunState), RunLogError> {
        let Some((file, lock)) = self.open_whole()? else {
            return Ok((Contents::default(), RunState::new(checklist)));
        };
        let now = super::now();
        let mut replay = Replay::new(checklist);
        let mut ahead = Vec::new();
        let scan = self.scan(
            BufReader::with_capacity(READ_BUFFER, &file),
            ahead_limit(now),
            |event| {
                replay.push(&event);
                if event.stamp.at > now {
                    ahead.push(event);
                }
            },
        )?;
        drop(lock);
        let contents = Contents::found(scan, ahead, &file);
        self.verify(&contents)?;
        if let Some(state) = replay.finish() {
            return Ok((contents, state));
        }
        let mut contents = self.read()?;
        let state = RunState::replay(checklist, &contents.events);
        contents.events.retain(|event| event.stamp.at > now);
        Ok((contents, state))
    }

    /// The log opened for a whole read, with its lock taken shared (when it
    /// can be) so that a writer is never seen halfway through its line;
    /// `None` when there is no log.
    fn open_whole(&self) -> Result<Option<(File, Option<File>)>, RunLogError> {
        if !self.check_file("read it")? {
            return Ok(None);
        }
        let lock = super::disk::open_nofollow(&self.lock_path())
            .ok()
            .filter(|lock| lock.lock_shared().is_ok());
        match files::open_regular(&self.path) {
            Err(FileError::NotFound) => Ok(None),
            other => other
                .map(|file| Some((file, lock)))
                .map_err(|e| self.file_error("read it", e)),
        }
    }

    /// Reads the events appended since `mark` (where an earlier read stopped),
    /// taking only complete lines, so a writer caught mid-line is read next
    /// time. `None` when the file is no longer the one read, or no longer
    /// continues it (it shrank, vanished, is another file, or was rewritten):
    /// it was replaced, and must be read again whole.
    pub fn read_from(&self, mark: &Mark) -> Result<Option<Contents>, RunLogError> {
        super::lock::refuse_links(&self.path)?;
        let mut file = match files::open_regular(&self.path) {
            Ok(file) => file,
            Err(FileError::NotFound) => return Ok((mark.end == 0).then(Contents::default)),
            Err(e) => return Err(self.file_error("read it", e)),
        };
        let len = file.metadata().map_err(|e| self.io_error("read it", &e))?.len();
        if mark.end == 0 {
            return self.read().map(Some);
        }
        if !mark
            .continued_by(&mut file, len)
            .map_err(|e| self.io_error("read it", &e))?
        {
            return Ok(None);
        }
        let mut bytes = Vec::new();
        file.seek(SeekFrom::Start(mark.end))
            .and_then(|_| file.read_to_end(&mut bytes))
            .map_err(|e| self.io_error("read it", &e))?;
        let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let mut found = Scan::default();
        let mut events = Vec::new();
        let mut lines = mark.lines;
        let limit = ahead_limit(super::now());
        // Numbered and skipped as a whole read numbers and skips them, so
        // that a warning names the same line either way.
        for raw in bytes[..complete].split_inclusive(|&b| b == b'\n') {
            lines += 1;
            let raw = &raw[..raw.len() - 1];
            if raw.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if let Some(header) = std::str::from_utf8(raw).ok().and_then(repeated_header) {
                let expected = Header {
                    run: header.run.clone(),
                    ..self.identity.clone()
                };
                self.check_repeated_header(&expected, &header, lines)?;
                continue;
            }
            match std::str::from_utf8(raw)
                .map_err(|_| "the line is not UTF-8".to_owned())
                .and_then(line::parse_event)
            {
                Ok(event) => found.take(event, lines, limit, &mut |event| events.push(event)),
                Err(why) => found.warnings.push(Warning {
                    line: lines,
                    message: format!("skipped an invalid line: {why}"),
                }),
            }
        }
        Ok(Some(Contents {
            header: None,
            events,
            warnings: found.warnings,
            left_out: found.left_out,
            mark: Mark::after(&file, mark.end + complete as u64, lines, &bytes[..complete], &mark.tail),
        }))
    }

    /// The events of a copy of this log held in memory (one from git), for
    /// a summary; what cannot be read is left out.
    pub fn events_in(&self, bytes: &[u8]) -> Vec<Event> {
        let mut events = Vec::new();
        let limit = ahead_limit(super::now());
        match self.scan(bytes, limit, |event| events.push(event)) {
            Ok(_) => events,
            Err(_) => Vec::new(),
        }
    }

    /// A header line after the first: two people created the run
    /// independently and git kept both headers. Harmless for the same checklist
    /// and run; anything else means two different logs were joined.
    pub(super) fn check_repeated_header(
        &self,
        first: &Header,
        header: &Header,
        line: usize,
    ) -> Result<(), RunLogError> {
        if header.checklist == first.checklist && header.run == first.run {
            return Ok(());
        }
        Err(self.error(
            ErrorKind::OtherChecklist,
            format!(
                "line {line} starts the log of run \"{}\" of \"{}\", inside the log of run \"{}\" of \"{}\"",
                header.run, header.checklist, first.run, first.checklist
            ),
            "two different run logs were joined; keep each run in a file of its own (split the file at that line)",
        ))
    }
}

/// A line that is a run log header, where an event was expected.
pub(super) fn repeated_header(text: &str) -> Option<Header> {
    text.starts_with("{\"preflight\"")
        .then(|| line::parse_header(text))
        .flatten()
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
