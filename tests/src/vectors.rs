//! Test vectors: language-neutral JSON files, each case with its input and expected result.
//!
//! A vector folder holds four suites, one sub-folder each (any depth; the nearest folder named
//! after a suite decides). JSON files without `cases` are support files (reports and profiles
//! the vectors name), not vectors:
//!
//! - `validation/<rule>.json`: `{"rule", "cases": [{"description", input, "profile"?,
//!   "expect": {"valid", "findings": [{"code", "path"}]}}]}`, where the input is `report` (the
//!   report inline), `base` (a report file) with an optional `patch` (RFC 6902 `add`, `remove`,
//!   `replace`), or `text` (raw text, for input that is not a well-formed report);
//! - `deadlines/*.json`: `{"cases": [{"description", "kind", "profile"?, "reading"?, "as_of"?,
//!   "submitted"?, "expect"}]}`: without `submitted` the expectation is matched against the
//!   kind's deadline (as `treem deadlines --format json` prints it), with it against the
//!   timeliness (`treem timeliness --format json`);
//! - `calendar/*.json`: `{"cases": [{"description", "date" | "year", "expect"}]}`: a `date` is
//!   matched against its calendar entry (`Calendar::year(y).entries()`, as the npm package's
//!   `calendar(year)` returns them), or, when the day has no entry, against
//!   `{"working": <Monday to Friday>}`.
//!
//! A deadline, calendar, validation or consolidation case may name a `calendar`: a schedule
//! file (`*.json`) laid over the embedded calendar, as `--calendar FILE` does.
//!
//! - `consolidation/*.json`: `{"rule"?, "cases": [{"description", "reports": [input…], "kind"?,
//!   "as_of"?, "profile"?, "expect"}]}`, the reports named `#1`, `#2`, … and the expectation
//!   matched against the consolidation (see [`consolidation_view`]).
//!
//! An `expect` other than a validation one is a partial object: every key it names must have
//! that value in the output, keys it does not name are not compared; arrays of the same length
//! match element by element. `{"error": CODE}` expects the operation to fail with that error
//! code. File paths (`base`, a `profile` ending in `.json`) are resolved from the vector file's
//! folder upwards to the vector folder, then from the repository root.
//!
//! `tests/vectors/vectors.schema.json` is the JSON Schema of these files.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::Datelike;
use serde_json::Value;
use treem::{Calendar, CivilDate, Deadline, Profile, Reading, Validator};

/// The four suites of vectors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Suite {
    /// Report validation: findings by code and path.
    Validation,
    /// Deadlines and timeliness.
    Deadlines,
    /// The working-day calendar.
    Calendar,
    /// Consolidation of several reports (statuses, sums, cross-report findings).
    Consolidation,
}

impl Suite {
    /// Every suite.
    pub const ALL: [Suite; 4] = [
        Suite::Validation,
        Suite::Deadlines,
        Suite::Calendar,
        Suite::Consolidation,
    ];

    /// The suite's folder name.
    pub fn name(self) -> &'static str {
        match self {
            Suite::Validation => "validation",
            Suite::Deadlines => "deadlines",
            Suite::Calendar => "calendar",
            Suite::Consolidation => "consolidation",
        }
    }

    fn from_folder(name: &str) -> Option<Suite> {
        Suite::ALL.into_iter().find(|s| s.name() == name)
    }
}

impl fmt::Display for Suite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One case of a vector file.
#[derive(Clone, Debug)]
pub struct Case {
    /// The suite.
    pub suite: Suite,
    /// The vector folder the case was loaded from.
    pub root: PathBuf,
    /// The vector file.
    pub file: PathBuf,
    /// The case's position in the file's `cases`.
    pub index: usize,
    /// For validation and consolidation files about one rule, that rule.
    pub rule: Option<String>,
    /// What the case shows.
    pub description: String,
    /// The case as written, for the suite's runner.
    pub raw: Value,
}

impl Case {
    /// `suite/…/file.json#index` (the path under the vector folder), for messages.
    pub fn name(&self) -> String {
        let path = self.file.strip_prefix(&self.root).unwrap_or(&self.file);
        format!("{}#{}", path.display(), self.index)
    }
}

/// A vector file or case that cannot be read: the file and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError(pub String);

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LoadError {}

