//! Place names in the text: found by looking up capitalised word sequences in the gazetteer,
//! then each resolved to one entry by what the article says elsewhere (its countries and
//! divisions), the words around it ("the Kharkiv region", "Paris, Texas") and population.

use crate::gazetteer::{EntryId, Gazetteer};
use eventwire_model::{ActorKind, Article, Mention, MentionKind, PlaceKind, Span, Token};
use std::collections::HashSet;

/// The longest place name looked up, in tokens ("Washington , D.C." is three).
const MAX_WORDS: usize = 5;

/// A dateline is the article's first characters up to a dash: "KYIV, Ukraine (AP) —".
const DATELINE_MAX_BYTES: usize = 60;
const DATELINE_DASHES: [&str; 3] = [" —", " –", " - "];

/// Weights of the resolution score (`ln(population)` is the base; a city of 20,000 is ~10, a
/// capital of millions ~15). Each is the evidence it takes to prefer a smaller place.
const IN_ARTICLE_COUNTRY: f64 = 4.0;
const IN_ARTICLE_DIVISION: f64 = 6.0;
const CAPITAL: f64 = 3.0;
const COUNTRY: f64 = 2.0;
/// A division loses to a city of the same name unless a division word stands by it: "New York",
/// "Kharkiv" are the cities first.
const DIVISION: f64 = -1.0;
const NEXT_TO_DIVISION_WORD: f64 = 10.0;

/// A place name before resolution.
#[derive(Debug, Clone)]
pub struct Toponym {
    pub span: Span,
    pub sentence: usize,
    pub candidates: Vec<EntryId>,
    /// "the Kharkiv region", "Kharkiv Oblast", "the province of Idlib".
    pub division_word: bool,
    pub dateline: bool,
}

/// What the finder needs besides the article.
pub struct Finder<'a> {
    pub gazetteer: &'a Gazetteer,
    /// Lower-case division words (`data/places/divisions.txt`).
    pub divisions: &'a HashSet<String>,
    /// Words that name a gazetteer entry but hardly ever a place (`data/places/not_places.txt`).
    pub not_places: &'a HashSet<String>,
    /// The article's mentions and timexes by sentence ([`crate::by_sentence`]).
    pub mentions: Vec<Vec<usize>>,
    pub timexes: Vec<Vec<usize>>,
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

fn is_name_token(article: &Article, token: &Token) -> bool {
    token.upos == "PROPN" && starts_upper(article.slice(token.span))
}

