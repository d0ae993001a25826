//! # treem — Vietnamese child-affairs reports as data
//!
//! treem validates the reports that provincial departments and district-level People's
//! Committees send on child affairs (*công tác trẻ em*) under a province's yearly directive —
//! first of all the 2024 directive of Bình Định province — with the statistical indicators of
//! Circular 13/2021/TT-BLĐTBXH.
//!
//! - [`Report`] is the canonical report (wire format v1): header, ten sections, measures with
//!   breakdowns, indicators.
//! - [`Profile`] is a reporting regime as data; `binh-dinh-2024` is embedded and the default.
//! - [`Catalog`] is the indicator set of Circular 13 as data.
//! - [`Validator`] compiles a profile once and validates many reports, returning every
//!   [`Finding`] at once, each with a stable rule code, a JSON Pointer and a message in
//!   Vietnamese or English.
//!
//! Core does no I/O, reads no clock and starts no thread: it builds for
//! `wasm32-unknown-unknown` as it is.
//!
//! ## Example
//!
//! ```
//! use treem::{Lang, Validator};
//!
//! let validator = Validator::embedded("binh-dinh-2024")?;
//! let text = r#"{
//!     "profile": "binh-dinh-2024", "kind": "half_year", "year": 2024,
//!     "reporter": { "id": "540", "name": "Ủy ban nhân dân thành phố Quy Nhơn" },
//!     "submitted_on": "2024-02-30",
//!     "measures": { "abuse.children": { "total": -3 } }
//! }"#;
//! let outcome = validator.validate_json(text)?;
//! assert!(!outcome.is_valid());
//! for finding in &outcome.findings {
//!     println!("{} {} {}", finding.code, finding.path, finding.message(Lang::Vi));
//! }
//! // The impossible date and the negative count, each at its field…
//! let structural: Vec<&str> = outcome.findings.iter()
//!     .filter(|f| f.code.starts_with("structure."))
//!     .map(|f| f.path.as_str())
//!     .collect();
//! assert_eq!(structural, ["/submitted_on", "/measures/abuse.children/total"]);
//! // …and what the rest of this short report lacks (sections, required measures).
//! assert!(outcome.findings.iter().any(|f| f.code == "section.missing"));
//! # Ok::<(), treem::Error>(())
//! ```

/// The README's Rust example, compiled and run as a doctest so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

pub mod calendar;
mod catalog;
mod checks;
pub mod consolidate;
mod date;
mod decimal;
mod decode;
mod error;
mod finding;
mod i18n;
mod json;
mod map;
mod model;
mod profile;
pub mod rules;
pub mod sample;
pub mod schema;
mod strict;
mod structure;
mod text;
mod util;
mod validate;
pub mod wire;

pub use calendar::{Calendar, Deadline, Remaining, Timeliness, TimelinessStatus};
pub use catalog::{
    AnnexInfo, Bound, Catalog, Formula, Group, Indicator, IndicatorKind, IndicatorUnit, Target,
};
pub use date::{CivilDate, DateError};
pub use error::{Error, Problem};
pub use finding::{Finding, FindingOutput, Param, Severity, pointer_display, pointer_push};
pub use i18n::{Label, Lang};
pub use map::Map;
pub use model::{
    Annex, Contact, Document, IndicatorValue, MAX_QUANTITY, Measure, Quantity, Report, Reporter,
    Section, SectionStatus, Signatory,
};
pub use profile::{
    Authority, DEFAULT_PROFILE, Dimension, DueRule, MeasureDef, Member, Party, Period, Profile,
    Provenance, QuantityKind, Reading, Relation, ReportKind, ReporterDef, ReporterKind,
    Requirement, SectionDef, SectionDuty, UnitDef,
};
pub use rules::{RULES, Rule};
pub use text::{fold_name, nfc};
pub use validate::{
    Limits, Validation, ValidationOutput, Validator, check_structure, validate_json,
    validate_json_with,
};
pub use wire::ToJson;
