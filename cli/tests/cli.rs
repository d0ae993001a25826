//! The `treem` command as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn treem(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_treem"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run treem")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(out)))
}

#[test]
fn examples_validate_with_exit_0() {
    let out = treem(&[
        "validate",
        "examples/quy-nhon-half-year-2024.json",
        "examples/phu-cat-annual-2024.json",
        "examples/so-gddt-annual-2024.json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("hợp lệ"));
}

#[test]
fn four_problems_exit_1_with_every_pointer() {
    let file = "tests/fixtures/structure/four-problems.json";
    let out = treem(&["validate", file, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v[0]["file"], file);
    assert_eq!(v[0]["valid"], false);
    let mut got: Vec<(String, String)> = v[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("structure.date".to_owned(), "/data_as_of".to_owned()),
            (
                "structure.range".to_owned(),
                "/measures/abuse.children/by/sex/male".to_owned()
            ),
            (
                "structure.type".to_owned(),
                "/measures/abuse.cases/total".to_owned()
            ),
            (
                "structure.unknown_key".to_owned(),
                "/sumitted_on".to_owned()
            ),
        ]
    );
    for f in v[0]["findings"].as_array().unwrap() {
        assert_eq!(f["severity"], "error");
        assert!(!f["message"].as_str().unwrap().is_empty());
    }
}

#[test]
fn messages_are_vietnamese_by_default_and_english_on_request() {
    let file = "tests/fixtures/structure/four-problems.json";
    let vi = stdout(&treem(&["validate", file]));
    assert!(vi.contains("không có thật trong lịch"), "{vi}");
    let en = stdout(&treem(&["validate", file, "--lang", "en"]));
    assert!(en.contains("does not exist"), "{en}");
}

#[test]
fn operational_failures_exit_2() {
    let dir = std::env::temp_dir().join(format!("treem-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let not_json = dir.join("not.json");
    std::fs::write(&not_json, "{ \"profile\": ").unwrap();
    let out = treem(&["validate", not_json.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json(&out)[0]["error"]["code"], "json_syntax");

    let out = treem(&["validate", dir.join("missing.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));

    let out = treem(&[
        "validate",
        "--profile",
        "no-such-profile",
        "examples/quy-nhon-half-year-2024.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binh-dinh-2024"));

    let bad_profile = dir.join("profile.json");
    std::fs::write(&bad_profile, "{ \"format\": 1, \"id\": 3 }").unwrap();
    let out = treem(&[
        "validate",
        "--profile",
        bad_profile.to_str().unwrap(),
        "examples/quy-nhon-half-year-2024.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("profile"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_profile_file_can_be_given() {
    let out = treem(&[
        "validate",
        "--profile",
        "core/data/profiles/binh-dinh-2024.json",
        "examples/quy-nhon-half-year-2024.json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn profile_json_shows_districts_and_kinds() {
    let out = treem(&["profile", "binh-dinh-2024", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let districts: Vec<&str> = v["reporters"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "district_committee")
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        districts,
        [
            "540", "542", "543", "544", "545", "546", "547", "548", "549", "550", "551"
        ]
    );
    let due: Vec<(&str, &str)> = v["report_kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            (
                k["id"].as_str().unwrap(),
                k["due"]["date"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(due, [("half_year", "2024-05-15"), ("annual", "2024-11-15")]);
    assert!(stdout(&treem(&["profile"])).contains("Ủy ban nhân dân thành phố Quy Nhơn"));
}

#[test]
fn catalog_json_has_coded_indicators() {
    let v = json(&treem(&["catalog", "--format", "json"]));
    let find = |annex: &str, code: &str| {
        v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["annex"] == annex && i["code"] == code)
            .cloned()
    };
    assert_eq!(
        find("I", "0605").unwrap()["name"]["vi"],
        "Tỷ lệ trẻ em được tiếp cận kiến thức, kỹ năng tham gia môi trường mạng an toàn"
    );
    assert_eq!(
        find("II", "0101").unwrap()["name"]["vi"],
        "Số trẻ em bị xâm hại"
    );
}

#[test]
fn schema_example_and_rules() {
    let schema = json(&treem(&["schema"]));
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(
        schema,
        serde_json::from_str::<Value>(
            &std::fs::read_to_string(root().join("schema/report.schema.json")).unwrap()
        )
        .unwrap()
    );

    let example = treem(&["example", "--kind", "annual", "--reporter", "551"]);
    assert_eq!(example.status.code(), Some(0));
    assert_eq!(
        json(&example)["reporter"]["name"],
        "Ủy ban nhân dân huyện Vân Canh"
    );
    let bad = treem(&["example", "--reporter", "541"]);
    assert_eq!(bad.status.code(), Some(2), "there is no district 541");

    let rules = json(&treem(&["rules", "--format", "json"]));
    for rule in rules.as_array().unwrap() {
        assert!(rule["code"].is_string() && rule["severity"].is_string());
        assert!(rule["checks"]["vi"].is_string() && rule["checks"]["en"].is_string());
    }
}

#[test]
fn standard_input_is_read_with_dash() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_treem"))
        .args(["validate", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let text = std::fs::read(root().join("examples/phu-cat-annual-2024.json")).unwrap();
    child.stdin.take().unwrap().write_all(&text).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}

/// Every day of the breaks in the calendar reference (weekends inside them included), and the
/// make-up Saturdays.
const OFF: &[(i32, &[(&str, &str)])] = &[
    (
        2024,
        &[
            ("01-01", "01-01"),
            ("02-08", "02-14"),
            ("04-18", "04-18"),
            ("04-27", "05-01"),
            ("08-31", "09-03"),
        ],
    ),
    (
        2025,
        &[
            ("01-01", "01-01"),
            ("01-25", "02-02"),
            ("04-07", "04-07"),
            ("04-30", "05-04"),
            ("08-30", "09-02"),
        ],
    ),
    (
        2026,
        &[
            ("01-01", "01-04"),
            ("02-14", "02-22"),
            ("04-26", "04-27"),
            ("04-30", "05-03"),
            ("08-29", "09-02"),
            ("11-24", "11-24"),
        ],
    ),
];
const MAKE_UP: &[(i32, &[&str])] = &[
    (2024, &["05-04"]),
    (2025, &["04-26"]),
    (2026, &["01-10", "08-22"]),
];

/// The days of `treem calendar YEAR --format json` (a schedule file of that year): date, working,
/// role, basis.
fn schedule_days(file: &Value, year: i32) -> Vec<(String, bool, String, String)> {
    let year = &file["years"][year.to_string()];
    year["days"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(date, day)| {
            (
                date.clone(),
                day["role"] == "make_up_day",
                day["role"].as_str().unwrap().to_owned(),
                day["basis"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn calendar_reproduces_the_official_schedules() {
    for ((year, ranges), (_, make_up)) in OFF.iter().zip(MAKE_UP) {
        let out = treem(&["calendar", &year.to_string(), "--format", "json"]);
        assert_eq!(out.status.code(), Some(0));
        let file = json(&out);
        assert_eq!(file["format"], 2);
        assert_eq!(file["years"][year.to_string()]["status"], "official");
        let mut off_got: Vec<String> = Vec::new();
        let mut on_got: Vec<String> = Vec::new();
        for (date, working, _, basis) in schedule_days(&file, *year) {
            // Every day names its basis, in the output language (Vietnamese by default).
            assert!(!basis.is_empty(), "{date}");
            assert!(!basis.contains("Labour Code"), "{date}: {basis}");
            if working {
                on_got.push(date)
            } else {
                off_got.push(date)
            }
        }
        let mut off_want = Vec::new();
        for (from, to) in *ranges {
            let mut day =
                chrono::NaiveDate::parse_from_str(&format!("{year}-{from}"), "%Y-%m-%d").unwrap();
            let last =
                chrono::NaiveDate::parse_from_str(&format!("{year}-{to}"), "%Y-%m-%d").unwrap();
            while day <= last {
                off_want.push(day.format("%Y-%m-%d").to_string());
                day = day.succ_opt().unwrap();
            }
        }
        let on_want: Vec<String> = make_up.iter().map(|d| format!("{year}-{d}")).collect();
        assert_eq!(off_got, off_want, "{year} days off");
        assert_eq!(on_got, on_want, "{year} make-up days");
    }
    assert_eq!(treem(&["calendar", "2023"]).status.code(), Some(2));
    let projected = json(&treem(&["calendar", "2031", "--format", "json"]));
    assert_eq!(projected["years"]["2031"]["status"], "projected");
    let culture = &projected["years"]["2031"]["days"]["2031-11-24"];
    assert_eq!(culture["occasion"], "culture_day", "{projected}");
    assert_eq!(
        culture["basis"],
        "Dự tính theo Nghị quyết 28/2026/QH16 của Quốc hội"
    );
}

/// Print a year, add the swap proposed for 24/11/2026, load it back: the days change exactly as
/// the file says, in `calendar`, `deadlines`, `timeliness` and `validate`.
#[test]
fn a_printed_and_edited_schedule_loads_back() {
    let dir = std::env::temp_dir().join(format!("treem-calendar-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let printed = treem(&["calendar", "2026", "--format", "json"]);
    let mut file = json(&printed);
    let same = dir.join("same.json");
    std::fs::write(&same, &printed.stdout).unwrap();
    let again = treem(&["calendar", "2026", "--calendar", same.to_str().unwrap()]);
    assert_eq!(stdout(&again), stdout(&treem(&["calendar", "2026"])));
    let days = &mut file["years"]["2026"]["days"];
    days["2026-11-23"] = serde_json::json!({ "occasion": "culture_day", "role": "swapped_day_off",
        "basis": "Thông báo (để thử)" });
    days["2026-11-28"] = serde_json::json!({ "occasion": "culture_day", "role": "make_up_day",
        "replaces": "2026-11-23", "basis": "Thông báo (để thử)" });
    let swapped = dir.join("swap.json");
    std::fs::write(&swapped, file.to_string()).unwrap();
    let cal = swapped.to_str().unwrap();
    let with = schedule_days(
        &json(&treem(&[
            "calendar",
            "2026",
            "--format",
            "json",
            "--calendar",
            cal,
        ])),
        2026,
    );
    let without = schedule_days(&file, 2026);
    assert_eq!(with.len(), without.len());
    let late = |extra: &[&str]| {
        let mut args = vec![
            "timeliness",
            "--profile",
            "tests/vectors/deadlines/profiles/due-around-24-11-2026.json",
            "--kind",
            "annual",
            "--submitted",
            "2026-11-30",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        json(&treem(&args))["working_days_late"].clone()
    };
    assert_eq!(late(&[]), 3);
    assert_eq!(late(&["--calendar", cal]), 4);
    // A broken file: every problem at once, each at its pointer, in Vietnamese.
    let broken = dir.join("broken.json");
    std::fs::write(
        &broken,
        include_str!("../../tests/vectors/calendar/schedules/five-mistakes.json"),
    )
    .unwrap();
    let out = treem(&[
        "deadlines",
        "--calendar",
        broken.to_str().unwrap(),
        "--lang",
        "vi",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    for at in [
        "/years/2027/days/2028-01-03",
        "/years/2027/days/2027-03-08/occasion",
        "/years/2027/days/2027-11-26/role",
        "/years/2027/days/2027-11-28/role",
        "/years/2027/days/2027-11-29/role",
    ] {
        assert!(err.contains(at), "{at} in {err}");
    }
    assert!(err.contains("Tệp lịch nghỉ không hợp lệ"), "{err}");
    assert!(!err.contains("expected"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn deadlines_and_timeliness() {
    let last = |args: &[&str]| -> Vec<String> {
        json(&treem(args))
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["last_on_time_day"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        last(&[
            "deadlines",
            "--profile",
            "binh-dinh-2024",
            "--format",
            "json"
        ]),
        ["2024-05-14", "2024-11-14"]
    );
    assert_eq!(
        last(&["deadlines", "--reading", "by", "--format", "json"]),
        ["2024-05-15", "2024-11-15"]
    );
    let with_as_of = json(&treem(&[
        "deadlines",
        "--as-of",
        "2024-05-10",
        "--format",
        "json",
    ]));
    assert_eq!(with_as_of[0]["remaining"]["working_days_remaining"], 2);
    assert!(
        with_as_of[0]["explanation"]["vi"]
            .as_str()
            .unwrap()
            .contains("trước ngày")
    );

    let t = json(&treem(&[
        "timeliness",
        "--kind",
        "half_year",
        "--submitted",
        "2024-05-16",
        "--format",
        "json",
    ]));
    assert_eq!(
        (
            t["status"].as_str(),
            t["days_late"].as_i64(),
            t["working_days_late"].as_i64()
        ),
        (Some("late"), Some(2), Some(2))
    );
    assert_eq!(t["last_on_time_day"], "2024-05-14");
    let on_time = json(&treem(&[
        "timeliness",
        "--kind",
        "annual",
        "--submitted",
        "2024-11-14",
        "--format",
        "json",
    ]));
    assert_eq!(on_time["status"], "on_time");
    assert_eq!(
        treem(&[
            "timeliness",
            "--kind",
            "quarterly",
            "--submitted",
            "2024-05-16"
        ])
        .status
        .code(),
        Some(2)
    );
    assert_eq!(
        treem(&[
            "timeliness",
            "--kind",
            "half_year",
            "--submitted",
            "16/05/2024"
        ])
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn conformance_lists_every_rule_and_ends_with_the_count() {
    let out = treem(&["conformance", "--cases", "4", "--lang", "en"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    for rule in treem::RULES {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("{} ", rule.code))),
            "{} missing from:\n{text}",
            rule.code
        );
    }
    let last = text.lines().last().unwrap_or_default();
    assert!(
        last.ends_with(" passed, 0 failed") && !last.starts_with("0 "),
        "{last}"
    );
    let json = json(&treem(&["conformance", "--cases", "2", "--format", "json"]));
    assert_eq!(json["failed"], 0);
    assert!(json["passed"].as_u64().unwrap() > 200, "{}", json["passed"]);
}

#[test]
fn conformance_reports_a_failing_vector_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("treem-vectors-{}", std::process::id()));
    let calendar = dir.join("calendar");
    std::fs::create_dir_all(&calendar).unwrap();
    std::fs::write(
        calendar.join("wrong.json"),
        r#"{"cases": [
            {"description": "1/1/2024 claimed as a working day", "date": "2024-01-01", "expect": {"working": true}},
            {"description": "2/1/2024 is one", "date": "2024-01-02", "expect": {"working": true}}
        ]}"#,
    )
    .unwrap();
    let out = treem(&[
        "conformance",
        "--vectors",
        dir.to_str().unwrap(),
        "--only",
        "calendar",
    ]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("calendar/wrong.json#0"), "{text}");
    assert!(text.ends_with("1 passed, 1 failed\n"), "{text}");

    let missing = treem(&["conformance", "--vectors", "no/such/folder"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/folder"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A temporary folder of generated six-month reports for the given reporters.
fn district_reports(name: &str, reporters: &[&str]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("treem-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("nested")).unwrap();
    for (i, id) in reporters.iter().enumerate() {
        let out = treem(&[
            "example",
            "--kind",
            "half_year",
            "--reporter",
            id,
            "--seed",
            &i.to_string(),
        ]);
        assert_eq!(out.status.code(), Some(0));
        // Half of them one folder down: folders are read recursively.
        let path = if i % 2 == 0 {
            dir.join(format!("{id}.json"))
        } else {
            dir.join("nested").join(format!("{id}.json"))
        };
        std::fs::write(path, &out.stdout).unwrap();
    }
    dir
}

#[test]
fn consolidate_nine_of_eleven_districts_as_of_20_may() {
    let nine = [
        "540", "542", "543", "544", "546", "547", "548", "550", "551",
    ];
    let dir = district_reports("nine", &nine);
    // Phù Mỹ (545) and An Nhơn (549) are absent; Quy Nhơn submits on 16/5.
    let late = dir.join("540.json");
    let mut report: Value = serde_json::from_str(&std::fs::read_to_string(&late).unwrap()).unwrap();
    report["submitted_on"] = "2024-05-16".into();
    std::fs::write(&late, report.to_string()).unwrap();

    let dir_arg = dir.to_str().unwrap();
    let out = treem(&[
        "consolidate",
        dir_arg,
        "--as-of",
        "2024-05-20",
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let done = json(&out);
    let status = |id: &str| {
        done["reporters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .cloned()
            .unwrap()
    };
    for absent in ["545", "549"] {
        assert_eq!(status(absent)["status"], "missing");
        assert_eq!(status(absent)["overdue"], true);
    }
    assert_eq!(status("540")["status"], "late");
    assert_eq!(status("540")["working_days_late"], 2);
    assert_eq!(status("542")["status"], "on_time");
    assert_eq!(done["kind"], "half_year");
    assert_eq!(done["completeness"]["received"], 9);
    assert_eq!(done["consolidated"]["reporter"]["id"], "so-ldtbxh");
    assert!(
        done["consolidated"]["measures"]["abuse.children"]["total"]
            .as_u64()
            .unwrap()
            > 0
    );

    // Text: every reporter's status in Vietnamese.
    let text = stdout(&treem(&["consolidate", dir_arg, "--as-of", "2024-05-20"]));
    assert!(text.contains("Đã nhận 9/23 đơn vị"), "{text}");
    assert!(text.contains("chưa nộp, đã quá hạn"), "{text}");
    assert!(text.contains("chậm 2 ngày (2 ngày làm việc)"), "{text}");
    // English, in the one wording core gives a span of days: a day late is "1 day", not "1 days".
    report["submitted_on"] = "2024-05-15".into();
    std::fs::write(&late, report.to_string()).unwrap();
    let text = stdout(&treem(&[
        "consolidate",
        dir_arg,
        "--as-of",
        "2024-05-20",
        "--lang",
        "en",
    ]));
    assert!(text.contains("late by 1 day (1 working day)"), "{text}");

    // CSV for Excel: a byte-order mark, Vietnamese intact, one column per contributing reporter.
    let csv = treem(&["consolidate", dir_arg, "--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    let header = csv.lines().next().unwrap();
    assert!(
        header.contains("Tên chỉ số") && header.contains("Ủy ban nhân dân huyện An Lão"),
        "{header}"
    );
    assert_eq!(header.split(',').count(), 5 + 9, "{header}");
    assert!(csv.contains("\r\n"));

    // HTML: one page with every reporter's row.
    let html = stdout(&treem(&[
        "consolidate",
        dir_arg,
        "--as-of",
        "2024-05-20",
        "--format",
        "html",
    ]));
    assert!(html.starts_with("<!DOCTYPE html>"));
    for id in ["540", "545", "549", "so-gddt"] {
        assert!(html.contains(&format!("data-reporter=\"{id}\"")), "{id}");
    }
    assert!(
        !html.contains("<script") && !html.contains("http"),
        "self-contained"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn consolidate_says_what_is_wrong_with_its_inputs() {
    let out = treem(&["consolidate", "no/such/folder"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/folder"));
    let out = treem(&["consolidate", "examples", "--kind", "quarterly"]);
    assert_eq!(out.status.code(), Some(2));
    let out = treem(&["consolidate", "examples", "--as-of", "20/5/2024"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("20/5/2024"));
}

#[test]
fn conformance_runs_a_second_set_laid_out_its_own_way() {
    // A set kept aside: suites one level down, a report beside the vectors that name it, and a
    // base path resolved from the repository root.
    let dir = std::env::temp_dir().join(format!("treem-second-set-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let validation = dir.join("set-b").join("validation");
    std::fs::create_dir_all(validation.join("reports")).unwrap();
    std::fs::copy(
        root().join("examples/quy-nhon-half-year-2024.json"),
        validation.join("reports/qn.json"),
    )
    .unwrap();
    std::fs::write(
        validation.join("year.json"),
        r#"{"rule": "header.year", "cases": [
            {"description": "beside", "base": "reports/qn.json",
             "patch": [{"op": "replace", "path": "/year", "value": 2026}],
             "expect": {"valid": false, "findings": [{"code": "header.year", "path": "/year"}]}},
            {"description": "from the root", "base": "examples/quy-nhon-half-year-2024.json",
             "expect": {"valid": true, "findings": []}}
        ]}"#,
    )
    .unwrap();
    let out = treem(&[
        "conformance",
        "--vectors",
        dir.to_str().unwrap(),
        "--only",
        "header.year",
        "--cases",
        "2",
        "--lang",
        "en",
    ]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("(support files: 1)"), "{text}");
    assert!(text.ends_with("3 passed, 0 failed\n"), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}
