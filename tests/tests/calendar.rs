//! Properties of the working-day calendar and of deadlines.

use proptest::prelude::*;
use treem::calendar::LAST_PROJECTED_YEAR;
use treem::{
    Calendar, CivilDate, Deadline, DueRule, Label, Period, Reading, ReportKind, TimelinessStatus,
};

/// A day whose day before the calendar also covers (it starts on 1 January 2024, and a due date
/// read "before" looks at the day before: 2024-01-01 would ask about 2023).
fn arb_date() -> impl Strategy<Value = CivilDate> {
    (2024..=LAST_PROJECTED_YEAR - 1, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| CivilDate::from_ymd(y, m, d).unwrap())
        .prop_filter("the day before must be covered", |d| {
            d.to_string() != "2024-01-01"
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
            start: CivilDate::from_ymd(date.year(), 1, 1).unwrap(),
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn with_roll_forward_the_last_on_time_day_is_a_working_day(due in arb_date(), by in any::<bool>()) {
        let cal = Calendar::embedded();
        let reading = if by { Reading::By } else { Reading::Before };
        let deadline = Deadline::compute(cal, &kind(due, reading, true), None).unwrap();
        prop_assert!(cal.is_working_day(deadline.last_on_time_day).unwrap());
        prop_assert!(deadline.last_on_time_day >= due.naive().pred_opt().map(|d| CivilDate::from_naive(d).unwrap()).unwrap());
    }

    #[test]
    fn adding_zero_working_days_is_the_identity(day in arb_date()) {
        prop_assert_eq!(Calendar::embedded().add_working_days(day, 0).unwrap(), day);
    }

    #[test]
    fn working_days_between_are_additive(a in arb_date(), b in arb_date(), c in arb_date()) {
        let cal = Calendar::embedded();
        let ab = cal.working_days_between(a, b).unwrap();
        let bc = cal.working_days_between(b, c).unwrap();
        let ac = cal.working_days_between(a, c).unwrap();
        prop_assert_eq!(ab + bc, ac);
    }

    #[test]
    fn adding_n_working_days_then_counting_gives_n(day in arb_date(), n in 0u32..40) {
        let cal = Calendar::embedded();
        let later = cal.add_working_days(day, n).unwrap();
        prop_assert_eq!(cal.working_days_between(day, later).unwrap(), i64::from(n));
        prop_assert!(n == 0 || cal.is_working_day(later).unwrap());
    }

    #[test]
    fn late_exactly_after_the_last_on_time_day(due in arb_date(), offset in -20i64..20) {
        let cal = Calendar::embedded();
        let deadline = Deadline::compute(cal, &kind(due, Reading::Before, true), None).unwrap();
        let submitted = CivilDate::from_naive(deadline.last_on_time_day.naive() + chrono_days(offset)).unwrap();
        let t = deadline.timeliness(cal, submitted).unwrap();
        prop_assert_eq!(t.status == TimelinessStatus::Late, offset > 0);
        prop_assert_eq!(t.days_late, offset.max(0));
        prop_assert!(t.working_days_late <= t.days_late);
    }
}

fn chrono_days(n: i64) -> chrono::TimeDelta {
    chrono::TimeDelta::days(n)
}
