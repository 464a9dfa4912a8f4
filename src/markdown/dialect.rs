//! The Markdown preflight writes, as both directions read it: the marker an
//! export starts with, the words that open its note, evidence, skip-reason,
//! parameter and summary lines, and the codec of one item's task line. Export
//! writes this dialect and import reads it back; neither owns it.

mod item;

pub use item::read::read as read_item;
pub use item::write::{Line, write_to as write_item_to};

/// The first line of every export: how `import` knows it reads its own format.
pub const MARKER: &str = "<!-- preflight export";

/// Marks the note line under an item.
pub const NOTE: &str = "Note: ";

/// Marks the line under an item that says what its last command showed.
pub const EVIDENCE: &str = "Evidence: ";

/// Opens a skip reason after a skipped item.
pub const NOT_APPLICABLE: &str = "(N/A";

/// Opens the line of a run's parameter values, under the run line.
pub const PARAMETERS: &str = "**Parameters:**";

/// What starts the line under a phase's heading that says who approved it:
/// import leaves it out, as it is the run's, not the checklist's.
pub const APPROVALS: &str = "**Approvals:**";

/// The heading of the summary at the end, as in the seed.
pub const COMPLETION_STATUS: &str = "Completion Status";
