//! Reported (indirect) speech: the content clause of a speech verb, kept as an indirect quote.
//!
//! Three news shapes are read:
//! - `X said [during … on January 7] that CLAUSE` (any speech verb, also "arguing that");
//! - `X said CLAUSE` without "that", when the clause opens with a pronoun, determiner or name
//!   and shows an auxiliary or modal soon after ("said the talks would resume");
//! - `According to X, CLAUSE` and `CLAUSE, according to X`;
//! - `CLAUSE, X said.` / `CLAUSE, said X.` in a sentence without quotation marks.
//!
//! A clause runs to the end of its sentence, a semicolon, or a comma followed by a word that
//! opens a new clause or apposition ("…, a claim he repeated").

use crate::lexicon::{Lexicon, WordClass};
use crate::marks::Marked;
use crate::speaker::{phrase_after, speaker_of, speech_verb_at, SpeechVerb};
use crate::text::Text;
use eventwire_model::Span;
use std::ops::Range;

/// How far after a speech verb its "that" may stand ("said during a press conference on
/// January 7 that").
const MAX_WORDS_BEFORE_THAT: usize = 10;
/// How far into a "that"-less clause its auxiliary may stand ("said the new defence minister would").
const MAX_WORDS_BEFORE_AUXILIARY: usize = 7;
/// Fewest words a sentence-initial clause needs to count as reported speech.
const MIN_FRONTED_CLAUSE_WORDS: usize = 3;

/// Who said something, with which verb, to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub verb: SpeechVerb,
    pub speaker: Option<Span>,
    pub audience: Option<Span>,
}

/// One reported statement: its content clause and attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reported {
    pub content: Span,
    pub attribution: Attribution,
}

/// Every reported statement in the text; speech verbs inside direct quotes are not the
/// article's attributions and are skipped.
pub fn reported_speech(text: &Text, lexicon: &Lexicon, direct: &[Marked]) -> Vec<Reported> {
    let inside_direct = |i: usize| direct.iter().any(|q| q.inner.contains(&text.words[i].span));
    let mut reported: Vec<Reported> = (0..text.words.len())
        .filter(|&i| !inside_direct(i))
        .filter_map(|i| speech_verb_at(text, lexicon, i))
        .filter_map(|verb| reported_by(text, lexicon, verb))
        .collect();
    // Two verbs can claim one clause ("the report states that …" when "report" is untagged):
    // the first, nearer the clause's subject, keeps it.
    let mut seen = std::collections::HashSet::new();
    reported.retain(|r| seen.insert(r.content));
    reported
}

/// The statement `verb` reports, if its sentence has one of the shapes above.
fn reported_by(text: &Text, lexicon: &Lexicon, verb: SpeechVerb) -> Option<Reported> {
    let sentence = text.words_in(text.sentence_of(text.words[verb.word].span.start));
    let content = if verb.is_source_marker {
        according_to_content(text, lexicon, &verb, sentence.clone())?
    } else {
        that_clause(text, lexicon, &verb, sentence.clone())
            .or_else(|| bare_clause(text, lexicon, &verb, sentence.clone()))
            .or_else(|| fronted_clause(text, lexicon, &verb, sentence.clone()))?
    };
    let speaker = speaker_of(text, lexicon, &verb, sentence.start);
    let audience = crate::speaker::audience(text, lexicon, &verb, sentence);
    Some(Reported {
        content,
        attribution: Attribution {
            verb,
            speaker,
            audience,
        },
    })
}

/// "stated that CLAUSE": the clause after a "that" close behind the verb.
fn that_clause(
    text: &Text,
    lexicon: &Lexicon,
    verb: &SpeechVerb,
    sentence: Range<usize>,
) -> Option<Span> {
    let window = verb.next..sentence.end.min(verb.next + MAX_WORDS_BEFORE_THAT);
    let that = window
        .take_while(|&k| {
            let blocks = text.words[k].is_punct && text.word(k) != ",";
            !blocks && (k == verb.next || speech_verb_at(text, lexicon, k).is_none())
        })
        .find(|&k| text.lower(k) == "that")?;
    clause(text, lexicon, that + 1, sentence.end)
}

