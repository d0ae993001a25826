//! treem's own JSON reader and writer.
//!
//! Reports, profiles, catalogs and calendar schedules are read by hand-written decoders over
//! [`Reader`], a pull reader that borrows strings from the input whenever they hold no escape.
//! One decoder per type serves the native and the WebAssembly build alike, so both give the
//! same verdict; it collects every structural problem in one pass, each at its JSON Pointer,
//! and keeps the WebAssembly module free of serde's generic machinery (smaller and faster).
//!
//! The grammar is RFC 8259 exactly: no comments, no trailing commas, no leading zeros, no
//! unpaired surrogate escapes; nesting deeper than [`MAX_DEPTH`] is refused.

use std::borrow::Cow;
use std::fmt::Write as _;

/// How deep arrays and objects may nest: fewer than this many levels, as in serde_json. A bound
/// on the work and the stack a hostile document can demand.
pub(crate) const MAX_DEPTH: usize = 128;

/// Where and why text is not JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// Line of the problem, from 1.
    pub line: usize,
    /// Column of the problem, from 1, in characters.
    pub column: usize,
    /// What is wrong.
    pub detail: Syntax,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.detail, self.line, self.column
        )
    }
}

/// What is wrong with text that is not JSON, in English (serde_json's words, so that errors read
/// as they did) and in Vietnamese, side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Syntax {
    /// In English.
    pub en: &'static str,
    /// In Vietnamese.
    pub vi: &'static str,
}

impl Syntax {
    /// expected value.
    pub const EXPECTED_VALUE: Syntax = Syntax {
        en: "expected value",
        vi: "thiếu một giá trị (số, chuỗi trong dấu nháy kép, đối tượng, mảng)",
    };
    /// EOF while parsing a value.
    pub const EOF_WHILE_PARSING_A_VALUE: Syntax = Syntax {
        en: "EOF while parsing a value",
        vi: "nội dung kết thúc khi còn thiếu một giá trị",
    };
    /// trailing characters.
    pub const TRAILING_CHARACTERS: Syntax = Syntax {
        en: "trailing characters",
        vi: "có ký tự thừa sau khi nội dung JSON đã kết thúc",
    };
    /// recursion limit exceeded.
    pub const RECURSION_LIMIT_EXCEEDED: Syntax = Syntax {
        en: "recursion limit exceeded",
        vi: "các đối tượng, mảng lồng nhau quá sâu",
    };
    /// trailing comma.
    pub const TRAILING_COMMA: Syntax = Syntax {
        en: "trailing comma",
        vi: "dấu phẩy thừa trước dấu đóng",
    };
    /// key must be a string.
    pub const KEY_MUST_BE_A_STRING: Syntax = Syntax {
        en: "key must be a string",
        vi: "tên khóa phải là chuỗi trong dấu nháy kép",
    };
    /// EOF while parsing an object.
    pub const EOF_WHILE_PARSING_AN_OBJECT: Syntax = Syntax {
        en: "EOF while parsing an object",
        vi: "nội dung kết thúc khi một đối tượng { } chưa được đóng",
    };
    /// EOF while parsing a list.
    pub const EOF_WHILE_PARSING_A_LIST: Syntax = Syntax {
        en: "EOF while parsing a list",
        vi: "nội dung kết thúc khi một mảng [ ] chưa được đóng",
    };
    /// expected :.
    pub const EXPECTED_COLON: Syntax = Syntax {
        en: "expected `:`",
        vi: "thiếu dấu hai chấm sau tên khóa",
    };
    /// expected , or }.
    pub const EXPECTED_COMMA_OR_BRACE: Syntax = Syntax {
        en: "expected `,` or `}`",
        vi: "thiếu dấu phẩy giữa các trường hoặc dấu đóng }",
    };
    /// expected , or ].
    pub const EXPECTED_COMMA_OR_BRACKET: Syntax = Syntax {
        en: "expected `,` or `]`",
        vi: "thiếu dấu phẩy giữa các phần tử hoặc dấu đóng ]",
    };
    /// EOF while parsing a string.
    pub const EOF_WHILE_PARSING_A_STRING: Syntax = Syntax {
        en: "EOF while parsing a string",
        vi: "chuỗi chưa có dấu nháy kép đóng",
    };
    /// invalid escape.
    pub const INVALID_ESCAPE: Syntax = Syntax {
        en: "invalid escape",
        vi: "ký tự sau dấu \\ không hợp lệ",
    };
    /// invalid number.
    pub const INVALID_NUMBER: Syntax = Syntax {
        en: "invalid number",
        vi: "số viết không đúng",
    };
    /// number out of range.
    pub const NUMBER_OUT_OF_RANGE: Syntax = Syntax {
        en: "number out of range",
        vi: "số quá lớn",
    };
    /// expected true, false or null.
    pub const EXPECTED_TRUE_FALSE_OR_NULL: Syntax = Syntax {
        en: "expected true, false or null",
        vi: "chỉ có thể là true, false hoặc null",
    };
    /// control character (\\u0000-\\u001F) found while parsing a string.
    pub const CONTROL_CHARACTER_FOUND_WHILE_PARSING_A_STRING: Syntax = Syntax {
        en: "control character (\\u0000-\\u001F) found while parsing a string",
        vi: "chuỗi chứa ký tự điều khiển (ví dụ xuống dòng); hãy viết \\n thay cho xuống dòng",
    };
    /// lone leading surrogate in hex escape.
    pub const LONE_LEADING_SURROGATE_IN_HEX_ESCAPE: Syntax = Syntax {
        en: "lone leading surrogate in hex escape",
        vi: "mã \\u không hợp lệ",
    };
    /// lone trailing surrogate in hex escape.
    pub const LONE_TRAILING_SURROGATE_IN_HEX_ESCAPE: Syntax = Syntax {
        en: "lone trailing surrogate in hex escape",
        vi: "mã \\u không hợp lệ",
    };
    /// invalid unicode code point.
    pub const INVALID_UNICODE_CODE_POINT: Syntax = Syntax {
        en: "invalid unicode code point",
        vi: "mã \\u không hợp lệ",
    };
}

