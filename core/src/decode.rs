//! Decoding of data files (profiles, catalogs, calendar schedules), stopping at the first
//! problem, which is located by its JSON Pointer.
//!
//! Data files are written by developers and checked once when loaded, so the first problem is
//! enough; reports, which officials fill, have their own decoder that finds every problem
//! ([`crate::structure`]). The text is read into a small [`Value`] tree; each type then has a
//! plain function that takes its fields from an [`Obj`] with non-generic accessors. (A generic
//! decoder per type and field type was more than a hundred kilobytes of WebAssembly.) The
//! strictness is the wire format's: unknown, duplicate and missing keys and wrong types are
//! errors; text is normalised to NFC; an optional field may be absent or `null`, as the data
//! files' JSON Schemas allow. A test holds every data type to its serde `Deserialize`.

use std::borrow::Cow;

use crate::date::CivilDate;
use crate::error::Problem;
use crate::i18n::Label;
use crate::json::{Kind, Number, Reader, SyntaxError};
use crate::wire::Named;

/// The first problem of a data file, boxed: the error side of every reader's `Result` is then
/// one pointer, which keeps each `?` small in the WebAssembly module.
pub(crate) type DResult<T> = Result<T, Box<Problem>>;

/// A function that reads one value of a data file at a pointer.
pub(crate) type Read<T> = fn(&Value<'_>, &str) -> DResult<T>;

/// A JSON value of a data file; strings are in NFC.
pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Entries in document order, duplicates kept (they are an error when read).
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

fn syntax(e: &SyntaxError) -> Problem {
    Problem::new(String::new(), e.to_string())
}

fn parse<'a>(r: &mut Reader<'a>) -> Result<Value<'a>, Box<SyntaxError>> {
    Ok(match r.peek()? {
        Kind::Object => {
            r.begin_object()?;
            let mut entries = Vec::new();
            let mut first = true;
            while let Some(key) = r.key(&mut first)? {
                entries.push((key, parse(r)?));
            }
            Value::Object(entries)
        }
        Kind::Array => {
            r.begin_array()?;
            let mut items = Vec::new();
            let mut first = true;
            while r.item(&mut first)? {
                items.push(parse(r)?);
            }
            Value::Array(items)
        }
        Kind::String => {
            let text = r.string()?;
            Value::String(r.composed(text))
        }
        Kind::Number => Value::Number(r.number()?),
        Kind::Bool | Kind::Null => r.literal()?.map_or(Value::Null, Value::Bool),
    })
}

/// Decodes a whole document with `read`.
pub(crate) fn from_text<T>(text: &str, read: Read<T>) -> Result<T, Problem> {
    let mut r = Reader::new(crate::text::strip_bom(text));
    let value = parse(&mut r).map_err(|e| syntax(&e))?;
    r.end().map_err(|e| syntax(&e))?;
    read(&value, "").map_err(|problem| *problem)
}

/// A problem at `at`, boxed for [`DResult`].
fn problem(at: impl Into<String>, message: String) -> Box<Problem> {
    Box::new(Problem::new(at, message))
}

fn type_name(v: &Value<'_>) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn wrong(v: &Value<'_>, at: &str, expected: &str) -> Box<Problem> {
    problem(
        at,
        format!("invalid type: {}, expected {expected}", type_name(v)),
    )
}

/// A string.
pub(crate) fn string(v: &Value<'_>, at: &str) -> DResult<String> {
    match v {
        Value::String(s) => Ok(s.clone().into_owned()),
        other => Err(wrong(other, at, "a string")),
    }
}

