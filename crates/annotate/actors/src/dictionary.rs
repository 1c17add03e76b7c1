//! The bundled actor dictionary: countries, office-holders, organisations, metonyms and role
//! words, read from the editable CSV/TOML files in `data/actors/` and indexed by lower-cased
//! phrase for longest-match lookup.

use crate::check::CodeParts;
use crate::phoenix::Merged;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use chrono::NaiveDate;
use eventwire_lexicon::Lexicon;
use eventwire_model::{Article, Token};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A problem in one of the bundled dictionary files, naming the file and line.
#[derive(Debug, thiserror::Error)]
pub enum DictionaryError {
    #[error("{file}:{line}: expected {expected} columns, found {found}")]
    Columns {
        file: &'static str,
        line: usize,
        expected: usize,
        found: usize,
    },
    #[error("{file}:{line}: bad date {value:?}")]
    Date {
        file: &'static str,
        line: usize,
        value: String,
    },
    #[error("{file}: {source}")]
    Toml {
        file: &'static str,
        source: toml::de::Error,
    },
}

pub struct Country {
    pub iso3: String,
    pub name: String,
    pub wikipedia: String,
}

pub struct Term {
    pub office: String,
    pub iso3: String,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub code: String,
    /// The file and line the term was read from, for `eventwire actors check`.
    pub origin: Origin,
    /// The row's author doubted the fact (`leaders.csv` `certainty` = `unsure`).
    pub unsure: bool,
}

/// Where a dictionary row was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: Arc<str>,
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

pub struct Person {
    pub id: String,
    pub name: String,
    /// `Some(true)`: a woman; `None` when the dictionary does not tell (Phoenix rows).
    pub female: Option<bool>,
    pub wikipedia: String,
    pub terms: Vec<Term>,
}

impl Person {
    /// The code of the term in force on `date`, else of the latest term.
    pub fn code_on(&self, date: Option<NaiveDate>) -> &str {
        let current = date.and_then(|d| self.terms.iter().find(|t| t.covers(d)));
        let term = current.or(self.terms.last()).expect("a person has a term");
        &term.code
    }

    pub fn country(&self) -> &str {
        &self.terms[0].iso3
    }
}

impl Term {
    fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|end| date < end)
    }
}

pub struct Organisation {
    pub id: String,
    pub name: String,
    pub code: String,
    pub wikipedia: String,
}

pub struct Role {
    pub role: String,
    pub office: String,
    pub title: bool,
    /// Names one person ("leader", "spokesman"), not a group or body ("officials", "military").
    pub person: bool,
}

pub struct Metonym {
    pub phrase: String,
    pub iso3: String,
    pub role: String,
    pub wikipedia: String,
}

impl Metonym {
    /// Country and role: "the White House" → USAGOV.
    pub fn code(&self) -> String {
        format!("{}{}", self.iso3, self.role)
    }
}

/// What a dictionary phrase stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Person(usize),
    CountryName(usize),
    Adjective(usize),
    People(usize),
    Capital(usize),
    Metonym(usize),
    Organisation(usize),
    /// A well-known place outside countries.csv (`names.toml` `places`): an uncoded location.
    Place(usize),
    /// A region's adjective ("European", "Western"): heads agent phrases only ("European
    /// leaders" → `EURGOV`); the index is the region's row in `countries`.
    Region(usize),
    Role(usize),
}

impl Entry {
    /// Proper-name entries must be capitalised in the text ("Turkey", not "turkey").
    pub fn needs_capital(self) -> bool {
        !matches!(self, Entry::Role(_))
    }
}

