//! The properties the conformance suite checks on generated input, each as a function from a
//! generated value to a verdict. `tests/tests/*.rs` run them under `proptest!` (failing seeds
//! kept in `tests/proptest-regressions/`); `treem conformance` runs them with a seed of its own.

use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde_json::{Map, Value};
use treem::calendar::LAST_PROJECTED_YEAR;
use treem::sample::SplitMix64;
use treem::{
    Calendar, Catalog, CivilDate, Deadline, DueRule, Label, Period, Profile, Reading, Report,
    ReportKind, TimelinessStatus, check_structure, validate_json,
};

use crate::generate::{Style, arb_report, arb_style, render};
use crate::mutate::{DEFECTS, Defect, Subject};

/// The codes of a validation's findings, each once, sorted.
fn codes(outcome: &treem::Validation) -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = outcome.findings.iter().map(|f| f.code).collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

fn findings(outcome: &treem::Validation) -> Vec<(&'static str, String)> {
    let mut all: Vec<_> = outcome
        .findings
        .iter()
        .map(|f| (f.code, f.path.clone()))
        .collect();
    all.sort();
    all
}

/// The text a single-defect case validates: the mutated report in `style`.
///
/// # Errors
///
/// A rejection when the report offers nothing for the defect to break.
pub fn single_defect_text(
    defect: &Defect,
    report: &Report,
    seed: u64,
    style: Style,
) -> Result<String, TestCaseError> {
    let profile = Profile::find_embedded(&report.profile)
        .map_err(|e| TestCaseError::fail(format!("generated report: {e}")))?;
    let catalog = Catalog::embedded(&profile.catalog)
        .ok_or_else(|| TestCaseError::fail("generated report: no catalog"))?;
    let mut subject = Subject {
        doc: serde_json::to_value(report).map_err(|e| TestCaseError::fail(e.to_string()))?,
        report,
        profile,
        catalog,
        rng: SplitMix64::new(seed),
        text: None,
        style,
    };
    (defect.apply)(&mut subject)
        .ok_or_else(|| TestCaseError::reject(format!("nothing for {} to break", defect.rule)))?;
    Ok(match subject.text {
        Some(text) => text,
        None => render(&subject.doc, style),
    })
}

/// A valid report broken by one defect: exactly the defect's rule fires, and the findings are
/// the same whatever the text's style (key order, indentation, NFC or NFD).
///
/// # Errors
///
/// What fired instead, or a rejection when the report offers nothing to break.
pub fn single_defect(
    defect: &Defect,
    report: &Report,
    seed: u64,
    style: Style,
) -> Result<(), TestCaseError> {
    let text = single_defect_text(defect, report, seed, style)?;
    let outcome = validate_json(&text)
        .map_err(|e| TestCaseError::fail(format!("{}: not validated: {e}", defect.rule)))?;
    let fired = codes(&outcome);
    prop_assert_eq!(
        &fired,
        &vec![defect.rule],
        "breaking {} made {:?} fire",
        defect.rule,
        findings(&outcome)
    );
    let plain = single_defect_text(defect, report, seed, Style::PLAIN)?;
    let reference = validate_json(&plain).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(
        findings(&outcome),
        findings(&reference),
        "the style {:?} changed the findings",
        style
    );
    // And it fires where the defect is: each finding's path is, contains or lies within a
    // place the mutator changed.
    let before = serde_json::to_value(report).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let after: Value =
        serde_json::from_str(&plain).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut changed = Vec::new();
    changed_places(&before, &after, String::new(), &mut changed);
    if !changed.is_empty() {
        for (_, path) in findings(&outcome) {
            prop_assert!(
                changed.iter().any(|c| nested(c, &path)),
                "{} fired at {} but the defect is at {:?}",
                defect.rule,
                path,
                changed
            );
        }
    }
    Ok(())
}

/// The JSON Pointers where `b` differs from `a`: the deepest changed values, and added or
/// removed keys and items.
fn changed_places(a: &Value, b: &Value, at: String, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for key in x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))) {
                let here = treem::pointer_push(&at, key);
                match (x.get(key), y.get(key)) {
                    (Some(v), Some(w)) => changed_places(v, w, here, out),
                    _ => out.push(here),
                }
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                let here = format!("{at}/{i}");
                match (x.get(i), y.get(i)) {
                    (Some(v), Some(w)) => changed_places(v, w, here, out),
                    _ => out.push(here),
                }
            }
        }
        _ if a != b => out.push(at),
        _ => {}
    }
}

