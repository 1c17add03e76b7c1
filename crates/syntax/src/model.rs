//! The model file: a compact little-endian binary holding the tagger, lemmatiser and parser.
//!
//! Layout: the magic `EWSYN` and a version byte, then each component in order. Strings are a
//! `u32` length and UTF-8 bytes; weight tables are rows of `(feature key u64, n u16, n × (class
//! u16, weight f32))`. Written by the `train` command, embedded in the binary with
//! `include_bytes!`, read by [`SyntaxModel::from_bytes`].

use crate::hash::FeatureMap;
use crate::perceptron::Weights;
use crate::tagger::Tagger;

const MAGIC: &[u8] = b"EWSYN";
const VERSION: u8 = 1;

/// Everything the syntax stage needs at run time.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxModel {
    pub tagger: Tagger,
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
    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes(MAGIC);
        w.bytes(&[VERSION]);
        write_tagger(&mut w, &self.tagger);
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
        if r.at != bytes.len() {
            return Err(r.corrupt("trailing bytes after the last component"));
        }
        Ok(SyntaxModel { tagger })
    }
}

fn write_tagger(w: &mut Writer, tagger: &Tagger) {
    w.strings(&tagger.classes);
    let mut dict: Vec<(u64, u16)> = tagger.tag_dict.iter().map(|(&k, &v)| (k, v)).collect();
    dict.sort_unstable();
    w.u32(dict.len() as u32);
    for (key, class) in dict {
        w.u64(key);
        w.u16(class);
    }
    w.u32(tagger.lexicon.len() as u32);
    let mut lexicon: Vec<(u64, u64)> = tagger.lexicon.iter().map(|(&k, &v)| (k, v)).collect();
    lexicon.sort_unstable();
    for (word, ambiguity) in lexicon {
        w.u64(word);
        w.u64(ambiguity);
    }
    w.weights(&tagger.weights);
}

fn read_tagger(r: &mut Reader) -> Result<Tagger, ModelError> {
    let classes = r.strings()?;
    let n = r.u32()? as usize;
    let mut tag_dict = FeatureMap::default();
    for _ in 0..n {
        let key = r.u64()?;
        let class = r.class(classes.len())?;
        tag_dict.insert(key, class);
    }
    let n = r.u32()? as usize;
    let mut lexicon = FeatureMap::default();
    for _ in 0..n {
        let word = r.u64()?;
        lexicon.insert(word, r.u64()?);
    }
    let weights = r.weights()?;
    if weights.n_classes != classes.len() {
        return Err(r.corrupt("tagger weights and class list disagree"));
    }
    Ok(Tagger {
        classes,
        tag_dict,
        lexicon,
        weights,
    })
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
        self.u32(weights.size().0 as u32);
        for (key, row) in weights.rows() {
            self.u64(key);
            self.u16(row.len() as u16);
            for (class, weight) in row {
                self.u16(class);
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
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.array()?))
    }
    pub(crate) fn corrupt(&self, message: &str) -> ModelError {
        ModelError::Corrupt {
            at: self.at,
            message: message.to_string(),
        }
    }
    /// A class index, checked against the number of classes.
    pub(crate) fn class(&mut self, n_classes: usize) -> Result<u16, ModelError> {
        let class = self.u16()?;
        if usize::from(class) >= n_classes {
            return Err(self.corrupt("class index out of range"));
        }
        Ok(class)
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
        let n_rows = self.u32()? as usize;
        let mut weights = Weights::new(n_classes);
        let mut row = Vec::new();
        for _ in 0..n_rows {
            let key = self.u64()?;
            let len = self.u16()?;
            row.clear();
            for _ in 0..len {
                let class = self.class(n_classes)?;
                row.push((class, self.f32()?));
            }
            weights.push_row(key, &row);
        }
        Ok(weights)
    }
}
