//! The keys of prompts and the search (line editing), of the help, and of a
//! y/n question.

use ratatui::crossterm::event::KeyCode;

use super::binding::Binding;
use super::binding::Help::{Above, Manual, Row};
use super::binding::Key::{Alt, Char, Code, Ctrl, Held};
use super::binding::Scope::{Confirm, Help, Typing};
use crate::ui::app::Action;
use crate::ui::line_edit::LineOp;

/// Bindings outside the tree, in the order the help lists them.
pub(super) static BINDINGS: &[Binding] = &[
    // Typing into a prompt or the search.
    Binding::new(
        Typing,
        &[Code(KeyCode::Enter)],
        Action::Confirm,
        Manual("take what was typed (a search is kept)"),
    ),
    Binding::new(
        Typing,
        &[Code(KeyCode::Esc)],
        Action::Cancel,
        Manual("leave the prompt, or clear the search"),
    ),
    Binding::new(
        Typing,
        &[Code(KeyCode::Left), Ctrl('b')],
        Action::Line(LineOp::Left),
        Row {
            keys: "← → Home End",
            what: "move in a prompt (also Ctrl-a Ctrl-e)",
        },
    ),
    Binding::new(
        Typing,
        &[Code(KeyCode::Right), Ctrl('f')],
        Action::Line(LineOp::Right),
        Above,
    ),
    Binding::new(
        Typing,
        &[Code(KeyCode::Home), Ctrl('a')],
        Action::Line(LineOp::Home),
        Above,
    ),
    Binding::new(
        Typing,
        &[Code(KeyCode::End), Ctrl('e')],
        Action::Line(LineOp::End),
        Above,
    ),
    Binding::new(
        Typing,
        &[Alt('b'), Held(KeyCode::Left)],
        Action::Line(LineOp::WordLeft),
        Row {
            keys: "Alt-b Alt-f",
            what: "word left / right in a prompt",
        },
    ),
    Binding::new(
        Typing,
        &[Alt('f'), Held(KeyCode::Right)],
        Action::Line(LineOp::WordRight),
        Above,
    ),
    Binding::new(
        Typing,
        &[Code(KeyCode::Backspace)],
        Action::Backspace,
        Manual("delete the character before the cursor"),
    ),
    Binding::new(
        Typing,
        &[Ctrl('w'), Ctrl('h'), Held(KeyCode::Backspace)],
        Action::DeleteWord,
        Row {
            keys: "^W ^U ^K",
            what: "delete word / to start / to end",
        },
    ),
    Binding::new(Typing, &[Ctrl('u')], Action::Line(LineOp::DeleteToStart), Above),
    Binding::new(Typing, &[Ctrl('k')], Action::Line(LineOp::DeleteToEnd), Above),
    Binding::new(
        Typing,
        &[Code(KeyCode::Delete), Ctrl('d')],
        Action::Line(LineOp::DeleteForward),
        Manual("delete the character under the cursor"),
    ),
    Binding::new(
        Typing,
        &[Code(KeyCode::Down)],
        Action::Down,
        Manual("during a search: move down / up the tree"),
    ),
    Binding::new(Typing, &[Code(KeyCode::Up)], Action::Up, Above),
    Binding::new(Typing, &[Ctrl('c')], Action::Quit, Manual("quit")),
    // The help.
    Binding::new(
        Help,
        &[Code(KeyCode::Esc), Char('?'), Char('q'), Ctrl('c')],
        Action::ToggleHelp,
        Manual("close the help"),
    ),
    Binding::new(
        Help,
        &[Char('j'), Code(KeyCode::Down)],
        Action::Down,
        Manual("scroll down / up"),
    ),
    Binding::new(Help, &[Char('k'), Code(KeyCode::Up)], Action::Up, Above),
    Binding::new(
        Help,
        &[Code(KeyCode::PageDown), Char(' ')],
        Action::PageDown,
        Manual("a page down / up"),
    ),
    Binding::new(Help, &[Code(KeyCode::PageUp)], Action::PageUp, Above),
    Binding::new(
        Help,
        &[Char('g'), Code(KeyCode::Home)],
        Action::Top,
        Manual("to the top / the end"),
    ),
    Binding::new(Help, &[Char('G'), Code(KeyCode::End)], Action::Bottom, Above),
    // A y/n question.
    Binding::new(Confirm, &[Char('y'), Char('Y')], Action::Yes, Manual("yes: do it")),
    Binding::new(
        Confirm,
        &[Char('n'), Char('N'), Code(KeyCode::Esc)],
        Action::No,
        Manual("no: leave things as they are"),
    ),
    Binding::new(Confirm, &[Ctrl('c')], Action::Quit, Manual("quit")),
];
