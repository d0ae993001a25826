use super::*;
use chrono::Weekday;

/// The embedded data file.
const EMBEDDED: &str = include_str!("../../data/calendar/vn-civil-service.json");

/// `embedded/data.rs` is the embedded data file as Rust: regenerated here from the file (checked
/// as any schedule file is checked) and compared with the committed one; `TREEM_BLESS=1`
/// rewrites it. The calendar built from it is the file's.
#[test]
fn the_embedded_data_is_the_file() {
    let parsed = read(EMBEDDED, None).unwrap_or_else(|e| panic!("{e}"));
    let out = embedded::generate(&parsed.file);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/calendar/embedded/data.rs");
    if std::env::var_os("TREEM_BLESS").is_some() {
        std::fs::write(path, &out).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap();
    assert!(
        committed == out,
        "core/src/calendar/embedded/data.rs differs from the data file: run \
         TREEM_BLESS=1 cargo test -p treem --lib the_embedded_data_is_the_file"
    );
    let from_file = Calendar::build(None, parsed.file);
    let embedded = Calendar::embedded();
    assert_eq!(embedded.description, from_file.description);
    assert_eq!(embedded.occasions, from_file.occasions);
    assert_eq!(embedded.rules, from_file.rules);
    assert_eq!(embedded.given, from_file.given);
}

fn d(text: &str) -> CivilDate {
    text.parse().unwrap()
}

/// Weekdays off and Saturdays worked, read from the announced schedules (the domain reference's
/// table) and the statutory holiday of 24/11 from 2026, written here independently of the data
/// file.
const OFFICIAL: &[(i32, &[&str], &[&str])] = &[
    (
        2024,
        &[
            "01-01", "02-08", "02-09", "02-12", "02-13", "02-14", "04-18", "04-29", "04-30",
            "05-01", "09-02", "09-03",
        ],
        &["05-04"],
    ),
    (
        2025,
        &[
            "01-01", "01-27", "01-28", "01-29", "01-30", "01-31", "04-07", "04-30", "05-01",
            "05-02", "09-01", "09-02",
        ],
        &["04-26"],
    ),
    (
        2026,
        &[
            "01-01", "01-02", "02-16", "02-17", "02-18", "02-19", "02-20", "04-27", "04-30",
            "05-01", "08-31", "09-01", "09-02", "11-24",
        ],
        &["01-10", "08-22"],
    ),
];

#[test]
fn every_day_of_2024_to_2026_matches_the_official_schedules() {
    let cal = Calendar::embedded();
    for (year, off, on) in OFFICIAL {
        for day in days_of(*year) {
            let md = format!("{:02}-{:02}", day.month(), day.day());
            let weekday = !matches!(day.naive().weekday(), Weekday::Sat | Weekday::Sun);
            let expected = (weekday && !off.contains(&md.as_str())) || on.contains(&md.as_str());
            assert_eq!(cal.is_working_day(day).unwrap(), expected, "{day}");
        }
        assert_eq!(cal.year(*year).unwrap().status, Source::Official);
    }
}

#[test]
fn working_days_per_month() {
    let cal = Calendar::embedded();
    let expected: &[(i32, [i64; 12])] = &[
        (2024, [22, 16, 21, 19, 23, 20, 23, 22, 19, 23, 21, 22]),
        (2025, [17, 20, 21, 21, 20, 21, 23, 21, 20, 23, 20, 23]),
        // November 2026 has 21 weekdays, one of them 24/11.
        (2026, [21, 15, 22, 20, 20, 22, 23, 21, 20, 22, 20, 23]),
    ];
    for (year, months) in expected {
        for (m, want) in months.iter().enumerate() {
            let month = m as u32 + 1;
            let n = days_of(*year)
                .filter(|day| day.month() == month)
                .filter(|day| cal.is_working_day(*day).unwrap())
                .count();
            assert_eq!(n as i64, *want, "{year}-{month:02}");
        }
    }
}

#[test]
fn culture_day_is_a_holiday_from_2026_and_never_before() {
    let cal = Calendar::embedded();
    for year in *cal.covered().start()..=LAST_PROJECTED_YEAR {
        let day = CivilDate::from_ymd(year, 11, 24).unwrap();
        let entry = cal.scheduled(day).unwrap();
        let culture = entry.is_some_and(|e| e.occasion == "culture_day" && e.role == Role::Holiday);
        assert_eq!(culture, year >= 2026, "{year}");
        let listed = cal
            .year(year)
            .unwrap()
            .days
            .iter()
            .any(|e| e.occasion == "culture_day");
        assert_eq!(listed, year >= 2026, "{year}");
        if year >= 2026 {
            assert!(!cal.is_working_day(day).unwrap(), "{year}");
        }
    }
    // Monday 24/11/2025 was a working day.
    assert!(cal.is_working_day(d("2025-11-24")).unwrap());
    // 24/11/2029 is a Saturday: Monday 26/11 is its compensatory day.
    let comp = cal.scheduled(d("2029-11-26")).unwrap().unwrap();
    assert_eq!(
        (comp.occasion.as_str(), comp.role),
        ("culture_day", Role::Compensatory)
    );
    assert!(
        comp.basis.vi.contains("khoản 3 Điều 111"),
        "{}",
        comp.basis.vi
    );
    // The day itself names its law.
    let day = cal.scheduled(d("2026-11-24")).unwrap().unwrap();
    assert_eq!(day.basis.vi, "Nghị quyết 28/2026/QH16 của Quốc hội");
    assert_eq!(day.basis.en, "National Assembly Resolution 28/2026/QH16");
}

#[test]
fn projected_years_follow_the_statutory_rules() {
    let cal = Calendar::embedded();
    let y2027 = cal.year(2027).unwrap();
    assert_eq!(y2027.status, Source::Projected);
    // Tết 2027 is Saturday 6 February: the five days are Fri 5 – Tue 9, and the two that fall on
    // the weekend give Wednesday 10 and Thursday 11 off.
    for off in [
        "2027-02-05",
        "2027-02-08",
        "2027-02-09",
        "2027-02-10",
        "2027-02-11",
    ] {
        assert!(!cal.is_working_day(d(off)).unwrap(), "{off}");
    }
    assert!(cal.is_working_day(d("2027-02-12")).unwrap());
    let tet = cal.scheduled(d("2027-02-06")).unwrap().unwrap();
    assert_eq!(
        (tet.occasion.as_str(), tet.role),
        ("lunar_new_year", Role::Holiday)
    );
    assert!(
        tet.basis
            .vi
            .starts_with("Dự tính theo Bộ luật Lao động 2019")
    );
    // 2 September 2027 is a Thursday: 3 September is the second day.
    assert!(!cal.is_working_day(d("2027-09-03")).unwrap());
    assert!(cal.is_working_day(d("2027-09-01")).unwrap());
    // 1 May 2027 is a Saturday: Monday 3 May is compensatory.
    assert_eq!(
        cal.scheduled(d("2027-05-03")).unwrap().unwrap().role,
        Role::Compensatory
    );
    // Wednesday 24 November 2027.
    assert!(!cal.is_working_day(d("2027-11-24")).unwrap());
}

#[test]
fn a_rule_applies_only_while_in_force() {
    // A rule that ended: 24/11 off in 2027 and 2028 only.
    let file = r#"{ "format": 2, "rules": { "culture_day": { "kind": "fixed",
        "occasion": "culture_day", "month": 11, "day": 24, "basis": "thử", "from": "2026-07-01",
        "until": "2028-12-31" } } }"#;
    let cal = Calendar::embedded().with_schedule_json(file).unwrap();
    assert!(!cal.is_working_day(d("2027-11-24")).unwrap());
    assert!(!cal.is_working_day(d("2028-11-24")).unwrap()); // a Friday
    assert!(cal.is_working_day(d("2033-11-24")).unwrap()); // a Thursday
}

