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

use crate::calendar::Calendar;
use crate::catalog::{Catalog, CatalogIndex};
use crate::date::CivilDate;
use crate::finding::Findings;
use crate::model::Report;
use crate::profile::{Index, MeasureDef, Profile, ReportKind, ReporterDef, ReporterKind};

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
    /// The profile's ids, by position.
    pub index: &'a Index,
    /// The catalog's indicators, by id and code.
    pub catalog_index: &'a CatalogIndex,
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
        index: &'a Index,
        catalog_index: &'a CatalogIndex,
        report: &'a Report,
    ) -> Self {
        let reporter = index
            .reporter_position(&report.reporter.id)
            .map(|i| &profile.reporters[i]);
        let kind = index.report_kind(profile, &report.kind);
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
            reporter_kind: reporter.and_then(|r| index.reporter_kind(profile, &r.kind)),
            index,
            catalog_index,
            defs: report
                .measures
                .keys()
                .map(|id| index.measure(profile, id))
                .collect(),
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
        self.index.measure(self.profile, id)
    }

    /// The profile's dimension `id`.
    pub fn dimension(&self, id: &str) -> Option<&'a crate::profile::Dimension> {
        self.index.dimension(self.profile, id)
    }

    /// Whether `member` is a member of the dimension `dimension`.
    pub fn is_member(&self, dimension: &str, member: &str) -> bool {
        self.index.member(self.profile, dimension, member).is_some()
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
pub(crate) fn run(ctx: &Context<'_>, out: &mut Findings) {
    header::check(ctx, out);
    sections::check(ctx, out);
    measures::check(ctx, out);
    relations::check(ctx, out);
    indicators::check(ctx, out);
    timeliness::check(ctx, out);
}