#[derive(Deserialize)]
pub struct NameRules {
    pub not_names: Vec<String>,
    pub organisation_words: Vec<String>,
    pub place_words: Vec<String>,
    pub place_prepositions: Vec<String>,
    pub locative_prepositions: Vec<String>,
    pub name_connectors: Vec<String>,
    pub male_given_names: Vec<String>,
    pub female_given_names: Vec<String>,
    pub places: Vec<String>,
    pub not_alone: Vec<String>,
    pub people_groups: Vec<String>,
    pub subject_groups: Vec<String>,
    pub member_nouns: Vec<String>,
    pub object_words: Vec<String>,
    pub back_references: BackReferences,
}

/// Definite nouns that refer back to a named actor ("the company", "the mosque"), by what they
/// may fall back to when no earlier name holds the noun.
#[derive(Deserialize)]
pub struct BackReferences {
    pub organisation: Vec<String>,
    pub settlement: Vec<String>,
    pub territory: Vec<String>,
    pub body: Vec<String>,
    pub man: Vec<String>,
    pub woman: Vec<String>,
    pub person: Vec<String>,
    pub named: Vec<String>,
}

/// What a back-referring noun may stand for besides a name holding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// Only an actor whose name holds the noun.
    NameOnly,
    Organisation,
    Settlement,
    /// A place or a country ("the region", "the nation").
    Territory,
    /// A state body ("the government"): the group named with that role word, else the body of
    /// the last country mentioned.
    Body,
    /// A person, of this gender (`Some(true)`: a woman) when the noun tells it ("the boy").
    Person(Option<bool>),
}

impl BackReferences {
    pub fn fallback(&self, noun: &str) -> Option<Fallback> {
        let has = |list: &[String]| list.iter().any(|n| n == noun);
        if has(&self.organisation) {
            Some(Fallback::Organisation)
        } else if has(&self.settlement) {
            Some(Fallback::Settlement)
        } else if has(&self.territory) {
            Some(Fallback::Territory)
        } else if has(&self.body) {
            Some(Fallback::Body)
        } else if has(&self.man) {
            Some(Fallback::Person(Some(false)))
        } else if has(&self.woman) {
            Some(Fallback::Person(Some(true)))
        } else if has(&self.person) {
            Some(Fallback::Person(None))
        } else if has(&self.named) {
            Some(Fallback::NameOnly)
        } else {
            None
        }
    }
}

impl NameRules {
    /// Whether a given name is female (`Some(true)`), male, or tells nothing.
    pub fn given_name_gender(&self, given: &str) -> Option<bool> {
        if self.female_given_names.iter().any(|n| n == given) {
            Some(true)
        } else if self.male_given_names.iter().any(|n| n == given) {
            Some(false)
        } else {
            None
        }
    }
}

pub struct Dictionary {
    pub countries: Vec<Country>,
    pub people: Vec<Person>,
    pub organisations: Vec<Organisation>,
    pub roles: Vec<Role>,
    pub metonyms: Vec<Metonym>,
    pub names: NameRules,
    /// Person id → index into `people`.
    pub(crate) person_index: HashMap<String, usize>,
    /// The Phoenix dictionaries (the lexicon's actors) merged in.
    pub phoenix: Arc<Lexicon>,
    /// How many organisations `organisations.csv` lists (the Phoenix ones follow).
    pub listed_organisations: usize,
    /// Phoenix actors that named an actor of `data/actors/`.
    pub merged: Vec<Merged>,
    phrases: HashMap<String, Vec<Entry>>,
    /// Every key of `phrases`, found all at once in a sentence's normalised text (one pass per
    /// sentence instead of one hash of a joined n-gram per position and length).
    automaton: AhoCorasick,
    /// Pattern id of `automaton` → key of `phrases`.
    keys: Vec<String>,
    /// Per phrase: whether every listed form is in capitals ("WHO", "US"), so that "Who" and
    /// "us" in the text are not taken for them.
    capitals_only: HashMap<String, bool>,
    /// Phrases listed in lower case ("the alliance" for NATO): no capital needed in the text.
    lower_case: HashSet<String>,
}

/// The dictionary phrases of one sentence: per start token, (end token, pattern) longest first.
pub struct SentenceMatches {
    by_start: Vec<Vec<(usize, usize)>>,
}