#[test]
fn years_outside_the_calendar_are_errors() {
    let cal = Calendar::embedded();
    for year in [1999, 2023, LAST_PROJECTED_YEAR + 1] {
        assert_eq!(
            cal.year(year).unwrap_err().code(),
            "year_not_covered",
            "{year}"
        );
    }
    assert!(cal.is_working_day(d("2023-12-29")).is_err());
}

/// Print a year, load it back: the same days, roles, occasions and bases.
#[test]
fn a_printed_year_loads_back_as_the_same_calendar() {
    let cal = Calendar::embedded();
    for year in 2024..=2040 {
        for lang in [Some(Lang::Vi), Some(Lang::En), None] {
            let printed = cal
                .year(year)
                .unwrap()
                .to_file(cal.description().clone(), None);
            let text = printed.to_json_pretty(lang);
            let again = cal
                .with_schedule_json(&text)
                .unwrap_or_else(|e| panic!("{year} {lang:?}: {e}\n{text}"));
            let (a, b) = (cal.year(year).unwrap(), again.year(year).unwrap());
            assert_eq!(a.status, b.status, "{year}");
            assert_eq!(a.days.len(), b.days.len(), "{year}");
            for (x, y) in a.days.iter().zip(&b.days) {
                assert_eq!(
                    (x.date, &x.occasion, x.role, x.replaces),
                    (y.date, &y.occasion, y.role, y.replaces),
                    "{year}"
                );
                match lang {
                    Some(lang) => assert_eq!(x.basis.get(lang), y.basis.get(lang)),
                    None => assert_eq!(x.basis, y.basis),
                }
            }
            for day in days_of(year) {
                assert_eq!(cal.is_working_day(day), again.is_working_day(day), "{day}");
            }
        }
    }
}

