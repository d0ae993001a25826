//! The projection of a year that has no announced schedule: the statutory rules in force on
//! each date, applied with the lunar calendar.

use chrono::{Datelike, Weekday};

use super::lunar::{self, LunarDate};
use super::schedule::{HolidayRule, Role, RuleKind, Source};
use super::{ScheduledDay, YearSchedule};
use crate::date::CivilDate;
use crate::i18n::Label;
use crate::map::Map;

/// Whether `date` is a weekly rest day (Saturday or Sunday) for public agencies.
pub(crate) fn is_weekend(date: CivilDate) -> bool {
    matches!(date.naive().weekday(), Weekday::Sat | Weekday::Sun)
}

/// The day `n` days after `date` (before, for negative `n`), inside the years a date can have.
pub(crate) fn shift(date: CivilDate, n: i64) -> Option<CivilDate> {
    let day = date.naive().checked_add_signed(chrono::Duration::days(n))?;
    CivilDate::from_naive(day).ok()
}

/// The Gregorian date of a lunar date of `year`.
fn lunar_date(year: i32, month: u32, day: u32) -> Option<CivilDate> {
    let (y, m, d) = lunar::to_solar(LunarDate {
        year,
        month,
        day,
        leap: false,
    })?;
    CivilDate::from_ymd(y, m, d)
}

/// The day a `fixed` or `lunar` rule names in `year`, whether or not the rule is in force then.
pub(crate) fn rule_date(rule: &HolidayRule, year: i32) -> Option<CivilDate> {
    let (month, day) = (rule.month?, rule.day?);
    match rule.kind {
        RuleKind::Fixed => CivilDate::from_ymd(year, month, day),
        RuleKind::Lunar => lunar_date(year, month, day),
        _ => None,
    }
}

/// The days of a Lunar New Year break of `year` as projected: the last day of the old lunar
/// year and the first days of the new one, `days` in all.
pub(crate) fn lunar_new_year_days(rule: &HolidayRule, year: i32) -> Vec<CivilDate> {
    let Some(tet) = lunar_date(year, 1, 1) else {
        return Vec::new();
    };
    let days = i64::from(rule.days.unwrap_or(0));
    (-1..days - 1).filter_map(|n| shift(tet, n)).collect()
}

/// The day an `adjacent` rule gives in `year`, next to its anchor's day: the day before when
/// the anchor is a Tuesday or Wednesday (so that the break joins the weekend before), the day
/// after otherwise.
pub(crate) fn adjacent_day(anchor: CivilDate) -> Option<CivilDate> {
    match anchor.naive().weekday() {
        Weekday::Tue | Weekday::Wed => shift(anchor, -1),
        _ => shift(anchor, 1),
    }
}

/// The holidays `rules` give in `year`, each with its rule, in date order; a date two rules
/// give is kept once, with the first rule (by id).
pub(crate) fn holidays(
    rules: &Map<String, HolidayRule>,
    year: i32,
) -> Vec<(CivilDate, &HolidayRule)> {
    let mut out: Vec<(CivilDate, &HolidayRule)> = Vec::new();
    for rule in rules.values() {
        match rule.kind {
            RuleKind::Fixed | RuleKind::Lunar => {
                out.extend(rule_date(rule, year).map(|d| (d, rule)))
            }
            RuleKind::LunarNewYear => {
                out.extend(
                    lunar_new_year_days(rule, year)
                        .into_iter()
                        .map(|d| (d, rule)),
                );
            }
            RuleKind::Adjacent => {
                let anchor = rule
                    .to
                    .as_deref()
                    .and_then(|to| rules.get(to))
                    .and_then(|anchor| Some((anchor, rule_date(anchor, year)?)));
                if let Some((anchor, day)) = anchor {
                    if anchor.in_force(day) {
                        out.extend(adjacent_day(day).map(|d| (d, rule)));
                    }
                }
            }
            RuleKind::Compensatory => {}
        }
    }
    out.retain(|(date, rule)| rule.in_force(*date));
    // Stable: a date given twice keeps the rule that came first.
    crate::util::sort_small_by_key(&mut out, |(date, _)| *date);
    out.dedup_by_key(|(date, _)| *date);
    out
}

