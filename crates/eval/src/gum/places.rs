//! Toponym resolution on the GUM place entities the gazetteer holds: our places against the named
//! gold place mentions whose Wikipedia identity names a gazetteer entry, and whether each matched
//! place was resolved to that entry.
//!
//! A gold identity names an entry the way Wikipedia titles places: `Irving,_Texas` and
//! `Washington_(state)` name an entry called Irving inside Texas, a division called Washington;
//! a bare `Paris` names a country of that name, else the city before the division of the same
//! name in one country ("Kharkiv" the city, "Kharkiv Oblast" the division), else the most
//! populous entry — Wikipedia's primary topic. The rule reads only the gold and the gazetteer.

use super::conllu::{GoldMention, GumDocument};
use super::score::GumFinding;
use crate::score::{match_one_to_one, Counts};
use eventwire_model::{Article, Place, PlaceKind};
use eventwire_places::gazetteer::{EntryId, Gazetteer};
use serde::Serialize;
use std::sync::OnceLock;

/// Place mention and resolution counts of one article (or summed).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PlaceCounts {
    /// Our places against the gold place mentions the gazetteer holds (head word, else overlap).
    pub mentions: Counts,
    /// Matched places resolved to the gold entry.
    pub resolved: usize,
}

impl PlaceCounts {
    pub fn add(&mut self, other: PlaceCounts) {
        self.mentions.add(other.mentions);
        self.resolved += other.resolved;
    }

    /// Share of the matched places resolved to the right entry.
    pub fn resolution(&self) -> f64 {
        crate::score::ratio(self.resolved, self.mentions.true_pos)
    }
}

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| Gazetteer::load().expect("the bundled gazetteer loads"))
}

/// The entry a Wikipedia identity names (see the module comment).
pub fn entry_of_identity(g: &Gazetteer, identity: &str) -> Option<EntryId> {
    let title = identity.replace('_', " ");
    // Entries whose own name is the title, else those with it as an alternate name.
    let named = |name: &str| -> Vec<EntryId> {
        let all = g.lookup(name);
        let own: Vec<EntryId> = all
            .iter()
            .copied()
            .filter(|&id| g.entry(id).name.eq_ignore_ascii_case(name))
            .collect();
        if own.is_empty() {
            all
        } else {
            own
        }
    };
    let whole = named(&title);
    if !whole.is_empty() {
        return primary_topic(g, &whole);
    }
    let (name, qualifier) = title
        .strip_suffix(')')
        .and_then(|t| t.split_once(" ("))
        .or_else(|| title.split_once(", "))?;
    let candidates = named(name);
    let within = g.lookup(qualifier);
    let inside = |&id: &EntryId| {
        let e = g.entry(id);
        within.iter().any(|&q| {
            let q = g.entry(q);
            match q.kind {
                PlaceKind::Country => q.iso3 == e.iso3 && e.kind != PlaceKind::Country,
                PlaceKind::Admin1 => {
                    q.iso2 == e.iso2 && q.admin1 == e.admin1 && e.kind == PlaceKind::City
                }
                PlaceKind::City => false,
            }
        })
    };
    let kind_word = |id: &EntryId| match g.entry(*id).kind {
        PlaceKind::Admin1 => qualifier.contains("state") || qualifier.contains("province"),
        PlaceKind::Country => qualifier.contains("country"),
        PlaceKind::City => qualifier.contains("city"),
    };
    let pick: Vec<EntryId> = match candidates
        .iter()
        .copied()
        .filter(inside)
        .collect::<Vec<_>>()
    {
        found if !found.is_empty() => found,
        _ => candidates.iter().copied().filter(kind_word).collect(),
    };
    most_populous(g, &pick)
}

fn most_populous(g: &Gazetteer, ids: &[EntryId]) -> Option<EntryId> {
    ids.iter().copied().max_by_key(|&id| g.entry(id).population)
}

