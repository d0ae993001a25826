//! The canonical child-affairs report (*báo cáo kết quả công tác trẻ em*), wire format v1.
//!
//! These types are the typed form of the JSON that portals exchange: keys are snake_case, dates
//! are `YYYY-MM-DD`, unknown keys are an error, and `null` is never a value (a field that is not
//! reported is left out). The types say nothing about a particular province: which measures,
//! dimensions, reporters and report kinds exist is the business of a [`Profile`](crate::Profile).
//!
//! Every string is stored in Unicode NFC, whatever form it arrived in.

use crate::map::Map;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize};

use crate::date::CivilDate;
use crate::text::{de_line, de_lines, de_some_line};

/// The largest whole number that JavaScript represents exactly (2^53 − 1). Every count and sum of
/// money in a report must fit, so that a browser portal reads the same figure as the server.
pub const MAX_QUANTITY: u64 = (1 << 53) - 1;

/// A whole, non-negative figure: a count of persons, cases, events or facilities, or a sum of
/// money in whole Vietnamese đồng. At most [`MAX_QUANTITY`].
///
/// # Example
///
/// ```
/// use treem::Quantity;
/// let q: Quantity = serde_json::from_str("150000000").unwrap();
/// assert_eq!(q.get(), 150_000_000);
/// assert_eq!(serde_json::from_str::<Quantity>("3.0").unwrap().get(), 3);
/// assert!(serde_json::from_str::<Quantity>("-1").is_err());
/// assert!(serde_json::from_str::<Quantity>("2.5").is_err());
/// assert!(serde_json::from_str::<Quantity>("\"3\"").is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Quantity(u64);

impl Quantity {
    /// The quantity `value`, or `None` above [`MAX_QUANTITY`].
    pub const fn new(value: u64) -> Option<Self> {
        if value <= MAX_QUANTITY {
            Some(Quantity(value))
        } else {
            None
        }
    }

    /// The figure.
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl From<u32> for Quantity {
    fn from(value: u32) -> Self {
        Quantity(u64::from(value))
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for Quantity {
    /// A whole number from 0 to [`MAX_QUANTITY`], also when written `3.0` or `3e0` (JSON
    /// Schema's `integer` allows those).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::strict::whole::<D, MAX_QUANTITY>(deserializer).map(Quantity)
    }
}

impl JsonSchema for Quantity {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Quantity".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "minimum": 0,
            "maximum": MAX_QUANTITY,
            "description": "A whole, non-negative count or sum of money in whole VND, at most 2^53 - 1.",
        })
    }
}

/// A child-affairs report: header, ten sections, measures and Circular 13 indicators
/// (*báo cáo kết quả công tác trẻ em*), as defined by the canonical template v1.
///
/// Parse one with [`Report::from_json`] (fast, first problem only) or let a
/// [`Validator`](crate::Validator) parse and check it (every problem at once).
///
/// # Example
///
/// ```
/// use treem::Report;
/// let report = Report::from_json(r#"{
///     "profile": "binh-dinh-2024", "kind": "half_year", "year": 2024,
///     "reporter": { "id": "540", "name": "Ủy ban nhân dân thành phố Quy Nhơn" },
///     "measures": { "abuse.cases": { "total": 3 } }
/// }"#).unwrap();
/// assert_eq!(report.reporter.id, "540");
/// assert_eq!(report.measures["abuse.cases"].total.get(), 3);
///
/// // Unknown keys are errors, naming the key.
/// let err = Report::from_json(r#"{ "profil": "binh-dinh-2024" }"#).unwrap_err();
/// assert!(err.to_string().contains("profil"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "treem report (wire format v1)")]
pub struct Report {
    /// Profile id: the reporting regime the report answers, e.g. `binh-dinh-2024`.
    #[serde(deserialize_with = "de_line")]
    pub profile: String,
    /// Report kind id from the profile, e.g. `half_year` (*6 tháng*) or `annual` (*năm*).
    #[serde(deserialize_with = "de_line")]
    pub kind: String,
    /// The year reported on; equals the profile's year.
    #[serde(deserialize_with = "crate::strict::year")]
    pub year: u16,
    /// Who reports (*đơn vị báo cáo*).
    #[serde(deserialize_with = "crate::strict::object")]
    pub reporter: Reporter,
    /// The day the report was sent (*ngày gửi báo cáo*); absent in a draft.
    #[serde(
        default,
        deserialize_with = "crate::strict::some_report_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub submitted_on: Option<CivilDate>,
    /// The day the figures are counted to (*số liệu tính đến ngày*).
    #[serde(
        default,
        deserialize_with = "crate::strict::some_report_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub data_as_of: Option<CivilDate>,
    /// Whether figures include estimates for the rest of the period (*ước thực hiện*): the
    /// province's deadlines fall before the end of the periods reported on.
    #[serde(
        default,
        deserialize_with = "crate::text::de_some",
        skip_serializing_if = "Option::is_none"
    )]
    pub estimated: Option<bool>,
    /// The officer who prepared the report (*người lập biểu*).
    #[serde(
        default,
        deserialize_with = "crate::strict::some_object",
        skip_serializing_if = "Option::is_none"
    )]
    pub prepared_by: Option<Contact>,
    /// The signatory (*người ký*); required for a submitted report.
    #[serde(
        default,
        deserialize_with = "crate::strict::some_object",
        skip_serializing_if = "Option::is_none"
    )]
    pub signed_by: Option<Signatory>,
    /// One entry per task area of the directive (1–10), in any order.
    #[schemars(length(max = 1000))]
    #[serde(
        default,
        deserialize_with = "crate::strict::objects",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub sections: Vec<Section>,
    /// Figures by measure id (e.g. `abuse.children`). An absent measure is "not reported",
    /// never zero.
    #[schemars(extend("maxProperties" = 1000))]
    #[serde(
        default,
        deserialize_with = "crate::strict::unique_object_map",
        skip_serializing_if = "Map::is_empty"
    )]
    pub measures: Map<String, Measure>,
    /// Indicator values of Circular 13/2021/TT-BLĐTBXH reported beside the measures.
    #[schemars(length(max = 1000))]
    #[serde(
        default,
        deserialize_with = "crate::strict::objects",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub indicators: Vec<IndicatorValue>,
}

