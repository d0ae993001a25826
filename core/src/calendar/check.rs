//! The checks a schedule file must pass before it changes a calendar: every problem at once,
//! each at its JSON Pointer, in Vietnamese and English.

use chrono::Weekday;

use super::project::{adjacent_day, is_weekend, lunar_new_year_days, rule_date};
use super::schedule::{HolidayRule, Mode, Role, RuleKind, ScheduleFile, read::Parsed};
use super::{Calendar, spoken};
use crate::date::CivilDate;
use crate::error::Problem;
use crate::i18n::Label;
use crate::map::Map;

/// What a file is checked against: the rules and occasions it ends up with (the calendar's and
/// its own), and the calendar it changes, if any.
pub(super) struct Known<'a> {
    pub rules: &'a Map<String, HolidayRule>,
    pub occasions: &'a Map<String, Label>,
    pub base: Option<&'a Calendar>,
}

/// Every problem of `parsed` that decoding could not see.
pub(super) fn check(parsed: &Parsed, known: &Known<'_>) -> Vec<Problem> {
    let file = &parsed.file;
    let mut p = Vec::new();
    p.extend(Problem::unsupported_format(
        file.format,
        super::schedule::FORMATS,
    ));
    check_occasions(file, &mut p);
    for (id, rule) in &file.rules {
        check_rule(id, rule, known, &mut p);
    }
    if let Some(province) = &file.province {
        if province.code.trim().is_empty() {
            p.push(Problem::new(
                "/province/code",
                "Mã tỉnh để trống".into(),
                "the province code is empty".into(),
            ));
        }
    }
    for (year, spec) in &file.years {
        let at_year = parsed.place(*year, None);
        let at = |date: CivilDate| parsed.place(*year, Some(date));
        if spec.mode == Mode::Changes && known.base.is_none_or(|b| b.year(*year).is_err()) {
            p.push(Problem::new(
                format!("{at_year}/mode"),
                format!(
                    "Lịch chưa có năm {year} để sửa theo từng ngày; hãy ghi cả năm (“mode”: “whole_year”)"
                ),
                format!(
                    "the calendar has no year {year} to change date by date; list the whole year (\"mode\": \"whole_year\")"
                ),
            ));
        }
        for (date, day) in &spec.days {
            let at = at(*date);
            let (d, weekday) = (spoken(*date), date.naive().weekday_vi_en());
            if date.year() != *year {
                p.push(Problem::new(
                    at.clone(),
                    format!("Ngày {} không thuộc năm {year}", d.vi),
                    format!("{} is not in {year}", d.en),
                ));
            }
            if !known.occasions.contains_key(&day.occasion) {
                let listed = known
                    .occasions
                    .keys()
                    .map(|k| format!("“{k}”"))
                    .collect::<Vec<_>>()
                    .join(", ");
                p.push(Problem::new(
                    format!("{at}/occasion"),
                    format!(
                        "Không có dịp nghỉ “{}”; các dịp đã biết: {listed} (dịp mới khai báo trong “occasions”)",
                        day.occasion
                    ),
                    format!(
                        "unknown occasion “{}”; known: {listed} (declare a new one in “occasions”)",
                        day.occasion
                    ),
                ));
            }
            let wrong_day = match day.role {
                Role::MakeUpDay => (weekday.0 != Weekday::Sat).then_some((
                    "Ngày làm bù phải là thứ Bảy",
                    "a make-up day must be a Saturday",
                )),
                Role::SwappedDayOff | Role::Compensatory => is_weekend(*date).then_some((
                    "Ngày nghỉ hoán đổi hoặc nghỉ bù phải là ngày từ thứ Hai đến thứ Sáu",
                    "a swapped or compensatory day off must be a weekday",
                )),
                Role::RestDay => (!is_weekend(*date)).then_some((
                    "Ngày nghỉ hằng tuần phải là thứ Bảy hoặc Chủ nhật",
                    "a rest day must be a Saturday or Sunday",
                )),
                Role::Holiday => None,
            };
            if let Some((vi, en)) = wrong_day {
                p.push(Problem::new(
                    format!("{at}/role"),
                    format!("{vi}; {} là {}", d.vi, weekday.1),
                    format!("{en}; {} is a {}", d.en, weekday.2),
                ));
            }
            match (day.role, day.replaces) {
                (Role::MakeUpDay, None) => p.push(Problem::new(
                    at.clone(),
                    "Ngày làm bù cần ghi “replaces”: ngày nghỉ hoán đổi mà nó làm bù".into(),
                    "a make-up day needs “replaces”: the swapped day off it makes up".into(),
                )),
                (Role::MakeUpDay, Some(replaced)) => {
                    let swapped = match spec.days.get(&replaced) {
                        Some(other) => other.role == Role::SwappedDayOff,
                        None => {
                            spec.mode == Mode::Changes
                                && known.base.is_some_and(|b| {
                                    b.scheduled(replaced)
                                        .ok()
                                        .flatten()
                                        .is_some_and(|s| s.role == Role::SwappedDayOff)
                                })
                        }
                    };
                    if !swapped {
                        let r = spoken(replaced);
                        p.push(Problem::new(
                            format!("{at}/replaces"),
                            format!("Ngày {} không phải ngày nghỉ hoán đổi của lịch này", r.vi),
                            format!("{} is not a swapped day off of this schedule", r.en),
                        ));
                    }
                }
                (_, Some(_)) => p.push(Problem::new(
                    format!("{at}/replaces"),
                    "Chỉ ngày làm bù mới có “replaces”".into(),
                    "only a make-up day has “replaces”".into(),
                )),
                (_, None) => {}
            }
        }
        check_statutory(*year, spec, known, &at_year, &mut p);
    }
    p
}

