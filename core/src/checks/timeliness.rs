//! Timeliness: a submitted report is checked against its kind's deadline.

use super::Context;
use crate::calendar::{Deadline, TimelinessStatus};
use crate::finding::{Finding, Findings};

pub(crate) fn check(ctx: &Context<'_>, out: &mut Findings) {
    let (Some(kind), Some(submitted)) = (ctx.kind, ctx.submitted_on()) else {
        return;
    };
    // A calendar that cannot answer for the year gives no finding rather than a guess. The
    // deadline's texts are built only for a late report.
    let on_time = Deadline::last_day(ctx.calendar, kind, kind.due.reading)
        .is_ok_and(|(_, last)| submitted <= last);
    if on_time {
        return;
    }
    let Ok(deadline) = Deadline::compute(ctx.calendar, kind, None) else {
        return;
    };
    let Ok(timeliness) = deadline.timeliness(ctx.calendar, submitted) else {
        return;
    };
    if timeliness.status == TimelinessStatus::Late {
        out.push(
            Finding::new("timeliness.late", "/submitted_on".into())
                .with("submitted_on", submitted.to_string())
                .with("last_on_time_day", deadline.last_on_time_day.to_string())
                .with(
                    "due",
                    deadline
                        .wording
                        .clone()
                        .unwrap_or_else(|| deadline.due_date.to_string()),
                )
                .with("reading", deadline.reading.as_str())
                .with(
                    "days_late",
                    u64::try_from(timeliness.days_late).unwrap_or(0),
                )
                .with(
                    "working_days_late",
                    u64::try_from(timeliness.working_days_late).unwrap_or(0),
                )
                .with("kind_name", &kind.name),
        );
    }
}
