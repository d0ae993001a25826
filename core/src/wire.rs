//! Output types written as JSON by hand ([`ToJson`]): the same text natively and in the
//! WebAssembly build, without serde's generic machinery in the module. A test holds every
//! writer to the types' serde `Serialize` (which stays for Rust callers).

use crate::calendar::{
    CalendarEntry, Deadline, DeadlineReport, Occasion, Remaining, Role, Source, Timeliness,
    TimelinessStatus,
};
use crate::catalog::{Bound, IndicatorKind};
use crate::date::CivilDate;
use crate::finding::{FindingOutput, Param, Severity};
use crate::i18n::Label;
use crate::json::{Object, write_array, write_f64, write_str};
use crate::model::{Annex, SectionStatus};
use crate::profile::{Period, Provenance, QuantityKind, Reading, SectionDuty};
use crate::rules::{Rule, Text};
use crate::validate::ValidationOutput;

/// A value that writes itself as JSON.
pub trait ToJson {
    /// Appends the JSON text of `self` to `out`.
    fn write_json(&self, out: &mut String);

    /// The JSON text of `self`, compact.
    fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }
}

/// Reads a JSON object whose values are all strings (the options objects of the WebAssembly
/// build), in order. Any other shape is an error naming the problem, in English.
///
/// # Example
///
/// ```
/// let fields = treem::wire::string_fields(r#"{ "lang": "en", "as_of": "2024-05-20" }"#).unwrap();
/// assert_eq!(fields[1], ("as_of".to_owned(), "2024-05-20".to_owned()));
/// assert!(treem::wire::string_fields(r#"{ "lang": 1 }"#).is_err());
/// ```
pub fn string_fields(text: &str) -> Result<Vec<(String, String)>, String> {
    use crate::json::{Kind, Reader};
    let mut r = Reader::new(crate::text::strip_bom(text));
    let syntax = |e: crate::json::SyntaxError| {
        format!("{} at line {} column {}", e.detail, e.line, e.column)
    };
    if r.peek().map_err(syntax)? != Kind::Object {
        return Err("expected an object".to_owned());
    }
    r.begin_object().map_err(syntax)?;
    let mut fields = Vec::new();
    let mut first = true;
    while let Some(key) = r.key(&mut first).map_err(syntax)? {
        if r.peek().map_err(syntax)? != Kind::String {
            return Err(format!("`{key}` must be a string"));
        }
        let value = r.string().map_err(syntax)?;
        fields.push((key.into_owned(), value.into_owned()));
    }
    r.end().map_err(syntax)?;
    Ok(fields)
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        write_array(out, self, |out, item| item.write_json(out));
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

/// A unit enum of the wire format: its values and their names, in one table that the writers,
/// the decoders and `as_str` all read (serde's `rename_all` says the same for Rust callers, and
/// the tests hold the two together).
pub(crate) trait Named: Copy + PartialEq + 'static {
    /// Every value, in declaration order.
    const VALUES: &'static [Self];
    /// Their wire names, in the same order. (Two lists rather than pairs, so that the readers
    /// search names in one non-generic function.)
    const NAMES: &'static [&'static str];

    /// The wire name.
    fn name(self) -> &'static str;

    /// The value with this wire name.
    fn from_name(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Self::VALUES[i])
    }
}

/// Implements [`Named`] and [`ToJson`] for unit enums from their tables.
macro_rules! named {
    ($($ty:ident { $($variant:ident => $name:literal),+ $(,)? })+) => {$(
        impl Named for $ty {
            const VALUES: &'static [Self] = &[$($ty::$variant),+];
            const NAMES: &'static [&'static str] = &[$($name),+];

            // A match, so that a variant missing from the table does not compile.
            fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }
        }

        impl ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                write_str(out, self.name());
            }
        }
    )+};
}