/// A bare title: the country, else the city before a same-named division of its country, else
/// the most populous.
fn primary_topic(g: &Gazetteer, ids: &[EntryId]) -> Option<EntryId> {
    let of_kind = |kind| -> Vec<EntryId> {
        ids.iter()
            .copied()
            .filter(|&id| g.entry(id).kind == kind)
            .collect()
    };
    let countries = of_kind(PlaceKind::Country);
    if !countries.is_empty() {
        return most_populous(g, &countries);
    }
    let best = most_populous(g, ids)?;
    let best_entry = g.entry(best);
    let same_country_city = of_kind(PlaceKind::City)
        .into_iter()
        .filter(|&id| g.entry(id).iso2 == best_entry.iso2)
        .max_by_key(|&id| g.entry(id).population);
    match best_entry.kind {
        PlaceKind::Admin1 => same_country_city.or(Some(best)),
        _ => Some(best),
    }
}

/// The named gold place mentions whose identity is a gazetteer entry, with that entry.
fn gold_places(doc: &GumDocument) -> Vec<(&GoldMention, EntryId)> {
    doc.mentions
        .iter()
        .filter(|m| m.etype == "place" && doc.tokens[m.head].upos == "PROPN")
        .filter_map(|m| {
            let identity = m.identity.as_deref()?;
            Some((m, entry_of_identity(gazetteer(), identity)?))
        })
        .collect()
}

/// Scores the article's places; misses, false positives and wrong entries become findings.
pub fn score_places(
    doc: &GumDocument,
    article: &Article,
    findings: &mut Vec<GumFinding>,
) -> PlaceCounts {
    let gold = gold_places(doc);
    let ours: &[Place] = &article.places;
    let by_head = match_one_to_one(&gold, ours, &[], |(g, _), p| {
        doc.head_word_of(p.span) == Some(g.head)
    });
    let pairs = match_one_to_one(&gold, ours, &by_head, |(g, _), p| g.span.overlaps(&p.span));
    let mut finding = |what: &str, span, note: String| {
        findings.push(GumFinding {
            article: doc.id.clone(),
            what: what.to_string(),
            span,
            text: article.slice(span).to_string(),
            note,
        })
    };
    let g = gazetteer();
    let mut resolved = 0;
    for &(gi, pi) in &pairs {
        let (mention, entry) = gold[gi];
        if ours[pi].geo.feature_id == g.entry(entry).id {
            resolved += 1;
        } else {
            let note = format!(
                "gold {} ({}), ours {}",
                mention.identity.as_deref().unwrap_or(""),
                g.geo(entry).full_name,
                ours[pi].geo.full_name
            );
            finding("wrong place", ours[pi].span, note);
        }
    }
    for (gi, (mention, _)) in gold.iter().enumerate() {
        if !pairs.iter().any(|&(pg, _)| pg == gi) {
            let note = mention.identity.clone().unwrap_or_default();
            finding("place miss", mention.span, note);
        }
    }
    // A place of ours on a gold place outside the gazetteer, or inside a gold place name, is
    // neither right nor wrong: only places where GUM has no place at all are false.
    let other_gold_place = |p: &Place| {
        doc.mentions
            .iter()
            .any(|m| m.etype == "place" && m.span.overlaps(&p.span))
    };
    let mut false_pos = 0;
    for (pi, p) in ours.iter().enumerate() {
        if !pairs.iter().any(|&(_, pp)| pp == pi) && !other_gold_place(p) {
            false_pos += 1;
            finding("place false positive", p.span, p.geo.full_name.clone());
        }
    }
    PlaceCounts {
        mentions: Counts {
            true_pos: pairs.len(),
            false_pos,
            false_neg: gold.len() - pairs.len(),
        },
        resolved,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(identity: &str) -> String {
        let g = gazetteer();
        entry_of_identity(g, identity).map_or("none".into(), |id| g.geo(id).full_name)
    }

    #[test]
    fn identities_name_entries_as_wikipedia_titles_places() {
        assert_eq!(entry("Irving,_Texas"), "Irving, Texas, United States");
        assert_eq!(entry("Washington_(state)"), "Washington, United States");
        assert_eq!(entry("Paris"), "Paris, Ile-de-France, France");
        assert_eq!(entry("Georgia_(country)"), "Georgia");
        assert_eq!(entry("Texas"), "Texas, United States");
        assert_eq!(
            entry("New_York_City"),
            "New York City, New York, United States"
        );
        assert_eq!(entry("United_States"), "United States");
        assert_eq!(entry("Kennedy_Space_Center"), "none");
    }
}
