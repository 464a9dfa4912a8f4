//! This session's approvals of phases: the event that records one, and what
//! the view says once it is recorded.

use super::App;
use crate::run::{Change, Event};
use crate::text::plural;
use crate::timestamp::Timestamp;

impl App {
    /// The event that records this session's approval of `phase` at `now`,
    /// stamped after the phase's latest approval or withdrawal.
    pub fn approval_event(&self, phase: usize, note: Option<String>, now: Timestamp) -> Event {
        let stamp = self.author.stamp(self.state.stamp_for_phase(phase, now));
        let id = self.checklist.phases()[phase].id.clone();
        Event::on_phase(stamp, id, Change::Approve { note })
    }

    /// The loop wrote this session's approval `event` of `phase`: apply it
    /// and say where the phase stands.
    pub fn approved(&mut self, phase: usize, event: &Event) {
        self.apply_all(std::slice::from_ref(event));
        let name = &self.checklist.phases()[phase].name;
        let missing = self.state.approvals().missing(&self.checklist, phase);
        let text = if missing == 0 {
            format!("✓ {name} approved")
        } else {
            format!(
                "✓ {name} approved; it needs {} more",
                plural(missing, "approval", "approvals")
            )
        };
        self.say(text);
    }
}
