//! Profiles: a reporting regime as data.
//!
//! A profile says who reports to whom, which report kinds exist with their periods and due rules,
//! which sections, measures, dimensions and units a report has, how measures relate (part ≤
//! whole), and what each kind of reporter must fill. `binh-dinh-2024` — the 2024 directive of the
//! People's Committee of Bình Định province (*V/v triển khai công tác trẻ em trên địa bàn tỉnh năm
//! 2024*, symbol /UBND-VX) — is embedded and is the default. Another province or year is a new
//! profile file, loaded with [`Profile::from_json`]; no code changes.

use crate::map::Map;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::CivilDate;
use crate::error::{Error, Problem};
use crate::finding::Severity;
use crate::i18n::Label;
use crate::text::{de_nfc, de_some_nfc};

/// The embedded profiles: id and JSON text. Adding a profile is adding a line here.
const EMBEDDED: &[(&str, &str)] = &[(
    DEFAULT_PROFILE,
    include_str!("../data/profiles/binh-dinh-2024.json"),
)];

/// How many profiles are embedded.
pub(crate) const EMBEDDED_COUNT: usize = EMBEDDED.len();

/// The position of the embedded profile `id` among the embedded ones: caches of what is
/// derived from each embedded profile are arrays in this order.
pub(crate) fn embedded_index(id: &str) -> Option<usize> {
    EMBEDDED.iter().position(|(known, _)| *known == id)
}

/// The id of the default profile.
pub const DEFAULT_PROFILE: &str = "binh-dinh-2024";

/// A reporting regime: one province's (or ministry's) directive for one year, as data.
///
/// # Example
///
/// ```
/// let profile = treem::Profile::embedded("binh-dinh-2024").unwrap();
/// assert_eq!(profile.year, 2024);
/// assert_eq!(profile.reporter("540").unwrap().name, "Ủy ban nhân dân thành phố Quy Nhơn");
/// assert_eq!(profile.report_kind("half_year").unwrap().due.date.to_string(), "2024-05-15");
/// assert!(treem::Profile::embedded("gia-lai-2026").is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "treem profile")]
pub struct Profile {
    /// Data format version; 1.
    pub format: u32,
    /// Profile id, e.g. `binh-dinh-2024`; reports name it in their `profile` field.
    pub id: String,
    /// What the regime is about.
    pub title: Label,
    /// The year reported on.
    pub year: u16,
    /// Who issued the regime and in which instrument.
    pub authority: Authority,
    /// Id of the indicator catalog the reports use (e.g. `circular-13-2021`).
    pub catalog: String,
    /// The body reports are sent to, which consolidates them (*cơ quan tổng hợp*).
    pub recipient: Party,
    /// The kinds of report, with their periods and due rules.
    pub report_kinds: Vec<ReportKind>,
    /// The kinds of reporter and what each must fill.
    pub reporter_kinds: Vec<ReporterKind>,
    /// The expected reporters.
    pub reporters: Vec<ReporterDef>,
    /// The sections of a report: one per task area of the directive.
    pub sections: Vec<SectionDef>,
    /// Units in which measures are counted.
    pub units: Vec<UnitDef>,
    /// Dimensions by which measures are broken down, with their members.
    pub dimensions: Vec<Dimension>,
    /// The measures a report may carry.
    pub measures: Vec<MeasureDef>,
    /// Part-whole relations between measures.
    #[serde(default)]
    pub relations: Vec<Relation>,
}

/// The issuing authority of a regime.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// Issuing body, e.g. *Ủy ban nhân dân tỉnh Bình Định*.
    #[serde(deserialize_with = "de_nfc")]
    pub name: String,
    /// The instrument (number, date, subject).
    #[serde(deserialize_with = "de_nfc")]
    pub instrument: String,
    /// Administrative unit code of the province (Decision 124/2004/QĐ-TTg), e.g. `52`.
    #[serde(
        default,
        deserialize_with = "de_some_nfc",
        skip_serializing_if = "Option::is_none"
    )]
    pub province_code: Option<String>,
}

/// A body identified by id and name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Stable id.
    pub id: String,
    /// Official name (NFC).
    #[serde(deserialize_with = "de_nfc")]
    pub name: String,
}

/// A kind of report, e.g. the six-month report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportKind {
    /// Id used in a report's `kind` field, e.g. `half_year`.
    pub id: String,
    /// Name of the report.
    pub name: Label,
    /// The period reported on.
    pub period: Period,
    /// When the report is due.
    pub due: DueRule,
}

/// A period of days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day.
    pub start: CivilDate,
    /// Last day.
    pub end: CivilDate,
}

impl Period {
    /// Whether `date` lies in the period.
    pub fn contains(&self, date: CivilDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// When a report is due: a date as the instrument writes it and how to read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DueRule {
    /// The date named in the instrument.
    pub date: CivilDate,
    /// The instrument's words, e.g. *trước ngày 15/5/2024*.
    #[serde(
        default,
        deserialize_with = "de_some_nfc",
        skip_serializing_if = "Option::is_none"
    )]
    pub wording: Option<String>,
    /// How the date is read.
    pub reading: Reading,
    /// Whether a last day that is not a working day rolls forward to the next working day
    /// (Civil Code 2015, art. 148(5)).
    pub roll_forward: bool,
}

