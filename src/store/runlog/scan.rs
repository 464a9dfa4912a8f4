//! Reading a whole run log one line at a time, from the file or from bytes
//! held in memory: the header checked, blank lines and repeated headers
//! passed over, invalid lines and a torn last line reported, events dated
//! too far ahead left out, and every other event handed on as it is read.
//! Nothing holds the whole file or all its events: the caller keeps what it
//! needs.

use std::io::BufRead;

use super::disk::is_torn_creation;
use super::error::RunLogError;
use super::line::{self, Header};
use super::mark::TAIL;
use super::{RunLog, Warning};
use crate::run::Event;
use crate::timestamp::Timestamp;

/// What a scan found besides the events it handed on.
#[derive(Debug, Default)]
pub(super) struct Scan {
    pub header: Option<Header>,
    pub warnings: Vec<Warning>,
    /// The events dated after the limit, in file order.
    pub left_out: Vec<Event>,
    /// The offset just past the last complete line, or past a last event
    /// that lacks its newline (read all the same).
    pub end: u64,
    /// How many complete lines there were.
    pub lines: usize,
    /// The last [`TAIL`] bytes (or fewer) before `end`.
    pub tail: Vec<u8>,
}

impl Scan {
    /// Counts a complete line of `bytes` (its newline included).
    fn complete(&mut self, bytes: &[u8]) {
        self.lines += 1;
        self.read_past(bytes);
    }

    /// Moves `end` past `bytes`, keeping the last of them in `tail`.
    fn read_past(&mut self, bytes: &[u8]) {
        self.end += bytes.len() as u64;
        if bytes.len() >= TAIL {
            self.tail.clear();
            self.tail.extend_from_slice(&bytes[bytes.len() - TAIL..]);
        } else {
            let keep = TAIL - bytes.len();
            self.tail.drain(..self.tail.len().saturating_sub(keep));
            self.tail.extend_from_slice(bytes);
        }
    }

    /// Hands `event`, read at line `number`, to `take`, or leaves it out
    /// when it is dated after `limit`, saying so.
    pub(super) fn take(&mut self, event: Event, number: usize, limit: Timestamp, take: &mut impl FnMut(Event)) {
        if event.stamp.at <= limit {
            take(event);
            return;
        }
        self.warnings.push(Warning {
            line: number,
            message: format!(
                "left out of the run: dated {}, more than a day ahead of this machine's clock, by {} (a clock set wrong?)",
                event.stamp.at, event.stamp.by
            ),
        });
        self.left_out.push(event);
    }
}

impl RunLog {
    /// Reads the whole log from `source`, its first line on, handing each
    /// event dated no later than `limit` to `take` as it is read.
    pub(super) fn scan(
        &self,
        mut source: impl BufRead,
        limit: Timestamp,
        mut take: impl FnMut(Event),
    ) -> Result<Scan, RunLogError> {
        let mut scan = Scan::default();
        let mut buf = Vec::new();
        let mut number = 0;
        loop {
            buf.clear();
            if source
                .read_until(b'\n', &mut buf)
                .map_err(|e| self.io_error("read it", &e))?
                == 0
            {
                return Ok(scan);
            }
            number += 1;
            // Only the last line can lack its newline.
            let terminated = buf.last() == Some(&b'\n');
            if terminated {
                scan.complete(&buf);
            }
            let raw = buf.strip_suffix(b"\n").unwrap_or(&buf);
            if number == 1 {
                if !terminated && is_torn_creation(raw) {
                    scan.warnings.push(Warning {
                        line: 1,
                        message: "the log's creation was interrupted; it holds no event".to_owned(),
                    });
                    return Ok(scan);
                }
                let header = std::str::from_utf8(raw).ok().and_then(line::parse_header);
                scan.header = Some(header.ok_or_else(|| self.not_a_run_log())?);
                continue;
            }
            self.scan_line(&mut scan, raw, number, terminated, limit, &mut take)?;
        }
    }

    /// One line after the header: passed over, reported, or an event.
    fn scan_line(
        &self,
        scan: &mut Scan,
        raw: &[u8],
        number: usize,
        terminated: bool,
        limit: Timestamp,
        take: &mut impl FnMut(Event),
    ) -> Result<(), RunLogError> {
        if raw.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        let text = std::str::from_utf8(raw).map_err(|_| ());
        if let Some(header) = text.ok().and_then(line::repeated_header) {
            let first = scan.header.as_ref().unwrap_or(&self.identity);
            return self.check_repeated_header(first, &header, number);
        }
        match text
            .map_err(|()| "the line is not UTF-8".to_owned())
            .and_then(line::parse_event)
        {
            Ok(event) => {
                // A whole event that lacks its newline (a hand edit) is
                // read, and the next append only adds the newline: what a
                // tail reads on from must be past it, or the tail would read
                // it a second time. Not counted as a line, so that the
                // newline still numbers it as a whole read does.
                if !terminated {
                    scan.read_past(raw);
                }
                scan.take(event, number, limit, take);
            }
            Err(_) if !terminated => scan.warnings.push(Warning {
                line: number,
                message: "the last line is incomplete (a write was interrupted); skipped".to_owned(),
            }),
            Err(why) => scan.warnings.push(Warning {
                line: number,
                message: format!("skipped an invalid line: {why}"),
            }),
        }
        Ok(())
    }
}
