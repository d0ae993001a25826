//! The shipped examples and every generated example are valid.

use treem::{Profile, validate_json};
use treem_conformance::json_files;

#[test]
fn every_example_file_is_valid() {
    let files = json_files("examples");
    assert!(
        files.len() >= 3,
        "examples/ should hold at least three reports"
    );
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let outcome = validate_json(&text).unwrap();
        assert!(
            outcome.is_valid(),
            "{}: {:?}",
            path.display(),
            outcome.findings
        );
        assert!(
            outcome.findings.is_empty(),
            "{}: {:?}",
            path.display(),
            outcome.findings
        );
    }
}

#[test]
fn generated_examples_are_valid_for_every_reporter_and_kind() {
    let profile = Profile::default_profile();
    for reporter in &profile.reporters {
        for kind in &profile.report_kinds {
            for seed in 0..5 {
                let report = treem::sample::example(profile, &kind.id, &reporter.id, seed).unwrap();
                let outcome = validate_json(&report.to_json_pretty()).unwrap();
                assert!(
                    outcome.findings.is_empty(),
                    "{} {} {seed}: {:?}",
                    reporter.id,
                    kind.id,
                    outcome.findings
                );
            }
        }
    }
}

#[test]
fn the_quy_nhon_example_is_a_half_year_report_of_540() {
    let text = treem_conformance::read("examples/quy-nhon-half-year-2024.json");
    let report = treem::Report::from_json(&text).unwrap();
    assert_eq!(
        (report.reporter.id.as_str(), report.kind.as_str()),
        ("540", "half_year")
    );
    assert_eq!(report.sections.len(), 10);
}