impl SentenceMatches {
    pub fn starting_at(&self, token: usize) -> &[(usize, usize)] {
        self.by_start.get(token).map_or(&[], Vec::as_slice)
    }
}

/// Lower-cases and unifies apostrophes so that text and dictionary phrases compare equal.
/// Letters written with or without their diacritics are one ("Luiz Inacio Lula da Silva",
/// "Erdogan" for "Erdoğan"): wire copy often drops them.
pub fn normalise(phrase: &str) -> String {
    phrase
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '’' => '\'',
            _ => without_diacritic(c),
        })
        .collect()
}

fn without_diacritic(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'đ' | 'ď' => 'd',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì'..='ï' | 'ī' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ț' | 'ť' => 't',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

fn rows(
    file: &'static str,
    text: &str,
    columns: usize,
) -> Result<Vec<(usize, Vec<String>)>, DictionaryError> {
    let mut out = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<String> = line.split(',').map(|f| f.trim().to_string()).collect();
        if fields.len() != columns {
            return Err(DictionaryError::Columns {
                file,
                line: index + 1,
                expected: columns,
                found: fields.len(),
            });
        }
        out.push((index + 1, fields));
    }
    // The first non-comment row is the header.
    Ok(out.into_iter().skip(1).collect())
}

fn aliases(field: &str) -> impl Iterator<Item = &str> {
    field.split(';').map(str::trim).filter(|a| !a.is_empty())
}

fn date(
    file: &'static str,
    line: usize,
    value: &str,
) -> Result<Option<NaiveDate>, DictionaryError> {
    if value.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| DictionaryError::Date {
            file,
            line,
            value: value.to_string(),
        })
}

impl Dictionary {
    pub fn load() -> Result<Self, DictionaryError> {
        let names = toml::from_str(include_str!("../../../../data/actors/names.toml")).map_err(
            |source| DictionaryError::Toml {
                file: "names.toml",
                source,
            },
        )?;
        let mut dict = Dictionary {
            countries: Vec::new(),
            people: Vec::new(),
            organisations: Vec::new(),
            roles: Vec::new(),
            metonyms: Vec::new(),
            names,
            person_index: HashMap::new(),
            phoenix: Lexicon::bundled(),
            merged: Vec::new(),
            listed_organisations: 0,
            phrases: HashMap::new(),
            automaton: AhoCorasick::new(Vec::<String>::new()).expect("an empty automaton"),
            keys: Vec::new(),
            capitals_only: HashMap::new(),
            lower_case: HashSet::new(),
        };
        dict.load_countries()?;
        dict.load_regions()?;
        dict.load_people()?;
        dict.load_organisations()?;
        dict.load_roles()?;
        dict.load_metonyms()?;
        dict.load_places();
        dict.listed_organisations = dict.organisations.len();
        let phoenix = Arc::clone(&dict.phoenix);
        dict.load_phoenix(&phoenix.actors);
        dict.index_phrases();
        Ok(dict)
    }

    pub(crate) fn add(&mut self, phrase: &str, entry: Entry) {
        if phrase.is_empty() {
            return;
        }
        let key = normalise(phrase);
        if !phrase.chars().any(char::is_uppercase) {
            self.lower_case.insert(key.clone());
        }
        let in_capitals = !phrase.chars().any(char::is_lowercase);
        self.capitals_only
            .entry(key.clone())
            .and_modify(|all| *all &= in_capitals)
            .or_insert(in_capitals);
        let entries = self.phrases.entry(key).or_default();
        if !entries.contains(&entry) {
            entries.push(entry);
        }
    }

