//! Run parameters in the view: the checklist as written is kept, the shown
//! one is made from it with the run's values whenever one changes, and a
//! parameter without a value is asked for.

use super::{App, Mode, Prompt, Purpose};
use crate::ui::line_edit::LineEdit;

impl App {
    /// Shows the checklist with the run's current values.
    pub(crate) fn refresh_values(&mut self) {
        if let Some(templates) = &self.templates {
            let mut shown = templates.clone();
            shown.put_values(&self.state.values(templates));
            self.checklist = shown;
            // Titles changed: search them anew, and lay the phases out again.
            self.search_index = None;
            self.relayout();
        }
    }

    /// The line a prompt shows: masked while a secret is typed.
    pub fn prompt_line<'a>(&self, prompt: &'a Prompt) -> std::borrow::Cow<'a, LineEdit> {
        match prompt.purpose {
            Purpose::Param(index) if self.checklist.params.get(index).is_some_and(|p| p.secret) => {
                std::borrow::Cow::Owned(prompt.line.masked())
            }
            _ => std::borrow::Cow::Borrowed(&prompt.line),
        }
    }

    /// Asks for the first parameter the run has no value for, if any.
    pub fn ask_for_missing_param(&mut self) {
        let Some(name) = self
            .state
            .missing_params(&self.checklist)
            .first()
            .map(|n| (*n).to_owned())
        else {
            return;
        };
        let Some(index) = self.checklist.params.iter().position(|p| p.name == name) else {
            return;
        };
        let about = self.checklist.params[index]
            .description
            .as_deref()
            .map(|d| format!(": {d}"))
            .unwrap_or_default();
        let secret = self.checklist.params[index].secret;
        let about = if secret {
            format!("{about} (secret: kept for this session only, never recorded)")
        } else {
            about
        };
        self.say(format!("run \"{}\" needs a value for `{name}`{about}", self.run));
        self.mode = Mode::Prompt(Prompt {
            purpose: Purpose::Param(index),
            line: LineEdit::new(""),
            about: Some(format!(
                "run \"{}\" needs a value for `{name}`{about} (Esc leaves it unset)",
                self.run
            )),
        });
        self.relayout();
    }
}
