//! Syntax: POS tags, lemmas and dependency parse for every sentence.
//!
//! Everything is trained by us on UD English-EWT (`eventwire train`) and shipped as one compact
//! model file, `data/models/syntax.bin`, embedded in the binary: nothing is downloaded or read at
//! run time.
//!
//! - [`conllu`]: treebank reader; [`train`]: the training recipe; [`eval`]: accuracy and speed.
//! - [`tagger`]: averaged-perceptron UPOS+XPOS tagger over [`hash`]ed features ([`perceptron`]).
//! - [`lemma`]: lemma table and suffix rules learned from the treebank.
//! - [`parser`]: arc-hybrid transition parser with a dynamic oracle.
//! - [`model`]: the binary model format.

pub mod conllu;
pub mod eval;
pub mod hash;
pub mod lemma;
pub mod model;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod train;

use eventwire_model::{Annotator, Article};
pub use model::{ModelError, SyntaxModel};

/// The segmenter whose tokens the syntax stage analyses (for raw-text evaluation).
pub fn segmenter() -> Result<eventwire_segment::Segmenter, eventwire_segment::LexiconError> {
    eventwire_segment::Segmenter::load()
}

/// The committed model, built by `eventwire train --treebank ../shared/ud-english-ewt`.
static MODEL_BYTES: &[u8] = include_bytes!("../../../data/models/syntax.bin");

/// Syntax stage: fills each token's `upos`, `xpos`, `lemma`, `head` and `deprel`.
#[derive(Debug)]
pub struct SyntaxAnnotator {
    model: SyntaxModel,
}

impl SyntaxAnnotator {
    /// Loads the bundled model.
    pub fn load() -> Result<Self, ModelError> {
        Ok(SyntaxAnnotator::new(SyntaxModel::from_bytes(MODEL_BYTES)?))
    }

    /// A stage running the given model (used by evaluation of freshly trained models).
    pub fn new(model: SyntaxModel) -> Self {
        SyntaxAnnotator { model }
    }

    /// The model the stage runs.
    pub fn model(&self) -> &SyntaxModel {
        &self.model
    }
}

impl Annotator for SyntaxAnnotator {
    fn name(&self) -> &'static str {
        "syntax"
    }

    fn annotate(&self, article: &mut Article) {
        for sentence in 0..article.sentences.len() {
            let range = article.sentences[sentence].tokens.clone();
            let forms: Vec<&str> = article.tokens[range.clone()]
                .iter()
                .map(|t| &article.text[t.span.range()])
                .collect();
            let analysis = self.model.analyse(&forms);
            let lemmas: Vec<String> = forms
                .iter()
                .zip(&analysis.tags)
                .map(|(form, &tag)| self.model.lemma(form, tag))
                .collect();
            let first = range.start;
            for (i, (token, lemma)) in article.tokens[range].iter_mut().zip(lemmas).enumerate() {
                let tag = analysis.tags[i];
                token.upos = self.model.tagger.upos(tag).to_string();
                token.xpos = self.model.tagger.xpos(tag).to_string();
                token.lemma = lemma;
                // Parse heads are 1-based within the sentence, 0 for the root.
                token.head = analysis.parse.heads[i].checked_sub(1).map(|h| first + h);
                token.deprel = self.model.relation(analysis.parse.labels[i]).to_string();
            }
        }
    }
}
