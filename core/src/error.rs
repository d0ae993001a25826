//! The one error type for operational failures.
//!
//! Findings about a report are data ([`Finding`](crate::Finding)); an [`Error`] means treem could
//! not do what was asked at all: the text is not JSON, the profile is unknown or broken, the data
//! asked for does not exist. Every error has a stable [`code`](Error::code) that programs may
//! match on, and a message in Vietnamese or English.

use std::fmt;

use crate::i18n::{Label, Lang};

/// An operational failure: treem could not do what was asked.
///
/// # Example
///
/// ```
/// let err = treem::Report::from_json("{ not json").unwrap_err();
/// assert_eq!(err.code(), "json_syntax");
/// assert!(err.message(treem::Lang::Vi).contains("JSON"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: Box<ErrorKind>,
}

/// The kinds of failure; the English messages live here, the Vietnamese in [`Error::message`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum ErrorKind {
    #[error("not valid JSON at line {line}, column {column}: {detail}")]
    JsonSyntax {
        line: usize,
        column: usize,
        detail: crate::json::Syntax,
    },
    #[error("the JSON is not a report: {detail}")]
    ReportStructure { detail: String },
    #[error("unknown profile `{id}`; embedded profiles: {}", crate::Profile::embedded_ids().collect::<Vec<_>>().join(", "))]
    UnknownProfile { id: String },
    #[error("invalid profile:{}", list_en(problems))]
    InvalidProfile { problems: Vec<Problem> },
    #[error("unknown indicator catalog `{id}`")]
    UnknownCatalog { id: String },
    #[error("invalid indicator catalog:{}", list_en(problems))]
    InvalidCatalog { problems: Vec<Problem> },
    #[error("unknown report kind `{id}`; known kinds: {}", known.join(", "))]
    UnknownReportKind { id: String, known: Vec<String> },
    #[error("the profile has no reporter `{id}`")]
    UnknownReporter { id: String },
    #[error(
        "the calendar does not cover {year}: it answers for {first}–{last} (official schedules, then projection)"
    )]
    YearNotCovered { year: i32, first: i32, last: i32 },
    #[error("invalid calendar schedule:{}", list_en(problems))]
    InvalidCalendar { problems: Vec<Problem> },
    #[error("invalid date `{text}`: expected YYYY-MM-DD, a day that exists")]
    InvalidDate { text: String },
    #[error("invalid options: {detail}")]
    InvalidOptions { detail: String },
    #[error("the input is larger than the limit of {limit} bytes{}", size.map(|s| format!(" ({s} bytes)")).unwrap_or_default())]
    InputTooLarge { size: Option<usize>, limit: usize },
    #[error("{en}")]
    NotInBuild { en: String, vi: String },
}

/// Problems as an indented list, one per line, in `lang`.
fn list(problems: &[Problem], lang: Lang) -> String {
    problems
        .iter()
        .map(|p| format!("\n  - {}", p.display(lang)))
        .collect()
}

/// [`list`] in English, for the `Display` of errors.
fn list_en(problems: &[Problem]) -> String {
    list(problems, Lang::En)
}

/// One problem in a data file (profile, catalog or calendar schedule), located by a JSON
/// Pointer and said in Vietnamese and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON Pointer of the offending value (empty for the whole document).
    pub path: String,
    /// What is wrong.
    pub message: Label,
}

impl Problem {
    pub(crate) fn new(path: impl Into<String>, vi: String, en: String) -> Self {
        Problem {
            path: path.into(),
            message: Label { vi, en },
        }
    }

    /// The problem of a data file whose `format` this build does not read, if it is one.
    pub(crate) fn unsupported_format(format: u32, read: &[u32]) -> Option<Self> {
        (!read.contains(&format)).then(|| {
            let read = read
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            Problem::new(
                "/format",
                format!("Định dạng {format} không đọc được; bản này đọc định dạng {read}"),
                format!("unsupported format {format}; this build reads format {read}"),
            )
        })
    }

    /// The problem in `lang`, with its place: `/years/2026/days/2026-11-23/role: …`.
    pub fn display(&self, lang: Lang) -> String {
        let message = self.message.get(lang);
        if self.path.is_empty() {
            message.to_owned()
        } else {
            format!("{}: {message}", self.path)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(Lang::En))
    }
}

impl Error {
    fn new(kind: ErrorKind) -> Self {
        Error {
            kind: Box::new(kind),
        }
    }

    pub(crate) fn json_syntax(error: &crate::json::SyntaxError) -> Self {
        Error::new(ErrorKind::JsonSyntax {
            line: error.line,
            column: error.column,
            detail: error.detail,
        })
    }

