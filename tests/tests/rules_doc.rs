//! RULES.md is exactly what the rule table generates.

#[test]
fn rules_md_matches_the_rule_table() {
    let path = treem_conformance::root().join("RULES.md");
    let generated = treem::rules::markdown();
    if std::env::var_os("TREEM_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "RULES.md differs from the rule table; regenerate with:\n    TREEM_BLESS=1 cargo test -p treem-conformance --test rules_doc"
    );
}
