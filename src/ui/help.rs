//! The help overlay's text, laid out for a width: every key and what it does,
//! wrapped so that no row is ever cut, and how many rows that takes, so that
//! scrolling (in `update`) and drawing (in `view`) agree.

use ratatui::layout::{Constraint, Flex, Layout, Rect};

use super::keymap::help_rows;
use super::layout::Screen;

/// The widest the help box gets.
const MAX_WIDTH: u16 = 68;

/// Below this inner width keys stand on a row of their own, above what they do.
const KEYS_BESIDE: usize = 56;

/// Width of the keys column when keys stand beside what they do.
const KEYS_COLUMN: usize = 22;

/// One row of the help: the keys (on the first row of an entry) and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub text: String,
}

/// Where the help box goes on a screen `area`, for `rows` rows of text.
pub fn popup(area: Rect) -> Rect {
    let width = MAX_WIDTH.min(area.width);
    let height = u16::try_from(rows(width.saturating_sub(2)).len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(area.height);
    let [vertical] = area.layout(&Layout::vertical([Constraint::Length(height)]).flex(Flex::Center));
    let [popup] = vertical.layout(&Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center));
    popup
}

/// A screen of `width` × `height`, with how the help fits on it.
pub fn screen(width: u16, height: u16) -> Screen {
    let area = Rect::new(0, 0, width, height);
    Screen {
        width,
        height,
        help_page: visible(area),
        help_last: last_scroll(area),
    }
}

/// How many rows of text the help box shows at once on a screen of `area`.
pub fn visible(area: Rect) -> u16 {
    popup(area).height.saturating_sub(2)
}

/// The furthest the help can be scrolled on a screen of `area`.
pub fn last_scroll(area: Rect) -> u16 {
    let total = u16::try_from(rows(popup(area).width.saturating_sub(2)).len()).unwrap_or(u16::MAX);
    total.saturating_sub(visible(area))
}

/// Words of `text` in rows of at most `width` columns (a longer word is cut
/// into pieces).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut rows = vec![String::new()];
    for word in text.split(' ') {
        let last = rows.last_mut().expect("a row");
        let needed = if last.is_empty() {
            word.chars().count()
        } else {
            last.chars().count() + 1 + word.chars().count()
        };
        if needed > width && !last.is_empty() {
            rows.push(String::new());
        }
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let last = rows.last_mut().expect("a row");
            if !last.is_empty() {
                last.push(' ');
            }
            let room = width.saturating_sub(last.chars().count()).max(1);
            if word.len() <= room {
                last.extend(word.iter());
                break;
            }
            last.extend(word.drain(..room));
            rows.push(String::new());
        }
    }
    rows
}

/// Every row of the help for an inner width of `width` columns.
pub fn rows(width: u16) -> Vec<HelpRow> {
    let width = usize::from(width);
    let beside = width >= KEYS_BESIDE;
    let mut out = Vec::new();
    for (keys, what) in help_rows() {
        if beside {
            for (i, text) in wrap(what, width - KEYS_COLUMN).into_iter().enumerate() {
                let keys = if i == 0 {
                    format!("{keys:>20}  ")
                } else {
                    " ".repeat(KEYS_COLUMN)
                };
                out.push(HelpRow { keys, text });
            }
        } else {
            out.push(HelpRow {
                keys: (*keys).to_owned(),
                text: String::new(),
            });
            for text in wrap(what, width.saturating_sub(2)) {
                out.push(HelpRow {
                    keys: "  ".to_owned(),
                    text,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr;

    use super::*;

    #[test]
    fn no_row_is_wider_than_the_box_at_any_width() {
        // The view needs 40 columns, so the box is never narrower than 38 inside.
        for width in 38..=MAX_WIDTH {
            for row in rows(width) {
                let shown = row.keys.width() + row.text.width();
                assert!(shown <= usize::from(width), "{width}: {row:?}");
            }
        }
    }

    fn every_key_and_every_word_is_there(width: u16) {
        let text = rows(width)
            .iter()
            .fold(String::new(), |text, r| text + &r.keys + " " + &r.text + " ");
        for (keys, what) in help_rows() {
            assert!(text.contains(keys), "{width}: {keys}");
            for word in what.split(' ') {
                assert!(text.contains(word), "{width}: {word}");
            }
        }
    }

    preflight_core::cases! {
        every_key_and_every_word_is_there_at_every_width, every_key_and_every_word_is_there:
        at_38 = (38),
        at_58 = (58),
        at_66 = (66),
    }

    #[test]
    fn a_small_screen_scrolls_to_the_last_row() {
        let area = Rect::new(0, 0, 40, 10);
        assert_eq!(visible(area), 8);
        let total = u16::try_from(rows(38).len()).unwrap();
        assert_eq!(last_scroll(area), total - 8);
        assert_eq!(last_scroll(Rect::new(0, 0, 120, 60)), 0, "all of it fits");
    }
}