/// Whether one pointer is the other or lies within it.
fn nested(a: &str, b: &str) -> bool {
    let within = |inner: &str, outer: &str| {
        inner == outer
            || inner
                .strip_prefix(outer)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    within(a, b) || within(b, a)
}

/// Every defect with a generated report, a seed for its choices and a style.
pub fn arb_single_defect() -> impl Strategy<Value = (&'static Defect, Report, u64, Style)> {
    (
        select(DEFECTS.iter().collect::<Vec<_>>()),
        arb_report(),
        any::<u64>(),
        arb_style(),
    )
}

/// A generated report is valid in every style, and nothing is lost: parse → serialise → parse
/// is the identity, and serialising again gives the same text.
///
/// # Errors
///
/// The findings of a generated report, or what changed on the round trip.
pub fn valid_in_every_style_and_round_trips(
    report: &Report,
    style: Style,
) -> Result<(), TestCaseError> {
    let text = report.to_json_pretty();
    let outcome = validate_json(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(outcome.findings.is_empty(), "{:?}", findings(&outcome));
    let again = Report::from_json(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&again, report);
    prop_assert_eq!(again.to_json_pretty(), text);

    let value = serde_json::to_value(report).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let styled = render(&value, style);
    let outcome = validate_json(&styled).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(
        outcome.findings.is_empty(),
        "in style {:?}: {:?}",
        style,
        findings(&outcome)
    );
    // NFD input is read as NFC: the same report.
    let read = Report::from_json(&styled).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&read, report);
    Ok(())
}

/// Keys a report uses, so that arbitrary objects often look like (broken) reports.
const KEYS: &[&str] = &[
    "profile",
    "kind",
    "year",
    "reporter",
    "id",
    "name",
    "submitted_on",
    "data_as_of",
    "estimated",
    "prepared_by",
    "signed_by",
    "title",
    "sections",
    "task",
    "status",
    "narrative",
    "documents",
    "number",
    "date",
    "measures",
    "total",
    "by",
    "sex",
    "male",
    "female",
    "indicators",
    "annex",
    "code",
    "value",
    "numerator",
    "denominator",
    "abuse.children",
];

fn arb_key() -> impl Strategy<Value = String> {
    prop_oneof![3 => select(KEYS).prop_map(str::to_owned), 1 => "[a-zA-Z_./~ ]{0,8}"]
}

fn arb_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0u64..300).prop_map(Value::from),
        (-1e20f64..1e20).prop_map(Value::from),
        select(
            &[
                "2024-05-14",
                "2024-02-30",
                "2024-5-1",
                "done",
                "half_year",
                "I",
                "II",
                "540",
                "binh-dinh-2024"
            ][..]
        )
        .prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
    ]
}

