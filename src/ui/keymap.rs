//! Every key of the view, defined once: which keys, where they apply, the one
//! Action they mean, and the words the help, the footer and the man page use
//! for them. The key map, the help overlay, the footer hints and the manual
//! are all read from [`bindings`], so a key cannot be documented one way and
//! bound another; [`layer`] is the one place that says which bindings a mode
//! reads keys through.

mod binding;
mod tree;
mod typing;

pub use binding::{Binding, Help, Hint, Scope};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{Action, Mode};

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

/// What a typed character does where nothing else is bound to it, as the
/// man page says it: in a prompt or the search it is text.
pub const TYPED: (&str, &str) = ("any other character", "is typed");

/// The mouse, which has no binding, as the help and the man page say it.
pub const MOUSE: (&str, &str) = ("mouse", "click selects, click a box ticks, wheel scrolls");

/// Every binding, in the order the help lists them.
pub fn bindings() -> impl Iterator<Item = &'static Binding> {
    tree::BINDINGS.iter().chain(typing::BINDINGS)
}

/// The scopes a mode reads keys through, first come first served; a kept
/// search gives `n` and `N` to its matches.
pub fn layer(mode: &Mode, kept_search: bool) -> &'static [Scope] {
    match mode {
        Mode::Normal if kept_search => &[Scope::KeptSearch, Scope::Tree],
        Mode::Normal => &[Scope::Tree],
        Mode::Searching | Mode::Prompt(_) => &[Scope::Typing],
        Mode::Help => &[Scope::Help],
        Mode::Confirm(_) => &[Scope::Confirm],
    }
}

/// The Action `pressed` means in `mode`: the first binding of its layer
/// that has the key; in a layer that types, any other character is text.
pub fn lookup(pressed: &KeyEvent, mode: &Mode, kept_search: bool) -> Option<Action> {
    let scopes = layer(mode, kept_search);
    let bound = scopes.iter().find_map(|scope| {
        bindings()
            .filter(|b| b.scope == *scope)
            .find(|b| b.is_pressed(pressed))
            .map(|b| b.action.clone())
    });
    bound.or_else(|| match pressed.code {
        KeyCode::Char(c)
            if scopes.contains(&Scope::Typing)
                && !pressed.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Input(c))
        }
        _ => None,
    })
}

/// The rows of the help: every binding that heads one, and the mouse.
pub fn help_rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    bindings()
        .filter_map(|b| match b.help {
            Help::Row { keys, what } => Some((keys, what)),
            Help::Above | Help::Manual(_) => None,
        })
        .chain(std::iter::once(MOUSE))
}

/// One entry of the man page: the keys, by name, and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub keys: Vec<String>,
    pub what: &'static str,
}

/// The man page's keys, where they apply: a title and its entries.
pub fn manual() -> Vec<(&'static str, Vec<Entry>)> {
    let extra = |(keys, what): (&str, &'static str)| Entry {
        keys: vec![keys.to_owned()],
        what,
    };
    let mut tree = entries(&[Scope::Tree, Scope::KeptSearch]);
    tree.push(extra(MOUSE));
    let mut typing = entries(&[Scope::Typing]);
    typing.push(extra(TYPED));
    vec![
        ("In the tree", tree),
        ("Typing into a prompt or the search", typing),
        ("In the help", entries(&[Scope::Help])),
        ("At a y/n question", entries(&[Scope::Confirm])),
    ]
}

/// The entries of the bindings of `scopes`, in the table's order: a help
/// row with the keys of the bindings it names, or a binding the help
/// leaves out.
fn entries(scopes: &[Scope]) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for binding in bindings().filter(|b| scopes.contains(&b.scope)) {
        let names = binding.keys.iter().map(|key| key.name());
        let what = match binding.help {
            Help::Row { what, .. } | Help::Manual(what) => what,
            Help::Above => match out.last_mut() {
                Some(entry) => {
                    entry.keys.extend(names);
                    continue;
                }
                None => "",
            },
        };
        out.push(Entry {
            keys: names.collect(),
            what,
        });
    }
    out
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
