//! The terminal view's state and its one way of changing:
//! [`update::update`]`(&mut App, Action) -> Effect`. The state is private:
//! the view and the loop read it through methods, and the few changes from
//! outside an Action (a recorded change, a teammate's, a reload) are methods
//! that keep its parts in step. Keys and mouse become Actions elsewhere
//! (the key table does not come in here); what needs the
//! outside world (writing the run log, running an editor) is returned as an
//! Effect for the loop to carry out, and its outcome comes back through
//! [`App::recorded`], [`App::record_failed`] and [`App::external`].

mod action;
mod events;
mod message;
mod modes;
mod params;
mod recording;
mod status_line;
pub mod update;

pub use action::{Action, Edit, EditKind, Effect};
pub use message::Message;
pub use modes::{Confirm, Focus, Mode, Next, PROMPT_ROWS, Prompt, Purpose};

use crate::checklist::Checklist;
use crate::progress::{Progress, Tally};
use crate::run::{Author, ItemState, RunState};

use super::layout::{self, Areas, Screen};
use super::line_edit::LineEdit;
use super::strip;
use super::theme::Theme;
use super::tree::{Filter, Row, SearchIndex, Tree};
use crate::text::plural;

/// The whole state of the terminal view. Its parts change together (the
/// rows with the statuses they filter by, the shown checklist with the run's
/// values), so they are private and changed only through `update` and the
/// methods below; the view and the loop read them through methods.
#[derive(Debug, Clone)]
pub struct App {
    checklist: Checklist,
    state: RunState,
    tally: Tally,
    run: String,
    /// Who this session records as; changes by others are announced.
    author: Author,
    /// Whether `E` may open the checklist in an editor (bundled ones are not files).
    editable: bool,
    tree: Tree,
    /// Built on the first search, not at start: most sessions never search, and
    /// at 100,000 items it is a noticeable part of opening.
    search_index: Option<SearchIndex>,
    mode: Mode,
    /// The search being typed, while searching.
    query: LineEdit,
    focus: Focus,
    detail_scroll: u16,
    /// How far the help is scrolled: on a small screen it does not fit.
    help_scroll: u16,
    message: Option<Message>,
    /// Groups of edits, one per recorded change (a bulk tick is one group).
    undo: Vec<Vec<Edit>>,
    redo: Vec<Vec<Edit>>,
    screen: Screen,
    /// Where each part of the screen goes: laid out again by every method
    /// that changes the size, the mode, the message or what the phase
    /// overview shows, and read (never worked out again) by `update` and the view.
    areas: Option<Areas>,
    theme: Theme,
    /// The checklist as written, `{{param}}` and all, when it has parameters:
    /// the shown one is made from it again when a value changes.
    templates: Option<Checklist>,
}

impl App {
    /// The view of `run` of `checklist` as written (`{{param}}` and all: it
    /// is shown with the run's values, made again whenever one changes),
    /// recording as `author`; `editable` when `E` may open the checklist's
    /// file. Colours are on until [`App::with_theme`] says otherwise.
    pub fn new(checklist: Checklist, state: RunState, run: String, author: Author, editable: bool) -> App {
        let templates = (!checklist.params.is_empty()).then(|| checklist.clone());
        let tally = state.tally(&checklist);
        let tree = Tree::new(&checklist, &state);
        let orphans = state.orphans().count();
        let message = (orphans > 0).then(|| Message {
            text: format!(
                "{} in this run name items the checklist no longer has",
                plural(orphans, "orphaned item", "orphaned items")
            ),
            error: false,
            age: 0,
        });
        let mut app = App {
            checklist,
            state,
            tally,
            run,
            author,
            editable,
            tree,
            search_index: None,
            mode: Mode::Normal,
            query: LineEdit::default(),
            focus: Focus::Tree,
            detail_scroll: 0,
            help_scroll: 0,
            message,
            undo: Vec::new(),
            redo: Vec::new(),
            screen: Screen {
                width: 80,
                height: 24,
                ..Screen::default()
            },
            areas: None,
            theme: Theme::COLOR,
            templates,
        };
        app.refresh_values();
        app.relayout();
        app
    }

