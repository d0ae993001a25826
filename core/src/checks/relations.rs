//! Part-whole rules: a part never exceeds its whole, in total and member by member, as the
//! profile's relations declare (e.g. abused children supported ≤ abused children, per sex).

use super::Context;
use crate::finding::Severity;
use crate::finding::{Finding, Findings, Param, pointer_push};
use crate::model::Quantity;
use crate::profile::{Member, Relation};

pub(crate) fn check(ctx: &Context<'_>, out: &mut Findings) {
    for relation in &ctx.profile.relations {
        let measures = &ctx.report.measures;
        let (Some(part), Some(whole)) =
            (measures.get(&relation.part), measures.get(&relation.whole))
        else {
            continue; // missing is not zero: nothing to compare
        };
        compare(ctx, relation, part.total, whole.total, None, out);
        for dimension in &relation.per {
            let (Some(part_by), Some(whole_by)) = (part.by.get(dimension), whole.by.get(dimension))
            else {
                continue;
            };
            let Some(dim_def) = ctx.dimension(dimension) else {
                continue;
            };
            // A breakdown with a member the dimension does not have, or that does not add up to
            // its total, is reported by the measure rules; its members are not compared here.
            // (Only the members given are walked, never the whole dimension.)
            let adds_up = |by: &crate::map::Map<String, Quantity>, total: Quantity| {
                if by.keys().any(|m| !ctx.is_member(dimension, m)) {
                    return false;
                }
                let complete = by.len() == dim_def.members.len();
                let sum: u128 = by.values().map(|q| u128::from(q.get())).sum();
                (!complete || sum == u128::from(total.get())) && sum <= u128::from(total.get())
            };
            if !adds_up(part_by, part.total) || !adds_up(whole_by, whole.total) {
                continue;
            }
            for (id, p) in part_by {
                let (Some(w), Some(member)) = (
                    whole_by.get(id),
                    ctx.index.member(ctx.profile, dimension, id),
                ) else {
                    continue;
                };
                compare(ctx, relation, *p, *w, Some((dimension, member)), out);
            }
        }
    }
}

/// Reports `relation` when `part` exceeds `whole` (beyond the tolerance); `member` says which
/// member of which dimension is compared, if not the totals. Pointers are built only then.
fn compare(
    ctx: &Context<'_>,
    relation: &Relation,
    part: Quantity,
    whole: Quantity,
    member: Option<(&str, &Member)>,
    out: &mut Findings,
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
    let at = |measure: &str| {
        let base = pointer_push("/measures", measure);
        match member {
            None => pointer_push(&base, "total"),
            Some((dimension, m)) => {
                pointer_push(&pointer_push(&pointer_push(&base, "by"), dimension), &m.id)
            }
        }
    };
    let code = match relation.severity {
        Severity::Error => "relation.exceeds",
        Severity::Warning => "relation.implausible",
    };
    let mut finding = Finding::new(code, at(&relation.part))
        .related(at(&relation.whole))
        .with("part", relation.part.as_str())
        .with("part_name", &part_def.name)
        .with("part_value", part.get())
        .with("whole", relation.whole.as_str())
        .with("whole_name", &whole_def.name)
        .with("whole_value", whole.get())
        .with("tolerance_percent", u64::from(relation.tolerance_percent));
    if let Some((dimension, m)) = member {
        let dim_name = ctx
            .dimension(dimension)
            .map(|d| Param::from(&d.name))
            .unwrap_or_else(|| Param::from(dimension));
        finding = finding.with("member", Param::List(vec![dim_name, Param::from(&m.name)]));
    }
    out.push(finding);
}
