//! The fuzzing targets' bodies: what `fuzz/` runs under libFuzzer (`scripts/fuzz TARGET`) and
//! what the ordinary test suite replays over the corpus in `fuzz/corpus/TARGET/`
//! (`tests/tests/fuzz_corpus.rs`), so that an input the fuzzer once found stays a test.
//!
//! Each target takes arbitrary bytes and panics only when an invariant fails: a panic inside
//! treem is itself the failure the fuzzer looks for.

use treem::{Calendar, Profile, Validator};

/// A target's body: arbitrary bytes in, a panic only when something is wrong.
pub type Target = fn(&[u8]);

/// The targets, by the name of their corpus folder and `fuzz/` binary.
pub const TARGETS: &[(&str, Target)] = &[
    ("report", report),
    ("profile", profile),
    ("schedule", schedule),
    ("consolidation", consolidation),
];

/// The byte that separates reports in a consolidation input: never part of UTF-8 text.
pub const SEPARATOR: u8 = 0xFF;

/// The embedded profile's validator.
fn validator() -> &'static Validator {
    static V: std::sync::OnceLock<Validator> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        Validator::embedded("binh-dinh-2024")
            .cloned()
            .expect("embedded profile")
    })
}

/// A report: validated against the profile it names. Every finding reads in both languages.
pub fn report(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(verdict) = validator().validate_json(text) {
        for f in &verdict.findings {
            assert!(!f.code.is_empty(), "a finding without a code: {f:?}");
        }
    }
}

/// A profile: loaded, and when it loads, printed and loaded again to the same profile (nothing
/// lost), then the Quy Nhơn example validated against it.
pub fn profile(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(profile) = Profile::from_json(text) else {
        return;
    };
    let printed = serde_json::to_string(&profile).expect("a loaded profile prints");
    let again = Profile::from_json(&printed).expect("a printed profile loads");
    assert_eq!(again, profile, "printing and loading a profile changed it");
    if let Ok(v) = Validator::new(profile) {
        let _ = v.validate_json(include_str!("../../examples/quy-nhon-half-year-2024.json"));
    }
}

/// A calendar schedule file, laid over the embedded calendar; the years it yields are asked
/// for their working days.
pub fn schedule(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(calendar) = Calendar::embedded().with_schedule_json(text) {
        for year in [2024, 2025, 2026, 2027] {
            let _ = calendar.year(year);
        }
    }
}

/// Reports separated by [`SEPARATOR`], consolidated: the consolidated report always reads back
/// without a structural finding.
pub fn consolidation(data: &[u8]) {
    let texts: Vec<&str> = data
        .split(|b| *b == SEPARATOR)
        .take(16)
        .filter_map(|t| std::str::from_utf8(t).ok())
        .collect();
    let Ok(done) = treem::consolidate::consolidate(validator(), None, texts, None) else {
        return;
    };
    let structural = structural_problems(&done.consolidated);
    assert!(
        structural.is_empty(),
        "consolidated output fails: {structural:?}"
    );
}

/// The structural findings (code and path) of `report` written out and read back: none for a
/// report treem wrote itself, such as a consolidation.
///
/// # Panics
///
/// When the report's JSON cannot be validated at all.
pub fn structural_problems(report: &treem::Report) -> Vec<(&'static str, String)> {
    let text = serde_json::to_string(report).expect("a report prints");
    let back = treem::validate_json(&text).expect("a written report reads back");
    back.findings
        .iter()
        .filter(|f| f.code.starts_with("structure."))
        .map(|f| (f.code, f.path.clone()))
        .collect()
}
