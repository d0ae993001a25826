//! Consolidation against an independent sum of its inputs, and the reporting status.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use serde_json::{Value, json};
use treem::consolidate::{Consolidator, Status, check};
use treem::{Profile, Validator};

/// `cases` cases a property, failing seeds kept with the other consolidation seeds.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/consolidation.txt",
        ))),
        ..ProptestConfig::default()
    }
}

fn validator() -> &'static Validator {
    Validator::embedded("binh-dinh-2024").unwrap()
}

/// Every report of `kind` for the profile's reporters whose index is in `which`.
fn generated(kind: &str, which: impl Fn(usize) -> bool, seed: u64) -> Vec<(String, String)> {
    Profile::default_profile()
        .reporters
        .iter()
        .enumerate()
        .filter(|(i, _)| which(*i))
        .map(|(_, r)| {
            let report =
                treem::sample::example(Profile::default_profile(), kind, &r.id, seed).unwrap();
            (format!("{}.json", r.id), report.to_json_pretty())
        })
        .collect()
}

fn consolidate(
    files: &[(String, String)],
    kind: Option<&str>,
    as_of: Option<&str>,
) -> treem::consolidate::Consolidation {
    let v = validator();
    let mut all = Consolidator::new(v, kind);
    for (i, (name, text)) in files.iter().enumerate() {
        all.add(check(v, i, name, text));
    }
    all.finish(as_of.map(|d| d.parse().unwrap())).unwrap()
}

/// The sums computed independently, on the JSON values: total and member by member.
fn independent_sums(files: &[(String, String)]) -> Value {
    let mut sums = serde_json::Map::new();
    for (_, text) in files {
        let doc: Value = serde_json::from_str(text).unwrap();
        for (id, m) in doc["measures"].as_object().into_iter().flatten() {
            let slot = sums.entry(id.clone()).or_insert(json!({ "total": 0 }));
            slot["total"] = json!(slot["total"].as_u64().unwrap() + m["total"].as_u64().unwrap());
            for (dim, members) in m["by"].as_object().into_iter().flatten() {
                for (member, v) in members.as_object().unwrap() {
                    let cell = &mut slot["by"][dim][member];
                    *cell = json!(cell.as_u64().unwrap_or(0) + v.as_u64().unwrap());
                }
            }
        }
    }
    Value::Object(sums)
}

#[test]
fn totals_equal_an_independent_sum_and_shares_come_from_summed_parts() {
    let mut files = generated("half_year", |_| true, 11);
    files.push((
        "quy-nhon.json".into(),
        treem_conformance::read("examples/quy-nhon-half-year-2024.json"),
    ));
    // The example is Quy Nhơn's (540) too: it replaces the generated one (same submission
    // date, given later), so the independent sum leaves the generated 540 out.
    let counted: Vec<(String, String)> = files
        .iter()
        .filter(|(name, _)| name != "540.json")
        .cloned()
        .collect();
    let done = consolidate(&files, Some("half_year"), None);
    let ours = serde_json::to_value(&done.consolidated.measures).unwrap();
    assert_eq!(ours, independent_sums(&counted));
    assert_eq!(done.completeness.valid, counted.len());
    // Shares: recomputed from the summed numerators and denominators.
    let i0605 = done
        .consolidated
        .indicators
        .iter()
        .find(|i| i.code.as_deref() == Some("0605"))
        .expect("0605 consolidated");
    let (n, d) = (
        i0605.numerator.unwrap().get(),
        i0605.denominator.unwrap().get(),
    );
    let (mut want_n, mut want_d) = (0, 0);
    for (_, text) in &counted {
        let doc: Value = serde_json::from_str(text).unwrap();
        for i in doc["indicators"].as_array().into_iter().flatten() {
            if i["code"] == "0605" {
                want_n += i["numerator"].as_u64().unwrap();
                want_d += i["denominator"].as_u64().unwrap();
            }
        }
    }
    assert!(want_d > 0);
    assert_eq!((n, d), (want_n, want_d));
    assert_eq!(i0605.value, (n as f64 * 1000.0 / d as f64).round() / 10.0);
    // Who contributed: every counted district, to the total and to each member.
    let giving = counted
        .iter()
        .filter(|(_, text)| text.contains("\"abuse.children\""))
        .count();
    assert!(giving > 1);
    let who = done.contributions.get("abuse.children").unwrap();
    assert_eq!(who.total.len(), giving);
    assert_eq!(
        who.by.get("sex").unwrap().get("male").unwrap().len(),
        giving
    );
    let sum: u64 = who.total.values().map(|q| q.get()).sum();
    assert_eq!(
        sum,
        done.consolidated
            .measures
            .get("abuse.children")
            .unwrap()
            .total
            .get()
    );
    // The duplicate is named.
    assert_eq!(done.findings.len(), 1);
    assert_eq!(done.findings[0].code, "consolidation.duplicate");
}

