//! The Vietnamese civil-service calendar: which days public agencies work.
//!
//! Monday to Friday are working days, except statutory holidays (Labour Code 2019, art. 112),
//! compensatory days for holidays that fall on a weekend (art. 111(3)) and weekdays the
//! government gives off in exchange for a Saturday made up as a working day. Official schedules
//! (2024–2026) are data, embedded from `core/data/calendar/`, and a newer schedule file can be
//! loaded at run time ([`Calendar::with_schedule_json`]). Other years up to
//! [`LAST_PROJECTED_YEAR`] are projected from the statutory rules and the lunar calendar, and
//! every projected day says so; a year before the first official one, or after the projection's
//! reach, is an error, never a guess.
//!
//! **The projection's choices.** Tết (Lunar New Year) is the last day of the old lunar year and
//! the first four of the new one. National Day is 2 September and the adjacent day that joins it
//! to a weekend where there is one: 1 September when 2 September is a Tuesday or Wednesday,
//! 3 September otherwise (this reproduces 2024–2026). Every holiday that falls on a Saturday or
//! Sunday gives a compensatory day off on the next working day. Swaps of a weekday for a Saturday
//! are decided each year and are never projected.

mod deadline;
mod embedded;
pub mod lunar;

use crate::map::Map;
use std::sync::OnceLock;

use chrono::{Datelike, Days, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use deadline::{
    Deadline, DeadlineReport, Remaining, Timeliness, TimelinessStatus, days_phrase, deadlines,
};

use crate::date::CivilDate;
use crate::error::{Error, Problem};
use crate::i18n::Label;
use crate::text::de_nfc;
use lunar::LunarDate;

/// The last year the calendar projects. The lunar series are accurate well beyond it; the limit
/// keeps claims about the far future out of reach.
pub const LAST_PROJECTED_YEAR: i32 = 2100;

/// The embedded schedule file. The calendar is built from [`embedded`], the same data as Rust
/// generated from this file by a test, which also checks that the two agree: the WebAssembly
/// module then carries no schedule reader.
#[cfg(test)]
const EMBEDDED_SCHEDULE: &str = include_str!("../../data/calendar/vn-civil-service.json");

/// A holiday occasion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Occasion {
    /// New Year's Day (*Tết Dương lịch*), 1 January.
    NewYear,
    /// Lunar New Year (*Tết Âm lịch, Tết Nguyên đán*), five days.
    LunarNewYear,
    /// Hùng Kings' Commemoration (*Giỗ Tổ Hùng Vương*), 10th day of the 3rd lunar month.
    HungKings,
    /// Victory Day (*Ngày Chiến thắng*, 30 April) and International Labour Day (*Ngày Quốc tế
    /// lao động*, 1 May), one break.
    VictoryAndLabourDay,
    /// National Day (*Quốc khánh*), 2 September and an adjacent day.
    NationalDay,
}

impl Occasion {
    /// The occasion's name.
    pub fn label(self) -> Label {
        let (vi, en) = match self {
            Occasion::NewYear => ("Tết Dương lịch", "New Year's Day"),
            Occasion::LunarNewYear => ("Tết Âm lịch", "Lunar New Year"),
            Occasion::HungKings => ("Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration"),
            Occasion::VictoryAndLabourDay => (
                "Ngày Chiến thắng và Ngày Quốc tế lao động",
                "Victory Day and International Labour Day",
            ),
            Occasion::NationalDay => ("Quốc khánh", "National Day"),
        };
        Label {
            vi: vi.into(),
            en: en.into(),
        }
    }
}

/// What a day is within a holiday break.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A statutory holiday (Labour Code 2019, art. 112).
    Holiday,
    /// A day off in compensation for a holiday on a weekly rest day (art. 111(3)).
    Compensatory,
    /// A weekday given off, made up on a Saturday.
    SwappedDayOff,
    /// A Saturday worked to make up a swapped day off.
    MakeUpDay,
    /// A Saturday or Sunday inside a holiday break (off in any case).
    RestDay,
}

/// Whether a year's days are announced or projected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Announced by the government.
    Official,
    /// Computed from the statutory rules and the lunar calendar; the government may decide
    /// otherwise.
    Projected,
}

