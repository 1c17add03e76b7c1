//! The Phoenix actor dictionaries (`Phoenix.Countries`, `.International`, `.MilNonState`
//! actors; PETRARCH format, MIT, Open Event Data Alliance), read by `eventwire-lexicon` from
//! `data/lexicon/actors.tsv`, merged into the dictionary of `data/actors/`.
//!
//! One actor, one id: a Phoenix actor one of whose full names is already a person, organisation
//! or country of `data/actors/` adds its names to that actor (its codes are compared by `actors
//! check`, not used); any other becomes a person or organisation of its own whose code depends on
//! the publication date (`[USAGOV 20090120-20170120]`). Only names that work as names are taken:
//! two or more consecutive words, not opened by a word the dictionary already reads (a title,
//! role, country or adjective: "president_barack_obama", "us_president_barack_obama" are the
//! titled and agent phrases the recogniser builds itself).

use crate::dictionary::{Dictionary, Entry, Organisation, Origin, Person, Term};
use chrono::{Days, NaiveDate};
use eventwire_lexicon::{ActorEntry, Phrase, Provenance};
use std::sync::Arc;

/// A Phoenix actor that named one already in `data/actors/`, kept for `actors check`.
pub struct Merged {
    /// Index into the lexicon's actors.
    pub phoenix: usize,
    pub into: Entry,
}

impl Dictionary {
    pub(crate) fn load_phoenix(&mut self, actors: &[ActorEntry]) {
        for (index, actor) in actors.iter().enumerate() {
            let names: Vec<String> = actor
                .phrases
                .iter()
                .filter_map(|p| self.usable_name(&p.phrase))
                .collect();
            if names.is_empty() {
                continue;
            }
            match self.existing_actor(&names) {
                Some(into) => {
                    for name in &names {
                        self.add(name, into);
                    }
                    self.merged.push(Merged {
                        phoenix: index,
                        into,
                    });
                }
                None => self.add_phoenix_actor(actor, &names),
            }
        }
    }

    /// A phrase as a capitalised name ("Uhuru Kenyatta"), if it can be one.
    fn usable_name(&self, phrase: &Phrase) -> Option<String> {
        let consecutive = phrase.gaps.iter().all(|gap| !gap);
        // "the_united_nations" is "United Nations" (the text's "the" is no part of the name).
        let words = match phrase.words.split_first() {
            Some((first, rest)) if first == "the" => rest,
            _ => &phrase.words[..],
        };
        let opener_known = words.first().is_some_and(|w| !self.lookup(w).is_empty());
        if words.len() < 2 || !consecutive || opener_known {
            return None;
        }
        let words: Vec<String> = words.iter().map(|w| capitalised(w)).collect();
        Some(words.join(" "))
    }

    /// The person, organisation or country of `data/actors/` one of the names already names.
    fn existing_actor(&self, names: &[String]) -> Option<Entry> {
        names.iter().find_map(|name| {
            self.lookup(name).iter().copied().find(|e| {
                matches!(
                    e,
                    Entry::Person(_) | Entry::Organisation(_) | Entry::CountryName(_)
                )
            })
        })
    }

    fn add_phoenix_actor(&mut self, actor: &ActorEntry, names: &[String]) {
        let Some(default) = actor.codes.last() else {
            return;
        };
        let country_only = default.code.len() == 3 && !default.is_dated();
        if country_only {
            // A country's own rows: countries.csv lists the countries and their names.
            return;
        }
        let entry = if self.names_an_organisation(actor, &names[0]) {
            let index = self.organisations.len();
            self.organisations.push(Organisation {
                id: phoenix_id(&actor.id),
                name: names[0].clone(),
                code: actor.default_code().unwrap_or(&default.code).to_string(),
                wikipedia: String::new(),
            });
            Entry::Organisation(index)
        } else {
            let index = self.people.len();
            let id = phoenix_id(&actor.id);
            self.person_index.insert(id.clone(), index);
            self.people.push(Person {
                id,
                name: names[0].clone(),
                female: None,
                wikipedia: String::new(),
                terms: terms(actor),
            });
            Entry::Person(index)
        };
        for name in names {
            self.add(name, entry);
        }
    }

    /// Armed groups (the MilNonState file) and names holding an organisation's word ("Afghan
    /// National Security Forces", "Texas Instruments Inc") are organisations; other names of
    /// actors with dated codes or of the country files are people.
    fn names_an_organisation(&self, actor: &ActorEntry, name: &str) -> bool {
        let file = &actor.provenance.file;
        let has_organisation_word = name.split(' ').any(|word| {
            self.names
                .organisation_words
                .iter()
                .any(|w| w.eq_ignore_ascii_case(word))
        });
        let undated = actor.codes.iter().all(|c| !c.is_dated());
        has_organisation_word
            || file.contains("MilNonState")
            || (file.contains("International") && undated)
    }
}

/// Phoenix ids are the primary phrase (`uhuru_kenyatta`); prefixed so that they never take the
/// id of a `data/actors/` row.
fn phoenix_id(id: &str) -> String {
    format!("phoenix:{id}")
}

/// The dated codes first, then the default one, which covers every other day (`Person::code_on`
/// takes the first term that covers the day). PETRARCH's end dates are inclusive, ours not.
fn terms(actor: &ActorEntry) -> Vec<Term> {
    let term = |code: &eventwire_lexicon::DatedCode| Term {
        office: String::new(),
        iso3: code.code.get(..3).unwrap_or(&code.code).to_string(),
        start: code.from.unwrap_or(NaiveDate::MIN),
        end: code.until.and_then(|d| d.checked_add_days(Days::new(1))),
        code: code.code.clone(),
        origin: origin(&code.provenance),
        unsure: false,
    };
    let dated = actor.codes.iter().filter(|c| c.is_dated()).map(term);
    let default = actor.codes.iter().rev().find(|c| !c.is_dated()).map(term);
    dated.chain(default).collect()
}

pub fn origin(provenance: &Provenance) -> Origin {
    Origin {
        file: Arc::clone(&provenance.file),
        line: provenance.line as usize,
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phoenix_people_have_their_code_of_the_day() {
        let dict = Dictionary::load().expect("the bundled dictionary loads");
        let entries = dict.lookup("Hamid Karzai");
        let person = entries
            .iter()
            .find_map(|e| match e {
                Entry::Person(p) => Some(&dict.people[*p]),
                _ => None,
            })
            .expect("Karzai is a person of the Phoenix files");
        assert_eq!(person.name, "Hamid Karzai");
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(person.code_on(day("2005-01-01")), "AFGGOV");
        assert_eq!(person.code_on(day("1990-01-01")), "AFGELI");
    }

    #[test]
    fn a_phoenix_actor_already_listed_is_one_actor() {
        let dict = Dictionary::load().expect("the bundled dictionary loads");
        let obama: Vec<&Entry> = dict.lookup("Barack Hussein Obama").iter().collect();
        assert_eq!(obama.len(), 1, "{obama:?}");
        let Entry::Person(p) = obama[0] else {
            panic!("{obama:?}")
        };
        assert_eq!(dict.people[*p].id, "barack_obama", "the people.csv row");
        assert!(dict.merged.iter().any(|m| m.into == Entry::Person(*p)));
    }
}
