//! The compiled validator: a profile and its catalog, checked once, then used for many reports.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::calendar::Calendar;
use crate::catalog::Catalog;
use crate::catalog::CatalogIndex;
use crate::checks::{self, Context};
use crate::error::Error;
use crate::finding::{Finding, Findings, Severity};
use crate::model::Report;
use crate::profile::Index;
use crate::profile::{DEFAULT_PROFILE, Profile};
use crate::structure;

/// A profile and its indicator catalog, compiled for validating many reports.
///
/// Compiling checks that the profile's catalog exists; the profile itself was checked when it
/// was loaded ([`Profile::from_json`]).
///
/// # Example
///
/// ```
/// let validator = treem::Validator::embedded("binh-dinh-2024").unwrap();
/// let good = validator.validate_json(&treem::sample::example_json("half_year", "540").unwrap()).unwrap();
/// assert!(good.is_valid(), "{:?}", good.findings);
///
/// let bad = validator.validate_json(r#"{ "profile": "binh-dinh-2024", "kind": "half_year",
///     "year": "2024", "reporter": { "id": "540", "name": "x" } }"#).unwrap();
/// assert!(!bad.is_valid());
/// assert_eq!(bad.findings[0].code, "structure.type");
/// assert_eq!(bad.findings[0].path, "/year");
/// ```
#[derive(Debug, Clone)]
pub struct Validator {
    // Embedded data is borrowed, never copied: a copy would also bring the `Clone` code of
    // every data type into the WebAssembly module.
    profile: Cow<'static, Profile>,
    catalog: Cow<'static, Catalog>,
    calendar: Cow<'static, Calendar>,
    /// Every id of the profile and the catalog by position: lookups in log time, for profiles
    /// with thousands of reporters, measures or members too.
    index: Index,
    catalog_index: CatalogIndex,
    limits: Limits,
}

/// How much a validator reads: inputs larger than this are refused before any work.
///
/// # Example
///
/// ```
/// use treem::{Limits, Validator};
/// let validator = Validator::embedded("binh-dinh-2024").unwrap().clone()
///     .with_limits(Limits { max_input_bytes: 1_000 });
/// let err = validator.validate_json(&" ".repeat(1_001)).unwrap_err();
/// assert_eq!(err.code(), "input_too_large");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest report, profile or schedule file read, in bytes of UTF-8:
    /// [`Limits::DEFAULT_MAX_INPUT_BYTES`] unless changed. A provincial report is about 50 KB.
    pub max_input_bytes: usize,
}

impl Limits {
    /// 10 MiB: two hundred times a provincial report.
    pub const DEFAULT_MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;

    /// The most entries one array or object of a report may hold (a real report has tens): the
    /// entries past it are read for their syntax only, and the container is one
    /// `structure.too_many` finding. Fixed.
    pub const ENTRIES: usize = crate::structure::MAX_ENTRIES;

    /// The most findings of one rule listed for one report; past it they are counted, in one
    /// `validation.truncated` finding. Fixed.
    pub const FINDINGS_PER_RULE: usize = crate::finding::MAX_FINDINGS_PER_RULE;

    /// The first and last dates a report may hold: 1945-01-01 and 2100-12-31 (a date outside is
    /// a `structure.range` finding). Fixed.
    pub const DATES: (&'static str, &'static str) = crate::structure::DATES;

    /// The most heap treem holds at once, per byte of input, beyond what it holds for the
    /// smallest input of the same kind (the profile, catalog and calendar): reading, checking
    /// and validating a report, loading a profile or schedule file, consolidating reports. Not
    /// enforced at run time: measured for every hostile shape by the test suite
    /// (`tests/tests/memory.rs`), which fails if any shape takes more.
    pub const MEMORY_PER_INPUT_BYTE: usize = 16;

