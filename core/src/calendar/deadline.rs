//! Due dates, their reading, roll-forward, timeliness and days remaining.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Calendar, Source, spoken};
use crate::date::CivilDate;
use crate::error::Error;
use crate::i18n::Label;
use crate::profile::{Period, Reading, ReportKind};

/// The deadline of one report kind: the due date as written, how it is read, and the last day a
/// report is on time.
///
/// # Example
///
/// ```
/// use treem::{Calendar, Deadline, Profile, Reading};
/// let kind = Profile::default_profile().report_kind("half_year").unwrap();
/// let before = Deadline::compute(Calendar::embedded(), kind, None).unwrap();
/// assert_eq!(before.last_on_time_day.to_string(), "2024-05-14");
/// let by = Deadline::compute(Calendar::embedded(), kind, Some(Reading::By)).unwrap();
/// assert_eq!(by.last_on_time_day.to_string(), "2024-05-15");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Deadline {
    /// Report kind id.
    pub kind: String,
    /// Report kind name.
    pub name: Label,
    /// The period reported on.
    pub period: Period,
    /// The date as the instrument writes it.
    pub due_date: CivilDate,
    /// The instrument's words, e.g. *trước ngày 15/5/2024*.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
    /// How the date is read.
    pub reading: Reading,
    /// Whether a last day that is not a working day rolls to the next working day (Civil Code
    /// 2015, art. 148(5)).
    pub roll_forward: bool,
    /// The last day on which a report is on time.
    pub last_on_time_day: CivilDate,
    /// The day before rolling forward, when a roll was applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rolled_from: Option<CivilDate>,
    /// Whether the calendar for the last on-time day is official or projected.
    pub calendar: Source,
    /// How the last on-time day was found, naming the reading and any roll.
    pub explanation: Label,
}

/// Whether a submission was on time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TimelinessStatus {
    /// On or before the last on-time day (*đúng hạn*).
    OnTime,
    /// After it (*chậm*).
    Late,
}

/// The timeliness of a submission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Timeliness {
    /// On time or late.
    pub status: TimelinessStatus,
    /// The submission date.
    pub submitted_on: CivilDate,
    /// The last on-time day.
    pub last_on_time_day: CivilDate,
    /// Calendar days after the last on-time day (0 when on time).
    pub days_late: i64,
    /// Working days after the last on-time day up to and including the submission (0 when on
    /// time).
    pub working_days_late: i64,
    /// The verdict in words, e.g. *chậm 2 ngày (2 ngày làm việc) so với ngày cuối cùng đúng hạn
    /// 2024-05-14*.
    pub summary: Label,
}

/// Time left before a deadline, or how overdue it is, as of a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Remaining {
    /// The day counted from ("today", always given by the caller).
    pub as_of: CivilDate,
    /// Whether the last on-time day has passed.
    pub overdue: bool,
    /// Calendar days from `as_of` to the last on-time day (negative when overdue).
    pub days_remaining: i64,
    /// Working days after `as_of` up to and including the last on-time day (negative when
    /// overdue: working days after the last on-time day up to and including `as_of`).
    pub working_days_remaining: i64,
    /// The same in words, e.g. *còn 4 ngày (2 ngày làm việc)* or *quá hạn 6 ngày (4 ngày làm
    /// việc)*.
    pub summary: Label,
}

impl Deadline {
    /// The deadline of `kind`, read as the profile says or as `reading` overrides.
    ///
    /// # Errors
    ///
    /// Code `year_not_covered` when the calendar does not answer for the due date's year.
    pub fn compute(
        calendar: &Calendar,
        kind: &ReportKind,
        reading: Option<Reading>,
    ) -> Result<Deadline, Error> {
        let due = &kind.due;
        let reading = reading.unwrap_or(due.reading);
        let (read, last) = Deadline::last_day(calendar, kind, reading)?;
        let rolled_from = (last != read).then_some(read);
        let calendar_source = calendar.year(last.year())?.status;
        let explanation = explain(
            due.wording.as_deref(),
            due.date,
            reading,
            due.roll_forward,
            read,
            last,
            calendar.why_not_working(read)?,
        );
        Ok(Deadline {
            kind: kind.id.clone(),
            name: kind.name.clone(),
            period: kind.period,
            due_date: due.date,
            wording: due.wording.clone(),
            reading,
            roll_forward: due.roll_forward,
            last_on_time_day: last,
            rolled_from,
            calendar: calendar_source,
            explanation,
        })
    }

