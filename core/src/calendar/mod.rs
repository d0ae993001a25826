//! The Vietnamese civil-service calendar: which days public agencies work.
//!
//! Monday to Friday are working days, except statutory holidays, compensatory days for holidays
//! that fall on a weekend and weekdays the government gives off in exchange for a Saturday made
//! up as a working day. Everything that changes by law or by announcement is data, embedded from
//! `core/data/calendar/vn-civil-service.json` and replaceable at run time
//! ([`Calendar::with_schedule_json`]):
//!
//! - **the statutory rules**, each with the instrument that set it and the day it took effect
//!   (and, where one exists, the day it ended): the holidays of the Labour Code 2019
//!   (45/2019/QH14), art. 112(1), in force from 1 January 2021; the compensatory day of its
//!   art. 111(3); Vietnamese Culture Day, 24 November, a holiday from 1 July 2026 (National
//!   Assembly Resolution 28/2026/QH16);
//! - **the announced schedules** of years (2024–2026 embedded), with the Government's letter
//!   each comes from, which say which days of Tết and which second day of National Day are off
//!   and which weekdays are swapped for which Saturdays.
//!
//! Other years up to [`LAST_PROJECTED_YEAR`] are projected: on each date, the rules in force on
//! that date, with the lunar calendar. Every day says why it is off or worked (its basis: the
//! law and article, or the letter, or that it is projected). A year before the first announced
//! one, or after the projection's reach, is an error, never a guess.
//!
//! **The projection's choices.** Tết (Lunar New Year) is the last day of the old lunar year and
//! the first four of the new one. National Day is 2 September and the adjacent day that joins it
//! to a weekend where there is one: 1 September when 2 September is a Tuesday or Wednesday,
//! 3 September otherwise (this reproduces 2024–2026). Every holiday that falls on a Saturday or
//! Sunday gives a compensatory day off on the next working day. Swaps of a weekday for a Saturday
//! are decided each year and are never projected.

mod check;
mod deadline;
mod embedded;
pub mod lunar;
mod project;
pub(crate) mod schedule;

use std::sync::OnceLock;

use chrono::Datelike;
use schemars::JsonSchema;
use serde::Serialize;

pub use deadline::{
    Deadline, DeadlineReport, Remaining, Timeliness, TimelinessStatus, days_phrase, deadlines,
};
pub use schedule::{
    DaySpec, HolidayRule, Mode, ProvinceScope, Role, RuleKind, ScheduleFile, Source, YearSpec,
};

use crate::date::CivilDate;
use crate::error::Error;
use crate::i18n::{Label, Lang};
use crate::map::Map;

/// The last year the calendar projects. The lunar series are accurate well beyond it; the limit
/// keeps claims about the far future out of reach.
pub const LAST_PROJECTED_YEAR: i32 = 2100;

/// One day that is an exception to Monday–Friday, or a weekend day inside a holiday break, with
/// why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ScheduledDay {
    /// The day.
    pub date: CivilDate,
    /// The occasion's id (e.g. `culture_day`).
    pub occasion: String,
    /// The occasion's name (e.g. *Ngày Văn hóa Việt Nam*).
    pub occasion_name: Label,
    /// What the day is within the break.
    pub role: Role,
    /// For a make-up day: the weekday it replaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<CivilDate>,
    /// Why: the law and article, the announcement, or that the day is projected.
    pub basis: Label,
}

impl ScheduledDay {
    /// Whether agencies work that day (only make-up days are working days).
    pub fn working(&self) -> bool {
        self.role.working()
    }

