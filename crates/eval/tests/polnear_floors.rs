//! Regression floors on PolNeAR political news (`../shared/polnear/dev.jsonl`, read at test time
//! only: the corpus has no licence, so nothing of it is copied into the repository). The full
//! pipeline, through JSON Lines ingest, scores the dev articles of the tuning slice (every article
//! but each fourth; the fourth ones are the held-out slice nobody inspects, reported in
//! docs/quotes.md). Raise a floor when a figure goes up; never lower one to make a change pass.
//! `--nocapture` prints the table.

use eventwire_eval::polnear::{evaluate_polnear, read_polnear};
use eventwire_pipeline::Pipeline;
use std::path::Path;

const DEV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/polnear/dev.jsonl"
);

/// (figure of [`eventwire_eval::polnear::Figures`], minimum) — each about 0.02 below the value
/// measured on the committed annotators.
const FLOORS: &[(&str, f64)] = &[
    ("precision", 0.87),
    ("recall", 0.61),
    ("f1", 0.72),
    ("exact_f1", 0.43),
    ("direct_f1", 0.91),
    ("indirect_f1", 0.79),
    ("belief_f1", 0.60),
    ("source_accuracy", 0.85),
    ("speech_cue_recall", 0.81),
    ("other_cue_recall", 0.33),
];

/// The tuning slice of dev: every article whose line index is not a multiple of four plus three.
fn tuning_slice(index: usize) -> bool {
    index % 4 != 3
}

#[test]
fn the_polnear_dev_scores_stay_above_their_floors() {
    let articles: Vec<_> = read_polnear(Path::new(DEV))
        .unwrap()
        .into_iter()
        .enumerate()
        .filter(|(i, _)| tuning_slice(*i))
        .map(|(_, a)| a)
        .collect();
    assert_eq!(articles.len(), 63);
    let pipeline = Pipeline::standard().unwrap();
    let report = evaluate_polnear(&articles, &pipeline).unwrap();
    eprintln!("{}", report.to_table()); // Shown with --nocapture.
    let figures = serde_json::to_value(&report.figures).unwrap();
    let below: Vec<String> = FLOORS
        .iter()
        .filter_map(|&(name, floor)| {
            let value = figures[name]
                .as_f64()
                .unwrap_or_else(|| panic!("no {name}"));
            (value < floor).then(|| format!("{name} {value:.3} < {floor}"))
        })
        .collect();
    assert!(below.is_empty(), "below the floors: {below:?}");
}

#[test]
fn a_bad_line_is_an_error_naming_the_file_and_line() {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(
        &mut file,
        b"{\"id\": \"a\", \"text\": \"x\", \"attributions\": []}\nnot json\n",
    )
    .unwrap();
    let error = format!("{:#}", read_polnear(file.path()).unwrap_err());
    assert!(error.contains(":2: not a PolNeAR article"), "{error}");
}
