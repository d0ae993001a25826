//! Hostile inputs of every shape found to cost more than their size, at any size: the inputs of
//! the linear-time test (instructions counted by valgrind at growing sizes), the bounded-memory
//! test (peak heap against input size) and `cargo bench -p treem-cli --bench hostile`.
//!
//! Each [`Shape`] makes its input for a size knob `n` (entries, characters, digits, measures,
//! reports: what the shape multiplies) and says how to run it, in process ([`run`]) or as a
//! `treem` command ([`Input::command`]).

use std::path::Path;

use serde_json::{Value, json};
use treem::Profile;

/// What a shape is: a report, a profile (loaded, then a report validated against it), a
/// calendar schedule file, or reports to consolidate.
#[derive(Clone, Debug)]
pub enum Input {
    /// Report JSON, validated against the profile it names.
    Report(String),
    /// Profile JSON: loaded, checked, then the Quy Nhơn example validated against it.
    Profile(String),
    /// A calendar schedule file, laid over the embedded calendar.
    Schedule(String),
    /// Report JSON texts, consolidated.
    Consolidation(Vec<String>),
}

impl Input {
    /// The total size in bytes.
    pub fn len(&self) -> usize {
        match self {
            Input::Report(t) | Input::Profile(t) | Input::Schedule(t) => t.len(),
            Input::Consolidation(ts) => ts.iter().map(String::len).sum(),
        }
    }

    /// Whether the input is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes the input under `dir` and returns the `treem` arguments that run it.
    ///
    /// # Errors
    ///
    /// A file that cannot be written.
    pub fn command(&self, dir: &Path) -> std::io::Result<Vec<String>> {
        std::fs::create_dir_all(dir)?;
        let file = |name: &str, text: &str| -> std::io::Result<String> {
            let path = dir.join(name);
            std::fs::write(&path, text)?;
            Ok(path.display().to_string())
        };
        let example = crate::root()
            .join("examples/quy-nhon-half-year-2024.json")
            .display()
            .to_string();
        let big = "--max-input-size=1G".to_owned();
        Ok(match self {
            Input::Report(t) => vec!["validate".into(), big, file("report.json", t)?],
            Input::Profile(t) => vec![
                "validate".into(),
                big,
                "--profile".into(),
                file("profile.json", t)?,
                example,
            ],
            Input::Schedule(t) => vec![
                "calendar".into(),
                big,
                "2026".into(),
                "--calendar".into(),
                file("schedule.json", t)?,
            ],
            Input::Consolidation(ts) => {
                let folder = dir.join("reports");
                std::fs::create_dir_all(&folder)?;
                for (i, t) in ts.iter().enumerate() {
                    std::fs::write(folder.join(format!("{i:06}.json")), t)?;
                }
                vec![
                    "consolidate".into(),
                    big,
                    "--jobs=1".into(),
                    folder.display().to_string(),
                ]
            }
        })
    }
}

/// A hostile shape: its name, what it is, and its input at size `n`.
#[derive(Clone, Copy)]
pub struct Shape {
    /// Short name.
    pub name: &'static str,
    /// What the input holds.
    pub about: &'static str,
    /// The size `n` at which the input is a few hundred kilobytes (the benchmark's 1×).
    pub base: usize,
    /// The size at which the work of the input outweighs treem's start (the linear-time test,
    /// which runs a debug build under valgrind, starts here).
    pub small: usize,
    /// The input at size `n`.
    pub make: fn(usize) -> Input,
}

impl std::fmt::Debug for Shape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// The header of a report from Quy Nhơn (a valid reporter: rules run).
fn head() -> serde_json::Map<String, Value> {
    let v = json!({ "profile": "binh-dinh-2024", "kind": "half_year", "year": 2024,
        "reporter": { "id": "540", "name": "x" } });
    v.as_object().cloned().unwrap_or_default()
}

fn report(extra: Value) -> Input {
    let mut doc = head();
    if let Value::Object(extra) = extra {
        doc.extend(extra);
    }
    Input::Report(Value::Object(doc).to_string())
}

/// The Quy Nhơn example as a JSON value.
fn example() -> Value {
    serde_json::from_str(include_str!("../../examples/quy-nhon-half-year-2024.json"))
        .unwrap_or_default()
}

/// The embedded profile as a JSON value.
fn profile() -> Value {
    serde_json::to_value(Profile::default_profile()).unwrap_or_default()
}

