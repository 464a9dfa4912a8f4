//! Every key of the view, defined once: which keys, where they apply, the
//! Action they mean, and the words the help, the footer and the man page use
//! for them. The key map, the help overlay, the footer hints and the manual
//! are all read from [`BINDINGS`], so a key cannot be documented one way and
//! bound another.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{Action, Mode};
use super::line_edit::LineOp;

/// A key as a binding names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character, with or without Shift (which is in the character).
    Char(char),
    /// Any printable character: typing into a prompt.
    AnyChar,
    Ctrl(char),
    Alt(char),
    Code(KeyCode),
    /// A named key with Ctrl or Alt held.
    Held(KeyCode),
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere, whatever the mode.
    Everywhere,
    /// Moving through the tree.
    Tree,
    /// The tree while a search is kept: these come before the tree's own.
    KeptSearch,
    /// Typing into a prompt or the search.
    Typing,
    Help,
    /// A y/n question.
    Confirm,
}

/// Where the footer shows a binding's hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    OnItem,
    OnHeader,
    OnBoth,
    InSearch,
}

/// One binding: its keys in a scope, the Action, and its words.
#[derive(Clone, Copy)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    /// The Action; the key's character is passed for the few that need it
    /// (a digit's phase, a typed character).
    pub action: fn(char) -> Action,
    /// The keys and what they do, as the help and the man page list them;
    /// an empty `label` keeps a binding out of the help (its row is another's).
    pub label: &'static str,
    pub what: &'static str,
    /// The footer's short form, and where it shows.
    pub hint: Option<(&'static str, &'static str, Hint)>,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    action: fn(char) -> Action,
    label: &'static str,
    what: &'static str,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        label,
        what,
        hint: None,
    }
}

const fn hinted(binding: Binding, key: &'static str, what: &'static str, on: Hint) -> Binding {
    Binding {
        hint: Some((key, what, on)),
        ..binding
    }
}

use Key::{Alt, AnyChar, Char, Code, Ctrl, Held};
use Scope::{Confirm, Everywhere, Help, KeptSearch, Tree, Typing};

/// Every binding, in the order the help lists them.
pub static BINDINGS: &[Binding] = &[
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
        "j/k",
        "move",
        Hint::OnHeader,
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
        "]",
        "next open",
        Hint::OnHeader,
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
        "enter",
        "tick+next",
        Hint::OnItem,
    ),
    hinted(
        bind(
            Tree,
            &[Char(' '), Char('x')],
            |_| Action::Toggle,
            "Space x",
            "tick / untick in place (on a header: fold)",
        ),
        "space",
        "tick",
        Hint::OnItem,
    ),
    hinted(
        bind(Tree, &[Char(' '), Char('x')], |_| Action::Toggle, "", ""),
        "space",
        "fold",
        Hint::OnHeader,
    ),
    hinted(
        bind(
            Tree,
            &[Char('T')],
            |_| Action::TickAll,
            "T",
            "on a section or phase: tick all its open items",
        ),
        "T",
        "tick all",
        Hint::OnHeader,
    ),
    hinted(
        bind(
            Tree,
            &[Char('s')],
            |_| Action::Skip,
            "s",
            "skip with a reason (again: unskip)",
        ),
        "s",
        "skip",
        Hint::OnItem,
    ),
    hinted(
        bind(
            KeptSearch,
            &[Char('n')],
            |_| Action::NextMatch,
            "n N",
            "during a search: next / previous match",
        ),
        "n/N",
        "next/prev match",
        Hint::InSearch,
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
        "esc",
        "clear search",
        Hint::InSearch,
    ),
    hinted(
        bind(Tree, &[Char('n')], |_| Action::EditNote, "n", "edit the note"),
        "n",
        "note",
        Hint::OnItem,
    ),
    hinted(
        bind(
            Tree,
            &[Char('/')],
            |_| Action::StartSearch,
            "/",
            "search titles and details",
        ),
        "/",
        "search",
        Hint::OnBoth,
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
        "u",
        "undo",
        Hint::OnItem,
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
        "?",
        "help",
        Hint::OnBoth,
    ),
    hinted(
        bind(
            Tree,
            &[Char('q')],
            |_| Action::Quit,
            "q  Ctrl-c",
            "quit (every change is already saved)",
        ),
        "q",
        "quit",
        Hint::OnBoth,
    ),
    bind(Tree, &[Code(KeyCode::Esc)], |_| Action::Cancel, "", ""),
    bind(Everywhere, &[Ctrl('c')], |_| Action::Quit, "", ""),
    // Typing into a prompt or the search.
    bind(Typing, &[Code(KeyCode::Enter)], |_| Action::Confirm, "", ""),
    bind(Typing, &[Code(KeyCode::Esc)], |_| Action::Cancel, "", ""),
    bind(
        Typing,
        &[Code(KeyCode::Left), Ctrl('b')],
        |_| Action::Line(LineOp::Left),
        "← → Home End",
        "move in a prompt (also Ctrl-a Ctrl-e)",
    ),
    bind(
        Typing,
        &[Code(KeyCode::Right), Ctrl('f')],
        |_| Action::Line(LineOp::Right),
        "",
        "",
    ),
    bind(
        Typing,
        &[Code(KeyCode::Home), Ctrl('a')],
        |_| Action::Line(LineOp::Home),
        "",
        "",
    ),
    bind(
        Typing,
        &[Code(KeyCode::End), Ctrl('e')],
        |_| Action::Line(LineOp::End),
        "",
        "",
    ),
    bind(
        Typing,
        &[Alt('b'), Held(KeyCode::Left)],
        |_| Action::Line(LineOp::WordLeft),
        "Alt-b Alt-f",
        "word left / right in a prompt",
    ),
    bind(
        Typing,
        &[Alt('f'), Held(KeyCode::Right)],
        |_| Action::Line(LineOp::WordRight),
        "",
        "",
    ),
    bind(Typing, &[Code(KeyCode::Backspace)], |_| Action::Backspace, "", ""),
    bind(
        Typing,
        &[Ctrl('w'), Ctrl('h'), Held(KeyCode::Backspace)],
        |_| Action::DeleteWord,
        "^W ^U ^K",
        "delete word / to start / to end",
    ),
    bind(Typing, &[Ctrl('u')], |_| Action::Line(LineOp::DeleteToStart), "", ""),
    bind(Typing, &[Ctrl('k')], |_| Action::Line(LineOp::DeleteToEnd), "", ""),
    bind(
        Typing,
        &[Code(KeyCode::Delete), Ctrl('d')],
        |_| Action::Line(LineOp::DeleteForward),
        "",
        "",
    ),
    bind(Typing, &[Code(KeyCode::Down)], |_| Action::Down, "", ""),
    bind(Typing, &[Code(KeyCode::Up)], |_| Action::Up, "", ""),
    bind(Typing, &[AnyChar], Action::Input, "", ""),
    // The help.
    bind(
        Help,
        &[Code(KeyCode::Esc), Char('?'), Char('q')],
        |_| Action::ToggleHelp,
        "",
        "",
    ),
    bind(Help, &[Char('j'), Code(KeyCode::Down)], |_| Action::Down, "", ""),
    bind(Help, &[Char('k'), Code(KeyCode::Up)], |_| Action::Up, "", ""),
    bind(
        Help,
        &[Code(KeyCode::PageDown), Char(' ')],
        |_| Action::PageDown,
        "",
        "",
    ),
    bind(Help, &[Code(KeyCode::PageUp)], |_| Action::PageUp, "", ""),
    bind(Help, &[Char('g'), Code(KeyCode::Home)], |_| Action::Top, "", ""),
    bind(Help, &[Char('G'), Code(KeyCode::End)], |_| Action::Bottom, "", ""),
    // A y/n question.
    bind(Confirm, &[Char('y'), Char('Y')], |_| Action::Yes, "", ""),
    bind(
        Confirm,
        &[Char('n'), Char('N'), Code(KeyCode::Esc)],
        |_| Action::No,
        "",
        "",
    ),
];