/// How a due date is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Reading {
    /// "trước ngày X" (before X): the last on-time day is the day before X.
    Before,
    /// "chậm nhất ngày X" (no later than X): X itself is on time.
    By,
}

impl Reading {
    /// The wire name, `before` or `by`.
    pub fn as_str(self) -> &'static str {
        crate::wire::Named::name(self)
    }

    /// Parses the wire name `before` or `by`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(treem::Reading::parse("by"), Some(treem::Reading::By));
    /// assert_eq!(treem::Reading::parse("after"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Reading> {
        crate::wire::Named::from_name(name)
    }
}

/// A kind of reporter and its duties.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReporterKind {
    /// Id, e.g. `district_committee`.
    pub id: String,
    /// Name.
    pub name: Label,
    /// Which sections this kind must fill.
    pub sections: SectionDuty,
    /// Measures this kind must report, with any breakdowns required.
    #[serde(default)]
    pub required_measures: Vec<Requirement>,
}

/// Which sections a kind of reporter must fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionDuty {
    /// Every section of the profile (district-level People's Committees).
    All,
    /// The sections in the reporter's remit; the others are marked `not_applicable`.
    Remit,
}

/// A measure a kind of reporter must report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Measure id.
    pub measure: String,
    /// Breakdowns that must be given in full.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakdowns: Vec<String>,
}

/// An expected reporter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReporterDef {
    /// Stable id: the administrative unit code for a district (`540`), a project-given id for a
    /// department (`so-gddt`).
    pub id: String,
    /// Reporter kind id.
    pub kind: String,
    /// Official name of the reporting body, e.g. *Ủy ban nhân dân thành phố Quy Nhơn*.
    #[serde(deserialize_with = "de_nfc")]
    pub name: String,
    /// The administrative unit, e.g. *Thành phố Quy Nhơn*.
    #[serde(
        default,
        deserialize_with = "de_some_nfc",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit: Option<String>,
    /// Type of unit (`city`, `town`, `district`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_type: Option<String>,
    /// Whether the unit is mountainous (*huyện miền núi*).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub mountainous: bool,
    /// Task numbers in a department's remit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remit: Vec<u8>,
    /// Whether the entry was read in a source or is the project's inference.
    pub provenance: Provenance,
}

/// Where a fact in the data comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// Read in a legal or official source.
    Confirmed,
    /// The project's inference, replaceable when a source is found.
    Inferred,
    /// A likely entry not yet confirmed; never to be cited as the source's wording.
    Provisional,
}

/// A section of the report: one task area of the directive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionDef {
    /// Task number, 1–10 in the 2024 directive.
    pub task: u8,
    /// Title of the task area.
    pub title: Label,
}

/// A unit of measurement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitDef {
    /// Id, e.g. `persons`, `vnd`.
    pub id: String,
    /// Whether it counts things or money.
    pub quantity: QuantityKind,
    /// Name as written after a figure (*người*, *đồng*).
    pub name: Label,
}

/// What a unit quantifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// Whole things: persons, cases, events, facilities.
    Count,
    /// Whole Vietnamese đồng.
    Money,
}

/// A dimension of breakdown (*phân tổ*), e.g. sex.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Id, e.g. `sex`.
    pub id: String,
    /// Name.
    pub name: Label,
    /// The members, which together make the whole.
    pub members: Vec<Member>,
}

/// A member of a dimension, e.g. `female`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Id, e.g. `female`.
    pub id: String,
    /// Code on official forms (e.g. injury cause `08`, group letter `đ`).
    #[serde(
        default,
        deserialize_with = "de_some_nfc",
        skip_serializing_if = "Option::is_none"
    )]
    pub code: Option<String>,
    /// Name.
    pub name: Label,
}

/// A measure a report may carry (*chỉ số báo cáo*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureDef {
    /// Id, e.g. `abuse.children`; part of the public contract.
    pub id: String,
    /// The section (task number) it belongs to.
    pub section: u8,
    /// Unit id.
    pub unit: String,
    /// Whether figures accumulate over the year (a flow such as cases) rather than describe a
    /// state (a stock such as the child population). Consolidation uses it.
    pub cumulative: bool,
    /// Typical magnitude for one district-level reporter; used only to generate examples and
    /// test data, never to judge a report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<u64>,
    /// Dimensions it may be broken down by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakdowns: Vec<String>,
    /// Report kinds in which the measure belongs; absent means all. (Mid-Autumn falls in
    /// September, so its figures belong in the annual report only.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_kinds: Option<Vec<String>>,
    /// Name.
    pub name: Label,
}

