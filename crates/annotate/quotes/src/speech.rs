//! Speech or term: whether quotation marks quote someone.
//!
//! News puts quotation marks around more than speech: scare quotes (grown into a “support
//! movement”), names and titles (a robot named “Robogee”, the website “The Internet Explorer 6
//! Countdown”), words mentioned as words (the so-called “special military operation”) and
//! headlines cited with their source. The attribution stage asks two questions of each quote:
//! - is it a *named term* whatever stands around it: a naming cue right before it ("so-called",
//!   "named", "titled", "the word"), a name in title case inside a sentence, or a title cited
//!   with its source and year (“…” — CBC.ca, August 15, 2008)?
//! - does it *read as a clause* of someone's own: a verb among at least three words, or a first-
//!   or second-person pronoun ("We take document security seriously")?
//!
//! A quote that is neither needs other evidence to count as speech: a reported clause around it or
//! a speech verb with a speaker in its sentence (Putin praised Trump as a “wise and pragmatic
//! man”), or it opens its sentence ("“Yes,” he said"). That evidence is the attribution's.

use crate::lexicon::{Lexicon, WordClass};
use crate::marks::Marked;
use crate::speaker::matches_words;
use crate::text::Text;

/// Fewest words a quote with a verb needs to read as a clause ("must be well thought out"); a
/// verb alone ("streamline") is a word in quotes.
const MIN_CLAUSE_WORDS: usize = 3;
/// Most words between a cited title's dash and the end of its paragraph ("— The Canadian Press,
/// August 15, 2008").
const MAX_CITATION_WORDS: usize = 12;

/// True when the quoted words are a name, title or mentioned word, never speech.
pub fn is_named_term(text: &Text, lexicon: &Lexicon, quote: &Marked) -> bool {
    let mark = text.word_from(quote.outer.start);
    follows_term_cue(text, lexicon, mark)
        || is_title_inside_sentence(text, lexicon, quote, mark)
        || is_cited_title(text, quote)
}

/// True when the quoted words read as someone's own clause.
pub fn reads_as_clause(text: &Text, lexicon: &Lexicon, quote: &Marked) -> bool {
    let words: Vec<usize> = text
        .words_in(quote.inner)
        .filter(|&k| !text.words[k].is_punct)
        .collect();
    let has_verb = || words.iter().any(|&k| is_verb(text, lexicon, k));
    words
        .iter()
        .any(|&k| is_first_or_second_person(text, lexicon, k))
        || (words.len() >= MIN_CLAUSE_WORDS && has_verb())
}

/// "the so-called “…”", "a robot named “…”": a cue ending right before the opening mark.
fn follows_term_cue(text: &Text, lexicon: &Lexicon, mark: usize) -> bool {
    lexicon
        .term_cues()
        .iter()
        .any(|cue| mark >= cue.len() && matches_words(text, mark - cue.len(), cue))
}

/// A name or title in title case ("listed their country as “Hope”", "says on “The Internet
/// Explorer 6 Countdown”") standing inside a sentence after a word that does not introduce speech;
/// after a speech verb or punctuation ("said: “Never Again”") capitals prove nothing.
fn is_title_inside_sentence(text: &Text, lexicon: &Lexicon, quote: &Marked, mark: usize) -> bool {
    let sentence = text.sentence_of(quote.inner.start);
    let Some(before) = mark.checked_sub(1) else {
        return false;
    };
    let introduces = text.words[before].is_punct
        || text.words[before].span.start < sentence.start
        || lexicon.speech_lemma(text.lower(before)).is_some();
    !introduces && is_title_case(text, lexicon, quote)
}

