//! The field's verb dictionary (PETRARCH2 `CAMEO.2.0.txt`, read by eventwire-lexicon) matched on
//! the dependency parse, the way UniversalPetrarch reads UD parses: a verb of the sentence is
//! looked up by its form (else its lemma); its block's patterns are tried on the verb's
//! dependents (object, particle, preposition + object heads, synset members; the subject for
//! words before the verb); the pattern naming the most items wins, else the verb's own code.
//!
//! What comes out is an ordinary events-stage [`Pattern`] on the verb's words, so that modality,
//! quote scope, roles and dating are those of every other pattern.

use crate::cameo::CameoCode;
use crate::resources::{Frame, Modality, Pattern};
use crate::view::SentenceView;
use eventwire_lexicon::{Lexicon, PatternItem, Term, Verb, VerbForm};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// Relations of a verb's dependents that the words after `*` name (object, particle, clausal
/// complement, the subject of a passive).
const OBJECT_RELATIONS: &[&str] = &[
    "obj",
    "iobj",
    "nsubj:pass",
    "compound:prt",
    "xcomp",
    "ccomp",
    "advmod",
];
/// Relations of prepositional dependents, with the relations of their preposition word.
const OBLIQUE_RELATIONS: &[&str] = &["obl", "obl:agent", "nmod", "advcl", "obl:tmod"];
const CASE_RELATIONS: &[&str] = &["case", "mark"];
/// Relations of the subject, which the words before `*` name.
const SUBJECT_RELATIONS: &[&str] = &["nsubj", "nsubj:pass", "csubj"];

/// The verb dictionary with its synsets indexed by name.
#[derive(Debug, Clone)]
pub struct VerbDictionary {
    lexicon: Arc<Lexicon>,
    /// Synset name → the word sequences of its members' forms.
    synsets: HashMap<String, Vec<Vec<String>>>,
    /// Verb block name → indexes into the lexicon's patterns. By name, not block index: a block
    /// read from several files (verbs in one, patterns in another) may have several indexes.
    block_patterns: HashMap<String, Vec<usize>>,
}

/// A dictionary verb found on the parse, and the pattern it takes there.
#[derive(Debug, Clone)]
pub struct VerbHit {
    pub words: Range<usize>,
    pub pattern: Pattern,
}

