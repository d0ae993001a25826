//! Header rules: profile, kind, year and reporter; dates; the people who prepared and signed.

use chrono::Days;

use super::Context;
use crate::date::CivilDate;
use crate::finding::{Finding, Findings};
use crate::profile::ReportKind;
use crate::text::fold_name;

/// How long after its period a report may still be dated before the date is taken for a typo.
pub(crate) const SANE_DAYS_AFTER_PERIOD: u64 = 366;

/// Whether `submitted` lies in the sane window of `kind`'s period.
pub(crate) fn submission_in_window(kind: &ReportKind, submitted: CivilDate) -> bool {
    let latest = kind
        .period
        .end
        .naive()
        .checked_add_days(Days::new(SANE_DAYS_AFTER_PERIOD));
    submitted >= kind.period.start && latest.is_none_or(|l| submitted.naive() <= l)
}

pub(crate) fn check(ctx: &Context<'_>, out: &mut Findings) {
    identity(ctx, out);
    dates(ctx, out);
    people(ctx, out);
}

/// `header.profile`, `header.kind`, `header.year`, `header.reporter`, `header.reporter_name`.
fn identity(ctx: &Context<'_>, out: &mut Findings) {
    let (report, profile) = (ctx.report, ctx.profile);
    if report.profile != profile.id {
        out.push(
            Finding::new("header.profile", "/profile".into())
                .with("profile", report.profile.as_str())
                .with("expected", profile.id.as_str()),
        );
    }
    if ctx.kind.is_none() {
        let allowed = crate::Param::list(profile.report_kinds.iter().map(|k| k.id.as_str().into()));
        out.push(
            Finding::new("header.kind", "/kind".into())
                .with("kind", report.kind.as_str())
                .with("allowed", allowed),
        );
    }
    if report.year != profile.year {
        out.push(
            Finding::new("header.year", "/year".into())
                .with("year", u64::from(report.year))
                .with("expected", u64::from(profile.year)),
        );
    }
    match ctx.reporter {
        None => out.push(
            Finding::new("header.reporter", "/reporter/id".into())
                .with("reporter", report.reporter.id.as_str())
                .with("profile", profile.id.as_str()),
        ),
        Some(def) if fold_name(&report.reporter.name) != fold_name(&def.name) => out.push(
            Finding::new("header.reporter_name", "/reporter/name".into())
                .with("name", report.reporter.name.as_str())
                .with("expected", def.name.as_str())
                .with("reporter", def.id.as_str()),
        ),
        Some(_) => {}
    }
}

/// `header.submitted_on`, `header.data_as_of`, `header.data_as_of_after_submission`.
fn dates(ctx: &Context<'_>, out: &mut Findings) {
    let report = ctx.report;
    if let (Some(kind), Some(submitted)) = (ctx.kind, report.submitted_on) {
        if !submission_in_window(kind, submitted) {
            out.push(
                Finding::new("header.submitted_on", "/submitted_on".into())
                    .with("date", submitted.to_string())
                    .with("start", kind.period.start.to_string())
                    .with("end", kind.period.end.to_string())
                    .with("days", SANE_DAYS_AFTER_PERIOD),
            );
        }
    }
    if let (Some(kind), Some(as_of)) = (ctx.kind, report.data_as_of) {
        if !kind.period.contains(as_of) {
            out.push(
                Finding::new("header.data_as_of", "/data_as_of".into())
                    .with("date", as_of.to_string())
                    .with("start", kind.period.start.to_string())
                    .with("end", kind.period.end.to_string()),
            );
        }
    }
    if let (Some(as_of), Some(submitted)) = (report.data_as_of, ctx.submitted_on()) {
        if as_of > submitted {
            out.push(
                Finding::new("header.data_as_of_after_submission", "/data_as_of".into())
                    .related("/submitted_on".into())
                    .with("date", as_of.to_string())
                    .with("submitted_on", submitted.to_string()),
            );
        }
    }
}

/// `header.signatory`, `header.phone`, `header.email`.
fn people(ctx: &Context<'_>, out: &mut Findings) {
    let report = ctx.report;
    if report.submitted_on.is_some() {
        match &report.signed_by {
            None => out.push(
                Finding::new("header.signatory", "/signed_by".into())
                    .related("/submitted_on".into()),
            ),
            Some(s) => {
                for (field, value) in [("name", &s.name), ("title", &s.title)] {
                    if value.trim().is_empty() {
                        out.push(
                            Finding::new("header.signatory", format!("/signed_by/{field}"))
                                .related("/submitted_on".into()),
                        );
                    }
                }
            }
        }
    }
    let Some(contact) = &report.prepared_by else {
        return;
    };
    if let Some(phone) = &contact.phone {
        if !is_vietnamese_phone(phone) {
            out.push(
                Finding::new("header.phone", "/prepared_by/phone".into())
                    .with("phone", phone.as_str()),
            );
        }
    }
    if let Some(email) = &contact.email {
        if !is_email_shaped(email) {
            out.push(
                Finding::new("header.email", "/prepared_by/email".into())
                    .with("email", email.as_str()),
            );
        }
    }
}

/// A Vietnamese telephone number: `0` or `+84` followed by 9 or 10 digits (mobile numbers have
/// 9 after the prefix, landlines with a 3-digit area code 10). Spaces, dots, hyphens and
/// parentheses between digits are allowed.
pub(crate) fn is_vietnamese_phone(phone: &str) -> bool {
    let trimmed = phone.trim();
    if trimmed.is_empty()
        || !trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')' | '+'))
    {
        return false;
    }
    let compact: String = trimmed
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let national = if let Some(rest) = compact.strip_prefix("+84") {
        rest
    } else if let Some(rest) = compact.strip_prefix('0') {
        rest
    } else {
        return false;
    };
    matches!(national.len(), 9 | 10)
        && national.bytes().all(|b| b.is_ascii_digit())
        && !national.starts_with('0')
}

/// The shape of an e-mail address: one `@`, a non-empty local part, a domain of dot-separated
/// labels with at least one dot, no spaces. (Whether the mailbox exists is not treem's business.)
pub(crate) fn is_email_shaped(email: &str) -> bool {
    let Some((local, domain)) = email.trim().split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !email.trim().contains(char::is_whitespace)
        && domain.contains('.')
        && domain
            .split('.')
            .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        for ok in [
            "0256 3822 456",
            "0905123456",
            "+84 905 123 456",
            "+84256.3822.456",
            "(0256) 3822-456",
        ] {
            assert!(is_vietnamese_phone(ok), "{ok}");
        }
        for bad in [
            "",
            "3822456",
            "0905",
            "00905123456",
            "+1 202 555 0100",
            "0905 123 45a",
            "090512345678",
            "+84 0905123456",
        ] {
            assert!(!is_vietnamese_phone(bad), "{bad}");
        }
    }

    #[test]
    fn emails() {
        for ok in ["thuha.ldtbxh@binhdinh.gov.vn", "a@b.vn"] {
            assert!(is_email_shaped(ok), "{ok}");
        }
        for bad in [
            "",
            "thuha",
            "@binhdinh.gov.vn",
            "a@b",
            "a@@b.vn",
            "a b@c.vn",
            "a@.vn",
            "a@b..vn",
            "a@b.vn@c.vn",
        ] {
            assert!(!is_email_shaped(bad), "{bad}");
        }
    }
}
