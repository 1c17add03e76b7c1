//! Regression floors: the full pipeline on the seed gold must score at least what it scored when
//! the floors were last raised (see docs/evaluation.md). Raise a floor when a figure goes up;
//! never lower one to make a change pass.

use eventwire_eval::evaluate_gold_dir;
use eventwire_pipeline::Pipeline;
use std::path::Path;

const GOLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/gold");

/// (task, minimum F1) — set just below the figures measured on the committed annotators.
const F1_FLOORS: &[(&str, f64)] = &[
    ("actors (span)", 0.95),
    ("actors (span+code)", 0.95),
    ("quotes direct", 0.95),
    ("quotes indirect", 0.95),
    ("timex strict", 0.95),
    ("timex lenient", 0.95),
    ("events root", 0.95),
    ("events exact", 0.95),
    ("promises", 0.95),
];

/// (task, minimum accuracy on matched items).
const ACCURACY_FLOORS: &[(&str, f64)] = &[
    ("quote attribution direct", 0.95),
    ("quote attribution indirect", 0.95),
    ("timex value", 0.95),
    ("promise deadline", 0.95),
];

#[test]
fn the_seed_gold_scores_stay_above_their_floors() {
    let pipeline = Pipeline::standard().unwrap();
    let report = evaluate_gold_dir(Path::new(GOLD), &pipeline).unwrap();
    let mut below = Vec::new();
    for &(task, floor) in F1_FLOORS {
        let f1 = report.score(task).map_or(0.0, |s| s.f1);
        if f1 < floor {
            below.push(format!("{task}: F1 {f1:.3} < {floor}"));
        }
    }
    for &(task, floor) in ACCURACY_FLOORS {
        let accuracy = report.accuracy(task).map_or(0.0, |a| a.accuracy);
        if accuracy < floor {
            below.push(format!("{task}: accuracy {accuracy:.3} < {floor}"));
        }
    }
    assert!(
        below.is_empty(),
        "below the floors:\n{}\n{}",
        below.join("\n"),
        report.to_table()
    );
}
