//! Averaged-perceptron part-of-speech tagger (Collins 2002; features after Honnibal's
//! "A good POS tagger in about 200 lines").
//!
//! Each class is a joint `XPOS|UPOS` pair seen in training, so one greedy left-to-right pass
//! predicts both tag sets consistently. Frequent unambiguous words skip the model through a tag
//! dictionary.

use crate::hash::{feature, hash_str, FeatureMap, Rng};
use crate::perceptron::{best_class, Trainer, Weights};

/// Words seen at least this often with one tag in ≥ `DICT_PURITY` of cases go in the tag dictionary.
const DICT_MIN_COUNT: u32 = 20;
const DICT_PURITY: f32 = 0.97;
/// Words enter the ambiguity lexicon from this many occurrences, tags from this many.
const LEXICON_MIN_WORD_COUNT: u32 = 10;
const LEXICON_MIN_TAG_COUNT: u32 = 3;

/// The trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    /// Class names `XPOS|UPOS`.
    pub classes: Vec<String>,
    /// Case-sensitive form hash → class of unambiguous frequent words.
    pub tag_dict: FeatureMap<u16>,
    /// Normalised lower-case word hash → hash of the set of classes it had in training (its
    /// "ambiguity class"), which tells the model which tags are possible for known words.
    pub lexicon: FeatureMap<u64>,
    pub weights: Weights,
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
        let mut scores = vec![0.0; self.classes.len()];
        let mut features = Vec::with_capacity(40);
        let mut tags: Vec<u16> = Vec::with_capacity(forms.len());
        for i in 0..keys.len() {
            let tag = match self.tag_dict.get(&keys[i].form) {
                Some(&tag) => tag,
                None => {
                    extract(&keys, &tags, i, &mut features);
                    self.weights.score(&features, &mut scores);
                    best_class(&scores, |_| true).unwrap_or(0) as u16
                }
            };
            tags.push(tag);
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

/// Fills `out` with the feature keys of word `i`, given the tags already predicted left of it.
fn extract(keys: &[WordKeys], tags: &[u16], i: usize, out: &mut Vec<u64>) {
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
}

/// One training sentence: word forms and gold class indices.
pub struct TaggedSentence {
    pub forms: Vec<String>,
    pub classes: Vec<u16>,
}

/// Builds the class list and tag dictionary, then trains for `epochs` passes.
pub fn train(
    sentences: &[TaggedSentence],
    classes: Vec<String>,
    epochs: usize,
    seed: u64,
) -> Tagger {
    let tag_dict = build_tag_dict(sentences);
    let lexicon = build_lexicon(sentences);
    let keyed: Vec<Vec<WordKeys>> = sentences
        .iter()
        .map(|s| s.forms.iter().map(|f| WordKeys::of(f, &lexicon)).collect())
        .collect();
    let mut trainer = Trainer::new(classes.len());
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Rng::new(seed);
    let mut scores = vec![0.0; classes.len()];
    let mut features = Vec::with_capacity(40);
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let mut tags = Vec::with_capacity(keyed[s].len());
            for (i, &gold) in sentences[s].classes.iter().enumerate() {
                let guess = match tag_dict.get(&keyed[s][i].form) {
                    Some(&tag) => tag,
                    None => {
                        extract(&keyed[s], &tags, i, &mut features);
                        trainer.score(&features, &mut scores);
                        let guess = best_class(&scores, |_| true).unwrap_or(0);
                        trainer.update(&features, usize::from(gold), guess);
                        trainer.tick();
                        guess as u16
                    }
                };
                tags.push(guess);
            }
        }
    }
    Tagger {
        classes,
        tag_dict,
        lexicon,
        weights: trainer.freeze(1e-3),
    }
}

fn build_tag_dict(sentences: &[TaggedSentence]) -> FeatureMap<u16> {
    let mut counts: FeatureMap<FeatureMap<u32>> = FeatureMap::default();
    for s in sentences {
        for (form, &class) in s.forms.iter().zip(&s.classes) {
            *counts
                .entry(hash_str(form))
                .or_default()
                .entry(u64::from(class))
                .or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(word, tags)| {
            let total: u32 = tags.values().sum();
            let (&tag, &n) = tags
                .iter()
                .max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t)))?;
            let pure = n as f32 / total as f32 >= DICT_PURITY;
            (total >= DICT_MIN_COUNT && pure).then_some((word, tag as u16))
        })
        .collect()
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
