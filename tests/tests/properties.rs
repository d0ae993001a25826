//! Properties over generated, mutated and arbitrary input (the properties themselves are in
//! `treem_conformance::properties`, shared with `treem conformance`). Failing seeds are kept in
//! `tests/proptest-regressions/properties.txt` and re-run first.

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::FileFailurePersistence;
use treem_conformance::generate::{arb_report, arb_style};
use treem_conformance::properties::{
    any_text, arb_json, arb_mutation, arb_single_defect, arb_text, blind_mutations, invariants,
    single_defect, valid_in_every_style_and_round_trips,
};

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        max_global_rejects: 20_000,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/properties.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn one_defect_breaks_exactly_its_rule((defect, report, seed, style) in arb_single_defect()) {
        single_defect(defect, &report, seed, style)?;
    }

    #[test]
    fn generated_reports_are_valid_in_every_style_and_round_trip(report in arb_report(), style in arb_style()) {
        valid_in_every_style_and_round_trips(&report, style)?;
    }

    #[test]
    fn arbitrary_json_never_panics_and_parsers_agree(value in arb_json()) {
        invariants(&value.to_string())?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in arb_text()) {
        any_text(&text)?;
    }

    #[test]
    fn mutated_reports_never_panic_and_parsers_agree(
        report in arb_report(),
        at in any::<Index>(),
        mutations in prop::collection::vec(arb_mutation(), 1..4),
    ) {
        blind_mutations(&report, at, &mutations)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/examples.txt"))),
        ..ProptestConfig::default()
    })]

    /// `treem example` gives a valid report for every kind and reporter of any profile that
    /// loads.
    #[test]
    fn examples_of_any_profile_are_valid(
        profile in treem_conformance::properties::arb_profile(),
        seed in any::<u64>(),
    ) {
        treem_conformance::properties::examples_are_valid(&profile, seed)?;
    }
}
