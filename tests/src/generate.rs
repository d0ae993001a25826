//! Generators for the property tests: valid reports of any reporter and kind, and their JSON text
//! in every form the wire format allows (compact or indented, keys in any order, Vietnamese text
//! in NFC or NFD).

use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value;
use treem::sample::SplitMix64;
use treem::{Profile, Report};
use unicode_normalization::UnicodeNormalization;

/// A valid report of any reporter and any kind of the default profile, with figures drawn from
/// a seed ([`treem::sample::example`]) and, now and then, its optional parts left out.
pub fn arb_report() -> impl Strategy<Value = Report> {
    let profile = Profile::default_profile();
    let reporters: Vec<String> = profile.reporters.iter().map(|r| r.id.clone()).collect();
    let kinds: Vec<String> = profile.report_kinds.iter().map(|k| k.id.clone()).collect();
    (select(reporters), select(kinds), any::<u64>(), any::<u8>()).prop_map(
        |(reporter, kind, seed, leave_out)| {
            let mut report =
                treem::sample::example(Profile::default_profile(), &kind, &reporter, seed)
                    .expect("every reporter and kind of the profile can be generated");
            // Optional parts left out now and then, so that the rules' "when missing" branches
            // are generated too: a draft (not yet submitted, so not yet signed), no cut-off
            // date, no contact.
            if leave_out % 8 == 0 {
                report.submitted_on = None;
                if leave_out % 16 == 0 {
                    report.signed_by = None;
                }
            }
            if leave_out % 4 == 1 {
                report.data_as_of = None;
            }
            if leave_out % 4 == 2 {
                report.prepared_by = None;
            }
            report
        },
    )
}

/// How a report is written as text. None of these may change a verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// Every string in Unicode NFD (letters and their marks apart) instead of NFC.
    pub nfd: bool,
    /// Indented over several lines instead of on one.
    pub pretty: bool,
    /// Object keys in an order drawn from this seed instead of sorted.
    pub shuffle: Option<u64>,
}

impl Style {
    /// Compact, NFC, keys sorted: serde_json's own output.
    pub const PLAIN: Style = Style {
        nfd: false,
        pretty: false,
        shuffle: None,
    };
}

/// Any [`Style`].
pub fn arb_style() -> impl Strategy<Value = Style> {
    (any::<bool>(), any::<bool>(), any::<Option<u64>>()).prop_map(|(nfd, pretty, shuffle)| Style {
        nfd,
        pretty,
        shuffle,
    })
}

/// `value` as JSON text in `style`.
pub fn render(value: &Value, style: Style) -> String {
    let mut out = String::new();
    let mut rng = style.shuffle.map(SplitMix64::new);
    write(value, style, &mut rng, 0, &mut out);
    out
}

fn string(s: &str, style: Style, out: &mut String) {
    let text: String = if style.nfd {
        s.nfd().collect()
    } else {
        s.to_owned()
    };
    out.push_str(&Value::String(text).to_string());
}

fn newline(style: Style, depth: usize, out: &mut String) {
    if style.pretty {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    }
}

fn write(
    value: &Value,
    style: Style,
    rng: &mut Option<SplitMix64>,
    depth: usize,
    out: &mut String,
) {
    match value {
        Value::String(s) => string(s, style, out),
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(style, depth + 1, out);
                write(item, style, rng, depth + 1, out);
            }
            newline(style, depth, out);
            out.push(']');
        }
        Value::Object(map) if !map.is_empty() => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            if let Some(rng) = rng {
                for i in (1..entries.len()).rev() {
                    let j = rng.between(0, i as u64) as usize;
                    entries.swap(i, j);
                }
            }
            out.push('{');
            for (i, (key, item)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(style, depth + 1, out);
                string(key, style, out);
                out.push_str(if style.pretty { ": " } else { ":" });
                write(item, style, rng, depth + 1, out);
            }
            newline(style, depth, out);
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_reads_back_as_the_same_value_up_to_normalisation() {
        let report =
            treem::sample::example(Profile::default_profile(), "annual", "540", 3).unwrap();
        let value = serde_json::to_value(&report).unwrap();
        for nfd in [false, true] {
            for pretty in [false, true] {
                for shuffle in [None, Some(7)] {
                    let style = Style {
                        nfd,
                        pretty,
                        shuffle,
                    };
                    let text = render(&value, style);
                    let back: Value = serde_json::from_str(&text).unwrap();
                    assert_eq!(back == value, !nfd, "{style:?}");
                    assert_eq!(text.contains('\n'), pretty);
                    let nfc: String = text.nfc().collect();
                    assert_eq!(serde_json::from_str::<Value>(&nfc).unwrap(), value);
                }
            }
        }
    }
}