impl VerbDictionary {
    pub fn new(lexicon: Arc<Lexicon>) -> Self {
        let synsets = lexicon
            .verbs
            .synsets
            .iter()
            .map(|synset| {
                let forms = synset
                    .members
                    .iter()
                    .flat_map(|m| m.forms.iter().map(|f| f.words.clone()))
                    .collect();
                (synset.name.clone(), forms)
            })
            .collect();
        let mut block_patterns: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, pattern) in lexicon.verbs.patterns.iter().enumerate() {
            let block = &lexicon.verbs.blocks[pattern.block].name;
            block_patterns.entry(block.clone()).or_default().push(index);
        }
        VerbDictionary {
            lexicon,
            synsets,
            block_patterns,
        }
    }

    /// The dictionary's events-stage patterns on the verbs of one parsed sentence, in word order.
    pub fn hits(
        &self,
        view: &SentenceView,
        cameo: &HashMap<String, CameoCode>,
        modality: &Modality,
    ) -> Vec<VerbHit> {
        let skipped = |code: &str| {
            modality
                .dictionary_skipped_roots
                .iter()
                .any(|r| code.starts_with(r.as_str()))
        };
        verb_words(view)
            .filter_map(|w| self.hit_at(view, w, cameo))
            .filter(|hit| !skipped(&hit.pattern.cameo))
            .collect()
    }

    fn hit_at(
        &self,
        view: &SentenceView,
        verb: usize,
        cameo: &HashMap<String, CameoCode>,
    ) -> Option<VerbHit> {
        let word = &view.words[verb];
        let mut candidates: Vec<_> = self.lexicon.verbs_with_form(&word.text).collect();
        if candidates.is_empty() && !word.lemma.is_empty() {
            candidates = self.lexicon.verbs_with_form(&word.lemma).collect();
        }
        let (found, words) = candidates.into_iter().find_map(|found| {
            let words = form_words(view, verb, found.form)?;
            Some((found, words))
        })?;
        let (code, origin) = self.code_of(view, verb, found.verb)?;
        if !cameo.contains_key(code) {
            return None;
        }
        let text: Vec<&str> = words.clone().map(|w| view.words[w].text.as_str()).collect();
        Some(VerbHit {
            pattern: Pattern {
                phrase: crate::phrase::Phrase::parse(&text.join(" "))?,
                cameo: code.to_string(),
                frame: Frame::Svo,
                origin,
                governed: true,
            },
            words,
        })
    }

    /// The code and the dictionary line behind it: the best pattern of the verb's block that the
    /// parse satisfies, else the verb's own code. A matching null pattern (`[---]`) means no event.
    fn code_of<'a>(
        &'a self,
        view: &SentenceView,
        verb: usize,
        entry: &'a Verb,
    ) -> Option<(&'a str, String)> {
        let mut best: Option<(usize, &eventwire_lexicon::Pattern)> = None;
        let block = &self.lexicon.block_of(entry).name;
        let patterns = self.block_patterns.get(block).into_iter().flatten();
        for pattern in patterns.map(|&i| &self.lexicon.verbs.patterns[i]) {
            if let Some(score) = self.pattern_score(view, verb, pattern) {
                if best.is_none_or(|(top, _)| score > top) {
                    best = Some((score, pattern));
                }
            }
        }
        match best {
            Some((_, pattern)) => Some((pattern.event_code()?, pattern.provenance.to_string())),
            None => Some((
                self.lexicon.verbs.code_of(entry)?,
                entry.provenance.to_string(),
            )),
        }
    }

    /// How many words of the pattern the verb's dependents name, if they name them all.
    fn pattern_score(
        &self,
        view: &SentenceView,
        verb: usize,
        pattern: &eventwire_lexicon::Pattern,
    ) -> Option<usize> {
        let mut score = 0;
        for item in &pattern.before {
            score += self.item_score(view, verb, item, SUBJECT_RELATIONS)?;
        }
        for item in &pattern.after {
            score += self.item_score(view, verb, item, OBJECT_RELATIONS)?;
        }
        // A pattern of markers only (`- * +`) says nothing the verb's own code does not.
        (score > 0).then_some(score)
    }

    /// The words one item names among the verb's dependents of `relations` (0 for markers).
    fn item_score(
        &self,
        view: &SentenceView,
        verb: usize,
        item: &PatternItem,
        relations: &[&str],
    ) -> Option<usize> {
        match item {
            PatternItem::Noun(term) => dependents(view, verb, relations)
                .any(|d| self.term_at(view, d, term))
                .then_some(1),
            PatternItem::NounPhrase(terms) => dependents(view, verb, relations)
                .any(|d| self.phrase_at(view, d, terms))
                .then_some(terms.len()),
            PatternItem::Preposition {
                prepositions,
                object,
            } => self.oblique_score(view, verb, prepositions, object),
            PatternItem::Source
            | PatternItem::Target
            | PatternItem::Skip
            | PatternItem::Compound => Some(0),
        }
    }

    /// A prepositional dependent of the verb (or of its object) led by one of `prepositions`
    /// whose head the `object` items name.
    fn oblique_score(
        &self,
        view: &SentenceView,
        verb: usize,
        prepositions: &[String],
        object: &[PatternItem],
    ) -> Option<usize> {
        let objects: Vec<usize> = dependents(view, verb, &["obj"]).collect();
        let heads = std::iter::once(verb).chain(objects);
        let obliques: Vec<usize> = heads
            .flat_map(|h| dependents(view, h, OBLIQUE_RELATIONS).collect::<Vec<_>>())
            .filter(|&o| {
                dependents(view, o, CASE_RELATIONS)
                    .any(|c| prepositions.iter().any(|p| view.words[c].text == *p))
            })
            .collect();
        obliques.into_iter().find_map(|o| {
            let mut score = 1;
            for item in object {
                score += match item {
                    PatternItem::Noun(term) => self.term_at(view, o, term).then_some(1)?,
                    PatternItem::NounPhrase(terms) => {
                        self.phrase_at(view, o, terms).then_some(terms.len())?
                    }
                    _ => 0,
                };
            }
            Some(score)
        })
    }

    /// Whether the word at `w` is the term (a word, or the last word of a synset member whose
    /// other words stand right before it).
    fn term_at(&self, view: &SentenceView, w: usize, term: &Term) -> bool {
        match term {
            Term::Word(word) => {
                let words: Vec<String> = word.split([' ', '_']).map(str::to_string).collect();
                ends_at(view, w, &words)
            }
            Term::Synset(name) => self
                .synsets
                .get(name)
                .is_some_and(|forms| forms.iter().any(|f| ends_at(view, w, f))),
        }
    }

    /// Whether `terms` end at the word `w`, each term on one word, in order.
    fn phrase_at(&self, view: &SentenceView, w: usize, terms: &[Term]) -> bool {
        let Some(start) = (w + 1).checked_sub(terms.len()) else {
            return false;
        };
        terms
            .iter()
            .enumerate()
            .all(|(i, term)| self.term_at(view, start + i, term))
    }
}

