//! Output types written as JSON by hand ([`ToJson`]): the same text natively and in the
//! WebAssembly build, without serde's generic machinery in the module. A test holds every
//! writer to the types' serde `Serialize` (which stays for Rust callers).

use crate::calendar::{
    CalendarEntry, Deadline, DeadlineReport, Mode, Remaining, Role, RuleKind, Source, Timeliness,
    TimelinessStatus,
};
use crate::catalog::{Bound, IndicatorKind};
use crate::consolidate::{
    Completeness, ConsolidationOutput, Contributors, Omitted, OmittedBreakdown, OmittedMeasure,
    ReporterStatus, Status, Unassigned,
};
use crate::date::CivilDate;
use crate::finding::{FindingOutput, Param, Severity};
use crate::i18n::Label;
use crate::json::{Object, write_array, write_f64, write_str};
use crate::map::Map;
use crate::model::{Annex, IndicatorValue, Measure, Quantity, Report, Section, SectionStatus};
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
    let syntax = |e: Box<crate::json::SyntaxError>| e.to_string();
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
    RuleKind {
        Fixed => "fixed",
        Lunar => "lunar",
        LunarNewYear => "lunar_new_year",
        Adjacent => "adjacent",
        Compensatory => "compensatory",
    }
    Mode { WholeYear => "whole_year", Changes => "changes" }
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
    Status {
        OnTime => "on_time",
        Late => "late",
        Undated => "undated",
        Invalid => "invalid",
        Missing => "missing",
    }
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
    opt(o, "wording", d.wording.as_deref());
    d.reading.write_json(o.key("reading"));
    o.bool("roll_forward", d.roll_forward);
    d.last_on_time_day.write_json(o.key("last_on_time_day"));
    opt(o, "rolled_from", d.rolled_from.as_ref());
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
        opt(&mut o, "remaining", self.remaining.as_ref());
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
        o.str("occasion", &self.occasion);
        self.role.write_json(o.key("role"));
        self.source.write_json(o.key("source"));
        self.basis.write_json(o.key("basis"));
        o.end();
    }
}

impl ToJson for Quantity {
    fn write_json(&self, out: &mut String) {
        use std::fmt::Write as _;
        let _ = write!(out, "{}", self.get());
    }
}

impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        write_f64(out, *self);
    }
}

impl ToJson for usize {
    fn write_json(&self, out: &mut String) {
        use std::fmt::Write as _;
        let _ = write!(out, "{self}");
    }
}

impl ToJson for i64 {
    fn write_json(&self, out: &mut String) {
        use std::fmt::Write as _;
        let _ = write!(out, "{self}");
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl<V: ToJson> ToJson for Map<String, V> {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        for (key, value) in self {
            value.write_json(o.key(key));
        }
        o.end();
    }
}

/// The field `key` when it has a value; absent otherwise (the wire format's optional fields).
fn opt<T: ToJson + ?Sized>(o: &mut Object<'_>, key: &str, value: Option<&T>) {
    if let Some(value) = value {
        value.write_json(o.key(key));
    }
}

impl ToJson for Report {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.str("profile", &self.profile).str("kind", &self.kind);
        o.int("year", i64::from(self.year));
        let mut r = Object::new(o.key("reporter"));
        r.str("id", &self.reporter.id)
            .str("name", &self.reporter.name);
        r.end();
        opt(&mut o, "submitted_on", self.submitted_on.as_ref());
        opt(&mut o, "data_as_of", self.data_as_of.as_ref());
        opt(&mut o, "estimated", self.estimated.as_ref());
        if let Some(c) = &self.prepared_by {
            let mut p = Object::new(o.key("prepared_by"));
            p.str("name", &c.name);
            opt(&mut p, "position", c.position.as_deref());
            opt(&mut p, "phone", c.phone.as_deref());
            opt(&mut p, "email", c.email.as_deref());
            p.end();
        }
        if let Some(s) = &self.signed_by {
            let mut p = Object::new(o.key("signed_by"));
            p.str("name", &s.name).str("title", &s.title);
            p.end();
        }
        if !self.sections.is_empty() {
            self.sections.write_json(o.key("sections"));
        }
        if !self.measures.is_empty() {
            self.measures.write_json(o.key("measures"));
        }
        if !self.indicators.is_empty() {
            self.indicators.write_json(o.key("indicators"));
        }
        o.end();
    }
}

impl ToJson for Section {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.int("task", i64::from(self.task));
        self.status.write_json(o.key("status"));
        o.str("narrative", &self.narrative);
        if !self.documents.is_empty() {
            write_array(o.key("documents"), &self.documents, |out, d| {
                let mut o = Object::new(out);
                o.str("number", &d.number);
                d.date.write_json(o.key("date"));
                o.str("title", &d.title);
                o.end();
            });
        }
        o.end();
    }
}

