//! Telling a renamed item from a removed one. An item's id comes from its
//! title, so renaming "Change applied" to "Change applied to prod" gives it a
//! new id, and the run's events for the old id become orphans. When an orphan
//! and an item that has no events yet have titles this alike, the item was
//! most likely renamed, and an explicit `id:` keeps its history. Pure.

use crate::checklist::Checklist;
use crate::run::RunState;

/// How alike two titles must be (Jaro–Winkler, lowercased) to be taken for
/// one item renamed, unless one holds the other.
const ALIKE: f64 = 0.85;

/// An orphaned id and the item it was most likely renamed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    /// The orphan's full id and last known title.
    pub old_id: String,
    pub old_title: String,
    /// The item of the checklist that looks like it.
    pub item: usize,
    /// The `id:` that, added to the item, gives it the orphan's id again;
    /// `None` when the item is in another phase or section, where an `id:`
    /// alone cannot restore the old full id.
    pub id: Option<String>,
}

fn alike(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a.contains(&b) || b.contains(&a) || strsim::jaro_winkler(&a, &b) >= ALIKE
}

/// The likely renames among the run's orphans, best match first for each
/// orphan; an item is matched to one orphan at most.
pub fn likely_renames(checklist: &Checklist, state: &RunState) -> Vec<Rename> {
    let untouched: Vec<usize> = (0..checklist.items().len())
        .filter(|&i| state.item(i).changed.is_none())
        .collect();
    let mut taken = Vec::new();
    let mut renames = Vec::new();
    for orphan in state.orphans() {
        let Some(old_title) = orphan.title.as_deref() else {
            continue;
        };
        let best = untouched
            .iter()
            .copied()
            .filter(|i| !taken.contains(i) && alike(old_title, &checklist.items()[*i].title))
            .max_by(|&a, &b| {
                let score = |i: usize| {
                    strsim::jaro_winkler(&old_title.to_lowercase(), &checklist.items()[i].title.to_lowercase())
                };
                score(a).total_cmp(&score(b))
            });
        let Some(item) = best else { continue };
        taken.push(item);
        let (old_parent, old_leaf) = orphan.id.rsplit_once('/').unwrap_or(("", &orphan.id));
        let new_id = checklist.items()[item].id.as_str();
        let same_parent = new_id.rsplit_once('/').is_some_and(|(parent, _)| parent == old_parent);
        renames.push(Rename {
            old_id: orphan.id.clone(),
            old_title: old_title.to_owned(),
            item,
            id: same_parent.then(|| old_leaf.to_owned()),
        });
    }
    renames
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{ChecklistBuilder, Status};
    use crate::run::{Change, Event, Stamp};
    use crate::timestamp::Timestamp;

    fn checklist(sections: &[(&str, &[&str])]) -> Checklist {
        let mut b = ChecklistBuilder::new("T".into(), None);
        b.phase(None, "P".into(), None).unwrap();
        for (section, titles) in sections {
            b.section(None, (*section).into()).unwrap();
            for title in *titles {
                b.item(None, (*title).into(), None).unwrap();
            }
        }
        b.finish()
    }

    fn tick(id: &str, title: &str) -> Event {
        let stamp = Stamp::new(Timestamp::parse("2026-11-29T10:00:00Z").unwrap(), "alice");
        Event::on_item(stamp, id, Change::Status(Status::Done)).with_title(title)
    }

    #[test]
    fn a_renamed_item_is_found_with_the_id_that_keeps_its_history() {
        let list = checklist(&[("S", &["Change applied to prod", "Smoke tests pass"])]);
        let state = RunState::replay(&list, &[tick("p/s/change-applied", "Change applied")]);
        assert_eq!(
            likely_renames(&list, &state),
            [Rename {
                old_id: "p/s/change-applied".into(),
                old_title: "Change applied".into(),
                item: 0,
                id: Some("change-applied".into()),
            }]
        );
    }

    #[test]
    fn unrelated_titles_items_with_history_and_other_sections_are_told_apart() {
        let list = checklist(&[
            ("S", &["Database migrated", "Backups verifed"]),
            ("T", &["Backups verified!"]),
        ]);
        let events = [
            tick("p/s/backups-verifed", "Backups verifed"),
            tick("p/s/backup-verified", "Backup verified"),
            tick("p/s/cache-warmed", "Cache warmed"),
        ];
        let renames = likely_renames(&list, &RunState::replay(&list, &events));
        // "Backups verifed" has events of its own, so is no rename target;
        // "Backup verified" looks like the item in section T, where `id:`
        // cannot help; "Cache warmed" looks like nothing.
        assert_eq!(renames.len(), 1, "{renames:?}");
        assert_eq!(
            (renames[0].old_id.as_str(), renames[0].item),
            ("p/s/backup-verified", 2)
        );
        assert_eq!(renames[0].id, None);
    }
}
