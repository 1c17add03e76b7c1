//! Finding who speaks and to whom around a speech verb, on the word level.
//!
//! English news attributes speech in a handful of shapes: a subject before the verb ("Trump told",
//! "he said", "Keith Kellogg, a retired general, said"), an inverted subject after it ("said
//! Putin"), the subject of the main clause for a coordinated or participle verb ("Trump … but
//! insisted", "…, arguing that"), and "according to X". The phrases found here are mapped to actors
//! through the actors stage's mentions by the caller.

use crate::lexicon::{Lexicon, WordClass};
use crate::text::Text;
use eventwire_model::Span;

/// Longest speaker or audience phrase, in words.
const MAX_PHRASE_WORDS: usize = 7;

/// A speech verb occurrence: the word index where it starts, its surface form, lemma and span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeechVerb {
    pub word: usize,
    /// Index of the first word after the verb (phrase).
    pub next: usize,
    pub form: String,
    pub lemma: String,
    pub span: Span,
    /// "according to X": the speaker follows the marker.
    pub is_source_marker: bool,
}

impl SpeechVerb {
    /// True for "-ing" forms, whose subject is the main clause's ("…, arguing that").
    fn is_participle(&self) -> bool {
        self.form.ends_with("ing")
    }
}

/// The speech verb or source marker starting at word `i`, if any.
pub fn speech_verb_at(text: &Text, lexicon: &Lexicon, i: usize) -> Option<SpeechVerb> {
    if let Some(marker) = lexicon
        .source_markers()
        .iter()
        .find(|m| matches_words(text, i, m))
    {
        let last = i + marker.len() - 1;
        return Some(SpeechVerb {
            word: i,
            next: last + 1,
            form: marker.join(" "),
            lemma: marker.join(" "),
            span: Span::new(text.words[i].span.start, text.words[last].span.end),
            is_source_marker: true,
        });
    }
    let lemma = lexicon.speech_lemma(text.lower(i))?;
    if !is_verb_use(text, lexicon, i, lemma) {
        return None;
    }
    Some(SpeechVerb {
        word: i,
        next: i + 1,
        form: text.lower(i).to_string(),
        lemma: lemma.to_string(),
        span: text.words[i].span,
        is_source_marker: false,
    })
}

/// True when the speech-verb form at word `i` is used as a verb: not capitalised (a verb inside
/// a name: "the United States"), not tagged as a noun or adjective (unless the tag is a slip, see
/// [`is_participle_tagged_noun`]), and — before tagging — not a bare or "-s" form right after a
/// determiner ("the report", "its claims").
fn is_verb_use(text: &Text, lexicon: &Lexicon, i: usize, lemma: &str) -> bool {
    if text.is_capitalized(i) {
        return false;
    }
    let after_determiner = i > 0 && lexicon.is(WordClass::Determiner, text.lower(i - 1));
    if let Some(tag) = text.upos(i) {
        let is_nominal = matches!(tag, "NOUN" | "PROPN" | "ADJ" | "NUM");
        return !is_nominal || (!after_determiner && is_participle_tagged_noun(text, i));
    }
    let form = text.lower(i);
    let doubles_as_noun = form == lemma || form.strip_suffix('s') == Some(lemma);
    !(doubles_as_noun && after_determiner)
}

/// Taggers slip on absolute participles ("the government recommending “online translation
/// tools”" → NOUN): an "-ing" form right before quotation marks or "that" is a verb.
fn is_participle_tagged_noun(text: &Text, i: usize) -> bool {
    let introduces =
        i + 1 < text.words.len() && (text.is_opening_mark(i + 1) || text.lower(i + 1) == "that");
    text.lower(i).ends_with("ing") && introduces
}

/// True when the words from `i` on are `phrase` (lower case).
pub fn matches_words(text: &Text, i: usize, phrase: &[String]) -> bool {
    i + phrase.len() <= text.words.len()
        && phrase
            .iter()
            .enumerate()
            .all(|(k, w)| text.lower(i + k) == w)
}

/// The speaker phrase of `verb`, looking no further back than word `lo` (the sentence start).
pub fn speaker_of(text: &Text, lexicon: &Lexicon, verb: &SpeechVerb, lo: usize) -> Option<Span> {
    if verb.is_source_marker {
        return phrase_after(text, lexicon, verb.next);
    }
    subject_before(text, lexicon, verb, lo).or_else(|| phrase_after(text, lexicon, verb.next))
}

