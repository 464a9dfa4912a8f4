//! `preflight [CHECKLIST]`: the interactive view. Everything that can fail on
//! loading fails here, on a normal screen, before the terminal is taken over.

use std::path::PathBuf;
use std::process::ExitCode;

use super::args::Globals;
use super::exit;
use super::open_run;
use super::paint::ColorChoice;
use crate::service::source::canonical;
use crate::service::{Reading, Source};
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
    let mut service = open_run::open(source, globals, Reading::Replaying)?;
    ui::require_terminal()?;
    service.give_values(&globals.set, false)?;
    open_run::record(&mut service, &[])?;
    let unknown_run = service.unknown_run();
    let future = service.future_note();
    // The view needs the run's state, not its history: the log was replayed
    // as it was read, and what else the opening kept goes here.
    let run = service.run().to_owned();
    let author = service.author().clone();
    let view = service.into_view();
    let file = match source {
        Source::File(path) => Some(path.clone()),
        Source::Bundled(_) => None,
    };
    // The view shows the checklist with the run's values, and shows it anew
    // when one changes: it is given the checklist as written.
    let written = view.templates.unwrap_or(view.checklist);
    let theme = match globals.color {
        ColorChoice::Auto => Theme::from_env(),
        ColorChoice::Always => Theme::COLOR,
        ColorChoice::Never => Theme::PLAIN,
    };
    let mut app = App::new(written, view.state, run, author, file.is_some()).with_theme(theme);
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
        recorder: view.recorder,
        file,
        read_to: view.read_to,
        replaced: false,
        resume,
    };
    let code = match ui::run(app, cx)? {
        Some(signal) => u8::try_from(128 + signal).unwrap_or(exit::ERROR),
        None => exit::OK,
    };
    Ok(ExitCode::from(code))
}
