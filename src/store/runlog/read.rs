//! Reading a run log: the whole of it, or what was appended since a [`Mark`],
//! telling a file that grew from one that was replaced (a `git pull`, a
//! `git checkout`, an `mv`), which must be read again whole.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};

use super::error::{ErrorKind, RunLogError};
use super::line::{self, Header};
use super::mark::Mark;
use super::scan::Scan;
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

/// The header on the first line of `file`; `None` when it cannot be read as one.
fn first_header(file: &mut File) -> Option<Header> {
    let mut first = Vec::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    BufReader::new(file).read_until(b'\n', &mut first).ok()?;
    std::str::from_utf8(first.strip_suffix(b"\n")?)
        .ok()
        .and_then(line::parse_header)
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
            if let Some(header) = std::str::from_utf8(raw).ok().and_then(line::repeated_header) {
                // Checked against the file's own first line, as a whole read
                // checks it: a header of another run is two logs joined.
                let first = first_header(&mut file).unwrap_or_else(|| Header {
                    run: header.run.clone(),
                    ..self.identity.clone()
                });
                self.check_repeated_header(&first, &header, lines)?;
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
            mark: mark.further(&file, mark.end + complete as u64, lines, &bytes[..complete]),
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
