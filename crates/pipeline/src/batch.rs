//! Annotating many articles: bounded chunks annotated in parallel, one failure per article.
//! Shared by `eventwire ingest` (into the store) and `eventwire code` (to standard output).

use crate::Pipeline;
use eventwire_model::Article;
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Articles annotated together; bounded so memory does not grow with the corpus.
const CHUNK_ARTICLES: usize = 256;
/// A chunk is also closed once its texts reach this many bytes.
const CHUNK_BYTES: usize = 64 * 1024 * 1024;

/// Articles waiting to be annotated together.
#[derive(Default)]
pub struct Chunk {
    articles: Vec<Article>,
    bytes: usize,
}

impl Chunk {
    /// Adds an article; true when the chunk is full.
    pub fn push(&mut self, article: Article) -> bool {
        self.bytes += article.text.len();
        self.articles.push(article);
        self.articles.len() >= CHUNK_ARTICLES || self.bytes >= CHUNK_BYTES
    }

    /// The articles gathered so far, leaving the chunk empty.
    pub fn take(&mut self) -> Vec<Article> {
        self.bytes = 0;
        std::mem::take(&mut self.articles)
    }
}

impl Pipeline {
    /// Annotates in parallel (on the current rayon pool), keeping the input order. A stage that
    /// panics on one article fails that article only: `Err("<origin>: annotation failed: …")`.
    pub fn annotate_all(&self, articles: Vec<Article>) -> Vec<Result<Article, String>> {
        articles
            .into_par_iter()
            .map(|mut article| {
                let origin = article
                    .meta
                    .origin
                    .clone()
                    .unwrap_or_else(|| article.id.clone());
                match catch_unwind(AssertUnwindSafe(|| self.annotate(&mut article))) {
                    Ok(()) => Ok(article),
                    Err(panic) => Err(format!(
                        "{origin}: annotation failed: {}",
                        panic_message(&panic)
                    )),
                }
            })
            .collect()
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("internal error")
}
