//! Section rules: one section per task area of the profile, each with something to say.

use crate::map::Map;

use super::Context;
use crate::finding::{Finding, Findings, Param, pointer_push};
use crate::model::SectionStatus;

/// A narrative shorter than this many characters (after trimming) says nothing.
pub(crate) const MIN_NARRATIVE_CHARS: usize = 20;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Findings) {
    let report = ctx.report;
    let mut first_at: Map<u8, usize> = Map::new();
    // Sections with an unknown or repeated task number: held back until we know whether they
    // explain missing sections (a renumbered section is one defect, reported once).
    let mut misnumbered: Vec<Finding> = Vec::new();
    for (i, section) in report.sections.iter().enumerate() {
        // Pointers are built only when there is something to report.
        let path = || pointer_push("/sections", &i.to_string());
        if ctx.index.section(ctx.profile, section.task).is_none() {
            let allowed = Param::list(
                ctx.profile
                    .sections
                    .iter()
                    .map(|s| Param::Count(u64::from(s.task))),
            );
            misnumbered.push(
                Finding::new("section.task", pointer_push(&path(), "task"))
                    .with("task", u64::from(section.task))
                    .with("allowed", allowed),
            );
        } else if let Some(first) = first_at.get(&section.task) {
            misnumbered.push(
                Finding::new("section.duplicate", pointer_push(&path(), "task"))
                    .related(format!("/sections/{first}/task"))
                    .with("task", u64::from(section.task)),
            );
        } else {
            first_at.insert(section.task, i);
        }
        if section.status != SectionStatus::NotApplicable {
            let length = said_length(&section.narrative, MIN_NARRATIVE_CHARS);
            if length < MIN_NARRATIVE_CHARS {
                out.push(
                    Finding::new("section.narrative", pointer_push(&path(), "narrative"))
                        .with("task", u64::from(section.task))
                        .with("length", length as u64)
                        .with("min", MIN_NARRATIVE_CHARS as u64),
                );
            }
        }
        for (j, doc) in section.documents.iter().enumerate() {
            let doc_path = || pointer_push(&pointer_push(&path(), "documents"), &j.to_string());
            if !is_document_number(&doc.number) {
                out.push(
                    Finding::new(
                        "section.document_number",
                        pointer_push(&doc_path(), "number"),
                    )
                    .with("number", doc.number.as_str()),
                );
            }
            if let Some(submitted) = ctx.submitted_on() {
                if doc.date > submitted {
                    out.push(
                        Finding::new("section.document_date", pointer_push(&doc_path(), "date"))
                            .related("/submitted_on".into())
                            .with("date", doc.date.to_string())
                            .with("submitted_on", submitted.to_string()),
                    );
                }
            }
        }
    }
    required(ctx, &first_at, misnumbered, out);
}

/// `section.missing` and `section.not_applicable`: the sections the reporter's kind must fill.
/// Missing sections that misnumbered ones can account for are named in those findings instead.
fn required(
    ctx: &Context<'_>,
    present: &Map<u8, usize>,
    misnumbered: Vec<Finding>,
    out: &mut Findings,
) {
    let duty = ctx
        .reporter
        .zip(ctx.reporter_kind)
        .and_then(|(reporter, kind)| Some((ctx.profile.required_tasks(reporter)?, kind)));
    let Some((required, kind)) = duty else {
        out.extend(misnumbered);
        return;
    };
    let missing: Vec<u8> = required
        .iter()
        .copied()
        .filter(|t| !present.contains_key(t) && ctx.index.section(ctx.profile, *t).is_some())
        .collect();
    if !missing.is_empty() && misnumbered.len() >= missing.len() {
        let hint = Param::list(missing.iter().map(|t| Param::Count(u64::from(*t))));
        out.extend(
            misnumbered
                .into_iter()
                .map(|f| f.with("missing", hint.clone())),
        );
    } else {
        out.extend(misnumbered);
        for task in missing {
            let Some(def) = ctx.index.section(ctx.profile, task) else {
                continue;
            };
            out.push(
                Finding::new("section.missing", "/sections".into())
                    .with("task", u64::from(task))
                    .with("title", &def.title)
                    .with("reporter_kind", &kind.name),
            );
        }
    }
    for task in required {
        let Some(&i) = present.get(&task) else {
            continue;
        };
        if ctx.report.sections[i].status == SectionStatus::NotApplicable {
            out.push(
                Finding::new("section.not_applicable", format!("/sections/{i}/status"))
                    .with("task", u64::from(task))
                    .with("reporter_kind", &kind.name),
            );
        }
    }
}

