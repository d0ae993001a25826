//! Decimal text to `f64`, correctly rounded (to nearest, ties to even), without tables.
//!
//! The standard library's parser carries a 20 KB table of powers of five, which compresses
//! badly: 15 KB of the WebAssembly module's transfer size. Report numbers are short (`45.5`,
//! `2.024e3`), so almost all take the exact fast path (at most 15 digits and a power of ten up
//! to 10^22: one correctly rounded operation); the rest go through a small big-integer
//! computation. A test holds the result to the standard library's bit for bit.

/// Powers of ten that `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Significant digits kept; beyond them only whether any is non-zero matters (768 digits
/// decide the rounding of any `f64`).
const MAX_DIGITS: usize = 800;

/// Parses text in JSON number syntax (already checked) into the nearest `f64`; ±infinity when
/// it is too large.
pub(crate) fn parse(text: &str) -> f64 {
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let mut digits: Vec<u8> = Vec::new();
    let mut dropped_nonzero = false;
    let mut exp10: i64 = 0;
    let mut i = usize::from(negative);
    let mut in_fraction = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                if digits.is_empty() && b == b'0' {
                    // A leading zero says nothing, except where the point is.
                } else if digits.len() < MAX_DIGITS {
                    digits.push(b - b'0');
                } else {
                    dropped_nonzero |= b != b'0';
                    exp10 += 1;
                }
                if in_fraction {
                    exp10 -= 1;
                }
            }
            b'.' => in_fraction = true,
            _ => break,
        }
        i += 1;
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        i += 1;
        let exp_negative = bytes.get(i) == Some(&b'-');
        if let Some(b'+' | b'-') = bytes.get(i) {
            i += 1;
        }
        let mut e: i64 = 0;
        while let Some(&d @ b'0'..=b'9') = bytes.get(i) {
            e = (e * 10 + i64::from(d - b'0')).min(1 << 40);
            i += 1;
        }
        exp10 += if exp_negative { -e } else { e };
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exp10 += 1;
    }
    let magnitude = magnitude(&digits, exp10, dropped_nonzero);
    if negative { -magnitude } else { magnitude }
}

/// The value of `digits × 10^exp10` (plus a little when `sticky`), rounded.
fn magnitude(digits: &[u8], exp10: i64, sticky: bool) -> f64 {
    if digits.is_empty() {
        return 0.0;
    }
    let count = digits.len() as i64;
    if count + exp10 > 310 {
        return f64::INFINITY;
    }
    if count + exp10 < -330 {
        return 0.0;
    }
    if !sticky && digits.len() <= 15 && (-22..=22).contains(&exp10) {
        let m = digits.iter().fold(0u64, |m, &d| m * 10 + u64::from(d)) as f64;
        let p = EXACT_POWERS[exp10.unsigned_abs() as usize];
        return if exp10 >= 0 { m * p } else { m / p };
    }
    // Big integer of the digits, base 2^32, least significant limb first.
    let mut n: Vec<u32> = vec![0];
    for &d in digits {
        mul_add(&mut n, 10, u32::from(d));
    }
    let mut inexact = sticky;
    let mut e2: i64 = 0;
    if exp10 >= 0 {
        for _ in 0..exp10 {
            mul_add(&mut n, 10, 0);
        }
    } else {
        // n / 10^k = (n × 2^s / 5^k) × 2^(-s-k): shift enough that the quotient keeps 66 bits
        // or more, then divide by 5 (13 at a time: 5^13 < 2^32), remembering any remainder.
        let k = exp10.unsigned_abs();
        let five_bits = (k * 2322 / 1000 + 1) as i64; // log2(5) < 2.322
        let s = (66 + five_bits - bit_length(&n) as i64).max(0);
        shift_left(&mut n, s as u64);
        let mut left = k;
        while left > 0 {
            let step = left.min(13);
            let divisor = 5u32.pow(step as u32);
            inexact |= div_small(&mut n, divisor) != 0;
            left -= step;
        }
        e2 = -s - k as i64;
    }
    let (top, lower_nonzero, length) = top_bits(&n);
    inexact |= lower_nonzero;
    round(top, e2 + length as i64 - 64, inexact)
}

