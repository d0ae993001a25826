//! Rendering for people (text) and programs (JSON). No decisions are made here.

use std::fmt::Write as _;

use serde::Serialize;
use treem::Calendar;
use treem::calendar::{DeadlineReport, Source, YearSchedule};
use treem::{Catalog, Deadline, FindingOutput, Lang, Profile, Provenance, RULES, Timeliness};

use crate::FileOutcome;

/// Pretty JSON with a final newline.
pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// One file in `treem validate --format json`.
#[derive(Serialize)]
struct FileReport<'a> {
    file: &'a str,
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<FailureReport>,
    findings: Vec<FindingOutput>,
}

/// Why a file could not be validated.
#[derive(Serialize)]
struct FailureReport {
    code: &'static str,
    message: String,
}

/// `treem validate --format json`: an array with one object per file.
pub fn validation_json(outcomes: &[FileOutcome], lang: Lang) -> String {
    let files: Vec<FileReport> = outcomes
        .iter()
        .map(|o| match &o.outcome {
            Ok(v) => FileReport {
                file: &o.file,
                valid: v.is_valid(),
                error: None,
                findings: v.findings.iter().map(|f| f.to_output(lang)).collect(),
            },
            Err(failure) => FileReport {
                file: &o.file,
                valid: false,
                error: Some(FailureReport {
                    code: failure.code(),
                    message: failure.message(lang),
                }),
                findings: Vec::new(),
            },
        })
        .collect();
    json(&files)
}

/// `treem validate`: one block per file, meant for a person in a terminal.
pub fn validation_text(outcomes: &[FileOutcome], lang: Lang) -> String {
    let mut s = String::new();
    let (mut valid, mut invalid, mut failed) = (0, 0, 0);
    for o in outcomes {
        match &o.outcome {
            Err(failure) => {
                failed += 1;
                let head = match lang {
                    Lang::Vi => "KHÔNG KIỂM TRA ĐƯỢC",
                    Lang::En => "COULD NOT VALIDATE",
                };
                let _ = writeln!(s, "{}: {head}\n  {}", o.file, failure.message(lang));
            }
            Ok(v) => {
                let (errors, warnings) = (v.error_count(), v.warning_count());
                let verdict = match (v.is_valid(), lang) {
                    (true, Lang::Vi) => "hợp lệ",
                    (true, Lang::En) => "valid",
                    (false, Lang::Vi) => "KHÔNG HỢP LỆ",
                    (false, Lang::En) => "INVALID",
                };
                if v.is_valid() {
                    valid += 1;
                } else {
                    invalid += 1;
                }
                let counts = match lang {
                    Lang::Vi => format!("{errors} lỗi, {warnings} cảnh báo"),
                    Lang::En => format!(
                        "{errors} error{}, {warnings} warning{}",
                        plural(errors),
                        plural(warnings)
                    ),
                };
                let _ = writeln!(s, "{}: {verdict} ({counts})", o.file);
                for f in &v.findings {
                    let path = treem::pointer_display(&f.path, lang);
                    let _ = writeln!(s, "  [{}] {path}  ({})", f.severity.label(lang), f.code);
                    let _ = writeln!(s, "      {}", f.message(lang));
                }
            }
        }
    }
    if outcomes.len() > 1 {
        let _ = match lang {
            Lang::Vi => writeln!(
                s,
                "\nTổng cộng {} tệp: {valid} hợp lệ, {invalid} không hợp lệ, {failed} không kiểm tra được.",
                outcomes.len()
            ),
            Lang::En => writeln!(
                s,
                "\n{} files: {valid} valid, {invalid} invalid, {failed} could not be validated.",
                outcomes.len()
            ),
        };
    }
    s
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn provenance(p: Provenance, lang: Lang) -> &'static str {
    match (p, lang) {
        (Provenance::Confirmed, Lang::Vi) => "đã xác nhận",
        (Provenance::Inferred, Lang::Vi) => "suy luận",
        (Provenance::Provisional, Lang::Vi) => "tạm thời",
        (Provenance::Confirmed, Lang::En) => "confirmed",
        (Provenance::Inferred, Lang::En) => "inferred",
        (Provenance::Provisional, Lang::En) => "provisional",
    }
}