impl std::fmt::Display for Syntax {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.en)
    }
}

/// The type of the next value, known from its first byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Object,
    Array,
    String,
    Number,
    Bool,
    Null,
}

/// A number as written, classified.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Number {
    /// A non-negative integer that fits 64 bits.
    Uint(u64),
    /// A negative integer that fits 64 bits.
    Int(i64),
    /// A number with a fraction or an exponent, or an integer beyond 64 bits.
    Float(f64),
}

/// A pull reader over JSON text.
pub(crate) struct Reader<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
    /// Whether the last string read holds a byte 0xCC or 0xCD, which every combining mark of
    /// U+0300–U+036F starts with: only such a string may need composing to NFC.
    marks: bool,
}

/// Boxed: the error side is then one pointer, so every read's `Result` stays small (its value
/// is moved on each call; an error ends the reading).
type Result<T> = std::result::Result<T, Box<SyntaxError>>;

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            pos: 0,
            depth: 0,
            marks: false,
        }
    }

    /// `text`, the string or key just read, composed to NFC when it may hold a combining mark
    /// (see the field): every text the decoders keep goes through here.
    pub fn composed(&self, text: Cow<'a, str>) -> Cow<'a, str> {
        if self.marks {
            Cow::Owned(crate::text::nfc(&text))
        } else {
            text
        }
    }

    #[inline]
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// A syntax error at the current position.
    pub fn error(&self, detail: Syntax) -> Box<SyntaxError> {
        let before = &self.text.as_bytes()[..self.pos.min(self.text.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        // Columns count characters: continuation bytes of UTF-8 do not start one.
        let column = 1 + before[line_start..]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        Box::new(SyntaxError {
            line,
            column,
            detail,
        })
    }

    #[inline]
    fn skip_ws(&mut self) {
        let bytes = self.bytes();
        // Indented JSON: a line break, then spaces, eight at a time, the last run of fewer
        // than eight counted from the first byte that is not a space.
        if bytes.get(self.pos) == Some(&b'\n') {
            self.pos += 1;
            while let Some(chunk) = bytes
                .get(self.pos..self.pos + 8)
                .and_then(|c| <[u8; 8]>::try_from(c).ok())
            {
                let other = u64::from_le_bytes(chunk) ^ 0x2020_2020_2020_2020;
                if other != 0 {
                    self.pos += (other.trailing_zeros() / 8) as usize;
                    break;
                }
                self.pos += 8;
            }
        }
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    #[inline]
    fn next_byte(&mut self) -> Option<u8> {
        self.skip_ws();
        self.bytes().get(self.pos).copied()
    }

    /// The type of the next value, without consuming it.
    #[inline]
    pub fn peek(&mut self) -> Result<Kind> {
        match self.next_byte() {
            Some(b'{') => Ok(Kind::Object),
            Some(b'[') => Ok(Kind::Array),
            Some(b'"') => Ok(Kind::String),
            Some(b'-' | b'0'..=b'9') => Ok(Kind::Number),
            Some(b't' | b'f') => Ok(Kind::Bool),
            Some(b'n') => Ok(Kind::Null),
            Some(_) => Err(self.error(Syntax::EXPECTED_VALUE)),
            None => Err(self.error(Syntax::EOF_WHILE_PARSING_A_VALUE)),
        }
    }

    /// Checks that nothing but white space follows the value read.
    pub fn end(&mut self) -> Result<()> {
        match self.next_byte() {
            None => Ok(()),
            Some(_) => Err(self.error(Syntax::TRAILING_CHARACTERS)),
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.error(Syntax::RECURSION_LIMIT_EXCEEDED));
        }
        self.pos += 1;
        Ok(())
    }

    /// Opens the object that [`peek`](Reader::peek) announced; read its entries with
    /// [`key`](Reader::key).
    pub fn begin_object(&mut self) -> Result<()> {
        self.enter()
    }

    /// Opens the array that [`peek`](Reader::peek) announced; read its items with
    /// [`item`](Reader::item).
    pub fn begin_array(&mut self) -> Result<()> {
        self.enter()
    }

    /// The next key of the open object, its colon consumed, or `None` at the closing brace.
    /// `first` tracks whether a comma is due; start it `true`.
    pub fn key(&mut self, first: &mut bool) -> Result<Option<Cow<'a, str>>> {
        match self.next_byte() {
            Some(b'}') => {
                self.pos += 1;
                self.depth -= 1;
                return Ok(None);
            }
            Some(b',') if !*first => {
                self.pos += 1;
                match self.next_byte() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.error(Syntax::TRAILING_COMMA)),
                    Some(_) => return Err(self.error(Syntax::KEY_MUST_BE_A_STRING)),
                    None => return Err(self.error(Syntax::EOF_WHILE_PARSING_AN_OBJECT)),
                }
            }
            Some(b'"') if *first => {}
            Some(_) if *first => return Err(self.error(Syntax::KEY_MUST_BE_A_STRING)),
            Some(_) => return Err(self.error(Syntax::EXPECTED_COMMA_OR_BRACE)),
            None => return Err(self.error(Syntax::EOF_WHILE_PARSING_AN_OBJECT)),
        }
        *first = false;
        let key = self.string()?;
        match self.next_byte() {
            Some(b':') => {
                self.pos += 1;
                Ok(Some(key))
            }
            Some(_) => Err(self.error(Syntax::EXPECTED_COLON)),
            None => Err(self.error(Syntax::EOF_WHILE_PARSING_AN_OBJECT)),
        }
    }

    /// Whether the open array has another item (positioned at it), or `false` at the closing
    /// bracket. `first` tracks whether a comma is due; start it `true`.
    pub fn item(&mut self, first: &mut bool) -> Result<bool> {
        match self.next_byte() {
            Some(b']') => {
                self.pos += 1;
                self.depth -= 1;
                return Ok(false);
            }
            Some(b',') if !*first => {
                self.pos += 1;
                if self.next_byte() == Some(b']') {
                    return Err(self.error(Syntax::TRAILING_COMMA));
                }
            }
            Some(_) if *first => {}
            Some(_) => return Err(self.error(Syntax::EXPECTED_COMMA_OR_BRACKET)),
            None => return Err(self.error(Syntax::EOF_WHILE_PARSING_A_LIST)),
        }
        *first = false;
        Ok(true)
    }

    /// Reads a string (the reader is at its opening quote), unescaped; borrowed from the input
    /// when it holds no escape.
    pub fn string(&mut self) -> Result<Cow<'a, str>> {
        let bytes = self.bytes();
        self.pos += 1;
        let start = self.pos;
        let (end, marks) = scan_plain(bytes, start);
        self.marks = marks;
        self.pos = end;
        match bytes.get(end) {
            Some(b'"') => {
                self.pos += 1;
                Ok(Cow::Borrowed(&self.text[start..end]))
            }
            Some(b'\\') => {
                let mut owned = String::with_capacity(end - start + 16);
                owned.push_str(&self.text[start..end]);
                self.string_escaped(owned).map(Cow::Owned)
            }
            Some(_) => Err(self.error(Syntax::CONTROL_CHARACTER_FOUND_WHILE_PARSING_A_STRING)),
            None => Err(self.error(Syntax::EOF_WHILE_PARSING_A_STRING)),
        }
    }

    /// The rest of a string from its first escape on.
    fn string_escaped(&mut self, mut out: String) -> Result<String> {
        let bytes = self.bytes();
        loop {
            let (end, marks) = scan_plain(bytes, self.pos);
            self.marks |= marks;
            out.push_str(&self.text[self.pos..end]);
            self.pos = end;
            match bytes.get(end) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let Some(&escape) = bytes.get(self.pos) else {
                        return Err(self.error(Syntax::EOF_WHILE_PARSING_A_STRING));
                    };
                    self.pos += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let c = self.unicode_escape()?;
                            // A combining mark written as an escape needs composing too.
                            self.marks |= ('\u{300}'..='\u{36f}').contains(&c);
                            c
                        }
                        _ => {
                            self.pos -= 1;
                            return Err(self.error(Syntax::INVALID_ESCAPE));
                        }
                    };
                    out.push(c);
                }
                Some(_) => {
                    return Err(self.error(Syntax::CONTROL_CHARACTER_FOUND_WHILE_PARSING_A_STRING));
                }
                None => return Err(self.error(Syntax::EOF_WHILE_PARSING_A_STRING)),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32> {
        let Some(digits) = self.bytes().get(self.pos..self.pos + 4) else {
            self.pos = self.text.len();
            return Err(self.error(Syntax::EOF_WHILE_PARSING_A_STRING));
        };
        let mut value = 0;
        for &d in digits {
            let Some(v) = char::from(d).to_digit(16) else {
                return Err(self.error(Syntax::INVALID_ESCAPE));
            };
            value = value * 16 + v;
        }
        self.pos += 4;
        Ok(value)
    }

    /// A `\u` escape (its `\u` consumed), with the low half of a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char> {
        let high = self.hex4()?;
        let code = match high {
            0xD800..=0xDBFF => {
                if self.bytes().get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(self.error(Syntax::LONE_LEADING_SURROGATE_IN_HEX_ESCAPE));
                }
                self.pos += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error(Syntax::LONE_LEADING_SURROGATE_IN_HEX_ESCAPE));
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => {
                return Err(self.error(Syntax::LONE_TRAILING_SURROGATE_IN_HEX_ESCAPE));
            }
            other => other,
        };
        char::from_u32(code).ok_or_else(|| self.error(Syntax::INVALID_UNICODE_CODE_POINT))
    }

    /// Reads a number (the reader is at its first byte) and returns it as written.
    pub fn number_text(&mut self) -> Result<&'a str> {
        let bytes = self.bytes();
        let start = self.pos;
        let digits = |pos: &mut usize| {
            let from = *pos;
            while bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
                *pos += 1;
            }
            *pos - from
        };
        let mut pos = start;
        if bytes.get(pos) == Some(&b'-') {
            pos += 1;
        }
        match bytes.get(pos) {
            Some(b'0') => pos += 1,
            Some(b'1'..=b'9') => {
                digits(&mut pos);
            }
            _ => {
                self.pos = pos;
                return Err(self.error(Syntax::INVALID_NUMBER));
            }
        }
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            if digits(&mut pos) == 0 {
                self.pos = pos;
                return Err(self.error(Syntax::INVALID_NUMBER));
            }
        }
        if let Some(b'e' | b'E') = bytes.get(pos) {
            pos += 1;
            if let Some(b'+' | b'-') = bytes.get(pos) {
                pos += 1;
            }
            if digits(&mut pos) == 0 {
                self.pos = pos;
                return Err(self.error(Syntax::INVALID_NUMBER));
            }
        }
        if bytes.get(pos).is_some_and(u8::is_ascii_digit) {
            // A leading zero followed by digits, e.g. `012`.
            self.pos = pos;
            return Err(self.error(Syntax::INVALID_NUMBER));
        }
        self.pos = pos;
        Ok(&self.text[start..pos])
    }

    /// Reads a number and classifies it.
    pub fn number(&mut self) -> Result<Number> {
        self.number_written().map(|(number, _)| number)
    }

    /// Reads a number: its value and the text it was written as. A number out of range is
    /// reported where it starts.
    pub fn number_written(&mut self) -> Result<(Number, &'a str)> {
        let start = self.pos;
        let text = self.number_text()?;
        match classify(text) {
            Some(number) => Ok((number, text)),
            None => {
                self.pos = start;
                Err(self.error(Syntax::NUMBER_OUT_OF_RANGE))
            }
        }
    }

    /// Reads `true`, `false` or `null`; `Some(bool)` for the first two.
    pub fn literal(&mut self) -> Result<Option<bool>> {
        let rest = &self.bytes()[self.pos..];
        let (value, len) = if rest.starts_with(b"true") {
            (Some(true), 4)
        } else if rest.starts_with(b"false") {
            (Some(false), 5)
        } else if rest.starts_with(b"null") {
            (None, 4)
        } else {
            return Err(self.error(Syntax::EXPECTED_TRUE_FALSE_OR_NULL));
        };
        self.pos += len;
        Ok(value)
    }

    /// Reads and discards the next value, checking its syntax. Nesting is bounded by
    /// [`MAX_DEPTH`], so the recursion is too.
    pub fn skip(&mut self) -> Result<()> {
        match self.peek()? {
            Kind::Object => {
                self.begin_object()?;
                let mut first = true;
                while self.key(&mut first)?.is_some() {
                    self.skip()?;
                }
            }
            Kind::Array => {
                self.begin_array()?;
                let mut first = true;
                while self.item(&mut first)? {
                    self.skip()?;
                }
            }
            Kind::String => {
                self.string()?;
            }
            Kind::Number => {
                // Its syntax only: a skipped number is never out of range.
                self.number_text()?;
            }
            Kind::Bool | Kind::Null => {
                self.literal()?;
            }
        }
        Ok(())
    }
}

