//! The model file: a compact little-endian binary holding the tagger, lemmatiser and parser.
//!
//! Layout: the magic `EWSYN` and a version byte, then each component in order. Strings are a
//! `u32` length and UTF-8 bytes; weight tables are a class count, an `f32` scale and rows of
//! `(feature key u32, n u16, n × (class u8 — u16 past 256 classes —, quantised weight i16))`. Written by the `train` command, embedded in the binary with
//! `include_bytes!`, read by [`SyntaxModel::from_bytes`].

use crate::hash::FeatureMap;
use crate::lemma::{Lemmatizer, Rewrite};
use crate::parser::{self, Parse, Parser};
use crate::perceptron::Weights;
use crate::tagger::{self, Tagger};
use std::borrow::Cow;

const MAGIC: &[u8] = b"EWSYN";
const VERSION: u8 = 7;

/// Everything the syntax stage needs at run time.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxModel {
    pub tagger: Tagger,
    pub lemmatizer: Lemmatizer,
    pub parser: Parser,
}

/// The analysis of one sentence: tagger classes and the dependency parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub tags: Vec<u16>,
    pub parse: Parse,
}

/// A model file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not an eventwire syntax model (bad magic bytes)")]
    BadMagic,
    #[error("unsupported syntax model version {0} (expected {VERSION})")]
    Version(u8),
    #[error("syntax model truncated at byte {0}")]
    Truncated(usize),
    #[error("syntax model corrupt at byte {at}: {message}")]
    Corrupt { at: usize, message: String },
}

impl SyntaxModel {
    /// Tags and parses one sentence given its words.
    pub fn analyse(&self, forms: &[&str]) -> Analysis {
        let ascii: Vec<Cow<str>> = forms.iter().map(|f| tagger::ascii_quotes(f)).collect();
        let forms: Vec<&str> = ascii.iter().map(|f| &**f).collect();
        let forms = forms.as_slice();
        let tags = self.tagger.tag(forms);
        let sentence = parser::Sentence::new(
            forms.iter().map(|f| self.parser.word(tagger::word_key(f))),
            &tags,
        );
        let parse = self.parser.parse(&sentence);
        Analysis { tags, parse }
    }

    /// The lemma of a word given its tagger class.
    pub fn lemma(&self, form: &str, tag: u16) -> String {
        let is_proper = self.tagger.upos(tag) == "PROPN";
        self.lemmatizer.lemma(form, tag, is_proper)
    }

    /// The relation name of a relation index.
    pub fn relation(&self, label: u16) -> &str {
        &self.parser.labels[usize::from(label)]
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes(MAGIC);
        w.bytes(&[VERSION]);
        write_tagger(&mut w, &self.tagger);
        write_lemmatizer(&mut w, &self.lemmatizer);
        w.strings(&self.parser.labels);
        let mut vocabulary: Vec<u64> = self.parser.vocabulary.iter().copied().collect();
        vocabulary.sort_unstable();
        w.u32(vocabulary.len() as u32);
        vocabulary.into_iter().for_each(|word| w.u64(word));
        w.weights(&self.parser.weights);
        w.0
    }

    /// Reads a model written by [`SyntaxModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = r.take(1)?[0];
        if version != VERSION {
            return Err(ModelError::Version(version));
        }
        let tagger = read_tagger(&mut r)?;
        let lemmatizer = read_lemmatizer(&mut r)?;
        let labels = r.strings()?;
        let n = r.u32()? as usize;
        let vocabulary = (0..n).map(|_| r.u64()).collect::<Result<_, _>>()?;
        let weights = r.weights()?;
        if weights.n_classes != 1 + 2 * labels.len() {
            return Err(r.corrupt("parser weights and relation list disagree"));
        }
        let parser = Parser {
            labels,
            vocabulary,
            weights,
        };
        if r.at != bytes.len() {
            return Err(r.corrupt("trailing bytes after the last component"));
        }
        Ok(SyntaxModel {
            tagger,
            lemmatizer,
            parser,
        })
    }
}

fn write_tagger(w: &mut Writer, tagger: &Tagger) {
    w.strings(&tagger.classes);
    w.u32(tagger.lexicon.len() as u32);
    let mut lexicon: Vec<(u64, u64)> = tagger.lexicon.iter().map(|(&k, &v)| (k, v)).collect();
    lexicon.sort_unstable();
    for (word, ambiguity) in lexicon {
        w.u64(word);
        w.u64(ambiguity);
    }
    w.weights(&tagger.first);
    w.weights(&tagger.second);
}

