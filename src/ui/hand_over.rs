//! Handing the terminal to an item's command (as lazygit does for its custom
//! commands): the command line first, then its output as it comes, then how
//! it ended and "press Enter", so the output can be read before the view
//! comes back. The loop's side of the runbook Effects lives here too: the
//! run's start, its outcome and a parameter's value recorded through the run
//! service's [`Recorder`], as the commands record them, and the clipboard
//! escape for `c`.

use std::io::{self, BufRead as _, Write as _};
use std::time::Duration;

use ratatui::crossterm::Command as _;
use ratatui::crossterm::clipboard::CopyToClipboard;

use super::app::{App, Effect};
use super::terminal;
use super::watchdog::Watchdog;
use crate::checklist::Status;
use crate::run::{Event, EvidenceKind};
use crate::service::{Recorder, Refusal, Standing, value_event};
use crate::store::runlog::now;
use crate::store::runner::{self, Outcome, Run};
use crate::template::Values;
use crate::text::escape_message;
use crate::timestamp::Timestamp;

/// How long `v` lets a verification run, as `preflight verify` does.
pub const VERIFY_TIMEOUT: Duration = Duration::from_secs(60);

/// Runs `line` in the terminal the view has just given back.
///
/// # Errors
/// When `sh` cannot be started.
pub fn run(shown: &str, line: &str, values: &Values, kind: EvidenceKind, watchdog: &Watchdog) -> io::Result<Outcome> {
    let mut out = io::stdout();
    let verb = match kind {
        EvidenceKind::Exec => "running",
        EvidenceKind::Verify => "verifying with",
    };
    writeln!(out, "\npreflight: {verb}: {}\n", escape_message(shown))?;
    out.flush()?;
    let ending = || watchdog.ending();
    let outcome = runner::run(
        line,
        values,
        Run {
            stream: true,
            timeout: (kind == EvidenceKind::Verify).then_some(VERIFY_TIMEOUT),
            cancel: Some(&ending),
        },
    )?;
    if watchdog.ending() {
        // The view is ending (SIGTERM, SIGHUP): nobody is there to read on.
        return Ok(outcome);
    }
    let evidence = outcome.clone().evidence(kind, shown);
    writeln!(
        out,
        "\npreflight: {} — press Enter to go back to the checklist",
        evidence.summary()
    )?;
    out.flush()?;
    let mut answer = String::new();
    let _ = io::stdin().lock().read_line(&mut answer);
    Ok(outcome)
}

/// Carries out the runbook Effects: a command run in the terminal handed
/// over, a parameter's value recorded, a command put on the clipboard.
pub fn carry_out(
    effect: Effect,
    app: &mut App,
    recorder: &mut Recorder,
    session: &mut terminal::Session,
    watchdog: &Watchdog,
) {
    match effect {
        Effect::Run {
            index,
            kind,
            line,
            forced,
        } => {
            // `line` is what the question showed, secrets masked; what runs
            // has their values.
            let values = app.state().run_values(app.checklist());
            let item = &app.checklist().items()[index];
            let template = match kind {
                EvidenceKind::Exec => item.command.as_deref(),
                EvidenceKind::Verify => item.verify.as_deref(),
            };
            let Some(real) = template.and_then(|t| crate::template::render_shell(t, &values).ok()) else {
                app.complain("the command cannot be put together with the run's values; nothing was run");
                return;
            };
            let real = real.into_owned();
            let Some(_claim) = begin(app, recorder, watchdog, index, kind) else {
                return;
            };
            let before = app.state().item(index).clone();
            let handed = watchdog.hand_over();
            let ran = session.suspend(|| run(&line, &real, &values, kind, watchdog));
            // Kept until the outcome is recorded: a view asked to end
            // (SIGTERM) waits for that before it goes.
            let _handed = handed;
            match ran {
                Ok(Ok(outcome)) => {
                    // Ticked only if nobody changed the item while it ran:
                    // the log is read again, as it is now.
                    let open = recorder
                        .standing(app.checklist(), Standing::Whole, index)
                        .is_ok_and(|now| now.status == Status::Todo && now.changed == before.changed);
                    let event = outcome_event(app, index, kind, &line, forced, outcome, open);
                    let _writing = watchdog.writing();
                    match recorder.record(app.checklist(), std::slice::from_ref(&event)) {
                        Ok(_) => outcome_recorded(app, index, &event),
                        Err(err) => app.record_failed(err.message()),
                    }
                }
                Ok(Err(err)) => app.complain(format!("cannot start sh: {err}")),
                Err(err) => app.complain(format!("cannot take the terminal back: {err}")),
            }
        }
        Effect::SetParam { name, value } => {
            let event = param_event(app, &name, &value, now());
            let _writing = watchdog.writing();
            match recorder.record(app.checklist(), std::slice::from_ref(&event)) {
                Ok(_) => param_recorded(app, &event, &name, value),
                Err(err) => app.record_failed(err.message()),
            }
        }
        Effect::Copy(text) => {
            use std::io::Write as _;
            let mut out = std::io::stdout();
            let _ = out.write_all(clipboard(&text).as_bytes());
            let _ = out.flush();
        }
        _ => {}
    }
}

