//! Measure rules: known measures, breakdowns and members; breakdowns that add up; the measures
//! a reporter must fill; measures reported in the right kind of report.

use super::Context;
use crate::finding::{Finding, Findings, Param, pointer_push};
use crate::text::closest;

/// Unknown measures are taken for misspellings of required ones only while they are at most
/// this many.
const MISSPELLINGS: usize = 100;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Findings) {
    vocabulary(ctx, out);
    arithmetic_and_duties(ctx, out);
}

/// `measure.unknown`, `measure.dimension_unknown`, `measure.member_unknown`.
fn vocabulary(ctx: &Context<'_>, out: &mut Findings) {
    for (id, measure, def) in ctx.report_measures() {
        let path = || pointer_push("/measures", id);
        let Some(def) = def else {
            let absent = ctx.profile.measures.iter().map(|m| m.id.as_str());
            out.push(
                Finding::new("measure.unknown", path())
                    .with("measure", id.as_str())
                    .with("profile", ctx.profile.id.as_str())
                    .suggest(id, absent.filter(|m| !ctx.report.measures.contains_key(*m))),
            );
            continue;
        };
        for (dimension, members) in &measure.by {
            let dim_path = || pointer_push(&pointer_push(&path(), "by"), dimension);
            let dim_def = ctx
                .index
                .has_breakdown(ctx.profile, id, dimension)
                .then(|| ctx.dimension(dimension))
                .flatten();
            let Some(dim_def) = dim_def else {
                let allowed = Param::list(def.breakdowns.iter().map(|d| Param::from(d.as_str())));
                let absent = def.breakdowns.iter().map(String::as_str);
                out.push(
                    Finding::new("measure.dimension_unknown", dim_path())
                        .with("measure", id.as_str())
                        .with("measure_name", &def.name)
                        .with("dimension", dimension.as_str())
                        .with("allowed", allowed)
                        .suggest(dimension, absent.filter(|d| !measure.by.contains_key(*d))),
                );
                continue;
            };
            for member in members.keys() {
                if !ctx.is_member(dimension, member) {
                    let allowed =
                        Param::list(dim_def.members.iter().map(|m| Param::from(m.id.as_str())));
                    let absent = dim_def.members.iter().map(|m| m.id.as_str());
                    out.push(
                        Finding::new("measure.member_unknown", pointer_push(&dim_path(), member))
                            .with("measure", id.as_str())
                            .with("measure_name", &def.name)
                            .with("dimension", dimension.as_str())
                            .with("dimension_name", &dim_def.name)
                            .with("member", member.as_str())
                            .with("allowed", allowed)
                            .suggest(member, absent.filter(|m| !members.contains_key(*m))),
                    );
                }
            }
        }
    }
}