/// The reporting unit named in a report header.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reporter {
    /// Reporter id from the profile: a district code such as `540`, or a department's id.
    #[serde(deserialize_with = "de_line")]
    pub id: String,
    /// The reporter's name as written on the report, e.g. *Ủy ban nhân dân thành phố Quy Nhơn*.
    #[serde(deserialize_with = "de_line")]
    pub name: String,
}

/// The officer who prepared a report (*người lập biểu*) and how to reach them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Full name.
    #[serde(deserialize_with = "de_line")]
    pub name: String,
    /// Position (*chức vụ*).
    #[serde(
        default,
        deserialize_with = "de_some_line",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<String>,
    /// Telephone, in a Vietnamese format (`0xxxxxxxxx` or `+84xxxxxxxxx`, spaces allowed).
    #[serde(
        default,
        deserialize_with = "de_some_line",
        skip_serializing_if = "Option::is_none"
    )]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(
        default,
        deserialize_with = "de_some_line",
        skip_serializing_if = "Option::is_none"
    )]
    pub email: Option<String>,
}

/// The person who signs a report and the capacity in which they sign.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// Full name.
    #[serde(deserialize_with = "de_line")]
    pub name: String,
    /// Title as signed, e.g. *KT. Chủ tịch, Phó Chủ tịch*.
    #[serde(deserialize_with = "de_line")]
    pub title: String,
}

/// One section of a report: the results of one task area of the directive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Task number in the directive, 1–10.
    #[serde(deserialize_with = "crate::strict::task")]
    pub task: u8,
    /// How far the task has got.
    #[serde(deserialize_with = "crate::strict::unit_enum")]
    pub status: SectionStatus,
    /// What was done, in Vietnamese free text (*kết quả thực hiện*).
    #[serde(default, deserialize_with = "de_lines")]
    pub narrative: String,
    /// Documents issued for the task (plans, directives, official letters).
    #[schemars(length(max = 1000))]
    #[serde(
        default,
        deserialize_with = "crate::strict::objects",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub documents: Vec<Document>,
}

/// How far a task area has got (*tình hình thực hiện*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionStatus {
    /// Done (*đã thực hiện*).
    Done,
    /// Under way (*đang thực hiện*).
    InProgress,
    /// Not started (*chưa thực hiện*).
    NotStarted,
    /// Outside the reporter's remit (*không thuộc phạm vi*); departments mark sections so.
    NotApplicable,
}

impl SectionStatus {
    /// Every status, in wire order.
    pub const ALL: [SectionStatus; 4] = [
        SectionStatus::Done,
        SectionStatus::InProgress,
        SectionStatus::NotStarted,
        SectionStatus::NotApplicable,
    ];

    /// The wire name, e.g. `in_progress`.
    pub fn as_str(self) -> &'static str {
        crate::wire::Named::name(self)
    }
}

