//! Averaged-perceptron part-of-speech tagger (Collins 2002; features after Honnibal's
//! "A good POS tagger in about 200 lines").
//!
//! Each class is a joint `XPOS|UPOS` pair seen in training, so one pass predicts both tag sets
//! consistently. Tagging runs two greedy left-to-right passes: the second sees the first pass's
//! tags of the words to the right (which a single left-to-right pass cannot know), trained on
//! jackknifed first-pass tags so it learns how far to trust them. (A tag dictionary for frequent
//! unambiguous words, as in Honnibal's tagger, cost 0.2 points on dev and was dropped.)

use crate::hash::{feature, hash_str, FeatureMap, Rng};
use crate::perceptron::{best_class, Trainer, Weights};
use std::borrow::Cow;

/// Words enter the ambiguity lexicon from this many occurrences, and each of their tags counts
/// from this many (tuned on dev: 3/1 beats 2/1, 5/2 and 10/3).
const LEXICON_MIN_WORD_COUNT: u32 = 3;
const LEXICON_MIN_TAG_COUNT: u32 = 1;

/// The trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    /// Class names `XPOS|UPOS`.
    pub classes: Vec<String>,
    /// Normalised lower-case word hash → hash of the set of classes it had in training (its
    /// "ambiguity class"), which tells the model which tags are possible for known words.
    pub lexicon: FeatureMap<u64>,
    /// Weights of the first pass and of the second (right-context) pass.
    pub first: Weights,
    pub second: Weights,
}

/// Per-word hashes computed once per sentence, so feature extraction only combines integers.
struct WordKeys {
    form: u64,
    lower: u64,
    suffixes: [u64; 4],
    prefixes: [u64; 3],
    shape: u64,
    ambiguity: u64,
}

/// Sentinel keys for positions outside the sentence.
const START: u64 = 0x53_5441_5254;
const END: u64 = 0x45_4e44;
const UNKNOWN: u64 = 0x55_4e4b;

/// Maps typographic quotes and apostrophes to their ASCII forms before tagging and parsing. News
/// text is full of “ ” ’ while EWT mostly has " and ' (1296 straight double quotes to 30 curly
/// ones in train), so the models know the curly marks only as rare words. Training keeps the raw
/// forms: normalising there too cost 0.6 UAS on dev (the few curly marks in EWT carry signal).
pub fn ascii_quotes(form: &str) -> Cow<'_, str> {
    let curly = |c: char| matches!(c, '‘' | '’' | '‚' | '‛' | '“' | '”' | '„' | '‟');
    if !form.contains(curly) {
        return Cow::Borrowed(form);
    }
    Cow::Owned(
        form.chars()
            .map(|c| match c {
                '‘' | '’' | '‚' | '‛' => '\'',
                '“' | '”' | '„' | '‟' => '"',
                other => other,
            })
            .collect(),
    )
}

impl WordKeys {
    fn of(form: &str, lexicon: &FeatureMap<u64>) -> WordKeys {
        let lower = form.to_lowercase();
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        let suffix = |k: usize| {
            let start = chars.len().saturating_sub(k);
            chars
                .get(start)
                .map_or(END, |&(i, _)| hash_str(&lower[i..]))
        };
        let prefix = |k: usize| {
            let end = chars.get(k).map_or(lower.len(), |&(i, _)| i);
            hash_str(&lower[..end])
        };
        let normalised = normalised_word(form, &lower);
        WordKeys {
            form: hash_str(form),
            lower: normalised,
            ambiguity: lexicon.get(&normalised).copied().unwrap_or(UNKNOWN),
            suffixes: [suffix(1), suffix(2), suffix(3), suffix(4)],
            prefixes: [prefix(1), prefix(2), prefix(3)],
            shape: word_shape(form),
        }
    }
}

/// The word key the tagger's lexicon and the parser's word features use.
pub fn word_key(form: &str) -> u64 {
    normalised_word(form, &form.to_lowercase())
}

/// Lower-cased word, with numbers folded into classes so unseen numbers share weights.
fn normalised_word(form: &str, lower: &str) -> u64 {
    let digits = form.chars().filter(char::is_ascii_digit).count();
    if digits == 4 && form.len() == 4 {
        hash_str("!YEAR")
    } else if digits > 0 && digits * 2 >= form.chars().count() {
        hash_str("!DIGITS")
    } else {
        hash_str(lower)
    }
}

/// Word shape with runs collapsed after two: "McCain" → "XxXx", "2025-01-31" → "dd-dd-dd".
fn word_shape(form: &str) -> u64 {
    let mut shape = String::with_capacity(8);
    let mut run = 0;
    let mut last = '\0';
    for c in form.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        run = if s == last { run + 1 } else { 1 };
        last = s;
        if run <= 2 {
            shape.push(s);
        }
    }
    hash_str(&shape)
}

