//! What a binding is: keys, where they apply, the one Action they mean, and
//! the words the help, the man page and the footer use for them.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::ui::app::Action;

/// A key as a binding names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character, with or without Shift (which is in the character).
    Char(char),
    Ctrl(char),
    Alt(char),
    Code(KeyCode),
    /// A named key with Ctrl or Alt held.
    Held(KeyCode),
}

/// Where a binding applies: the layers the modes read keys through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
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

/// What the help overlay and the man page say of a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Help {
    /// A row of the help overlay: the keys as it names them (this binding's
    /// and those of the bindings after it marked [`Help::Above`]), and what
    /// they do.
    Row { keys: &'static str, what: &'static str },
    /// Its keys are named in the row above (`k` in "j k ↓ ↑").
    Above,
    /// Left out of the help overlay; the man page says what it does.
    Manual(&'static str),
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

/// A footer hint: the key as the footer names it, what it does, and where
/// it shows.
pub type FooterHint = (&'static str, &'static str, Hint);

/// One binding: its keys in a scope, the one Action they mean, and its words.
#[derive(Debug, Clone)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: Help,
    /// The footer's short forms, and where each shows.
    pub hints: &'static [FooterHint],
}

impl Binding {
    /// A binding with no hint in the footer.
    pub(super) const fn new(scope: Scope, keys: &'static [Key], action: Action, help: Help) -> Binding {
        Binding::hinted(scope, keys, action, help, &[])
    }

    /// A binding with hints in the footer.
    pub(super) const fn hinted(
        scope: Scope,
        keys: &'static [Key],
        action: Action,
        help: Help,
        hints: &'static [FooterHint],
    ) -> Binding {
        Binding {
            scope,
            keys,
            action,
            help,
            hints,
        }
    }

    /// Whether one of its keys is `pressed`.
    pub fn is_pressed(&self, pressed: &KeyEvent) -> bool {
        self.keys.iter().any(|key| key.is_pressed(pressed))
    }
}

impl Key {
    /// Whether this key is `pressed`.
    pub fn is_pressed(self, pressed: &KeyEvent) -> bool {
        let ctrl = pressed.modifiers.contains(KeyModifiers::CONTROL);
        let alt = pressed.modifiers.contains(KeyModifiers::ALT);
        match (self, pressed.code) {
            (Key::Char(c), KeyCode::Char(p)) => c == p && !ctrl && !alt,
            (Key::Ctrl(c), KeyCode::Char(p)) => c == p && ctrl,
            (Key::Alt(c), KeyCode::Char(p)) => c == p && alt,
            (Key::Code(code), p) => code == p && !ctrl && !alt,
            (Key::Held(code), p) => code == p && (ctrl || alt),
            _ => false,
        }
    }

    /// The key as the man page names it.
    pub fn name(self) -> String {
        match self {
            Key::Char(' ') => "Space".to_owned(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Alt(c) => format!("Alt-{c}"),
            Key::Code(code) => code_name(code),
            Key::Held(code) => format!("Ctrl-{0} or Alt-{0}", code_name(code)),
        }
    }
}

fn code_name(code: KeyCode) -> String {
    match code {
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::BackTab => "Shift-Tab".to_owned(),
        KeyCode::Delete => "Del".to_owned(),
        other => other.to_string(),
    }
}
