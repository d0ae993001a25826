//! Consolidation: the receiving department's step. Many reports of one profile, kind and year
//! become one provincial report in the same wire format, with every expected reporter's status
//! and the completeness of the set.
//!
//! The work is split so that a caller can stream any number of files and use every core, while
//! this crate stays free of I/O and threads:
//!
//! 1. [`check`] validates one report text and keeps what consolidation needs ([`Checked`]). It
//!    is a pure function: callers may run it on many threads.
//! 2. [`Consolidator::add`] takes checked reports one by one, in any order. Memory grows with the
//!    number of reporters, not of files: of two reports from one reporter for one kind, only the
//!    winner is kept (the later `submitted_on`; on a tie, the one given later), and a
//!    `consolidation.duplicate` warning names both.
//! 3. [`Consolidator::finish`] sums the valid winners of the kind, measure by measure and member
//!    by member; recomputes shares and rates from the summed numerators and denominators (never
//!    averaging them); records which reporters contributed to each figure; gives each expected
//!    reporter a status; and compares each reporter's cumulative measures across nested periods
//!    (`consolidation.cumulative_decrease`).
//!
//! The consolidated report names the recipient (the profile's `recipient`) as its reporter.
//! Validated against the profile, it therefore gets `header.reporter`: the recipient is not one
//! of the reporters the profile expects, and a consolidation is not an input to another one.
//!
//! # Example
//!
//! ```
//! use treem::consolidate::{check, Consolidator, Status};
//!
//! let validator = treem::Validator::embedded("binh-dinh-2024").unwrap();
//! let mut all = Consolidator::new(validator, Some("half_year"));
//! for (i, reporter) in ["540", "542"].iter().enumerate() {
//!     let text = treem::sample::example_json("half_year", reporter).unwrap();
//!     all.add(check(validator, i, &format!("{reporter}.json"), &text));
//! }
//! let as_of = "2024-05-20".parse().unwrap();
//! let result = all.finish(Some(as_of)).unwrap();
//! assert_eq!(result.completeness.received, 2);
//! let missing = result.reporters.iter().find(|r| r.id == "543").unwrap();
//! assert_eq!((missing.status, missing.overdue), (Status::Missing, Some(true)));
//! ```

use serde::Serialize;

use crate::calendar::{Deadline, TimelinessStatus};
use crate::catalog::{Catalog, IndicatorKind};
use crate::date::CivilDate;
use crate::error::Error;
use crate::finding::{Finding, FindingOutput, Param, pointer_push};
use crate::i18n::Lang;
use crate::map::Map;
use crate::model::{IndicatorValue, Measure, Quantity, Report, Reporter};
use crate::profile::{MeasureDef, Profile};
use crate::validate::Validator;

/// One report, validated, reduced to what consolidation needs.
#[derive(Clone, Debug)]
pub struct Checked {
    /// Position among the inputs: of two reports with the same `submitted_on`, the later wins.
    pub index: usize,
    /// Where it came from (a file name), for people.
    pub source: String,
    /// What it is.
    pub outcome: CheckedOutcome,
}

impl Checked {
    /// An input the caller could not read at all (core does no I/O: a file or folder that cannot
    /// be opened, or text that is not UTF-8), set aside with the reason `not_utf8` or `io` so
    /// that it is listed, not lost.
    ///
    /// # Example
    ///
    /// ```
    /// use treem::consolidate::{Checked, Consolidator};
    /// let validator = treem::Validator::embedded("binh-dinh-2024").unwrap();
    /// let mut all = Consolidator::new(validator, Some("annual"));
    /// all.add(Checked::unreadable(0, "old-encoding.json", true));
    /// all.add(Checked::unreadable(1, "locked-folder", false));
    /// let done = all.finish(None).unwrap();
    /// let reasons: Vec<&str> = done.unassigned.iter().map(|u| u.reason.as_str()).collect();
    /// assert_eq!(reasons, ["not_utf8", "io"]);
    /// assert_eq!(done.completeness.inputs, 2);
    /// ```
    pub fn unreadable(index: usize, source: &str, not_utf8: bool) -> Checked {
        Checked::set_aside(index, source, if not_utf8 { "not_utf8" } else { "io" })
    }

    /// An input larger than the limit of what is read ([`Limits`](crate::Limits)), not read:
    /// set aside as `input_too_large`.
    pub fn too_large(index: usize, source: &str) -> Checked {
        Checked::set_aside(index, source, "input_too_large")
    }

    fn set_aside(index: usize, source: &str, reason: &str) -> Checked {
        Checked {
            index,
            source: source.to_owned(),
            outcome: CheckedOutcome::Unassigned(Unassigned {
                source: source.to_owned(),
                reason: reason.to_owned(),
                reporter: None,
                errors: 1,
            }),
        }
    }
}

/// What a checked input turned out to be.
#[derive(Clone, Debug)]
pub enum CheckedOutcome {
    /// A report from one of the profile's reporters.
    Report(Box<Submission>),
    /// An input that cannot be counted for any expected reporter: not JSON, not a report, or
    /// from a reporter the profile does not know.
    Unassigned(Unassigned),
}