/// Relations by which a target's word hangs on the verb, directly or through the noun phrase it
/// is part of (object, indirect and prepositional object, coordination, apposition, modifiers).
const TARGET_PATH: &[&str] = &[
    "obj",
    "iobj",
    "obl",
    "nmod",
    "conj",
    "appos",
    "compound",
    "amod",
    "flat",
    "nmod:poss",
];

/// Whether word `w` hangs on `verb` through [`TARGET_PATH`] relations only (at most four steps;
/// subtypes such as `obl:agent` count as their base relation).
pub fn governed_by(view: &SentenceView, verb: usize, mut w: usize) -> bool {
    for _ in 0..4 {
        let Some((head, relation)) = view.head_of(w) else {
            return false;
        };
        let base = relation.split(':').next().unwrap_or(relation);
        if !(TARGET_PATH.contains(&relation) || TARGET_PATH.contains(&base)) {
            return false;
        }
        if head == verb {
            return true;
        }
        w = head;
    }
    false
}

/// The words the parse tags as verbs.
pub fn verb_words<'v>(view: &'v SentenceView) -> impl Iterator<Item = usize> + 'v {
    (0..view.words.len()).filter(|&w| view.tag(w).starts_with("VB"))
}

/// The dependents of `head` with a relation in `relations`.
fn dependents<'v>(
    view: &'v SentenceView,
    head: usize,
    relations: &'v [&str],
) -> impl Iterator<Item = usize> + 'v {
    (0..view.words.len()).filter(move |&w| {
        view.head_of(w)
            .is_some_and(|(h, rel)| h == head && relations.contains(&rel))
    })
}

/// Whether `words` stand in the sentence ending at word `w` (text or lemma).
fn ends_at(view: &SentenceView, w: usize, words: &[String]) -> bool {
    let Some(start) = (w + 1).checked_sub(words.len()) else {
        return false;
    };
    words
        .iter()
        .enumerate()
        .all(|(i, word)| view.words[start + i].is(word))
}

/// The words of a (possibly multi-word) verb form around the verb word, if they are there
/// (`ask for`: "asked" followed by "for").
fn form_words(view: &SentenceView, verb: usize, form: &VerbForm) -> Option<Range<usize>> {
    let start = verb.checked_sub(form.head)?;
    let end = start + form.words.len();
    if end > view.words.len() {
        return None;
    }
    form.words
        .iter()
        .enumerate()
        .all(|(i, word)| i == form.head || view.words[start + i].is(word))
        .then_some(start..end)
}
