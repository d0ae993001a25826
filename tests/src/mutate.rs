//! Single-defect mutators: for every rule, a way to break a valid report so that exactly that
//! rule fires.
//!
//! Each mutator gets a valid generated report and a seeded generator for its choices (which
//! field, which measure, which wrong value). It returns `None` when the report offers nothing to
//! break that way (a department's report has no document to misnumber, say); the property then
//! draws another report. The property asserts that the codes of the findings are exactly the
//! mutator's rule: no other rule fires, and the rule itself does.

use chrono::Days;
use serde_json::{Map, Value, json};
use treem::sample::SplitMix64;
use treem::{
    Annex, Bound, Calendar, Catalog, CivilDate, Deadline, IndicatorKind, Profile, Report, Severity,
};

/// What a mutator works on.
pub struct Subject<'a> {
    /// The valid report as a JSON value; mutators edit it.
    pub doc: Value,
    /// The same report, typed, for looking things up.
    pub report: &'a Report,
    /// Its profile.
    pub profile: &'a Profile,
    /// Its catalog.
    pub catalog: &'a Catalog,
    /// The generator for the mutator's choices.
    pub rng: SplitMix64,
    /// Set by mutators that break the text itself (a repeated key cannot be a JSON value):
    /// the text to validate instead of `doc`.
    pub text: Option<String>,
    /// How the text is written (for mutators that write it).
    pub style: crate::generate::Style,
}

/// A mutator: the rule it breaks and how.
#[derive(Clone, Copy)]
pub struct Defect {
    /// The rule code.
    pub rule: &'static str,
    /// Breaks the subject; `None` when this report offers nothing to break this way.
    pub apply: fn(&mut Subject<'_>) -> Option<()>,
}

impl std::fmt::Debug for Defect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.rule)
    }
}

/// Rules no input can make fire, with the reason: no mutator, and vectors only where they hold.
pub const NEVER_FIRES: &[(&str, &str)] = &[(
    "structure.other",
    "reserved: fired when two parsers disagreed; with one decoder it cannot fire, and the property tests assert it never does",
)];

/// Rules about several reports together, which no single-report mutator can break; the
/// consolidation vectors (`tests/vectors/consolidation/`) and `tests/tests/consolidation.rs`
/// cover them.
pub const CROSS_REPORT: &[(&str, &str)] = &[
    (
        "consolidation.duplicate",
        "about two reports from one reporter: covered by the consolidation vectors",
    ),
    (
        "consolidation.overflow",
        "about a sum of several reports: covered by the consolidation vectors",
    ),
    (
        "consolidation.cumulative_decrease",
        "about a reporter's six-month and annual reports together: covered by the consolidation vectors",
    ),
];

/// Rules that fire only beside another, which no single defect can make fire alone; their
/// vectors cover them.
pub const WITH_ANOTHER: &[(&str, &str)] = &[(
    "validation.truncated",
    "counts the findings of another rule past the 100 listed: fires only beside them; covered by its vectors",
)];

/// Whether `rule` has no single-defect mutator, and why.
pub fn without_mutator(rule: &str) -> Option<&'static str> {
    NEVER_FIRES
        .iter()
        .chain(CROSS_REPORT)
        .chain(WITH_ANOTHER)
        .find(|(code, _)| *code == rule)
        .map(|(_, why)| *why)
}

/// The mutator of `rule`.
pub fn defect(rule: &str) -> Option<&'static Defect> {
    DEFECTS.iter().find(|d| d.rule == rule)
}