/// A report from an expected reporter, as consolidation keeps it.
#[derive(Clone, Debug)]
pub struct Submission {
    /// The reporter id.
    pub reporter: String,
    /// The report kind.
    pub kind: String,
    /// When it was submitted (`None` for a draft).
    pub submitted_on: Option<CivilDate>,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Its measures (kept only when the report is valid: invalid figures are never summed).
    pub measures: Map<String, Measure>,
    /// Its indicator values (likewise only when valid).
    pub indicators: Vec<IndicatorValue>,
}

/// An input no expected reporter can be credited with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unassigned {
    /// Where it came from.
    pub source: String,
    /// Why: an error code (`json_syntax`, …); `report_structure` when the header could not be
    /// read; `unknown_reporter`; `other_profile` or `other_year` (a report of another regime or
    /// year); `unknown_report_kind`; `other_kind` (a report of the profile's other kind: not
    /// summed, only compared with for cumulative figures); from callers that read the inputs
    /// ([`Checked::unreadable`]), `not_utf8` or `io`.
    pub reason: String,
    /// The reporter id it names, when it names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporter: Option<String>,
    /// The error findings it had.
    pub errors: usize,
}

/// Validates one report text with `validator` and keeps what consolidation needs. Pure: may run
/// on any thread.
pub fn check(validator: &Validator, index: usize, source: &str, text: &str) -> Checked {
    let profile = validator.profile();
    let aside = |reason: &str, reporter: Option<String>, errors: usize| {
        CheckedOutcome::Unassigned(Unassigned {
            source: source.to_owned(),
            reason: reason.to_owned(),
            reporter,
            errors,
        })
    };
    let outcome = match validator.validate_json(text) {
        Err(e) => aside(e.code(), None, 1),
        Ok(validation) => {
            let errors = validation.error_count();
            let warnings = validation.warning_count();
            match validation.report {
                None => aside("report_structure", None, errors),
                // A report of another regime or year is not one of this consolidation's reports,
                // and must not displace the reporter's own.
                Some(report) if report.profile != profile.id => {
                    aside("other_profile", Some(report.reporter.id), errors)
                }
                Some(report) if report.year != profile.year => {
                    aside("other_year", Some(report.reporter.id), errors)
                }
                Some(report) if validator.reporter_position(&report.reporter.id).is_none() => {
                    aside("unknown_reporter", Some(report.reporter.id), errors)
                }
                // A kind the profile does not have cannot be counted as any kind's report.
                Some(report) if profile.report_kind(&report.kind).is_none() => {
                    aside("unknown_report_kind", Some(report.reporter.id), errors)
                }
                Some(report) => {
                    let valid = errors == 0 && validation.complete;
                    CheckedOutcome::Report(Box::new(Submission {
                        reporter: report.reporter.id,
                        kind: report.kind,
                        submitted_on: report.submitted_on,
                        errors,
                        warnings,
                        measures: if valid { report.measures } else { Map::new() },
                        indicators: if valid { report.indicators } else { Vec::new() },
                    }))
                }
            }
        }
    };
    Checked {
        index,
        source: source.to_owned(),
        outcome,
    }
}

/// Consolidates report texts given in order, naming them `#1`, `#2`, …: what the WebAssembly
/// build and the test vectors do (the command line reads files on several threads instead).
///
/// # Errors
///
/// As [`Consolidator::finish`].
pub fn consolidate<'t>(
    validator: &Validator,
    kind: Option<&str>,
    texts: impl IntoIterator<Item = &'t str>,
    as_of: Option<CivilDate>,
) -> Result<Consolidation, Error> {
    let mut all = Consolidator::new(validator, kind);
    for (i, text) in texts.into_iter().enumerate() {
        all.add(check(validator, i, &format!("#{}", i + 1), text));
    }
    all.finish(as_of)
}

/// A kept report and where it came from.
#[derive(Clone, Debug)]
struct Kept {
    index: usize,
    source: String,
    submission: Submission,
    /// The reports it won over, whatever order they came in, with their input positions.
    dropped: Vec<(usize, SetAside)>,
}

/// A report set aside for a later one from the same reporter.
#[derive(Clone, Debug)]
struct SetAside {
    source: String,
    submitted_on: Option<CivilDate>,
    errors: usize,
}

/// Collects checked reports; [`Consolidator::finish`] adds them up.
#[derive(Debug)]
pub struct Consolidator<'v> {
    validator: &'v Validator,
    kind: Option<String>,
    /// The winner per reporter (the profile's order) and kind (the profile's order): adding is
    /// constant time however many reporters the profile has.
    kept: Vec<Vec<Option<Kept>>>,
    /// With each input's position, so that the output's order does not depend on arrival.
    unassigned: Vec<(usize, Unassigned)>,
    inputs: usize,
}

