//! The interactive terminal view, in The Elm Architecture: an [`app::App`] state,
//! [`app::Action`]s from [`input`], [`app::update::update`] returning an [`app::Effect`],
//! and [`view`] drawing `&App`. This module is the one synchronous loop: draw,
//! wait for an event (with a timeout, to tail the run log), update, carry out the
//! effect.

pub mod app;
pub(crate) mod detail;
mod hand_over;
pub(crate) mod help;
pub mod input;
pub mod keymap;
pub(crate) mod layout;
pub(crate) mod line_edit;
pub(crate) mod markdown;
pub(crate) mod resume;
pub(crate) mod strip;
pub(crate) mod terminal;
pub mod theme;
pub(crate) mod tree;
pub mod view;
mod wait;
mod watchdog;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use ratatui::crossterm::event;

use crate::format;
use crate::service::Recorder;
use crate::store::runlog::{Mark, now};
use app::{App, Edit, Effect, update::update};

/// How long the loop waits for a key before looking at the run log again.
const TICK: Duration = Duration::from_millis(250);

/// How long the loop looks for more input before drawing. crossterm's `/dev/tty`
/// reader answers a zero timeout without looking at what it has already read,
/// so a tiny one is used: events already read or waiting come back at once, and
/// a keystroke with nothing behind it is drawn a tenth of a millisecond later.
const MORE_INPUT: Duration = Duration::from_micros(100);

/// The longest a burst of input (a paste without bracketed paste, keys typed
/// ahead) is taken before a frame is drawn in between.
const BURST: Duration = Duration::from_millis(50);

/// What the view needs besides the App.
pub struct Context {
    /// The run's log, and who records in it: every write goes through it.
    pub recorder: Recorder,
    /// The checklist file, when there is one to edit with `E`.
    pub file: Option<PathBuf>,
    /// Where the run log had been read up to.
    pub read_to: Mark,
    /// Whether the log was replaced under the view (or vanished) since it
    /// opened: when it comes back whole, that is no news from others.
    pub replaced: bool,
    /// Where to remember the cursor, folds and filter for next time.
    pub resume: Option<PathBuf>,
}

/// Refuses to start without a terminal, with a pointer to the commands that don't need one.
pub fn require_terminal() -> anyhow::Result<()> {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return Ok(());
    }
    anyhow::bail!(
        "the interactive view needs a terminal; in scripts use `preflight status` (add --json for the whole tree) or `preflight export`"
    )
}

/// Runs the view until the user quits or a signal asks it to stop; `Some(n)`
/// when signal `n` ended it, for the process to exit `128 + n` as a shell
/// reports it.
pub fn run(mut app: App, mut cx: Context) -> anyhow::Result<Option<i32>> {
    let result = run_loop(&mut app, &mut cx);
    // Remembering where the user was is a convenience: failing to is not an error.
    if let Some(path) = &cx.resume {
        let _ = resume::Resume::of(&app).save(path);
    }
    result
}

fn run_loop(app: &mut App, cx: &mut Context) -> anyhow::Result<Option<i32>> {
    let watchdog = watchdog::Watchdog::start()?;
    let mut session = terminal::Session::enter().context("cannot take over the terminal")?;
    // crossterm's reader is made now (a zero timeout reads nothing), so that
    // its SIGWINCH pipe is there before the first wait.
    event::poll(Duration::ZERO)?;
    let mut waiter = wait::Waiter::new().context("cannot wait for the terminal")?;
    let size = session.terminal.size()?;
    update(app, input::resize(size.width, size.height));
    let mut dirty = true;
    let mut tailed = Instant::now();
    while !watchdog.stopping() {
        if dirty {
            session.terminal.draw(|frame| view::draw(frame, app))?;
            dirty = false;
        }
        // Keys are answered first; the run log is looked at between them, at
        // least once a tick.
        if tailed.elapsed() >= TICK {
            dirty |= tail(app, cx);
            dirty |= app.tick();
            // A resize whose signal came before the first poll (or while a
            // command had the terminal) sent no event: the size is looked at.
            if let Ok(size) = session.terminal.size()
                && (size.width, size.height) != (app.screen().width, app.screen().height)
            {
                update(app, input::resize(size.width, size.height));
                dirty = true;
            }
            tailed = Instant::now();
        }
        // Blocks until there is input or the tick is due: crossterm is asked
        // only when it has something to read (see `wait`).
        if waiter.wait(TICK.saturating_sub(tailed.elapsed()))? && event::poll(MORE_INPUT)? {
            // Take every event already waiting before drawing again.
            let burst = Instant::now();
            loop {
                let event = event::read()?;
                let kept_search = app.tree().kept_search();
                if let Some(action) = input::action(&event, app.mode(), kept_search) {
                    dirty = true;
                    if !carry_out(update(app, action), app, cx, &mut session, &watchdog) {
                        return Ok(None);
                    }
                }
                if burst.elapsed() >= BURST {
                    // crossterm may hold more: it is asked before the next wait.
                    waiter.pending = true;
                    break;
                }
                if !event::poll(MORE_INPUT)? {
                    waiter.pending = false;
                    break;
                }
            }
        } else {
            waiter.pending = false;
        }
    }
    Ok(watchdog.signal())
}