/// A part-whole relation: `part` ≤ `whole`, also member by member for each dimension in `per`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// The measure that is part.
    pub part: String,
    /// The measure that is the whole.
    pub whole: String,
    /// Dimensions compared member by member as well.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub per: Vec<String>,
    /// `error` when a breach makes the report unacceptable; `warning` for plausibility checks.
    #[serde(
        default = "Severity::error",
        skip_serializing_if = "Severity::is_error"
    )]
    pub severity: Severity,
    /// How far the part may exceed the whole, in percent of the whole (0: not at all).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub tolerance_percent: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Profile {
    /// Parses and checks a profile from JSON.
    ///
    /// # Errors
    ///
    /// Code `invalid_profile`, listing every problem with its JSON Pointer: the JSON error (with
    /// line and column) if the text does not have the profile's shape, else each broken
    /// reference (a measure naming an unknown unit, section or dimension; a relation naming an
    /// unknown measure or a dimension the two measures do not share; a reporter of an unknown
    /// kind; …), duplicate ids, a period that ends before it starts, relations that form a cycle.
    ///
    /// # Example
    ///
    /// ```
    /// let err = treem::Profile::from_json(r#"{ "format": 1 }"#).unwrap_err();
    /// assert_eq!(err.code(), "invalid_profile");
    /// assert!(err.to_string().contains("missing field"));
    /// ```
    pub fn from_json(text: &str) -> Result<Profile, Error> {
        crate::decode::from_text(text, read::profile)
            .check(Profile::check)
            .map_err(Error::invalid_profile)
    }

    /// The embedded profile with this id, if any.
    pub fn embedded(id: &str) -> Option<&'static Profile> {
        embedded_index(id).map(Profile::embedded_at)
    }

    /// The embedded profile at `index` of the embedded ones (see [`embedded_index`]), read on
    /// first use.
    pub(crate) fn embedded_at(index: usize) -> &'static Profile {
        static CACHE: [OnceLock<Profile>; EMBEDDED_COUNT] =
            [const { OnceLock::new() }; EMBEDDED_COUNT];
        // Read, not checked again: embedded data is fixed when treem is built, and a test
        // checks every embedded profile exactly as `from_json` would. A build that never reads
        // a profile given at run time then carries no checking code.
        CACHE[index].get_or_init(|| {
            let (id, text) = EMBEDDED[index];
            crate::decode::from_text(text, read::profile).embedded(id)
        })
    }

    /// The default profile, `binh-dinh-2024`.
    pub fn default_profile() -> &'static Profile {
        Profile::embedded(DEFAULT_PROFILE)
            .unwrap_or_else(|| unreachable!("the default profile is embedded"))
    }

    /// The JSON text of an embedded profile, as embedded (for callers that pass it on without
    /// needing the typed form).
    ///
    /// # Errors
    ///
    /// Code `unknown_profile` when no embedded profile has this id.
    pub fn embedded_json(id: &str) -> Result<&'static str, Error> {
        embedded_index(id)
            .map(|index| EMBEDDED[index].1)
            .ok_or_else(|| Error::unknown_profile(id))
    }

    /// The ids of the embedded profiles.
    pub fn embedded_ids() -> impl Iterator<Item = &'static str> {
        EMBEDDED.iter().map(|(id, _)| *id)
    }

    /// Finds an embedded profile by id.
    ///
    /// # Errors
    ///
    /// Code `unknown_profile` when no embedded profile has this id; the message lists those that
    /// exist.
    pub fn find_embedded(id: &str) -> Result<&'static Profile, Error> {
        Profile::embedded(id).ok_or_else(|| Error::unknown_profile(id))
    }

    /// The report kind with this id.
    pub fn report_kind(&self, id: &str) -> Option<&ReportKind> {
        self.report_kinds.iter().find(|k| k.id == id)
    }

    /// The report kind with this id, or an error listing the kinds that exist.
    ///
    /// # Errors
    ///
    /// Code `unknown_report_kind` when the profile has no such kind.
    pub fn find_report_kind(&self, id: &str) -> Result<&ReportKind, Error> {
        self.report_kind(id).ok_or_else(|| {
            Error::unknown_report_kind(id, self.report_kinds.iter().map(|k| k.id.clone()).collect())
        })
    }

    /// The reporter kind with this id.
    pub fn reporter_kind(&self, id: &str) -> Option<&ReporterKind> {
        self.reporter_kinds.iter().find(|k| k.id == id)
    }

    /// The tasks (sections) `reporter` must report on: every section when its kind reports on
    /// all of them (district committees), its remit otherwise (departments); `None` when the
    /// profile has no such reporter kind.
    ///
    /// # Example
    ///
    /// ```
    /// let profile = treem::Profile::default_profile();
    /// let district = profile.reporter("540").unwrap(); // Quy Nhơn
    /// assert_eq!(profile.required_tasks(district).unwrap().len(), 10);
    /// let education = profile.reporter("so-gddt").unwrap();
    /// assert_eq!(profile.required_tasks(education).unwrap(), education.remit);
    /// ```
    pub fn required_tasks(&self, reporter: &ReporterDef) -> Option<Vec<u8>> {
        Some(match self.reporter_kind(&reporter.kind)?.sections {
            SectionDuty::All => self.sections.iter().map(|s| s.task).collect(),
            SectionDuty::Remit => reporter.remit.clone(),
        })
    }

    /// The reporter with this id.
    pub fn reporter(&self, id: &str) -> Option<&ReporterDef> {
        self.reporters.iter().find(|r| r.id == id)
    }

    /// The section with this task number.
    pub fn section(&self, task: u8) -> Option<&SectionDef> {
        self.sections.iter().find(|s| s.task == task)
    }

    /// The measure with this id.
    pub fn measure(&self, id: &str) -> Option<&MeasureDef> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// The dimension with this id.
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// The unit with this id.
    pub fn unit(&self, id: &str) -> Option<&UnitDef> {
        self.units.iter().find(|u| u.id == id)
    }

    /// Every problem of the profile's references and ids, in time n log n in the size of the
    /// profile (every reference is looked up in an [`Index`]).
    pub(crate) fn check(&self) -> Vec<Problem> {
        let index = Index::new(self);
        let mut p = Vec::new();
        p.extend(Problem::unsupported_format(self.format, &[1]));
        unique(
            &mut p,
            "/report_kinds",
            self.report_kinds.iter().map(|k| k.id.clone()),
        );
        unique(
            &mut p,
            "/reporter_kinds",
            self.reporter_kinds.iter().map(|k| k.id.clone()),
        );
        unique(
            &mut p,
            "/reporters",
            self.reporters.iter().map(|r| r.id.clone()),
        );
        unique(
            &mut p,
            "/sections",
            self.sections.iter().map(|s| s.task.to_string()),
        );
        unique(&mut p, "/units", self.units.iter().map(|u| u.id.clone()));
        unique(
            &mut p,
            "/dimensions",
            self.dimensions.iter().map(|d| d.id.clone()),
        );
        unique(
            &mut p,
            "/measures",
            self.measures.iter().map(|m| m.id.clone()),
        );
        for (i, d) in self.dimensions.iter().enumerate() {
            unique(
                &mut p,
                &format!("/dimensions/{i}/members"),
                d.members.iter().map(|m| m.id.clone()),
            );
            if d.members.is_empty() {
                p.push(Problem::new(
                    format!("/dimensions/{i}/members"),
                    "Phân tổ cần có ít nhất một nhóm".into(),
                    "a dimension needs members".into(),
                ));
            }
        }
        if !(1945..=2100).contains(&self.year) {
            p.push(Problem::new(
                "/year",
                format!(
                    "Năm {} nằm ngoài khoảng 1945–2100 mà báo cáo ghi được",
                    self.year
                ),
                format!(
                    "the year {} is outside 1945–2100, the years a report can hold",
                    self.year
                ),
            ));
        }
        for (i, k) in self.report_kinds.iter().enumerate() {
            let dates = [
                ("period/start", k.period.start),
                ("period/end", k.period.end),
                ("due/date", k.due.date),
            ];
            for (at, date) in dates {
                if !crate::structure::date_in_range(date) {
                    p.push(Problem::new(
                        format!("/report_kinds/{i}/{at}"),
                        format!("Ngày {date} nằm ngoài khoảng 1945–2100 mà báo cáo ghi được"),
                        format!("{date} is outside 1945–2100, the dates a report can hold"),
                    ));
                }
            }
            if k.period.end < k.period.start {
                p.push(Problem::new(
                    format!("/report_kinds/{i}/period"),
                    "Kỳ báo cáo kết thúc trước khi bắt đầu".into(),
                    "the period ends before it starts".into(),
                ));
            }
        }
        for (i, r) in self.reporters.iter().enumerate() {
            if index.reporter_kind(self, &r.kind).is_none() {
                p.push(Problem::new(
                    format!("/reporters/{i}/kind"),
                    format!("Không có loại đơn vị báo cáo “{}”", r.kind),
                    format!("unknown reporter kind “{}”", r.kind),
                ));
            }
            for (j, task) in r.remit.iter().enumerate() {
                if index.section(self, *task).is_none() {
                    p.push(Problem::new(
                        format!("/reporters/{i}/remit/{j}"),
                        format!("Không có mục (nhiệm vụ) {task}"),
                        format!("unknown section {task}"),
                    ));
                }
            }
        }
        for (i, k) in self.reporter_kinds.iter().enumerate() {
            for (j, req) in k.required_measures.iter().enumerate() {
                let at = format!("/reporter_kinds/{i}/required_measures/{j}");
                match index.measure(self, &req.measure) {
                    None => p.push(Problem::new(
                        format!("{at}/measure"),
                        format!("Không có chỉ số “{}”", req.measure),
                        format!("unknown measure “{}”", req.measure),
                    )),
                    Some(m) => {
                        for (n, dim) in req.breakdowns.iter().enumerate() {
                            if !index.has_breakdown(self, &m.id, dim) {
                                p.push(Problem::new(
                                    format!("{at}/breakdowns/{n}"),
                                    format!("Chỉ số “{}” không có phân tổ “{dim}”", m.id),
                                    format!("measure “{}” has no breakdown “{dim}”", m.id),
                                ));
                            }
                        }
                    }
                }
            }
        }
        for (i, m) in self.measures.iter().enumerate() {
            let at = format!("/measures/{i}");
            if !is_measure_id(&m.id) {
                p.push(Problem::new(
                    format!("{at}/id"),
                    format!(
                        "Mã chỉ số “{}” phải gồm các từ viết thường (a–z, 0–9, _) nối bằng dấu chấm",
                        m.id
                    ),
                    format!(
                        "measure id “{}” must be lower-case words (a–z, 0–9, _) joined by dots",
                        m.id
                    ),
                ));
            }
            if index.section(self, m.section).is_none() {
                p.push(Problem::new(
                    format!("{at}/section"),
                    format!("Không có mục (nhiệm vụ) {}", m.section),
                    format!("unknown section {}", m.section),
                ));
            }
            if index.unit(self, &m.unit).is_none() {
                p.push(Problem::new(
                    format!("{at}/unit"),
                    format!("Không có đơn vị tính “{}”", m.unit),
                    format!("unknown unit “{}”", m.unit),
                ));
            }
            unique(
                &mut p,
                &format!("{at}/breakdowns"),
                m.breakdowns.iter().cloned(),
            );
            for (j, dim) in m.breakdowns.iter().enumerate() {
                if index.dimension(self, dim).is_none() {
                    p.push(Problem::new(
                        format!("{at}/breakdowns/{j}"),
                        format!("Không có phân tổ “{dim}”"),
                        format!("unknown dimension “{dim}”"),
                    ));
                }
            }
            for (j, kind) in m.report_kinds.iter().flatten().enumerate() {
                if index.report_kind(self, kind).is_none() {
                    p.push(Problem::new(
                        format!("{at}/report_kinds/{j}"),
                        format!("Không có loại báo cáo “{kind}”"),
                        format!("unknown report kind “{kind}”"),
                    ));
                }
            }
        }
        for (i, r) in self.relations.iter().enumerate() {
            let at = format!("/relations/{i}");
            let part = index.measure(self, &r.part);
            let whole = index.measure(self, &r.whole);
            if part.is_none() {
                p.push(Problem::new(
                    format!("{at}/part"),
                    format!("Không có chỉ số “{}”", r.part),
                    format!("unknown measure “{}”", r.part),
                ));
            }
            if whole.is_none() {
                p.push(Problem::new(
                    format!("{at}/whole"),
                    format!("Không có chỉ số “{}”", r.whole),
                    format!("unknown measure “{}”", r.whole),
                ));
            }
            if r.part == r.whole {
                p.push(Problem::new(
                    at.clone(),
                    "Một chỉ số không thể là phần của chính nó".into(),
                    "a measure cannot be part of itself".into(),
                ));
            }
            if let (Some(part), Some(whole)) = (part, whole) {
                for (j, dim) in r.per.iter().enumerate() {
                    if !index.has_breakdown(self, &part.id, dim)
                        || !index.has_breakdown(self, &whole.id, dim)
                    {
                        p.push(Problem::new(
                            format!("{at}/per/{j}"),
                            format!(
                                "“{dim}” không phải phân tổ của cả “{}” và “{}”",
                                part.id, whole.id
                            ),
                            format!(
                                "“{dim}” is not a breakdown of both “{}” and “{}”",
                                part.id, whole.id
                            ),
                        ));
                    }
                }
            }
        }
        if p.is_empty() {
            if let Some(cycle) = self.measures_wholes_first().err() {
                p.push(Problem::new(
                    "/relations",
                    format!("Các quan hệ phần–tổng tạo thành vòng tròn qua “{cycle}”"),
                    format!("the relations form a cycle through “{cycle}”"),
                ));
            }
        }
        p
    }

    /// Measures ordered so that every whole comes before its parts, or `Err` with a measure on a
    /// cycle. Used by generators; a checked profile has no cycle. Time n log n in the number of
    /// measures and relations.
    pub fn measures_wholes_first(&self) -> Result<Vec<&MeasureDef>, String> {
        let position: Map<&str, usize> = self
            .measures
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.as_str(), i))
            .collect();
        // For each measure, the positions of its parts; and how many wholes each part has.
        let mut parts: Vec<Vec<usize>> = vec![Vec::new(); self.measures.len()];
        let mut indegree = vec![0usize; self.measures.len()];
        for r in &self.relations {
            if let (Some(&whole), Some(&part)) = (
                position.get(r.whole.as_str()),
                position.get(r.part.as_str()),
            ) {
                parts[whole].push(part);
                indegree[part] += 1;
            }
        }
        let mut ready: Vec<usize> = (0..self.measures.len())
            .filter(|&i| indegree[i] == 0)
            .collect();
        ready.reverse();
        let mut order = Vec::with_capacity(self.measures.len());
        while let Some(i) = ready.pop() {
            order.push(&self.measures[i]);
            for &part in &parts[i] {
                indegree[part] -= 1;
                if indegree[part] == 0 {
                    ready.push(part);
                }
            }
        }
        match indegree.iter().position(|&n| n > 0) {
            None => Ok(order),
            Some(i) => Err(self.measures[i].id.clone()),
        }
    }
}

