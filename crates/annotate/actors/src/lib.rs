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
mod recognise;

pub use check::{Finding, FindingKind};
use dictionary::Dictionary;
pub use dictionary::{DictionaryError, Origin};
use eventwire_model::{Annotator, Article};

/// Actors: mentions of people, organisations and countries resolved to canonical, CAMEO-coded actors.
pub struct ActorAnnotator {
    dictionary: Dictionary,
}

impl ActorAnnotator {
    /// Loads the bundled dictionary; fails with the file and line of a malformed row.
    pub fn load() -> Result<Self, DictionaryError> {
        Ok(ActorAnnotator {
            dictionary: Dictionary::load()?,
        })
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
