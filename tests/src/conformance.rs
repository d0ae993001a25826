//! The conformance run behind `treem conformance`: every vector, then every property with a
//! seed, summed up per rule.

use std::path::PathBuf;

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRng, TestRunner};
use serde_json::{Value, json};
use treem::RULES;
use treem::sample::SplitMix64;

use crate::generate::{arb_report, arb_style};
use crate::properties;
use crate::vectors::{self, Case, LoadError, Suite};

/// Generated cases per property when not told otherwise.
pub const DEFAULT_CASES: u32 = 64;
/// The seed when not told otherwise.
pub const DEFAULT_SEED: u64 = 2024;

/// What to run.
#[derive(Clone, Debug)]
pub struct Options {
    /// The vector folder (with `validation/`, `deadlines/`, `calendar/` and `consolidation/`
    /// inside).
    pub vectors: PathBuf,
    /// Generated cases per property.
    pub cases: u32,
    /// The seed every generator starts from; the same seed gives the same cases.
    pub seed: u64,
    /// Only this rule (or check name), for reproducing a failure.
    pub only: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            vectors: default_vectors(),
            cases: DEFAULT_CASES,
            seed: DEFAULT_SEED,
            only: None,
        }
    }
}

/// The repository's own vectors, `tests/vectors/`.
pub fn default_vectors() -> PathBuf {
    crate::root().join("tests").join("vectors")
}

/// One line of the table: a rule, a vector suite or a property.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    /// Rule code, `deadlines`, `calendar`, or `property: …`.
    pub name: String,
    /// Vectors that gave their expected result.
    pub vectors_passed: usize,
    /// Vectors that did not.
    pub vectors_failed: usize,
    /// Vectors in which the rule is expected to fire.
    pub fires: usize,
    /// Vectors about the rule in which it is expected to hold.
    pub holds: usize,
    /// Generated cases checked.
    pub generated: u32,
    /// Whether the property over the generated cases failed.
    pub generated_failed: bool,
    /// A remark (`reserved: …`).
    pub note: Option<String>,
}

/// A failed check: what, why, and how to see it again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The vector (`validation/header.year.json#2`) or property and rule.
    pub check: String,
    /// What differed.
    pub detail: String,
    /// The command that runs it again, for a generated case.
    pub reproduce: Option<String>,
    /// A generated failing input written as a validation vector case, ready to keep.
    pub vector: Option<Value>,
}

/// The outcome of a run.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    /// One row per rule, suite and property, in the order of `treem rules`.
    pub rows: Vec<Row>,
    /// Every failure.
    pub failures: Vec<Failure>,
}

impl Summary {
    /// Checks passed: each vector, and each property run over its generated cases, is one.
    pub fn passed(&self) -> usize {
        self.rows
            .iter()
            .map(|r| r.vectors_passed + usize::from(r.generated > 0 && !r.generated_failed))
            .sum()
    }

    /// Checks failed.
    pub fn failed(&self) -> usize {
        self.rows
            .iter()
            .map(|r| r.vectors_failed + usize::from(r.generated_failed))
            .sum()
    }

    /// Generated cases checked in all.
    pub fn generated(&self) -> u64 {
        self.rows.iter().map(|r| u64::from(r.generated)).sum()
    }
}

/// A property run over its generated cases: `Err` says how it failed.
type Property = dyn Fn(&mut TestRunner) -> Result<(), String>;

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A runner for one property, seeded from the run's seed and the property's name, so each
/// property can be rerun alone and gets the same cases.
fn runner(opts: &Options, name: &str) -> TestRunner {
    let mut mix = SplitMix64::new(opts.seed ^ fnv1a(name));
    let seed: Vec<u8> = (0..4).flat_map(|_| mix.next_u64().to_le_bytes()).collect();
    let config = Config {
        cases: opts.cases,
        failure_persistence: None,
        max_global_rejects: opts.cases.saturating_mul(50).max(1024),
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed))
}

fn reproduce(opts: &Options, name: &str) -> String {
    format!(
        "treem conformance --seed {} --cases {} --only {name}",
        opts.seed, opts.cases
    )
}

fn wanted(opts: &Options, name: &str) -> bool {
    opts.only.as_deref().is_none_or(|only| only == name)
}

