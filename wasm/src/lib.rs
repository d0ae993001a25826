//! treem for WebAssembly: an adapter with no rule logic of its own.
//!
//! Every export takes and returns text. Inputs are JSON text (cheaper to hand over than walking
//! JS objects); outputs are a JSON envelope, `{"ok": value}` or `{"error": {"code", "message"}}`,
//! which the npm package's JavaScript turns into a value or a thrown `Error` with a `code`
//! property. Findings are values, never errors.
//!
//! Two builds come from this crate. The lean one (default features) is the validator a portal
//! form loads: every export against the embedded profiles and calendar. The `full` feature adds
//! consolidation, and profiles and calendar schedule files given as JSON text at run time
//! (reading and checking them); in the lean build those calls fail with the code
//! `not_in_build`. The rules are the same code in both.

use treem::{Calendar, CivilDate, Deadline, Error, Lang, Profile, Reading, ToJson, Validator};
use wasm_bindgen::prelude::wasm_bindgen;

/// Wraps JSON text that is already a value in the envelope, without parsing it again.
fn envelope_raw(result: Result<&str, &Error>, lang: Lang) -> String {
    match result {
        Ok(text) => format!("{{\"ok\":{text}}}"),
        Err(e) => {
            // The problems of a broken profile, catalog or schedule file, each at its pointer
            // (only the full build reads such files).
            #[cfg(feature = "full")]
            let problems: String = e
                .problems()
                .iter()
                .map(|p| {
                    format!(
                        "{{\"path\":{},\"message\":{}}}",
                        p.path.to_json(),
                        p.message.get(lang).to_json()
                    )
                })
                .collect::<Vec<_>>()
                .join(",");
            #[cfg(feature = "full")]
            let problems = if problems.is_empty() {
                String::new()
            } else {
                format!(",\"problems\":[{problems}]")
            };
            #[cfg(not(feature = "full"))]
            let problems = "";
            format!(
                "{{\"error\":{{\"code\":{},\"message\":{}{problems}}}}}",
                e.code().to_json(),
                e.message(lang).to_json()
            )
        }
    }
}

/// Wraps a result in the JSON envelope the JavaScript layer unwraps.
fn envelope<T: ToJson + ?Sized>(result: Result<&T, &Error>, lang: Lang) -> String {
    envelope_raw(result.map(ToJson::to_json).as_deref().map_err(|e| *e), lang)
}

fn lang(code: &str) -> Lang {
    Lang::parse(code).unwrap_or_default()
}

#[cfg(feature = "full")]
thread_local! {
    /// The last profile given as JSON text, compiled: a portal validating form after form with
    /// its own profile compiles it once.
    static CUSTOM: std::cell::RefCell<Option<(String, Validator)>> =
        const { std::cell::RefCell::new(None) };
}

/// What the lean build answers for a call only the full build has.
#[cfg(not(feature = "full"))]
fn not_in_build(en: &str, vi: &str) -> Error {
    Error::not_in_build(
        &format!("{en}: not in the lean validator build; load the full build (treem/full)"),
        &format!("Bản kiểm tra gọn không có {vi}; hãy dùng bản đầy đủ (treem/full)"),
    )
}

#[cfg(not(feature = "full"))]
fn profiles_not_in_build() -> Error {
    not_in_build("profiles given as JSON text", "profile viết dạng JSON")
}

#[cfg(feature = "full")]
thread_local! {
    /// The last schedule file given, read: a portal passing the same file call after call reads
    /// it once.
    static SCHEDULE: std::cell::RefCell<Option<(String, Calendar)>> =
        const { std::cell::RefCell::new(None) };
}

/// Runs `f` with the calendar a `calendar` option names: empty for the embedded one, else a
/// schedule file as JSON text laid over it (full build only).
fn with_calendar<T>(
    schedule: &str,
    f: impl FnOnce(&Calendar) -> Result<T, Error>,
) -> Result<T, Error> {
    let schedule = schedule.trim();
    if schedule.is_empty() {
        return f(Calendar::embedded());
    }
    #[cfg(feature = "full")]
    return SCHEDULE.with(|cell| {
        let mut cached = cell.borrow_mut();
        if cached.as_ref().is_none_or(|(text, _)| text != schedule) {
            let calendar = Calendar::embedded().with_schedule_json(schedule)?;
            *cached = Some((schedule.to_owned(), calendar));
        }
        match cached.as_ref() {
            Some((_, calendar)) => f(calendar),
            None => f(Calendar::embedded()),
        }
    });
    #[cfg(not(feature = "full"))]
    Err(not_in_build(
        "calendar schedule files",
        "tệp lịch nghỉ nạp thêm",
    ))
}