#[test]
fn nine_of_eleven_districts_as_of_20_may() {
    let profile = Profile::default_profile();
    let districts: Vec<usize> = profile
        .reporters
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == "district_committee")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(districts.len(), 11);
    let absent = [districts[3], districts[7]];
    let mut files = generated(
        "half_year",
        |i| districts.contains(&i) && !absent.contains(&i),
        5,
    );
    // One district submits on 16/5/2024, after the last on-time day (14/5).
    let mut late: Value = serde_json::from_str(&files[0].1).unwrap();
    late["submitted_on"] = json!("2024-05-16");
    files[0].1 = late.to_string();

    let done = consolidate(&files, None, Some("2024-05-20"));
    assert_eq!(done.kind, "half_year");
    for i in absent {
        let r = &done.reporters[i];
        assert_eq!(
            (r.status, r.overdue),
            (Status::Missing, Some(true)),
            "{}",
            r.id
        );
    }
    let late = done
        .reporters
        .iter()
        .find(|r| r.source.as_deref() == Some(files[0].0.as_str()))
        .unwrap();
    assert_eq!(late.status, Status::Late);
    assert_eq!((late.days_late, late.working_days_late), (Some(2), Some(2)));
    assert_eq!(
        done.reporters
            .iter()
            .filter(|r| r.status == Status::OnTime)
            .count(),
        8
    );
    // The departments are expected too, and missing.
    let expected = profile.reporters.len();
    assert_eq!(done.completeness.expected, expected);
    assert_eq!(done.completeness.received, 9);
    // Not yet overdue as of 10/5.
    let early = consolidate(&files, None, Some("2024-05-10"));
    assert_eq!(early.reporters[absent[0]].overdue, Some(false));
}

#[test]
fn invalid_reports_are_counted_not_summed_and_unknown_inputs_are_set_aside() {
    let mut files = generated("annual", |i| i < 3, 2);
    let mut broken: Value = serde_json::from_str(&files[1].1).unwrap();
    broken["measures"]["abuse.children"]["total"] = json!(999_999);
    files[1].1 = broken.to_string();
    files.push(("not-json.json".into(), "{".into()));
    let mut stranger: Value = serde_json::from_str(&files[0].1).unwrap();
    stranger["reporter"]["id"] = json!("999");
    files.push(("stranger.json".into(), stranger.to_string()));

    let done = consolidate(&files, Some("annual"), None);
    let second = &done.reporters[1];
    assert_eq!(second.status, Status::Invalid);
    assert!(second.errors >= 1);
    assert_eq!(done.completeness.received, 3);
    assert_eq!(done.completeness.valid, 2);
    assert_eq!(done.completeness.inputs, 5);
    let summed = done
        .consolidated
        .measures
        .get("abuse.children")
        .unwrap()
        .total
        .get();
    assert!(summed < 999_999);
    let reasons: Vec<&str> = done.unassigned.iter().map(|u| u.reason.as_str()).collect();
    assert_eq!(reasons, ["json_syntax", "unknown_reporter"]);
}

#[test]
fn an_annual_figure_below_the_half_year_one_is_a_warning() {
    let half = generated("half_year", |i| i == 0, 3);
    let annual = generated("annual", |i| i == 0, 3);
    let mut lower: Value = serde_json::from_str(&annual[0].1).unwrap();
    let half_value: Value = serde_json::from_str(&half[0].1).unwrap();
    let cumulative = Profile::default_profile()
        .measures
        .iter()
        .find(|m| {
            m.cumulative && m.breakdowns.is_empty() && half_value["measures"][&m.id].is_object()
        })
        .unwrap();
    let before = half_value["measures"][&cumulative.id]["total"]
        .as_u64()
        .unwrap();
    assert!(before > 0);
    lower["measures"][&cumulative.id]["total"] = json!(before - 1);
    let files = vec![
        ("half.json".to_owned(), half[0].1.clone()),
        ("annual.json".to_owned(), lower.to_string()),
    ];
    let done = consolidate(&files, Some("annual"), None);
    let codes: Vec<&str> = done.findings.iter().map(|f| f.code).collect();
    assert!(
        codes.contains(&"consolidation.cumulative_decrease"),
        "{codes:?}"
    );
    let f = done
        .findings
        .iter()
        .find(|f| f.code == "consolidation.cumulative_decrease")
        .unwrap();
    assert_eq!(f.path, format!("/measures/{}/total", cumulative.id));
    assert!(f.message(treem::Lang::Vi).contains("annual.json"));
    // Equal or higher: no warning.
    let same = consolidate(
        &[
            ("half.json".to_owned(), half[0].1.clone()),
            ("annual.json".to_owned(), annual[0].1.clone()),
        ],
        Some("annual"),
        None,
    );
    assert!(same.findings.iter().all(|f| {
        f.code != "consolidation.cumulative_decrease"
            || f.params
                .get("measure")
                .is_some_and(|m| m != &treem::Param::from(cumulative.id.as_str()))
    }));
}

