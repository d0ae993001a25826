//! The one error type for operational failures.
//!
//! Findings about a report are data ([`Finding`](crate::Finding)); an [`Error`] means treem could
//! not do what was asked at all: the text is not JSON, the profile is unknown or broken, the data
//! asked for does not exist. Every error has a stable [`code`](Error::code) that programs may
//! match on, and a message in Vietnamese or English.

use std::fmt;

use crate::i18n::Lang;

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

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    JsonSyntax {
        line: usize,
        column: usize,
        detail: String,
    },
    ReportStructure {
        detail: String,
    },
    UnknownProfile {
        id: String,
    },
    InvalidProfile {
        problems: Vec<Problem>,
    },
    UnknownCatalog {
        id: String,
    },
    InvalidCatalog {
        problems: Vec<Problem>,
    },
    UnknownReportKind {
        id: String,
        known: Vec<String>,
    },
    UnknownReporter {
        id: String,
    },
}

/// One problem in a data file (profile or catalog), located by a JSON Pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON Pointer of the offending value (empty for the whole document).
    pub path: String,
    /// What is wrong, in English (data files are written by developers).
    pub message: String,
}

impl Problem {
    pub(crate) fn new(path: impl Into<String>, message: String) -> Self {
        Problem {
            path: path.into(),
            message,
        }
    }

    /// A problem from a serde error, located by line and column.
    pub(crate) fn serde(error: &serde_json::Error) -> Self {
        Problem {
            path: String::new(),
            message: error.to_string(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl Error {
    fn new(kind: ErrorKind) -> Self {
        Error {
            kind: Box::new(kind),
        }
    }

    pub(crate) fn json_syntax(error: &serde_json::Error) -> Self {
        // serde_json appends " at line L column C"; keep the bare description.
        let full = error.to_string();
        let detail = match full.rfind(" at line ") {
            Some(at) => full[..at].to_owned(),
            None => full,
        };
        Error::new(ErrorKind::JsonSyntax {
            line: error.line(),
            column: error.column(),
            detail,
        })
    }

    pub(crate) fn from_report_serde(error: serde_json::Error) -> Self {
        if error.is_syntax() || error.is_eof() {
            Error::json_syntax(&error)
        } else {
            Error::new(ErrorKind::ReportStructure {
                detail: error.to_string(),
            })
        }
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
        }
    }

    /// The problems of an `invalid_profile` or `invalid_catalog` error; empty otherwise.
    pub fn problems(&self) -> &[Problem] {
        match &*self.kind {
            ErrorKind::InvalidProfile { problems } | ErrorKind::InvalidCatalog { problems } => {
                problems
            }
            _ => &[],
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let list = |problems: &[Problem]| -> String {
            problems.iter().map(|p| format!("\n  - {p}")).collect()
        };
        let embedded = crate::Profile::EMBEDDED.join(", ");
        match (&*self.kind, lang) {
            (
                ErrorKind::JsonSyntax {
                    line,
                    column,
                    detail,
                },
                Lang::Vi,
            ) => {
                format!("Nội dung không phải JSON hợp lệ (dòng {line}, cột {column}): {detail}")
            }
            (
                ErrorKind::JsonSyntax {
                    line,
                    column,
                    detail,
                },
                Lang::En,
            ) => {
                format!("not valid JSON at line {line}, column {column}: {detail}")
            }
            (ErrorKind::ReportStructure { detail }, Lang::Vi) => {
                format!("JSON không đúng cấu trúc báo cáo: {detail}")
            }
            (ErrorKind::ReportStructure { detail }, Lang::En) => {
                format!("the JSON is not a report: {detail}")
            }
            (ErrorKind::UnknownProfile { id }, Lang::Vi) => {
                format!(
                    "Không có bộ cấu hình báo cáo (profile) `{id}`; các profile có sẵn: {embedded}"
                )
            }
            (ErrorKind::UnknownProfile { id }, Lang::En) => {
                format!("unknown profile `{id}`; embedded profiles: {embedded}")
            }
            (ErrorKind::InvalidProfile { problems }, Lang::Vi) => {
                format!("Tệp profile không hợp lệ:{}", list(problems))
            }
            (ErrorKind::InvalidProfile { problems }, Lang::En) => {
                format!("invalid profile:{}", list(problems))
            }
            (ErrorKind::UnknownCatalog { id }, Lang::Vi) => {
                format!("Không có danh mục chỉ tiêu `{id}`")
            }
            (ErrorKind::UnknownCatalog { id }, Lang::En) => {
                format!("unknown indicator catalog `{id}`")
            }
            (ErrorKind::InvalidCatalog { problems }, Lang::Vi) => {
                format!("Tệp danh mục chỉ tiêu không hợp lệ:{}", list(problems))
            }
            (ErrorKind::InvalidCatalog { problems }, Lang::En) => {
                format!("invalid indicator catalog:{}", list(problems))
            }
            (ErrorKind::UnknownReportKind { id, known }, Lang::Vi) => {
                format!(
                    "Không có loại báo cáo `{id}`; các loại có: {}",
                    known.join(", ")
                )
            }
            (ErrorKind::UnknownReportKind { id, known }, Lang::En) => {
                format!(
                    "unknown report kind `{id}`; known kinds: {}",
                    known.join(", ")
                )
            }
            (ErrorKind::UnknownReporter { id }, Lang::Vi) => {
                format!("Không có đơn vị báo cáo `{id}` trong profile")
            }
            (ErrorKind::UnknownReporter { id }, Lang::En) => {
                format!("the profile has no reporter `{id}`")
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}
