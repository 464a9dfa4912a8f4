//! Which items the tree shows by their status: all, open, done or skipped.

use crate::checklist::Status;

/// Which items the tree shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    /// Items still to do.
    Open,
    /// Items done.
    Done,
    /// Items skipped as not applicable.
    Skipped,
}

impl Filter {
    #[must_use]
    pub fn next(self) -> Filter {
        match self {
            Filter::All => Filter::Open,
            Filter::Open => Filter::Done,
            Filter::Done => Filter::Skipped,
            Filter::Skipped => Filter::All,
        }
    }

    /// The filter a label names.
    pub fn from_label(label: &str) -> Option<Filter> {
        [Filter::All, Filter::Open, Filter::Done, Filter::Skipped]
            .into_iter()
            .find(|f| f.label() == label)
    }

    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Open => "open",
            Filter::Done => "done",
            Filter::Skipped => "skipped",
        }
    }

    pub(super) fn admits(self, status: &Status) -> bool {
        match self {
            Filter::All => true,
            Filter::Open => matches!(status, Status::Todo),
            Filter::Done => matches!(status, Status::Done),
            Filter::Skipped => matches!(status, Status::Skipped { .. }),
        }
    }
}
