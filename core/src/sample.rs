//! Complete, consistent example reports generated from a profile.
//!
//! `treem example` prints one to start from; tests and benchmarks generate many. Figures are
//! drawn from a small deterministic generator seeded by the caller, so the same seed always gives
//! the same report. Every generated report satisfies the profile: breakdowns sum to their totals,
//! parts stay within their wholes (member by member where the relation says so), measures appear
//! only in the report kinds they belong to, and dates fall inside the period and before the due
//! date.

use crate::map::Map;

use chrono::Days;

use crate::catalog::Catalog;
use crate::date::CivilDate;
use crate::error::Error;
use crate::model::{
    Annex, Contact, Document, IndicatorValue, Measure, Quantity, Report, Reporter, Section,
    SectionStatus, Signatory,
};
use crate::profile::{MeasureDef, Profile, QuantityKind, ReporterDef, SectionDuty};

/// A small deterministic pseudo-random generator (SplitMix64). Not for cryptography.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high` (`low` when `high < low`).
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        if high <= low {
            return low;
        }
        let span = high - low;
        if span == u64::MAX {
            return self.next_u64();
        }
        low + self.next_u64() % (span + 1)
    }
}

/// Generates a complete example report of `kind` for `reporter` under `profile`.
///
/// # Errors
///
/// `unknown_report_kind` or `unknown_reporter` when the profile has no such kind or reporter;
/// `unknown_catalog` when the profile's catalog is not embedded.
///
/// # Example
///
/// ```
/// let profile = treem::Profile::default_profile();
/// let report = treem::sample::example(profile, "annual", "546", 7).unwrap();
/// assert_eq!(report.reporter.name, "Ủy ban nhân dân huyện Vĩnh Thạnh");
/// assert_eq!(report.sections.len(), 10);
/// assert!(treem::sample::example(profile, "quarterly", "546", 7).is_err());
/// ```
pub fn example(profile: &Profile, kind: &str, reporter: &str, seed: u64) -> Result<Report, Error> {
    let kind_def = profile.find_report_kind(kind)?;
    let who = profile
        .reporter(reporter)
        .ok_or_else(|| Error::unknown_reporter(reporter))?;
    let catalog = Catalog::embedded(&profile.catalog)
        .ok_or_else(|| Error::unknown_catalog(&profile.catalog))?;
    let mut rng = SplitMix64::new(seed ^ fnv1a(reporter) ^ fnv1a(kind).rotate_left(17));

    let due = kind_def.due.date.naive();
    let (start, end) = (kind_def.period.start.naive(), kind_def.period.end.naive());
    let clamp = |d: chrono::NaiveDate| CivilDate::from_naive(d.clamp(start, end)).ok();
    // The last day the due date allows however it is read (`before`: the day before), without
    // a roll forward, which could only allow later.
    let last_on_time = match kind_def.due.reading {
        crate::profile::Reading::Before => due.pred_opt(),
        crate::profile::Reading::By => Some(due),
    };
    // Submitted a few days before it, within the period; a draft (no date) when the due date
    // leaves no day of the period to submit on time (a due date before the period starts).
    let submitted_on = due
        .checked_sub_days(Days::new(rng.between(4, 9)))
        .and_then(clamp)
        .filter(|d| last_on_time.is_some_and(|last| d.naive() <= last));
    let data_as_of = submitted_on
        .and_then(|s| s.naive().checked_sub_days(Days::new(rng.between(3, 6))))
        .and_then(clamp);
    let district = profile
        .reporter_kind(&who.kind)
        .is_some_and(|k| k.sections == SectionDuty::All);

    let in_remit = |task: u8| district || who.remit.contains(&task);
    let sections = profile
        .sections
        .iter()
        .map(|s| {
            let mut section = Section {
                task: s.task,
                status: SectionStatus::NotApplicable,
                narrative: "Không thuộc phạm vi chức năng, nhiệm vụ của đơn vị.".to_owned(),
                documents: Vec::new(),
            };
            if in_remit(s.task) {
                section.status = if rng.between(0, 4) == 0 { SectionStatus::InProgress } else { SectionStatus::Done };
                section.narrative = format!(
                    "{} đã triển khai nội dung “{}”, phân công đơn vị chủ trì, phối hợp và theo dõi, đôn đốc thực hiện; kết quả cụ thể được tổng hợp tại các chỉ số của mục {}.",
                    unit_name(who),
                    s.title.vi,
                    s.task
                );
                if s.task == 1 {
                    // Issued in the period, and not after the report was sent.
                    let issued = start
                        .checked_add_days(Days::new(rng.between(20, 80)))
                        .map(|d| submitted_on.map_or(d, |s| d.min(s.naive())));
                    if let Some(date) = issued.and_then(clamp) {
                        section.documents.push(Document {
                            number: format!("{}/KH-{}", rng.between(10, 250), symbol(who)),
                            date,
                            title: format!("Kế hoạch thực hiện công tác trẻ em năm {}", profile.year),
                        });
                    }
                }
            }
            section
        })
        .collect();

    let factor = match (who.unit_type.as_deref(), who.mountainous, district) {
        (_, _, false) => 0.25,
        (_, true, _) => 0.45,
        (Some("city"), ..) => 1.6,
        (Some("town"), ..) => 1.2,
        _ => 1.0,
    };
    let share = if kind_def.period.end.month() <= 6 {
        0.45
    } else {
        1.0
    };
    let mut measures = std::collections::BTreeMap::new();
    let order = profile.measures_wholes_first().unwrap_or_default();
    let required = profile
        .reporter_kind(&who.kind)
        .map(|k| k.required_measures.as_slice())
        .unwrap_or_default();
    for def in order {
        // What the reporter's kind must report, and what lies in its remit.
        let must = required.iter().any(|r| r.measure == def.id);
        if !(must || in_remit(def.section)) || !belongs(def, kind) {
            continue;
        }
        let cumulative_share = if def.cumulative { share } else { 1.0 };
        let money = profile
            .unit(&def.unit)
            .is_some_and(|u| u.quantity == QuantityKind::Money);
        let measure = generate(
            profile,
            def,
            &measures,
            factor * cumulative_share,
            money,
            &mut rng,
        );
        measures.insert(def.id.clone(), measure);
    }
    // A B-tree while generating (wholes are looked up as parts are drawn, in any order), the
    // model's map after.
    let measures: Map<String, Measure> = measures.into_iter().collect();

    let mut indicators = Vec::new();
    if let Some(pop) = measures.get("children.population").map(|m| m.total.get()) {
        if catalog.by_id("i.child_population").is_some() {
            indicators.push(IndicatorValue {
                annex: None,
                code: None,
                id: Some("i.child_population".into()),
                value: pop as f64,
                numerator: None,
                denominator: None,
            });
        }
        if let Some(trained) = measures
            .get("online.children_trained")
            .map(|m| m.total.get())
        {
            // A share of the child population: only when it is one (the profile need not say
            // that the children trained are among them).
            if pop > 0 && trained <= pop && catalog.by_code(Annex::I, "0605").is_some() {
                indicators.push(IndicatorValue {
                    annex: Some(Annex::I),
                    code: Some("0605".into()),
                    id: None,
                    value: round1(trained as f64 * 100.0 / pop as f64),
                    numerator: Quantity::new(trained),
                    denominator: Quantity::new(pop),
                });
            }
        }
    }
    if let Some(abused) = measures.get("abuse.children").map(|m| m.total.get()) {
        if catalog.by_code(Annex::II, "0101").is_some() {
            indicators.push(IndicatorValue {
                annex: Some(Annex::II),
                code: Some("0101".into()),
                id: None,
                value: abused as f64,
                numerator: None,
                denominator: None,
            });
        }
    }

    Ok(Report {
        profile: profile.id.clone(),
        kind: kind.to_owned(),
        year: profile.year,
        reporter: Reporter {
            id: who.id.clone(),
            name: who.name.clone(),
        },
        submitted_on,
        data_as_of,
        estimated: Some(data_as_of.is_some_and(|d| d < kind_def.period.end)),
        prepared_by: Some(Contact {
            name: "Nguyễn Thị Thu Hà".to_owned(),
            position: Some(if district {
                "Chuyên viên Phòng Lao động - Thương binh và Xã hội".to_owned()
            } else {
                "Chuyên viên".to_owned()
            }),
            phone: Some("0256 3822 456".to_owned()),
            email: Some("thuha.ldtbxh@binhdinh.gov.vn".to_owned()),
        }),
        signed_by: Some(Signatory {
            name: "Trần Văn Phúc".to_owned(),
            title: if district {
                "KT. Chủ tịch, Phó Chủ tịch".to_owned()
            } else {
                "KT. Giám đốc, Phó Giám đốc".to_owned()
            },
        }),
        sections,
        measures,
        indicators,
    })
}