/// The compensatory rule in force on `date`, if any.
pub(crate) fn compensatory(
    rules: &Map<String, HolidayRule>,
    date: CivilDate,
) -> Option<&HolidayRule> {
    rules
        .values()
        .find(|r| r.kind == RuleKind::Compensatory && r.in_force(date))
}

/// Projects `year` from `rules`, with occasion names from `occasions`; `None` when the lunar
/// computation cannot answer for the year (it can, within the covered range).
pub(crate) fn project(
    year: i32,
    rules: &Map<String, HolidayRule>,
    occasions: &Map<String, Label>,
) -> Option<YearSchedule> {
    // The years around, so that a break crossing New Year (or a compensatory day after
    // 31 December) is seen whole; only this year's days are kept.
    let mut all: Vec<(CivilDate, &HolidayRule)> = Vec::new();
    for y in [year - 1, year, year + 1] {
        all.extend(holidays(rules, y));
    }
    lunar_date(year, 1, 1)?;
    let name = |occasion: &str| occasions.get(occasion).cloned().unwrap_or_default();
    let projected = |basis: &Label| Label {
        vi: format!("Dự tính theo {}", basis.vi),
        en: format!("projected from {}", basis.en),
    };
    let mut days: Map<CivilDate, ScheduledDay> = Map::new();
    for (date, rule) in &all {
        let occasion = rule.occasion.clone().unwrap_or_default();
        days.insert(
            *date,
            ScheduledDay {
                date: *date,
                occasion_name: name(&occasion),
                occasion,
                role: Role::Holiday,
                replaces: None,
                basis: projected(&rule.basis),
            },
        );
    }
    // Labour Code 2019, art. 111(3): a holiday on a weekly rest day gives the next working day
    // off, where the rule is in force on the holiday.
    for (date, rule) in all.iter().filter(|(d, _)| is_weekend(*d)) {
        let Some(comp) = compensatory(rules, *date) else {
            continue;
        };
        let mut candidate = *date;
        loop {
            candidate = shift(candidate, 1)?;
            if !is_weekend(candidate) && !days.contains_key(&candidate) {
                break;
            }
        }
        let occasion = rule.occasion.clone().unwrap_or_default();
        days.insert(
            candidate,
            ScheduledDay {
                date: candidate,
                occasion_name: name(&occasion),
                occasion,
                role: Role::Compensatory,
                replaces: None,
                basis: projected(&comp.basis),
            },
        );
    }
    // Weekend days inside a break, so that a break reads as a whole.
    let keys: Vec<CivilDate> = days.keys().copied().collect();
    for pair in keys.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let gap = (b.naive() - a.naive()).num_days();
        if (2..=3).contains(&gap) {
            let (occasion, occasion_name) = {
                let first = &days[&a];
                (first.occasion.clone(), first.occasion_name.clone())
            };
            let mut d = shift(a, 1)?;
            while d < b {
                if is_weekend(d) {
                    days.get_or_insert_with(d, || ScheduledDay {
                        date: d,
                        occasion: occasion.clone(),
                        occasion_name: occasion_name.clone(),
                        role: Role::RestDay,
                        replaces: None,
                        basis: Label {
                            vi: "Dự tính: ngày nghỉ hằng tuần nằm giữa các ngày nghỉ lễ".into(),
                            en: "projected: a weekend day within the holiday break".into(),
                        },
                    });
                }
                d = shift(d, 1)?;
            }
        }
    }
    Some(YearSchedule {
        year,
        status: Source::Projected,
        basis: Label {
            vi: format!(
                "Dự tính từ các quy định về ngày nghỉ lễ có hiệu lực và âm lịch (UTC+7); lịch nghỉ chính thức năm {year} chưa được công bố"
            ),
            en: format!(
                "Projected from the statutory holiday rules in force and the lunar calendar (UTC+7); the official {year} schedule has not been announced"
            ),
        },
        notes: Vec::new(),
        days: days
            .into_iter()
            .map(|(_, day)| day)
            .filter(|d| d.date.year() == year)
            .collect(),
    })
}
