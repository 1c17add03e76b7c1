//! Training from a UD treebank directory (`en_ewt-ud-{train,dev}.conllu`): the reproducible
//! recipe behind the committed model, shared by the `eventwire train` command and the
//! development binary.

use crate::conllu::{self, ConlluError, ConlluSentence, ConlluToken};
use crate::lemma;
use crate::model::SyntaxModel;
use crate::parser::{self, GoldTree, TrainSentence};
use crate::tagger::{self, word_key, TaggedSentence, Tagger};
use std::collections::BTreeSet;
use std::path::Path;

/// Training settings; the defaults produce the committed model.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Folds for jackknife tagging: the parser trains on tags as noisy as it will see at run time.
    pub jackknife_folds: usize,
    /// Probability of following the parser's own (wrong) prediction during training.
    pub explore: f32,
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            tagger_epochs: 10,
            parser_epochs: 12,
            jackknife_folds: 5,
            explore: 0.7,
            seed: 0x5eed,
        }
    }
}

/// Reads `<dir>/*-ud-<split>.conllu` from a UD treebank directory.
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
    let classes = sorted_set(train, tag_class);
    let tagged: Vec<TaggedSentence> = train.iter().map(|s| tagged(s, &classes)).collect();
    log(&format!(
        "tagger: {} sentences, {} classes, {} epochs",
        tagged.len(),
        classes.len(),
        options.tagger_epochs
    ));
    let tagger = tagger::train(
        &tagged,
        classes,
        options.tagger_epochs,
        options.jackknife_folds,
        options.seed,
    );
    log(&format!(
        "tagger: {:?} + {:?} features/weights",
        tagger.first.size(),
        tagger.second.size()
    ));
    let lemmatizer = lemma::train(train.iter().zip(&tagged).flat_map(|(s, t)| {
        s.tokens
            .iter()
            .zip(&t.classes)
            .map(|(w, &c)| (w.form.as_str(), c, w.lemma.as_str()))
    }));
    log(&format!(
        "lemmatiser: {} known words, {} suffix rules",
        lemmatizer.known.len(),
        lemmatizer.rules.len()
    ));
    let predicted = jackknife_tags(&tagged, &tagger.classes, options);
    log("tagger: jackknifed tags for parser training");
    let labels = sorted_set(train, |t| t.deprel.clone());
    let heads: Vec<Vec<usize>> = train
        .iter()
        .map(|s| s.tokens.iter().map(|t| t.head).collect())
        .collect();
    let relations: Vec<Vec<u16>> = train
        .iter()
        .map(|s| {
            s.tokens
                .iter()
                .map(|t| index_of(&labels, &t.deprel))
                .collect()
        })
        .collect();
    let words: Vec<Vec<u64>> = train
        .iter()
        .map(|s| s.tokens.iter().map(|t| word_key(&t.form)).collect())
        .collect();
    let vocabulary = parser::vocabulary(words.iter().flatten());
    let examples: Vec<TrainSentence> = train
        .iter()
        .enumerate()
        .map(|(i, _)| TrainSentence {
            sentence: parser::Sentence::new(
                words[i].iter().map(|&w| parser::known_word(&vocabulary, w)),
                &predicted[i],
            ),
            gold: GoldTree {
                heads: &heads[i],
                labels: &relations[i],
            },
        })
        .collect();
    let parser = parser::train(
        &examples,
        labels,
        vocabulary,
        options.parser_epochs,
        options.explore,
        options.seed,
        log,
    );
    log(&format!(
        "parser: {:?} features/weights",
        parser.weights.size()
    ));
    SyntaxModel {
        tagger,
        lemmatizer,
        parser,
    }
}

/// Tags each fold of the training set with a tagger trained on the other folds.
fn jackknife_tags(
    tagged: &[TaggedSentence],
    classes: &[String],
    options: &TrainOptions,
) -> Vec<Vec<u16>> {
    let folds = options.jackknife_folds.max(2);
    let mut predicted = vec![Vec::new(); tagged.len()];
    for fold in 0..folds {
        let rest: Vec<TaggedSentence> = tagged
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, s)| TaggedSentence {
                forms: s.forms.clone(),
                classes: s.classes.clone(),
            })
            .collect();
        let fold_tagger: Tagger = tagger::train(
            &rest,
            classes.to_vec(),
            options.tagger_epochs,
            folds,
            options.seed,
        );
        for (i, s) in tagged.iter().enumerate().filter(|(i, _)| i % folds == fold) {
            let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            predicted[i] = fold_tagger.tag(&forms);
        }
    }
    predicted
}

fn tagged(sentence: &ConlluSentence, classes: &[String]) -> TaggedSentence {
    TaggedSentence {
        forms: sentence.tokens.iter().map(|t| t.form.clone()).collect(),
        classes: sentence
            .tokens
            .iter()
            .map(|t| index_of(classes, &tag_class(t)))
            .collect(),
    }
}

/// The sorted distinct values of `key` over all training words.
fn sorted_set(train: &[ConlluSentence], key: impl Fn(&ConlluToken) -> String) -> Vec<String> {
    train
        .iter()
        .flat_map(|s| s.tokens.iter().map(&key))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

fn index_of(sorted: &[String], value: &str) -> u16 {
    sorted
        .binary_search_by(|v| v.as_str().cmp(value))
        .expect("value collected from the same training set") as u16
}

/// The joint tag class of a treebank word.
fn tag_class(token: &ConlluToken) -> String {
    format!("{}|{}", token.xpos, token.upos)
}
