//! The report decoder: JSON text to the typed [`Report`], every shape problem at once, each with
//! its JSON Pointer, in one pass over the text.
//!
//! A problem poisons the smallest unit that can be dropped or replaced: an optional header field,
//! a required one, one measure, one section, one indicator. The decoder builds the report without
//! the poisoned units (required header fields and sections get neutral placeholders, so array
//! positions stay true) so that the remaining rules can still run on everything that is sound;
//! the validator then drops whatever the rules say inside a poisoned unit. A problem with the
//! root itself (not an object, a required key missing) leaves no report at all.

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::map::Map;

use crate::date::{CivilDate, DateError};
use crate::finding::{Finding, Findings, Param};
use crate::i18n::Label;
use crate::json::{Kind, Number, Reader, SyntaxError};
use crate::model::{
    Contact, Document, IndicatorValue, MAX_QUANTITY, Measure, Quantity, Report, Reporter, Section,
    SectionStatus, Signatory,
};
use crate::wire::Named;

/// What decoding found.
pub(crate) struct Decoded {
    /// The report, without its poisoned units; `None` when the root itself is broken, or when
    /// the document holds more than [`MAX_PROBLEMS`] problems.
    pub report: Option<Report>,
    /// Every structural problem (at most [`Limits::FINDINGS_PER_RULE`](crate::Limits::FINDINGS_PER_RULE)
    /// of a rule listed, the rest counted).
    pub findings: Findings,
    /// JSON Pointers of the units that hold a problem.
    pub poisoned: Vec<String>,
    /// The profile the document declares, when `profile` is a string.
    pub profile: Option<String>,
}

type Res<T> = Result<T, Box<SyntaxError>>;

/// At most this many entries in one array or object of a report: a real report has tens. The
/// entries past it are read for their syntax only, and the container is one
/// `structure.too_many` finding. So memory follows the entries kept, not the input.
pub(crate) const MAX_ENTRIES: usize = 1_000;

/// Past this many structural problems a document is not a report gone slightly wrong: the
/// decoder stops building the report (and remembering where the problems are), reads the rest
/// for its syntax only, and the rules do not run. The problems are still counted.
pub(crate) const MAX_PROBLEMS: usize = 10_000;

/// The dates a report may hold: from 1 January 1945 to 31 December 2100. Anything else is a
/// typing mistake (`0024-05-10`), never a date of child-affairs work.
pub(crate) const DATES: (&str, &str) = ("1945-01-01", "2100-12-31");

/// Decodes report JSON text (a leading byte-order mark is skipped).
pub(crate) fn decode(text: &str) -> Res<Decoded> {
    let mut d = Decoder {
        r: Reader::new(crate::text::strip_bom(text)),
        path: Vec::new(),
        seen: Vec::new(),
        findings: Findings::default(),
        poisoned: Vec::new(),
        bad: false,
        overwhelmed: false,
    };
    let mut profile = None;
    let report = d.report(&mut profile)?;
    d.r.end()?;
    if d.overwhelmed {
        return Ok(Decoded {
            report: None,
            findings: d.findings,
            poisoned: vec![String::new()],
            profile,
        });
    }
    // Sorted and without repeats.
    let poisoned = Map::from_pairs(d.poisoned.into_iter().map(|p| (p, ())).collect());
    Ok(Decoded {
        report,
        findings: d.findings,
        poisoned: poisoned.into_iter().map(|(p, ())| p).collect(),
        profile,
    })
}

/// A number as an exact whole number, decided on its decimal text (never after rounding to a
/// float): `2.0`, `20e-1` and `0.2e1` are 2; `1.9999999999999999` and `1e-400` are not whole.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Whole {
    /// The number, when it is whole and at most the maximum asked for.
    Value(u64),
    /// Whole, but below 0 or above the maximum.
    OutOfRange,
    /// Not a whole number.
    Fraction,
}

/// `text` (JSON number syntax, already checked) as a whole number from 0 to `max`.
pub(crate) fn exact_whole(text: &str, max: u64) -> Whole {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, ""),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The exponent, saturated far beyond any number of digits a document can hold.
    let mut exp: i64 = 0;
    let (exp_negative, exp_digits) = match exponent.as_bytes().first() {
        Some(b'-') => (true, &exponent[1..]),
        Some(b'+') => (false, &exponent[1..]),
        _ => (false, exponent),
    };
    for b in exp_digits.bytes() {
        exp = (exp * 10 + i64::from(b - b'0')).min(1 << 40);
    }
    if exp_negative {
        exp = -exp;
    }
    // The significant digits: the mantissa's, without leading or trailing zeros; the value is
    // digits × 10^scale.
    let digits = int.bytes().chain(frac.bytes());
    let all: Vec<u8> = digits.skip_while(|&b| b == b'0').collect();
    let trailing = all.iter().rev().take_while(|&&b| b == b'0').count();
    let significant = &all[..all.len() - trailing];
    if significant.is_empty() {
        return Whole::Value(0); // zero, whatever its sign or exponent
    }
    let scale = exp - frac.len() as i64 + trailing as i64;
    if scale < 0 {
        return Whole::Fraction;
    }
    if negative || significant.len() as i64 + scale > 20 {
        return Whole::OutOfRange;
    }
    let mut value: u128 = 0;
    for &b in significant {
        value = value * 10 + u128::from(b - b'0');
    }
    for _ in 0..scale {
        value *= 10;
    }
    match u64::try_from(value) {
        Ok(v) if v <= max => Whole::Value(v),
        _ => Whole::OutOfRange,
    }
}

