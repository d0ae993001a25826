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

/// Every rule, grouped by family: structure, header, sections, measures, relations, indicators.
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
        code: "header.kind",
        severity: Severity::Error,
        checks: Text {
            vi: "Loại báo cáo (kind) là một loại mà profile quy định.",
            en: "The report kind is one the profile defines.",
        },
        source: "Canonical template v1, Report header: kind (allowed by the profile)",
        when_missing: Text {
            vi: "kind là trường bắt buộc.",
            en: "kind is required.",
        },
    },
    Rule {
        code: "header.year",
        severity: Severity::Error,
        checks: Text {
            vi: "Năm báo cáo bằng năm của profile.",
            en: "The year equals the profile's year.",
        },
        source: "Canonical template v1, Report header: year",
        when_missing: Text {
            vi: "year là trường bắt buộc.",
            en: "year is required.",
        },
    },
    Rule {
        code: "header.reporter",
        severity: Severity::Error,
        checks: Text {
            vi: "Mã đơn vị báo cáo có trong danh sách đơn vị của profile.",
            en: "The reporter id is one of the profile's reporters.",
        },
        source: "Canonical template v1, Report header: reporter (known to the profile); Decision 124/2004/QĐ-TTg (unit codes)",
        when_missing: Text {
            vi: "reporter là trường bắt buộc.",
            en: "reporter is required.",
        },
    },
    Rule {
        code: "header.reporter_name",
        severity: Severity::Warning,
        checks: Text {
            vi: "Tên đơn vị khớp tên trong profile (so sánh dạng NFC, không phân biệt hoa thường và khoảng trắng).",
            en: "The reporter's name matches the profile's (NFC, case- and spacing-insensitive).",
        },
        source: "Canonical template v1, Report header: reporter (name matches, else warning)",
        when_missing: Text {
            vi: "Bỏ qua khi mã đơn vị không có trong profile.",
            en: "Skipped when the reporter id is unknown.",
        },
    },
    Rule {
        code: "header.submitted_on",
        severity: Severity::Error,
        checks: Text {
            vi: "Ngày gửi không trước ngày đầu kỳ báo cáo và không quá 366 ngày sau ngày cuối kỳ.",
            en: "The submission date is not before the period starts nor more than 366 days after it ends.",
        },
        source: "Canonical template v1, Report header: submitted_on (within a sane window)",
        when_missing: Text {
            vi: "Bản nháp chưa có ngày gửi: bỏ qua.",
            en: "A draft without submitted_on is not checked.",
        },
    },
    Rule {
        code: "header.data_as_of",
        severity: Severity::Error,
        checks: Text {
            vi: "Ngày chốt số liệu nằm trong kỳ báo cáo.",
            en: "The data cut-off date lies within the period reported on.",
        },
        source: "Canonical template v1, Report header: data_as_of; Decree 60/2018/NĐ-CP (statistical periods)",
        when_missing: Text {
            vi: "Bỏ qua khi không có data_as_of hoặc loại báo cáo không xác định.",
            en: "Skipped when data_as_of is absent or the kind is unknown.",
        },
    },
    Rule {
        code: "header.data_as_of_after_submission",
        severity: Severity::Error,
        checks: Text {
            vi: "Ngày chốt số liệu không sau ngày gửi báo cáo.",
            en: "The data cut-off date is not after the submission date.",
        },
        source: "Canonical template v1, Report header: data_as_of (not after submitted_on)",
        when_missing: Text {
            vi: "Bỏ qua khi thiếu một trong hai ngày.",
            en: "Skipped when either date is absent.",
        },
    },
    Rule {
        code: "header.signatory",
        severity: Severity::Error,
        checks: Text {
            vi: "Báo cáo đã gửi (có ngày gửi) phải ghi người ký, gồm họ tên và chức vụ.",
            en: "A submitted report (one with submitted_on) names its signatory, with name and title.",
        },
        source: "Canonical template v1, Report header: signed_by (required for submission); Decree 30/2020/NĐ-CP on official documents",
        when_missing: Text {
            vi: "Bản nháp chưa có ngày gửi không cần người ký.",
            en: "A draft (no submitted_on) needs no signatory.",
        },
    },
    Rule {
        code: "header.phone",
        severity: Severity::Warning,
        checks: Text {
            vi: "Số điện thoại người lập biểu có dạng số Việt Nam: 0 hoặc +84 rồi 9–10 chữ số.",
            en: "The preparer's phone is a Vietnamese number: 0 or +84 then 9–10 digits.",
        },
        source: "Canonical template v1, Report header: prepared_by (phone in Vietnamese formats)",
        when_missing: Text {
            vi: "Bỏ qua khi không ghi số điện thoại.",
            en: "Skipped when no phone is given.",
        },
    },
    Rule {
        code: "header.email",
        severity: Severity::Warning,
        checks: Text {
            vi: "Thư điện tử người lập biểu có dạng địa chỉ thư (ten@ten-mien.vn).",
            en: "The preparer's e-mail has the shape of an address (name@domain.vn).",
        },
        source: "Canonical template v1, Report header: prepared_by (email shape)",
        when_missing: Text {
            vi: "Bỏ qua khi không ghi thư điện tử.",
            en: "Skipped when no e-mail is given.",
        },
    },
    Rule {
        code: "section.task",
        severity: Severity::Error,
        checks: Text {
            vi: "Số thứ tự mục là một nhiệm vụ của chỉ thị (1–10 với profile năm 2024).",
            en: "Each section's task number is a task area of the directive (1–10 in the 2024 profile).",
        },
        source: "Canonical template v1, Sections; directive of Bình Định 2024, tasks 1–10",
        when_missing: Text {
            vi: "Không áp dụng.",
            en: "Not applicable.",
        },
    },
    Rule {
        code: "section.duplicate",
        severity: Severity::Error,
        checks: Text {
            vi: "Mỗi nhiệm vụ chỉ có một mục.",
            en: "No task number appears twice.",
        },
        source: "Canonical template v1, Wire format: sections (duplicates are an error)",
        when_missing: Text {
            vi: "Không áp dụng.",
            en: "Not applicable.",
        },
    },
    Rule {
        code: "section.missing",
        severity: Severity::Error,
        checks: Text {
            vi: "UBND cấp huyện báo cáo đủ 10 mục; sở, ngành báo cáo các mục thuộc phạm vi của mình.",
            en: "District People's Committees fill all ten sections; departments fill the sections in their remit.",
        },
        source: "Canonical template v1, Sections (district People's Committees must fill all ten)",
        when_missing: Text {
            vi: "Mục vắng mặt là lỗi; bỏ qua khi đơn vị không có trong profile.",
            en: "An absent section is the finding; skipped when the reporter is unknown.",
        },
    },
    Rule {
        code: "section.not_applicable",
        severity: Severity::Error,
        checks: Text {
            vi: "Mục mà đơn vị phải báo cáo (mọi mục với UBND cấp huyện; các mục thuộc phạm vi với sở, ngành) không được đánh dấu “không thuộc phạm vi”.",
            en: "A section the reporter must fill (every section for a district People's Committee; those in its remit for a department) is not marked not_applicable.",
        },
        source: "Canonical template v1, Sections (district People's Committees must fill all ten; a department marks the others not_applicable)",
        when_missing: Text {
            vi: "Bỏ qua khi đơn vị không có trong profile.",
            en: "Skipped when the reporter is unknown.",
        },
    },
    Rule {
        code: "section.narrative",
        severity: Severity::Warning,
        checks: Text {
            vi: "Mục không đánh dấu “không thuộc phạm vi” (đã, đang hoặc chưa thực hiện) có nội dung mô tả ít nhất 20 ký tự.",
            en: "A section that is done, under way or not started says something: at least 20 characters.",
        },
        source: "Canonical template v1, Warnings: a narrative that is empty or too short to say anything",
        when_missing: Text {
            vi: "Nội dung vắng mặt được coi là trống; mục không thuộc phạm vi (not_applicable) được bỏ qua.",
            en: "An absent narrative counts as empty; not_applicable sections are skipped.",
        },
    },
    Rule {
        code: "section.document_number",
        severity: Severity::Warning,
        checks: Text {
            vi: "Số văn bản có dạng số/ký hiệu, ví dụ 12/KH-UBND, 13/2021/TT-BLĐTBXH, 28-CT/TW.",
            en: "Document numbers have the shape number/SYMBOL, e.g. 12/KH-UBND, 13/2021/TT-BLĐTBXH, 28-CT/TW.",
        },
        source: "Canonical template v1, Sections: documents issued (number like 123/KH-UBND); Decree 30/2020/NĐ-CP, Annex I",
        when_missing: Text {
            vi: "Không áp dụng.",
            en: "Not applicable.",
        },
    },
    Rule {
        code: "section.document_date",
        severity: Severity::Error,
        checks: Text {
            vi: "Văn bản không ban hành sau ngày gửi báo cáo.",
            en: "No document is dated after the report was submitted.",
        },
        source: "Canonical template v1, Rules: dates are real dates",
        when_missing: Text {
            vi: "Bỏ qua khi báo cáo chưa có ngày gửi.",
            en: "Skipped when the report has no submitted_on.",
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
        code: "measure.required",
        severity: Severity::Error,
        checks: Text {
            vi: "Có đủ các chỉ số bắt buộc đối với loại đơn vị báo cáo (theo profile), trừ chỉ số không thuộc loại báo cáo này.",
            en: "Every measure the profile requires of the reporter's kind is present, except those that do not belong in this kind of report.",
        },
        source: "Canonical template v1, Rules: required sections and measures for the reporter's kind are present",
        when_missing: Text {
            vi: "Chỉ số vắng mặt là lỗi (không phát sinh thì ghi 0).",
            en: "An absent required measure is the finding (report 0 when there is nothing).",
        },
    },
    Rule {
        code: "measure.breakdown_required",
        severity: Severity::Error,
        checks: Text {
            vi: "Phân tổ bắt buộc (theo profile) được ghi đủ mọi nhóm.",
            en: "Every breakdown the profile requires is given with all its members.",
        },
        source: "Canonical template v1, Wire format: measures (a breakdown the profile requires must be complete)",
        when_missing: Text {
            vi: "Phân tổ hoặc nhóm vắng mặt là lỗi.",
            en: "An absent breakdown or member is the finding.",
        },
    },
    Rule {
        code: "measure.breakdown_sum",
        severity: Severity::Error,
        checks: Text {
            vi: "Mỗi phân tổ đủ nhóm có tổng bằng tổng số của chỉ số; phân tổ thiếu nhóm không được vượt tổng số.",
            en: "Every complete breakdown sums to the measure's total; an incomplete one never exceeds it.",
        },
        source: "Canonical template v1, Rules: every breakdown that is present sums to its total",
        when_missing: Text {
            vi: "Nhóm vắng mặt không được tính là 0: khi thiếu nhóm chỉ kiểm tra phần đã có không vượt tổng.",
            en: "Absent members are not zero: with members missing, only 'does not exceed the total' is checked.",
        },
    },
    Rule {
        code: "measure.breakdown_incomplete",
        severity: Severity::Warning,
        checks: Text {
            vi: "Phân tổ không bắt buộc nhưng thiếu nhóm thì không kiểm tra được tổng.",
            en: "An optional breakdown with members missing cannot be checked against its total.",
        },
        source: "Canonical template v1, Wire format: measures (members left out: warning unless the profile requires the breakdown)",
        when_missing: Text {
            vi: "Đây là cảnh báo về chính các nhóm vắng mặt.",
            en: "The finding is about the absent members themselves.",
        },
    },
    Rule {
        code: "measure.out_of_period",
        severity: Severity::Warning,
        checks: Text {
            vi: "Chỉ số chỉ thuộc một số loại báo cáo (ví dụ Tết Trung thu chỉ trong báo cáo năm) không xuất hiện trong loại khác.",
            en: "A measure that belongs to some report kinds only (e.g. Mid-Autumn figures, annual only) does not appear in another.",
        },
        source: "Canonical template v1, Warnings: Mid-Autumn figures in a half-year report",
        when_missing: Text {
            vi: "Không áp dụng cho chỉ số vắng mặt.",
            en: "Absent measures are not checked.",
        },
    },
    Rule {
        code: "relation.exceeds",
        severity: Severity::Error,
        checks: Text {
            vi: "Phần không lớn hơn tổng thể theo các quan hệ của profile (ví dụ trẻ em được hỗ trợ ≤ trẻ em bị xâm hại), cả theo từng nhóm khi quan hệ quy định.",
            en: "A part never exceeds its whole as the profile's relations declare (e.g. children supported ≤ abused children), member by member where the relation says so.",
        },
        source: "Canonical template v1, Rules: a part never exceeds its whole",
        when_missing: Text {
            vi: "Bỏ qua khi thiếu phần hoặc tổng thể, hoặc thiếu nhóm tương ứng.",
            en: "Skipped when the part, the whole or the matching member is absent.",
        },
    },
    Rule {
        code: "relation.implausible",
        severity: Severity::Warning,
        checks: Text {
            vi: "Các quan hệ hợp lý: số vụ xâm hại không nhiều hơn số trẻ em bị xâm hại; số hồ sơ trẻ em không vượt dân số trẻ em quá 10%.",
            en: "Plausibility relations: no more abuse cases than abused children; children's records not above the child population by more than 10%.",
        },
        source: "Canonical template v1, Warnings: more abuse cases than abused children; records above population by more than 10%",
        when_missing: Text {
            vi: "Bỏ qua khi thiếu một trong hai chỉ số.",
            en: "Skipped when either measure is absent.",
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
    Rule {
        code: "indicator.range",
        severity: Severity::Error,
        checks: Text {
            vi: "Giá trị chỉ tiêu trong miền của nó: tỷ lệ từ 0 đến 100, tỷ suất không âm, số lượng là số nguyên không âm.",
            en: "An indicator value lies in its range: shares 0–100, rates not negative, counts whole and not negative.",
        },
        source: "Canonical template v1, Rules: a share lies in 0–100; Circular 13/2021/TT-BLĐTBXH, annexes III–IV",
        when_missing: Text {
            vi: "Không áp dụng.",
            en: "Not applicable.",
        },
    },
    Rule {
        code: "indicator.ratio",
        severity: Severity::Error,
        checks: Text {
            vi: "Khi có tử số và mẫu số, giá trị bằng tử số ÷ mẫu số × hệ số (100, 1.000, 100.000) với sai số làm tròn một chữ số thập phân.",
            en: "Where numerator and denominator are given, the value equals numerator ÷ denominator × multiplier within one-decimal rounding.",
        },
        source: "Canonical template v1, Rules: a share equals the ratio of its numerator and denominator within the rounding of one decimal",
        when_missing: Text {
            vi: "Bỏ qua khi thiếu tử số hoặc mẫu số, hoặc danh mục không có công thức.",
            en: "Skipped when the numerator or denominator is absent, or the catalog has no formula.",
        },
    },
    Rule {
        code: "indicator.duplicate",
        severity: Severity::Error,
        checks: Text {
            vi: "Mỗi chỉ tiêu chỉ báo cáo một lần.",
            en: "Each indicator is reported once.",
        },
        source: "Canonical template v1, Wire format: indicators",
        when_missing: Text {
            vi: "Không áp dụng.",
            en: "Not applicable.",
        },
    },
    Rule {
        code: "indicator.target",
        severity: Severity::Warning,
        checks: Text {
            vi: "So sánh với mục tiêu quốc gia gần nhất của Quyết định số 23/QĐ-TTg; chỉ để tham khảo.",
            en: "Compares with the nearest national target of Decision 23/QĐ-TTg; information only.",
        },
        source: "Canonical template v1, Warnings: a share far from a national target line of Decision 23 (information only)",
        when_missing: Text {
            vi: "Bỏ qua khi chỉ tiêu không có mục tiêu trong danh mục.",
            en: "Skipped when the catalog sets no target for the indicator.",
        },
    },
    Rule {
        code: "timeliness.late",
        severity: Severity::Warning,
        checks: Text {
            vi: "Báo cáo gửi sau ngày cuối cùng đúng hạn của loại báo cáo (theo cách đọc hạn và việc chuyển hạn của profile, tính theo lịch ngày làm việc của cơ quan nhà nước).",
            en: "The report was submitted after its kind's last on-time day (as the profile reads the due date and rolls it, on the civil-service working-day calendar).",
        },
        source: "Directive of Bình Định 2024 (reports due before 15/5/2024 and 15/11/2024); Civil Code 2015, arts. 147–148; Labour Code 2019, arts. 111–112",
        when_missing: Text {
            vi: "Bản nháp chưa có ngày gửi, hoặc năm lịch không tính được: bỏ qua.",
            en: "Skipped for a draft without submitted_on, or when the calendar does not cover the year.",
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

/// The rule catalog as Markdown: what `RULES.md` holds (a test keeps the file in step).
///
/// # Example
///
/// ```
/// let md = treem::rules::markdown();
/// assert!(md.contains("### `measure.breakdown_sum`"));
/// ```
pub fn markdown() -> String {
    let mut s = String::from(
        "# Validation rules\n\n\
         Generated from `core/src/rules.rs` by `treem rules --format markdown`; do not edit by hand\n\
         (regenerate with `TREEM_BLESS=1 cargo test -p treem-tests --test rules_doc`).\n\n\
         Every finding treem reports names one of these rules by its code. Codes are stable: portals may\n\
         store them, and a code is never reused for another meaning. *Error* means the report cannot be\n\
         accepted; *warning* means it can, but a person should look. Absent values are never read as\n\
         zero: each rule says what it does when what it needs is missing.\n",
    );
    let mut family = "";
    for rule in RULES {
        let this = rule.code.split('.').next().unwrap_or_default();
        if this != family {
            family = this;
            let title = match family {
                "structure" => "Structure (*cấu trúc*)",
                "header" => "Header (*thông tin chung*)",
                "section" => "Sections (*các mục nhiệm vụ*)",
                "measure" => "Measures (*chỉ số*)",
                "relation" => "Part and whole (*quan hệ bộ phận – tổng thể*)",
                "indicator" => "Indicators of Circular 13 (*chỉ tiêu thống kê*)",
                "timeliness" => "Timeliness (*thời hạn báo cáo*)",
                other => other,
            };
            s.push_str(&format!("\n## {title}\n"));
        }
        s.push_str(&format!(
            "\n### `{}`\n\n- **Severity:** {} (*{}*)\n- **Kiểm tra:** {}\n- **Checks:** {}\n- **Source:** {}\n- **Khi thiếu số liệu:** {}\n- **When values are missing:** {}\n",
            rule.code,
            rule.severity.as_str(),
            rule.severity.label(Lang::Vi),
            rule.checks.vi,
            rule.checks.en,
            rule.source,
            rule.when_missing.vi,
            rule.when_missing.en,
        ));
    }
    s
}

/// Renders the message of `finding` in `lang`.
pub(crate) fn render(f: &Finding, lang: Lang) -> String {
    let p = |name: &str| -> String {
        f.params
            .get(name)
            .map_or_else(|| "?".to_owned(), |v| v.render(lang))
    };
    let at = crate::finding::pointer_display(&f.path, lang);
    match (f.code, lang) {
        ("structure.type", Lang::Vi) if f.path.is_empty() => format!(
            "Báo cáo phải là {} JSON ({{ … }}), không phải {}.",
            p("expected"),
            p("found")
        ),
        ("structure.type", Lang::En) if f.path.is_empty() => format!(
            "A report must be {} ({{ … }}), not {}.",
            p("expected"),
            p("found")
        ),
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
                parent(&f.path, lang)
            )
        }
        ("structure.missing_key", Lang::En) => {
            format!(
                "Required field `{}` is missing at {}.",
                p("key"),
                parent(&f.path, lang)
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
            "Chỉ số `{}` không có trong mẫu báo cáo của profile `{}`; hãy kiểm tra lại tên chỉ số.{}",
            p("measure"),
            p("profile"),
            suggestion(f, lang)
        ),
        ("measure.unknown", Lang::En) => format!(
            "Measure `{}` is not defined by profile `{}`; check the measure's name.{}",
            p("measure"),
            p("profile"),
            suggestion(f, lang)
        ),
        ("measure.dimension_unknown", Lang::Vi) if empty_list(f, "allowed") => format!(
            "Chỉ số “{}” không có phân tổ nào; hãy bỏ phần `by` (phân tổ `{}`).",
            p("measure_name"),
            p("dimension")
        ),
        ("measure.dimension_unknown", Lang::En) if empty_list(f, "allowed") => format!(
            "Measure “{}” has no breakdowns; remove its `by` (breakdown `{}`).",
            p("measure_name"),
            p("dimension")
        ),
        ("measure.dimension_unknown", Lang::Vi) => format!(
            "Chỉ số “{}” không phân tổ theo `{}`; các phân tổ được dùng: {}.{}",
            p("measure_name"),
            p("dimension"),
            p("allowed"),
            suggestion(f, lang)
        ),
        ("measure.dimension_unknown", Lang::En) => format!(
            "Measure “{}” has no breakdown by `{}`; breakdowns allowed: {}.{}",
            p("measure_name"),
            p("dimension"),
            p("allowed"),
            suggestion(f, lang)
        ),
        ("measure.member_unknown", Lang::Vi) => format!(
            "`{}` không phải một nhóm của phân tổ “{}” (chỉ số “{}”); các nhóm có: {}.{}",
            p("member"),
            p("dimension_name"),
            p("measure_name"),
            p("allowed"),
            suggestion(f, lang)
        ),
        ("measure.member_unknown", Lang::En) => format!(
            "`{}` is not a member of “{}” (measure “{}”); members are: {}.{}",
            p("member"),
            p("dimension_name"),
            p("measure_name"),
            p("allowed"),
            suggestion(f, lang)
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
        ("header.kind", Lang::Vi) => format!(
            "Loại báo cáo `{}` không có trong profile; chọn một trong: {}.",
            p("kind"),
            p("allowed")
        ),
        ("header.kind", Lang::En) => format!(
            "Report kind `{}` is not defined by the profile; choose one of: {}.",
            p("kind"),
            p("allowed")
        ),
        ("header.year", Lang::Vi) => format!(
            "Năm báo cáo {} khác năm của profile ({}); hãy sửa năm hoặc chọn đúng profile.",
            p("year"),
            p("expected")
        ),
        ("header.year", Lang::En) => format!(
            "The report's year {} is not the profile's year ({}); correct the year or choose the right profile.",
            p("year"),
            p("expected")
        ),
        ("header.reporter", Lang::Vi) => format!(
            "Mã đơn vị báo cáo `{}` không có trong danh sách đơn vị của profile `{}`; hãy kiểm tra mã đơn vị (ví dụ 540 cho thành phố Quy Nhơn).",
            p("reporter"),
            p("profile")
        ),
        ("header.reporter", Lang::En) => format!(
            "Reporter id `{}` is not one of the reporters of profile `{}`; check the id (e.g. 540 for Quy Nhơn city).",
            p("reporter"),
            p("profile")
        ),
        ("header.reporter_name", Lang::Vi) => format!(
            "Tên đơn vị “{}” khác tên trong profile cho mã {}: “{}”; hãy kiểm tra mã hoặc tên.",
            p("name"),
            p("reporter"),
            p("expected")
        ),
        ("header.reporter_name", Lang::En) => format!(
            "The reporter's name “{}” differs from the profile's name for id {}: “{}”; check the id or the name.",
            p("name"),
            p("reporter"),
            p("expected")
        ),
        ("header.submitted_on", Lang::Vi) => format!(
            "Ngày gửi {} không hợp lý với kỳ báo cáo {} – {} (không thể trước ngày đầu kỳ hoặc quá {} ngày sau cuối kỳ); hãy kiểm tra năm, tháng.",
            p("date"),
            p("start"),
            p("end"),
            p("days")
        ),
        ("header.submitted_on", Lang::En) => format!(
            "The submission date {} does not fit the period {} – {} (it cannot be before the period starts or more than {} days after it ends); check the year and month.",
            p("date"),
            p("start"),
            p("end"),
            p("days")
        ),
        ("header.data_as_of", Lang::Vi) => format!(
            "Ngày chốt số liệu {} nằm ngoài kỳ báo cáo {} – {}.",
            p("date"),
            p("start"),
            p("end")
        ),
        ("header.data_as_of", Lang::En) => format!(
            "The data cut-off date {} lies outside the period {} – {}.",
            p("date"),
            p("start"),
            p("end")
        ),
        ("header.data_as_of_after_submission", Lang::Vi) => format!(
            "Ngày chốt số liệu {} sau ngày gửi báo cáo {}; số liệu không thể tính đến sau ngày gửi.",
            p("date"),
            p("submitted_on")
        ),
        ("header.data_as_of_after_submission", Lang::En) => format!(
            "The data cut-off date {} is after the submission date {}; figures cannot be counted to a later day than the report was sent.",
            p("date"),
            p("submitted_on")
        ),
        ("header.signatory", Lang::Vi) => format!(
            "Báo cáo đã có ngày gửi nên phải ghi người ký đủ họ tên và chức vụ (ví dụ “KT. Chủ tịch, Phó Chủ tịch”) tại {at}."
        ),
        ("header.signatory", Lang::En) => format!(
            "A submitted report must name its signatory with name and title (e.g. “KT. Chủ tịch, Phó Chủ tịch”) at {at}."
        ),
        ("header.phone", Lang::Vi) => format!(
            "Số điện thoại “{}” không đúng dạng số Việt Nam (0xxxxxxxxx hoặc +84xxxxxxxxx, ví dụ 0256 3822 456).",
            p("phone")
        ),
        ("header.phone", Lang::En) => format!(
            "The phone number “{}” is not a Vietnamese number (0xxxxxxxxx or +84xxxxxxxxx, e.g. 0256 3822 456).",
            p("phone")
        ),
        ("header.email", Lang::Vi) => format!(
            "Địa chỉ thư điện tử “{}” không đúng dạng (ví dụ ten@binhdinh.gov.vn).",
            p("email")
        ),
        ("header.email", Lang::En) => format!(
            "The e-mail address “{}” does not have the shape of an address (e.g. name@binhdinh.gov.vn).",
            p("email")
        ),
        ("section.task", Lang::Vi) => format!(
            "Mục số {} không có trong chỉ thị; các mục là {}.{}",
            p("task"),
            p("allowed"),
            missing_hint(f, lang)
        ),
        ("section.task", Lang::En) => format!(
            "Section {} is not a task of the directive; the sections are {}.{}",
            p("task"),
            p("allowed"),
            missing_hint(f, lang)
        ),
        ("section.duplicate", Lang::Vi) => format!(
            "Mục {} xuất hiện hai lần; hãy gộp nội dung vào một mục.{}",
            p("task"),
            missing_hint(f, lang)
        ),
        ("section.duplicate", Lang::En) => format!(
            "Section {} appears twice; merge the two into one.{}",
            p("task"),
            missing_hint(f, lang)
        ),
        ("section.missing", Lang::Vi) => format!(
            "Thiếu mục {} “{}”: {} phải báo cáo mục này.",
            p("task"),
            p("title"),
            p("reporter_kind")
        ),
        ("section.missing", Lang::En) => format!(
            "Section {} (“{}”) is missing: a {} must report it.",
            p("task"),
            p("title"),
            p("reporter_kind")
        ),
        ("section.not_applicable", Lang::Vi) => format!(
            "Mục {} được đánh dấu “không thuộc phạm vi” nhưng {} phải báo cáo mục này; hãy ghi tình hình và kết quả thực hiện.",
            p("task"),
            p("reporter_kind")
        ),
        ("section.not_applicable", Lang::En) => format!(
            "Section {} is marked not applicable, but a {} must report it; give its status and results.",
            p("task"),
            p("reporter_kind")
        ),
        ("section.narrative", Lang::Vi) => format!(
            "Nội dung mục {} trống hoặc quá ngắn ({} ký tự); hãy mô tả kết quả thực hiện (ít nhất {} ký tự).",
            p("task"),
            p("length"),
            p("min")
        ),
        ("section.narrative", Lang::En) => format!(
            "The narrative of section {} is empty or too short ({} characters); describe what was done (at least {} characters).",
            p("task"),
            p("length"),
            p("min")
        ),
        ("section.document_number", Lang::Vi) => format!(
            "Số văn bản “{}” không đúng dạng số/ký hiệu (ví dụ 12/KH-UBND).",
            p("number")
        ),
        ("section.document_number", Lang::En) => format!(
            "The document number “{}” does not have the shape number/SYMBOL (e.g. 12/KH-UBND).",
            p("number")
        ),
        ("section.document_date", Lang::Vi) => format!(
            "Văn bản ghi ngày {}, sau ngày gửi báo cáo {}; hãy kiểm tra ngày ban hành.",
            p("date"),
            p("submitted_on")
        ),
        ("section.document_date", Lang::En) => format!(
            "The document is dated {}, after the report was submitted on {}; check its date.",
            p("date"),
            p("submitted_on")
        ),
        ("measure.required", Lang::Vi) => format!(
            "Thiếu chỉ số bắt buộc “{}” (`{}`) đối với {}; nếu không phát sinh, hãy ghi 0.",
            p("measure_name"),
            p("measure"),
            p("reporter_kind")
        ),
        ("measure.required", Lang::En) => format!(
            "The required measure “{}” (`{}`) is missing for a {}; if there is nothing to report, enter 0.",
            p("measure_name"),
            p("measure"),
            p("reporter_kind")
        ),
        ("measure.breakdown_required", Lang::Vi) => format!(
            "Chỉ số “{}” phải phân tổ đầy đủ theo {}; còn thiếu: {} (ghi 0 nếu không có).",
            p("measure_name"),
            p("dimension_name"),
            p("missing")
        ),
        ("measure.breakdown_required", Lang::En) => format!(
            "Measure “{}” must be broken down in full by {}; missing: {} (enter 0 where there is none).",
            p("measure_name"),
            p("dimension_name"),
            p("missing")
        ),
        ("measure.breakdown_sum", Lang::Vi) => {
            let (name, dim) = (lower_first(&p("measure_name")), p("dimension_name"));
            if f.params
                .get("complete")
                .is_some_and(|c| matches!(c, crate::Param::Text(t) if t == "no"))
            {
                format!(
                    "Các số theo {dim} ({} = {}) đã vượt tổng {name} ({}); hãy sửa tổng hoặc số liệu theo {dim}.",
                    sum_terms(f, lang),
                    p("sum"),
                    p("total")
                )
            } else {
                format!(
                    "Tổng {name} ({}) khác tổng theo {dim} ({} = {}); hãy sửa tổng hoặc số liệu theo {dim}.",
                    p("total"),
                    sum_terms(f, lang),
                    p("sum")
                )
            }
        }
        ("measure.breakdown_sum", Lang::En) => {
            let (name, dim) = (p("measure_name"), p("dimension_name"));
            if f.params
                .get("complete")
                .is_some_and(|c| matches!(c, crate::Param::Text(t) if t == "no"))
            {
                format!(
                    "The figures by {dim} ({} = {}) already exceed the total of {name} ({}); correct the total or the figures by {dim}.",
                    sum_terms(f, lang),
                    p("sum"),
                    p("total")
                )
            } else {
                format!(
                    "The total of {name} ({}) differs from the sum by {dim} ({} = {}); correct the total or the figures by {dim}.",
                    p("total"),
                    sum_terms(f, lang),
                    p("sum")
                )
            }
        }
        ("measure.breakdown_incomplete", Lang::Vi) => format!(
            "Phân tổ theo {} của “{}” còn thiếu {} nên không kiểm tra được tổng; hãy ghi đủ (ghi 0 nếu không có).",
            p("dimension_name"),
            p("measure_name"),
            p("missing")
        ),
        ("measure.breakdown_incomplete", Lang::En) => format!(
            "The breakdown of “{}” by {} lacks {}, so it cannot be checked against the total; give every member (0 where there is none).",
            p("measure_name"),
            p("dimension_name"),
            p("missing")
        ),
        ("measure.out_of_period", Lang::Vi) => format!(
            "“{}” chỉ thuộc {}; số liệu này trong {} có thể là số kế hoạch hoặc nhầm kỳ, hãy kiểm tra lại.",
            p("measure_name"),
            p("kinds"),
            p("kind")
        ),
        ("measure.out_of_period", Lang::En) => format!(
            "“{}” belongs in {} only; in {} it may be a plan or the wrong period — check it.",
            p("measure_name"),
            p("kinds"),
            p("kind")
        ),
        ("relation.exceeds", Lang::Vi) => format!(
            "{}{} ({}) lớn hơn {}{} ({}); phần không thể lớn hơn tổng thể, hãy kiểm tra lại hai số này.",
            p("part_name"),
            member(f, lang),
            p("part_value"),
            lower_first(&p("whole_name")),
            member(f, lang),
            p("whole_value")
        ),
        ("relation.exceeds", Lang::En) => format!(
            "{}{} ({}) is greater than {}{} ({}); a part cannot exceed its whole — check both figures.",
            upper_first(&p("part_name")),
            member(f, lang),
            p("part_value"),
            p("whole_name"),
            member(f, lang),
            p("whole_value")
        ),
        ("relation.implausible", Lang::Vi) => format!(
            "{} ({}) lớn hơn {} ({}){}; số liệu có thể chưa đúng, hãy kiểm tra lại.",
            p("part_name"),
            p("part_value"),
            lower_first(&p("whole_name")),
            p("whole_value"),
            tolerance(f, lang)
        ),
        ("relation.implausible", Lang::En) => format!(
            "{} ({}) is greater than {} ({}){}; the figures may be wrong — check them.",
            upper_first(&p("part_name")),
            p("part_value"),
            p("whole_name"),
            p("whole_value"),
            tolerance(f, lang)
        ),
        ("indicator.range", Lang::Vi) => {
            let why = match f.params.get("kind") {
                Some(crate::Param::Text(k)) if k == "count" => {
                    "là số lượng nên phải là số nguyên không âm"
                }
                Some(crate::Param::Text(k)) if k == "rate" => "là tỷ suất nên không được âm",
                _ => "là tỷ lệ phần trăm nên phải từ 0 đến 100",
            };
            format!(
                "Chỉ tiêu “{}” {why}, không phải {}.",
                p("indicator_name"),
                p("value")
            )
        }
        ("indicator.range", Lang::En) => {
            let why = match f.params.get("kind") {
                Some(crate::Param::Text(k)) if k == "count" => {
                    "is a count, so it must be a whole number ≥ 0"
                }
                Some(crate::Param::Text(k)) if k == "rate" => "is a rate, so it cannot be negative",
                _ => "is a percentage, so it must lie between 0 and 100",
            };
            format!(
                "Indicator “{}” {why}, not {}.",
                p("indicator_name"),
                p("value")
            )
        }
        ("indicator.ratio", Lang::Vi) => match f.params.get("expected") {
            Some(_) => format!(
                "Chỉ tiêu “{}” ghi {} nhưng {} ÷ {} × {} = {}; hãy sửa giá trị hoặc tử số, mẫu số.",
                p("indicator_name"),
                p("value"),
                p("numerator"),
                p("denominator"),
                p("multiplier"),
                p("expected")
            ),
            None => format!(
                "Chỉ tiêu “{}” có mẫu số bằng 0 nên không tính được giá trị {}; hãy sửa mẫu số.",
                p("indicator_name"),
                p("value")
            ),
        },
        ("indicator.ratio", Lang::En) => match f.params.get("expected") {
            Some(_) => format!(
                "Indicator “{}” is given as {} but {} ÷ {} × {} = {}; correct the value or the numerator and denominator.",
                p("indicator_name"),
                p("value"),
                p("numerator"),
                p("denominator"),
                p("multiplier"),
                p("expected")
            ),
            None => format!(
                "Indicator “{}” has a denominator of 0, so the value {} cannot be computed; correct the denominator.",
                p("indicator_name"),
                p("value")
            ),
        },
        ("indicator.duplicate", Lang::Vi) => format!(
            "Chỉ tiêu “{}” được báo cáo hai lần; chỉ giữ một.",
            p("indicator_name")
        ),
        ("indicator.duplicate", Lang::En) => format!(
            "Indicator “{}” is reported twice; keep one.",
            p("indicator_name")
        ),
        ("indicator.target", Lang::Vi) => format!(
            "Chỉ tiêu “{}” ({}) chưa đạt mục tiêu năm {} ({} {}) của {}; cảnh báo để tham khảo.",
            p("indicator_name"),
            p("value"),
            p("target_year"),
            bound_sign(f),
            p("target"),
            p("source")
        ),
        ("indicator.target", Lang::En) => format!(
            "Indicator “{}” ({}) does not meet the {} target ({} {}) of {}; for information.",
            p("indicator_name"),
            p("value"),
            p("target_year"),
            bound_sign(f),
            p("target"),
            p("source")
        ),
        ("timeliness.late", Lang::Vi) => format!(
            "Báo cáo gửi ngày {}, chậm {} so với ngày cuối cùng đúng hạn {} (hạn ghi “{}”).",
            p("submitted_on"),
            days(f, "days_late", "working_days_late", lang),
            p("last_on_time_day"),
            p("due")
        ),
        ("timeliness.late", Lang::En) => format!(
            "Submitted on {}, {} after the last on-time day {} (due “{}”).",
            p("submitted_on"),
            days(f, "days_late", "working_days_late", lang),
            p("last_on_time_day"),
            p("due")
        ),
        (code, Lang::Vi) => format!("Phát hiện `{code}` tại {at}."),
        (code, Lang::En) => format!("Finding `{code}` at {at}."),
    }
}

/// `text` with its first letter in lower case ("Số trẻ em" → "số trẻ em"), for names inside a
/// sentence.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        std::iter::once(crate::text::case::lower(c))
            .chain(chars)
            .collect()
    })
}

/// `text` with its first letter in upper case, for names at the start of a sentence.
fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        std::iter::once(crate::text::case::upper(c))
            .chain(chars)
            .collect()
    })
}

