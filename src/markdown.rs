//! Markdown in and out: [`import`] reads the checklists people already keep on
//! GitHub into the model, [`export`] writes a run as a task list GitHub shows,
//! [`dialect`] is the vocabulary of that task list both of them read, and
//! [`html`] what GitHub hides of the HTML a Markdown file may hold.

pub(crate) mod dialect;
pub mod export;
pub(crate) mod html;
pub mod import;
