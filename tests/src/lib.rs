//! The treem conformance suite: test vectors as data, the generators and single-defect mutators
//! of the property tests, and the run behind `treem conformance`. Not published.
//!
//! - [`vectors`]: loading and running the language-neutral vector files of `tests/vectors/`;
//! - [`generate`]: valid reports of any reporter and kind, written in every allowed style;
//! - [`mutate`]: for every rule, a mutator that breaks a valid report so that only that rule
//!   fires;
//! - [`properties`]: the properties, as plain functions the `proptest!` tests and the CLI share;
//! - [`conformance`]: the whole run, summed up per rule;
//! - [`hostile`]: hostile inputs of every costly shape at any size, for the linear-time and
//!   bounded-memory tests and the hostile-input benchmark.
//!
//! `tests/README.md` is the auditor's guide.

pub mod conformance;
pub mod fuzz;
pub mod generate;
pub mod hostile;
pub mod mutate;
pub mod properties;
pub mod vectors;

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
