//! What the reading of a command works with and finds: its characters and
//! placeholders, and where each placeholder stands or why it cannot be
//! written into.

/// Where a placeholder stands, as the shell reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quoting {
    /// Unquoted: the value goes in as one single-quoted word.
    Bare,
    /// Inside `'…'`: the quotes are closed around each `'` of the value.
    Single,
    /// Inside `"…"`: `\`, `"`, `$` and the backquote are escaped.
    Double,
    /// In a `#` comment: a quoted word without line breaks, so the comment
    /// stays one line (and stays harmless if it was not a comment after all).
    Comment,
}

/// Why a placeholder's place cannot be written into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknowable {
    /// Which placeholder of the text, counted from 0.
    pub placeholder: usize,
    /// Where it stands, in words: "inside backquotes".
    pub place: &'static str,
}

/// One character of the command, or a placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    Ch(char),
    Param,
}
