//! Terminal events to Actions: keys through the one key table
//! ([`keymap::bindings`]) and the layer of it the mode reads
//! ([`keymap::layer`]), which also says where a paste is text; mouse and
//! resize here.

use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use super::app::{Action, Mode};
use super::{help, keymap};

/// The Action of a screen of `width` × `height`, measured for the help.
pub fn resize(width: u16, height: u16) -> Action {
    Action::Resize(help::screen(width, height))
}

/// The Action a terminal event means in the current mode, if any; a kept
/// search gives `n` and `N` to its matches.
pub fn action(event: &Event, mode: &Mode, kept_search: bool) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => keymap::lookup(key, mode, kept_search),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            _ => None,
        },
        Event::Paste(text) => keymap::layer(mode, kept_search)
            .contains(&keymap::Scope::Typing)
            .then(|| Action::Paste(text.clone())),
        Event::Resize(width, height) => Some(resize(*width, *height)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventState, KeyModifiers, MouseEvent};

    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        })
    }

    fn means_the_same(a: KeyCode, b: KeyCode) {
        let normal = Mode::Normal;
        let none = KeyModifiers::NONE;
        assert_eq!(
            action(&press(a, none), &normal, false),
            action(&press(b, none), &normal, false)
        );
        assert!(action(&press(a, none), &normal, false).is_some());
    }

    preflight_core::cases! {
        a_vim_key_means_the_same_as_its_arrow, means_the_same:
        j_down = (KeyCode::Char('j'), KeyCode::Down),
        k_up = (KeyCode::Char('k'), KeyCode::Up),
        h_left = (KeyCode::Char('h'), KeyCode::Left),
        l_right = (KeyCode::Char('l'), KeyCode::Right),
        g_home = (KeyCode::Char('g'), KeyCode::Home),
        capital_g_end = (KeyCode::Char('G'), KeyCode::End),
    }

    #[test]
    fn typing_modes_take_letters_as_text() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action(&q, &Mode::Normal, false), Some(Action::Quit));
        assert_eq!(action(&q, &Mode::Searching, false), Some(Action::Input('q')));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(&ctrl_c, &Mode::Searching, false), Some(Action::Quit));
    }

    #[test]
    fn n_is_a_note_in_the_tree_and_the_next_match_during_a_kept_search() {
        let n = press(KeyCode::Char('n'), KeyModifiers::NONE);
        assert_eq!(action(&n, &Mode::Normal, false), Some(Action::EditNote));
        assert_eq!(action(&n, &Mode::Normal, true), Some(Action::NextMatch));
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(action(&esc, &Mode::Normal, true), Some(Action::Cancel));
        let digit = press(KeyCode::Char('7'), KeyModifiers::NONE);
        assert_eq!(action(&digit, &Mode::Normal, false), Some(Action::JumpToPhase(7)));
        let word = press(KeyCode::Left, KeyModifiers::CONTROL);
        assert_eq!(
            action(&word, &Mode::Searching, false),
            Some(Action::Line(crate::ui::line_edit::LineOp::WordLeft))
        );
    }

    #[test]
    fn every_binding_with_a_label_is_in_the_help_and_every_key_there_is_bound() {
        use crate::ui::keymap::{Help, bindings, help_rows};
        let rows: Vec<_> = help_rows().collect();
        for binding in bindings() {
            if let Help::Row { keys, what } = binding.help {
                assert!(rows.contains(&(keys, what)), "{keys}");
            }
        }
        // A key the help names as a single character is bound to something.
        for (label, _) in &rows {
            for word in label.split_whitespace() {
                let mut chars = word.chars();
                if let (Some(c), None) = (chars.next(), chars.next())
                    && c.is_ascii_graphic()
                {
                    let pressed = press(KeyCode::Char(c), KeyModifiers::NONE);
                    let bound = action(&pressed, &Mode::Normal, false).or(action(&pressed, &Mode::Normal, true));
                    assert!(bound.is_some(), "{c} is in the help but not bound");
                }
            }
        }
    }

    #[test]
    fn each_action_has_one_binding_in_a_scope_and_no_key_means_two_things_there() {
        use crate::ui::keymap::bindings;
        let all: Vec<_> = bindings().collect();
        for (i, a) in all.iter().enumerate() {
            for b in all.iter().skip(i + 1).filter(|b| b.scope == a.scope) {
                assert_ne!(a.action, b.action, "{:?} is bound twice in {:?}", a.action, a.scope);
                for key in a.keys {
                    assert!(!b.keys.contains(key), "{key:?} means {:?} and {:?}", a.action, b.action);
                }
            }
        }
    }

    #[test]
    fn a_paste_is_text_only_where_keys_are_typed() {
        let paste = Event::Paste("x".into());
        assert_eq!(action(&paste, &Mode::Searching, false), Some(Action::Paste("x".into())));
        assert_eq!(action(&paste, &Mode::Normal, true), None);
        assert_eq!(action(&paste, &Mode::Help, false), None);
    }

    #[test]
    fn releases_are_ignored_and_the_mouse_is_mapped() {
        let mut release = press(KeyCode::Char('j'), KeyModifiers::NONE);
        if let Event::Key(key) = &mut release {
            key.kind = KeyEventKind::Release;
        }
        assert_eq!(action(&release, &Mode::Normal, false), None);
        let click = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 5,
            row: 7,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(
            action(&click, &Mode::Normal, false),
            Some(Action::Click { column: 5, row: 7 })
        );
    }
}
