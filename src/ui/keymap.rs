//! Every key of the view, defined once: which keys, where they apply, the
//! Action they mean, and the words the help, the footer and the man page use
//! for them. The key map, the help overlay, the footer hints and the manual
//! are all read from [`bindings`], so a key cannot be documented one way and
//! bound another.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{Action, Mode};

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
    /// On an item that has a command to run.
    OnCommand,
    /// On an item that has a verification.
    OnVerify,
    /// On a phase that needs approvals it does not have.
    OnApproval,
}

/// Where the cursor is, as the footer's hints depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// During a kept search.
    Searching,
    /// On a phase or section.
    Header,
    /// On a phase that needs approvals it does not have.
    Unapproved,
    /// On an item, and whether it has a command and a verification.
    Item { command: bool, verify: bool },
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
    /// The footer's short forms, and where each shows.
    pub hints: &'static [(&'static str, &'static str, Hint)],
}

pub(super) const fn bind(
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
        hints: &[],
    }
}

pub(super) const fn hinted(binding: Binding, hints: &'static [(&'static str, &'static str, Hint)]) -> Binding {
    Binding { hints, ..binding }
}

mod tree;
mod typing;

/// Every binding, in the order the help lists them.
pub fn bindings() -> impl Iterator<Item = &'static Binding> {
    tree::BINDINGS.iter().chain(typing::BINDINGS)
}

/// The rows of the help and the man page: every binding with a label, and
/// the mouse, which has no key.
pub fn help_rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    bindings()
        .filter(|b| !b.label.is_empty())
        .map(|b| (b.label, b.what))
        .chain(std::iter::once((
            "mouse",
            "click selects, click a box ticks, wheel scrolls",
        )))
}

/// The footer's hints for where the cursor is.
pub fn hints(place: Place) -> Vec<(&'static str, &'static str)> {
    bindings()
        .flat_map(|b| b.hints)
        .filter(|(_, _, on)| {
            matches!(
                (on, place),
                (Hint::OnBoth, _)
                    | (Hint::InSearch, Place::Searching)
                    | (Hint::OnHeader, Place::Header | Place::Unapproved)
                    | (Hint::OnApproval, Place::Unapproved)
                    | (Hint::OnItem, Place::Item { .. })
                    | (Hint::OnCommand, Place::Item { command: true, .. })
                    | (Hint::OnVerify, Place::Item { verify: true, .. })
            )
        })
        .map(|(key, what, _)| (*key, *what))
        .collect()
}

/// Whether `key` is `pressed`, and the character that goes with it.
fn matches(key: Key, pressed: &KeyEvent) -> Option<char> {
    use Key::{Alt, AnyChar, Char, Code, Ctrl, Held};
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
    use Scope::{Confirm, Everywhere, Help, KeptSearch, Tree, Typing};
    let scopes: &[Scope] = match mode {
        Mode::Normal if kept_search => &[Everywhere, KeptSearch, Tree],
        Mode::Normal => &[Everywhere, Tree],
        Mode::Searching | Mode::Prompt(_) => &[Everywhere, Typing],
        Mode::Help => &[Everywhere, Help],
        Mode::Confirm(_) => &[Everywhere, Confirm],
    };
    scopes.iter().find_map(|scope| {
        bindings().filter(|b| b.scope == *scope).find_map(|b| {
            let c = b.keys.iter().find_map(|key| matches(*key, pressed))?;
            Some((b.action)(c))
        })
    })
}
