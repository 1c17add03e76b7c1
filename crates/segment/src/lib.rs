//! Segmentation: paragraphs, sentences and UD-style tokens with byte offsets.
//!
//! The first pipeline stage. It fills [`Article::paragraphs`], [`Article::sentences`] (each with
//! its paragraph and token range) and [`Article::tokens`] (spans only; the syntax stage adds tags).
//! Tokens follow UD English EWT conventions ([`tokens`] module) so the EWT-trained tagger sees
//! familiar input; sentence splitting ([`sentences`] module) handles news abbreviations and quotes.
//! Abbreviations and hyphen prefixes come from the editable `data/segment/lexicon.toml`.

mod lexicon;
mod paragraphs;
mod sentences;
mod tokens;

use eventwire_model::{Annotator, Article, Sentence, Span, Token};
use std::sync::LazyLock;

pub use lexicon::{Lexicon, LexiconError};
pub use paragraphs::paragraphs;

/// Segmentation: paragraphs, sentences and UD-style tokens with byte offsets.
#[derive(Debug, Clone)]
pub struct Segmenter {
    lexicon: Lexicon,
}

/// One segmented sentence of raw text: its span and the spans of its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentedSentence {
    pub span: Span,
    pub paragraph: usize,
    pub tokens: Vec<Span>,
}

impl Segmenter {
    /// Loads the stage's bundled lexicon.
    pub fn load() -> Result<Self, LexiconError> {
        Lexicon::bundled().map(Self::with_lexicon)
    }

    /// A segmenter using a custom lexicon.
    pub fn with_lexicon(lexicon: Lexicon) -> Self {
        Segmenter { lexicon }
    }

    /// UD-style token spans of `text`.
    pub fn tokenize(&self, text: &str) -> Vec<Span> {
        tokens::tokenize(&self.lexicon, text)
    }

    /// Sentences of `text` with their tokens; sentences never cross paragraphs.
    pub fn segment(&self, text: &str) -> Vec<SegmentedSentence> {
        self.segment_paragraphs(text, &paragraphs(text))
    }

    /// Sentences of the given paragraphs of `text`, numbered by their index in `paragraphs`.
    fn segment_paragraphs(&self, text: &str, paragraphs: &[Span]) -> Vec<SegmentedSentence> {
        let mut sentences = Vec::new();
        for (paragraph, &para_span) in paragraphs.iter().enumerate() {
            let offset = para_span.start;
            let tokens: Vec<Span> = self
                .tokenize(&text[para_span.range()])
                .into_iter()
                .map(|t| Span::new(t.start + offset, t.end + offset))
                .collect();
            for range in sentences::sentence_ranges(&self.lexicon, text, &tokens) {
                let tokens = tokens[range].to_vec();
                sentences.push(SegmentedSentence {
                    span: Span::new(tokens[0].start, tokens[tokens.len() - 1].end),
                    paragraph,
                    tokens,
                });
            }
        }
        sentences
    }
}

/// The bundled segmenter, shared by the free functions below.
static BUNDLED: LazyLock<Segmenter> = LazyLock::new(|| {
    // The bundled lexicon is checked by this crate's tests, so failing here is a build defect.
    Segmenter::load().expect("bundled data/segment/lexicon.toml is valid")
});

/// UD-style token spans of `text`, with the bundled lexicon.
pub fn tokenize(text: &str) -> Vec<Span> {
    BUNDLED.tokenize(text)
}

/// Sentences of `text` with their tokens, with the bundled lexicon.
pub fn split_sentences(text: &str) -> Vec<SegmentedSentence> {
    BUNDLED.segment(text)
}

impl Annotator for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }

    /// Replaces the article's paragraphs, sentences and tokens with a fresh segmentation.
    fn annotate(&self, article: &mut Article) {
        article.paragraphs = paragraphs(&article.text);
        article.sentences.clear();
        article.tokens.clear();
        for sentence in self.segment_paragraphs(&article.text, &article.paragraphs) {
            let first = article.tokens.len();
            article
                .tokens
                .extend(sentence.tokens.into_iter().map(|span| Token {
                    span,
                    ..Token::default()
                }));
            article.sentences.push(Sentence {
                span: sentence.span,
                paragraph: sentence.paragraph,
                tokens: first..article.tokens.len(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Characters that stress the rules: punctuation of every kind, apostrophes, multi-byte
    /// letters, combining marks, emoji, whitespace and line breaks.
    const POOL: &[char] = &[
        'a', 'Z', 'n', 't', 's', '1', '9', '.', ',', '-', '—', '\'', '’', '"', '“', '”', '(', ')',
        '!', '?', '…', '@', '/', ':', '$', '%', 'é', 'İ', '\u{301}', '😀', 'ß', ' ', ' ', '\n',
        '\r', '\t', '\u{a0}',
    ];

    /// Deterministic pseudo-random strings over [`POOL`] (xorshift), so failures reproduce.
    fn random_texts(count: usize) -> Vec<String> {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..count)
            .map(|_| {
                let len = (next() % 40) as usize;
                (0..len)
                    .map(|_| POOL[(next() % POOL.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn arbitrary_text_gives_ordered_non_empty_spans_inside_their_sentences() {
        let segmenter = Segmenter::load().unwrap();
        for text in random_texts(5000) {
            let mut article = Article::new("fuzz", text.clone(), Default::default());
            segmenter.annotate(&mut article);
            for token in &article.tokens {
                assert!(!token.span.is_empty() && text.is_char_boundary(token.span.start));
                assert!(
                    !article.slice(token.span).contains(char::is_whitespace),
                    "{text:?}"
                );
            }
            assert!(article
                .tokens
                .windows(2)
                .all(|w| w[0].span.end <= w[1].span.start));
            for sentence in &article.sentences {
                let paragraph = article.paragraphs[sentence.paragraph];
                assert!(paragraph.contains(&sentence.span), "{text:?}");
                assert!(!sentence.tokens.is_empty());
            }
            let covered: usize = article.sentences.iter().map(|s| s.tokens.len()).sum();
            assert_eq!(covered, article.tokens.len(), "{text:?}");
        }
    }
}
