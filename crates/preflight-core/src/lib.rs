//! The core of preflight: what a checklist is, what a run of it holds and how
//! its events replay, progress, gates, templates and the texts they are made of.
//!
//! Nothing here reads a file, starts a process or draws on a terminal: this
//! crate depends on none of the crates that could, so the compiler keeps it
//! pure. Files and the run log are the `preflight` crate's `format` and `runlog`;
//! the terminal is its `ui`.

/// One test per case, named for its case, in a module named for what they
/// all check: `cases! { module, check: case = (args…), … }` makes a test
/// `module::case` that calls `check(args…)`. A table of cases looped over in
/// one test would stop at the first failure and not name it. Exported (and
/// hidden from the docs) so that the `preflight` crate's unit and
/// integration tests use this one definition too; defined before the
/// modules, so that their tests see it.
#[doc(hidden)]
#[macro_export]
macro_rules! cases {
    ($module:ident, $check:ident: $($case:ident = ($($arg:expr),* $(,)?),)*) => {
        mod $module {
            #[allow(clippy::wildcard_imports)]
            use super::*;

            $(
                #[test]
                fn $case() {
                    $check($($arg),*);
                }
            )*
        }
    };
}

pub mod approval;
pub mod checklist;
pub mod gate;
pub mod inline;
pub mod lookup;
pub mod progress;
pub mod renames;
pub mod report;
pub mod run;
pub mod slug;
pub mod stamp;
pub mod template;
pub mod text;
pub mod timestamp;