/// The subject standing before the verb.
fn subject_before(text: &Text, lexicon: &Lexicon, verb: &SpeechVerb, lo: usize) -> Option<Span> {
    let j = (lo..verb.word)
        .rev()
        .find(|&j| !is_skippable_before_verb(text, lexicon, j))?;
    let word = text.lower(j);
    if lexicon.is(WordClass::Pronoun, word) {
        return Some(text.words[j].span);
    }
    let subject = match word {
        // "thanked Trump for the “…” and said Kyiv was ready": a coordinated verb's subject is
        // the main clause's, which may stand before the quote that bounds `lo`.
        "and" | "but" | "or" => {
            let sentence = text.sentence_of(text.words[verb.word].span.start);
            main_clause_speaker(text, lexicon, verb, text.word_from(sentence.start).min(lo))
        }
        "," if verb.is_participle() => main_clause_speaker(text, lexicon, verb, lo),
        "," => subject_around_apposition(text, lexicon, j, lo),
        _ if text.words[j].is_punct || stops_phrase(text, lexicon, j) => None,
        _ => phrase_ending_at(text, lexicon, j, lo),
    };
    // "defended the record whilst promising …": a participle after a conjunction is the main
    // clause's.
    subject.or_else(|| {
        verb.is_participle()
            .then(|| main_clause_speaker(text, lexicon, verb, lo))
            .flatten()
    })
}

/// The subject of a verb after the comma at word `comma` that closes an apposition: before it
/// ("Keith Kellogg, a retired American general …, said"), or the name inside it when a
/// description comes first ("The secretary general of the conference, Nunzio Galantino, has
/// called") or what comes first is no phrase ("… (Italian Episcopal Conference), Nunzio …").
fn subject_around_apposition(
    text: &Text,
    lexicon: &Lexicon,
    comma: usize,
    lo: usize,
) -> Option<Span> {
    let opening = (lo..comma).rev().find(|&k| text.word(k) == ",")?;
    let before = phrase_ending_at(text, lexicon, opening.checked_sub(1)?, lo);
    let inside = phrase_ending_at(text, lexicon, comma.checked_sub(1)?, opening + 1);
    let is_description = |phrase: Span| {
        lexicon.is(
            WordClass::Determiner,
            text.lower(text.word_from(phrase.start)),
        )
    };
    let is_name = |phrase: Span| {
        text.words_in(phrase)
            .all(|k| text.is_capitalized(k) || text.words[k].is_punct)
    };
    match (before, inside) {
        (Some(b), Some(i)) if is_description(b) && is_name(i) => Some(i),
        (None, inside) => inside,
        (before, _) => before,
    }
}

/// The speaker of a coordinated or participle speech verb: that of an earlier speech verb in the
/// sentence ("he said, adding that …", "dismissed …, stating that …"), else the sentence subject.
fn main_clause_speaker(
    text: &Text,
    lexicon: &Lexicon,
    verb: &SpeechVerb,
    lo: usize,
) -> Option<Span> {
    let earlier = (lo..verb.word)
        .rev()
        .filter_map(|k| speech_verb_at(text, lexicon, k))
        .find(|v| !v.is_participle() && !v.is_source_marker);
    match earlier {
        Some(earlier) => speaker_of(text, lexicon, &earlier, lo),
        None => sentence_subject(text, lexicon, lo),
    }
}

fn is_skippable_before_verb(text: &Text, lexicon: &Lexicon, j: usize) -> bool {
    let word = text.lower(j);
    lexicon.is(WordClass::SubjectSkip, word) || (word.ends_with("ly") && !text.is_capitalized(j))
}

/// The noun phrase that ends at word `end`, reaching back to a determiner, punctuation or a
/// closed-class word, and no further than `lo`.
fn phrase_ending_at(text: &Text, lexicon: &Lexicon, end: usize, lo: usize) -> Option<Span> {
    if end < lo || ends_phrase(text, lexicon, end) {
        return None;
    }
    let mut start = end;
    while start > lo && end - start + 1 < MAX_PHRASE_WORDS {
        let prev = start - 1;
        let word = text.lower(prev);
        if lexicon.is(WordClass::Determiner, word) {
            start = prev;
            break;
        }
        if ends_phrase(text, lexicon, prev) {
            break;
        }
        start = prev;
    }
    Some(Span::new(
        text.words[start].span.start,
        text.words[end].span.end,
    ))
}