#[test]
fn of_two_reports_the_later_submission_wins_whatever_the_order() {
    let base = generated("half_year", |i| i == 0, 4).remove(0).1;
    let mut early: Value = serde_json::from_str(&base).unwrap();
    early["submitted_on"] = json!("2024-05-08");
    early["measures"]["abuse.cases"]["total"] = json!(1);
    let mut later = early.clone();
    later["submitted_on"] = json!("2024-05-10");
    later["measures"]["abuse.cases"]["total"] = json!(2);
    let a = ("early.json".to_owned(), early.to_string());
    let b = ("later.json".to_owned(), later.to_string());
    for files in [vec![a.clone(), b.clone()], vec![b.clone(), a.clone()]] {
        let done = consolidate(&files, Some("half_year"), None);
        assert_eq!(done.reporters[0].source.as_deref(), Some("later.json"));
        let total = done
            .consolidated
            .measures
            .get("abuse.cases")
            .unwrap()
            .total
            .get();
        assert_eq!(total, 2);
        let f = &done.findings[0];
        assert_eq!(f.code, "consolidation.duplicate");
        assert_eq!(
            f.params.get("kept"),
            Some(&treem::Param::from("later.json"))
        );
        assert_eq!(
            f.params.get("dropped"),
            Some(&treem::Param::from("early.json"))
        );
    }
}

proptest! {
    #![proptest_config(config(24))]

    /// The order of the inputs never changes the result.
    #[test]
    fn order_does_not_matter(seed in any::<u64>(), rotate in 0usize..23) {
        let mut files = generated("annual", |i| i % 2 == 0, seed);
        files.extend(generated("annual", |i| i % 2 == 1, seed ^ 1));
        let first = consolidate(&files, None, Some("2024-11-20"));
        let n = files.len();
        files.rotate_left(rotate % n);
        files.reverse();
        let again = consolidate(&files, None, Some("2024-11-20"));
        prop_assert_eq!(&first.consolidated, &again.consolidated);
        prop_assert_eq!(
            first.reporters.iter().map(|r| (r.status, r.errors)).collect::<Vec<_>>(),
            again.reporters.iter().map(|r| (r.status, r.errors)).collect::<Vec<_>>()
        );
        prop_assert_eq!(&first.contributions.keys().collect::<Vec<_>>(), &again.contributions.keys().collect::<Vec<_>>());
    }

    /// Files read on several threads arrive in any order: with their positions fixed, the order
    /// of arrival never changes anything, duplicates and ties included.
    #[test]
    fn arrival_order_does_not_matter(seed in any::<u64>(), order in any::<u64>()) {
        let mut files = generated("half_year", |i| i % 3 == 0, seed);
        // Every report twice more: once the same, once a day later.
        for (name, text) in files.clone() {
            let mut later: Value = serde_json::from_str(&text).unwrap();
            if let Some(day) = later["submitted_on"].as_str() {
                let day: treem::CivilDate = day.parse().unwrap();
                later["submitted_on"] = json!(treem::CivilDate::from_naive(day.naive().succ_opt().unwrap()).unwrap().to_string());
            }
            files.push((format!("again-{name}"), text));
            files.push((format!("later-{name}"), later.to_string()));
        }
        let v = validator();
        let checked: Vec<_> = files.iter().enumerate().map(|(i, (n, t))| check(v, i, n, t)).collect();
        let run = |mut list: Vec<treem::consolidate::Checked>, shuffle: u64| {
            let mut rng = treem::sample::SplitMix64::new(shuffle);
            for i in (1..list.len()).rev() {
                list.swap(i, rng.between(0, i as u64) as usize);
            }
            let mut all = Consolidator::new(v, Some("half_year"));
            for c in list {
                all.add(c);
            }
            serde_json::to_value(all.finish(Some("2024-05-20".parse().unwrap())).unwrap().into_output(treem::Lang::En)).unwrap()
        };
        let first = run(checked.clone(), 0);
        prop_assert_eq!(&first, &run(checked, order));
        prop_assert_eq!(first["findings"].as_array().unwrap().len(), 2 * files.len() / 3);
    }
}

