//! Styles, in one place. Named ANSI colours and modifiers only, so the terminal's
//! own palette keeps them readable on dark and light backgrounds; with `NO_COLOR`
//! set, only modifiers remain.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub dim: Style,
    pub done: Style,
    pub skipped: Style,
    pub todo: Style,
    pub phase: Style,
    pub section: Style,
    pub selected: Style,
    pub gauge: Style,
    pub error: Style,
    pub info: Style,
    pub key: Style,
    pub code: Style,
    pub link: Style,
    pub matched: Style,
    /// The glyphs of a progress bar's filled and empty parts.
    pub bar_filled: &'static str,
    pub bar_empty: &'static str,
}

impl Theme {
    pub const COLOR: Theme = Theme {
        title: Style::new().add_modifier(Modifier::BOLD),
        dim: Style::new().add_modifier(Modifier::DIM),
        done: Style::new().fg(Color::Green),
        skipped: Style::new().fg(Color::Yellow).add_modifier(Modifier::DIM),
        todo: Style::new(),
        phase: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        section: Style::new().add_modifier(Modifier::BOLD),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        gauge: Style::new().fg(Color::Green),
        error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        info: Style::new().fg(Color::Cyan),
        key: Style::new().add_modifier(Modifier::BOLD),
        code: Style::new().fg(Color::Magenta),
        link: Style::new().fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
        matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        bar_filled: "━",
        bar_empty: "─",
    };

    pub const PLAIN: Theme = Theme {
        title: Style::new().add_modifier(Modifier::BOLD),
        dim: Style::new().add_modifier(Modifier::DIM),
        done: Style::new(),
        skipped: Style::new().add_modifier(Modifier::DIM),
        todo: Style::new(),
        phase: Style::new().add_modifier(Modifier::BOLD),
        section: Style::new().add_modifier(Modifier::BOLD),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        gauge: Style::new(),
        error: Style::new().add_modifier(Modifier::BOLD),
        info: Style::new(),
        key: Style::new().add_modifier(Modifier::BOLD),
        code: Style::new().add_modifier(Modifier::ITALIC),
        link: Style::new().add_modifier(Modifier::UNDERLINED),
        matched: Style::new()
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::UNDERLINED),
        bar_filled: "█",
        bar_empty: "░",
    };

    /// The theme the environment asks for: plain when `NO_COLOR` is set to
    /// anything non-empty (<https://no-color.org>).
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(value) if !value.is_empty() => Theme::PLAIN,
            _ => Theme::COLOR,
        }
    }
}