/// A whole number from `min` to `max`.
fn whole(v: &Value<'_>, at: &str, min: i64, max: u64) -> DResult<i128> {
    let n = match v {
        Value::Number(Number::Uint(n)) => i128::from(*n),
        Value::Number(Number::Int(n)) => i128::from(*n),
        Value::Number(Number::Float(x)) => {
            return Err(problem(
                at,
                format!(
                    "invalid type: {}, expected a whole number",
                    crate::finding::format_number(*x)
                ),
            ));
        }
        other => return Err(wrong(other, at, "a whole number")),
    };
    if n < i128::from(min) || n > i128::from(max) {
        // Printed from the 64-bit value read (no 128-bit formatting in the module).
        let written = match v {
            Value::Number(Number::Int(n)) => n.to_string(),
            Value::Number(Number::Uint(n)) => n.to_string(),
            _ => String::new(),
        };
        return Err(problem(
            at,
            format!("{written} is out of range {min}..={max}"),
        ));
    }
    Ok(n)
}

/// A whole number from 0 to `max`.
pub(crate) fn uint(v: &Value<'_>, at: &str, max: u64) -> DResult<u64> {
    // In range by the check.
    whole(v, at, 0, max).map(|n| u64::try_from(n).unwrap_or_default())
}

/// Any number.
pub(crate) fn float(v: &Value<'_>, at: &str) -> DResult<f64> {
    match v {
        Value::Number(Number::Uint(n)) => Ok(*n as f64),
        Value::Number(Number::Int(n)) => Ok(*n as f64),
        Value::Number(Number::Float(x)) => Ok(*x),
        other => Err(wrong(other, at, "a number")),
    }
}

/// A date `YYYY-MM-DD`.
pub(crate) fn date(v: &Value<'_>, at: &str) -> DResult<CivilDate> {
    let text = string(v, at)?;
    text.parse()
        .map_err(|e| problem(at, format!("`{text}`: {e}")))
}

/// A label `{ "vi", "en" }`.
pub(crate) fn label(v: &Value<'_>, at: &str) -> DResult<Label> {
    let o = Obj::new(v, at, &["vi", "en"])?;
    Ok(Label {
        vi: o.string("vi")?,
        en: o.string("en")?,
    })
}

/// A value of a unit enum, by its wire name.
pub(crate) fn named<T: Named>(v: &Value<'_>, at: &str) -> DResult<T> {
    name_index(v, at, T::NAMES).map(|i| T::VALUES[i])
}

/// The position of the string `v` among `names`.
fn name_index(v: &Value<'_>, at: &str, names: &[&str]) -> DResult<usize> {
    let text = string(v, at)?;
    names.iter().position(|n| *n == text).ok_or_else(|| {
        let expected: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        problem(
            at,
            format!(
                "unknown variant `{text}`, expected one of {}",
                expected.join(", ")
            ),
        )
    })
}

/// An array, each item read by `read`.
pub(crate) fn list<T>(v: &Value<'_>, at: &str, read: Read<T>) -> DResult<Vec<T>> {
    let mut out = Vec::new();
    each(v, at, &mut |item, at| {
        out.push(read(item, at)?);
        Ok(())
    })?;
    Ok(out)
}

