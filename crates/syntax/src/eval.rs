//! Accuracy of the model against a treebank with gold tokenisation, and throughput.

use crate::conllu::ConlluSentence;
use crate::model::SyntaxModel;
use std::time::{Duration, Instant};

/// Counts of correct predictions over a treebank.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    /// Time spent tagging (and parsing), excluding reading the treebank.
    pub elapsed: Duration,
}

impl Scores {
    fn percent(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.words.max(1) as f64
    }
    pub fn upos_accuracy(&self) -> f64 {
        self.percent(self.upos)
    }
    pub fn xpos_accuracy(&self) -> f64 {
        self.percent(self.xpos)
    }
    pub fn words_per_second(&self) -> f64 {
        self.words as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Tags every sentence from its gold words and compares with the gold annotation.
pub fn evaluate_gold(model: &SyntaxModel, sentences: &[ConlluSentence]) -> Scores {
    let mut scores = Scores::default();
    let start = Instant::now();
    let predicted: Vec<Vec<u16>> = sentences
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
            model.tagger.tag(&forms)
        })
        .collect();
    scores.elapsed = start.elapsed();
    for (sentence, tags) in sentences.iter().zip(&predicted) {
        for (gold, &tag) in sentence.tokens.iter().zip(tags) {
            scores.words += 1;
            scores.upos += usize::from(model.tagger.upos(tag) == gold.upos);
            scores.xpos += usize::from(model.tagger.xpos(tag) == gold.xpos);
        }
    }
    scores
}
