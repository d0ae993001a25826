//! The Vietnamese lunisolar calendar (*âm lịch*), computed for UTC+7.
//!
//! Months begin on the day (in Vietnam's time zone) of the astronomical new moon; the month
//! containing the winter solstice is month 11; a year with 13 months between two months 11 has a
//! leap month: the first month after month 11 that contains no major solar term (*trung khí*).
//! New moons and solar longitudes follow the truncated series of J. Meeus, *Astronomical
//! Algorithms* (ch. 47, 25), accurate to minutes over 1900–2100, which is what deciding the civil
//! day of a new moon needs. Because the computation is for UTC+7, Vietnam's Tết sometimes differs
//! from China's (UTC+8): 1985, 2007 and 2030 are such years.

use std::f64::consts::PI;

/// Vietnam's time zone, hours east of UTC.
const TIME_ZONE: f64 = 7.0;

/// Days of the synodic month (mean).
const SYNODIC_MONTH: f64 = 29.530_588_853;

/// Julian day number of a Gregorian date.
pub(crate) fn julian_day(year: i32, month: u32, day: u32) -> i64 {
    let (year, month, day) = (i64::from(year), i64::from(month), i64::from(day));
    let a = (14 - month) / 12;
    let y = year + 4800 - a;
    let m = month + 12 * a - 3;
    day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
}

/// The Gregorian date of a Julian day number.
pub(crate) fn from_julian_day(jd: i64) -> (i32, u32, u32) {
    let a = jd + 32044;
    let b = (4 * a + 3) / 146_097;
    let c = a - b * 146_097 / 4;
    let d = (4 * c + 3) / 1461;
    let e = c - 1461 * d / 4;
    let m = (5 * e + 2) / 153;
    let day = e - (153 * m + 2) / 5 + 1;
    let month = m + 3 - 12 * (m / 10);
    let year = b * 100 + d - 4800 + m / 10;
    // The ranges are those of a calendar date; the casts cannot truncate.
    (year as i32, month as u32, day as u32)
}

/// The sine, for the series below: reduced by multiples of π/2 in two parts (Cody and Waite;
/// exact for the arguments here, well under 2^20 quarter turns), then a Taylor polynomial on
/// [−π/4, π/4] whose first omitted term is below 10^-17. It agrees with the standard library's
/// sine to a few units in the last place, and a test shows that every civil day computed from
/// it over [`YEARS`] is the one the standard sine gives. The standard one would bring 6 KiB of
/// code (its reduction for arguments of any size) into the WebAssembly module.
fn sin(x: f64) -> f64 {
    /// The first 33 bits of π/2, so that `n × PIO2_HI` is exact, and the rest of π/2.
    const PIO2_HI: f64 = 1.570_796_326_734_125_6;
    const PIO2_LO: f64 = 6.077_100_506_506_192e-11;
    let n = (x * std::f64::consts::FRAC_2_PI).round();
    let r = (x - n * PIO2_HI) - n * PIO2_LO;
    let r2 = r * r;
    // Horner's rule from the smallest term: sin r = r(1 − r²/3!(1 − r²/(4·5)(1 − …))).
    let series = |first: f64, terms: &[(f64, f64)]| {
        terms
            .iter()
            .rev()
            .fold(1.0, |acc, &(a, b)| 1.0 - r2 / (a * b) * acc)
            * first
    };
    let sin_r = || {
        series(
            r,
            &[
                (2.0, 3.0),
                (4.0, 5.0),
                (6.0, 7.0),
                (8.0, 9.0),
                (10.0, 11.0),
                (12.0, 13.0),
                (14.0, 15.0),
                (16.0, 17.0),
            ],
        )
    };
    let cos_r = || {
        series(
            1.0,
            &[
                (1.0, 2.0),
                (3.0, 4.0),
                (5.0, 6.0),
                (7.0, 8.0),
                (9.0, 10.0),
                (11.0, 12.0),
                (13.0, 14.0),
                (15.0, 16.0),
            ],
        )
    };
    match (n as i64).rem_euclid(4) {
        0 => sin_r(),
        1 => cos_r(),
        2 => -sin_r(),
        _ => -cos_r(),
    }
}