    fn load_countries(&mut self) -> Result<(), DictionaryError> {
        let file = "countries.csv";
        for (_, f) in rows(
            file,
            include_str!("../../../../data/actors/countries.csv"),
            7,
        )? {
            let index = self.countries.len();
            self.add(&f[1], Entry::CountryName(index));
            for alias in aliases(&f[5]) {
                self.add(alias, Entry::CountryName(index));
            }
            for adjective in aliases(&f[2]) {
                self.add(adjective, Entry::Adjective(index));
            }
            for people in aliases(&f[3]) {
                self.add(people, Entry::People(index));
            }
            for capital in aliases(&f[4]) {
                self.add(capital, Entry::Capital(index));
            }
            let wikipedia = match f[6].as_str() {
                "" => f[1].replace(' ', "_"),
                title => title.to_string(),
            };
            self.countries.push(Country {
                iso3: f[0].clone(),
                name: f[1].clone(),
                wikipedia,
            });
        }
        Ok(())
    }

    /// Regions are kept with the countries, coded like them (`EUR`), but only their adjectives
    /// are phrases: "European" alone is no actor, "European leaders" is a group.
    fn load_regions(&mut self) -> Result<(), DictionaryError> {
        let file = "regions.csv";
        for (_, f) in rows(file, include_str!("../../../../data/actors/regions.csv"), 4)? {
            let index = self.countries.len();
            for adjective in aliases(&f[2]) {
                self.add(adjective, Entry::Region(index));
            }
            self.countries.push(Country {
                iso3: f[0].clone(),
                name: f[1].clone(),
                wikipedia: f[3].clone(),
            });
        }
        Ok(())
    }

    /// `people.csv` (terms checked by the earlier rounds) and `leaders.csv` (every UN member's
    /// leaders, with a source and a certainty per row); one id in both is one person.
    fn load_people(&mut self) -> Result<(), DictionaryError> {
        let people = include_str!("../../../../data/actors/people.csv");
        self.load_terms("people.csv", people, 10)?;
        let leaders = include_str!("../../../../data/actors/leaders.csv");
        self.load_terms("leaders.csv", leaders, 12)
    }

    /// Terms of office, one per row; the first ten columns are those of `people.csv`, an 11th
    /// (`source`) and 12th (`certainty`) may follow.
    fn load_terms(
        &mut self,
        file: &'static str,
        text: &str,
        columns: usize,
    ) -> Result<(), DictionaryError> {
        for (line, f) in rows(file, text, columns)? {
            let term = Term {
                office: f[5].clone(),
                iso3: f[4].clone(),
                start: date(file, line, &f[6])?.unwrap_or(NaiveDate::MIN),
                end: date(file, line, &f[7])?,
                code: f[8].clone(),
                origin: Origin {
                    file: Arc::from(file),
                    line,
                },
                unsure: f.get(11).is_some_and(|c| c == "unsure"),
            };
            let index = match self.person_index.get(&f[0]) {
                Some(&index) => index,
                None => {
                    self.person_index.insert(f[0].clone(), self.people.len());
                    self.people.push(Person {
                        id: f[0].clone(),
                        name: f[1].clone(),
                        female: match f[3].as_str() {
                            "f" => Some(true),
                            "m" => Some(false),
                            _ => None,
                        },
                        wikipedia: f[9].clone(),
                        terms: Vec::new(),
                    });
                    self.people.len() - 1
                }
            };
            self.people[index].terms.push(term);
            self.add(&f[1], Entry::Person(index));
            for alias in aliases(&f[2]) {
                self.add(alias, Entry::Person(index));
            }
        }
        Ok(())
    }

    /// `organisations.csv` (international and other organisations) and `institutions.csv`
    /// (media, think tanks, universities, companies, armed groups, with a `source` column).
    fn load_organisations(&mut self) -> Result<(), DictionaryError> {
        let organisations = include_str!("../../../../data/actors/organisations.csv");
        self.load_organisation_file("organisations.csv", organisations, 5)?;
        let institutions = include_str!("../../../../data/actors/institutions.csv");
        self.load_organisation_file("institutions.csv", institutions, 6)
    }