/// The length in characters of `text` with its white space trimmed and collapsed to single
/// spaces, counted only as far as `enough` (a long narrative is not measured to its end).
fn said_length(text: &str, enough: usize) -> usize {
    let mut length = 0;
    for (n, word) in text.split_whitespace().enumerate() {
        length += word.chars().count() + usize::from(n > 0);
        if length >= enough {
            break;
        }
    }
    length
}

/// Whether `number` has the shape of a Vietnamese document number: a number, then `/` and the
/// symbol (*ký hiệu*), e.g. `12/KH-UBND`, `13/2021/TT-BLĐTBXH`, `06/QĐ-TTg`; party documents
/// put the kind before the slash, e.g. `28-CT/TW`.
pub(crate) fn is_document_number(number: &str) -> bool {
    let Some((head, tail)) = number.split_once('/') else {
        return false;
    };
    let (digits, kind) = head.split_once('-').unwrap_or((head, ""));
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (kind.is_empty() || symbol(kind, &[]))
        && symbol(tail, &['/', '-'])
}

/// Whether `text` is groups of Latin letters and digits separated by one of `separators`, no
/// group empty, and at least one letter. One pass over the characters (this runs for every
/// document of every report).
fn symbol(text: &str, separators: &[char]) -> bool {
    let (mut group, mut letter) = (0, false);
    for c in text.chars() {
        if separators.contains(&c) {
            if group == 0 {
                return false;
            }
            group = 0;
        } else if crate::text::case::is_letter(c) {
            (group, letter) = (group + 1, true);
        } else if c.is_ascii_digit() {
            group += 1;
        } else {
            return false;
        }
    }
    group > 0 && letter
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrative_length_collapses_white_space() {
        assert_eq!(said_length("  Đã   làm. ", 100), "Đã làm.".chars().count());
        assert_eq!(said_length("", 100), 0);
        assert!(said_length(&"dài ".repeat(1000), 20) >= 20);
    }

    /// The rule as first written, split by split: the one-pass version must agree with it.
    fn document_number_by_splits(number: &str) -> bool {
        let Some((head, tail)) = number.split_once('/') else {
            return false;
        };
        let (digits, kind) = head.split_once('-').unwrap_or((head, ""));
        let letter_or_digit = |c: char| c.is_ascii_digit() || crate::text::case::is_letter(c);
        let word = |w: &str| !w.is_empty() && w.chars().all(letter_or_digit);
        let head_ok = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (kind.is_empty() || (word(kind) && kind.chars().any(crate::text::case::is_letter)));
        let mut groups = tail.split(['/', '-']);
        head_ok
            && groups.clone().all(word)
            && groups.any(|g| g.chars().any(crate::text::case::is_letter))
    }

    #[test]
    fn document_numbers_agree_with_the_rule_split_by_split() {
        // Every text of up to six characters over an alphabet with each kind of character.
        let alphabet = ['1', 'K', 'Đ', '/', '-', ' '];
        let (mut texts, mut round) = (vec![String::new()], vec![String::new()]);
        for _ in 0..6 {
            round = round
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(round.iter().cloned());
        }
        assert!(texts.len() > 50_000);
        for text in &texts {
            assert_eq!(
                is_document_number(text),
                document_number_by_splits(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn document_numbers() {
        for ok in [
            "12/KH-UBND",
            "793/LĐTBXH-TE",
            "13/2021/TT-BLĐTBXH",
            "28-CT/TW",
            "06/QĐ-TTg",
            "34/TTr-SLĐTBXH",
            "202/2025/QH15",
            "5/2024/NĐ-CP",
            "1-NQ/TW",
        ] {
            assert!(is_document_number(ok), "{ok}");
        }
        for bad in [
            "",
            "12",
            "KH-UBND",
            "12/",
            "/KH",
            "Số 12/KH-UBND",
            "12 / KH-UBND",
            "12/KH--UBND",
            "12/2024",
            "a1/KH",
            "12-3/KH",
            "12-C-T/TW",
            "12/KH-",
            "12/-KH",
            "12/KH//UB",
            "12/KH UBND",
        ] {
            assert!(!is_document_number(bad), "{bad}");
        }
    }
}
