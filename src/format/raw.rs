//! The serde shape of a checklist file, and the expansion budget that keeps a small
//! file from growing into a large one in memory.
//!
//! These types mirror the YAML one to one and never leave the `format` module: the
//! loader turns them into the core model, applying the text and id rules.

use std::cell::Cell;
use std::fmt;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::{Location, Spanned};

/// Whether the raw types record where each node stands. Recording costs about
/// half of a parse, so a load first parses [`Plain`]ly, and only when something
/// is wrong parses again [`Located`], to say where.
pub(super) trait Spans {
    type W<T: DeserializeOwned>: DeserializeOwned;
    fn open<T: DeserializeOwned>(wrapped: Self::W<T>) -> At<T>;
}

/// A value and, when recorded, where it stands.
pub(super) struct At<T> {
    pub value: T,
    pub loc: Option<Location>,
}

pub(super) enum Plain {}

impl Spans for Plain {
    type W<T: DeserializeOwned> = T;
    fn open<T: DeserializeOwned>(value: T) -> At<T> {
        At { value, loc: None }
    }
}

pub(super) enum Located {}

impl Spans for Located {
    type W<T: DeserializeOwned> = Spanned<T>;
    fn open<T: DeserializeOwned>(spanned: Spanned<T>) -> At<T> {
        At {
            value: spanned.value,
            loc: Some(spanned.referenced),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound = "")]
pub(super) struct RawChecklist<S: Spans> {
    pub title: S::W<Text>,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub params: Vec<S::W<RawParam<S>>>,
    pub phases: S::W<Vec<S::W<RawPhase<S>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound = "")]
pub(super) struct RawParam<S: Spans> {
    pub name: S::W<Text>,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub default: Option<Text>,
    #[serde(default)]
    pub secret: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound = "")]
pub(super) struct RawPhase<S: Spans> {
    pub name: S::W<Text>,
    #[serde(default)]
    pub icon: Option<Text>,
    #[serde(default)]
    pub id: Option<S::W<Text>>,
    #[serde(default)]
    pub gate: bool,
    #[serde(default)]
    pub approvals: Option<S::W<u64>>,
    #[serde(default)]
    pub description: Option<Text>,
    pub sections: S::W<Vec<S::W<RawSection<S>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound = "")]
pub(super) struct RawSection<S: Spans> {
    pub name: S::W<Text>,
    #[serde(default)]
    pub id: Option<S::W<Text>>,
    #[serde(default)]
    pub numbered: bool,
    #[serde(default)]
    pub description: Option<Text>,
    pub items: RawItems<S>,
}

/// A list of items, as a section or an item holds them.
pub(super) type RawItems<S> = <S as Spans>::W<Vec<<S as Spans>::W<RawItem<S>>>>;

/// An item: either a plain string (its title) or a mapping.
pub(super) enum RawItem<S: Spans> {
    Short(Text),
    Full(RawFullItem<S>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound = "")]
pub(super) struct RawFullItem<S: Spans> {
    pub title: S::W<Text>,
    #[serde(default)]
    pub detail: Option<S::W<Text>>,
    #[serde(default)]
    pub id: Option<S::W<Text>>,
    #[serde(default)]
    pub command: Option<S::W<Text>>,
    #[serde(default)]
    pub verify: Option<S::W<Text>>,
    #[serde(default)]
    pub numbered: bool,
    /// Sub-items, in the same shape.
    #[serde(default)]
    pub items: Option<RawItems<S>>,
}

thread_local! {
    /// Units of text the current load may still build; `None` outside a load.
    static EXPANSION_LEFT: Cell<Option<usize>> = const { Cell::new(None) };
    /// Whether the current load ran out of those units: how the loader tells
    /// an alias bomb from other errors without reading any error's words.
    static EXPANSION_EXHAUSTED: Cell<bool> = const { Cell::new(false) };
}

/// The fixed cost charged per string besides its bytes, so that many tiny strings
/// (an alias of a long list of empty items) are charged too.
const UNITS_PER_STRING: usize = 16;

/// Limits how much text deserialisation may build while `f` runs to `units`. YAML
/// aliases replay an anchored node each time they are used, so a one-megabyte file
/// can describe gigabytes; every [`Text`] charges this budget as it is built.
/// Returns what `f` did and whether the budget ran out on the way.
pub(super) fn with_expansion_budget<R>(units: usize, f: impl FnOnce() -> R) -> (R, bool) {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            EXPANSION_LEFT.with(|left| left.set(None));
            EXPANSION_EXHAUSTED.with(|exhausted| exhausted.set(false));
        }
    }
    EXPANSION_LEFT.with(|left| left.set(Some(units)));
    EXPANSION_EXHAUSTED.with(|exhausted| exhausted.set(false));
    let _reset = Reset;
    let result = f();
    (result, EXPANSION_EXHAUSTED.with(Cell::get))
}

/// The message of the error raised when the expansion budget runs out.
const EXPANSION_EXCEEDED: &str = "the document expands to far more text than the file holds";

fn charge<E: de::Error>(bytes: usize) -> Result<(), E> {
    let Some(units) = EXPANSION_LEFT.with(Cell::get) else {
        return Ok(());
    };
    if let Some(rest) = units.checked_sub(bytes.saturating_add(UNITS_PER_STRING)) {
        EXPANSION_LEFT.with(|left| left.set(Some(rest)));
        Ok(())
    } else {
        EXPANSION_EXHAUSTED.with(|exhausted| exhausted.set(true));
        Err(E::custom(EXPANSION_EXCEEDED))
    }
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

struct RawItemVisitor<S>(std::marker::PhantomData<S>);

impl<'de, S: Spans> Visitor<'de> for RawItemVisitor<S> {
    type Value = RawItem<S>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an item: its title as text, or a mapping with `title` and optional `detail`, `id` and `items`")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<RawItem<S>, E> {
        charge(value.len())?;
        Ok(RawItem::Short(Text(value.to_owned())))
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<RawItem<S>, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<RawItem<S>, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<RawItem<S>, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<RawItem<S>, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawItem<S>, A::Error> {
        RawFullItem::deserialize(MapAccessDeserializer::new(map)).map(RawItem::Full)
    }
}

impl<'de, S: Spans> Deserialize<'de> for RawItem<S> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawItemVisitor(std::marker::PhantomData))
    }
}
