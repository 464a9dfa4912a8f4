//! What this session records, as events: its edits to items (the one
//! conversion the loop and the tests share) and its approvals of phases,
//! and what the view says once an approval is recorded.

use super::{App, Edit};
use crate::run::{Change, Event};
use crate::text::plural;
use crate::timestamp::Timestamp;

impl App {
    /// The events that record `edits` at `now` in this session's name: the
    /// one way an edit becomes an event, for the loop and the tests alike.
    /// Each is stamped after its item's latest change, so that a change made
    /// after seeing a teammate's comes after it whatever the clocks say.
    pub fn events_for(&self, edits: &[Edit], now: Timestamp) -> Vec<Event> {
        edits
            .iter()
            .map(|edit| {
                let item = &self.checklist.items()[edit.index];
                let stamp = self.author.stamp(self.state.stamp_for(edit.index, now));
                Event::on_item(stamp, item.id.clone(), edit.after.clone())
                    .with_title(item.title.clone())
                    .with_force(edit.forced)
            })
            .collect()
    }

    /// The event that records this session's approval of `phase` at `now`,
    /// stamped after the phase's latest approval or withdrawal.
    /// `change` is [`Change::Approve`] or [`Change::Withdraw`].
    pub fn approval_event(&self, phase: usize, change: Change, now: Timestamp) -> Event {
        let stamp = self.author.stamp(self.state.stamp_for_phase(phase, now));
        let id = self.checklist.phases()[phase].id.clone();
        Event::on_phase(stamp, id, change)
    }

    /// The loop wrote this session's approval (or withdrawal) `event` of
    /// `phase`: apply it and say where the phase stands.
    pub fn approved(&mut self, phase: usize, event: &Event) {
        self.apply_all(std::slice::from_ref(event));
        let name = &self.checklist.phases()[phase].name;
        let missing = self.state.approvals().missing(&self.checklist, phase);
        let text = if event.change == Change::Withdraw {
            format!("{name}: your approval withdrawn")
        } else if missing == 0 {
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
