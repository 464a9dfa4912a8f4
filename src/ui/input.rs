//! Keys and mouse to Actions: the one place that knows which key does what, and
//! the help table that says so.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use super::app::{Action, Mode};
use super::line_edit::LineOp;

/// Every key, as the help screen lists it.
pub const HELP: &[(&str, &str)] = &[
    ("j k ↓ ↑", "move down / up"),
    ("g G Home End", "first / last row"),
    ("PgUp PgDn", "page up / down"),
    ("h ←", "collapse, or go to the parent"),
    ("l →", "expand, or go to the first child"),
    ("1 … 9", "jump to a phase"),
    ("} {", "next / previous phase (any number of them)"),
    ("] [", "next / previous open item"),
    ("Space x", "tick / untick in place (on a header: fold)"),
    ("Enter", "tick and go to the next open item"),
    ("T", "on a section or phase: tick all its open items"),
    ("s", "skip with a reason (again: unskip)"),
    ("n", "edit the note (during a search: next match)"),
    ("u  Ctrl-r", "undo / redo your changes"),
    ("/", "search titles and details"),
    ("n N", "next / previous match"),
    ("Esc", "clear the search, close a prompt"),
    ("← → Home End", "move in a prompt (also Ctrl-a Ctrl-e)"),
    ("Alt-b Alt-f", "word left / right in a prompt"),
    ("^W ^U ^K", "delete word / to start / to end"),
    ("f", "filter: all / open / done / skipped"),
    ("Tab", "switch between the tree and the detail"),
    ("E", "edit the checklist in $VISUAL / $EDITOR"),
    ("?", "this help"),
    ("q  Ctrl-c", "quit (every change is already saved)"),
    ("mouse", "click selects, click a box ticks, wheel scrolls"),
];

/// The Action a terminal event means in the current mode, if any.
pub fn action(event: &Event, mode: &Mode) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(key, mode),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            _ => None,
        },
        Event::Paste(text) => match mode {
            Mode::Searching | Mode::Prompt(_) => Some(Action::Paste(text.clone())),
            Mode::Help | Mode::Normal | Mode::Confirm(_) => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

fn key_action(key: &KeyEvent, mode: &Mode) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    match mode {
        Mode::Searching | Mode::Prompt(_) => typing(key, ctrl),
        Mode::Help => match key.code {
            KeyCode::Esc | KeyCode::Char('?' | 'q') => Some(Action::ToggleHelp),
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
            KeyCode::PageDown | KeyCode::Char(' ') => Some(Action::PageDown),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::Char('g') | KeyCode::Home => Some(Action::Top),
            KeyCode::Char('G') | KeyCode::End => Some(Action::Bottom),
            _ => None,
        },
        Mode::Confirm(_) => match key.code {
            KeyCode::Char('y' | 'Y') => Some(Action::Yes),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::No),
            _ => None,
        },
        Mode::Normal => normal(key, ctrl),
    }
}

fn typing(key: &KeyEvent, ctrl: bool) -> Option<Action> {
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::Enter => Action::Confirm,
        KeyCode::Esc => Action::Cancel,
        KeyCode::Backspace if ctrl || alt => Action::DeleteWord,
        KeyCode::Backspace => Action::Backspace,
        KeyCode::Char('w' | 'h') if ctrl => Action::DeleteWord,
        KeyCode::Char('a') if ctrl => Action::Line(LineOp::Home),
        KeyCode::Char('e') if ctrl => Action::Line(LineOp::End),
        KeyCode::Char('b') if ctrl => Action::Line(LineOp::Left),
        KeyCode::Char('f') if ctrl => Action::Line(LineOp::Right),
        KeyCode::Char('d') if ctrl => Action::Line(LineOp::DeleteForward),
        KeyCode::Char('u') if ctrl => Action::Line(LineOp::DeleteToStart),
        KeyCode::Char('k') if ctrl => Action::Line(LineOp::DeleteToEnd),
        KeyCode::Char('b') if alt => Action::Line(LineOp::WordLeft),
        KeyCode::Char('f') if alt => Action::Line(LineOp::WordRight),
        KeyCode::Char(_) if ctrl || alt => return None,
        KeyCode::Char(c) => Action::Input(c),
        KeyCode::Left if ctrl || alt => Action::Line(LineOp::WordLeft),
        KeyCode::Right if ctrl || alt => Action::Line(LineOp::WordRight),
        KeyCode::Left => Action::Line(LineOp::Left),
        KeyCode::Right => Action::Line(LineOp::Right),
        KeyCode::Home => Action::Line(LineOp::Home),
        KeyCode::End => Action::Line(LineOp::End),
        KeyCode::Delete => Action::Line(LineOp::DeleteForward),
        KeyCode::Down => Action::Down,
        KeyCode::Up => Action::Up,
        _ => return None,
    })
}

