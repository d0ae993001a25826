//! The indicator catalog of Circular 13/2021/TT-BLĐTBXH (*Bộ chỉ tiêu thống kê về tình hình trẻ
//! em và tình hình xâm hại trẻ em, xử lý vi phạm hành chính đối với các hành vi xâm hại trẻ em*),
//! as data.
//!
//! The full annex tables of the circular are not public in a form we could read, so the embedded
//! catalog is partial and says so: each entry carries its [`Provenance`], and a code only where
//! one was read. Codes are four digits `GGNN` (group, running number); annex II restarts at
//! `0101`, so an indicator's key is the pair (annex, code), or its catalog id when the code is
//! unknown.

use crate::map::Map;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Problem};
use crate::i18n::Label;
use crate::model::{Annex, IndicatorValue};
use crate::profile::Provenance;
use crate::text::{de_nfc, de_some_nfc};

/// The embedded catalogs: id and JSON text. Adding a catalog is adding a line here.
const EMBEDDED: &[(&str, &str)] = &[(
    "circular-13-2021",
    include_str!("../data/catalogs/circular-13-2021.json"),
)];

/// An indicator catalog: the indicator set of one legal instrument.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "treem indicator catalog")]
pub struct Catalog {
    /// Data format version; 1.
    pub format: u32,
    /// Catalog id, e.g. `circular-13-2021`; profiles name it.
    pub id: String,
    /// The instrument that defines the indicators.
    #[serde(deserialize_with = "de_nfc")]
    pub instrument: String,
    /// The instrument's title.
    pub title: Label,
    /// What the catalog covers and what it lacks, in plain words.
    #[serde(deserialize_with = "de_nfc")]
    pub coverage: String,
    /// The annexes (*phụ lục*) of the instrument.
    pub annexes: Vec<AnnexInfo>,
    /// Indicator groups (*nhóm*) known by name.
    pub groups: Vec<Group>,
    /// The indicators.
    pub indicators: Vec<Indicator>,
}

/// An annex of the instrument.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnexInfo {
    /// Which annex.
    pub annex: Annex,
    /// Its title.
    pub name: Label,
}

/// An indicator group within an annex: the first two digits of a code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The annex.
    pub annex: Annex,
    /// Two-digit group number, e.g. `06`.
    pub group: String,
    /// Group name.
    pub name: Label,
}

/// One statistical indicator (*chỉ tiêu thống kê*).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable catalog id, e.g. `i.online_safety_reached`; part of the public contract.
    pub id: String,
    /// The annex that lists it.
    pub annex: Annex,
    /// Four-digit code `GGNN` within the annex; absent where not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Two-digit group; absent where not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Whether the entry was read in the instrument or is a likely member not yet confirmed.
    pub provenance: Provenance,
    /// Exact Vietnamese name (NFC) and an English gloss.
    pub name: Label,
    /// What the figure counts or measures.
    pub unit: IndicatorUnit,
    /// How a share or rate is computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<Formula>,
    /// Main disaggregation (*phân tổ chủ yếu*), as far as known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disaggregation: Vec<String>,
    /// Publication period (*kỳ công bố*), e.g. `yearly`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periodicity: Option<String>,
    /// Data source (*nguồn số liệu*).
    #[serde(
        default,
        deserialize_with = "de_some_nfc",
        skip_serializing_if = "Option::is_none"
    )]
    pub source: Option<String>,
    /// Body responsible for collection (*cơ quan chủ trì*).
    #[serde(
        default,
        deserialize_with = "de_some_nfc",
        skip_serializing_if = "Option::is_none"
    )]
    pub lead: Option<String>,
    /// National targets for the indicator (reference lines for warnings, never errors).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    /// Anything else a reader should know, e.g. what is missing from the copy read.
    #[serde(
        default,
        deserialize_with = "de_some_nfc",
        skip_serializing_if = "Option::is_none"
    )]
    pub notes: Option<String>,
}

/// The unit of an indicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorUnit {
    /// What kind of figure it is.
    pub kind: IndicatorKind,
    /// For rates: per how many (100, 1,000, 100,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<u32>,
    /// The unit as written.
    pub name: Label,
}

/// What kind of figure an indicator is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// A count (*số lượng*).
    Count,
    /// A percentage, 0–100 (*tỷ lệ*).
    Share,
    /// A count and the share it makes (*số lượng, tỷ lệ*); the value is the share.
    CountAndShare,
    /// A rate per `per` (*tỷ suất*, *tỷ số*).
    Rate,
}

