//! Training from a UD treebank directory (`en_ewt-ud-{train,dev}.conllu`): the reproducible
//! recipe behind the committed model, shared by the `eventwire train` command and the
//! development binary.

use crate::conllu::{self, ConlluError, ConlluSentence};
use crate::model::SyntaxModel;
use crate::tagger::{self, TaggedSentence};
use std::collections::BTreeSet;
use std::path::Path;

/// Training settings; the defaults produce the committed model.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub tagger_epochs: usize,
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            tagger_epochs: 10,
            seed: 0x5eed,
        }
    }
}

/// Reads `<dir>/*-ud-train.conllu` (and `-dev`) from a UD treebank directory.
pub fn read_split(dir: &Path, split: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    let suffix = format!("-ud-{split}.conllu");
    let path = std::fs::read_dir(dir)
        .map_err(|source| ConlluError::Io {
            path: dir.display().to_string(),
            source,
        })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(&suffix))
        .ok_or_else(|| ConlluError::Io {
            path: dir.join(format!("*{suffix}")).display().to_string(),
            source: std::io::ErrorKind::NotFound.into(),
        })?;
    conllu::read_file(&path)
}

/// Trains every component on `train`, reporting progress through `log`.
pub fn train(
    train: &[ConlluSentence],
    options: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> SyntaxModel {
    let classes: Vec<String> = train
        .iter()
        .flat_map(|s| s.tokens.iter().map(tag_class))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let tagged: Vec<TaggedSentence> = train
        .iter()
        .map(|s| TaggedSentence {
            forms: s.tokens.iter().map(|t| t.form.clone()).collect(),
            classes: s
                .tokens
                .iter()
                .map(|t| classes.binary_search(&tag_class(t)).expect("class listed") as u16)
                .collect(),
        })
        .collect();
    log(&format!(
        "tagger: {} sentences, {} classes, {} epochs",
        tagged.len(),
        classes.len(),
        options.tagger_epochs
    ));
    let tagger = tagger::train(&tagged, classes, options.tagger_epochs, options.seed);
    log(&format!(
        "tagger: {:?} features/weights",
        tagger.weights.size()
    ));
    SyntaxModel { tagger }
}

/// The joint tag class of a treebank word.
fn tag_class(token: &conllu::ConlluToken) -> String {
    format!("{}|{}", token.xpos, token.upos)
}