/// `treem profile`: a readable summary of a profile.
pub fn profile_text(p: &Profile, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let mut s = String::new();
    let _ = writeln!(s, "{} ({})", p.title.get(lang), p.id);
    let _ = writeln!(
        s,
        "{}: {}",
        if vi {
            "Cơ quan ban hành"
        } else {
            "Issued by"
        },
        p.authority.name
    );
    let _ = writeln!(
        s,
        "{}: {}",
        if vi { "Văn bản" } else { "Instrument" },
        p.authority.instrument
    );
    let _ = writeln!(
        s,
        "{}: {} ({})",
        if vi {
            "Nơi nhận báo cáo"
        } else {
            "Reports go to"
        },
        p.recipient.name,
        p.recipient.id
    );
    let _ = writeln!(
        s,
        "{}: {}\n",
        if vi {
            "Danh mục chỉ tiêu"
        } else {
            "Indicator catalog"
        },
        p.catalog
    );
    let _ = writeln!(
        s,
        "{}:",
        if vi {
            "Loại báo cáo"
        } else {
            "Report kinds"
        }
    );
    for k in &p.report_kinds {
        let reading = match (k.due.reading, vi) {
            (treem::Reading::Before, true) => "hạn là ngày trước ngày ghi",
            (treem::Reading::Before, false) => "due the day before the date written",
            (treem::Reading::By, true) => "hạn là chính ngày ghi",
            (treem::Reading::By, false) => "due on the date written",
        };
        let _ = writeln!(
            s,
            "  {:<10} {}  {} {} – {}; {} {} ({}{})",
            k.id,
            k.name.get(lang),
            if vi { "kỳ" } else { "period" },
            k.period.start,
            k.period.end,
            if vi { "hạn" } else { "due" },
            k.due.date,
            k.due
                .wording
                .as_deref()
                .map(|w| format!("“{w}”, "))
                .unwrap_or_default(),
            reading
        );
    }
    let _ = writeln!(
        s,
        "\n{} ({}):",
        if vi {
            "Đơn vị báo cáo"
        } else {
            "Reporters"
        },
        p.reporters.len()
    );
    for r in &p.reporters {
        let _ = writeln!(
            s,
            "  {:<10} {:<52} {} [{}]",
            r.id,
            r.name,
            r.kind,
            provenance(r.provenance, lang)
        );
    }
    let _ = writeln!(
        s,
        "\n{}:",
        if vi {
            "Các mục (nhiệm vụ)"
        } else {
            "Sections (task areas)"
        }
    );
    for sec in &p.sections {
        let _ = writeln!(s, "  {:>2}. {}", sec.task, sec.title.get(lang));
    }
    let _ = writeln!(
        s,
        "\n{} ({}):",
        if vi { "Chỉ số" } else { "Measures" },
        p.measures.len()
    );
    for m in &p.measures {
        let unit = p
            .unit(&m.unit)
            .map_or(m.unit.as_str(), |u| u.name.get(lang));
        let by = if m.breakdowns.is_empty() {
            String::new()
        } else {
            format!(" [{}]", m.breakdowns.join(", "))
        };
        let _ = writeln!(
            s,
            "  {:>2}  {:<38} {} ({unit}){by}",
            m.section,
            m.id,
            m.name.get(lang)
        );
    }
    let _ = writeln!(
        s,
        "\n{}:",
        if vi {
            "Quan hệ bộ phận – tổng thể"
        } else {
            "Part-whole relations"
        }
    );
    for r in &p.relations {
        let per = if r.per.is_empty() {
            String::new()
        } else {
            format!(
                " ({} {})",
                if vi { "theo" } else { "per" },
                r.per.join(", ")
            )
        };
        let tol = if r.tolerance_percent > 0 {
            format!(" +{}%", r.tolerance_percent)
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "  {} ≤ {}{tol}{per} [{}]",
            r.part,
            r.whole,
            r.severity.label(lang)
        );
    }
    s
}

/// `treem catalog`: the indicators as a list.
pub fn catalog_text(c: &Catalog, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}\n{}\n", c.title.get(lang), c.instrument);
    let _ = writeln!(s, "{}\n", c.coverage);
    for i in &c.indicators {
        let code = i.code.as_deref().unwrap_or("····");
        let _ = writeln!(
            s,
            "  {:<3} {code}  {:<36} {} [{}]",
            i.annex.as_str(),
            i.id,
            i.name.get(lang),
            provenance(i.provenance, lang)
        );
    }
    s
}

