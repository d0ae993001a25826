//! The test vectors (`tests/vectors/`): every case gives its expected result, and every rule has
//! cases where it fires and where it holds, and a single-defect mutator.

use treem::RULES;
use treem_conformance::conformance::{coverage_gaps, default_vectors};
use treem_conformance::mutate::{DEFECTS, without_mutator};
use treem_conformance::vectors::{self, Case, Suite};

fn cases() -> Vec<Case> {
    vectors::load(&default_vectors()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_vector_gives_its_expected_result() {
    let cases = cases();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            vectors::run(case)
                .err()
                .map(|why| format!("{} ({}):\n  {why}", case.name(), case.description))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} vector(s) failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_suite_has_vectors() {
    let cases = cases();
    for suite in Suite::ALL {
        assert!(
            cases.iter().filter(|c| c.suite == suite).count() >= 5,
            "too few {suite} vectors"
        );
    }
}

#[test]
fn every_rule_has_a_case_where_it_fires_and_one_where_it_holds() {
    let cases = cases();
    let mut missing = Vec::new();
    for rule in RULES {
        let own: Vec<Vec<String>> = cases
            .iter()
            .filter(|c| c.rule.as_deref() == Some(rule.code))
            .filter_map(vectors::expected_codes)
            .collect();
        let fires = own
            .iter()
            .filter(|codes| codes.iter().any(|c| c == rule.code))
            .count();
        let gaps = coverage_gaps(rule.code, fires, own.len() - fires, true);
        if !gaps.is_empty() {
            missing.push(format!("{}: {}", rule.code, gaps.join("; ")));
        }
    }
    assert!(
        missing.is_empty(),
        "rules without vectors in tests/vectors/{{validation,consolidation}}/<code>.json:\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn every_rule_has_exactly_one_mutator_unless_it_cannot_fire() {
    for rule in RULES {
        let mutators = DEFECTS.iter().filter(|d| d.rule == rule.code).count();
        let exempt = without_mutator(rule.code).is_some();
        assert_eq!(
            mutators,
            usize::from(!exempt),
            "{}: {mutators} mutator(s) in tests/src/mutate.rs",
            rule.code
        );
    }
    for defect in DEFECTS {
        assert!(treem::rules::rule(defect.rule).is_some(), "{}", defect.rule);
    }
}

#[test]
fn every_vector_file_names_a_rule_that_exists() {
    for case in cases() {
        if let Some(rule) = &case.rule {
            assert!(
                treem::rules::rule(rule).is_some(),
                "{}: unknown rule {rule}",
                case.name()
            );
        }
    }
}
