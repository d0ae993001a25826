//! The rules, one module per family, each of the same shape: `check(&Context, &mut Vec<Finding>)`.
//!
//! Rules read the report through a [`Context`] that has already looked up the report's kind,
//! reporter and reporter kind in the profile; a rule that needs something absent skips (missing
//! is not zero). Codes, severities and messages are declared in [`crate::rules`].

pub(crate) mod header;
pub(crate) mod indicators;
pub(crate) mod measures;
pub(crate) mod relations;
pub(crate) mod sections;
pub(crate) mod timeliness;

use crate::map::Map;

use crate::calendar::Calendar;
use crate::catalog::Catalog;
use crate::date::CivilDate;
use crate::finding::Finding;
use crate::model::Report;
use crate::profile::{MeasureDef, Profile, ReportKind, ReporterDef, ReporterKind};

/// What every rule may look at: the report and the profile entries it refers to.
pub(crate) struct Context<'a> {
    pub profile: &'a Profile,
    pub catalog: &'a Catalog,
    /// The working-day calendar for deadlines.
    pub calendar: &'a Calendar,
    pub report: &'a Report,
    /// The report's kind, when the profile has it.
    pub kind: Option<&'a ReportKind>,
    /// The reporter, when the profile has it.
    pub reporter: Option<&'a ReporterDef>,
    /// The reporter's kind, when known.
    pub reporter_kind: Option<&'a ReporterKind>,
    measures: &'a Map<String, usize>,
    /// The definition of each of the report's measures, in the report's order (`None` for an
    /// id the profile does not have): looked up once, for every rule family.
    defs: Vec<Option<&'a MeasureDef>>,
    /// The submission date when plausible; see [`Context::submitted_on`].
    submitted_on: Option<CivilDate>,
}

impl<'a> Context<'a> {
    pub fn new(
        profile: &'a Profile,
        catalog: &'a Catalog,
        calendar: &'a Calendar,
        measures: &'a Map<String, usize>,
        reporters: &'a Map<String, usize>,
        report: &'a Report,
    ) -> Self {
        let reporter = reporters
            .get(report.reporter.id.as_str())
            .map(|&i| &profile.reporters[i]);
        let kind = profile.report_kind(&report.kind);
        let submitted_on = report.submitted_on.filter(|&submitted| {
            kind.is_none_or(|kind| header::submission_in_window(kind, submitted))
        });
        Context {
            profile,
            catalog,
            calendar,
            report,
            kind,
            reporter,
            reporter_kind: reporter.and_then(|r| profile.reporter_kind(&r.kind)),
            measures,
            defs: definitions(report, measures, profile),
            submitted_on,
        }
    }

    /// The report's measures in order, each with its definition (`None`: not in the profile).
    pub fn report_measures(
        &self,
    ) -> impl Iterator<
        Item = (
            &'a String,
            &'a crate::model::Measure,
            Option<&'a MeasureDef>,
        ),
    > + '_ {
        self.report
            .measures
            .iter()
            .zip(&self.defs)
            .map(|((id, measure), def)| (id, measure, *def))
    }

    /// The profile's definition of a measure.
    pub fn measure_def(&self, id: &str) -> Option<&'a MeasureDef> {
        self.measures.get(id).map(|&i| &self.profile.measures[i])
    }

    /// The submission date, when it is plausible for the report's kind: not before the period
    /// and not more than [`header::SANE_DAYS_AFTER_PERIOD`] days after it. A date outside that
    /// window is reported once (`header.submitted_on`) and not used by the rules that compare
    /// other dates with it, so one typo gives one finding.
    pub fn submitted_on(&self) -> Option<CivilDate> {
        self.submitted_on
    }
}

/// Runs every rule family.
pub(crate) fn run(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    header::check(ctx, out);
    sections::check(ctx, out);
    measures::check(ctx, out);
    relations::check(ctx, out);
    indicators::check(ctx, out);
    timeliness::check(ctx, out);
}

/// The definition of each of the report's measures, in the report's order: one walk through
/// both id lists, which are sorted alike, instead of a search per measure and per rule.
fn definitions<'a>(
    report: &Report,
    positions: &Map<String, usize>,
    profile: &'a Profile,
) -> Vec<Option<&'a MeasureDef>> {
    let mut known = positions.iter().peekable();
    report
        .measures
        .keys()
        .map(|id| {
            while known.next_if(|(k, _)| k.as_str() < id.as_str()).is_some() {}
            known
                .next_if(|(k, _)| *k == id)
                .map(|(_, &i)| &profile.measures[i])
        })
        .collect()
}
