//! Structural validation: every problem at once, each with its JSON Pointer.

use serde_json::Value;
use treem::{Lang, Severity, validate_json};
use treem_conformance::read;

/// Each fixture gives exactly its expected findings, by code and path, in any order.
#[test]
fn fixtures_give_exactly_their_findings() {
    let cases: Value = serde_json::from_str(&read("tests/fixtures/structure/cases.json")).unwrap();
    for case in cases["cases"].as_array().unwrap() {
        let file = case["file"].as_str().unwrap();
        let outcome = validate_json(&read(&format!("tests/fixtures/structure/{file}"))).unwrap();
        let mut got: Vec<(String, String)> = outcome
            .findings
            .iter()
            .map(|f| (f.code.to_owned(), f.path.clone()))
            .collect();
        let mut want: Vec<(String, String)> = case["expect"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e[0].as_str().unwrap().to_owned(),
                    e[1].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{file}");
        assert!(!outcome.is_valid(), "{file}");
        for f in &outcome.findings {
            assert_eq!(f.severity, Severity::Error, "{file}: {}", f.code);
            for lang in [Lang::Vi, Lang::En] {
                assert!(
                    !f.message(lang).contains('?'),
                    "{file}: {} lacks a parameter: {}",
                    f.code,
                    f.message(lang)
                );
            }
        }
    }
}

/// Rules keep running on the sound parts of a broken report.
#[test]
fn broken_parts_do_not_hide_other_findings() {
    let mut report: Value =
        serde_json::from_str(&read("examples/quy-nhon-half-year-2024.json")).unwrap();
    report["year"] = Value::from("2024");
    report["measures"]["abuse.childs"] = serde_json::json!({ "total": 1 });
    report["measures"]["injury.children"]["by"]["sex"]["girls"] = Value::from(2);
    let outcome = validate_json(&report.to_string()).unwrap();
    let got: Vec<(&str, &str)> = outcome
        .findings
        .iter()
        .map(|f| (f.code, f.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("structure.type", "/year"),
            ("measure.unknown", "/measures/abuse.childs"),
            (
                "measure.member_unknown",
                "/measures/injury.children/by/sex/girls"
            ),
        ]
    );
    assert!(!outcome.complete);
}

/// Decomposed (NFD) Vietnamese is accepted and stored composed (NFC).
#[test]
fn nfd_input_is_normalised() {
    use unicode_normalization_free::decompose;
    let text = read("examples/quy-nhon-half-year-2024.json");
    let nfd = decompose(&text);
    assert_ne!(nfd, text);
    let a = validate_json(&text).unwrap();
    let b = validate_json(&nfd).unwrap();
    assert!(b.is_valid(), "{:?}", b.findings);
    assert_eq!(a.report, b.report);
    assert_eq!(
        b.report.unwrap().reporter.name,
        "Ủy ban nhân dân thành phố Quy Nhơn"
    );
}

/// A byte-order mark (Excel, Notepad) is not an error.
#[test]
fn byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", read("examples/quy-nhon-half-year-2024.json"));
    assert!(validate_json(&text).unwrap().is_valid());
}

/// Text that is not JSON is an operational error with a stable code, never a panic.
#[test]
fn not_json_is_an_error() {
    for text in ["", "{", "[1,]", "nul", "{\"a\":1}}", &"[".repeat(10_000)] {
        let err = validate_json(text).unwrap_err();
        assert_eq!(err.code(), "json_syntax", "{text:.20}");
    }
}

/// A document that is JSON but not an object is one finding at the root.
#[test]
fn non_object_root() {
    for text in ["[]", "3", "\"report\"", "null", "true"] {
        let outcome = validate_json(text).unwrap();
        let codes: Vec<(&str, &str)> = outcome
            .findings
            .iter()
            .map(|f| (f.code, f.path.as_str()))
            .collect();
        assert_eq!(codes, [("structure.type", "")], "{text}");
        assert!(outcome.report.is_none());
    }
}

/// JSON Pointers escape `/` and `~` in keys (RFC 6901).
#[test]
fn pointers_escape_keys() {
    let mut report: Value =
        serde_json::from_str(&read("examples/quy-nhon-half-year-2024.json")).unwrap();
    report["measures"]["a/b~c"] = serde_json::json!({ "total": -1 });
    let outcome = validate_json(&report.to_string()).unwrap();
    let paths: Vec<&str> = outcome.findings.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["/measures/a~1b~0c/total"]);
}

mod unicode_normalization_free {
    /// Decomposes the precomposed Vietnamese letters of `text` (NFD) without a normalisation
    /// library, so the test does not share code with the implementation it checks.
    pub fn decompose(text: &str) -> String {
        let mut out = String::with_capacity(text.len() * 2);
        for c in text.chars() {
            match c {
                'ệ' => out.push_str("e\u{323}\u{302}"),
                'ơ' => out.push_str("o\u{31b}"),
                'Ủ' => out.push_str("U\u{309}"),
                'â' => out.push_str("a\u{302}"),
                'ố' => out.push_str("o\u{302}\u{301}"),
                'ẻ' => out.push_str("e\u{309}"),
                'à' => out.push_str("a\u{300}"),
                'ạ' => out.push_str("a\u{323}"),
                'ư' => out.push_str("u\u{31b}"),
                'ộ' => out.push_str("o\u{323}\u{302}"),
                c => out.push(c),
            }
        }
        out
    }
}

/// A misspelt id is one finding, and its message names what was probably meant.
#[test]
fn misspellings_suggest_what_was_meant() {
    let mut report: Value =
        serde_json::from_str(&read("examples/quy-nhon-half-year-2024.json")).unwrap();
    let cases = report["measures"]
        .as_object_mut()
        .unwrap()
        .remove("abuse.cases")
        .unwrap();
    report["measures"]["abuse.cases2"] = cases;
    let sex = report["measures"]["abuse.children"]["by"]["sex"]
        .as_object_mut()
        .unwrap();
    let female = sex.remove("female").unwrap();
    sex.insert("femal".into(), female);
    report["sections"][2]["task"] = Value::from(11);
    let outcome = validate_json(&report.to_string()).unwrap();
    let messages: Vec<(&str, String)> = outcome
        .findings
        .iter()
        .map(|f| (f.code, f.message(Lang::En)))
        .collect();
    assert_eq!(messages.len(), 3, "{messages:#?}");
    let find = |code: &str| {
        messages
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, m)| m.clone())
            .unwrap()
    };
    assert!(find("measure.unknown").contains("Did you mean `abuse.cases`?"));
    assert!(find("measure.member_unknown").contains("Did you mean `female`?"));
    assert!(find("section.task").contains("Missing: section 3"));
}
