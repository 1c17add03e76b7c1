//! A phrase index over token sequences: every phrase of a dictionary (actor names, agent words,
//! issue phrases) in one Aho-Corasick automaton, matched on the words of a sentence, longest
//! match first. Tokens are normalised once per sentence ([`NormalizedTokens`]) and the same
//! normalised text can be searched by several indexes.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower-cased, with diacritics removed (`Élysée` → `elysee`), so that a dictionary written in
/// upper-case ASCII matches text in any case and spelling of accents.
pub fn normalize(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The tokens of a sentence, normalised and joined as ` tok tok tok` so that the automaton can
/// find phrases that start and end at token boundaries.
pub struct NormalizedTokens {
    text: String,
    /// Byte offset in `text` of the blank before each token, and one past the end.
    starts: Vec<usize>,
}

impl NormalizedTokens {
    pub fn new<T: AsRef<str>>(tokens: &[T]) -> NormalizedTokens {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(tokens.len() + 1);
        for token in tokens {
            starts.push(text.len());
            text.push(' ');
            // A blank inside a token would look like a token boundary to the automaton.
            text.extend(normalize(token.as_ref()).chars().map(|c| {
                if c.is_whitespace() {
                    '_'
                } else {
                    c
                }
            }));
        }
        starts.push(text.len());
        NormalizedTokens { text, starts }
    }

    /// The index of the token starting at byte `offset` (its leading blank), if one does.
    fn token_at(&self, offset: usize) -> Option<usize> {
        self.starts.binary_search(&offset).ok()
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A phrase found in a token sequence: tokens `start..end`, and the values of every dictionary
/// entry with that phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhraseMatch<'a, V> {
    pub start: usize,
    pub end: usize,
    pub values: &'a [V],
}

/// Phrases (word sequences) mapped to values, for longest-match lookup in token sequences.
#[derive(Debug, Clone)]
pub struct PhraseIndex<V> {
    automaton: AhoCorasick,
    /// Values of each distinct phrase, by automaton pattern id.
    values: Vec<Vec<V>>,
}

impl<V> PhraseIndex<V> {
    /// Indexes `(words, value)` pairs; words are normalised here. Entries with the same words
    /// share one pattern and are all returned by a match.
    pub fn new<I, W>(entries: I) -> PhraseIndex<V>
    where
        I: IntoIterator<Item = (W, V)>,
        W: IntoIterator,
        W::Item: AsRef<str>,
    {
        let mut pattern_of: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut values: Vec<Vec<V>> = Vec::new();
        for (words, value) in entries {
            let pattern: String = words
                .into_iter()
                .map(|w| format!(" {}", normalize(w.as_ref())))
                .collect();
            if pattern.is_empty() {
                continue;
            }
            let id = *pattern_of.entry(pattern).or_insert_with_key(|pattern| {
                patterns.push(pattern.clone());
                values.push(Vec::new());
                patterns.len() - 1
            });
            values[id].push(value);
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("phrase patterns are plain strings, far below the automaton's size limits");
        PhraseIndex { automaton, values }
    }

    /// Number of distinct phrases.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Every phrase of the index in `tokens`, longest first where phrases overlap: scanning left
    /// to right, at each token the longest phrase starting there is taken and the scan goes on
    /// after it.
    pub fn longest_matches<'a>(&'a self, tokens: &NormalizedTokens) -> Vec<PhraseMatch<'a, V>> {
        // The longest phrase ending on a token boundary, for each token it can start at.
        let mut longest: Vec<Option<(usize, usize)>> = vec![None; tokens.len()];
        for found in self.automaton.find_overlapping_iter(&tokens.text) {
            let (Some(start), Some(end)) =
                (tokens.token_at(found.start()), tokens.token_at(found.end()))
            else {
                continue; // ends inside a token: "iran" in "irani"
            };
            if longest[start].is_none_or(|(best_end, _)| end > best_end) {
                longest[start] = Some((end, found.pattern().as_usize()));
            }
        }
        let mut matches = Vec::new();
        let mut next = 0;
        for (start, candidate) in longest.iter().enumerate() {
            if let (true, Some((end, pattern))) = (start >= next, candidate) {
                matches.push(PhraseMatch {
                    start,
                    end: *end,
                    values: &self.values[*pattern],
                });
                next = *end;
            }
        }
        matches
    }

    /// The values of the phrase that is exactly these words, if indexed.
    pub fn get<T: AsRef<str>>(&self, words: &[T]) -> Option<&[V]> {
        let tokens = NormalizedTokens::new(words);
        self.longest_matches(&tokens)
            .into_iter()
            .find(|found| found.start == 0 && found.end == tokens.len())
            .map(|found| found.values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> PhraseIndex<&'static str> {
        PhraseIndex::new([
            (vec!["new"], "new"),
            (vec!["new", "york"], "city"),
            (vec!["new", "york", "times"], "paper"),
            (vec!["iran"], "IRN"),
            (vec!["élysée"], "FRA"),
            (vec!["Iran"], "IRN again"),
        ])
    }

    fn found(tokens: &[&str]) -> Vec<(usize, usize, Vec<&'static str>)> {
        let index = index();
        let tokens = NormalizedTokens::new(tokens);
        index
            .longest_matches(&tokens)
            .into_iter()
            .map(|m| (m.start, m.end, m.values.to_vec()))
            .collect()
    }

    #[test]
    fn longest_match_at_token_boundaries() {
        assert_eq!(
            found(&["The", "New", "York", "Times", "and", "Iran"]),
            [(1, 4, vec!["paper"]), (5, 6, vec!["IRN", "IRN again"])]
        );
        assert_eq!(
            found(&["New", "Yorkers"]),
            [(0, 1, vec!["new"])],
            "a longer phrase inside a token does not hide a shorter one"
        );
        assert_eq!(found(&["Irani", "officials"]), []);
        assert_eq!(
            found(&["new", "new", "york"]),
            [(0, 1, vec!["new"]), (1, 3, vec!["city"])]
        );
    }

    #[test]
    fn case_and_diacritics_are_ignored() {
        assert_eq!(normalize("Élysée"), "elysee");
        assert_eq!(found(&["ELYSEE"]), [(0, 1, vec!["FRA"])]);
        assert_eq!(index().get(&["new", "YORK"]), Some(&["city"][..]));
        assert_eq!(index().get(&["york"]), None);
    }
}
