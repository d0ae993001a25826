//! The treem conformance suite and integration tests. Not published.
//!
//! Helpers shared by the test files under `tests/tests/`.

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Every `*.json` file in `dir` (relative to the workspace root), sorted.
pub fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("cannot list {dir}: {e}"))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// Reads a file relative to the workspace root.
pub fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// Applies a JSON Patch (RFC 6902: `add`, `remove`, `replace`) to `doc`.
///
/// # Errors
///
/// A message naming the operation that could not be applied.
pub fn apply_patch(doc: &mut serde_json::Value, patch: &[serde_json::Value]) -> Result<(), String> {
    use serde_json::Value;
    for (i, op) in patch.iter().enumerate() {
        let kind = op["op"].as_str().ok_or(format!("patch {i}: no op"))?;
        let path = op["path"].as_str().ok_or(format!("patch {i}: no path"))?;
        let tokens: Vec<String> = path
            .split('/')
            .skip(1)
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect();
        let (last, parents) = tokens
            .split_last()
            .ok_or(format!("patch {i}: cannot {kind} the root"))?;
        let parent = parents
            .iter()
            .try_fold(&mut *doc, |v, t| match v {
                Value::Object(m) => m.get_mut(t),
                Value::Array(a) => t.parse::<usize>().ok().and_then(|n| a.get_mut(n)),
                _ => None,
            })
            .ok_or(format!("patch {i}: no parent for {path}"))?;
        let value = op.get("value").cloned();
        match (kind, parent) {
            ("add" | "replace", Value::Object(m)) => {
                if kind == "replace" && !m.contains_key(last) {
                    return Err(format!("patch {i}: nothing to replace at {path}"));
                }
                m.insert(last.clone(), value.ok_or(format!("patch {i}: no value"))?);
            }
            ("add", Value::Array(a)) if last == "-" => {
                a.push(value.ok_or(format!("patch {i}: no value"))?)
            }
            ("add" | "replace", Value::Array(a)) => {
                let n: usize = last
                    .parse()
                    .map_err(|_| format!("patch {i}: bad index {last}"))?;
                let v = value.ok_or(format!("patch {i}: no value"))?;
                match kind {
                    "add" if n <= a.len() => a.insert(n, v),
                    "replace" if n < a.len() => a[n] = v,
                    _ => return Err(format!("patch {i}: index {n} out of range")),
                }
            }
            ("remove", Value::Object(m)) => {
                m.remove(last)
                    .ok_or(format!("patch {i}: nothing to remove at {path}"))?;
            }
            ("remove", Value::Array(a)) => {
                let n: usize = last
                    .parse()
                    .map_err(|_| format!("patch {i}: bad index {last}"))?;
                if n >= a.len() {
                    return Err(format!("patch {i}: index {n} out of range"));
                }
                a.remove(n);
            }
            (other, _) => return Err(format!("patch {i}: cannot {other} at {path}")),
        }
    }
    Ok(())
}

/// One validation vector case, resolved to the text to validate.
pub struct ValidationCase {
    /// `file#index`, for messages.
    pub name: String,
    /// What the case shows.
    pub description: String,
    /// The report text.
    pub text: String,
    /// Expected verdict.
    pub valid: bool,
    /// Expected findings as (code, path), sorted.
    pub findings: Vec<(String, String)>,
}

/// Every case of every file in `tests/vectors/validation/`, with the rule each file is about.
pub fn validation_cases() -> Vec<(String, ValidationCase)> {
    let mut out = Vec::new();
    for path in json_files("tests/vectors/validation") {
        let file = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let rule = doc["rule"]
            .as_str()
            .unwrap_or_else(|| panic!("{file}: no rule"))
            .to_owned();
        for (i, case) in doc["cases"]
            .as_array()
            .unwrap_or_else(|| panic!("{file}: no cases"))
            .iter()
            .enumerate()
        {
            let name = format!("{file}#{i}");
            let text = if let Some(text) = case["text"].as_str() {
                text.to_owned()
            } else {
                let mut report = match (&case["report"], case["base"].as_str()) {
                    (serde_json::Value::Object(_), _) => case["report"].clone(),
                    (_, Some(base)) => serde_json::from_str(&read(base)).unwrap(),
                    _ => panic!("{name}: no report, base or text"),
                };
                let patch = case["patch"].as_array().cloned().unwrap_or_default();
                apply_patch(&mut report, &patch).unwrap_or_else(|e| panic!("{name}: {e}"));
                report.to_string()
            };
            let mut findings: Vec<(String, String)> = case["expect"]["findings"]
                .as_array()
                .unwrap_or_else(|| panic!("{name}: no expect.findings"))
                .iter()
                .map(|f| {
                    (
                        f["code"].as_str().unwrap().to_owned(),
                        f["path"].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            findings.sort();
            out.push((
                rule.clone(),
                ValidationCase {
                    name,
                    description: case["description"].as_str().unwrap_or_default().to_owned(),
                    text,
                    valid: case["expect"]["valid"]
                        .as_bool()
                        .unwrap_or_else(|| panic!("{file}#{i}: no expect.valid")),
                    findings,
                },
            ));
        }
    }
    out
}