/// The rows of the help and the man page: every binding with a label, and
/// the mouse, which has no key.
pub fn help_rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| !b.label.is_empty())
        .map(|b| (b.label, b.what))
        .chain(std::iter::once((
            "mouse",
            "click selects, click a box ticks, wheel scrolls",
        )))
}

/// The footer's hints for where the cursor is.
pub fn hints(on_header: bool, searching: bool) -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter_map(|b| b.hint)
        .filter(|(_, _, on)| match on {
            Hint::InSearch => searching,
            Hint::OnBoth => true,
            Hint::OnItem => !on_header && !searching,
            Hint::OnHeader => on_header && !searching,
        })
        .map(|(key, what, _)| (key, what))
        .collect()
}

/// Whether `key` is `pressed`, and the character that goes with it.
fn matches(key: Key, pressed: &KeyEvent) -> Option<char> {
    let ctrl = pressed.modifiers.contains(KeyModifiers::CONTROL);
    let alt = pressed.modifiers.contains(KeyModifiers::ALT);
    match (key, pressed.code) {
        (Char(c), KeyCode::Char(p)) if c == p && !ctrl && !alt => Some(c),
        (AnyChar, KeyCode::Char(p)) if !ctrl && !alt => Some(p),
        (Ctrl(c), KeyCode::Char(p)) if c == p && ctrl => Some(c),
        (Alt(c), KeyCode::Char(p)) if c == p && alt => Some(c),
        (Code(code), p) if code == p && !ctrl && !alt => Some(arrow(p)),
        (Held(code), p) if code == p && (ctrl || alt) => Some(arrow(p)),
        _ => None,
    }
}

/// The character a named key stands for, where a binding tells keys apart.
fn arrow(code: KeyCode) -> char {
    match code {
        KeyCode::Up => '↑',
        KeyCode::Down => '↓',
        _ => '\0',
    }
}

/// The Action `pressed` means in `mode`; `kept_search` says whether a search
/// is kept in the tree, where `n` and `N` move between matches.
pub fn lookup(pressed: &KeyEvent, mode: &Mode, kept_search: bool) -> Option<Action> {
    let scopes: &[Scope] = match mode {
        Mode::Normal if kept_search => &[Everywhere, KeptSearch, Tree],
        Mode::Normal => &[Everywhere, Tree],
        Mode::Searching | Mode::Prompt(_) => &[Everywhere, Typing],
        Mode::Help => &[Everywhere, Help],
        Mode::Confirm(_) => &[Everywhere, Confirm],
    };
    scopes.iter().find_map(|scope| {
        BINDINGS.iter().filter(|b| b.scope == *scope).find_map(|b| {
            let c = b.keys.iter().find_map(|key| matches(*key, pressed))?;
            Some((b.action)(c))
        })
    })
}
