//! The exit statuses scripts can rely on, as `main` turns an outcome into one.

pub const OK: u8 = 0;
pub const ERROR: u8 = 1;
pub const USAGE: u8 = 2;
/// `status --require-complete` found open items.
pub const INCOMPLETE: u8 = 3;
