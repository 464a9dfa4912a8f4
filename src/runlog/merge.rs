//! Two copies of a run log joined by event identity, as `sync` merges them.
//!
//! A line's identity is its `id` when it has one, else its canonical form: the
//! JSON value written again with its keys in order, so that the same event
//! written by two programs (or reordered by a hand edit) is one event. A line
//! that is not JSON is its own identity, byte for byte. The union keeps every
//! line of ours in its order, without repeats, then every line of theirs that
//! ours lacks: nothing either side recorded is lost, git's line-based union
//! merge can no longer duplicate an event, and the state, which is replayed in
//! time order, does not depend on the order the lines end up in. Pure: the
//! files and the lock are the caller's.

use std::collections::HashSet;

/// What [`union`] made of two copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Union {
    /// The joined log, every line ending in a newline.
    pub text: Vec<u8>,
    /// The lines of theirs that ours lacked, in their order.
    pub came_in: Vec<String>,
}

/// The identity of one line of a run log.
pub fn identity(line: &[u8]) -> Vec<u8> {
    match serde_json::from_slice::<serde_json::Value>(line) {
        Ok(value) => {
            if let Some(id) = value.get("id").and_then(serde_json::Value::as_str) {
                let mut key = b"id:".to_vec();
                key.extend_from_slice(id.as_bytes());
                return key;
            }
            // serde_json keeps an object's keys sorted: this is canonical.
            value.to_string().into_bytes()
        }
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

/// Every line of `ours` once, in its order, then the lines of `theirs` that
/// `ours` lacks, in theirs.
pub fn union(ours: &[u8], theirs: &[u8]) -> Union {
    let mut seen = HashSet::new();
    let mut text = Vec::with_capacity(ours.len() + theirs.len());
    for line in lines(ours) {
        if seen.insert(identity(line)) {
            text.extend_from_slice(line);
            text.push(b'\n');
        }
    }
    let mut came_in = Vec::new();
    for line in lines(theirs) {
        if seen.insert(identity(line)) {
            text.extend_from_slice(line);
            text.push(b'\n');
            came_in.push(String::from_utf8_lossy(line).into_owned());
        }
    }
    Union { text, came_in }
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

/// Whether `text` holds exactly the lines of `other`, each once, in any order.
pub fn same_events(text: &[u8], other: &[u8]) -> bool {
    let mine = lines(text);
    let ids: HashSet<Vec<u8>> = mine.iter().map(|line| identity(line)).collect();
    ids.len() == mine.len() && lost(other, text) == 0 && lost(text, other) == 0
}

#[cfg(test)]
mod tests;