    /// The day the due rule names as read (`before` X: the day before X) and the last on-time
    /// day after any roll forward: the cheap part of [`Deadline::compute`], without the texts.
    pub(crate) fn last_day(
        calendar: &Calendar,
        kind: &ReportKind,
        reading: Reading,
    ) -> Result<(CivilDate, CivilDate), Error> {
        let due = &kind.due;
        let read = match reading {
            Reading::Before => due
                .date
                .naive()
                .pred_opt()
                .and_then(|d| CivilDate::from_naive(d).ok())
                .ok_or_else(|| Error::year_not_covered(due.date.year() - 1, 0, 9999))?,
            Reading::By => due.date,
        };
        let last = if due.roll_forward {
            calendar.working_day_on_or_after(read)?
        } else {
            read
        };
        Ok((read, last))
    }

    /// Whether a report submitted on `submitted` is on time, and if not by how much.
    ///
    /// # Errors
    ///
    /// Code `year_not_covered` when the days between are outside the calendar.
    ///
    /// # Example
    ///
    /// ```
    /// use treem::{Calendar, CivilDate, Deadline, Profile, TimelinessStatus};
    /// let kind = Profile::default_profile().report_kind("half_year").unwrap();
    /// let deadline = Deadline::compute(Calendar::embedded(), kind, None).unwrap();
    /// let t = deadline.timeliness(Calendar::embedded(), "2024-05-16".parse().unwrap()).unwrap();
    /// assert_eq!((t.status, t.days_late, t.working_days_late), (TimelinessStatus::Late, 2, 2));
    /// ```
    pub fn timeliness(
        &self,
        calendar: &Calendar,
        submitted: CivilDate,
    ) -> Result<Timeliness, Error> {
        let late = submitted > self.last_on_time_day;
        let (days_late, working_days_late) = if late {
            (
                (submitted.naive() - self.last_on_time_day.naive()).num_days(),
                calendar.working_days_between(self.last_on_time_day, submitted)?,
            )
        } else {
            (0, 0)
        };
        let last = self.last_on_time_day;
        let summary = if late {
            let n = days_phrase(days_late, working_days_late);
            Label {
                vi: format!("chậm {} so với ngày cuối cùng đúng hạn {last}", n.vi),
                en: format!("late by {} after the last on-time day {last}", n.en),
            }
        } else {
            Label {
                vi: format!("đúng hạn (ngày cuối cùng đúng hạn là {last})"),
                en: format!("on time (the last on-time day is {last})"),
            }
        };
        Ok(Timeliness {
            status: if late {
                TimelinessStatus::Late
            } else {
                TimelinessStatus::OnTime
            },
            submitted_on: submitted,
            last_on_time_day: last,
            days_late,
            working_days_late,
            summary,
        })
    }

    /// Days left before the deadline as of `as_of`, or how overdue it is.
    ///
    /// # Errors
    ///
    /// Code `year_not_covered` when the days between are outside the calendar.
    pub fn remaining(&self, calendar: &Calendar, as_of: CivilDate) -> Result<Remaining, Error> {
        let overdue = as_of > self.last_on_time_day;
        let days_remaining = (self.last_on_time_day.naive() - as_of.naive()).num_days();
        let working_days_remaining = calendar.working_days_between(as_of, self.last_on_time_day)?;
        let summary = if overdue {
            let n = days_phrase(-days_remaining, -working_days_remaining);
            Label {
                vi: format!("quá hạn {}", n.vi),
                en: format!("overdue by {}", n.en),
            }
        } else {
            let n = days_phrase(days_remaining, working_days_remaining);
            Label {
                vi: format!("còn {}", n.vi),
                en: format!("{} left", n.en),
            }
        };
        Ok(Remaining {
            as_of,
            overdue,
            days_remaining,
            working_days_remaining,
            summary,
        })
    }
}

/// A deadline with, when asked as of a day, the time remaining: one entry of `treem deadlines`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DeadlineReport {
    /// The deadline.
    #[serde(flatten)]
    pub deadline: Deadline,
    /// Time remaining as of the day asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining: Option<Remaining>,
}

/// The deadlines of every report kind of `profile`, read as the profile says or as `reading`
/// overrides, with the time remaining as of `as_of` when given.
///
/// # Errors
///
/// Code `year_not_covered` when the calendar does not answer for a due date's year.
///
/// # Example
///
/// ```
/// let all = treem::calendar::deadlines(treem::Profile::default_profile(), treem::Calendar::embedded(), None, None).unwrap();
/// let last: Vec<String> = all.iter().map(|d| d.deadline.last_on_time_day.to_string()).collect();
/// assert_eq!(last, ["2024-05-14", "2024-11-14"]);
/// ```
pub fn deadlines(
    profile: &crate::Profile,
    calendar: &Calendar,
    reading: Option<Reading>,
    as_of: Option<CivilDate>,
) -> Result<Vec<DeadlineReport>, Error> {
    profile
        .report_kinds
        .iter()
        .map(|kind| {
            let deadline = Deadline::compute(calendar, kind, reading)?;
            let remaining = as_of
                .map(|day| deadline.remaining(calendar, day))
                .transpose()?;
            Ok(DeadlineReport {
                deadline,
                remaining,
            })
        })
        .collect()
}

