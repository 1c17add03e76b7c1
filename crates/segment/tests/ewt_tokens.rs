//! Tokenization against UD English EWT gold tokens, from the raw `# text` of each test sentence.
//! Needs the shared treebank (../shared from the repository, present in CI).

use eventwire_segment::tokenize;
use std::collections::HashSet;

const EWT_TEST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/ud-english-ewt/en_ewt-ud-test.conllu"
);

/// One treebank sentence: its raw text and the gold byte spans of its (syntactic) words.
struct GoldSentence {
    text: String,
    words: Vec<(usize, usize)>,
}

fn gold_sentences(conllu: &str) -> Vec<GoldSentence> {
    conllu
        .split("\n\n")
        .filter_map(|block| {
            let text = block.lines().find_map(|l| l.strip_prefix("# text = "))?;
            let forms = block
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(|l| l.split('\t').collect::<Vec<_>>())
                .filter(|cols| cols.len() > 1 && !cols[0].contains(['-', '.']))
                .map(|cols| cols[1].to_string());
            Some(GoldSentence {
                text: text.to_string(),
                words: align(text, forms),
            })
        })
        .collect()
}

/// Locates each word form in the text, left to right; forms that cannot be found (typo-corrected
/// words inside contractions) are skipped, which counts them as misses.
fn align(text: &str, forms: impl Iterator<Item = String>) -> Vec<(usize, usize)> {
    let mut cursor = 0;
    let mut spans = Vec::new();
    for form in forms {
        if let Some(found) = text[cursor..].find(&form) {
            let start = cursor + found;
            spans.push((start, start + form.len()));
            cursor = start + form.len();
        }
    }
    spans
}

#[test]
fn token_f1_on_ewt_test_is_above_ninety_seven_percent() {
    let Ok(conllu) = std::fs::read_to_string(EWT_TEST) else {
        panic!("EWT test set missing at {EWT_TEST}");
    };
    let (mut correct, mut predicted, mut gold) = (0usize, 0usize, 0usize);
    for sentence in gold_sentences(&conllu) {
        let ours: HashSet<(usize, usize)> = tokenize(&sentence.text)
            .into_iter()
            .map(|s| (s.start, s.end))
            .collect();
        predicted += ours.len();
        gold += sentence.words.len();
        correct += sentence.words.iter().filter(|w| ours.contains(w)).count();
    }
    let precision = correct as f64 / predicted as f64;
    let recall = correct as f64 / gold as f64;
    let f1 = 2.0 * precision * recall / (precision + recall);
    eprintln!("EWT test token P {precision:.4} R {recall:.4} F1 {f1:.4} over {gold} gold words");
    assert!(f1 > 0.97, "token F1 {f1:.4}");
}