impl Finder<'_> {
    /// Every place name of the article, in text order: the dateline, then the body.
    pub fn find(&self, article: &Article) -> Vec<Toponym> {
        let mut found: Vec<Toponym> = self.dateline(article).into_iter().collect();
        let body_start = found.last().map_or(0, |d| d.span.end);
        for (s, sentence) in article.sentences.iter().enumerate() {
            let mut i = sentence.tokens.start;
            while i < sentence.tokens.end {
                let token = &article.tokens[i];
                let next = match self.name_at(article, s, i, sentence.tokens.end) {
                    Some(toponym) if token.span.start >= body_start => {
                        let end = article.token_at(toponym.span.end - 1).unwrap_or(i);
                        found.push(toponym);
                        end + 1
                    }
                    _ => i + 1,
                };
                i = next;
            }
        }
        found
    }

    /// The longest place name starting at token `i`, if one passes the checks.
    fn name_at(&self, article: &Article, s: usize, i: usize, end: usize) -> Option<Toponym> {
        let first = &article.tokens[i];
        if !starts_upper(article.slice(first.span)) {
            return None;
        }
        (1..=MAX_WORDS.min(end - i)).rev().find_map(|n| {
            let last = i + n - 1;
            let span = Span::new(first.span.start, article.tokens[last].span.end);
            if !starts_upper(article.slice(article.tokens[last].span)) {
                return None;
            }
            let candidates = self.gazetteer.lookup(article.slice(span));
            if candidates.is_empty() {
                return None;
            }
            self.accept(article, s, (i, last), span, candidates)
        })
    }

    /// Checks a gazetteer match against its surroundings: not part of a longer name ("George
    /// Washington", "Washington Post"), not a person, an organisation or a capital standing for
    /// its government ("Moscow said", an actor's mention), a tagged name when it is one word.
    fn accept(
        &self,
        article: &Article,
        s: usize,
        (i, last): (usize, usize),
        span: Span,
        mut candidates: Vec<EntryId>,
    ) -> Option<Toponym> {
        let any_country = candidates
            .iter()
            .any(|&id| self.gazetteer.entry(id).kind == PlaceKind::Country);
        let any_capital = candidates
            .iter()
            .any(|&id| self.gazetteer.entry(id).capital);
        if self.is_no_place(article, s, span)
            || self.is_other_actor(article, (s, last), span, (any_country, any_capital))
        {
            return None;
        }
        let sentence = &article.sentences[s];
        let token = |k: usize| (sentence.tokens.contains(&k)).then(|| &article.tokens[k]);
        let word = |k: usize| token(k).map(|t| article.slice(t.span).to_lowercase());
        let division_word = word(last + 1).is_some_and(|w| self.divisions.contains(&w))
            || (i >= 2
                && word(i - 1).as_deref() == Some("of")
                && word(i - 2).is_some_and(|w| self.divisions.contains(&w)));
        let longer_name = i
            .checked_sub(1)
            .and_then(token)
            .is_some_and(|t| is_name_token(article, t))
            || (!division_word && token(last + 1).is_some_and(|t| is_name_token(article, t)));
        if longer_name && !any_country {
            return None;
        }
        if i == last && !any_country && article.tokens[i].upos != "PROPN" {
            return None;
        }
        if division_word && candidates.iter().any(|&id| self.is_division(id)) {
            candidates.retain(|&id| self.is_division(id));
        }
        Some(Toponym {
            span,
            sentence: s,
            candidates,
            division_word,
            dateline: false,
        })
    }

    fn is_division(&self, id: EntryId) -> bool {
        self.gazetteer.entry(id).kind == PlaceKind::Admin1
    }

    /// True when an actor mention that is not a place overlaps the span: a person's or an
    /// organisation's name, or a place standing for a government ("Moscow said", "the White
    /// House"; but "fired at Seoul", a capital after a preposition, is the city).
    fn is_other_actor(
        &self,
        article: &Article,
        (s, last): (usize, usize),
        span: Span,
        (country, capital): (bool, bool),
    ) -> bool {
        let capital_after_preposition = capital
            && article
                .sentence_tokens(s)
                .iter()
                .any(|t| t.head == Some(last) && t.deprel == "case");
        self.mentions[s].iter().any(|&k| {
            let m = &article.mentions[k];
            let actor = &article.actors[m.actor];
            let person_or_organisation =
                matches!(actor.kind, ActorKind::Person | ActorKind::Organization);
            // The actor stage guesses the kind of names it does not know ("New South Wales" a
            // person): the gazetteer knows better, unless the mention or the actor's name is
            // longer than the place's ("the Washington Post") or the actor is in the dictionary.
            // A surname after the full name ("Montalvo" after "Julio Montalvo") is the person's.
            let known_or_longer = !actor.id.starts_with("unk:")
                || m.span.len() > span.len()
                || actor.name.len() > span.len();
            // "U.S. Senator John Cornyn": a country opening a longer name is still the country.
            let country_opening =
                country && m.span.start == span.start && m.span.len() > span.len();
            m.span.overlaps(&span)
                && ((m.kind == MentionKind::Metonym && !capital_after_preposition)
                    || (person_or_organisation && known_or_longer && !country_opening))
        })
    }

    /// True when the span is part of a temporal expression ("March" the month) or a word listed
    /// as no place (`data/places/not_places.txt`).
    fn is_no_place(&self, article: &Article, s: usize, span: Span) -> bool {
        self.timexes[s]
            .iter()
            .any(|&k| article.timexes[k].span.overlaps(&span))
            || self.not_places.contains(article.slice(span))
    }

    /// "KYIV, Ukraine (AP) —", "BEIRUT —": a name in capitals at the very start, optionally
    /// followed by its country or division, before a dash.
    fn dateline(&self, article: &Article) -> Option<Toponym> {
        let dash = DATELINE_DASHES
            .iter()
            .filter_map(|d| article.text.find(d))
            .min()
            .filter(|&dash| dash < DATELINE_MAX_BYTES)?;
        let leading = article.text.len() - article.text.trim_start().len();
        // `get`: a dash inside the leading whitespace (" - …") comes before `leading`.
        let line = article.text.get(leading..dash)?;
        let name = line.split([',', '(']).next()?.trim_end();
        if name.is_empty() || name.chars().any(char::is_lowercase) {
            return None;
        }
        let mut candidates = self.gazetteer.lookup(name);
        let qualifier = line[name.len()..]
            .trim_start_matches(',')
            .split('(')
            .next()
            .map(str::trim)
            .filter(|q| !q.is_empty());
        if let Some(qualifier) = qualifier {
            self.restrict_to_qualifier(&mut candidates, &self.gazetteer.lookup(qualifier));
        }
        let span = Span::new(leading, leading + name.len());
        (!candidates.is_empty()).then(|| Toponym {
            span,
            sentence: article.sentence_at(span.start).unwrap_or(0),
            candidates,
            division_word: false,
            dateline: true,
        })
    }

    /// Keeps the candidates that lie in one of the qualifier's countries or divisions ("Paris,
    /// Texas"); all of them when none does.
    fn restrict_to_qualifier(&self, candidates: &mut Vec<EntryId>, qualifier: &[EntryId]) {
        let g = self.gazetteer;
        let inside = |id: EntryId| {
            let e = g.entry(id);
            qualifier.iter().any(|&q| {
                let q = g.entry(q);
                match q.kind {
                    PlaceKind::Country => q.iso3 == e.iso3,
                    PlaceKind::Admin1 => q.iso2 == e.iso2 && q.admin1 == e.admin1,
                    PlaceKind::City => false,
                }
            })
        };
        if candidates.iter().any(|&id| inside(id)) {
            candidates.retain(|&id| inside(id));
        }
    }

    /// "Irving, Texas", "Kharkiv, Ukraine": a name followed by a comma and the name of a country
    /// or division keeps the candidates inside it.
    pub fn apply_qualifiers(&self, article: &Article, found: &mut [Toponym]) {
        for k in 1..found.len() {
            let (before, after) = found.split_at_mut(k);
            let (place, qualifier) = (&mut before[k - 1], &after[0]);
            let between = article.text.get(place.span.end..qualifier.span.start);
            if between.is_some_and(|b| b.trim() == ",") {
                self.restrict_to_qualifier(&mut place.candidates, &qualifier.candidates);
            }
        }
    }

    /// Picks each toponym's entry; see the weights above.
    pub fn resolve(&self, article: &Article, found: &[Toponym]) -> Vec<EntryId> {
        let context = Context::of(article, found, self.gazetteer);
        found
            .iter()
            .map(|t| {
                let score = |&id: &EntryId| context.score(self.gazetteer, id, t.division_word);
                *t.candidates
                    .iter()
                    .max_by(|a, b| score(a).total_cmp(&score(b)))
                    .expect("a toponym has candidates")
            })
            .collect()
    }
}