    pub(crate) fn report_structure(detail: String) -> Self {
        Error::new(ErrorKind::ReportStructure { detail })
    }

    pub(crate) fn unknown_profile(id: &str) -> Self {
        Error::new(ErrorKind::UnknownProfile { id: id.to_owned() })
    }

    pub(crate) fn invalid_profile(problems: Vec<Problem>) -> Self {
        Error::new(ErrorKind::InvalidProfile { problems })
    }

    pub(crate) fn unknown_catalog(id: &str) -> Self {
        Error::new(ErrorKind::UnknownCatalog { id: id.to_owned() })
    }

    pub(crate) fn invalid_catalog(problems: Vec<Problem>) -> Self {
        Error::new(ErrorKind::InvalidCatalog { problems })
    }

    pub(crate) fn unknown_report_kind(id: &str, known: Vec<String>) -> Self {
        Error::new(ErrorKind::UnknownReportKind {
            id: id.to_owned(),
            known,
        })
    }

    pub(crate) fn unknown_reporter(id: &str) -> Self {
        Error::new(ErrorKind::UnknownReporter { id: id.to_owned() })
    }

    pub(crate) fn year_not_covered(year: i32, first: i32, last: i32) -> Self {
        Error::new(ErrorKind::YearNotCovered { year, first, last })
    }

    pub(crate) fn invalid_calendar(problems: Vec<Problem>) -> Self {
        Error::new(ErrorKind::InvalidCalendar { problems })
    }

    /// An error for an input larger than the limit of what is read, in bytes: its size when
    /// known (`None` when reading stopped at the limit).
    pub fn input_too_large(size: Option<usize>, limit: usize) -> Self {
        Error::new(ErrorKind::InputTooLarge { size, limit })
    }

    /// An error for options (of a binding's call) that are not what the call takes.
    pub fn invalid_options(detail: &str) -> Self {
        Error::new(ErrorKind::InvalidOptions {
            detail: detail.to_owned(),
        })
    }

    /// An error for text that is not a civil date (`YYYY-MM-DD`, a day that exists), for
    /// callers that take dates from users.
    pub fn invalid_date(text: &str) -> Self {
        Error::new(ErrorKind::InvalidDate {
            text: text.to_owned(),
        })
    }

    /// An error for a call that this build of a binding leaves out (the lean WebAssembly
    /// validator carries neither consolidation nor profiles given at run time): `en` and `vi`
    /// say what is missing and which build has it.
    pub fn not_in_build(en: &str, vi: &str) -> Self {
        Error::new(ErrorKind::NotInBuild {
            en: en.to_owned(),
            vi: vi.to_owned(),
        })
    }

