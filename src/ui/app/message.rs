//! A message of the status line, and how long it stays before it fades.

/// A short line for the footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
    /// How many ticks of the loop it has been shown for: it fades.
    pub age: u8,
}

/// Ticks (a quarter of a second each) a message stays: a few seconds, longer
/// for an error.
pub(super) const SAY_TICKS: u8 = 12;
pub(super) const COMPLAIN_TICKS: u8 = 32;