/// `2 ngày (2 ngày làm việc)` / `1 day (1 working day)`: the one wording of a span of days,
/// for every message that gives one (deadlines, timeliness, consolidation statuses).
///
/// # Example
///
/// ```
/// let late = treem::calendar::days_phrase(1, 1);
/// assert_eq!(late.en, "1 day (1 working day)");
/// assert_eq!(treem::calendar::days_phrase(2, 0).vi, "2 ngày (0 ngày làm việc)");
/// ```
pub fn days_phrase(days: i64, working: i64) -> Label {
    let plural = |n: i64| if n == 1 { "" } else { "s" };
    Label {
        vi: format!("{days} ngày ({working} ngày làm việc)"),
        en: format!(
            "{days} day{} ({working} working day{})",
            plural(days),
            plural(working)
        ),
    }
}

fn explain(
    wording: Option<&str>,
    due: CivilDate,
    reading: Reading,
    roll_forward: bool,
    read: CivilDate,
    last: CivilDate,
    not_working: Option<Label>,
) -> Label {
    let (due_s, read_s, last_s) = (spoken(due), spoken(read), spoken(last));
    let written = wording.map_or_else(
        || Label {
            vi: format!("ngày {}", due_s.vi),
            en: format!("the date {}", due_s.en),
        },
        |w| Label {
            vi: format!("“{w}”"),
            en: format!("“{w}”"),
        },
    );
    let mut vi = match reading {
        Reading::Before => format!(
            "Hạn ghi {}, đọc là “trước ngày”: ngày cuối cùng đúng hạn là ngày liền trước, {}",
            written.vi, read_s.vi
        ),
        Reading::By => format!(
            "Hạn ghi {}, đọc là “chậm nhất ngày”: ngày cuối cùng đúng hạn là chính ngày đó, {}",
            written.vi, read_s.vi
        ),
    };
    let mut en = match reading {
        Reading::Before => format!(
            "Due {}, read as “before”: the last on-time day is the day before, {}",
            written.en, read_s.en
        ),
        Reading::By => format!(
            "Due {}, read as “by”: the last on-time day is that date, {}",
            written.en, read_s.en
        ),
    };
    let why = not_working.unwrap_or_default();
    if last != read {
        vi.push_str(&format!(
            "; ngày này không phải ngày làm việc ({}) nên theo khoản 5 Điều 148 Bộ luật Dân sự 2015, hạn chuyển sang ngày làm việc tiếp theo là {}.",
            why.vi, last_s.vi
        ));
        en.push_str(&format!(
            "; that is not a working day ({}), so under Civil Code 2015 art. 148(5) the deadline rolls forward to the next working day, {}.",
            why.en, last_s.en
        ));
    } else if !why.vi.is_empty() && !roll_forward {
        vi.push_str(&format!(
            " (không phải ngày làm việc: {}; không áp dụng chuyển hạn).",
            why.vi
        ));
        en.push_str(&format!(
            " (not a working day: {}; no roll-forward applied).",
            why.en
        ));
    } else {
        vi.push_str(", là ngày làm việc; không cần chuyển hạn.");
        en.push_str(", a working day; no roll-forward needed.");
    }
    Label { vi, en }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::DueRule;

    fn kind(due: &str, reading: Reading, roll_forward: bool) -> ReportKind {
        let date: CivilDate = due.parse().unwrap();
        ReportKind {
            id: "test".into(),
            name: Label {
                vi: "thử".into(),
                en: "test".into(),
            },
            period: Period {
                start: CivilDate::from_ymd(date.year(), 1, 1).unwrap(),
                end: CivilDate::from_ymd(date.year(), 12, 31).unwrap(),
            },
            due: DueRule {
                date,
                wording: None,
                reading,
                roll_forward,
            },
        }
    }

    fn last(due: &str, reading: Reading, roll: bool) -> String {
        Deadline::compute(Calendar::embedded(), &kind(due, reading, roll), None)
            .unwrap()
            .last_on_time_day
            .to_string()
    }

    /// The worked examples of the calendar reference.
    #[test]
    fn worked_examples() {
        assert_eq!(last("2024-05-15", Reading::Before, true), "2024-05-14");
        assert_eq!(last("2024-11-15", Reading::Before, true), "2024-11-14");
        assert_eq!(last("2025-11-15", Reading::Before, true), "2025-11-14");
        assert_eq!(last("2025-11-15", Reading::By, true), "2025-11-17");
        assert_eq!(last("2025-11-15", Reading::By, false), "2025-11-15");
        let half = kind("2024-05-15", Reading::Before, true);
        let deadline = Deadline::compute(Calendar::embedded(), &half, None).unwrap();
        let on_due_day = deadline
            .timeliness(Calendar::embedded(), "2024-05-15".parse().unwrap())
            .unwrap();
        assert_eq!(
            (
                on_due_day.status,
                on_due_day.days_late,
                on_due_day.working_days_late
            ),
            (TimelinessStatus::Late, 1, 1)
        );
        let by = Deadline::compute(Calendar::embedded(), &half, Some(Reading::By)).unwrap();
        let t = by
            .timeliness(Calendar::embedded(), "2024-05-15".parse().unwrap())
            .unwrap();
        assert_eq!(t.status, TimelinessStatus::OnTime);
    }

    #[test]
    fn explanations_name_the_reading_and_the_roll() {
        let rolled = Deadline::compute(
            Calendar::embedded(),
            &kind("2025-11-15", Reading::By, true),
            None,
        )
        .unwrap();
        assert_eq!(
            rolled.rolled_from.map(|d| d.to_string()).as_deref(),
            Some("2025-11-15")
        );
        assert!(
            rolled.explanation.vi.contains("chậm nhất ngày")
                && rolled.explanation.vi.contains("Điều 148"),
            "{}",
            rolled.explanation.vi
        );
        assert!(
            rolled.explanation.en.contains("“by”")
                && rolled.explanation.en.contains("Monday 17/11/2025"),
            "{}",
            rolled.explanation.en
        );
        let plain = Deadline::compute(
            Calendar::embedded(),
            &kind("2024-05-15", Reading::Before, true),
            None,
        )
        .unwrap();
        assert!(
            plain.explanation.vi.contains("trước ngày")
                && plain.explanation.vi.contains("thứ Ba 14/5/2024"),
            "{}",
            plain.explanation.vi
        );
        assert!(plain.rolled_from.is_none());
    }

    #[test]
    fn summaries_say_it_in_words_with_plurals() {
        let cal = Calendar::embedded();
        let deadline =
            Deadline::compute(cal, &kind("2024-05-15", Reading::Before, true), None).unwrap();
        let left = deadline
            .remaining(cal, "2024-05-10".parse().unwrap())
            .unwrap();
        assert_eq!(left.summary.vi, "còn 4 ngày (2 ngày làm việc)");
        assert_eq!(left.summary.en, "4 days (2 working days) left");
        let over = deadline
            .remaining(cal, "2024-05-20".parse().unwrap())
            .unwrap();
        assert_eq!(over.summary.en, "overdue by 6 days (4 working days)");
        let late = deadline
            .timeliness(cal, "2024-05-15".parse().unwrap())
            .unwrap();
        assert_eq!(
            late.summary.en,
            "late by 1 day (1 working day) after the last on-time day 2024-05-14"
        );
        assert_eq!(
            late.summary.vi,
            "chậm 1 ngày (1 ngày làm việc) so với ngày cuối cùng đúng hạn 2024-05-14"
        );
        let on_time = deadline
            .timeliness(cal, "2024-05-14".parse().unwrap())
            .unwrap();
        assert_eq!(
            on_time.summary.en,
            "on time (the last on-time day is 2024-05-14)"
        );
    }

    #[test]
    fn remaining_and_overdue() {
        let deadline = Deadline::compute(
            Calendar::embedded(),
            &kind("2024-05-15", Reading::Before, true),
            None,
        )
        .unwrap();
        let r = deadline
            .remaining(Calendar::embedded(), "2024-05-10".parse().unwrap())
            .unwrap();
        // After Friday 10 May: Mon 13 and Tue 14 remain.
        assert_eq!(
            (r.overdue, r.days_remaining, r.working_days_remaining),
            (false, 4, 2)
        );
        let o = deadline
            .remaining(Calendar::embedded(), "2024-05-20".parse().unwrap())
            .unwrap();
        assert_eq!(
            (o.overdue, o.days_remaining, o.working_days_remaining),
            (true, -6, -4)
        );
    }
}
