//! Sentence and token boundaries on the 16 GUM Wikinews documents (../shared/gum-news): each
//! document's text is rebuilt from its sentences (`# newpar` starts a new line), then segmented.

use eventwire_segment::split_sentences;
use std::collections::HashSet;

const GUM_NEWS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/gum-news");

/// A rebuilt document with the gold spans of its sentences and words.
#[derive(Default)]
struct GoldDocument {
    text: String,
    sentences: HashSet<(usize, usize)>,
    words: HashSet<(usize, usize)>,
}

fn gold_document(conllu: &str) -> GoldDocument {
    let mut doc = GoldDocument::default();
    for block in conllu.split("\n\n").filter(|b| b.contains("# text = ")) {
        if !doc.text.is_empty() {
            doc.text.push(if block.contains("# newpar") {
                '\n'
            } else {
                ' '
            });
        }
        let start = doc.text.len();
        let text = block
            .lines()
            .find_map(|l| l.strip_prefix("# text = "))
            .unwrap();
        doc.text.push_str(text);
        doc.sentences.insert((start, doc.text.len()));
        let mut cursor = start;
        for line in block.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 2 || cols[0].contains(['-', '.']) {
                continue;
            }
            if let Some(found) = doc.text[cursor..].find(cols[1]) {
                let word_start = cursor + found;
                cursor = word_start + cols[1].len();
                doc.words.insert((word_start, cursor));
            }
        }
    }
    doc
}

fn f1(correct: usize, predicted: usize, gold: usize) -> f64 {
    2.0 * correct as f64 / (predicted + gold) as f64
}

#[test]
fn gum_news_sentence_f1_above_ninety_and_token_f1_above_ninety_seven() {
    let mut files: Vec<_> = std::fs::read_dir(GUM_NEWS)
        .unwrap_or_else(|e| panic!("{GUM_NEWS}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "conllu"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 16);
    let (mut sentences, mut words) = ([0usize; 3], [0usize; 3]);
    for file in files {
        let doc = gold_document(&std::fs::read_to_string(&file).unwrap());
        let ours = split_sentences(&doc.text);
        let spans: HashSet<_> = ours.iter().map(|s| (s.span.start, s.span.end)).collect();
        let tokens: HashSet<_> = ours
            .iter()
            .flat_map(|s| s.tokens.iter().map(|t| (t.start, t.end)))
            .collect();
        sentences[0] += spans.intersection(&doc.sentences).count();
        sentences[1] += spans.len();
        sentences[2] += doc.sentences.len();
        words[0] += tokens.intersection(&doc.words).count();
        words[1] += tokens.len();
        words[2] += doc.words.len();
    }
    let sentence_f1 = f1(sentences[0], sentences[1], sentences[2]);
    let token_f1 = f1(words[0], words[1], words[2]);
    eprintln!(
        "GUM news: sentence F1 {sentence_f1:.4} ({} gold), token F1 {token_f1:.4} ({} gold)",
        sentences[2], words[2]
    );
    assert!(sentence_f1 > 0.90, "sentence F1 {sentence_f1:.4}");
    assert!(token_f1 > 0.97, "token F1 {token_f1:.4}");
}