/// One day that is an exception to Monday–Friday, or a weekend day inside a holiday break.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduledDay {
    /// The day.
    pub date: CivilDate,
    /// The occasion it belongs to.
    pub occasion: Occasion,
    /// What it is within the break.
    pub role: Role,
    /// For a make-up day: the weekday it replaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<CivilDate>,
}

impl ScheduledDay {
    /// Whether agencies work that day (only make-up days are working days).
    pub fn working(&self) -> bool {
        self.role == Role::MakeUpDay
    }

    /// Why the day is what it is, in both languages.
    pub fn reason(&self) -> Label {
        let occasion = self.occasion.label();
        let (vi, en) = match self.role {
            Role::Holiday => (
                format!("Nghỉ lễ {}", occasion.vi),
                format!("{} holiday", occasion.en),
            ),
            Role::Compensatory => (
                format!(
                    "Nghỉ bù {} (ngày lễ trùng ngày nghỉ hằng tuần)",
                    occasion.vi
                ),
                format!(
                    "{} compensatory day off (the holiday fell on a weekend)",
                    occasion.en
                ),
            ),
            Role::SwappedDayOff => (
                format!("Nghỉ hoán đổi dịp {}", occasion.vi),
                format!("Swapped day off for {}", occasion.en),
            ),
            Role::MakeUpDay => {
                let instead = self.replaces.map(|d| d.to_string()).unwrap_or_default();
                (
                    format!(
                        "Làm bù cho ngày nghỉ hoán đổi {instead} dịp {}",
                        occasion.vi
                    ),
                    format!(
                        "Working Saturday making up the swapped day off {instead} ({})",
                        occasion.en
                    ),
                )
            }
            Role::RestDay => (
                format!("Ngày nghỉ hằng tuần trong kỳ nghỉ {}", occasion.vi),
                format!("Weekend day within the {} break", occasion.en),
            ),
        };
        Label { vi, en }
    }
}

/// The schedule of one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearSchedule {
    /// The year.
    pub year: i32,
    /// Official or projected.
    pub status: Source,
    /// Where the schedule comes from.
    #[serde(deserialize_with = "de_nfc")]
    pub source: String,
    /// The days, in date order.
    pub days: Vec<ScheduledDay>,
}

/// One day of `treem calendar`: an exception to Monday–Friday (or a weekend day inside a break),
/// with why, and whether the day is announced or projected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CalendarEntry {
    /// The day.
    pub date: CivilDate,
    /// Whether agencies work that day.
    pub working: bool,
    /// Why, in Vietnamese and English.
    pub reason: Label,
    /// The occasion.
    pub occasion: Occasion,
    /// What the day is within the break.
    pub role: Role,
    /// Announced or projected.
    pub source: Source,
}

impl YearSchedule {
    /// The year's days as calendar entries.
    pub fn entries(&self) -> Vec<CalendarEntry> {
        self.days
            .iter()
            .map(|d| CalendarEntry {
                date: d.date,
                working: d.working(),
                reason: d.reason(),
                occasion: d.occasion,
                role: d.role,
                source: self.status,
            })
            .collect()
    }
}

/// A schedule file: official years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "treem civil-service schedule")]
pub struct ScheduleFile {
    /// Data format version; 1.
    pub format: u32,
    /// What the file holds.
    #[serde(deserialize_with = "de_nfc")]
    pub description: String,
    /// The years.
    pub years: Vec<YearSchedule>,
}

/// The civil-service calendar: official years, and projection for later ones.
///
/// # Example
///
/// ```
/// use treem::{CivilDate, Calendar};
/// let cal = Calendar::embedded();
/// let d = |s: &str| s.parse::<CivilDate>().unwrap();
/// assert!(!cal.is_working_day(d("2024-04-29")).unwrap()); // swapped day off
/// assert!(cal.is_working_day(d("2024-05-04")).unwrap());  // make-up Saturday
/// assert_eq!(cal.working_days_between(d("2024-05-14"), d("2024-05-16")).unwrap(), 2);
/// assert_eq!(cal.year(2030).unwrap().status, treem::calendar::Source::Projected);
/// assert_eq!(cal.year(2019).unwrap_err().code(), "year_not_covered");
/// ```
#[derive(Clone, Debug)]
pub struct Calendar {
    official: Map<i32, YearSchedule>,
    cache: Map<i32, OnceLock<Option<YearSchedule>>>,
}