    /// `Err(input_too_large)` when `text` is larger than the limit.
    ///
    /// # Errors
    ///
    /// Code `input_too_large`.
    pub fn check(&self, text: &str) -> Result<(), Error> {
        if text.len() > self.max_input_bytes {
            Err(Error::input_too_large(
                Some(text.len()),
                self.max_input_bytes,
            ))
        } else {
            Ok(())
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: Limits::DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

/// The outcome of validating one report: every finding, and the typed report when it could be
/// built.
#[derive(Debug, Clone)]
pub struct Validation {
    /// The typed report, when the document had a report's structure (possibly after leaving out
    /// broken parts; see [`Validation::complete`]).
    pub report: Option<Report>,
    /// Whether `report` holds the whole document (no part had to be left out).
    pub complete: bool,
    /// Every finding, structural ones first.
    pub findings: Vec<Finding>,
}

/// A validation as wire data: what the WASM build's `validate` returns.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidationOutput {
    /// Whether no finding is an error.
    pub valid: bool,
    /// Every finding, with its message in the language asked for.
    pub findings: Vec<crate::finding::FindingOutput>,
}

impl Validation {
    /// The validation as wire data, messages in `lang`.
    pub fn to_output(&self, lang: crate::Lang) -> ValidationOutput {
        ValidationOutput {
            valid: self.is_valid(),
            findings: self.findings.iter().map(|f| f.to_output(lang)).collect(),
        }
    }

    /// Whether no finding is an error (warnings are allowed).
    pub fn is_valid(&self) -> bool {
        !self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// How many findings are errors.
    pub fn error_count(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    /// How many findings are warnings.
    pub fn warning_count(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count()
    }
}

/// A report document after parsing: sound, or broken with its structural findings.
enum Parsed {
    Sound(Report),
    Broken {
        findings: Findings,
        poisoned: Vec<String>,
        salvaged: Option<Report>,
        profile: Option<String>,
    },
}

impl Parsed {
    fn from_text(text: &str) -> Result<Parsed, Error> {
        let decoded = structure::decode(text).map_err(|e| Error::json_syntax(&e))?;
        if decoded.findings.made() == 0 {
            if let Some(report) = decoded.report {
                return Ok(Parsed::Sound(report));
            }
        }
        Ok(Parsed::Broken {
            findings: decoded.findings,
            poisoned: decoded.poisoned,
            salvaged: decoded.report,
            profile: decoded.profile,
        })
    }

    fn declared_profile(&self) -> Option<&str> {
        match self {
            Parsed::Sound(report) => Some(&report.profile),
            Parsed::Broken { profile, .. } => profile.as_deref(),
        }
    }
}

impl Validator {
    /// Compiles a validator for `profile`, with the embedded catalog the profile names.
    ///
    /// # Errors
    ///
    /// Code `invalid_profile` when the profile's references are broken; `unknown_catalog` when
    /// the profile names a catalog that is not embedded (use [`Validator::with_catalog`] to
    /// supply one).
    pub fn new(profile: Profile) -> Result<Validator, Error> {
        Validator::check(&profile)?;
        Validator::with_embedded_catalog(Cow::Owned(profile))
    }

    /// A profile built in code has not been through [`Profile::from_json`]: checked here, so
    /// that a broken reference is an error now rather than a surprise during validation.
    /// (Embedded profiles are checked by the test suite, not at every start.)
    fn check(profile: &Profile) -> Result<(), Error> {
        let problems = profile.check();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::invalid_profile(problems))
        }
    }

    /// Compiles `profile` with the embedded catalog it names.
    fn with_embedded_catalog(profile: Cow<'static, Profile>) -> Result<Validator, Error> {
        let catalog = Catalog::embedded(&profile.catalog)
            .ok_or_else(|| Error::unknown_catalog(&profile.catalog))?;
        Validator::compile(profile, Cow::Borrowed(catalog))
    }

    /// Compiles a validator for `profile` with the given catalog.
    ///
    /// # Errors
    ///
    /// Code `invalid_profile` when the profile's references are broken (see
    /// [`Profile::from_json`]); `unknown_catalog` when `catalog.id` is not the catalog the
    /// profile names.
    pub fn with_catalog(profile: Profile, catalog: Catalog) -> Result<Validator, Error> {
        Validator::check(&profile)?;
        Validator::compile(Cow::Owned(profile), Cow::Owned(catalog))
    }

    fn compile(
        profile: Cow<'static, Profile>,
        catalog: Cow<'static, Catalog>,
    ) -> Result<Validator, Error> {
        if catalog.id != profile.catalog {
            return Err(Error::unknown_catalog(&profile.catalog));
        }
        let index = Index::new(&profile);
        let catalog_index = CatalogIndex::new(&catalog);
        Ok(Validator {
            profile,
            catalog,
            calendar: Cow::Borrowed(Calendar::embedded()),
            index,
            catalog_index,
            limits: Limits::default(),
        })
    }

    /// The validator of an embedded profile, compiled once per process.
    ///
    /// # Errors
    ///
    /// Code `unknown_profile` when no embedded profile has this id.
    ///
    /// ```
    /// let validator = treem::Validator::embedded("binh-dinh-2024").unwrap();
    /// assert!(std::ptr::eq(validator, treem::Validator::embedded("binh-dinh-2024").unwrap()));
    /// assert_eq!(validator.profile().id, "binh-dinh-2024");
    /// let err = treem::Validator::embedded("gia-lai-2026").unwrap_err();
    /// assert_eq!(err.code(), "unknown_profile");
    /// ```
    pub fn embedded(id: &str) -> Result<&'static Validator, Error> {
        static CACHE: [OnceLock<Validator>; crate::profile::EMBEDDED_COUNT] =
            [const { OnceLock::new() }; crate::profile::EMBEDDED_COUNT];
        let index = crate::profile::embedded_index(id).ok_or_else(|| Error::unknown_profile(id))?;
        Ok(CACHE[index].get_or_init(|| {
            Validator::with_embedded_catalog(Cow::Borrowed(Profile::embedded_at(index)))
                .unwrap_or_else(|e| unreachable!("embedded profile names an embedded catalog: {e}"))
        }))
    }

    /// This validator with another working-day calendar (e.g. the embedded one with a newly
    /// announced year loaded by [`Calendar::with_schedule_json`]).
    pub fn with_calendar(mut self, calendar: Calendar) -> Validator {
        self.calendar = Cow::Owned(calendar);
        self
    }

    /// The working-day calendar used for deadlines.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// This validator with other limits on what it reads.
    pub fn with_limits(mut self, limits: Limits) -> Validator {
        self.limits = limits;
        self
    }

    /// The limits on what this validator reads.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// The position of the reporter `id` in the profile's `reporters`.
    pub fn reporter_position(&self, id: &str) -> Option<usize> {
        self.index.reporter_position(id)
    }

    /// The profile.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The indicator catalog.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Parses and validates report JSON text, returning every finding at once.
    ///
    /// Structural problems (wrong type, unknown or duplicate key, missing field, impossible
    /// date, negative or too large figure) are findings with the JSON Pointer of their field.
    /// The remaining rules still run on every part of the report that is sound.
    ///
    /// # Errors
    ///
    /// Code `json_syntax` when the text is not JSON at all; `input_too_large` when it is larger
    /// than the validator's [`Limits`].
    pub fn validate_json(&self, text: &str) -> Result<Validation, Error> {
        self.validate_json_with(text, &self.calendar)
    }

    /// [`Validator::validate_json`] with another working-day calendar for timeliness, without
    /// copying the validator (e.g. the embedded calendar with a schedule file loaded).
    ///
    /// # Errors
    ///
    /// As [`Validator::validate_json`].
    pub fn validate_json_with(&self, text: &str, calendar: &Calendar) -> Result<Validation, Error> {
        self.limits.check(text)?;
        Ok(self.finish(Parsed::from_text(text)?, calendar))
    }

    /// Validates a typed report, returning every finding (at most
    /// [`Limits::FINDINGS_PER_RULE`] of a rule, then a count).
    pub fn validate(&self, report: &Report) -> Vec<Finding> {
        let mut findings = Findings::default();
        self.validate_in(report, &self.calendar, &mut findings);
        findings.finish(None)
    }

    fn validate_in(&self, report: &Report, calendar: &Calendar, out: &mut Findings) {
        let ctx = Context::new(
            &self.profile,
            &self.catalog,
            calendar,
            &self.index,
            &self.catalog_index,
            report,
        );
        checks::run(&ctx, out);
    }

    fn finish(&self, parsed: Parsed, calendar: &Calendar) -> Validation {
        match parsed {
            Parsed::Sound(report) => {
                let findings = self.validate(&report);
                Validation {
                    report: Some(report),
                    complete: true,
                    findings,
                }
            }
            Parsed::Broken {
                findings: structural,
                poisoned,
                salvaged,
                ..
            } => {
                // Rules see placeholders where parts were broken; what they say there is
                // dropped as it is made.
                let mut rules = Findings::about_sound_parts(poisoned);
                if let Some(report) = &salvaged {
                    self.validate_in(report, calendar, &mut rules);
                }
                Validation {
                    report: salvaged,
                    complete: false,
                    findings: structural.finish(Some(rules)),
                }
            }
        }
    }
}

/// Parses and validates report JSON against the embedded profile the report names, or against
/// the default profile (`binh-dinh-2024`) when it names none that is embedded — in which case the
/// `header.profile` finding says so.
///
/// # Errors
///
/// Code `json_syntax` when the text is not JSON; `input_too_large` beyond
/// [`Limits::DEFAULT_MAX_INPUT_BYTES`].
///
/// # Example
///
/// ```
/// let outcome = treem::validate_json(r#"{ "profile": "binh-dinh-2024", "kind": "annual",
///     "year": 2024, "reporter": { "id": "540", "name": "Ủy ban nhân dân thành phố Quy Nhơn" },
///     "measures": { "abuse.children": { "total": 3, "by": { "sex": { "boys": 3 } } } } }"#).unwrap();
/// let unknown = outcome.findings.iter().find(|f| f.code == "measure.member_unknown").unwrap();
/// assert_eq!(unknown.path, "/measures/abuse.children/by/sex/boys");
/// assert!(treem::validate_json("[1,").is_err());
/// ```
pub fn validate_json(text: &str) -> Result<Validation, Error> {
    validate_json_with(text, Calendar::embedded(), Limits::default())
}

/// [`validate_json`] with another working-day calendar for timeliness and other limits on what
/// is read.
///
/// # Errors
///
/// Code `json_syntax` when the text is not JSON; `input_too_large` when it is larger than
/// `limits` allow.
pub fn validate_json_with(
    text: &str,
    calendar: &Calendar,
    limits: Limits,
) -> Result<Validation, Error> {
    limits.check(text)?;
    let parsed = Parsed::from_text(text)?;
    let validator = parsed
        .declared_profile()
        .and_then(|id| Validator::embedded(id).ok())
        .map_or_else(|| Validator::embedded(DEFAULT_PROFILE), Ok)?;
    Ok(validator.finish(parsed, calendar))
}

/// Runs only the structural pass over report JSON: every shape problem, each with its JSON
/// Pointer, and nothing about the profile.
///
/// [`Validator::validate_json`] runs this pass only when the fast typed parse fails; auditors and
/// the conformance suite call it directly to check that the two always agree: the text parses
/// into a [`Report`] exactly when this returns no finding.
///
/// # Errors
///
/// Code `json_syntax` when the text is not JSON.
///
/// # Example
///
/// ```
/// let findings = treem::check_structure(r#"{ "profile": 1 }"#).unwrap();
/// let got: Vec<(&str, &str)> = findings.iter().map(|f| (f.code, f.path.as_str())).collect();
/// assert!(got.contains(&("structure.type", "/profile")));
/// assert!(got.contains(&("structure.missing_key", "/reporter")));
/// assert_eq!(got.len(), 4); // kind and year are missing too
/// ```
pub fn check_structure(text: &str) -> Result<Vec<Finding>, Error> {
    Limits::default().check(text)?;
    let decoded = structure::decode(text).map_err(|e| Error::json_syntax(&e))?;
    Ok(decoded.findings.finish(None))
}
