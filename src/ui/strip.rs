//! The phase overview above the tree: on a tall screen with few phases, a row
//! per phase with its bar; otherwise a compact entry per phase (`3 📊 12/24`,
//! `✓` when complete) flowing over a few rows, so every phase's progress stays
//! in view however many phases there are. Shared by the layout (how many rows)
//! and the view (what goes where).

use unicode_width::UnicodeWidthStr;

use crate::approval::Approvals;
use crate::checklist::Checklist;
use crate::progress::Tally;

/// From this height on, few phases get a row each, with a bar.
pub const TALL: u16 = 30;

/// The most phases that get a row each.
const ROWS_OF_BARS: usize = 6;

/// Gap between compact entries.
pub const GAP: &str = "  ";

/// Whether the overview is a row per phase with bars.
pub fn bars(height: u16, phases: usize) -> bool {
    height >= TALL && phases <= ROWS_OF_BARS
}

/// The most rows the compact overview may take.
fn max_rows(height: u16) -> usize {
    if height >= TALL { 4 } else { 2 }
}

/// The compact entry of each phase.
pub fn entries(checklist: &Checklist, tally: &Tally, approvals: &Approvals) -> Vec<String> {
    checklist
        .phases()
        .iter()
        .zip(&tally.phases)
        .enumerate()
        .map(|(p, (phase, progress))| {
            let mark = if progress.is_complete() {
                "✓ "
            } else if crate::gate::phase_closed(checklist, tally, approvals, p).is_some() {
                "🔒 "
            } else {
                ""
            };
            format!(
                "{} {}{mark}{}/{}",
                p + 1,
                phase.icon_prefix(),
                progress.done,
                progress.applicable()
            )
        })
        .collect()
}

/// Which entries go on which row at `width` columns: as many rows as needed,
/// at most a few; entries that do not fit are left to the last row's `…`.
pub fn flow(entries: &[String], width: u16, height: u16) -> Vec<Vec<usize>> {
    let width = usize::from(width);
    let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 0;
    for (i, entry) in entries.iter().enumerate() {
        let w = entry.width();
        let needed = if used == 0 { w } else { used + GAP.len() + w };
        if needed > width && used > 0 {
            if rows.len() == max_rows(height) {
                break;
            }
            rows.push(Vec::new());
            used = w;
        } else {
            used = needed;
        }
        if let Some(row) = rows.last_mut() {
            row.push(i);
        }
    }
    rows
}

/// How many rows the overview takes.
pub fn rows(checklist: &Checklist, tally: &Tally, approvals: &Approvals, width: u16, height: u16) -> u16 {
    let phases = checklist.phases().len();
    let rows = if bars(height, phases) {
        phases
    } else {
        flow(&entries(checklist, tally, approvals), width, height).len()
    };
    u16::try_from(rows).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::format::parse;
    use crate::run::RunState;

    fn checklist(phases: usize) -> Checklist {
        let mut yaml = String::from("title: T\nphases:\n");
        for p in 0..phases {
            let _ = write!(
                yaml,
                "  - name: Phase {p}\n    sections:\n      - name: S\n        items: [a, b]\n"
            );
        }
        parse(&yaml, "t.yaml").unwrap()
    }

    #[test]
    fn twelve_phases_all_show_in_two_rows_at_80_columns() {
        let list = checklist(12);
        let tally = RunState::new(&list).tally(&list);
        let entries = entries(&list, &tally, &Approvals::new(&list));
        assert_eq!(entries[11], "12 0/2");
        let rows = flow(&entries, 80, 24);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows.iter().map(Vec::len).sum::<usize>(), 12, "every phase shows");
        assert_eq!(
            super::rows(&list, &tally, &Approvals::new(&list), 80, 40),
            2,
            "not a row each on a tall screen either"
        );
    }

    #[test]
    fn few_phases_get_bars_on_a_tall_screen() {
        let list = checklist(6);
        let tally = RunState::new(&list).tally(&list);
        assert_eq!(super::rows(&list, &tally, &Approvals::new(&list), 120, 40), 6);
        assert_eq!(super::rows(&list, &tally, &Approvals::new(&list), 80, 24), 1);
    }

    #[test]
    fn a_closed_gated_phase_shows_a_lock_in_its_entry() {
        let list = crate::format::parse(
            "title: T\nphases:\n  - name: A\n    sections:\n      - name: S\n        items: [a]\n  - name: B\n    gate: true\n    sections:\n      - name: S\n        items: [b]\n",
            "t.yaml",
        )
        .unwrap();
        let todo = [crate::checklist::Status::Todo, crate::checklist::Status::Todo];
        let tally = Tally::of(&list, |i| &todo[i]);
        assert_eq!(entries(&list, &tally, &Approvals::new(&list)), ["1 0/1", "2 🔒 0/1"]);
        let done = [crate::checklist::Status::Done, crate::checklist::Status::Todo];
        let tally = Tally::of(&list, |i| &done[i]);
        assert_eq!(entries(&list, &tally, &Approvals::new(&list)), ["1 ✓ 1/1", "2 0/1"]);
    }
}
