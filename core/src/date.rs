//! Civil dates as the wire format writes them: `YYYY-MM-DD`, Gregorian, no time zone.
//!
//! Vietnam has one time zone (UTC+7) and deadlines are civil dates (Civil Code 2015, art. 145),
//! so a report never carries a time of day.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A Gregorian calendar date written `YYYY-MM-DD` (*ngày theo dương lịch*).
///
/// Parsing is strict: exactly four digits of year, two of month, two of day, and the date must
/// exist (2024-02-29 does, 2024-02-30 does not).
///
/// # Example
///
/// ```
/// use treem::CivilDate;
/// let due: CivilDate = "2024-05-15".parse().unwrap();
/// assert_eq!(due.to_string(), "2024-05-15");
/// assert!("2024-02-30".parse::<CivilDate>().is_err());
/// assert!("15/05/2024".parse::<CivilDate>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate(NaiveDate);

/// Why a text is not a [`CivilDate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// The text is not of the shape `YYYY-MM-DD`.
    Shape,
    /// The shape is right but no such day exists (e.g. 2024-02-30 or 2023-13-01).
    NoSuchDay,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Shape => f.write_str("expected a date written YYYY-MM-DD"),
            DateError::NoSuchDay => f.write_str("no such day in the Gregorian calendar"),
        }
    }
}

impl std::error::Error for DateError {}

impl CivilDate {
    /// The date `year`-`month`-`day`, or `None` when no such day exists or the year is outside
    /// 0000–9999 (the years the wire format can write).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(0..=9999).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, day).map(CivilDate)
    }

    /// Wraps a chrono date.
    ///
    /// # Errors
    ///
    /// [`DateError::NoSuchDay`] when the year is outside 0000–9999, which the wire format cannot
    /// write.
    pub fn from_naive(date: NaiveDate) -> Result<Self, DateError> {
        if (0..=9999).contains(&date.year()) {
            Ok(CivilDate(date))
        } else {
            Err(DateError::NoSuchDay)
        }
    }

    /// A date that stands in for one that could not be read, while every problem of a data file
    /// is collected; never part of a value that is returned.
    pub(crate) fn placeholder() -> Self {
        CivilDate(NaiveDate::default())
    }

    /// The chrono date, for calendar arithmetic.
    pub fn naive(self) -> NaiveDate {
        self.0
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.0.month()
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        self.0.day()
    }

    /// The date as a person says it, with its weekday: *thứ Ba 24/11/2026*, *Tuesday
    /// 24/11/2026* (day/month/year, as Vietnamese forms write dates).
    ///
    /// # Example
    ///
    /// ```
    /// let day: treem::CivilDate = "2026-11-24".parse().unwrap();
    /// assert_eq!(day.spoken().vi, "thứ Ba 24/11/2026");
    /// assert_eq!(day.spoken().en, "Tuesday 24/11/2026");
    /// ```
    pub fn spoken(self) -> crate::Label {
        let (vi, en) = weekday_names(self.0.weekday());
        let dmy = format!("{}/{}/{}", self.day(), self.month(), self.year());
        crate::Label {
            vi: format!("{vi} {dmy}"),
            en: format!("{en} {dmy}"),
        }
    }
}

/// The names of a weekday: `thứ Ba`, `Tuesday`.
pub(crate) fn weekday_names(weekday: chrono::Weekday) -> (&'static str, &'static str) {
    use chrono::Weekday;
    match weekday {
        Weekday::Mon => ("thứ Hai", "Monday"),
        Weekday::Tue => ("thứ Ba", "Tuesday"),
        Weekday::Wed => ("thứ Tư", "Wednesday"),
        Weekday::Thu => ("thứ Năm", "Thursday"),
        Weekday::Fri => ("thứ Sáu", "Friday"),
        Weekday::Sat => ("thứ Bảy", "Saturday"),
        Weekday::Sun => ("Chủ nhật", "Sunday"),
    }
}

impl FromStr for CivilDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, DateError> {
        let Ok(bytes) = <&[u8; 10]>::try_from(text.as_bytes()) else {
            return Err(DateError::Shape);
        };
        // Each digit's value: any other byte gives more than 9 (those below `0` by wrapping).
        let digit = |i: usize| bytes[i].wrapping_sub(b'0');
        const DIGITS: [usize; 8] = [0, 1, 2, 3, 5, 6, 8, 9];
        if bytes[4] != b'-' || bytes[7] != b'-' || DIGITS.iter().any(|&i| digit(i) > 9) {
            return Err(DateError::Shape);
        }
        let number = |first: usize, last: usize| -> u16 {
            (first..=last).fold(0, |n, i| n * 10 + u16::from(digit(i)))
        };
        let (year, month, day) = (number(0, 3), number(5, 6), number(8, 9));
        CivilDate::from_ymd(year.into(), month.into(), day.into()).ok_or(DateError::NoSuchDay)
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0.year(),
            self.0.month(),
            self.0.day()
        )
    }
}

impl Serialize for CivilDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CivilDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(|e: DateError| {
            serde::de::Error::custom(format_args!("invalid date `{text}`: {e}"))
        })
    }
}

/// The pattern of a civil date in the JSON Schema. The schema cannot tell 2024-02-30 from a real
/// day; treem's own validation does.
pub(crate) const DATE_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

impl JsonSchema for CivilDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CivilDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": DATE_PATTERN,
            "description": "A Gregorian civil date written YYYY-MM-DD. The day must exist (2024-02-30 is rejected by treem even though it matches this pattern).",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_day_of_a_leap_year_round_trips() {
        let mut day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        while day.year() == 2024 {
            let text = day.format("%Y-%m-%d").to_string();
            let parsed: CivilDate = text.parse().unwrap();
            assert_eq!(parsed.naive(), day);
            assert_eq!(parsed.to_string(), text);
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn rejects_bad_shapes_and_missing_days() {
        for bad in [
            "2024-5-15",
            "2024/05/15",
            "+2024-05-15",
            "2024-05-15T00:00",
            "",
            "２０２４-05-15",
            "2024-05-1a",
            "20a4-05-15",
            "2024-05-1:",
            "2024-05-1/",
            "2024-05-15 ",
            "2024-05 15",
        ] {
            assert_eq!(bad.parse::<CivilDate>(), Err(DateError::Shape), "{bad}");
        }
        for missing in [
            "2024-02-30",
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
        ] {
            assert_eq!(
                missing.parse::<CivilDate>(),
                Err(DateError::NoSuchDay),
                "{missing}"
            );
        }
    }
}