/// Occasion ids and names.
fn check_occasions(file: &ScheduleFile, p: &mut Vec<Problem>) {
    for (id, name) in &file.occasions {
        let at = crate::finding::pointer_push("/occasions", id);
        if !is_id(id) {
            p.push(Problem::new(
                at.clone(),
                format!("Mã dịp nghỉ “{id}” chỉ được gồm chữ thường a–z, chữ số và dấu _"),
                format!("occasion id “{id}” may hold only a–z, digits and _"),
            ));
        }
        if name.vi.trim().is_empty() || name.en.trim().is_empty() {
            p.push(Problem::new(
                at,
                "Tên dịp nghỉ để trống".into(),
                "the occasion's name is empty".into(),
            ));
        }
    }
}

/// Whether `id` is a lower-case id: `a`–`z`, digits and `_`, starting with a letter.
fn is_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A rule's fields against its kind.
fn check_rule(id: &str, rule: &HolidayRule, known: &Known<'_>, p: &mut Vec<Problem>) {
    let at = crate::finding::pointer_push("/rules", id);
    let field = |name: &str| crate::finding::pointer_push(&at, name);
    let mut push = |at: String, vi: String, en: String| p.push(Problem::new(at, vi, en));
    if !is_id(id) {
        push(
            at.clone(),
            format!("Mã quy định “{id}” chỉ được gồm chữ thường a–z, chữ số và dấu _"),
            format!("rule id “{id}” may hold only a–z, digits and _"),
        );
    }
    let needs: &[&str] = match rule.kind {
        RuleKind::Fixed | RuleKind::Lunar => &["occasion", "month", "day"],
        RuleKind::LunarNewYear => &["occasion", "days"],
        RuleKind::Adjacent => &["occasion", "to"],
        RuleKind::Compensatory => &[],
    };
    let present = [
        ("occasion", rule.occasion.is_some()),
        ("month", rule.month.is_some()),
        ("day", rule.day.is_some()),
        ("days", rule.days.is_some()),
        ("to", rule.to.is_some()),
    ];
    let kind = crate::wire::Named::name(rule.kind);
    for (name, is_present) in present {
        match (needs.contains(&name), is_present) {
            (true, false) => push(
                at.clone(),
                format!("Quy định loại “{kind}” cần trường “{name}”"),
                format!("a rule of kind “{kind}” needs “{name}”"),
            ),
            (false, true) => push(
                field(name),
                format!("Trường “{name}” không dùng cho quy định loại “{kind}”"),
                format!("“{name}” does not apply to a rule of kind “{kind}”"),
            ),
            _ => {}
        }
    }
    if let Some(occasion) = &rule.occasion {
        if !known.occasions.contains_key(occasion) {
            push(
                field("occasion"),
                format!("Không có dịp nghỉ “{occasion}” (khai báo trong “occasions”)"),
                format!("unknown occasion “{occasion}” (declare it in “occasions”)"),
            );
        }
    }
    if let (Some(month), Some(day)) = (rule.month, rule.day) {
        let exists = match rule.kind {
            // A fixed date must exist in a leap year at least.
            RuleKind::Fixed => CivilDate::from_ymd(2024, month, day).is_some(),
            _ => (1..=12).contains(&month) && (1..=30).contains(&day),
        };
        if !exists {
            push(
                field("day"),
                format!("Không có ngày {day} tháng {month}"),
                format!("there is no day {day} of month {month}"),
            );
        }
    }
    if let Some(days) = rule.days {
        if !(1..=10).contains(&days) {
            push(
                field("days"),
                format!("Số ngày nghỉ Tết phải từ 1 đến 10, không phải {days}"),
                format!("the Lunar New Year break has 1 to 10 days, not {days}"),
            );
        }
    }
    if let Some(to) = &rule.to {
        if known
            .rules
            .get(to)
            .is_none_or(|r| r.kind != RuleKind::Fixed)
        {
            push(
                field("to"),
                format!("“{to}” không phải quy định ngày lễ cố định theo dương lịch"),
                format!("“{to}” is not a rule of kind “fixed”"),
            );
        }
    }
    if let Some(until) = rule.until {
        if until < rule.from {
            push(
                field("until"),
                format!(
                    "Ngày hết hiệu lực {until} trước ngày có hiệu lực {}",
                    rule.from
                ),
                format!("ends on {until}, before it takes effect on {}", rule.from),
            );
        }
    }
}

