//! GDELT 2.0-style geography of each event: where it happened (ActionGeo), read from the nearest
//! evidence — a place attached to the trigger, another place in its sentence, the dateline, the
//! country of its actors — and where its actors are when the text says so ("officials in Kyiv").

use crate::gazetteer::Gazetteer;
use eventwire_model::{Article, Event, EventGeo, Geo, GeoSource, Place, PlaceKind, Span};

/// How far up the dependency tree a place may sit below the trigger and still be in its clause
/// ("fired missiles at targets in Seoul": Seoul → targets → fired).
const CLAUSE_DEPTH: usize = 3;

/// The token of a span whose head lies outside it (the syntactic head of a place name).
fn head_token(article: &Article, span: Span) -> Option<usize> {
    let first = article.token_at(span.start)?;
    let last = article.token_at(span.end.saturating_sub(1))?;
    (first..=last)
        .find(|&t| article.tokens[t].head.is_none_or(|h| h < first || h > last))
        .or(Some(last))
}

/// True when walking up from the place's head reaches `trigger` within [`CLAUSE_DEPTH`] steps
/// without passing through another verb (which would start another clause).
fn in_clause_of(article: &Article, place: &Place, trigger: usize) -> bool {
    let Some(mut at) = head_token(article, place.span) else {
        return false;
    };
    for _ in 0..CLAUSE_DEPTH {
        let Some(head) = article.tokens[at].head else {
            return false;
        };
        if head == trigger {
            return true;
        }
        if matches!(article.tokens[head].upos.as_str(), "VERB" | "AUX") {
            return false;
        }
        at = head;
    }
    false
}

/// A place that is the subject or object of its verb ("Israel accused …", "attacked Ukraine")
/// is an actor there, not where the event happened.
fn is_argument(article: &Article, place: &Place) -> bool {
    head_token(article, place.span).is_some_and(|t| {
        matches!(
            article.tokens[t].deprel.as_str(),
            "nsubj" | "nsubj:pass" | "obj" | "iobj"
        )
    })
}

/// Cities before divisions before countries: the most precise place wins.
fn precision(place: &Place) -> u8 {
    match place.geo.kind {
        PlaceKind::City => 2,
        PlaceKind::Admin1 => 1,
        PlaceKind::Country => 0,
    }
}

fn distance(a: Span, b: Span) -> usize {
    a.start.abs_diff(b.start)
}

/// The article's places and mentions by sentence ([`crate::by_sentence`]).
struct BySentence {
    places: Vec<Vec<usize>>,
    mentions: Vec<Vec<usize>>,
}

/// The place a mention of `actor` in `sentence` is said to be at: a place modifying the
/// mention's words ("officials in Kyiv", "Hamas leaders in Doha").
fn actor_place(
    article: &Article,
    index: &BySentence,
    actor: Option<usize>,
    sentence: usize,
) -> Option<Geo> {
    let actor = actor?;
    let spans: Vec<Span> = index.mentions[sentence]
        .iter()
        .map(|&m| &article.mentions[m])
        .filter(|m| m.actor == actor)
        .map(|m| m.span)
        .collect();
    index.places[sentence]
        .iter()
        .map(|&p| &article.places[p])
        .filter(|p| !spans.iter().any(|s| s.overlaps(&p.span)))
        .find(|p| {
            head_token(article, p.span)
                .and_then(|t| article.tokens[t].head)
                .is_some_and(|h| spans.iter().any(|s| s.contains(&article.tokens[h].span)))
        })
        .map(|p| p.geo.clone())
}

/// The action geography of one event, with where it came from.
fn action(
    article: &Article,
    index: &BySentence,
    gazetteer: &Gazetteer,
    event: &Event,
) -> Option<(Geo, GeoSource, Option<usize>)> {
    let trigger = article.token_at(event.trigger.start);
    let in_sentence = || {
        index.places[event.sentence]
            .iter()
            .map(|&i| (i, &article.places[i]))
            .filter(|(_, p)| !p.dateline && !is_argument(article, p))
    };
    let clause = trigger.and_then(|t| {
        in_sentence()
            .filter(|(_, p)| in_clause_of(article, p, t))
            .max_by_key(|(_, p)| (precision(p), usize::MAX - distance(p.span, event.trigger)))
    });
    let place = |(i, p): (usize, &Place), source| (p.geo.clone(), source, Some(i));
    if let Some(found) = clause {
        return Some(place(found, GeoSource::Clause));
    }
    if let Some(found) = in_sentence().min_by_key(|(_, p)| distance(p.span, event.trigger)) {
        return Some(place(found, GeoSource::Sentence));
    }
    // The dateline, when there is one, is the article's first place.
    if let Some(dateline) = article.places.first().filter(|p| p.dateline) {
        return Some(place((0, dateline), GeoSource::Dateline));
    }
    [event.source, event.target]
        .into_iter()
        .flatten()
        .find_map(|a| article.actors[a].country.as_deref())
        .and_then(|iso3| gazetteer.country(iso3))
        .map(|country| (gazetteer.geo(country), GeoSource::ActorCountry, None))
}

/// The geography of every event of the article, in event order.
pub fn event_geography(article: &Article, gazetteer: &Gazetteer) -> Vec<EventGeo> {
    let sentences = article.sentences.len();
    let index = BySentence {
        places: crate::by_sentence(sentences, &article.places, |p| p.sentence),
        mentions: crate::by_sentence(sentences, &article.mentions, |m| m.sentence),
    };
    article
        .events
        .iter()
        .enumerate()
        .map(|(i, event)| {
            let action = action(article, &index, gazetteer, event);
            let actor_place = |actor| actor_place(article, &index, actor, event.sentence);
            EventGeo {
                event: i,
                action_source: action.as_ref().map(|a| a.1),
                action_place: action.as_ref().and_then(|a| a.2),
                action: action.map(|a| a.0),
                actor1: actor_place(event.source),
                actor2: actor_place(event.target),
            }
        })
        .collect()
}
