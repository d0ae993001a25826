//! Indicator rules: every indicator value names an indicator of the catalog once, lies in its
//! range, agrees with its numerator and denominator, and is compared with the national targets.

use crate::map::Map;

use super::Context;
use crate::catalog::{Bound, Indicator, IndicatorKind};
use crate::finding::{Finding, Findings, Param, pointer_push};
use crate::model::IndicatorValue;

/// How far a published share or rate may be from numerator ÷ denominator × multiplier: half of
/// the last place when figures are published with one decimal, plus a hair for binary floats.
pub(crate) const ROUNDING: f64 = 0.05 + 1e-9;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Findings) {
    // Each value's catalog entry, if it names one.
    let identified: Vec<Option<&Indicator>> = ctx
        .report
        .indicators
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let path = pointer_push("/indicators", &i.to_string());
            identify(ctx, value, &path, out)
        })
        .collect();
    // The first value of each indicator (found by one sort, not a search per value).
    let first_at: Map<&str, usize> = crate::profile::positions(
        identified
            .iter()
            .map(|found| found.map_or("", |ind| ind.id.as_str())),
    );
    for (i, (value, indicator)) in ctx.report.indicators.iter().zip(&identified).enumerate() {
        let Some(indicator) = indicator else {
            continue;
        };
        let path = pointer_push("/indicators", &i.to_string());
        match first_at.get(indicator.id.as_str()) {
            Some(&first) if first != i => out.push(
                Finding::new("indicator.duplicate", path.clone())
                    .related(format!("/indicators/{first}"))
                    .with("indicator_name", &indicator.name),
            ),
            _ => arithmetic(ctx, indicator, value, &path, out),
        }
    }
}

/// `indicator.identity`, `indicator.unknown`: the catalog entry the value names, if any.
fn identify<'c>(
    ctx: &Context<'c>,
    value: &IndicatorValue,
    path: &str,
    out: &mut Findings,
) -> Option<&'c Indicator> {
    let catalog = ctx.catalog;
    let identity = || Finding::new("indicator.identity", path.to_owned());
    let unknown = |what: String| {
        Finding::new("indicator.unknown", path.to_owned())
            .with("indicator", what)
            .with("catalog", catalog.id.as_str())
    };
    if value.annex.is_some() != value.code.is_some() {
        // A code without its annex (or the reverse) identifies nothing, even beside an id.
        out.push(identity());
        return None;
    }
    let by_code = match (value.annex, &value.code) {
        (Some(annex), Some(code)) => {
            Some((annex, code, ctx.catalog_index.by_code(catalog, annex, code)))
        }
        _ => None,
    };
    let by_id = value
        .id
        .as_ref()
        .map(|id| (id, ctx.catalog_index.by_id(catalog, id)));
    match (by_code, by_id) {
        (None, None) => {
            out.push(identity());
            None
        }
        (Some((annex, code, None)), _) => {
            out.push(unknown(format!("{} {code}", annex.as_str())));
            None
        }
        (_, Some((id, None))) => {
            out.push(unknown(format!("`{id}`")));
            None
        }
        (Some((_, _, Some(a))), Some((_, Some(b)))) if a.id != b.id => {
            out.push(identity());
            None
        }
        (Some((_, _, found)), _) | (None, Some((_, found))) => found,
    }
}

/// `indicator.range`, `indicator.ratio`, `indicator.target`.
fn arithmetic(
    ctx: &Context<'_>,
    indicator: &Indicator,
    value: &IndicatorValue,
    path: &str,
    out: &mut Findings,
) {
    let v = value.value;
    let value_path = pointer_push(path, "value");
    let share = matches!(
        indicator.unit.kind,
        IndicatorKind::Share | IndicatorKind::CountAndShare
    );
    let in_range = match indicator.unit.kind {
        IndicatorKind::Count => v >= 0.0 && v.fract() == 0.0,
        IndicatorKind::Share | IndicatorKind::CountAndShare => (0.0..=100.0).contains(&v),
        IndicatorKind::Rate => v >= 0.0,
    };
    if !in_range {
        let kind = match indicator.unit.kind {
            IndicatorKind::Count => "count",
            IndicatorKind::Rate => "rate",
            _ => "share",
        };
        out.push(
            Finding::new("indicator.range", value_path.clone())
                .with("indicator_name", &indicator.name)
                .with("value", Param::Number(v))
                .with("kind", kind),
        );
        return;
    }
    if let (Some(formula), Some(num), Some(den)) =
        (&indicator.formula, value.numerator, value.denominator)
    {
        let expected = (den.get() > 0)
            .then(|| num.get() as f64 / den.get() as f64 * f64::from(formula.multiplier));
        // A share's numerator cannot exceed its denominator, even when the value is rounded to 100.
        let over_whole = share && num.get() > den.get();
        if over_whole || expected.is_none_or(|e| (v - e).abs() > ROUNDING) {
            let mut finding = Finding::new("indicator.ratio", value_path.clone())
                .related(pointer_push(path, "numerator"))
                .related(pointer_push(path, "denominator"))
                .with("indicator_name", &indicator.name)
                .with("value", Param::Number(v))
                .with("numerator", num.get())
                .with("denominator", den.get())
                .with("multiplier", u64::from(formula.multiplier));
            if let Some(e) = expected {
                finding = finding.with("expected", Param::Number((e * 10.0).round() / 10.0));
            }
            out.push(finding);
            return;
        }
    }
    let year = ctx.profile.year;
    let target = indicator
        .targets
        .iter()
        .filter(|t| t.year >= year)
        .min_by_key(|t| t.year)
        .or_else(|| indicator.targets.iter().max_by_key(|t| t.year));
    if let Some(t) = target {
        let missed = match t.bound {
            Bound::Min => v < t.value,
            Bound::Max => v > t.value,
        };
        if missed {
            out.push(
                Finding::new("indicator.target", value_path)
                    .with("indicator_name", &indicator.name)
                    .with("value", Param::Number(v))
                    .with("target", Param::Number(t.value))
                    .with("bound", if t.bound == Bound::Min { "min" } else { "max" })
                    .with("target_year", u64::from(t.year))
                    .with("source", t.source.as_str())
                    .with("share", if share { "yes" } else { "no" }),
            );
        }
    }
}