    /// What the day is, in both languages (e.g. *Nghỉ lễ Ngày Văn hóa Việt Nam*).
    pub fn reason(&self) -> Label {
        let occasion = &self.occasion_name;
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
                let instead = self.replaces.map(spoken).unwrap_or_default();
                (
                    format!(
                        "Làm bù cho ngày nghỉ hoán đổi {} dịp {}",
                        instead.vi, occasion.vi
                    ),
                    format!(
                        "Working Saturday making up the swapped day off {} ({})",
                        instead.en, occasion.en
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

/// The schedule of one year as the calendar holds it: announced or projected, every day with
/// its basis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct YearSchedule {
    /// The year.
    pub year: i32,
    /// Official or projected.
    pub status: Source,
    /// The announcement the year comes from, or what a projection is computed from.
    pub basis: Label,
    /// What a reader of the year should know.
    pub notes: Vec<Label>,
    /// The days, in date order.
    pub days: Vec<ScheduledDay>,
}

/// One day of `treem calendar`: an exception to Monday–Friday (or a weekend day inside a break),
/// with why, its basis, and whether the day is announced or projected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CalendarEntry {
    /// The day.
    pub date: CivilDate,
    /// Whether agencies work that day.
    pub working: bool,
    /// Why, in Vietnamese and English.
    pub reason: Label,
    /// The occasion's id.
    pub occasion: String,
    /// What the day is within the break.
    pub role: Role,
    /// Announced or projected.
    pub source: Source,
    /// The law and article, the announcement, or the projection the day follows.
    pub basis: Label,
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
                occasion: d.occasion.clone(),
                role: d.role,
                source: self.status,
                basis: d.basis.clone(),
            })
            .collect()
    }

    /// The year as a schedule file that lists it whole: print it, edit it, load it back with
    /// [`Calendar::with_schedule_json`]. Every day names its basis.
    pub fn to_file(&self, description: Label, province: Option<ProvinceScope>) -> ScheduleFile {
        let days = self
            .days
            .iter()
            .map(|d| {
                (
                    d.date,
                    DaySpec {
                        occasion: d.occasion.clone(),
                        role: d.role,
                        replaces: d.replaces,
                        basis: Some(d.basis.clone()),
                    },
                )
            })
            .collect();
        ScheduleFile {
            format: 2,
            description,
            province,
            occasions: Map::new(),
            rules: Map::new(),
            years: std::iter::once((
                self.year,
                YearSpec {
                    status: self.status,
                    mode: Mode::WholeYear,
                    basis: self.basis.clone(),
                    notes: self.notes.clone(),
                    days,
                },
            ))
            .collect(),
        }
    }
}

impl ScheduleFile {
    /// The file as pretty JSON. With a language, every text is written as one string in that
    /// language (a file a person reads and edits); without, as `{"vi", "en"}`.
    ///
    /// # Example
    ///
    /// ```
    /// use treem::{Calendar, Lang};
    /// let cal = Calendar::embedded();
    /// let text = cal.year(2026).unwrap().to_file(cal.description().clone(), None).to_json_pretty(Some(Lang::Vi));
    /// assert!(text.contains("\"2026-11-24\""));
    /// assert!(text.contains("Nghị quyết 28/2026/QH16"));
    /// // Loaded back, it is the same calendar.
    /// let again = Calendar::embedded().with_schedule_json(&text).unwrap();
    /// assert_eq!(again.year(2026).unwrap().days.len(), cal.year(2026).unwrap().days.len());
    /// ```
    pub fn to_json_pretty(&self, lang: Option<Lang>) -> String {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Some(lang) = lang {
            one_language(&mut value, lang);
        }
        serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
    }
}

