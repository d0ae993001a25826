//! Findings: what validation says about a report, as data.
//!
//! A finding names a [`Rule`](crate::Rule) by its stable code, carries a severity, the JSON
//! Pointer (RFC 6901) of the field it is about, the pointers of related fields for cross-field
//! rules, and typed parameters. Its message is rendered from the one message table in
//! [`crate::rules`], in Vietnamese or English.

use crate::map::Map;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::i18n::{Label, Lang};

/// How serious a finding is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Accepted, but a person should look (*cảnh báo*).
    Warning,
    /// The report cannot be accepted (*lỗi*).
    Error,
}

impl Severity {
    /// `Severity::Error` (a serde default).
    pub(crate) fn error() -> Severity {
        Severity::Error
    }

    /// Whether this is `Error` (a serde skip predicate).
    pub(crate) fn is_error(&self) -> bool {
        *self == Severity::Error
    }

    /// The wire name, `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        crate::wire::Named::name(self)
    }

    /// The name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
        }
    }
}

/// A typed parameter of a finding: the figures and names its message is built from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Param {
    /// A whole number (a figure, a limit).
    Count(u64),
    /// A number with a fraction (a share or rate).
    Number(f64),
    /// A text (an id, a key, a value as written).
    Text(String),
    /// A name in both languages (a measure's or dimension's name).
    Label(Label),
    /// Several values (allowed keys, members added up).
    List(Vec<Param>),
}

impl Param {
    /// The text form in `lang`: numbers in full, labels in that language, lists joined by `, `.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Param::Count(n) => n.to_string(),
            Param::Number(x) => format_number(*x),
            Param::Text(t) => t.clone(),
            Param::Label(l) => l.get(lang).to_owned(),
            Param::List(items) => items
                .iter()
                .map(|p| p.render(lang))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// Formats a number without a trailing `.0` and with at most three decimals.
pub(crate) fn format_number(x: f64) -> String {
    let mut out = String::new();
    if x.fract() == 0.0 {
        crate::json::write_fixed(&mut out, x, 0);
        return out;
    }
    crate::json::write_fixed(&mut out, x, 3);
    let kept = out.trim_end_matches('0').trim_end_matches('.').len();
    out.truncate(kept);
    if out == "-0" {
        out = "0".to_owned();
    }
    out
}

impl From<u64> for Param {
    fn from(n: u64) -> Self {
        Param::Count(n)
    }
}

impl From<&str> for Param {
    fn from(t: &str) -> Self {
        Param::Text(t.to_owned())
    }
}

impl From<String> for Param {
    fn from(t: String) -> Self {
        Param::Text(t)
    }
}

impl From<&Label> for Param {
    fn from(l: &Label) -> Self {
        Param::Label(l.clone())
    }
}

/// At most this many items of a list are carried in a finding's parameter (the allowed keys,
/// the members of a dimension): a dimension of 100,000 members would otherwise put them all in
/// every finding about it. A longer list is cut and ends with `…`.
pub(crate) const MAX_LISTED: usize = 20;

impl Param {
    /// A list parameter of at most [`MAX_LISTED`] items of `items`, ending with `…` when cut.
    pub(crate) fn list(items: impl IntoIterator<Item = Param>) -> Param {
        let mut items = items.into_iter();
        let mut out: Vec<Param> = items.by_ref().take(MAX_LISTED).collect();
        if items.next().is_some() {
            out.push(Param::Text("…".to_owned()));
        }
        Param::List(out)
    }
}

/// At most this many findings of one rule are listed for one report; past it they are counted,
/// and one `validation.truncated` finding per rule says how many more there were. Memory then
/// stays bounded whatever a report holds (500,000 unknown measures give 100 findings and a
/// count), and a person reads what they can act on.
pub(crate) const MAX_FINDINGS_PER_RULE: usize = 100;

/// Findings as they are made, at most [`MAX_FINDINGS_PER_RULE`] of each rule; and, for a report
/// with broken parts, never one about a broken part (its placeholder), which is dropped as it
/// is made.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    list: Vec<Finding>,
    /// Per rule: how many were made (kept or not); a few dozen rules, searched.
    made: Vec<(&'static str, usize)>,
    /// JSON Pointers of the broken parts, sorted.
    poisoned: Vec<String>,
}

impl Findings {
    /// Findings that leave out what is said about the `poisoned` (sorted) parts.
    pub(crate) fn about_sound_parts(poisoned: Vec<String>) -> Findings {
        Findings {
            poisoned,
            ..Findings::default()
        }
    }

