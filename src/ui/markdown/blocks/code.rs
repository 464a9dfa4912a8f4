//! A code block in a pane: verbatim, in the theme's code style, its info
//! string (`sh`) dim above it. Never wrapped, since a wrapped shell line
//! reads as two commands: a line wider than the pane is cut with `…`.

use ratatui::text::{Line, Span};

use crate::ui::markdown::inline::safe;
use crate::ui::markdown::wrap::columns;
use crate::ui::theme::Theme;

/// The lines of a code block, the first starting with `prefixes[0]` and the
/// others with `prefixes[1]`, cut to `width` (`None`: kept whole).
pub(super) fn lines(
    info: &str,
    text: &str,
    prefixes: [&[Span<'static>]; 2],
    width: Option<usize>,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut shown = Vec::new();
    if !info.is_empty() {
        shown.push(Span::styled(info.to_owned(), theme.dim));
    }
    shown.extend(text.lines().map(|line| Span::styled(safe(line), theme.code)));
    shown
        .into_iter()
        .enumerate()
        .map(|(i, span)| {
            let mut line = prefixes[usize::from(i > 0)].to_vec();
            let room = width.map_or(usize::MAX, |w| w.saturating_sub(columns(&line)));
            line.extend(crate::ui::markdown::fit(vec![span], room));
            Line::from(line)
        })
        .collect()
}