/// The event that records how the item's run ended, its evidence masked: a
/// tick when it passed and the item is `open`.
pub fn outcome_event(
    app: &App,
    index: usize,
    kind: EvidenceKind,
    line: &str,
    forced: bool,
    outcome: Outcome,
    open: bool,
) -> Event {
    let evidence = outcome.evidence(kind, line).masked(app.state().secrets());
    runner::event_for(
        app.checklist(),
        app.state(),
        index,
        evidence,
        forced,
        app.author(),
        open,
    )
}

/// A run's outcome was recorded as `event`: the view applies it and says how
/// the run went.
pub fn outcome_recorded(app: &mut App, index: usize, event: &Event) {
    app.external(std::slice::from_ref(event));
    let Some(evidence) = &event.evidence else {
        return;
    };
    let title = &app.checklist().items()[index].title;
    if evidence.passed() {
        app.say(format!("✓ {title}: {}", evidence.summary()));
    } else {
        app.complain(format!("{title}: {}; it stays open", evidence.summary()));
    }
}

/// The event that records a value for the parameter `name`. A secret's value
/// stays in this session's memory; the run log records only that it was
/// given, and by whom.
pub fn param_event(app: &App, name: &str, value: &str, now: Timestamp) -> Event {
    value_event(app.checklist(), app.state(), app.author(), (name, value), now)
}

/// A value was recorded as `event`: a secret is kept for this session, the
/// view shows the value and asks for the next one missing.
pub fn param_recorded(app: &mut App, event: &Event, name: &str, value: String) {
    let said = if secret(app, name) {
        app.give_secret(name, value);
        format!("{name} given (secret: for this session only, never recorded)")
    } else {
        format!("{name} = {value}")
    };
    app.external(std::slice::from_ref(event));
    app.say(said);
    app.ask_for_missing_param();
}

fn secret(app: &App, name: &str) -> bool {
    app.checklist().params.iter().any(|p| p.name == name && p.secret)
}

/// Claims the item's step and records that its command starts, as `exec`
/// does; `None` (the view says why) while someone else runs it.
fn begin(
    app: &mut App,
    recorder: &mut Recorder,
    watchdog: &Watchdog,
    index: usize,
    kind: EvidenceKind,
) -> Option<runner::Claim> {
    let begun = {
        let _writing = watchdog.writing();
        recorder.begin_step(app.checklist(), app.state(), (index, kind), false, Standing::Whole)
    };
    let title = &app.checklist().items()[index].title;
    let why = match begun {
        Ok(started) => {
            app.external(std::slice::from_ref(&started.event));
            return Some(started.claim);
        }
        Err(Refusal::Held { who }) => format!("{title}: {who}; nothing was run"),
        Err(Refusal::Busy { why }) => {
            format!("{title}: {why}; nothing was run (preflight exec --takeover if that run is over)")
        }
        Err(Refusal::Claim(err)) => format!("{title}: cannot claim the step: {err}"),
        Err(Refusal::Unread(err) | Refusal::Unrecorded(err)) => {
            app.record_failed(err.message());
            return None;
        }
    };
    app.complain(why);
    None
}

/// The escape that asks the terminal to put `text` on the clipboard (OSC 52,
/// closed by ST, which terminals and tmux read as they read BEL).
pub fn clipboard(text: &str) -> String {
    let mut escape = String::new();
    // Writing to a String cannot fail.
    let _ = CopyToClipboard::to_clipboard_from(text).write_ansi(&mut escape);
    escape
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clipboard_escape_carries_the_text_in_base64() {
        assert_eq!(clipboard("ls"), "\x1b]52;c;bHM=\x1b\\");
        assert_eq!(
            clipboard("git tag 'v2.3.0'"),
            "\x1b]52;c;Z2l0IHRhZyAndjIuMy4wJw==\x1b\\"
        );
    }
}