/// Every shape.
pub const SHAPES: &[Shape] = &[
    Shape {
        name: "sections_of_numbers",
        about: "sections: [1, 1, …] with a valid reporter (was quadratic)",
        base: 100_000,
        small: 12000,
        make: |n| report(json!({ "sections": vec![1; n] })),
    },
    Shape {
        name: "indicators_of_numbers",
        about: "indicators: [1, 1, …] (was quadratic)",
        base: 100_000,
        small: 12000,
        make: |n| report(json!({ "indicators": vec![1; n] })),
    },
    Shape {
        name: "documents_in_sections",
        about: "sections of 500 well-formed documents each",
        base: 5_000,
        small: 1000,
        make: |n| {
            let doc = json!({ "number": "12/KH-UBND", "date": "2024-03-20", "title": "Kế hoạch" });
            let per = 500.min(n.max(1));
            let section = json!({ "task": 1, "status": "done",
                "narrative": "Đã triển khai đầy đủ các nội dung của nhiệm vụ.",
                "documents": vec![doc; per] });
            report(json!({ "sections": vec![section; n.div_ceil(per)] }))
        },
    },
    Shape {
        name: "broken_documents",
        about: "sections of 500 documents that are numbers: a structural problem each",
        base: 20_000,
        small: 4000,
        make: |n| {
            let per = 500.min(n.max(1));
            let section = json!({ "task": 1, "status": "done", "documents": vec![1; per] });
            report(json!({ "sections": vec![section; n.div_ceil(per)] }))
        },
    },
    Shape {
        name: "unknown_measures",
        about: "measures the profile does not have",
        base: 20_000,
        small: 4000,
        make: |n| {
            let measures: serde_json::Map<String, Value> = (0..n)
                .map(|i| (format!("x.m{i:07}"), json!({ "total": 1 })))
                .collect();
            report(json!({ "measures": measures }))
        },
    },
    Shape {
        name: "unknown_keys_descending",
        about: "unknown keys at the root, in descending order",
        base: 20_000,
        small: 4000,
        make: |n| {
            let keys: Vec<String> = (0..n).rev().map(|i| format!("\"k{i:08}\":1")).collect();
            Input::Report(format!(
                "{{\"profile\":\"binh-dinh-2024\",\"kind\":\"half_year\",\"year\":2024,\"reporter\":{{\"id\":\"540\",\"name\":\"x\"}},{}}}",
                keys.join(",")
            ))
        },
    },
    Shape {
        name: "members_of_a_breakdown",
        about: "one breakdown with members the dimension does not have",
        base: 20_000,
        small: 4000,
        make: |n| {
            let members: serde_json::Map<String, Value> =
                (0..n).map(|i| (format!("m{i:07}"), json!(1))).collect();
            let mut doc = example();
            doc["measures"]["abuse.children"] = json!({ "total": 3, "by": { "sex": members } });
            Input::Report(doc.to_string())
        },
    },
    Shape {
        name: "long_reporter_name",
        about: "a reporter name of n words (compared with the profile's)",
        base: 50_000,
        small: 3000,
        make: |n| {
            let mut doc = example();
            doc["reporter"]["name"] = json!("Ủy ban ".repeat(n));
            Input::Report(doc.to_string())
        },
    },
    Shape {
        name: "decomposed_narrative",
        about: "a narrative in NFD: n letters each with a combining mark",
        base: 100_000,
        small: 12000,
        make: |n| {
            let mut doc = example();
            doc["sections"][0]["narrative"] = json!("a\u{301}".repeat(n));
            Input::Report(doc.to_string())
        },
    },
    Shape {
        name: "long_number",
        about: "a figure of n digits",
        base: 200_000,
        small: 25000,
        make: |n| {
            let text = example().to_string();
            let total = format!("\"abuse.cases\":{{\"total\":1{}}}", "0".repeat(n));
            Input::Report(text.replacen("\"abuse.cases\":{\"total\":2}", &total, 1))
        },
    },
    Shape {
        name: "duplicate_sections",
        about: "sections, all for task 1",
        base: 5_000,
        small: 1000,
        make: |n| {
            let section = json!({ "task": 1, "status": "done",
                "narrative": "Đã triển khai đầy đủ các nội dung của nhiệm vụ." });
            report(json!({ "sections": vec![section; n] }))
        },
    },
    Shape {
        name: "deep_unknown_values",
        about: "unknown keys holding values nested 100 deep",
        base: 1_000,
        small: 200,
        make: |n| {
            let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
            let keys: Vec<String> = (0..n).map(|i| format!("\"k{i:07}\":{deep}")).collect();
            Input::Report(format!(
                "{{\"profile\":\"binh-dinh-2024\",\"kind\":\"half_year\",\"year\":2024,\"reporter\":{{\"id\":\"540\",\"name\":\"x\"}},{}}}",
                keys.join(",")
            ))
        },
    },
    Shape {
        name: "profile_relation_chain",
        about: "a profile of n measures, each part of the next (loading was quadratic)",
        base: 5_000,
        small: 300,
        make: |n| {
            let mut p = profile();
            let unit = p["units"][0]["id"].clone();
            let measures = p["measures"]
                .as_array_mut()
                .map(std::mem::take)
                .unwrap_or_default();
            let mut all = measures;
            all.extend((0..n).map(|i| {
                json!({ "id": format!("c.m{i}"), "section": 1, "unit": unit,
                    "cumulative": true, "name": { "vi": "x", "en": "x" } })
            }));
            p["measures"] = Value::Array(all);
            let relations = p["relations"]
                .as_array_mut()
                .map(std::mem::take)
                .unwrap_or_default();
            let mut rel = relations;
            rel.extend(
                (1..n).map(
                    |i| json!({ "part": format!("c.m{i}"), "whole": format!("c.m{}", i - 1) }),
                ),
            );
            p["relations"] = Value::Array(rel);
            Input::Profile(p.to_string())
        },
    },
    Shape {
        name: "profile_dimension_members",
        about: "a profile whose first dimension has n members",
        base: 20_000,
        small: 600,
        make: |n| {
            let mut p = profile();
            p["dimensions"][0]["members"] = (0..n)
                .map(|i| json!({ "id": format!("m{i}"), "name": { "vi": "x", "en": "x" } }))
                .collect();
            Input::Profile(p.to_string())
        },
    },
    Shape {
        name: "profile_reporters",
        about: "a profile of n reporters",
        base: 20_000,
        small: 600,
        make: |n| {
            let mut p = profile();
            let kind = p["reporters"][0]["kind"].clone();
            let reporters = p["reporters"]
                .as_array_mut()
                .map(std::mem::take)
                .unwrap_or_default();
            let mut all = reporters;
            all.extend((0..n).map(|i| {
                json!({ "id": format!("r{i:07}"), "kind": kind, "name": "x", "provenance": "inferred" })
            }));
            p["reporters"] = Value::Array(all);
            Input::Profile(p.to_string())
        },
    },
    Shape {
        name: "profile_broken_references",
        about: "a profile of n measures naming a unit that does not exist: n problems",
        base: 10_000,
        small: 600,
        make: |n| {
            let mut p = profile();
            let measures = p["measures"]
                .as_array_mut()
                .map(std::mem::take)
                .unwrap_or_default();
            let mut all = measures;
            all.extend((0..n).map(|i| {
                json!({ "id": format!("b.m{i}"), "section": 1, "unit": "nope",
                    "cumulative": true, "name": { "vi": "x", "en": "x" } })
            }));
            p["measures"] = Value::Array(all);
            Input::Profile(p.to_string())
        },
    },
    Shape {
        name: "schedule_days_out_of_year",
        about: "a schedule year listing n days of other years: n problems",
        base: 20_000,
        small: 1200,
        make: |n| {
            let days: serde_json::Map<String, Value> = (0..n)
                .map(|i| {
                    let day = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default()
                        + chrono::Duration::days(i as i64);
                    (
                        day.format("%Y-%m-%d").to_string(),
                        json!({ "occasion": "new_year", "role": "holiday" }),
                    )
                })
                .collect();
            Input::Schedule(
                json!({ "format": 2, "years": { "2026": { "status": "official",
                    "mode": "changes", "basis": "x", "days": days } } })
                .to_string(),
            )
        },
    },
    Shape {
        name: "consolidation_of_reports",
        about: "n reports of the profile's reporters (each sent many times)",
        base: 2_000,
        small: 60,
        make: |n| {
            let profile = Profile::default_profile();
            let reporters = &profile.reporters;
            Input::Consolidation(
                (0..n)
                    .map(|i| {
                        let who = &reporters[i % reporters.len()];
                        treem::sample::example(profile, "half_year", &who.id, i as u64)
                            .map(|r| r.to_json_pretty())
                            .unwrap_or_default()
                    })
                    .collect(),
            )
        },
    },
];