impl ToJson for Measure {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        self.total.write_json(o.key("total"));
        if !self.by.is_empty() {
            self.by.write_json(o.key("by"));
        }
        o.end();
    }
}

impl ToJson for IndicatorValue {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        opt(&mut o, "annex", self.annex.as_ref());
        opt(&mut o, "code", self.code.as_deref());
        opt(&mut o, "id", self.id.as_deref());
        write_f64(o.key("value"), self.value);
        opt(&mut o, "numerator", self.numerator.as_ref());
        opt(&mut o, "denominator", self.denominator.as_ref());
        o.end();
    }
}

impl ToJson for ReporterStatus {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.str("id", &self.id).str("name", &self.name);
        o.str("reporter_kind", &self.reporter_kind);
        self.status.write_json(o.key("status"));
        opt(&mut o, "source", self.source.as_deref());
        opt(&mut o, "submitted_on", self.submitted_on.as_ref());
        opt(&mut o, "days_late", self.days_late.as_ref());
        opt(&mut o, "working_days_late", self.working_days_late.as_ref());
        opt(&mut o, "overdue", self.overdue.as_ref());
        self.errors.write_json(o.key("errors"));
        self.warnings.write_json(o.key("warnings"));
        o.end();
    }
}

impl ToJson for Completeness {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        self.expected.write_json(o.key("expected"));
        self.received.write_json(o.key("received"));
        self.valid.write_json(o.key("valid"));
        self.inputs.write_json(o.key("inputs"));
        o.end();
    }
}

impl ToJson for Contributors {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        self.total.write_json(o.key("total"));
        if !self.by.is_empty() {
            self.by.write_json(o.key("by"));
        }
        o.end();
    }
}

impl ToJson for OmittedBreakdown {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.str("measure", &self.measure)
            .str("dimension", &self.dimension);
        opt(&mut o, "member", self.member.as_deref());
        self.without.write_json(o.key("without"));
        o.end();
    }
}

impl ToJson for OmittedMeasure {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.str("measure", &self.measure).str("whole", &self.whole);
        self.without.write_json(o.key("without"));
        o.end();
    }
}

impl ToJson for Omitted {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.str("indicator", &self.indicator)
            .str("reason", &self.reason);
        self.reporters.write_json(o.key("reporters"));
        o.end();
    }
}

impl ToJson for Unassigned {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.str("source", &self.source).str("reason", &self.reason);
        opt(&mut o, "reporter", self.reporter.as_deref());
        self.errors.write_json(o.key("errors"));
        o.end();
    }
}

impl ToJson for ConsolidationOutput {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.str("kind", &self.kind);
        self.last_on_time_day.write_json(o.key("last_on_time_day"));
        opt(&mut o, "as_of", self.as_of.as_ref());
        self.consolidated.write_json(o.key("consolidated"));
        self.reporters.write_json(o.key("reporters"));
        self.completeness.write_json(o.key("completeness"));
        self.contributions.write_json(o.key("contributions"));
        self.omitted_breakdowns
            .write_json(o.key("omitted_breakdowns"));
        self.omitted_measures.write_json(o.key("omitted_measures"));
        self.indicator_contributions
            .write_json(o.key("indicator_contributions"));
        self.omitted_indicators
            .write_json(o.key("omitted_indicators"));
        self.unassigned.write_json(o.key("unassigned"));
        self.findings.write_json(o.key("findings"));
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
        check::<RuleKind>();
        check::<Mode>();
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
        check::<Status>();
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

        // A consolidation with every part: duplicates, an invalid report, an unassigned input.
        let validator = crate::Validator::embedded("binh-dinh-2024").unwrap();
        let mut all = crate::consolidate::Consolidator::new(validator, None);
        let quy_nhon = include_str!("../../examples/quy-nhon-half-year-2024.json");
        for (i, text) in [
            quy_nhon,
            quy_nhon,
            broken,
            "{",
            include_str!("../../examples/phu-cat-annual-2024.json"),
        ]
        .iter()
        .enumerate()
        {
            all.add(crate::consolidate::check(
                validator,
                i,
                &format!("f{i}"),
                text,
            ));
        }
        let done = all.finish(Some("2024-12-20".parse().unwrap())).unwrap();
        same(&done.consolidated);
        for lang in [crate::Lang::Vi, crate::Lang::En] {
            same(&done.clone().into_output(lang));
        }
        for text in [
            quy_nhon,
            include_str!("../../examples/so-gddt-annual-2024.json"),
        ] {
            same(&crate::Report::from_json(text).unwrap());
        }
    }
}
