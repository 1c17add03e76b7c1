//! The speech lexicon: speech verbs, attribution phrases and the closed word classes the
//! speaker finder needs, read from `data/quotes/lexicon.toml` (bundled at build time).

use serde::Deserialize;
use std::collections::{HashMap, HashSet};

/// The lexicon file as bundled; its header documents every list.
const LEXICON_TOML: &str = include_str!("../../../../data/quotes/lexicon.toml");
const LEXICON_PATH: &str = "data/quotes/lexicon.toml";

/// Why the bundled lexicon could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{path}: {source}")]
    Parse {
        path: &'static str,
        source: toml::de::Error,
    },
    #[error("{path}:{line}: {message}")]
    BadRow {
        path: &'static str,
        line: usize,
        message: String,
    },
    #[error("{path}: [roles] {role} names `{lemma}`, which is not a lemma in [verbs]")]
    UnknownLemma {
        path: &'static str,
        role: &'static str,
        lemma: String,
    },
}

#[derive(Deserialize)]
struct LexiconFile {
    verbs: HashMap<String, Vec<String>>,
    roles: Roles,
    phrases: Phrases,
    grammar: Grammar,
}

#[derive(Deserialize)]
struct Roles {
    continuation: Vec<String>,
    audience_object: Vec<String>,
    naming: Vec<String>,
}

#[derive(Deserialize)]
struct Phrases {
    source_markers: Vec<String>,
    audience_cues: Vec<String>,
    term_cues: Vec<String>,
}

/// The closed word lists of `[grammar]`; the file's header says what each is for.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Grammar {
    pronouns: HashSet<String>,
    person_pronouns: HashSet<String>,
    subject_skip: HashSet<String>,
    determiners: HashSet<String>,
    phrase_stops: HashSet<String>,
    intro_words: HashSet<String>,
    clause_breaks: HashSet<String>,
    abbreviations: HashSet<String>,
    contractions: HashSet<String>,
    finite_markers: HashSet<String>,
    first_second_person: HashSet<String>,
    passive_auxiliaries: HashSet<String>,
    question_words: HashSet<String>,
    question_verbs: HashSet<String>,
    colon_labels: HashSet<String>,
}

/// The loaded lexicon, with lookups by lower-cased word.
#[derive(Debug)]
pub struct Lexicon {
    /// Inflected form → lemma.
    verb_forms: HashMap<String, String>,
    continuation: HashSet<String>,
    audience_object: HashSet<String>,
    naming: HashSet<String>,
    /// Multi-word phrases, each split into lower-case words.
    source_markers: Vec<Vec<String>>,
    audience_cues: Vec<Vec<String>>,
    term_cues: Vec<Vec<String>>,
    grammar: Grammar,
}

/// A closed class of words from `[grammar]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    Pronoun,
    PersonPronoun,
    SubjectSkip,
    Determiner,
    PhraseStop,
    IntroWord,
    ClauseBreak,
    Abbreviation,
    Contraction,
    FiniteMarker,
    FirstSecondPerson,
    PassiveAuxiliary,
    QuestionWord,
    QuestionVerb,
    ColonLabel,
}

impl Lexicon {
    /// The lexicon bundled with the binary.
    pub fn bundled() -> Result<Self, LexiconError> {
        Self::parse(LEXICON_TOML, LEXICON_PATH)
    }

    /// Parses lexicon TOML; `path` names the source in errors.
    pub fn parse(source: &str, path: &'static str) -> Result<Self, LexiconError> {
        let file: LexiconFile =
            toml::from_str(source).map_err(|source| LexiconError::Parse { path, source })?;
        let verb_forms: HashMap<String, String> = file
            .verbs
            .iter()
            .flat_map(|(lemma, forms)| forms.iter().map(move |f| (f.to_lowercase(), lemma.clone())))
            .collect();
        let known_lemmas = |role: &'static str, lemmas: Vec<String>| match lemmas
            .iter()
            .find(|l| !file.verbs.contains_key(*l))
        {
            Some(lemma) => Err(LexiconError::UnknownLemma {
                path,
                role,
                lemma: lemma.clone(),
            }),
            None => Ok(lemmas.into_iter().collect::<HashSet<_>>()),
        };
        let continuation = known_lemmas("continuation", file.roles.continuation)?;
        let audience_object = known_lemmas("audience_object", file.roles.audience_object)?;
        let naming = known_lemmas("naming", file.roles.naming)?;
        Ok(Lexicon {
            verb_forms,
            continuation,
            audience_object,
            naming,
            source_markers: split_phrases(&file.phrases.source_markers),
            audience_cues: split_phrases(&file.phrases.audience_cues),
            term_cues: split_phrases(&file.phrases.term_cues),
            grammar: file.grammar,
        })
    }

