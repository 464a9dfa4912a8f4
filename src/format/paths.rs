//! Deserialising under a budget, and where in the checklist a failure stands:
//! serde's path made into the user's words (`phases[0].sections[2]`) and the
//! kind of node that holds the problem. `explain` says what is wrong.

use std::fmt::Write as _;

use serde_path_to_error::Segment;

use super::error::LoadError;
use super::raw::{
    self, CHECKLIST_FIELDS, ITEM_FIELDS, Located, PARAM_FIELDS, PHASE_FIELDS, Plain, RawChecklist, SECTION_FIELDS,
};

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
            Kind::Checklist => CHECKLIST_FIELDS,
            Kind::Param => PARAM_FIELDS,
            Kind::Phase => PHASE_FIELDS,
            Kind::Section => SECTION_FIELDS,
            Kind::Item => ITEM_FIELDS,
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
pub(super) struct Place {
    pub(super) path: String,
    pub(super) holder: Kind,
    pub(super) field: Option<String>,
}

/// Walks serde's path, dropping the `value` steps that `Spanned` wrappers add: one
/// after each list index and after each field that the raw types wrap in `Spanned`.
pub(super) fn place_of(path: &serde_path_to_error::Path) -> Place {
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
    Place {
        path: out,
        holder,
        field,
    }
}

pub(super) fn options_for(len: usize) -> serde_saphyr::Options {
    let room = len.saturating_add(1024);
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_events: room.saturating_mul(2),
            max_nodes: room,
            max_total_scalar_bytes: room,
            max_aliases: room / 4,
            max_anchors: room / 4,
            max_recorded_anchor_events: room,
            max_recorded_anchor_bytes: room,
            max_documents: 2,
            max_depth: 32,
        },
        with_snippet: false,
        // An item written as a plain scalar is read through type inference; keep
        // `yes`, `007` and `1_000` as the text the author wrote.
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        underscored_numbers_as_strings: true,
    }
}

/// How much text a file of `len` bytes may build: generous for any real file,
/// since each string costs at least a few bytes of YAML, yet linear in the size.
pub(super) fn expansion_units(len: usize) -> usize {
    len.saturating_mul(16).saturating_add(1 << 20)
}

/// Parses without recording where nodes stand, nor paths: the fast path, for
/// files that turn out fine. `None` means something is wrong; [`deserialize`]
/// then says what and where.
pub(super) fn deserialize_plain(source: &str) -> Option<RawChecklist<Plain>> {
    raw::with_expansion_budget(expansion_units(source.len()), || {
        serde_saphyr::from_str_with_options::<RawChecklist<Plain>>(source, options_for(source.len()))
    })
    .0
    .ok()
}

/// Parses recording where every node stands. Paths are tracked only if that
/// fails, by parsing once more with `serde_path_to_error`, to say where (it
/// costs about a third of a parse).
pub(super) fn deserialize(source: &str, file: &str) -> Result<RawChecklist<Located>, LoadError> {
    let units = expansion_units(source.len());
    let fast = raw::with_expansion_budget(units, || {
        serde_saphyr::from_str_with_options::<RawChecklist<Located>>(source, options_for(source.len()))
    });
    let first_error = match fast {
        (Ok(raw), _) => return Ok(raw),
        (Err(err), exhausted) => (err, exhausted),
    };
    let mut failed_at = None;
    let tracked = raw::with_expansion_budget(units, || {
        serde_saphyr::with_deserializer_from_str_with_options(source, options_for(source.len()), |de| {
            serde_path_to_error::deserialize::<_, RawChecklist<Located>>(de).map_err(|e| {
                failed_at = Some(e.path().clone());
                e.into_inner()
            })
        })
    });
    let (err, exhausted) = match tracked {
        (Err(err), exhausted) => (err, exhausted),
        // Both parses see the same bytes under the same budget; should they ever
        // disagree, the first error still explains the refusal.
        (Ok(_), _) => first_error,
    };
    Err(super::explain::explain(
        &err,
        failed_at.as_ref(),
        source,
        file,
        exhausted,
    ))
}