/// Every word capitalised (or a number) except the small words of titles ("Cowboys and Indians").
fn is_title_case(text: &Text, lexicon: &Lexicon, quote: &Marked) -> bool {
    let words: Vec<usize> = text
        .words_in(quote.inner)
        .filter(|&k| !text.words[k].is_punct)
        .collect();
    let is_small = |k: usize| {
        let word = text.lower(k);
        lexicon.is(WordClass::Determiner, word) || lexicon.is(WordClass::PhraseStop, word)
    };
    let starts_upper = |k: usize| {
        text.word(k)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    words.first().is_some_and(|&k| starts_upper(k))
        && words.iter().all(|&k| starts_upper(k) || is_small(k))
}

/// A headline cited in a source list: the quote is followed by a dash, and the paragraph ends a
/// few words later with a year ("“…” — Toronto Star, August 15, 2008").
fn is_cited_title(text: &Text, quote: &Marked) -> bool {
    let paragraph = text.paragraphs[text.paragraph_index(quote.outer.start)];
    let Some(rest) = text.text.get(quote.outer.end..paragraph.end) else {
        return false;
    };
    let Some(source) = rest.trim_start().strip_prefix(['—', '–', '-']) else {
        return false;
    };
    let words: Vec<&str> = source.split_whitespace().collect();
    words.len() <= MAX_CITATION_WORDS && words.iter().any(|w| is_year(w))
}

fn is_year(word: &str) -> bool {
    let digits = word.trim_matches(|c: char| !c.is_ascii_digit());
    digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
}

/// A verb by the tagger's tag; without tags, an auxiliary or modal ("must", "is").
fn is_verb(text: &Text, lexicon: &Lexicon, k: usize) -> bool {
    match text.upos(k) {
        Some(tag) => matches!(tag, "VERB" | "AUX"),
        None => lexicon.is(WordClass::FiniteMarker, text.lower(k)),
    }
}

/// "I", "we", "our", "you" (also "I'm", "we've"); "US" in capitals is a country.
fn is_first_or_second_person(text: &Text, lexicon: &Lexicon, k: usize) -> bool {
    let word = text.word(k);
    let is_acronym = word.chars().count() > 1 && !word.chars().any(char::is_lowercase);
    let stem = text.lower(k).split(['\'', '’']).next().unwrap_or_default();
    !is_acronym && lexicon.is(WordClass::FirstSecondPerson, stem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::direct_quotes;
    use eventwire_model::{Article, ArticleMeta};

    /// (named term, reads as clause) for each quote of `text`.
    fn judged(text: &str) -> Vec<(bool, bool)> {
        let article = Article::new("t", text, ArticleMeta::default());
        let lexicon = Lexicon::bundled().unwrap();
        let view = Text::new(&article, &lexicon);
        direct_quotes(text, &view.paragraphs, |w| {
            lexicon.is(WordClass::Contraction, w)
        })
        .iter()
        .map(|q| {
            (
                is_named_term(&view, &lexicon, q),
                reads_as_clause(&view, &lexicon, q),
            )
        })
        .collect()
    }

    #[test]
    fn naming_cues_make_terms() {
        assert_eq!(
            judged("The so-called “special military operation” began in 2022."),
            [(true, false)]
        );
        assert_eq!(
            judged("It showed a print called \"Cowboys and Indians\" from 1987."),
            [(true, false)]
        );
        assert_eq!(
            judged("It added the words \"and Emergency\" to the name."),
            [(true, false)]
        );
    }

    #[test]
    fn names_in_title_case_inside_a_sentence_are_terms_but_not_after_a_speech_verb() {
        assert_eq!(
            judged("The team listed their country as \"Hope\" on their shirts."),
            [(true, false)]
        );
        assert_eq!(judged("He said \"Never Again\" twice."), [(false, false)]);
        assert_eq!(judged("“Yes,” he said."), [(false, false)]);
    }

    #[test]
    fn a_headline_cited_with_source_and_year_is_a_title() {
        assert_eq!(
            judged("\"Document found on street not secret, say feds\" — The Canadian Press, August 15, 2008"),
            [(true, false)]
        );
    }

    #[test]
    fn clauses_need_a_verb_and_three_words_or_a_first_or_second_person() {
        assert_eq!(
            judged("Solomon said any process \"must be well thought out\"."),
            [(false, true)]
        );
        assert_eq!(
            judged("She said \"we\" too, and \"our future\" and \"US policy\"."),
            [(false, true), (false, true), (false, false)]
        );
        assert_eq!(
            judged("Officials want to \"streamline\" the \"legacy backlog\"."),
            [(false, false), (false, false)]
        );
    }
}
#[cfg(test)]
mod zz_debug {
    #[test]
    fn zz() {
        use eventwire_model::{Annotator, Article, ArticleMeta};
        for t in ["After visa snags, all-girl Afghan team honored for 'courageous achievement' at international robotics competition\nA group of Afghan teenagers was awarded a silver medal for \"courageous achievement\" on Tuesday in the FIRST Global Challenge Robot Olympics in the Daughters of the American Revolution Constitution Hall in Washington D.C. The girls have been denied visas twice.",
         "he returned and cooperated with Moxon and routed out properly.\" To \"route out\" in Scientology jargon refers to the member who wishes to leave."] {
            let mut a = Article::new("t", t, ArticleMeta::default());
            crate::QuoteAnnotator::load().unwrap().annotate(&mut a);
            for q in &a.quotes { eprintln!("{:?} {:?} {:?} {:?}", q.kind, a.slice(q.span), q.verb, q.speaker_span.map(|s| a.slice(s))); }
        }
    }
}
