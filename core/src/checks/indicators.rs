//! Indicator rules: every indicator value names an indicator of the catalog.

use super::Context;
use crate::finding::{Finding, pointer_push};

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let catalog = ctx.catalog;
    for (i, value) in ctx.report.indicators.iter().enumerate() {
        let path = pointer_push("/indicators", &i.to_string());
        let by_code = match (value.annex, &value.code) {
            (Some(annex), Some(code)) => Some((annex, code, catalog.by_code(annex, code))),
            _ => None,
        };
        let by_id = value.id.as_ref().map(|id| (id, catalog.by_id(id)));
        let identity = || Finding::new("indicator.identity", path.clone());
        let unknown = |what: String| {
            Finding::new("indicator.unknown", path.clone())
                .with("indicator", what)
                .with("catalog", catalog.id.as_str())
        };
        match (by_code, by_id) {
            (None, None) => out.push(identity()),
            (Some((annex, code, None)), _) => {
                out.push(unknown(format!("{} {code}", annex.as_str())))
            }
            (_, Some((id, None))) => out.push(unknown(format!("`{id}`"))),
            (Some((_, _, Some(a))), Some((_, Some(b)))) if a.id != b.id => out.push(identity()),
            _ => {}
        }
        // A code without its annex (or the reverse) identifies nothing, even beside an id.
        if value.annex.is_some() != value.code.is_some() {
            out.push(identity());
        }
    }
}
