//! Decoding of data files (profiles, catalogs, calendar schedules) over [`Reader`], stopping at
//! the first problem, which is located by its JSON Pointer.
//!
//! Data files are written by developers and checked once when loaded, so the first problem is
//! enough; reports, which officials fill, have their own decoder that finds every problem
//! ([`crate::structure`]). Each type says how it is read with [`decode_struct!`] or
//! [`decode_enum!`]: the same strictness as the wire format (unknown, duplicate and missing keys,
//! `null`, wrong types are errors; text is normalised to NFC). A test holds every data type to
//! its serde `Deserialize`.

use crate::date::CivilDate;
use crate::error::Problem;
use crate::json::{Kind, Number, Reader, SyntaxError};

/// The first problem of a data file.
pub(crate) type DResult<T> = Result<T, Problem>;

/// A value read from a data file.
pub(crate) trait Decode: Sized {
    /// Reads the value the decoder is at.
    fn decode(d: &mut Decoder<'_>) -> DResult<Self>;
}

/// Decodes a whole document as `T`.
pub(crate) fn from_text<T: Decode>(text: &str) -> DResult<T> {
    let mut d = Decoder {
        r: Reader::new(crate::text::strip_bom(text)),
        path: String::new(),
    };
    let value = T::decode(&mut d)?;
    d.r.end().map_err(|e| d.syntax(e))?;
    Ok(value)
}

/// Reads data-file JSON, keeping the pointer of the value it is at.
pub(crate) struct Decoder<'a> {
    r: Reader<'a>,
    path: String,
}

fn syntax_message(e: &SyntaxError) -> String {
    format!("{} at line {} column {}", e.detail, e.line, e.column)
}

impl Decoder<'_> {
    /// A problem at the current value.
    pub fn problem(&self, message: String) -> Problem {
        Problem::new(self.path.clone(), message)
    }

    fn syntax(&self, e: SyntaxError) -> Problem {
        Problem::new(String::new(), syntax_message(&e))
    }

    fn kind(&mut self) -> DResult<Kind> {
        self.r.peek().map_err(|e| self.syntax(e))
    }

    fn expect(&mut self, want: Kind, what: &str) -> DResult<()> {
        let kind = self.kind()?;
        if kind == want {
            Ok(())
        } else {
            let found = match kind {
                Kind::Object => "an object",
                Kind::Array => "an array",
                Kind::String => "a string",
                Kind::Number => "a number",
                Kind::Bool => "a boolean",
                Kind::Null => "null",
            };
            Err(self.problem(format!("invalid type: {found}, expected {what}")))
        }
    }

    /// Reads an object with the `known` keys, calling `field` with the index of each; returns
    /// which were present, as bits. Unknown and duplicate keys are problems.
    pub fn object(
        &mut self,
        known: &[&str],
        mut field: impl FnMut(&mut Self, usize) -> DResult<()>,
    ) -> DResult<u64> {
        self.expect(Kind::Object, "an object")?;
        self.r.begin_object().map_err(|e| self.syntax(e))?;
        let mut seen = 0u64;
        let mut first = true;
        while let Some(key) = self.r.key(&mut first).map_err(|e| self.syntax(e))? {
            let len = self.path.len();
            self.path = crate::finding::pointer_push(&self.path, &key);
            let Some(i) = known.iter().position(|k| *k == key) else {
                let expected: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                return Err(self.problem(format!(
                    "unknown field `{key}`, expected one of {}",
                    expected.join(", ")
                )));
            };
            if seen & (1 << i) != 0 {
                return Err(self.problem(format!("duplicate field `{key}`")));
            }
            seen |= 1 << i;
            field(self, i)?;
            self.path.truncate(len);
        }
        Ok(seen)
    }

    /// The problem of a missing required key.
    pub fn missing(&self, key: &str) -> Problem {
        self.problem(format!("missing field `{key}`"))
    }

    /// Reads one of the `names`; its index.
    pub fn name(&mut self, names: &[&str]) -> DResult<usize> {
        let text = String::decode(self)?;
        names.iter().position(|n| *n == text).ok_or_else(|| {
            let expected: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            self.problem(format!(
                "unknown variant `{text}`, expected one of {}",
                expected.join(", ")
            ))
        })
    }

    fn number(&mut self) -> DResult<Number> {
        self.expect(Kind::Number, "a number")?;
        self.r.number().map_err(|e| self.syntax(e))
    }

    /// A whole number from `min` to `max`.
    fn whole(&mut self, min: i128, max: i128) -> DResult<i128> {
        let n = match self.number()? {
            Number::Uint(n) => i128::from(n),
            Number::Int(n) => i128::from(n),
            Number::Float(x) => {
                return Err(self.problem(format!("invalid type: {x}, expected a whole number")));
            }
        };
        if n < min || n > max {
            return Err(self.problem(format!("{n} is out of range {min}..={max}")));
        }
        Ok(n)
    }
}

impl Decode for String {
    /// A string, in NFC.
    fn decode(d: &mut Decoder<'_>) -> DResult<Self> {
        d.expect(Kind::String, "a string")?;
        let text = d.r.string().map_err(|e| d.syntax(e))?;
        Ok(if d.r.may_hold_marks() {
            crate::text::nfc(&text)
        } else {
            text.into_owned()
        })
    }
}

impl Decode for bool {
    fn decode(d: &mut Decoder<'_>) -> DResult<Self> {
        d.expect(Kind::Bool, "a boolean")?;
        Ok(d.r.literal().map_err(|e| d.syntax(e))? == Some(true))
    }
}

