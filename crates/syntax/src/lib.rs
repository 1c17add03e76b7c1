//! Syntax: POS tags, lemmas and dependency parse for every sentence.
//!
//! Everything is trained by us on UD English-EWT (`eventwire train`) and shipped as one compact
//! model file, `data/models/syntax.bin`, embedded in the binary: nothing is downloaded or read at
//! run time.
//!
//! - [`conllu`]: treebank reader; [`train`]: the training recipe; [`eval`]: accuracy and speed.
//! - [`tagger`]: averaged-perceptron UPOS+XPOS tagger over [`hash`]ed features ([`perceptron`]).
//! - [`model`]: the binary model format.

pub mod conllu;
pub mod eval;
pub mod hash;
pub mod model;
pub mod perceptron;
pub mod tagger;
pub mod train;

use eventwire_model::{Annotator, Article};
pub use model::{ModelError, SyntaxModel};

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
            let tags = self.model.tagger.tag(&forms);
            for (token, tag) in article.tokens[range].iter_mut().zip(tags) {
                token.upos = self.model.tagger.upos(tag).to_string();
                token.xpos = self.model.tagger.xpos(tag).to_string();
            }
        }
    }
}