/// One mutator per rule that can fire.
pub const DEFECTS: &[Defect] = &[
    Defect {
        rule: "structure.type",
        apply: structure_type,
    },
    Defect {
        rule: "structure.unknown_key",
        apply: structure_unknown_key,
    },
    Defect {
        rule: "structure.missing_key",
        apply: structure_missing_key,
    },
    Defect {
        rule: "structure.duplicate_key",
        apply: structure_duplicate_key,
    },
    Defect {
        rule: "structure.date",
        apply: structure_date,
    },
    Defect {
        rule: "structure.range",
        apply: structure_range,
    },
    Defect {
        rule: "structure.value",
        apply: structure_value,
    },
    Defect {
        rule: "structure.too_many",
        apply: structure_too_many,
    },
    Defect {
        rule: "structure.control_character",
        apply: structure_control_character,
    },
    Defect {
        rule: "header.profile",
        apply: header_profile,
    },
    Defect {
        rule: "header.kind",
        apply: header_kind,
    },
    Defect {
        rule: "header.year",
        apply: header_year,
    },
    Defect {
        rule: "header.reporter",
        apply: header_reporter,
    },
    Defect {
        rule: "header.reporter_name",
        apply: header_reporter_name,
    },
    Defect {
        rule: "header.submitted_on",
        apply: header_submitted_on,
    },
    Defect {
        rule: "header.data_as_of",
        apply: header_data_as_of,
    },
    Defect {
        rule: "header.data_as_of_after_submission",
        apply: header_data_as_of_after_submission,
    },
    Defect {
        rule: "header.signatory",
        apply: header_signatory,
    },
    Defect {
        rule: "header.phone",
        apply: header_phone,
    },
    Defect {
        rule: "header.email",
        apply: header_email,
    },
    Defect {
        rule: "section.task",
        apply: section_task,
    },
    Defect {
        rule: "section.duplicate",
        apply: section_duplicate,
    },
    Defect {
        rule: "section.missing",
        apply: section_missing,
    },
    Defect {
        rule: "section.not_applicable",
        apply: section_not_applicable,
    },
    Defect {
        rule: "section.narrative",
        apply: section_narrative,
    },
    Defect {
        rule: "section.document_number",
        apply: section_document_number,
    },
    Defect {
        rule: "section.document_date",
        apply: section_document_date,
    },
    Defect {
        rule: "measure.unknown",
        apply: measure_unknown,
    },
    Defect {
        rule: "measure.dimension_unknown",
        apply: measure_dimension_unknown,
    },
    Defect {
        rule: "measure.member_unknown",
        apply: measure_member_unknown,
    },
    Defect {
        rule: "measure.breakdown_sum",
        apply: measure_breakdown_sum,
    },
    Defect {
        rule: "measure.breakdown_incomplete",
        apply: measure_breakdown_incomplete,
    },
    Defect {
        rule: "measure.breakdown_required",
        apply: measure_breakdown_required,
    },
    Defect {
        rule: "measure.out_of_period",
        apply: measure_out_of_period,
    },
    Defect {
        rule: "measure.required",
        apply: measure_required,
    },
    Defect {
        rule: "indicator.unknown",
        apply: indicator_unknown,
    },
    Defect {
        rule: "indicator.identity",
        apply: indicator_identity,
    },
    Defect {
        rule: "indicator.duplicate",
        apply: indicator_duplicate,
    },
    Defect {
        rule: "indicator.range",
        apply: indicator_range,
    },
    Defect {
        rule: "indicator.ratio",
        apply: indicator_ratio,
    },
    Defect {
        rule: "indicator.target",
        apply: indicator_target,
    },
    Defect {
        rule: "relation.exceeds",
        apply: relation_exceeds,
    },
    Defect {
        rule: "relation.implausible",
        apply: relation_implausible,
    },
    Defect {
        rule: "timeliness.late",
        apply: timeliness_late,
    },
];

// ---- helpers -------------------------------------------------------------------------------

fn pick<'t, T>(rng: &mut SplitMix64, items: &'t [T]) -> Option<&'t T> {
    if items.is_empty() {
        None
    } else {
        items.get(rng.between(0, items.len() as u64 - 1) as usize)
    }
}

fn pick_owned<T: Clone>(rng: &mut SplitMix64, items: Vec<T>) -> Option<T> {
    pick(rng, &items).cloned()
}

fn at<'v>(doc: &'v mut Value, pointer: &str) -> Option<&'v mut Value> {
    doc.pointer_mut(pointer)
}

fn object<'v>(doc: &'v mut Value, pointer: &str) -> Option<&'v mut Map<String, Value>> {
    at(doc, pointer)?.as_object_mut()
}

/// `base` with `tokens` appended, each escaped as a JSON Pointer token.
fn ptr(base: &str, tokens: &[&str]) -> String {
    tokens
        .iter()
        .fold(base.to_owned(), |at, t| treem::pointer_push(&at, t))
}

fn measure_ptr(id: &str) -> String {
    ptr("/measures", &[id])
}

/// Writes one of `values`, drawn by the generator, at `path`.
fn set_one_of(s: &mut Subject<'_>, path: &str, values: &[&str]) -> Option<()> {
    let value = pick(&mut s.rng, values)?;
    *at(&mut s.doc, path)? = json!(value);
    Some(())
}

fn plus_days(date: CivilDate, days: u64) -> Option<CivilDate> {
    CivilDate::from_naive(date.naive().checked_add_days(Days::new(days))?).ok()
}

fn minus_days(date: CivilDate, days: u64) -> Option<CivilDate> {
    CivilDate::from_naive(date.naive().checked_sub_days(Days::new(days))?).ok()
}

fn kind_def<'p>(s: &Subject<'p>) -> Option<&'p treem::ReportKind> {
    s.profile.report_kind(&s.report.kind)
}