/// The exact decimal digits of a finite, non-zero `|x|` (no leading or trailing zeros) and the
/// power of ten of the first: `|x| = d₀.d₁d₂… × 10^k`.
pub(crate) fn exact_digits(x: f64) -> (Vec<u8>, i64) {
    let bits = x.abs().to_bits();
    let (biased, fraction) = ((bits >> 52) as i64, bits & ((1 << 52) - 1));
    let (mantissa, e2) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    let mut n: Vec<u32> = vec![mantissa as u32, (mantissa >> 32) as u32];
    // |x| = mantissa × 2^e2 = (mantissa × 5^-e2) × 10^e2 when e2 < 0.
    let mut exp10 = 0;
    if e2 >= 0 {
        shift_left(&mut n, e2 as u64);
    } else {
        for _ in 0..-e2 {
            mul_add(&mut n, 5, 0);
        }
        exp10 = e2;
    }
    let mut chunks = Vec::new();
    while n.iter().any(|&l| l != 0) {
        chunks.push(div_small(&mut n, 1_000_000_000));
    }
    let mut digits = Vec::new();
    for (i, chunk) in chunks.iter().rev().enumerate() {
        let text = if i == 0 {
            chunk.to_string()
        } else {
            format!("{chunk:09}")
        };
        digits.extend(text.bytes().map(|b| b - b'0'));
    }
    let k = exp10 + digits.len() as i64 - 1;
    while digits.last() == Some(&0) {
        digits.pop();
    }
    (digits, k)
}

/// `digits` rounded to `places` significant digits (half to even, on the exact digits); the
/// power of ten moves up by one when rounding carries (9.99 → 10.0).
pub(crate) fn round_digits(digits: &[u8], places: usize, k: i64) -> (Vec<u8>, i64) {
    if digits.len() <= places {
        return (digits.to_vec(), k);
    }
    let mut kept = digits[..places].to_vec();
    let next = digits[places];
    let beyond = digits[places + 1..].iter().any(|&d| d != 0);
    let odd = kept.last().is_some_and(|d| d % 2 == 1);
    if next > 5 || (next == 5 && (beyond || odd)) {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, 1);
                kept.pop();
                return (kept, k + 1);
            }
            i -= 1;
            if kept[i] == 9 {
                kept[i] = 0;
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    (kept, k)
}

/// `n = n × m + add`.
fn mul_add(n: &mut Vec<u32>, m: u32, add: u32) {
    let mut carry = u64::from(add);
    for limb in n.iter_mut() {
        let v = u64::from(*limb) * u64::from(m) + carry;
        *limb = v as u32;
        carry = v >> 32;
    }
    if carry > 0 {
        n.push(carry as u32);
    }
}

/// `n = n / d`; returns the remainder.
fn div_small(n: &mut Vec<u32>, d: u32) -> u32 {
    let mut rem = 0u64;
    for limb in n.iter_mut().rev() {
        let v = (rem << 32) | u64::from(*limb);
        *limb = (v / u64::from(d)) as u32;
        rem = v % u64::from(d);
    }
    while n.len() > 1 && n.last() == Some(&0) {
        n.pop();
    }
    rem as u32
}

fn shift_left(n: &mut Vec<u32>, bits: u64) {
    let (limbs, bits) = ((bits / 32) as usize, (bits % 32) as u32);
    if bits > 0 {
        let mut carry = 0u32;
        for limb in n.iter_mut() {
            let v = (*limb << bits) | carry;
            carry = *limb >> (32 - bits);
            *limb = v;
        }
        if carry > 0 {
            n.push(carry);
        }
    }
    if limbs > 0 {
        n.splice(0..0, std::iter::repeat_n(0, limbs));
    }
}

