//! Properties of the working-day calendar and of deadlines (the laws are in
//! `treem_conformance::properties`, shared with `treem conformance`).

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use treem_conformance::properties::{arb_date, deadline_laws, working_day_arithmetic};

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/calendar.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn working_day_arithmetic_holds(a in arb_date(), b in arb_date(), c in arb_date(), n in 0u32..40) {
        working_day_arithmetic(a, b, c, n)?;
    }

    #[test]
    fn deadlines_and_lateness_hold(due in arb_date(), by in any::<bool>(), offset in -20i64..20) {
        deadline_laws(due, by, offset)?;
    }
}
