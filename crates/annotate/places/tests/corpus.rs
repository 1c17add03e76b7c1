//! ActionGeo coverage on the bundled corpus (`corpus/`: the seed wire report and 16 Wikinews
//! articles): the share of events placed at country level or better.

use eventwire_ingest::{ingest, IngestOptions};
use eventwire_model::GeoSource;
use eventwire_pipeline::Pipeline;
use std::collections::BTreeMap;
use std::path::PathBuf;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../corpus");
/// The target; measured 1.000 (10/10 events) when it was written.
const FLOOR: f64 = 0.90;

#[test]
fn nine_in_ten_events_of_the_corpus_have_an_action_geography() {
    let pipeline = Pipeline::standard().unwrap();
    let options = IngestOptions {
        published: chrono::NaiveDate::from_ymd_opt(2025, 1, 1),
        ..IngestOptions::default()
    };
    let (mut events, mut placed) = (0, 0);
    let mut sources: BTreeMap<String, usize> = BTreeMap::new();
    for article in ingest(&[PathBuf::from(CORPUS)], options) {
        let mut article = article.expect("the corpus ingests");
        pipeline.annotate(&mut article);
        assert_eq!(article.event_geo.len(), article.events.len());
        events += article.events.len();
        for geo in &article.event_geo {
            let source = geo
                .action_source
                .map_or("none".into(), |s: GeoSource| format!("{s:?}"));
            *sources.entry(source).or_default() += 1;
            placed += usize::from(geo.action.is_some());
        }
    }
    let share = placed as f64 / events as f64;
    eprintln!("{placed}/{events} events placed ({share:.3}); by source {sources:?}");
    assert!(events > 0, "no events in the corpus");
    assert!(
        share >= FLOOR,
        "{placed}/{events} = {share:.3} < {FLOOR}; {sources:?}"
    );
}