impl<'v> Consolidator<'v> {
    /// A consolidation of `kind` reports under `validator`'s profile; without a kind, the kind
    /// with the latest period end among the reports given.
    pub fn new(validator: &'v Validator, kind: Option<&str>) -> Consolidator<'v> {
        Consolidator {
            validator,
            kind: kind.map(str::to_owned),
            // Built without `Clone`: the WebAssembly module would carry the clone code of every
            // report type.
            kept: (0..validator.profile().reporters.len())
                .map(|_| {
                    (0..validator.profile().report_kinds.len())
                        .map(|_| None)
                        .collect()
                })
                .collect(),
            unassigned: Vec::new(),
            inputs: 0,
        }
    }

    /// Takes one checked report. Of two from one reporter for one kind, the later
    /// `submitted_on` wins (on a tie, or both undated, the one given later), with a
    /// `consolidation.duplicate` warning naming both.
    pub fn add(&mut self, checked: Checked) {
        self.inputs += 1;
        let submission = match checked.outcome {
            CheckedOutcome::Unassigned(u) => {
                self.unassigned.push((checked.index, u));
                return;
            }
            CheckedOutcome::Report(s) => *s,
        };
        let profile = self.validator.profile();
        let who = self.validator.reporter_position(&submission.reporter);
        let kind = profile
            .report_kinds
            .iter()
            .position(|k| k.id == submission.kind);
        let (Some(who), Some(kind)) = (who, kind) else {
            // `check` sets such reports aside; one built by hand is set aside here, with the
            // same reason `check` would give.
            let reason = if who.is_none() {
                "unknown_reporter"
            } else {
                "unknown_report_kind"
            };
            self.unassigned.push((
                checked.index,
                Unassigned {
                    source: checked.source,
                    reason: reason.to_owned(),
                    reporter: Some(submission.reporter),
                    errors: submission.errors,
                },
            ));
            return;
        };
        let mut new = Kept {
            index: checked.index,
            source: checked.source,
            submission,
            dropped: Vec::new(),
        };
        let slot = &mut self.kept[who][kind];
        let Some(old) = slot.as_mut() else {
            *slot = Some(new);
            return;
        };
        // The winner takes the loser and everything the loser had won over, so the findings
        // (made in `finish`, against the final winner) do not depend on the order of arrival.
        let rank = |k: &Kept| (k.submission.submitted_on, k.index);
        if rank(&new) > rank(old) {
            std::mem::swap(old, &mut new);
        }
        let loser = new;
        old.dropped.extend(loser.dropped);
        let errors = loser.submission.errors;
        old.dropped.push((
            loser.index,
            SetAside {
                source: loser.source,
                submitted_on: loser.submission.submitted_on,
                errors,
            },
        ));
    }

    /// How many inputs were added.
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// Adds up the valid reports of the kind and gives every expected reporter its status, as
    /// of `as_of` when given (for `missing` reporters: overdue or not yet).
    ///
    /// # Errors
    ///
    /// `unknown_report_kind` when the kind asked for is not the profile's; `invalid_options`
    /// when no kind was asked for and no report says one; `year_not_covered` when the calendar
    /// cannot date the kind's deadline.
    pub fn finish(mut self, as_of: Option<CivilDate>) -> Result<Consolidation, Error> {
        let profile = self.validator.profile();
        let kind_at = self.kind_position()?;
        let kind = &profile.report_kinds[kind_at];
        let calendar = self.validator.calendar();
        let deadline = Deadline::compute(calendar, kind, None)?;

        let mut reporters = Vec::with_capacity(profile.reporters.len());
        for (def, kept) in profile.reporters.iter().zip(&self.kept) {
            reporters.push(status(
                def,
                kept[kind_at].as_ref(),
                &deadline,
                calendar,
                as_of,
            )?);
        }
        let expected = reporters.len();
        let received = reporters
            .iter()
            .filter(|r| r.status != Status::Missing)
            .count();
        let valid = reporters.iter().filter(|r| r.status.is_summed()).count();

        let mut findings = duplicates(profile, &mut self.kept);
        cumulative_checks(profile, &self.kept, &mut findings);

        // Reports of the profile's other kinds: compared with, not summed; listed, not lost.
        for kinds in &self.kept {
            for (k, kept) in kinds.iter().enumerate() {
                if let (true, Some(kept)) = (k != kind_at, kept) {
                    self.unassigned.push((
                        kept.index,
                        Unassigned {
                            source: kept.source.clone(),
                            reason: "other_kind".to_owned(),
                            reporter: Some(kept.submission.reporter.clone()),
                            errors: kept.submission.errors,
                        },
                    ));
                }
            }
        }
        let unassigned = crate::util::merge_sort_by_key(self.unassigned)
            .into_iter()
            .map(|(_, u)| u)
            .collect();

        // Summed: the reports whose status says so (valid and submitted: a draft without
        // `submitted_on` is counted as received, not added to the official figures).
        let winners: Vec<&Kept> = reporters
            .iter()
            .zip(&self.kept)
            .filter(|(r, _)| r.status.is_summed())
            .filter_map(|(_, kinds)| kinds[kind_at].as_ref())
            .collect();
        let (mut measures, contributions, omitted_breakdowns) =
            sum_measures(&winners, &mut findings);
        let omitted_measures = keep_relations(profile, &mut measures, &contributions);
        let (indicators, omitted, indicator_contributions) =
            sum_indicators(self.validator.catalog(), &winners);
        let consolidated = Report {
            profile: profile.id.clone(),
            kind: kind.id.clone(),
            year: profile.year,
            reporter: Reporter {
                id: profile.recipient.id.clone(),
                name: profile.recipient.name.clone(),
            },
            measures,
            indicators,
            ..Report::default()
        };
        Ok(Consolidation {
            kind: kind.id.clone(),
            last_on_time_day: deadline.last_on_time_day,
            as_of,
            consolidated,
            reporters,
            completeness: Completeness {
                expected,
                received,
                valid,
                inputs: self.inputs,
            },
            contributions,
            omitted_breakdowns,
            omitted_measures,
            indicator_contributions,
            omitted_indicators: omitted,
            unassigned,
            findings,
        })
    }

    /// The position of the kind to consolidate among the profile's kinds.
    fn kind_position(&self) -> Result<usize, Error> {
        let kinds = &self.validator.profile().report_kinds;
        match &self.kind {
            Some(kind) => {
                let def = self.validator.profile().find_report_kind(kind)?;
                Ok(kinds.iter().position(|k| k.id == def.id).unwrap_or(0))
            }
            None => (0..kinds.len())
                .filter(|&k| self.kept.iter().any(|r| r[k].is_some()))
                .max_by_key(|&k| {
                    (
                        kinds[k].period.end,
                        std::cmp::Reverse(kinds[k].period.start),
                    )
                })
                .ok_or_else(|| {
                    Error::invalid_options(&format!(
                        "no report names a kind of the profile ({} of {} input(s) set aside): say which kind to consolidate",
                        self.unassigned.len(),
                        self.inputs
                    ))
                }),
        }
    }
}

/// Where an expected reporter stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A valid report, submitted by the last on-time day.
    OnTime,
    /// A valid report, submitted after the last on-time day.
    Late,
    /// A valid report without `submitted_on` (a draft): received, but its timeliness is unknown
    /// and its figures are not summed.
    Undated,
    /// A report with errors: its figures are not summed.
    Invalid,
    /// No report.
    Missing,
}

