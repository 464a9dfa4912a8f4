//! The keys of prompts and the search (line editing), of the help, and of a
//! y/n question.

use ratatui::crossterm::event::KeyCode;

use super::Key::{Alt, AnyChar, Char, Code, Ctrl, Held};
use super::Scope::{Confirm, Help, Typing};
use super::{Binding, bind};
use crate::ui::app::Action;
use crate::ui::line_edit::LineOp;

/// Bindings outside the tree, in the order the help lists them.
pub(super) static BINDINGS: &[Binding] = &[
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