impl Calendar {
    /// The calendar with the embedded official schedules (2024–2026).
    pub fn embedded() -> &'static Calendar {
        static CALENDAR: OnceLock<Calendar> = OnceLock::new();
        CALENDAR
            .get_or_init(|| Calendar::from_years(embedded::years().map(|y| (y.year, y)).collect()))
    }

    /// A calendar from a schedule file alone.
    ///
    /// # Errors
    ///
    /// Code `invalid_calendar` with every problem located: not JSON or not of the schedule's
    /// shape, a day outside its year, a day listed twice, a make-up day that is not a Saturday or
    /// a swapped day off that is one.
    pub fn from_schedule_json(text: &str) -> Result<Calendar, Error> {
        Ok(Calendar::from_schedule(parse_schedule(text)?))
    }

    /// This calendar with the years of a newer schedule file added (a year given in both is
    /// taken from the file): how a portal learns a newly announced year without a rebuild.
    ///
    /// # Errors
    ///
    /// As [`Calendar::from_schedule_json`].
    pub fn with_schedule_json(&self, text: &str) -> Result<Calendar, Error> {
        let mut official = self.official.clone();
        for year in parse_schedule(text)?.years {
            official.insert(year.year, year);
        }
        Ok(Calendar::from_years(official))
    }

    fn from_schedule(file: ScheduleFile) -> Calendar {
        Calendar::from_years(file.years.into_iter().map(|y| (y.year, y)).collect())
    }

    fn from_years(official: Map<i32, YearSchedule>) -> Calendar {
        let first = official
            .keys()
            .next()
            .copied()
            .unwrap_or(LAST_PROJECTED_YEAR + 1);
        let cache = (first..=LAST_PROJECTED_YEAR.max(first))
            .map(|y| (y, OnceLock::new()))
            .collect();
        Calendar { official, cache }
    }

    /// The years this calendar answers for: from the first official year to
    /// [`LAST_PROJECTED_YEAR`] (or the last official year, if later).
    pub fn covered(&self) -> std::ops::RangeInclusive<i32> {
        let first = self
            .official
            .keys()
            .next()
            .copied()
            .unwrap_or(LAST_PROJECTED_YEAR + 1);
        let last = self
            .official
            .keys()
            .next_back()
            .copied()
            .unwrap_or(0)
            .max(LAST_PROJECTED_YEAR);
        first..=last
    }

    /// The schedule of `year`: official if announced, projected otherwise.
    ///
    /// # Errors
    ///
    /// Code `year_not_covered` outside [`Calendar::covered`].
    pub fn year(&self, year: i32) -> Result<&YearSchedule, Error> {
        if let Some(official) = self.official.get(&year) {
            return Ok(official);
        }
        let covered = self.covered();
        let slot = self
            .cache
            .get(&year)
            .filter(|_| covered.contains(&year))
            .ok_or_else(|| Error::year_not_covered(year, *covered.start(), *covered.end()))?;
        slot.get_or_init(|| project(year))
            .as_ref()
            .ok_or_else(|| Error::year_not_covered(year, *covered.start(), *covered.end()))
    }

    /// The schedule entry for `date`, if it is an exception or inside a holiday break.
    ///
    /// # Errors
    ///
    /// Code `year_not_covered` when the calendar does not answer for the date's year.
    pub fn scheduled(&self, date: CivilDate) -> Result<Option<&ScheduledDay>, Error> {
        let year = self.year(date.year())?;
        Ok(year
            .days
            .binary_search_by_key(&date, |d| d.date)
            .ok()
            .map(|i| &year.days[i]))
    }

    /// Whether public agencies work on `date`.
    ///
    /// # Errors
    ///
    /// Code `year_not_covered` when the calendar does not answer for the date's year.
    pub fn is_working_day(&self, date: CivilDate) -> Result<bool, Error> {
        Ok(match self.scheduled(date)? {
            Some(day) => day.working(),
            None => !matches!(date.naive().weekday(), Weekday::Sat | Weekday::Sun),
        })
    }

    /// The first working day on or after `date`.
    ///
    /// # Errors
    ///
    /// Code `year_not_covered` when the search leaves the covered years.
    pub fn working_day_on_or_after(&self, date: CivilDate) -> Result<CivilDate, Error> {
        let mut day = date;
        while !self.is_working_day(day)? {
            day = next_day(day)?;
        }
        Ok(day)
    }

    /// How many working days lie after `from` up to and including `to`; negative when `to` is
    /// before `from`. Additive: `between(a, b) + between(b, c) == between(a, c)`.
    ///
    /// # Errors
    ///
    /// Code `year_not_covered` when a day in between is outside the covered years.
    pub fn working_days_between(&self, from: CivilDate, to: CivilDate) -> Result<i64, Error> {
        let (low, high, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        // Both ends first, so that an error names the year asked about.
        self.year(low.year())?;
        self.year(high.year())?;
        let mut count = 0;
        let mut day = low;
        while day < high {
            day = next_day(day)?;
            if self.is_working_day(day)? {
                count += 1;
            }
        }
        Ok(sign * count)
    }

    /// The day `n` working days after `date` (`n = 0` gives `date` itself).
    ///
    /// # Errors
    ///
    /// Code `year_not_covered` when the count leaves the covered years.
    pub fn add_working_days(&self, date: CivilDate, n: u32) -> Result<CivilDate, Error> {
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day = next_day(day)?;
            if self.is_working_day(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }
}

fn next_day(date: CivilDate) -> Result<CivilDate, Error> {
    date.naive()
        .succ_opt()
        .and_then(|d| CivilDate::from_naive(d).ok())
        .ok_or_else(|| Error::year_not_covered(date.year() + 1, 0, 9999))
}

fn parse_schedule(text: &str) -> Result<ScheduleFile, Error> {
    let mut file: ScheduleFile = crate::decode::from_text(text, read::schedule_file)
        .map_err(|problem| Error::invalid_calendar(vec![problem]))?;
    let mut problems = Vec::new();
    problems.extend(Problem::unsupported_format(file.format));
    for (i, year) in file.years.iter_mut().enumerate() {
        let days = std::mem::take(&mut year.days)
            .into_iter()
            .map(|d| (d.date, d))
            .collect();
        year.days = crate::util::merge_sort_by_key(days)
            .into_iter()
            .map(|(_, d)| d)
            .collect();
        for (j, day) in year.days.iter().enumerate() {
            let at = format!("/years/{i}/days/{j}");
            if day.date.year() != year.year {
                problems.push(Problem::new(
                    format!("{at}/date"),
                    format!("{} is not in {}", day.date, year.year),
                ));
            }
            if j > 0 && year.days[j - 1].date == day.date {
                problems.push(Problem::new(
                    format!("{at}/date"),
                    format!("{} is listed twice", day.date),
                ));
            }
            let weekday = day.date.naive().weekday();
            if day.role == Role::MakeUpDay && weekday != Weekday::Sat {
                problems.push(Problem::new(
                    format!("{at}/role"),
                    format!("make-up day {} is not a Saturday", day.date),
                ));
            }
            if day.role == Role::SwappedDayOff && matches!(weekday, Weekday::Sat | Weekday::Sun) {
                problems.push(Problem::new(
                    format!("{at}/role"),
                    format!("swapped day off {} is not a weekday", day.date),
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(Error::invalid_calendar(problems))
    }
}

/// Projects `year` from the statutory rules; `None` if the lunar computation fails (it does not
/// within the covered range).
fn project(year: i32) -> Option<YearSchedule> {
    let date = |y: i32, m: u32, d: u32| CivilDate::from_ymd(y, m, d);
    let lunar = |month: u32, day: u32| {
        let (y, m, d) = lunar::to_solar(LunarDate {
            year,
            month,
            day,
            leap: false,
        })?;
        date(y, m, d)
    };
    let tet = lunar(1, 1)?;
    let hung = lunar(3, 10)?;
    let september_2 = date(year, 9, 2)?;
    let national_second = match september_2.naive().weekday() {
        Weekday::Tue | Weekday::Wed => date(year, 9, 1)?,
        _ => date(year, 9, 3)?,
    };
    let tet_days: Vec<CivilDate> = (-1i64..=3)
        .filter_map(|offset| {
            let d = tet
                .naive()
                .checked_add_signed(chrono::Duration::days(offset))?;
            CivilDate::from_naive(d).ok()
        })
        .collect();
    let mut holidays: Vec<(CivilDate, Occasion)> = vec![
        (date(year, 1, 1)?, Occasion::NewYear),
        (hung, Occasion::HungKings),
        (date(year, 4, 30)?, Occasion::VictoryAndLabourDay),
        (date(year, 5, 1)?, Occasion::VictoryAndLabourDay),
        (september_2, Occasion::NationalDay),
        (national_second, Occasion::NationalDay),
    ];
    holidays.extend(tet_days.into_iter().map(|d| (d, Occasion::LunarNewYear)));
    crate::util::sort_small_by_key(&mut holidays, |(d, _)| *d);
    // The last day of the old lunar year can fall in the previous Gregorian year: keep this
    // year's days only (the previous year's projection holds it).
    let is_weekend = |d: CivilDate| matches!(d.naive().weekday(), Weekday::Sat | Weekday::Sun);
    let mut days: Map<CivilDate, ScheduledDay> = Map::new();
    for (d, occasion) in &holidays {
        days.insert(
            *d,
            ScheduledDay {
                date: *d,
                occasion: *occasion,
                role: Role::Holiday,
                replaces: None,
            },
        );
    }
    // Art. 111(3): a holiday on a weekly rest day gives the next working day off.
    for (d, occasion) in holidays.iter().filter(|(d, _)| is_weekend(*d)) {
        let mut candidate = *d;
        loop {
            candidate =
                CivilDate::from_naive(candidate.naive().checked_add_days(Days::new(1))?).ok()?;
            if !is_weekend(candidate) && !days.contains_key(&candidate) {
                break;
            }
        }
        days.insert(
            candidate,
            ScheduledDay {
                date: candidate,
                occasion: *occasion,
                role: Role::Compensatory,
                replaces: None,
            },
        );
    }
    // Weekend days inside a break, so a break reads as a whole.
    let keys: Vec<CivilDate> = days.keys().copied().collect();
    for pair in keys.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let gap = (b.naive() - a.naive()).num_days();
        if (2..=3).contains(&gap) {
            let occasion = days[&a].occasion;
            let mut d = a.naive().succ_opt()?;
            while d < b.naive() {
                let cd = CivilDate::from_naive(d).ok()?;
                if is_weekend(cd) {
                    days.get_or_insert_with(cd, || ScheduledDay {
                        date: cd,
                        occasion,
                        role: Role::RestDay,
                        replaces: None,
                    });
                }
                d = d.succ_opt()?;
            }
        }
    }
    let days: Vec<ScheduledDay> = days
        .into_iter()
        .map(|(_, day)| day)
        .filter(|d| d.date.year() == year)
        .collect();
    Some(YearSchedule {
        year,
        status: Source::Projected,
        source: "Projected from the Labour Code 2019, arts. 111–112, and the lunar calendar (UTC+7); not announced".to_owned(),
        days,
    })
}

/// Every day of `year`, for exhaustive tests.
#[cfg(test)]
pub(crate) fn days_of(year: i32) -> impl Iterator<Item = CivilDate> {
    let start = chrono::NaiveDate::from_ymd_opt(year, 1, 1);
    start
        .into_iter()
        .flat_map(|s| s.iter_days())
        .take_while(move |d| d.year() == year)
        .filter_map(|d| CivilDate::from_naive(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `embedded.rs` is the embedded schedule file as Rust data: regenerated here from the file
    /// (checked as `Calendar::from_schedule_json` checks any schedule) and compared with the
    /// committed one; `TREEM_BLESS=1` rewrites it. The calendar built from it is the file's.
    #[test]
    fn the_embedded_schedule_data_is_the_file() {
        let file = parse_schedule(EMBEDDED_SCHEDULE).unwrap();
        let mut out = String::from(
            "//! The embedded civil-service schedule, `core/data/calendar/vn-civil-service.json`, as Rust\n\
             //! data. Generated by the test `the_embedded_schedule_data_is_the_file` in `mod.rs`\n\
             //! (`TREEM_BLESS=1 cargo test -p treem --lib embedded_schedule`), which fails when it\n\
             //! differs from the file: edit the file, never this.\n\n\
             use super::{Occasion::*, Role::*, Source::*, table::*};\n\n\
             pub(super) const YEARS: &[Year] = &[\n",
        );
        let date =
            |d: CivilDate| format!("({}, {}, {})", d.year(), d.naive().month(), d.naive().day());
        for year in &file.years {
            out.push_str(&format!(
                "    Year {{\n        year: {},\n        status: {:?},\n        source: {:?},\n        days: &[\n",
                year.year, year.status, year.source
            ));
            for day in &year.days {
                out.push_str(&format!(
                    "            Day {{ date: {}, occasion: {:?}, role: {:?}, replaces: {} }},\n",
                    date(day.date),
                    day.occasion,
                    day.role,
                    day.replaces
                        .map_or("None".to_owned(), |r| format!("Some({})", date(r))),
                ));
            }
            out.push_str("        ],\n    },\n");
        }
        out.push_str("];\n");
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/calendar/embedded/data.rs");
        if std::env::var_os("TREEM_BLESS").is_some() {
            std::fs::write(path, &out).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap();
        assert!(
            committed == out,
            "core/src/calendar/embedded/data.rs differs from the schedule file: run \
             TREEM_BLESS=1 cargo test -p treem --lib embedded_schedule"
        );
        assert_eq!(embedded::years().collect::<Vec<_>>(), file.years);
    }

    fn d(text: &str) -> CivilDate {
        text.parse().unwrap()
    }

    /// Weekdays off and Saturdays worked, read from the announced schedules (the domain
    /// reference's table), written here independently of the data file.
    const OFFICIAL: &[(i32, &[&str], &[&str])] = &[
        (
            2024,
            &[
                "01-01", "02-08", "02-09", "02-12", "02-13", "02-14", "04-18", "04-29", "04-30",
                "05-01", "09-02", "09-03",
            ],
            &["05-04"],
        ),
        (
            2025,
            &[
                "01-01", "01-27", "01-28", "01-29", "01-30", "01-31", "04-07", "04-30", "05-01",
                "05-02", "09-01", "09-02",
            ],
            &["04-26"],
        ),
        (
            2026,
            &[
                "01-01", "01-02", "02-16", "02-17", "02-18", "02-19", "02-20", "04-27", "04-30",
                "05-01", "08-31", "09-01", "09-02",
            ],
            &["01-10", "08-22"],
        ),
    ];

    #[test]
    fn every_day_of_2024_to_2026_matches_the_official_schedules() {
        let cal = Calendar::embedded();
        for (year, off, on) in OFFICIAL {
            for day in days_of(*year) {
                let md = format!("{:02}-{:02}", day.month(), day.day());
                let weekday = !matches!(day.naive().weekday(), Weekday::Sat | Weekday::Sun);
                let expected =
                    (weekday && !off.contains(&md.as_str())) || on.contains(&md.as_str());
                assert_eq!(cal.is_working_day(day).unwrap(), expected, "{day}");
            }
            assert_eq!(cal.year(*year).unwrap().status, Source::Official);
        }
    }

    #[test]
    fn working_days_per_month() {
        let cal = Calendar::embedded();
        let expected: &[(i32, [i64; 12])] = &[
            (2024, [22, 16, 21, 19, 23, 20, 23, 22, 19, 23, 21, 22]),
            (2025, [17, 20, 21, 21, 20, 21, 23, 21, 20, 23, 20, 23]),
            (2026, [21, 15, 22, 20, 20, 22, 23, 21, 20, 22, 21, 23]),
        ];
        for (year, months) in expected {
            for (m, want) in months.iter().enumerate() {
                let month = m as u32 + 1;
                let last_of_previous = CivilDate::from_ymd(*year, month, 1)
                    .and_then(|first| CivilDate::from_naive(first.naive().pred_opt().unwrap()).ok())
                    .unwrap();
                let last = CivilDate::from_naive(
                    chrono::NaiveDate::from_ymd_opt(
                        *year + i32::from(month == 12),
                        month % 12 + 1,
                        1,
                    )
                    .unwrap()
                    .pred_opt()
                    .unwrap(),
                )
                .unwrap();
                if *year == 2024 && month == 1 {
                    // The last day of 2023 is outside the calendar; count January by hand.
                    let n = days_of(2024)
                        .take(31)
                        .filter(|d| cal.is_working_day(*d).unwrap())
                        .count();
                    assert_eq!(n as i64, *want, "2024-01");
                    continue;
                }
                assert_eq!(
                    cal.working_days_between(last_of_previous, last).unwrap(),
                    *want,
                    "{year}-{month:02}"
                );
            }
        }
    }

    #[test]
    fn projected_years_follow_the_statutory_rules() {
        let cal = Calendar::embedded();
        let y2027 = cal.year(2027).unwrap();
        assert_eq!(y2027.status, Source::Projected);
        // Tết 2027 is Saturday 6 February: the five days are Fri 5 – Tue 9, and the two that fall
        // on the weekend give Wednesday 10 and Thursday 11 off.
        for off in [
            "2027-02-05",
            "2027-02-08",
            "2027-02-09",
            "2027-02-10",
            "2027-02-11",
        ] {
            assert!(!cal.is_working_day(d(off)).unwrap(), "{off}");
        }
        assert!(cal.is_working_day(d("2027-02-12")).unwrap());
        let tet = cal.scheduled(d("2027-02-06")).unwrap().unwrap();
        assert_eq!(
            (tet.occasion, tet.role),
            (Occasion::LunarNewYear, Role::Holiday)
        );
        // 2 September 2027 is a Thursday: 3 September is the second day.
        assert!(!cal.is_working_day(d("2027-09-03")).unwrap());
        assert!(cal.is_working_day(d("2027-09-01")).unwrap());
        // 1 May 2027 is a Saturday: Monday 3 May is compensatory.
        assert_eq!(
            cal.scheduled(d("2027-05-03")).unwrap().unwrap().role,
            Role::Compensatory
        );
    }

    #[test]
    fn years_outside_the_calendar_are_errors() {
        let cal = Calendar::embedded();
        for year in [1999, 2023, LAST_PROJECTED_YEAR + 1] {
            assert_eq!(
                cal.year(year).unwrap_err().code(),
                "year_not_covered",
                "{year}"
            );
        }
        assert!(cal.is_working_day(d("2023-12-29")).is_err());
    }

    #[test]
    fn a_newly_announced_year_replaces_its_projection() {
        let file = r#"{ "format": 1, "description": "2027 as announced (test)", "years": [
            { "year": 2027, "status": "official", "source": "test", "days": [
              { "date": "2027-02-04", "occasion": "lunar_new_year", "role": "holiday" } ] } ] }"#;
        let cal = Calendar::embedded().with_schedule_json(file).unwrap();
        assert_eq!(cal.year(2027).unwrap().status, Source::Official);
        assert!(!cal.is_working_day(d("2027-02-04")).unwrap());
        assert!(cal.is_working_day(d("2027-02-10")).unwrap());
        assert_eq!(cal.year(2024).unwrap().status, Source::Official);
    }

    #[test]
    fn a_broken_schedule_names_its_problems() {
        let file = r#"{ "format": 1, "description": "x", "years": [
            { "year": 2027, "status": "official", "source": "test", "days": [
              { "date": "2028-01-01", "occasion": "new_year", "role": "holiday" },
              { "date": "2027-01-04", "occasion": "new_year", "role": "make_up_day" } ] } ] }"#;
        let err = Calendar::from_schedule_json(file).unwrap_err();
        assert_eq!(err.code(), "invalid_calendar");
        let text = err.to_string();
        assert!(
            text.contains("2028-01-01 is not in 2027") && text.contains("not a Saturday"),
            "{text}"
        );
    }
}

/// Reading a schedule file (see [`crate::decode`]).
pub(crate) mod read {
    use super::*;
    use crate::decode::{DResult, Obj, Value, date, i32_, u32_};

    pub(crate) fn schedule_file(v: &Value<'_>, at: &str) -> DResult<ScheduleFile> {
        let o = Obj::new(v, at, &["format", "description", "years"])?;
        Ok(ScheduleFile {
            format: o.req("format", u32_)?,
            description: o.string("description")?,
            years: o.list("years", year)?,
        })
    }

    fn year(v: &Value<'_>, at: &str) -> DResult<YearSchedule> {
        let o = Obj::new(v, at, &["year", "status", "source", "days"])?;
        Ok(YearSchedule {
            year: o.req("year", i32_)?,
            status: o.named("status")?,
            source: o.string("source")?,
            days: o.list("days", day)?,
        })
    }

    fn day(v: &Value<'_>, at: &str) -> DResult<ScheduledDay> {
        let o = Obj::new(v, at, &["date", "occasion", "role", "replaces"])?;
        Ok(ScheduledDay {
            date: o.req("date", date)?,
            occasion: o.named("occasion")?,
            role: o.named("role")?,
            replaces: o.opt("replaces", date)?,
        })
    }
}