/// Carries out an Effect; `false` means quit.
fn carry_out(
    effect: Effect,
    app: &mut App,
    cx: &mut Context,
    session: &mut terminal::Session,
    watchdog: &watchdog::Watchdog,
) -> bool {
    match effect {
        Effect::None => {}
        Effect::Quit => return false,
        Effect::Record(edits) => {
            let _writing = watchdog.writing();
            record(app, &mut cx.recorder, edits);
        }
        Effect::Approve { phase, change } => {
            let _writing = watchdog.writing();
            let event = app.approval_event(phase, change, now());
            match cx.recorder.record(app.checklist(), std::slice::from_ref(&event)) {
                Ok(_) => app.approved(phase, &event),
                Err(err) => app.record_failed(err.message()),
            }
        }
        effect @ (Effect::Run { .. } | Effect::SetParam { .. } | Effect::Copy(_)) => {
            hand_over::carry_out(effect, app, &mut cx.recorder, session, watchdog);
        }
        Effect::EditChecklist => {
            if let Some(file) = cx.file.clone() {
                match session.suspend(|| open_editor(&file)) {
                    Ok(Ok(())) => reload(app, cx, &file),
                    Ok(Err(err)) => app.complain(err.to_string()),
                    Err(err) => app.complain(format!("cannot take the terminal back: {err}")),
                }
            }
        }
    }
    true
}

/// Writes edits to the run log; only what was written changes the screen.
pub fn record(app: &mut App, recorder: &mut Recorder, edits: Vec<Edit>) {
    let events = app.events_for(&edits, now());
    match recorder.record(app.checklist(), &events) {
        Ok(_) => app.recorded(edits, &events),
        Err(err) => app.record_failed(err.message()),
    }
}

/// Applies what other processes appended since the last look; `true` when the
/// screen must be drawn again. The state is always the replay of the whole log
/// in time order: a log that was replaced (a `git pull`, an `mv`), or came
/// back after it vanished, is read again whole, and so is one that brought a
/// change older than its item's latest (a merge). A change newer than its
/// item's latest is applied as it comes, however far ahead of the clock.
pub fn tail(app: &mut App, cx: &mut Context) -> bool {
    let whole = cx.read_to.end == 0;
    match cx.recorder.log().read_from(&cx.read_to) {
        Ok(Some(contents)) => {
            cx.read_to = contents.mark;
            if contents.events.is_empty() {
                return false;
            }
            let in_order = contents
                .events
                .windows(2)
                .all(|pair| pair[0].stamp.at <= pair[1].stamp.at);
            let late = contents.events.iter().any(|e| app.state().is_late(app.checklist(), e));
            if whole && cx.replaced {
                reread(app, cx, "the run log was replaced; read it again");
            } else if whole {
                // A new log another process started: its changes, in time order.
                let mut events = contents.events;
                events.sort_by_key(|event| event.stamp.at);
                app.external(&events);
            } else if late || !in_order {
                reread(app, cx, "older changes came in (a merge?); the run was read again");
            } else {
                app.external(&contents.events);
            }
        }
        Ok(None) => {
            cx.replaced = true;
            reread(app, cx, "the run log was replaced; read it again");
        }
        Err(err) => app.complain(err.message()),
    }
    true
}

/// Reads the whole run log again and shows its state.
fn reread(app: &mut App, cx: &mut Context, why: &str) {
    match cx.recorder.log().read() {
        Ok(contents) => {
            cx.read_to = contents.mark;
            app.replay_run(&contents.events);
            app.say(why);
        }
        Err(err) => app.complain(err.message()),
    }
}

fn open_editor(file: &std::path::Path) -> anyhow::Result<()> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_owned());
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = Command::new(program)
        .args(words)
        .arg(file)
        .status()
        .with_context(|| format!("cannot run the editor `{editor}`; set VISUAL or EDITOR"))?;
    anyhow::ensure!(
        status.success(),
        "the editor `{editor}` failed ({status}); the checklist was not reloaded"
    );
    Ok(())
}

fn reload(app: &mut App, cx: &mut Context, file: &std::path::Path) {
    match format::load_file(file) {
        Ok(checklist) => match cx.recorder.log().read() {
            Ok(contents) => {
                cx.read_to = contents.mark;
                app.reload(checklist, &contents.events);
            }
            Err(err) => app.complain(err.message()),
        },
        Err(err) => {
            let place = err
                .position()
                .map(|p| format!("line {}:{}: ", p.line, p.column))
                .unwrap_or_default();
            app.complain(format!("kept the previous version: {place}{}", err.message()));
        }
    }
}