/// `measure.breakdown_sum`, `measure.breakdown_incomplete`, `measure.breakdown_required`,
/// `measure.required`, `measure.out_of_period`.
fn arithmetic_and_duties(ctx: &Context<'_>, out: &mut Findings) {
    let required = ctx
        .reporter_kind
        .map(|k| k.required_measures.as_slice())
        .unwrap_or_default();
    for (id, measure, def) in ctx.report_measures() {
        let Some(def) = def else {
            continue;
        };
        let path = || pointer_push("/measures", id);
        if let Some(kinds) = &def.report_kinds {
            if ctx.kind.is_some() && !kinds.contains(&ctx.report.kind) {
                let name = |k: &str| {
                    ctx.index
                        .report_kind(ctx.profile, k)
                        .map_or_else(|| Param::from(k), |d| Param::from(&d.name))
                };
                let kinds = Param::list(kinds.iter().map(|k| name(k)));
                out.push(
                    Finding::new("measure.out_of_period", path())
                        .with("measure", id.as_str())
                        .with("measure_name", &def.name)
                        .with("kind", name(&ctx.report.kind))
                        .with("kinds", kinds),
                );
            }
        }
        for (dimension, members) in &measure.by {
            let Some(dim_def) = ctx
                .index
                .has_breakdown(ctx.profile, id, dimension)
                .then(|| ctx.dimension(dimension))
                .flatten()
            else {
                continue;
            };
            // A member the dimension does not have is reported as such; the breakdown's sum and
            // completeness are not judged until it is corrected (it is likely a misspelt member).
            if members.keys().any(|m| !ctx.is_member(dimension, m)) {
                continue;
            }
            // Every member given is a member of the dimension (checked above), so the members
            // given are the known ones and the rest are missing: no lookup, no allocation unless
            // there is something to report.
            let sum: u128 = members.values().map(|q| u128::from(q.get())).sum();
            let complete = members.len() == dim_def.members.len();
            let known = || {
                let figures = dim_def
                    .members
                    .iter()
                    .filter_map(|m| members.get(&m.id).map(|q| Param::Count(q.get())));
                Param::list(figures)
            };
            let missing = || {
                let names = dim_def
                    .members
                    .iter()
                    .filter(|m| !members.contains_key(&m.id))
                    .map(|m| Param::from(&m.name));
                Param::list(names)
            };
            let total = u128::from(measure.total.get());
            let dim_path = || pointer_push(&pointer_push(&path(), "by"), dimension);
            let is_required = ctx
                .reporter_kind
                .and_then(|k| ctx.index.requirement(ctx.profile, &k.id, id))
                .is_some_and(|r| r.breakdowns.contains(dimension));
            if (complete && sum != total) || sum > total {
                out.push(
                    Finding::new("measure.breakdown_sum", dim_path())
                        .related(pointer_push(&path(), "total"))
                        .with("measure", id.as_str())
                        .with("measure_name", &def.name)
                        .with("dimension", dimension.as_str())
                        .with("dimension_name", &dim_def.name)
                        .with("total", measure.total.get())
                        .with("sum", u64::try_from(sum).unwrap_or(u64::MAX))
                        .with("members", known())
                        .with("complete", if complete { "yes" } else { "no" }),
                );
            } else if !complete {
                let code = if is_required {
                    "measure.breakdown_required"
                } else {
                    "measure.breakdown_incomplete"
                };
                out.push(
                    Finding::new(code, dim_path())
                        .with("measure", id.as_str())
                        .with("measure_name", &def.name)
                        .with("dimension", dimension.as_str())
                        .with("dimension_name", &dim_def.name)
                        .with("missing", missing()),
                );
            }
        }
    }
    // A misspelt measure or breakdown is one defect: its `unknown` finding names what was
    // probably meant, so the "required" finding for that one is not added. (Only while the
    // unknown measures are few enough to be misspellings: each is compared with each required
    // measure.)
    let unknown: Vec<&str> = ctx
        .report_measures()
        .filter(|(_, _, def)| def.is_none())
        .map(|(id, _, _)| id.as_str())
        .take(MISSPELLINGS + 1)
        .collect();
    let misspelt_measure = |wanted: &str| {
        unknown.len() <= MISSPELLINGS
            && unknown
                .iter()
                .any(|k| closest(k, std::iter::once(wanted)).is_some())
    };
    for req in required {
        let Some(def) = ctx.measure_def(&req.measure) else {
            continue;
        };
        let belongs = def
            .report_kinds
            .as_ref()
            .is_none_or(|k| k.contains(&ctx.report.kind));
        if !belongs {
            continue;
        }
        let path = pointer_push("/measures", &req.measure);
        let Some(measure) = ctx.report.measures.get(&req.measure) else {
            if misspelt_measure(&req.measure) {
                continue;
            }
            out.push(
                Finding::new("measure.required", path)
                    .with("measure", req.measure.as_str())
                    .with("measure_name", &def.name)
                    .with(
                        "reporter_kind",
                        Param::List(
                            ctx.reporter_kind
                                .iter()
                                .map(|k| Param::from(&k.name))
                                .collect(),
                        ),
                    ),
            );
            continue;
        };
        // A breakdown under a name the measure does not have is probably this one, misspelt.
        let misspelt_dimension = measure.by.keys().any(|d| !def.breakdowns.contains(d));
        for dimension in &req.breakdowns {
            if measure.by.contains_key(dimension) || misspelt_dimension {
                continue; // an incomplete required breakdown is reported above
            }
            let Some(dim_def) = ctx.dimension(dimension) else {
                continue;
            };
            out.push(
                Finding::new(
                    "measure.breakdown_required",
                    pointer_push(&pointer_push(&path, "by"), dimension),
                )
                .with("measure", req.measure.as_str())
                .with("measure_name", &def.name)
                .with("dimension", dimension.as_str())
                .with("dimension_name", &dim_def.name)
                .with(
                    "missing",
                    Param::list(dim_def.members.iter().map(|m| Param::from(&m.name))),
                ),
            );
        }
    }
}
