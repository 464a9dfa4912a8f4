//! What a run's log says that the operator should know, as the warnings the
//! caller shows once: lines that were skipped, items the checklist no longer
//! has (and which of them were most likely renamed, with the fix), and
//! changes dated in the future (a clock set wrong).

use std::fmt::Write as _;
use std::time::{Duration, SystemTime};

use crate::checklist::Checklist;
use crate::renames::likely_renames;
use crate::run::{Event, RunState};
use crate::store::runlog::{Contents, RunLog, Warning};
use crate::text::{escape_for_terminal, plural};
use crate::timestamp::Timestamp;

/// How many skipped lines, or orphaned items, are named one by one; the rest
/// are counted. A damaged log of millions of lines says so in a dozen.
pub const SHOWN_WARNINGS: usize = 10;

/// How far ahead of this machine's clock an event may be before it is taken
/// for a clock set wrong.
const FUTURE: Duration = Duration::from_secs(24 * 60 * 60);

/// What a read of the log found beside the events: the lines it skipped, and
/// the time and author of every event that may be dated ahead of the clock
/// (all of them, or those a snapshot kept).
pub struct Read<'a> {
    pub warnings: &'a [Warning],
    pub stamps: Vec<(Timestamp, &'a str)>,
}

impl<'a> Read<'a> {
    /// What a whole read found.
    pub fn of(contents: &'a Contents) -> Read<'a> {
        Read {
            warnings: &contents.warnings,
            stamps: stamps(&contents.left_out),
        }
    }
}

/// Each event's time and author, for [`future_note`].
pub fn stamps(events: &[Event]) -> Vec<(Timestamp, &str)> {
    events.iter().map(|e| (e.stamp.at, e.stamp.by.as_str())).collect()
}

/// Everything worth knowing about the run as read, a warning each.
pub fn of(log: &RunLog, checklist: &Checklist, read: &Read, state: &RunState) -> Vec<String> {
    let path = escape_for_terminal(&log.path().display().to_string());
    let warnings = read.warnings;
    let mut notices: Vec<String> = warnings
        .iter()
        .take(SHOWN_WARNINGS)
        .map(|warning| format!("{path}:{}: {}", warning.line, warning.message))
        .collect();
    if warnings.len() > SHOWN_WARNINGS {
        let more = plural(
            warnings.len() - SHOWN_WARNINGS,
            "more invalid line",
            "more invalid lines",
        );
        notices.push(format!("{path}: and {more}"));
    }
    notices.extend(orphans(checklist, state));
    notices.extend(future_note(&read.stamps));
    notices
}

/// The items of the run the checklist no longer has, and which of them were
/// most likely renamed, with the fix.
fn orphans(checklist: &Checklist, state: &RunState) -> Option<String> {
    let orphans: Vec<_> = state.orphans().collect();
    if orphans.is_empty() {
        return None;
    }
    let count = plural(orphans.len(), "item", "items");
    let are = if orphans.len() == 1 { "is" } else { "are" };
    let mut message = format!(
        "{count} in this run {are} no longer in the checklist; their events are kept and count again if the item comes back:"
    );
    for orphan in orphans.iter().take(SHOWN_WARNINGS) {
        let title = orphan.title.as_deref().map(|t| format!(" \"{t}\"")).unwrap_or_default();
        let _ = write!(message, "\n  {}{title} ({})", orphan.id, orphan.state.status.as_str());
    }
    if orphans.len() > SHOWN_WARNINGS {
        let _ = write!(message, "\n  and {} more", orphans.len() - SHOWN_WARNINGS);
    }
    for rename in likely_renames(checklist, state).iter().take(SHOWN_WARNINGS) {
        let item = &checklist.items()[rename.item];
        let _ = match &rename.id {
            Some(id) => write!(
                message,
                "\n  hint: \"{}\" looks renamed to \"{}\": add \"id: {id}\" to \"{}\" to keep its history",
                rename.old_title, item.title, item.title
            ),
            None => write!(
                message,
                "\n  hint: \"{}\" looks moved to \"{}\" ({}); an item's id includes its phase and section, so its history stays with {}",
                rename.old_title, item.title, item.id, rename.old_id
            ),
        };
    }
    Some(message)
}

/// Says how many events are dated more than a day ahead of this machine's
/// clock, and so left out of the run, and the first of them, from each
/// event's time and author; the view shows it too.
pub fn future_note(stamps: &[(Timestamp, &str)]) -> Option<String> {
    let limit = Timestamp::from_system(SystemTime::now() + FUTURE);
    let ahead: Vec<_> = stamps.iter().filter(|(at, _)| *at > limit).collect();
    let (at, by) = ahead.iter().min_by_key(|(at, _)| *at)?;
    Some(format!(
        "{} in this run are dated more than a day ahead of this machine's clock and left out of it (the first by {by}, at {}); a clock may be set wrong",
        plural(ahead.len(), "change", "changes"),
        at.human()
    ))
}