/// What a vector folder holds.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// Every case, sorted by suite, file and position.
    pub cases: Vec<Case>,
    /// JSON files without `cases`: reports and profiles the vectors name, not vectors.
    pub support: Vec<PathBuf>,
}

/// Every case of every vector file under `dir`.
///
/// # Errors
///
/// As [`load_all`].
pub fn load(dir: &Path) -> Result<Vec<Case>, LoadError> {
    load_all(dir).map(|l| l.cases)
}

/// Every case of every vector file under `dir`, and the support files beside them.
///
/// A vector file is a JSON object with a `cases` array, inside a folder named after its suite
/// (at any depth). Other JSON files (reports and profiles that vectors name) are support files;
/// `*.schema.json` files are skipped.
///
/// # Errors
///
/// A folder that cannot be listed, a file that is not JSON, a vector file outside any suite
/// folder, or an empty or malformed `cases`.
pub fn load_all(dir: &Path) -> Result<Loaded, LoadError> {
    let mut files = Vec::new();
    collect(dir, None, &mut files)?;
    let mut loaded = Loaded::default();
    for (suite, file) in files {
        let text = std::fs::read_to_string(&file)
            .map_err(|e| LoadError(format!("{}: {e}", file.display())))?;
        let doc: Value = serde_json::from_str(&text)
            .map_err(|e| LoadError(format!("{}: not JSON: {e}", file.display())))?;
        let Some(list) = doc.get("cases") else {
            loaded.support.push(file);
            continue;
        };
        let suite = suite.ok_or_else(|| {
            LoadError(format!(
                "{}: a vector file outside a folder named validation, deadlines, calendar or consolidation",
                file.display()
            ))
        })?;
        let list = list.as_array().filter(|l| !l.is_empty()).ok_or_else(|| {
            LoadError(format!(
                "{}: `cases` must be a non-empty array",
                file.display()
            ))
        })?;
        let rule = match doc.get("rule") {
            None => None,
            Some(Value::String(rule)) => Some(rule.clone()),
            Some(other) => {
                return Err(LoadError(format!(
                    "{}: `rule` must be a rule code, not {other}",
                    file.display()
                )));
            }
        };
        for (index, raw) in list.iter().enumerate() {
            loaded.cases.push(Case {
                suite,
                root: dir.to_path_buf(),
                file: file.clone(),
                index,
                rule: rule.clone(),
                description: raw
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                raw: raw.clone(),
            });
        }
    }
    loaded
        .cases
        .sort_by(|a, b| (a.suite, &a.file, a.index).cmp(&(b.suite, &b.file, b.index)));
    Ok(loaded)
}

fn collect(
    dir: &Path,
    suite: Option<Suite>,
    out: &mut Vec<(Option<Suite>, PathBuf)>,
) -> Result<(), LoadError> {
    let suite = dir
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(Suite::from_folder)
        .or(suite);
    let entries = std::fs::read_dir(dir)
        .map_err(|e| LoadError(format!("cannot list {}: {e}", dir.display())))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, suite, out)?;
            continue;
        }
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.ends_with(".json") && !name.ends_with(".schema.json") {
            out.push((suite, path));
        }
    }
    Ok(())
}

/// Resolves a file a vector names: from the vector file's folder upwards to the vector folder,
/// then from the repository root.
fn resolve(case: &Case, name: &str) -> Result<PathBuf, String> {
    let from_file = case
        .file
        .ancestors()
        .skip(1)
        .take_while(|d| d.starts_with(&case.root))
        .map(|d| d.join(name));
    from_file
        .chain(std::iter::once(crate::root().join(name)))
        .find(|p| p.is_file())
        .ok_or_else(|| format!("cannot find the file `{name}` it names"))
}

/// The report text of a validation case: `text`, `report`, or `base` with its `patch`.
///
/// # Errors
///
/// No input, a file that cannot be read, or a patch that does not apply.
pub fn report_text(case: &Case) -> Result<String, String> {
    input_text(case, &case.raw)
}

