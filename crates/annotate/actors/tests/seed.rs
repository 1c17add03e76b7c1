//! The seed article through the full pipeline, checked mention by mention against the gold.

use eventwire_model::Article;
use serde_json::Value;
mod common;
use common::annotate;

/// The code and canonical actor name of the predicted mention overlapping `start..end`, if any.
fn mention_at(article: &Article, start: usize, end: usize) -> Option<(Option<String>, String)> {
    let m = article
        .mentions
        .iter()
        .find(|m| m.span.start < end && start < m.span.end)?;
    Some((m.code.clone(), article.actors[m.actor].name.clone()))
}

#[test]
fn every_seed_gold_mention_has_the_gold_code_and_actor_and_nothing_else_is_found() {
    let text = std::fs::read_to_string("../../../../shared/corpus/seed-article.txt")
        .expect("seed article");
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string("../../../../shared/gold/seed-article.json").expect("gold"),
    )
    .expect("gold json");
    let article = annotate(&text, "2025-01-31");
    let mut wrong = Vec::new();
    let gold_actors = gold["actors"].as_array().expect("actors");
    for g in gold_actors {
        let (start, end) = (
            g["start"].as_u64().unwrap() as usize,
            g["end"].as_u64().unwrap() as usize,
        );
        let mut accepted = vec![g["code"].as_str().unwrap().to_string()];
        accepted.extend(
            g["alt_codes"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| c.as_str().unwrap().to_string()),
        );
        let actor = g["actor"].as_str().unwrap();
        let got = mention_at(&article, start, end);
        let right = got.as_ref().is_some_and(|(code, name)| {
            code.as_ref().is_some_and(|c| accepted.contains(c)) && name == actor
        });
        if !right {
            wrong.push(format!(
                "{:?}@{start}: want {accepted:?} {actor:?}, got {got:?}",
                g["text"]
            ));
        }
    }
    for m in &article.mentions {
        let matched = gold_actors.iter().any(|g| {
            m.span.start < g["end"].as_u64().unwrap() as usize
                && (g["start"].as_u64().unwrap() as usize) < m.span.end
        });
        if !matched {
            wrong.push(format!(
                "extra {:?}@{} {:?}",
                article.slice(m.span),
                m.span.start,
                m.code
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