impl Status {
    /// Whether the reporter's figures are in the sums: a valid, submitted report (on time or
    /// late).
    pub fn is_summed(self) -> bool {
        matches!(self, Status::OnTime | Status::Late)
    }
}

/// One expected reporter's status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReporterStatus {
    /// Reporter id.
    pub id: String,
    /// Official name.
    pub name: String,
    /// Its kind of reporter (`district_committee`, …).
    pub reporter_kind: String,
    /// Where it stands.
    pub status: Status,
    /// The report counted for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// When that report was submitted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted_on: Option<CivilDate>,
    /// Calendar days after the last on-time day (0 when on time), for a dated report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_late: Option<i64>,
    /// Working days after the last on-time day, for a dated report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working_days_late: Option<i64>,
    /// For a missing report, as of the day asked for: whether the last on-time day has passed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overdue: Option<bool>,
    /// Error findings of the report counted.
    pub errors: usize,
    /// Warning findings of the report counted.
    pub warnings: usize,
}

/// How complete the set of reports is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Completeness {
    /// Reporters the profile expects a report from.
    pub expected: usize,
    /// Of them, those with a report (valid or not).
    pub received: usize,
    /// Of them, those with a valid, submitted report (the ones summed).
    pub valid: usize,
    /// Inputs read in all, duplicates and unassigned ones included.
    pub inputs: usize,
}

/// Which reporters contributed to each figure of one measure, and with what: reporter id to
/// its figure.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Contributors {
    /// To the total.
    pub total: Map<String, Quantity>,
    /// To each member of each breakdown.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub by: Map<String, Map<String, Map<String, Quantity>>>,
}

/// A breakdown (or one member of it) left out of the consolidated report, and who lacked it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OmittedBreakdown {
    /// Measure id.
    pub measure: String,
    /// Dimension id.
    pub dimension: String,
    /// The member, when only that member is left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// The reporters that gave the measure's total but not this breakdown or member.
    pub without: Vec<String>,
}

/// A part measure left out of the consolidated report: some reporters gave it without its whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OmittedMeasure {
    /// The part's measure id.
    pub measure: String,
    /// The whole it must stay within.
    pub whole: String,
    /// The reporters that gave the part but not the whole.
    pub without: Vec<String>,
}

/// An indicator that could not be consolidated, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Omitted {
    /// Catalog id.
    pub indicator: String,
    /// Why: `no_parts` (a share or rate given without numerator and denominator by at least one
    /// reporter: averaging it would be wrong), `zero_denominator` (the summed denominator is 0),
    /// or `overflow` (a sum beyond 2^53 − 1, which the report format cannot hold).
    pub reason: String,
    /// The reporters that gave it.
    pub reporters: Vec<String>,
}