/// `treem rules`: every rule, its severity and what it checks.
pub fn rules_text(lang: Lang) -> String {
    let mut s = String::new();
    for r in RULES {
        let _ = writeln!(
            s,
            "{:<28} {:<9} {}",
            r.code,
            r.severity.label(lang),
            r.checks.get(lang)
        );
        let _ = writeln!(s, "{:<38} {}", "", r.source);
    }
    s
}

/// `treem calendar YEAR`: the year's exceptions to Monday–Friday, each with why and its basis.
pub fn calendar_text(cal: &Calendar, year: &YearSchedule, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let status = match (year.status, vi) {
        (Source::Official, true) => "lịch chính thức",
        (Source::Official, false) => "official schedule",
        (Source::Projected, true) => "LỊCH DỰ TÍNH (chưa công bố)",
        (Source::Projected, false) => "PROJECTED (not announced)",
    };
    let mut s = format!(
        "{} {} — {status}\n",
        if vi { "Năm" } else { "Year" },
        year.year
    );
    if let Some(province) = cal.province() {
        let _ = writeln!(
            s,
            "{} {} ({})",
            if vi {
                "Lịch riêng của tỉnh"
            } else {
                "Own schedule of the province of"
            },
            province.name,
            province.code
        );
    }
    let _ = writeln!(
        s,
        "{}: {}",
        if vi { "Căn cứ" } else { "Basis" },
        year.basis.get(lang)
    );
    for note in &year.notes {
        let _ = writeln!(
            s,
            "{}: {}",
            if vi { "Lưu ý" } else { "Note" },
            note.get(lang)
        );
    }
    s.push('\n');
    for e in year.entries() {
        let mark = match (e.working, vi) {
            (true, true) => "làm việc",
            (true, false) => "working",
            (false, true) => "nghỉ",
            (false, false) => "off",
        };
        let _ = writeln!(
            s,
            "  {:<19} {:<9} {}\n  {:<19} {:<9} {}: {}",
            e.date.spoken().get(lang),
            mark,
            e.reason.get(lang),
            "",
            "",
            if vi { "căn cứ" } else { "basis" },
            e.basis.get(lang)
        );
    }
    s
}

/// `treem deadlines`: each report kind's deadline, explained.
pub fn deadlines_text(profile: &Profile, all: &[DeadlineReport], lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let mut s = format!("{} ({})\n", profile.title.get(lang), profile.id);
    for d in all {
        let dl = &d.deadline;
        let _ = writeln!(s, "\n{} [{}]", dl.name.get(lang), dl.kind);
        let _ = writeln!(
            s,
            "  {}: {} – {}",
            if vi { "Kỳ báo cáo" } else { "Period" },
            dl.period.start,
            dl.period.end
        );
        let _ = writeln!(
            s,
            "  {}: {}",
            if vi {
                "Ngày cuối cùng đúng hạn"
            } else {
                "Last on-time day"
            },
            dl.last_on_time_day
        );
        let _ = writeln!(s, "  {}", dl.explanation.get(lang));
        if let Some(r) = &d.remaining {
            let as_of = if vi { "Tính đến" } else { "As of" };
            let _ = writeln!(s, "  {as_of} {}: {}.", r.as_of, r.summary.get(lang));
        }
    }
    s
}

/// `treem timeliness`: on time or how late.
pub fn timeliness_text(deadline: &Deadline, t: &Timeliness, lang: Lang) -> String {
    let submitted = if lang == Lang::Vi {
        "Gửi ngày"
    } else {
        "Submitted"
    };
    format!(
        "{submitted} {}: {}.\n{}\n",
        t.submitted_on,
        t.summary.get(lang),
        deadline.explanation.get(lang)
    )
}