fn read_tagger(r: &mut Reader) -> Result<Tagger, ModelError> {
    let classes = r.strings()?;
    let n = r.u32()? as usize;
    let mut lexicon = FeatureMap::default();
    for _ in 0..n {
        let word = r.u64()?;
        lexicon.insert(word, r.u64()?);
    }
    let first = r.weights()?;
    let second = r.weights()?;
    if first.n_classes != classes.len() || second.n_classes != classes.len() {
        return Err(r.corrupt("tagger weights and class list disagree"));
    }
    Ok(Tagger {
        classes,
        lexicon,
        first,
        second,
    })
}

fn write_lemmatizer(w: &mut Writer, lemmatizer: &Lemmatizer) {
    let mut known: Vec<(&u64, &String)> = lemmatizer.known.iter().collect();
    known.sort_unstable();
    w.u32(known.len() as u32);
    for (&key, lemma) in known {
        w.u64(key);
        w.string(lemma);
    }
    let mut rules: Vec<(&u64, &Rewrite)> = lemmatizer.rules.iter().collect();
    rules.sort_unstable();
    w.u32(rules.len() as u32);
    for (&key, rule) in rules {
        w.u64(key);
        w.bytes(&[rule.strip]);
        w.string(&rule.append);
    }
}

fn read_lemmatizer(r: &mut Reader) -> Result<Lemmatizer, ModelError> {
    let mut lemmatizer = Lemmatizer::default();
    for _ in 0..r.u32()? {
        let key = r.u64()?;
        lemmatizer.known.insert(key, r.string()?);
    }
    for _ in 0..r.u32()? {
        let key = r.u64()?;
        let strip = r.take(1)?[0];
        let append = r.string()?;
        lemmatizer.rules.insert(key, Rewrite { strip, append });
    }
    Ok(lemmatizer)
}

#[derive(Default)]
pub(crate) struct Writer(pub(crate) Vec<u8>);

impl Writer {
    pub(crate) fn bytes(&mut self, b: &[u8]) {
        self.0.extend_from_slice(b);
    }
    pub(crate) fn u16(&mut self, v: u16) {
        self.bytes(&v.to_le_bytes());
    }
    pub(crate) fn u32(&mut self, v: u32) {
        self.bytes(&v.to_le_bytes());
    }
    pub(crate) fn u64(&mut self, v: u64) {
        self.bytes(&v.to_le_bytes());
    }
    pub(crate) fn string(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.bytes(s.as_bytes());
    }
    pub(crate) fn strings(&mut self, items: &[String]) {
        self.u32(items.len() as u32);
        items.iter().for_each(|s| self.string(s));
    }
    pub(crate) fn weights(&mut self, weights: &Weights) {
        self.u32(weights.n_classes as u32);
        self.bytes(&weights.scale.to_le_bytes());
        self.u32(weights.size().0 as u32);
        let narrow = weights.n_classes <= 256;
        for (key, row) in weights.rows() {
            self.u32(key);
            self.u16(row.len() as u16);
            for (class, weight) in row {
                if narrow {
                    self.bytes(&[class as u8]);
                } else {
                    self.u16(class);
                }
                self.bytes(&weight.to_le_bytes());
            }
        }
    }
}

pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(ModelError::Truncated(self.at))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        Ok(self.take(N)?.try_into().expect("take returns N bytes"))
    }
    pub(crate) fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    pub(crate) fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    pub(crate) fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    pub(crate) fn corrupt(&self, message: &str) -> ModelError {
        ModelError::Corrupt {
            at: self.at,
            message: message.to_string(),
        }
    }
    pub(crate) fn string(&mut self) -> Result<String, ModelError> {
        let n = self.u32()? as usize;
        let bytes = self.take(n)?.to_vec();
        String::from_utf8(bytes).map_err(|_| self.corrupt("string is not UTF-8"))
    }
    pub(crate) fn strings(&mut self) -> Result<Vec<String>, ModelError> {
        let n = self.u32()? as usize;
        (0..n).map(|_| self.string()).collect()
    }
    pub(crate) fn weights(&mut self) -> Result<Weights, ModelError> {
        let n_classes = self.u32()? as usize;
        let scale = f32::from_le_bytes(self.array()?);
        let n_rows = self.u32()? as usize;
        let narrow = n_classes <= 256;
        let mut weights = Weights::new(n_classes, scale);
        let mut row = Vec::new();
        for _ in 0..n_rows {
            let key = self.u32()?;
            let len = self.u16()?;
            row.clear();
            for _ in 0..len {
                let class = if narrow {
                    u16::from(self.take(1)?[0])
                } else {
                    self.u16()?
                };
                if usize::from(class) >= n_classes {
                    return Err(self.corrupt("class index out of range"));
                }
                row.push((class, i16::from_le_bytes(self.array()?)));
            }
            weights.push_row(key, &row);
        }
        Ok(weights)
    }
}
