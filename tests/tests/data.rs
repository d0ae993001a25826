//! The embedded profile and catalog hold the facts of the domain references.

use treem::{Annex, Catalog, Profile, Provenance};

/// Every indicator marked [C] in the Circular 13 reference, by its exact name.
const CONFIRMED: &[(&str, Option<&str>, &str)] = &[
    ("I", None, "Dân số trẻ em"),
    ("I", None, "Tỷ số giới tính khi sinh"),
    ("I", None, "Tỷ suất sinh thô"),
    ("I", None, "Tỷ suất chết sơ sinh"),
    ("I", None, "Tỷ suất chết của trẻ em dưới 1 tuổi"),
    ("I", None, "Tỷ suất chết của trẻ em dưới 5 tuổi"),
    ("I", None, "Số lượng, tỷ lệ trẻ em có hoàn cảnh đặc biệt"),
    (
        "I",
        None,
        "Số lượng, tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp",
    ),
    (
        "I",
        None,
        "Số lượng, tỷ lệ huy động trẻ em từ 3 tháng đến 36 tháng tuổi đi nhà trẻ",
    ),
    (
        "I",
        None,
        "Số lượng, tỷ lệ huy động trẻ em từ 3 đến 5 tuổi đi học mẫu giáo",
    ),
    (
        "I",
        None,
        "Tỷ lệ thôn và tương đương có thiết chế văn hóa, thể thao dành cho trẻ em",
    ),
    (
        "I",
        None,
        "Tỷ lệ xã, phường, thị trấn có điểm vui chơi dành cho trẻ em",
    ),
    (
        "I",
        None,
        "Tỷ lệ trẻ em từ 7 tuổi trở lên được lấy ý kiến về các vấn đề của trẻ em",
    ),
    (
        "I",
        Some("0605"),
        "Tỷ lệ trẻ em được tiếp cận kiến thức, kỹ năng tham gia môi trường mạng an toàn",
    ),
    ("II", Some("0101"), "Số trẻ em bị xâm hại"),
];

#[test]
fn catalog_holds_every_confirmed_indicator_by_exact_name() {
    let catalog = Catalog::embedded("circular-13-2021").unwrap();
    for (annex, code, name) in CONFIRMED {
        let found = catalog
            .indicators
            .iter()
            .find(|i| i.name.vi == *name)
            .unwrap_or_else(|| panic!("missing: {name}"));
        assert_eq!(found.annex.as_str(), *annex, "{name}");
        assert_eq!(found.provenance, Provenance::Confirmed, "{name}");
        if let Some(code) = code {
            assert_eq!(found.code.as_deref(), Some(*code), "{name}");
        }
    }
    // Everything not in the confirmed list says it is provisional, and has no code.
    for i in &catalog.indicators {
        if !CONFIRMED.iter().any(|(_, _, name)| *name == i.name.vi) {
            assert_eq!(i.provenance, Provenance::Provisional, "{}", i.id);
            assert!(i.code.is_none(), "{}", i.id);
        }
    }
    assert_eq!(
        catalog.by_code(Annex::I, "0605").unwrap().lead.as_deref(),
        Some("Bộ Thông tin và Truyền thông")
    );
}

#[test]
fn data_files_are_nfc() {
    for dir in ["core/data/profiles", "core/data/catalogs", "examples"] {
        for path in treem_conformance::json_files(dir) {
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(treem::nfc(&text), text, "{} is not NFC", path.display());
        }
    }
}

#[test]
fn profile_has_the_districts_kinds_and_due_dates_of_the_directive() {
    let p = Profile::embedded("binh-dinh-2024").unwrap();
    let units: Vec<(&str, &str)> = p
        .reporters
        .iter()
        .filter_map(|r| r.unit.as_deref().map(|u| (r.id.as_str(), u)))
        .collect();
    assert_eq!(
        units,
        [
            ("540", "Thành phố Quy Nhơn"),
            ("542", "Huyện An Lão"),
            ("543", "Thị xã Hoài Nhơn"),
            ("544", "Huyện Hoài Ân"),
            ("545", "Huyện Phù Mỹ"),
            ("546", "Huyện Vĩnh Thạnh"),
            ("547", "Huyện Tây Sơn"),
            ("548", "Huyện Phù Cát"),
            ("549", "Thị xã An Nhơn"),
            ("550", "Huyện Tuy Phước"),
            ("551", "Huyện Vân Canh"),
        ]
    );
    let half = p.report_kind("half_year").unwrap();
    assert_eq!(
        (half.due.date.to_string(), half.due.wording.as_deref()),
        ("2024-05-15".into(), Some("trước ngày 15/5/2024"))
    );
    assert_eq!(
        p.report_kind("annual").unwrap().due.date.to_string(),
        "2024-11-15"
    );
    assert_eq!(
        p.recipient.name,
        "Sở Lao động - Thương binh và Xã hội tỉnh Bình Định"
    );
    let abuse_forms = &p.dimension("abuse_form").unwrap().members;
    assert_eq!(abuse_forms.len(), 6, "Law on Children 2016, art. 4(5)");
    assert_eq!(p.dimension("injury_cause").unwrap().members.len(), 11);
}

#[test]
fn a_profile_file_from_elsewhere_loads_without_code_changes() {
    // A two-tier 2026 profile: communes report to a health department.
    let mut v: serde_json::Value = serde_json::to_value(Profile::default_profile()).unwrap();
    v["id"] = "gia-lai-2026".into();
    v["year"] = 2026.into();
    v["recipient"] = serde_json::json!({ "id": "so-yt", "name": "Sở Y tế tỉnh Gia Lai" });
    v["reporters"] = serde_json::json!([
        { "id": "21583", "kind": "district_committee", "name": "Ủy ban nhân dân phường Quy Nhơn", "provenance": "inferred" }
    ]);
    let p = Profile::from_json(&v.to_string()).unwrap();
    assert_eq!(
        p.reporter("21583").unwrap().name,
        "Ủy ban nhân dân phường Quy Nhơn"
    );
    let validator = treem::Validator::new(p).unwrap();
    let report = treem::sample::example(validator.profile(), "annual", "21583", 1).unwrap();
    assert!(validator.validate(&report).is_empty());
}
