//! Where in the checklist a failure stands: serde's path made into the user's
//! words (`phases[0].sections[2]`) and the kind of node that holds the
//! problem, which decides the fields it may have. `explain` says what is wrong.

use std::fmt::Write as _;

use serde_path_to_error::Segment;

use super::fields::fields_of;
use super::raw::{Plain, RawChecklist, RawFullItem, RawParam, RawPhase, RawSection};

/// The kind of node a path leads to, which decides the fields it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Checklist,
    Param,
    Phase,
    Section,
    Item,
    List(ListOf),
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ListOf {
    Params,
    Phases,
    Sections,
    Items,
}

impl Kind {
    pub(super) fn fields(self) -> &'static [&'static str] {
        match self {
            Kind::Checklist => fields_of::<RawChecklist<Plain>>(),
            Kind::Param => fields_of::<RawParam<Plain>>(),
            Kind::Phase => fields_of::<RawPhase<Plain>>(),
            Kind::Section => fields_of::<RawSection<Plain>>(),
            Kind::Item => fields_of::<RawFullItem<Plain>>(),
            Kind::List(_) | Kind::Text => &[],
        }
    }

    pub(super) fn noun(self) -> &'static str {
        match self {
            Kind::Checklist => "the checklist",
            Kind::Param => "a parameter",
            Kind::Phase => "a phase",
            Kind::Section => "a section",
            Kind::Item => "an item",
            Kind::List(_) | Kind::Text => "this value",
        }
    }

    fn child(self, key: &str) -> Kind {
        match (self, key) {
            (Kind::Checklist, "params") => Kind::List(ListOf::Params),
            (Kind::Checklist, "phases") => Kind::List(ListOf::Phases),
            (Kind::Phase, "sections") => Kind::List(ListOf::Sections),
            (Kind::Section | Kind::Item, "items") => Kind::List(ListOf::Items),
            _ => Kind::Text,
        }
    }
}

/// Where an error happened: the path as the user would write it, the kind of
/// node that holds the problem, and the field named last, if any.
pub(super) struct FailedAt {
    pub(super) path: String,
    pub(super) holder: Kind,
    pub(super) field: Option<String>,
}

/// Walks serde's path, dropping the `value` steps that `Spanned` wrappers add: one
/// after each list index and after each field that the raw types wrap in `Spanned`.
pub(super) fn failed_at(path: &serde_path_to_error::Path) -> FailedAt {
    let mut out = String::new();
    let mut kind = Kind::Checklist;
    let mut holder = Kind::Checklist;
    let mut field = None;
    let mut skip_value = false;
    for segment in path {
        match segment {
            Segment::Map { key } if skip_value && key == "value" => skip_value = false,
            Segment::Map { key } => {
                skip_value = matches!(
                    key.as_str(),
                    "title" | "name" | "id" | "phases" | "sections" | "items" | "detail" | "command" | "verify"
                );
                holder = kind;
                field = Some(key.clone());
                if !out.is_empty() && kind != Kind::Text {
                    out.push('.');
                }
                if kind != Kind::Text {
                    out.push_str(key);
                }
                kind = kind.child(key);
            }
            Segment::Seq { index } => {
                skip_value = true;
                let element = match kind {
                    Kind::List(ListOf::Params) => Kind::Param,
                    Kind::List(ListOf::Phases) => Kind::Phase,
                    Kind::List(ListOf::Sections) => Kind::Section,
                    Kind::List(ListOf::Items) => Kind::Item,
                    _ => Kind::Text,
                };
                let _ = write!(out, "[{index}]");
                holder = element;
                field = None;
                kind = element;
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    FailedAt {
        path: out,
        holder,
        field,
    }
}