/// Calls `f` with each item of the array `v` and its pointer: the part of [`list`] that does
/// not depend on the item type, compiled once rather than once per type read.
fn each(
    v: &Value<'_>,
    at: &str,
    f: &mut dyn FnMut(&Value<'_>, &str) -> DResult<()>,
) -> DResult<()> {
    let Value::Array(items) = v else {
        return Err(wrong(v, at, "an array"));
    };
    for (i, item) in items.iter().enumerate() {
        f(item, &format!("{at}/{i}"))?;
    }
    Ok(())
}

/// An object whose keys have been checked: only known keys, none twice.
pub(crate) struct Obj<'v, 'a> {
    entries: &'v [(Cow<'a, str>, Value<'a>)],
    path: String,
}

impl<'v, 'a> Obj<'v, 'a> {
    /// The object `v` at `at`, with the `known` keys only.
    pub fn new(v: &'v Value<'a>, at: &str, known: &[&str]) -> DResult<Obj<'v, 'a>> {
        let Value::Object(entries) = v else {
            return Err(wrong(v, at, "an object"));
        };
        for (i, (key, _)) in entries.iter().enumerate() {
            if !known.iter().any(|k| *k == key) {
                let expected: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                return Err(problem(
                    crate::finding::pointer_push(at, key),
                    format!(
                        "unknown field `{key}`, expected one of {}",
                        expected.join(", ")
                    ),
                ));
            }
            if entries[..i].iter().any(|(k, _)| k == key) {
                return Err(problem(
                    crate::finding::pointer_push(at, key),
                    format!("duplicate field `{key}`"),
                ));
            }
        }
        Ok(Obj {
            entries,
            path: at.to_owned(),
        })
    }

    /// The pointer of the field `key`.
    pub fn at(&self, key: &str) -> String {
        crate::finding::pointer_push(&self.path, key)
    }

    /// The field `key` when present and not `null`.
    pub fn get(&self, key: &str) -> Option<&'v Value<'a>> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, Value::Null))
    }

    /// The field `key` and its pointer; a missing field is a problem.
    fn field(&self, key: &str) -> DResult<(&'v Value<'a>, String)> {
        match self.entries.iter().find(|(k, _)| k == key) {
            Some((_, v)) => Ok((v, self.at(key))),
            None => Err(problem(self.path.clone(), format!("missing field `{key}`"))),
        }
    }

    /// The field `key`, read by `read`; a missing field is a problem.
    pub fn req<T>(&self, key: &str, read: Read<T>) -> DResult<T> {
        let (v, at) = self.field(key)?;
        read(v, &at)
    }

    /// The field `key`, read by `read` when present (absent or `null` is `None`).
    pub fn opt<T>(&self, key: &str, read: Read<T>) -> DResult<Option<T>> {
        self.get(key).map(|v| read(v, &self.at(key))).transpose()
    }

    /// A required string field.
    pub fn string(&self, key: &str) -> DResult<String> {
        self.req(key, string)
    }

    /// An optional string field.
    pub fn opt_string(&self, key: &str) -> DResult<Option<String>> {
        self.opt(key, string)
    }

    /// A required label field.
    pub fn label(&self, key: &str) -> DResult<Label> {
        self.req(key, label)
    }

    /// A required list field.
    pub fn list<T>(&self, key: &str, read: Read<T>) -> DResult<Vec<T>> {
        let (v, at) = self.field(key)?;
        list(v, &at, read)
    }

    /// A list field that may be absent (then empty).
    pub fn opt_list<T>(&self, key: &str, read: Read<T>) -> DResult<Vec<T>> {
        match self.get(key) {
            Some(v) => list(v, &self.at(key), read),
            None => Ok(Vec::new()),
        }
    }

    /// A required whole-number field from 0 to `max`.
    pub fn uint(&self, key: &str, max: u64) -> DResult<u64> {
        let (v, at) = self.field(key)?;
        uint(v, &at, max)
    }

    /// A required boolean field.
    pub fn boolean(&self, key: &str) -> DResult<bool> {
        self.req(key, boolean)
    }

    /// A required field holding a value of a unit enum.
    pub fn named<T: Named>(&self, key: &str) -> DResult<T> {
        self.req(key, named)
    }
}

/// A boolean.
pub(crate) fn boolean(v: &Value<'_>, at: &str) -> DResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        other => Err(wrong(other, at, "a boolean")),
    }
}

/// A whole number that fits `u8`.
pub(crate) fn u8_(v: &Value<'_>, at: &str) -> DResult<u8> {
    uint(v, at, u64::from(u8::MAX)).map(|n| u8::try_from(n).unwrap_or_default())
}

/// A whole number that fits `u32`.
pub(crate) fn u32_(v: &Value<'_>, at: &str) -> DResult<u32> {
    uint(v, at, u64::from(u32::MAX)).map(|n| u32::try_from(n).unwrap_or_default())
}

/// A whole number that fits `u64`.
pub(crate) fn u64_(v: &Value<'_>, at: &str) -> DResult<u64> {
    uint(v, at, u64::MAX)
}

