//! Folding: which phases, sections and items with sub-items are folded away,
//! and which items show as the context of what the filter or search admits.

use std::ops::Range;

use super::{Row, Tree};
use crate::checklist::{Checklist, Item};
use crate::run::RunState;

impl Tree {
    pub fn is_collapsed(&self, row: Row) -> bool {
        match row {
            Row::Phase(p) => self.collapsed_phases[p],
            Row::Section(s) => self.collapsed_sections[s],
            Row::Item(i) => self.collapsed_items[i],
        }
    }

    /// The phases, sections and items that are folded.
    pub fn folded(&self) -> Vec<Row> {
        let phases = (0..self.collapsed_phases.len())
            .filter(|&p| self.collapsed_phases[p])
            .map(Row::Phase);
        let sections = (0..self.collapsed_sections.len())
            .filter(|&s| self.collapsed_sections[s])
            .map(Row::Section);
        let items = (0..self.collapsed_items.len())
            .filter(|&i| self.collapsed_items[i])
            .map(Row::Item);
        phases.chain(sections).chain(items).collect()
    }

    /// Folds exactly `rows` (phases, sections, items with sub-items), and rebuilds.
    pub fn fold_only(&mut self, checklist: &Checklist, state: &RunState, rows: &[Row]) {
        self.collapsed_phases.fill(false);
        self.collapsed_sections.fill(false);
        self.collapsed_items.fill(false);
        for row in rows {
            match *row {
                Row::Phase(p) if p < self.collapsed_phases.len() => self.collapsed_phases[p] = true,
                Row::Section(s) if s < self.collapsed_sections.len() => self.collapsed_sections[s] = true,
                Row::Item(i) if checklist.items().get(i).is_some_and(Item::has_sub_items) => {
                    self.collapsed_items[i] = true;
                }
                _ => {}
            }
        }
        self.rebuild(checklist, state);
    }

    /// Collapses or expands a phase, a section or an item with sub-items.
    pub fn set_collapsed(&mut self, checklist: &Checklist, state: &RunState, row: Row, collapsed: bool) {
        match row {
            Row::Phase(p) => self.collapsed_phases[p] = collapsed,
            Row::Section(s) => self.collapsed_sections[s] = collapsed,
            Row::Item(i) if checklist.items()[i].has_sub_items() => self.collapsed_items[i] = collapsed,
            Row::Item(_) => return,
        }
        self.rebuild(checklist, state);
    }

    /// Which items of a section show, by the filter and the search: those
    /// they admit, and the items those nest in, as their context.
    pub(super) fn shown_items(&self, checklist: &Checklist, state: &RunState, range: Range<usize>) -> Vec<bool> {
        let mut shown: Vec<bool> = range.clone().map(|i| self.shows(state, i)).collect();
        for i in range.clone().rev() {
            if shown[i - range.start]
                && let Some(parent) = checklist.items()[i].parent
            {
                shown[parent - range.start] = true;
            }
        }
        shown
    }
}