/// The index of the first byte from `from` that ends a plain run of string content (a quote, a
/// backslash, a control character, or the end), and whether the run holds a byte 0xCC or 0xCD.
/// Eight bytes at a time.
#[inline]
fn scan_plain(bytes: &[u8], from: usize) -> (usize, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let mut i = from;
    let mut marks = 0;
    while let Some(chunk) = bytes
        .get(i..i + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        let v = u64::from_le_bytes(chunk);
        let special = has_zero(v ^ (ONES * u64::from(b'"')))
            | has_zero(v ^ (ONES * u64::from(b'\\')))
            | (v.wrapping_sub(ONES * 0x20) & !v & HIGH);
        let chunk_marks = has_zero((v & (ONES * 0xFE)) ^ (ONES * 0xCC));
        if special != 0 {
            // The lowest flagged byte is exact (a false flag can only sit above a true one), so
            // the run ends there; only the marks below it count.
            let at = special.trailing_zeros() / 8;
            marks |= chunk_marks & ((1u64 << (at * 8)) - 1);
            return (i + at as usize, marks != 0);
        }
        marks |= chunk_marks;
        i += 8;
    }
    let mut marks = marks != 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        marks |= b & 0xFE == 0xCC;
        i += 1;
    }
    (i, marks)
}

/// Classifies a number written in valid JSON syntax; `None` when it overflows `f64`.
pub(crate) fn classify(text: &str) -> Option<Number> {
    if !text.contains(['.', 'e', 'E']) {
        if text.starts_with('-') {
            if let Ok(n) = text.parse::<i64>() {
                // `-0` is the float −0.0, as serde_json reads it.
                return Some(if n == 0 {
                    Number::Float(-0.0)
                } else {
                    Number::Int(n)
                });
            }
        } else if let Ok(n) = text.parse::<u64>() {
            return Some(Number::Uint(n));
        }
    }
    let x = crate::decimal::parse(text);
    x.is_finite().then_some(Number::Float(x))
}

