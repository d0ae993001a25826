//! Unicode Normalisation Form C for Latin script (UAX #15), from a compact table.
//!
//! Vietnamese needs NFC for Latin letters and the combining marks U+0300–U+036F: *ệ* may arrive
//! as one code point, as `ẹ` + U+0302, or as `e` + U+0323 + U+0302 (or with the two marks in the
//! other order), and all must become U+1EC7. This module decomposes, orders the marks by their
//! canonical combining class and recomposes, exactly as the standard algorithm does, for every
//! canonical composition whose result is a letter of Latin-1 Supplement, Latin Extended-A/B or
//! Latin Extended Additional. Text in other scripts is kept as given: accepted, never rejected,
//! but not normalised. A full normalisation library would add about 58 KiB (gzip) to the
//! WebAssembly build for scripts the reports do not use. Tests compare this module with the
//! `unicode-normalization` crate on every Latin letter, every letter with every mark and every
//! Vietnamese letter in every order of its marks.

use std::sync::OnceLock;

use super::latin_table::{COMBINING_CLASSES, COMPOSITIONS};

/// The canonical combining class of `c` (0 for starters and for marks outside U+0300–U+036F).
fn combining_class(c: char) -> u8 {
    if !('\u{300}'..'\u{370}').contains(&c) {
        return 0;
    }
    COMBINING_CLASSES
        .binary_search_by_key(&c, |(m, _)| *m)
        .map_or(0, |i| COMBINING_CLASSES[i].1)
}

/// Whether `c` is one of the combining marks this module orders and composes.
pub(super) fn is_mark(c: char) -> bool {
    combining_class(c) != 0
}

/// Marks among U+0300–U+036F that have a canonical decomposition of their own (and so never
/// appear in NFC): the tone marks U+0340 and U+0341 become the grave and acute accents.
const MARK_DECOMPOSITIONS: &[(char, &[char])] = &[
    ('\u{340}', &['\u{300}']),
    ('\u{341}', &['\u{301}']),
    ('\u{343}', &['\u{313}']),
    ('\u{344}', &['\u{308}', '\u{301}']),
];

/// Pushes the full canonical decomposition of `c` (within the table) onto `out`.
fn decompose(c: char, out: &mut Vec<char>) {
    if let Some((_, parts)) = MARK_DECOMPOSITIONS.iter().find(|(m, _)| *m == c) {
        out.extend_from_slice(parts);
        return;
    }
    match COMPOSITIONS.binary_search_by_key(&c, |(_, _, composed)| *composed) {
        Ok(i) => {
            let (first, second, _) = COMPOSITIONS[i];
            decompose(first, out);
            out.push(second);
        }
        Err(_) => out.push(c),
    }
}

/// The primary composite of `first` and `second`, if the table has one.
fn compose(first: char, second: char) -> Option<char> {
    static BY_PAIR: OnceLock<Vec<(char, char, char)>> = OnceLock::new();
    let by_pair = BY_PAIR.get_or_init(|| {
        // Several hundred entries: the merge sort, not the insertion sort for small lists.
        let pairs = COMPOSITIONS.iter().map(|&(a, b, c)| ((a, b), c)).collect();
        crate::util::merge_sort_by_key(pairs)
            .into_iter()
            .map(|((a, b), c)| (a, b, c))
            .collect()
    });
    by_pair
        .binary_search_by_key(&(first, second), |(a, b, _)| (*a, *b))
        .ok()
        .map(|i| by_pair[i].2)
}

