//! Properties of parsing and structural validation, over generated and mutated reports and
//! arbitrary JSON.

use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde_json::{Map, Value};
use treem::{Profile, Report, check_structure, validate_json};

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

fn arb_json() -> impl Strategy<Value = Value> {
    arb_leaf().prop_recursive(5, 80, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((arb_key(), inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A valid generated report of any reporter and kind.
fn arb_report() -> impl Strategy<Value = Report> {
    let profile = Profile::default_profile();
    let reporters: Vec<String> = profile.reporters.iter().map(|r| r.id.clone()).collect();
    let kinds: Vec<String> = profile.report_kinds.iter().map(|k| k.id.clone()).collect();
    (select(reporters), select(kinds), any::<u64>()).prop_map(|(reporter, kind, seed)| {
        treem::sample::example(Profile::default_profile(), &kind, &reporter, seed).unwrap()
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

#[derive(Clone, Debug)]
enum Mutation {
    Replace(Value),
    Remove,
    Insert(String, Value),
    /// An object becomes the array of its values, a string `s` the map `{s: null}`: shapes
    /// serde's derived code would accept for structs and enums but the wire format forbids.
    Reshape,
}

fn arb_mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        arb_json().prop_map(Mutation::Replace),
        Just(Mutation::Remove),
        (arb_key(), arb_json()).prop_map(|(k, v)| Mutation::Insert(k, v)),
        Just(Mutation::Reshape),
    ]
}

fn mutate(mut doc: Value, at: Index, mutations: &[Mutation]) -> Value {
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

/// The invariants every input must keep.
fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let outcome = validate_json(text).map_err(|e| TestCaseError::fail(format!("not JSON? {e}")))?;
    let structural = check_structure(text).unwrap();
    // Two independent implementations agree on every input: treem's own decoder (which the
    // validator and the WebAssembly build use) and the model's serde `Deserialize`.
    let serde: Result<Report, _> = serde_json::from_str(text);
    prop_assert_eq!(
        serde.is_ok(),
        structural.is_empty(),
        "serde: {:?}\nstructural: {:?}",
        serde.err(),
        structural
    );
    // And when both accept, they read the same report.
    if let Ok(report) = &serde {
        let ours = Report::from_json(text).ok();
        prop_assert_eq!(ours.as_ref(), Some(report));
    }
    // The fallback for a disagreement never fires.
    prop_assert!(!outcome.findings.iter().any(|f| f.code == "structure.other"));
    // Every finding names a documented rule and renders in both languages.
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
    // A report is complete exactly when it had no structural problem.
    prop_assert_eq!(outcome.complete, structural.is_empty());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics_and_parsers_agree(value in arb_json()) {
        check_invariants(&value.to_string())?;
    }

    #[test]
    fn mutated_reports_never_panic_and_parsers_agree(
        report in arb_report(),
        at in any::<Index>(),
        mutations in prop::collection::vec(arb_mutation(), 1..4),
    ) {
        let doc = mutate(serde_json::to_value(&report).unwrap(), at, &mutations);
        check_invariants(&doc.to_string())?;
        check_invariants(&serde_json::to_string_pretty(&doc).unwrap())?;
    }

    #[test]
    fn generated_reports_are_valid_and_round_trip(report in arb_report()) {
        let text = report.to_json_pretty();
        let outcome = validate_json(&text).unwrap();
        prop_assert!(outcome.findings.is_empty(), "{:?}", outcome.findings);
        // Nothing lost: parse → serialise → parse is the identity.
        let again = Report::from_json(&text).unwrap();
        prop_assert_eq!(&again, &report);
        prop_assert_eq!(again.to_json_pretty(), text);
    }

    #[test]
    fn whitespace_does_not_change_the_verdict(
        report in arb_report(),
        at in any::<Index>(),
        mutation in arb_mutation(),
    ) {
        let doc = mutate(serde_json::to_value(&report).unwrap(), at, &[mutation]);
        let compact = validate_json(&doc.to_string()).unwrap();
        let pretty = validate_json(&serde_json::to_string_pretty(&doc).unwrap()).unwrap();
        let key = |v: &treem::Validation| v.findings.iter().map(|f| (f.code, f.path.clone())).collect::<Vec<_>>();
        prop_assert_eq!(key(&compact), key(&pretty));
    }
}
