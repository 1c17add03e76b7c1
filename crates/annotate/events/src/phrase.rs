//! The small phrase language of the data files: lower-case words, `word*` for any ending, `...` for a
//! gap of up to four words. Phrases are matched against a sentence's words (lower-cased token text,
//! or the token's lemma when the syntax stage gave one).

/// How many words `...` may skip.
const MAX_GAP: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Word(String),
    Prefix(String),
    Gap,
}

/// A parsed phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    parts: Vec<Part>,
}

/// One word of a sentence as phrases see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub lemma: String,
}

impl Word {
    /// Normalises the token text (lower case, typographic apostrophe → ASCII) so data files stay plain.
    pub fn new(text: &str, lemma: &str) -> Self {
        Word {
            text: normalise(text),
            lemma: normalise(lemma),
        }
    }

    pub(crate) fn is(&self, word: &str) -> bool {
        self.text == word || self.lemma == word
    }

    fn starts_with(&self, prefix: &str) -> bool {
        self.text.starts_with(prefix) || (!self.lemma.is_empty() && self.lemma.starts_with(prefix))
    }
}

fn normalise(s: &str) -> String {
    s.to_lowercase().replace('\u{2019}', "'")
}

impl Phrase {
    /// Parses a phrase; `None` when it has no word or starts or ends with a gap.
    pub fn parse(text: &str) -> Option<Self> {
        let parts: Vec<Part> = text
            .split_whitespace()
            .map(|w| match w {
                "..." => Part::Gap,
                _ => match w.strip_suffix('*') {
                    Some(prefix) => Part::Prefix(normalise(prefix)),
                    None => Part::Word(normalise(w)),
                },
            })
            .collect();
        let valid = matches!(parts.first(), Some(p) if *p != Part::Gap)
            && matches!(parts.last(), Some(p) if *p != Part::Gap);
        valid.then_some(Phrase { parts })
    }

    /// True when the phrase has a `...` gap.
    pub fn has_gap(&self) -> bool {
        self.parts.contains(&Part::Gap)
    }

    /// How many words the phrase names (gaps excluded): the longer, the more specific.
    pub fn weight(&self) -> usize {
        self.parts.iter().filter(|p| **p != Part::Gap).count()
    }

    /// The end (exclusive word index) of a match starting at `start`, trying the shortest gaps first.
    pub fn match_at(&self, words: &[Word], start: usize) -> Option<usize> {
        match_parts(&self.parts, words, start)
    }

    /// Every match in `words` as `(start, end)` word ranges, left to right.
    pub fn find_all(&self, words: &[Word]) -> Vec<(usize, usize)> {
        (0..words.len())
            .filter_map(|start| self.match_at(words, start).map(|end| (start, end)))
            .collect()
    }
}

fn match_parts(parts: &[Part], words: &[Word], at: usize) -> Option<usize> {
    let Some((first, rest)) = parts.split_first() else {
        return Some(at);
    };
    match first {
        Part::Gap => (0..=MAX_GAP)
            .take_while(|skip| at + skip <= words.len())
            .find_map(|skip| match_parts(rest, words, at + skip)),
        Part::Word(w) => words
            .get(at)
            .filter(|word| word.is(w))
            .and_then(|_| match_parts(rest, words, at + 1)),
        Part::Prefix(p) => words
            .get(at)
            .filter(|word| word.starts_with(p))
            .and_then(|_| match_parts(rest, words, at + 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<Word> {
        s.split_whitespace().map(|w| Word::new(w, "")).collect()
    }

    #[test]
    fn prefixes_and_gaps_match_inflections_and_modifiers() {
        let p = Phrase::parse("dismiss* the possibility of ... talks").unwrap();
        let w = words("Putin dismissed the possibility of direct peace talks with Zelensky");
        assert_eq!(p.find_all(&w), vec![(1, 8)]);
        assert_eq!(p.weight(), 5);
    }

    #[test]
    fn lemma_matches_irregular_forms_and_apostrophes_are_normalised() {
        let p = Phrase::parse("meet").unwrap();
        assert_eq!(p.match_at(&[Word::new("met", "meet")], 0), Some(1));
        let n = Phrase::parse("n't").unwrap();
        assert_eq!(n.match_at(&[Word::new("n\u{2019}t", "")], 0), Some(1));
    }

    #[test]
    fn phrases_may_not_start_or_end_with_a_gap() {
        assert!(Phrase::parse("... talks").is_none());
        assert!(Phrase::parse("talks ...").is_none());
        assert!(Phrase::parse("  ").is_none());
    }
}
