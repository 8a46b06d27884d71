//! The seed gold (../shared/gold/seeds.json): every `must` item of `documents` holds for all
//! five files, and every `must` entity mention, descriptor, statement and source chain. Reads ../shared; skips when it is absent unless PARALLAX_REQUIRE_SHARED is set.
#![allow(clippy::unwrap_used)]

use parallax_eval::seeds::{checks, entity_checks, Check, Level};
use parallax_eval::{shared_for_tests, EvalOptions};

#[test]
fn every_must_item_of_the_seed_documents_holds() {
    let Some(shared) = shared_for_tests("seeds") else { return };
    let checks = checks(&EvalOptions { shared, ..Default::default() }).unwrap();
    let files: std::collections::BTreeSet<_> = checks.iter().map(|c| c.file.clone()).collect();
    assert_eq!(files.len(), 5, "all five seed files checked");
    let failed: Vec<String> = checks
        .iter()
        .filter(|c| c.level == Level::Must && !c.passed)
        .map(|c| format!("{}: {} (got {})", c.file, c.what, c.got))
        .collect();
    assert!(failed.is_empty(), "must items failing:\n{}", failed.join("\n"));
    report_others(&checks);
}

#[test]
fn every_must_entity_descriptor_statement_and_source_chain_holds() {
    let Some(shared) = shared_for_tests("seeds") else { return };
    let checks = entity_checks(&EvalOptions { shared, ..Default::default() }).unwrap();
    for kind in ["mention", "descriptor", "statement", "cites"] {
        assert!(
            checks.iter().any(|c| c.level == Level::Must && c.what.contains(kind)),
            "the gold has must {kind} items and they are checked"
        );
    }
    let failed: Vec<String> = checks
        .iter()
        .filter(|c| c.level == Level::Must && !c.passed)
        .map(|c| format!("{}: {} (got {})", c.file, c.what, c.got))
        .collect();
    assert!(failed.is_empty(), "must items failing:\n{}", failed.join("\n"));
    report_others(&checks);
}

fn report_others(checks: &[Check]) {
    for c in checks.iter().filter(|c| c.level != Level::Must && !c.passed) {
        eprintln!("not yet [{}] {}: {} (got {})", c.level.name(), c.file, c.what, c.got);
    }
}