/// Runs `input` in process, as `treem` would: validation, profile loading (and one
/// validation), schedule loading, or consolidation. The outcome is returned so that the work
/// cannot be optimised away.
pub fn run(input: &Input) -> usize {
    let limits = treem::Limits {
        max_input_bytes: usize::MAX,
    };
    match input {
        Input::Report(text) => {
            let validator =
                treem::Validator::embedded("binh-dinh-2024").map(|v| v.clone().with_limits(limits));
            validator
                .ok()
                .and_then(|v| v.validate_json(text).ok())
                .map_or(0, |v| v.findings.len())
        }
        Input::Profile(text) => match Profile::from_json(text) {
            Err(e) => e.problems().len(),
            Ok(profile) => treem::Validator::new(profile)
                .ok()
                .and_then(|v| {
                    v.validate_json(include_str!("../../examples/quy-nhon-half-year-2024.json"))
                        .ok()
                })
                .map_or(0, |v| v.findings.len()),
        },
        Input::Schedule(text) => match treem::Calendar::embedded().with_schedule_json(text) {
            Err(e) => e.problems().len(),
            Ok(cal) => cal.year(2026).map_or(0, |y| y.days.len()),
        },
        Input::Consolidation(texts) => {
            let Ok(validator) = treem::Validator::embedded("binh-dinh-2024") else {
                return 0;
            };
            treem::consolidate::consolidate(
                validator,
                Some("half_year"),
                texts.iter().map(String::as_str),
                None,
            )
            .map_or(0, |c| c.findings.len())
        }
    }
}
