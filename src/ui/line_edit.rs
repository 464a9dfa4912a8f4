//! The text being typed into a prompt or the search: a line with a cursor,
//! edited through `tui-input`, and laid out on screen over a few rows with the
//! cursor always visible. Pure: no terminal.

use tui_input::{Input, InputRequest};
use unicode_width::UnicodeWidthChar;

use crate::text::{clean_pasted, is_unsafe};

/// A cursor movement or deletion in a line being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineOp {
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
    /// Delete the character before the cursor (Backspace).
    DeleteBack,
    /// Delete the character under the cursor (Delete).
    DeleteForward,
    /// Delete the word before the cursor (Ctrl-w).
    DeleteWordBack,
    /// Delete from the start of the line to the cursor (Ctrl-u).
    DeleteToStart,
    /// Delete from the cursor to the end of the line (Ctrl-k).
    DeleteToEnd,
}

/// A line of text with a cursor.
#[derive(Debug, Clone, Default)]
pub struct LineEdit {
    input: Input,
}

impl PartialEq for LineEdit {
    fn eq(&self, other: &LineEdit) -> bool {
        self.text() == other.text() && self.cursor() == other.cursor()
    }
}

impl Eq for LineEdit {}

impl LineEdit {
    /// A line holding `text`, with the cursor at its end.
    pub fn new(text: &str) -> LineEdit {
        LineEdit {
            input: Input::new(text.to_owned()),
        }
    }

    pub fn text(&self) -> &str {
        self.input.value()
    }

    /// The line as a secret shows while it is typed: a `•` for each
    /// character, the cursor where it is.
    #[must_use]
    pub fn masked(&self) -> LineEdit {
        let dots = "•".repeat(self.text().chars().count());
        LineEdit {
            input: Input::new(dots).with_cursor(self.cursor()),
        }
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.input.cursor()
    }

    /// Types a character at the cursor; controls and bidi characters are
    /// dropped, as everywhere text enters.
    pub fn insert(&mut self, c: char) {
        if !is_unsafe(c) {
            self.input.handle(InputRequest::InsertChar(c));
        }
    }

    /// Inserts pasted text at the cursor, as one line.
    pub fn paste(&mut self, raw: &str) {
        let pasted = clean_pasted(raw);
        let at = self.cursor();
        let text = self.text();
        let split = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
        let joined = format!("{}{pasted}{}", &text[..split], &text[split..]);
        let cursor = at + pasted.chars().count();
        self.input = Input::new(joined).with_cursor(cursor);
    }

    pub fn apply(&mut self, op: LineOp) {
        let request = match op {
            LineOp::Left => InputRequest::GoToPrevChar,
            LineOp::Right => InputRequest::GoToNextChar,
            LineOp::WordLeft => InputRequest::GoToPrevWord,
            LineOp::WordRight => InputRequest::GoToNextWord,
            LineOp::Home => InputRequest::GoToStart,
            LineOp::End => InputRequest::GoToEnd,
            LineOp::DeleteBack => InputRequest::DeletePrevChar,
            LineOp::DeleteForward => InputRequest::DeleteNextChar,
            LineOp::DeleteWordBack => InputRequest::DeletePrevWord,
            LineOp::DeleteToStart => InputRequest::DeleteFromStart,
            LineOp::DeleteToEnd => InputRequest::DeleteTillEnd,
        };
        self.input.handle(request);
    }

    /// The text after `label`, wrapped into rows of `width` columns: at most
    /// `max_rows` of them, scrolled so that the cursor's row is shown. Returns
    /// the rows (the first starting with the label) and the cursor's row and
    /// column among them.
    pub fn layout(&self, label: &str, width: usize, max_rows: usize) -> Wrapped {
        let width = width.max(2);
        let mut rows: Vec<String> = vec![String::new()];
        let mut column = 0;
        let mut cursor = (0, 0);
        let label_chars = label.chars().count();
        let chars: Vec<char> = label.chars().chain(self.text().chars()).collect();
        for (i, &c) in chars.iter().enumerate() {
            if i == label_chars + self.cursor() {
                cursor = (rows.len() - 1, column);
            }
            let w = c.width().unwrap_or(0);
            if column + w > width {
                rows.push(String::new());
                column = 0;
                if i == label_chars + self.cursor() {
                    cursor = (rows.len() - 1, 0);
                }
            }
            if let Some(row) = rows.last_mut() {
                row.push(c);
            }
            column += w;
        }
        if chars.len() == label_chars + self.cursor() {
            if column >= width {
                rows.push(String::new());
                column = 0;
            }
            cursor = (rows.len() - 1, column);
        }
        let max_rows = max_rows.max(1);
        let first = (cursor.0 + 1).saturating_sub(max_rows);
        let shown: Vec<String> = rows.into_iter().skip(first).take(max_rows).collect();
        Wrapped {
            label_shown: first == 0,
            rows: shown,
            cursor: (cursor.0 - first, cursor.1),
        }
    }