fn bit_length(n: &[u32]) -> u64 {
    match n.iter().rposition(|&l| l != 0) {
        Some(i) => i as u64 * 32 + u64::from(32 - n[i].leading_zeros()),
        None => 0,
    }
}

/// The 64 most significant bits of `n` (left-aligned), whether any bit below them is set, and
/// the bit length of `n`.
fn top_bits(n: &[u32]) -> (u64, bool, u64) {
    let length = bit_length(n);
    let mut top = 0u64;
    let mut lower = false;
    for bit in (0..length).rev() {
        let set = n[(bit / 32) as usize] >> (bit % 32) & 1 == 1;
        if length - bit <= 64 {
            top = (top << 1) | u64::from(set);
        } else {
            lower |= set;
        }
    }
    if length < 64 {
        top <<= 64 - length;
    }
    (top, lower, length)
}

/// `top × 2^e2` (top's highest bit set), plus a little when `inexact`, to the nearest `f64`.
fn round(top: u64, e2: i64, inexact: bool) -> f64 {
    // The leading bit is worth 2^(e2 + 63); as a biased exponent:
    let biased = e2 + 63 + 1023;
    if biased >= 2047 {
        return f64::INFINITY;
    }
    // Bits to drop: 11 for a normal number, more for a subnormal one.
    let shift = if biased >= 1 { 11 } else { 11 + (1 - biased) };
    if shift > 65 {
        return 0.0;
    }
    let top = u128::from(top);
    let q = top >> shift;
    let rem = top & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    let up = rem > half || (rem == half && (inexact || q & 1 == 1));
    let q = (q + u128::from(up)) as u64;
    // For a normal number q holds the implicit bit, which adds one to the exponent field (and
    // a mantissa rounded up to 2^53 carries into it); a subnormal one rounded up to 2^52 becomes
    // the smallest normal number the same way.
    let bits = if biased >= 1 {
        (((biased - 1) as u64) << 52) + q
    } else {
        q
    };
    if bits >= 0x7FF0_0000_0000_0000 {
        f64::INFINITY
    } else {
        f64::from_bits(bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(text: &str) {
        let ours = parse(text);
        let theirs: f64 = text.parse().unwrap();
        assert_eq!(
            ours.to_bits(),
            theirs.to_bits(),
            "{text}: {ours:e} vs {theirs:e}"
        );
    }

    #[test]
    fn hard_cases() {
        for text in [
            "0",
            "-0",
            "0.0",
            "1",
            "45.5",
            "2.024e3",
            "3.0",
            "0.1",
            "1e22",
            "1e23",
            "9007199254740993",
            "9007199254740992.5",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e400",
            "1e-400",
            "123456789012345678901234567890",
            "0.000000000000000000001",
            "7.1e-10",
            "-5e-324",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "1.00000000000000011102230246251565404236316680908203126",
        ] {
            same(text);
        }
        let long = format!("1.{}e-300", "3".repeat(1000));
        same(&long);
        let long = format!("{}1", "9".repeat(900));
        same(&format!("{long}e-600"));
    }

    #[test]
    fn random_decimals() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = 1 + (next() % 25) as usize;
            let digits: String = (0..len)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            let exp = (next() % 700) as i64 - 350;
            let point = (next() % (len as u64 + 1)) as usize;
            let text = if point == len {
                format!("{digits}e{exp}")
            } else {
                format!(
                    "{}.{}e{exp}",
                    &digits[..point.max(1)],
                    &digits[point.max(1)..]
                )
            };
            let text = text.replace(".e", "e");
            same(&text);
        }
        for _ in 0..20_000 {
            let x = f64::from_bits(next());
            if x.is_finite() {
                same(&format!("{x:e}"));
                same(&format!("{x}"));
            }
        }
    }
}
