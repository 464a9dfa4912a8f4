//! Run state: what the events of one run say about each item of a checklist.
//!
//! A run is a set of events (see [`Event`]), each setting one item's status or note. The state
//! of an item is the result of its events in the order of their time (`at`),
//! events of the same time in the order given: so any merge of the same events
//! (two copies of a run log joined by git in either order) gives the same state.
//! Applying events as they arrive gives that answer too as long as they arrive
//! in time order; a caller that sees an older event arrive replays instead.
//! Events name items by id; those the checklist no longer has are kept aside as
//! orphans, and count again if the item comes back. Pure: the run log file lives
//! in `runlog`.

mod event;
mod evidence;
mod item;
mod params;
mod replay;
mod secrets;
mod state;

pub use crate::stamp::{Author, Stamp};
pub use event::{Change, Event, Subject};
pub use evidence::{Evidence, EvidenceKind, ParamShown, ParamValue, RecordedEvidence, Start};
pub use item::{ItemState, Prior, Proof, Running};
pub use replay::{Replay, in_time_order, passages};
pub use secrets::{MASK, Secrets};
pub use state::{Orphan, RunParts, RunState};

#[cfg(test)]
mod tests;
