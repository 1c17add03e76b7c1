//! The seed article through the full pipeline, scored against the gold timexes
//! (`../shared/gold/seed-article.json`) with the gold README's rules.

use eventwire_model::{Annotator, Article, ArticleMeta, Span, Timex};
use eventwire_pipeline::Pipeline;
use eventwire_time::TimeAnnotator;
use serde_json::Value;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../../shared");

struct Gold {
    span: Span,
    kind: String,
    values: Vec<String>,
    modifier: Option<String>,
    required: bool,
}

fn gold_timexes() -> Vec<Gold> {
    let path = format!("{SHARED}/gold/seed-article.json");
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("gold file")).unwrap();
    json["timexes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let alt = t["alt_values"].as_array().cloned().unwrap_or_default();
            Gold {
                span: Span::new(
                    t["start"].as_u64().unwrap() as usize,
                    t["end"].as_u64().unwrap() as usize,
                ),
                kind: t["type"].as_str().unwrap().to_string(),
                values: std::iter::once(&t["value"])
                    .chain(&alt)
                    .map(|v| v.as_str().unwrap().to_string())
                    .collect(),
                modifier: t["mod"].as_str().map(str::to_string),
                required: t["required"].as_bool().unwrap(),
            }
        })
        .collect()
}

fn unannotated_seed_article() -> Article {
    let text =
        std::fs::read_to_string(format!("{SHARED}/corpus/seed-article.txt")).expect("seed article");
    let meta = ArticleMeta {
        published: "2025-01-31".parse().ok(),
        ..Default::default()
    };
    Article::new("seed-article", text, meta)
}

/// The seed article through every stage (sentences, tags and heads available to the time stage).
fn seed_article() -> Article {
    let mut article = unannotated_seed_article();
    Pipeline::standard()
        .expect("pipeline loads")
        .annotate(&mut article);
    article
}

/// The seed article through the time stage alone: no sentences, no tags (the fallback cues).
fn seed_article_time_only() -> Article {
    let mut article = unannotated_seed_article();
    TimeAnnotator::load()
        .expect("time lexicon loads")
        .annotate(&mut article);
    article
}

fn kind_name(t: &Timex) -> String {
    serde_json::to_value(t.kind)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn every_required_gold_timex_is_found_through_the_full_pipeline() {
    assert_every_required_timex_right(&seed_article());
}

#[test]
fn every_required_gold_timex_is_found_by_the_time_stage_alone() {
    assert_every_required_timex_right(&seed_article_time_only());
}

/// Exact extent, type, value (or an accepted alternative) and mod of every required gold timex.
fn assert_every_required_timex_right(article: &Article) {
    for gold in gold_timexes().iter().filter(|g| g.required) {
        let text = article.slice(gold.span);
        let found = article.timexes.iter().find(|t| t.span == gold.span);
        let Some(t) = found else {
            panic!(
                "missed {text:?} at {:?}; found {:#?}",
                gold.span, article.timexes
            )
        };
        assert_eq!(kind_name(t), gold.kind, "type of {text:?}");
        assert!(
            gold.values.contains(&t.value),
            "value of {text:?}: {} not in {:?}",
            t.value,
            gold.values
        );
        assert_eq!(t.modifier, gold.modifier, "mod of {text:?}");
    }
}

#[test]
fn scores_are_perfect_and_nothing_spurious_is_tagged_by_the_time_stage_alone() {
    assert_perfect_scores(&seed_article_time_only(), "time stage alone");
}

#[test]
fn scores_are_perfect_and_nothing_spurious_is_tagged_through_the_full_pipeline() {
    assert_perfect_scores(&seed_article(), "full pipeline");
}

/// Strict and lenient extent P/R/F1 and value accuracy with the gold README's rules.
fn assert_perfect_scores(article: &Article, setting: &str) {
    let gold = gold_timexes();
    let matches = |t: &Timex, strict: bool| {
        gold.iter().find(|g| {
            if strict {
                g.span == t.span
            } else {
                g.span.overlaps(&t.span)
            }
        })
    };
    let (mut tp_strict, mut tp_lenient, mut fp, mut values_right) = (0, 0, 0, 0);
    for t in &article.timexes {
        match matches(t, false) {
            None => fp += 1,
            Some(g) if !g.required => {}
            Some(g) => {
                tp_lenient += 1;
                tp_strict += usize::from(g.span == t.span);
                values_right += usize::from(g.values.contains(&t.value));
            }
        }
    }
    let required = gold.iter().filter(|g| g.required).count();
    let f1 = |tp: usize| 2.0 * tp as f64 / ((tp + fp) as f64 + required as f64);
    eprintln!(
        "seed timexes ({setting}): strict F1 {:.3}, lenient F1 {:.3}, value accuracy {values_right}/{tp_lenient}, {fp} spurious",
        f1(tp_strict),
        f1(tp_lenient)
    );
    assert_eq!(
        fp,
        0,
        "spurious: {:?}",
        article
            .timexes
            .iter()
            .filter(|t| matches(t, false).is_none())
            .map(|t| article.slice(t.span))
            .collect::<Vec<_>>()
    );
    assert_eq!((tp_strict, values_right), (required, required));
}

#[test]
fn promise_deadlines_come_from_the_anchored_durations() {
    let article = seed_article_time_only();
    let deadline_at = |text: &str| {
        let start = article.text.find(text).unwrap();
        let i = eventwire_time::timex_in(&article, Span::new(start, start + text.len())).unwrap();
        eventwire_time::deadline_of(&article, i).map(|d| d.to_string())
    };
    assert_eq!(
        deadline_at("within six months").as_deref(),
        Some("2025-07-31")
    );
    assert_eq!(
        deadline_at("within 24 hours of taking office").as_deref(),
        Some("2025-01-21")
    );
}

#[test]
fn quotes_and_events_are_dated_by_the_date_of_their_sentence() {
    let article = seed_article();
    let dated = |text: &str| {
        let start = article.text.find(text).unwrap();
        let i = eventwire_time::timex_in(&article, Span::new(start, start + text.len()))?;
        Some(article.timexes[i].value.clone())
    };
    assert_eq!(
        dated("preparations are underway").as_deref(),
        Some("2025-01-07")
    );
    assert_eq!(
        dated("Trump expressed a desire").as_deref(),
        Some("2025-W04")
    );
    assert_eq!(
        dated("hopes to end the war").as_deref(),
        None,
        "a duration dates nothing"
    );
}