/// Every id of a profile by position, so that each reference is looked up in log time: built
/// once when a validator is compiled (and when a profile is checked), never stale, because a
/// validator's profile does not change. The first of repeated ids wins (repeats are a profile
/// problem of their own).
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    report_kinds: Map<String, usize>,
    reporter_kinds: Map<String, usize>,
    reporters: Map<String, usize>,
    units: Map<String, usize>,
    dimensions: Map<String, usize>,
    /// Per dimension, in the profile's order: member id → position.
    members: Vec<Map<String, usize>>,
    measures: Map<String, usize>,
    /// Per measure, in the profile's order: its breakdowns (by position among them).
    breakdowns: Vec<Map<String, usize>>,
    /// Per reporter kind, in the profile's order: measure id → position among its required
    /// measures.
    required: Vec<Map<String, usize>>,
}

/// Id → first position, in time n log n whatever the order of the ids.
pub(crate) fn positions<K: Ord>(ids: impl Iterator<Item = K>) -> Map<K, usize> {
    let mut pairs: Vec<(K, usize)> = ids.enumerate().map(|(i, id)| (id, i)).collect();
    // Of equal keys the last wins in `from_pairs`: reversed, the first position does.
    pairs.reverse();
    Map::from_pairs(pairs)
}

impl Index {
    /// The index of `p`.
    pub(crate) fn new(p: &Profile) -> Index {
        Index {
            report_kinds: positions(p.report_kinds.iter().map(|k| k.id.clone())),
            reporter_kinds: positions(p.reporter_kinds.iter().map(|k| k.id.clone())),
            reporters: positions(p.reporters.iter().map(|r| r.id.clone())),
            units: positions(p.units.iter().map(|u| u.id.clone())),
            dimensions: positions(p.dimensions.iter().map(|d| d.id.clone())),
            members: p
                .dimensions
                .iter()
                .map(|d| positions(d.members.iter().map(|m| m.id.clone())))
                .collect(),
            measures: positions(p.measures.iter().map(|m| m.id.clone())),
            breakdowns: p
                .measures
                .iter()
                .map(|m| positions(m.breakdowns.iter().cloned()))
                .collect(),
            required: p
                .reporter_kinds
                .iter()
                .map(|k| positions(k.required_measures.iter().map(|r| r.measure.clone())))
                .collect(),
        }
    }

