//! `preflight [CHECKLIST]`: the interactive view. Everything that can fail on
//! loading fails here, on a normal screen, before the terminal is taken over.

use std::process::ExitCode;

use super::paint::ColorChoice;
use super::session::{Session, operator};
use super::source::Source;
use super::{Globals, exit, notices};
use crate::ui::{self, app::App, theme::Theme};

pub fn run(source: &Source, globals: &Globals) -> anyhow::Result<ExitCode> {
    let session = Session::open(source, globals)?;
    ui::require_terminal()?;
    let unknown_run = session.unknown_run();
    let future = notices::future_note(&session.events);
    let file = match source {
        Source::File(path) => Some(path.clone()),
        Source::Bundled(_) => None,
    };
    let mut app = App::new(
        session.checklist,
        session.state,
        session.run,
        operator(globals),
        file.is_some(),
    );
    if let Some(message) = unknown_run {
        app.say(format!("{message} — your first change starts it"));
    }
    if let Some(note) = future {
        app.complain(note);
    }
    app.theme = match globals.color {
        ColorChoice::Auto => Theme::from_env(),
        ColorChoice::Always => Theme::COLOR,
        ColorChoice::Never => Theme::PLAIN,
    };
    let cx = ui::Context {
        log: session.log,
        file,
        read_to: session.read_to,
    };
    ui::run(app, cx)?;
    Ok(ExitCode::from(exit::OK))
}
