//! CSV output opened for real: LibreOffice Calc (headless, with formula evaluation switched on
//! for the import) reads `treem consolidate --format csv` of reporters named like formulas, and
//! finds not one formula. A control CSV with the same names undefused shows that the check
//! would see them.
//!
//! Needs LibreOffice (`apt-get install libreoffice-calc-nogui`; `.ci/run` and `scripts/test`
//! install it).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// Names an attacker might give a reporter in a profile file.
const NAMES: &[&str] = &[
    "=1+1",
    "+2+3",
    "-4+5",
    "@SUM(1;2)",
    "=HYPERLINK(\"http://example.invalid\";\"bấm vào đây\")",
];

/// CSV import options: comma, double quote, UTF-8, from line 1, formulas evaluated.
const IMPORT: &str = "CSV:44,34,76,1,,0,false,true,false,false,false,-1,true";

/// The cells of `csv` as LibreOffice reads them, as a flat OpenDocument spreadsheet (XML).
fn opened(csv: &Path, out: &Path) -> String {
    let status = Command::new("soffice")
        .arg("--headless")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            out.display()
        ))
        .arg(format!("--infilter={IMPORT}"))
        .args(["--convert-to", "fods", "--outdir"])
        .arg(out)
        .arg(csv)
        .output()
        .unwrap_or_else(|e| {
            panic!("LibreOffice is needed ({e}): apt-get install libreoffice-calc-nogui")
        });
    assert!(status.status.success(), "{status:?}");
    let name = csv.file_stem().unwrap().to_string_lossy();
    std::fs::read_to_string(out.join(format!("{name}.fods"))).expect("LibreOffice wrote it")
}

#[test]
fn no_csv_cell_becomes_a_formula_in_libreoffice() {
    let dir = std::env::temp_dir().join(format!("treem-spreadsheet-{}", std::process::id()));
    let reports = dir.join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut profile: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("core/data/profiles/binh-dinh-2024.json")).unwrap(),
    )
    .unwrap();
    profile["id"] = "formulas".into();
    let reporters = profile["reporters"].as_array_mut().unwrap();
    let mut ids = Vec::new();
    for (reporter, name) in reporters.iter_mut().zip(NAMES) {
        reporter["name"] = (*name).into();
        ids.push(reporter["id"].as_str().unwrap().to_owned());
    }
    let profile_path = dir.join("profile.json");
    std::fs::write(&profile_path, profile.to_string()).unwrap();
    for (id, name) in ids.iter().zip(NAMES) {
        let out = Command::new(env!("CARGO_BIN_EXE_treem"))
            .args(["example", "--kind", "half_year", "--reporter", id])
            .output()
            .unwrap();
        let mut report: Value = serde_json::from_slice(&out.stdout).unwrap();
        report["profile"] = "formulas".into();
        report["reporter"]["name"] = (*name).into();
        std::fs::write(reports.join(format!("{id}.json")), report.to_string()).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_treem"))
        .args(["consolidate", "--format", "csv", "--profile"])
        .arg(&profile_path)
        .arg(&reports)
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    for name in NAMES {
        let quoted = name.replace('"', "\"\"");
        assert!(
            csv.contains(&format!("'{quoted}")),
            "{name} not defused in:\n{csv}"
        );
    }
    let treem_csv = dir.join("consolidated.csv");
    std::fs::write(&treem_csv, &csv).unwrap();
    let control_csv = dir.join("control.csv");
    let control: Vec<String> = NAMES
        .iter()
        .map(|n| format!("\"{}\"", n.replace('"', "\"\"")))
        .collect();
    std::fs::write(
        &control_csv,
        format!("a,b,c,d,e\r\n{}\r\n", control.join(",")),
    )
    .unwrap();

    let sheet = opened(&treem_csv, &dir);
    let formulas = sheet.matches("table:formula=").count();
    assert_eq!(formulas, 0, "LibreOffice found formulas in treem's CSV");
    assert!(
        sheet.contains("bấm vào đây"),
        "the names are in the sheet, as text"
    );
    let control = opened(&control_csv, &dir);
    assert!(
        control.matches("table:formula=").count() >= 2,
        "the check sees formulas in an undefused CSV"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
