//! `eventwire actors check`: consistency of the actor dictionary — two holders of one office at
//! once, offices left without a holder, codes made of unknown parts, rows marked unsure.

use crate::dictionary::{Dictionary, Entry, Origin, Person, Term};
use crate::phoenix::origin;
use chrono::NaiveDate;
use eventwire_lexicon::{ActorEntry, DatedCode};
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// One problem found, with the row it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: FindingKind,
    pub origin: Origin,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    /// Two people hold one single-holder office at the same time.
    Overlap,
    /// Nobody holds an office between two terms, or after the last one ended.
    Gap,
    /// A code whose parts are no country, region, organisation or role the dictionary knows.
    UnknownCode,
    /// The Phoenix dictionaries code an actor of `data/actors/` otherwise.
    Conflict,
    /// A row its author marked as unsure.
    Unsure,
}

impl FindingKind {
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Overlap => "overlap",
            FindingKind::Gap => "gap",
            FindingKind::UnknownCode => "unknown code",
            FindingKind::Conflict => "conflict",
            FindingKind::Unsure => "unsure",
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.origin, self.kind.name(), self.message)
    }
}

/// How long an office may stay empty between two holders before it is reported: caretakers and
/// acting holders fill most changes, so a longer gap usually means a missing row.
const LONGEST_HANDOVER_DAYS: i64 = 31;

/// Every finding, by kind and then by file and line.
pub fn check(dict: &Dictionary, today: NaiveDate) -> Vec<Finding> {
    let offices = single_holder_offices(dict);
    let mut findings = Vec::new();
    findings.extend(overlaps(&offices));
    findings.extend(gaps(&offices, today));
    findings.extend(unknown_codes(dict));
    findings.extend(conflicts(dict));
    findings.extend(unsure_rows(dict));
    findings.sort_by(|a, b| {
        (a.kind, &a.origin.file, a.origin.line).cmp(&(b.kind, &b.origin.file, b.origin.line))
    });
    findings
}

/// One office (country, office name, code) and its terms in order of start.
type Offices<'a> = BTreeMap<(&'a str, &'a str, &'a str), Vec<(&'a Person, &'a Term)>>;

/// The terms of offices that `roles.csv` names ("president", "foreign minister"): one holder at a
/// time, unlike "envoy" or "spokesman".
fn single_holder_offices(dict: &Dictionary) -> Offices<'_> {
    let named: HashSet<&str> = dict
        .roles
        .iter()
        .map(|r| r.office.as_str())
        .filter(|o| !o.is_empty())
        .collect();
    let mut offices: Offices = BTreeMap::new();
    for person in &dict.people {
        for term in person
            .terms
            .iter()
            .filter(|t| named.contains(t.office.as_str()))
        {
            let key = (term.iso3.as_str(), term.office.as_str(), term.code.as_str());
            offices.entry(key).or_default().push((person, term));
        }
    }
    for terms in offices.values_mut() {
        terms.sort_by_key(|(_, t)| t.start);
    }
    offices
}

fn overlaps(offices: &Offices) -> Vec<Finding> {
    let mut found = Vec::new();
    for ((iso3, office, _), terms) in offices {
        for (i, (p, t)) in terms.iter().enumerate() {
            for (q, u) in &terms[i + 1..] {
                let overlap =
                    t.end.is_none_or(|e| u.start < e) && u.end.is_none_or(|e| t.start < e);
                if overlap && p.id != q.id {
                    found.push(Finding {
                        kind: FindingKind::Overlap,
                        origin: u.origin.clone(),
                        message: format!(
                            "{} and {} are both {iso3} {office} on {} ({})",
                            q.name,
                            p.name,
                            u.start.max(t.start),
                            t.origin
                        ),
                    });
                }
            }
        }
    }
    found
}

fn gaps(offices: &Offices, today: NaiveDate) -> Vec<Finding> {
    let mut found = Vec::new();
    for ((iso3, office, _), terms) in offices {
        for pair in terms.windows(2) {
            let ((p, t), (q, u)) = (pair[0], pair[1]);
            let Some(end) = t.end else { continue };
            if u.start != NaiveDate::MIN && (u.start - end).num_days() > LONGEST_HANDOVER_DAYS {
                found.push(Finding {
                    kind: FindingKind::Gap,
                    origin: u.origin.clone(),
                    message: format!(
                        "no {iso3} {office} from {end} ({}) to {} ({})",
                        p.name, u.start, q.name
                    ),
                });
            }
        }
        let (last, term) = terms.last().expect("an office has a term");
        let still_held = terms.iter().any(|(_, t)| t.end.is_none_or(|e| e > today));
        if let (Some(end), false) = (term.end, still_held) {
            found.push(Finding {
                kind: FindingKind::Gap,
                origin: term.origin.clone(),
                message: format!("no {iso3} {office} after {} left on {end}", last.name),
            });
        }
    }
    found
}

/// A code is a country, region or organisation prefix followed by role codes ("KENCOP",
/// "USAGOVDEV") or a territory ("USAASMGOV"); after an organisation's prefix ("IGO", "NGO") anything may follow.
fn unknown_codes(dict: &Dictionary) -> Vec<Finding> {
    let known = dict.known_code_parts();
    let mut found = Vec::new();
    for person in &dict.people {
        for term in &person.terms {
            if !known.accepts(&term.code) {
                found.push(Finding {
                    kind: FindingKind::UnknownCode,
                    origin: term.origin.clone(),
                    message: format!("{} is coded {:?}", person.name, term.code),
                });
            }
        }
    }
    found
}