impl Tagger {
    /// Tags one sentence, returning class indices.
    pub fn tag(&self, forms: &[&str]) -> Vec<u16> {
        let keys: Vec<WordKeys> = forms
            .iter()
            .map(|f| WordKeys::of(f, &self.lexicon))
            .collect();
        let draft = self.pass(&keys, &self.first, None);
        self.pass(&keys, &self.second, Some(&draft))
    }

    /// One greedy left-to-right pass, seeing `draft` tags when given.
    fn pass(&self, keys: &[WordKeys], weights: &Weights, draft: Option<&[u16]>) -> Vec<u16> {
        let mut scores = vec![0.0; self.classes.len()];
        let mut features = Vec::with_capacity(48);
        let mut tags: Vec<u16> = Vec::with_capacity(keys.len());
        for i in 0..keys.len() {
            extract(keys, &tags, draft, i, &mut features);
            weights.score(&features, &mut scores);
            tags.push(best_class(&scores, |_| true).unwrap_or(0) as u16);
        }
        tags
    }

    /// The XPOS part of a class.
    pub fn xpos(&self, class: u16) -> &str {
        self.split(class).0
    }

    /// The UPOS part of a class.
    pub fn upos(&self, class: u16) -> &str {
        self.split(class).1
    }

    fn split(&self, class: u16) -> (&str, &str) {
        let name = &self.classes[usize::from(class)];
        name.split_once('|').unwrap_or((name, name))
    }
}

/// Fills `out` with the feature keys of word `i`, given the tags already predicted left of it
/// and, in the second pass, the first pass's `draft` tags of the whole sentence.
fn extract(keys: &[WordKeys], tags: &[u16], draft: Option<&[u16]>, i: usize, out: &mut Vec<u64>) {
    out.clear();
    let word = |j: isize| -> Option<&WordKeys> {
        usize::try_from(i as isize + j)
            .ok()
            .and_then(|j| keys.get(j))
    };
    let tag = |j: usize| -> u64 { i.checked_sub(j).map_or(START, |k| u64::from(tags[k]) + 1) };
    let lower = |j: isize| word(j).map_or(if j < 0 { START } else { END }, |w| w.lower);
    let w = &keys[i];
    let (p1, p2) = (tag(1), tag(2));
    out.extend_from_slice(&[
        feature(0, 0, 0, 0),
        feature(1, w.lower, 0, 0),
        feature(2, w.form, 0, 0),
        feature(3, w.suffixes[0], 0, 0),
        feature(4, w.suffixes[1], 0, 0),
        feature(5, w.suffixes[2], 0, 0),
        feature(6, w.suffixes[3], 0, 0),
        feature(7, w.prefixes[0], 0, 0),
        feature(8, w.prefixes[1], 0, 0),
        feature(9, w.prefixes[2], 0, 0),
        feature(10, w.shape, 0, 0),
        feature(11, p1, 0, 0),
        feature(12, p2, 0, 0),
        feature(13, p1, p2, 0),
        feature(14, p1, w.lower, 0),
        feature(15, lower(-1), 0, 0),
        feature(16, lower(-2), 0, 0),
        feature(17, lower(1), 0, 0),
        feature(18, lower(2), 0, 0),
        feature(19, lower(-1), w.lower, 0),
        feature(20, w.lower, lower(1), 0),
        feature(21, p1, lower(1), 0),
        feature(22, w.shape, u64::from(i == 0), 0),
    ]);
    let suffix3 = |j: isize| word(j).map_or(END, |w| w.suffixes[2]);
    let shape = |j: isize| word(j).map_or(END, |w| w.shape);
    let ambiguity = |j: isize| word(j).map_or(if j < 0 { START } else { END }, |w| w.ambiguity);
    out.extend_from_slice(&[
        feature(23, suffix3(-1), 0, 0),
        feature(24, suffix3(1), 0, 0),
        feature(25, shape(1), 0, 0),
        feature(26, shape(-1), w.shape, 0),
        feature(27, lower(1), lower(2), 0),
        feature(28, p1, w.suffixes[2], 0),
        feature(29, w.ambiguity, 0, 0),
        feature(30, ambiguity(1), 0, 0),
        feature(31, ambiguity(2), 0, 0),
        feature(32, w.ambiguity, ambiguity(1), 0),
        feature(33, p1, w.ambiguity, 0),
        feature(34, ambiguity(-1), w.ambiguity, ambiguity(1)),
    ]);
    if let Some(draft) = draft {
        let ahead = |j: usize| draft.get(i + j).map_or(END, |&t| u64::from(t) + 1);
        out.extend_from_slice(&[
            feature(40, ahead(0), 0, 0),
            feature(41, ahead(1), 0, 0),
            feature(42, ahead(2), 0, 0),
            feature(43, ahead(1), ahead(2), 0),
            feature(44, p1, ahead(1), 0),
            feature(45, w.lower, ahead(1), 0),
            feature(46, ahead(0), ahead(1), 0),
            feature(47, p1, ahead(0), ahead(1)),
        ]);
    }
}

