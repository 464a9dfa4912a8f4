//! Markdown for the terminal: inline Markdown (`code`, **bold**, *italic*,
//! ~~strike~~, `[links](url)`) as styled spans for a title on one line, the
//! blocks of a detail or a description as wrapped lines ([`blocks`]), search
//! matches marked, and spans cut to a width with `…`.
//!
//! The text was cleaned at load, so no control character reaches here; parsing
//! only decides styles, and what entities decode to is cleaned again.

mod blocks;
mod inline;
mod wrap;

use pulldown_cmark::{Options, Parser};
use ratatui::style::Style;
use ratatui::text::Span;

pub use blocks::{blocks, summary, visible_text};
pub use wrap::{columns, wrap};

use super::theme::Theme;
use inline::Inline;

/// Renders one line of inline Markdown. Links show their text, then the URL.
pub fn spans(text: &str, base: Style, theme: &Theme) -> Vec<Span<'static>> {
    let mut inline = Inline::new(base, theme, false);
    for event in Parser::new_ext(&crate::inline::inline_only(text), Options::ENABLE_STRIKETHROUGH) {
        inline.event(&event);
    }
    inline.take()
}

/// One character lowercased to one character, so positions stay put.
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Marks every occurrence of `query` (case-insensitive) in the text of
/// `spans` with `style`, keeping the spans' own styles elsewhere. Returns the
/// spans and whether anything matched.
pub fn highlight(spans: Vec<Span<'static>>, query: &str, style: Style) -> (Vec<Span<'static>>, bool) {
    let needle: Vec<char> = query.chars().map(fold).collect();
    let chars: Vec<char> = spans.iter().flat_map(|s| s.content.chars()).map(fold).collect();
    if needle.is_empty() || chars.len() < needle.len() {
        return (spans, false);
    }
    let mut marked = vec![false; chars.len()];
    let mut at = 0;
    while at + needle.len() <= chars.len() {
        if chars[at..at + needle.len()] == needle[..] {
            marked[at..at + needle.len()].fill(true);
            at += needle.len();
        } else {
            at += 1;
        }
    }
    if !marked.contains(&true) {
        return (spans, false);
    }
    let mut out = Vec::new();
    let mut position = 0;
    for span in spans {
        let mut run = String::new();
        let mut run_marked = None;
        for c in span.content.chars() {
            let here = marked[position];
            if run_marked.is_some_and(|m| m != here) {
                let m = run_marked.unwrap_or(false);
                out.push(Span::styled(
                    std::mem::take(&mut run),
                    if m { span.style.patch(style) } else { span.style },
                ));
            }
            run_marked = Some(here);
            run.push(c);
            position += 1;
        }
        if let Some(m) = run_marked {
            out.push(Span::styled(run, if m { span.style.patch(style) } else { span.style }));
        }
    }
    (out, true)
}

/// Cuts spans to at most `width` columns, ending with `…` when something was cut.
/// Wide characters (CJK, emoji) count as two columns and are never split.
pub fn fit(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    if columns(&spans) <= width {
        return spans;
    }
    let budget = width.saturating_sub(1);
    // The `…` takes the style of the text it stands for.
    let mut used = 0;
    let style = spans
        .iter()
        .find(|s| {
            used += unicode_width::UnicodeWidthStr::width(s.content.as_ref());
            used > budget
        })
        .map_or(Style::new(), |s| s.style);
    let mut out = wrap::cut(spans, budget);
    if width > 0 {
        out.push(Span::styled("…", style));
    }
    out
}