/// True when word `k` cannot be inside a noun phrase: punctuation other than an abbreviation's
/// period ("U.S. President"), or a closed-class word.
fn ends_phrase(text: &Text, lexicon: &Lexicon, k: usize) -> bool {
    if text.words[k].is_punct {
        return text.word(k) != "." || text.is_terminal(k, lexicon);
    }
    stops_phrase(text, lexicon, k) || is_tagged_outside_noun_phrase(text, k)
}

/// A lower-case word the tagger marks as a verb, adposition or conjunction ("Waters pointed out
/// …") cannot be part of a noun phrase.
fn is_tagged_outside_noun_phrase(text: &Text, k: usize) -> bool {
    !text.is_capitalized(k)
        && text
            .upos(k)
            .is_some_and(|tag| matches!(tag, "VERB" | "AUX" | "ADP" | "SCONJ" | "CCONJ" | "PART"))
}

/// Closed-class words, pronouns and lower-case speech verbs end a phrase; a capitalised verb
/// form is part of a name ("the United States").
fn stops_phrase(text: &Text, lexicon: &Lexicon, k: usize) -> bool {
    let word = text.lower(k);
    lexicon.is(WordClass::PhraseStop, word)
        || lexicon.is(WordClass::Pronoun, word)
        || (lexicon.is_inflected_speech_verb(word) && !text.is_capitalized(k))
}

/// The noun phrase starting at word `start`: an optional determiner, then words up to
/// punctuation or a closed-class word.
pub fn phrase_after(text: &Text, lexicon: &Lexicon, start: usize) -> Option<Span> {
    let n = text.words.len();
    if start < n && lexicon.is(WordClass::Pronoun, text.lower(start)) {
        return Some(text.words[start].span);
    }
    if start >= n || ends_phrase(text, lexicon, start) {
        return None;
    }
    let first = start + usize::from(lexicon.is(WordClass::Determiner, text.lower(start)));
    // A determiner after the first word opens the next phrase ("told Sky News any process …").
    let end = (first..n.min(first + MAX_PHRASE_WORDS))
        .take_while(|&k| {
            !ends_phrase(text, lexicon, k) && !lexicon.is(WordClass::Determiner, text.lower(k))
        })
        .last()?;
    Some(Span::new(
        text.words[start].span.start,
        text.words[end].span.end,
    ))
}

/// The subject of the sentence whose first word is `lo`: the phrase opening it, after an
/// introductory phrase that ends at the first comma ("In a recent interview …, Putin …").
fn sentence_subject(text: &Text, lexicon: &Lexicon, lo: usize) -> Option<Span> {
    let first = (lo..text.words.len()).find(|&k| !text.is_opening_mark(k))?;
    let start = if lexicon.is(WordClass::IntroWord, text.lower(first)) {
        (first..text.words.len())
            .take_while(|&k| !text.is_terminal(k, lexicon))
            .find(|&k| text.word(k) == ",")?
            + 1
    } else {
        first
    };
    phrase_after(text, lexicon, start)
}