    /// The stable code of this failure. One of:
    ///
    /// | code | meaning |
    /// | --- | --- |
    /// | `json_syntax` | the text is not JSON |
    /// | `report_structure` | JSON, but not a report (only from [`Report::from_json`](crate::Report::from_json); validators report structure as findings) |
    /// | `unknown_profile` | no profile with that id is embedded |
    /// | `invalid_profile` | a profile file is broken; [`problems`](Error::problems) lists why |
    /// | `unknown_catalog` | a profile names a catalog that is not embedded |
    /// | `invalid_catalog` | a catalog file is broken; [`problems`](Error::problems) lists why |
    /// | `unknown_report_kind` | the profile has no report kind with that id |
    /// | `unknown_reporter` | the profile has no reporter with that id |
    /// | `year_not_covered` | the calendar does not answer for that year |
    /// | `invalid_calendar` | a schedule file is broken; [`problems`](Error::problems) lists why |
    /// | `invalid_date` | a text given as a date is not `YYYY-MM-DD` or the day does not exist |
    /// | `invalid_options` | a binding's options object is not what the call takes |
    /// | `input_too_large` | the input is larger than the limit of what is read ([`Limits`](crate::Limits)) |
    /// | `not_in_build` | this build of a binding leaves the call out (the lean WebAssembly validator: no consolidation, no profiles given at run time) |
    pub fn code(&self) -> &'static str {
        match &*self.kind {
            ErrorKind::JsonSyntax { .. } => "json_syntax",
            ErrorKind::ReportStructure { .. } => "report_structure",
            ErrorKind::UnknownProfile { .. } => "unknown_profile",
            ErrorKind::InvalidProfile { .. } => "invalid_profile",
            ErrorKind::UnknownCatalog { .. } => "unknown_catalog",
            ErrorKind::InvalidCatalog { .. } => "invalid_catalog",
            ErrorKind::UnknownReportKind { .. } => "unknown_report_kind",
            ErrorKind::UnknownReporter { .. } => "unknown_reporter",
            ErrorKind::YearNotCovered { .. } => "year_not_covered",
            ErrorKind::InvalidCalendar { .. } => "invalid_calendar",
            ErrorKind::InvalidDate { .. } => "invalid_date",
            ErrorKind::InvalidOptions { .. } => "invalid_options",
            ErrorKind::InputTooLarge { .. } => "input_too_large",
            ErrorKind::NotInBuild { .. } => "not_in_build",
        }
    }

    /// The problems of an `invalid_profile`, `invalid_catalog` or `invalid_calendar` error;
    /// empty otherwise.
    pub fn problems(&self) -> &[Problem] {
        match &*self.kind {
            ErrorKind::InvalidProfile { problems }
            | ErrorKind::InvalidCatalog { problems }
            | ErrorKind::InvalidCalendar { problems } => problems,
            _ => &[],
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.kind.to_string();
        }
        let embedded = crate::Profile::embedded_ids()
            .collect::<Vec<_>>()
            .join(", ");
        match &*self.kind {
            ErrorKind::JsonSyntax {
                line,
                column,
                detail,
            } => {
                let detail = detail.vi;
                format!("Nội dung không phải JSON hợp lệ (dòng {line}, cột {column}): {detail}")
            }
            ErrorKind::ReportStructure { detail } => {
                format!("JSON không đúng cấu trúc báo cáo: {detail}")
            }
            ErrorKind::UnknownProfile { id } => {
                format!(
                    "Không có bộ cấu hình báo cáo (profile) `{id}`; các profile có sẵn: {embedded}"
                )
            }
            ErrorKind::InvalidProfile { problems } => {
                format!("Tệp profile không hợp lệ:{}", list(problems, lang))
            }
            ErrorKind::UnknownCatalog { id } => format!("Không có danh mục chỉ tiêu `{id}`"),
            ErrorKind::InvalidCatalog { problems } => {
                format!(
                    "Tệp danh mục chỉ tiêu không hợp lệ:{}",
                    list(problems, lang)
                )
            }
            ErrorKind::UnknownReportKind { id, known } => {
                format!(
                    "Không có loại báo cáo `{id}`; các loại có: {}",
                    known.join(", ")
                )
            }
            ErrorKind::UnknownReporter { id } => {
                format!("Không có đơn vị báo cáo `{id}` trong profile")
            }
            ErrorKind::YearNotCovered { year, first, last } => format!(
                "Lịch ngày làm việc không có năm {year}: chỉ tính được các năm {first}–{last} (lịch chính thức, sau đó là lịch dự tính)"
            ),
            ErrorKind::InvalidCalendar { problems } => {
                format!("Tệp lịch nghỉ không hợp lệ:{}", list(problems, lang))
            }
            ErrorKind::InvalidDate { text } => {
                format!("`{text}` không phải ngày hợp lệ (viết YYYY-MM-DD, là ngày có thật)")
            }
            ErrorKind::InvalidOptions { detail } => format!("Tùy chọn không hợp lệ: {detail}"),
            ErrorKind::InputTooLarge { size, limit } => format!(
                "Tệp quá lớn{}: vượt giới hạn {limit} byte (một báo cáo thật chỉ khoảng 50 KB); nếu cần, hãy nâng giới hạn",
                size.map(|s| format!(" ({s} byte)")).unwrap_or_default()
            ),
            ErrorKind::NotInBuild { vi, .. } => vi.clone(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod syntax_tests {
    use super::*;

    /// Every description the reader gives has Vietnamese words for it.
    #[test]
    fn every_syntax_error_reads_in_vietnamese() {
        let broken = [
            "",
            "x",
            "[1,",
            "{\"a\" 1}",
            "{1:2}",
            "[1 2]",
            "{\"a\":1 \"b\"}",
            "[1,]",
            "{\"a\":1,}",
            "\"abc",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"a\u{1}\"",
            "01",
            "tru",
            "[] x",
            "{\"a\":",
            "{",
        ];
        let deep = "[".repeat(200);
        for text in broken.iter().copied().chain([deep.as_str()]) {
            let err = crate::validate_json(text).unwrap_err();
            let ErrorKind::JsonSyntax { detail, .. } = &*err.kind else {
                panic!("{text}: {err}");
            };
            assert_ne!(detail.vi, detail.en, "no Vietnamese for `{detail}`");
            assert!(!detail.vi.is_empty());
        }
    }
}
