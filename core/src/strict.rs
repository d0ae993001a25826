//! serde helpers that hold the typed parse to the wire format.
//!
//! serde's derived `Deserialize` is more lenient than JSON Schema: a struct may also be written
//! as an array of its fields (`["540", "Quy Nhơn"]` for a reporter), a unit enum as a map
//! (`{"done": null}`), and a whole number never as `2024.0`. These helpers make the typed parse
//! accept exactly what the structural pass and the JSON Schema accept.

use crate::map::Map;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, StringDeserializer};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::text::nfc_in_place;

/// Deserialises a `T` only from a JSON object.
pub(crate) fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_map(ObjectVisitor(PhantomData))
}

/// [`object`], for an optional field: present means an object (never `null`).
pub(crate) fn some_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    object(d).map(Some)
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map))
    }
}

/// A seed that deserialises one `T` with [`object`].
struct ObjectSeed<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for ObjectSeed<T> {
    type Value = T;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        object(d)
    }
}

/// Deserialises an array whose elements are objects.
pub(crate) fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    struct Objects<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for Objects<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an array of objects")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
            while let Some(item) = seq.next_element_seed(ObjectSeed(PhantomData))? {
                items.push(item);
                too_many::<A::Error>(items.len())?;
            }
            Ok(items)
        }
    }
    d.deserialize_seq(Objects(PhantomData))
}

/// Deserialises a map with string keys (normalised to NFC), rejecting a key given twice instead
/// of silently keeping the last value. With `OBJECTS`, every value must be an object.
fn unique_map<'de, D, V, const OBJECTS: bool>(d: D) -> Result<Map<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct UniqueMap<V, const OBJECTS: bool>(PhantomData<V>);
    impl<'de, V: Deserialize<'de>, const OBJECTS: bool> Visitor<'de> for UniqueMap<V, OBJECTS> {
        type Value = Map<String, V>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
            // Pairs first, ordered once at the end: inserting keys out of order one by one
            // would be quadratic.
            let mut pairs = Vec::new();
            let mut seen = std::collections::BTreeSet::new();
            while let Some(mut key) = access.next_key::<String>()? {
                too_many::<A::Error>(seen.len() + 1)?;
                nfc_in_place(&mut key);
                if !seen.insert(key.clone()) {
                    return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
                }
                let value = if OBJECTS {
                    access.next_value_seed(ObjectSeed(PhantomData))?
                } else {
                    access.next_value()?
                };
                pairs.push((key, value));
            }
            Ok(Map::from_pairs(pairs))
        }
    }
    d.deserialize_map(UniqueMap::<V, OBJECTS>(PhantomData))
}

/// A map of objects with unique keys (the report's measures).
pub(crate) fn unique_object_map<'de, D: Deserializer<'de>, V: Deserialize<'de>>(
    d: D,
) -> Result<Map<String, V>, D::Error> {
    unique_map::<D, V, true>(d)
}

/// A map of maps of figures with unique keys (a measure's breakdowns).
pub(crate) fn unique_breakdowns<'de, D, V>(d: D) -> Result<Map<String, Map<String, V>>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    /// The members of one dimension, keys unique.
    struct Members<V>(Map<String, V>);
    impl<'de, V: Deserialize<'de>> Deserialize<'de> for Members<V> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            unique_map::<D, V, false>(d).map(Members)
        }
    }
    let outer: Map<String, Members<V>> = unique_map::<D, Members<V>, false>(d)?;
    Ok(outer.into_iter().map(|(k, v)| (k, v.0)).collect())
}

/// An error when a container holds more than [`Limits::ENTRIES`](crate::Limits::ENTRIES)
/// entries, as the structural pass says `structure.too_many`.
fn too_many<E: de::Error>(count: usize) -> Result<(), E> {
    if count > crate::Limits::ENTRIES {
        Err(E::custom(format_args!(
            "more than {} entries",
            crate::Limits::ENTRIES
        )))
    } else {
        Ok(())
    }
}

/// A date of a report: a civil date within [`Limits::DATES`](crate::Limits::DATES).
pub(crate) fn report_date<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<crate::date::CivilDate, D::Error> {
    let date = crate::date::CivilDate::deserialize(d)?;
    if crate::structure::date_in_range(date) {
        Ok(date)
    } else {
        let (first, last) = crate::Limits::DATES;
        Err(de::Error::custom(format_args!(
            "date {date} is outside {first} to {last}"
        )))
    }
}

/// [`report_date`], for an optional field: present means a date (never `null`).
pub(crate) fn some_report_date<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<crate::date::CivilDate>, D::Error> {
    report_date(d).map(Some)
}

/// An indicator value: a number from −(2^53 − 1) to 2^53 − 1.
pub(crate) fn indicator_value<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let value = f64::deserialize(d)?;
    let max = crate::model::MAX_QUANTITY as f64;
    if value.is_finite() && value.abs() <= max {
        Ok(value)
    } else {
        Err(de::Error::custom(format_args!(
            "indicator value {value} is outside ±{max}"
        )))
    }
}

/// Deserialises a unit-variant enum only from its name as a string (serde would also accept
/// `{"name": null}`).
pub(crate) fn unit_enum<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<T, D::Error> {
    let name = String::deserialize(d)?;
    T::deserialize(StringDeserializer::<D::Error>::new(name))
}

/// [`unit_enum`], for an optional field.
pub(crate) fn some_unit_enum<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    unit_enum(d).map(Some)
}

/// A whole number from 0 to `MAX`, also when written with a zero fraction or an exponent
/// (`2024.0`, `2.024e3`), as JSON Schema's `integer` allows.
pub(crate) fn whole<'de, D: Deserializer<'de>, const MAX: u64>(d: D) -> Result<u64, D::Error> {
    struct Whole<const MAX: u64>;
    impl<const MAX: u64> Visitor<'_> for Whole<MAX> {
        type Value = u64;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a whole number from 0 to {MAX}")
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
            if v <= MAX {
                Ok(v)
            } else {
                Err(E::invalid_value(de::Unexpected::Unsigned(v), &self))
            }
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
            match u64::try_from(v) {
                Ok(v) => self.visit_u64(v),
                Err(_) => Err(E::invalid_value(de::Unexpected::Signed(v), &self)),
            }
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
            if v.fract() != 0.0 || !v.is_finite() {
                return Err(E::invalid_type(de::Unexpected::Float(v), &self));
            }
            if (0.0..=MAX as f64).contains(&v) {
                // In range and whole, so the conversion is exact for every MAX used here.
                Ok(v as u64)
            } else {
                Err(E::invalid_value(de::Unexpected::Float(v), &self))
            }
        }
    }
    d.deserialize_any(Whole::<MAX>)
}

/// The year: a whole number that fits `u16`.
pub(crate) fn year<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    whole::<D, { u16::MAX as u64 }>(d).map(|v| u16::try_from(v).unwrap_or(u16::MAX))
}

/// A task number: a whole number that fits `u8`.
pub(crate) fn task<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    whole::<D, { u8::MAX as u64 }>(d).map(|v| u8::try_from(v).unwrap_or(u8::MAX))
}