/// A year that is listed whole must keep every statutory holiday in force that year, and no
/// year may make one a working day.
fn check_statutory(
    year: i32,
    spec: &super::schedule::YearSpec,
    known: &Known<'_>,
    at_year: &str,
    p: &mut Vec<Problem>,
) {
    let off = |date: CivilDate, occasion: &str| {
        spec.days
            .get(&date)
            .is_some_and(|d| d.role == Role::Holiday && d.occasion == occasion)
    };
    let name = |rule: &HolidayRule| {
        rule.occasion
            .as_deref()
            .and_then(|o| known.occasions.get(o))
            .cloned()
            .unwrap_or_default()
    };
    for (id, rule) in known.rules {
        let occasion = rule.occasion.as_deref().unwrap_or_default();
        match rule.kind {
            RuleKind::Fixed | RuleKind::Lunar => {
                let Some(date) = rule_date(rule, year).filter(|d| rule.in_force(*d)) else {
                    continue;
                };
                if spec.days.get(&date).is_some_and(|d| d.role.working()) {
                    let (d, n) = (spoken(date), name(rule));
                    p.push(Problem::new(
                        format!("{at_year}/days/{date}/role"),
                        format!(
                            "Ngày {} là ngày lễ {} theo {}, không thể là ngày làm việc",
                            d.vi, n.vi, rule.basis.vi
                        ),
                        format!(
                            "{} is the {} holiday under {}; it cannot be a working day",
                            d.en, n.en, rule.basis.en
                        ),
                    ));
                }
                if spec.mode == Mode::WholeYear && !off(date, occasion) {
                    missing(p, at_year, &[date], &name(rule), rule, id);
                }
            }
            RuleKind::LunarNewYear if spec.mode == Mode::WholeYear => {
                let projected = lunar_new_year_days(rule, year);
                if !projected
                    .iter()
                    .any(|d| rule.in_force(*d) && d.year() == year)
                {
                    continue;
                }
                let listed = spec
                    .days
                    .iter()
                    .filter(|(_, d)| d.role == Role::Holiday && d.occasion == occasion)
                    .count();
                let wanted = rule.days.unwrap_or(0) as usize;
                // A break that crosses New Year leaves part of its days to the other year.
                let in_year = projected.iter().filter(|d| d.year() == year).count();
                if listed < wanted.min(in_year) || listed > wanted {
                    let n = name(rule);
                    p.push(Problem::new(
                        format!("{at_year}/days"),
                        format!(
                            "Năm {year} ghi {listed} ngày lễ {} nhưng {} quy định {wanted} ngày",
                            n.vi, rule.basis.vi
                        ),
                        format!(
                            "{year} lists {listed} days of {} as holidays, but {} sets {wanted}",
                            n.en, rule.basis.en
                        ),
                    ));
                }
            }
            RuleKind::Adjacent if spec.mode == Mode::WholeYear => {
                let anchor = rule.to.as_deref().and_then(|to| known.rules.get(to));
                let Some(day) = anchor
                    .and_then(|a| rule_date(a, year))
                    .filter(|d| rule.in_force(*d))
                else {
                    continue;
                };
                let (before, after) = (
                    super::project::shift(day, -1),
                    super::project::shift(day, 1),
                );
                let listed = [before, after]
                    .into_iter()
                    .flatten()
                    .any(|d| off(d, occasion));
                if !listed {
                    let candidates: Vec<CivilDate> = adjacent_day(day).into_iter().collect();
                    missing(p, at_year, &candidates, &name(rule), rule, id);
                }
            }
            _ => {}
        }
    }
}

/// The problem of a statutory holiday a whole year leaves out.
fn missing(
    p: &mut Vec<Problem>,
    at_year: &str,
    dates: &[CivilDate],
    name: &Label,
    rule: &HolidayRule,
    id: &str,
) {
    let Some(date) = dates.first() else {
        return;
    };
    let d = spoken(*date);
    p.push(Problem::new(
        format!("{at_year}/days"),
        format!(
            "Thiếu ngày lễ {} ({}, theo {}): một năm ghi cả năm (“whole_year”) phải có mọi ngày lễ đang có hiệu lực",
            name.vi, d.vi, rule.basis.vi
        ),
        format!(
            "the {} holiday ({}, under {}; rule “{id}”) is missing: a whole year must list every statutory holiday in force",
            name.en, d.en, rule.basis.en
        ),
    ));
}

/// The weekday of a date, with its names.
trait WeekdayNames {
    fn weekday_vi_en(&self) -> (Weekday, &'static str, &'static str);
}

impl WeekdayNames for chrono::NaiveDate {
    fn weekday_vi_en(&self) -> (Weekday, &'static str, &'static str) {
        use chrono::Datelike;
        let w = self.weekday();
        let (vi, en) = super::weekday_names(w);
        (w, vi, en)
    }
}
