//! The tree as the terminal view shows it: which rows are visible given what is
//! collapsed, the status filter and the search, and where the cursor is.
//!
//! Plain data, no terminal: rows are rebuilt only when collapse, filter or search
//! change (or a status change under a filter), and a frame draws just the window
//! of rows on screen, so the per-frame cost does not grow with the checklist.

mod filter;
mod folds;
mod scroll;
mod search;

pub use filter::Filter;
pub use search::{Search, SearchIndex};

use crate::checklist::Checklist;
use crate::run::RunState;

/// One line of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Phase(usize),
    Section(usize),
    Item(usize),
}

/// The visible rows and the cursor.
#[derive(Debug, Clone)]
pub struct Tree {
    collapsed_phases: Vec<bool>,
    collapsed_sections: Vec<bool>,
    /// Items whose sub-items are folded away.
    collapsed_items: Vec<bool>,
    filter: Filter,
    /// While searching, only matching items (and their headers) show, whatever
    /// is collapsed. Private, as the filter: both change only through methods
    /// that rebuild the rows.
    search: Option<Search>,
    rows: Vec<Row>,
    cursor: usize,
    /// The first row on screen.
    offset: usize,
    /// Items the filter and search leave out, for the header to say.
    hidden: usize,
    /// Where the cursor was when the window last followed it: the margin is
    /// kept on the side the cursor moves towards, so a row put at the top on
    /// purpose (a jump to a phase) stays there while the cursor moves down.
    followed: usize,
}

/// Orders rows as the checklist does, so that the cursor can find its place again
/// after the rows change.
pub fn order(checklist: &Checklist, row: Row) -> (usize, u8) {
    match row {
        Row::Phase(p) => (checklist.item_range_of(&checklist.phases()[p]).start, 0),
        Row::Section(s) => (checklist.sections()[s].items.start, 1),
        Row::Item(i) => (i, 2),
    }
}

