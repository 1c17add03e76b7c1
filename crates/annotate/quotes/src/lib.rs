//! Quotes: direct and reported speech attributed to speakers.
//!
//! The stage finds direct quotes by their quotation marks ([`marks`]) and reported statements by
//! speech verbs and their content clauses ([`reported`]), tells quoted speech from quoted terms
//! (scare quotes, names, titles: [`speech`]), attributes each statement to a speaker phrase
//! ([`speaker`], [`attribution`]) and maps that phrase to an actor through the mentions the
//! actors stage left (pronouns included, which that stage has already resolved). The date a
//! statement was made comes from a date in its attribution's sentence, else the article's
//! publication date. Speech verbs and word lists live in `data/quotes/lexicon.toml`.
//!
//! It works on its own word view of the text ([`text`]), so it gives the same answers whether or
//! not the segmenter and parser have run.

mod attribution;
mod colon;
mod cues;
mod lexicon;
mod marks;
mod parsed;
mod reported;
mod speaker;
mod speech;
mod text;

pub use lexicon::LexiconError;

use attribution::{Evidence, Found};
use cues::Cues;
use eventwire_model::{ActorKind, Annotator, Article, Quote, QuoteKind, Span, TimexType};
use lexicon::{Lexicon, WordClass};
use text::Text;

/// Quotes: direct and reported speech attributed to speakers.
#[derive(Debug)]
pub struct QuoteAnnotator {
    lexicon: Lexicon,
    cues: Cues,
}

impl QuoteAnnotator {
    /// Loads the bundled speech lexicon and attribution cues.
    pub fn load() -> Result<Self, LexiconError> {
        Ok(QuoteAnnotator {
            lexicon: Lexicon::bundled()?,
            cues: Cues::bundled()?,
        })
    }

    /// Every quote of the article, in text order.
    fn find_quotes(&self, article: &Article) -> Vec<Quote> {
        let text = Text::new(article, &self.lexicon);
        let direct = marks::direct_quotes(text.text, &text.paragraphs, |w| {
            self.lexicon.is(WordClass::Contraction, w)
        });
        let reported = reported::reported_speech(&text, &self.lexicon, &direct);
        let mut found = attribution::attribute_all(&text, &self.lexicon, &direct, reported);
        let on_the_parse =
            parsed::parsed_attributions(article, &text, &self.lexicon, &self.cues, &found);
        found.extend(on_the_parse);
        colon::attribute_colon_lines(&text, &self.lexicon, &mut found);
        found.sort_by_key(|f| f.content.start);
        let mut quotes: Vec<Quote> = Vec::with_capacity(found.len());
        for f in &found {
            let previous = quotes.iter().rev().find(|q| q.kind != QuoteKind::Term);
            let said_on = self.said_on(article, &text, f, &found, previous);
            quotes.push(to_quote(article, &self.lexicon, &text, f, said_on));
        }
        quotes
    }

    /// When `f` was said: a date in its attribution's sentence; for "he added" without one, the
    /// date of the statement it continues; else the publication date. A term was never said.
    fn said_on(
        &self,
        article: &Article,
        text: &Text,
        f: &Found,
        all: &[Found],
        previous: Option<&Quote>,
    ) -> Option<String> {
        if f.kind == QuoteKind::Term {
            return None;
        }
        let published = || article.meta.published.map(|d| d.to_string());
        let Some(attribution) = &f.attribution else {
            return published();
        };
        let verb = attribution.verb.span;
        let sentence = text.sentence_of(verb.start);
        let stated_date = article
            .timexes
            .iter()
            .filter(|t| t.kind == TimexType::Date && is_calendar_date(&t.value))
            .filter(|t| {
                sentence.contains(&t.span) && !all.iter().any(|q| q.content.overlaps(&t.span))
            })
            .min_by_key(|t| t.span.start.abs_diff(verb.start))
            .map(|t| t.value.clone());
        let continued = || {
            let previous = previous?;
            let same_speaker = speaker_actor(article, &self.lexicon, attribution.speaker)
                .zip(previous.speaker)
                .is_none_or(|(a, b)| a == b);
            (self.lexicon.is_continuation(&attribution.verb.lemma) && same_speaker)
                .then(|| previous.said_on.clone())
                .flatten()
        };
        stated_date.or_else(continued).or_else(published)
    }
}