/// Phoenix actors merged into one of `data/actors/` whose code differs from ours: a dated code
/// over one of our terms, or the default code of an organisation or country.
fn conflicts(dict: &Dictionary) -> Vec<Finding> {
    let mut found = Vec::new();
    for merged in &dict.merged {
        let phoenix = &dict.phoenix.actors[merged.phoenix];
        match merged.into {
            Entry::Person(p) => found.extend(term_conflicts(phoenix, &dict.people[p])),
            Entry::Organisation(o) => {
                let ours = &dict.organisations[o];
                found.extend(default_conflict(phoenix, &ours.name, &ours.code));
            }
            Entry::CountryName(c) => {
                let ours = &dict.countries[c];
                found.extend(default_conflict(phoenix, &ours.name, &ours.iso3));
            }
            _ => {}
        }
    }
    found
}

fn term_conflicts(phoenix: &ActorEntry, person: &Person) -> Vec<Finding> {
    let mut found = Vec::new();
    let dated = phoenix.codes.iter().filter(|c| c.is_dated());
    for code in dated {
        let from = code.from.unwrap_or(NaiveDate::MIN);
        let until = code.until.unwrap_or(NaiveDate::MAX);
        let clashing = person.terms.iter().filter(|t| {
            let known_start = t.start != NaiveDate::MIN;
            let overlap = from < t.end.unwrap_or(NaiveDate::MAX) && t.start <= until;
            known_start && overlap && t.code != code.code
        });
        for term in clashing {
            found.push(Finding {
                kind: FindingKind::Conflict,
                origin: origin(&code.provenance),
                message: format!(
                    "{} is {} {} here, {} from {} ({})",
                    person.name,
                    code.code,
                    period(code),
                    term.code,
                    term.start,
                    term.origin
                ),
            });
        }
    }
    found
}

fn default_conflict(phoenix: &ActorEntry, name: &str, ours: &str) -> Option<Finding> {
    let code = phoenix.codes.iter().rev().find(|c| !c.is_dated())?;
    (code.code != ours).then(|| Finding {
        kind: FindingKind::Conflict,
        origin: origin(&code.provenance),
        message: format!("{name} is {} here, {ours} in data/actors", code.code),
    })
}

fn period(code: &DatedCode) -> String {
    let day = |d: Option<NaiveDate>| d.map_or("…".to_string(), |d| d.to_string());
    format!("{}–{}", day(code.from), day(code.until))
}

fn unsure_rows(dict: &Dictionary) -> Vec<Finding> {
    let mut found = Vec::new();
    for person in &dict.people {
        for term in person.terms.iter().filter(|t| t.unsure) {
            let end = term.end.map_or("open".to_string(), |e| e.to_string());
            found.push(Finding {
                kind: FindingKind::Unsure,
                origin: term.origin.clone(),
                message: format!(
                    "{} {} {} from {} to {end}",
                    person.name, term.iso3, term.office, term.start
                ),
            });
        }
    }
    found
}

/// The three-letter parts codes are made of.
pub struct CodeParts {
    /// Countries, regions: a role may follow.
    pub actors: HashSet<String>,
    /// Organisation prefixes (IGO, NGO, IMG): anything may follow.
    pub organisations: HashSet<String>,
    /// Role codes (GOV, MIL, COP, …).
    pub roles: HashSet<String>,
}

impl CodeParts {
    pub fn accepts(&self, code: &str) -> bool {
        if code.len() < 3 || !code.is_char_boundary(3) {
            return false;
        }
        let (head, rest) = code.split_at(3);
        if self.organisations.contains(head) {
            return true;
        }
        self.actors.contains(head)
            && rest.len() % 3 == 0
            && rest
                .as_bytes()
                .chunks(3)
                .all(|part| std::str::from_utf8(part).is_ok_and(|part| self.roles.contains(part)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
    }

    #[test]
    fn no_office_named_by_a_role_has_two_holders_at_once() {
        let dict = Dictionary::load().expect("the bundled dictionary loads");
        let clashes: Vec<String> = check(&dict, today())
            .iter()
            .filter(|f| f.kind == FindingKind::Overlap)
            .map(ToString::to_string)
            .collect();
        assert!(clashes.is_empty(), "{}", clashes.join("\n"));
    }

    #[test]
    fn every_code_of_an_office_holder_is_known() {
        let dict = Dictionary::load().expect("the bundled dictionary loads");
        let listed = ["people.csv", "leaders.csv"];
        let unknown: Vec<String> = check(&dict, today())
            .iter()
            .filter(|f| f.kind == FindingKind::UnknownCode && listed.contains(&&*f.origin.file))
            .map(ToString::to_string)
            .collect();
        assert!(unknown.is_empty(), "{}", unknown.join("\n"));
    }

    #[test]
    fn codes_are_checked_part_by_part() {
        let dict = Dictionary::load().expect("the bundled dictionary loads");
        let known = dict.known_code_parts();
        assert!(known.accepts("KENCOP"));
        assert!(known.accepts("IGOUNOIAEA"));
        assert!(!known.accepts("KENCPO"), "an unknown role");
        assert!(!known.accepts("XYZGOV"), "an unknown country");
        assert!(!known.accepts("KENGO"), "a part cut short");
    }

    #[test]
    fn gaps_and_unsure_rows_name_their_row() {
        let dict = Dictionary::load().expect("the bundled dictionary loads");
        let findings = check(&dict, today());
        let unsure = findings
            .iter()
            .find(|f| f.kind == FindingKind::Unsure && f.message.starts_with("Dick Schoof"))
            .expect("Schoof's term is marked unsure");
        assert_eq!(&*unsure.origin.file, "leaders.csv");
        assert!(findings
            .iter()
            .any(|f| f.kind == FindingKind::Gap
                && f.message.contains("USA national security adviser")));
    }
}
