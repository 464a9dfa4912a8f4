//! Progress arithmetic: how much of a section, a phase or a checklist is done.
//!
//! Skipped items are not applicable to a run, so they leave the denominator:
//! percent = done / (total − skipped). When nothing is applicable the work is
//! complete, so the percentage is 100, never NaN.

use crate::checklist::{Checklist, Status};

/// Counts of a group of items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub skipped: usize,
    pub total: usize,
}

impl Progress {
    /// Tallies the statuses of a group of items.
    pub fn of<'a>(statuses: impl IntoIterator<Item = &'a Status>) -> Progress {
        statuses.into_iter().fold(Progress::default(), |mut p, status| {
            p.add(status);
            p
        })
    }

    /// Counts one more item.
    pub fn add(&mut self, status: &Status) {
        self.total += 1;
        match status {
            Status::Todo => {}
            Status::Done => self.done += 1,
            Status::Skipped { .. } => self.skipped += 1,
        }
    }

    /// Forgets one item, as it was counted: the inverse of [`Progress::add`].
    pub fn remove(&mut self, status: &Status) {
        self.total -= 1;
        match status {
            Status::Todo => {}
            Status::Done => self.done -= 1,
            Status::Skipped { .. } => self.skipped -= 1,
        }
    }

    /// Items that still apply to the run: the denominator of progress.
    pub fn applicable(&self) -> usize {
        self.total - self.skipped
    }

    /// Items neither done nor skipped.
    pub fn open(&self) -> usize {
        self.applicable() - self.done
    }

    pub fn is_complete(&self) -> bool {
        self.open() == 0
    }

    /// Whole percent done, rounded down so that 100 means really complete.
    pub fn percent(&self) -> u8 {
        match self.applicable() {
            0 => 100,
            applicable => {
                let pct = self.done * 100 / applicable;
                u8::try_from(pct).unwrap_or(100)
            }
        }
    }
}

/// The progress of every section, every phase and the whole checklist, tallied in
/// one pass over the items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub overall: Progress,
    /// Indexed like [`Checklist::phases`].
    pub phases: Vec<Progress>,
    /// Indexed like [`Checklist::sections`].
    pub sections: Vec<Progress>,
    /// The sub-items of each item, at any depth, indexed like
    /// [`Checklist::items`]; empty when no item has sub-items.
    pub sub_items: Vec<Progress>,
}

impl Tally {
    /// Moves item `index` from `before` to `after` in the counts of its
    /// section, its phase and the whole checklist.
    pub fn change(&mut self, checklist: &Checklist, index: usize, before: &Status, after: &Status) {
        let section = checklist.items()[index].section;
        let phase = checklist.sections()[section].phase;
        for progress in [&mut self.overall, &mut self.phases[phase], &mut self.sections[section]] {
            progress.remove(before);
            progress.add(after);
        }
        if !self.sub_items.is_empty() {
            for above in checklist.ancestors(index).skip(1) {
                self.sub_items[above].remove(before);
                self.sub_items[above].add(after);
            }
        }
    }

    /// Tallies a checklist; `status_of` gives the status of the item at an index.
    pub fn of<'a>(checklist: &Checklist, status_of: impl Fn(usize) -> &'a Status) -> Tally {
        let mut tally = Tally {
            overall: Progress::default(),
            phases: vec![Progress::default(); checklist.phases().len()],
            sections: vec![Progress::default(); checklist.sections().len()],
            sub_items: Vec::new(),
        };
        let nested = checklist.items().iter().any(|i| i.parent.is_some());
        if nested {
            tally.sub_items = vec![Progress::default(); checklist.items().len()];
        }
        for (index, item) in checklist.items().iter().enumerate() {
            let status = status_of(index);
            let phase = checklist.sections()[item.section].phase;
            tally.sections[item.section].add(status);
            tally.phases[phase].add(status);
            tally.overall.add(status);
            if nested {
                for above in checklist.ancestors(index).skip(1) {
                    tally.sub_items[above].add(status);
                }
            }
        }
        tally
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::ChecklistBuilder;

    fn skipped() -> Status {
        Status::Skipped { reason: None }
    }

    #[test]
    fn empty_group_is_complete_at_100_percent() {
        let p = Progress::of([]);
        assert_eq!((p.done, p.skipped, p.total), (0, 0, 0));
        assert_eq!(p.percent(), 100);
        assert!(p.is_complete());
    }

    #[test]
    fn all_skipped_is_complete_at_100_percent() {
        let statuses = [skipped(), skipped()];
        let p = Progress::of(&statuses);
        assert_eq!((p.done, p.skipped, p.total), (0, 2, 2));
        assert_eq!(p.percent(), 100);
        assert!(p.is_complete());
    }

    #[test]
    fn skipped_items_leave_the_denominator() {
        let statuses = [Status::Done, skipped(), Status::Todo, Status::Todo];
        let p = Progress::of(&statuses);
        assert_eq!(p.applicable(), 3);
        assert_eq!(p.open(), 2);
        assert_eq!(p.percent(), 33);
        assert!(!p.is_complete());
    }

    #[test]
    fn percent_rounds_down_so_100_means_done() {
        let mut statuses = vec![Status::Done; 199];
        statuses.push(Status::Todo);
        assert_eq!(Progress::of(&statuses).percent(), 99);
        statuses[199] = Status::Done;
        assert_eq!(Progress::of(&statuses).percent(), 100);
    }

    #[test]
    fn nothing_done_is_zero_percent() {
        let statuses = vec![Status::Todo; 132];
        let p = Progress::of(&statuses);
        assert_eq!((p.done, p.total, p.percent()), (0, 132, 0));
    }

    #[test]
    fn sub_items_are_tallied_per_item_and_a_change_keeps_them_in_step() {
        let mut b = ChecklistBuilder::new("T".into(), None);
        b.phase(None, "P".into(), None).unwrap();
        b.section(None, "S".into()).unwrap();
        b.item(None, "a".into(), None).unwrap();
        b.open_sub_items();
        b.item(None, "b".into(), None).unwrap();
        b.item(None, "c".into(), None).unwrap();
        b.open_sub_items();
        b.item(None, "d".into(), None).unwrap();
        b.close_sub_items();
        b.close_sub_items();
        b.item(None, "e".into(), None).unwrap();
        let list = b.finish();
        let mut statuses = vec![Status::Todo; 5];
        let mut tally = Tally::of(&list, |i| &statuses[i]);
        assert_eq!(
            (
                tally.sub_items[0].total,
                tally.sub_items[2].total,
                tally.sub_items[4].total
            ),
            (3, 1, 0)
        );
        tally.change(&list, 3, &Status::Todo, &Status::Done);
        statuses[3] = Status::Done;
        assert_eq!(tally, Tally::of(&list, |i| &statuses[i]));
        assert_eq!((tally.sub_items[0].done, tally.sub_items[2].done), (1, 1));
        let flat = crate::checklist::sample::phases(&[("P", false, &["a"])]);
        assert!(
            Tally::of(&flat, |_| &Status::Todo).sub_items.is_empty(),
            "nothing kept without sub-items"
        );
    }
}