impl Annotator for QuoteAnnotator {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn annotate(&self, article: &mut Article) {
        let quotes = self.find_quotes(article);
        article.quotes.extend(quotes);
    }
}

fn to_quote(
    article: &Article,
    lexicon: &Lexicon,
    text: &Text,
    f: &Found,
    said_on: Option<String>,
) -> Quote {
    let attribution = f.attribution.as_ref();
    let speaker_phrase = attribution.and_then(|a| a.speaker);
    let audience = attribution.and_then(|a| a.audience);
    Quote {
        span: f.content,
        kind: f.kind,
        speaker: speaker_actor(article, lexicon, speaker_phrase),
        speaker_span: speaker_phrase.map(|p| head_mention(article, p).map_or(p, |m| m.span)),
        verb: attribution.map(|a| a.verb.form.clone()),
        verb_span: attribution.map(|a| a.verb.span),
        addressee: audience.map(|a| text.slice(a).to_string()),
        addressee_actor: audience
            .and_then(|a| head_mention(article, a))
            .map(|m| m.actor),
        sentence: text
            .sentences
            .partition_point(|s| s.start <= f.content.start)
            .saturating_sub(1),
        said_on,
        confidence: match f.evidence {
            Evidence::Local => 0.85,
            Evidence::Inherited => 0.6,
            Evidence::None => 0.3,
        },
    }
}

/// The actor a speaker phrase names, through its head mention. A "he" or "she" the actors stage
/// left without a mention falls back to the last person mentioned before it.
fn speaker_actor(article: &Article, lexicon: &Lexicon, phrase: Option<Span>) -> Option<usize> {
    let phrase = phrase?;
    let mention = head_mention(article, phrase).map(|m| m.actor);
    let is_person_pronoun = || {
        lexicon.is(
            WordClass::PersonPronoun,
            &article.slice(phrase).to_lowercase(),
        )
    };
    mention.or_else(|| {
        is_person_pronoun()
            .then(|| last_person_before(article, phrase.start))
            .flatten()
    })
}

fn last_person_before(article: &Article, pos: usize) -> Option<usize> {
    article
        .mentions
        .iter()
        .filter(|m| m.span.end <= pos && article.actors[m.actor].kind == ActorKind::Person)
        .max_by_key(|m| m.span.end)
        .map(|m| m.actor)
}

/// The mention of the phrase's head: English noun phrases end in their head, so the last mention
/// overlapping the phrase ("U.S. President Donald Trump" → "Donald Trump", not "U.S.").
fn head_mention(article: &Article, phrase: Span) -> Option<&eventwire_model::Mention> {
    article
        .mentions
        .iter()
        .filter(|m| m.span.overlaps(&phrase))
        .max_by_key(|m| (m.span.end, m.span.len()))
}