/// The members added up, as `3 + 4`.
fn sum_terms(f: &Finding, lang: Lang) -> String {
    match f.params.get("members") {
        Some(crate::Param::List(items)) if !items.is_empty() => items
            .iter()
            .map(|i| i.render(lang))
            .collect::<Vec<_>>()
            .join(" + "),
        _ => "0".to_owned(),
    }
}

/// ` Mục đang thiếu: 3 — có phải mục này?` when a misnumbered section may be a missing one.
fn missing_hint(f: &Finding, lang: Lang) -> String {
    match (f.params.get("missing"), lang) {
        (Some(m), Lang::Vi) => format!(" Mục còn thiếu: {} — có phải mục này?", m.render(lang)),
        (Some(m), Lang::En) => format!(" Missing: section {} — is this it?", m.render(lang)),
        (None, _) => String::new(),
    }
}

/// ` Có phải `female`?` when a misspelt id has a likely intended one.
fn suggestion(f: &Finding, lang: Lang) -> String {
    match (f.params.get("suggestion"), lang) {
        (Some(s), Lang::Vi) => format!(" Có phải `{}`?", s.render(lang)),
        (Some(s), Lang::En) => format!(" Did you mean `{}`?", s.render(lang)),
        (None, _) => String::new(),
    }
}