/// The text an input object of `case` stands for: `text`, `report`, or `base` with its
/// `patch`.
fn input_text(case: &Case, raw: &Value) -> Result<String, String> {
    if let Some(text) = raw.get("text").and_then(Value::as_str) {
        return Ok(text.to_owned());
    }
    let mut report = match (raw.get("report"), raw.get("base").and_then(Value::as_str)) {
        (Some(report), _) => report.clone(),
        (None, Some(base)) => {
            let path = resolve(case, base)?;
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{base}: {e}"))?;
            serde_json::from_str(&text).map_err(|e| format!("{base}: {e}"))?
        }
        (None, None) => return Err("no `report`, `base` or `text`".into()),
    };
    if let Some(patch) = raw.get("patch") {
        let patch = patch.as_array().ok_or("`patch` is not an array")?;
        crate::apply_patch(&mut report, patch)?;
    }
    Ok(report.to_string())
}

/// Expected findings of a validation case as sorted (code, path) pairs, and the verdict.
fn expected_findings(raw: &Value) -> Result<(bool, Vec<(String, String)>), String> {
    let expect = raw.get("expect").ok_or("no `expect`")?;
    let valid = expect
        .get("valid")
        .and_then(Value::as_bool)
        .ok_or("no `expect.valid`")?;
    let list = expect
        .get("findings")
        .and_then(Value::as_array)
        .ok_or("no `expect.findings`")?;
    let mut findings = list
        .iter()
        .map(|f| match (f["code"].as_str(), f["path"].as_str()) {
            (Some(code), Some(path)) => Ok((code.to_owned(), path.to_owned())),
            _ => Err(format!("a finding without `code` and `path`: {f}")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    findings.sort();
    Ok((valid, findings))
}

/// The codes a case expects to fire: a validation case's findings, or a consolidation case's
/// `finding_codes`. `None` when the case does not say (an error case, say).
pub fn expected_codes(case: &Case) -> Option<Vec<String>> {
    let expect = case.raw.get("expect")?;
    let codes: Vec<String> = match case.suite {
        Suite::Validation => expect
            .get("findings")?
            .as_array()?
            .iter()
            .filter_map(|f| f.get("code")?.as_str().map(str::to_owned))
            .collect(),
        Suite::Consolidation => expect
            .get("finding_codes")?
            .as_array()?
            .iter()
            .filter_map(|c| c.as_str().map(str::to_owned))
            .collect(),
        Suite::Deadlines | Suite::Calendar => return None,
    };
    Some(codes)
}

/// Runs one case. `Ok(())` when the result is as expected, else what differs.
///
/// # Errors
///
/// The difference between the expected and the actual result, or why the case could not run.
pub fn run(case: &Case) -> Result<(), String> {
    match case.suite {
        Suite::Validation => run_validation(case),
        Suite::Deadlines => run_deadline(case),
        Suite::Calendar => run_calendar(case),
        Suite::Consolidation => run_consolidation(case),
    }
}

/// The operation's error code, or its output as JSON.
type Outcome = Result<Value, String>;

/// Compares an outcome with a case's `expect`: `{"error": code}` or a partial object.
fn compare(raw: &Value, outcome: Outcome) -> Result<(), String> {
    let expect = raw.get("expect").ok_or("no `expect`")?;
    match (expect.get("error").and_then(Value::as_str), outcome) {
        (Some(code), Err(got)) if code == got => Ok(()),
        (Some(code), Err(got)) => Err(format!("expected error `{code}`, got error `{got}`")),
        (Some(code), Ok(value)) => Err(format!("expected error `{code}`, got {value}")),
        (None, Err(got)) => Err(format!("expected {expect}, got error `{got}`")),
        (None, Ok(value)) => match differences(expect, &value, "") {
            Some(diff) => Err(diff),
            None => Ok(()),
        },
    }
}

/// The first place where `actual` does not have what `expected` names (`None`: it has it all).
/// Objects match partially, arrays of the same length element by element; everything else
/// must be equal.
pub fn differences(expected: &Value, actual: &Value, at: &str) -> Option<String> {
    match (expected, actual) {
        (Value::Object(want), Value::Object(got)) => want.iter().find_map(|(k, v)| {
            let at = format!("{at}/{k}");
            match got.get(k) {
                Some(g) => differences(v, g, &at),
                None => Some(format!("{at}: expected {v}, missing")),
            }
        }),
        (Value::Array(want), Value::Array(got)) if want.len() == got.len() => want
            .iter()
            .zip(got)
            .enumerate()
            .find_map(|(i, (w, g))| differences(w, g, &format!("{at}/{i}"))),
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => None,
        _ if expected == actual => None,
        _ => Some(format!(
            "{}: expected {expected}, got {actual}",
            if at.is_empty() { "/" } else { at }
        )),
    }
}

fn text_field<'v>(raw: &'v Value, key: &str) -> Result<Option<&'v str>, String> {
    match raw.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!("`{key}` must be a string, not {other}")),
    }
}

