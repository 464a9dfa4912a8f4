//! Texts of several Markdown blocks (a description, a long detail) written
//! into an export so that they show as written and can never pass for the
//! export's own structure: outside code blocks, a line that would be a task
//! box (`- [x] …`) has its bracket escaped, so GitHub shows no tick that no
//! item backs, and a line that would be a heading has its `#` escaped, so it
//! reads back as text and not as a phase. Each text is read back with a
//! task list after it before it is taken; one that would not stand alone
//! is written as typed.

use pulldown_cmark::{Event, Options, Parser, Tag};

/// Whether `line` opens or closes a fence, and with what.
fn fence_of(line: &str) -> Option<(char, usize)> {
    let trimmed = line.trim_start();
    let c = trimmed.chars().next().filter(|&c| c == '`' || c == '~')?;
    let n = trimmed.chars().take_while(|&x| x == c).count();
    // A backtick fence's info string holds no backtick (then it is no fence).
    let info_ok = c == '~' || !trimmed[n..].contains('`');
    (n >= 3 && line.len() - trimmed.len() < 4 && info_ok).then_some((c, n))
}

/// Where a list item's box would start in `line` (after its marker), if it
/// has one.
fn box_at(line: &str) -> Option<usize> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let marker = if rest.starts_with(['-', '*', '+']) {
        1
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || !rest[digits..].starts_with(['.', ')']) {
            return None;
        }
        digits + 1
    };
    let after = &rest[marker..];
    let spaces = after.len() - after.trim_start().len();
    let boxed = ["[ ]", "[x]", "[X]"].iter().any(|b| after.trim_start().starts_with(b));
    (spaces > 0 && boxed).then_some(indent + marker + spaces)
}

/// `text` with the lines that would be a box or a heading escaped, outside
/// code blocks.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut fence: Option<(char, usize)> = None;
    for line in text.lines() {
        match (fence, fence_of(line)) {
            (Some((c, n)), Some((d, m))) if c == d && m >= n && line.trim().chars().all(|x| x == c) => {
                fence = None;
                out.push_str(line);
            }
            (Some(_), _) => out.push_str(line),
            (None, Some(opened)) => {
                fence = Some(opened);
                out.push_str(line);
            }
            (None, None) => {
                let indent = line.len() - line.trim_start().len();
                let heading = line.trim_start().starts_with('#') && indent < 4;
                match box_at(line).or(heading.then_some(indent)) {
                    Some(at) => {
                        out.push_str(&line[..at]);
                        out.push('\\');
                        out.push_str(&line[at..]);
                    }
                    None => out.push_str(line),
                }
            }
        }
        out.push('\n');
    }
    out
}

/// `text` as typed: every ASCII punctuation character escaped and each line
/// unindented, so no block can open in it. The last resort.
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for line in text.lines() {
        for c in line.trim_start().chars() {
            if c.is_ascii_punctuation() {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('\n');
    }
    out
}

/// Whether Markdown `written` ends where it seems to: with a task list after
/// it, that list is read as a list of its own at the top (not a continued
/// list, not inside a quote, code or HTML block), and nothing in `written`
/// is a box or a heading.
fn stands_alone(written: &str) -> bool {
    let probe = format!("{written}\n\n- [ ] probe\n");
    let events: Vec<Event<'_>> = Parser::new_ext(&probe, Options::ENABLE_TASKLISTS | Options::ENABLE_TABLES).collect();
    let boxes: Vec<usize> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e, Event::TaskListMarker(_)))
        .map(|(i, _)| i)
        .collect();
    let headings = events.iter().any(|e| matches!(e, Event::Start(Tag::Heading { .. })));
    let [at] = boxes[..] else { return false };
    let fresh_list = at >= 2
        && matches!(events[at - 1], Event::Start(Tag::Item))
        && matches!(events[at - 2], Event::Start(Tag::List(None)));
    let mut depth = 0usize;
    for event in &events[..at.saturating_sub(2)] {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    !headings && fresh_list && depth == 0
}

/// Closes a text that ends in a list, so that what follows it (sub-items,
/// the items of a section) does not continue it.
pub const END_OF_TEXT: &str = "<!-- end of text -->";

/// Markdown blocks (a description, a long detail) written into an export
/// after `indent`, made safe as described above: lines that would be boxes
/// or headings escaped; closed with [`END_OF_TEXT`] when what follows would
/// continue its last list; written as typed text when nothing else keeps it
/// to itself (an unclosed fence or `<!--`, a box in a quote).
pub(super) fn safe(text: &str, indent: &str) -> String {
    let first = escaped(text);
    let closed = format!("{first}\n{END_OF_TEXT}\n");
    let written = [first, closed]
        .into_iter()
        .find(|w| stands_alone(w))
        .unwrap_or_else(|| literal(text));
    let mut out = String::with_capacity(written.len() + 16);
    for line in written.lines() {
        if !line.is_empty() {
            out.push_str(indent);
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{END_OF_TEXT, safe};

    #[test]
    fn boxes_and_headings_are_escaped_outside_code_only() {
        let text = "Done:\n\n- [x] shipped\n  1. [ ] nested\n## Not a phase\n\n```md\n- [x] in code\n# in code\n```\nLast words.";
        assert_eq!(
            safe(text, "  "),
            "  Done:\n\n  - \\[x] shipped\n    1. \\[ ] nested\n  \\## Not a phase\n\n  ```md\n  - [x] in code\n  # in code\n  ```\n  Last words.\n"
        );
    }

    #[test]
    fn a_text_ending_in_a_list_is_closed_so_nothing_continues_it() {
        assert_eq!(
            safe("You need:\n\n- a key", ""),
            format!("You need:\n\n- a key\n\n{END_OF_TEXT}\n")
        );
    }

    fn written_to_stand_alone(hostile: &str) {
        let written = safe(hostile, "");
        assert!(super::stands_alone(&written), "{hostile:?} became {written:?}");
    }

    preflight_core::cases! {
        what_would_not_stand_alone_is_written_as_typed, written_to_stand_alone:
        a_quoted_task = ("> - [x] approved by security"),
        an_underlined_heading = ("Overview\n========"),
        an_unclosed_fence = ("```\nunclosed"),
        an_unclosed_comment = ("<!-- unclosed"),
        an_unclosed_html_block = ("<pre>\nunclosed"),
        a_tilde_fence_with_a_backquote_in_its_info = ("~~~ text`raw\n- [x] migrated\n~~~"),
    }
}
