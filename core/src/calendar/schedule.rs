//! Schedule files: the statutory holiday rules in force by date, and the days off, compensatory
//! days and swaps announced for a year (or by a province), as data.
//!
//! Format 2 keys everything by what a person would name it, so that every problem is reported
//! at a readable JSON Pointer (`/years/2026/days/2026-11-23/role`) and a repeated entry is a
//! repeated key:
//!
//! ```json
//! { "format": 2,
//!   "description": "Lịch nghỉ năm 2026 theo Thông báo …",
//!   "years": { "2026": { "status": "official", "mode": "changes",
//!     "basis": "Thông báo …",
//!     "days": { "2026-11-23": { "occasion": "culture_day", "role": "swapped_day_off" },
//!               "2026-11-28": { "occasion": "culture_day", "role": "make_up_day",
//!                               "replaces": "2026-11-23" } } } } }
//! ```
//!
//! A year in `whole_year` mode lists every exception of the year and replaces what the calendar
//! had for it (official or projected); in `changes` mode its days are laid over that year date
//! by date. Format 1 (a list of whole years, as treem 0.1 wrote them) is still read.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::CivilDate;
use crate::i18n::Label;
use crate::map::Map;

/// The format versions of schedule files this build reads.
pub(crate) const FORMATS: &[u32] = &[1, 2];

/// A schedule file: holiday rules, occasions and years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "treem civil-service schedule")]
pub struct ScheduleFile {
    /// Data format version: 2 (1 is still read).
    pub format: u32,
    /// What the file holds, for the person who reads it.
    #[serde(default, with = "text")]
    #[schemars(with = "TextSchema")]
    pub description: Label,
    /// The province whose own schedule this is, when it is not the national one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<ProvinceScope>,
    /// Occasions (holidays and other reasons for a day off) by id, with their names; added to
    /// those the calendar knows.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    #[schemars(with = "std::collections::BTreeMap<String, TextSchema>")]
    #[serde(with = "text_map")]
    pub occasions: Map<String, Label>,
    /// Statutory holiday rules by id, each in force from a date; a rule with the id of one the
    /// calendar knows replaces it.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub rules: Map<String, HolidayRule>,
    /// Years by number (written as a string key, e.g. `"2026"`).
    #[serde(default)]
    pub years: Map<i32, YearSpec>,
}

/// The province whose own schedule a file is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProvinceScope {
    /// The province's administrative unit code (e.g. `52`).
    pub code: String,
    /// Its name (e.g. *Gia Lai*).
    #[serde(deserialize_with = "crate::text::de_nfc")]
    pub name: String,
}

/// What a holiday rule computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// A fixed Gregorian date each year (`month`, `day`), e.g. 1 January.
    Fixed,
    /// A date of the Vietnamese lunar calendar (`month`, `day`), e.g. the Hùng Kings' day, 10th
    /// day of the 3rd lunar month.
    Lunar,
    /// The Lunar New Year break of `days` days, chosen each year by the Prime Minister (Labour
    /// Code 2019, art. 112(3)); projected as the last day of the old lunar year and the first
    /// days of the new one.
    LunarNewYear,
    /// A day adjacent to another rule's fixed date (`to`), chosen each year: National Day's
    /// second day, projected as the day that joins 2 September to a weekend (1 September when
    /// 2 September is a Tuesday or Wednesday, 3 September otherwise).
    Adjacent,
    /// A holiday falling on a weekly rest day gives the next working day off (Labour Code 2019,
    /// art. 111(3)).
    Compensatory,
}

/// A statutory rule that makes days off, with the instrument that set it and when it applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HolidayRule {
    /// What the rule computes.
    pub kind: RuleKind,
    /// The occasion of the days it makes (every kind but `compensatory`, whose day takes the
    /// occasion of its holiday).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occasion: Option<String>,
    /// For `fixed` and `lunar`: the month, 1–12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    /// For `fixed` and `lunar`: the day of the month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
    /// For `lunar_new_year`: how many days off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// For `adjacent`: the id of the `fixed` rule whose day it is adjacent to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The instrument and article that set the rule.
    #[serde(with = "text")]
    #[schemars(with = "TextSchema")]
    pub basis: Label,
    /// The first day the rule applies (the instrument's entry into force).
    pub from: CivilDate,
    /// The last day it applies, when it has ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<CivilDate>,
}

impl HolidayRule {
    /// Whether the rule applies on `date`.
    pub fn in_force(&self, date: CivilDate) -> bool {
        self.from <= date && self.until.is_none_or(|until| date <= until)
    }

