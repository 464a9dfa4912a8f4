//! Load errors, rendered the way a compiler would: the file, the line and column,
//! the offending line with a caret, and a hint about what to do.

use std::fmt;

use unicode_width::UnicodeWidthStr as _;

use crate::text::escape_for_terminal;

/// A line and column in the file, both 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: u64,
    pub column: u64,
}

/// Why a checklist file could not be loaded. Its `Display` is the whole message.
/// Boxed: errors are rare, and a small `Result` keeps the happy path lean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError(Box<Details>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Details {
    file: String,
    position: Option<Position>,
    excerpt: Option<Excerpt>,
    message: String,
    notes: Vec<String>,
    hint: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Excerpt {
    text: String,
    /// How many terminal columns the caret stands right of the excerpt's start:
    /// a CJK character or an emoji takes two.
    caret: usize,
}

/// How many characters of a long source line are shown either side of the column.
const EXCERPT_RADIUS: usize = 60;

impl Excerpt {
    /// Cuts the line around the column and makes it safe to print: controls are
    /// escaped and tabs shown as one space, keeping the caret under its character.
    fn new(line: &str, column: u64) -> Excerpt {
        let chars: Vec<char> = line.chars().collect();
        let col = usize::try_from(column.saturating_sub(1))
            .unwrap_or(usize::MAX)
            .min(chars.len());
        let start = col.saturating_sub(EXCERPT_RADIUS);
        let end = (col + EXCERPT_RADIUS).min(chars.len());
        let mut text = String::new();
        let mut caret = 0;
        if start > 0 {
            text.push('…');
        }
        for (i, c) in chars[start..end].iter().enumerate() {
            if start + i == col {
                caret = text.width();
            }
            let shown = if *c == '\t' {
                " ".to_owned()
            } else {
                escape_for_terminal(&c.to_string())
            };
            text.push_str(&shown);
        }
        if start + (end - start) <= col {
            caret = text.width();
        }
        if end < chars.len() {
            text.push('…');
        }
        Excerpt { text, caret }
    }
}

impl LoadError {
    /// An error about the file as a whole (it is missing, empty, binary…).
    pub fn file(file: &str, message: impl Into<String>) -> LoadError {
        LoadError(Box::new(Details {
            file: escape_for_terminal(file),
            position: None,
            excerpt: None,
            message: message.into(),
            notes: Vec::new(),
            hint: None,
        }))
    }

    /// An error at a place in the file; `source` is the file's text, from which the
    /// offending line is shown.
    pub fn at(file: &str, source: &str, position: Position, message: impl Into<String>) -> LoadError {
        let line_index = usize::try_from(position.line.saturating_sub(1)).unwrap_or(usize::MAX);
        let excerpt = source
            .lines()
            .nth(line_index)
            .map(|line| Excerpt::new(line, position.column));
        let mut err = LoadError::file(file, message);
        err.0.position = Some(position);
        err.0.excerpt = excerpt;
        err
    }

    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> LoadError {
        self.0.hint = Some(hint.into());
        self
    }

    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> LoadError {
        self.0.notes.push(note.into());
        self
    }

    pub fn message(&self) -> &str {
        &self.0.message
    }

    pub fn position(&self) -> Option<Position> {
        self.0.position
    }

    pub fn hint(&self) -> Option<&str> {
        self.0.hint.as_deref()
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        match d.position {
            Some(p) => write!(f, "{}:{}:{}: {}", d.file, p.line, p.column, d.message)?,
            None => write!(f, "{}: {}", d.file, d.message)?,
        }
        if let (Some(p), Some(excerpt)) = (d.position, &d.excerpt) {
            let number = p.line.to_string();
            let pad = " ".repeat(number.len());
            write!(f, "\n {number} | {}", excerpt.text)?;
            write!(f, "\n {pad} | {}^", " ".repeat(excerpt.caret))?;
        }
        for note in &d.notes {
            write!(f, "\n  note: {note}")?;
        }
        if let Some(hint) = &d.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_position_excerpt_and_hint() {
        let source = "title: T\nphases:\n  - nme: x\n";
        let err = LoadError::at(
            "deploy.yaml",
            source,
            Position { line: 3, column: 5 },
            "unknown field `nme`",
        )
        .with_hint("did you mean `name`?");
        assert_eq!(
            err.to_string(),
            "deploy.yaml:3:5: unknown field `nme`\n 3 |   - nme: x\n   |     ^\n  hint: did you mean `name`?"
        );
    }

    #[test]
    fn escapes_controls_in_the_excerpt_and_file_name() {
        let err = LoadError::at("a\u{1b}.yaml", "x: \u{1b}[2J\n", Position { line: 1, column: 4 }, "bad");
        let shown = err.to_string();
        assert!(!shown.contains('\u{1b}'), "{shown:?}");
        assert!(shown.contains("a\\u{1b}.yaml"));
    }

    #[test]
    fn cuts_long_lines_around_the_column() {
        let line = "x".repeat(500);
        let err = LoadError::at("f", &line, Position { line: 1, column: 300 }, "here");
        let shown = err.to_string();
        let excerpt = shown.lines().nth(1).unwrap();
        assert!(excerpt.chars().count() < 140, "{excerpt}");
        let caret_line = shown.lines().nth(2).unwrap();
        assert_eq!(caret_line.find('^'), Some(" 1 | ".len() + 1 + EXCERPT_RADIUS));
    }

    #[test]
    fn keeps_the_caret_under_its_character_after_wide_text() {
        let err = LoadError::at("f", "- 日本語: x", Position { line: 1, column: 8 }, "here");
        let lines: Vec<_> = err.to_string().lines().map(str::to_owned).collect();
        assert_eq!(lines[1], " 1 | - 日本語: x");
        assert_eq!(
            lines[2], "   |           ^",
            "under the `x`, after three double-width characters"
        );
    }

    #[test]
    fn keeps_the_caret_under_its_character_after_a_tab() {
        let err = LoadError::at("f", "\t- a", Position { line: 1, column: 2 }, "tab");
        let lines: Vec<_> = err.to_string().lines().map(str::to_owned).collect();
        assert_eq!(lines[1], " 1 |  - a");
        assert_eq!(lines[2], "   |  ^");
    }
}
