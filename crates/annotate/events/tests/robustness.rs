//! Bad layers from earlier stages never make the events stage panic: random (overlapping, nested,
//! code-less, dangling) mentions and stretched quotes over the seed article's real tokens.

mod common;

use chrono::NaiveDate;
use eventwire_model::{Actor, ActorKind, Annotator, Article, Mention, MentionKind, Span};

/// A small xorshift generator: the same "random" layers on every run.
struct Xorshift(u64);

impl Xorshift {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn scramble(base: &Article, rnd: &mut Xorshift) -> Article {
    let mut a = base.clone();
    a.actors = (0..3)
        .map(|i| Actor {
            id: format!("a{i}"),
            name: format!("A{i}"),
            kind: ActorKind::Person,
            code: Some(format!("C{i}")),
            alt_codes: Vec::new(),
            country: None,
            wikipedia: None,
        })
        .collect();
    let tokens = a.tokens.len();
    for _ in 0..rnd.below(60) {
        let first = rnd.below(tokens);
        let last = (first + rnd.below(4)).min(tokens - 1);
        let span = Span::new(a.tokens[first].span.start, a.tokens[last].span.end);
        a.mentions.push(Mention {
            span,
            // Index 3 dangles: there are three actors.
            actor: rnd.below(4),
            kind: MentionKind::Name,
            code: (rnd.below(3) > 0).then(|| format!("C{}", rnd.below(3))),
            sentence: a.sentence_at(span.start).unwrap_or(0),
            confidence: 1.0,
        });
    }
    a.mentions.sort_by_key(|m| m.span);
    let len = a.text.len();
    for q in &mut a.quotes {
        q.speaker = Some(rnd.below(4));
        q.span.end = (q.span.end + rnd.below(200)).min(len);
    }
    a
}

#[test]
fn random_layers_never_panic() {
    let text = std::fs::read_to_string("../../../../shared/corpus/seed-article.txt").unwrap();
    let published = NaiveDate::from_ymd_opt(2025, 1, 31).unwrap();
    let base = common::annotate("seed", &text, published, &[]);
    let events = eventwire_events::EventAnnotator::load().unwrap();
    let mut rnd = Xorshift(0x5eed);
    let mut coded = 0;
    for _ in 0..200 {
        let mut article = scramble(&base, &mut rnd);
        events.annotate(&mut article);
        for e in &article.events {
            assert!(e.source.is_some_and(|s| s < article.actors.len()));
            assert!(e.target.is_some_and(|t| t < article.actors.len()));
            assert!(text.get(e.trigger.range()).is_some());
        }
        coded += article.events.len();
    }
    assert!(
        coded > 0,
        "random actors around real phrases must yield some events"
    );
}
