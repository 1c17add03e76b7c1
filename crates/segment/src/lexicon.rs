//! The segmentation lexicon: abbreviations, hyphen prefixes and sentence-starter words, read from
//! the editable data file `data/segment/lexicon.toml` bundled into the binary.

use serde::Deserialize;
use std::collections::HashSet;

const BUNDLED: &str = include_str!("../../../data/segment/lexicon.toml");

/// A lexicon file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("segment lexicon {origin}: {source}")]
pub struct LexiconError {
    origin: String,
    #[source]
    source: toml::de::Error,
}

/// How an abbreviation ending in a period behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationKind {
    /// Titles, initials, months: the next word belongs to the same sentence.
    NeverFinal,
    /// "U.S.", "Inc.": ends the sentence when a typical sentence-starting word follows.
    MaybeFinal,
    /// "No.", "Art.": an abbreviation only when a number follows, then never final.
    BeforeNumber,
}

#[derive(Deserialize)]
struct LexiconFile {
    abbreviations: AbbreviationLists,
    hyphen: HyphenLists,
    sentence_starters: StarterList,
}

#[derive(Deserialize)]
struct AbbreviationLists {
    titles: Vec<String>,
    dates: Vec<String>,
    numeric: Vec<String>,
    other: Vec<String>,
}

#[derive(Deserialize)]
struct HyphenLists {
    prefixes: Vec<String>,
}

#[derive(Deserialize)]
struct StarterList {
    words: Vec<String>,
}

/// Word lists the tokenizer and sentence splitter consult.
#[derive(Debug, Clone)]
pub struct Lexicon {
    never_final: HashSet<String>,
    maybe_final: HashSet<String>,
    before_number: HashSet<String>,
    hyphen_prefixes: HashSet<String>,
    sentence_starters: HashSet<String>,
}

impl Lexicon {
    /// The lexicon shipped with eventwire.
    pub fn bundled() -> Result<Self, LexiconError> {
        Self::parse(BUNDLED, "data/segment/lexicon.toml (bundled)")
    }

    /// Parses a lexicon in the format of `data/segment/lexicon.toml`; `origin` names it in errors.
    pub fn parse(toml_text: &str, origin: &str) -> Result<Self, LexiconError> {
        let file: LexiconFile = toml::from_str(toml_text).map_err(|source| LexiconError {
            origin: origin.to_string(),
            source,
        })?;
        let abbreviations = file.abbreviations;
        Ok(Lexicon {
            never_final: abbreviations
                .titles
                .into_iter()
                .chain(abbreviations.dates)
                .collect(),
            maybe_final: abbreviations.other.into_iter().collect(),
            before_number: abbreviations.numeric.into_iter().collect(),
            hyphen_prefixes: file.hyphen.prefixes.into_iter().collect(),
            sentence_starters: file.sentence_starters.words.into_iter().collect(),
        })
    }

    /// Whether `word` (including its final period) is an abbreviation, and of which kind.
    /// Unlisted single capitals ("J.") count as initials, unlisted dotted letter sequences
    /// ("U.N.", "a.m.") as abbreviations that may end a sentence.
    pub fn abbreviation(&self, word: &str) -> Option<AbbreviationKind> {
        if self.never_final.contains(word) || is_initial(word) {
            Some(AbbreviationKind::NeverFinal)
        } else if self.maybe_final.contains(word) || is_dotted_letters(word) {
            Some(AbbreviationKind::MaybeFinal)
        } else if self.before_number.contains(word) {
            Some(AbbreviationKind::BeforeNumber)
        } else {
            None
        }
    }

    /// True when a hyphen after `prefix` joins a word EWT keeps whole ("anti-war").
    pub fn is_hyphen_prefix(&self, prefix: &str) -> bool {
        self.hyphen_prefixes.contains(&prefix.to_lowercase())
    }

    /// True for capitalised function words that typically open a sentence.
    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.sentence_starters.contains(word)
    }
}

/// "J." — one capital letter and a period.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// "U.S.", "a.m.", "U.S.A." — two or more single letters each followed by a period.
fn is_dotted_letters(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars.len() >= 4
        && chars.len().is_multiple_of(2)
        && chars
            .chunks(2)
            .all(|pair| pair[0].is_alphabetic() && pair[1] == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicon_parses_and_classifies_news_abbreviations() {
        let lexicon = Lexicon::bundled().unwrap();
        assert_eq!(
            lexicon.abbreviation("Gen."),
            Some(AbbreviationKind::NeverFinal)
        );
        assert_eq!(
            lexicon.abbreviation("Jan."),
            Some(AbbreviationKind::NeverFinal)
        );
        assert_eq!(
            lexicon.abbreviation("J."),
            Some(AbbreviationKind::NeverFinal)
        );
        assert_eq!(
            lexicon.abbreviation("U.S."),
            Some(AbbreviationKind::MaybeFinal)
        );
        assert_eq!(
            lexicon.abbreviation("p.m."),
            Some(AbbreviationKind::MaybeFinal)
        );
        assert_eq!(
            lexicon.abbreviation("No."),
            Some(AbbreviationKind::BeforeNumber)
        );
        assert_eq!(lexicon.abbreviation("war."), None);
        assert!(lexicon.is_hyphen_prefix("Anti"));
        assert!(!lexicon.is_hyphen_prefix("business"));
    }

    #[test]
    fn malformed_lexicon_names_its_origin() {
        let err = Lexicon::parse("[abbreviations]\ntitles = 3", "my.toml").unwrap_err();
        assert!(
            err.to_string().starts_with("segment lexicon my.toml:"),
            "{err}"
        );
    }
}
