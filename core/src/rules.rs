//! The rule catalog and the one message table.
//!
//! Every finding names a rule by its code. Codes are part of the public contract: portals store
//! them, so a code is never reused for another meaning and never renamed without a changelog
//! entry. Messages for every code, in Vietnamese and English, are rendered here and nowhere else.

use serde::Serialize;

use crate::finding::{Finding, Severity};
use crate::i18n::Lang;

/// A static text in Vietnamese and English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    /// Vietnamese.
    pub vi: &'static str,
    /// English.
    pub en: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }
}

/// A validation rule: its stable code, severity, what it checks, its source, and what it does
/// when the values it needs are missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// Stable code, e.g. `structure.type`.
    pub code: &'static str,
    /// Severity of its findings.
    pub severity: Severity,
    /// What it checks.
    pub checks: Text,
    /// Where the rule comes from (template clause, law article).
    pub source: &'static str,
    /// What it does when a value it needs is absent ("missing is not zero").
    pub when_missing: Text,
}

const WIRE: &str = "Canonical template v1, wire format (report-template: Wire format v1)";

/// Every rule, ordered by code family.
pub static RULES: &[Rule] = &[
    Rule {
        code: "structure.type",
        severity: Severity::Error,
        checks: Text {
            vi: "Mỗi trường có đúng kiểu dữ liệu (chuỗi, số nguyên, đối tượng, mảng, đúng/sai).",
            en: "Every field has the right JSON type (string, whole number, object, array, boolean).",
        },
        source: WIRE,
        when_missing: Text {
            vi: "Không áp dụng cho trường vắng mặt.",
            en: "Absent fields are not checked.",
        },
    },
    Rule {
        code: "structure.unknown_key",
        severity: Severity::Error,
        checks: Text {
            vi: "Không có khóa lạ ngoài mẫu: không dữ liệu nào bị bỏ qua âm thầm.",
            en: "No key outside the template: nothing is silently dropped.",
        },
        source: WIRE,
        when_missing: Text {
            vi: "Không áp dụng.",
            en: "Not applicable.",
        },
    },
    Rule {
        code: "structure.missing_key",
        severity: Severity::Error,
        checks: Text {
            vi: "Có đủ các trường bắt buộc (profile, kind, year, reporter; total của mỗi chỉ số; …).",
            en: "Required fields are present (profile, kind, year, reporter; each measure's total; …).",
        },
        source: WIRE,
        when_missing: Text {
            vi: "Trường bắt buộc vắng mặt là lỗi.",
            en: "A required field that is absent is the finding.",
        },
    },
    Rule {
        code: "structure.duplicate_key",
        severity: Severity::Error,
        checks: Text {
            vi: "Không khóa nào xuất hiện hai lần trong cùng một đối tượng.",
            en: "No key appears twice in one object.",
        },
        source: WIRE,
        when_missing: Text {
            vi: "Không áp dụng.",
            en: "Not applicable.",
        },
    },
    Rule {
        code: "structure.date",
        severity: Severity::Error,
        checks: Text {
            vi: "Ngày viết dạng YYYY-MM-DD và là ngày có thật (không có 30/02).",
            en: "Dates are written YYYY-MM-DD and exist (there is no 30 February).",
        },
        source: "Canonical template v1 (dates are ISO civil dates); Civil Code 2015, art. 145",
        when_missing: Text {
            vi: "Ngày vắng mặt không bị kiểm tra ở đây.",
            en: "Absent dates are not checked here.",
        },
    },
    Rule {
        code: "structure.range",
        severity: Severity::Error,
        checks: Text {
            vi: "Số liệu là số nguyên không âm, không vượt quá 9 007 199 254 740 991; năm và số nhiệm vụ trong giới hạn.",
            en: "Figures are whole numbers from 0 to 9,007,199,254,740,991; years and task numbers within bounds.",
        },
        source: "Canonical template v1, Measures (counts and money are whole numbers ≥ 0)",
        when_missing: Text {
            vi: "Không áp dụng cho số liệu vắng mặt.",
            en: "Absent figures are not checked.",
        },
    },
    Rule {
        code: "structure.value",
        severity: Severity::Error,
        checks: Text {
            vi: "Giá trị liệt kê thuộc danh sách cho phép (trạng thái nhiệm vụ, phụ lục I/II).",
            en: "Enumerated values are among those allowed (section status, annex I/II).",
        },
        source: WIRE,
        when_missing: Text {
            vi: "Không áp dụng.",
            en: "Not applicable.",
        },
    },
    Rule {
        code: "structure.other",
        severity: Severity::Error,
        checks: Text {
            vi: "Mọi vấn đề cấu trúc khác mà bộ đọc phát hiện (dự phòng; không nên xảy ra).",
            en: "Any other structural problem the parser reports (a safety net; should not occur).",
        },
        source: WIRE,
        when_missing: Text {
            vi: "Không áp dụng.",
            en: "Not applicable.",
        },
    },
    Rule {
        code: "header.profile",
        severity: Severity::Error,
        checks: Text {
            vi: "Báo cáo ghi đúng profile được dùng để kiểm tra.",
            en: "The report names the profile it is checked against.",
        },
        source: "Canonical template v1, Report header: profile (known profile)",
        when_missing: Text {
            vi: "profile là trường bắt buộc.",
            en: "profile is required.",
        },
    },
    Rule {
        code: "measure.unknown",
        severity: Severity::Error,
        checks: Text {
            vi: "Mỗi chỉ số trong báo cáo có trong profile.",
            en: "Every measure in the report is defined by the profile.",
        },
        source: "Canonical template v1, Measures; the profile's measure list",
        when_missing: Text {
            vi: "Chỉ số vắng mặt không bị kiểm tra ở đây.",
            en: "Absent measures are not checked here.",
        },
    },
    Rule {
        code: "measure.dimension_unknown",
        severity: Severity::Error,
        checks: Text {
            vi: "Mỗi phân tổ của chỉ số là phân tổ profile cho phép với chỉ số đó.",
            en: "Every breakdown of a measure is one the profile allows for that measure.",
        },
        source: "Canonical template v1, Measures (breakdowns column); the profile's measure list",
        when_missing: Text {
            vi: "Phân tổ vắng mặt không bị kiểm tra ở đây.",
            en: "Absent breakdowns are not checked here.",
        },
    },
    Rule {
        code: "measure.member_unknown",
        severity: Severity::Error,
        checks: Text {
            vi: "Mỗi nhóm trong phân tổ thuộc danh sách nhóm của phân tổ đó.",
            en: "Every member of a breakdown is a member of that dimension.",
        },
        source: "Canonical template v1, Measures (dimensions); Law on Children 2016 art. 4(5), art. 10(1)",
        when_missing: Text {
            vi: "Nhóm vắng mặt không bị kiểm tra ở đây.",
            en: "Absent members are not checked here.",
        },
    },
    Rule {
        code: "indicator.unknown",
        severity: Severity::Error,
        checks: Text {
            vi: "Mỗi chỉ tiêu báo cáo có trong danh mục chỉ tiêu của profile (theo phụ lục và mã, hoặc mã danh mục).",
            en: "Every indicator reported is in the profile's catalog (by annex and code, or by catalog id).",
        },
        source: "Circular 13/2021/TT-BLĐTBXH, annexes I and II",
        when_missing: Text {
            vi: "Không áp dụng.",
            en: "Not applicable.",
        },
    },
    Rule {
        code: "indicator.identity",
        severity: Severity::Error,
        checks: Text {
            vi: "Mỗi chỉ tiêu được xác định bằng phụ lục và mã, hoặc bằng mã danh mục; nếu ghi cả hai thì phải chỉ cùng một chỉ tiêu.",
            en: "Every indicator is identified by annex and code, or by catalog id; if both are given they name the same indicator.",
        },
        source: "Canonical template v1, Wire format: indicators; Circular 13/2021/TT-BLĐTBXH (codes unique within an annex)",
        when_missing: Text {
            vi: "Thiếu cả hai cách xác định là lỗi.",
            en: "Missing both identifications is the finding.",
        },
    },
];