    /// The report kind `id` of `p`.
    pub(crate) fn report_kind<'p>(&self, p: &'p Profile, id: &str) -> Option<&'p ReportKind> {
        self.report_kinds.get(id).map(|&i| &p.report_kinds[i])
    }

    /// The reporter kind `id` of `p`.
    pub(crate) fn reporter_kind<'p>(&self, p: &'p Profile, id: &str) -> Option<&'p ReporterKind> {
        self.reporter_kinds.get(id).map(|&i| &p.reporter_kinds[i])
    }

    /// The position of the reporter `id` among `p`'s reporters.
    pub(crate) fn reporter_position(&self, id: &str) -> Option<usize> {
        self.reporters.get(id).copied()
    }

    /// The section of task `task` of `p` (a checked profile has at most 256 sections, one
    /// per task number: they are searched).
    pub(crate) fn section<'p>(&self, p: &'p Profile, task: u8) -> Option<&'p SectionDef> {
        p.sections.iter().find(|s| s.task == task)
    }

    /// The unit `id` of `p`.
    pub(crate) fn unit<'p>(&self, p: &'p Profile, id: &str) -> Option<&'p UnitDef> {
        self.units.get(id).map(|&i| &p.units[i])
    }

    /// The dimension `id` of `p`.
    pub(crate) fn dimension<'p>(&self, p: &'p Profile, id: &str) -> Option<&'p Dimension> {
        self.dimensions.get(id).map(|&i| &p.dimensions[i])
    }

    /// The member `member` of the dimension `dimension` of `p`.
    pub(crate) fn member<'p>(
        &self,
        p: &'p Profile,
        dimension: &str,
        member: &str,
    ) -> Option<&'p Member> {
        let &d = self.dimensions.get(dimension)?;
        let &m = self.members[d].get(member)?;
        Some(&p.dimensions[d].members[m])
    }

    /// The measure `id` of `p`.
    pub(crate) fn measure<'p>(&self, p: &'p Profile, id: &str) -> Option<&'p MeasureDef> {
        self.measures.get(id).map(|&i| &p.measures[i])
    }

    /// Whether the measure `measure` may be broken down by `dimension`.
    pub(crate) fn has_breakdown(&self, _: &Profile, measure: &str, dimension: &str) -> bool {
        self.measures
            .get(measure)
            .is_some_and(|&i| self.breakdowns[i].contains_key(dimension))
    }

    /// What the reporter kind `kind` of `p` requires of the measure `measure`, if anything.
    pub(crate) fn requirement<'p>(
        &self,
        p: &'p Profile,
        kind: &str,
        measure: &str,
    ) -> Option<&'p Requirement> {
        let &k = self.reporter_kinds.get(kind)?;
        let &r = self.required[k].get(measure)?;
        Some(&p.reporter_kinds[k].required_measures[r])
    }
}

