//! Vietnamese text: every string that enters the model is stored in Unicode NFC.
//!
//! Officials type on many keyboards and systems; macOS and some Vietnamese input methods produce
//! decomposed (NFD) text, where *ệ* is `e` + U+0323 + U+0302. treem accepts any normalisation
//! form and stores NFC, so that names compare equal however they were typed; it never rejects a
//! name for its encoding.

pub(crate) mod case;
mod latin_table;
mod nfc;

use serde::{Deserialize, Deserializer};

/// Returns `text` in Unicode Normalisation Form C (canonical composition) for Latin script,
/// which covers every Vietnamese letter; text in other scripts is kept as given.
///
/// Text without combining marks (the common case) is copied without being recomposed.
///
/// # Example
///
/// ```
/// let decomposed = "Quy Nho\u{31b}n"; // "ơ" typed as o + combining horn
/// assert_eq!(treem::nfc(decomposed), "Quy Nhơn");
/// assert_eq!(treem::nfc("Quy Nhơn"), "Quy Nhơn");
/// ```
pub fn nfc(text: &str) -> String {
    if text.chars().any(nfc::is_mark) {
        nfc::nfc(text)
    } else {
        text.to_owned()
    }
}

/// `text` without a leading UTF-8 byte-order mark, which Windows editors and Excel write and
/// JSON parsers reject.
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Whether `text` may contain a combining mark of U+0300–U+036F: in UTF-8 each starts with the
/// byte 0xCC or 0xCD, so a byte search (`memchr`, word at a time) answers for most text
/// without decoding it.
fn may_need_composing(text: &str) -> bool {
    let bytes = text.as_bytes();
    (bytes.contains(&0xCC) || bytes.contains(&0xCD)) && text.chars().any(nfc::is_mark)
}

/// Normalises `text` in place to NFC; see [`nfc`].
pub(crate) fn nfc_in_place(text: &mut String) {
    if may_need_composing(text) {
        *text = nfc::nfc(text);
    }
}

/// Folds a name for comparison: NFC, lower case, runs of white space collapsed to one space and
/// trimmed. Used where the template says names match "case- and spacing-insensitively". Case is
/// folded for Latin script, which covers every Vietnamese letter; letters of other scripts
/// compare as written.
///
/// # Example
///
/// ```
/// assert_eq!(
///     treem::fold_name("  ỦY BAN nhân dân\tthành phố  Quy Nhơn "),
///     treem::fold_name("Ủy ban nhân dân thành phố Quy Nhơn"),
/// );
/// ```
pub fn fold_name(text: &str) -> String {
    // Latin letters only (see `case`): other scripts compare as written.
    let lowered: String = nfc(text).chars().map(case::lower).collect();
    // Lower-casing can in principle produce non-NFC sequences; normalise once more.
    let lowered = nfc(&lowered);
    lowered.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The Levenshtein distance between two identifiers, counted in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// Identifiers longer than this are not compared for a suggestion (no id is this long).
const LONGEST_SUGGESTED: usize = 64;

/// How many candidates are compared for one suggestion: a profile's measures and a dimension's
/// members are far fewer; a hostile profile with 100,000 members gets no suggestion rather
/// than a search through them all for each misspelt member.
const MOST_CANDIDATES: usize = 1_000;

/// The candidate closest to `typed`, if it is close enough to be what was meant: at most a
/// third of the candidate's length away, and at most 3 edits. Bounded work: a candidate whose
/// length differs by more than 3 is not compared, nor are texts longer than 64 characters, nor
/// more than 1,000 candidates.
pub(crate) fn closest<'c>(
    typed: &str,
    candidates: impl Iterator<Item = &'c str>,
) -> Option<&'c str> {
    let len = typed.chars().count();
    if len > LONGEST_SUGGESTED {
        return None;
    }
    candidates
        .take(MOST_CANDIDATES)
        .filter(|c| c.len() <= 4 * LONGEST_SUGGESTED && c.chars().count().abs_diff(len) <= 3)
        .map(|c| (edit_distance(typed, c), c))
        .filter(|(d, c)| *d <= 3 && *d * 3 <= c.chars().count().max(3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A string, normalised to NFC, without control characters but a tab (and line breaks where
/// `multiline`).
fn de_text<'de, D: Deserializer<'de>>(
    deserializer: D,
    multiline: bool,
) -> Result<String, D::Error> {
    let mut text = String::deserialize(deserializer)?;
    if let Some((position, c)) = crate::structure::control_character(&text, multiline) {
        return Err(serde::de::Error::custom(format_args!(
            "control character U+{:04X} at position {position}",
            u32::from(c)
        )));
    }
    nfc_in_place(&mut text);
    Ok(text)
}

/// serde helper: a string of a data file (profile, catalog, schedule), normalised to NFC; no
/// control character but tabs and line breaks.
pub(crate) fn de_nfc<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    de_text(deserializer, true)
}

/// serde helper: a one-line string of a report, normalised to NFC; no control character but a
/// tab.
pub(crate) fn de_line<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    de_text(deserializer, false)
}

/// [`de_line`] for optional fields: present means a value (never `null`).
pub(crate) fn de_some_line<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    de_line(deserializer).map(Some)
}

/// serde helper: a report's narrative, normalised to NFC; tabs and line breaks allowed.
pub(crate) fn de_lines<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    de_text(deserializer, true)
}

/// serde helper for optional fields: present means a value (never `null`), normalised to NFC.
pub(crate) fn de_some_nfc<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    de_nfc(deserializer).map(Some)
}

/// serde helper for optional fields: present means a value; `null` is a type error, because the
/// wire format expresses "not reported" by leaving the key out.
pub(crate) fn de_some<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn closest_identifiers() {
        assert_eq!(edit_distance("abuse.cases2", "abuse.cases"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        let members = ["male", "female"];
        assert_eq!(closest("femal", members.iter().copied()), Some("female"));
        assert_eq!(closest("girls", members.iter().copied()), None);
        assert_eq!(
            closest("gender", ["sex", "age_group"].iter().copied()),
            None
        );
    }

    #[test]
    fn long_runs_of_marks_are_ordered_like_the_reference() {
        // A hostile field: tens of thousands of marks on one letter (ordered in n log n).
        let text: String = std::iter::once('a')
            .chain(std::iter::repeat_n(['\u{301}', '\u{323}'], 20_000).flatten())
            .collect();
        assert_eq!(nfc(&text), text.nfc().collect::<String>());
    }

    #[test]
    fn nfd_is_composed() {
        let nfd: String = "Ủy ban nhân dân huyện Phù Mỹ".nfd().collect();
        assert_ne!(nfd, "Ủy ban nhân dân huyện Phù Mỹ");
        assert_eq!(nfc(&nfd), "Ủy ban nhân dân huyện Phù Mỹ");
    }

    #[test]
    fn fold_ignores_case_spacing_and_form() {
        let nfd: String = "ủy  ban NHÂN dân huyện Phù Mỹ".nfd().collect();
        assert_eq!(fold_name(&nfd), fold_name("Ủy ban nhân dân huyện Phù Mỹ"));
        assert_ne!(fold_name("huyện Phù Mỹ"), fold_name("huyện Phù Cát"));
    }
}