    /// Records a finding (or only counts it, past the limit of its rule).
    pub(crate) fn push(&mut self, finding: Finding) {
        if !self.poisoned.is_empty()
            && std::iter::once(&finding.path)
                .chain(&finding.related)
                .any(|path| overlaps_any(&self.poisoned, path))
        {
            return;
        }
        let made = match self.made.iter_mut().find(|(code, _)| *code == finding.code) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                self.made.push((finding.code, 1));
                1
            }
        };
        if made <= MAX_FINDINGS_PER_RULE {
            self.list.push(finding);
        }
    }

    /// Records each of `findings`.
    pub(crate) fn extend(&mut self, findings: impl IntoIterator<Item = Finding>) {
        for finding in findings {
            self.push(finding);
        }
    }

    /// How many findings were made in all (kept or only counted).
    pub(crate) fn made(&self) -> usize {
        self.made.iter().map(|(_, n)| n).sum()
    }

    /// The findings kept so far.
    pub(crate) fn kept(&self) -> &[Finding] {
        &self.list
    }

    /// The findings kept, then one `validation.truncated` for each rule that made more than it
    /// could list (with `after` appended before those).
    pub(crate) fn finish(mut self, after: Option<Findings>) -> Vec<Finding> {
        // The structural rules and the others are different rules: their counts append.
        let mut made = std::mem::take(&mut self.made);
        if let Some(after) = after {
            made.extend(after.made);
            self.list.extend(after.list);
        }
        for (code, n) in made {
            if n > MAX_FINDINGS_PER_RULE {
                self.list.push(
                    Finding::new("validation.truncated", String::new())
                        .with("rule", code)
                        .with("listed", MAX_FINDINGS_PER_RULE as u64)
                        .with("omitted", (n - MAX_FINDINGS_PER_RULE) as u64),
                );
            }
        }
        self.list
    }
}

/// What validation found about one field of a report.
///
/// # Example
///
/// ```
/// let validator = treem::Validator::embedded("binh-dinh-2024").unwrap();
/// let outcome = validator.validate_json(r#"{
///     "profile": "binh-dinh-2024", "kind": "half_year", "year": 2024,
///     "reporter": { "id": "540", "name": "Ủy ban nhân dân thành phố Quy Nhơn" },
///     "measures": { "abuse.cases": { "total": -1 } }
/// }"#).unwrap();
/// let finding = outcome.findings.iter().find(|f| f.code == "structure.range").unwrap();
/// assert_eq!(finding.path, "/measures/abuse.cases/total");
/// assert!(finding.message(treem::Lang::En).contains("-1"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Stable rule code, e.g. `structure.unknown_key`; see [`crate::rules::RULES`].
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) of the field the finding is about.
    pub path: String,
    /// JSON Pointers of the other fields a cross-field rule compared.
    pub related: Vec<String>,
    /// Typed parameters, by name.
    pub params: Map<&'static str, Param>,
}

impl Finding {
    /// A finding of the rule `code` at `path`, with the rule's severity.
    pub(crate) fn new(code: &'static str, path: String) -> Finding {
        let severity = crate::rules::rule(code).map_or(Severity::Error, |r| r.severity);
        Finding {
            code,
            severity,
            path,
            related: Vec::new(),
            params: Map::new(),
        }
    }

    /// Adds a parameter.
    pub(crate) fn with(mut self, name: &'static str, value: impl Into<Param>) -> Finding {
        self.params.insert(name, value.into());
        self
    }

    /// Adds the `suggestion` parameter when one of `candidates` is close enough to `typed` to be
    /// what was meant (see [`crate::text::closest`]).
    pub(crate) fn suggest<'c>(
        self,
        typed: &str,
        candidates: impl Iterator<Item = &'c str>,
    ) -> Finding {
        match crate::text::closest(typed, candidates) {
            Some(meant) => self.with("suggestion", meant),
            None => self,
        }
    }

    /// Adds a related path.
    pub(crate) fn related(mut self, path: String) -> Finding {
        self.related.push(path);
        self
    }

    /// The message, rendered in `lang` from the message table.
    pub fn message(&self, lang: Lang) -> String {
        crate::rules::render(self, lang)
    }

    /// The finding as wire data, with its message in `lang`: what the CLI prints with
    /// `--format json` and what the WASM build returns.
    pub fn to_output(&self, lang: Lang) -> FindingOutput {
        FindingOutput {
            code: self.code.to_owned(),
            severity: self.severity,
            path: self.path.clone(),
            related: self.related.clone(),
            // Already in key order: the map is built without sorting.
            params: self
                .params
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
            message: self.message(lang),
        }
    }
}

