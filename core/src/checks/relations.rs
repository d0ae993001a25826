//! Part-whole rules: a part never exceeds its whole, in total and member by member, as the
//! profile's relations declare (e.g. abused children supported ≤ abused children, per sex).

use super::Context;
use crate::finding::Severity;
use crate::finding::{Finding, Param, pointer_push};
use crate::model::{Measure, Quantity};
use crate::profile::Relation;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for relation in &ctx.profile.relations {
        let measures = &ctx.report.measures;
        let (Some(part), Some(whole)) =
            (measures.get(&relation.part), measures.get(&relation.whole))
        else {
            continue; // missing is not zero: nothing to compare
        };
        let part_path = pointer_push("/measures", &relation.part);
        let whole_path = pointer_push("/measures", &relation.whole);
        compare(
            ctx,
            relation,
            (part.total, pointer_push(&part_path, "total")),
            (whole.total, pointer_push(&whole_path, "total")),
            None,
            out,
        );
        for dimension in &relation.per {
            per_member(
                ctx,
                relation,
                dimension,
                (part, &part_path),
                (whole, &whole_path),
                out,
            );
        }
    }
}

fn per_member(
    ctx: &Context<'_>,
    relation: &Relation,
    dimension: &str,
    (part, part_path): (&Measure, &str),
    (whole, whole_path): (&Measure, &str),
    out: &mut Vec<Finding>,
) {
    let (Some(part_by), Some(whole_by)) = (part.by.get(dimension), whole.by.get(dimension)) else {
        return;
    };
    let Some(dim_def) = ctx.profile.dimension(dimension) else {
        return;
    };
    for member in &dim_def.members {
        let (Some(p), Some(w)) = (part_by.get(&member.id), whole_by.get(&member.id)) else {
            continue;
        };
        let at = |base: &str| {
            pointer_push(
                &pointer_push(&pointer_push(base, "by"), dimension),
                &member.id,
            )
        };
        let label = Param::List(vec![Param::from(&dim_def.name), Param::from(&member.name)]);
        compare(
            ctx,
            relation,
            (*p, at(part_path)),
            (*w, at(whole_path)),
            Some(label),
            out,
        );
    }
}

fn compare(
    ctx: &Context<'_>,
    relation: &Relation,
    (part, part_path): (Quantity, String),
    (whole, whole_path): (Quantity, String),
    member: Option<Param>,
    out: &mut Vec<Finding>,
) {
    let limit = u128::from(whole.get()) * u128::from(100 + relation.tolerance_percent);
    if u128::from(part.get()) * 100 <= limit {
        return;
    }
    let (Some(part_def), Some(whole_def)) = (
        ctx.measure_def(&relation.part),
        ctx.measure_def(&relation.whole),
    ) else {
        return;
    };
    let code = match relation.severity {
        Severity::Error => "relation.exceeds",
        Severity::Warning => "relation.implausible",
    };
    let mut finding = Finding::new(code, part_path)
        .related(whole_path)
        .with("part", relation.part.as_str())
        .with("part_name", &part_def.name)
        .with("part_value", part.get())
        .with("whole", relation.whole.as_str())
        .with("whole_name", &whole_def.name)
        .with("whole_value", whole.get())
        .with("tolerance_percent", u64::from(relation.tolerance_percent));
    if let Some(member) = member {
        finding = finding.with("member", member);
    }
    out.push(finding);
}