/// A profile given as JSON text, read and checked (full build only).
fn runtime_profile(text: &str) -> Result<Profile, Error> {
    #[cfg(feature = "full")]
    return Profile::from_json(text);
    #[cfg(not(feature = "full"))]
    {
        let _ = text;
        Err(profiles_not_in_build())
    }
}

/// Runs `f` with the validator a `profile` option names: empty for the report's own (embedded)
/// profile, an embedded id, or a profile as JSON text.
fn with_validator<T>(
    profile: &str,
    f: impl FnOnce(Option<&Validator>) -> Result<T, Error>,
) -> Result<T, Error> {
    let profile = profile.trim();
    if profile.is_empty() {
        return f(None);
    }
    if !profile.starts_with('{') {
        return f(Some(Validator::embedded(profile)?));
    }
    #[cfg(feature = "full")]
    return CUSTOM.with(|cell| {
        let mut cached = cell.borrow_mut();
        if cached.as_ref().is_none_or(|(text, _)| text != profile) {
            let validator = Validator::new(runtime_profile(profile)?)?;
            *cached = Some((profile.to_owned(), validator));
        }
        f(cached.as_ref().map(|(_, v)| v))
    });
    #[cfg(not(feature = "full"))]
    Err(profiles_not_in_build())
}

/// Profile for the non-validating exports: embedded id (borrowed, not copied), JSON text, or
/// the default.
fn load_profile(profile: &str) -> Result<std::borrow::Cow<'static, Profile>, Error> {
    let profile = profile.trim();
    if profile.is_empty() {
        Ok(std::borrow::Cow::Borrowed(Profile::default_profile()))
    } else if profile.starts_with('{') {
        runtime_profile(profile).map(std::borrow::Cow::Owned)
    } else {
        Profile::find_embedded(profile).map(std::borrow::Cow::Borrowed)
    }
}

fn date(text: &str) -> Result<CivilDate, Error> {
    text.parse().map_err(|_| Error::invalid_date(text))
}

/// Validates report JSON text: `{"valid", "findings"}`; `calendar` is a schedule file as JSON
/// text, or empty for the embedded calendar.
#[wasm_bindgen]
pub fn validate(report_json: &str, lang_code: &str, profile: &str, calendar: &str) -> String {
    let lang = lang(lang_code);
    let result = with_calendar(calendar, |calendar| {
        with_validator(profile, |validator| match validator {
            Some(v) => v.validate_json_with(report_json, calendar),
            None => treem::validate_json_with(report_json, calendar, treem::Limits::default()),
        })
    });
    envelope(result.map(|v| v.to_output(lang)).as_ref(), lang)
}

/// Options of `deadlines`, `timeliness` and `consolidate`, as JSON: every field optional.
#[derive(Default)]
struct Options {
    profile: String,
    as_of: Option<String>,
    reading: Option<Reading>,
    kind: Option<String>,
    lang: String,
    calendar: String,
}

/// The options in `json`; a key outside `allowed` is an error naming the allowed ones.
fn options(json: &str, allowed: &[&str]) -> Result<Options, Error> {
    let mut opts = Options::default();
    if json.trim().is_empty() {
        return Ok(opts);
    }
    for (key, value) in treem::wire::string_fields(json).map_err(|e| Error::invalid_options(&e))? {
        match key.as_str() {
            k if !allowed.contains(&k) => {
                let expected: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
                return Err(Error::invalid_options(&format!(
                    "unknown option `{k}`, expected one of {}",
                    expected.join(", ")
                )));
            }
            "profile" => opts.profile = value,
            "as_of" => opts.as_of = Some(value),
            "kind" => opts.kind = Some(value),
            "lang" => opts.lang = value,
            "calendar" => opts.calendar = value,
            "reading" => {
                opts.reading = Some(Reading::parse(&value).ok_or_else(|| {
                    Error::invalid_options(&format!(
                        "unknown reading `{value}`, expected `before` or `by`"
                    ))
                })?);
            }
            other => unreachable!("`{other}` is in an allowed list but has no arm"),
        }
    }
    Ok(opts)
}

