//! Colour on the command line: `--color auto|always|never` and `NO_COLOR`, decided
//! in one place. `auto` colours only a terminal, and only without `NO_COLOR`, so
//! pipes and files never get escape codes.

use std::io::IsTerminal;

use clap::ValueEnum;
use ratatui::crossterm::style::Stylize;

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set
    #[default]
    Auto,
    /// Always, even into a pipe or with `NO_COLOR` set
    Always,
    /// Never
    Never,
}

fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

impl ColorChoice {
    /// Whether to colour a stream that is (or is not) a terminal.
    pub fn enabled(self, terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color(),
        }
    }
}

/// What a piece of output means, which decides how it is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Bold,
    Dim,
    Done,
}

/// Styles text for one output stream, or leaves it plain. It never escapes:
/// text is escaped by `output` before it is styled.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    on: bool,
}

impl Paint {
    /// Paint for a stream that is (or is not) a terminal.
    pub fn new(choice: ColorChoice, terminal: bool) -> Paint {
        Paint {
            on: choice.enabled(terminal),
        }
    }

    pub fn stdout(choice: ColorChoice) -> Paint {
        Paint::new(choice, std::io::stdout().is_terminal())
    }

    pub fn stderr(choice: ColorChoice) -> Paint {
        Paint::new(choice, std::io::stderr().is_terminal())
    }

    fn styled(self, text: &str, style: impl Fn(&str) -> String) -> String {
        if self.on { style(text) } else { text.to_owned() }
    }

    pub fn error(self) -> String {
        self.styled("error:", |t| t.red().bold().to_string())
    }

    pub fn warning(self) -> String {
        self.styled("warning:", |t| t.yellow().bold().to_string())
    }

    /// `text`, already escaped, in `style`.
    pub fn apply(self, style: Style, text: &str) -> String {
        match style {
            Style::Bold => self.styled(text, |t| t.bold().to_string()),
            Style::Dim => self.styled(text, |t| t.dim().to_string()),
            Style::Done => self.styled(text, |t| t.green().to_string()),
        }
    }
}
