//! Owning the terminal: raw mode, the alternate screen, mouse capture and
//! bracketed paste on the way in, and all of it undone on every way out — a normal quit, an error, a
//! panic (through a panic hook) or a signal (the loop watches for those).

use std::io::{self, BufWriter, Stdout};
use std::sync::Once;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// Frames are written through a buffer large enough for a whole screen, so a
/// frame goes out in one write rather than many small ones.
pub type Tui = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

fn backend() -> CrosstermBackend<BufWriter<Stdout>> {
    CrosstermBackend::new(BufWriter::with_capacity(1 << 16, io::stdout()))
}

/// Restores the terminal when dropped, however the view ends.
pub struct Session {
    pub terminal: Tui,
}

/// Puts the terminal back as the shell expects it. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

impl Session {
    /// Takes over the terminal.
    pub fn enter() -> io::Result<Session> {
        install_panic_hook();
        enable_raw_mode()?;
        let entered = execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste,
            Clear(ClearType::All),
            Hide
        )
        .and_then(|()| Terminal::new(backend()));
        match entered {
            Ok(terminal) => Ok(Session { terminal }),
            Err(err) => {
                restore();
                Err(err)
            }
        }
    }

    /// Gives the terminal back for a while (to run an editor), then takes it again.
    pub fn suspend<R>(&mut self, f: impl FnOnce() -> R) -> io::Result<R> {
        restore();
        let result = f();
        enable_raw_mode()?;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste,
            Clear(ClearType::All),
            Hide
        )?;
        // A fresh terminal has no memory of the old screen, so the next frame is
        // drawn whole. (`Terminal::clear` would ask the terminal where its cursor
        // is, and not every terminal answers.)
        self.terminal = Terminal::new(backend())?;
        Ok(result)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}