/// Tasks the reporter must report on (all ten for a district, its remit for a department).
fn required_tasks(s: &Subject<'_>) -> Vec<u8> {
    s.profile
        .reporter(&s.report.reporter.id)
        .and_then(|who| s.profile.required_tasks(who))
        .unwrap_or_default()
}

fn section_index(s: &Subject<'_>, task: u8) -> Option<usize> {
    s.report.sections.iter().position(|x| x.task == task)
}

/// (measure, dimension) pairs the reporter kind requires.
fn required_breakdowns(s: &Subject<'_>) -> Vec<(String, String)> {
    let Some(kind) = s
        .profile
        .reporter(&s.report.reporter.id)
        .and_then(|who| s.profile.reporter_kind(&who.kind))
    else {
        return Vec::new();
    };
    kind.required_measures
        .iter()
        .flat_map(|r| r.breakdowns.iter().map(|d| (r.measure.clone(), d.clone())))
        .collect()
}

/// Every (measure, dimension) breakdown in the report.
fn breakdowns(s: &Subject<'_>) -> Vec<(String, String)> {
    s.report
        .measures
        .iter()
        .flat_map(|(id, m)| m.by.keys().map(move |d| (id.clone(), d.clone())))
        .collect()
}

fn in_relation(s: &Subject<'_>, measure: &str) -> bool {
    s.profile
        .relations
        .iter()
        .any(|r| r.part == measure || r.whole == measure)
}

// ---- structure -----------------------------------------------------------------------------

fn structure_type(s: &mut Subject<'_>) -> Option<()> {
    let year = s.report.year;
    let measures: Vec<String> = s.report.measures.keys().cloned().collect();
    match s.rng.between(0, 2) {
        0 => *at(&mut s.doc, "/year")? = json!(year.to_string()),
        1 => {
            let id = pick_owned(&mut s.rng, measures)?;
            let total = s.report.measures.get(&id)?.total.get();
            *at(&mut s.doc, &format!("{}/total", measure_ptr(&id)))? = json!(total.to_string());
        }
        _ => *at(&mut s.doc, "/sections")? = json!({ "1": "done" }),
    }
    Some(())
}

fn structure_unknown_key(s: &mut Subject<'_>) -> Option<()> {
    let mut objects = vec![
        "".to_owned(),
        "/reporter".to_owned(),
        "/signed_by".to_owned(),
    ];
    objects.extend((0..s.report.sections.len()).map(|i| format!("/sections/{i}")));
    objects.extend(s.report.measures.keys().map(|id| measure_ptr(id)));
    let target = pick_owned(&mut s.rng, objects)?;
    let key = pick(
        &mut s.rng,
        &["ghi_chu", "note", "sumitted_on", "Total", "tổng"],
    )?;
    object(&mut s.doc, &target)?.insert((*key).to_owned(), json!("x"));
    Some(())
}

fn structure_missing_key(s: &mut Subject<'_>) -> Option<()> {
    let mut required = vec![
        "".to_owned() + "|profile",
        "|kind".to_owned(),
        "|year".to_owned(),
        "|reporter".to_owned(),
        "/reporter|id".to_owned(),
        "/reporter|name".to_owned(),
    ];
    required.extend((0..s.report.sections.len()).map(|i| format!("/sections/{i}|task")));
    required.extend(
        s.report
            .measures
            .keys()
            .map(|id| format!("{}|total", measure_ptr(id))),
    );
    let choice = pick_owned(&mut s.rng, required)?;
    let (parent, key) = choice.split_once('|')?;
    object(&mut s.doc, parent)?.remove(key)?;
    Some(())
}

fn structure_duplicate_key(s: &mut Subject<'_>) -> Option<()> {
    let text = crate::generate::render(&s.doc, s.style);
    let repeated = match s.rng.between(0, 1) {
        0 => format!("\"year\":{},", s.report.year),
        _ => format!("\"kind\":{},", Value::String(s.report.kind.clone())),
    };
    s.text = Some(text.replacen('{', &format!("{{{repeated}"), 1));
    Some(())
}

fn structure_date(s: &mut Subject<'_>) -> Option<()> {
    let year = s.report.year;
    let bad = pick_owned(
        &mut s.rng,
        vec![
            format!("{year}-02-30"),
            format!("{year}-13-01"),
            format!("{year}-5-1"),
            format!("15/05/{year}"),
        ],
    )?;
    let mut fields = vec!["/data_as_of".to_owned(), "/submitted_on".to_owned()];
    for (i, section) in s.report.sections.iter().enumerate() {
        fields.extend(
            (0..section.documents.len()).map(|j| format!("/sections/{i}/documents/{j}/date")),
        );
    }
    let field = pick_owned(&mut s.rng, fields)?;
    *at(&mut s.doc, &field)? = json!(bad);
    Some(())
}