/// Appends `text` as a JSON string.
pub(crate) fn write_str(out: &mut String, text: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1F => "",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// The decimal digits of `|x| × 10^places` rounded to a whole number (half to even, on the
/// exact value), from the exact digits of `|x|` (see [`crate::decimal::exact_digits`]).
fn scaled_digits(digits: &[u8], k: i64, places: u32) -> Vec<u8> {
    // |x| × 10^places = d₀.d₁d₂… × 10^e
    let e = k + i64::from(places);
    if e < -1 {
        return vec![0];
    }
    if e == -1 {
        // 0.d₀d₁…: rounds to 1 only above one half (a tie goes to the even 0).
        let above_half = digits[0] > 5 || (digits[0] == 5 && digits[1..].iter().any(|&d| d != 0));
        return vec![u8::from(above_half)];
    }
    let (mut kept, k) = crate::decimal::round_digits(digits, (e + 1) as usize, k);
    // Whole number: pad with the zeros the exponent calls for.
    let length = (k + i64::from(places) + 1) as usize;
    kept.resize(length.max(kept.len()), 0);
    kept
}

/// Appends `±digits × 10^-places` with exactly `places` decimals.
fn write_scaled(out: &mut String, negative: bool, digits: &[u8], places: u32) {
    if negative {
        out.push('-');
    }
    let places = places as usize;
    let whole = digits.len().saturating_sub(places);
    if whole == 0 {
        out.push('0');
    }
    out.extend(digits[..whole].iter().map(|&d| char::from(b'0' + d)));
    if places > 0 {
        out.push('.');
        out.extend(std::iter::repeat_n(
            '0',
            places.saturating_sub(digits.len()),
        ));
        out.extend(digits[whole..].iter().map(|&d| char::from(b'0' + d)));
    }
}

/// Appends finite `x` with exactly `places` decimals, correctly rounded (half to even on the
/// exact value, as `format!("{x:.places$}")` does). Integer arithmetic on the exact digits:
/// `core::fmt`'s float printing (Grisu and Dragon) is 20 KB of WebAssembly.
pub(crate) fn write_fixed(out: &mut String, x: f64, places: u32) {
    if x == 0.0 || !x.is_finite() {
        write_scaled(out, x.is_sign_negative(), &[0], places);
        return;
    }
    let (digits, k) = crate::decimal::exact_digits(x);
    write_scaled(
        out,
        x.is_sign_negative(),
        &scaled_digits(&digits, k, places),
        places,
    );
}

/// Appends a finite number in its shortest form that reads back exactly (`3.0` for a whole
/// number, an exponent for very large or small ones, as serde_json writes them); `null` for a
/// non-finite one, which JSON cannot hold. From the exact digits of `x`, the fewest decimals
/// (or significant digits) whose correctly rounded text reads back as `x`.
pub(crate) fn write_f64(out: &mut String, x: f64) {
    if !x.is_finite() {
        out.push_str("null");
        return;
    }
    if x == 0.0 {
        out.push_str(if x.is_sign_negative() { "-0.0" } else { "0.0" });
        return;
    }
    let start = out.len();
    let reads_back =
        |out: &mut String| crate::decimal::parse(&out[start..]).to_bits() == x.to_bits();
    let (digits, k) = crate::decimal::exact_digits(x);
    // Plain notation for a leading digit from 10^-5 to 10^15, as serde_json chooses; 17
    // significant digits always read back, so up to 17 - k decimals are tried.
    if (-5..16).contains(&k) {
        for places in 0..=u32::try_from(17 - k).unwrap_or(17).max(1) {
            write_scaled(
                out,
                x.is_sign_negative(),
                &scaled_digits(&digits, k, places),
                places,
            );
            if reads_back(out) {
                if places == 0 {
                    out.push_str(".0");
                }
                return;
            }
            out.truncate(start);
        }
    }
    // With an exponent: d₀.d₁… × 10^k rounded to ever more significant digits (17 always do).
    for significant in 1..=17 {
        let (kept, k) = crate::decimal::round_digits(&digits, significant, k);
        if x.is_sign_negative() {
            out.push('-');
        }
        out.push(char::from(b'0' + kept[0]));
        if kept.len() > 1 {
            out.push('.');
            out.extend(kept[1..].iter().map(|&d| char::from(b'0' + d)));
        }
        // A sign on positive exponents too, as serde_json writes them (`1e+16`).
        let _ = write!(out, "e{}{k}", if k >= 0 { "+" } else { "" });
        if reads_back(out) {
            return;
        }
        out.truncate(start);
    }
    // Not reached: 17 significant digits identify every f64. Keep the output valid JSON.
    out.push_str("0.0");
}

/// Writes a JSON object field by field, placing the commas.
pub(crate) struct Object<'w> {
    out: &'w mut String,
    first: bool,
}

