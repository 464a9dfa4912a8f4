//! The fields each kind of mapping accepts, read from the serde structs that
//! deserialise them: one definition (the struct) feeds deserialisation, the
//! did-you-mean hints, the paths of errors and the JSON Schema, so none of them
//! can fall out of step with the others.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

/// A deserialiser that reads nothing: it only notes the field names a derived
/// `Deserialize` hands to `deserialize_struct`, then stops.
struct FieldNames<'a>(&'a mut &'static [&'static str]);

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("only a struct's fields are read"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("the fields are read"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// The fields of a struct that derives `Deserialize`, in their order.
pub(super) fn fields_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    // The error is the point: the deserialiser stops once it has the names.
    let _ = T::deserialize(FieldNames(&mut fields));
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::raw::{Plain, RawFullItem, RawPhase};

    #[test]
    fn the_fields_are_the_structs_own_in_their_order() {
        assert_eq!(
            fields_of::<RawPhase<Plain>>(),
            ["name", "icon", "id", "gate", "approvals", "description", "sections"]
        );
        assert_eq!(
            fields_of::<RawFullItem<Plain>>(),
            ["title", "detail", "id", "command", "verify", "numbered", "items"]
        );
    }

    #[test]
    fn a_type_that_is_not_a_struct_has_no_fields() {
        assert!(fields_of::<String>().is_empty());
    }
}
