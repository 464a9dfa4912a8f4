//! Reading a checklist's YAML under a budget: the fast parse for files that
//! turn out fine, and the parse that tracks where a failure stands, handed to
//! `explain` to say what is wrong and where.

use super::error::LoadError;
use super::raw::{self, Located, Plain, RawChecklist};

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