fn structure_range(s: &mut Subject<'_>) -> Option<()> {
    let id = pick_owned(&mut s.rng, s.report.measures.keys().cloned().collect())?;
    let bad = pick(
        &mut s.rng,
        &[json!(-1), json!(-40), json!(9_007_199_254_740_992_u64)],
    )?
    .clone();
    *at(&mut s.doc, &format!("{}/total", measure_ptr(&id)))? = bad;
    Some(())
}

fn structure_too_many(s: &mut Subject<'_>) -> Option<()> {
    // More entries than an array or map may hold, each well-formed: only the count is wrong.
    let n = treem::Limits::ENTRIES + 1 + s.rng.between(0, 20) as usize;
    match s.rng.between(0, 1) {
        0 => {
            let value = json!({ "id": "i.child_population", "value": 1 });
            *at(&mut s.doc, "")?
                .as_object_mut()?
                .entry("indicators")
                .or_insert(json!([])) = Value::Array(vec![value; n]);
        }
        _ => {
            let section = s.doc.get("sections")?.get(0)?.clone();
            *at(&mut s.doc, "/sections")? = Value::Array(vec![section; n]);
        }
    }
    Some(())
}

fn structure_control_character(s: &mut Subject<'_>) -> Option<()> {
    let mut fields = vec!["/reporter/name".to_owned(), "/reporter/id".to_owned()];
    for (i, section) in s.report.sections.iter().enumerate() {
        fields.push(format!("/sections/{i}/narrative"));
        fields.extend(
            (0..section.documents.len()).map(|j| format!("/sections/{i}/documents/{j}/title")),
        );
    }
    if s.report.signed_by.is_some() {
        fields.push("/signed_by/name".to_owned());
    }
    let field = pick_owned(&mut s.rng, fields)?;
    let control = *pick(
        &mut s.rng,
        &['\u{1b}', '\u{0}', '\u{7}', '\u{7f}', '\u{9b}', '\r'],
    )?;
    let text = at(&mut s.doc, &field)?.as_str()?.to_owned();
    let cut = text
        .char_indices()
        .map(|(i, _)| i)
        .nth(s.rng.between(0, text.chars().count() as u64) as usize)
        .unwrap_or(text.len());
    *at(&mut s.doc, &field)? = json!(format!("{}{control}{}", &text[..cut], &text[cut..]));
    Some(())
}

fn structure_value(s: &mut Subject<'_>) -> Option<()> {
    let i = s
        .rng
        .between(0, s.report.sections.len().checked_sub(1)? as u64);
    let bad = pick(&mut s.rng, &["finished", "Done", "", "đã thực hiện"])?;
    *at(&mut s.doc, &format!("/sections/{i}/status"))? = json!(bad);
    Some(())
}

// ---- header --------------------------------------------------------------------------------

fn header_profile(s: &mut Subject<'_>) -> Option<()> {
    let others = ["gia-lai-2026", "binh-dinh-2023", "BINH-DINH-2024", ""];
    set_one_of(s, "/profile", &others)
}

fn header_kind(s: &mut Subject<'_>) -> Option<()> {
    set_one_of(s, "/kind", &["quarterly", "nine_months", "Annual", ""])
}

fn header_year(s: &mut Subject<'_>) -> Option<()> {
    let year = i64::from(s.report.year);
    let other = pick_owned(&mut s.rng, vec![year - 1, year + 1, year + 2])?;
    *at(&mut s.doc, "/year")? = json!(other);
    Some(())
}

fn header_reporter(s: &mut Subject<'_>) -> Option<()> {
    set_one_of(
        s,
        "/reporter/id",
        &["541", "999", "so-khong-co", "ubnd-540"],
    )
}

fn header_reporter_name(s: &mut Subject<'_>) -> Option<()> {
    let own = treem::fold_name(&s.report.reporter.name);
    let others: Vec<String> = s
        .profile
        .reporters
        .iter()
        .map(|r| r.name.clone())
        .filter(|n| treem::fold_name(n) != own)
        .collect();
    let other = pick_owned(&mut s.rng, others)?;
    *at(&mut s.doc, "/reporter/name")? = json!(other);
    Some(())
}

fn header_submitted_on(s: &mut Subject<'_>) -> Option<()> {
    let end = kind_def(s)?.period.end;
    let late = plus_days(end, s.rng.between(367, 600))?;
    *at(&mut s.doc, "/submitted_on")? = json!(late.to_string());
    Some(())
}