/// [`example`] as pretty JSON, for the default profile and seed 0.
///
/// # Errors
///
/// As [`example`].
pub fn example_json(kind: &str, reporter: &str) -> Result<String, Error> {
    example(Profile::default_profile(), kind, reporter, 0).map(|r| r.to_json_pretty())
}

fn belongs(def: &MeasureDef, kind: &str) -> bool {
    def.report_kinds
        .as_ref()
        .is_none_or(|kinds| kinds.iter().any(|k| k == kind))
}

fn unit_name(who: &ReporterDef) -> String {
    who.unit.clone().unwrap_or_else(|| who.name.clone())
}

/// The office symbol a reporter signs documents with, e.g. `UBND` or `SGDDT`.
fn symbol(who: &ReporterDef) -> String {
    if who.unit.is_some() {
        "UBND".to_owned()
    } else {
        who.id.replace('-', "").to_uppercase()
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Generates one measure within the bounds its wholes (already generated) set.
fn generate(
    profile: &Profile,
    def: &MeasureDef,
    done: &std::collections::BTreeMap<String, Measure>,
    factor: f64,
    money: bool,
    rng: &mut SplitMix64,
) -> Measure {
    // Within the largest figure even when every reporter's figures are summed (a scale may be
    // any `u64`; one of 10^17 would not fit a report at all).
    let most = crate::model::MAX_QUANTITY / 1024;
    let scale = ((def.scale.unwrap_or(10) as f64) * factor)
        .round()
        .clamp(1.0, most as f64) as u64;
    let mut total = rng.between(scale / 2, scale);
    if money {
        total = total / 1_000_000 * 1_000_000;
    }
    let drawn = total;
    // Caps from every relation in which this measure is the part.
    let mut member_caps: Map<&str, Map<&str, u64>> = Map::new();
    for rel in profile.relations.iter().filter(|r| r.part == def.id) {
        let Some(whole) = done.get(&rel.whole) else {
            continue;
        };
        total = total.min(whole.total.get());
        for dim in &rel.per {
            if let Some(members) = whole.by.get(dim) {
                let caps = member_caps.get_or_insert_with(dim.as_str(), Map::new);
                for (member, figure) in members {
                    let cap = caps.get_or_insert_with(member.as_str(), || u64::MAX);
                    *cap = (*cap).min(figure.get());
                }
            }
        }
    }
    for caps in member_caps.values() {
        total = total.min(caps.values().sum());
    }
    if total < drawn {
        // Bounded by a whole: take most of it, as reports do, rather than all of it.
        total = total * rng.between(70, 98) / 100;
    }
    let mut by = Map::new();
    for dim in &def.breakdowns {
        let Some(dimension) = profile.dimension(dim) else {
            continue;
        };
        let caps = member_caps.get(dim.as_str());
        let members: Vec<(&str, u64)> = dimension
            .members
            .iter()
            .map(|m| {
                (
                    m.id.as_str(),
                    caps.map_or(u64::MAX, |c| c.get(m.id.as_str()).copied().unwrap_or(0)),
                )
            })
            .collect();
        let split = split(total, &members, rng);
        by.insert(
            dim.clone(),
            split
                .into_iter()
                .map(|(m, n)| (m.to_owned(), Quantity::new(n).unwrap_or_default()))
                .collect(),
        );
    }
    Measure {
        total: Quantity::new(total).unwrap_or_default(),
        by,
    }
}

/// Splits `total` among members, none above its cap; `total` must not exceed the caps' sum.
fn split<'a>(total: u64, members: &[(&'a str, u64)], rng: &mut SplitMix64) -> Vec<(&'a str, u64)> {
    // Members of similar size: no member more than about twice another.
    let weights: Vec<u64> = members.iter().map(|_| rng.between(70, 130)).collect();
    let weight_sum: u64 = weights.iter().sum();
    let mut out: Vec<(&str, u64)> = members
        .iter()
        .zip(&weights)
        .map(|((id, cap), w)| {
            (
                *id,
                ((u128::from(total) * u128::from(*w) / u128::from(weight_sum)) as u64).min(*cap),
            )
        })
        .collect();
    // What rounding and the caps left over, given to the members with room, each as much as
    // it can take: one pass, whatever the figures.
    let mut left = total - out.iter().map(|(_, n)| n).sum::<u64>();
    for ((_, n), (_, cap)) in out.iter_mut().zip(members) {
        let more = left.min(cap.saturating_sub(*n));
        *n += more;
        left -= more;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_respects_total_and_caps() {
        let mut rng = SplitMix64::new(1);
        for total in 0..60 {
            let members = [("a", 10), ("b", 25), ("c", 30)];
            let s = split(total, &members, &mut rng);
            assert_eq!(s.iter().map(|(_, n)| n).sum::<u64>(), total);
            assert!(s.iter().zip(&members).all(|((_, n), (_, cap))| n <= cap));
        }
    }

    #[test]
    fn same_seed_same_report() {
        let p = Profile::default_profile();
        assert_eq!(
            example(p, "annual", "540", 3).unwrap(),
            example(p, "annual", "540", 3).unwrap()
        );
        assert_ne!(
            example(p, "annual", "540", 3).unwrap(),
            example(p, "annual", "540", 4).unwrap()
        );
    }
}
