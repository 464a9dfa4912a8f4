//! The Markdown text of a stretch of the document, as it reads alone.

use std::ops::Range;

/// Where each line starts, to turn byte offsets into line numbers.
pub(crate) struct Lines(Vec<usize>);

impl Lines {
    pub(crate) fn new(text: &str) -> Lines {
        Lines(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    pub(crate) fn of(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }

    fn start_of(&self, offset: usize) -> usize {
        self.0[self.of(offset) - 1]
    }
}

/// The document's text, and what its Markdown becomes once placed: reference
/// links written out, comments gone.
pub(crate) struct Doc<'a> {
    source: &'a str,
    written: Vec<(Range<usize>, String)>,
    lines: Lines,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(source: &'a str, written: Vec<(Range<usize>, String)>, lines: Lines) -> Doc<'a> {
        Doc { source, written, lines }
    }

    /// The Markdown of a stretch of the document, as it reads alone.
    pub(crate) fn markdown(&self, range: &Range<usize>) -> String {
        render(self.source, range, &self.written, &self.lines)
    }
}

/// Where a list item's text starts: after its marker (`-`, `*`, `+`, `1.`,
/// `1)`) and the spaces after it.
pub(crate) fn after_marker(source: &str, start: usize) -> usize {
    let rest = &source[start..];
    let marker = if rest.starts_with(['-', '*', '+']) {
        1
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        digits + usize::from(rest[digits..].starts_with(['.', ')']))
    };
    let spaces = rest[marker..].bytes().take_while(|&b| b == b' ' || b == b'\t').count();
    start + marker + spaces
}

/// A heading's text without its `#` marks (or its setext underline).
pub(crate) fn heading_text(source: &str) -> String {
    let mut lines: Vec<&str> = source.lines().map(str::trim).collect();
    if lines.len() > 1 && lines.last().is_some_and(|l| l.chars().all(|c| c == '=' || c == '-')) {
        lines.pop();
    }
    let text = lines.join(" ");
    let text = text.trim_start_matches('#').trim();
    let text = match text.trim_end_matches('#') {
        stripped if stripped.ends_with(' ') || stripped.is_empty() => stripped.trim_end(),
        _ => text,
    };
    text.to_owned()
}

/// The Markdown of `range`: reference links written out, and each line after
/// the first without the indentation and `>` marks that put it in its list
/// or quote (as much as the first line's column), so that it reads alone.
pub(crate) fn render(source: &str, range: &Range<usize>, written: &[(Range<usize>, String)], lines: &Lines) -> String {
    let mut text = String::with_capacity(range.len());
    let mut at = range.start;
    let first = written.partition_point(|(r, _)| r.start < range.start);
    for (link, inline) in &written[first..] {
        if link.start >= range.end {
            break;
        }
        if link.end <= range.end && link.start >= at {
            text.push_str(&source[at..link.start]);
            text.push_str(inline);
            at = link.end;
        }
    }
    text.push_str(&source[at..range.end]);
    if !text.contains('\n') {
        return text.trim_end().to_owned();
    }
    // Only the indentation and quote marks before it on its line matter,
    // and a line that long holds no list or quote to undo.
    let lead = &source[lines.start_of(range.start)..range.start];
    let lead = if lead.len() > 256 { "" } else { lead };
    let quotes = lead.matches('>').count();
    let column = lead.chars().filter(|&c| c != '>').count();
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
            let mut rest = line;
            for _ in 0..quotes {
                let trimmed = rest.trim_start_matches([' ', '\t']);
                match trimmed.strip_prefix('>') {
                    Some(after) => rest = after,
                    None => break,
                }
            }
            let spaces = rest.len() - rest.trim_start_matches(' ').len();
            rest = &rest[spaces.min(column)..];
            out.push_str(rest.trim_end_matches('\r'));
        } else {
            out.push_str(line.trim_end_matches('\r'));
        }
    }
    out.trim_end().to_owned()
}