/// One training sentence: word forms and gold class indices.
pub struct TaggedSentence {
    pub forms: Vec<String>,
    pub classes: Vec<u16>,
}

/// Builds the lexicon, then trains both passes for `epochs` epochs each; the
/// second pass learns from first-pass tags produced by taggers that did not see the sentence
/// (`folds`-fold jackknife).
pub fn train(
    sentences: &[TaggedSentence],
    classes: Vec<String>,
    epochs: usize,
    folds: usize,
    seed: u64,
) -> Tagger {
    let mut tagger = Tagger {
        lexicon: build_lexicon(sentences),
        first: Weights::new(classes.len(), 1.0),
        second: Weights::new(classes.len(), 1.0),
        classes,
    };
    let keyed: Vec<Vec<WordKeys>> = sentences
        .iter()
        .map(|s| {
            s.forms
                .iter()
                .map(|f| WordKeys::of(f, &tagger.lexicon))
                .collect()
        })
        .collect();
    let all: Vec<usize> = (0..sentences.len()).collect();
    let mut drafts = vec![Vec::new(); sentences.len()];
    for fold in 0..folds {
        let (held_out, rest): (Vec<usize>, Vec<usize>) =
            all.iter().partition(|&&i| i % folds == fold);
        let weights = tagger.train_pass(&keyed, sentences, &rest, None, epochs, seed);
        for i in held_out {
            drafts[i] = tagger.pass(&keyed[i], &weights, None);
        }
    }
    tagger.first = tagger.train_pass(&keyed, sentences, &all, None, epochs, seed);
    tagger.second = tagger.train_pass(&keyed, sentences, &all, Some(&drafts), epochs, seed);
    tagger
}

impl Tagger {
    /// Trains one pass on the sentences `subset`, with `drafts` for the second pass.
    fn train_pass(
        &self,
        keyed: &[Vec<WordKeys>],
        sentences: &[TaggedSentence],
        subset: &[usize],
        drafts: Option<&[Vec<u16>]>,
        epochs: usize,
        seed: u64,
    ) -> Weights {
        let mut trainer = Trainer::new(self.classes.len());
        let mut order = subset.to_vec();
        let mut rng = Rng::new(seed);
        let mut scores = vec![0.0; self.classes.len()];
        let mut features = Vec::with_capacity(48);
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &s in &order {
                let draft = drafts.map(|d| d[s].as_slice());
                let mut tags = Vec::with_capacity(keyed[s].len());
                for (i, &gold) in sentences[s].classes.iter().enumerate() {
                    extract(&keyed[s], &tags, draft, i, &mut features);
                    trainer.score(&features, &mut scores);
                    let guess = best_class(&scores, |_| true).unwrap_or(0);
                    trainer.update(&features, usize::from(gold), guess);
                    trainer.tick();
                    tags.push(guess as u16);
                }
            }
        }
        trainer.freeze(1e-3)
    }
}

/// Maps each frequent training word (normalised, lower-cased) to the hash of the set of classes
/// it had at least `LEXICON_MIN_TAG_COUNT` times. Rare words stay out: their class set would just
/// restate the gold tag of the training sentence and teach the model to trust it blindly.
fn build_lexicon(sentences: &[TaggedSentence]) -> FeatureMap<u64> {
    let mut seen: FeatureMap<std::collections::BTreeMap<u16, u32>> = FeatureMap::default();
    for s in sentences {
        for (form, &class) in s.forms.iter().zip(&s.classes) {
            let key = normalised_word(form, &form.to_lowercase());
            *seen.entry(key).or_default().entry(class).or_default() += 1;
        }
    }
    seen.into_iter()
        .filter(|(_, classes)| classes.values().sum::<u32>() >= LEXICON_MIN_WORD_COUNT)
        .map(|(word, classes)| {
            let set = classes
                .iter()
                .filter(|(_, &n)| n >= LEXICON_MIN_TAG_COUNT)
                .fold(0u64, |h, (&c, _)| feature(99, h, u64::from(c), 0));
            (word, set)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_quotes_become_ascii() {
        assert_eq!(ascii_quotes("“"), "\"");
        assert_eq!(ascii_quotes("’s"), "'s");
        assert_eq!(ascii_quotes("Don’t"), "Don't");
        assert!(matches!(ascii_quotes("Putin"), Cow::Borrowed("Putin")));
    }
}