/// The options `deadlines` and `timeliness` take.
const DEADLINE_OPTIONS: &[&str] = &["profile", "as_of", "reading", "lang", "calendar"];

/// The deadline of every report kind (with days remaining when `as_of` is given).
#[wasm_bindgen]
pub fn deadlines(options_json: &str) -> String {
    let opts = options(options_json, DEADLINE_OPTIONS);
    let lang = opts.as_ref().map(|o| lang(&o.lang)).unwrap_or_default();
    let result = opts.and_then(|o| {
        let profile = load_profile(&o.profile)?;
        let as_of = o.as_of.as_deref().map(date).transpose()?;
        with_calendar(&o.calendar, |calendar| {
            treem::calendar::deadlines(&profile, calendar, o.reading, as_of)
        })
    });
    envelope(result.as_deref(), lang)
}

/// Whether a report of `kind` submitted on `submitted` is on time.
#[wasm_bindgen]
pub fn timeliness(kind: &str, submitted: &str, options_json: &str) -> String {
    let opts = options(options_json, DEADLINE_OPTIONS);
    let lang = opts.as_ref().map(|o| lang(&o.lang)).unwrap_or_default();
    let result = opts.and_then(|o| {
        let profile = load_profile(&o.profile)?;
        with_calendar(&o.calendar, |calendar| {
            let deadline = Deadline::compute(calendar, profile.find_report_kind(kind)?, o.reading)?;
            deadline.timeliness(calendar, date(submitted)?)
        })
    });
    envelope(result.as_ref(), lang)
}

/// Consolidates reports (each a JSON text, named `#1`, `#2`, … in findings and statuses).
/// Options, all optional: `profile`, `kind`, `as_of`, `lang`.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn consolidate(reports: Vec<String>, options_json: &str) -> String {
    let opts = options(
        options_json,
        &["profile", "kind", "as_of", "lang", "calendar"],
    );
    let lang = opts.as_ref().map(|o| lang(&o.lang)).unwrap_or_default();
    let result = opts.and_then(|o| {
        let as_of = o.as_of.as_deref().map(date).transpose()?;
        with_validator(&o.profile, |validator| {
            let validator = match validator {
                Some(v) => v,
                None => Validator::embedded(treem::DEFAULT_PROFILE)?,
            };
            let texts = reports.iter().map(String::as_str);
            if o.calendar.trim().is_empty() {
                treem::consolidate::consolidate(validator, o.kind.as_deref(), texts, as_of)
            } else {
                let calendar = Calendar::embedded().with_schedule_json(&o.calendar)?;
                let validator = validator.clone().with_calendar(calendar);
                treem::consolidate::consolidate(&validator, o.kind.as_deref(), texts, as_of)
            }
            .map(|done| done.into_output(lang))
        })
    });
    envelope(result.as_ref(), lang)
}

/// The lean build's answer where the full one has `consolidate` (which it leaves out: taking an
/// array of strings costs the module 2.5 KiB): the error `not_in_build`, in `lang_code`.
#[cfg(not(feature = "full"))]
#[wasm_bindgen]
pub fn consolidate_not_in_build(lang_code: &str) -> String {
    let error = not_in_build("consolidation", "chức năng tổng hợp báo cáo");
    envelope::<str>(Err(&error), lang(lang_code))
}

/// Every exception to Monday–Friday in `year`, each with why and its basis; `schedule` is a
/// schedule file as JSON text laid over the embedded calendar, or empty.
#[wasm_bindgen]
pub fn calendar(year: i32, lang_code: &str, schedule: &str) -> String {
    let entries = with_calendar(schedule, |calendar| {
        calendar.year(year).map(|y| y.entries())
    });
    envelope(entries.as_deref(), lang(lang_code))
}

/// The indicator catalog of the default profile, as embedded.
#[wasm_bindgen]
pub fn catalog() -> String {
    envelope_raw(
        treem::Catalog::embedded_json(&Profile::default_profile().catalog)
            .as_ref()
            .copied(),
        Lang::Vi,
    )
}

