//! The conformance run behind `treem conformance`: every vector, then every property with a
//! seed, summed up per rule.

use std::path::PathBuf;

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRng, TestRunner};
use serde_json::{Value, json};
use treem::RULES;
use treem::sample::SplitMix64;

use crate::generate::{Style, arb_report, arb_style};
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
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
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
    /// A rule without a vector where it fires, one where it holds, or a mutator (a failure).
    pub uncovered: bool,
    /// A remark (`reserved: …`).
    pub note: Option<String>,
}

/// A failed check: what, why, and how to see it again.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
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
    /// JSON files beside the vectors without `cases` (reports and profiles they name).
    pub support_files: usize,
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
            .map(|r| r.vectors_failed + usize::from(r.generated_failed) + usize::from(r.uncovered))
            .sum()
    }

    /// Generated cases checked in all.
    pub fn generated(&self) -> u64 {
        self.rows.iter().map(|r| u64::from(r.generated)).sum()
    }
}

/// A property run over its generated cases: `Err` says how it failed.
type Property = fn(&mut TestRunner) -> Result<(), String>;

/// The properties over everything, by name, in the order they run.
pub const GENERAL: [(&str, Property); 7] = [
    (
        "valid reports: every style, round trip",
        |r: &mut TestRunner| {
            r.run(&(arb_report(), arb_style()), |(report, style)| {
                properties::valid_in_every_style_and_round_trips(&report, style)
            })
            .map_err(|e| e.to_string())
        },
    ),
    ("blind mutations: no panic", |r: &mut TestRunner| {
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
    ("arbitrary JSON: no panic", |r: &mut TestRunner| {
        r.run(&properties::arb_json(), |value| {
            properties::invariants(&value.to_string())
        })
        .map_err(|e| e.to_string())
    }),
    ("arbitrary text: no panic", |r: &mut TestRunner| {
        r.run(&properties::arb_text(), |text| properties::any_text(&text))
            .map_err(|e| e.to_string())
    }),
    ("calendar arithmetic", |r: &mut TestRunner| {
        let d = properties::arb_date;
        r.run(&(d(), d(), d(), 0u32..40), |(a, b, c, n)| {
            properties::working_day_arithmetic(a, b, c, n)
        })
        .map_err(|e| e.to_string())
    }),
    (
        "examples of generated profiles are valid",
        |r: &mut TestRunner| {
            r.run(
                &(properties::arb_profile(), any::<u64>()),
                |(profile, seed)| properties::examples_are_valid(&profile, seed),
            )
            .map_err(|e| e.to_string())
        },
    ),
    ("deadlines and lateness", |r: &mut TestRunner| {
        r.run(
            &(properties::arb_date(), any::<bool>(), -20i64..20),
            |(due, by, offset)| properties::deadline_laws(due, by, offset),
        )
        .map_err(|e| e.to_string())
    }),
];

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
    let loaded = vectors::load_all(&opts.vectors)?;
    let cases = loaded.cases;
    if cases.is_empty() {
        return Err(LoadError(format!(
            "{}: no vector files (expected validation/, deadlines/, calendar/ and consolidation/ folders)",
            opts.vectors.display()
        )));
    }
    if let Some(only) = &opts.only {
        let known = RULES.iter().any(|r| r.code == only)
            || Suite::ALL.iter().any(|s| s.name() == only)
            || GENERAL
                .iter()
                .any(|(g, _)| g == only || format!("property: {g}") == *only)
            || cases
                .iter()
                .any(|c| c.rule.as_deref() == Some(only.as_str()));
        if !known {
            return Err(LoadError(format!(
                "--only {only}: no rule, suite or property of that name (see `treem rules`)"
            )));
        }
    }
    // Coverage is required of the repository's own vectors; another set may cover less.
    let own_vectors = opts.vectors == default_vectors();
    let mut summary = Summary {
        support_files: loaded.support.len(),
        ..Summary::default()
    };

    // Rules, in the order of `treem rules`.
    for rule in RULES {
        if !wanted(opts, rule.code) {
            continue;
        }
        progress(rule.code);
        let exempt = crate::mutate::without_mutator(rule.code);
        let defect = crate::mutate::defect(rule.code);
        let mut row = Row {
            name: rule.code.to_owned(),
            note: exempt.map(str::to_owned),
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
        let gaps = coverage_gaps(rule.code, row.fires, row.holds, own_vectors);
        if !gaps.is_empty() {
            row.uncovered = true;
            summary.failures.push(Failure {
                check: format!("coverage of {}", rule.code),
                detail: gaps.join("; "),
                reproduce: None,
                vector: None,
            });
        }
        if let Some(defect) = defect {
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
                        let raw = d.rule == "structure.duplicate_key" || style != Style::PLAIN;
                        (
                            why.to_string(),
                            text.map(|t| as_vector(rule, opts, &t, raw)),
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
    // Vectors of rules the build does not know: one row per such rule.
    let mut unknown: Vec<&str> = cases
        .iter()
        .filter_map(|c| c.rule.as_deref())
        .filter(|r| treem::rules::rule(r).is_none() && wanted(opts, r))
        .collect();
    unknown.sort_unstable();
    unknown.dedup();
    for rule in unknown {
        let own = cases
            .iter()
            .filter(|c| c.rule.as_deref() == Some(rule))
            .count();
        summary.failures.push(Failure {
            check: format!("{own} vector(s) about `{rule}`"),
            detail: format!("`{rule}` is not a rule of this build (see `treem rules`)"),
            reproduce: None,
            vector: None,
        });
        summary.rows.push(Row {
            name: rule.to_owned(),
            vectors_failed: own,
            note: Some("unknown rule".into()),
            ..Row::default()
        });
    }

    // The deadline and calendar suites.
    for suite in Suite::ALL {
        if !wanted(opts, suite.name()) {
            continue;
        }
        progress(suite.name());
        let mut row = Row {
            name: format!("{suite} (vectors)"),
            ..Row::default()
        };
        // Files about one rule are counted in its row above.
        let about_no_rule: Vec<&Case> = cases
            .iter()
            .filter(|c| c.suite == suite && c.rule.is_none())
            .collect();
        if suite == Suite::Validation && about_no_rule.is_empty() {
            continue;
        }
        for case in about_no_rule {
            count_vector(case, &mut row, &mut summary.failures);
        }
        summary.rows.push(row);
    }

    // Properties over everything.
    for (name, check) in GENERAL {
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

/// A failing generated input as a validation vector case to keep: the text as it was
/// validated (`text` when its form matters: a repeated key, NFD, key order, indentation) or the
/// report, and the finding the defect should have given, for a person to check and complete.
fn as_vector(rule: &treem::Rule, opts: &Options, text: &str, raw: bool) -> Value {
    let mut case = json!({
        "description": format!(
            "Found by `treem conformance --seed {} --cases {} --only {}`: one defect that should give only {}.",
            opts.seed, opts.cases, rule.code, rule.code
        ),
        "expect": {
            "valid": rule.severity == treem::Severity::Warning,
            "findings": [{ "code": rule.code, "path": "TODO" }],
        },
    });
    match serde_json::from_str::<Value>(text) {
        Ok(report) if !raw => case["report"] = report,
        _ => case["text"] = json!(text),
    }
    case
}

/// What keeps the rule `code` from being covered, given how many of its vectors expect it to
/// fire and to hold: a vector where it fires (where a rule that cannot fire fires, that is the
/// gap), one where it holds (both only for the repository's own vectors, `own_vectors`), and a
/// single-defect mutator unless the rule is exempt. One judgement for `treem conformance` and
/// the test suite.
pub fn coverage_gaps(
    code: &str,
    fires: usize,
    holds: usize,
    own_vectors: bool,
) -> Vec<&'static str> {
    let never = crate::mutate::NEVER_FIRES.iter().any(|(c, _)| *c == code);
    let mut gaps = Vec::new();
    if own_vectors {
        if fires == 0 && !never {
            gaps.push("no vector where it fires");
        }
        if fires > 0 && never {
            gaps.push("a vector where a rule that cannot fire fires");
        }
        if holds == 0 {
            gaps.push("no vector where it holds");
        }
    }
    if crate::mutate::without_mutator(code).is_none() && crate::mutate::defect(code).is_none() {
        gaps.push("no single-defect mutator");
    }
    gaps
}
