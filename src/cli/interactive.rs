//! `preflight [CHECKLIST]`: the interactive view. Everything that can fail on
//! loading fails here, on a normal screen, before the terminal is taken over.

use std::path::PathBuf;
use std::process::ExitCode;

use super::paint::ColorChoice;
use super::session::{Session, operator};
use super::source::{Source, canonical};
use super::{Globals, exit, notices};
use crate::store::runlog::place;
use crate::ui::app::App;
use crate::ui::resume::Resume;
use crate::ui::{self, theme::Theme};

/// Where the view remembers the cursor, folds and filter of this checklist and
/// run (of the `--state` file, when one is named).
fn resume_path(source: &Source, globals: &Globals, run: &str) -> Option<PathBuf> {
    let key = match &globals.state {
        Some(state) => place::file_key(&canonical(state)),
        None => source.folder_key(),
    };
    Some(place::state_dir()?.join(key).join(place::view_file_name(run)))
}

pub fn run(source: &Source, globals: &Globals, fresh: bool) -> anyhow::Result<ExitCode> {
    let mut session = Session::open(source, globals)?;
    ui::require_terminal()?;
    session.prepare(globals, false)?;
    session.record(&[])?;
    let unknown_run = session.unknown_run();
    let future = notices::future_note(&notices::stamps(&session.left_out));
    // The view needs the run's state, not its history: the events read (about
    // 50 MB at 100,000) would otherwise stay until it ends.
    drop(std::mem::take(&mut session.events));
    drop(std::mem::take(&mut session.left_out));
    let file = match source {
        Source::File(path) => Some(path.clone()),
        Source::Bundled(_) => None,
    };
    // The view shows the checklist with the run's values, and shows it anew
    // when one changes: it is given the checklist as written.
    let written = session.templates.take().unwrap_or(session.checklist);
    let theme = match globals.color {
        ColorChoice::Auto => Theme::from_env(),
        ColorChoice::Always => Theme::COLOR,
        ColorChoice::Never => Theme::PLAIN,
    };
    let mut app = App::new(written, session.state, session.run, operator(globals), file.is_some()).with_theme(theme);
    let resume = resume_path(source, globals, app.run());
    if fresh {
        app.start_at_first_open();
    } else if let Some(remembered) = resume.as_deref().and_then(Resume::load) {
        remembered.restore(&mut app);
    }
    if let Some(message) = unknown_run {
        app.say(format!("{message} — your first change starts it"));
    }
    if let Some(note) = future {
        app.complain(note);
    }
    app.ask_for_missing_param();
    let cx = ui::Context {
        log: session.log,
        file,
        read_to: session.read_to,
        replaced: false,
        resume,
    };
    let code = match ui::run(app, cx)? {
        Some(signal) => u8::try_from(128 + signal).unwrap_or(exit::ERROR),
        None => exit::OK,
    };
    Ok(ExitCode::from(code))
}
