//! The committed model keeps its accuracy on a fixed slice of EWT test (gold tokens).
//! Measured on this slice: UPOS 96.20, XPOS 95.85, lemma 97.18, UAS 84.67, LAS 81.78.
//! Floors sit a little below, so a regression fails.

use eventwire_syntax::{conllu, eval, SyntaxAnnotator};
use std::path::Path;

/// The first sentences of EWT test: enough for stable figures, fast enough for CI.
const SUBSET: usize = 600;

#[test]
fn committed_model_tags_lemmatises_and_parses_ewt_test_subset_above_floor() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/ud-english-ewt/en_ewt-ud-test.conllu");
    let sentences = conllu::read_file(&path).expect("EWT test file");
    let annotator = SyntaxAnnotator::load().expect("bundled model loads");
    let scores = eval::evaluate_gold(annotator.model(), &sentences[..SUBSET]);
    assert!(scores.words > 5000, "subset has {} words", scores.words);
    assert!(
        scores.upos_accuracy() > 95.8,
        "UPOS {:.2}",
        scores.upos_accuracy()
    );
    assert!(
        scores.xpos_accuracy() > 95.4,
        "XPOS {:.2}",
        scores.xpos_accuracy()
    );
    assert!(
        scores.lemma_accuracy() > 96.8,
        "lemma {:.2}",
        scores.lemma_accuracy()
    );
    assert!(scores.uas() > 84.0, "UAS {:.2}", scores.uas());
    assert!(scores.las() > 81.0, "LAS {:.2}", scores.las());
}
