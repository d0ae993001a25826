//! Header rules: the report names its profile, kind, year and reporter correctly.

use super::Context;
use crate::finding::Finding;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let report = ctx.report;
    if report.profile != ctx.profile.id {
        out.push(
            Finding::new("header.profile", "/profile".into())
                .with("profile", report.profile.as_str())
                .with("expected", ctx.profile.id.as_str()),
        );
    }
}