/// The Julian day (with fraction, UT) of the `k`-th new moon after 1900-01-01, with the sine
/// given (tests compare [`sin`] with the standard library's).
fn new_moon(k: i64, sin: fn(f64) -> f64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let (t2, t3) = (t * t, t * t * t);
    let dr = PI / 180.0;
    let mut jd = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd += 0.000_33 * sin((166.56 + 132.87 * t - 0.009_173 * t2) * dr);
    // Mean anomalies of the sun and the moon, and the moon's argument of latitude.
    let m = (359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3) * dr;
    let mp = (306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3) * dr;
    let f = (21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3) * dr;
    let correction = (0.1734 - 0.000_393 * t) * sin(m) + 0.0021 * sin(2.0 * m) - 0.4068 * sin(mp)
        + 0.0161 * sin(2.0 * mp)
        - 0.0004 * sin(3.0 * mp)
        + 0.0104 * sin(2.0 * f)
        - 0.0051 * sin(m + mp)
        - 0.0074 * sin(m - mp)
        + 0.0004 * sin(2.0 * f + m)
        - 0.0004 * sin(2.0 * f - m)
        - 0.0006 * sin(2.0 * f + mp)
        + 0.0010 * sin(2.0 * f - mp)
        + 0.0005 * sin(2.0 * mp + m);
    // ΔT (TT − UT), in days.
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd + correction - delta_t
}

/// The Julian day number of the civil day (UTC+7) of the `k`-th new moon.
fn new_moon_day(k: i64) -> i64 {
    new_moon_day_with(k, sin)
}

/// [`new_moon_day`] with the sine given.
fn new_moon_day_with(k: i64, sin: fn(f64) -> f64) -> i64 {
    (new_moon(k, sin) + 0.5 + TIME_ZONE / 24.0).floor() as i64
}

/// The sun's apparent longitude, in radians (any number of turns), at Julian day `jd` (UT),
/// with the sine given.
fn sun_longitude(jd: f64, sin: fn(f64) -> f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36_525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let c = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * sin(dr * m)
        + (0.019_993 - 0.000_101 * t) * sin(dr * 2.0 * m)
        + 0.000_290 * sin(dr * 3.0 * m);
    (l0 + c) * dr
}

/// `angle` reduced to one turn, `[0, 2π)`, by a floored division rather than the standard
/// library's remainder (whose `fmod` brings 128-bit division into the WebAssembly module: about
/// 2 KB of code, 1.1 KiB gzipped); a test shows that no solar sector changes.
fn one_turn(angle: f64) -> f64 {
    let turn = 2.0 * PI;
    let reduced = angle - (angle / turn).floor() * turn;
    if reduced >= turn {
        reduced - turn
    } else if reduced < 0.0 {
        reduced + turn
    } else {
        reduced
    }
}

/// Which of the twelve 30° sectors (major solar terms) the sun is in at the start of the civil
/// day `jdn` (UTC+7): 0 from the spring equinox, 9 from the winter solstice.
fn sun_sector(jdn: i64) -> i64 {
    sun_sector_with(jdn, sin, one_turn)
}

/// [`sun_sector`] with the sine and the reduction to one turn given.
fn sun_sector_with(jdn: i64, sin: fn(f64) -> f64, turn: fn(f64) -> f64) -> i64 {
    (turn(sun_longitude(jdn as f64 - 0.5 - TIME_ZONE / 24.0, sin)) / PI * 6.0).floor() as i64
}

/// The Julian day number on which month 11 (the month of the winter solstice) of `year` begins.
fn month_11(year: i32) -> i64 {
    let off = julian_day(year, 12, 31) - 2_415_021;
    let k = (off as f64 / SYNODIC_MONTH).floor() as i64;
    let nm = new_moon_day(k);
    if sun_sector(nm) >= 9 {
        new_moon_day(k - 1)
    } else {
        nm
    }
}

/// The index of the new moon that begins the month starting on `jdn`.
fn lunation(jdn: i64) -> i64 {
    ((jdn as f64 - 2_415_021.076_998_695) / SYNODIC_MONTH + 0.5).floor() as i64
}