/// A national target for an indicator, e.g. of the National Programme of Action for Children
/// 2021–2030 (Decision 23/QĐ-TTg).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The year the target is set for.
    pub year: u16,
    /// Whether the value should be at least (`min`) or at most (`max`) the target.
    pub bound: Bound,
    /// The target value, in the indicator's unit.
    pub value: f64,
    /// The instrument that sets it.
    #[serde(deserialize_with = "de_nfc")]
    pub source: String,
}

/// Which side of a target is good.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The value should be at least the target.
    Min,
    /// The value should be at most the target.
    Max,
}

/// How a share or rate is computed: numerator ÷ denominator × multiplier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Formula {
    /// What is counted above the line.
    pub numerator: Label,
    /// What is counted below the line.
    pub denominator: Label,
    /// 100 for a percentage, 1,000 or 100,000 for rates.
    pub multiplier: u32,
    /// Whether the formula was read in a source or inferred from the indicator's name.
    pub provenance: Provenance,
}

impl Catalog {
    /// Parses and checks a catalog from JSON.
    ///
    /// # Errors
    ///
    /// Code `invalid_catalog`, listing every problem with its JSON Pointer: a JSON or shape error,
    /// or duplicate ids or codes, a code not of four digits or not matching its group, a rate
    /// without `per`, a formula whose multiplier disagrees with the unit.
    pub fn from_json(text: &str) -> Result<Catalog, Error> {
        crate::decode::from_text(text, read::catalog)
            .check(Catalog::check)
            .map_err(Error::invalid_catalog)
    }

    /// The embedded catalog with this id, if any (`circular-13-2021`).
    pub fn embedded(id: &str) -> Option<&'static Catalog> {
        static CACHE: [OnceLock<Catalog>; EMBEDDED.len()] =
            [const { OnceLock::new() }; EMBEDDED.len()];
        let index = EMBEDDED.iter().position(|(known, _)| *known == id)?;
        // Read, not checked again: a test checks every embedded catalog as `from_json` would.
        Some(CACHE[index].get_or_init(|| {
            crate::decode::from_text(EMBEDDED[index].1, read::catalog).embedded(id)
        }))
    }

    /// Finds an embedded catalog by id.
    ///
    /// # Errors
    ///
    /// Code `unknown_catalog` when no embedded catalog has this id.
    pub fn find_embedded(id: &str) -> Result<&'static Catalog, Error> {
        Catalog::embedded(id).ok_or_else(|| Error::unknown_catalog(id))
    }

    /// The JSON text of an embedded catalog, as embedded (for callers that pass it on without
    /// needing the typed form).
    ///
    /// # Errors
    ///
    /// Code `unknown_catalog` when no embedded catalog has this id.
    pub fn embedded_json(id: &str) -> Result<&'static str, Error> {
        EMBEDDED
            .iter()
            .find(|(known, _)| *known == id)
            .map(|(_, text)| *text)
            .ok_or_else(|| Error::unknown_catalog(id))
    }

    /// The ids of the embedded catalogs.
    pub fn embedded_ids() -> impl Iterator<Item = &'static str> {
        EMBEDDED.iter().map(|(id, _)| *id)
    }

    /// The indicator with this catalog id.
    pub fn by_id(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The indicator with this annex and code.
    pub fn by_code(&self, annex: Annex, code: &str) -> Option<&Indicator> {
        self.indicators
            .iter()
            .find(|i| i.annex == annex && i.code.as_deref() == Some(code))
    }

    fn check(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        problems.extend(Problem::unsupported_format(self.format, &[1]));
        let repeated_ids = crate::util::repeated(self.indicators.iter().map(|i| i.id.as_str()));
        let repeated_codes = crate::util::repeated(
            self.indicators
                .iter()
                .enumerate()
                .map(|(i, ind)| (ind.annex, ind.code.as_deref().ok_or(i))),
        );
        for (i, ind) in self.indicators.iter().enumerate() {
            let at = |field: &str| format!("/indicators/{i}/{field}");
            let id = &ind.id;
            if id.is_empty() || repeated_ids.binary_search(&i).is_ok() {
                problems.push(Problem::new(
                    at("id"),
                    format!("Mã chỉ tiêu “{id}” để trống hoặc bị ghi hai lần"),
                    format!("indicator id “{id}” is empty or given twice"),
                ));
            }
            let annex = ind.annex.as_str();
            if let Some(code) = &ind.code {
                if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
                    problems.push(Problem::new(
                        at("code"),
                        format!("Mã số “{code}” phải gồm bốn chữ số GGNN"),
                        format!("code “{code}” is not four digits GGNN"),
                    ));
                } else if let Some(group) = &ind.group {
                    if !code.starts_with(group.as_str()) {
                        problems.push(Problem::new(
                            at("group"),
                            format!("Nhóm “{group}” không khớp với mã số “{code}”"),
                            format!("group “{group}” does not match code “{code}”"),
                        ));
                    }
                }
                if repeated_codes.binary_search(&i).is_ok() {
                    problems.push(Problem::new(
                        at("code"),
                        format!("Mã số {code} của phụ lục {annex} bị ghi hai lần"),
                        format!("annex {annex} code {code} is given twice"),
                    ));
                }
            }
            if let Some(group) = &ind.group {
                if !self
                    .groups
                    .iter()
                    .any(|g| g.annex == ind.annex && &g.group == group)
                {
                    problems.push(Problem::new(
                        at("group"),
                        format!("Nhóm “{group}” chưa được khai báo cho phụ lục {annex}"),
                        format!("group “{group}” is not declared for annex {annex}"),
                    ));
                }
            }
            if ind.unit.kind == IndicatorKind::Rate && ind.unit.per.is_none() {
                problems.push(Problem::new(
                    at("unit/per"),
                    "Chỉ tiêu tỷ suất cần ghi “per” (tính trên bao nhiêu)".to_owned(),
                    "a rate needs “per”".to_owned(),
                ));
            }
            if let Some(formula) = &ind.formula {
                let expected = match ind.unit.kind {
                    IndicatorKind::Share | IndicatorKind::CountAndShare => Some(100),
                    IndicatorKind::Rate => ind.unit.per,
                    IndicatorKind::Count => None,
                };
                let multiplier = formula.multiplier;
                if expected != Some(multiplier) {
                    problems.push(Problem::new(
                        at("formula/multiplier"),
                        format!("Hệ số nhân {multiplier} không phù hợp với đơn vị của chỉ tiêu"),
                        format!("multiplier {multiplier} does not fit the unit"),
                    ));
                }
            }
        }
        problems
    }
}

