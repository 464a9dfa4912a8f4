//! The replayed run kept between commands, so that a command reads only what
//! was appended to the run log since the last one: a machine-local cache in
//! preflight's state folder (never beside a run log that may be in git).
//!
//! A snapshot holds the run state as replayed up to a [`Mark`] of the log, the
//! warnings that read gave, and the events dated after it was written (which
//! may yet be "ahead of the clock"). It is used only when everything still
//! holds: the same build of preflight, the same checklist (a hash of its
//! contents), the same log file continued past the mark, a clock not set back
//! since, and appended events that all come after what they change in time
//! order.
//! Anything else, or a file that cannot be read as one, means a full replay.
//! Deleting it is always safe; writing it never fails a command.

mod form;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::checklist::Checklist;
use crate::run::{Event, RunState};
use crate::store::files;
use crate::store::runlog::{Contents, Header, Mark, RunLog, Warning, place};
use crate::timestamp::Timestamp;
use form::Form;

/// Changed whenever the file's form changes: an older file is then ignored.
const FORMAT: u32 = 3;

/// The largest snapshot read: far above the state of 100,000 items.
const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// A run as a command starts from: replayed, with what the read found.
pub struct Snapshot {
    pub header: Header,
    pub state: RunState,
    pub mark: Mark,
    pub warnings: Vec<Warning>,
    /// The time and author of the events dated after it was taken.
    pub ahead: Vec<(Timestamp, String)>,
}

/// A snapshot as [`save`] writes it, borrowed from whoever holds its parts:
/// the run state stays the session's, and saving copies none of it.
pub struct Kept<'a> {
    pub header: &'a Header,
    pub state: &'a RunState,
    pub mark: &'a Mark,
    pub warnings: &'a [Warning],
    pub ahead: Vec<(Timestamp, String)>,
}

impl<'a> Kept<'a> {
    /// What a whole read keeps, taken at `now`.
    pub fn of(contents: &'a Contents, header: &'a Header, state: &'a RunState, now: Timestamp) -> Kept<'a> {
        // Not what it says of a line past the mark (an incomplete last line):
        // the next write cuts it off or ends it, and a resumed read reads it
        // again and says what it finds then, as a whole read would.
        let before_mark = contents.warnings.partition_point(|w| w.line <= contents.mark.lines);
        Kept {
            header,
            state,
            mark: &contents.mark,
            warnings: &contents.warnings[..before_mark],
            ahead: ahead_of(now, contents.events.iter()),
        }
    }
}

impl Snapshot {
    pub fn kept(&self) -> Kept<'_> {
        Kept {
            header: &self.header,
            state: &self.state,
            mark: &self.mark,
            warnings: &self.warnings,
            ahead: self.ahead.clone(),
        }
    }
}

fn ahead_of<'a>(now: Timestamp, events: impl Iterator<Item = &'a Event>) -> Vec<(Timestamp, String)> {
    events
        .filter(|e| e.stamp.at > now)
        .map(|e| (e.stamp.at, e.stamp.by.clone()))
        .collect()
}

/// Where the snapshot of the log at `log` is kept; `None` when the log does
/// not exist or the platform has no state folder.
pub fn file_for(log: &Path) -> Option<PathBuf> {
    let canonical = std::fs::canonicalize(log).ok()?;
    let name = format!("{}.json", place::file_key(&canonical));
    Some(place::state_dir()?.join("replayed").join(name))
}

/// Which preflight wrote a snapshot: its version, and the size and time of
/// its executable, so that another build (whose replay may differ under the
/// same version number) never reads what this one kept.
fn build() -> String {
    let exe = std::env::current_exe().and_then(std::fs::metadata);
    let stamp = exe.as_ref().ok().and_then(|meta| {
        let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
        Some(format!("{} {}", meta.len(), modified.as_nanos()))
    });
    format!("{} {}", env!("CARGO_PKG_VERSION"), stamp.unwrap_or_default())
}

/// What identifies a checklist's contents: any edit changes it.
fn checklist_key(checklist: &Checklist) -> u64 {
    use std::fmt::Write as _;
    // Hashed as it is printed: printed whole first, it took 38 MB at
    // 100,000 items, the view's peak.
    let mut hash = place::Fnv1a::default();
    let _ = write!(
        hash,
        "{:?}{:?}{:?}{:?}{:?}{:?}",
        checklist.title,
        checklist.description,
        checklist.params,
        checklist.phases(),
        checklist.sections(),
        checklist.items()
    );
    hash.value()
}

