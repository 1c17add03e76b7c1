//! Test fixture: runs the real stages before events (segment, syntax, time, quotes) with an actor
//! layer built by the test, so event coding is tested on real tokens, timexes and quotes.

// Each test crate uses part of this fixture.
#![allow(dead_code)]

use chrono::NaiveDate;
use eventwire_model::{
    Actor, ActorKind, Annotator, Article, ArticleMeta, Mention, MentionKind, Span,
};

/// An actor mention as the test sets it up: where it is, who it is, and its code.
pub struct Marked {
    pub span: Span,
    pub actor: String,
    pub code: String,
}

/// Marks every whole-word occurrence of each surface form (longer forms first, no overlaps).
pub fn mark(text: &str, table: &[(&str, &str, &str)]) -> Vec<Marked> {
    let mut table = table.to_vec();
    table.sort_by_key(|(surface, _, _)| std::cmp::Reverse(surface.len()));
    let mut marked: Vec<Marked> = Vec::new();
    for (surface, actor, code) in table {
        for (start, _) in text.match_indices(surface) {
            let span = Span::new(start, start + surface.len());
            let whole_word = !text[..start].ends_with(char::is_alphanumeric)
                && !text[span.end..].starts_with(char::is_alphanumeric);
            if whole_word && !marked.iter().any(|m| m.span.overlaps(&span)) {
                marked.push(Marked {
                    span,
                    actor: actor.to_string(),
                    code: code.to_string(),
                });
            }
        }
    }
    marked.sort_by_key(|m| m.span);
    marked
}

/// Runs segment → syntax → (the given actors) → time → quotes → events.
pub fn annotate(id: &str, text: &str, published: NaiveDate, marked: &[Marked]) -> Article {
    let meta = ArticleMeta {
        published: Some(published),
        ..Default::default()
    };
    let mut article = Article::new(id, text, meta);
    eventwire_segment::Segmenter::load()
        .unwrap()
        .annotate(&mut article);
    syntax().annotate(&mut article);
    add_actors(&mut article, marked);
    eventwire_time::TimeAnnotator::load()
        .unwrap()
        .annotate(&mut article);
    eventwire_quotes::QuoteAnnotator::load()
        .unwrap()
        .annotate(&mut article);
    eventwire_events::EventAnnotator::load()
        .unwrap()
        .annotate(&mut article);
    article
}

/// The syntax model is large: load it once per test binary.
fn syntax() -> &'static eventwire_syntax::SyntaxAnnotator {
    static SYNTAX: std::sync::OnceLock<eventwire_syntax::SyntaxAnnotator> =
        std::sync::OnceLock::new();
    SYNTAX.get_or_init(|| eventwire_syntax::SyntaxAnnotator::load().unwrap())
}

fn add_actors(article: &mut Article, marked: &[Marked]) {
    for m in marked {
        let actor = match article.actors.iter().position(|a| a.name == m.actor) {
            Some(i) => i,
            None => {
                article.actors.push(Actor {
                    id: m.actor.to_lowercase().replace(' ', "_"),
                    name: m.actor.clone(),
                    kind: ActorKind::Person,
                    code: Some(m.code.clone()),
                    alt_codes: Vec::new(),
                    country: None,
                    wikipedia: None,
                });
                article.actors.len() - 1
            }
        };
        let text = article.slice(m.span).to_lowercase();
        let kind = match text.as_str() {
            "he" | "his" | "she" | "her" | "they" | "their" | "he himself" => MentionKind::Pronoun,
            t if t.starts_with("the ") || t.starts_with("his ") => MentionKind::Nominal,
            _ => MentionKind::Name,
        };
        let sentence = article
            .sentence_at(m.span.start)
            .expect("mention inside a sentence");
        article.mentions.push(Mention {
            span: m.span,
            actor,
            kind,
            code: Some(m.code.clone()),
            sentence,
            confidence: 1.0,
        });
    }
}

/// (source code, CAMEO, target code) of every event, for readable assertions.
pub fn triples(article: &Article) -> Vec<(String, String, String)> {
    article
        .events
        .iter()
        .map(|e| {
            (
                e.source_code.clone().unwrap_or_default(),
                e.cameo.clone(),
                e.target_code.clone().unwrap_or_default(),
            )
        })
        .collect()
}