/// The rule with this code.
///
/// # Example
///
/// ```
/// let rule = treem::rules::rule("structure.date").unwrap();
/// assert_eq!(rule.severity, treem::Severity::Error);
/// assert!(treem::rules::rule("no.such.rule").is_none());
/// ```
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// Renders the message of `finding` in `lang`.
pub(crate) fn render(f: &Finding, lang: Lang) -> String {
    let p = |name: &str| -> String {
        f.params
            .get(name)
            .map_or_else(|| "?".to_owned(), |v| v.render(lang))
    };
    let at = if f.path.is_empty() {
        "/".to_owned()
    } else {
        f.path.clone()
    };
    match (f.code, lang) {
        ("structure.type", Lang::Vi) => format!(
            "Giá trị tại {at} phải là {}, không phải {}.",
            p("expected"),
            p("found")
        ),
        ("structure.type", Lang::En) => format!(
            "The value at {at} must be {}, not {}.",
            p("expected"),
            p("found")
        ),
        ("structure.unknown_key", Lang::Vi) => format!(
            "Khóa `{}` không có trong mẫu báo cáo; hãy sửa tên khóa hoặc xóa nó. Các khóa hợp lệ ở đây: {}.",
            p("key"),
            p("allowed")
        ),
        ("structure.unknown_key", Lang::En) => format!(
            "Key `{}` is not part of the template; correct its name or remove it. Keys allowed here: {}.",
            p("key"),
            p("allowed")
        ),
        ("structure.missing_key", Lang::Vi) => {
            format!(
                "Thiếu trường bắt buộc `{}` tại {}.",
                p("key"),
                parent(&f.path)
            )
        }
        ("structure.missing_key", Lang::En) => {
            format!(
                "Required field `{}` is missing at {}.",
                p("key"),
                parent(&f.path)
            )
        }
        ("structure.duplicate_key", Lang::Vi) => format!(
            "Khóa `{}` xuất hiện nhiều lần trong cùng một đối tượng; chỉ giữ một lần.",
            p("key")
        ),
        ("structure.duplicate_key", Lang::En) => format!(
            "Key `{}` appears more than once in the same object; keep only one.",
            p("key")
        ),
        ("structure.date", Lang::Vi) => match f.params.get("reason") {
            Some(crate::Param::Text(r)) if r == "no_such_day" => format!(
                "Ngày `{}` không có thật trong lịch; hãy nhập một ngày đúng (YYYY-MM-DD).",
                p("value")
            ),
            _ => format!(
                "`{}` không đúng định dạng ngày; hãy viết YYYY-MM-DD, ví dụ 2024-05-14.",
                p("value")
            ),
        },
        ("structure.date", Lang::En) => match f.params.get("reason") {
            Some(crate::Param::Text(r)) if r == "no_such_day" => format!(
                "The date `{}` does not exist; enter a real day (YYYY-MM-DD).",
                p("value")
            ),
            _ => format!(
                "`{}` is not a date written YYYY-MM-DD (for example 2024-05-14).",
                p("value")
            ),
        },
        ("structure.range", Lang::Vi) => format!(
            "Giá trị {} tại {at} nằm ngoài khoảng cho phép {}–{}; số liệu phải là số nguyên không âm.",
            p("value"),
            p("min"),
            p("max")
        ),
        ("structure.range", Lang::En) => format!(
            "The value {} at {at} is outside the allowed range {}–{}; figures are whole numbers, never negative.",
            p("value"),
            p("min"),
            p("max")
        ),
        ("structure.value", Lang::Vi) => format!(
            "Giá trị `{}` tại {at} không hợp lệ; chọn một trong: {}.",
            p("value"),
            p("allowed")
        ),
        ("structure.value", Lang::En) => format!(
            "`{}` at {at} is not allowed; choose one of: {}.",
            p("value"),
            p("allowed")
        ),
        ("structure.other", Lang::Vi) => {
            format!("JSON không đúng cấu trúc báo cáo: {}.", p("detail"))
        }
        ("structure.other", Lang::En) => format!("The JSON is not a report: {}.", p("detail")),
        ("header.profile", Lang::Vi) => format!(
            "Báo cáo ghi profile `{}` nhưng đang được kiểm tra theo profile `{}`; hãy ghi đúng profile.",
            p("profile"),
            p("expected")
        ),
        ("header.profile", Lang::En) => format!(
            "The report names profile `{}` but is checked against profile `{}`; name the right profile.",
            p("profile"),
            p("expected")
        ),
        ("measure.unknown", Lang::Vi) => format!(
            "Chỉ số `{}` không có trong mẫu báo cáo của profile `{}`; hãy kiểm tra lại tên chỉ số.",
            p("measure"),
            p("profile")
        ),
        ("measure.unknown", Lang::En) => format!(
            "Measure `{}` is not defined by profile `{}`; check the measure's name.",
            p("measure"),
            p("profile")
        ),
        ("measure.dimension_unknown", Lang::Vi) => format!(
            "Chỉ số “{}” không phân tổ theo `{}`; các phân tổ được dùng: {}.",
            p("measure_name"),
            p("dimension"),
            p("allowed")
        ),
        ("measure.dimension_unknown", Lang::En) => format!(
            "Measure “{}” has no breakdown by `{}`; breakdowns allowed: {}.",
            p("measure_name"),
            p("dimension"),
            p("allowed")
        ),
        ("measure.member_unknown", Lang::Vi) => format!(
            "`{}` không phải một nhóm của phân tổ “{}” (chỉ số “{}”); các nhóm có: {}.",
            p("member"),
            p("dimension_name"),
            p("measure_name"),
            p("allowed")
        ),
        ("measure.member_unknown", Lang::En) => format!(
            "`{}` is not a member of “{}” (measure “{}”); members are: {}.",
            p("member"),
            p("dimension_name"),
            p("measure_name"),
            p("allowed")
        ),
        ("indicator.unknown", Lang::Vi) => format!(
            "Chỉ tiêu {} không có trong danh mục `{}`.",
            p("indicator"),
            p("catalog")
        ),
        ("indicator.unknown", Lang::En) => format!(
            "Indicator {} is not in catalog `{}`.",
            p("indicator"),
            p("catalog")
        ),
        ("indicator.identity", Lang::Vi) => format!(
            "Chỉ tiêu tại {at} phải ghi phụ lục (`annex`) và mã (`code`), hoặc mã danh mục (`id`); nếu ghi cả hai thì phải cùng một chỉ tiêu."
        ),
        ("indicator.identity", Lang::En) => format!(
            "The indicator at {at} needs an annex and code, or a catalog id; if both are given they must name the same indicator."
        ),
        (code, Lang::Vi) => format!("Phát hiện `{code}` tại {at}."),
        (code, Lang::En) => format!("Finding `{code}` at {at}."),
    }
}

/// The pointer of the object holding the field at `path`, `/` for the root.
fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) | None => "/",
        Some(i) => &path[..i],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_every_rule_has_both_messages() {
        let mut codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), RULES.len());
        for rule in RULES {
            let f = Finding::new(rule.code, "/x".into());
            for lang in [Lang::Vi, Lang::En] {
                let text = render(&f, lang);
                assert!(
                    !text.starts_with("Finding `") && !text.starts_with("Phát hiện `"),
                    "{} has no {lang:?} message",
                    rule.code
                );
            }
        }
    }
}