#[cfg(test)]
mod tests {
    /// The text of spans without styles.
    fn plain(spans: &[Span<'_>]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    use ratatui::style::Modifier;
    use unicode_width::UnicodeWidthStr as _;

    use super::*;

    fn styled(text: &str) -> Vec<(String, Style)> {
        spans(text, Style::new(), &Theme::COLOR)
            .into_iter()
            .map(|s| (s.content.into_owned(), s.style))
            .collect()
    }

    #[test]
    fn a_link_address_never_carries_what_a_terminal_acts_on() {
        let text = plain(&spans(
            "[docs](http://e.com/&#x202e;fdp.exe&#x1b;)",
            Style::new(),
            &Theme::COLOR,
        ));
        assert!(!text.contains(crate::text::is_unsafe), "{text:?}");
        assert!(text.contains("http://e.com/fdp.exe"), "{text:?}");
    }

    #[test]
    fn inline_markup_becomes_styles() {
        let out = styled("run `make` **now**, *carefully*, ~~never~~");
        let text: String = out.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(text, "run make now, carefully, never");
        let style_of = |word: &str| out.iter().find(|(t, _)| t == word).unwrap().1;
        assert_eq!(style_of("make"), Theme::COLOR.code);
        assert!(style_of("now").add_modifier.contains(Modifier::BOLD));
        assert!(style_of("carefully").add_modifier.contains(Modifier::ITALIC));
        assert!(style_of("never").add_modifier.contains(Modifier::CROSSED_OUT));
    }

    fn stays_as_written(text: &str) {
        assert_eq!(plain(&spans(text, Style::new(), &Theme::COLOR)), text);
    }

    preflight_core::cases! {
        block_markers_at_the_start_stay_as_written, stays_as_written:
        a_number = ("1. Deploy"),
        a_hash = ("# not a heading"),
        a_quote_marker = ("> not a quote"),
        a_dash = ("- not a list"),
        a_plus = ("+ plus"),
        a_star = ("* star"),
        dashes = ("---"),
        underscores = ("___"),
        a_fence = ("```fence"),
        a_number_and_a_parenthesis = ("2) two"),
    }

    #[test]
    fn inline_markup_at_the_start_is_still_read() {
        assert_eq!(
            plain(&spans("*italic* start", Style::new(), &Theme::COLOR)),
            "italic start"
        );
        assert_eq!(plain(&spans("`code` start", Style::new(), &Theme::COLOR)), "code start");
    }

    #[test]
    fn links_show_their_text_then_the_url() {
        let text = plain(&spans(
            "see [the runbook](https://example.com/rb)",
            Style::new(),
            &Theme::COLOR,
        ));
        assert_eq!(text, "see the runbook (https://example.com/rb)");
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_and_respects_wide_characters() {
        let line = vec![Span::raw("Deploy "), Span::raw("日本語のテキスト")];
        let cut = fit(line.clone(), 12);
        assert_eq!(plain(&cut), "Deploy 日本…");
        assert!(plain(&cut).width() <= 12);
        assert_eq!(plain(&fit(line.clone(), 100)), "Deploy 日本語のテキスト");
        assert_eq!(plain(&fit(vec![Span::raw("🚀🚀🚀")], 4)), "🚀…");
        // A family emoji is one grapheme of several characters: never split.
        let family = "👨‍👩‍👧 and more";
        assert_eq!(plain(&fit(vec![Span::raw(family)], 3)), "👨‍👩‍👧…");
        assert_eq!(
            plain(&fit(vec![Span::raw("e\u{301}e\u{301}e\u{301}x")], 3)),
            "e\u{301}e\u{301}…"
        );
    }

    #[test]
    fn highlight_marks_every_match_whatever_the_case_and_keeps_other_styles() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let mark = Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED);
        let (spans, found) = highlight(
            vec![Span::raw("Roll"), Span::styled("back the rollBACK", bold)],
            "rollback",
            mark,
        );
        assert!(found);
        let marked: Vec<(String, bool)> = spans
            .iter()
            .map(|s| {
                (
                    s.content.to_string(),
                    s.style.add_modifier.contains(ratatui::style::Modifier::UNDERLINED),
                )
            })
            .collect();
        assert_eq!(
            marked,
            [
                ("Roll".to_owned(), true),
                ("back".to_owned(), true),
                (" the ".to_owned(), false),
                ("rollBACK".to_owned(), true)
            ]
        );
        assert!(
            spans[1].style.add_modifier.contains(ratatui::style::Modifier::BOLD),
            "its own style kept"
        );
        assert!(!highlight(vec![Span::raw("nothing")], "rollback", mark).1);
    }
}