/// The indicators of a catalog by id and by (annex, code), so that each indicator value of a
/// report is looked up in log time. The first of repeated ids wins.
#[derive(Debug, Clone, Default)]
pub(crate) struct CatalogIndex {
    by_id: Map<String, usize>,
    /// By `annex code`, e.g. `I 0605`.
    by_code: Map<String, usize>,
}

impl CatalogIndex {
    /// The index of `catalog`.
    pub(crate) fn new(catalog: &Catalog) -> CatalogIndex {
        let by_id = crate::profile::positions(catalog.indicators.iter().map(|i| i.id.clone()));
        // Indicators without a code get a key no code has.
        let by_code = crate::profile::positions(catalog.indicators.iter().map(|i| match &i.code {
            Some(code) => format!("{} {code}", i.annex.as_str()),
            None => String::new(),
        }));
        CatalogIndex { by_id, by_code }
    }

    /// The indicator of `catalog` with this id.
    pub(crate) fn by_id<'c>(&self, catalog: &'c Catalog, id: &str) -> Option<&'c Indicator> {
        self.by_id.get(id).map(|&i| &catalog.indicators[i])
    }

    /// The position in `catalog` of the indicator an indicator value names (by code, else by
    /// id), if any.
    pub(crate) fn position(&self, value: &IndicatorValue) -> Option<usize> {
        match (value.annex, &value.code, &value.id) {
            (Some(annex), Some(code), _) => self
                .by_code
                .get(format!("{} {code}", annex.as_str()).as_str())
                .copied(),
            (_, _, Some(id)) => self.by_id.get(id.as_str()).copied(),
            _ => None,
        }
    }

    /// The indicator of `catalog` with this annex and code.
    pub(crate) fn by_code<'c>(
        &self,
        catalog: &'c Catalog,
        annex: Annex,
        code: &str,
    ) -> Option<&'c Indicator> {
        self.by_code
            .get(format!("{} {code}", annex.as_str()).as_str())
            .map(|&i| &catalog.indicators[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Embedded catalogs are read without being checked at run time: this is the check.
    #[test]
    fn every_embedded_catalog_passes_every_check() {
        for (id, text) in EMBEDDED {
            let checked = Catalog::from_json(text).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(Some(&checked), Catalog::embedded(id), "{id}");
        }
    }

    #[test]
    fn embedded_catalog_loads_and_has_known_codes() {
        let catalog = Catalog::embedded("circular-13-2021").unwrap();
        assert_eq!(
            catalog.by_code(Annex::I, "0605").unwrap().id,
            "i.online_safety_reached"
        );
        assert_eq!(
            catalog.by_code(Annex::II, "0101").unwrap().name.vi,
            "Số trẻ em bị xâm hại"
        );
        assert!(catalog.by_code(Annex::I, "0101").is_none());
    }

    #[test]
    fn bad_catalog_names_every_problem() {
        let mut value: serde_json::Value = serde_json::from_str(EMBEDDED[0].1).unwrap();
        value["indicators"][1]["id"] = "i.child_population".into();
        value["indicators"][14]["code"] = "605".into();
        let err = Catalog::from_json(&value.to_string()).unwrap_err();
        assert_eq!(err.code(), "invalid_catalog");
        let text = err.to_string();
        assert!(text.contains("/indicators/1/id"), "{text}");
        assert!(text.contains("/indicators/14/code"), "{text}");
    }
}

/// Reading a catalog file (see [`crate::decode`]).
pub(crate) mod read {
    use super::*;
    use crate::decode::{Obj, Problems, Value, float, string, u32_};

    pub(crate) fn catalog(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Catalog> {
        let known = [
            "format",
            "id",
            "instrument",
            "title",
            "coverage",
            "annexes",
            "groups",
            "indicators",
        ];
        let o = Obj::new(v, at, &known, cx)?;
        Some(Catalog {
            format: o.req("format", u32_).unwrap_or(1),
            id: o.string("id"),
            instrument: o.string("instrument"),
            title: o.label("title"),
            coverage: o.string("coverage"),
            annexes: o.list("annexes", annex_info),
            groups: o.list("groups", group),
            indicators: o.list("indicators", indicator),
        })
    }

    fn annex_info(v: &Value<'_>, at: &str, cx: &Problems) -> Option<AnnexInfo> {
        let o = Obj::new(v, at, &["annex", "name"], cx)?;
        Some(AnnexInfo {
            annex: o.named("annex"),
            name: o.label("name"),
        })
    }

    fn group(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Group> {
        let o = Obj::new(v, at, &["annex", "group", "name"], cx)?;
        Some(Group {
            annex: o.named("annex"),
            group: o.string("group"),
            name: o.label("name"),
        })
    }

    fn indicator(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Indicator> {
        let known = [
            "id",
            "annex",
            "code",
            "group",
            "provenance",
            "name",
            "unit",
            "formula",
            "disaggregation",
            "periodicity",
            "source",
            "lead",
            "targets",
            "notes",
        ];
        let o = Obj::new(v, at, &known, cx)?;
        Some(Indicator {
            id: o.string("id"),
            annex: o.named("annex"),
            code: o.opt_string("code"),
            group: o.opt_string("group"),
            provenance: o.named("provenance"),
            name: o.label("name"),
            unit: o.req("unit", indicator_unit).unwrap_or(IndicatorUnit {
                kind: IndicatorKind::Count,
                per: None,
                name: Label::default(),
            }),
            formula: o.opt("formula", formula),
            disaggregation: o.opt_list("disaggregation", string),
            periodicity: o.opt_string("periodicity"),
            source: o.opt_string("source"),
            lead: o.opt_string("lead"),
            targets: o.opt_list("targets", target),
            notes: o.opt_string("notes"),
        })
    }

    fn indicator_unit(v: &Value<'_>, at: &str, cx: &Problems) -> Option<IndicatorUnit> {
        let o = Obj::new(v, at, &["kind", "per", "name"], cx)?;
        Some(IndicatorUnit {
            kind: o.named("kind"),
            per: o.opt("per", u32_),
            name: o.label("name"),
        })
    }

    fn target(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Target> {
        let o = Obj::new(v, at, &["year", "bound", "value", "source"], cx)?;
        Some(Target {
            year: u16::try_from(o.uint("year", u64::from(u16::MAX))).unwrap_or_default(),
            bound: o.named("bound"),
            value: o.req("value", float).unwrap_or_default(),
            source: o.string("source"),
        })
    }

    fn formula(v: &Value<'_>, at: &str, cx: &Problems) -> Option<Formula> {
        let o = Obj::new(
            v,
            at,
            &["numerator", "denominator", "multiplier", "provenance"],
            cx,
        )?;
        Some(Formula {
            numerator: o.label("numerator"),
            denominator: o.label("denominator"),
            multiplier: o.req("multiplier", u32_).unwrap_or(100),
            provenance: o.named("provenance"),
        })
    }
}
