//! The keys of the tree: moving, folding, ticking, skipping, notes, undo,
//! search and filter; and, while a search is kept, its moves.

use ratatui::crossterm::event::KeyCode;

use super::binding::Help::{Above, Row};
use super::binding::Key::{Char, Code, Ctrl};
use super::binding::Scope::{KeptSearch, Tree};
use super::binding::{Binding, Hint, Key};
use crate::ui::app::Action;

/// A digit's jump to its phase, named in the row of the first.
const fn digit(n: usize, keys: &'static [Key]) -> Binding {
    let help = if n == 1 {
        Row {
            keys: "1 … 9",
            what: "jump to a phase",
        }
    } else {
        Above
    };
    Binding::new(Tree, keys, Action::JumpToPhase(n), help)
}

/// The tree's bindings, in the order the help lists them.
pub(super) static BINDINGS: &[Binding] = &[
    Binding::hinted(
        Tree,
        &[Char('j'), Code(KeyCode::Down)],
        Action::Down,
        Row {
            keys: "j k ↓ ↑",
            what: "move down / up",
        },
        &[("j/k", "move", Hint::OnHeader)],
    ),
    Binding::new(Tree, &[Char('k'), Code(KeyCode::Up)], Action::Up, Above),
    Binding::new(
        Tree,
        &[Char('g'), Code(KeyCode::Home)],
        Action::Top,
        Row {
            keys: "g G Home End",
            what: "first / last row",
        },
    ),
    Binding::new(Tree, &[Char('G'), Code(KeyCode::End)], Action::Bottom, Above),
    Binding::new(
        Tree,
        &[Code(KeyCode::PageUp), Ctrl('u')],
        Action::PageUp,
        Row {
            keys: "PgUp PgDn",
            what: "page up / down (also Ctrl-u Ctrl-d)",
        },
    ),
    Binding::new(Tree, &[Code(KeyCode::PageDown), Ctrl('d')], Action::PageDown, Above),
    Binding::new(
        Tree,
        &[Char('h'), Code(KeyCode::Left)],
        Action::Collapse,
        Row {
            keys: "h ←",
            what: "collapse, or go to the parent",
        },
    ),
    Binding::new(
        Tree,
        &[Char('l'), Code(KeyCode::Right)],
        Action::Expand,
        Row {
            keys: "l →",
            what: "expand, or go to the first child",
        },
    ),
    digit(1, &[Char('1')]),
    digit(2, &[Char('2')]),
    digit(3, &[Char('3')]),
    digit(4, &[Char('4')]),
    digit(5, &[Char('5')]),
    digit(6, &[Char('6')]),
    digit(7, &[Char('7')]),
    digit(8, &[Char('8')]),
    digit(9, &[Char('9')]),
    Binding::new(
        Tree,
        &[Char('}')],
        Action::NextPhase,
        Row {
            keys: "} {",
            what: "next / previous phase (any number of them)",
        },
    ),
    Binding::new(Tree, &[Char('{')], Action::PreviousPhase, Above),
    Binding::hinted(
        Tree,
        &[Char(']')],
        Action::NextOpen,
        Row {
            keys: "] [",
            what: "next / previous open item, also in folds",
        },
        &[("]", "next open", Hint::OnHeader)],
    ),
    Binding::new(Tree, &[Char('[')], Action::PreviousOpen, Above),
    Binding::hinted(
        Tree,
        &[Code(KeyCode::Enter)],
        Action::TickAndAdvance,
        Row {
            keys: "Enter",
            what: "tick and go to the next open item",
        },
        &[("enter", "tick+next", Hint::OnItem)],
    ),
    Binding::hinted(
        Tree,
        &[Char(' '), Char('x')],
        Action::Toggle,
        Row {
            keys: "Space x",
            what: "tick / untick in place (on a header: fold)",
        },
        &[("space", "tick", Hint::OnItem), ("space", "fold", Hint::OnHeader)],
    ),
    Binding::hinted(
        Tree,
        &[Char('T')],
        Action::TickAll,
        Row {
            keys: "T",
            what: "on a section, a phase or an item with sub-items: tick all its open items",
        },
        &[("T", "tick all", Hint::OnHeader)],
    ),
    Binding::hinted(
        Tree,
        &[Char('s')],
        Action::Skip,
        Row {
            keys: "s",
            what: "skip with a reason (again: unskip)",
        },
        &[("s", "skip", Hint::OnItem)],
    ),
    Binding::hinted(
        Tree,
        &[Char('a')],
        Action::Approve,
        Row {
            keys: "a",
            what: "on a phase that needs approvals: approve it, with a note of what you reviewed (again: withdraw)",
        },
        &[("a", "approve", Hint::OnApproval)],
    ),
    Binding::hinted(
        Tree,
        &[Char('!')],
        Action::RunCommand,
        Row {
            keys: "!",
            what: "run the item's command, after showing it (y/n); its output, then Enter",
        },
        &[("!", "run", Hint::OnCommand)],
    ),
    Binding::hinted(
        Tree,
        &[Char('v')],
        Action::VerifyItem,
        Row {
            keys: "v",
            what: "run the item's verification (y/n); exit 0 ticks it",
        },
        &[("v", "verify", Hint::OnVerify)],
    ),
    Binding::new(
        Tree,
        &[Char('c')],
        Action::CopyCommand,
        Row {
            keys: "c",
            what: "copy the item's command to the clipboard (OSC 52)",
        },
    ),
    Binding::hinted(
        KeptSearch,
        &[Char('n')],
        Action::NextMatch,
        Row {
            keys: "n N",
            what: "during a search: next / previous match",
        },
        &[("n/N", "next/prev match", Hint::InSearch)],
    ),
    // Outside a search too: it says there is none.
    Binding::new(Tree, &[Char('N')], Action::PreviousMatch, Above),
    Binding::hinted(
        Tree,
        &[Code(KeyCode::Esc)],
        Action::Cancel,
        Row {
            keys: "Esc",
            what: "clear the search, close a prompt or a message",
        },
        &[("esc", "clear search", Hint::InSearch)],
    ),
    Binding::hinted(
        Tree,
        &[Char('n')],
        Action::EditNote,
        Row {
            keys: "n",
            what: "edit the note",
        },
        &[("n", "note", Hint::OnItem)],
    ),
    Binding::hinted(
        Tree,
        &[Char('/')],
        Action::StartSearch,
        Row {
            keys: "/",
            what: "search titles and details",
        },
        &[("/", "search", Hint::OnBoth)],
    ),
    Binding::hinted(
        Tree,
        &[Char('u')],
        Action::Undo,
        Row {
            keys: "u  Ctrl-r",
            what: "undo / redo your changes",
        },
        &[("u", "undo", Hint::OnItem)],
    ),
    Binding::new(Tree, &[Ctrl('r')], Action::Redo, Above),
    Binding::new(
        Tree,
        &[Char('f')],
        Action::CycleFilter,
        Row {
            keys: "f",
            what: "filter: all / open / done / skipped",
        },
    ),
    Binding::new(
        Tree,
        &[Code(KeyCode::Tab), Code(KeyCode::BackTab)],
        Action::SwitchPane,
        Row {
            keys: "Tab",
            what: "switch between the tree and the detail",
        },
    ),
    Binding::new(
        Tree,
        &[Char('E')],
        Action::EditChecklist,
        Row {
            keys: "E",
            what: "edit the checklist in $VISUAL / $EDITOR",
        },
    ),
    Binding::hinted(
        Tree,
        &[Char('?')],
        Action::ToggleHelp,
        Row {
            keys: "?",
            what: "this help (j/k scroll it)",
        },
        &[("?", "help", Hint::OnBoth)],
    ),
    Binding::hinted(
        Tree,
        &[Char('q'), Ctrl('c')],
        Action::Quit,
        Row {
            keys: "q  Ctrl-c",
            what: "quit (every change is already saved)",
        },
        &[("q", "quit", Hint::OnBoth)],
    ),
];
