//! Helpers shared by the actors stage's integration tests.

use chrono::NaiveDate;
use eventwire_model::{Article, ArticleMeta};
use eventwire_pipeline::Pipeline;

/// One mention as the tests compare it: (mention text, actor name, mention code).
pub type Found = (String, String, Option<String>);

/// `text` run through the standard pipeline as an article published on `published` (YYYY-MM-DD).
pub fn annotate(text: &str, published: &str) -> Article {
    let date = NaiveDate::parse_from_str(published, "%Y-%m-%d").expect("date");
    let meta = ArticleMeta {
        published: Some(date),
        ..Default::default()
    };
    let mut article = Article::new("test", text, meta);
    Pipeline::standard()
        .expect("pipeline")
        .annotate(&mut article);
    article
}

/// Every mention, in text order.
#[allow(dead_code)] // not every test file lists mentions
pub fn mentions(article: &Article) -> Vec<Found> {
    article
        .mentions
        .iter()
        .map(|m| {
            (
                article.slice(m.span).to_string(),
                article.actors[m.actor].name.clone(),
                m.code.clone(),
            )
        })
        .collect()
}