/// The consolidation of a set of reports. Its findings are [`Finding`]s; as wire data
/// ([`ConsolidationOutput`]) they carry their messages.
#[derive(Clone, Debug, Serialize)]
pub struct Consolidation<F = Finding> {
    /// The kind consolidated.
    pub kind: String,
    /// The kind's last on-time day.
    pub last_on_time_day: CivilDate,
    /// The day the statuses are as of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<CivilDate>,
    /// The provincial report: the sums, in the report wire format, from the recipient.
    pub consolidated: Report,
    /// Every expected reporter, in the profile's order.
    pub reporters: Vec<ReporterStatus>,
    /// Received, valid and expected counts.
    pub completeness: Completeness,
    /// Per measure, who contributed to each figure and with what.
    pub contributions: Map<String, Contributors>,
    /// Breakdowns and members left out of the consolidated report because not every reporter
    /// that gave the total gave them: summing them would contradict the total.
    pub omitted_breakdowns: Vec<OmittedBreakdown>,
    /// Parts left out of the consolidated report because their sum exceeds their whole's, which
    /// happens when some reporters gave the part without the whole.
    pub omitted_measures: Vec<OmittedMeasure>,
    /// Per indicator (catalog id), each summed reporter's value.
    pub indicator_contributions: Map<String, Map<String, f64>>,
    /// Indicators given but not consolidated.
    pub omitted_indicators: Vec<Omitted>,
    /// Inputs credited to no expected reporter.
    pub unassigned: Vec<Unassigned>,
    /// Cross-report findings (`consolidation.*`).
    pub findings: Vec<F>,
}

/// A consolidation as wire data, findings with their messages: what `treem consolidate
/// --format json` prints and the WebAssembly build's `consolidate` returns.
pub type ConsolidationOutput = Consolidation<FindingOutput>;

impl Consolidation {
    /// As wire data, messages in `lang` (consumes the consolidation: nothing is copied).
    pub fn into_output(self, lang: Lang) -> ConsolidationOutput {
        let findings = self.findings.iter().map(|f| f.to_output(lang)).collect();
        Consolidation {
            kind: self.kind,
            last_on_time_day: self.last_on_time_day,
            as_of: self.as_of,
            consolidated: self.consolidated,
            reporters: self.reporters,
            completeness: self.completeness,
            contributions: self.contributions,
            omitted_breakdowns: self.omitted_breakdowns,
            omitted_measures: self.omitted_measures,
            indicator_contributions: self.indicator_contributions,
            omitted_indicators: self.omitted_indicators,
            unassigned: self.unassigned,
            findings,
        }
    }
}

fn status(
    def: &crate::profile::ReporterDef,
    kept: Option<&Kept>,
    deadline: &Deadline,
    calendar: &crate::calendar::Calendar,
    as_of: Option<CivilDate>,
) -> Result<ReporterStatus, Error> {
    let mut out = ReporterStatus {
        id: def.id.clone(),
        name: def.name.clone(),
        reporter_kind: def.kind.clone(),
        status: Status::Missing,
        source: None,
        submitted_on: None,
        days_late: None,
        working_days_late: None,
        overdue: None,
        errors: 0,
        warnings: 0,
    };
    let Some(kept) = kept else {
        out.overdue = as_of.map(|day| day > deadline.last_on_time_day);
        return Ok(out);
    };
    let s = &kept.submission;
    out.source = Some(kept.source.clone());
    out.submitted_on = s.submitted_on;
    out.errors = s.errors;
    out.warnings = s.warnings;
    let timeliness = s
        .submitted_on
        .map(|day| deadline.timeliness(calendar, day))
        .transpose()?;
    if let Some(t) = &timeliness {
        out.days_late = Some(t.days_late);
        out.working_days_late = Some(t.working_days_late);
    }
    out.status = match (s.errors, timeliness.map(|t| t.status)) {
        (1.., _) => Status::Invalid,
        (0, None) => Status::Undated,
        (0, Some(TimelinessStatus::OnTime)) => Status::OnTime,
        (0, Some(TimelinessStatus::Late)) => Status::Late,
    };
    Ok(out)
}

/// One `consolidation.duplicate` per report set aside, naming the report used instead; in the
/// profile's order of reporters and kinds, then the order the reports were given.
fn duplicates(profile: &Profile, kept: &mut [Vec<Option<Kept>>]) -> Vec<Finding> {
    // "gửi 13/5" or "chưa ghi ngày gửi", for the message.
    let when = |day: Option<CivilDate>| match day {
        Some(day) => Param::Label(crate::Label {
            vi: format!("gửi {day}"),
            en: format!("submitted {day}"),
        }),
        None => Param::Label(crate::Label {
            vi: "chưa ghi ngày gửi".into(),
            en: "no submission date".into(),
        }),
    };
    let date = |day: Option<CivilDate>| match day {
        Some(day) => Param::from(day.to_string()),
        None => Param::Label(crate::Label {
            vi: "chưa ghi ngày".into(),
            en: "no date".into(),
        }),
    };
    let mut findings = Vec::new();
    // Each reporter's winners are kept in the order of the profile's report kinds.
    let winners = kept
        .iter_mut()
        .flat_map(|kinds| profile.report_kinds.iter().zip(kinds))
        .filter_map(|(kind, winner)| Some((kind, winner.as_mut()?)));
    for (kind, winner) in winners {
        let dropped = crate::util::merge_sort_by_key(std::mem::take(&mut winner.dropped));
        for (
            _,
            SetAside {
                source,
                submitted_on: day,
                errors,
            },
        ) in dropped
        {
            findings.push(
                Finding::new("consolidation.duplicate", "/submitted_on".into())
                    .with("reporter", winner.submission.reporter.as_str())
                    .with("kind", winner.submission.kind.as_str())
                    .with("kind_name", &kind.name)
                    .with("kept_when", when(winner.submission.submitted_on))
                    .with("dropped_when", when(day))
                    .with("kept", winner.source.as_str())
                    .with("kept_date", date(winner.submission.submitted_on))
                    .with("kept_errors", winner.submission.errors as u64)
                    .with("dropped", source.as_str())
                    .with("dropped_date", date(day))
                    .with("dropped_errors", errors as u64),
            );
        }
    }
    findings
}