named! {
    Occasion {
        NewYear => "new_year",
        LunarNewYear => "lunar_new_year",
        HungKings => "hung_kings",
        VictoryAndLabourDay => "victory_and_labour_day",
        NationalDay => "national_day",
    }
    Role {
        Holiday => "holiday",
        Compensatory => "compensatory",
        SwappedDayOff => "swapped_day_off",
        MakeUpDay => "make_up_day",
        RestDay => "rest_day",
    }
    Source { Official => "official", Projected => "projected" }
    Reading { Before => "before", By => "by" }
    TimelinessStatus { OnTime => "on_time", Late => "late" }
    Severity { Warning => "warning", Error => "error" }
    SectionStatus {
        Done => "done",
        InProgress => "in_progress",
        NotStarted => "not_started",
        NotApplicable => "not_applicable",
    }
    Annex { I => "I", II => "II" }
    SectionDuty { All => "all", Remit => "remit" }
    Provenance { Confirmed => "confirmed", Inferred => "inferred", Provisional => "provisional" }
    QuantityKind { Count => "count", Money => "money" }
    IndicatorKind {
        Count => "count",
        Share => "share",
        CountAndShare => "count_and_share",
        Rate => "rate",
    }
    Bound { Min => "min", Max => "max" }
}

impl ToJson for CivilDate {
    fn write_json(&self, out: &mut String) {
        use std::fmt::Write as _;
        let _ = write!(out, "\"{self}\"");
    }
}

impl ToJson for Label {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.str("vi", &self.vi).str("en", &self.en);
        o.end();
    }
}

impl ToJson for Text {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.str("vi", self.vi).str("en", self.en);
        o.end();
    }
}

impl ToJson for Param {
    fn write_json(&self, out: &mut String) {
        use std::fmt::Write as _;
        match self {
            Param::Count(n) => {
                let _ = write!(out, "{n}");
            }
            Param::Number(x) => write_f64(out, *x),
            Param::Text(t) => write_str(out, t),
            Param::Label(l) => l.write_json(out),
            Param::List(items) => items.write_json(out),
        }
    }
}

impl ToJson for FindingOutput {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.str("code", &self.code);
        self.severity.write_json(o.key("severity"));
        o.str("path", &self.path);
        if !self.related.is_empty() {
            self.related.write_json(o.key("related"));
        }
        if !self.params.is_empty() {
            let mut p = Object::new(o.key("params"));
            for (name, value) in &self.params {
                value.write_json(p.key(name));
            }
            p.end();
        }
        o.str("message", &self.message);
        o.end();
    }
}

impl ToJson for ValidationOutput {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.bool("valid", self.valid);
        self.findings.write_json(o.key("findings"));
        o.end();
    }
}

impl ToJson for Rule {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.str("code", self.code);
        self.severity.write_json(o.key("severity"));
        self.checks.write_json(o.key("checks"));
        o.str("source", self.source);
        self.when_missing.write_json(o.key("when_missing"));
        o.end();
    }
}

impl ToJson for Period {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        self.start.write_json(o.key("start"));
        self.end.write_json(o.key("end"));
        o.end();
    }
}

/// The fields of a deadline, for [`Deadline`] and the flattened [`DeadlineReport`].
fn deadline_fields(d: &Deadline, o: &mut Object<'_>) {
    o.str("kind", &d.kind);
    d.name.write_json(o.key("name"));
    d.period.write_json(o.key("period"));
    d.due_date.write_json(o.key("due_date"));
    if let Some(wording) = &d.wording {
        o.str("wording", wording);
    }
    d.reading.write_json(o.key("reading"));
    o.bool("roll_forward", d.roll_forward);
    d.last_on_time_day.write_json(o.key("last_on_time_day"));
    if let Some(from) = &d.rolled_from {
        from.write_json(o.key("rolled_from"));
    }
    d.calendar.write_json(o.key("calendar"));
    d.explanation.write_json(o.key("explanation"));
}

impl ToJson for Deadline {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        deadline_fields(self, &mut o);
        o.end();
    }
}