/// For a lunar year with a leap month, the offset (in months after month 11 that begins on
/// `a11`) of the first month without a major solar term: that month is the leap month.
fn leap_month_offset(a11: i64) -> i64 {
    let k = lunation(a11);
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i));
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i));
        if arc == last || i >= 14 {
            return i - 1;
        }
    }
}

/// A date of the lunar calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LunarDate {
    /// The lunar year (the Gregorian year in which its first month mostly falls).
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–30.
    pub day: u32,
    /// Whether the month is the leap repetition of `month` (*tháng nhuận*).
    pub leap: bool,
}

/// The years this module answers for. The series are accurate to minutes over 1900–2100 and
/// degrade slowly outside; beyond these bounds the answer would be a guess.
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=3000;

/// The Gregorian date of a lunar date, or `None` when it does not exist (day 30 of a 29-day
/// month, a leap month the year does not have) or the year is outside [`YEARS`].
pub fn to_solar(date: LunarDate) -> Option<(i32, u32, u32)> {
    if !YEARS.contains(&date.year)
        || !(1..=12).contains(&date.month)
        || !(1..=30).contains(&date.day)
    {
        return None;
    }
    let (a11, b11) = if date.month < 11 {
        (month_11(date.year - 1), month_11(date.year))
    } else {
        (month_11(date.year), month_11(date.year + 1))
    };
    let mut off = i64::from(date.month) - 11;
    if off < 0 {
        off += 12;
    }
    if b11 - a11 > 365 {
        let leap_off = leap_month_offset(a11);
        let leap_month = (leap_off - 2).rem_euclid(12);
        if date.leap && i64::from(date.month) != leap_month {
            return None;
        }
        if date.leap || off >= leap_off {
            off += 1;
        }
    } else if date.leap {
        return None;
    }
    let k = lunation(a11);
    let start = new_moon_day(k + off);
    let next = new_moon_day(k + off + 1);
    let jd = start + i64::from(date.day) - 1;
    (jd < next).then(|| from_julian_day(jd))
}