    /// Whether the Government chooses the rule's days each year (the Tết break, National Day's
    /// second day), so that an announced day's basis names the announcement too.
    pub(crate) fn chosen_each_year(&self) -> bool {
        matches!(self.kind, RuleKind::LunarNewYear | RuleKind::Adjacent)
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

impl Role {
    /// Whether agencies work on a day of this role (only make-up days are working days).
    pub fn working(self) -> bool {
        self == Role::MakeUpDay
    }
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

/// How a year of a schedule file combines with the year the calendar already has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// The days listed are every exception of the year: the year replaces the one the calendar
    /// had (official or projected). `treem calendar YEAR --format json` prints this.
    WholeYear,
    /// The days listed change the calendar's year date by date (a day listed replaces that
    /// date's entry; other dates stay): how one announced swap is added.
    Changes,
}

/// One year of a schedule file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearSpec {
    /// Announced or projected.
    pub status: Source,
    /// Whether the days are the whole year or changes to it.
    pub mode: Mode,
    /// The announcement the days come from (the Government's letter, a province's decision),
    /// or what a projection is computed from.
    #[serde(with = "text")]
    #[schemars(with = "TextSchema")]
    pub basis: Label,
    /// What a reader of the year should know (e.g. a swap that was proposed but not confirmed).
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "text_list")]
    #[schemars(with = "Vec<TextSchema>")]
    pub notes: Vec<Label>,
    /// The days, by date.
    pub days: Map<CivilDate, DaySpec>,
}

/// One day of a year in a schedule file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DaySpec {
    /// The occasion (an id of the calendar's or the file's occasions).
    pub occasion: String,
    /// What the day is within the break.
    pub role: Role,
    /// For a make-up day: the swapped day off it makes up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<CivilDate>,
    /// Why the day is off or worked, when not the rule or the year's basis: the law and
    /// article, or the letter.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_text")]
    #[schemars(with = "Option<TextSchema>")]
    pub basis: Option<Label>,
}

/// A text of a schedule file in the JSON Schema: one string for both languages, or a label.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // only its schema is used
enum TextSchema {
    /// The same text in both languages (a proper name such as an instrument's number).
    Both(String),
    /// Vietnamese and English.
    Label(Label),
}

/// A text as a file may write it: one string for both languages, or a label.
#[derive(Deserialize)]
#[serde(untagged)]
enum Either {
    Both(String),
    Label(Label),
}

/// serde for a text that is a string (the same in both languages) or a label.
mod text {
    use super::*;
    use serde::{Deserializer, Serializer};

    pub(super) fn to_label(either: Either) -> Label {
        match either {
            Either::Both(s) => {
                let s = crate::text::nfc(&s);
                Label {
                    vi: s.clone(),
                    en: s,
                }
            }
            Either::Label(l) => l,
        }
    }