fn profile_of(case: &Case) -> Result<Result<std::borrow::Cow<'static, Profile>, String>, String> {
    Ok(
        match text_field(&case.raw, "profile")?.filter(|p| !p.is_empty()) {
            None => Ok(std::borrow::Cow::Borrowed(Profile::default_profile())),
            Some(name) if name.ends_with(".json") => {
                let path = resolve(case, name)?;
                let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
                Profile::from_json(&text)
                    .map(std::borrow::Cow::Owned)
                    .map_err(|e| e.code().to_owned())
            }
            Some(id) => Profile::find_embedded(id)
                .map(std::borrow::Cow::Borrowed)
                .map_err(|e| e.code().to_owned()),
        },
    )
}

/// The calendar a case names: the embedded one, or a schedule file laid over it (`Err` with the
/// error code when the file is refused).
fn calendar_of(case: &Case) -> Result<Result<std::borrow::Cow<'static, Calendar>, String>, String> {
    Ok(
        match text_field(&case.raw, "calendar")?.filter(|p| !p.is_empty()) {
            None => Ok(std::borrow::Cow::Borrowed(Calendar::embedded())),
            Some(name) => {
                let path = resolve(case, name)?;
                let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
                Calendar::embedded()
                    .with_schedule_json(&text)
                    .map(std::borrow::Cow::Owned)
                    .map_err(|e| e.code().to_owned())
            }
        },
    )
}

fn run_validation(case: &Case) -> Result<(), String> {
    let text = report_text(case)?;
    let calendar = match calendar_of(case)? {
        Ok(calendar) => calendar,
        Err(code) => return compare(&case.raw, Err(code)),
    };
    let outcome = match profile_of(case)? {
        Ok(profile) if matches!(text_field(&case.raw, "profile")?, Some(p) if !p.is_empty()) => {
            Validator::new(profile.into_owned())
                .and_then(|v| v.validate_json_with(&text, &calendar))
        }
        Ok(_) => treem::validate_json_with(&text, &calendar, treem::Limits::default()),
        Err(code) => return compare(&case.raw, Err(code)),
    };
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(e) => return compare(&case.raw, Err(e.code().to_owned())),
    };
    let (valid, findings) = expected_findings(&case.raw)?;
    let mut got: Vec<(String, String)> = outcome
        .findings
        .iter()
        .map(|f| (f.code.to_owned(), f.path.clone()))
        .collect();
    got.sort();
    if got == findings && outcome.is_valid() == valid {
        Ok(())
    } else {
        Err(format!(
            "expected valid={valid} {findings:?}\n  got      valid={} {got:?}",
            outcome.is_valid()
        ))
    }
}

fn date(text: &str) -> Result<CivilDate, String> {
    text.parse().map_err(|_| "invalid_date".to_owned())
}

/// Deadlines and timeliness, in the order the WebAssembly build checks its inputs (options,
/// profile, then the rest), so that both builds fail the same way.
fn run_deadline(case: &Case) -> Result<(), String> {
    let raw = &case.raw;
    let kind = text_field(raw, "kind")?.ok_or("no `kind`")?;
    let reading = text_field(raw, "reading")?;
    let as_of = text_field(raw, "as_of")?;
    let submitted = text_field(raw, "submitted")?;
    let profile = profile_of(case)?;
    let calendar = calendar_of(case)?;
    let outcome = (|| -> Outcome {
        let reading = match reading {
            None => None,
            Some(r) => Some(Reading::parse(r).ok_or_else(|| "invalid_options".to_owned())?),
        };
        let profile = profile?;
        let calendar = &*calendar?;
        if let Some(submitted) = submitted {
            let kind_def = profile
                .find_report_kind(kind)
                .map_err(|e| e.code().to_owned())?;
            let deadline =
                Deadline::compute(calendar, kind_def, reading).map_err(|e| e.code().to_owned())?;
            let t = deadline
                .timeliness(calendar, date(submitted)?)
                .map_err(|e| e.code().to_owned())?;
            return serde_json::to_value(&t).map_err(|e| e.to_string());
        }
        let as_of = as_of.map(date).transpose()?;
        let all = treem::calendar::deadlines(&profile, calendar, reading, as_of)
            .map_err(|e| e.code().to_owned())?;
        let one = all
            .iter()
            .find(|d| d.deadline.kind == kind)
            .ok_or_else(|| "unknown_report_kind".to_owned())?;
        serde_json::to_value(one).map_err(|e| e.to_string())
    })();
    compare(raw, outcome)
}

