//! JSON Schema (draft 2020-12) generated from the Rust model: one source of truth.
//!
//! The committed files under `schema/` are these schemas, pretty-printed; a test regenerates them
//! and fails on drift. Generated schemas are made to compile in ajv 8 strict mode: schemars'
//! non-standard integer `format`s (`uint8`, `uint32`, …) become `minimum`/`maximum`, and `null`
//! is removed from optional fields, because the wire format leaves an unreported field out
//! instead of writing `null`.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::{Map, Value};

use crate::catalog::Catalog;
use crate::finding::FindingOutput;
use crate::model::{MAX_QUANTITY, Report};
use crate::profile::Profile;

/// The schema of a report (wire format v1).
///
/// # Example
///
/// ```
/// let schema = treem::schema::report();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["additionalProperties"], false);
/// ```
pub fn report() -> Value {
    generate::<Report>()
}

/// The schema of a profile file.
pub fn profile() -> Value {
    generate::<Profile>()
}

/// The schema of an indicator catalog file.
pub fn catalog() -> Value {
    generate::<Catalog>()
}

/// The schema of a calendar schedule file (format 2): holiday rules, occasions and the days
/// announced for years.
pub fn schedule() -> Value {
    generate::<crate::calendar::ScheduleFile>()
}

/// The schema of one finding as the CLI and the WASM build output it.
pub fn finding() -> Value {
    generate::<FindingOutput>()
}

/// Every generated schema with the file name it is committed under in `schema/`.
pub fn all() -> Vec<(&'static str, Value)> {
    vec![
        ("report.schema.json", report()),
        ("profile.schema.json", profile()),
        ("catalog.schema.json", catalog()),
        ("schedule.schema.json", schedule()),
        ("finding.schema.json", finding()),
    ]
}

fn generate<T: JsonSchema>() -> Value {
    let schema: Schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>();
    let mut value = schema.to_value();
    tidy(&mut value);
    value
}

/// Keywords whose value is a map from names to schemas (the map itself is not a schema).
const SCHEMA_MAPS: &[&str] = &[
    "properties",
    "$defs",
    "patternProperties",
    "dependentSchemas",
];

/// Replaces integer formats by bounds and removes `null` alternatives, in `value` and every
/// subschema.
fn tidy(value: &mut Value) {
    match value {
        Value::Object(map) => {
            integer_bounds(map);
            drop_null(map);
            for (key, child) in map.iter_mut() {
                match child {
                    Value::Object(named) if SCHEMA_MAPS.contains(&key.as_str()) => {
                        named.values_mut().for_each(tidy);
                    }
                    _ => tidy(child),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

fn integer_bounds(map: &mut Map<String, Value>) {
    let bounds: Option<(i64, u64)> = match map.get("format").and_then(Value::as_str) {
        Some("uint8") => Some((0, u64::from(u8::MAX))),
        Some("uint16") => Some((0, u64::from(u16::MAX))),
        Some("uint32") => Some((0, u64::from(u32::MAX))),
        Some("uint64" | "uint") => Some((0, MAX_QUANTITY)),
        Some("int32") => Some((i64::from(i32::MIN), u64::from(i32::MAX.unsigned_abs()))),
        Some("double" | "float") => {
            map.remove("format");
            None
        }
        _ => None,
    };
    if let Some((min, max)) = bounds {
        map.remove("format");
        map.entry("minimum").or_insert(Value::from(min));
        map.entry("maximum").or_insert(Value::from(max));
    }
}

fn drop_null(map: &mut Map<String, Value>) {
    if let Some(Value::Array(types)) = map.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            map.insert("type".into(), only);
        }
    }
    for key in ["anyOf", "oneOf"] {
        let Some(Value::Array(options)) = map.get_mut(key) else {
            continue;
        };
        options.retain(|o| o.get("type").and_then(Value::as_str) != Some("null"));
        if options.len() == 1 {
            let only = options.remove(0);
            map.remove(key);
            if let Value::Object(inner) = only {
                for (k, v) in inner {
                    map.entry(k).or_insert(v);
                }
            }
        }
    }
    if map.get("default").is_some_and(Value::is_null) {
        map.remove("default");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(value: &Value, visit: &mut impl FnMut(&Map<String, Value>)) {
        match value {
            Value::Object(map) => {
                visit(map);
                for (key, child) in map {
                    match child {
                        Value::Object(named) if SCHEMA_MAPS.contains(&key.as_str()) => {
                            named.values().for_each(|v| walk(v, visit));
                        }
                        _ => walk(child, visit),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, visit)),
            _ => {}
        }
    }

    #[test]
    fn no_nonstandard_formats_and_no_null() {
        for (name, schema) in all() {
            walk(&schema, &mut |map| {
                assert!(
                    !map.get("format").is_some_and(Value::is_string),
                    "{name}: format left in {map:?}"
                );
                assert_ne!(
                    map.get("type"),
                    Some(&Value::from("null")),
                    "{name}: null type in {map:?}"
                );
            });
        }
    }
}