impl Decode for f64 {
    fn decode(d: &mut Decoder<'_>) -> DResult<Self> {
        Ok(match d.number()? {
            Number::Uint(n) => n as f64,
            Number::Int(n) => n as f64,
            Number::Float(x) => x,
        })
    }
}

macro_rules! decode_int {
    ($($ty:ty),+) => {$(
        impl Decode for $ty {
            fn decode(d: &mut Decoder<'_>) -> DResult<Self> {
                let n = d.whole(i128::from(<$ty>::MIN), i128::from(<$ty>::MAX))?;
                // In range by the check above.
                Ok(<$ty>::try_from(n).unwrap_or_default())
            }
        }
    )+};
}
decode_int!(u8, u16, u32, u64, i32);

impl Decode for CivilDate {
    fn decode(d: &mut Decoder<'_>) -> DResult<Self> {
        let text = String::decode(d)?;
        text.parse()
            .map_err(|e| d.problem(format!("`{text}`: {e}")))
    }
}

impl<T: Decode> Decode for Option<T> {
    /// `null` is `None`.
    fn decode(d: &mut Decoder<'_>) -> DResult<Self> {
        if d.kind()? == Kind::Null {
            d.r.literal().map_err(|e| d.syntax(e))?;
            Ok(None)
        } else {
            T::decode(d).map(Some)
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(d: &mut Decoder<'_>) -> DResult<Self> {
        d.expect(Kind::Array, "an array")?;
        d.r.begin_array().map_err(|e| d.syntax(e))?;
        let mut items = Vec::new();
        let mut first = true;
        while d.r.item(&mut first).map_err(|e| d.syntax(e))? {
            let len = d.path.len();
            d.path.push('/');
            d.path.push_str(&items.len().to_string());
            items.push(T::decode(d)?);
            d.path.truncate(len);
        }
        Ok(items)
    }
}

/// Implements [`Decode`] for a struct read from an object whose keys are its field names.
/// Each field is `req` (must be present), `opt` (an `Option`: absent or `null` is `None`, as the
/// data files' JSON Schemas allow), `default` (absent is `Default::default()`) or
/// `default = expr`.
macro_rules! decode_struct {
    ($ty:ident { $($field:ident : $how:ident $(= $default:expr)?),+ $(,)? }) => {
        impl $crate::decode::Decode for $ty {
            fn decode(d: &mut $crate::decode::Decoder<'_>) -> $crate::decode::DResult<Self> {
                const KNOWN: &[&str] = &[$(stringify!($field)),+];
                $(let mut $field = None;)+
                d.object(KNOWN, |d, i| {
                    let mut k = 0;
                    $(
                        if i == k {
                            $field = Some($crate::decode::Decode::decode(d)?);
                            return Ok(());
                        }
                        k += 1;
                    )+
                    let _ = k;
                    Ok(())
                })?;
                Ok($ty {
                    $($field: $crate::decode::decode_struct!(@take d, $field, $how $(= $default)?),)+
                })
            }
        }
    };
    (@take $d:ident, $field:ident, req) => {
        $field.ok_or_else(|| $d.missing(stringify!($field)))?
    };
    (@take $d:ident, $field:ident, opt) => {
        $field.flatten()
    };
    (@take $d:ident, $field:ident, default) => {
        $field.unwrap_or_default()
    };
    (@take $d:ident, $field:ident, default = $default:expr) => {
        $field.unwrap_or_else(|| $default)
    };
}

/// Implements [`Decode`] for a unit enum read from its wire names.
macro_rules! decode_enum {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $crate::decode::Decode for $ty {
            fn decode(d: &mut $crate::decode::Decoder<'_>) -> $crate::decode::DResult<Self> {
                const VARIANTS: &[$ty] = &[$($ty::$variant),+];
                Ok(VARIANTS[d.name(&[$($name),+])?])
            }
        }
    };
}

pub(crate) use {decode_enum, decode_struct};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::ScheduleFile;
    use crate::{Catalog, Profile};

    const PROFILE: &str = include_str!("../data/profiles/binh-dinh-2024.json");
    const CATALOG: &str = include_str!("../data/catalogs/circular-13-2021.json");
    const SCHEDULE: &str = include_str!("../data/calendar/vn-civil-service.json");

    /// Reads `text` both ways; they must agree on the verdict and, when both accept, the value.
    fn agree<T>(text: &str)
    where
        T: Decode + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let ours = from_text::<T>(text);
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
        agree::<Profile>(PROFILE);
        agree::<Catalog>(CATALOG);
        agree::<ScheduleFile>(SCHEDULE);
        for text in variants(PROFILE) {
            agree::<Profile>(&text);
        }
        for text in variants(CATALOG) {
            agree::<Catalog>(&text);
        }
        for text in variants(SCHEDULE) {
            agree::<ScheduleFile>(&text);
        }
    }

    #[test]
    fn problems_are_located() {
        let e = from_text::<Profile>(r#"{ "format": 1, "id": 3 }"#).unwrap_err();
        assert_eq!(e.path, "/id");
        assert!(e.message.contains("expected a string"), "{}", e.message);
        let e = from_text::<Profile>(r#"{ "format": 1 }"#).unwrap_err();
        assert_eq!(e.message, "missing field `id`");
        let e = from_text::<Profile>(r#"{ "format": 1, "format": 1 }"#).unwrap_err();
        assert_eq!(e.message, "duplicate field `format`");
        let e = from_text::<Profile>("{ \"format\": 1,").unwrap_err();
        assert!(e.message.contains("line 1"), "{}", e.message);
    }
}
