//! Where each part of the screen goes, for a given terminal size. Shared by the
//! view (to draw) and by `update` (to scroll and to hit-test mouse clicks), so
//! both always agree.

use std::ops::Range;

use ratatui::layout::{Constraint, Layout, Rect};

use super::tree::Row;
use crate::checklist::Checklist;

/// Below this size the view shows a one-line notice instead of a broken screen.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// From this width on, the detail pane stands beside the tree instead of below.
const SIDE_BY_SIDE: u16 = 100;

/// The detail pane's height when it stands below the tree.
const DETAIL_BELOW: u16 = 7;

/// The terminal's size, and how the help overlay fits on it: measured
/// where the resize comes in ([`crate::ui::input::resize`]), so that
/// scrolling the help needs nothing of the overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Screen {
    pub width: u16,
    pub height: u16,
    /// How many rows of the help show at once.
    pub help_page: u16,
    /// The furthest the help scrolls.
    pub help_last: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub phases: Rect,
    /// The tree pane, its title line included.
    pub tree: Rect,
    /// The rows of the tree, below its title line.
    pub tree_rows: Option<Rect>,
    pub detail: Rect,
    pub footer: Rect,
}

/// The layout of a `width` × `height` screen with a phase overview of
/// `phases` rows and a footer of `footer` rows (a prompt grows to a few), or
/// `None` when the screen is too small.
pub fn areas(width: u16, height: u16, phases: u16, footer: u16) -> Option<Areas> {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return None;
    }
    let screen = Rect::new(0, 0, width, height);
    let [header, phases, body, footer] = screen.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(phases),
        Constraint::Fill(1),
        // A question shows a whole command line: up to half the screen.
        Constraint::Length(footer.clamp(1, (height / 2).max(3))),
    ]));
    let (tree, detail) = if width >= SIDE_BY_SIDE {
        let [tree, detail] =
            body.layout(&Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).spacing(2));
        (tree, detail)
    } else {
        let detail_height = if body.height >= DETAIL_BELOW * 2 {
            DETAIL_BELOW
        } else {
            0
        };
        let [tree, detail] = body.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(detail_height),
        ]));
        (tree, detail)
    };
    let tree_rows = (tree.height > 1).then(|| Rect {
        y: tree.y + 1,
        height: tree.height - 1,
        ..tree
    });
    Some(Areas {
        header,
        phases,
        tree,
        tree_rows,
        detail,
        footer,
    })
}

/// How far a row is indented: a sub-item two columns more than its item.
pub fn indent(checklist: &Checklist, row: Row) -> u16 {
    match row {
        Row::Phase(_) => 0,
        Row::Section(_) => 2,
        Row::Item(i) => 4 + 2 * u16::try_from(checklist.items()[i].depth).unwrap_or(0),
    }
}

/// The columns, from the tree's left edge, of a row's marker: the fold arrow of a
/// header, the `[ ]` box of an item. A click there toggles.
pub fn box_columns(checklist: &Checklist, row: Row) -> Range<u16> {
    let start = indent(checklist, row);
    match row {
        Row::Phase(_) | Row::Section(_) => start..start + 1,
        Row::Item(_) => start..start + 3,
    }
}

/// The column of the fold arrow after the box of an item with sub-items: a
/// click there folds or unfolds them.
pub fn item_fold_column(checklist: &Checklist, row: Row) -> Option<u16> {
    match row {
        Row::Item(i) if checklist.items()[i].has_sub_items() => Some(indent(checklist, row) + 4),
        _ => None,
    }
}