/// The proposed swap of 2026, given as changes: exactly 23/11 and 28/11 change.
#[test]
fn a_swap_changes_exactly_the_days_it_names() {
    let swap = r#"{ "format": 2, "description": "Hoán đổi ngày làm việc dịp 24/11/2026",
      "years": { "2026": { "status": "official", "mode": "changes",
        "basis": { "vi": "Thông báo (giả định, để thử)", "en": "Notice (assumed, for the test)" },
        "days": {
          "2026-11-23": { "occasion": "culture_day", "role": "swapped_day_off" },
          "2026-11-28": { "occasion": "culture_day", "role": "make_up_day", "replaces": "2026-11-23" } } } } }"#;
    let base = Calendar::embedded();
    let cal = base.with_schedule_json(swap).unwrap();
    let changed: Vec<String> = days_of(2026)
        .filter(|day| base.is_working_day(*day).unwrap() != cal.is_working_day(*day).unwrap())
        .map(|day| day.to_string())
        .collect();
    assert_eq!(changed, ["2026-11-23", "2026-11-28"]);
    let swapped = cal.scheduled(d("2026-11-23")).unwrap().unwrap();
    assert_eq!(swapped.basis.vi, "Thông báo (giả định, để thử)");
    // Working days after Friday 20/11 up to Monday 30/11: 24/11 off in both; with the swap 23/11
    // is off and 28/11 is worked.
    let (from, to) = (d("2026-11-20"), d("2026-11-27"));
    assert_eq!(base.working_days_between(from, to).unwrap(), 4);
    assert_eq!(cal.working_days_between(from, to).unwrap(), 3);
    assert_eq!(cal.working_days_between(from, d("2026-11-28")).unwrap(), 4);
}

