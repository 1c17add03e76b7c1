//! Regression floors on the PLOVER gold standard records (`../shared/plover-gsr/dev.jsonl`, CAMEO
//! manual sentences hand-coded in PLOVER): the full pipeline, through JSON Lines ingest, must score
//! at least what it scored when the floors were last raised (docs/events.md). Raise a floor when a
//! figure goes up; never lower one to make a change pass. `--nocapture` prints the report.

use eventwire_eval::plover::{evaluate_plover_file, read_records, Figures, Level, Slice};
use eventwire_pipeline::Pipeline;
use std::path::Path;

const DEV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/plover-gsr/dev.jsonl"
);

/// (level, minimum recall, minimum precision, minimum F1) over all 164 records, each about 0.02
/// below the value measured on the committed annotators.
const FLOORS: &[(Level, f64, f64, f64)] = &[
    (Level::Type, 0.16, 0.75, 0.27),
    (Level::TypeSource, 0.14, 0.68, 0.24),
    (Level::TypeSourceTarget, 0.13, 0.63, 0.22),
];

fn below_floors(figures: &Figures) -> Vec<String> {
    let mut below = Vec::new();
    for &(level, recall, precision, f1) in FLOORS {
        let c = figures.at(level);
        for (what, value, floor) in [
            ("recall", c.recall(), recall),
            ("precision", c.precision(), precision),
            ("F1", c.f1(), f1),
        ] {
            if value < floor {
                below.push(format!("{level:?} {what} {value:.3} < {floor}"));
            }
        }
    }
    below
}

#[test]
fn the_plover_dev_records_score_above_their_floors() {
    let pipeline = Pipeline::standard().unwrap();
    let report = evaluate_plover_file(Path::new(DEV), &pipeline).unwrap();
    eprintln!("{}", report.to_table()); // Shown with --nocapture.
    assert_eq!(report.all.at(Level::Type).records, 164);
    assert_eq!(report.untuned.at(Level::Type).records, 41);
    let below = below_floors(&report.all);
    assert!(below.is_empty(), "below the floors: {below:?}");
}

#[test]
fn misses_are_listed_for_the_tuning_slice_only() {
    let pipeline = Pipeline::standard().unwrap();
    let report = evaluate_plover_file(Path::new(DEV), &pipeline).unwrap();
    let untuned: Vec<String> = read_records(Path::new(DEV))
        .unwrap()
        .into_iter()
        .filter(|(line, _)| Slice::of_line(*line) == Slice::Untuned)
        .map(|(_, record)| record.id)
        .collect();
    assert_eq!(untuned.len(), 41);
    assert!(report.misses.iter().all(|miss| !untuned.contains(&miss.id)));
    let tuning = report.tuning.at(Level::TypeSourceTarget);
    assert_eq!(report.misses.len(), tuning.records - tuning.found);
}