const REPORT_KEYS: &[&str] = &[
    "profile",
    "kind",
    "year",
    "reporter",
    "submitted_on",
    "data_as_of",
    "estimated",
    "prepared_by",
    "signed_by",
    "sections",
    "measures",
    "indicators",
];
/// Bits of the keys of [`REPORT_KEYS`] a report must have.
const REPORT_REQUIRED: u32 = 0b1111;

fn label(vi: &str, en: &str) -> Label {
    Label {
        vi: vi.into(),
        en: en.into(),
    }
}

/// The name of a JSON type, for messages.
fn kind_label(kind: Kind, number: Option<Number>) -> Label {
    match (kind, number) {
        (Kind::Null, _) => label("null", "null"),
        (Kind::Bool, _) => label("giá trị đúng/sai", "a boolean"),
        (Kind::Number, Some(Number::Float(_))) => label("số thập phân", "a decimal number"),
        (Kind::Number, _) => label("số nguyên", "a whole number"),
        (Kind::String, _) => label("chuỗi ký tự", "a string"),
        (Kind::Array, _) => label("mảng", "an array"),
        (Kind::Object, _) => label("đối tượng", "an object"),
    }
}

/// One reference token of the path being read.
enum Seg<'a> {
    Key(Cow<'a, str>),
    Index(usize),
}

struct Decoder<'a> {
    r: Reader<'a>,
    /// The path of the value being read, as tokens: its JSON Pointer is built only when a
    /// problem needs it.
    path: Vec<Seg<'a>>,
    /// Keys seen in the objects being read, innermost last (one buffer for every level); an
    /// object with many keys moves its own to a set (see [`Decoder::first_time`]).
    seen: Vec<Cow<'a, str>>,
    findings: Findings,
    poisoned: Vec<String>,
    /// Whether the unit being read holds a problem.
    bad: bool,
    /// Whether the document has more than [`MAX_PROBLEMS`] problems: from then on nothing is
    /// built or remembered, only counted.
    overwhelmed: bool,
}

/// How many keys of one object, not in ascending order, are compared one by one before they
/// move to a set.
const FEW_KEYS: usize = 32;

/// The keys read so far of one object (see [`Decoder::first_time`]).
struct Keys<'a> {
    /// Where the object's keys start in the shared buffer ([`Decoder::seen`]).
    mark: usize,
    /// Whether they arrived in ascending order (and so lie sorted in the buffer).
    ascending: bool,
    /// The keys, once they are many and out of order.
    set: Option<BTreeSet<Cow<'a, str>>>,
}

impl Keys<'_> {
    fn new(mark: usize) -> Self {
        Keys {
            mark,
            ascending: true,
            set: None,
        }
    }
}

impl<'a> Decoder<'a> {
    /// Records a problem at the current path; it poisons the unit being read.
    fn fail(&mut self, finding: Finding) {
        self.record(finding);
        self.bad = true;
    }

    /// Records a problem, and notes when there are too many to go on building the report.
    fn record(&mut self, finding: Finding) {
        self.findings.push(finding);
        if self.findings.made() > MAX_PROBLEMS {
            self.overwhelmed = true;
            self.poisoned = Vec::new();
        }
    }

    /// Records a `structure.too_many` problem at the current path when a container held more
    /// than [`MAX_ENTRIES`] entries.
    fn too_many(&mut self, count: usize) {
        if count > MAX_ENTRIES {
            let finding = Finding::new("structure.too_many", self.pointer())
                .with("count", count as u64)
                .with("max", MAX_ENTRIES as u64);
            self.fail(finding);
        }
    }