impl ToJson for Remaining {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        self.as_of.write_json(o.key("as_of"));
        o.bool("overdue", self.overdue);
        o.int("days_remaining", self.days_remaining);
        o.int("working_days_remaining", self.working_days_remaining);
        self.summary.write_json(o.key("summary"));
        o.end();
    }
}

impl ToJson for DeadlineReport {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        deadline_fields(&self.deadline, &mut o);
        if let Some(remaining) = &self.remaining {
            remaining.write_json(o.key("remaining"));
        }
        o.end();
    }
}

impl ToJson for Timeliness {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        self.status.write_json(o.key("status"));
        self.submitted_on.write_json(o.key("submitted_on"));
        self.last_on_time_day.write_json(o.key("last_on_time_day"));
        o.int("days_late", self.days_late);
        o.int("working_days_late", self.working_days_late);
        self.summary.write_json(o.key("summary"));
        o.end();
    }
}

impl ToJson for CalendarEntry {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        self.date.write_json(o.key("date"));
        o.bool("working", self.working);
        self.reason.write_json(o.key("reason"));
        self.occasion.write_json(o.key("occasion"));
        self.role.write_json(o.key("role"));
        self.source.write_json(o.key("source"));
        o.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Calendar, Profile};

    /// Our text and serde's must be the same JSON value.
    fn same<T: ToJson + serde::Serialize + ?Sized>(value: &T) {
        let ours: serde_json::Value = serde_json::from_str(&value.to_json()).unwrap();
        assert_eq!(ours, serde_json::to_value(value).unwrap());
    }

    /// Every name table says what serde's `rename_all` says.
    #[test]
    fn name_tables_match_serde() {
        fn check<T: Named + serde::Serialize + serde::de::DeserializeOwned + std::fmt::Debug>() {
            assert_eq!(T::VALUES.len(), T::NAMES.len());
            for (value, name) in T::VALUES.iter().zip(T::NAMES) {
                assert_eq!(serde_json::to_value(value).unwrap(), *name);
                assert_eq!(
                    serde_json::from_value::<T>(serde_json::json!(name)).unwrap(),
                    *value
                );
                assert_eq!(T::from_name(name), Some(*value));
                assert_eq!(value.name(), *name);
            }
        }
        check::<Occasion>();
        check::<Role>();
        check::<Source>();
        check::<Reading>();
        check::<TimelinessStatus>();
        check::<Severity>();
        check::<SectionStatus>();
        check::<Annex>();
        check::<SectionDuty>();
        check::<Provenance>();
        check::<QuantityKind>();
        check::<IndicatorKind>();
        check::<Bound>();
    }

    #[test]
    fn writers_match_serde() {
        let cal = Calendar::embedded();
        let profile = Profile::default_profile();
        let as_of = "2024-05-20".parse().unwrap();
        let deadlines = crate::calendar::deadlines(profile, cal, None, Some(as_of)).unwrap();
        same(&deadlines);
        for d in &deadlines {
            same(&d.deadline);
            let t = d
                .deadline
                .timeliness(cal, "2024-05-16".parse().unwrap())
                .unwrap();
            same(&t);
        }
        same(&cal.year(2024).unwrap().entries());
        same(&cal.year(2031).unwrap().entries());
        same(crate::rules::RULES);
        let broken = include_str!("../../tests/fixtures/structure/four-problems.json");
        for text in [
            broken,
            include_str!("../../examples/quy-nhon-half-year-2024.json"),
        ] {
            let v = crate::validate_json(text).unwrap();
            for lang in [crate::Lang::Vi, crate::Lang::En] {
                same(&v.to_output(lang));
            }
        }
        let mut finding = crate::Finding::new("indicator.range", "/indicators/0/value".into())
            .with("value", Param::Number(101.5))
            .with("whole", Param::Number(3.0))
            .with("members", Param::List(vec![Param::Count(1), "x\"y".into()]))
            .related("/indicators/1".into());
        finding.severity = Severity::Warning;
        same(&finding.to_output(crate::Lang::En));
    }
}