/// Runs the vectors under `opts.vectors` and the properties; `progress` hears of each step.
///
/// # Errors
///
/// A vector folder or file that cannot be read.
pub fn run(opts: &Options, progress: &mut dyn FnMut(&str)) -> Result<Summary, LoadError> {
    let cases = vectors::load(&opts.vectors)?;
    if cases.is_empty() {
        return Err(LoadError(format!(
            "{}: no vector files (expected validation/, deadlines/ and calendar/ folders)",
            opts.vectors.display()
        )));
    }
    let mut summary = Summary::default();

    // Rules, in the order of `treem rules`.
    for rule in RULES {
        if !wanted(opts, rule.code) {
            continue;
        }
        progress(rule.code);
        let mut row = Row {
            name: rule.code.to_owned(),
            note: crate::mutate::without_mutator(rule.code).map(str::to_owned),
            ..Row::default()
        };
        for case in cases
            .iter()
            .filter(|c| c.rule.as_deref() == Some(rule.code))
        {
            count_vector(case, &mut row, &mut summary.failures);
            if let Some(codes) = vectors::expected_codes(case) {
                if codes.iter().any(|code| code == rule.code) {
                    row.fires += 1;
                } else {
                    row.holds += 1;
                }
            }
        }
        if let Some(defect) = crate::mutate::defect(rule.code) {
            let mut runner = runner(opts, rule.code);
            let strategy = (Just(defect), arb_report(), any::<u64>(), arb_style());
            let result = runner.run(&strategy, |(d, report, seed, style)| {
                properties::single_defect(d, &report, seed, style)
            });
            row.generated = opts.cases;
            if let Err(e) = result {
                row.generated_failed = true;
                let (detail, vector) = match e {
                    TestError::Abort(why) => (format!("could not generate cases: {why}"), None),
                    TestError::Fail(why, (d, report, seed, style)) => {
                        let text = properties::single_defect_text(d, &report, seed, style).ok();
                        (
                            why.to_string(),
                            text.map(|t| as_vector(rule.code, opts, &t)),
                        )
                    }
                };
                summary.failures.push(Failure {
                    check: format!("property: one defect breaks exactly {}", rule.code),
                    detail,
                    reproduce: Some(reproduce(opts, rule.code)),
                    vector,
                });
            }
        }
        summary.rows.push(row);
    }
    // Vectors of rules the build does not know.
    for case in &cases {
        if let Some(rule) = &case.rule {
            if treem::rules::rule(rule).is_none() {
                summary.failures.push(Failure {
                    check: case.name(),
                    detail: format!("names the rule `{rule}`, which this build does not have"),
                    reproduce: None,
                    vector: None,
                });
                summary.rows.push(Row {
                    name: rule.clone(),
                    vectors_failed: 1,
                    note: Some("unknown rule".into()),
                    ..Row::default()
                });
            }
        }
    }

    // The deadline and calendar suites.
    for suite in [Suite::Deadlines, Suite::Calendar, Suite::Consolidation] {
        if !wanted(opts, suite.name()) {
            continue;
        }
        progress(suite.name());
        let mut row = Row {
            name: format!("{suite} (vectors)"),
            ..Row::default()
        };
        // Files about one rule are counted in its row above.
        for case in cases
            .iter()
            .filter(|c| c.suite == suite && c.rule.is_none())
        {
            count_vector(case, &mut row, &mut summary.failures);
        }
        summary.rows.push(row);
    }

    // Properties over everything.
    let general: [(&str, &Property); 5] = [
        (
            "valid reports: every style, round trip",
            &|r: &mut TestRunner| {
                r.run(&(arb_report(), arb_style()), |(report, style)| {
                    properties::valid_in_every_style_and_round_trips(&report, style)
                })
                .map_err(|e| e.to_string())
            },
        ),
        ("blind mutations: no panic", &|r: &mut TestRunner| {
            let strategy = (
                arb_report(),
                any::<Index>(),
                prop::collection::vec(properties::arb_mutation(), 1..4),
            );
            r.run(&strategy, |(report, at, mutations)| {
                properties::blind_mutations(&report, at, &mutations)
            })
            .map_err(|e| e.to_string())
        }),
        ("arbitrary JSON: no panic", &|r: &mut TestRunner| {
            r.run(&properties::arb_json(), |value| {
                properties::invariants(&value.to_string())
            })
            .map_err(|e| e.to_string())
        }),
        ("calendar arithmetic", &|r: &mut TestRunner| {
            let d = properties::arb_date;
            r.run(&(d(), d(), d(), 0u32..40), |(a, b, c, n)| {
                properties::working_day_arithmetic(a, b, c, n)
            })
            .map_err(|e| e.to_string())
        }),
        ("deadlines and lateness", &|r: &mut TestRunner| {
            r.run(
                &(properties::arb_date(), any::<bool>(), -20i64..20),
                |(due, by, offset)| properties::deadline_laws(due, by, offset),
            )
            .map_err(|e| e.to_string())
        }),
    ];
    for (name, check) in general {
        let key = format!("property: {name}");
        if !wanted(opts, name) && !wanted(opts, &key) {
            continue;
        }
        progress(&key);
        let mut runner = runner(opts, name);
        let result = check(&mut runner);
        if let Err(detail) = &result {
            summary.failures.push(Failure {
                check: key.clone(),
                detail: detail.clone(),
                reproduce: Some(reproduce(opts, &format!("'{name}'"))),
                vector: None,
            });
        }
        summary.rows.push(Row {
            name: key,
            generated: opts.cases,
            generated_failed: result.is_err(),
            ..Row::default()
        });
    }
    Ok(summary)
}

fn count_vector(case: &Case, row: &mut Row, failures: &mut Vec<Failure>) {
    match vectors::run(case) {
        Ok(()) => row.vectors_passed += 1,
        Err(detail) => {
            row.vectors_failed += 1;
            failures.push(Failure {
                check: format!("{} ({})", case.name(), case.description),
                detail,
                reproduce: None,
                vector: None,
            });
        }
    }
}

/// A failing generated input as a validation vector case to keep: the report (or the raw text)
/// and the finding the defect should have given, for a person to check and complete.
fn as_vector(rule: &str, opts: &Options, text: &str) -> Value {
    let mut case = json!({
        "description": format!(
            "Found by `treem conformance --seed {} --cases {}`: one defect that should give only {rule}.",
            opts.seed, opts.cases
        ),
        "expect": { "valid": false, "findings": [{ "code": rule, "path": "TODO" }] },
    });
    match serde_json::from_str::<Value>(text) {
        Ok(report) => case["report"] = report,
        Err(_) => case["text"] = json!(text),
    }
    case
}