fn log_name(log: &Path) -> Option<String> {
    std::fs::canonicalize(log).ok().map(|p| p.display().to_string())
}

/// The snapshot of `log`, brought up to date with what was appended since,
/// when it is there and everything it stands on still holds; `None` means
/// the log must be read and replayed whole.
pub fn resume(log: &RunLog, checklist: &Checklist, now: Timestamp) -> Option<Snapshot> {
    let bytes = files::read_regular(&file_for(log.path())?, MAX_BYTES).ok()?;
    let form: Form = serde_json::from_slice(&bytes).ok()?;
    let fits = form.format == FORMAT
        && form.version == build()
        && Some(&form.log) == log_name(log.path()).as_ref()
        && form.checklist == checklist_key(checklist);
    if !fits {
        return None;
    }
    let written = form::parse_time(&form.written).filter(|written| *written <= now)?;
    let mark = Mark::from_parts(form.mark.into()).filter(|mark| mark.end > 0)?;
    let mut state = RunState::from_parts(checklist, form.state.back()?)?;
    let header: Header = form.header.into();
    let contents = Contents {
        header: Some(header.clone()),
        ..Contents::default()
    };
    log.verify(&contents).ok()?;
    let mut ahead = Vec::new();
    for (at, by) in form.ahead {
        ahead.push((form::parse_time(&at)?, by));
    }
    let new = log.read_from(&mark).ok()??;
    if !new.left_out.is_empty() {
        return None;
    }
    // Bytes past the last complete line: a write interrupted, or under way.
    // A whole read says so; leave it to one.
    let len = std::fs::metadata(log.path()).ok()?.len();
    if len != new.mark.end {
        return None;
    }
    let mut events = new.events;
    events.sort_by_key(|event| event.stamp.at);
    for event in &events {
        if !comes_after(&state, checklist, event) {
            return None;
        }
    }
    state.apply_later(checklist, &events);
    ahead.extend(ahead_of(written, events.iter()));
    let mut warnings = form::warnings_back(form.warnings);
    warnings.extend(new.warnings);
    Some(Snapshot {
        header,
        state,
        mark: new.mark,
        warnings,
        ahead,
    })
}

/// Whether applying `event` after everything in `state` gives what a replay
/// in time order would: it is not late ([`RunState::is_late`]: no older than
/// anything it changes, nor, in a gated checklist, than anything in the run),
/// and, as the first event by someone (operators are listed in the order
/// they first appear), no older than anything in the run.
fn comes_after(state: &RunState, checklist: &Checklist, event: &Event) -> bool {
    let first_by = !state.operators().contains(&event.stamp.by);
    let older = state.last_changed().is_some_and(|latest| event.stamp.at < latest);
    !(state.is_late(checklist, event) || first_by && older)
}

/// Keeps `snapshot` for the next command, written whole or not at all (a
/// temporary file renamed over the old one). Anything that fails is skipped:
/// the cache is only ever a saving.
pub fn save(log: &RunLog, checklist: &Checklist, snapshot: &Kept<'_>, now: Timestamp) {
    let (Some(path), Some(name)) = (file_for(log.path()), log_name(log.path())) else {
        return;
    };
    let form = Form {
        format: FORMAT,
        version: build(),
        log: name,
        checklist: checklist_key(checklist),
        written: form::time(now),
        header: snapshot.header.into(),
        mark: snapshot.mark.parts().into(),
        warnings: form::warnings(snapshot.warnings),
        ahead: snapshot
            .ahead
            .iter()
            .filter(|(at, _)| *at > now)
            .map(|(at, by)| (form::time(*at), by.clone()))
            .collect(),
        state: form::StateOut {
            state: snapshot.state,
            items: checklist.items().len(),
        },
    };
    let Some(dir) = path.parent() else { return };
    // Not flushed to disk: a file torn by a crash is damaged, and ignored.
    // Written as it is encoded: encoded whole first, it took 34 MB at
    // 100,000 items, the view's peak once the checklist key no longer did.
    let _ = files::create_private_dir(dir)
        .and_then(|()| tempfile::NamedTempFile::new_in(dir))
        .and_then(|mut file| {
            let mut out = std::io::BufWriter::new(&mut file);
            serde_json::to_writer(&mut out, &form)?;
            out.flush()?;
            drop(out);
            file.persist(&path).map(|_| ()).map_err(|e| e.error)
        });
}

#[cfg(test)]
mod tests;
