//! Decoding of data files (profiles, catalogs, calendar schedules): every problem at once, each
//! located by its JSON Pointer and said in Vietnamese and English.
//!
//! The text is read into a small [`Value`] tree; each type then has a plain function that takes
//! its fields from an [`Obj`] with non-generic accessors. (A generic decoder per type and field
//! type was more than a hundred kilobytes of WebAssembly.) A reader never stops at a problem: it
//! records it in the [`Problems`] of the file and goes on with a placeholder in place of the
//! broken value, so that one run names every problem. The checks that follow decoding (broken
//! references, duplicate ids) leave out what they would say about a placeholder: see
//! [`Decoded::check`]. The strictness is the wire format's: unknown, duplicate and missing keys
//! and wrong types are problems, and so is `null` (an optional field is left out, never `null`);
//! text is normalised to NFC. A test holds every data type to its serde `Deserialize`.

use std::borrow::Cow;
use std::cell::RefCell;

use crate::date::{CivilDate, DateError};
use crate::error::Problem;
use crate::finding::overlaps_any;
use crate::i18n::Label;
use crate::json::{Kind, Number, Reader, SyntaxError};
use crate::wire::Named;

/// The problems found in one data file. Readers take it by shared reference and add to it.
#[derive(Default)]
pub(crate) struct Problems(RefCell<Vec<Problem>>);

impl Problems {
    /// Records a problem at `at`.
    pub fn push(&self, at: impl Into<String>, vi: String, en: String) {
        self.0.borrow_mut().push(Problem::new(at, vi, en));
    }

    fn into_vec(self) -> Vec<Problem> {
        self.0.into_inner()
    }
}