impl Tree {
    pub fn new(checklist: &Checklist, state: &RunState) -> Tree {
        let mut tree = Tree {
            collapsed_phases: vec![false; checklist.phases().len()],
            collapsed_sections: vec![false; checklist.sections().len()],
            collapsed_items: vec![false; checklist.items().len()],
            filter: Filter::All,
            search: None,
            rows: Vec::new(),
            cursor: 0,
            offset: 0,
            hidden: 0,
            followed: 0,
        };
        tree.rebuild(checklist, state);
        tree
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn selected(&self) -> Option<Row> {
        self.rows.get(self.cursor).copied()
    }

    pub fn filter(&self) -> Filter {
        self.filter
    }

    /// Shows only the items `filter` admits.
    pub fn set_filter(&mut self, checklist: &Checklist, state: &RunState, filter: Filter) {
        self.filter = filter;
        self.rebuild(checklist, state);
    }

    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// Whether a search with a query narrows the tree.
    pub fn kept_search(&self) -> bool {
        self.search.as_ref().is_some_and(|s| !s.query.is_empty())
    }

    /// Narrows the tree to the items `query` matches (an empty query shows
    /// everything).
    pub fn search_for(&mut self, checklist: &Checklist, state: &RunState, index: &SearchIndex, query: &str) {
        self.search.get_or_insert_with(Search::default).update(index, query);
        self.rebuild(checklist, state);
    }

    /// Ends the search, showing everything the filter admits again.
    pub fn clear_search(&mut self, checklist: &Checklist, state: &RunState) {
        if self.search.take().is_some() {
            self.rebuild(checklist, state);
        }
    }

    /// How many items the filter and the search leave out.
    pub fn hidden(&self) -> usize {
        self.hidden
    }

    /// Whether item `i` passes the filter and the search (folds aside).
    pub fn shows(&self, state: &RunState, i: usize) -> bool {
        self.filter.admits(&state.item(i).status)
            && self
                .search
                .as_ref()
                .is_none_or(|search| search.query.is_empty() || search.admits(i))
    }

    /// Unfolds what holds item `i` and puts the cursor on it; `false` when the
    /// filter or search hide it.
    pub fn reveal(&mut self, checklist: &Checklist, state: &RunState, i: usize) -> bool {
        let section = checklist.items()[i].section;
        let phase = checklist.sections()[section].phase;
        let folded_above = checklist.ancestors(i).skip(1).any(|a| self.collapsed_items[a]);
        if self.collapsed_sections[section] || self.collapsed_phases[phase] || folded_above {
            self.collapsed_sections[section] = false;
            self.collapsed_phases[phase] = false;
            for above in checklist.ancestors(i).skip(1) {
                self.collapsed_items[above] = false;
            }
            self.rebuild(checklist, state);
        }
        self.select(Row::Item(i))
    }

    /// Whether rows depend on item statuses, so a status change must rebuild them.
    pub fn filters_by_status(&self) -> bool {
        self.filter != Filter::All
    }

    /// The run's statuses changed (a tick, a replay): under a status filter
    /// the rows are made again, the cursor kept in its place.
    pub fn statuses_changed(&mut self, checklist: &Checklist, state: &RunState) {
        if self.filters_by_status() {
            self.rebuild(checklist, state);
        }
    }

    /// Recomputes the visible rows, keeping the cursor on the same row or, if that
    /// row is gone, on the one that now stands in its place. Private: every
    /// method that changes what the rows depend on calls it.
    fn rebuild(&mut self, checklist: &Checklist, state: &RunState) {
        let anchor = self.selected().map(|row| order(checklist, row));
        self.rows.clear();
        self.hidden = 0;
        let searching = self.kept_search();
        for (p, phase) in checklist.phases().iter().enumerate() {
            let phase_at = self.rows.len();
            self.rows.push(Row::Phase(p));
            let mut phase_has_items = false;
            for s in phase.sections.clone() {
                let section_at = self.rows.len();
                self.rows.push(Row::Section(s));
                let show_items = searching || !(self.collapsed_phases[p] || self.collapsed_sections[s]);
                let range = checklist.sections()[s].items.clone();
                let shown = self.shown_items(checklist, state, range.clone());
                self.hidden += shown[..].iter().filter(|&&shown| !shown).count();
                let section_has_items = shown.contains(&true);
                if show_items {
                    let mut i = range.start;
                    while i < range.end {
                        if shown[i - range.start] {
                            self.rows.push(Row::Item(i));
                        }
                        i = if self.collapsed_items[i] && !searching {
                            checklist.subtree(i).end
                        } else {
                            i + 1
                        };
                    }
                }
                phase_has_items |= section_has_items;
                let narrowed = searching || self.filter != Filter::All;
                if (narrowed && !section_has_items) || (self.collapsed_phases[p] && !searching) {
                    self.rows.truncate(section_at);
                }
            }
            if (searching || self.filter != Filter::All) && !phase_has_items {
                self.rows.truncate(phase_at);
            }
        }
        self.cursor = match anchor {
            Some(key) => self
                .rows
                .partition_point(|&row| order(checklist, row) < key)
                .min(self.rows.len().saturating_sub(1)),
            None => 0,
        };
    }

    /// Moves the cursor to `row` if it is visible.
    pub fn select(&mut self, row: Row) -> bool {
        match self.rows.iter().position(|&r| r == row) {
            Some(at) => {
                self.move_to(at);
                true
            }
            None => false,
        }
    }

    /// Moves the cursor by `delta` rows, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.move_to(self.cursor.saturating_add_signed(delta).min(last));
    }

    pub fn move_to(&mut self, at: usize) {
        self.cursor = at.min(self.rows.len().saturating_sub(1));
    }

    /// The row that holds `row`: a sub-item's item, an item's section, a
    /// section's phase.
    pub fn parent(checklist: &Checklist, row: Row) -> Option<Row> {
        match row {
            Row::Phase(_) => None,
            Row::Section(s) => Some(Row::Phase(checklist.sections()[s].phase)),
            Row::Item(i) => Some(match checklist.items()[i].parent {
                Some(parent) => Row::Item(parent),
                None => Row::Section(checklist.items()[i].section),
            }),
        }
    }

    /// The index of the first visible row after (or, backwards, before) the cursor
    /// that satisfies `wanted`, wrapping around.
    pub fn find_from_cursor(&self, forward: bool, wanted: impl Fn(Row) -> bool) -> Option<usize> {
        let n = self.rows.len();
        (1..=n)
            .map(|step| {
                if forward {
                    (self.cursor + step) % n
                } else {
                    (self.cursor + n * 2 - step) % n
                }
            })
            .find(|&at| wanted(self.rows[at]))
    }
}

#[cfg(test)]
mod tests;
