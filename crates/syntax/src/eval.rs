//! Accuracy of the model (tags, lemmas, heads, relations) against a treebank, with gold
//! tokenisation and from raw text, and throughput.

use crate::conllu::{ConlluSentence, ConlluToken};
use crate::model::{Analysis, SyntaxModel};
use eventwire_model::{Annotator, Article, ArticleMeta, Span};
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

/// Counts of correct predictions over a treebank.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    /// Words with the right head (UAS) and also the right universal relation (LAS).
    pub uas: usize,
    pub las: usize,
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
    pub fn lemma_accuracy(&self) -> f64 {
        self.percent(self.lemma)
    }
    pub fn uas(&self) -> f64 {
        self.percent(self.uas)
    }
    pub fn las(&self) -> f64 {
        self.percent(self.las)
    }
    pub fn words_per_second(&self) -> f64 {
        self.words as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Words per second of the tagger alone over the gold words of `sentences`.
pub fn tagger_speed(model: &SyntaxModel, sentences: &[ConlluSentence]) -> f64 {
    let forms: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.tokens.iter().map(|t| t.form.as_str()).collect())
        .collect();
    let start = Instant::now();
    let words: usize = forms.iter().map(|f| model.tagger.tag(f).len()).sum();
    words as f64 / start.elapsed().as_secs_f64().max(1e-9)
}

/// Tags every sentence from its gold words and compares with the gold annotation.
pub fn evaluate_gold(model: &SyntaxModel, sentences: &[ConlluSentence]) -> Scores {
    let mut scores = Scores::default();
    let start = Instant::now();
    let predicted: Vec<(Analysis, Vec<String>)> = sentences
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
            let analysis = model.analyse(&forms);
            let lemmas = forms
                .iter()
                .zip(&analysis.tags)
                .map(|(f, &t)| model.lemma(f, t))
                .collect();
            (analysis, lemmas)
        })
        .collect();
    scores.elapsed = start.elapsed();
    for (sentence, (analysis, lemmas)) in sentences.iter().zip(&predicted) {
        for (i, gold) in sentence.tokens.iter().enumerate() {
            let tag = analysis.tags[i];
            scores.words += 1;
            scores.upos += usize::from(model.tagger.upos(tag) == gold.upos);
            scores.xpos += usize::from(model.tagger.xpos(tag) == gold.xpos);
            scores.lemma += usize::from(lemmas[i] == gold.lemma);
            let head_ok = analysis.parse.heads[i] == gold.head;
            let relation = model.relation(analysis.parse.labels[i]);
            scores.uas += usize::from(head_ok);
            scores.las += usize::from(head_ok && universal(relation) == universal(&gold.deprel));
        }
    }
    scores
}

/// The universal part of a relation (`nmod:poss` → `nmod`), which CoNLL 2018 LAS compares.
fn universal(relation: &str) -> &str {
    relation.split(':').next().unwrap_or(relation)
}

/// Scores from raw text (own segmentation), CoNLL 2018 style: words are aligned when they cover
/// the same non-whitespace characters; each figure is an F1 over gold and system words.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RawScores {
    pub gold_words: usize,
    pub system_words: usize,
    /// Aligned words, and aligned words whose attribute also matches.
    pub tokens: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    pub uas: usize,
    pub las: usize,
    pub gold_sentences: usize,
    pub system_sentences: usize,
    /// System sentences with exactly a gold sentence's extent.
    pub sentences: usize,
    pub elapsed: Duration,
}