fn header_data_as_of(s: &mut Subject<'_>) -> Option<()> {
    let start = kind_def(s)?.period.start;
    let before = minus_days(start, s.rng.between(1, 40))?;
    *at(&mut s.doc, "/data_as_of")? = json!(before.to_string());
    Some(())
}

fn header_data_as_of_after_submission(s: &mut Subject<'_>) -> Option<()> {
    let end = kind_def(s)?.period.end;
    let submitted = s.report.submitted_on?;
    let room = end
        .naive()
        .signed_duration_since(submitted.naive())
        .num_days();
    if room < 1 {
        return None;
    }
    let after = plus_days(submitted, s.rng.between(1, room as u64))?;
    *at(&mut s.doc, "/data_as_of")? = json!(after.to_string());
    Some(())
}

fn header_signatory(s: &mut Subject<'_>) -> Option<()> {
    s.report.submitted_on?;
    match s.rng.between(0, 2) {
        0 => {
            object(&mut s.doc, "")?.remove("signed_by")?;
        }
        1 => *at(&mut s.doc, "/signed_by/name")? = json!("  "),
        _ => *at(&mut s.doc, "/signed_by/title")? = json!(""),
    }
    Some(())
}

fn header_phone(s: &mut Subject<'_>) -> Option<()> {
    let bad = [
        "3822456",
        "0905",
        "+1 202 555 0100",
        "0905 123 45a",
        "không có",
    ];
    set_one_of(s, "/prepared_by/phone", &bad)
}

fn header_email(s: &mut Subject<'_>) -> Option<()> {
    let bad = [
        "thuha.binhdinh.gov.vn",
        "thuha@binhdinh",
        "a b@c.vn",
        "@binhdinh.gov.vn",
    ];
    set_one_of(s, "/prepared_by/email", &bad)
}

// ---- sections ------------------------------------------------------------------------------

fn sections(doc: &mut Value) -> Option<&mut Vec<Value>> {
    at(doc, "/sections")?.as_array_mut()
}

fn section_task(s: &mut Subject<'_>) -> Option<()> {
    let max = s.profile.sections.iter().map(|d| d.task).max().unwrap_or(0);
    let task = s.rng.between(u64::from(max) + 1, u64::from(max) + 40);
    let section = json!({ "task": task, "status": "not_applicable" });
    let list = sections(&mut s.doc)?;
    let i = s.rng.between(0, list.len() as u64) as usize;
    list.insert(i, section);
    Some(())
}

fn section_duplicate(s: &mut Subject<'_>) -> Option<()> {
    let list = sections(&mut s.doc)?;
    let copy = pick(&mut s.rng, list)?.clone();
    list.push(copy);
    Some(())
}

fn section_missing(s: &mut Subject<'_>) -> Option<()> {
    let candidates = required_tasks(s);
    let task = pick_owned(&mut s.rng, candidates)?;
    let i = section_index(s, task)?;
    sections(&mut s.doc)?.remove(i);
    Some(())
}

fn section_not_applicable(s: &mut Subject<'_>) -> Option<()> {
    let candidates = required_tasks(s);
    let task = pick_owned(&mut s.rng, candidates)?;
    let i = section_index(s, task)?;
    *at(&mut s.doc, &format!("/sections/{i}/status"))? = json!("not_applicable");
    Some(())
}

fn section_narrative(s: &mut Subject<'_>) -> Option<()> {
    let reported: Vec<usize> = s
        .report
        .sections
        .iter()
        .enumerate()
        .filter(|(_, x)| x.status != treem::SectionStatus::NotApplicable)
        .map(|(i, _)| i)
        .collect();
    let i = pick_owned(&mut s.rng, reported)?;
    let short = pick(
        &mut s.rng,
        &["", "Đã làm.", "Tốt", "   ", "Đang triển khai"],
    )?;
    *at(&mut s.doc, &format!("/sections/{i}/narrative"))? = json!(short);
    Some(())
}

fn add_document(s: &mut Subject<'_>, number: &str, date: CivilDate) -> Option<()> {
    let i = s
        .rng
        .between(0, s.report.sections.len().checked_sub(1)? as u64);
    let documents = object(&mut s.doc, &format!("/sections/{i}"))?
        .entry("documents")
        .or_insert_with(|| json!([]));
    documents.as_array_mut()?.push(json!({
        "number": number,
        "date": date.to_string(),
        "title": "Kế hoạch triển khai công tác bảo vệ trẻ em",
    }));
    Some(())
}

fn section_document_number(s: &mut Subject<'_>) -> Option<()> {
    let date = kind_def(s)?.period.start;
    let bad = pick(
        &mut s.rng,
        &["Số 1245 KH-UBND", "KH-UBND", "12 KH UBND", "không số"],
    )?;
    add_document(s, bad, date)
}

