//! Breaking styled text into lines no wider than a pane, so that the lines
//! drawn are the lines counted: the detail pane's scroll bound is the number
//! of lines this makes.
//!
//! Lines break at spaces, and also after a `/`, after a `-` that follows a
//! letter or digit, at a zero-width space, and on either side of a wide
//! character (CJK text has no spaces): paths, URLs and ids wrap at their
//! joints rather than anywhere. A word wider than the whole line is cut
//! between graphemes, never inside one; widths are those of unicode-width.
//! A `\n` in the text ends a line (a Markdown hard break).

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation as _;
use unicode_width::UnicodeWidthStr as _;

/// The columns `spans` take.
pub fn columns(spans: &[Span<'_>]) -> usize {
    spans.iter().map(|s| s.content.width()).sum()
}

/// The start of `spans` that fits in `columns`, cut between graphemes.
pub fn cut(spans: Vec<Span<'static>>, max: usize) -> Vec<Span<'static>> {
    let mut used = 0;
    let mut out = Vec::new();
    for span in spans {
        let w = span.content.width();
        if used + w <= max {
            used += w;
            out.push(span);
            continue;
        }
        let mut part = String::new();
        for grapheme in span.content.graphemes(true) {
            let gw = grapheme.width();
            if used + gw > max {
                break;
            }
            used += gw;
            part.push_str(grapheme);
        }
        if !part.is_empty() {
            out.push(Span::styled(part, span.style));
        }
        break;
    }
    out
}

/// Wraps `spans` to `width` columns, each line starting with `first` (the
/// first line: a list's bullet) or `rest` (the others: as wide, in spaces,
/// for a hanging indent). A prefix that leaves no room is cut to half the
/// width. Empty text gives no line.
pub fn wrap(
    spans: Vec<Span<'static>>,
    width: usize,
    first: &[Span<'static>],
    rest: &[Span<'static>],
) -> Vec<Line<'static>> {
    // Most lines fit: they are taken as they are, without a look at each
    // grapheme (the search index renders every detail).
    let text = columns(&spans);
    if text > 0 && columns(first) + text <= width && !spans.iter().any(|s| s.content.contains('\n')) {
        let mut line = first.to_vec();
        line.extend(spans);
        if let Some(last) = line.last_mut()
            && last.content.ends_with(' ')
        {
            *last = Span::styled(last.content.trim_end().to_owned(), last.style);
        }
        return vec![Line::from(line)];
    }
    let fitted = |prefix: &[Span<'static>]| {
        if columns(prefix) < width {
            prefix.to_vec()
        } else {
            cut(prefix.to_vec(), width / 2)
        }
    };
    let mut lines = Lines {
        width,
        rest: fitted(rest),
        room: 0,
        done: Vec::new(),
        current: Vec::new(),
        col: 0,
        spaces: Vec::new(),
        keep_spaces: true,
    };
    lines.start(fitted(first));
    let mut piece = Piece::default();
    // Whether the last grapheme allows a break after it.
    let mut break_after = false;
    let mut previous = "";
    for span in &spans {
        for grapheme in span.content.graphemes(true) {
            match grapheme {
                "\n" | "\r\n" => {
                    lines.place(std::mem::take(&mut piece));
                    lines.spaces.clear();
                    lines.end_line();
                    lines.keep_spaces = true;
                }
                " " => {
                    lines.place(std::mem::take(&mut piece));
                    lines.spaces.push(span.style);
                }
                _ => {
                    let wide = grapheme.width() > 1;
                    let joined = grapheme == previous && matches!(grapheme, "/" | "-");
                    if (break_after && !joined) || wide {
                        lines.place(std::mem::take(&mut piece));
                    }
                    piece.push(grapheme, span.style);
                    let after_word = previous.chars().next_back().is_some_and(char::is_alphanumeric);
                    break_after = wide || grapheme == "/" || grapheme == "\u{200b}" || (grapheme == "-" && after_word);
                }
            }
            previous = grapheme;
        }
    }
    lines.place(piece);
    if lines.col > 0 {
        lines.end_line();
    }
    lines.done
}

/// `spans` a line per hard break, however wide, each starting with `first`
/// or `rest`: text to search, where nothing is wrapped.
pub fn unwrapped(spans: Vec<Span<'static>>, first: &[Span<'static>], rest: &[Span<'static>]) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut line = first.to_vec();
    for span in spans {
        if !span.content.contains('\n') {
            line.push(span);
            continue;
        }
        for (i, part) in span.content.split('\n').enumerate() {
            if i > 0 {
                lines.push(Line::from(std::mem::replace(&mut line, rest.to_vec())));
            }
            line.push(Span::styled(part.to_owned(), span.style));
        }
    }
    lines.push(Line::from(line));
    lines
}

/// Graphemes between two places a line may break, placed together.
#[derive(Default)]
struct Piece {
    graphemes: Vec<(String, Style)>,
    width: usize,
}

impl Piece {
    fn push(&mut self, grapheme: &str, style: Style) {
        self.width += grapheme.width();
        self.graphemes.push((grapheme.to_owned(), style));
    }
}

/// The lines being made, and the one being filled.
struct Lines {
    width: usize,
    rest: Vec<Span<'static>>,
    /// Columns for text on the current line, after its prefix.
    room: usize,
    done: Vec<Line<'static>>,
    current: Vec<Span<'static>>,
    /// Columns of text placed on the current line.
    col: usize,
    /// Spaces seen since the last piece, kept only if more text follows on
    /// the same line.
    spaces: Vec<Style>,
    /// Whether spaces at the start of a line are text (at the start and after
    /// a hard break) rather than where a line was broken.
    keep_spaces: bool,
}

impl Lines {
    fn start(&mut self, prefix: Vec<Span<'static>>) {
        self.room = self.width.saturating_sub(columns(&prefix)).max(1);
        self.current = prefix;
        self.col = 0;
    }

    fn end_line(&mut self) {
        let prefix = self.rest.clone();
        let done = std::mem::take(&mut self.current);
        self.done.push(Line::from(done));
        self.start(prefix);
    }

    fn place(&mut self, piece: Piece) {
        if piece.graphemes.is_empty() {
            return;
        }
        let spaces = if self.col > 0 || self.keep_spaces {
            self.spaces.len()
        } else {
            0
        };
        if self.col > 0 && self.col + spaces + piece.width > self.room {
            self.end_line();
        } else {
            for style in std::mem::take(&mut self.spaces).into_iter().take(spaces) {
                self.push(" ", style, 1);
            }
        }
        self.spaces.clear();
        self.keep_spaces = false;
        for (grapheme, style) in piece.graphemes {
            let gw = grapheme.width();
            if self.col > 0 && self.col + gw > self.room {
                self.end_line();
            }
            self.push(&grapheme, style, gw);
        }
    }

    /// Adds a grapheme to the current line, in the last span when its style
    /// is the same (a prefix's too: it only makes fewer spans).
    fn push(&mut self, grapheme: &str, style: Style, width: usize) {
        self.col += width;
        if let Some(last) = self.current.last_mut().filter(|s| s.style == style) {
            last.content.to_mut().push_str(grapheme);
            return;
        }
        self.current.push(Span::styled(grapheme.to_owned(), style));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    fn plain(text: &str, width: usize) -> Vec<String> {
        texts(&wrap(vec![Span::raw(text.to_owned())], width, &[], &[]))
    }

    #[test]
    fn words_wrap_at_spaces_and_the_spaces_at_a_break_go() {
        assert_eq!(
            plain("roll back the deploy now", 10),
            ["roll back", "the deploy", "now"]
        );
        assert_eq!(plain("", 10), Vec::<String>::new());
        assert_eq!(plain("  indented", 20), ["  indented"], "leading spaces are text");
    }

    #[test]
    fn paths_break_at_their_joints_and_long_words_are_cut() {
        assert_eq!(plain("see /var/lib/postgresql", 13), ["see /var/lib/", "postgresql"]);
        assert_eq!(plain("a well-known --flag", 9), ["a well-", "known", "--flag"]);
        assert_eq!(plain("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn wide_characters_are_measured_and_never_split() {
        let lines = plain("Deploy 日本語のテキスト", 11);
        assert_eq!(lines, ["Deploy 日本", "語のテキス", "ト"]);
        assert!(lines.iter().all(|l| l.width() <= 11));
        assert_eq!(plain("🚀🚀🚀", 5), ["🚀🚀", "🚀"]);
    }

    #[test]
    fn a_hanging_indent_and_hard_breaks() {
        let lines = wrap(
            vec![Span::raw("one two three\nfour")],
            9,
            &[Span::raw("• ")],
            &[Span::raw("  ")],
        );
        assert_eq!(texts(&lines), ["• one two", "  three", "  four"]);
        let styled = wrap(
            vec![Span::raw("a "), Span::styled("b", Style::new().bold())],
            9,
            &[],
            &[],
        );
        assert_eq!(styled[0].spans.len(), 2, "a style change is a new span");
    }
}