    /// The JSON Pointer of the value being read.
    fn pointer(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Seg::Key(key) => out = crate::finding::pointer_push(&out, key),
                Seg::Index(i) => {
                    out.push('/');
                    out.push_str(&i.to_string());
                }
            }
        }
        out
    }

    /// Whether `key` is new in the object whose keys are `keys`. While the keys arrive in
    /// ascending order (the usual case: writers sort them) a new key costs one comparison and a
    /// repeat is found by binary search; otherwise, past [`FEW_KEYS`] keys, the object's keys
    /// move to a sorted set. Either way an object with very many keys costs n log n, never n².
    #[allow(clippy::ptr_arg)] // the `Cow` is cloned: a borrowed key stays borrowed
    fn first_time(&mut self, keys: &mut Keys<'a>, key: &Cow<'a, str>) -> bool {
        if let Some(set) = &mut keys.set {
            return set.insert(key.clone());
        }
        let seen = &self.seen[keys.mark..];
        if keys.ascending {
            if seen.last().is_some_and(|last| last >= key) {
                if seen.binary_search(key).is_ok() {
                    return false;
                }
                keys.ascending = false;
            }
        } else if seen.contains(key) {
            return false;
        }
        self.seen.push(key.clone());
        if !keys.ascending && self.seen.len() - keys.mark > FEW_KEYS {
            // Inserted one by one: `collect` would bring the standard sort into the module.
            let mut set = BTreeSet::new();
            for key in self.seen.drain(keys.mark..) {
                set.insert(key);
            }
            keys.set = Some(set);
        }
        true
    }

    /// Runs `f` with `seg` appended to the path.
    fn at<T>(&mut self, seg: Seg<'a>, f: impl FnOnce(&mut Self) -> T) -> T {
        self.path.push(seg);
        let out = f(self);
        self.path.pop();
        out
    }

    /// Runs `f` as a unit of its own: returns its value, and records the unit's path as
    /// poisoned (and the value as `None`) when it held a problem.
    fn unit<T>(&mut self, f: impl FnOnce(&mut Self) -> Res<Option<T>>) -> Res<Option<T>> {
        let outer = std::mem::replace(&mut self.bad, false);
        let value = f(self)?;
        let bad = std::mem::replace(&mut self.bad, outer);
        if bad {
            if !self.overwhelmed {
                self.poisoned.push(self.pointer());
            }
            Ok(None)
        } else {
            Ok(value)
        }
    }

    /// Consumes a value of the wrong type and records the problem.
    fn wrong_type(&mut self, kind: Kind, expected: Label) -> Res<()> {
        let number = if kind == Kind::Number {
            // Only its look matters here: whole, or with a fraction (or too large to tell).
            let text = self.r.number_text()?;
            Some(crate::json::classify(text).unwrap_or(Number::Float(f64::INFINITY)))
        } else {
            self.r.skip()?;
            None
        };
        let finding = Finding::new("structure.type", self.pointer())
            .with("expected", &expected)
            .with("found", &kind_label(kind, number));
        self.fail(finding);
        Ok(())
    }

    /// An object with the `known` keys (`required` as bits of `known`): `field` reads the value
    /// of each known key, given its index. Unknown, duplicate and missing keys are problems.
    /// Returns whether the value was an object.
    fn object(
        &mut self,
        known: &[&'static str],
        required: u32,
        mut field: impl FnMut(&mut Self, usize) -> Res<()>,
    ) -> Res<bool> {
        let kind = self.r.peek()?;
        if kind != Kind::Object {
            self.wrong_type(kind, label("đối tượng", "an object"))?;
            return Ok(false);
        }
        self.r.begin_object()?;
        let mut seen = 0u32;
        let mut keys = Keys::new(self.seen.len());
        let mut first = true;
        let mut count = 0;
        while let Some(key) = self.r.key(&mut first)? {
            count += 1;
            if count > MAX_ENTRIES || self.overwhelmed {
                self.r.skip()?;
                continue;
            }
            // An unknown key is named in NFC like every other text, whatever form it came in.
            let key = self.r.composed(key);
            match known.iter().position(|k| *k == key) {
                Some(i) if seen & (1 << i) == 0 => {
                    seen |= 1 << i;
                    self.at(Seg::Key(key), |d| field(d, i))?;
                }
                index => self.stray_key(key, index.is_some(), known, &mut keys)?,
            }
        }
        self.seen.truncate(keys.mark);
        self.too_many(count);
        self.missing_keys(known, required, seen);
        Ok(true)
    }

    /// A key that an object or map does not read: one read already (`repeated`), or in an
    /// object one that is not among its `known` keys (reported as repeated when the same unknown
    /// key came before). Records the problem and skips the value; at the root (only the report
    /// object is read there) the key alone is poisoned. Out of line: every object shape shares
    /// this one copy of its error paths.
    #[inline(never)]
    fn stray_key(
        &mut self,
        key: Cow<'a, str>,
        repeated: bool,
        known: &[&'static str],
        keys: &mut Keys<'a>,
    ) -> Res<()> {
        // Unknown keys are remembered too, so that one repeated is also reported as repeated.
        let repeated = repeated || !self.first_time(keys, &key);
        let root = self.path.is_empty();
        self.at(Seg::Key(key.clone()), |d| -> Res<()> {
            let finding = if repeated {
                Finding::new("structure.duplicate_key", d.pointer()).with("key", &*key)
            } else {
                let allowed = Param::List(known.iter().map(|k| Param::from(*k)).collect());
                Finding::new("structure.unknown_key", d.pointer())
                    .with("key", &*key)
                    .with("allowed", allowed)
            };
            d.r.skip()?;
            // At the root the key itself is the broken unit, so the rest of the report can
            // still be checked; deeper down, the enclosing unit is.
            if root {
                d.record(finding);
                if !d.overwhelmed {
                    d.poisoned.push(d.pointer());
                }
            } else {
                d.fail(finding);
            }
            Ok(())
        })
    }

    /// Records each of the `required` keys (bits of `known`) that is not among those `seen`.
    #[inline(never)]
    fn missing_keys(&mut self, known: &[&'static str], required: u32, seen: u32) {
        for (i, key) in known.iter().enumerate() {
            if required & (1 << i) != 0 && seen & (1 << i) == 0 {
                let finding = self.at(Seg::Key(Cow::Borrowed(key)), |d| {
                    Finding::new("structure.missing_key", d.pointer()).with("key", *key)
                });
                self.fail(finding);
            }
        }
    }

    /// A map with free keys (measures, breakdowns): `entry` reads each value, given its key.
    /// A duplicate key is a problem. `None` when the value is not an object.
    fn map(&mut self, mut entry: impl FnMut(&mut Self, Cow<'a, str>) -> Res<()>) -> Res<bool> {
        // Never the root: a repeated key poisons the enclosing unit (see `stray_key`).
        debug_assert!(!self.path.is_empty(), "a map is read below the root");
        let kind = self.r.peek()?;
        if kind != Kind::Object {
            self.wrong_type(kind, label("đối tượng", "an object"))?;
            return Ok(false);
        }
        self.r.begin_object()?;
        let mut keys = Keys::new(self.seen.len());
        let mut first = true;
        let mut count = 0;
        while let Some(key) = self.r.key(&mut first)? {
            count += 1;
            if count > MAX_ENTRIES || self.overwhelmed {
                self.r.skip()?;
                continue;
            }
            // Keys are names too: two spellings of one name in different normalisation forms
            // are one key.
            let key = self.r.composed(key);
            if self.first_time(&mut keys, &key) {
                self.at(Seg::Key(key.clone()), |d| entry(d, key))?;
            } else {
                self.stray_key(key, true, &[], &mut keys)?;
            }
        }
        self.seen.truncate(keys.mark);
        self.too_many(count);
        Ok(true)
    }

    /// An array: `item` reads each element, given its index.
    fn array(&mut self, mut item: impl FnMut(&mut Self, usize) -> Res<()>) -> Res<bool> {
        let kind = self.r.peek()?;
        if kind != Kind::Array {
            self.wrong_type(kind, label("mảng", "an array"))?;
            return Ok(false);
        }
        self.r.begin_array()?;
        let mut first = true;
        let mut index = 0;
        while self.r.item(&mut first)? {
            if index >= MAX_ENTRIES || self.overwhelmed {
                self.r.skip()?;
            } else {
                self.at(Seg::Index(index), |d| item(d, index))?;
            }
            index += 1;
        }
        self.too_many(index);
        Ok(true)
    }

    /// A string of one line, in NFC.
    fn string(&mut self) -> Res<Option<String>> {
        self.text(false)
    }

    /// A string, in NFC, that may hold line breaks (a narrative).
    fn lines(&mut self) -> Res<Option<String>> {
        self.text(true)
    }

    /// A string, in NFC. A control character is a problem (it could rewrite the terminal or the
    /// page the text is shown in), except a tab, and a line break where `multiline`.
    fn text(&mut self, multiline: bool) -> Res<Option<String>> {
        let kind = self.r.peek()?;
        if kind != Kind::String {
            self.wrong_type(kind, label("chuỗi ký tự", "a string"))?;
            return Ok(None);
        }
        let text = self.r.string()?;
        if let Some((position, c)) = control_character(&text, multiline) {
            let finding = Finding::new("structure.control_character", self.pointer())
                .with("character", format!("U+{:04X}", u32::from(c)))
                .with("position", position as u64);
            self.fail(finding);
            return Ok(None);
        }
        Ok(Some(self.r.composed(text).into_owned()))
    }

    fn boolean(&mut self) -> Res<Option<bool>> {
        let kind = self.r.peek()?;
        if kind != Kind::Bool {
            let expected = label("giá trị đúng/sai (true/false)", "a boolean (true/false)");
            self.wrong_type(kind, expected)?;
            return Ok(None);
        }
        self.r.literal()
    }

    /// A number from −(2^53 − 1) to 2^53 − 1 (an indicator value: a count, a share, a rate),
    /// so that sums of many stay finite.
    fn number(&mut self) -> Res<Option<f64>> {
        let kind = self.r.peek()?;
        if kind != Kind::Number {
            self.wrong_type(kind, label("số", "a number"))?;
            return Ok(None);
        }
        let text = self.r.number_text()?;
        let value = crate::json::classify(text).map(|n| match n {
            Number::Uint(n) => n as f64,
            Number::Int(n) => n as f64,
            Number::Float(x) => x,
        });
        match value {
            Some(x) if x.abs() <= MAX_QUANTITY as f64 => Ok(Some(x)),
            _ => {
                let finding = Finding::new("structure.range", self.pointer())
                    .with("value", text)
                    .with("min", format!("-{MAX_QUANTITY}"))
                    .with("max", MAX_QUANTITY);
                self.fail(finding);
                Ok(None)
            }
        }
    }

    /// A whole number in `0..=max`. A number written with a zero fraction or an exponent
    /// (`3.0`, `2.024e3`) is whole, as in JSON Schema.
    fn whole(&mut self, max: u64) -> Res<Option<u64>> {
        let kind = self.r.peek()?;
        let expected = || label("số nguyên không âm", "a whole number ≥ 0");
        if kind != Kind::Number {
            self.wrong_type(kind, expected())?;
            return Ok(None);
        }
        let written = self.r.number_text()?;
        let fraction = match exact_whole(written, max) {
            Whole::Value(n) => return Ok(Some(n)),
            Whole::Fraction => true,
            Whole::OutOfRange => false,
        };
        let finding = if fraction {
            Finding::new("structure.type", self.pointer())
                .with("expected", &expected())
                .with("found", &kind_label(Kind::Number, Some(Number::Float(0.5))))
        } else {
            Finding::new("structure.range", self.pointer())
                .with("value", written)
                .with("min", 0)
                .with("max", max)
        };
        self.fail(finding);
        Ok(None)
    }

    fn date(&mut self) -> Res<Option<CivilDate>> {
        let kind = self.r.peek()?;
        if kind != Kind::String {
            let expected = label("ngày dạng chuỗi YYYY-MM-DD", "a date string YYYY-MM-DD");
            self.wrong_type(kind, expected)?;
            return Ok(None);
        }
        let text = self.r.string()?;
        match text.parse::<CivilDate>() {
            Ok(date) if !date_in_range(date) => {
                let finding = Finding::new("structure.range", self.pointer())
                    .with("value", &*text)
                    .with("min", DATES.0)
                    .with("max", DATES.1);
                self.fail(finding);
                Ok(None)
            }
            Ok(date) => Ok(Some(date)),
            Err(e) => {
                let reason = match e {
                    DateError::Shape => "shape",
                    DateError::NoSuchDay => "no_such_day",
                };
                let finding = Finding::new("structure.date", self.pointer())
                    .with("value", &*text)
                    .with("reason", reason);
                self.fail(finding);
                Ok(None)
            }
        }
    }

    /// A value of a unit enum, by its wire name.
    fn one_of<T: Named>(&mut self) -> Res<Option<T>> {
        Ok(self.one_of_names(T::NAMES)?.map(|i| T::VALUES[i]))
    }

    /// The position of a string among `allowed`.
    fn one_of_names(&mut self, allowed: &[&str]) -> Res<Option<usize>> {
        let kind = self.r.peek()?;
        if kind != Kind::String {
            self.wrong_type(kind, label("chuỗi ký tự", "a string"))?;
            return Ok(None);
        }
        let text = self.r.string()?;
        if let Some(i) = allowed.iter().position(|a| *a == text) {
            return Ok(Some(i));
        }
        let list = Param::List(allowed.iter().map(|a| Param::from(*a)).collect());
        let finding = Finding::new("structure.value", self.pointer())
            .with("value", &*text)
            .with("allowed", list);
        self.fail(finding);
        Ok(None)
    }

    fn report(&mut self, declared: &mut Option<String>) -> Res<Option<Report>> {
        let mut profile = None;
        let mut kind = None;
        let mut year = None;
        let mut reporter = None;
        // Placeholders for the required header fields: rules see them, but whatever they say
        // about a poisoned field is dropped.
        let mut report = Report::default();
        self.object(REPORT_KEYS, REPORT_REQUIRED, |d, key| {
            // Each header field is a unit of its own.
            match key {
                0 => {
                    profile = d.unit(Self::string)?;
                    if declared.is_none() {
                        declared.clone_from(&profile);
                    }
                }
                1 => kind = d.unit(Self::string)?,
                2 => year = d.unit(|d| d.whole(u64::from(u16::MAX)))?,
                3 => reporter = d.unit(Self::reporter)?,
                4 => report.submitted_on = d.unit(Self::date)?,
                5 => report.data_as_of = d.unit(Self::date)?,
                6 => report.estimated = d.unit(Self::boolean)?,
                7 => report.prepared_by = d.unit(Self::contact)?,
                8 => report.signed_by = d.unit(Self::signatory)?,
                9 => report.sections = d.unit(Self::sections)?.unwrap_or_default(),
                10 => report.measures = d.unit(Self::measures)?.unwrap_or_default(),
                _ => report.indicators = d.unit(Self::indicators)?.unwrap_or_default(),
            }
            Ok(())
        })?;
        // `object` answers false only after `wrong_type` has marked the report bad.
        if self.bad {
            self.poisoned.push(String::new());
            return Ok(None);
        }
        // A key poisoned at the root (a duplicate) is left out, as a broken field is.
        for key in REPORT_KEYS {
            let at = crate::finding::pointer_push("", key);
            if self.poisoned.contains(&at) {
                match *key {
                    "profile" => profile = None,
                    "kind" => kind = None,
                    "year" => year = None,
                    "reporter" => reporter = None,
                    "submitted_on" => report.submitted_on = None,
                    "data_as_of" => report.data_as_of = None,
                    "estimated" => report.estimated = None,
                    "prepared_by" => report.prepared_by = None,
                    "signed_by" => report.signed_by = None,
                    "sections" => report.sections = Vec::new(),
                    "measures" => report.measures = Map::new(),
                    _ => report.indicators = Vec::new(),
                }
            }
        }
        report.profile = profile.unwrap_or_default();
        report.kind = kind.unwrap_or_default();
        report.year = year.map_or(0, |y| u16::try_from(y).unwrap_or(0));
        report.reporter = reporter.unwrap_or_default();
        Ok(Some(report))
    }

    /// An object of two required string fields (a reporter, a signatory).
    fn string_pair(&mut self, keys: &[&'static str; 2]) -> Res<Option<(String, String)>> {
        let mut values: [Option<String>; 2] = [None, None];
        self.object(keys, 0b11, |d, key| {
            values[key] = d.string()?;
            Ok(())
        })?;
        let [first, second] = values;
        Ok(first.zip(second))
    }

    fn reporter(&mut self) -> Res<Option<Reporter>> {
        let pair = self.string_pair(&["id", "name"])?;
        Ok(pair.map(|(id, name)| Reporter { id, name }))
    }

    fn signatory(&mut self) -> Res<Option<Signatory>> {
        let pair = self.string_pair(&["name", "title"])?;
        Ok(pair.map(|(name, title)| Signatory { name, title }))
    }

    fn contact(&mut self) -> Res<Option<Contact>> {
        let mut fields: [Option<String>; 4] = Default::default();
        self.object(&["name", "position", "phone", "email"], 0b1, |d, key| {
            fields[key] = d.string()?;
            Ok(())
        })?;
        let [name, position, phone, email] = fields;
        Ok(name.map(|name| Contact {
            name,
            position,
            phone,
            email,
        }))
    }

    fn sections(&mut self) -> Res<Option<Vec<Section>>> {
        let mut sections = Vec::new();
        let ok = self.array(|d, _| {
            let section = d.unit(Self::section)?;
            // A broken section keeps its place, so that the positions of the others hold.
            sections.push(section.unwrap_or(Section {
                task: 0,
                status: SectionStatus::NotApplicable,
                narrative: String::new(),
                documents: Vec::new(),
            }));
            Ok(())
        })?;
        Ok(ok.then_some(sections))
    }

    fn section(&mut self) -> Res<Option<Section>> {
        let (mut task, mut status, mut narrative, mut documents) = (None, None, None, None);
        let known = ["task", "status", "narrative", "documents"];
        self.object(&known, 0b11, |d, key| {
            match key {
                0 => task = d.whole(u64::from(u8::MAX))?,
                1 => status = d.one_of()?,
                2 => narrative = d.lines()?,
                _ => documents = d.documents()?,
            }
            Ok(())
        })?;
        Ok(task.zip(status).map(|(task, status)| Section {
            task: u8::try_from(task).unwrap_or(0),
            status,
            narrative: narrative.unwrap_or_default(),
            documents: documents.unwrap_or_default(),
        }))
    }

    fn documents(&mut self) -> Res<Option<Vec<Document>>> {
        let mut documents = Vec::new();
        let mut complete = true;
        let ok = self.array(|d, _| {
            let (mut number, mut date, mut title) = (None, None, None);
            d.object(&["number", "date", "title"], 0b111, |d, key| {
                match key {
                    0 => number = d.string()?,
                    1 => date = d.date()?,
                    _ => title = d.string()?,
                }
                Ok(())
            })?;
            match (number, date, title) {
                (Some(number), Some(date), Some(title)) => documents.push(Document {
                    number,
                    date,
                    title,
                }),
                _ => complete = false,
            }
            Ok(())
        })?;
        Ok((ok && complete).then_some(documents))
    }

    fn measures(&mut self) -> Res<Option<Map<String, Measure>>> {
        // Keys are unique here (duplicates are problems): collected, then ordered once.
        let mut measures = Vec::new();
        let ok = self.map(|d, id| {
            if let Some(measure) = d.unit(Self::measure)? {
                measures.push((id.into_owned(), measure));
            }
            Ok(())
        })?;
        Ok(ok.then(|| Map::from_pairs(measures)))
    }

    fn measure(&mut self) -> Res<Option<Measure>> {
        let (mut total, mut by) = (None, None);
        self.object(&["total", "by"], 0b1, |d, key| {
            if key == 0 {
                total = d.whole(MAX_QUANTITY)?.and_then(Quantity::new);
            } else {
                by = d.breakdowns()?;
            }
            Ok(())
        })?;
        Ok(total.map(|total| Measure {
            total,
            by: by.unwrap_or_default(),
        }))
    }

    #[allow(clippy::type_complexity)]
    fn breakdowns(&mut self) -> Res<Option<Map<String, Map<String, Quantity>>>> {
        let mut by = Vec::new();
        let ok = self.map(|d, dimension| {
            let mut members = Vec::new();
            let ok = d.map(|d, member| {
                if let Some(figure) = d.whole(MAX_QUANTITY)?.and_then(Quantity::new) {
                    members.push((member.into_owned(), figure));
                }
                Ok(())
            })?;
            if ok {
                by.push((dimension.into_owned(), Map::from_pairs(members)));
            }
            Ok(())
        })?;
        Ok(ok.then(|| Map::from_pairs(by)))
    }

    fn indicators(&mut self) -> Res<Option<Vec<IndicatorValue>>> {
        let mut indicators = Vec::new();
        let ok = self.array(|d, _| {
            let indicator = d.unit(Self::indicator)?;
            // A broken indicator keeps its place, so that the positions of the others hold.
            indicators.push(indicator.unwrap_or(IndicatorValue {
                annex: None,
                code: None,
                id: Some(String::new()),
                value: 0.0,
                numerator: None,
                denominator: None,
            }));
            Ok(())
        })?;
        Ok(ok.then_some(indicators))
    }

    fn indicator(&mut self) -> Res<Option<IndicatorValue>> {
        let known = ["annex", "code", "id", "value", "numerator", "denominator"];
        let mut v = IndicatorValue {
            annex: None,
            code: None,
            id: None,
            value: 0.0,
            numerator: None,
            denominator: None,
        };
        let mut value = None;
        self.object(&known, 0b1000, |d, key| {
            match key {
                0 => v.annex = d.one_of()?,
                1 => v.code = d.string()?,
                2 => v.id = d.string()?,
                3 => value = d.number()?,
                4 => v.numerator = d.whole(MAX_QUANTITY)?.and_then(Quantity::new),
                _ => v.denominator = d.whole(MAX_QUANTITY)?.and_then(Quantity::new),
            }
            Ok(())
        })?;
        Ok(value.map(|value| IndicatorValue { value, ..v }))
    }
}

/// Whether `date` lies in [`DATES`].
pub(crate) fn date_in_range(date: CivilDate) -> bool {
    let (year, month, day) = (date.year(), date.month(), date.day());
    (1945..=2100).contains(&year) && (year, month, day) >= (1945, 1, 1)
}

/// The first control character of `text` (its position, from 1, in characters) that a text
/// field may not hold: C0 and C1 controls and DEL, but a tab, and a line break (`\n`, `\r\n`)
/// where `multiline`.
pub(crate) fn control_character(text: &str, multiline: bool) -> Option<(usize, char)> {
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        let allowed = match c {
            '\t' => true,
            '\n' => multiline,
            '\r' => multiline && chars.peek().is_some_and(|&(_, n)| n == '\n'),
            c => !c.is_control(),
        };
        if !allowed {
            return Some((i + 1, c));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#""profile": "binh-dinh-2024", "kind": "half_year", "year": 2024"#;

    fn found(text: &str) -> Vec<(&'static str, String)> {
        decode(text)
            .unwrap()
            .findings
            .finish(None)
            .into_iter()
            .map(|f| (f.code, f.path))
            .collect()
    }

    #[test]
    fn a_number_out_of_range_is_a_finding_at_its_field_not_a_syntax_error() {
        let text = r#"{ "profile": "binh-dinh-2024", "year": 1e400, "yeaz": 1e400,
            "indicators": [ { "id": "x", "value": 1e308 } ] }"#;
        let got = found(text);
        assert!(
            got.contains(&("structure.range", "/year".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&("structure.unknown_key", "/yeaz".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&("structure.range", "/indicators/0/value".into())),
            "{got:?}"
        );
    }

    #[test]
    fn whole_numbers_are_decided_on_their_text() {
        let max = crate::model::MAX_QUANTITY;
        for (text, want) in [
            ("2", Whole::Value(2)),
            ("2.0", Whole::Value(2)),
            ("20e-1", Whole::Value(2)),
            ("0.2e1", Whole::Value(2)),
            ("2.000e0", Whole::Value(2)),
            ("0", Whole::Value(0)),
            ("-0", Whole::Value(0)),
            ("0.000e-400", Whole::Value(0)),
            ("1e3", Whole::Value(1000)),
            ("9007199254740991", Whole::Value(max)),
            ("9007199254740992", Whole::OutOfRange),
            ("1e400", Whole::OutOfRange),
            ("-1", Whole::OutOfRange),
            ("-2.0", Whole::OutOfRange),
            ("1.9999999999999999", Whole::Fraction),
            ("1e-400", Whole::Fraction),
            ("2.000000000000001", Whole::Fraction),
            ("-1.5", Whole::Fraction),
            ("12345678901234567890123e-3", Whole::Fraction),
            ("1e99999999999999999999999", Whole::OutOfRange),
            ("1e-99999999999999999999999", Whole::Fraction),
        ] {
            assert_eq!(exact_whole(text, max), want, "{text}");
        }
    }

    #[test]
    fn control_characters() {
        assert_eq!(control_character("a\tb", false), None);
        assert_eq!(control_character("a\nb", true), None);
        assert_eq!(control_character("a\r\nb", true), None);
        assert_eq!(control_character("a\nb", false), Some((2, '\n')));
        assert_eq!(control_character("a\rb", true), Some((2, '\r')));
        assert_eq!(control_character("\u{1b}]0;x", true), Some((1, '\u{1b}')));
        assert_eq!(control_character("ab\u{0}", false), Some((3, '\0')));
        assert_eq!(control_character("x\u{9b}", false), Some((2, '\u{9b}')));
        assert_eq!(control_character("x\u{7f}", false), Some((2, '\u{7f}')));
        assert_eq!(control_character("Hòa — “x”", false), None);
    }

    #[test]
    fn marks_written_as_escapes_are_composed() {
        let text =
            format!(r#"{{ {HEAD}, "reporter": {{ "id": "540", "name": "Quy Nho\u031bn" }} }}"#);
        let report = decode(&text).unwrap().report.unwrap();
        assert_eq!(report.reporter.name, "Quy Nhơn");
    }

    #[test]
    fn map_keys_are_names_in_nfc() {
        let text = format!(
            r#"{{ {HEAD}, "reporter": {{ "id": "540", "name": "x" }},
              "measures": {{ "m": {{ "total": 3, "by": {{ "d": {{ "ơ": 1, "o\u031b": 2 }} }} }} }} }}"#
        );
        assert_eq!(
            found(&text),
            [("structure.duplicate_key", "/measures/m/by/d/ơ".to_owned())]
        );
    }

    #[test]
    fn unknown_keys_are_named_in_nfc_and_two_spellings_are_one_key() {
        // Found by the single-defect property: an unknown key in NFD was named in NFD, so the
        // path depended on the input's normalisation form.
        let text = format!(
            r#"{{ {HEAD}, "reporter": {{ "id": "540", "name": "x", "to\u0302\u0309ng": 1, "tổng": 2 }} }}"#
        );
        assert_eq!(
            found(&text),
            [
                ("structure.unknown_key", "/reporter/tổng".to_owned()),
                ("structure.duplicate_key", "/reporter/tổng".to_owned()),
            ]
        );
    }

    #[test]
    fn repeated_keys_are_found_in_large_objects_and_among_unknown_keys() {
        let members: Vec<String> = (0..200).map(|i| format!(r#""k{i}": 1"#)).collect();
        let text = format!(
            r#"{{ {HEAD}, "reporter": {{ "id": "540", "name": "x", "zz": 1, "zz": 2 }},
              "measures": {{ "m": {{ "total": 3, "by": {{ "d": {{ {}, "k150": 1 }} }} }} }} }}"#,
            members.join(", ")
        );
        assert_eq!(
            found(&text),
            [
                ("structure.unknown_key", "/reporter/zz".to_owned()),
                ("structure.duplicate_key", "/reporter/zz".to_owned()),
                (
                    "structure.duplicate_key",
                    "/measures/m/by/d/k150".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn repeated_keys_are_found_while_keys_ascend_and_after_they_stop() {
        let key = |k: &str| format!(r#""{k}": 1"#);
        let mut keys: Vec<String> = (0..100).map(|i| key(&format!("a{i:03}"))).collect();
        // A repeat while the keys still ascend, then more ascending keys.
        keys.push(key("a050"));
        keys.extend((100..200).map(|i| key(&format!("a{i:03}"))));
        // A repeat of the first key; a new key out of order (the keys move to a set); repeats.
        keys.extend(["a000", "a0505", "a0505", "a150", "a199"].map(key));
        let text = format!(
            r#"{{ {HEAD}, "reporter": {{ "id": "540", "name": "x" }},
              "measures": {{ "m": {{ "total": 3, "by": {{ "d": {{ {} }} }} }} }} }}"#,
            keys.join(", ")
        );
        let at = |k: &str| ("structure.duplicate_key", format!("/measures/m/by/d/{k}"));
        assert_eq!(
            found(&text),
            ["a050", "a000", "a0505", "a150", "a199"].map(at)
        );
    }
}