fn run_calendar(case: &Case) -> Result<(), String> {
    let raw = &case.raw;
    let calendar = match calendar_of(case)? {
        Ok(calendar) => calendar,
        Err(code) => return compare(raw, Err(code)),
    };
    let outcome = match (text_field(raw, "date")?, raw.get("year")) {
        (Some(day), None) => (|| -> Outcome {
            let day = date(day)?;
            let year = calendar.year(day.year()).map_err(|e| e.code().to_owned())?;
            let working = calendar
                .is_working_day(day)
                .map_err(|e| e.code().to_owned())?;
            let listed = year.entries().into_iter().find(|e| e.date == day);
            let value = match listed {
                Some(entry) => serde_json::to_value(&entry).map_err(|e| e.to_string())?,
                None => {
                    serde_json::json!({ "date": day.to_string(), "working": day.naive().weekday().num_days_from_monday() < 5 })
                }
            };
            // The day's entry and the working-day test must agree.
            if value["working"] != Value::Bool(working) {
                return Err(format!(
                    "is_working_day says {working}, the year's list says {value}"
                ));
            }
            Ok(value)
        })(),
        (None, Some(year)) => {
            let year = year
                .as_i64()
                .and_then(|y| i32::try_from(y).ok())
                .ok_or("`year` must be a whole number")?;
            calendar
                .year(year)
                .map(|_| serde_json::json!({ "year": year }))
                .map_err(|e| e.code().to_owned())
        }
        _ => return Err("a calendar case names either `date` or `year`".into()),
    };
    compare(raw, outcome)
}

/// The consolidation output a case's `expect` is matched against, with two views added for
/// writing expectations briefly: `by_reporter` (each reporter's status object by id) and
/// `finding_codes` (the codes of the cross-report findings, sorted).
pub fn consolidation_view(mut output: Value) -> Value {
    let by_reporter: serde_json::Map<String, Value> = output["reporters"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| Some((r.get("id")?.as_str()?.to_owned(), r.clone())))
        .collect();
    let mut codes: Vec<String> = output["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f.get("code")?.as_str().map(str::to_owned))
        .collect();
    codes.sort();
    output["by_reporter"] = Value::Object(by_reporter);
    output["finding_codes"] = serde_json::json!(codes);
    output
}

fn run_consolidation(case: &Case) -> Result<(), String> {
    let raw = &case.raw;
    let reports = raw
        .get("reports")
        .and_then(Value::as_array)
        .ok_or("no `reports` array")?;
    let texts = reports
        .iter()
        .enumerate()
        .map(|(i, r)| input_text(case, r).map_err(|e| format!("reports/{i}: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    let kind = text_field(raw, "kind")?;
    let as_of = text_field(raw, "as_of")?;
    let profile = profile_of(case)?;
    let calendar = calendar_of(case)?;
    let outcome = (|| -> Outcome {
        let profile = profile?;
        let calendar = calendar?.into_owned();
        let validator = Validator::new(profile.into_owned())
            .map_err(|e| e.code().to_owned())?
            .with_calendar(calendar);
        let as_of = as_of.map(date).transpose()?;
        let done = treem::consolidate::consolidate(
            &validator,
            kind,
            texts.iter().map(String::as_str),
            as_of,
        )
        .map_err(|e| e.code().to_owned())?;
        let output =
            serde_json::to_value(done.into_output(treem::Lang::En)).map_err(|e| e.to_string())?;
        Ok(consolidation_view(output))
    })();
    compare(raw, outcome)
}
