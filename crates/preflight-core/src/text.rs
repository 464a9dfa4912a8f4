//! Cleaning of untrusted text from checklist files.
//!
//! Everything a checklist says ends up on a terminal or in a Markdown export, so
//! text is cleaned once, at load: control characters (ESC, BEL, CR, backspace, C1)
//! and bidirectional overrides are removed, tabs become spaces, and the ends are
//! trimmed. Nothing downstream has to remember to do it.

use std::borrow::Cow;

/// The longest title, name or id a checklist may have, in characters. A title
/// is one line; this is generous, and it keeps every line of a run log (which
/// repeats titles and ids) a size any reader takes.
pub const MAX_LINE_CHARS: usize = 1000;

/// `text` cut to at most `max` characters, ending in `…` when cut; `None`
/// when it fits as it is.
pub fn shortened(text: &str, max: usize) -> Option<String> {
    let (cut, _) = text.char_indices().nth(max)?;
    let keep = text[..cut].char_indices().nth(max - 1).map_or(cut, |(i, _)| i);
    Some(format!("{}…", text[..keep].trim_end()))
}

/// A count with its noun: `1 match`, `3 matches`; never `match(es)`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Why a piece of text was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    /// A one-line text (a title or a name) spans several lines.
    Newline,
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Bidirectional formatting characters, which can make text display in an order
/// other than the one it is stored in ("Trojan Source").
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// Whether a character must never be sent to a terminal as it is: a control
/// character or a bidirectional override.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every
/// plane): not meant for interchange, and U+FFFE/U+FFFF cannot be held by a YAML
/// file at all, so a text that carries them could not be written back.
fn is_noncharacter(c: char) -> bool {
    let code = u32::from(c);
    (0xfdd0..=0xfdef).contains(&code) || code & 0xfffe == 0xfffe
}

/// Cleans one character as every text is cleaned: `None` drops it (a
/// control character, a bidirectional control, a noncharacter), a tab
/// becomes a space.
pub fn clean_char(c: char) -> Option<char> {
    if c == '\t' {
        Some(' ')
    } else if c.is_control() || is_bidi_control(c) || is_noncharacter(c) {
        None
    } else {
        Some(c)
    }
}

/// Whether a text has nothing to clean: no control character, no bidirectional
/// control and no line separator, and no white space at its ends. Checked on
/// the UTF-8 bytes, precisely (an em dash or a curly quote is fine), so that the
/// common case of loading a large checklist copies nothing.
fn already_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    let unsafe_at = |i: usize| match bytes[i] {
        b if b < 0x20 || b == 0x7f => true,
        // C1 controls, U+0080–U+009F.
        0xc2 => bytes.get(i + 1).is_some_and(|&n| (0x80..=0x9f).contains(&n)),
        // U+061C, the Arabic letter mark.
        0xd8 => bytes.get(i + 1) == Some(&0x9c),
        // U+FDD0–U+FDEF and U+FFFE/F, noncharacters.
        0xef => match (bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(0xb7), Some(&n)) => (0x90..=0xaf).contains(&n),
            (Some(0xbf), Some(&n)) => matches!(n, 0xbe | 0xbf),
            _ => false,
        },
        // U+xFFFE/F of the other planes: the last two bytes are BF BE/BF.
        0xf0..=0xf4 => {
            bytes.get(i + 1).is_some_and(|&n| n & 0x0f == 0x0f)
                && bytes.get(i + 2) == Some(&0xbf)
                && matches!(bytes.get(i + 3), Some(0xbe | 0xbf))
        }
        // U+200E/F, U+2028/9, U+202A–E, U+2066–9.
        0xe2 => match (bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(0x80), Some(&n)) => matches!(n, 0x8e | 0x8f | 0xa8..=0xae),
            (Some(0x81), Some(&n)) => (0xa6..=0xa9).contains(&n),
            _ => false,
        },
        _ => false,
    };
    !(0..bytes.len()).any(unsafe_at) && text.trim().len() == text.len()
}

/// [`clean_line`] for a text that is owned already: when there is nothing to
/// clean, the same string comes back without copying.
pub fn clean_line_owned(raw: String) -> Result<String, TextError> {
    if already_clean(&raw) { Ok(raw) } else { clean_line(&raw) }
}

/// [`clean_paragraph`] for an owned text, without copying a clean one.
pub fn clean_paragraph_owned(raw: String) -> String {
    if already_clean(&raw) {
        raw
    } else {
        clean_paragraph(&raw)
    }
}

/// Cleans a text that must stay on one line, such as a title or a name.
pub fn clean_line(raw: &str) -> Result<String, TextError> {
    let trimmed = raw.trim();
    if trimmed.chars().any(is_line_break) {
        return Err(TextError::Newline);
    }
    Ok(trimmed
        .chars()
        .filter_map(clean_char)
        .collect::<String>()
        .trim()
        .to_owned())
}

