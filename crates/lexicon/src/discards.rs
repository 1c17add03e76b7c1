//! The discard list (`Phoenix.discards.txt`): phrases that mark a sentence, or with `+` a whole
//! story, as not to be coded (sports, entertainment, history).

use crate::phrase::Phrase;
use crate::source::{source_lines, Diagnostics, Provenance};

/// One discard phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Discard {
    /// Consecutive words.
    pub phrase: Phrase,
    /// `+PHRASE`: the whole story is not coded, not just the sentence.
    pub whole_story: bool,
    /// The last word may be the start of a longer word (`BASEBALL` also matches `baseballs`);
    /// `false` when the phrase ends with `_`: it must end at a word boundary.
    pub stem: bool,
    pub provenance: Provenance,
}

/// Parses a PETRARCH discard file.
pub(crate) fn parse_discards(
    file: &str,
    text: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<Discard> {
    let mut discards = Vec::new();
    for line in source_lines(file, text) {
        let content = line.content.trim();
        let (text, whole_story) = match content.strip_prefix('+') {
            Some(rest) => (rest.trim(), true),
            None => (content, false),
        };
        match Phrase::parse(text) {
            Some(phrase) => discards.push(Discard {
                phrase: Phrase::from_words(phrase.words),
                whole_story,
                stem: !text.ends_with('_'),
                provenance: line.provenance,
            }),
            None => diagnostics.report(&line.provenance, "discard line without a phrase"),
        }
    }
    discards
}

/// A preposition of the preposition list.
#[derive(Debug, Clone, PartialEq)]
pub struct Preposition {
    /// Lower case.
    pub word: String,
    pub provenance: Provenance,
}

/// Parses a preposition list (`Phoenix.prepositions.txt`): one word a line.
pub(crate) fn parse_prepositions(
    file: &str,
    text: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<Preposition> {
    let mut prepositions = Vec::new();
    for line in source_lines(file, text) {
        let word = line.content.trim();
        if word.contains(char::is_whitespace) {
            diagnostics.report(&line.provenance, format!("{word:?} is not one word"));
        } else {
            prepositions.push(Preposition {
                word: word.to_lowercase(),
                provenance: line.provenance,
            });
        }
    }
    prepositions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_and_sentence_discards_stems_and_whole_words() {
        let text = "# discards\n+ACADEMY AWARD   # LRP 08 Mar 2004 ;LRP\nBASEBALL\nGROUP A_\n+ \n";
        let mut diagnostics = Diagnostics::default();
        let discards = parse_discards("test.discards.txt", text, &mut diagnostics);
        assert_eq!(discards.len(), 3);
        assert!(discards[0].whole_story && discards[0].stem);
        assert_eq!(discards[0].phrase.to_string(), "academy_award");
        assert!(!discards[1].whole_story);
        assert!(!discards[2].stem);
        assert_eq!(discards[2].provenance.to_string(), "test.discards.txt:4");
        assert_eq!(
            diagnostics.0[0].to_string(),
            "test.discards.txt:5: discard line without a phrase"
        );
    }

    #[test]
    fn prepositions_are_single_words() {
        let mut diagnostics = Diagnostics::default();
        let words = parse_prepositions("p.txt", "abaft\nAboard\nin front\n", &mut diagnostics);
        let words: Vec<&str> = words.iter().map(|p| p.word.as_str()).collect();
        assert_eq!(words, ["abaft", "aboard"]);
        assert_eq!(
            diagnostics.0[0].to_string(),
            "p.txt:3: \"in front\" is not one word"
        );
    }
}