fn section_document_date(s: &mut Subject<'_>) -> Option<()> {
    let submitted = s.report.submitted_on?;
    let later = plus_days(submitted, s.rng.between(1, 60))?;
    add_document(s, "15/KH-UBND", later)
}

// ---- measures ------------------------------------------------------------------------------

fn measures(doc: &mut Value) -> Option<&mut Map<String, Value>> {
    object(doc, "/measures")
}

fn measure_unknown(s: &mut Subject<'_>) -> Option<()> {
    let id = pick(
        &mut s.rng,
        &[
            "abuse.childs",
            "tre_em.khac",
            "x.unknown",
            "children.populaton",
        ],
    )?;
    if s.profile.measure(id).is_some() {
        return None;
    }
    measures(&mut s.doc)?.insert((*id).to_owned(), json!({ "total": 1 }));
    Some(())
}

fn measure_dimension_unknown(s: &mut Subject<'_>) -> Option<()> {
    let id = pick_owned(&mut s.rng, s.report.measures.keys().cloned().collect())?;
    let def = s.profile.measure(&id)?;
    let mut candidates: Vec<String> = s
        .profile
        .dimensions
        .iter()
        .map(|d| d.id.clone())
        .filter(|d| !def.breakdowns.contains(d))
        .collect();
    candidates.push("religion".into());
    let dimension = pick_owned(&mut s.rng, candidates)?;
    let total = s.report.measures.get(&id)?.total.get();
    let by = object(&mut s.doc, &measure_ptr(&id))?
        .entry("by")
        .or_insert_with(|| json!({}));
    by.as_object_mut()?.insert(dimension, json!({ "a": total }));
    Some(())
}

fn measure_member_unknown(s: &mut Subject<'_>) -> Option<()> {
    let candidates = breakdowns(s);
    let (id, dimension) = pick_owned(&mut s.rng, candidates)?;
    let member = pick(&mut s.rng, &["other", "unknown", "khac", "Male"])?;
    let dim = s.profile.dimension(&dimension)?;
    if dim.members.iter().any(|m| m.id == *member) {
        return None;
    }
    let by = object(&mut s.doc, &ptr(&measure_ptr(&id), &["by", &dimension]))?;
    by.insert((*member).to_owned(), json!(0));
    Some(())
}

fn measure_breakdown_sum(s: &mut Subject<'_>) -> Option<()> {
    let candidates = breakdowns(s);
    let (id, dimension) = pick_owned(&mut s.rng, candidates)?;
    let members: Vec<String> = s
        .report
        .measures
        .get(&id)?
        .by
        .get(&dimension)?
        .keys()
        .cloned()
        .collect();
    let member = pick_owned(&mut s.rng, members)?;
    let add = s.rng.between(1, 5);
    let cell = at(
        &mut s.doc,
        &ptr(&measure_ptr(&id), &["by", &dimension, &member]),
    )?;
    *cell = json!(cell.as_u64()? + add);
    Some(())
}

fn remove_member(s: &mut Subject<'_>, id: &str, dimension: &str) -> Option<()> {
    let members: Vec<String> = s
        .report
        .measures
        .get(id)?
        .by
        .get(dimension)?
        .keys()
        .cloned()
        .collect();
    let member = pick_owned(&mut s.rng, members)?;
    object(&mut s.doc, &ptr(&measure_ptr(id), &["by", dimension]))?.remove(&member)?;
    Some(())
}

fn measure_breakdown_incomplete(s: &mut Subject<'_>) -> Option<()> {
    let required = required_breakdowns(s);
    let optional: Vec<(String, String)> = breakdowns(s)
        .into_iter()
        .filter(|b| !required.contains(b))
        .collect();
    let (id, dimension) = pick_owned(&mut s.rng, optional)?;
    remove_member(s, &id, &dimension)
}

fn measure_breakdown_required(s: &mut Subject<'_>) -> Option<()> {
    let present = breakdowns(s);
    let required: Vec<(String, String)> = required_breakdowns(s)
        .into_iter()
        .filter(|b| present.contains(b))
        .collect();
    let (id, dimension) = pick_owned(&mut s.rng, required)?;
    if s.rng.between(0, 1) == 0 {
        remove_member(s, &id, &dimension)
    } else {
        let by = object(&mut s.doc, &format!("{}/by", measure_ptr(&id)))?;
        by.remove(&dimension)?;
        if by.is_empty() {
            object(&mut s.doc, &measure_ptr(&id))?.remove("by");
        }
        Some(())
    }
}