/// The report kept, if it has no error (only valid reports are compared).
fn valid(report: &Option<Kept>) -> Option<&Kept> {
    report.as_ref().filter(|r| r.submission.errors == 0)
}

/// A cumulative measure lower in a reporter's report for a longer period than in its report for
/// an earlier, nested one (the annual report below the six-month one).
fn cumulative_checks(profile: &Profile, kept: &[Vec<Option<Kept>>], findings: &mut Vec<Finding>) {
    // From the profile alone: the pairs of kinds whose periods nest (same start, the first ends
    // sooner), and the cumulative measures.
    let kinds = &profile.report_kinds;
    let nested: Vec<(usize, usize)> = (0..kinds.len())
        .flat_map(|short| (0..kinds.len()).map(move |long| (short, long)))
        .filter(|&(short, long)| {
            kinds[short].period.start == kinds[long].period.start
                && kinds[short].period.end < kinds[long].period.end
        })
        .collect();
    let cumulative: Vec<&MeasureDef> = profile.measures.iter().filter(|m| m.cumulative).collect();
    for (def, reports) in profile.reporters.iter().zip(kept) {
        for &(s, l) in &nested {
            let (Some(short), Some(long)) = (valid(&reports[s]), valid(&reports[l])) else {
                continue;
            };
            for measure in &cumulative {
                let (Some(earlier), Some(later)) = (
                    short.submission.measures.get(&measure.id),
                    long.submission.measures.get(&measure.id),
                ) else {
                    continue;
                };
                if later.total < earlier.total {
                    findings.push(
                        Finding::new(
                            "consolidation.cumulative_decrease",
                            pointer_push(&pointer_push("/measures", &measure.id), "total"),
                        )
                        .with("reporter", def.id.as_str())
                        .with("measure", measure.id.as_str())
                        .with("measure_name", &measure.name)
                        .with("earlier_kind", kinds[s].id.as_str())
                        .with("earlier", short.source.as_str())
                        .with("earlier_value", earlier.total.get())
                        .with("later_kind", kinds[l].id.as_str())
                        .with("later", long.source.as_str())
                        .with("later_value", later.total.get()),
                    );
                }
            }
        }
    }
}

/// Leaves out each part whose sum breaks its relation with its whole (an error-level
/// relation, on the total or a member), naming the reporters that gave the part without the
/// whole. Each valid report keeps its parts within its wholes, so the sums break a relation only
/// when some reporters gave the part without the whole; most often they do not break it, and
/// the part is kept.
fn keep_relations(
    profile: &Profile,
    measures: &mut Map<String, Measure>,
    contributions: &Map<String, Contributors>,
) -> Vec<OmittedMeasure> {
    let exceeds = |part: Quantity, whole: Quantity, tolerance: u32| {
        u128::from(part.get()) * 100 > u128::from(whole.get()) * u128::from(100 + tolerance)
    };
    let mut omitted = Vec::new();
    for relation in profile
        .relations
        .iter()
        .filter(|r| r.severity == crate::finding::Severity::Error)
    {
        let (Some(part), Some(whole)) =
            (measures.get(&relation.part), measures.get(&relation.whole))
        else {
            continue;
        };
        let tolerance = relation.tolerance_percent;
        let mut broken = exceeds(part.total, whole.total, tolerance);
        for dimension in &relation.per {
            if let (Some(p), Some(w)) = (part.by.get(dimension), whole.by.get(dimension)) {
                broken |= p
                    .iter()
                    .any(|(m, q)| w.get(m).is_some_and(|wq| exceeds(*q, *wq, tolerance)));
            }
        }
        if !broken {
            continue;
        }
        let without = match (
            contributions.get(&relation.part),
            contributions.get(&relation.whole),
        ) {
            (Some(p), Some(w)) => p
                .total
                .keys()
                .filter(|r| !w.total.contains_key(r.as_str()))
                .cloned()
                .collect(),
            _ => Vec::new(),
        };
        measures.remove(&relation.part);
        omitted.push(OmittedMeasure {
            measure: relation.part.clone(),
            whole: relation.whole.clone(),
            without,
        });
    }
    omitted
}

/// `a + b`, or `None` beyond the largest figure of the wire format (2^53 − 1).
fn add(a: Quantity, b: Quantity) -> Option<Quantity> {
    a.get().checked_add(b.get()).and_then(Quantity::new)
}

/// Sets `by[dimension][member]` to `value`, where keys arrive in ascending order (so each
/// insertion appends).
fn append<V>(by: &mut Map<String, Map<String, V>>, dimension: &str, member: &str, value: V) {
    by.get_or_default(dimension)
        .insert(member.to_owned(), value);
}

