//! The committed JSON Schemas under `schema/` are exactly what the Rust model generates.

const BLESS: &str = "TREEM_BLESS=1 cargo test -p treem-conformance --test schema_drift";

#[test]
fn committed_schemas_match_the_model() {
    let dir = treem_conformance::root().join("schema");
    let bless = std::env::var_os("TREEM_BLESS").is_some();
    let mut drifted = Vec::new();
    for (name, schema) in treem::schema::all() {
        let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        let path = dir.join(name);
        if bless {
            std::fs::write(&path, &generated).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != generated {
            drifted.push(name);
        }
    }
    assert!(
        drifted.is_empty(),
        "schema/{{{}}} differ from the model; regenerate with:\n    {BLESS}",
        drifted.join(",")
    );
}