/// What the article as a whole says about where it is.
struct Context {
    /// ISO alpha-3 codes of the countries its actors belong to and its places unambiguously lie in.
    countries: HashSet<String>,
    /// (ISO alpha-2, admin-1 code) of the divisions it names unambiguously ("Texas").
    divisions: HashSet<(String, String)>,
}

impl Context {
    fn of(article: &Article, found: &[Toponym], g: &Gazetteer) -> Self {
        // An actor named by a toponym ("Georgia" the country actor) is no evidence for its own
        // reading: only the other actors' countries count.
        let toponyms = crate::by_sentence(article.sentences.len(), found, |t| t.sentence);
        let named_by_toponym = |m: &Mention| {
            toponyms
                .get(m.sentence)
                .is_some_and(|ts| ts.iter().any(|&t| found[t].span.overlaps(&m.span)))
        };
        let mut countries: HashSet<String> = article
            .mentions
            .iter()
            .filter(|m| !named_by_toponym(m))
            .filter_map(|m| article.actors[m.actor].country.clone())
            .collect();
        let mut divisions = HashSet::new();
        for t in found {
            let first = g.entry(t.candidates[0]);
            if t.candidates
                .iter()
                .all(|&id| g.entry(id).iso3 == first.iso3)
            {
                countries.insert(first.iso3.clone());
            }
            if t.candidates.len() == 1 && first.kind == PlaceKind::Admin1 {
                divisions.insert((first.iso2.clone(), first.admin1.clone()));
            }
        }
        Context {
            countries,
            divisions,
        }
    }

    fn score(&self, g: &Gazetteer, id: EntryId, division_word: bool) -> f64 {
        let e = g.entry(id);
        let mut score = ((e.population + 10) as f64).ln();
        if self.countries.contains(&e.iso3) {
            score += IN_ARTICLE_COUNTRY;
        }
        if e.kind == PlaceKind::City && self.divisions.contains(&(e.iso2.clone(), e.admin1.clone()))
        {
            score += IN_ARTICLE_DIVISION;
        }
        if e.capital {
            score += CAPITAL;
        }
        score += match e.kind {
            PlaceKind::Country => COUNTRY,
            PlaceKind::Admin1 if division_word => NEXT_TO_DIVISION_WORD,
            PlaceKind::Admin1 => DIVISION,
            PlaceKind::City => 0.0,
        };
        score
    }
}