/// Whether `id` is a measure id: lower-case ASCII words of `[a-z0-9_]`, joined by dots.
pub(crate) fn is_measure_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('.').all(|word| {
            word.starts_with(|c: char| c.is_ascii_lowercase())
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
}

fn unique(problems: &mut Vec<Problem>, at: &str, ids: impl Iterator<Item = String>) {
    let ids: Vec<String> = ids.collect();
    let repeats = crate::util::repeated(ids.iter());
    for (i, id) in ids.iter().enumerate() {
        if id.is_empty() {
            problems.push(Problem::new(
                format!("{at}/{i}"),
                "Mã để trống".into(),
                "empty id".into(),
            ));
        } else if repeats.binary_search(&i).is_ok() {
            problems.push(Problem::new(
                format!("{at}/{i}"),
                format!("“{id}” bị ghi hai lần"),
                format!("“{id}” is given twice"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded_value() -> serde_json::Value {
        serde_json::from_str(EMBEDDED[0].1).unwrap()
    }

    /// Embedded profiles are read without being checked at run time (see `Profile::embedded`):
    /// this is the check, the same `from_json` and `Validator::new` run on a profile given at
    /// run time, and it agrees with what `embedded` reads.
    #[test]
    fn every_embedded_profile_passes_every_check() {
        for (id, text) in EMBEDDED {
            let checked = Profile::from_json(text).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(Some(&checked), Profile::embedded(id), "{id}");
            crate::Validator::new(checked).unwrap_or_else(|e| panic!("{id}: {e}"));
        }
    }

    #[test]
    fn embedded_profile_is_valid_and_complete() {
        let p = Profile::default_profile();
        let districts: Vec<&str> = p
            .reporters
            .iter()
            .filter(|r| r.kind == "district_committee")
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(
            districts,
            [
                "540", "542", "543", "544", "545", "546", "547", "548", "549", "550", "551"
            ]
        );
        assert_eq!(p.sections.len(), 10);
        assert_eq!(
            p.report_kind("annual").unwrap().due.date.to_string(),
            "2024-11-15"
        );
        assert_eq!(
            p.report_kind("half_year").unwrap().due.reading,
            Reading::Before
        );
        assert!(p.measures_wholes_first().is_ok());
    }

    #[test]
    fn broken_references_are_each_named() {
        let mut v = embedded_value();
        v["relations"][0]["whole"] = "abuse.childs".into();
        v["measures"][2]["unit"] = "heads".into();
        v["reporters"][0]["kind"] = "commune".into();
        let err = Profile::from_json(&v.to_string()).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("/relations/0/whole") && text.contains("abuse.childs"),
            "{text}"
        );
        assert!(text.contains("/measures/2/unit"), "{text}");
        assert!(text.contains("/reporters/0/kind"), "{text}");
    }

    #[test]
    fn cycles_are_rejected() {
        let mut v = embedded_value();
        v["relations"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
                "part": "abuse.children", "whole": "abuse.children_supported"
            }));
        let err = Profile::from_json(&v.to_string()).unwrap_err();
        assert!(err.to_string().contains("cycle"), "{err}");
    }

    #[test]
    fn measure_ids() {
        assert!(is_measure_id("abuse.children_supported"));
        assert!(is_measure_id("children.population"));
        for bad in ["", "Abuse.cases", "abuse..cases", ".x", "x.", "a-b", "1x"] {
            assert!(!is_measure_id(bad), "{bad}");
        }
    }
}

/// Reading a profile file (see [`crate::decode`]).
pub(crate) mod read {
    use super::*;
    use crate::decode::{Obj, Problems, Value, boolean, string, u8_, u32_, u64_};

    pub(crate) fn profile(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Profile> {
        let o = Obj::new(
            v,
            at,
            &[
                "format",
                "id",
                "title",
                "year",
                "authority",
                "catalog",
                "recipient",
                "report_kinds",
                "reporter_kinds",
                "reporters",
                "sections",
                "units",
                "dimensions",
                "measures",
                "relations",
            ],
            cx,
        )?;
        Some(Profile {
            format: o.req("format", u32_).unwrap_or(1),
            id: o.string("id"),
            title: o.label("title"),
            year: u16::try_from(o.uint("year", u64::from(u16::MAX))).unwrap_or_default(),
            authority: o.req("authority", authority).unwrap_or(Authority {
                name: String::new(),
                instrument: String::new(),
                province_code: None,
            }),
            catalog: o.string("catalog"),
            recipient: o.req("recipient", party).unwrap_or(Party {
                id: String::new(),
                name: String::new(),
            }),
            report_kinds: o.list("report_kinds", report_kind),
            reporter_kinds: o.list("reporter_kinds", reporter_kind),
            reporters: o.list("reporters", reporter),
            sections: o.list("sections", section),
            units: o.list("units", unit),
            dimensions: o.list("dimensions", dimension),
            measures: o.list("measures", measure),
            relations: o.opt_list("relations", relation),
        })
    }

    fn authority(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Authority> {
        let o = Obj::new(v, at, &["name", "instrument", "province_code"], cx)?;
        Some(Authority {
            name: o.string("name"),
            instrument: o.string("instrument"),
            province_code: o.opt_string("province_code"),
        })
    }

    fn party(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Party> {
        let o = Obj::new(v, at, &["id", "name"], cx)?;
        Some(Party {
            id: o.string("id"),
            name: o.string("name"),
        })
    }

    pub(crate) fn period(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Period> {
        let o = Obj::new(v, at, &["start", "end"], cx)?;
        Some(Period {
            start: o.date("start"),
            end: o.date("end"),
        })
    }

    fn report_kind(v: &Value<'_>, at: &str, cx: &Problems) -> Option<ReportKind> {
        let o = Obj::new(v, at, &["id", "name", "period", "due"], cx)?;
        let placeholder = CivilDate::placeholder();
        Some(ReportKind {
            id: o.string("id"),
            name: o.label("name"),
            period: o.req("period", period).unwrap_or(Period {
                start: placeholder,
                end: placeholder,
            }),
            due: o.req("due", due).unwrap_or(DueRule {
                date: placeholder,
                wording: None,
                reading: Reading::Before,
                roll_forward: true,
            }),
        })
    }

    fn due(v: &Value<'_>, at: &str, cx: &Problems) -> Option<DueRule> {
        let o = Obj::new(v, at, &["date", "wording", "reading", "roll_forward"], cx)?;
        Some(DueRule {
            date: o.date("date"),
            wording: o.opt_string("wording"),
            reading: o.named("reading"),
            roll_forward: o.boolean("roll_forward"),
        })
    }

    fn reporter_kind(v: &Value<'_>, at: &str, cx: &Problems) -> Option<ReporterKind> {
        let o = Obj::new(v, at, &["id", "name", "sections", "required_measures"], cx)?;
        Some(ReporterKind {
            id: o.string("id"),
            name: o.label("name"),
            sections: o.named("sections"),
            required_measures: o.opt_list("required_measures", requirement),
        })
    }

    fn requirement(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Requirement> {
        let o = Obj::new(v, at, &["measure", "breakdowns"], cx)?;
        Some(Requirement {
            measure: o.string("measure"),
            breakdowns: o.opt_list("breakdowns", string),
        })
    }

    fn reporter(v: &Value<'_>, at: &str, cx: &Problems) -> Option<ReporterDef> {
        let known = [
            "id",
            "kind",
            "name",
            "unit",
            "unit_type",
            "mountainous",
            "remit",
            "provenance",
        ];
        let o = Obj::new(v, at, &known, cx)?;
        Some(ReporterDef {
            id: o.string("id"),
            kind: o.string("kind"),
            name: o.string("name"),
            unit: o.opt_string("unit"),
            unit_type: o.opt_string("unit_type"),
            mountainous: o.opt("mountainous", boolean).unwrap_or(false),
            remit: o.opt_list("remit", u8_),
            provenance: o.named("provenance"),
        })
    }

    fn section(v: &Value<'_>, at: &str, cx: &Problems) -> Option<SectionDef> {
        let o = Obj::new(v, at, &["task", "title"], cx)?;
        Some(SectionDef {
            task: o.req("task", u8_).unwrap_or_default(),
            title: o.label("title"),
        })
    }

    fn unit(v: &Value<'_>, at: &str, cx: &Problems) -> Option<UnitDef> {
        let o = Obj::new(v, at, &["id", "quantity", "name"], cx)?;
        Some(UnitDef {
            id: o.string("id"),
            quantity: o.named("quantity"),
            name: o.label("name"),
        })
    }

    fn dimension(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Dimension> {
        let o = Obj::new(v, at, &["id", "name", "members"], cx)?;
        Some(Dimension {
            id: o.string("id"),
            name: o.label("name"),
            members: o.list("members", member),
        })
    }

    fn member(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Member> {
        let o = Obj::new(v, at, &["id", "code", "name"], cx)?;
        Some(Member {
            id: o.string("id"),
            code: o.opt_string("code"),
            name: o.label("name"),
        })
    }

    fn measure(v: &Value<'_>, at: &str, cx: &Problems) -> Option<MeasureDef> {
        let known = [
            "id",
            "section",
            "unit",
            "cumulative",
            "scale",
            "breakdowns",
            "report_kinds",
            "name",
        ];
        let o = Obj::new(v, at, &known, cx)?;
        Some(MeasureDef {
            id: o.string("id"),
            section: o.req("section", u8_).unwrap_or_default(),
            unit: o.string("unit"),
            cumulative: o.boolean("cumulative"),
            scale: o.opt("scale", u64_),
            breakdowns: o.opt_list("breakdowns", string),
            report_kinds: o.opt("report_kinds", |v, at, cx| {
                crate::decode::list(v, at, cx, string)
            }),
            name: o.label("name"),
        })
    }

    fn relation(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Relation> {
        let known = ["part", "whole", "per", "severity", "tolerance_percent"];
        let o = Obj::new(v, at, &known, cx)?;
        Some(Relation {
            part: o.string("part"),
            whole: o.string("whole"),
            per: o.opt_list("per", string),
            severity: o
                .opt("severity", crate::decode::named)
                .unwrap_or(Severity::Error),
            tolerance_percent: o.opt("tolerance_percent", u32_).unwrap_or(0),
        })
    }
}
