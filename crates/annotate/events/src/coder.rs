//! Event coding within one sentence: find the pattern phrases (longest match wins where they overlap),
//! drop the unreal ones, recode the intended ones, and attach source, target, date and confidence.

use crate::modality::{mood, Mood};
use crate::phrase::Phrase;
use crate::resources::{Pattern, Resources};
use crate::roles::{source_and_target, Site};
use crate::view::SentenceView;
use eventwire_model::Event;
use std::ops::Range;

/// A phrase found in a sentence: which entry matched and on which words.
#[derive(Debug, Clone)]
pub struct Hit<'r, T> {
    pub entry: &'r T,
    pub words: Range<usize>,
}

/// The non-overlapping matches of `entries` in the sentence, preferring the phrase naming the most
/// words, then the longest stretch, then the earlier entry of the data file. Phrases overlapping an
/// actor mention are ignored.
pub fn best_hits<'r, T>(
    view: &SentenceView,
    entries: &'r [T],
    phrase: impl Fn(&T) -> &Phrase,
) -> Vec<Hit<'r, T>> {
    let mut all: Vec<(usize, Hit<'r, T>)> = entries
        .iter()
        .flat_map(|entry| {
            let found = phrase(entry);
            let weight = found.weight();
            found
                .find_all(&view.words)
                .into_iter()
                .map(move |(start, end)| {
                    (
                        weight,
                        Hit {
                            entry,
                            words: start..end,
                        },
                    )
                })
        })
        .filter(|(_, h)| !view.overlaps_mention(h.words.clone()))
        .collect();
    // Stable sort keeps data-file order among equals.
    all.sort_by_key(|(weight, h)| std::cmp::Reverse((*weight, h.words.len())));
    let mut chosen: Vec<Hit<'r, T>> = Vec::new();
    for (_, hit) in all {
        if !chosen
            .iter()
            .any(|c| c.words.start < hit.words.end && hit.words.start < c.words.end)
        {
            chosen.push(hit);
        }
    }
    chosen.sort_by_key(|h| h.words.start);
    chosen
}

/// Where the phrase on `words` sits: inside the innermost quote or in the sentence at large.
pub fn site_of(view: &SentenceView, words: Range<usize>) -> Site {
    match view.quote_at(words.start) {
        Some((quote, scope)) => Site {
            phrase: words,
            scope,
            quote: Some(quote),
        },
        None => Site {
            phrase: words,
            scope: 0..view.words.len(),
            quote: None,
        },
    }
}

/// The events of one sentence, at most one per (source, code, target).
pub fn code_sentence(res: &Resources, view: &SentenceView) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    for hit in best_hits(view, &res.patterns, |p| &p.phrase) {
        let Some(event) = code_hit(res, view, &hit) else {
            continue;
        };
        let seen = events.iter().any(|e| {
            e.source == event.source && e.target == event.target && e.cameo == event.cameo
        });
        if !seen {
            events.push(event);
        }
    }
    events
}

fn code_hit(res: &Resources, view: &SentenceView, hit: &Hit<Pattern>) -> Option<Event> {
    let site = site_of(view, hit.words.clone());
    let cameo = match mood(&res.modality, view, site.scope.clone(), hit.words.clone()) {
        Mood::Unreal => return None,
        Mood::Intended => res.cameo[&hit.entry.cameo].intent.clone()?,
        Mood::Actual => hit.entry.cameo.clone(),
    };
    let (source, target) = source_and_target(view, &res.modality, hit.entry.frame, &site)?;
    let code = &res.cameo[&cameo];
    let named = [source.named, target.named].iter().filter(|n| **n).count();
    let quoted = if site.quote.is_some() { 0.9 } else { 1.0 };
    Some(Event {
        source: Some(source.actor),
        target: Some(target.actor),
        source_code: Some(source.code),
        target_code: Some(target.code),
        plover: code.plover.clone(),
        goldstein: code.goldstein,
        cameo,
        trigger: view.span(hit.words.clone()),
        sentence: view.sentence,
        date: event_date(view, site.quote),
        quote: site.quote,
        confidence: (0.6 + 0.1 * named as f32) * quoted,
    })
}

/// When an event happened: a date named in its sentence, else the date its quote was said on, else
/// the publication date.
pub fn event_date(view: &SentenceView, quote: Option<usize>) -> Option<String> {
    let article = view.article;
    eventwire_time::date_of_sentence(article, view.sentence)
        .or_else(|| quote.and_then(|q| article.quotes[q].said_on.clone()))
        .or_else(|| article.meta.published.map(|d| d.to_string()))
}
