//! The keys of the tree: moving, folding, ticking, skipping, notes, undo,
//! search and filter; and, while a search is kept, its moves.

use ratatui::crossterm::event::KeyCode;

use super::Key::{Char, Code, Ctrl};
use super::Scope::{Everywhere, KeptSearch, Tree};
use super::{Binding, Hint, bind, hinted};
use crate::ui::app::Action;

/// The tree's bindings, in the order the help lists them.
pub(super) static BINDINGS: &[Binding] = &[
    hinted(
        bind(
            Tree,
            &[Char('j'), Char('k'), Code(KeyCode::Down), Code(KeyCode::Up)],
            |c| {
                if c == 'k' || c == '↑' {
                    Action::Up
                } else {
                    Action::Down
                }
            },
            "j k ↓ ↑",
            "move down / up",
        ),
        &[("j/k", "move", Hint::OnHeader)],
    ),
    bind(
        Tree,
        &[Char('g'), Code(KeyCode::Home)],
        |_| Action::Top,
        "g G Home End",
        "first / last row",
    ),
    bind(Tree, &[Char('G'), Code(KeyCode::End)], |_| Action::Bottom, "", ""),
    bind(
        Tree,
        &[Code(KeyCode::PageUp), Ctrl('u')],
        |_| Action::PageUp,
        "PgUp PgDn",
        "page up / down (also Ctrl-u Ctrl-d)",
    ),
    bind(
        Tree,
        &[Code(KeyCode::PageDown), Ctrl('d')],
        |_| Action::PageDown,
        "",
        "",
    ),
    bind(
        Tree,
        &[Char('h'), Code(KeyCode::Left)],
        |_| Action::Collapse,
        "h ←",
        "collapse, or go to the parent",
    ),
    bind(
        Tree,
        &[Char('l'), Code(KeyCode::Right)],
        |_| Action::Expand,
        "l →",
        "expand, or go to the first child",
    ),
    bind(
        Tree,
        &[
            Char('1'),
            Char('2'),
            Char('3'),
            Char('4'),
            Char('5'),
            Char('6'),
            Char('7'),
            Char('8'),
            Char('9'),
        ],
        |c| Action::JumpToPhase(c.to_digit(10).map_or(1, |d| d as usize)),
        "1 … 9",
        "jump to a phase",
    ),
    bind(
        Tree,
        &[Char('}')],
        |_| Action::NextPhase,
        "} {",
        "next / previous phase (any number of them)",
    ),
    bind(Tree, &[Char('{')], |_| Action::PreviousPhase, "", ""),
    hinted(
        bind(
            Tree,
            &[Char(']')],
            |_| Action::NextOpen,
            "] [",
            "next / previous open item, also in folds",
        ),
        &[("]", "next open", Hint::OnHeader)],
    ),
    bind(Tree, &[Char('[')], |_| Action::PreviousOpen, "", ""),
    hinted(
        bind(
            Tree,
            &[Code(KeyCode::Enter)],
            |_| Action::TickAndAdvance,
            "Enter",
            "tick and go to the next open item",
        ),
        &[("enter", "tick+next", Hint::OnItem)],
    ),
    hinted(
        bind(
            Tree,
            &[Char(' '), Char('x')],
            |_| Action::Toggle,
            "Space x",
            "tick / untick in place (on a header: fold)",
        ),
        &[("space", "tick", Hint::OnItem), ("space", "fold", Hint::OnHeader)],
    ),
    hinted(
        bind(
            Tree,
            &[Char('T')],
            |_| Action::TickAll,
            "T",
            "on a section, a phase or an item with sub-items: tick all its open items",
        ),
        &[("T", "tick all", Hint::OnHeader)],
    ),
    hinted(
        bind(
            Tree,
            &[Char('s')],
            |_| Action::Skip,
            "s",
            "skip with a reason (again: unskip)",
        ),
        &[("s", "skip", Hint::OnItem)],
    ),
    hinted(
        bind(
            Tree,
            &[Char('a')],
            |_| Action::Approve,
            "a",
            "on a phase that needs approvals: approve it, with a note of what you reviewed (again: withdraw)",
        ),
        &[("a", "approve", Hint::OnApproval)],
    ),
    hinted(
        bind(
            Tree,
            &[Char('!')],
            |_| Action::RunCommand,
            "!",
            "run the item's command, after showing it (y/n); its output, then Enter",
        ),
        &[("!", "run", Hint::OnCommand)],
    ),
    hinted(
        bind(
            Tree,
            &[Char('v')],
            |_| Action::VerifyItem,
            "v",
            "run the item's verification (y/n); exit 0 ticks it",
        ),
        &[("v", "verify", Hint::OnVerify)],
    ),
    bind(
        Tree,
        &[Char('c')],
        |_| Action::CopyCommand,
        "c",
        "copy the item's command to the clipboard (OSC 52)",
    ),
    hinted(
        bind(
            KeptSearch,
            &[Char('n')],
            |_| Action::NextMatch,
            "n N",
            "during a search: next / previous match",
        ),
        &[("n/N", "next/prev match", Hint::InSearch)],
    ),
    bind(KeptSearch, &[Char('N')], |_| Action::PreviousMatch, "", ""),
    hinted(
        bind(
            KeptSearch,
            &[Code(KeyCode::Esc)],
            |_| Action::Cancel,
            "Esc",
            "clear the search, close a prompt or a message",
        ),
        &[("esc", "clear search", Hint::InSearch)],
    ),
    hinted(
        bind(Tree, &[Char('n')], |_| Action::EditNote, "n", "edit the note"),
        &[("n", "note", Hint::OnItem)],
    ),
    hinted(
        bind(
            Tree,
            &[Char('/')],
            |_| Action::StartSearch,
            "/",
            "search titles and details",
        ),
        &[("/", "search", Hint::OnBoth)],
    ),
    bind(Tree, &[Char('N')], |_| Action::PreviousMatch, "", ""),
    hinted(
        bind(
            Tree,
            &[Char('u')],
            |_| Action::Undo,
            "u  Ctrl-r",
            "undo / redo your changes",
        ),
        &[("u", "undo", Hint::OnItem)],
    ),
    bind(Tree, &[Ctrl('r')], |_| Action::Redo, "", ""),
    bind(
        Tree,
        &[Char('f')],
        |_| Action::CycleFilter,
        "f",
        "filter: all / open / done / skipped",
    ),
    bind(
        Tree,
        &[Code(KeyCode::Tab), Code(KeyCode::BackTab)],
        |_| Action::SwitchPane,
        "Tab",
        "switch between the tree and the detail",
    ),
    bind(
        Tree,
        &[Char('E')],
        |_| Action::EditChecklist,
        "E",
        "edit the checklist in $VISUAL / $EDITOR",
    ),
    hinted(
        bind(
            Tree,
            &[Char('?')],
            |_| Action::ToggleHelp,
            "?",
            "this help (j/k scroll it)",
        ),
        &[("?", "help", Hint::OnBoth)],
    ),
    hinted(
        bind(
            Tree,
            &[Char('q')],
            |_| Action::Quit,
            "q  Ctrl-c",
            "quit (every change is already saved)",
        ),
        &[("q", "quit", Hint::OnBoth)],
    ),
    bind(Tree, &[Code(KeyCode::Esc)], |_| Action::Cancel, "", ""),
    bind(Everywhere, &[Ctrl('c')], |_| Action::Quit, "", ""),
];