#[test]
fn a_newly_announced_year_replaces_its_projection() {
    // 2027 announced: Tết taken Thursday 4 – Monday 8 February instead of the projection's days.
    let cal = Calendar::embedded();
    let mut file = cal.year(2027).unwrap().to_file(Label::default(), None);
    let spec = file.years.get_mut(&2027).unwrap();
    spec.status = Source::Official;
    spec.basis = Label {
        vi: "Công văn (để thử)".into(),
        en: "Letter (for the test)".into(),
    };
    let tet: Vec<CivilDate> = spec
        .days
        .iter()
        .filter(|(_, day)| day.occasion == "lunar_new_year")
        .map(|(date, _)| *date)
        .collect();
    for date in tet {
        spec.days.remove(&date);
    }
    for (date, role) in [
        ("2027-02-04", Role::Holiday),
        ("2027-02-05", Role::Holiday),
        ("2027-02-06", Role::Holiday),
        ("2027-02-07", Role::Holiday),
        ("2027-02-08", Role::Holiday),
        ("2027-02-09", Role::Compensatory),
        ("2027-02-10", Role::Compensatory),
    ] {
        spec.days.insert(
            d(date),
            DaySpec {
                occasion: "lunar_new_year".into(),
                role,
                replaces: None,
                basis: None,
            },
        );
    }
    let cal = cal
        .with_schedule_json(&file.to_json_pretty(None))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cal.year(2027).unwrap().status, Source::Official);
    assert!(!cal.is_working_day(d("2027-02-04")).unwrap());
    assert!(cal.is_working_day(d("2027-02-11")).unwrap());
    let day = cal.scheduled(d("2027-02-04")).unwrap().unwrap();
    assert_eq!(
        day.basis.vi,
        "Bộ luật Lao động 2019, điểm b khoản 1 và khoản 3 Điều 112; ngày cụ thể theo Công văn (để thử)"
    );
    assert_eq!(cal.year(2024).unwrap().status, Source::Official);
}

#[test]
fn a_broken_schedule_gets_every_problem_at_once() {
    // Five mistakes: a day outside its year, an unknown occasion, a make-up day on a Friday
    // without the day it replaces, a swapped day off on a Sunday, an unknown role.
    let file = r#"{ "format": 2, "years": { "2027": { "status": "official", "mode": "changes",
        "basis": "x", "days": {
          "2028-01-03": { "occasion": "new_year", "role": "holiday" },
          "2027-03-08": { "occasion": "womens_day", "role": "holiday" },
          "2027-11-26": { "occasion": "culture_day", "role": "make_up_day" },
          "2027-11-28": { "occasion": "culture_day", "role": "swapped_day_off" },
          "2027-11-29": { "occasion": "culture_day", "role": "bridge" } } } } }"#;
    let err = Calendar::embedded().with_schedule_json(file).unwrap_err();
    assert_eq!(err.code(), "invalid_calendar");
    let got: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        got,
        [
            "/years/2027/days/2027-11-29/role",
            "/years/2027/days/2027-03-08/occasion",
            "/years/2027/days/2027-11-26/role",
            "/years/2027/days/2027-11-26",
            "/years/2027/days/2027-11-28/role",
            "/years/2027/days/2028-01-03",
        ],
        "{err}"
    );
    for p in err.problems() {
        assert!(
            !p.message.vi.is_empty() && p.message.vi != p.message.en,
            "{p:?}"
        );
    }
    let vi = err.message(Lang::Vi);
    assert!(vi.starts_with("Tệp lịch nghỉ không hợp lệ"), "{vi}");
    assert!(vi.contains("không thuộc năm 2027"), "{vi}");
    assert!(vi.contains("phải là thứ Bảy"), "{vi}");
}

#[test]
fn a_whole_year_must_keep_the_holidays_in_force() {
    // A whole 2027 written without 24/11: the law in force since 2026 says it is a holiday.
    let cal = Calendar::embedded();
    let mut file = cal.year(2027).unwrap().to_file(Label::default(), None);
    file.years
        .get_mut(&2027)
        .unwrap()
        .days
        .remove(&d("2027-11-24"));
    let err = cal
        .with_schedule_json(&file.to_json_pretty(None))
        .unwrap_err();
    assert_eq!(err.problems().len(), 1, "{err}");
    assert_eq!(err.problems()[0].path, "/years/2027/days");
    assert!(
        err.problems()[0]
            .message
            .vi
            .contains("Ngày Văn hóa Việt Nam (thứ Tư 24/11/2027"),
        "{err}"
    );
    // A make-up Saturday on a statutory holiday: 1 May 2027 is a Saturday.
    let mut file = cal.year(2027).unwrap().to_file(Label::default(), None);
    let spec = file.years.get_mut(&2027).unwrap();
    spec.mode = Mode::Changes;
    spec.days = [(
        d("2027-05-01"),
        DaySpec {
            occasion: "victory_and_labour_day".into(),
            role: Role::MakeUpDay,
            replaces: Some(d("2027-05-03")),
            basis: None,
        },
    )]
    .into_iter()
    .collect();
    let err = cal
        .with_schedule_json(&file.to_json_pretty(None))
        .unwrap_err();
    let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"/years/2027/days/2027-05-01/role"), "{err}");
    assert!(
        paths.contains(&"/years/2027/days/2027-05-01/replaces"),
        "{err}"
    );
}