impl<'w> Object<'w> {
    /// Opens an object on `out`.
    pub fn new(out: &'w mut String) -> Object<'w> {
        out.push('{');
        Object { out, first: true }
    }

    /// Starts the field `key`; returns the buffer to write its value on.
    pub fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, key);
        self.out.push(':');
        self.out
    }

    /// A string field.
    pub fn str(&mut self, key: &str, value: &str) -> &mut Self {
        write_str(self.key(key), value);
        self
    }

    /// A signed whole-number field.
    pub fn int(&mut self, key: &str, value: i64) -> &mut Self {
        let _ = write!(self.key(key), "{value}");
        self
    }

    /// A boolean field.
    pub fn bool(&mut self, key: &str, value: bool) -> &mut Self {
        self.key(key).push_str(if value { "true" } else { "false" });
        self
    }

    /// Closes the object.
    pub fn end(self) {
        self.out.push('}');
    }
}

/// Writes a JSON array of `items`, each by `write`.
pub(crate) fn write_array<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    mut write: impl FnMut(&mut String, T),
) {
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads any value into serde_json's model, to compare with serde_json itself.
    fn read(r: &mut Reader<'_>) -> Result<serde_json::Value> {
        Ok(match r.peek()? {
            Kind::Object => {
                r.begin_object()?;
                let mut map = serde_json::Map::new();
                let mut first = true;
                while let Some(k) = r.key(&mut first)? {
                    let v = read(r)?;
                    map.insert(k.into_owned(), v);
                }
                serde_json::Value::Object(map)
            }
            Kind::Array => {
                r.begin_array()?;
                let mut items = Vec::new();
                let mut first = true;
                while r.item(&mut first)? {
                    items.push(read(r)?);
                }
                serde_json::Value::Array(items)
            }
            Kind::String => serde_json::Value::String(r.string()?.into_owned()),
            Kind::Number => match r.number()? {
                Number::Uint(n) => n.into(),
                Number::Int(n) => n.into(),
                Number::Float(x) => x.into(),
            },
            Kind::Bool | Kind::Null => r.literal()?.map_or(serde_json::Value::Null, Into::into),
        })
    }

    fn parse(text: &str) -> Result<serde_json::Value> {
        let mut r = Reader::new(text);
        let v = read(&mut r)?;
        r.end()?;
        Ok(v)
    }

    fn skips(text: &str) -> Result<()> {
        let mut r = Reader::new(text);
        r.skip()?;
        r.end()
    }

    #[test]
    fn agrees_with_serde_json() {
        let cases = [
            r#"{"a":[1,-2,3.5,1e3,-0,true,false,null,"x\"y\\z\u00e9\ud83d\ude00"],"b":{}}"#,
            " [ ] ",
            r#""Quy Nhơn""#,
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "0.1e-2",
            "[1,]",
            "{\"a\":1,}",
            "[01]",
            "1.",
            "-",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"a\nb\"",
            "{\"a\" 1}",
            "{1:2}",
            "[1 2]",
            "[1}",
            "{\"a\":1]",
            "tru",
            "nul",
            "1e400",
            "[] x",
            "",
            "\"abc",
            "{\"a\":[{\"b\":[1,{\"c\":\"]}\"}]}],\"d\":\"\\\"}\"}",
        ];
        for text in cases {
            let ours = parse(text);
            let theirs: std::result::Result<serde_json::Value, _> = serde_json::from_str(text);
            match (&ours, &theirs) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
                (Err(_), Err(_)) => {}
                _ => panic!("{text}: ours {ours:?}, serde_json {theirs:?}"),
            }
            // Skipping reads a number's syntax only: one too large for a float is still JSON.
            let out_of_range = text == "1e400";
            assert_eq!(
                skips(text).is_ok(),
                theirs.is_ok() || out_of_range,
                "skip {text}"
            );
        }
    }

    #[test]
    fn errors_say_where() {
        let e = parse("{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 8));
        let e = parse("[\"ơ\", x]").unwrap_err();
        assert_eq!((e.line, e.column, e.detail.en), (1, 7, "expected value"));
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert_eq!(
            skips(&deep).unwrap_err().detail.en,
            "recursion limit exceeded"
        );
        let ok = "[".repeat(MAX_DEPTH - 1) + &"]".repeat(MAX_DEPTH - 1);
        assert!(skips(&ok).is_ok());
        // The same bound as serde_json's.
        assert!(serde_json::from_str::<serde_json::Value>(&deep).is_err());
        assert!(serde_json::from_str::<serde_json::Value>(&ok).is_ok());
    }

    #[test]
    fn strings_borrow_unless_escaped() {
        let mut r = Reader::new(r#""Phù Mỹ""#);
        assert!(matches!(r.string().unwrap(), Cow::Borrowed("Phù Mỹ")));
        let mut r = Reader::new(r#""a\tb""#);
        assert_eq!(r.string().unwrap(), "a\tb");
    }

    #[test]
    fn a_mark_counts_only_inside_its_own_string() {
        // The scan reads eight bytes at a time: a combining mark just past the closing quote,
        // in the same eight bytes, must not mark the string before it, and one just before the
        // quote must, wherever the quote falls in the eight.
        for len in 0..20 {
            let plain = "a".repeat(len);
            let text = format!("[\"{plain}\",\"e\u{301}\"]");
            let mut r = Reader::new(&text);
            r.begin_array().unwrap();
            let mut first = true;
            assert!(r.item(&mut first).unwrap());
            let s = r.string().unwrap();
            assert!(
                matches!(r.composed(s), Cow::Borrowed(b) if b == plain),
                "len {len}"
            );
            assert!(r.item(&mut first).unwrap());
            let s = r.string().unwrap();
            assert_eq!(r.composed(s), "\u{e9}", "len {len}");

            let marked = format!("\"{plain}e\u{301}\"");
            let mut r = Reader::new(&marked);
            let s = r.string().unwrap();
            assert_eq!(r.composed(s), format!("{plain}\u{e9}"), "len {len}");
        }
    }

    #[test]
    fn every_float_reads_back_exactly() {
        // Deterministic bit patterns across the whole range (SplitMix64), plus values of the
        // shapes reports carry (shares with one or two decimals).
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        let mut values: Vec<f64> = (0..8_000).map(|_| f64::from_bits(next())).collect();
        values.extend((0..20_000).map(|i| f64::from(i) / 100.0));
        for x in values.into_iter().filter(|x| x.is_finite()) {
            let mut out = String::new();
            write_f64(&mut out, x);
            let back: f64 = out.parse().unwrap();
            assert_eq!(back.to_bits(), x.to_bits(), "{out}");
            assert_eq!(out, serde_json::to_string(&x).unwrap(), "shortest form");
            // Fixed decimals as `format!` rounds them (half to even on the exact value).
            for places in [0, 1, 3] {
                let mut fixed = String::new();
                write_fixed(&mut fixed, x, places);
                if x.abs() < 1e30 {
                    assert_eq!(
                        fixed,
                        format!("{x:.*}", places as usize),
                        "{x:e} to {places}"
                    );
                }
            }
        }
    }

    #[test]
    fn writes_what_serde_json_reads() {
        for text in ["", "a\"b\\c\n\u{1}\u{7f}é😀", "Quy Nhơn"] {
            let mut out = String::new();
            write_str(&mut out, text);
            assert_eq!(serde_json::from_str::<String>(&out).unwrap(), text);
        }
        for x in [
            0.0,
            3.0,
            45.5,
            0.1,
            1e-7,
            123456789.125,
            f64::MAX,
            5e-324,
            -2.5e20,
        ] {
            let mut out = String::new();
            write_f64(&mut out, x);
            let back = serde_json::from_str::<f64>(&out).unwrap();
            assert_eq!(back.to_bits(), x.to_bits(), "{out}");
            // The same text as serde_json writes (shortest form, same notation).
            assert_eq!(out, serde_json::to_string(&x).unwrap());
        }
    }
}
