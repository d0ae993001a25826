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
            vi: "Số liệu là số nguyên không âm, không vượt quá 9 007 199 254 740 991 (xét trên cách viết số, không làm tròn); giá trị chỉ tiêu trong khoảng ±9 007 199 254 740 991; ngày từ 01/01/1945 đến 31/12/2100; năm và số nhiệm vụ trong giới hạn.",
            en: "Figures are whole numbers from 0 to 9,007,199,254,740,991 (decided on the number as written, never rounded); indicator values within ±9,007,199,254,740,991; dates from 1945-01-01 to 2100-12-31; years and task numbers within bounds.",
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
        code: "structure.too_many",
        severity: Severity::Error,
        checks: Text {
            vi: "Mỗi mảng hoặc đối tượng của báo cáo có không quá 1 000 phần tử (báo cáo thật chỉ có vài chục); phần vượt quá không được đọc.",
            en: "No array or object of a report holds more than 1,000 entries (a real report has tens); the entries past it are not read.",
        },
        source: "treem's limits on input (RULES.md: Limits)",
        when_missing: Text {
            vi: "Không áp dụng.",
            en: "Not applicable.",
        },
    },
    Rule {
        code: "structure.control_character",
        severity: Severity::Error,
        checks: Text {
            vi: "Văn bản không chứa ký tự điều khiển (trừ dấu tab, và dấu xuống dòng trong phần tường thuật), vì chúng có thể làm sai lệch màn hình hoặc trang hiển thị.",
            en: "Text holds no control character (but a tab, and line breaks in a narrative): they could rewrite the terminal or page it is shown in.",
        },
        source: "treem's rules for safe text (RULES.md: Limits)",
        when_missing: Text {
            vi: "Không áp dụng cho trường vắng mặt.",
            en: "Absent fields are not checked.",
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
    Rule {
        code: "consolidation.duplicate",
        severity: Severity::Warning,
        checks: Text {
            vi: "Khi tổng hợp, mỗi đơn vị có một báo cáo cho mỗi loại báo cáo; nếu có hai, dùng báo cáo có ngày gửi muộn hơn (cùng ngày: báo cáo đưa vào sau) và nêu tên cả hai tệp.",
            en: "In a consolidation, one report per reporter and kind; of two, the one with the later submitted_on is used (on a tie, the one given later), naming both files.",
        },
        source: "Canonical template v1, Consolidation (the recipient's job); directive of Bình Định 2024 (the labour department consolidates the reports)",
        when_missing: Text {
            vi: "Báo cáo chưa có ngày gửi xếp trước mọi báo cáo có ngày gửi.",
            en: "A report without submitted_on ranks before every dated one.",
        },
    },
    Rule {
        code: "consolidation.cumulative_decrease",
        severity: Severity::Warning,
        checks: Text {
            vi: "Khi tổng hợp, số liệu cộng dồn của một đơn vị trong báo cáo năm không thấp hơn số liệu trong báo cáo 6 tháng của chính đơn vị đó.",
            en: "In a consolidation, a reporter's cumulative figure in its annual report is not below the same figure in its own six-month report.",
        },
        source: "Canonical template v1, Consolidation (an annual figure below the half-year figure for a cumulative measure is a warning)",
        when_missing: Text {
            vi: "Chỉ so sánh khi cả hai báo cáo đều hợp lệ và đều có chỉ số đó.",
            en: "Compared only when both reports are valid and both give the measure.",
        },
    },
    Rule {
        code: "consolidation.overflow",
        severity: Severity::Error,
        checks: Text {
            vi: "Khi tổng hợp, tổng của một chỉ số không vượt quá 9 007 199 254 740 991 (số lớn nhất của định dạng); nếu vượt, chỉ số đó bị bỏ khỏi báo cáo tổng hợp.",
            en: "In a consolidation, a measure's sum does not exceed 9,007,199,254,740,991 (the format's largest figure); if it does, the measure is left out of the consolidated report.",
        },
        source: "Canonical template v1, Measures (figures are whole numbers from 0 to 2^53 − 1)",
        when_missing: Text {
            vi: "Không áp dụng.",
            en: "Not applicable.",
        },
    },
    Rule {
        code: "validation.truncated",
        severity: Severity::Warning,
        checks: Text {
            vi: "Mỗi quy tắc liệt kê không quá 100 phát hiện cho một báo cáo; số phát hiện còn lại được đếm và nêu trong một cảnh báo.",
            en: "Each rule lists at most 100 findings for one report; the rest are counted, in one warning.",
        },
        source: "treem's limits on output (RULES.md: Limits)",
        when_missing: Text {
            vi: "Không áp dụng.",
            en: "Not applicable.",
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
         (regenerate with `TREEM_BLESS=1 cargo test -p treem-conformance --test rules_doc`).\n\n\
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
                "consolidation" => "Consolidation (*tổng hợp*)",
                "validation" => "Validation itself (*quá trình kiểm tra*)",
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
    s.push_str(&limits_markdown());
    s
}

/// The limits on what treem reads and says, for RULES.md: the bounds that keep time linear and
/// memory bounded whatever the input.
fn limits_markdown() -> String {
    use crate::Limits;
    let mib = Limits::DEFAULT_MAX_INPUT_BYTES / (1024 * 1024);
    let (first, last) = Limits::DATES;
    format!(
        "\n## Limits\n\n\
         Every input is bounded, so that a report, profile or schedule file, whatever it holds, takes\n\
         time in proportion to its size and memory within a small multiple of it (BENCHMARKS.md).\n\n\
         | what | limit | past it |\n\
         | --- | --- | --- |\n\
         | one input (report, profile, catalog, schedule file) | {mib} MiB (`Limits::max_input_bytes`, `--max-input-size`) | error `input_too_large`; nothing past the limit is read |\n\
         | entries of one array or object of a report | {entries} | `structure.too_many`; the container is not checked further |\n\
         | findings of one rule for one report | {findings} | `validation.truncated` counts the rest |\n\
         | structural problems of one report | {problems} | the report is not built; only structural findings are given |\n\
         | dates in a report | {first} to {last} | `structure.range` |\n\
         | figures (counts, money) | whole numbers from 0 to 9,007,199,254,740,991 (2^53 − 1), whole-ness decided on the number as written | `structure.range`, or `structure.type` for a fraction |\n\
         | indicator values | from −9,007,199,254,740,991 to 9,007,199,254,740,991 | `structure.range` |\n\
         | text | no control character but a tab, and line breaks in a narrative | `structure.control_character` |\n\
         | a consolidated figure | 9,007,199,254,740,991 | `consolidation.overflow`; the figure is left out |\n\
         | rules, occasions and years of a schedule file | 100, 100 and 200 | a problem of the file |\n\n\
         Within these limits, the work of validating a report, loading a profile or schedule file and\n\
         consolidating reports grows in proportion to the input (a test counts the instructions at\n\
         1× and 4× the size of every hostile shape found so far), and the heap it holds at once is at\n\
         most {memory} times the input beyond its fixed cost (`Limits::MEMORY_PER_INPUT_BYTE`, measured\n\
         by a test for the same shapes): with the default input limit, at most\n\
         {peak} MiB beyond it.\n",
        entries = grouped(Limits::ENTRIES),
        findings = grouped(Limits::FINDINGS_PER_RULE),
        problems = grouped(crate::structure::MAX_PROBLEMS),
        memory = Limits::MEMORY_PER_INPUT_BYTE,
        peak = mib * Limits::MEMORY_PER_INPUT_BYTE,
    )
}

/// `10000` as `10,000`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A message of a rule, in both languages: a template whose `{name}` placeholders take the
/// finding's parameters (`{name:lower}` and `{name:upper}` change the first letter's case) or
/// a value worked out from the finding (see [`render`]); `{{` and `}}` are literal braces.
/// Messages are data, so that a translator can read and change them in one place.
struct Message {
    code: &'static str,
    /// Which wording, when a rule has several (see [`variant`]); empty for the usual one.
    variant: &'static str,
    vi: &'static str,
    en: &'static str,
}

/// Every message, in the order of [`RULES`].
static MESSAGES: &[Message] = &[
    Message {
        code: "structure.type",
        variant: "root",
        vi: "Báo cáo phải là {expected} JSON ({{ … }}), không phải {found}.",
        en: "A report must be {expected} ({{ … }}), not {found}.",
    },
    Message {
        code: "structure.type",
        variant: "",
        vi: "Giá trị tại {at} phải là {expected}, không phải {found}.",
        en: "The value at {at} must be {expected}, not {found}.",
    },
    Message {
        code: "structure.unknown_key",
        variant: "",
        vi: "Khóa `{key}` không có trong mẫu báo cáo; hãy sửa tên khóa hoặc xóa nó. Các khóa hợp lệ ở đây: {allowed}.",
        en: "Key `{key}` is not part of the template; correct its name or remove it. Keys allowed here: {allowed}.",
    },
    Message {
        code: "structure.missing_key",
        variant: "",
        vi: "Thiếu trường bắt buộc `{key}` tại {parent}.",
        en: "Required field `{key}` is missing at {parent}.",
    },
    Message {
        code: "structure.duplicate_key",
        variant: "",
        vi: "Khóa `{key}` xuất hiện nhiều lần trong cùng một đối tượng; chỉ giữ một lần.",
        en: "Key `{key}` appears more than once in the same object; keep only one.",
    },
    Message {
        code: "structure.date",
        variant: "no_such_day",
        vi: "Ngày `{value}` không có thật trong lịch; hãy nhập một ngày đúng (YYYY-MM-DD).",
        en: "The date `{value}` does not exist; enter a real day (YYYY-MM-DD).",
    },
    Message {
        code: "structure.date",
        variant: "",
        vi: "`{value}` không đúng định dạng ngày; hãy viết YYYY-MM-DD, ví dụ 2024-05-14.",
        en: "`{value}` is not a date written YYYY-MM-DD (for example 2024-05-14).",
    },
    Message {
        code: "structure.range",
        variant: "",
        vi: "Giá trị {value} tại {at} nằm ngoài khoảng cho phép {min}–{max}; số liệu phải là số nguyên không âm.",
        en: "The value {value} at {at} is outside the allowed range {min}–{max}; figures are whole numbers, never negative.",
    },
    Message {
        code: "structure.value",
        variant: "",
        vi: "Giá trị `{value}` tại {at} không hợp lệ; chọn một trong: {allowed}.",
        en: "`{value}` at {at} is not allowed; choose one of: {allowed}.",
    },
    Message {
        code: "structure.too_many",
        variant: "",
        vi: "{at} có {count} phần tử, nhiều hơn mức tối đa {max}; phần này không được kiểm tra. Hãy kiểm tra lại tệp báo cáo.",
        en: "{at} holds {count} entries, more than the most allowed ({max}); it is not checked. Check the report file.",
    },
    Message {
        code: "structure.control_character",
        variant: "",
        vi: "Văn bản tại {at} có ký tự điều khiển {character} (ở vị trí thứ {position}); hãy xóa ký tự này.",
        en: "The text at {at} holds the control character {character} (at position {position}); remove it.",
    },
    Message {
        code: "structure.other",
        variant: "",
        vi: "JSON không đúng cấu trúc báo cáo: {detail}.",
        en: "The JSON is not a report: {detail}.",
    },
    Message {
        code: "header.profile",
        variant: "",
        vi: "Báo cáo ghi profile `{profile}` nhưng đang được kiểm tra theo profile `{expected}`; hãy ghi đúng profile.",
        en: "The report names profile `{profile}` but is checked against profile `{expected}`; name the right profile.",
    },
    Message {
        code: "measure.unknown",
        variant: "",
        vi: "Chỉ số `{measure}` không có trong mẫu báo cáo của profile `{profile}`; hãy kiểm tra lại tên chỉ số.{suggestion}",
        en: "Measure `{measure}` is not defined by profile `{profile}`; check the measure's name.{suggestion}",
    },
    Message {
        code: "measure.dimension_unknown",
        variant: "none",
        vi: "Chỉ số “{measure_name}” không có phân tổ nào; hãy bỏ phần `by` (phân tổ `{dimension}`).",
        en: "Measure “{measure_name}” has no breakdowns; remove its `by` (breakdown `{dimension}`).",
    },
    Message {
        code: "measure.dimension_unknown",
        variant: "",
        vi: "Chỉ số “{measure_name}” không phân tổ theo `{dimension}`; các phân tổ được dùng: {allowed}.{suggestion}",
        en: "Measure “{measure_name}” has no breakdown by `{dimension}`; breakdowns allowed: {allowed}.{suggestion}",
    },
    Message {
        code: "measure.member_unknown",
        variant: "",
        vi: "`{member}` không phải một nhóm của phân tổ “{dimension_name}” (chỉ số “{measure_name}”); các nhóm có: {allowed}.{suggestion}",
        en: "`{member}` is not a member of “{dimension_name}” (measure “{measure_name}”); members are: {allowed}.{suggestion}",
    },
    Message {
        code: "indicator.unknown",
        variant: "",
        vi: "Chỉ tiêu {indicator} không có trong danh mục `{catalog}`.",
        en: "Indicator {indicator} is not in catalog `{catalog}`.",
    },
    Message {
        code: "indicator.identity",
        variant: "",
        vi: "Chỉ tiêu tại {at} phải ghi phụ lục (`annex`) và mã (`code`), hoặc mã danh mục (`id`); nếu ghi cả hai thì phải cùng một chỉ tiêu.",
        en: "The indicator at {at} needs an annex and code, or a catalog id; if both are given they must name the same indicator.",
    },
    Message {
        code: "header.kind",
        variant: "",
        vi: "Loại báo cáo `{kind}` không có trong profile; chọn một trong: {allowed}.",
        en: "Report kind `{kind}` is not defined by the profile; choose one of: {allowed}.",
    },
    Message {
        code: "header.year",
        variant: "",
        vi: "Năm báo cáo {year} khác năm của profile ({expected}); hãy sửa năm hoặc chọn đúng profile.",
        en: "The report's year {year} is not the profile's year ({expected}); correct the year or choose the right profile.",
    },
    Message {
        code: "header.reporter",
        variant: "",
        vi: "Mã đơn vị báo cáo `{reporter}` không có trong danh sách đơn vị của profile `{profile}`; hãy kiểm tra mã đơn vị (ví dụ 540 cho thành phố Quy Nhơn).",
        en: "Reporter id `{reporter}` is not one of the reporters of profile `{profile}`; check the id (e.g. 540 for Quy Nhơn city).",
    },
    Message {
        code: "header.reporter_name",
        variant: "",
        vi: "Tên đơn vị “{name}” khác tên trong profile cho mã {reporter}: “{expected}”; hãy kiểm tra mã hoặc tên.",
        en: "The reporter's name “{name}” differs from the profile's name for id {reporter}: “{expected}”; check the id or the name.",
    },
    Message {
        code: "header.submitted_on",
        variant: "",
        vi: "Ngày gửi {date} không hợp lý với kỳ báo cáo {start} – {end} (không thể trước ngày đầu kỳ hoặc quá {days} ngày sau cuối kỳ); hãy kiểm tra năm, tháng.",
        en: "The submission date {date} does not fit the period {start} – {end} (it cannot be before the period starts or more than {days} days after it ends); check the year and month.",
    },
    Message {
        code: "header.data_as_of",
        variant: "",
        vi: "Ngày chốt số liệu {date} nằm ngoài kỳ báo cáo {start} – {end}.",
        en: "The data cut-off date {date} lies outside the period {start} – {end}.",
    },
    Message {
        code: "header.data_as_of_after_submission",
        variant: "",
        vi: "Ngày chốt số liệu {date} sau ngày gửi báo cáo {submitted_on}; số liệu không thể tính đến sau ngày gửi.",
        en: "The data cut-off date {date} is after the submission date {submitted_on}; figures cannot be counted to a later day than the report was sent.",
    },
    Message {
        code: "header.signatory",
        variant: "",
        vi: "Báo cáo đã có ngày gửi nên phải ghi người ký đủ họ tên và chức vụ (ví dụ “KT. Chủ tịch, Phó Chủ tịch”) tại {at}.",
        en: "A submitted report must name its signatory with name and title (e.g. “KT. Chủ tịch, Phó Chủ tịch”) at {at}.",
    },
    Message {
        code: "header.phone",
        variant: "",
        vi: "Số điện thoại “{phone}” không đúng dạng số Việt Nam (0xxxxxxxxx hoặc +84xxxxxxxxx, ví dụ 0256 3822 456).",
        en: "The phone number “{phone}” is not a Vietnamese number (0xxxxxxxxx or +84xxxxxxxxx, e.g. 0256 3822 456).",
    },
    Message {
        code: "header.email",
        variant: "",
        vi: "Địa chỉ thư điện tử “{email}” không đúng dạng (ví dụ ten@binhdinh.gov.vn).",
        en: "The e-mail address “{email}” does not have the shape of an address (e.g. name@binhdinh.gov.vn).",
    },
    Message {
        code: "section.task",
        variant: "",
        vi: "Mục số {task} không có trong chỉ thị; các mục là {allowed}.{missing_hint}",
        en: "Section {task} is not a task of the directive; the sections are {allowed}.{missing_hint}",
    },
    Message {
        code: "section.duplicate",
        variant: "",
        vi: "Mục {task} xuất hiện hai lần; hãy gộp nội dung vào một mục.{missing_hint}",
        en: "Section {task} appears twice; merge the two into one.{missing_hint}",
    },
    Message {
        code: "section.missing",
        variant: "",
        vi: "Thiếu mục {task} “{title}”: {reporter_kind} phải báo cáo mục này.",
        en: "Section {task} (“{title}”) is missing: a {reporter_kind} must report it.",
    },
    Message {
        code: "section.not_applicable",
        variant: "",
        vi: "Mục {task} được đánh dấu “không thuộc phạm vi” nhưng {reporter_kind} phải báo cáo mục này; hãy ghi tình hình và kết quả thực hiện.",
        en: "Section {task} is marked not applicable, but a {reporter_kind} must report it; give its status and results.",
    },
    Message {
        code: "section.narrative",
        variant: "",
        vi: "Nội dung mục {task} trống hoặc quá ngắn ({length} ký tự); hãy mô tả kết quả thực hiện (ít nhất {min} ký tự).",
        en: "The narrative of section {task} is empty or too short ({length} characters); describe what was done (at least {min} characters).",
    },
    Message {
        code: "section.document_number",
        variant: "",
        vi: "Số văn bản “{number}” không đúng dạng số/ký hiệu (ví dụ 12/KH-UBND).",
        en: "The document number “{number}” does not have the shape number/SYMBOL (e.g. 12/KH-UBND).",
    },
    Message {
        code: "section.document_date",
        variant: "",
        vi: "Văn bản ghi ngày {date}, sau ngày gửi báo cáo {submitted_on}; hãy kiểm tra ngày ban hành.",
        en: "The document is dated {date}, after the report was submitted on {submitted_on}; check its date.",
    },
    Message {
        code: "measure.required",
        variant: "",
        vi: "Thiếu chỉ số bắt buộc “{measure_name}” (`{measure}`) đối với {reporter_kind}; nếu không phát sinh, hãy ghi 0.",
        en: "The required measure “{measure_name}” (`{measure}`) is missing for a {reporter_kind}; if there is nothing to report, enter 0.",
    },
    Message {
        code: "measure.breakdown_required",
        variant: "",
        vi: "Chỉ số “{measure_name}” phải phân tổ đầy đủ theo {dimension_name}; còn thiếu: {missing} (ghi 0 nếu không có).",
        en: "Measure “{measure_name}” must be broken down in full by {dimension_name}; missing: {missing} (enter 0 where there is none).",
    },
    Message {
        code: "measure.breakdown_sum",
        variant: "partial",
        vi: "Các số theo {dimension_name} ({sum_terms} = {sum}) đã vượt tổng {measure_name:lower} ({total}); hãy sửa tổng hoặc số liệu theo {dimension_name}.",
        en: "The figures by {dimension_name} ({sum_terms} = {sum}) already exceed the total of {measure_name} ({total}); correct the total or the figures by {dimension_name}.",
    },
    Message {
        code: "measure.breakdown_sum",
        variant: "",
        vi: "Tổng {measure_name:lower} ({total}) khác tổng theo {dimension_name} ({sum_terms} = {sum}); hãy sửa tổng hoặc số liệu theo {dimension_name}.",
        en: "The total of {measure_name} ({total}) differs from the sum by {dimension_name} ({sum_terms} = {sum}); correct the total or the figures by {dimension_name}.",
    },
    Message {
        code: "measure.breakdown_incomplete",
        variant: "",
        vi: "Phân tổ theo {dimension_name} của “{measure_name}” còn thiếu {missing} nên không kiểm tra được tổng; hãy ghi đủ (ghi 0 nếu không có).",
        en: "The breakdown of “{measure_name}” by {dimension_name} lacks {missing}, so it cannot be checked against the total; give every member (0 where there is none).",
    },
    Message {
        code: "measure.out_of_period",
        variant: "",
        vi: "“{measure_name}” chỉ thuộc {kinds}; số liệu này trong {kind} có thể là số kế hoạch hoặc nhầm kỳ, hãy kiểm tra lại.",
        en: "“{measure_name}” belongs in {kinds} only; in {kind} it may be a plan or the wrong period — check it.",
    },
    Message {
        code: "relation.exceeds",
        variant: "",
        vi: "{part_name}{member_suffix} ({part_value}) lớn hơn {whole_name:lower}{member_suffix} ({whole_value}); phần không thể lớn hơn tổng thể, hãy kiểm tra lại hai số này.",
        en: "{part_name:upper}{member_suffix} ({part_value}) is greater than {whole_name}{member_suffix} ({whole_value}); a part cannot exceed its whole — check both figures.",
    },
    Message {
        code: "relation.implausible",
        variant: "",
        vi: "{part_name} ({part_value}) lớn hơn {whole_name:lower} ({whole_value}){tolerance}; số liệu có thể chưa đúng, hãy kiểm tra lại.",
        en: "{part_name:upper} ({part_value}) is greater than {whole_name} ({whole_value}){tolerance}; the figures may be wrong — check them.",
    },
    Message {
        code: "indicator.range",
        variant: "count",
        vi: "Chỉ tiêu “{indicator_name}” là số lượng nên phải là số nguyên không âm, không phải {value}.",
        en: "Indicator “{indicator_name}” is a count, so it must be a whole number ≥ 0, not {value}.",
    },
    Message {
        code: "indicator.range",
        variant: "rate",
        vi: "Chỉ tiêu “{indicator_name}” là tỷ suất nên không được âm, không phải {value}.",
        en: "Indicator “{indicator_name}” is a rate, so it cannot be negative, not {value}.",
    },
    Message {
        code: "indicator.range",
        variant: "",
        vi: "Chỉ tiêu “{indicator_name}” là tỷ lệ phần trăm nên phải từ 0 đến 100, không phải {value}.",
        en: "Indicator “{indicator_name}” is a percentage, so it must lie between 0 and 100, not {value}.",
    },
    Message {
        code: "indicator.ratio",
        variant: "",
        vi: "Chỉ tiêu “{indicator_name}” ghi {value} nhưng {numerator} ÷ {denominator} × {multiplier} = {expected}; hãy sửa giá trị hoặc tử số, mẫu số.",
        en: "Indicator “{indicator_name}” is given as {value} but {numerator} ÷ {denominator} × {multiplier} = {expected}; correct the value or the numerator and denominator.",
    },
    Message {
        code: "indicator.ratio",
        variant: "zero_denominator",
        vi: "Chỉ tiêu “{indicator_name}” có mẫu số bằng 0 nên không tính được giá trị {value}; hãy sửa mẫu số.",
        en: "Indicator “{indicator_name}” has a denominator of 0, so the value {value} cannot be computed; correct the denominator.",
    },
    Message {
        code: "indicator.duplicate",
        variant: "",
        vi: "Chỉ tiêu “{indicator_name}” được báo cáo hai lần; chỉ giữ một.",
        en: "Indicator “{indicator_name}” is reported twice; keep one.",
    },
    Message {
        code: "indicator.target",
        variant: "",
        vi: "Chỉ tiêu “{indicator_name}” ({value}) chưa đạt mục tiêu năm {target_year} ({bound_sign} {target}) của {source}; cảnh báo để tham khảo.",
        en: "Indicator “{indicator_name}” ({value}) does not meet the {target_year} target ({bound_sign} {target}) of {source}; for information.",
    },
    Message {
        code: "timeliness.late",
        variant: "",
        vi: "Báo cáo gửi ngày {submitted_on}, chậm {days_late_phrase} so với ngày cuối cùng đúng hạn {last_on_time_day} (hạn ghi “{due}”).",
        en: "Submitted on {submitted_on}, {days_late_phrase} after the last on-time day {last_on_time_day} (due “{due}”).",
    },
    Message {
        code: "consolidation.duplicate",
        variant: "kept_invalid",
        vi: "Đơn vị {reporter} có hơn một {kind_name}: dùng {kept} ({kept_when}, có {kept_errors} lỗi nên không được cộng), bỏ qua {dropped} ({dropped_when}, không có lỗi); cần đơn vị gửi lại báo cáo đúng.",
        en: "Reporter {reporter} sent more than one {kind_name}: {kept} ({kept_when}, with {kept_errors} error(s), so not summed) is used, {dropped} ({dropped_when}, without errors) is set aside; the reporter should send a corrected report.",
    },
    Message {
        code: "consolidation.duplicate",
        variant: "",
        vi: "Đơn vị {reporter} có hơn một {kind_name}: dùng {kept} ({kept_when}), bỏ qua {dropped} ({dropped_when}).",
        en: "Reporter {reporter} sent more than one {kind_name}: {kept} ({kept_when}) is used, {dropped} ({dropped_when}) is set aside.",
    },
    Message {
        code: "consolidation.cumulative_decrease",
        variant: "",
        vi: "Số liệu cộng dồn “{measure_name}” của đơn vị {reporter} trong báo cáo {later_kind} ({later}: {later_value}) thấp hơn trong báo cáo {earlier_kind} ({earlier}: {earlier_value}).",
        en: "Cumulative figure “{measure_name}” of reporter {reporter} is lower in its {later_kind} report ({later}: {later_value}) than in its {earlier_kind} report ({earlier}: {earlier_value}).",
    },
    Message {
        code: "consolidation.overflow",
        variant: "",
        vi: "Tổng của chỉ số {measure} vượt quá {max}, số lớn nhất của định dạng: chỉ số này bị bỏ khỏi báo cáo tổng hợp.",
        en: "The sum of measure {measure} exceeds {max}, the format's largest figure: the measure is left out of the consolidated report.",
    },
    Message {
        code: "validation.truncated",
        variant: "",
        vi: "Còn {omitted} phát hiện nữa của quy tắc {rule} không được liệt kê (chỉ liệt kê {listed}); hãy sửa các lỗi đã nêu rồi kiểm tra lại.",
        en: "{omitted} more findings of rule {rule} are not listed (only {listed} are); correct those listed and check again.",
    },
];

/// Which wording of its rule's message a finding takes.
fn variant(f: &Finding) -> &'static str {
    let text = |name: &str| match f.params.get(name) {
        Some(crate::Param::Text(t)) => t.as_str(),
        _ => "",
    };
    let count = |name: &str| match f.params.get(name) {
        Some(crate::Param::Count(n)) => *n,
        _ => 0,
    };
    match f.code {
        "structure.type" if f.path.is_empty() => "root",
        "structure.date" if text("reason") == "no_such_day" => "no_such_day",
        "measure.dimension_unknown" if empty_list(f, "allowed") => "none",
        "measure.breakdown_sum" if text("complete") == "no" => "partial",
        "indicator.range" if text("kind") == "count" => "count",
        "indicator.range" if text("kind") == "rate" => "rate",
        "indicator.ratio" if !f.params.contains_key("expected") => "zero_denominator",
        "consolidation.duplicate" if count("kept_errors") > 0 && count("dropped_errors") == 0 => {
            "kept_invalid"
        }
        _ => "",
    }
}

/// The message of a finding in `lang`: its rule's template with the placeholders filled.
pub(crate) fn render(f: &Finding, lang: Lang) -> String {
    let wanted = variant(f);
    let message = MESSAGES
        .iter()
        .find(|m| m.code == f.code && m.variant == wanted)
        .or_else(|| {
            MESSAGES
                .iter()
                .find(|m| m.code == f.code && m.variant.is_empty())
        });
    let Some(message) = message else {
        let at = crate::finding::pointer_display(&f.path, lang);
        return match lang {
            Lang::Vi => format!("Phát hiện `{}` tại {at}.", f.code),
            Lang::En => format!("Finding `{}` at {at}.", f.code),
        };
    };
    let template = match lang {
        Lang::Vi => message.vi,
        Lang::En => message.en,
    };
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        let Some(end) = tail.find('}') else {
            out.push_str(tail);
            return out;
        };
        let (name, case) = match tail[1..end].split_once(':') {
            Some((name, case)) => (name, case),
            None => (&tail[1..end], ""),
        };
        let value = placeholder(f, lang, name);
        out.push_str(&match case {
            "lower" => lower_first(&value),
            "upper" => upper_first(&value),
            _ => value,
        });
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The text of one placeholder: a value worked out from the finding, or a parameter.
fn placeholder(f: &Finding, lang: Lang, name: &str) -> String {
    match name {
        "at" => crate::finding::pointer_display(&f.path, lang).to_owned(),
        "parent" => parent(&f.path, lang).to_owned(),
        "code" => f.code.to_owned(),
        "suggestion" => suggestion(f, lang),
        "missing_hint" => missing_hint(f, lang),
        "sum_terms" => sum_terms(f, lang),
        "tolerance" => tolerance(f, lang),
        "bound_sign" => bound_sign(f).to_owned(),
        "member_suffix" => member(f, lang),
        "days_late_phrase" => days(f, "days_late", "working_days_late", lang),
        _ => f
            .params
            .get(name)
            .map_or_else(|| "?".to_owned(), |v| v.render(lang)),
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
    fn every_message_belongs_to_a_rule_and_its_placeholders_are_names() {
        for rule in RULES {
            assert!(
                MESSAGES
                    .iter()
                    .any(|m| m.code == rule.code && m.variant.is_empty()),
                "{} has no message",
                rule.code
            );
        }
        for m in MESSAGES {
            assert!(
                rule(m.code).is_some(),
                "message for unknown rule {}",
                m.code
            );
            for template in [m.vi, m.en] {
                let bare = template.replace("{{", "").replace("}}", "");
                let mut rest = bare.as_str();
                while let Some(open) = rest.find('{') {
                    let close = rest[open..].find('}').map(|c| open + c);
                    let close = close.unwrap_or_else(|| panic!("unclosed in {template}"));
                    let name = &rest[open + 1..close];
                    let ok = name.split(':').enumerate().all(|(i, part)| match i {
                        0 => {
                            !part.is_empty()
                                && part.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                        }
                        _ => part == "lower" || part == "upper",
                    });
                    assert!(ok, "placeholder `{name}` in {template}");
                    rest = &rest[close + 1..];
                }
                assert!(!rest.contains('}'), "stray brace in {template}");
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
