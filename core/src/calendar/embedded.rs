//! The embedded civil-service schedule as Rust data (`embedded/data.rs`, generated from the data
//! file by a test), and its reading into [`YearSchedule`]s: no parsing, no checks at run time
//! (the test checks the file as any schedule is checked).

use super::{Occasion, Role, ScheduledDay, Source, YearSchedule};
use crate::date::CivilDate;

#[rustfmt::skip] // generated (see the file), compared byte for byte by a test
mod data;

/// The shapes of the generated data.
mod table {
    use super::{Occasion, Role, Source};

    /// A year of the schedule.
    pub(in crate::calendar) struct Year {
        pub year: i32,
        pub status: Source,
        pub source: &'static str,
        pub days: &'static [Day],
    }

    /// A day of a year, its dates as (year, month, day).
    pub(in crate::calendar) struct Day {
        pub date: (i32, u32, u32),
        pub occasion: Occasion,
        pub role: Role,
        pub replaces: Option<(i32, u32, u32)>,
    }
}

fn date((year, month, day): (i32, u32, u32)) -> CivilDate {
    CivilDate::from_ymd(year, month, day)
        .unwrap_or_else(|| unreachable!("the embedded schedule's dates are checked by a test"))
}

/// The embedded schedule's years.
pub(super) fn years() -> impl Iterator<Item = YearSchedule> {
    data::YEARS.iter().map(|y| YearSchedule {
        year: y.year,
        status: y.status,
        source: y.source.to_owned(),
        days: y
            .days
            .iter()
            .map(|d| ScheduledDay {
                date: date(d.date),
                occasion: d.occasion,
                role: d.role,
                replaces: d.replaces.map(date),
            })
            .collect(),
    })
}
