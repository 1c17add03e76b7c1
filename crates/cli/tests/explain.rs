//! `eventwire explain` end to end on the seed article: each event with the dictionary line
//! behind it, and for a sentence with actors and no event the stage that dropped it.

use std::process::{Command, Output};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seed-article.txt");

fn eventwire(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eventwire"))
        .args(args)
        .output()
        .expect("run eventwire")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn explain_names_the_rule_behind_each_event_and_why_a_sentence_has_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    let db = db.to_str().unwrap();
    let ingest = eventwire(&["ingest", SEED, "--db", db]);
    assert!(ingest.status.success(), "{ingest:?}");

    let all = stdout(&eventwire(&["explain", "seed-article", "--db", db]));
    let first = all.lines().skip_while(|l| !l.starts_with("[0]")).nth(1);
    assert!(
        first.is_some_and(|l| l.contains("036") && l.contains("patterns.csv:")),
        "{all}"
    );

    let promise = eventwire(&["explain", "seed-article", "--sentence", "12", "--db", db]);
    let text = stdout(&promise);
    assert!(text.starts_with("[12] During his campaign"), "{text}");
    assert!(
        text.contains("no event: no verb pattern (verbs: promised, end, taking)"),
        "{text}"
    );

    let counterfactual = stdout(&eventwire(&[
        "explain",
        "seed-article",
        "--sentence",
        "14",
        "--json",
        "--db",
        db,
    ]));
    let json: serde_json::Value = serde_json::from_str(&counterfactual).unwrap();
    assert_eq!(json[0]["hits"][0]["cameo"], "192");
    assert_eq!(json[0]["hits"][0]["dropped"], "negated");

    let missing = eventwire(&["explain", "seed-article", "--sentence", "99", "--db", db]);
    assert_eq!(missing.status.code(), Some(2));
}
