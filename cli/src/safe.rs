//! What reaches a terminal, a spreadsheet or a page must not act on it: control characters are
//! shown escaped, and a spreadsheet cell never starts a formula.

use std::borrow::Cow;

/// Whether `c` could act on the terminal or page that shows it: C0 controls but line breaks and
/// tabs, DEL, C1 controls (`U+009B` starts an escape sequence on some terminals), and the
/// Unicode marks that reorder text (bidirectional overrides and isolates). A carriage return
/// just before a line feed is a line ending and stays.
fn acts(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        c if c.is_control() => true,
        '\u{200E}' | '\u{200F}' | '\u{061C}' => true,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// `text` with every character that could act on a terminal or page written `\uXXXX`: valid
/// inside a JSON string, and readable in text. Text from a report or profile (a name, an
/// unknown key, a file name) is shown, never obeyed.
///
/// # Example
///
/// ```ignore
/// assert_eq!(escaped("a\u{1b}[2Jb"), "a\\u001b[2Jb");
/// ```
pub fn escaped(text: &str) -> Cow<'_, str> {
    // A carriage return that ends a line (`\r\n`, as CSV for Excel writes) moves nothing.
    let harmless = |c: char, next: Option<char>| c == '\r' && next == Some('\n');
    let mut chars = text.chars().peekable();
    let mut clean = true;
    while let Some(c) = chars.next() {
        if acts(c) && !harmless(c, chars.peek().copied()) {
            clean = false;
            break;
        }
    }
    if clean {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if acts(c) && !harmless(c, chars.peek().copied()) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A spreadsheet cell's text that no spreadsheet takes for a formula: a cell starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, as OWASP's advice on CSV
/// injection says (Excel and LibreOffice then show the text as it is). A cell that is a number
/// and nothing else (`-5`, `+1.5e3`) is left as it is: it is no formula, and it stays a number.
pub fn defused(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(escaped("plain Việt\nnext\tline"), "plain Việt\nnext\tline");
        assert_eq!(
            escaped("\u{1b}]0;PWNED\u{7}\u{1b}[2J2024"),
            "\\u001b]0;PWNED\\u0007\\u001b[2J2024"
        );
        assert_eq!(escaped("x\u{9b}31m\u{7f}\r"), "x\\u009b31m\\u007f\\u000d");
        assert_eq!(escaped("ab\u{202e}cd"), "ab\\u202ecd");
        assert_eq!(escaped("a,b\r\nc,d\r\n"), "a,b\r\nc,d\r\n");
        assert_eq!(escaped("a\r\r\n"), "a\\u000d\r\n");
    }

    #[test]
    fn formulas_are_defused() {
        for cell in [
            "=HYPERLINK(\"x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "-A1",
            "=1",
        ] {
            assert!(defused(cell).starts_with('\''), "{cell}");
        }
        for cell in ["Ủy ban", "12", "", "a=b", "-5", "-0.25", "+1.5e3"] {
            assert_eq!(defused(cell), cell);
        }
    }
}