/// The lunar date of a Gregorian date, or `None` outside [`YEARS`] or for a day that does not
/// exist.
pub fn from_solar(year: i32, month: u32, day: u32) -> Option<LunarDate> {
    if !YEARS.contains(&year) || chrono::NaiveDate::from_ymd_opt(year, month, day).is_none() {
        return None;
    }
    let jd = julian_day(year, month, day);
    // The month begins on the last new-moon day on or before `jd`.
    let mut k = ((jd as f64 - 2_415_021.076_998_695) / SYNODIC_MONTH).floor() as i64 + 1;
    while new_moon_day(k) > jd {
        k -= 1;
    }
    let start = new_moon_day(k);
    // Month 11 of this year begins after the day's month: the day belongs to the lunar year
    // that ends with this month 11. Otherwise it belongs to the next one.
    let this_11 = month_11(year);
    let (mut lunar_year, a11, b11) = if this_11 >= start {
        (year, month_11(year - 1), this_11)
    } else {
        (year + 1, this_11, month_11(year + 1))
    };
    let lunar_day = (jd - start + 1) as u32;
    let diff = (start - a11) / 29;
    let mut leap = false;
    let mut lunar_month = diff + 11;
    if b11 - a11 > 365 {
        let leap_diff = leap_month_offset(a11);
        if diff >= leap_diff {
            lunar_month = diff + 10;
            if diff == leap_diff {
                leap = true;
            }
        }
    }
    if lunar_month > 12 {
        lunar_month -= 12;
    }
    if lunar_month >= 11 && diff < 4 {
        lunar_year -= 1;
    }
    Some(LunarDate {
        year: lunar_year,
        month: lunar_month as u32,
        day: lunar_day,
        leap,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The module's sine and reduction to one turn give every new-moon day and every solar
    /// sector over [`YEARS`] (and a year either side) exactly as the standard library's sine and
    /// remainder do, so every lunar date is unchanged; and the two sines agree to a few units in
    /// the last place.
    #[test]
    fn the_compact_sine_changes_no_day() {
        let std_sin: fn(f64) -> f64 = f64::sin;
        let std_turn: fn(f64) -> f64 = |angle| angle.rem_euclid(2.0 * PI);
        let (start, end) = (
            julian_day(*YEARS.start() - 1, 1, 1),
            julian_day(*YEARS.end() + 1, 12, 31),
        );
        for k in lunation(start) - 1..=lunation(end) + 1 {
            assert_eq!(
                new_moon_day_with(k, sin),
                new_moon_day_with(k, std_sin),
                "k {k}"
            );
        }
        for jdn in start..=end {
            assert_eq!(
                sun_sector(jdn),
                sun_sector_with(jdn, std_sin, std_turn),
                "day {jdn}"
            );
        }
        let mut x = -300_000.0_f64;
        while x < 300_000.0 {
            let (ours, std) = (sin(x), x.sin());
            assert!(
                (ours - std).abs() <= 8.0 * f64::EPSILON,
                "sin({x}): {ours} against {std}"
            );
            x += 0.618_033_988_7;
        }
    }

    fn tet(year: i32) -> (i32, u32, u32) {
        to_solar(LunarDate {
            year,
            month: 1,
            day: 1,
            leap: false,
        })
        .unwrap()
    }

    #[test]
    fn lunar_new_years_in_vietnam() {
        // Including 1985, 2007 and 2030, when Vietnam's Tết (UTC+7) differs from China's (UTC+8):
        // the new moon of early February 2030 falls at about 16:07 UTC on the 2nd, 23:07 in Vietnam.
        let known = [
            (1985, (1985, 1, 21)),
            (2007, (2007, 2, 17)),
            (2023, (2023, 1, 22)),
            (2024, (2024, 2, 10)),
            (2025, (2025, 1, 29)),
            (2026, (2026, 2, 17)),
            (2027, (2027, 2, 6)),
            (2028, (2028, 1, 26)),
            (2029, (2029, 2, 13)),
            (2030, (2030, 2, 2)),
        ];
        for (year, date) in known {
            assert_eq!(tet(year), date, "Tết {year}");
        }
    }

    #[test]
    fn hung_kings_days() {
        let hung = |year| {
            to_solar(LunarDate {
                year,
                month: 3,
                day: 10,
                leap: false,
            })
            .unwrap()
        };
        assert_eq!(hung(2024), (2024, 4, 18));
        assert_eq!(hung(2025), (2025, 4, 7));
        assert_eq!(hung(2026), (2026, 4, 26));
    }

    #[test]
    fn years_outside_the_range_are_none_not_a_panic() {
        for year in [i32::MIN, -5, 0, 999, 3001, i32::MAX] {
            assert_eq!(
                to_solar(LunarDate {
                    year,
                    month: 1,
                    day: 1,
                    leap: false
                }),
                None,
                "{year}"
            );
            assert_eq!(from_solar(year, 1, 1), None, "{year}");
        }
        assert_eq!(from_solar(2024, 2, 30), None);
    }

    #[test]
    fn leap_month_of_2025_is_the_sixth() {
        // 2025 (Ất Tỵ) has a leap sixth month.
        assert!(
            to_solar(LunarDate {
                year: 2025,
                month: 6,
                day: 1,
                leap: true
            })
            .is_some()
        );
        assert!(
            to_solar(LunarDate {
                year: 2025,
                month: 5,
                day: 1,
                leap: true
            })
            .is_none()
        );
        assert!(
            to_solar(LunarDate {
                year: 2024,
                month: 6,
                day: 1,
                leap: true
            })
            .is_none()
        );
    }

    #[test]
    fn solar_lunar_solar_round_trips_every_day_2000_to_2100() {
        let mut jd = julian_day(2000, 1, 1);
        let end = julian_day(2100, 12, 31);
        while jd <= end {
            let (y, m, d) = from_julian_day(jd);
            assert_eq!(julian_day(y, m, d), jd);
            let lunar = from_solar(y, m, d).unwrap();
            assert_eq!(to_solar(lunar), Some((y, m, d)), "{y}-{m}-{d} -> {lunar:?}");
            jd += 1;
        }
    }
}
