//! `update`: every Action, applied to the App by the function of the mode
//! the keyboard is in. Each of those says which mode comes next, as its
//! return value; the mode changes in one place, here.

mod approve;
mod flow;
mod items;
mod moves;
mod normal;
mod runbook;
mod typing;
mod undo;

use super::{Action, App, Confirm, Effect, Mode, Next};

/// Applies one Action and says what the loop must do next.
// An Action is a message handed over to `update`, as in The Elm Architecture;
// that most arms only look at it is no reason to make callers lend it.
#[allow(clippy::needless_pass_by_value)]
pub fn update(app: &mut App, action: Action) -> Effect {
    if let Action::Resize(screen) = action {
        app.resize(screen);
        return Effect::None;
    }
    // The mode is handed to its function, which hands back the next one.
    let (mode, effect) = match std::mem::replace(&mut app.mode, Mode::Normal) {
        Mode::Normal => normal::normal(app, &action),
        Mode::Help => help(app, &action),
        Mode::Searching => typing::searching(app, &action),
        Mode::Prompt(prompt) => typing::prompting(prompt, app, &action),
        Mode::Confirm(confirm) => confirming(confirm, app, &action),
    };
    app.mode = mode;
    app.relayout();
    effect
}

impl App {
    /// Puts the cursor on the first open item, as `]` does, keeping the
    /// message the view opened with.
    pub fn start_at_first_open(&mut self) {
        let message = self.message.take();
        update(self, Action::NextOpen);
        self.message = message;
        self.relayout();
    }
}

/// The help, scrolled by the keys that move in the tree; it fits the
/// screen as measured when the screen was resized.
fn help(app: &mut App, action: &Action) -> Next {
    let page = app.screen.help_page.max(1);
    let last = app.screen.help_last;
    let scroll = &mut app.help_scroll;
    let mut next = Mode::Help;
    match action {
        Action::ToggleHelp | Action::Cancel | Action::Quit => next = Mode::Normal,
        Action::Down | Action::ScrollDown => *scroll = scroll.saturating_add(1),
        Action::Up | Action::ScrollUp => *scroll = scroll.saturating_sub(1),
        Action::PageDown => *scroll = scroll.saturating_add(page),
        Action::PageUp => *scroll = scroll.saturating_sub(page),
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = last,
        _ => {}
    }
    *scroll = (*scroll).min(last);
    (next, Effect::None)
}

/// A y/n question, answered by the function of what it asks.
fn confirming(confirm: Confirm, app: &mut App, action: &Action) -> Next {
    match confirm {
        Confirm::TickAll { .. } => flow::confirming(confirm, app, action),
        Confirm::Withdraw { .. } => approve::withdrawing(confirm, app, action),
        Confirm::Run { .. } | Confirm::Force { .. } => runbook::answer(confirm, app, action),
    }
}