/// Whether the list parameter `name` is present and empty.
fn empty_list(f: &Finding, name: &str) -> bool {
    matches!(f.params.get(name), Some(crate::Param::List(items)) if items.is_empty())
}

/// A span of days and working days from two count parameters, worded as the calendar words it.
fn days(f: &Finding, days: &str, working: &str, lang: Lang) -> String {
    let n = |name: &str| match f.params.get(name) {
        Some(crate::Param::Count(n)) => i64::try_from(*n).unwrap_or(i64::MAX),
        _ => 0,
    };
    crate::calendar::days_phrase(n(days), n(working))
        .get(lang)
        .to_owned()
}

/// ` – nữ` for a member-by-member comparison, empty otherwise.
fn member(f: &Finding, lang: Lang) -> String {
    match f.params.get("member") {
        Some(crate::Param::List(parts)) if parts.len() == 2 => {
            format!(" – {}", parts[1].render(lang))
        }
        _ => String::new(),
    }
}

/// ` by more than 10%` where a relation has a tolerance.
fn tolerance(f: &Finding, lang: Lang) -> String {
    match f.params.get("tolerance_percent") {
        Some(crate::Param::Count(n)) if *n > 0 => match lang {
            Lang::Vi => format!(" quá {n}%"),
            Lang::En => format!(" by more than {n}%"),
        },
        _ => String::new(),
    }
}

/// `≥` or `≤` for a target.
fn bound_sign(f: &Finding) -> &'static str {
    match f.params.get("bound") {
        Some(crate::Param::Text(b)) if b == "max" => "≤",
        _ => "≥",
    }
}

/// The pointer of the object holding the field at `path`, named in `lang` when it is the root.
fn parent(path: &str, lang: Lang) -> &str {
    let parent = path.rfind('/').map_or("", |i| &path[..i]);
    crate::finding::pointer_display(parent, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_are_contiguous_so_rules_md_has_one_heading_each() {
        let mut seen: Vec<&str> = Vec::new();
        for rule in RULES {
            let family = rule.code.split('.').next().unwrap();
            if seen.last() != Some(&family) {
                assert!(!seen.contains(&family), "family {family} is split in RULES");
                seen.push(family);
            }
        }
    }

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