/// A finding as wire data (JSON), with its message rendered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FindingOutput {
    /// Stable rule code.
    pub code: String,
    /// `error` or `warning`.
    pub severity: Severity,
    /// JSON Pointer of the field.
    pub path: String,
    /// JSON Pointers of related fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// Typed parameters.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub params: Map<String, Param>,
    /// The message in the language asked for.
    pub message: String,
}

/// Appends one reference token to a JSON Pointer, escaping `~` as `~0` and `/` as `~1`
/// (RFC 6901).
///
/// # Example
///
/// ```
/// assert_eq!(treem::pointer_push("/measures", "abuse.children"), "/measures/abuse.children");
/// assert_eq!(treem::pointer_push("", "a/b~c"), "/a~1b~0c");
/// ```
pub fn pointer_push(base: &str, token: &str) -> String {
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    out.push('/');
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

/// A JSON Pointer as shown to a person: the pointer itself, or a name for the whole document
/// (the empty pointer would be invisible, and `/` is the pointer of the key `""`).
///
/// # Example
///
/// ```
/// use treem::{Lang, pointer_display};
/// assert_eq!(pointer_display("/year", Lang::Vi), "/year");
/// assert_eq!(pointer_display("", Lang::En), "(the whole report)");
/// ```
pub fn pointer_display(path: &str, lang: Lang) -> &str {
    match (path, lang) {
        ("", Lang::Vi) => "(toàn bộ báo cáo)",
        ("", Lang::En) => "(the whole report)",
        (path, _) => path,
    }
}

/// Whether `path` overlaps one of `sorted` (JSON Pointers in ascending order, without
/// repeats): equal to one, an ancestor of one, or below one. In log time: an ancestor of
/// `path` is one of its prefixes that ends at a `/`, and the pointers below `path` are exactly
/// those from `path/` up to (not including) `path0` (`0` follows `/`).
pub(crate) fn overlaps_any(sorted: &[String], path: &str) -> bool {
    let has = |p: &str| sorted.binary_search_by(|x| x.as_str().cmp(p)).is_ok();
    // `path` itself and each of its ancestors (the root, "", included).
    if has(path) || path.match_indices('/').any(|(i, _)| has(&path[..i])) {
        return true;
    }
    let below = format!("{path}/");
    let first = sorted.partition_point(|x| x.as_str() < below.as_str());
    sorted.get(first).is_some_and(|x| x.starts_with(&below))
}

/// Whether two JSON Pointers overlap: equal, or one is an ancestor of the other.
#[cfg(test)]
pub(crate) fn pointers_overlap(a: &str, b: &str) -> bool {
    let within = |inner: &str, outer: &str| {
        inner.len() >= outer.len()
            && inner.starts_with(outer)
            && (inner.len() == outer.len() || inner.as_bytes()[outer.len()] == b'/')
    };
    within(a, b) || within(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlaps_any_agrees_with_pairwise_overlap() {
        let mut sorted: Vec<String> = [
            "",
            "/a",
            "/a.b",
            "/a/0",
            "/measures/abuse",
            "/measures/abuse.children/by",
            "/sections/1",
            "/sections/10/task",
            "/x~1y",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        sorted.sort();
        let paths = [
            "",
            "/a",
            "/a/1",
            "/a.b/c",
            "/measures",
            "/measures/abuse/total",
            "/measures/abuse.children",
            "/measures/abuse.cases",
            "/sections",
            "/sections/1/task",
            "/sections/10",
            "/sections/100",
            "/x~1y/z",
            "/x",
        ];
        for set in [&sorted[..], &sorted[1..]] {
            for path in paths {
                let pairwise = set.iter().any(|p| pointers_overlap(path, p));
                assert_eq!(overlaps_any(set, path), pairwise, "{path} in {set:?}");
            }
        }
    }

    #[test]
    fn overlap_is_by_whole_segments() {
        assert!(pointers_overlap(
            "/measures/abuse.children",
            "/measures/abuse.children/by/sex"
        ));
        assert!(pointers_overlap(
            "/measures/abuse.children/by/sex",
            "/measures/abuse.children"
        ));
        assert!(!pointers_overlap(
            "/measures/abuse.children",
            "/measures/abuse.children_supported"
        ));
        assert!(pointers_overlap("", "/kind"));
        assert!(!pointers_overlap("/kind", "/year"));
    }

    #[test]
    fn numbers_render_plainly() {
        assert_eq!(format_number(62.5), "62.5");
        assert_eq!(format_number(7.0), "7");
        assert_eq!(format_number(1.0 / 3.0), "0.333");
    }
}