impl RawScores {
    /// F1 of a count of correct words.
    pub fn f1(&self, correct: usize) -> f64 {
        f1(correct, self.gold_words, self.system_words)
    }
    pub fn sentence_f1(&self) -> f64 {
        f1(self.sentences, self.gold_sentences, self.system_sentences)
    }
    pub fn words_per_second(&self) -> f64 {
        self.system_words as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

fn f1(correct: usize, gold: usize, system: usize) -> f64 {
    if gold + system == 0 {
        return 0.0;
    }
    200.0 * correct as f64 / (gold + system) as f64
}

/// A gold word located in the non-whitespace character stream, with its global head index.
struct GoldWord<'a> {
    extent: (usize, usize),
    token: &'a ConlluToken,
    head: Option<usize>,
}

/// Runs `segment` then the syntax stage over the treebank's raw text (sentence texts joined
/// by spaces, so sentence splitting is tested too) and aligns the result with the gold words.
pub fn evaluate_raw(
    segment: &dyn Annotator,
    syntax: &dyn Annotator,
    sentences: &[ConlluSentence],
) -> RawScores {
    let text = sentences
        .iter()
        .map(|s| s.text.clone().unwrap_or_else(|| joined_forms(s)))
        .collect::<Vec<_>>()
        .join(" ");
    let mut article = Article::new("eval", text, ArticleMeta::default());
    let start = Instant::now();
    segment.annotate(&mut article);
    syntax.annotate(&mut article);
    let elapsed = start.elapsed();
    let gold = gold_words(sentences);
    let offsets = non_space_offsets(&article.text);
    let extent = |span: Span| (offsets[span.start], offsets[span.end]);
    let gold_at: HashMap<(usize, usize), usize> = gold
        .iter()
        .enumerate()
        .map(|(i, w)| (w.extent, i))
        .collect();
    let aligned: Vec<Option<usize>> = article
        .tokens
        .iter()
        .map(|t| gold_at.get(&extent(t.span)).copied())
        .collect();
    let mut scores = RawScores {
        gold_words: gold.len(),
        system_words: article.tokens.len(),
        gold_sentences: sentences.len(),
        system_sentences: article.sentences.len(),
        elapsed,
        ..RawScores::default()
    };
    for (token, g) in article.tokens.iter().zip(&aligned) {
        let Some(g) = *g else { continue };
        let gold_word = gold[g].token;
        scores.tokens += 1;
        scores.upos += usize::from(token.upos == gold_word.upos);
        scores.xpos += usize::from(token.xpos == gold_word.xpos);
        scores.lemma += usize::from(token.lemma == gold_word.lemma);
        let head_ok = token.head.map(|h| aligned[h]) == gold[g].head.map(Some);
        scores.uas += usize::from(head_ok);
        scores.las +=
            usize::from(head_ok && universal(&token.deprel) == universal(&gold_word.deprel));
    }
    let gold_sentences = sentence_extents(&gold, sentences);
    scores.sentences = article
        .sentences
        .iter()
        .filter(|s| !s.tokens.is_empty())
        .filter(|s| {
            let first = extent(article.tokens[s.tokens.start].span).0;
            let last = extent(article.tokens[s.tokens.end - 1].span).1;
            gold_sentences.contains(&(first, last))
        })
        .count();
    scores
}

fn joined_forms(sentence: &ConlluSentence) -> String {
    let forms: Vec<&str> = sentence.tokens.iter().map(|t| t.form.as_str()).collect();
    forms.join(" ")
}

/// Gold words with their extents in the non-whitespace stream and global head indices.
fn gold_words(sentences: &[ConlluSentence]) -> Vec<GoldWord<'_>> {
    let mut words = Vec::new();
    let mut position = 0;
    for sentence in sentences {
        let first = words.len();
        for token in &sentence.tokens {
            let length = token.form.chars().filter(|c| !c.is_whitespace()).count();
            words.push(GoldWord {
                extent: (position, position + length),
                token,
                head: token.head.checked_sub(1).map(|h| first + h),
            });
            position += length;
        }
    }
    words
}

fn sentence_extents(gold: &[GoldWord], sentences: &[ConlluSentence]) -> HashSet<(usize, usize)> {
    let mut extents = HashSet::new();
    let mut first = 0;
    for sentence in sentences {
        let last = first + sentence.tokens.len() - 1;
        extents.insert((gold[first].extent.0, gold[last].extent.1));
        first = last + 1;
    }
    extents
}

/// For each byte offset of `text` (and its end), the number of non-whitespace characters before it.
fn non_space_offsets(text: &str) -> Vec<usize> {
    let mut offsets = vec![0; text.len() + 1];
    let mut count = 0;
    for (i, c) in text.char_indices() {
        for slot in &mut offsets[i..i + c.len_utf8()] {
            *slot = count;
        }
        count += usize::from(!c.is_whitespace());
    }
    offsets[text.len()] = count;
    offsets
}
