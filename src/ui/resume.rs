//! Resuming where you left off: the row the cursor was on, what was folded and
//! the filter, kept per checklist and run in a small JSON file under the state
//! directory. It is a convenience: a missing, damaged or foreign file is
//! ignored, and failing to save it is never an error.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::checklist::Checklist;
use crate::store::files::{self, Replace, Target};
use crate::ui::app::App;
use crate::ui::tree::{Filter, Row};

/// The largest view file read: a few ids and folds.
const MAX_BYTES: u64 = 1 << 20;

/// What the view remembers of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resume {
    /// The row under the cursor, by id: `phase`, `phase/section` or an item's.
    #[serde(default)]
    row: Option<String>,
    /// Folded phases and sections, by id.
    #[serde(default)]
    folded: Vec<String>,
    #[serde(default)]
    filter: String,
}

fn row_id(checklist: &Checklist, row: Row) -> String {
    match row {
        Row::Phase(p) => checklist.phases()[p].id.clone(),
        Row::Section(s) => {
            let section = &checklist.sections()[s];
            format!("{}/{}", checklist.phases()[section.phase].id, section.id)
        }
        Row::Item(i) => checklist.items()[i].id.to_string(),
    }
}

fn row_of(checklist: &Checklist, id: &str) -> Option<Row> {
    if let Some(i) = checklist.index_of(id) {
        return Some(Row::Item(i));
    }
    if let Some(p) = checklist.phases().iter().position(|p| p.id == id) {
        return Some(Row::Phase(p));
    }
    (0..checklist.sections().len())
        .find(|&s| row_id(checklist, Row::Section(s)) == id)
        .map(Row::Section)
}

impl Resume {
    /// What `app` shows now.
    pub fn of(app: &App) -> Resume {
        Resume {
            row: app.tree().selected().map(|row| row_id(app.checklist(), row)),
            folded: app
                .tree()
                .folded()
                .into_iter()
                .map(|row| row_id(app.checklist(), row))
                .collect(),
            filter: app.tree().filter().label().to_owned(),
        }
    }

    /// Shows in `app` what was remembered, as far as the checklist still has it.
    pub fn restore(&self, app: &mut App) {
        let checklist = app.checklist();
        let folded: Vec<Row> = self.folded.iter().filter_map(|id| row_of(checklist, id)).collect();
        let filter = Filter::from_label(&self.filter).unwrap_or_default();
        let row = self.row.as_deref().and_then(|id| row_of(checklist, id));
        app.restore(&folded, filter, row);
    }

    /// Reads what was remembered; `None` for anything but a good file.
    pub fn load(path: &Path) -> Option<Resume> {
        let bytes = files::read_regular(path, MAX_BYTES).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Remembers; the folder is created private, as the run logs' are.
    pub fn save(&self, path: &Path) -> Result<(), Box<dyn std::error::Error>> {
        if let Some(dir) = path.parent() {
            files::create_private_dir(dir)?;
        }
        let text = serde_json::to_string(self)?;
        Target::check(path, Replace::Always)?.write(&text)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::parse;
    use crate::run::RunState;
    use crate::ui::app::{Action, update::update};
    use crate::ui::input::resize;

    fn app() -> App {
        let checklist = parse(
            "title: T\nphases:\n  - name: A\n    sections:\n      - name: One\n        items: [a1, a2]\n      - name: Two\n        items: [b1, b2]\n",
            "t.yaml",
        )
        .unwrap();
        let state = RunState::new(&checklist);
        let mut app = App::new(checklist, state, "default".into(), "me".into(), true);
        update(&mut app, resize(80, 24));
        app
    }

    #[test]
    fn the_cursor_folds_and_filter_come_back() {
        let mut app = app();
        for action in [
            Action::Down,
            Action::Toggle,
            Action::Down,
            Action::Down,
            Action::CycleFilter,
        ] {
            update(&mut app, action);
        }
        let remembered = Resume::of(&app);
        assert_eq!(remembered.folded, ["a/one"]);
        assert_eq!(remembered.filter, "open");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("view/default.view.json");
        remembered.save(&path).unwrap();
        let mut again = self::app();
        Resume::load(&path).unwrap().restore(&mut again);
        assert_eq!(Resume::of(&again), remembered);
        assert_eq!(again.tree().selected(), app.tree().selected());
    }

    #[test]
    fn a_missing_damaged_or_odd_file_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Resume::load(&dir.path().join("none.json")), None);
        let damaged = dir.path().join("bad.json");
        std::fs::write(&damaged, "{\"row\": ").unwrap();
        assert_eq!(Resume::load(&damaged), None);
        assert_eq!(Resume::load(dir.path()), None);
        let gone = Resume {
            row: Some("a/gone/x".into()),
            folded: vec!["nope".into()],
            filter: "sideways".into(),
        };
        let mut app = app();
        gone.restore(&mut app);
        assert_eq!(app.tree().filter(), Filter::All);
        assert!(app.tree().folded().is_empty());
    }
}
