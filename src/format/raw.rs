//! The serde shape of a checklist file, and the expansion budget that keeps a small
//! file from growing into a large one in memory.
//!
//! These types mirror the YAML one to one and never leave the `format` module: the
//! loader turns them into the core model, applying the text and id rules.

use std::cell::Cell;
use std::fmt;

use serde::Deserialize;
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;

/// The fields each kind of mapping accepts, for "did you mean" hints.
pub(super) const CHECKLIST_FIELDS: &[&str] = &["title", "description", "phases"];
pub(super) const PHASE_FIELDS: &[&str] = &["name", "icon", "id", "sections"];
pub(super) const SECTION_FIELDS: &[&str] = &["name", "id", "items"];
pub(super) const ITEM_FIELDS: &[&str] = &["title", "detail", "id"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChecklist {
    pub title: Spanned<Text>,
    #[serde(default)]
    pub description: Option<Text>,
    pub phases: Spanned<Vec<Spanned<RawPhase>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPhase {
    pub name: Spanned<Text>,
    #[serde(default)]
    pub icon: Option<Text>,
    #[serde(default)]
    pub id: Option<Spanned<Text>>,
    pub sections: Spanned<Vec<Spanned<RawSection>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSection {
    pub name: Spanned<Text>,
    #[serde(default)]
    pub id: Option<Spanned<Text>>,
    pub items: Spanned<Vec<Spanned<RawItem>>>,
}

/// An item: either a plain string (its title) or a mapping.
pub(super) enum RawItem {
    Short(Text),
    Full(RawFullItem),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFullItem {
    pub title: Spanned<Text>,
    #[serde(default)]
    pub detail: Option<Text>,
    #[serde(default)]
    pub id: Option<Spanned<Text>>,
}

thread_local! {
    /// Units of text the current load may still build; `None` outside a load.
    static EXPANSION_LEFT: Cell<Option<usize>> = const { Cell::new(None) };
}

/// The fixed cost charged per string besides its bytes, so that many tiny strings
/// (an alias of a long list of empty items) are charged too.
const UNITS_PER_STRING: usize = 16;

/// Limits how much text deserialisation may build while `f` runs to `units`. YAML
/// aliases replay an anchored node each time they are used, so a one-megabyte file
/// can describe gigabytes; every [`Text`] charges this budget as it is built.
pub(super) fn with_expansion_budget<R>(units: usize, f: impl FnOnce() -> R) -> R {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            EXPANSION_LEFT.with(|left| left.set(None));
        }
    }
    EXPANSION_LEFT.with(|left| left.set(Some(units)));
    let _reset = Reset;
    f()
}

/// The message of the error raised when the expansion budget runs out; the loader
/// recognises it to give a hint about aliases.
pub(super) const EXPANSION_EXCEEDED: &str = "the document expands to far more text than the file holds";

fn charge<E: de::Error>(bytes: usize) -> Result<(), E> {
    EXPANSION_LEFT.with(|left| match left.get() {
        None => Ok(()),
        Some(units) => match units.checked_sub(bytes.saturating_add(UNITS_PER_STRING)) {
            Some(rest) => {
                left.set(Some(rest));
                Ok(())
            }
            None => Err(E::custom(EXPANSION_EXCEEDED)),
        },
    })
}

/// A text value as written in the file, charged to the expansion budget.
pub(super) struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        charge(text.len())?;
        Ok(Text(text))
    }
}

struct RawItemVisitor;

impl<'de> Visitor<'de> for RawItemVisitor {
    type Value = RawItem;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an item: its title as text, or a mapping with `title` and optional `detail` and `id`")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<RawItem, E> {
        charge(value.len())?;
        Ok(RawItem::Short(Text(value.to_owned())))
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<RawItem, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<RawItem, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<RawItem, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<RawItem, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawItem, A::Error> {
        RawFullItem::deserialize(MapAccessDeserializer::new(map)).map(RawItem::Full)
    }
}

impl<'de> Deserialize<'de> for RawItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawItemVisitor)
    }
}
