//! The places stage: toponyms in the text resolved to the bundled GeoNames gazetteer
//! (`data/places/gazetteer.tsv`), and the GDELT 2.0-style geography of each event.
//!
//! It runs after the events stage: it reads the actors' mentions (a capital standing for its
//! government, "Moscow said", stays an actor and is no place) and the events, and appends
//! [`Article::places`] and [`Article::event_geo`].

mod event_geo;
pub mod gazetteer;
mod toponyms;

use eventwire_model::{Annotator, Article, Place};
use gazetteer::{Gazetteer, GazetteerError};
use std::collections::HashSet;
use toponyms::Finder;

/// Indices of items by the sentence they are in, so that every lookup stays inside one sentence
/// and the stage is linear in the article's length.
pub(crate) fn by_sentence<T>(
    sentences: usize,
    items: &[T],
    sentence: impl Fn(&T) -> usize,
) -> Vec<Vec<usize>> {
    let mut buckets = vec![Vec::new(); sentences];
    for (i, item) in items.iter().enumerate() {
        if let Some(bucket) = buckets.get_mut(sentence(item)) {
            bucket.push(i);
        }
    }
    buckets
}

/// Loaded once per run; shared by every article.
pub struct PlaceAnnotator {
    gazetteer: Gazetteer,
    divisions: HashSet<String>,
    not_places: HashSet<String>,
}

/// The words of a word list: one a line, `#` starts a comment.
fn word_list(text: &str) -> HashSet<String> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim().to_string())
        .filter(|word| !word.is_empty())
        .collect()
}

impl PlaceAnnotator {
    /// The stage with the gazetteer and division words bundled in the binary.
    pub fn load() -> Result<Self, GazetteerError> {
        Ok(PlaceAnnotator {
            gazetteer: Gazetteer::load()?,
            divisions: word_list(include_str!("../../../../data/places/divisions.txt")),
            not_places: word_list(include_str!("../../../../data/places/not_places.txt")),
        })
    }

    /// The places of the article, resolved, in text order.
    pub fn places(&self, article: &Article) -> Vec<Place> {
        let sentences = article.sentences.len();
        let finder = Finder {
            gazetteer: &self.gazetteer,
            divisions: &self.divisions,
            not_places: &self.not_places,
            mentions: by_sentence(sentences, &article.mentions, |m| m.sentence),
            timexes: by_sentence(sentences, &article.timexes, |t| t.sentence),
        };
        let mut found = finder.find(article);
        finder.apply_qualifiers(article, &mut found);
        let resolved = finder.resolve(article, &found);
        found
            .iter()
            .zip(resolved)
            .map(|(t, id)| Place {
                span: t.span,
                sentence: t.sentence,
                geo: self.gazetteer.geo(id),
                dateline: t.dateline,
            })
            .collect()
    }
}

impl Annotator for PlaceAnnotator {
    fn name(&self) -> &'static str {
        "places"
    }

    fn annotate(&self, article: &mut Article) {
        article.places = self.places(article);
        article.event_geo = event_geo::event_geography(article, &self.gazetteer);
    }
}