/// A profile as JSON: the default, an embedded id, or JSON text, which is checked and returned
/// as given.
#[wasm_bindgen]
pub fn profile(id: &str, lang_code: &str) -> String {
    let id = id.trim();
    let result = if id.starts_with('{') {
        runtime_profile(id).map(|_| id)
    } else {
        Profile::embedded_json(if id.is_empty() {
            treem::DEFAULT_PROFILE
        } else {
            id
        })
    };
    envelope_raw(result.as_ref().copied(), lang(lang_code))
}

/// Every rule.
#[wasm_bindgen]
pub fn rules() -> String {
    envelope(Ok(treem::RULES), Lang::Vi)
}

/// The report's JSON Schema (the committed `schema/report.schema.json`, identical by test).
#[wasm_bindgen]
pub fn schema() -> String {
    include_str!("../../schema/report.schema.json").to_owned()
}

/// The version of treem.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> serde_json::Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn envelopes() {
        let ok = parse(&validate(
            include_str!("../../examples/quy-nhon-half-year-2024.json"),
            "vi",
            "",
            "",
        ));
        assert_eq!(ok["ok"]["valid"], true);
        let err = parse(&validate("{", "en", "", ""));
        assert_eq!(err["error"]["code"], "json_syntax");
        let unknown = parse(&validate("{}", "vi", "no-such-profile", ""));
        assert_eq!(unknown["error"]["code"], "unknown_profile");
        let custom = include_str!("../../core/data/profiles/binh-dinh-2024.json");
        let again = parse(&validate(
            include_str!("../../examples/quy-nhon-half-year-2024.json"),
            "vi",
            custom,
            "",
        ));
        #[cfg(feature = "full")]
        {
            assert_eq!(again["ok"]["valid"], true);
            let reports = vec![include_str!("../../examples/quy-nhon-half-year-2024.json").into()];
            let consolidated = parse(&consolidate(reports, ""));
            assert_eq!(consolidated["ok"]["kind"], "half_year");
        }
        #[cfg(not(feature = "full"))]
        {
            // The lean build says which build has what it lacks, never a wrong answer.
            assert_eq!(again["error"]["code"], "not_in_build");
            assert!(
                again["error"]["message"]
                    .as_str()
                    .unwrap()
                    .contains("treem/full")
            );
            let consolidated = parse(&consolidate_not_in_build("en"));
            assert_eq!(consolidated["error"]["code"], "not_in_build");
            assert_eq!(
                parse(&profile(custom, "en"))["error"]["code"],
                "not_in_build"
            );
            let deadline = parse(&deadlines(&format!(
                r#"{{"profile":{}}}"#,
                custom.to_json()
            )));
            assert_eq!(deadline["error"]["code"], "not_in_build");
        }
        assert_eq!(
            parse(&deadlines(r#"{"as_of":"2024-05-10"}"#))["ok"][0]["last_on_time_day"],
            "2024-05-14"
        );
        assert_eq!(
            parse(&deadlines(r#"{"bogus":1}"#))["error"]["code"],
            "invalid_options"
        );
        assert_eq!(
            parse(&timeliness("half_year", "2024-05-16", ""))["ok"]["days_late"],
            2
        );
        assert_eq!(
            parse(&calendar(2019, "vi", ""))["error"]["code"],
            "year_not_covered"
        );
        let swap = r#"{ "format": 2, "years": { "2026": { "status": "official", "mode": "changes",
            "basis": "x", "days": {
              "2026-11-23": { "occasion": "culture_day", "role": "swapped_day_off" },
              "2026-11-28": { "occasion": "culture_day", "role": "make_up_day", "replaces": "2026-11-23" } } } } }"#;
        let with_swap = parse(&calendar(2026, "vi", swap));
        #[cfg(feature = "full")]
        {
            let days = with_swap["ok"].as_array().unwrap();
            assert!(
                days.iter()
                    .any(|d| d["date"] == "2026-11-28" && d["working"] == true)
            );
            let broken = parse(&calendar(2026, "vi", r#"{ "format": 2, "years": 1 }"#));
            assert_eq!(broken["error"]["code"], "invalid_calendar");
            assert_eq!(broken["error"]["problems"][0]["path"], "/years");
        }
        #[cfg(not(feature = "full"))]
        assert_eq!(with_swap["error"]["code"], "not_in_build");
        assert_eq!(parse(&schema()), treem::schema::report());
    }
}