/// A document issued for a task: number, date, title (*số, ngày, trích yếu*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Document number with its symbol, e.g. `123/KH-UBND` (*số, ký hiệu*).
    #[serde(deserialize_with = "de_line")]
    pub number: String,
    /// Date of issue.
    #[serde(deserialize_with = "crate::strict::report_date")]
    pub date: CivilDate,
    /// Title or summary (*trích yếu*).
    #[serde(deserialize_with = "de_line")]
    pub title: String,
}

/// The figures of one measure: a total and, optionally, breakdowns by dimension.
///
/// `by` maps a dimension id (e.g. `sex`) to member figures (e.g. `male`, `female`). A member left
/// out is "not reported", not zero.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// The total figure.
    pub total: Quantity,
    /// Breakdowns: dimension id → member id → figure (at most 1,000 of each).
    #[schemars(extend("maxProperties" = 1000))]
    #[serde(
        default,
        deserialize_with = "crate::strict::unique_breakdowns",
        skip_serializing_if = "Map::is_empty"
    )]
    pub by: Map<String, Map<String, Quantity>>,
}

/// Annex of Circular 13/2021/TT-BLĐTBXH (*Phụ lục*).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub enum Annex {
    /// Annex I: indicators on the situation of children.
    #[serde(rename = "I")]
    I,
    /// Annex II: indicators on child abuse and its administrative handling.
    #[serde(rename = "II")]
    II,
}

impl Annex {
    /// The wire name, `I` or `II`.
    pub fn as_str(self) -> &'static str {
        crate::wire::Named::name(self)
    }
}

/// A reported value of a Circular 13 indicator.
///
/// An indicator is identified by `annex` and `code`; one whose code is not known is identified by
/// its catalog `id` instead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorValue {
    /// Annex of the circular.
    #[serde(
        default,
        deserialize_with = "crate::strict::some_unit_enum",
        skip_serializing_if = "Option::is_none"
    )]
    pub annex: Option<Annex>,
    /// Four-digit code `GGNN` within the annex, e.g. `0605`.
    #[serde(
        default,
        deserialize_with = "de_some_line",
        skip_serializing_if = "Option::is_none"
    )]
    pub code: Option<String>,
    /// Catalog id, for indicators whose code is not known (e.g. `i.child_population`).
    #[serde(
        default,
        deserialize_with = "de_some_line",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// The published figure (a count, a percentage or a rate, per the catalog's unit), from
    /// −(2^53 − 1) to 2^53 − 1.
    #[serde(deserialize_with = "crate::strict::indicator_value")]
    #[schemars(range(min = -9_007_199_254_740_991_i64, max = 9_007_199_254_740_991_i64))]
    pub value: f64,
    /// Numerator, for shares and rates.
    #[serde(
        default,
        deserialize_with = "crate::text::de_some",
        skip_serializing_if = "Option::is_none"
    )]
    pub numerator: Option<Quantity>,
    /// Denominator, for shares and rates.
    #[serde(
        default,
        deserialize_with = "crate::text::de_some",
        skip_serializing_if = "Option::is_none"
    )]
    pub denominator: Option<Quantity>,
}

impl Report {
    /// Parses report JSON into the typed model, stopping at the first problem.
    ///
    /// This is the fast path for trusted or already-validated input. To collect every problem of
    /// an untrusted report with its JSON Pointer, use
    /// [`Validator::validate_json`](crate::Validator::validate_json).
    ///
    /// # Errors
    ///
    /// An [`Error`](crate::Error) with code `json_syntax` when the text is not JSON, or
    /// `report_structure` when it is JSON but not a report (wrong type, unknown key, missing
    /// field, impossible date, negative or too large figure, duplicate key).
    pub fn from_json(text: &str) -> Result<Report, crate::Error> {
        let decoded = crate::structure::decode(text).map_err(|e| crate::Error::json_syntax(&e))?;
        match (decoded.findings.kept().first(), decoded.report) {
            (None, Some(report)) => Ok(report),
            (first, _) => Err(crate::Error::report_structure(first.map_or_else(
                String::new,
                |f| {
                    let at = crate::finding::pointer_display(&f.path, crate::Lang::En);
                    format!("{at}: {}", f.message(crate::Lang::En))
                },
            ))),
        }
    }

    /// Serialises the report as wire-format JSON, pretty-printed with two-space indentation.
    pub fn to_json_pretty(&self) -> String {
        // Serialising these types cannot fail: every map key is a string and every float comes
        // from JSON, hence finite.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