    /// The same view in other colours (or none: `NO_COLOR`).
    #[must_use]
    pub fn with_theme(self, theme: Theme) -> App {
        App { theme, ..self }
    }

    /// The checklist as shown: the run's values in place of its placeholders.
    pub fn checklist(&self) -> &Checklist {
        &self.checklist
    }

    pub fn state(&self) -> &RunState {
        &self.state
    }

    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// The run's name.
    pub fn run(&self) -> &str {
        &self.run
    }

    /// Who this session records as.
    pub fn author(&self) -> &Author {
        &self.author
    }

    /// The visible rows and the cursor.
    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The search being typed, while searching.
    pub fn query(&self) -> &LineEdit {
        &self.query
    }

    /// Which pane keys act on.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn detail_scroll(&self) -> u16 {
        self.detail_scroll
    }

    pub fn help_scroll(&self) -> u16 {
        self.help_scroll
    }

    /// The status line's message, until it fades.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// The last known size of the terminal.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// Keeps a parameter's secret value for this session (it is never recorded).
    pub fn give_secret(&mut self, name: &str, value: String) {
        self.state.give_secret(name, value);
    }

    /// Shows what was remembered of a previous session: `folded` rows, the
    /// `filter`, and the cursor on `row`, in the middle of the screen.
    pub fn restore(&mut self, folded: &[Row], filter: Filter, row: Option<Row>) {
        self.tree.set_filter(&self.checklist, &self.state, filter);
        self.tree.fold_only(&self.checklist, &self.state, folded);
        if let Some(row) = row {
            self.tree.select(row);
        }
        let height = usize::from(self.tree_height());
        self.tree.scroll_to_middle(height);
    }

    /// The item under the cursor, if the cursor is on an item.
    pub fn selected_item(&self) -> Option<usize> {
        match self.tree.selected() {
            Some(Row::Item(i)) => Some(i),
            _ => None,
        }
    }

    pub fn item_state(&self, index: usize) -> &ItemState {
        self.state.item(index)
    }

    /// The screen's layout at its last known size, as it was laid out.
    pub fn areas(&self) -> Option<Areas> {
        self.areas
    }

    /// The terminal has a new size: the screen is laid out for it.
    pub(crate) fn resize(&mut self, screen: Screen) {
        self.screen = screen;
        self.relayout();
    }

    /// Lays the screen out again for what it shows now, the cursor's row
    /// kept on screen: a shorter footer can bring the detail pane back below
    /// the tree and make it shorter.
    pub(crate) fn relayout(&mut self) {
        self.areas = self.areas_at(self.screen.width, self.screen.height);
        let height = usize::from(self.tree_height());
        self.tree.scroll_into_view(height);
    }

    /// The layout at a given size (the view's, when the terminal was resized
    /// and the loop has not heard yet): the footer grows with a long prompt, and
    /// with an error too long for one row (a checklist that failed to reload).
    pub fn areas_at(&self, width: u16, height: u16) -> Option<Areas> {
        let footer = match (&self.mode, &self.message) {
            (Mode::Prompt(prompt), _) => {
                self.prompt_line(prompt)
                    .rows_needed(&prompt.label(width), usize::from(width), PROMPT_ROWS)
            }
            (Mode::Confirm(confirm), _) => confirm.rows(width).len(),
            (Mode::Normal, Some(message)) if message.error => {
                let text = unicode_width::UnicodeWidthStr::width(message.text.as_str());
                text.div_ceil(usize::from(width.max(1))).clamp(1, PROMPT_ROWS)
            }
            _ => 1,
        };
        let phases = strip::rows(&self.checklist, &self.tally, self.state.approvals(), width, height);
        layout::areas(width, height, phases, u16::try_from(footer).unwrap_or(1))
    }

    /// How many tree rows fit on screen.
    pub fn tree_height(&self) -> u16 {
        self.areas().and_then(|a| a.tree_rows).map_or(1, |r| r.height)
    }

    /// Progress of the phase a row belongs to.
    pub fn phase_progress(&self, phase: usize) -> &Progress {
        &self.tally.phases[phase]
    }
}

#[cfg(test)]
mod tests;