/// Replaces every `{"vi", "en"}` object of `value` with its text in `lang`.
fn one_language(value: &mut serde_json::Value, lang: Lang) {
    match value {
        serde_json::Value::Object(map) => {
            let is_label = map.len() == 2 && map.contains_key("vi") && map.contains_key("en");
            if is_label {
                let key = match lang {
                    Lang::Vi => "vi",
                    Lang::En => "en",
                };
                *value = map.remove(key).unwrap_or_default();
            } else {
                map.values_mut().for_each(|v| one_language(v, lang));
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| one_language(v, lang)),
        _ => {}
    }
}

/// The civil-service calendar: statutory rules in force by date, announced years, and the
/// projection of the others.
///
/// # Example
///
/// ```
/// use treem::{CivilDate, Calendar};
/// let cal = Calendar::embedded();
/// let d = |s: &str| s.parse::<CivilDate>().unwrap();
/// assert!(!cal.is_working_day(d("2024-04-29")).unwrap()); // swapped day off
/// assert!(cal.is_working_day(d("2024-05-04")).unwrap());  // make-up Saturday
/// assert!(!cal.is_working_day(d("2026-11-24")).unwrap()); // Vietnamese Culture Day, from 2026
/// assert!(cal.is_working_day(d("2025-11-24")).unwrap());  // …and not before
/// assert_eq!(cal.working_days_between(d("2024-05-14"), d("2024-05-16")).unwrap(), 2);
/// assert_eq!(cal.year(2030).unwrap().status, treem::calendar::Source::Projected);
/// assert_eq!(cal.year(2019).unwrap_err().code(), "year_not_covered");
/// ```
#[derive(Clone, Debug)]
pub struct Calendar {
    description: Label,
    province: Option<ProvinceScope>,
    occasions: Map<String, Label>,
    rules: Map<String, HolidayRule>,
    /// Years given by schedule files (announced, or printed projections loaded back).
    given: Map<i32, YearSchedule>,
    /// Projections, computed on first use.
    cache: Map<i32, OnceLock<Option<YearSchedule>>>,
}

impl Calendar {
    /// The calendar with the embedded rules and announced schedules (2024–2026).
    pub fn embedded() -> &'static Calendar {
        static CALENDAR: OnceLock<Calendar> = OnceLock::new();
        CALENDAR.get_or_init(|| {
            let parts = embedded::parts();
            let mut cal = Calendar {
                description: parts.description,
                province: None,
                occasions: parts.occasions,
                rules: parts.rules,
                given: parts.years,
                cache: Map::new(),
            };
            cal.reset_cache();
            cal
        })
    }

    /// A calendar from a schedule file alone: its own rules, occasions and years, nothing
    /// embedded.
    ///
    /// # Errors
    ///
    /// As [`Calendar::with_schedule_json`].
    pub fn from_schedule_json(text: &str) -> Result<Calendar, Error> {
        let parsed = read(text, None)?;
        Ok(Calendar::build(None, parsed.file))
    }

    /// This calendar changed by a schedule file: its rules and occasions added (a rule with the
    /// id of one this calendar has replaces it), each of its years laid over this calendar's
    /// (`whole_year`: the year replaces the one this calendar had; `changes`: its days replace
    /// those dates only). How a portal learns a newly announced year, a swap or a province's own
    /// days off without a new release.
    ///
    /// # Errors
    ///
    /// Code `invalid_calendar` with every problem at once, each at its JSON Pointer, in
    /// Vietnamese and English ([`Error::problems`]): text that is not JSON or not of the file's
    /// shape (unknown, repeated or missing fields, values of the wrong type, dates that do not
    /// exist), a day outside its year, an unknown occasion, a make-up day that is not a
    /// Saturday or does not name a swapped day off, a swapped or compensatory day off that is
    /// not a weekday, a statutory holiday made a working day, a year listed whole that leaves
    /// out a holiday in force, a year changed date by date that the calendar does not have, a
    /// rule whose fields do not fit its kind.
    ///
    /// # Example
    ///
    /// ```
    /// use treem::{Calendar, CivilDate};
    /// let swap = r#"{ "format": 2, "years": { "2026": { "status": "official", "mode": "changes",
    ///     "basis": "Thông báo của Bộ Nội vụ (ví dụ)",
    ///     "days": { "2026-11-23": { "occasion": "culture_day", "role": "swapped_day_off" },
    ///               "2026-11-28": { "occasion": "culture_day", "role": "make_up_day",
    ///                               "replaces": "2026-11-23" } } } } }"#;
    /// let cal = Calendar::embedded().with_schedule_json(swap).unwrap();
    /// let d = |s: &str| s.parse::<CivilDate>().unwrap();
    /// assert!(!cal.is_working_day(d("2026-11-23")).unwrap());
    /// assert!(cal.is_working_day(d("2026-11-28")).unwrap());
    /// assert!(!cal.is_working_day(d("2026-11-24")).unwrap()); // the holiday stays
    ///
    /// let broken = r#"{ "format": 2, "years": { "2026": { "status": "official", "mode": "changes",
    ///     "basis": "x", "days": { "2026-11-27": { "occasion": "culture_day", "role": "make_up_day" },
    ///                             "2027-01-04": { "occasion": "tet", "role": "holiday" } } } } }"#;
    /// let err = Calendar::embedded().with_schedule_json(broken).unwrap_err();
    /// assert_eq!(err.code(), "invalid_calendar");
    /// assert_eq!(err.problems().len(), 4); // not a Saturday, no `replaces`, not in 2026, unknown occasion
    /// ```
    pub fn with_schedule_json(&self, text: &str) -> Result<Calendar, Error> {
        let parsed = read(text, Some(self))?;
        Ok(Calendar::build(Some(self), parsed.file))
    }

    /// The calendar `file` makes of `base` (or of nothing), the file already checked.
    fn build(base: Option<&Calendar>, file: ScheduleFile) -> Calendar {
        let mut occasions = base.map(|b| b.occasions.clone()).unwrap_or_default();
        occasions.extend(file.occasions);
        let mut rules = base.map(|b| b.rules.clone()).unwrap_or_default();
        rules.extend(file.rules);
        let description = match base {
            Some(b) if file.description.vi.is_empty() && file.description.en.is_empty() => {
                b.description.clone()
            }
            _ => file.description,
        };
        let mut cal = Calendar {
            description,
            province: file
                .province
                .or_else(|| base.and_then(|b| b.province.clone())),
            occasions,
            rules,
            given: base.map(|b| b.given.clone()).unwrap_or_default(),
            cache: Map::new(),
        };
        cal.reset_cache();
        for (year, spec) in file.years {
            let resolved = match spec.mode {
                Mode::WholeYear => cal.resolve(year, &spec, Vec::new()),
                Mode::Changes => {
                    let base_days = cal.year(year).map(|y| y.days.clone()).unwrap_or_default();
                    cal.resolve(year, &spec, base_days)
                }
            };
            cal.given.insert(year, resolved);
            cal.reset_cache();
        }
        cal
    }

    /// Empties the projections (the rules or the covered years changed).
    fn reset_cache(&mut self) {
        let first = self.first_year();
        self.cache = (first..=LAST_PROJECTED_YEAR.max(first))
            .map(|y| (y, OnceLock::new()))
            .collect();
    }

    /// `spec`'s days laid over `base_days`, each day with its basis.
    fn resolve(&self, year: i32, spec: &YearSpec, base_days: Vec<ScheduledDay>) -> YearSchedule {
        let mut days: Map<CivilDate, ScheduledDay> =
            base_days.into_iter().map(|d| (d.date, d)).collect();
        for (date, day) in &spec.days {
            let basis = day
                .basis
                .clone()
                .unwrap_or_else(|| self.derived_basis(*date, &day.occasion, day.role, &spec.basis));
            days.insert(
                *date,
                ScheduledDay {
                    date: *date,
                    occasion: day.occasion.clone(),
                    occasion_name: self
                        .occasions
                        .get(&day.occasion)
                        .cloned()
                        .unwrap_or_default(),
                    role: day.role,
                    replaces: day.replaces,
                    basis,
                },
            );
        }
        YearSchedule {
            year,
            status: spec.status,
            basis: spec.basis.clone(),
            notes: spec.notes.clone(),
            days: days
                .into_iter()
                .map(|(_, d)| d)
                .filter(|d| d.date.year() == year)
                .collect(),
        }
    }

    /// The basis of an announced day that does not name its own: the statutory rule that makes
    /// it a holiday or a compensatory day (with the announcement, for days the Government
    /// chooses each year), else the announcement.
    fn derived_basis(&self, date: CivilDate, occasion: &str, role: Role, year: &Label) -> Label {
        let chosen = |rule: &HolidayRule| {
            if rule.chosen_each_year() {
                Label {
                    vi: format!("{}; ngày cụ thể theo {}", rule.basis.vi, year.vi),
                    en: format!("{}; days as announced in {}", rule.basis.en, year.en),
                }
            } else {
                rule.basis.clone()
            }
        };
        match role {
            Role::Holiday => {
                let in_force = || {
                    self.rules
                        .values()
                        .filter(|r| r.in_force(date) && r.occasion.as_deref() == Some(occasion))
                };
                // The rule that names this very day first, then one that chooses it.
                in_force()
                    .find(|r| project::rule_date(r, date.year()) == Some(date))
                    .or_else(|| in_force().find(|r| r.chosen_each_year()))
                    .map_or_else(|| year.clone(), chosen)
            }
            Role::Compensatory => project::compensatory(&self.rules, date)
                .map_or_else(|| year.clone(), |r| r.basis.clone()),
            Role::SwappedDayOff | Role::MakeUpDay | Role::RestDay => year.clone(),
        }
    }

    fn first_year(&self) -> i32 {
        self.given
            .keys()
            .next()
            .copied()
            .unwrap_or(LAST_PROJECTED_YEAR + 1)
    }

    /// What the calendar's data holds, in plain words.
    pub fn description(&self) -> &Label {
        &self.description
    }

    /// The province whose own schedule was loaded, if one was.
    pub fn province(&self) -> Option<&ProvinceScope> {
        self.province.as_ref()
    }

    /// The statutory rules, by id.
    pub fn rules(&self) -> &Map<String, HolidayRule> {
        &self.rules
    }

    /// The occasions' names, by id.
    pub fn occasions(&self) -> &Map<String, Label> {
        &self.occasions
    }

    /// The years this calendar answers for: from the first announced year to
    /// [`LAST_PROJECTED_YEAR`] (or the last announced year, if later).
    pub fn covered(&self) -> std::ops::RangeInclusive<i32> {
        let last = self
            .given
            .keys()
            .next_back()
            .copied()
            .unwrap_or(0)
            .max(LAST_PROJECTED_YEAR);
        self.first_year()..=last
    }

    /// The schedule of `year`: announced if given, projected otherwise.
    ///
    /// # Errors
    ///
    /// Code `year_not_covered` outside [`Calendar::covered`].
    pub fn year(&self, year: i32) -> Result<&YearSchedule, Error> {
        if let Some(given) = self.given.get(&year) {
            return Ok(given);
        }
        let covered = self.covered();
        let slot = self
            .cache
            .get(&year)
            .filter(|_| covered.contains(&year))
            .ok_or_else(|| Error::year_not_covered(year, *covered.start(), *covered.end()))?;
        slot.get_or_init(|| project::project(year, &self.rules, &self.occasions))
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
            None => !project::is_weekend(date),
        })
    }

    /// Why agencies do not work on `date`, with its basis (e.g. *Nghỉ lễ Ngày Văn hóa Việt Nam
    /// (Nghị quyết 28/2026/QH16 của Quốc hội)* or *Chủ nhật, ngày nghỉ hằng tuần*); `None` on a
    /// working day.
    ///
    /// # Errors
    ///
    /// Code `year_not_covered` when the calendar does not answer for the date's year.
    pub fn why_not_working(&self, date: CivilDate) -> Result<Option<Label>, Error> {
        Ok(match self.scheduled(date)? {
            Some(day) if day.working() => None,
            Some(day) => {
                let (reason, basis) = (day.reason(), &day.basis);
                Some(Label {
                    vi: format!("{} — {}", reason.vi, basis.vi),
                    en: format!("{} — {}", reason.en, basis.en),
                })
            }
            None if project::is_weekend(date) => {
                let (vi, en) = weekday_names(date.naive().weekday());
                Some(Label {
                    vi: format!("{vi}, ngày nghỉ hằng tuần"),
                    en: format!("{en}, a weekly rest day"),
                })
            }
            None => None,
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

/// Reads and checks a schedule file against the calendar it would change.
fn read(text: &str, base: Option<&Calendar>) -> Result<schedule::read::Parsed, Error> {
    let decoded = crate::decode::from_text(text, schedule::read::parsed);
    decoded
        .check(|parsed| {
            let mut occasions = base.map(|b| b.occasions.clone()).unwrap_or_default();
            occasions.extend(parsed.file.occasions.clone());
            let mut rules = base.map(|b| b.rules.clone()).unwrap_or_default();
            rules.extend(parsed.file.rules.clone());
            let known = check::Known {
                rules: &rules,
                occasions: &occasions,
                base,
            };
            check::check(parsed, &known)
        })
        .map_err(Error::invalid_calendar)
}

fn next_day(date: CivilDate) -> Result<CivilDate, Error> {
    project::shift(date, 1).ok_or_else(|| Error::year_not_covered(date.year() + 1, 0, 9999))
}

pub(crate) use crate::date::weekday_names;

/// `thứ Ba 24/11/2026` / `Tuesday 24/11/2026`: a day as a person says it.
pub(crate) fn spoken(date: CivilDate) -> Label {
    date.spoken()
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
mod tests;