/// "said the talks would resume": a clause right after the verb (and after the audience of
/// "told reporters he would …"), recognised by its subject-like first word and an auxiliary or
/// modal within a few words.
fn bare_clause(
    text: &Text,
    lexicon: &Lexicon,
    verb: &SpeechVerb,
    sentence: Range<usize>,
) -> Option<Span> {
    let start = if lexicon.takes_audience_object(&verb.lemma) {
        text.word_from(phrase_after(text, lexicon, verb.next)?.end)
    } else {
        verb.next
    };
    if start >= sentence.end {
        return None;
    }
    let first = text.lower(start);
    let opens_like_subject = !text.words[start].is_punct
        && (lexicon.is(WordClass::Pronoun, first)
            || lexicon.is(WordClass::Determiner, first)
            || text.is_capitalized(start));
    let window = start..sentence.end.min(start + MAX_WORDS_BEFORE_AUXILIARY);
    let has_auxiliary = window
        .take_while(|&k| !text.words[k].is_punct && text.lower(k) != "that")
        .any(|k| lexicon.is(WordClass::FiniteMarker, text.lower(k)));
    (opens_like_subject && has_auxiliary).then(|| clause(text, lexicon, start, sentence.end))?
}

/// "According to X, CLAUSE" or "CLAUSE, according to X".
fn according_to_content(
    text: &Text,
    lexicon: &Lexicon,
    marker: &SpeechVerb,
    sentence: Range<usize>,
) -> Option<Span> {
    let source = phrase_after(text, lexicon, marker.next)?;
    let after_source = text.word_from(source.end);
    let opens_sentence = marker.word == sentence.start
        || (marker.word > sentence.start && text.word(marker.word - 1) == ",");
    if after_source < sentence.end && text.word(after_source) == "," && opens_sentence {
        return clause(text, lexicon, after_source + 1, sentence.end);
    }
    fronted_span(text, marker.word, marker.span.start, sentence)
}

/// "CLAUSE, X said." — the attribution closes the sentence and the statement comes first.
fn fronted_clause(
    text: &Text,
    lexicon: &Lexicon,
    verb: &SpeechVerb,
    sentence: Range<usize>,
) -> Option<Span> {
    if sentence
        .clone()
        .any(|k| text.is_opening_mark(k) || text.is_closing_mark(k))
    {
        return None;
    }
    let speaker = speaker_of(text, lexicon, verb, sentence.start)?;
    let first = speaker.start.min(verb.span.start);
    let last = speaker.end.max(verb.span.end);
    let after = text.word_from(last);
    if after < sentence.end && !text.is_terminal(after, lexicon) {
        return None;
    }
    fronted_span(text, text.word_from(first), first, sentence)
}

/// The sentence's words before the comma that precedes word `attribution_word`.
fn fronted_span(
    text: &Text,
    attribution_word: usize,
    attribution_start: usize,
    sentence: Range<usize>,
) -> Option<Span> {
    let comma = attribution_word.checked_sub(1)?;
    let enough_words = comma >= sentence.start + MIN_FRONTED_CLAUSE_WORDS;
    (enough_words && text.word(comma) == "," && text.words[comma].span.end <= attribution_start)
        .then(|| {
            Span::new(
                text.words[sentence.start].span.start,
                text.words[comma].span.start,
            )
        })
}