    pub(super) fn serialize<S: Serializer>(label: &Label, s: S) -> Result<S::Ok, S::Error> {
        label.serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Label, D::Error> {
        Either::deserialize(d).map(to_label)
    }
}

/// serde for an optional text.
mod opt_text {
    use super::*;
    use serde::{Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(label: &Option<Label>, s: S) -> Result<S::Ok, S::Error> {
        label.serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Label>, D::Error> {
        Option::<Either>::deserialize(d).map(|o| o.map(text::to_label))
    }
}

/// serde for a list of texts.
mod text_list {
    use super::*;
    use serde::{Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(labels: &[Label], s: S) -> Result<S::Ok, S::Error> {
        labels.serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Label>, D::Error> {
        Vec::<Either>::deserialize(d).map(|v| v.into_iter().map(text::to_label).collect())
    }
}

/// serde for a map of texts.
mod text_map {
    use super::*;
    use serde::{Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(
        labels: &Map<String, Label>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        labels.serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Map<String, Label>, D::Error> {
        Map::<String, Either>::deserialize(d).map(|m| m.map_values(text::to_label))
    }
}

/// Reading a schedule file (see [`crate::decode`]).
pub(crate) mod read {
    use super::*;
    use crate::decode::{Obj, Problems, Value, i32_, text, u32_};

    /// The keys of a format-2 file (format 1 has `format`, `description` and `years`).
    const KNOWN: &[&str] = &[
        "format",
        "description",
        "province",
        "occasions",
        "rules",
        "years",
    ];

    /// A schedule file as read, with the places of its years and days when they are not the
    /// format-2 pointers (`/years/2026`, `/years/2026/days/2026-11-24`).
    pub(crate) struct Parsed {
        pub file: ScheduleFile,
        pub places: Option<Map<(i32, Option<CivilDate>), String>>,
    }

    impl Parsed {
        /// The pointer of a year, or of one of its days.
        pub(crate) fn place(&self, year: i32, date: Option<CivilDate>) -> String {
            if let Some(at) = self.places.as_ref().and_then(|p| p.get(&(year, date))) {
                return at.clone();
            }
            match date {
                None => format!("/years/{year}"),
                Some(date) => format!("/years/{year}/days/{date}"),
            }
        }
    }

    /// The file, for the serde cross-check of the decoder.
    #[cfg(test)]
    pub(crate) fn schedule_file(v: &Value<'_>, at: &str, cx: &Problems) -> Option<ScheduleFile> {
        parsed(v, at, cx).map(|p| p.file)
    }

    pub(crate) fn parsed(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Parsed> {
        let o = Obj::new(v, at, KNOWN, cx)?;
        let format = o.req("format", u32_).unwrap_or(2);
        if format == 1 {
            return Some(format_1(&o));
        }
        let description = o.opt("description", text).unwrap_or_default();
        let occasions = o
            .opt("occasions", |v, at, cx| keyed(v, at, cx, text))
            .unwrap_or_default();
        let rules = o
            .opt("rules", |v, at, cx| keyed(v, at, cx, rule))
            .unwrap_or_default();
        let years = o.opt("years", years).unwrap_or_default();
        Some(Parsed {
            file: ScheduleFile {
                format,
                description,
                province: o.opt("province", province),
                occasions,
                rules,
                years,
            },
            places: None,
        })
    }

    /// An object keyed by ids, each value read by `read`.
    fn keyed<T>(
        v: &Value<'_>,
        at: &str,
        cx: &Problems,
        read: crate::decode::Read<T>,
    ) -> Option<Map<String, T>> {
        let mut out = Vec::new();
        for entry in Obj::entries(v, at, cx)? {
            if let Some(value) = read(entry.value, &entry.at, cx) {
                out.push((entry.key.to_owned(), value));
            }
        }
        Some(Map::from_pairs(out))
    }

    fn province(v: &Value<'_>, at: &str, cx: &Problems) -> Option<ProvinceScope> {
        let o = Obj::new(v, at, &["code", "name"], cx)?;
        Some(ProvinceScope {
            code: o.string("code"),
            name: o.string("name"),
        })
    }

    fn rule(v: &Value<'_>, at: &str, cx: &Problems) -> Option<HolidayRule> {
        let known = [
            "kind", "occasion", "month", "day", "days", "to", "basis", "from", "until",
        ];
        let o = Obj::new(v, at, &known, cx)?;
        Some(HolidayRule {
            kind: o.named("kind"),
            occasion: o.opt_string("occasion"),
            month: o.opt("month", u32_),
            day: o.opt("day", u32_),
            days: o.opt("days", u32_),
            to: o.opt_string("to"),
            basis: o.req("basis", text).unwrap_or_default(),
            from: o.date("from"),
            until: o.opt("until", crate::decode::date),
        })
    }

    /// A year written as a string key.
    fn year_key(key: &str, at: &str, cx: &Problems) -> Option<i32> {
        let year = (key.len() == 4 && key.bytes().all(|b| b.is_ascii_digit()))
            .then(|| key.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1900..=9999).contains(y));
        if year.is_none() {
            cx.push(
                at,
                format!("“{key}” không phải một năm (viết bốn chữ số, từ 1900 đến 9999)"),
                format!("“{key}” is not a year (four digits, from 1900 to 9999)"),
            );
        }
        year
    }

    fn years(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Map<i32, YearSpec>> {
        let mut out = Vec::new();
        for entry in Obj::entries(v, at, cx)? {
            let year = year_key(entry.key, &entry.at, cx);
            let spec = year_spec(entry.value, &entry.at, cx);
            if let (Some(year), Some(spec)) = (year, spec) {
                out.push((year, spec));
            }
        }
        Some(Map::from_pairs(out))
    }

    fn year_spec(v: &Value<'_>, at: &str, cx: &Problems) -> Option<YearSpec> {
        let o = Obj::new(v, at, &["status", "mode", "basis", "notes", "days"], cx)?;
        Some(YearSpec {
            status: o.named("status"),
            mode: o.named("mode"),
            basis: o.req("basis", text).unwrap_or_default(),
            notes: o.opt_list("notes", text),
            days: o
                .req("days", |v, at, cx| {
                    let mut out = Map::new();
                    for entry in Obj::entries(v, at, cx)? {
                        let date =
                            crate::decode::date(&Value::String(entry.key.into()), &entry.at, cx);
                        let day = day(entry.value, &entry.at, cx);
                        if let (Some(date), Some(day)) = (date, day) {
                            out.insert(date, day);
                        }
                    }
                    Some(out)
                })
                .unwrap_or_default(),
        })
    }

    fn day(v: &Value<'_>, at: &str, cx: &Problems) -> Option<DaySpec> {
        let o = Obj::new(v, at, &["occasion", "role", "replaces", "basis"], cx)?;
        Some(DaySpec {
            occasion: o.string("occasion"),
            role: o.named("role"),
            replaces: o.opt("replaces", crate::decode::date),
            basis: o.opt("basis", text),
        })
    }

    /// A format-1 file: `{"format": 1, "description", "years": [{"year", "status", "source",
    /// "days": [{"date", "occasion", "role", "replaces"?}]}]}`, each year whole. The pointers of
    /// its years and days are recorded, so that later checks name the right places.
    fn format_1(o: &Obj<'_, '_, '_>) -> Parsed {
        let cx = o.problems();
        for key in ["province", "occasions", "rules"] {
            if o.has(key) {
                cx.push(
                    o.at(key),
                    format!("Định dạng 1 không có trường “{key}” (hãy dùng định dạng 2)"),
                    format!("format 1 has no field “{key}” (use format 2)"),
                );
            }
        }
        let description = o.req("description", text).unwrap_or_default();
        let mut day_places = Vec::new();
        let mut places = Map::new();
        let mut years = Map::new();
        let list = o.field("years");
        let items: &[Value<'_>] = match list {
            Some(Value::Array(items)) => items,
            Some(other) => {
                crate::decode::list(other, &o.at("years"), cx, |_, _, _| Some(()));
                &[]
            }
            None => &[],
        };
        for (i, item) in items.iter().enumerate() {
            let at = format!("{}/{i}", o.at("years"));
            let Some(y) = Obj::new(item, &at, &["year", "status", "source", "days"], cx) else {
                continue;
            };
            let year = y.req("year", i32_);
            let mut listed: Vec<(CivilDate, (DaySpec, String, String))> = Vec::new();
            let day_list = y.field("days");
            let day_items: &[Value<'_>] = match day_list {
                Some(Value::Array(items)) => items,
                Some(other) => {
                    crate::decode::list(other, &y.at("days"), cx, |_, _, _| Some(()));
                    &[]
                }
                None => &[],
            };
            for (j, item) in day_items.iter().enumerate() {
                let at = format!("{}/{j}", y.at("days"));
                let Some(d) = Obj::new(item, &at, &["date", "occasion", "role", "replaces"], cx)
                else {
                    continue;
                };
                let Some(date) = d.req("date", crate::decode::date) else {
                    continue;
                };
                let spec = DaySpec {
                    occasion: d.string("occasion"),
                    role: d.named("role"),
                    replaces: d.opt("replaces", crate::decode::date),
                    basis: None,
                };
                listed.push((date, (spec, at, d.at("date"))));
            }
            // Sorted once (stably: of a date listed twice, the first stays).
            let repeats = crate::util::repeated(listed.iter().map(|(date, _)| *date));
            let mut days = Vec::new();
            for (j, (date, (spec, at, date_at))) in listed.into_iter().enumerate() {
                if repeats.binary_search(&j).is_ok() {
                    cx.push(
                        date_at,
                        format!("Ngày {date} được ghi hai lần"),
                        format!("{date} is listed twice"),
                    );
                    continue;
                }
                if let Some(year) = year {
                    day_places.push(((year, Some(date)), at));
                }
                days.push((date, spec));
            }
            let days = Map::from_pairs(days);
            let spec = YearSpec {
                status: y.named("status"),
                mode: Mode::WholeYear,
                basis: y.req("source", text).unwrap_or_default(),
                notes: Vec::new(),
                days,
            };
            if let Some(year) = year {
                if years.insert(year, spec).is_some() {
                    cx.push(
                        y.at("year"),
                        format!("Năm {year} được ghi hai lần"),
                        format!("{year} is listed twice"),
                    );
                } else {
                    places.insert((year, None), at);
                }
            }
        }
        places.extend(day_places);
        Parsed {
            file: ScheduleFile {
                format: 1,
                description,
                province: None,
                occasions: Map::new(),
                rules: Map::new(),
                years,
            },
            places: Some(places),
        }
    }
}
