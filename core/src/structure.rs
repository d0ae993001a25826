//! The structural pass: every shape problem of a report at once, each with its JSON Pointer.
//!
//! The typed parse ([`Report`]'s `Deserialize`) is fast but stops at the first problem. When it
//! fails, the text is read again into a [`Node`] tree (which, unlike `serde_json::Value`, keeps
//! duplicate keys) and [`check`] walks it with the same shape the typed model has, collecting
//! every problem. A property test holds the two to the same verdict.
//!
//! [`check`] also says which parts of the document are broken ("poisoned"): the smallest unit
//! that can be dropped or replaced (an optional header field, a required one, one measure, one
//! section, one indicator). [`salvage`] rebuilds the document without them so that the
//! remaining rules can still run on everything that is sound.

use std::collections::BTreeSet;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value, json};

use crate::date::{CivilDate, DateError};
use crate::finding::{Finding, Param, pointer_push};
use crate::i18n::Label;
use crate::model::MAX_QUANTITY;

/// A JSON document as written, duplicate keys and key order kept.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    /// A non-negative integer.
    Uint(u64),
    /// A negative integer.
    Int(i64),
    /// A number with a fraction or an exponent, or an integer beyond 64 bits.
    Float(f64),
    Str(String),
    Arr(Vec<Node>),
    Obj(Vec<(String, Node)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NodeVisitor;
        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = Node;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
                Ok(Node::Bool(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
                Ok(Node::Uint(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
                Ok(if v >= 0 {
                    Node::Uint(v.unsigned_abs())
                } else {
                    Node::Int(v)
                })
            }
            fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
                Ok(Node::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Node, E> {
                Ok(Node::Str(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Node, E> {
                Ok(Node::Str(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Node::Arr(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = map.next_entry()? {
                    entries.push((k, v));
                }
                Ok(Node::Obj(entries))
            }
        }
        deserializer.deserialize_any(NodeVisitor)
    }
}

impl Node {
    /// The JSON type's name, for messages.
    fn type_label(&self) -> Label {
        let (vi, en) = match self {
            Node::Null => ("null", "null"),
            Node::Bool(_) => ("giá trị đúng/sai", "a boolean"),
            Node::Uint(_) | Node::Int(_) => ("số nguyên", "a whole number"),
            Node::Float(_) => ("số thập phân", "a decimal number"),
            Node::Str(_) => ("chuỗi ký tự", "a string"),
            Node::Arr(_) => ("mảng", "an array"),
            Node::Obj(_) => ("đối tượng", "an object"),
        };
        Label {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The value as written, for messages.
    fn as_written(&self) -> String {
        match self {
            Node::Uint(n) => n.to_string(),
            Node::Int(n) => n.to_string(),
            Node::Float(x) => x.to_string(),
            Node::Str(s) => s.clone(),
            other => other.type_label().en,
        }
    }

    /// Converts to a `serde_json::Value`; of duplicate keys the last wins, as in serde_json.
    fn into_value(self) -> Value {
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(b),
            Node::Uint(n) => Value::from(n),
            Node::Int(n) => Value::from(n),
            Node::Float(x) => serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number),
            Node::Str(s) => Value::String(s),
            Node::Arr(items) => Value::Array(items.into_iter().map(Node::into_value).collect()),
            Node::Obj(entries) => {
                let mut map = Map::new();
                for (k, v) in entries {
                    map.insert(k, v.into_value());
                }
                Value::Object(map)
            }
        }
    }
}

/// What [`check`] found: the problems, and the broken units.
pub(crate) struct Checked {
    pub findings: Vec<Finding>,
    /// JSON Pointers of the units (see the module docs) that hold a problem.
    pub poisoned: Vec<String>,
}

/// Walks a report document and returns every structural problem.
pub(crate) fn check(root: &Node) -> Checked {
    let mut c = Checker {
        findings: Vec::new(),
        poisoned: Vec::new(),
        unit: String::new(),
    };
    c.report(root);
    c.poisoned.sort();
    c.poisoned.dedup();
    Checked {
        findings: c.findings,
        poisoned: c.poisoned,
    }
}

const REPORT_KEYS: &[&str] = &[
    "profile",
    "kind",
    "year",
    "reporter",
    "submitted_on",
    "data_as_of",
    "estimated",
    "prepared_by",
    "signed_by",
    "sections",
    "measures",
    "indicators",
];
const REPORT_REQUIRED: &[&str] = &["profile", "kind", "year", "reporter"];

struct Checker {
    findings: Vec<Finding>,
    poisoned: Vec<String>,
    /// The unit being walked; a problem poisons it.
    unit: String,
}

fn label(vi: &str, en: &str) -> Label {
    Label {
        vi: vi.into(),
        en: en.into(),
    }
}

impl Checker {
    fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
        self.poisoned.push(self.unit.clone());
    }

    /// Records a problem about the key at `at` (unknown, duplicate or missing). At the root the
    /// key itself is the broken unit, so the rest of the report can still be checked; deeper
    /// down, the enclosing unit is.
    fn push_at(&mut self, finding: Finding, at: &str) {
        self.findings.push(finding);
        self.poisoned.push(if self.unit.is_empty() {
            at.to_owned()
        } else {
            self.unit.clone()
        });
    }

    fn wrong_type(&mut self, path: &str, node: &Node, expected: Label) {
        let f = Finding::new("structure.type", path.to_owned())
            .with("expected", &expected)
            .with("found", &node.type_label());
        self.push(f);
    }

    /// Checks an object's keys; returns its entries (first of each key) when it is an object.
    fn object<'n>(
        &mut self,
        path: &str,
        node: &'n Node,
        known: &[&str],
        required: &[&str],
    ) -> Option<Vec<(&'n str, &'n Node)>> {
        let Node::Obj(entries) = node else {
            self.wrong_type(path, node, label("đối tượng", "an object"));
            return None;
        };
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let mut fields = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            let at = pointer_push(path, key);
            if !seen.insert(key) {
                self.push_at(
                    Finding::new("structure.duplicate_key", at.clone()).with("key", key.as_str()),
                    &at,
                );
                continue;
            }
            if known.contains(&key.as_str()) {
                fields.push((key.as_str(), value));
            } else {
                let allowed = Param::List(known.iter().map(|k| Param::from(*k)).collect());
                let finding = Finding::new("structure.unknown_key", at.clone())
                    .with("key", key.as_str())
                    .with("allowed", allowed);
                self.push_at(finding, &at);
            }
        }
        for key in required {
            if !seen.contains(key) {
                self.push(
                    Finding::new("structure.missing_key", pointer_push(path, key))
                        .with("key", *key),
                );
            }
        }
        Some(fields)
    }

    /// Checks a map with free keys (measures, breakdowns): duplicate keys only.
    fn map<'n>(&mut self, path: &str, node: &'n Node) -> Option<Vec<(&'n str, &'n Node)>> {
        let Node::Obj(entries) = node else {
            self.wrong_type(path, node, label("đối tượng", "an object"));
            return None;
        };
        let mut seen: Vec<&str> = Vec::with_capacity(entries.len());
        let mut fields = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            if seen.contains(&key.as_str()) {
                self.push(
                    Finding::new("structure.duplicate_key", pointer_push(path, key))
                        .with("key", key.as_str()),
                );
            } else {
                seen.push(key);
                fields.push((key.as_str(), value));
            }
        }
        Some(fields)
    }

    fn string(&mut self, path: &str, node: &Node) {
        if !matches!(node, Node::Str(_)) {
            self.wrong_type(path, node, label("chuỗi ký tự", "a string"));
        }
    }

    fn boolean(&mut self, path: &str, node: &Node) {
        if !matches!(node, Node::Bool(_)) {
            self.wrong_type(
                path,
                node,
                label("giá trị đúng/sai (true/false)", "a boolean (true/false)"),
            );
        }
    }

    fn number(&mut self, path: &str, node: &Node) {
        if !matches!(node, Node::Uint(_) | Node::Int(_) | Node::Float(_)) {
            self.wrong_type(path, node, label("số", "a number"));
        }
    }

    /// A whole number in `0..=max`. A number written with a zero fraction or an exponent
    /// (`3.0`, `2.024e3`) is whole, as in JSON Schema.
    fn whole(&mut self, path: &str, node: &Node, max: u64) {
        match node {
            Node::Uint(n) if *n <= max => {}
            Node::Float(x) if x.fract() == 0.0 && (0.0..=max as f64).contains(x) => {}
            Node::Float(x) if x.fract() == 0.0 && x.is_finite() => {
                let f = Finding::new("structure.range", path.to_owned())
                    .with("value", node.as_written())
                    .with("min", 0)
                    .with("max", max);
                self.push(f);
            }
            Node::Uint(_) | Node::Int(_) => {
                let f = Finding::new("structure.range", path.to_owned())
                    .with("value", node.as_written())
                    .with("min", 0)
                    .with("max", max);
                self.push(f);
            }
            _ => self.wrong_type(
                path,
                node,
                label("số nguyên không âm", "a whole number ≥ 0"),
            ),
        }
    }

    fn date(&mut self, path: &str, node: &Node) {
        let Node::Str(text) = node else {
            self.wrong_type(
                path,
                node,
                label("ngày dạng chuỗi YYYY-MM-DD", "a date string YYYY-MM-DD"),
            );
            return;
        };
        if let Err(e) = text.parse::<CivilDate>() {
            let reason = match e {
                DateError::Shape => "shape",
                DateError::NoSuchDay => "no_such_day",
            };
            let f = Finding::new("structure.date", path.to_owned())
                .with("value", text.as_str())
                .with("reason", reason);
            self.push(f);
        }
    }

    fn one_of(&mut self, path: &str, node: &Node, allowed: &[&str]) {
        match node {
            Node::Str(s) if allowed.contains(&s.as_str()) => {}
            Node::Str(s) => {
                let list = Param::List(allowed.iter().map(|a| Param::from(*a)).collect());
                self.push(
                    Finding::new("structure.value", path.to_owned())
                        .with("value", s.as_str())
                        .with("allowed", list),
                );
            }
            other => self.wrong_type(path, other, label("chuỗi ký tự", "a string")),
        }
    }

    fn report(&mut self, root: &Node) {
        let Some(fields) = self.object("", root, REPORT_KEYS, REPORT_REQUIRED) else {
            return;
        };
        for (key, value) in fields {
            let path = pointer_push("", key);
            self.unit.clone_from(&path);
            match key {
                "profile" | "kind" => self.string(&path, value),
                "year" => self.whole(&path, value, u64::from(u16::MAX)),
                "reporter" => {
                    if let Some(fields) =
                        self.object(&path, value, &["id", "name"], &["id", "name"])
                    {
                        for (k, v) in fields {
                            self.string(&pointer_push(&path, k), v);
                        }
                    }
                }
                // `null` is never a value: a field not reported is left out, so optional fields
                // are checked exactly like required ones once present.
                "submitted_on" | "data_as_of" => self.date(&path, value),
                "estimated" => self.boolean(&path, value),
                "prepared_by" => self.contact(&path, value),
                "signed_by" => {
                    if let Some(fields) =
                        self.object(&path, value, &["name", "title"], &["name", "title"])
                    {
                        for (k, v) in fields {
                            self.string(&pointer_push(&path, k), v);
                        }
                    }
                }
                "sections" => self.array(&path, value, Self::section),
                "indicators" => self.array(&path, value, Self::indicator),
                "measures" => {
                    if let Some(entries) = self.map(&path, value) {
                        for (id, measure) in entries {
                            let at = pointer_push(&path, id);
                            self.unit.clone_from(&at);
                            self.measure(&at, measure);
                        }
                    }
                }
                _ => unreachable!("object() keeps known keys only"),
            }
        }
    }

    fn array(&mut self, path: &str, node: &Node, element: fn(&mut Self, &str, &Node)) {
        let Node::Arr(items) = node else {
            self.wrong_type(path, node, label("mảng", "an array"));
            return;
        };
        for (i, item) in items.iter().enumerate() {
            let at = pointer_push(path, &i.to_string());
            self.unit.clone_from(&at);
            element(self, &at, item);
        }
    }

    fn contact(&mut self, path: &str, node: &Node) {
        let known = ["name", "position", "phone", "email"];
        if let Some(fields) = self.object(path, node, &known, &["name"]) {
            for (k, v) in fields {
                self.string(&pointer_push(path, k), v);
            }
        }
    }

    fn section(&mut self, path: &str, node: &Node) {
        let known = ["task", "status", "narrative", "documents"];
        let Some(fields) = self.object(path, node, &known, &["task", "status"]) else {
            return;
        };
        for (key, value) in fields {
            let at = pointer_push(path, key);
            match key {
                "task" => self.whole(&at, value, u64::from(u8::MAX)),
                "status" => self.one_of(
                    &at,
                    value,
                    &["done", "in_progress", "not_started", "not_applicable"],
                ),
                "narrative" => self.string(&at, value),
                "documents" => {
                    let Node::Arr(items) = value else {
                        self.wrong_type(&at, value, label("mảng", "an array"));
                        continue;
                    };
                    for (i, doc) in items.iter().enumerate() {
                        let doc_at = pointer_push(&at, &i.to_string());
                        let known = ["number", "date", "title"];
                        if let Some(fields) = self.object(&doc_at, doc, &known, &known) {
                            for (k, v) in fields {
                                let field_at = pointer_push(&doc_at, k);
                                if k == "date" {
                                    self.date(&field_at, v);
                                } else {
                                    self.string(&field_at, v);
                                }
                            }
                        }
                    }
                }
                _ => unreachable!("object() keeps known keys only"),
            }
        }
    }

    fn measure(&mut self, path: &str, node: &Node) {
        let Some(fields) = self.object(path, node, &["total", "by"], &["total"]) else {
            return;
        };
        for (key, value) in fields {
            let at = pointer_push(path, key);
            if key == "total" {
                self.whole(&at, value, MAX_QUANTITY);
                continue;
            }
            let Some(dimensions) = self.map(&at, value) else {
                continue;
            };
            for (dimension, members) in dimensions {
                let dim_at = pointer_push(&at, dimension);
                if let Some(members) = self.map(&dim_at, members) {
                    for (member, figure) in members {
                        self.whole(&pointer_push(&dim_at, member), figure, MAX_QUANTITY);
                    }
                }
            }
        }
    }

    fn indicator(&mut self, path: &str, node: &Node) {
        let known = ["annex", "code", "id", "value", "numerator", "denominator"];
        let Some(fields) = self.object(path, node, &known, &["value"]) else {
            return;
        };
        for (key, value) in fields {
            let at = pointer_push(path, key);
            match key {
                "annex" => self.one_of(&at, value, &["I", "II"]),
                "code" | "id" => self.string(&at, value),
                "value" => self.number(&at, value),
                "numerator" | "denominator" => self.whole(&at, value, MAX_QUANTITY),
                _ => unreachable!("object() keeps known keys only"),
            }
        }
    }
}

/// Rebuilds the document without its poisoned units, so that the typed model can be built from
/// what is sound. Required header fields that are broken get neutral placeholders; findings
/// about them are filtered out by the caller. Returns `None` when the root itself is broken.
pub(crate) fn salvage(root: Node, poisoned: &[String]) -> Option<Value> {
    let is_poisoned = |path: &str| poisoned.iter().any(|p| p == path);
    if is_poisoned("") {
        return None;
    }
    let Node::Obj(entries) = root else {
        return None;
    };
    let mut out = Map::new();
    for (key, value) in entries {
        let path = pointer_push("", &key);
        if !REPORT_KEYS.contains(&key.as_str()) {
            continue;
        }
        if is_poisoned(&path) {
            continue; // required fields get a placeholder below
        }
        let value = match (key.as_str(), value) {
            ("sections", Node::Arr(items)) => Value::Array(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| {
                        if is_poisoned(&pointer_push(&path, &i.to_string())) {
                            json!({ "task": 0, "status": "not_applicable" })
                        } else {
                            item.into_value()
                        }
                    })
                    .collect(),
            ),
            ("indicators", Node::Arr(items)) => Value::Array(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| {
                        if is_poisoned(&pointer_push(&path, &i.to_string())) {
                            json!({ "id": "", "value": 0 })
                        } else {
                            item.into_value()
                        }
                    })
                    .collect(),
            ),
            ("measures", Node::Obj(measures)) => {
                let mut kept = Map::new();
                for (id, measure) in measures {
                    if !is_poisoned(&pointer_push(&path, &id)) {
                        kept.insert(id, measure.into_value());
                    }
                }
                Value::Object(kept)
            }
            (_, other) => other.into_value(),
        };
        out.insert(key, value);
    }
    // Placeholders for required fields that are missing or broken; every finding about them is
    // dropped by the caller, since their paths are poisoned.
    for (key, placeholder) in [
        ("profile", json!("")),
        ("kind", json!("")),
        ("year", json!(0)),
        ("reporter", json!({ "id": "", "name": "" })),
    ] {
        out.entry(key).or_insert(placeholder);
    }
    Some(Value::Object(out))
}

/// Parses text into a [`Node`].
pub(crate) fn parse(text: &str) -> Result<Node, serde_json::Error> {
    serde_json::from_str(text)
}