/// A function that reads one value of a data file at a pointer, recording its problems; `None`
/// when nothing usable could be read.
pub(crate) type Read<T> = fn(&Value<'_>, &str, &Problems) -> Option<T>;

/// A JSON value of a data file; strings are in NFC.
pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Entries in document order, duplicates kept (they are a problem when read).
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

fn syntax(e: &SyntaxError) -> Problem {
    Problem::new(
        String::new(),
        format!(
            "Nội dung không phải JSON hợp lệ (dòng {}, cột {}): {}",
            e.line, e.column, e.detail.vi
        ),
        e.to_string(),
    )
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

/// A data file after decoding: the value read (with placeholders where parts were broken) and
/// the problems found.
pub(crate) struct Decoded<T> {
    /// The value, `None` when the text is not JSON or the document is not an object.
    pub value: Option<T>,
    /// Every problem of decoding.
    pub problems: Vec<Problem>,
}

impl<T> Decoded<T> {
    /// The value when the file has no problem, after `check` has looked for those decoding
    /// cannot see; otherwise every problem. What `check` says about a place that decoding found
    /// broken is left out: it would be about a placeholder.
    pub fn check(self, check: impl FnOnce(&T) -> Vec<Problem>) -> Result<T, Vec<Problem>> {
        let Some(value) = self.value else {
            return Err(self.problems);
        };
        let mut problems = self.problems;
        let mut broken: Vec<String> = problems.iter().map(|p| p.path.clone()).collect();
        broken.sort_unstable();
        broken.dedup();
        for problem in check(&value) {
            if !overlaps_any(&broken, &problem.path) {
                problems.push(problem);
            }
        }
        if problems.is_empty() {
            Ok(value)
        } else {
            Err(problems)
        }
    }

    /// The value when the file has no problem.
    #[cfg(test)]
    pub fn sound(self) -> Result<T, Vec<Problem>> {
        self.check(|_| Vec::new())
    }

    /// The value of an embedded file, which the test suite checks: no problem is possible, and
    /// none is handled (the WebAssembly validator then carries no code to drop a value read in
    /// part).
    pub fn embedded(self, what: &str) -> T {
        if !self.problems.is_empty() {
            unreachable!("embedded {what} is checked by tests");
        }
        self.value
            .unwrap_or_else(|| unreachable!("embedded {what} is checked by tests"))
    }
}

/// Decodes a whole document with `read`.
pub(crate) fn from_text<T>(text: &str, read: Read<T>) -> Decoded<T> {
    let mut r = Reader::new(crate::text::strip_bom(text));
    let parsed = parse(&mut r).and_then(|value| r.end().map(|()| value));
    match parsed {
        Err(e) => Decoded {
            value: None,
            problems: vec![syntax(&e)],
        },
        Ok(root) => {
            let problems = Problems::default();
            let value = read(&root, "", &problems);
            Decoded {
                value,
                problems: problems.into_vec(),
            }
        }
    }
}

/// A value's type, in both languages.
fn type_name(v: &Value<'_>) -> (&'static str, &'static str) {
    match v {
        Value::Null => ("null", "null"),
        Value::Bool(_) => ("giá trị true/false", "a boolean"),
        Value::Number(_) => ("một số", "a number"),
        Value::String(_) => ("một chuỗi văn bản", "a string"),
        Value::Array(_) => ("một mảng [ ]", "an array"),
        Value::Object(_) => ("một đối tượng { }", "an object"),
    }
}

/// The problem of a value of the wrong type.
fn wrong(v: &Value<'_>, at: &str, cx: &Problems, vi: &str, en: &str) {
    let (is_vi, is_en) = type_name(v);
    cx.push(
        at,
        format!("Cần {vi}, nhưng giá trị là {is_vi}"),
        format!("expected {en}, found {is_en}"),
    );
}

/// A string: no control character but tabs and line breaks (the text may reach a terminal, a
/// spreadsheet or a page).
pub(crate) fn string(v: &Value<'_>, at: &str, cx: &Problems) -> Option<String> {
    match v {
        Value::String(s) => {
            if let Some((position, c)) = crate::structure::control_character(s, true) {
                let c = format!("U+{:04X}", u32::from(c));
                cx.push(
                    at,
                    format!(
                        "Văn bản có ký tự điều khiển {c} ở vị trí thứ {position}; hãy xóa ký tự này"
                    ),
                    format!(
                        "the text holds the control character {c} at position {position}; remove it"
                    ),
                );
                return None;
            }
            Some(s.clone().into_owned())
        }
        other => {
            wrong(other, at, cx, "một chuỗi văn bản", "a string");
            None
        }
    }
}

/// A whole number from `min` to `max`.
fn whole(v: &Value<'_>, at: &str, cx: &Problems, min: i64, max: u64) -> Option<i128> {
    let (n, written) = match v {
        Value::Number(Number::Uint(n)) => (i128::from(*n), n.to_string()),
        Value::Number(Number::Int(n)) => (i128::from(*n), n.to_string()),
        Value::Number(Number::Float(x)) => {
            let x = crate::finding::format_number(*x);
            cx.push(
                at,
                format!("Cần một số nguyên, nhưng giá trị là {x}"),
                format!("expected a whole number, found {x}"),
            );
            return None;
        }
        other => {
            wrong(other, at, cx, "một số nguyên", "a whole number");
            return None;
        }
    };
    if n < i128::from(min) || n > i128::from(max) {
        cx.push(
            at,
            format!("{written} nằm ngoài khoảng cho phép {min}–{max}"),
            format!("{written} is out of range {min}–{max}"),
        );
        return None;
    }
    Some(n)
}

/// A whole number from 0 to `max`.
pub(crate) fn uint(v: &Value<'_>, at: &str, cx: &Problems, max: u64) -> Option<u64> {
    whole(v, at, cx, 0, max).and_then(|n| u64::try_from(n).ok())
}

/// Any number.
pub(crate) fn float(v: &Value<'_>, at: &str, cx: &Problems) -> Option<f64> {
    match v {
        Value::Number(Number::Uint(n)) => Some(*n as f64),
        Value::Number(Number::Int(n)) => Some(*n as f64),
        Value::Number(Number::Float(x)) => Some(*x),
        other => {
            wrong(other, at, cx, "một số", "a number");
            None
        }
    }
}

/// Why a text is not a date, in both languages.
pub(crate) fn date_problem(text: &str, e: &DateError) -> (String, String) {
    match e {
        DateError::Shape => (
            format!("“{text}” không phải ngày viết dạng YYYY-MM-DD"),
            format!("“{text}” is not a date written YYYY-MM-DD"),
        ),
        DateError::NoSuchDay => (
            format!("Không có ngày “{text}” trong dương lịch"),
            format!("“{text}”: no such day in the Gregorian calendar"),
        ),
    }
}

/// A date `YYYY-MM-DD`.
pub(crate) fn date(v: &Value<'_>, at: &str, cx: &Problems) -> Option<CivilDate> {
    let text = string(v, at, cx)?;
    match text.parse() {
        Ok(date) => Some(date),
        Err(e) => {
            let (vi, en) = date_problem(&text, &e);
            cx.push(at, vi, en);
            None
        }
    }
}

/// A label `{ "vi", "en" }`.
pub(crate) fn label(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Label> {
    let o = Obj::new(v, at, &["vi", "en"], cx)?;
    Some(Label {
        vi: o.string("vi"),
        en: o.string("en"),
    })
}

/// A text in both languages: a label `{ "vi", "en" }`, or one string that reads the same in
/// both (a proper name such as an instrument's number).
pub(crate) fn text(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Label> {
    match v {
        Value::String(s) => Some(Label {
            vi: s.clone().into_owned(),
            en: s.clone().into_owned(),
        }),
        Value::Object(_) => label(v, at, cx),
        other => {
            wrong(
                other,
                at,
                cx,
                "một chuỗi văn bản hoặc { \"vi\", \"en\" }",
                "a string or { \"vi\", \"en\" }",
            );
            None
        }
    }
}

/// Names as a list for a message: `“a”, “b”, “c”`.
pub(crate) fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A value of a unit enum, by its wire name.
pub(crate) fn named<T: Named>(v: &Value<'_>, at: &str, cx: &Problems) -> Option<T> {
    name_index(v, at, cx, T::NAMES).map(|i| T::VALUES[i])
}

/// The position of the string `v` among `names`: the part of [`named`] that does not depend on
/// the enum, compiled once.
#[inline(never)]
fn name_index(v: &Value<'_>, at: &str, cx: &Problems, names: &[&str]) -> Option<usize> {
    let text = string(v, at, cx)?;
    let found = names.iter().position(|n| *n == text);
    if found.is_none() {
        let expected = quoted(names);
        cx.push(
            at,
            format!("Giá trị “{text}” không hợp lệ; các giá trị hợp lệ: {expected}"),
            format!("unknown value “{text}”; expected one of {expected}"),
        );
    }
    found
}

/// An array, each item read by `read`; items that cannot be read are left out (their problems
/// are recorded).
pub(crate) fn list<T>(v: &Value<'_>, at: &str, cx: &Problems, read: Read<T>) -> Option<Vec<T>> {
    let mut out = Vec::new();
    each(v, at, cx, &mut |item, at| {
        if let Some(value) = read(item, at, cx) {
            out.push(value);
        }
    })?;
    Some(out)
}

/// Calls `f` with each item of the array `v` and its pointer: the part of [`list`] that does
/// not depend on the item type, compiled once rather than once per type read.
fn each(v: &Value<'_>, at: &str, cx: &Problems, f: &mut dyn FnMut(&Value<'_>, &str)) -> Option<()> {
    let Value::Array(items) = v else {
        wrong(v, at, cx, "một mảng [ ]", "an array");
        return None;
    };
    for (i, item) in items.iter().enumerate() {
        f(item, &format!("{at}/{i}"));
    }
    Some(())
}

/// An object whose keys have been checked: unknown and repeated keys are recorded as problems
/// (a repeated key's first value is the one read).
pub(crate) struct Obj<'v, 'a, 'p> {
    entries: &'v [(Cow<'a, str>, Value<'a>)],
    path: String,
    cx: &'p Problems,
}

impl<'v, 'a, 'p> Obj<'v, 'a, 'p> {
    /// The object `v` at `at`, whose keys should be among `known`.
    pub fn new(v: &'v Value<'a>, at: &str, known: &[&str], cx: &'p Problems) -> Option<Self> {
        let Value::Object(entries) = v else {
            wrong(v, at, cx, "một đối tượng { }", "an object");
            return None;
        };
        let o = Obj {
            entries,
            path: at.to_owned(),
            cx,
        };
        let repeats = o.repeats();
        for (i, (key, _)) in entries.iter().enumerate() {
            if !known.iter().any(|k| *k == key) {
                let expected = quoted(known);
                cx.push(
                    o.at(key),
                    format!(
                        "Trường “{key}” không có trong định dạng; các trường hợp lệ: {expected}"
                    ),
                    format!("unknown field “{key}”; expected one of {expected}"),
                );
            } else if repeats.binary_search(&i).is_ok() {
                o.repeated(key);
            }
        }
        Some(o)
    }

    /// An object whose keys are names chosen by the file (ids, dates, years): each entry in
    /// order with its pointer; a repeated key is a problem and only its first entry is given.
    pub fn entries(v: &'v Value<'a>, at: &str, cx: &'p Problems) -> Option<Vec<Entry<'v, 'a>>> {
        let Value::Object(entries) = v else {
            wrong(v, at, cx, "một đối tượng { }", "an object");
            return None;
        };
        let o = Obj {
            entries,
            path: at.to_owned(),
            cx,
        };
        let repeats = o.repeats();
        let mut out = Vec::with_capacity(entries.len());
        for (i, (key, value)) in entries.iter().enumerate() {
            if repeats.binary_search(&i).is_ok() {
                o.repeated(key);
            } else {
                out.push(Entry {
                    key,
                    value,
                    at: o.at(key),
                });
            }
        }
        Some(out)
    }

    /// The positions of the keys given before, ascending (n log n: an object may have many).
    fn repeats(&self) -> Vec<usize> {
        crate::util::repeated(self.entries.iter().map(|(k, _)| k.as_ref()))
    }

    fn repeated(&self, key: &str) {
        self.cx.push(
            self.at(key),
            format!("Trường “{key}” được ghi hai lần"),
            format!("field “{key}” is given twice"),
        );
    }

    /// The pointer of the field `key`.
    #[inline(never)]
    pub fn at(&self, key: &str) -> String {
        crate::finding::pointer_push(&self.path, key)
    }

    /// The problems of the file.
    pub fn problems(&self) -> &'p Problems {
        self.cx
    }

    /// The optional field `key` when present. `null` is a problem, not a way of leaving a
    /// field out: a file that says `null` would not say the same when written back.
    #[inline(never)]
    pub fn get(&self, key: &str) -> Option<&'v Value<'a>> {
        let value = self
            .entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)?;
        if matches!(value, Value::Null) {
            self.cx.push(
                self.at(key),
                format!(
                    "Trường “{key}” không được là null; nếu không có giá trị, hãy bỏ hẳn trường này"
                ),
                format!("“{key}” may not be null; leave the field out instead"),
            );
            return None;
        }
        Some(value)
    }

    /// Whether the field `key` is present (possibly `null`).
    pub fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, _)| k == key)
    }

    /// The field `key`, present (possibly `null`); a missing field is a problem.
    #[inline(never)]
    pub fn field(&self, key: &str) -> Option<&'v Value<'a>> {
        let found = self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        if found.is_none() {
            self.cx.push(
                self.at(key),
                format!("Thiếu trường bắt buộc “{key}”"),
                format!("missing field “{key}”"),
            );
        }
        found
    }

    /// The field `key`, read by `read`; a missing field is a problem.
    pub fn req<T>(&self, key: &str, read: Read<T>) -> Option<T> {
        self.field(key)
            .and_then(|v| read(v, &self.at(key), self.cx))
    }

    /// The field `key`, read by `read` when present (absent or `null` is `None`, and so is a
    /// value that cannot be read, whose problem is recorded).
    pub fn opt<T>(&self, key: &str, read: Read<T>) -> Option<T> {
        self.get(key).and_then(|v| read(v, &self.at(key), self.cx))
    }

    /// A required string field (empty in place of a broken one).
    #[inline(never)]
    pub fn string(&self, key: &str) -> String {
        self.req(key, string).unwrap_or_default()
    }

    /// An optional string field.
    #[inline(never)]
    pub fn opt_string(&self, key: &str) -> Option<String> {
        self.opt(key, string)
    }

    /// A required label field (empty in place of a broken one).
    #[inline(never)]
    pub fn label(&self, key: &str) -> Label {
        self.req(key, label).unwrap_or_else(|| Label {
            vi: String::new(),
            en: String::new(),
        })
    }

    /// A required list field (empty in place of a broken one).
    pub fn list<T>(&self, key: &str, read: Read<T>) -> Vec<T> {
        self.field(key)
            .and_then(|v| list(v, &self.at(key), self.cx, read))
            .unwrap_or_default()
    }

    /// A list field that may be absent (then empty).
    pub fn opt_list<T>(&self, key: &str, read: Read<T>) -> Vec<T> {
        self.get(key)
            .and_then(|v| list(v, &self.at(key), self.cx, read))
            .unwrap_or_default()
    }

    /// A required whole-number field from 0 to `max` (0 in place of a broken one).
    #[inline(never)]
    pub fn uint(&self, key: &str, max: u64) -> u64 {
        self.field(key)
            .and_then(|v| uint(v, &self.at(key), self.cx, max))
            .unwrap_or(0)
    }

    /// A required boolean field (`false` in place of a broken one).
    #[inline(never)]
    pub fn boolean(&self, key: &str) -> bool {
        self.req(key, boolean).unwrap_or(false)
    }

    /// A required field holding a value of a unit enum (its first value in place of a broken
    /// one).
    pub fn named<T: Named>(&self, key: &str) -> T {
        self.name_at(key, T::NAMES)
            .map_or(T::VALUES[0], |i| T::VALUES[i])
    }

    /// The position of the required field `key`'s value among `names`.
    #[inline(never)]
    fn name_at(&self, key: &str, names: &[&str]) -> Option<usize> {
        self.field(key)
            .and_then(|v| name_index(v, &self.at(key), self.cx, names))
    }

    /// A required date field (a placeholder in place of a broken one).
    #[inline(never)]
    pub fn date(&self, key: &str) -> CivilDate {
        self.req(key, date).unwrap_or_else(CivilDate::placeholder)
    }
}

