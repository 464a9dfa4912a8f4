//! Two copies of a run log joined by event identity, as `sync` merges them.
//!
//! A line's identity is its canonical form: the JSON value written again with
//! its keys in order, so that the same event written by two programs (or
//! reordered by a hand edit) is one event, and two events that differ in
//! anything (an `id` field included) are never one. A line that is not JSON is
//! its own identity, byte for byte. The union keeps every
//! line of either copy once, in an order that depends on nothing but the lines
//! (time, then identity): nothing either side recorded is lost, git's
//! line-based union merge can no longer duplicate an event, and every clone
//! that joined the same lines holds the same file. Pure: the files and the
//! lock are the caller's.

use std::collections::HashSet;

use super::{Header, line};
use crate::timestamp::Timestamp;

/// What [`union`] made of two copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Union {
    /// The joined log, every line ending in a newline.
    pub text: Vec<u8>,
    /// The lines of theirs that ours lacked, in their order; only those that
    /// are text (UTF-8): a reader skips any other, so it is no change anyone
    /// can be told of.
    pub came_in: Vec<String>,
    /// The headers of another run or checklist, left out of the join: a log
    /// that holds one cannot be read by anyone, so it is never shared on.
    pub foreign: Vec<Foreign>,
}

/// A header of another run found in a copy, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Foreign {
    /// Whether it was in theirs (the upstream's copy), not ours.
    pub theirs: bool,
    /// Its line number in that copy, from 1.
    pub line: usize,
    /// The line itself.
    pub text: String,
}

/// The identity of one line of a run log: its canonical content.
pub fn identity(line: &[u8]) -> Vec<u8> {
    match serde_json::from_slice::<serde_json::Value>(line) {
        // serde_json keeps an object's keys sorted: this is canonical. An
        // `id` field is content like any other: were it the identity, two
        // events given the same id would be one, and each clone would keep
        // its own for ever.
        Ok(value) => value.to_string().into_bytes(),
        Err(_) => line.to_vec(),
    }
}

/// The complete lines of a log: blank lines left out, and a last line that
/// lacks its newline kept only when it is whole JSON (a write that was cut off
/// is no event anyone was told was recorded).
pub fn lines(text: &[u8]) -> Vec<&[u8]> {
    let terminated = text.ends_with(b"\n");
    let mut all: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
    let last = all.pop().unwrap_or_default();
    if !terminated && serde_json::from_slice::<serde_json::Value>(last).is_ok() {
        all.push(last);
    }
    all.retain(|line| !line.iter().all(u8::is_ascii_whitespace));
    all
}

/// A line, with what it is known and ordered by.
struct Keyed<'a> {
    line: &'a [u8],
    id: Vec<u8>,
    at: Option<Timestamp>,
}

impl Keyed<'_> {
    fn of(line: &[u8]) -> Keyed<'_> {
        let at = serde_json::from_slice::<serde_json::Value>(line)
            .ok()
            .and_then(|value| value.get("at")?.as_str().and_then(|at| Timestamp::parse(at).ok()));
        Keyed {
            line,
            id: identity(line),
            at,
        }
    }

    fn is_header(&self) -> bool {
        self.line.starts_with(b"{\"preflight\"")
    }

    /// Whether this header line is one of the run `own` (two clones that
    /// started the run apart each wrote one); one that cannot be read as a
    /// header is an unreadable line, not another run's.
    fn belongs_to(&self, own: &Header) -> bool {
        std::str::from_utf8(self.line)
            .ok()
            .and_then(line::parse_header)
            .is_none_or(|header| header.checklist == own.checklist && header.run == own.run)
    }
}

/// Every line of either copy once, in one order whatever the copies' orders:
/// a header first (of several, the first by identity: two clones that
/// started the run apart each wrote one), then the events in the order
/// of their time, events of the same time in the order of their identity,
/// then the lines without a time (another header, a line that cannot be
/// read), in the order of their identity. Every clone that joins the same
/// lines writes the same file, so replay (which keeps the file's order for
/// events of the same time) gives the same state everywhere. A header of a
/// run other than `own` (its checklist or run differs) is left out, and told
/// in [`Union::foreign`]: every reader would refuse the log that held it.
pub fn union(ours: &[u8], theirs: &[u8], own: &Header) -> Union {
    let mut seen = HashSet::new();
    let mut all: Vec<Keyed> = Vec::new();
    let mut foreign = Vec::new();
    let mut came_in = Vec::new();
    for (copy, is_theirs) in [(ours, false), (theirs, true)] {
        for line in lines(copy) {
            let keyed = Keyed::of(line);
            if keyed.is_header() && !keyed.belongs_to(own) {
                if seen.insert(keyed.id) {
                    foreign.push(Foreign {
                        theirs: is_theirs,
                        line: line_number(copy, line),
                        text: String::from_utf8_lossy(line).into_owned(),
                    });
                }
                continue;
            }
            if seen.insert(keyed.id.clone()) {
                if is_theirs && let Ok(text) = std::str::from_utf8(line) {
                    came_in.push(text.to_owned());
                }
                all.push(keyed);
            }
        }
    }
    let header = all
        .iter()
        .enumerate()
        .filter(|(_, keyed)| keyed.is_header())
        .min_by(|(_, a), (_, b)| a.id.cmp(&b.id))
        .map(|(first, _)| first)
        .map(|first| all.remove(first));
    all.sort_by(|a, b| (a.at.is_none(), a.at, &a.id).cmp(&(b.at.is_none(), b.at, &b.id)));
    let mut text = Vec::with_capacity(ours.len() + theirs.len());
    for keyed in header.iter().chain(&all) {
        text.extend_from_slice(keyed.line);
        text.push(b'\n');
    }
    Union { text, came_in, foreign }
}

/// The number, from 1, of the line `line` (a slice of `text`) in `text`.
fn line_number(text: &[u8], line: &[u8]) -> usize {
    let offset = (line.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    text[..offset.min(text.len())].split(|&b| b == b'\n').count()
}

/// How many lines of `older` `newer` no longer holds: a log that lost lines
/// that were shared is never shared that way.
pub fn lost(older: &[u8], newer: &[u8]) -> usize {
    let kept: HashSet<Vec<u8>> = lines(newer).into_iter().map(identity).collect();
    let mut counted = HashSet::new();
    lines(older)
        .into_iter()
        .map(identity)
        .filter(|line| !kept.contains(line) && counted.insert(line.clone()))
        .count()
}

#[cfg(test)]
mod tests;