#[test]
fn rules_are_checked_against_their_kind() {
    let file = r#"{ "format": 2, "occasions": { "Bad-Id": "x" }, "rules": {
        "a": { "kind": "fixed", "occasion": "new_year", "month": 2, "day": 30, "basis": "x", "from": "2030-01-01" },
        "b": { "kind": "lunar_new_year", "occasion": "lunar_new_year", "basis": "x", "from": "2030-01-01", "until": "2029-01-01" },
        "c": { "kind": "adjacent", "occasion": "national_day", "to": "hung_kings", "basis": "x", "from": "2030-01-01" },
        "d": { "kind": "compensatory", "occasion": "new_year", "basis": "x", "from": "2030-01-01" } } }"#;
    let err = Calendar::embedded().with_schedule_json(file).unwrap_err();
    let got: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        got,
        [
            "/occasions/Bad-Id",
            "/rules/a/day",
            "/rules/b",
            "/rules/b/until",
            "/rules/c/to",
            "/rules/d/occasion",
        ],
        "{err}"
    );
}

#[test]
fn format_1_files_still_load_and_point_at_their_own_places() {
    let cal = Calendar::embedded();
    let mut days = Vec::new();
    for day in &cal.year(2027).unwrap().days {
        let mut d = serde_json::json!({
            "date": day.date.to_string(),
            "occasion": day.occasion,
            "role": crate::wire::Named::name(day.role),
        });
        if let Some(r) = day.replaces {
            d["replaces"] = r.to_string().into();
        }
        days.push(d);
    }
    let file = serde_json::json!({
        "format": 1, "description": "2027 (test)",
        "years": [ { "year": 2027, "status": "official", "source": "test", "days": days } ]
    });
    let again = cal.with_schedule_json(&file.to_string()).unwrap();
    assert_eq!(again.year(2027).unwrap().status, Source::Official);
    let mut broken = file.clone();
    broken["years"][0]["days"][1]["occasion"] = "nope".into();
    let err = cal.with_schedule_json(&broken.to_string()).unwrap_err();
    assert_eq!(err.problems()[0].path, "/years/0/days/1/occasion", "{err}");
}

#[test]
fn every_day_names_its_basis() {
    let cal = Calendar::embedded();
    for year in 2024..=2040 {
        for day in &cal.year(year).unwrap().days {
            assert!(
                !day.basis.vi.is_empty() && !day.basis.en.is_empty(),
                "{year} {}",
                day.date
            );
        }
    }
    let swapped = cal.scheduled(d("2024-04-29")).unwrap().unwrap();
    assert_eq!(
        swapped.basis.vi,
        "Công văn 2450/VPCP-KGVX của Văn phòng Chính phủ"
    );
    let new_year = cal.scheduled(d("2025-01-01")).unwrap().unwrap();
    assert_eq!(new_year.basis.en, "Labour Code 2019, art. 112(1)(a)");
    let why = cal.why_not_working(d("2026-11-24")).unwrap().unwrap();
    assert_eq!(
        why.vi,
        "Nghỉ lễ Ngày Văn hóa Việt Nam — Nghị quyết 28/2026/QH16 của Quốc hội"
    );
    let sunday = cal.why_not_working(d("2026-11-29")).unwrap().unwrap();
    assert_eq!(sunday.vi, "Chủ nhật, ngày nghỉ hằng tuần");
    assert!(cal.why_not_working(d("2026-11-25")).unwrap().is_none());
}