/// `treem conformance` as a table per rule, the failures, and `N passed, M failed`.
pub fn conformance_text(
    summary: &treem_conformance::conformance::Summary,
    opts: &treem_conformance::conformance::Options,
    lang: Lang,
) -> String {
    let vi = lang == Lang::Vi;
    let mut s = String::new();
    let support = match (summary.support_files, vi) {
        (0, _) => String::new(),
        (n, true) => format!(" (tệp đi kèm: {n})"),
        (n, false) => format!(" (support files: {n})"),
    };
    let _ = writeln!(
        s,
        "{} {}{support} · seed {} · {} {}\n",
        if vi {
            "Vectơ kiểm thử:"
        } else {
            "Vectors:"
        },
        opts.vectors.display(),
        opts.seed,
        opts.cases,
        if vi {
            "ca sinh ngẫu nhiên mỗi thuộc tính"
        } else {
            "generated cases per property"
        }
    );
    let (h_code, h_ok, h_failed, h_fires, h_holds, h_generated) = if vi {
        (
            "quy tắc / kiểm tra",
            "vectơ đạt",
            "không đạt",
            "vi phạm",
            "tuân thủ",
            "ca sinh",
        )
    } else {
        (
            "rule / check",
            "vectors ok",
            "failed",
            "fires",
            "holds",
            "generated",
        )
    };
    let _ = writeln!(
        s,
        "{h_code:<54} {h_ok:>10} {h_failed:>9} {h_fires:>7} {h_holds:>8} {h_generated:>10}"
    );
    for row in &summary.rows {
        let vectors =
            row.vectors_passed + row.vectors_failed > 0 || !row.name.starts_with("property");
        let cell = |n: usize| {
            if vectors {
                n.to_string()
            } else {
                String::new()
            }
        };
        let rule_row = treem::rules::rule(&row.name).is_some();
        let counts = |n: usize| {
            if rule_row {
                n.to_string()
            } else {
                String::new()
            }
        };
        let generated = match (row.generated, row.generated_failed) {
            (0, _) => "–".to_owned(),
            (n, false) => format!("{n} ok"),
            (n, true) => format!("{n} {}", if vi { "LỖI" } else { "FAIL" }),
        };
        let _ = writeln!(
            s,
            "{:<54} {:>10} {:>9} {:>7} {:>8} {:>10}",
            row.name,
            cell(row.vectors_passed),
            cell(row.vectors_failed),
            counts(row.fires),
            counts(row.holds),
            generated
        );
        if let Some(note) = &row.note {
            let _ = writeln!(s, "    {note}");
        }
        if row.uncovered {
            let _ = writeln!(
                s,
                "    ✗ {}",
                if vi {
                    "thiếu vectơ hoặc bộ gây lỗi (xem phần không đạt)"
                } else {
                    "missing vectors or mutator (see the failures)"
                }
            );
        }
    }
    if !summary.failures.is_empty() {
        let _ = writeln!(s, "\n{}", if vi { "Không đạt:" } else { "Failures:" });
        for f in &summary.failures {
            let _ = writeln!(s, "\n✗ {}\n  {}", f.check, f.detail.replace('\n', "\n  "));
            if let Some(cmd) = &f.reproduce {
                let _ = writeln!(s, "  {} {cmd}", if vi { "chạy lại:" } else { "rerun:" });
            }
            if let Some(vector) = &f.vector {
                let _ = writeln!(
                    s,
                    "  {}\n  {}",
                    if vi {
                        "giữ lại làm vectơ (tests/vectors/validation/<quy tắc>.json, thêm vào cases):"
                    } else {
                        "keep as a vector (add to the cases of tests/vectors/validation/<rule>.json):"
                    },
                    serde_json::to_string(vector).unwrap_or_default()
                );
            }
        }
    }
    let (passed, failed) = (summary.passed(), summary.failed());
    let _ = writeln!(
        s,
        "\n{}",
        if vi {
            format!(
                "Kết quả: {passed} kiểm tra đạt, {failed} không đạt ({} ca sinh ngẫu nhiên).",
                summary.generated()
            )
        } else {
            format!("{} generated cases in all.", summary.generated())
        }
    );
    let _ = writeln!(s, "{passed} passed, {failed} failed");
    s
}

/// `treem conformance --format json`: `{ rows, failures, passed, failed }`.
pub fn conformance_json(summary: &treem_conformance::conformance::Summary) -> String {
    json(&serde_json::json!({
        "rows": summary.rows,
        "failures": summary.failures,
        "passed": summary.passed(),
        "failed": summary.failed(),
        "support_files": summary.support_files,
    }))
}