fn normal(key: &KeyEvent, ctrl: bool) -> Option<Action> {
    if ctrl {
        return match key.code {
            KeyCode::Char('r') => Some(Action::Redo),
            KeyCode::Char('d') => Some(Action::PageDown),
            KeyCode::Char('u') => Some(Action::PageUp),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Char('j') | KeyCode::Down => Action::Down,
        KeyCode::Char('k') | KeyCode::Up => Action::Up,
        KeyCode::Char('g') | KeyCode::Home => Action::Top,
        KeyCode::Char('G') | KeyCode::End => Action::Bottom,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Char('h') | KeyCode::Left => Action::Collapse,
        KeyCode::Char('l') | KeyCode::Right => Action::Expand,
        KeyCode::Tab | KeyCode::BackTab => Action::SwitchPane,
        KeyCode::Char(c @ '1'..='9') => Action::JumpToPhase(usize::from(c as u8 - b'0')),
        KeyCode::Char(' ' | 'x') => Action::Toggle,
        KeyCode::Enter => Action::TickAndAdvance,
        KeyCode::Char('T') => Action::TickAll,
        KeyCode::Char('s') => Action::Skip,
        KeyCode::Char('n') => Action::EditNote,
        KeyCode::Char('N') => Action::PreviousMatch,
        KeyCode::Char('u') => Action::Undo,
        KeyCode::Char('/') => Action::StartSearch,
        KeyCode::Char('f') => Action::CycleFilter,
        KeyCode::Char(']') => Action::NextOpen,
        KeyCode::Char('}') => Action::NextPhase,
        KeyCode::Char('{') => Action::PreviousPhase,
        KeyCode::Char('[') => Action::PreviousOpen,
        KeyCode::Char('E') => Action::EditChecklist,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Esc => Action::Cancel,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyEventState, MouseEvent};

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn vim_keys_and_arrows_mean_the_same() {
        let normal = Mode::Normal;
        for (a, b) in [
            (KeyCode::Char('j'), KeyCode::Down),
            (KeyCode::Char('k'), KeyCode::Up),
            (KeyCode::Char('h'), KeyCode::Left),
            (KeyCode::Char('l'), KeyCode::Right),
            (KeyCode::Char('g'), KeyCode::Home),
            (KeyCode::Char('G'), KeyCode::End),
        ] {
            let none = KeyModifiers::NONE;
            assert_eq!(action(&press(a, none), &normal), action(&press(b, none), &normal));
            assert!(action(&press(a, none), &normal).is_some());
        }
    }

    #[test]
    fn typing_modes_take_letters_as_text() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action(&q, &Mode::Normal), Some(Action::Quit));
        assert_eq!(action(&q, &Mode::Searching), Some(Action::Input('q')));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(&ctrl_c, &Mode::Searching), Some(Action::Quit));
    }

    #[test]
    fn releases_are_ignored_and_the_mouse_is_mapped() {
        let mut release = press(KeyCode::Char('j'), KeyModifiers::NONE);
        if let Event::Key(key) = &mut release {
            key.kind = KeyEventKind::Release;
        }
        assert_eq!(action(&release, &Mode::Normal), None);
        let click = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 5,
            row: 7,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(action(&click, &Mode::Normal), Some(Action::Click { column: 5, row: 7 }));
    }
}