    fn load_organisation_file(
        &mut self,
        file: &'static str,
        text: &str,
        columns: usize,
    ) -> Result<(), DictionaryError> {
        for (_, f) in rows(file, text, columns)? {
            let index = self.organisations.len();
            self.add(&f[1], Entry::Organisation(index));
            for alias in aliases(&f[2]) {
                // "the United Nations" is also "United Nations"; a lower-case alias keeps its
                // "the" ("the alliance", never "an alliance").
                let lower_case = !alias.chars().any(char::is_uppercase);
                let phrase = if lower_case {
                    alias
                } else {
                    alias.trim_start_matches("the ")
                };
                self.add(phrase, Entry::Organisation(index));
            }
            self.organisations.push(Organisation {
                id: f[0].clone(),
                name: f[1].clone(),
                code: f[3].clone(),
                wikipedia: f[4].clone(),
            });
        }
        Ok(())
    }

    fn load_roles(&mut self) -> Result<(), DictionaryError> {
        let file = "roles.csv";
        for (_, f) in rows(file, include_str!("../../../../data/actors/roles.csv"), 5)? {
            let index = self.roles.len();
            self.add(&f[0], Entry::Role(index));
            self.roles.push(Role {
                role: f[1].clone(),
                office: f[2].clone(),
                title: f[3] == "yes",
                person: f[4] == "yes",
            });
        }
        Ok(())
    }

    fn load_metonyms(&mut self) -> Result<(), DictionaryError> {
        let file = "metonyms.csv";
        for (_, f) in rows(
            file,
            include_str!("../../../../data/actors/metonyms.csv"),
            4,
        )? {
            let index = self.metonyms.len();
            self.add(&f[0], Entry::Metonym(index));
            self.metonyms.push(Metonym {
                phrase: f[0].clone(),
                iso3: f[1].clone(),
                role: f[2].clone(),
                wikipedia: f[3].clone(),
            });
        }
        Ok(())
    }

    fn load_places(&mut self) {
        let places = self.names.places.clone();
        for (index, place) in places.iter().enumerate() {
            self.add(place, Entry::Place(index));
        }
    }

    /// Entries for a phrase as written in the text, compared case-insensitively except that
    /// phrases listed only in capitals must be written in capitals.
    pub fn lookup(&self, written: &str) -> &[Entry] {
        let key = normalise(written)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.entries_fitting(&key, written)
    }

    fn index_phrases(&mut self) {
        self.keys = self.phrases.keys().cloned().collect();
        // The noncontiguous NFA builds fastest (start-up) and is fast enough on sentences.
        self.automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .match_kind(MatchKind::Standard)
            .build(&self.keys)
            .expect("dictionary phrases are short enough for an automaton");
    }

    /// Every dictionary phrase in a sentence (`tokens`), by the token it starts at: tokens are
    /// normalised once and joined by one space where the text has white space between them, as
    /// `lookup` joins the words of a phrase.
    pub fn sentence_matches(&self, article: &Article, tokens: &[Token]) -> SentenceMatches {
        let mut text = String::new();
        let mut starts = HashMap::new();
        let mut ends = HashMap::new();
        for (i, token) in tokens.iter().enumerate() {
            if i > 0 && token.span.start > tokens[i - 1].span.end {
                text.push(' ');
            }
            starts.insert(text.len(), i);
            text.push_str(&normalise(article.slice(token.span)));
            ends.insert(text.len(), i + 1);
        }
        let mut by_start: Vec<Vec<(usize, usize)>> = vec![Vec::new(); tokens.len()];
        for found in self.automaton.find_overlapping_iter(&text) {
            if let (Some(&start), Some(&end)) = (starts.get(&found.start()), ends.get(&found.end()))
            {
                by_start[start].push((end, found.pattern().as_usize()));
            }
        }
        for ends in &mut by_start {
            ends.sort_by(|a, b| b.cmp(a));
        }
        SentenceMatches { by_start }
    }

