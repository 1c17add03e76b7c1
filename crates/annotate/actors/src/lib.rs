//! Actors: mentions of people, organisations and countries resolved to canonical, CAMEO-coded
//! actors, with in-article coreference.
//!
//! The dictionary (`data/actors/`, embedded at build time) lists countries with adjectives,
//! peoples and capitals, office-holders with their terms of office, organisations, government
//! metonyms and role words. `recognise` finds mention candidates in each sentence; `coref`
//! turns them into `article.actors` and `article.mentions`.

mod check;
mod coref;
mod dictionary;
mod phoenix;
mod recognise;

pub use check::{Finding, FindingKind};
use dictionary::Dictionary;
pub use dictionary::{DictionaryError, Origin};
use eventwire_model::{Annotator, Article};
use std::sync::{Arc, OnceLock};

/// Actors: mentions of people, organisations and countries resolved to canonical, CAMEO-coded actors.
pub struct ActorAnnotator {
    dictionary: Arc<Dictionary>,
}

impl ActorAnnotator {
    /// Loads the bundled dictionary; fails with the file and line of a malformed row. The
    /// dictionary is compiled in, so it is built once per process and shared by every
    /// annotator (pipelines of several threads, tests).
    pub fn load() -> Result<Self, DictionaryError> {
        static BUNDLED: OnceLock<Arc<Dictionary>> = OnceLock::new();
        let dictionary = match BUNDLED.get() {
            Some(dictionary) => Arc::clone(dictionary),
            None => {
                let loaded = Arc::new(Dictionary::load()?);
                Arc::clone(BUNDLED.get_or_init(|| loaded))
            }
        };
        Ok(ActorAnnotator { dictionary })
    }

    /// Problems in the dictionary (overlapping terms, offices left empty, unknown codes, rows
    /// marked unsure), judged as of `today`.
    pub fn check(&self, today: chrono::NaiveDate) -> Vec<Finding> {
        check::check(&self.dictionary, today)
    }
}

impl Annotator for ActorAnnotator {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn annotate(&self, article: &mut Article) {
        let candidates = recognise::recognise(article, &self.dictionary);
        coref::resolve(article, &self.dictionary, candidates);
    }
}