fn measure_out_of_period(s: &mut Subject<'_>) -> Option<()> {
    let kind = s.report.kind.clone();
    let candidates: Vec<String> = s
        .profile
        .measures
        .iter()
        .filter(|m| m.report_kinds.as_ref().is_some_and(|k| !k.contains(&kind)))
        .filter(|m| !s.report.measures.contains_key(&m.id) && !in_relation(s, &m.id))
        .map(|m| m.id.clone())
        .collect();
    let id = pick_owned(&mut s.rng, candidates)?;
    let total = s.rng.between(0, 500);
    measures(&mut s.doc)?.insert(id, json!({ "total": total }));
    Some(())
}

fn measure_required(s: &mut Subject<'_>) -> Option<()> {
    let kind = s
        .profile
        .reporter(&s.report.reporter.id)
        .and_then(|who| s.profile.reporter_kind(&who.kind))?;
    let present: Vec<String> = kind
        .required_measures
        .iter()
        .map(|r| r.measure.clone())
        .filter(|m| s.report.measures.contains_key(m))
        .collect();
    let id = pick_owned(&mut s.rng, present)?;
    measures(&mut s.doc)?.remove(&id)?;
    Some(())
}

// ---- indicators ----------------------------------------------------------------------------

fn indicators(doc: &mut Value) -> Option<&mut Vec<Value>> {
    object(doc, "")?
        .entry("indicators")
        .or_insert_with(|| json!([]))
        .as_array_mut()
}

/// Catalog indicators the report does not give yet.
fn absent_indicators<'c>(s: &Subject<'c>) -> Vec<&'c treem::Indicator> {
    let given = |i: &treem::Indicator| {
        s.report.indicators.iter().any(|v| {
            v.id.as_deref() == Some(i.id.as_str())
                || (v.annex == Some(i.annex) && v.code.is_some() && v.code == i.code)
        })
    };
    s.catalog.indicators.iter().filter(|i| !given(i)).collect()
}

fn identify(indicator: &treem::Indicator, value: Value) -> Value {
    match &indicator.code {
        Some(code) => json!({ "annex": indicator.annex.as_str(), "code": code, "value": value }),
        None => json!({ "id": indicator.id, "value": value }),
    }
}

fn indicator_unknown(s: &mut Subject<'_>) -> Option<()> {
    let value = if s.rng.between(0, 1) == 0 {
        let annex = if s.rng.between(0, 1) == 0 {
            Annex::I
        } else {
            Annex::II
        };
        let code = format!("{:04}", s.rng.between(0, 9999));
        if s.catalog.by_code(annex, &code).is_some() {
            return None;
        }
        json!({ "annex": annex.as_str(), "code": code, "value": 1 })
    } else {
        json!({ "id": "i.khong_co_trong_danh_muc", "value": 1 })
    };
    indicators(&mut s.doc)?.push(value);
    Some(())
}

fn indicator_identity(s: &mut Subject<'_>) -> Option<()> {
    let coded: Vec<&treem::Indicator> = s
        .catalog
        .indicators
        .iter()
        .filter(|i| i.code.is_some())
        .collect();
    let indicator = *pick(&mut s.rng, &coded)?;
    let other = pick(&mut s.rng, &s.catalog.indicators)?;
    let value = match s.rng.between(0, 2) {
        0 => json!({ "code": indicator.code, "value": 1 }),
        1 => json!({ "annex": indicator.annex.as_str(), "value": 1 }),
        _ if other.id != indicator.id => json!({
            "annex": indicator.annex.as_str(), "code": indicator.code, "id": other.id, "value": 1
        }),
        _ => json!({ "value": 1 }),
    };
    indicators(&mut s.doc)?.push(value);
    Some(())
}

fn indicator_duplicate(s: &mut Subject<'_>) -> Option<()> {
    let list = indicators(&mut s.doc)?;
    if !list.is_empty() && s.rng.between(0, 1) == 0 {
        let copy = pick(&mut s.rng, list)?.clone();
        list.push(copy);
        return Some(());
    }
    // A plain count with no target, given twice.
    let plain: Vec<&treem::Indicator> = absent_indicators(s)
        .into_iter()
        .filter(|i| i.unit.kind == IndicatorKind::Count && i.targets.is_empty())
        .collect();
    let indicator = *pick(&mut s.rng, &plain)?;
    let value = identify(indicator, json!(s.rng.between(0, 1000)));
    let list = indicators(&mut s.doc)?;
    list.push(value.clone());
    list.push(value);
    Some(())
}

