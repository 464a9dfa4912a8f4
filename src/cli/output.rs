//! Everything the command line prints leaves through here: results on stdout,
//! errors, warnings and reports on stderr.
//!
//! This is the one place where text meets the terminal, so it is the one place
//! that makes it safe: every piece goes through [`escape_message`], whatever
//! it carries (a YAML key, an ITEM argument, a run name, a path) and whether
//! the stream is a terminal or not. Colour is added here too, after escaping,
//! so a style is the only escape sequence that ever reaches the terminal.
//!
//! A reader that went away (`preflight status | head`) is not an error, and a
//! closed or broken stderr never stops the work: the exit status stays the one
//! the work deserves.

use std::fmt;
use std::io::{self, Write};

use super::paint::{Paint, Style};
use crate::text::escape_message;

/// Text for stdout, some of it styled. Built with `write!` (plain) and
/// [`Doc::styled`]; escaped and painted only when printed.
#[derive(Debug, Default)]
pub struct Doc {
    pieces: Vec<(Option<Style>, String)>,
}

impl Doc {
    pub fn new() -> Doc {
        Doc::default()
    }

    /// Appends plain `text`.
    pub fn push(&mut self, text: &str) {
        let _ = fmt::Write::write_str(self, text);
    }

    /// Appends `text` in `style`.
    pub fn styled(&mut self, style: Style, text: &str) {
        self.pieces.push((Some(style), text.to_owned()));
    }

    /// The text as it is printed with `paint`: every piece escaped, then styled.
    pub fn render(&self, paint: Paint) -> String {
        let mut out = String::new();
        for (style, text) in &self.pieces {
            let text = escape_message(text);
            match style {
                Some(style) => out.push_str(&paint.apply(*style, &text)),
                None => out.push_str(&text),
            }
        }
        out
    }
}

impl fmt::Write for Doc {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        match self.pieces.last_mut() {
            Some((None, text)) => text.push_str(s),
            _ => self.pieces.push((None, s.to_owned())),
        }
        Ok(())
    }
}

/// Writes `text` to stdout, escaped. A reader that went away is not an error;
/// any other failure (a full disk behind a redirection) is.
pub fn print(text: &str) -> io::Result<()> {
    write_stdout(&escape_message(text))
}

/// Writes a [`Doc`] to stdout, styled with `paint`.
pub fn print_doc(doc: &Doc, paint: Paint) -> io::Result<()> {
    write_stdout(&doc.render(paint))
}

fn write_stdout(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Writes one message to stderr, escaped, after an optional painted prefix.
/// Failures are ignored: stderr is where failures would be reported.
fn to_stderr(prefix: Option<String>, message: &str) {
    let mut line = prefix.map(|p| p + " ").unwrap_or_default();
    line.push_str(&escape_message(message));
    line.push('\n');
    let mut err = io::stderr().lock();
    let _ = err.write_all(line.as_bytes()).and_then(|()| err.flush());
}

/// `error: message` on stderr.
pub fn error(paint: Paint, message: &str) {
    to_stderr(Some(paint.error()), message);
}

/// `warning: message` on stderr.
pub fn warning(paint: Paint, message: &str) {
    to_stderr(Some(paint.warning()), message);
}

/// A report on stderr (what a command did), without a prefix.
pub fn report(message: &str) {
    to_stderr(None, message);
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::cli::paint::ColorChoice;

    #[test]
    fn a_doc_escapes_every_piece_and_styles_only_what_it_was_asked_to() {
        let mut doc = Doc::new();
        let _ = writeln!(doc, "run: \u{1b}]0;pwned\u{7}");
        doc.styled(Style::Bold, "title\u{202e}");
        let plain = doc.render(Paint::new(ColorChoice::Never, true));
        assert_eq!(plain, "run: \\u{1b}]0;pwned\\u{7}\ntitle\\u{202e}");
        let painted = doc.render(Paint::new(ColorChoice::Always, false));
        assert_eq!(
            painted.matches('\u{1b}').count(),
            2,
            "one style on, one off: {painted:?}"
        );
        assert!(painted.contains("title\\u{202e}"), "{painted:?}");
    }
}
