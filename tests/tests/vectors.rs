//! The validation vectors: language-neutral cases, each with its exact expected findings.

use treem::{RULES, validate_json};
use treem_tests::validation_cases;

/// Rules that no valid input can make fire, with the reason. Every other rule needs vectors.
const NEVER_FIRES: &[(&str, &str)] = &[(
    "structure.other",
    "reserved: fired when two parsers disagreed; with one decoder it cannot fire, and the property tests assert it never does",
)];

#[test]
fn every_vector_gives_exactly_its_findings() {
    let mut failures = Vec::new();
    for (_, case) in validation_cases() {
        let outcome = validate_json(&case.text).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let mut got: Vec<(String, String)> = outcome
            .findings
            .iter()
            .map(|f| (f.code.to_owned(), f.path.clone()))
            .collect();
        got.sort();
        if got != case.findings || outcome.is_valid() != case.valid {
            failures.push(format!(
                "{} ({}):\n    expected {:?} valid={}\n    got      {:?} valid={}",
                case.name,
                case.description,
                case.findings,
                case.valid,
                got,
                outcome.is_valid()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} vector(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_a_case_where_it_fires_and_one_where_it_holds() {
    let cases = validation_cases();
    let mut missing = Vec::new();
    for rule in RULES {
        if NEVER_FIRES.iter().any(|(code, _)| *code == rule.code) {
            continue;
        }
        let own: Vec<_> = cases
            .iter()
            .filter(|(r, _)| r == rule.code)
            .map(|(_, c)| c)
            .collect();
        let fires = own
            .iter()
            .any(|c| c.findings.iter().any(|(code, _)| code == rule.code));
        let holds = own
            .iter()
            .any(|c| !c.findings.iter().any(|(code, _)| code == rule.code));
        if !fires || !holds {
            missing.push(format!("{} (fires: {fires}, holds: {holds})", rule.code));
        }
    }
    assert!(
        missing.is_empty(),
        "rules without vectors in tests/vectors/validation/<code>.json:\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn every_vector_file_names_a_rule_that_exists() {
    for (rule, case) in validation_cases() {
        assert!(
            treem::rules::rule(&rule).is_some(),
            "{}: unknown rule {rule}",
            case.name
        );
    }
}