    /// The lemma of a speech-verb form (`"told"` → `"tell"`).
    pub fn speech_lemma(&self, word: &str) -> Option<&str> {
        self.verb_forms.get(word).map(String::as_str)
    }

    pub fn is_continuation(&self, lemma: &str) -> bool {
        self.continuation.contains(lemma)
    }

    pub fn takes_audience_object(&self, lemma: &str) -> bool {
        self.audience_object.contains(lemma)
    }

    /// Verbs that attribute only a quote standing after them ("called the ruling “dangerous”").
    pub fn attributes_only_after(&self, lemma: &str) -> bool {
        self.naming.contains(lemma)
    }

    pub fn source_markers(&self) -> &[Vec<String>] {
        &self.source_markers
    }

    pub fn audience_cues(&self) -> &[Vec<String>] {
        &self.audience_cues
    }

    pub fn term_cues(&self) -> &[Vec<String>] {
        &self.term_cues
    }

    /// True for inflected speech-verb forms ("said", "states"); the bare lemma is left out
    /// because it doubles as a noun too often ("state television", "the report").
    pub fn is_inflected_speech_verb(&self, word: &str) -> bool {
        self.verb_forms.get(word).is_some_and(|lemma| lemma != word)
    }

    /// True when `word` (lower case) is in the `class` list; a curly apostrophe matches a
    /// straight one ("won’t" is "won't").
    pub fn is(&self, class: WordClass, word: &str) -> bool {
        let g = &self.grammar;
        let list = match class {
            WordClass::Pronoun => &g.pronouns,
            WordClass::PersonPronoun => &g.person_pronouns,
            WordClass::SubjectSkip => &g.subject_skip,
            WordClass::Determiner => &g.determiners,
            WordClass::PhraseStop => &g.phrase_stops,
            WordClass::IntroWord => &g.intro_words,
            WordClass::ClauseBreak => &g.clause_breaks,
            WordClass::Abbreviation => &g.abbreviations,
            WordClass::Contraction => &g.contractions,
            WordClass::FiniteMarker => &g.finite_markers,
            WordClass::FirstSecondPerson => &g.first_second_person,
            WordClass::PassiveAuxiliary => &g.passive_auxiliaries,
            WordClass::QuestionWord => &g.question_words,
            WordClass::QuestionVerb => &g.question_verbs,
            WordClass::ColonLabel => &g.colon_labels,
        };
        list.contains(word) || (word.contains('’') && list.contains(&word.replace('’', "'")))
    }
}

fn split_phrases(phrases: &[String]) -> Vec<Vec<String>> {
    phrases
        .iter()
        .map(|p| p.split_whitespace().map(str::to_lowercase).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicon_loads_and_maps_forms_to_lemmas() {
        let lex = Lexicon::bundled().unwrap();
        assert_eq!(lex.speech_lemma("told"), Some("tell"));
        assert_eq!(lex.speech_lemma("arguing"), Some("argue"));
        assert_eq!(lex.speech_lemma("talked"), None);
        assert!(lex.is_continuation("add"));
        assert!(lex.takes_audience_object("tell"));
        assert!(lex.is(WordClass::FiniteMarker, "won’t"));
        assert!(!lex.is(WordClass::Pronoun, "the"));
    }

    #[test]
    fn a_misspelt_grammar_list_is_an_error() {
        let bad = LEXICON_TOML.replace("intro_words =", "intro_wrds =");
        let err = Lexicon::parse(&bad, "test.toml").unwrap_err().to_string();
        assert!(err.contains("intro_wrds"), "{err}");
    }

    #[test]
    fn a_role_naming_an_unknown_lemma_is_an_error_naming_the_file() {
        let bad = LEXICON_TOML.replace(
            "continuation = [\"add\", \"continue\"]",
            "continuation = [\"mumble\"]",
        );
        let err = Lexicon::parse(&bad, "test.toml").unwrap_err().to_string();
        assert!(err.contains("test.toml") && err.contains("mumble"), "{err}");
    }

    #[test]
    fn malformed_toml_is_an_error_naming_the_file() {
        let err = Lexicon::parse("[verbs\n", "broken.toml")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("broken.toml"), "{err}");
    }
}
