//! Regression floors on the PLOVER gold standard records (`../shared/plover-gsr/dev.jsonl`, CAMEO
//! manual sentences hand-coded in PLOVER): the full pipeline, through JSON Lines ingest, must score
//! at least what it scored when the floors were last raised (docs/events.md). Raise a floor when a
//! figure goes up; never lower one to make a change pass. `--nocapture` prints the report.

use eventwire_eval::plover::{evaluate_plover_file, read_records, Figures, Level, Slice};
use eventwire_events::EventAnnotator;
use eventwire_pipeline::Pipeline;
use std::path::Path;

const DEV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/plover-gsr/dev.jsonl"
);

/// (level, minimum recall, minimum precision, minimum F1) over all 164 records, each about 0.02
/// below the value measured on the committed annotators: the standard pipeline (hand patterns and
/// the bundled verb dictionary).
const FLOORS: &[(Level, f64, f64, f64)] = &[
    (Level::Type, 0.26, 0.75, 0.39),
    (Level::TypeSource, 0.24, 0.70, 0.36),
    (Level::TypeSourceTarget, 0.21, 0.62, 0.32),
];

/// The same with the hand patterns of `data/events/patterns.csv` alone, kept to show what the
/// verb dictionary adds (docs/events.md).
const HAND_PATTERN_FLOORS: &[(Level, f64, f64, f64)] = &[
    (Level::Type, 0.21, 0.81, 0.35),
    (Level::TypeSource, 0.20, 0.75, 0.32),
    (Level::TypeSourceTarget, 0.17, 0.65, 0.27),
];

fn below_floors(figures: &Figures, floors: &[(Level, f64, f64, f64)]) -> Vec<String> {
    let mut below = Vec::new();
    for &(level, recall, precision, f1) in floors {
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
    let below = below_floors(&report.all, FLOORS);
    assert!(below.is_empty(), "below the floors: {below:?}");
}

#[test]
fn the_hand_patterns_alone_score_above_their_floors() {
    let events = EventAnnotator::hand_patterns_only().unwrap();
    let pipeline = Pipeline::standard_with_events(events).unwrap();
    let report = evaluate_plover_file(Path::new(DEV), &pipeline).unwrap();
    eprintln!("{}", report.to_table()); // Shown with --nocapture.
    let below = below_floors(&report.all, HAND_PATTERN_FLOORS);
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