    /// How many rows [`LineEdit::layout`] takes at `width`, at most `max_rows`.
    pub fn rows_needed(&self, label: &str, width: usize, max_rows: usize) -> usize {
        let total: usize = label
            .chars()
            .chain(self.text().chars())
            .map(|c| c.width().unwrap_or(0))
            .sum();
        (total / width.max(2) + 1).min(max_rows.max(1))
    }
}

/// A line laid out over rows, with where its cursor is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped {
    /// Whether the first row shown starts with the label.
    pub label_shown: bool,
    pub rows: Vec<String>,
    /// Row and column of the cursor among `rows`.
    pub cursor: (usize, usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> LineEdit {
        let mut line = LineEdit::default();
        text.chars().for_each(|c| line.insert(c));
        line
    }

    #[test]
    fn the_cursor_moves_and_edits_happen_where_it_is() {
        let mut line = typed("abc");
        line.apply(LineOp::Left);
        line.insert('X');
        assert_eq!(line.text(), "abXc");
        line.apply(LineOp::Home);
        line.insert('>');
        line.apply(LineOp::End);
        line.insert('<');
        assert_eq!(line.text(), ">abXc<");
        line.apply(LineOp::Home);
        line.apply(LineOp::DeleteForward);
        assert_eq!((line.text(), line.cursor()), ("abXc<", 0));
    }

    #[test]
    fn words_and_whole_ends_are_deleted_and_jumped() {
        let mut line = typed("drain the node now");
        line.apply(LineOp::WordLeft);
        line.apply(LineOp::WordLeft);
        assert_eq!(line.cursor(), "drain the ".chars().count());
        line.apply(LineOp::DeleteToEnd);
        assert_eq!(line.text(), "drain the ");
        line.apply(LineOp::DeleteWordBack);
        assert_eq!(line.text(), "drain ");
        line.apply(LineOp::DeleteToStart);
        assert_eq!(line.text(), "");
    }

    #[test]
    fn a_paste_goes_in_at_the_cursor_as_one_line() {
        let mut line = typed("ab");
        line.apply(LineOp::Left);
        line.paste("1\r\n2\u{1b}[2J");
        assert_eq!((line.text(), line.cursor()), ("a1 2[2Jb", 7));
        line.insert('\u{202e}');
        assert_eq!(line.text(), "a1 2[2Jb", "typed controls are dropped");
    }

    #[test]
    fn a_long_line_wraps_and_the_cursor_row_is_always_shown() {
        let line = typed(&"x".repeat(20));
        let wrapped = line.layout("Note: ", 10, 3);
        assert_eq!(wrapped.rows, ["Note: xxxx", "xxxxxxxxxx", "xxxxxx"]);
        assert!(wrapped.label_shown);
        assert_eq!(wrapped.cursor, (2, 6));
        assert_eq!(line.rows_needed("Note: ", 10, 3), 3);
        let mut line = typed(&"y".repeat(40));
        let wrapped = line.layout("Note: ", 10, 2);
        assert_eq!(wrapped.rows.len(), 2);
        assert!(!wrapped.label_shown, "scrolled to the cursor at the end");
        assert_eq!(wrapped.cursor.0, 1);
        line.apply(LineOp::Home);
        let wrapped = line.layout("Note: ", 10, 2);
        assert!(wrapped.label_shown);
        assert_eq!(wrapped.cursor, (0, 6));
    }

    #[test]
    fn wide_characters_wrap_whole() {
        let line = typed("日本語テキスト");
        let wrapped = line.layout("> ", 7, 3);
        assert_eq!(wrapped.rows, ["> 日本", "語テキ", "スト"]);
        assert_eq!(wrapped.cursor, (2, 4));
        assert_eq!(line.rows_needed("> ", 7, 5), 3);
    }
}