fn indicator_range(s: &mut Subject<'_>) -> Option<()> {
    let absent = absent_indicators(s);
    let indicator = *pick(&mut s.rng, &absent)?;
    let bad = match indicator.unit.kind {
        IndicatorKind::Count => *pick(&mut s.rng, &[-1.0, 1.5, -0.5])?,
        IndicatorKind::Share | IndicatorKind::CountAndShare => {
            *pick(&mut s.rng, &[100.5, 120.0, -3.0])?
        }
        IndicatorKind::Rate => *pick(&mut s.rng, &[-1.0, -0.1])?,
    };
    indicators(&mut s.doc)?.push(identify(indicator, json!(bad)));
    Some(())
}

fn indicator_ratio(s: &mut Subject<'_>) -> Option<()> {
    let with_formula: Vec<&treem::Indicator> = absent_indicators(s)
        .into_iter()
        .filter(|i| i.formula.is_some())
        .collect();
    let indicator = *pick(&mut s.rng, &with_formula)?;
    let multiplier = f64::from(indicator.formula.as_ref()?.multiplier);
    let (numerator, denominator) = (s.rng.between(1, 50), s.rng.between(50, 400));
    let expected = numerator as f64 / denominator as f64 * multiplier;
    let wrong = if expected + 1.0 <= 100.0 || indicator.unit.kind == IndicatorKind::Rate {
        expected + 1.0
    } else {
        expected - 1.0
    };
    let mut value = identify(indicator, json!((wrong * 10.0).round() / 10.0));
    value["numerator"] = json!(numerator);
    value["denominator"] = json!(denominator);
    indicators(&mut s.doc)?.push(value);
    Some(())
}

fn indicator_target(s: &mut Subject<'_>) -> Option<()> {
    let year = s.profile.year;
    let candidates: Vec<(&treem::Indicator, f64)> = absent_indicators(s)
        .into_iter()
        .filter_map(|i| {
            let target = i
                .targets
                .iter()
                .filter(|t| t.year >= year)
                .min_by_key(|t| t.year)
                .or_else(|| i.targets.iter().max_by_key(|t| t.year))?;
            let upper = match i.unit.kind {
                IndicatorKind::Share | IndicatorKind::CountAndShare => 100.0,
                _ => f64::INFINITY,
            };
            let missed = match target.bound {
                Bound::Min => (target.value - 1.0).floor(),
                Bound::Max => (target.value + 1.0).ceil(),
            };
            (missed >= 0.0 && missed <= upper).then_some((i, missed))
        })
        .collect();
    let (indicator, missed) = *pick(&mut s.rng, &candidates)?;
    indicators(&mut s.doc)?.push(identify(indicator, json!(missed)));
    Some(())
}

// ---- relations -----------------------------------------------------------------------------

fn break_relation(s: &mut Subject<'_>, severity: Severity) -> Option<()> {
    let candidates: Vec<&treem::Relation> = s
        .profile
        .relations
        .iter()
        .filter(|r| r.severity == severity)
        .filter(|r| {
            s.report.measures.contains_key(&r.part) && s.report.measures.contains_key(&r.whole)
        })
        // Raising the part must not break another relation of the other severity.
        .filter(|r| {
            !s.profile
                .relations
                .iter()
                .any(|o| o.part == r.part && o.severity != severity)
        })
        .collect();
    let relation = *pick(&mut s.rng, &candidates)?;
    let part = s.report.measures.get(&relation.part)?;
    let whole = s.report.measures.get(&relation.whole)?.total.get();
    let limit = whole * (100 + u64::from(relation.tolerance_percent)) / 100;
    let raised = limit + s.rng.between(1, 20);
    let delta = raised.checked_sub(part.total.get())?;
    let base = measure_ptr(&relation.part);
    *at(&mut s.doc, &format!("{base}/total"))? = json!(raised);
    // Keep the part's own breakdowns adding up: the difference goes to one member of each.
    for (dimension, members) in &part.by {
        let member = pick_owned(&mut s.rng, members.keys().cloned().collect())?;
        let cell = at(&mut s.doc, &ptr(&base, &["by", dimension, &member]))?;
        *cell = json!(cell.as_u64()? + delta);
    }
    Some(())
}

fn relation_exceeds(s: &mut Subject<'_>) -> Option<()> {
    break_relation(s, Severity::Error)
}

fn relation_implausible(s: &mut Subject<'_>) -> Option<()> {
    break_relation(s, Severity::Warning)
}

// ---- timeliness ----------------------------------------------------------------------------

fn timeliness_late(s: &mut Subject<'_>) -> Option<()> {
    let kind = kind_def(s)?;
    let deadline = Deadline::compute(Calendar::embedded(), kind, None).ok()?;
    let late = plus_days(deadline.last_on_time_day, s.rng.between(1, 45))?;
    *at(&mut s.doc, "/submitted_on")? = json!(late.to_string());
    Some(())
}