/// Contributions while they are collected: (reporter, figure) pairs in the order met, sorted
/// into maps once at the end (inserting one by one into a sorted map would be quadratic).
#[derive(Default)]
struct Collecting {
    total: Vec<(String, Quantity)>,
    by: Map<String, Map<String, Vec<(String, Quantity)>>>,
}

/// The sums of the winners' measures, who contributed to each figure, and the breakdowns left
/// out. A breakdown member is summed only when every reporter that gave the measure's total
/// gave it too, so the consolidated report never contradicts itself; a sum beyond the largest
/// figure is a `consolidation.overflow` error and the figure is left out.
fn sum_measures(
    winners: &[&Kept],
    findings: &mut Vec<Finding>,
) -> (
    Map<String, Measure>,
    Map<String, Contributors>,
    Vec<OmittedBreakdown>,
) {
    // Every figure as (measure, dimension, member) → (reporter, figure), in the winners'
    // order, then sorted once (stably: each figure keeps the order of its reporters) and
    // grouped: no map grows one key at a time, which would be quadratic in the number of
    // measures or members.
    type Cell<'k> = (&'k str, &'k str, &'k str);
    let mut figures: Vec<(Cell<'_>, (&String, Quantity))> = Vec::new();
    for kept in winners {
        let reporter = &kept.submission.reporter;
        for (id, measure) in &kept.submission.measures {
            figures.push(((id.as_str(), "", ""), (reporter, measure.total)));
            for (dimension, members) in &measure.by {
                for (member, value) in members {
                    figures.push(((id, dimension, member), (reporter, *value)));
                }
            }
        }
    }
    let figures = crate::util::merge_sort_by_key(figures);
    let mut sums: Vec<(String, Measure)> = Vec::new();
    let mut who: Vec<(String, Collecting)> = Vec::new();
    let mut overflow: Vec<String> = Vec::new();
    let mut run = figures.as_slice();
    while let Some(((id, dimension, member), _)) = run.first() {
        let end = run
            .iter()
            .position(|(k, _)| k != &(*id, *dimension, *member));
        let (cell, rest) = run.split_at(end.unwrap_or(run.len()));
        run = rest;
        let values = || cell.iter().map(|(_, (r, q))| ((*r).clone(), *q));
        let sum = cell
            .iter()
            .try_fold(Quantity::default(), |sum, (_, (_, q))| add(sum, *q));
        if dimension.is_empty() {
            // A measure's total comes first of its figures (its key sorts first).
            match sum {
                Some(total) => sums.push((
                    (*id).to_owned(),
                    Measure {
                        total,
                        by: Map::new(),
                    },
                )),
                None => overflow.push((*id).to_owned()),
            }
            who.push((
                (*id).to_owned(),
                Collecting {
                    total: values().collect(),
                    by: Map::new(),
                },
            ));
            continue;
        }
        let (Some((sum_id, measure)), Some((_, names))) = (sums.last_mut(), who.last_mut()) else {
            continue;
        };
        // Members are grouped after their measure's total, dimension by dimension, member
        // by member, so they append in order. (A member that overflows cannot exceed its
        // total, which overflows too: the measure is then left out as a whole.)
        if sum_id == id {
            if let Some(value) = sum {
                append(&mut measure.by, dimension, member, value);
            }
        }
        append(&mut names.by, dimension, member, values().collect());
    }
    let mut sums = Map::from_pairs(sums);
    let who = Map::from_pairs(who);
    for id in overflow {
        sums.remove(&id);
        findings.push(
            Finding::new(
                "consolidation.overflow",
                pointer_push(&pointer_push("/measures", &id), "total"),
            )
            .with("measure", id.as_str())
            .with("max", crate::model::MAX_QUANTITY),
        );
    }
    // Keep only the members every contributor to the total gave.
    let mut omitted = Vec::new();
    for (id, measure) in sums.iter_mut() {
        let Some(names) = who.get(id) else { continue };
        let all: Vec<&String> = names.total.iter().map(|(r, _)| r).collect();
        // Who gave the total but not this member. Each reporter gives a member at most once, so
        // equal counts mean everyone gave it; the list is worked out only when someone did not.
        let lacking = |given: &[(String, Quantity)]| -> Vec<String> {
            if given.len() == all.len() {
                return Vec::new();
            }
            let given: Map<&str, ()> = given.iter().map(|(r, _)| (r.as_str(), ())).collect();
            all.iter()
                .filter(|r| !given.contains_key(r.as_str()))
                .map(|r| (*r).clone())
                .collect()
        };
        let mut by = Map::new();
        for (dimension, members) in std::mem::take(&mut measure.by) {
            let given = names.by.get(&dimension);
            // Who gave the total but no member of this breakdown at all.
            let gave_some: Map<&str, ()> = given
                .into_iter()
                .flat_map(|g| g.values())
                .flatten()
                .map(|(r, _)| (r.as_str(), ()))
                .collect();
            let without_dimension: Vec<String> = all
                .iter()
                .filter(|r| !gave_some.contains_key(r.as_str()))
                .map(|r| (*r).clone())
                .collect();
            let mut kept_members = Map::new();
            let mut dropped_members = Vec::new();
            for (member, value) in members {
                let without = given.and_then(|g| g.get(&member)).map_or_else(
                    || all.iter().map(|r| (*r).clone()).collect(),
                    |g| lacking(g),
                );
                if without.is_empty() {
                    kept_members.insert(member, value);
                } else {
                    dropped_members.push((member, without));
                }
            }
            // Left out because some reporters did not give the breakdown at all: named once.
            if kept_members.is_empty()
                && dropped_members.iter().all(|(_, w)| *w == without_dimension)
            {
                omitted.push(OmittedBreakdown {
                    measure: id.clone(),
                    dimension: dimension.clone(),
                    member: None,
                    without: without_dimension,
                });
                continue;
            }
            for (member, without) in dropped_members {
                omitted.push(OmittedBreakdown {
                    measure: id.clone(),
                    dimension: dimension.clone(),
                    member: Some(member),
                    without,
                });
            }
            if !kept_members.is_empty() {
                by.insert(dimension, kept_members);
            }
        }
        measure.by = by;
    }
    let who = who.map_values(|c| Contributors {
        total: Map::from_pairs(c.total),
        by: c
            .by
            .map_values(|members| members.map_values(Map::from_pairs)),
    });
    (sums, who, omitted)
}