    /// The entries of a phrase found by `sentence_matches`, if the text writes it in a case
    /// that fits (phrases listed only in capitals must be written in capitals).
    pub fn entries_of_match(&self, pattern: usize, written: &str) -> &[Entry] {
        self.entries_fitting(&self.keys[pattern], written)
    }

    fn entries_fitting(&self, key: &str, written: &str) -> &[Entry] {
        let case_fits = || {
            !written.chars().any(char::is_lowercase)
                || !self.capitals_only.get(key).copied().unwrap_or(false)
        };
        match self.phrases.get(key) {
            Some(entries) if case_fits() => entries,
            _ => &[],
        }
    }

    pub fn person_by_id(&self, id: &str) -> Option<&Person> {
        self.person_index.get(id).map(|&i| &self.people[i])
    }

    /// Whether the phrase is listed in lower case, so that it needs no capital in the text.
    pub fn listed_in_lower_case(&self, written: &str) -> bool {
        self.lower_case.contains(&normalise(written))
    }

    /// The parts codes may be made of: countries and regions (of countries.csv, regions.csv and
    /// Phoenix's country rows), the prefixes of the organisations
    /// of `organisations.csv` (IGO, NGO, IMG), the role codes of `roles.csv` and of the Phoenix
    /// agents (GOV, COP, ELI, …).
    pub fn known_code_parts(&self) -> CodeParts {
        let prefix = |code: &str| code.get(..3).unwrap_or(code).to_string();
        let is_country = |p: &str| self.countries.iter().any(|c| c.iso3 == p);
        let agent_parts = self.phoenix.agents.iter().flat_map(|a| {
            let code = a.code.as_bytes();
            code.chunks(3)
                .filter_map(|part| std::str::from_utf8(part).ok())
                .map(str::to_string)
                .collect::<Vec<_>>()
        });
        // Phoenix codes countries and territories outside countries.csv too (ASM, AIA).
        let phoenix_countries = self
            .phoenix
            .actors
            .iter()
            .flat_map(|a| &a.codes)
            .filter_map(|c| {
                let bare = c.code.len() == 3 && !c.is_dated();
                bare.then(|| c.code.clone())
            });
        CodeParts {
            actors: self
                .countries
                .iter()
                .map(|c| c.iso3.clone())
                .chain(phoenix_countries)
                .collect(),
            organisations: self.organisations[..self.listed_organisations]
                .iter()
                .map(|o| prefix(&o.code))
                .filter(|p| !is_country(p))
                .collect(),
            roles: self
                .roles
                .iter()
                .map(|r| r.role.clone())
                .filter(|r| !r.is_empty())
                .chain(agent_parts)
                .collect(),
        }
    }

    /// Who held `office` for `iso3` on `date` ("the American president" on 2025-01-31 → Trump).
    pub fn office_holder(
        &self,
        iso3: &str,
        office: &str,
        date: Option<NaiveDate>,
    ) -> Option<usize> {
        self.holder(|t| t.iso3 == iso3 && t.office == office, date)
    }

    /// Who held `office` in the institution coded `code` on `date` ("the UN secretary-general").
    pub fn office_holder_by_code(
        &self,
        code: &str,
        office: &str,
        date: Option<NaiveDate>,
    ) -> Option<usize> {
        if office.is_empty() {
            return None;
        }
        self.holder(|t| t.code == code && t.office == office, date)
    }

    /// The holder of an office on `date`; without a date (a plain-text file), the one serving
    /// now, since news is mostly read while it is recent.
    fn holder(&self, office: impl Fn(&Term) -> bool, date: Option<NaiveDate>) -> Option<usize> {
        let serving = |t: &Term| date.map_or(t.end.is_none(), |d| t.covers(d));
        self.people
            .iter()
            .position(|p| p.terms.iter().any(|t| office(t) && serving(t)))
    }
}
