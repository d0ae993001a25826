//! Measure rules: every measure, breakdown and member is one the profile defines.

use super::Context;
use crate::finding::{Finding, Param, pointer_push};

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    vocabulary(ctx, out);
}

/// `measure.unknown`, `measure.dimension_unknown`, `measure.member_unknown`.
fn vocabulary(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (id, measure) in &ctx.report.measures {
        let path = pointer_push("/measures", id);
        let Some(def) = ctx.measure_def(id) else {
            out.push(
                Finding::new("measure.unknown", path)
                    .with("measure", id.as_str())
                    .with("profile", ctx.profile.id.as_str()),
            );
            continue;
        };
        for (dimension, members) in &measure.by {
            let dim_path = pointer_push(&pointer_push(&path, "by"), dimension);
            let dim_def = def
                .breakdowns
                .contains(dimension)
                .then(|| ctx.profile.dimension(dimension))
                .flatten();
            let Some(dim_def) = dim_def else {
                let allowed = Param::List(
                    def.breakdowns
                        .iter()
                        .map(|d| Param::from(d.as_str()))
                        .collect(),
                );
                out.push(
                    Finding::new("measure.dimension_unknown", dim_path)
                        .with("measure", id.as_str())
                        .with("measure_name", &def.name)
                        .with("dimension", dimension.as_str())
                        .with("allowed", allowed),
                );
                continue;
            };
            for member in members.keys() {
                if !dim_def.members.iter().any(|m| &m.id == member) {
                    let allowed = Param::List(
                        dim_def
                            .members
                            .iter()
                            .map(|m| Param::from(m.id.as_str()))
                            .collect(),
                    );
                    out.push(
                        Finding::new("measure.member_unknown", pointer_push(&dim_path, member))
                            .with("measure", id.as_str())
                            .with("measure_name", &def.name)
                            .with("dimension", dimension.as_str())
                            .with("dimension_name", &dim_def.name)
                            .with("member", member.as_str())
                            .with("allowed", allowed),
                    );
                }
            }
        }
    }
}