/// Any JSON value, with keys that often look like a report's.
pub fn arb_json() -> impl Strategy<Value = Value> {
    arb_leaf().prop_recursive(5, 80, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((arb_key(), inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Every JSON Pointer-like path (as token lists) in `value`.
fn paths(value: &Value, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(prefix.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                prefix.push(k.clone());
                paths(v, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                prefix.push(i.to_string());
                paths(v, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn at_mut<'v>(value: &'v mut Value, path: &[String]) -> Option<&'v mut Value> {
    path.iter().try_fold(value, |v, token| match v {
        Value::Object(map) => map.get_mut(token),
        Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
        _ => None,
    })
}

/// A blind change to a report: anything, anywhere.
#[derive(Clone, Debug)]
pub enum Mutation {
    /// Replace the value with any JSON.
    Replace(Value),
    /// Remove the value.
    Remove,
    /// Insert a key into the object.
    Insert(String, Value),
    /// An object becomes the array of its values, a string `s` the map `{s: null}`: shapes
    /// serde's derived code would accept for structs and enums but the wire format forbids.
    Reshape,
}

/// Any [`Mutation`].
pub fn arb_mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        arb_json().prop_map(Mutation::Replace),
        Just(Mutation::Remove),
        (arb_key(), arb_json()).prop_map(|(k, v)| Mutation::Insert(k, v)),
        Just(Mutation::Reshape),
    ]
}

/// Applies `mutations` at places `at` picks.
pub fn mutate(mut doc: Value, at: Index, mutations: &[Mutation]) -> Value {
    for (n, mutation) in mutations.iter().enumerate() {
        let mut all = Vec::new();
        paths(&doc, &mut Vec::new(), &mut all);
        let path = all[(at.index(all.len()) + n * 7) % all.len()].clone();
        match mutation {
            Mutation::Replace(v) => {
                if let Some(slot) = at_mut(&mut doc, &path) {
                    *slot = v.clone();
                }
            }
            Mutation::Remove => {
                if let Some((last, parent)) = path.split_last() {
                    match at_mut(&mut doc, parent) {
                        Some(Value::Object(map)) => {
                            map.remove(last);
                        }
                        Some(Value::Array(items)) => {
                            if let Ok(i) = last.parse::<usize>() {
                                if i < items.len() {
                                    items.remove(i);
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            Mutation::Insert(k, v) => {
                if let Some(Value::Object(map)) = at_mut(&mut doc, &path) {
                    map.insert(k.clone(), v.clone());
                }
            }
            Mutation::Reshape => {
                if let Some(slot) = at_mut(&mut doc, &path) {
                    *slot = match slot.take() {
                        Value::Object(map) => {
                            Value::Array(map.into_iter().map(|(_, v)| v).collect())
                        }
                        Value::String(s) => Value::Object(Map::from_iter([(s, Value::Null)])),
                        other => other,
                    };
                }
            }
        }
    }
    doc
}

/// The invariants every input keeps: no panic; treem's decoder and the model's serde
/// `Deserialize` agree on what is well-formed and read the same report; the reserved
/// `structure.other` never fires; every finding names a documented rule and has a message in
/// both languages; a report is complete exactly when it has no structural problem.
///
/// # Errors
///
/// The broken invariant.
pub fn invariants(text: &str) -> Result<(), TestCaseError> {
    let outcome = validate_json(text).map_err(|e| TestCaseError::fail(format!("not JSON? {e}")))?;
    let structural =
        check_structure(text).map_err(|e| TestCaseError::fail(format!("not JSON? {e}")))?;
    let serde: Result<Report, _> = serde_json::from_str(text);
    prop_assert_eq!(
        serde.is_ok(),
        structural.is_empty(),
        "serde: {:?}\nstructural: {:?}",
        serde.as_ref().err(),
        structural
    );
    if let Ok(report) = &serde {
        let ours = Report::from_json(text).ok();
        prop_assert_eq!(ours.as_ref(), Some(report));
    }
    prop_assert!(!outcome.findings.iter().any(|f| f.code == "structure.other"));
    for f in &outcome.findings {
        prop_assert!(
            treem::rules::rule(f.code).is_some(),
            "undocumented code {}",
            f.code
        );
        prop_assert!(
            !f.message(treem::Lang::Vi).is_empty() && !f.message(treem::Lang::En).is_empty()
        );
    }
    prop_assert_eq!(outcome.complete, structural.is_empty());
    Ok(())
}

/// Blind mutations of generated reports, compact and indented: the invariants hold and the
/// indentation does not change the findings.
///
/// # Errors
///
/// The broken invariant.
pub fn blind_mutations(
    report: &Report,
    at: Index,
    mutations: &[Mutation],
) -> Result<(), TestCaseError> {
    let value = serde_json::to_value(report).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let doc = mutate(value, at, mutations);
    let compact = doc.to_string();
    let pretty =
        serde_json::to_string_pretty(&doc).map_err(|e| TestCaseError::fail(e.to_string()))?;
    invariants(&compact)?;
    invariants(&pretty)?;
    let a = validate_json(&compact).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let b = validate_json(&pretty).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(findings(&a), findings(&b));
    Ok(())
}

// ---- calendar ------------------------------------------------------------------------------

/// A day the calendar covers whose day before it also covers (a due date read "before" looks
/// at the day before; the calendar starts on 1 January 2024).
pub fn arb_date() -> impl Strategy<Value = CivilDate> {
    (2024..=LAST_PROJECTED_YEAR - 1, 1u32..=12, 1u32..=28)
        .prop_filter_map("the day before must be covered", |(y, m, d)| {
            CivilDate::from_ymd(y, m, d).filter(|_| (y, m, d) != (2024, 1, 1))
        })
}

fn kind(date: CivilDate, reading: Reading, roll_forward: bool) -> ReportKind {
    ReportKind {
        id: "k".into(),
        name: Label {
            vi: "k".into(),
            en: "k".into(),
        },
        period: Period {
            start: CivilDate::from_ymd(date.year(), 1, 1).unwrap_or(date),
            end: date,
        },
        due: DueRule {
            date,
            wording: None,
            reading,
            roll_forward,
        },
    }
}

fn fail(e: treem::Error) -> TestCaseError {
    TestCaseError::fail(e.to_string())
}

/// Calendar arithmetic: adding zero working days is the identity; adding n and counting back
/// gives n and lands on a working day; counts between days are additive.
///
/// # Errors
///
/// The broken law.
pub fn working_day_arithmetic(
    a: CivilDate,
    b: CivilDate,
    c: CivilDate,
    n: u32,
) -> Result<(), TestCaseError> {
    let cal = Calendar::embedded();
    prop_assert_eq!(cal.add_working_days(a, 0).map_err(fail)?, a);
    let later = cal.add_working_days(a, n).map_err(fail)?;
    prop_assert_eq!(
        cal.working_days_between(a, later).map_err(fail)?,
        i64::from(n)
    );
    prop_assert!(n == 0 || cal.is_working_day(later).map_err(fail)?);
    let ab = cal.working_days_between(a, b).map_err(fail)?;
    let bc = cal.working_days_between(b, c).map_err(fail)?;
    let ac = cal.working_days_between(a, c).map_err(fail)?;
    prop_assert_eq!(ab + bc, ac);
    Ok(())
}

/// Deadlines: with roll-forward the last on-time day is a working day no earlier than the day
/// before the due date; a report is late exactly when submitted after the last on-time day, by
/// that many days, and never by more working days than days.
///
/// # Errors
///
/// The broken law.
pub fn deadline_laws(due: CivilDate, by: bool, offset: i64) -> Result<(), TestCaseError> {
    let cal = Calendar::embedded();
    let reading = if by { Reading::By } else { Reading::Before };
    let deadline = Deadline::compute(cal, &kind(due, reading, true), None).map_err(fail)?;
    prop_assert!(
        cal.is_working_day(deadline.last_on_time_day)
            .map_err(fail)?
    );
    let day_before = due
        .naive()
        .pred_opt()
        .and_then(|d| CivilDate::from_naive(d).ok())
        .ok_or_else(|| TestCaseError::fail("no day before"))?;
    prop_assert!(deadline.last_on_time_day >= day_before);
    let submitted =
        CivilDate::from_naive(deadline.last_on_time_day.naive() + chrono::TimeDelta::days(offset))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let t = deadline.timeliness(cal, submitted).map_err(fail)?;
    prop_assert_eq!(t.status == TimelinessStatus::Late, offset > 0);
    prop_assert_eq!(t.days_late, offset.max(0));
    prop_assert!(t.working_days_late <= t.days_late);
    Ok(())
}

/// Text that is often almost a report: a generated report cut short, with a few characters
/// put in somewhere, or any short text at all.
pub fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,64}",
        (
            arb_report(),
            any::<Index>(),
            any::<Index>(),
            "[{}\\[\\]\",:0-9a-zơ\\\\ ]{0,3}"
        )
            .prop_map(|(report, cut, at, insert)| {
                let text = report.to_json_pretty();
                let bounds: Vec<usize> = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([text.len()])
                    .collect();
                let end = bounds[cut.index(bounds.len())];
                let mut text = text[..end].to_owned();
                let places: Vec<usize> = bounds.into_iter().filter(|&i| i <= end).collect();
                text.insert_str(places[at.index(places.len())], &insert);
                text
            }),
    ]
}

/// Any text: validation answers (findings, or an error such as `json_syntax`) and never panics;
/// what it reads as well-formed, serde reads the same.
///
/// # Errors
///
/// A broken invariant (a panic fails the property too).
pub fn any_text(text: &str) -> Result<(), TestCaseError> {
    if serde_json::from_str::<Value>(text).is_ok() {
        return invariants(text);
    }
    prop_assert!(
        validate_json(text).is_err(),
        "text that is not JSON was validated: {text:?}"
    );
    prop_assert!(check_structure(text).is_err());
    Ok(())
}

// ---- examples of generated profiles ---------------------------------------------------------

/// A profile that loads, drawn from the embedded one: another year, periods and due dates
/// anywhere around them (a due date before its period starts, long after it ends), measures
/// left out (with the relations and duties that name them), scales from 1 to the largest
/// `u64`, cumulative or not, departments with any remit.
pub fn arb_profile() -> impl Strategy<Value = Profile> {
    any::<u64>().prop_map(|seed| {
        let mut rng = SplitMix64::new(seed);
        let mut p = Profile::default_profile().clone();
        p.id = format!("generated-{seed:x}");
        let year = rng.between(2024, 2099) as i32;
        p.year = year as u16;
        for kind in &mut p.report_kinds {
            let start =
                CivilDate::from_ymd(year, rng.between(1, 12) as u32, rng.between(1, 28) as u32)
                    .expect("a day that exists");
            let length = rng.between(0, 364);
            let end = CivilDate::from_naive(start.naive() + chrono::Duration::days(length as i64))
                .expect("within the years a date has");
            kind.period = Period { start, end };
            let offset = rng.between(0, 430) as i64 - 30;
            kind.due.date = CivilDate::from_naive(start.naive() + chrono::Duration::days(offset))
                .expect("within the years a date has");
            kind.due.reading = if rng.between(0, 1) == 0 {
                Reading::Before
            } else {
                Reading::By
            };
            kind.due.roll_forward = rng.between(0, 1) == 0;
        }
        let scales = [
            None,
            Some(0),
            Some(1),
            Some(7),
            Some(1_000_000),
            Some(1 << 40),
            Some(100_000_000_000_000_000),
            Some(u64::MAX),
        ];
        for m in &mut p.measures {
            m.scale = scales[rng.between(0, scales.len() as u64 - 1) as usize];
            m.cumulative = rng.between(0, 1) == 0;
        }
        // Leave out some measures, and what names them.
        let dropped: Vec<String> = p
            .measures
            .iter()
            .filter(|_| rng.between(0, 5) == 0)
            .map(|m| m.id.clone())
            .collect();
        p.measures.retain(|m| !dropped.contains(&m.id));
        p.relations
            .retain(|r| !dropped.contains(&r.part) && !dropped.contains(&r.whole));
        for k in &mut p.reporter_kinds {
            k.required_measures
                .retain(|r| !dropped.contains(&r.measure));
        }
        let tasks: Vec<u8> = p.sections.iter().map(|s| s.task).collect();
        for r in &mut p.reporters {
            if !r.remit.is_empty() {
                r.remit = tasks
                    .iter()
                    .copied()
                    .filter(|_| rng.between(0, 2) > 0)
                    .collect();
            }
        }
        p
    })
}

/// `treem example` gives a valid report for every report kind and reporter of a profile that
/// loads: read back from its JSON, no finding is an error.
///
/// # Errors
///
/// The first example that is not valid, with its findings.
pub fn examples_are_valid(profile: &Profile, seed: u64) -> Result<(), TestCaseError> {
    let text = serde_json::to_string(profile).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let profile = Profile::from_json(&text)
        .map_err(|e| TestCaseError::fail(format!("the generated profile does not load: {e}")))?;
    let validator =
        treem::Validator::new(profile.clone()).map_err(|e| TestCaseError::fail(e.to_string()))?;
    for kind in &profile.report_kinds {
        for reporter in &profile.reporters {
            let report = treem::sample::example(&profile, &kind.id, &reporter.id, seed)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let json = report.to_json_pretty();
            let outcome = validator
                .validate_json(&json)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let errors: Vec<_> = outcome
                .findings
                .iter()
                .filter(|f| f.severity == treem::Severity::Error)
                .map(|f| (f.code, f.path.clone(), f.message(treem::Lang::En)))
                .collect();
            prop_assert!(
                errors.is_empty(),
                "{} {} of {}: {:?}\n{json:.400}",
                kind.id,
                reporter.id,
                profile.id,
                errors
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_places_and_nesting() {
        let a = serde_json::json!({ "a": { "b": 1, "c": [1, 2] }, "d": "x" });
        let b = serde_json::json!({ "a": { "b": 2, "c": [1] }, "e/f": true, "d": "x" });
        let mut out = Vec::new();
        changed_places(&a, &b, String::new(), &mut out);
        out.sort();
        assert_eq!(out, ["/a/b", "/a/c/1", "/e~1f"]);
        assert!(nested("/a/b", "/a"));
        assert!(nested("/a", "/a/b"));
        assert!(nested("/a/b", "/a/b"));
        assert!(!nested("/a/bc", "/a/b"));
        assert!(!nested("/x", "/a"));
    }
}