/// The consolidated indicators, those omitted, and each reporter's value per indicator.
type IndicatorSums = (
    Vec<IndicatorValue>,
    Vec<Omitted>,
    Map<String, Map<String, f64>>,
);

/// Consolidated indicators: shares and rates recomputed from summed parts, counts summed;
/// anything else omitted with the reason.
fn sum_indicators(catalog: &Catalog, winners: &[&Kept]) -> IndicatorSums {
    // One pass over the values given: each identified once (in log time) and filed under its
    // indicator, in catalog order.
    let index = crate::catalog::CatalogIndex::new(catalog);
    let mut given: Vec<Vec<(&str, &IndicatorValue)>> =
        catalog.indicators.iter().map(|_| Vec::new()).collect();
    for kept in winners {
        let reporter = kept.submission.reporter.as_str();
        for value in &kept.submission.indicators {
            if let Some(at) = index.position(value) {
                given[at].push((reporter, value));
            }
        }
    }
    let given = catalog
        .indicators
        .iter()
        .zip(given)
        .filter(|(_, values)| !values.is_empty());
    let mut out = Vec::new();
    let mut omitted = Vec::new();
    let mut who = Vec::new();
    for (indicator, values) in given {
        let given_by = values
            .iter()
            .map(|(r, v)| ((*r).to_owned(), v.value))
            .collect::<Vec<_>>();
        who.push((indicator.id.clone(), Map::from_pairs(given_by)));
        let parts: Option<(u64, u64)> = values.iter().try_fold((0u64, 0u64), |(n, d), (_, v)| {
            Some((
                n.saturating_add(v.numerator?.get()),
                d.saturating_add(v.denominator?.get()),
            ))
        });
        // A sum beyond the format's largest figure cannot be written: left out, and said.
        let max = crate::model::MAX_QUANTITY;
        let count: f64 = values.iter().map(|(_, v)| v.value).sum();
        let too_large = match (&indicator.formula, parts, indicator.unit.kind) {
            (Some(_), Some((n, d)), _) if d > 0 => n > max || d > max,
            (_, _, IndicatorKind::Count) => count.abs() > max as f64,
            _ => false,
        };
        if too_large {
            omitted.push(Omitted {
                indicator: indicator.id.clone(),
                reason: "overflow".to_owned(),
                reporters: values.iter().map(|(r, _)| (*r).to_owned()).collect(),
            });
            continue;
        }
        let identify = |value: f64, parts: Option<(u64, u64)>| IndicatorValue {
            annex: indicator.code.as_ref().map(|_| indicator.annex),
            code: indicator.code.clone(),
            id: indicator.code.is_none().then(|| indicator.id.clone()),
            value,
            numerator: parts.and_then(|(n, _)| Quantity::new(n)),
            denominator: parts.and_then(|(_, d)| Quantity::new(d)),
        };
        match (&indicator.formula, parts, indicator.unit.kind) {
            (Some(formula), Some((n, d)), _) if d > 0 => {
                let value = n as f64 / d as f64 * f64::from(formula.multiplier);
                out.push(identify((value * 10.0).round() / 10.0, Some((n, d))));
            }
            (_, _, IndicatorKind::Count) => out.push(identify(count, None)),
            (Some(_), Some((_, 0)), _) => omitted.push(Omitted {
                indicator: indicator.id.clone(),
                reason: "zero_denominator".to_owned(),
                reporters: values.iter().map(|(r, _)| (*r).to_owned()).collect(),
            }),
            _ => omitted.push(Omitted {
                indicator: indicator.id.clone(),
                reason: "no_parts".to_owned(),
                reporters: values.iter().map(|(r, _)| (*r).to_owned()).collect(),
            }),
        }
    }
    (out, omitted, Map::from_pairs(who))
}