/// TIMEX3 values naming one calendar day (`2025-01-07`).
fn is_calendar_date(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use eventwire_model::{Actor, ActorKind, ArticleMeta, Mention, MentionKind, Timex};

    const KELLOGG: &str = "Keith Kellogg, a retired general, said during a press conference on \
        January 7 that preparations are underway for talks.\nHe added that it is possible Trump \
        will meet Zelensky.";

    fn article(text: &str) -> Article {
        let meta = ArticleMeta {
            published: NaiveDate::from_ymd_opt(2025, 1, 31),
            ..Default::default()
        };
        Article::new("t", text, meta)
    }

    fn span_of(article: &Article, needle: &str) -> Span {
        let start = article.text.find(needle).unwrap();
        Span::new(start, start + needle.len())
    }

    fn actor(name: &str) -> Actor {
        Actor {
            id: name.to_lowercase().replace(' ', "_"),
            name: name.into(),
            kind: ActorKind::Person,
            code: Some("USAGOV".into()),
            alt_codes: vec![],
            country: Some("USA".into()),
            wikipedia: None,
        }
    }

    /// Mentions as the actors stage leaves them: "Keith Kellogg" and the resolved "He".
    fn with_kellogg_mentions(mut a: Article) -> Article {
        a.actors.push(actor("Keith Kellogg"));
        for (needle, kind) in [
            ("Keith Kellogg", MentionKind::Name),
            ("He", MentionKind::Pronoun),
        ] {
            a.mentions.push(Mention {
                span: span_of(&a, needle),
                actor: 0,
                kind,
                code: Some("USAGOV".into()),
                sentence: 0,
                confidence: 1.0,
            });
        }
        a
    }

    /// A DATE timex as the time stage leaves it.
    fn add_date(a: &mut Article, text: &str, value: &str) {
        a.timexes.push(Timex {
            span: span_of(a, text),
            kind: TimexType::Date,
            value: value.into(),
            modifier: None,
            interval: None,
            sentence: 0,
        });
    }

    fn annotate(mut a: Article) -> Article {
        QuoteAnnotator::load().unwrap().annotate(&mut a);
        a
    }

    #[test]
    fn speakers_map_to_actors_through_mentions_pronouns_included() {
        let a = annotate(with_kellogg_mentions(article(KELLOGG)));
        assert_eq!(a.quotes.len(), 2);
        assert!(a.quotes.iter().all(|q| q.speaker == Some(0)));
        assert_eq!(a.slice(a.quotes[1].speaker_span.unwrap()), "He");
    }

    #[test]
    fn an_unresolved_he_falls_back_to_the_last_person_mentioned() {
        let mut a = article(KELLOGG);
        a.actors.push(actor("Keith Kellogg"));
        a.mentions.push(Mention {
            span: span_of(&a, "Keith Kellogg"),
            actor: 0,
            kind: MentionKind::Name,
            code: Some("USAGOV".into()),
            sentence: 0,
            confidence: 1.0,
        });
        let a = annotate(a);
        assert_eq!(a.slice(a.quotes[1].speaker_span.unwrap()), "He");
        assert_eq!(a.quotes[1].speaker, Some(0));
    }

    #[test]
    fn said_on_comes_from_a_date_in_the_attribution_and_carries_to_added() {
        let mut a = with_kellogg_mentions(article(KELLOGG));
        add_date(&mut a, "January 7", "2025-01-07");
        let a = annotate(a);
        let dates: Vec<_> = a.quotes.iter().map(|q| q.said_on.as_deref()).collect();
        assert_eq!(dates, [Some("2025-01-07"), Some("2025-01-07")]);
    }

    #[test]
    fn said_on_defaults_to_the_publication_date() {
        let a = annotate(article(KELLOGG));
        assert_eq!(a.quotes[0].said_on.as_deref(), Some("2025-01-31"));
        // "added" carries the previous statement's date, here the default one.
        assert_eq!(a.quotes[1].said_on.as_deref(), Some("2025-01-31"));
    }

    #[test]
    fn a_date_inside_the_quote_is_not_when_it_was_said() {
        let mut a = article("The minister said that elections will be held on March 3.");
        add_date(&mut a, "March 3", "2025-03-03");
        let a = annotate(a);
        assert_eq!(a.quotes[0].said_on.as_deref(), Some("2025-01-31"));
    }

    #[test]
    fn odd_text_gives_no_panic() {
        let odd = [
            "",
            "“",
            "”",
            "\"\"\"",
            "said",
            "According to",
            "according to ,",
            "“ ” said",
            "He said that",
            "a—told that\nwould reporters\" would,’«« with adding a ",
            ", said X.",
            "‘’'’‘",
            "“Open quote\n\n“still open\n“",
            "Ünïcödé “quöte” säid Ångström — «ça va», dit-il.",
            "a.b.c. U.S. said. that. “.”",
        ];
        for text in odd {
            let a = annotate(article(text));
            for q in &a.quotes {
                assert!(q.span.end <= a.text.len() && a.text.is_char_boundary(q.span.start));
            }
        }
    }

    #[test]
    fn calendar_dates_are_full_days_only() {
        assert!(is_calendar_date("2025-01-07"));
        assert!(!is_calendar_date("2025-W04"));
        assert!(!is_calendar_date("PRESENT_REF"));
    }
}