/// Cleans a text that may have been written over several lines, such as a detail:
/// every run of white space that holds a line break becomes one space, so the text
/// reads as one paragraph wherever it is shown.
pub fn clean_paragraph(raw: &str) -> String {
    raw.split(|c| is_line_break(c) || c == '\r')
        .map(|line| line.chars().filter_map(clean_char).collect::<String>())
        .map(|line| line.trim().to_owned())
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Cleans a text that holds Markdown blocks, such as a detail or a
/// description: its lines are kept (a list, a code block and the blank line
/// between paragraphs mean something), each cleaned as a line is and its end
/// trimmed; `\r\n` and the other line breaks become `\n`, and blank lines
/// around the text, or more than one in a row, are dropped.
pub fn clean_blocks(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank = false;
    for line in raw.split(|c| is_line_break(c) || c == '\r') {
        let line: String = line.chars().filter_map(clean_char).collect();
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// [`clean_blocks`] for an owned text, without copying a clean one-liner.
pub fn clean_blocks_owned(raw: String) -> String {
    if already_clean(&raw) { raw } else { clean_blocks(&raw) }
}

/// A command as written: each line cleaned of control characters, the lines
/// and their indentation kept (a shell reads them), white space around the
/// whole trimmed.
pub fn clean_command(raw: &str) -> Option<String> {
    let lines: Vec<String> = raw
        .lines()
        .map(|line| {
            let body = line.trim_start();
            let indent = line.len() - body.len();
            format!("{}{}", " ".repeat(indent), clean_line(body).unwrap_or_default())
        })
        .collect();
    let joined = lines.join("\n");
    let trimmed = joined.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// Text pasted into a one-line prompt: each line break (`\r\n` too) and tab
/// becomes one space, and every other control or bidirectional character is
/// dropped; the spaces at its ends are kept, as typed text keeps them.
pub fn clean_pasted(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut after_break = false;
    for c in raw.chars() {
        let breaks = is_line_break(c) || c == '\r';
        if breaks && after_break {
            continue;
        }
        after_break = breaks;
        if breaks || c == '\t' {
            out.push(' ');
        } else if let Some(c) = clean_char(c) {
            out.push(c);
        }
    }
    out
}

/// Makes untrusted text safe to print as one value (a path, a name): every
/// control character, C1 control and bidirectional control is shown escaped
/// (`\u{1b}`) rather than sent to the terminal. Line breaks are escaped too, so
/// the value stays on its line.
pub fn escape_for_terminal(raw: &str) -> String {
    escape(raw, |_| false).into_owned()
}

/// Makes a whole message safe to print: as [`escape_for_terminal`], but line
/// breaks and tabs, which a message lays itself out with, are kept. Every line
/// the command line prints leaves through this function (see `cli::output`).
/// A text with nothing to escape (the common case, and a large one for
/// `status --json`) is borrowed, not copied.
pub fn escape_message(raw: &str) -> Cow<'_, str> {
    escape(raw, |c| matches!(c, '\n' | '\t'))
}

fn escape(raw: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !raw.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        if is_unsafe(c) && !keep(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_blocks_keeps_the_lines_markdown_blocks_need() {
        let raw = "\r\n\nCriteria:\r\n\n- one\t \n  - two\u{1b}[1m\n\n\n\n```sh\n  make\n```\n\n";
        assert_eq!(
            clean_blocks(raw),
            "Criteria:\n\n- one\n  - two[1m\n\n```sh\n  make\n```"
        );
        assert_eq!(clean_blocks("a\u{2028}b\u{202e}"), "a\nb");
        assert_eq!(clean_blocks_owned("one line".to_owned()), "one line");
    }

    #[test]
    fn clean_line_trims_and_strips_controls() {
        assert_eq!(clean_line("  Deploy  ").unwrap(), "Deploy");
        assert_eq!(clean_line("\u{1b}[31mred\u{1b}[0m").unwrap(), "[31mred[0m");
        assert_eq!(clean_line("bell\u{7}back\u{8}\rspace\u{9b}").unwrap(), "bellbackspace");
        assert_eq!(clean_line("a\tb").unwrap(), "a b");
        assert_eq!(clean_line("del\u{7f}").unwrap(), "del");
    }

    #[test]
    fn clean_line_strips_every_bidi_control() {
        let hostile: String = [
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
            '\u{200e}', '\u{200f}', '\u{061c}',
        ]
        .iter()
        .flat_map(|c| ['x', *c])
        .collect();
        assert_eq!(clean_line(&hostile).unwrap(), "xxxxxxxxxxxx");
    }

    #[test]
    fn clean_line_refuses_line_breaks_inside_but_not_at_the_ends() {
        assert_eq!(clean_line("title\n").unwrap(), "title");
        assert_eq!(clean_line("two\nlines"), Err(TextError::Newline));
        assert_eq!(clean_line("two\u{2028}lines"), Err(TextError::Newline));
    }

    #[test]
    fn clean_line_keeps_unicode_text() {
        assert_eq!(clean_line("🚀 Lancement — 日本語").unwrap(), "🚀 Lancement — 日本語");
    }

    #[test]
    fn clean_paragraph_folds_line_breaks_into_one_space() {
        assert_eq!(clean_paragraph("configured\nand tested"), "configured and tested");
        assert_eq!(clean_paragraph("a  \r\n\r\n   b"), "a b");
        assert_eq!(clean_paragraph("keep  two spaces"), "keep  two spaces");
        assert_eq!(clean_paragraph("\u{1b}]0;title\u{7}x\n"), "]0;titlex");
    }

    /// The owned (fast) cleaners give what the borrowing ones give.
    fn fast_agrees_with_slow(text: &str) {
        assert_eq!(clean_line_owned(text.to_owned()), clean_line(text), "{text:?}");
        assert_eq!(
            clean_paragraph_owned(text.to_owned()),
            clean_paragraph(text),
            "{text:?}"
        );
    }

    crate::cases! { the_owned_fast_path_agrees_with_the_slow_one, fast_agrees_with_slow:
        plain = ("plain"),
        padded = (" padded "),
        a_tab = ("tab\there"),
        typographic_unicode = ("é — “quoted” 日本 🚀 … ‘x’"),
        a_bidi_override = ("\u{202e}x"),
        marks_separators_and_isolates = ("\u{200e}\u{200f}\u{2028}\u{2029}\u{2066}\u{2069}\u{061c}"),
        a_c1_next_line = ("a\u{85}b"),
        the_last_c1_control = ("a\u{9f}b"),
        delete = ("del\u{7f}"),
        two_lines = ("two\nlines"),
    }

    #[test]
    fn escape_for_terminal_shows_controls_instead_of_sending_them() {
        assert_eq!(escape_for_terminal("a\u{1b}b\u{202e}c"), "a\\u{1b}b\\u{202e}c");
        assert_eq!(escape_for_terminal("a\nb\u{9b}"), "a\\u{a}b\\u{9b}");
    }

    #[test]
    fn escape_message_keeps_line_breaks_and_escapes_everything_else() {
        assert_eq!(
            escape_message("line\n\tnext \u{7}\u{85}\u{2066}"),
            "line\n\tnext \\u{7}\\u{85}\\u{2066}"
        );
        assert_eq!(escape_message("🚀 — plain"), "🚀 — plain");
    }

    #[test]
    fn pasted_text_is_one_line_with_each_break_one_space() {
        assert_eq!(clean_pasted("a\r\nb\n\nc\td\u{1b}[2J\u{202e}"), "a b c d[2J");
        assert_eq!(clean_pasted(" keep ends "), " keep ends ");
    }

    #[test]
    fn shortened_cuts_at_a_character_and_marks_the_cut() {
        assert_eq!(shortened("abc", 3), None);
        assert_eq!(shortened("abcd", 3).as_deref(), Some("ab…"));
        assert_eq!(shortened("日本語テキスト", 4).as_deref(), Some("日本語…"));
        assert_eq!(
            shortened(&"x".repeat(2000), MAX_LINE_CHARS).unwrap().chars().count(),
            MAX_LINE_CHARS
        );
    }

    /// A noncharacter between two letters is removed by every cleaner.
    fn removed_like_a_control(c: char) {
        let text = format!("a{c}b");
        assert_eq!(clean_line(&text).unwrap(), "ab", "{c:?}");
        assert_eq!(clean_line_owned(text.clone()).unwrap(), "ab", "{c:?}");
        assert_eq!(clean_paragraph_owned(text), "ab", "{c:?}");
    }

    crate::cases! { noncharacters_are_removed_like_controls, removed_like_a_control:
        u_fffe = ('\u{fffe}'),
        u_ffff = ('\u{ffff}'),
        u_fdd0_first_of_the_32_in_a_row = ('\u{fdd0}'),
        u_fdef_last_of_the_32_in_a_row = ('\u{fdef}'),
        u_1fffe = ('\u{1fffe}'),
        u_10ffff_the_last_code_point = ('\u{10ffff}'),
    }

    #[test]
    fn characters_beside_noncharacters_are_kept() {
        assert_eq!(
            clean_line("\u{fdcf}\u{fdf0}\u{fffd}\u{1fffd}").unwrap(),
            "\u{fdcf}\u{fdf0}\u{fffd}\u{1fffd}"
        );
    }
}