/// A whole number that fits `i32`.
pub(crate) fn i32_(v: &Value<'_>, at: &str) -> DResult<i32> {
    whole(v, at, i64::from(i32::MIN), u64::from(i32::MAX as u32))
        .map(|n| i32::try_from(n).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::ScheduleFile;
    use crate::{Catalog, Profile};

    const PROFILE: &str = include_str!("../data/profiles/binh-dinh-2024.json");
    const CATALOG: &str = include_str!("../data/catalogs/circular-13-2021.json");
    const SCHEDULE: &str = include_str!("../data/calendar/vn-civil-service.json");

    /// Reads `text` both ways; they must agree on the verdict and, when both accept, the value.
    fn agree<T>(text: &str, read: Read<T>)
    where
        T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let ours = from_text(text, read);
        let theirs = serde_json::from_str::<T>(text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => assert_eq!(a, b),
            (Err(_), Err(_)) => {}
            // Optional fields read `null` as absent, as the JSON Schemas allow; serde's helpers
            // for some of them refuse it.
            (Ok(_), Err(e)) if e.to_string().contains("null") => {}
            _ => panic!("ours {ours:?}\nserde {theirs:?}\n{text:.200}"),
        }
    }

    /// Single-defect variants of a data file: each key renamed, removed, or its value replaced by
    /// a value of every other JSON type.
    fn variants(text: &str) -> Vec<String> {
        let root: serde_json::Value = serde_json::from_str(text).unwrap();
        let mut out = Vec::new();
        let mut paths = Vec::new();
        fn walk(v: &serde_json::Value, path: String, paths: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(map) => {
                    for (k, child) in map {
                        let p = crate::finding::pointer_push(&path, k);
                        paths.push(p.clone());
                        walk(child, p, paths);
                    }
                }
                serde_json::Value::Array(items) => {
                    for (i, child) in items.iter().enumerate().take(2) {
                        walk(child, format!("{path}/{i}"), paths);
                    }
                }
                _ => {}
            }
        }
        walk(&root, String::new(), &mut paths);
        let replacements = [
            serde_json::json!(null),
            serde_json::json!(true),
            serde_json::json!(7),
            serde_json::json!(-1),
            serde_json::json!(2.5),
            serde_json::json!("x"),
            serde_json::json!([]),
            serde_json::json!({}),
        ];
        for path in paths {
            let (parent, key) = path.rsplit_once('/').unwrap();
            for rename in [false, true] {
                let mut v = root.clone();
                if let Some(obj) = v.pointer_mut(parent).and_then(|p| p.as_object_mut()) {
                    let value = obj.remove(key).unwrap();
                    if rename {
                        obj.insert(format!("{key}_x"), value);
                    }
                    out.push(v.to_string());
                }
            }
            for r in &replacements {
                let mut v = root.clone();
                *v.pointer_mut(&path).unwrap() = r.clone();
                out.push(v.to_string());
            }
        }
        out
    }

    #[test]
    fn data_files_read_as_serde_reads_them() {
        let profile: Read<Profile> = crate::profile::read::profile;
        let catalog: Read<Catalog> = crate::catalog::read::catalog;
        let schedule: Read<ScheduleFile> = crate::calendar::read::schedule_file;
        agree(PROFILE, profile);
        agree(CATALOG, catalog);
        agree(SCHEDULE, schedule);
        for text in variants(PROFILE) {
            agree(&text, profile);
        }
        for text in variants(CATALOG) {
            agree(&text, catalog);
        }
        for text in variants(SCHEDULE) {
            agree(&text, schedule);
        }
    }

    const P: Read<Profile> = crate::profile::read::profile;

    #[test]
    fn problems_are_located() {
        let e = from_text(r#"{ "format": 1, "id": 3 }"#, P).unwrap_err();
        assert_eq!(e.path, "/id");
        assert!(e.message.contains("expected a string"), "{}", e.message);
        let e = from_text(r#"{ "format": 1 }"#, P).unwrap_err();
        assert_eq!(e.message, "missing field `id`");
        let e = from_text(r#"{ "format": 1, "format": 1 }"#, P).unwrap_err();
        assert_eq!(e.message, "duplicate field `format`");
        let e = from_text("{ \"format\": 1,", P).unwrap_err();
        assert!(e.message.contains("line 1"), "{}", e.message);
    }
}