proptest! {
    #![proptest_config(config(16))]

    /// Whatever optional breakdowns and measures each reporter leaves out, the consolidated
    /// report adds up: validated against the profile, no breakdown contradicts its total and no
    /// part exceeds its whole.
    #[test]
    fn the_consolidated_report_adds_up(seed in any::<u64>(), leave_out in any::<u32>()) {
        let required: Vec<(String, String)> = Profile::default_profile()
            .reporter_kinds
            .iter()
            .flat_map(|k| k.required_measures.iter().flat_map(|r| r.breakdowns.iter().map(|d| (r.measure.clone(), d.clone()))))
            .collect();
        let mut files = generated("annual", |_| true, seed);
        for (n, (_, text)) in files.iter_mut().enumerate() {
            if (leave_out >> (n % 32)) & 1 == 0 {
                continue;
            }
            let mut doc: Value = serde_json::from_str(text).unwrap();
            // Now and then a whole left out where the profile does not require it (departments).
            if (leave_out >> ((n + 7) % 32)) & 1 == 1 && doc["reporter"]["id"].as_str().is_some_and(|id| !id.starts_with('5')) {
                for whole in ["abuse.children", "special.children", "injury.children", "data.children_records"] {
                    doc["measures"].as_object_mut().unwrap().remove(whole);
                }
            }
            for (id, m) in doc["measures"].as_object_mut().unwrap() {
                if let Some(by) = m.get_mut("by").and_then(Value::as_object_mut) {
                    by.retain(|d, _| required.contains(&(id.clone(), d.clone())));
                    if by.is_empty() {
                        m.as_object_mut().unwrap().remove("by");
                    }
                }
            }
            *text = doc.to_string();
        }
        let done = consolidate(&files, Some("annual"), None);
        prop_assert_eq!(done.completeness.valid, files.len());
        let findings = validator().validate(&done.consolidated);
        let arithmetic: Vec<_> = findings
            .iter()
            .filter(|f| {
                f.code == "measure.breakdown_sum"
                    || f.code == "relation.exceeds"
                    || f.code.starts_with("structure.")
            })
            .map(|f| (f.code, f.path.clone()))
            .collect();
        prop_assert!(arithmetic.is_empty(), "{:?}", arithmetic);
    }
}

proptest! {
    #![proptest_config(config(16))]

    /// Figures near the largest the format holds: sums that would leave the range are left out
    /// and said (`consolidation.overflow`, an `overflow` omission), and the consolidated report,
    /// written as JSON and read back, has no structural problem (never `null` or infinity).
    #[test]
    fn the_consolidated_report_always_reads_back(seed in any::<u64>(), big in any::<u64>()) {
        const MAX: u64 = (1 << 53) - 1;
        let mut files = generated("annual", |_| true, seed);
        for (n, (_, text)) in files.iter_mut().enumerate() {
            let mut doc: Value = serde_json::from_str(text).unwrap();
            let figure = MAX - (big.rotate_left(n as u32) % 1_000);
            if (big >> (n % 64)) & 1 == 1 {
                if let Some(m) = doc["measures"].get_mut("protection.budget_vnd") {
                    *m = serde_json::json!({ "total": figure });
                }
            }
            if let Some(v) = doc["indicators"].get_mut(0).and_then(|i| i.get_mut("value")) {
                if (big >> ((n + 3) % 64)) & 1 == 1 {
                    *v = serde_json::json!(figure);
                }
            }
            *text = doc.to_string();
        }
        let done = consolidate(&files, Some("annual"), None);
        let text = serde_json::to_string(&done.consolidated).unwrap();
        prop_assert!(!text.contains("null"), "{}", text);
        let structural = treem_conformance::fuzz::structural_problems(&done.consolidated);
        prop_assert!(structural.is_empty(), "{:?}", structural);
    }
}

/// A submission built by hand (not through `check`) that the profile cannot place is set aside
/// with the reason `check` would give: an unknown reporter, or a known reporter's unknown kind.
#[test]
fn hand_built_submissions_are_set_aside_for_the_right_reason() {
    use treem::consolidate::{Checked, CheckedOutcome, Submission};
    let v = validator();
    let submission = |reporter: &str, kind: &str| Checked {
        index: 0,
        source: format!("{reporter}/{kind}"),
        outcome: CheckedOutcome::Report(Box::new(Submission {
            reporter: reporter.to_owned(),
            kind: kind.to_owned(),
            submitted_on: None,
            errors: 0,
            warnings: 0,
            measures: Default::default(),
            indicators: Vec::new(),
        })),
    };
    let mut all = Consolidator::new(v, Some("annual"));
    all.add(submission("999", "annual"));
    all.add(submission("540", "quarterly"));
    all.add(submission("540", "annual"));
    let done = all.finish(None).unwrap();
    let reasons: Vec<(&str, &str)> = done
        .unassigned
        .iter()
        .map(|u| (u.source.as_str(), u.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("999/annual", "unknown_reporter"),
            ("540/quarterly", "unknown_report_kind")
        ]
    );
    assert_eq!(done.completeness.received, 1);
}