/// The clause from word `from` to the end of its sentence (word `end`), a semicolon, or a comma
/// opening a new clause. A sentence-final period stays out unless quotation marks close after it.
fn clause(text: &Text, lexicon: &Lexicon, from: usize, end: usize) -> Option<Span> {
    if from >= end {
        return None;
    }
    let start = text.words[from].span.start;
    let mut stop = text.words[end - 1].span.end;
    for k in from..end {
        let word = text.word(k);
        let breaks_after_comma =
            word == "," && k + 1 < end && lexicon.is(WordClass::ClauseBreak, text.lower(k + 1));
        if word == ";" || breaks_after_comma {
            stop = text.words[k].span.start;
            break;
        }
        if text.is_terminal(k, lexicon) {
            let after = text.skip_closing_marks(k + 1, end);
            stop = if after > k + 1 {
                text.words[after - 1].span.end
            } else {
                text.words[k].span.start
            };
            break;
        }
    }
    let content = text.text[start..stop].trim_end_matches([',', ':', ' ']);
    (!content.is_empty()).then(|| Span::new(start, start + content.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::direct_quotes;
    use eventwire_model::{Article, ArticleMeta};

    /// (content, verb, speaker) of every reported statement in `text`.
    fn reported(text: &str) -> Vec<(String, String, Option<String>)> {
        let article = Article::new("t", text, ArticleMeta::default());
        let lexicon = Lexicon::bundled().unwrap();
        let view = Text::new(&article, &lexicon);
        let direct = direct_quotes(text, &view.paragraphs, |w| {
            lexicon.is(WordClass::Contraction, w)
        });
        reported_speech(&view, &lexicon, &direct)
            .into_iter()
            .map(|r| {
                (
                    view.slice(r.content).to_string(),
                    r.attribution.verb.form,
                    r.attribution.speaker.map(|s| view.slice(s).to_string()),
                )
            })
            .collect()
    }

    fn one(content: &str, verb: &str, speaker: &str) -> Vec<(String, String, Option<String>)> {
        vec![(content.into(), verb.into(), Some(speaker.into()))]
    }

    #[test]
    fn that_clause_after_a_time_phrase_ends_at_the_sentence() {
        assert_eq!(
            reported(
                "The envoy said during a press conference on May 2 that talks had begun. Later."
            ),
            one("talks had begun", "said", "The envoy")
        );
    }

    #[test]
    fn that_clause_stops_before_an_apposition_and_keeps_closing_quotes() {
        assert_eq!(
            reported(
                "Trump claimed that Russia would never have invaded Ukraine, a claim he repeated."
            ),
            one(
                "Russia would never have invaded Ukraine",
                "claimed",
                "Trump"
            )
        );
        assert_eq!(
            reported("The minister insisted that the sides are “already talking.” He left."),
            one(
                "the sides are “already talking.”",
                "insisted",
                "The minister"
            )
        );
    }

    #[test]
    fn clause_without_that_needs_a_subject_and_an_auxiliary() {
        assert_eq!(
            reported("The Kremlin said the talks would resume in Riyadh."),
            one("the talks would resume in Riyadh", "said", "The Kremlin")
        );
        assert_eq!(
            reported("Officials said they won’t attend."),
            one("they won’t attend", "said", "Officials")
        );
        assert!(reported("Putin praised Trump as a pragmatic man.").is_empty());
        assert!(reported("She denied the allegations in court.").is_empty());
        assert_eq!(
            reported("He told reporters he would stay."),
            one("he would stay", "told", "He")
        );
        assert!(reported("He told reporters at the White House.").is_empty());
    }

    #[test]
    fn according_to_before_and_after_the_clause() {
        assert_eq!(
            reported("According to Reuters, the convoy was hit twice."),
            one("the convoy was hit twice", "according to", "Reuters")
        );
        assert_eq!(
            reported("The convoy was hit twice, according to local officials."),
            one(
                "The convoy was hit twice",
                "according to",
                "local officials"
            )
        );
    }

    #[test]
    fn fronted_statement_with_the_attribution_at_the_end() {
        assert_eq!(
            reported("The ceasefire will hold until Friday, the spokesman said."),
            one(
                "The ceasefire will hold until Friday",
                "said",
                "the spokesman"
            )
        );
        assert_eq!(
            reported("The ceasefire will hold until Friday, said Ivan Petrov."),
            one(
                "The ceasefire will hold until Friday",
                "said",
                "Ivan Petrov"
            )
        );
    }

    #[test]
    fn speech_verbs_without_a_clause_and_inside_quotes_report_nothing() {
        assert!(reported("Trump promised to end the war within six months.").is_empty());
        assert!(reported("“I said that we would win,” he recalled.").is_empty());
    }
}