/// `text` in NFC (for Latin script; see the module documentation).
pub(super) fn nfc(text: &str) -> String {
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars() {
        decompose(c, &mut chars);
    }
    // Canonical ordering: each run of marks sorted (stably) by combining class.
    let mut i = 0;
    while i < chars.len() {
        if combining_class(chars[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && combining_class(chars[i]) != 0 {
            i += 1;
        }
        // Stable, and O(n log n) however long the run of marks (text comes from reports).
        let run: Vec<(u8, char)> = chars[start..i]
            .iter()
            .map(|&c| (combining_class(c), c))
            .collect();
        for (slot, (_, c)) in chars[start..i]
            .iter_mut()
            .zip(crate::util::merge_sort_by_key(run))
        {
            *slot = c;
        }
    }
    // Canonical composition: a mark joins the last starter unless a character in between has a
    // combining class of 0 or one at least its own (it is "blocked").
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None;
    for c in chars {
        let class = combining_class(c);
        if let Some(s) = starter {
            let blocked = last_class.is_some_and(|last| last == 0 || last >= class);
            if !blocked {
                if let Some(composite) = compose(out[s], c) {
                    out[s] = composite;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        out.push(c);
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::nfc as treem_nfc;
    use unicode_normalization::UnicodeNormalization;

    fn reference(text: &str) -> String {
        text.nfc().collect()
    }

    /// Characters whose normalisation this module covers: ASCII, the Latin blocks and the
    /// combining marks.
    fn covered(c: char) -> bool {
        c.is_ascii()
            || ('\u{a0}'..='\u{24f}').contains(&c)
            || ('\u{1e00}'..='\u{1eff}').contains(&c)
            || ('\u{300}'..'\u{370}').contains(&c)
    }

    fn letters() -> Vec<char> {
        ('\u{20}'..='\u{24f}')
            .chain('\u{1e00}'..='\u{1eff}')
            .filter(|c| c.is_alphabetic())
            .collect()
    }

    #[test]
    fn every_latin_letter_alone_and_decomposed() {
        for c in letters() {
            let one = c.to_string();
            assert_eq!(treem_nfc(&one), reference(&one), "U+{:04X}", c as u32);
            let nfd: String = one.nfd().collect();
            if nfd.chars().all(covered) {
                assert_eq!(
                    treem_nfc(&nfd),
                    reference(&nfd),
                    "NFD of U+{:04X}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn every_latin_letter_with_every_mark() {
        for c in letters() {
            for m in '\u{300}'..'\u{370}' {
                let text: String = [c, m].iter().collect();
                let want = reference(&text);
                if want.chars().all(covered) {
                    assert_eq!(
                        treem_nfc(&text),
                        want,
                        "U+{:04X} U+{:04X}",
                        c as u32,
                        m as u32
                    );
                }
            }
        }
    }

    #[test]
    fn every_vietnamese_letter_in_every_order_of_its_marks() {
        let bases = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐ";
        let shapes = ['\u{302}', '\u{306}', '\u{31b}'];
        let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
        let plain_bases: String = bases
            .nfd()
            .filter(|c| c.is_ascii() || *c == 'đ' || *c == 'Đ')
            .collect();
        for base in plain_bases.chars() {
            for shape in shapes.iter().map(Some).chain([None]) {
                for tone in tones.iter().map(Some).chain([None]) {
                    let marks: Vec<char> = shape.into_iter().chain(tone).copied().collect();
                    for order in [marks.clone(), marks.iter().rev().copied().collect()] {
                        let text: String = std::iter::once(base).chain(order).collect();
                        assert_eq!(
                            treem_nfc(&text),
                            reference(&text),
                            "{:?}",
                            text.chars().map(|c| c as u32).collect::<Vec<_>>()
                        );
                    }
                }
            }
        }
        // Partly composed input.
        for text in [
            "e\u{323}\u{302}",
            "\u{1eb9}\u{302}",
            "\u{ea}\u{323}",
            "o\u{31b}\u{301}",
            "\u{1a1}\u{301}",
        ] {
            assert_eq!(treem_nfc(text), reference(text));
        }
    }

    #[test]
    fn whole_vietnamese_names_in_nfd() {
        for name in [
            "Ủy ban nhân dân huyện Vĩnh Thạnh",
            "Sở Lao động - Thương binh và Xã hội",
            "Trần Văn Phúc",
            "Nguyễn Thị Thu Hà",
        ] {
            let nfd: String = name.nfd().collect();
            assert_eq!(treem_nfc(&nfd), name);
        }
    }

    #[test]
    fn other_scripts_are_kept_as_given() {
        for text in ["日本語", "한국어", "Ελληνικά", "русский"] {
            assert_eq!(treem_nfc(text), text);
        }
    }
}