/// One entry of an object keyed by names the file chooses (see [`Obj::entries`]).
pub(crate) struct Entry<'v, 'a> {
    /// The key.
    pub key: &'v str,
    /// The value.
    pub value: &'v Value<'a>,
    /// The pointer of the value.
    pub at: String,
}

/// A boolean.
pub(crate) fn boolean(v: &Value<'_>, at: &str, cx: &Problems) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        other => {
            wrong(other, at, cx, "true hoặc false", "a boolean");
            None
        }
    }
}

/// A whole number that fits `u8`.
pub(crate) fn u8_(v: &Value<'_>, at: &str, cx: &Problems) -> Option<u8> {
    uint(v, at, cx, u64::from(u8::MAX)).and_then(|n| u8::try_from(n).ok())
}

/// A whole number that fits `u32`.
pub(crate) fn u32_(v: &Value<'_>, at: &str, cx: &Problems) -> Option<u32> {
    uint(v, at, cx, u64::from(u32::MAX)).and_then(|n| u32::try_from(n).ok())
}

/// A whole number that fits `u64`.
pub(crate) fn u64_(v: &Value<'_>, at: &str, cx: &Problems) -> Option<u64> {
    uint(v, at, cx, u64::MAX)
}

/// A whole number that fits `i32`.
pub(crate) fn i32_(v: &Value<'_>, at: &str, cx: &Problems) -> Option<i32> {
    whole(
        v,
        at,
        cx,
        i64::from(i32::MIN),
        u64::from(i32::MAX.unsigned_abs()),
    )
    .and_then(|n| i32::try_from(n).ok())
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
        let ours = from_text(text, read).sound();
        let theirs = serde_json::from_str::<T>(text);
        let only_null = |problems: &[Problem]| {
            problems
                .iter()
                .all(|p| p.message.en.contains("may not be null"))
        };
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => assert_eq!(a, b),
            (Err(_), Err(_)) => {}
            // treem refuses `null` in an optional field; serde reads it as absent.
            (Err(problems), Ok(_)) if only_null(problems) => {}
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
        let schedule: Read<ScheduleFile> = crate::calendar::schedule::read::schedule_file;
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

    fn problems(text: &str) -> Vec<Problem> {
        from_text(text, P).sound().unwrap_err()
    }

    #[test]
    fn problems_are_located_and_said_in_both_languages() {
        let all = problems(r#"{ "format": 1, "id": 3 }"#);
        let id = all.iter().find(|p| p.path == "/id").unwrap();
        assert_eq!(id.message.en, "expected a string, found a number");
        assert_eq!(
            id.message.vi,
            "Cần một chuỗi văn bản, nhưng giá trị là một số"
        );
        let title = all.iter().find(|p| p.path == "/title").unwrap();
        assert_eq!(title.message.en, "missing field “title”");
        let all = problems(r#"{ "format": 1, "format": 1 }"#);
        assert!(
            all.iter()
                .any(|p| p.path == "/format" && p.message.en == "field “format” is given twice")
        );
        let all = problems("{ \"format\": 1,");
        assert_eq!(all.len(), 1);
        assert!(all[0].message.en.contains("line 1"), "{:?}", all[0]);
        assert!(all[0].message.vi.contains("dòng 1"), "{:?}", all[0]);
    }

    #[test]
    fn every_problem_at_once() {
        let mut v: serde_json::Value = serde_json::from_str(PROFILE).unwrap();
        v["title"] = 1.into();
        v["report_kinds"][0]["due"]["date"] = "2024-02-30".into();
        v["measures"][0]["bogus"] = true.into();
        v["units"][0]["quantity"] = "weight".into();
        let all = problems(&v.to_string());
        let paths: Vec<&str> = all.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/title",
                "/report_kinds/0/due/date",
                "/units/0/quantity",
                "/measures/0/bogus"
            ]
        );
    }
}
