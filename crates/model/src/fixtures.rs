//! A hand-built article with one item in every layer, for the tests of the crates that store,
//! serve and export articles (enable the `fixtures` feature as a dev-dependency).

use crate::*;
use chrono::NaiveDate;

/// The fixture article's text: three sentences in two paragraphs (straight quotes, so CSV
/// exports must escape them).
pub const TEXT: &str = "Trump said he could speak with Putin soon. \
Putin praised Trump on January 7, calling him \"a smart man.\"\n\
Trump promised to end the war within six months.";

fn span_of(needle: &str, nth: usize) -> Span {
    let start = TEXT
        .match_indices(needle)
        .nth(nth)
        .expect("needle in text")
        .0;
    Span::new(start, start + needle.len())
}

fn actor(id: &str, name: &str, code: &str) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        kind: ActorKind::Person,
        code: Some(code.into()),
        alt_codes: vec![],
        country: Some(code[..3].into()),
        wikipedia: None,
    }
}

fn mention(needle: &str, nth: usize, actor: usize, sentence: usize) -> Mention {
    Mention {
        span: span_of(needle, nth),
        actor,
        kind: MentionKind::Name,
        code: None,
        sentence,
        confidence: 0.9,
    }
}

fn event(source: usize, target: usize, cameo: &str, plover: &str, sentence: usize) -> Event {
    Event {
        source: Some(source),
        target: Some(target),
        source_code: None,
        target_code: None,
        cameo: cameo.into(),
        plover: plover.into(),
        goldstein: 3.5,
        quad_class: 1,
        trigger: span_of(if sentence == 0 { "speak" } else { "praised" }, 0),
        sentence,
        date: (sentence == 1).then(|| "2025-01-07".into()),
        quote: None,
        confidence: 0.8,
    }
}

/// An article with one item in every layer (two sentences' worth of realistic annotation).
pub fn annotated_article(id: &str) -> Article {
    let published = NaiveDate::from_ymd_opt(2025, 1, 31);
    let meta = ArticleMeta {
        title: Some("Trump and Putin".into()),
        source: Some("a wire report".into()),
        published,
        ..ArticleMeta::default()
    };
    let mut a = Article::new(id, TEXT, meta);
    let first_end = TEXT.find(". ").unwrap() + 1;
    let second_end = TEXT.find('\n').unwrap();
    a.paragraphs = vec![
        Span::new(0, second_end),
        Span::new(second_end + 1, TEXT.len()),
    ];
    a.sentences = vec![
        Sentence {
            span: Span::new(0, first_end),
            paragraph: 0,
            tokens: 0..2,
        },
        Sentence {
            span: Span::new(first_end + 1, second_end),
            paragraph: 0,
            tokens: 2..2,
        },
        Sentence {
            span: Span::new(second_end + 1, TEXT.len()),
            paragraph: 1,
            tokens: 2..2,
        },
    ];
    a.tokens = vec![
        Token {
            span: span_of("Trump", 0),
            upos: "PROPN".into(),
            xpos: "NNP".into(),
            lemma: "Trump".into(),
            head: Some(1),
            deprel: "nsubj".into(),
        },
        Token {
            span: span_of("said", 0),
            upos: "VERB".into(),
            xpos: "VBD".into(),
            lemma: "say".into(),
            head: None,
            deprel: "root".into(),
        },
    ];
    a.actors = vec![
        actor("donald_trump", "Donald Trump", "USAGOV"),
        actor("vladimir_putin", "Vladimir Putin", "RUSGOV"),
    ];
    a.mentions = vec![
        mention("Trump", 0, 0, 0),
        mention("Putin", 0, 1, 0),
        mention("Putin", 1, 1, 1),
        mention("Trump", 1, 0, 1),
    ];
    a.quotes = vec![Quote {
        span: span_of("a smart man.", 0),
        kind: QuoteKind::Direct,
        speaker: Some(1),
        speaker_span: Some(span_of("Putin", 1)),
        verb: Some("call".into()),
        verb_span: Some(span_of("calling", 0)),
        addressee: None,
        addressee_actor: None,
        sentence: 1,
        said_on: Some("2025-01-07".into()),
        confidence: 0.7,
    }];
    a.timexes = vec![Timex {
        span: span_of("January 7", 0),
        kind: TimexType::Date,
        value: "2025-01-07".into(),
        modifier: None,
        interval: Some(DateInterval {
            start: NaiveDate::from_ymd_opt(2025, 1, 7).unwrap(),
            end: NaiveDate::from_ymd_opt(2025, 1, 7).unwrap(),
        }),
        sentence: 1,
    }];
    a.events = vec![
        event(0, 1, "036", "CONSULT", 0),
        event(1, 0, "051", "SUPPORT", 1),
    ];
    a.claims = vec![Claim {
        kind: ClaimKind::Promise,
        speaker: Some(0),
        speaker_code: Some("USAGOV".into()),
        span: span_of("end the war within six months", 0),
        trigger: span_of("promised", 0),
        made_on: Some("2025-01-31".into()),
        deadline: NaiveDate::from_ymd_opt(2025, 7, 31),
        deadline_timex: None,
        sentence: 2,
        confidence: 0.8,
    }];
    a
}