/// The audience of a statement: the object of "told" or the phrase after a cue like "interview
/// with", searched in `words`.
pub fn audience(
    text: &Text,
    lexicon: &Lexicon,
    verb: &SpeechVerb,
    words: std::ops::Range<usize>,
) -> Option<Span> {
    if lexicon.takes_audience_object(&verb.lemma) {
        if let Some(object) = phrase_after(text, lexicon, verb.next) {
            if !lexicon.is(WordClass::Pronoun, &text.slice(object).to_lowercase()) {
                return Some(object);
            }
        }
    }
    words.clone().find_map(|i| {
        let cue = lexicon
            .audience_cues()
            .iter()
            .find(|cue| matches_words(text, i, cue))?;
        phrase_after(text, lexicon, i + cue.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventwire_model::{Article, ArticleMeta};

    /// The speaker phrase of the first speech verb in `sentence`.
    fn speaker(sentence: &str) -> Option<String> {
        speaker_of_verb(sentence, "")
    }

    /// The speaker phrase of the first speech verb in `sentence` written `form` (any when empty).
    fn speaker_of_verb(sentence: &str, form: &str) -> Option<String> {
        let article = Article::new("t", sentence, ArticleMeta::default());
        let lexicon = Lexicon::bundled().unwrap();
        let text = Text::new(&article, &lexicon);
        let verb = (0..text.words.len())
            .filter_map(|i| speech_verb_at(&text, &lexicon, i))
            .find(|v| form.is_empty() || v.form == form)?;
        speaker_of(&text, &lexicon, &verb, 0).map(|s| text.slice(s).to_string())
    }

    /// The speech verbs of `sentence`, with the given UPOS tags on its words (none: untagged).
    fn verbs(sentence: &str, tags: &[&str]) -> Vec<String> {
        let mut article = Article::new("t", sentence, ArticleMeta::default());
        let lexicon = Lexicon::bundled().unwrap();
        let spans: Vec<Span> = Text::new(&article, &lexicon)
            .words
            .iter()
            .map(|w| w.span)
            .collect();
        article.tokens = spans
            .iter()
            .zip(tags)
            .map(|(&span, tag)| eventwire_model::Token {
                span,
                upos: tag.to_string(),
                ..Default::default()
            })
            .collect();
        let text = Text::new(&article, &lexicon);
        (0..text.words.len())
            .filter_map(|i| speech_verb_at(&text, &lexicon, i))
            .map(|v| v.form)
            .collect()
    }

    #[test]
    fn nouns_and_names_are_not_speech_verbs() {
        let sentence = "Media reports say the United States will comment.";
        assert_eq!(verbs(sentence, &[]), ["reports", "say", "comment"]);
        let tags = [
            "NOUN", "NOUN", "VERB", "DET", "PROPN", "PROPN", "AUX", "VERB", "PUNCT",
        ];
        assert_eq!(verbs(sentence, &tags), ["say", "comment"]);
        // Untagged, a bare or "-s" form after a determiner is a noun.
        assert_eq!(
            verbs("The report was denied, he said.", &[]),
            ["denied", "said"]
        );
        assert_eq!(verbs("The report says its claims hold.", &[]), ["says"]);
    }

    #[test]
    fn an_ing_form_tagged_noun_before_a_quote_is_still_a_verb() {
        let sentence = "the government recommending \"tools\" and a warning \"now\"";
        let tags = [
            "DET", "NOUN", "NOUN", "PUNCT", "NOUN", "PUNCT", "CCONJ", "DET", "NOUN", "PUNCT",
            "ADV", "PUNCT",
        ];
        assert_eq!(verbs(sentence, &tags), ["recommending"]);
    }

    #[test]
    fn subject_before_the_verb() {
        assert_eq!(
            speaker("On January 31, U.S. President Donald Trump stated that they met.").as_deref(),
            Some("U.S. President Donald Trump")
        );
        assert_eq!(
            speaker("The Russian president has repeatedly warned that it failed.").as_deref(),
            Some("The Russian president")
        );
        assert_eq!(speaker("Later he said it was over.").as_deref(), Some("he"));
    }

    #[test]
    fn subject_before_an_apposition() {
        assert_eq!(
            speaker("Keith Kellogg, a retired American general, said on Monday that talks began.")
                .as_deref(),
            Some("Keith Kellogg")
        );
    }

    #[test]
    fn a_name_in_apposition_after_a_description_is_the_subject() {
        assert_eq!(
            speaker("The head of the conference, Nunzio Galantino, has called it a disgrace.")
                .as_deref(),
            Some("Nunzio Galantino")
        );
        assert_eq!(
            speaker("The head of CEI (a church body), Nunzio Galantino, said it was wrong.")
                .as_deref(),
            Some("Nunzio Galantino")
        );
    }

    #[test]
    fn inverted_subject_after_the_verb() {
        assert_eq!(
            speaker("“We trust him,” said Putin.").as_deref(),
            Some("Putin")
        );
        assert_eq!(
            speaker("“No,” said the foreign minister on Friday.").as_deref(),
            Some("the foreign minister")
        );
    }

    #[test]
    fn main_clause_subject_for_coordinated_and_participle_verbs() {
        assert_eq!(
            speaker("Trump did not specify who talked but insisted that they are talking.")
                .as_deref(),
            Some("Trump")
        );
        assert_eq!(
            speaker("In an interview on Sunday, the senator criticized the plan, arguing that it fails.")
                .as_deref(),
            Some("the senator")
        );
    }

    #[test]
    fn a_participle_after_a_quote_shares_the_speaker_of_the_verb_before_it() {
        assert_eq!(
            speaker_of_verb(
                "“We are ready,” he said, adding that talks start soon.",
                "adding"
            )
            .as_deref(),
            Some("he")
        );
    }

    #[test]
    fn according_to_takes_the_phrase_after_it() {
        assert_eq!(
            speaker("According to Ukrainian officials, the talks failed.").as_deref(),
            Some("Ukrainian officials")
        );
    }
}
