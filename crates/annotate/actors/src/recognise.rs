//! Mention recognition: scans each sentence's tokens for pronouns, composed agent phrases
//! ("Russian state television", "U.S. President Donald Trump"), titled names ("General X"),
//! dictionary phrases and, last, capitalised name sequences outside the dictionary.
//! Produces unresolved [`Candidate`]s in text order; `coref` turns them into actors.

use crate::dictionary::{normalise, Dictionary, Entry, Fallback, Role, SentenceMatches};
use eventwire_model::{ActorKind, Article, Span, Token};
use std::collections::{HashMap, HashSet};

/// What a stretch of text was recognised as, before coreference.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// A dictionary person, named or via the office they held ("the Russian president").
    Person {
        person: usize,
        by_role: bool,
    },
    /// A country by name, adjective, people ("the Russians") or capital.
    Country {
        country: usize,
        entry: Entry,
    },
    Metonym(usize),
    Organisation(usize),
    /// A role word after an institution ("a State Department spokesman", "NATO officials"):
    /// someone speaking for the institution (a `Metonym` or `Organisation`), coded as it.
    Member(Box<What>),
    /// A composed generic agent ("Ukrainian officials"): country × role.
    Group {
        country: usize,
        role: String,
        /// The role words as written, lower-cased ("military"): "Israel's military" and "the
        /// Israeli military" are one group.
        words: String,
        /// The role names one person ("leader", "prime minister"), not a body.
        person: bool,
        /// With "the": "the Ukrainian leader" is someone already named in the article.
        definite: bool,
    },
    /// A capitalised name outside the dictionary.
    Unknown {
        name: String,
        kind: ActorKind,
        code: Option<String>,
    },
    /// he/his/she/it/they/…; `owned` is the noun of "his administration".
    Pronoun {
        agreement: Agreement,
        owned: Option<String>,
    },
    /// "the country": the most recently mentioned country.
    TheCountry,
    /// "the company", "the mosque": a named actor mentioned earlier.
    TheNoun {
        noun: String,
        fallback: Fallback,
    },
    /// A name of an object or event ("Space Shuttle Atlantis", "Lantern Festival"): no actor.
    Object {
        name: String,
    },
    /// "the girls", "researchers": a group of people of no country or institution.
    People {
        noun: String,
    },
    /// "the rebels", "police": a group role word of `roles.csv` with no country or institution
    /// before it; coded as PETRARCH codes such agents (`---REB`) unless the article named the
    /// group with its country before ("Sudanese rebels … the rebels" → `SDNREB`).
    Agent {
        role: String,
        words: String,
    },
    /// "the president", "the spokesman": a person named earlier with that office or title.
    TheRole {
        phrase: String,
        office: String,
    },
}

/// What a pronoun agrees with: a man, a woman, an organisation or country ("it"), a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    Male,
    Female,
    Neuter,
    Plural,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub span: Span,
    pub what: What,
}

const PRONOUNS: [(&str, Agreement); 17] = [
    ("he", Agreement::Male),
    ("him", Agreement::Male),
    ("his", Agreement::Male),
    ("himself", Agreement::Male),
    ("she", Agreement::Female),
    ("her", Agreement::Female),
    ("hers", Agreement::Female),
    ("herself", Agreement::Female),
    ("it", Agreement::Neuter),
    ("its", Agreement::Neuter),
    ("itself", Agreement::Neuter),
    ("they", Agreement::Plural),
    ("them", Agreement::Plural),
    ("their", Agreement::Plural),
    ("theirs", Agreement::Plural),
    ("themselves", Agreement::Plural),
    ("themself", Agreement::Plural),
];
/// Nouns that, owned by a leader, stand for their government ("his administration").
const GOVERNMENT_NOUNS: [&str; 3] = ["administration", "government", "cabinet"];
/// Modifiers allowed between a determiner and a country in an agent phrase.
const MODIFIERS: [&str; 7] = [
    "current", "new", "top", "senior", "retired", "outgoing", "then",
];
const DETERMINERS: [&str; 3] = ["the", "a", "an"];

/// One sentence's tokens with the article and dictionary they are read against.
struct Scan<'a> {
    article: &'a Article,
    dict: &'a Dictionary,
    tokens: &'a [Token],
    /// Words the article writes in lower case somewhere ("iodine"), which a capital at the
    /// start of a sentence does not make a name.
    common_words: &'a HashSet<String>,
    /// Capitalised words the article also counts in the plural ("100 Polaroids", "received
    /// Polaroids"), without their "s": things, whose name is no actor's.
    counted_things: &'a HashSet<String>,
    /// Capitalised words the article puts right before a member noun ("Scientology officials"):
    /// organisations' names.
    member_heads: &'a HashSet<String>,
    /// The dictionary phrases of the sentence.
    matches: SentenceMatches,
}

pub fn recognise(article: &Article, dict: &Dictionary) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut known_words = HashMap::new();
    let mut objects = HashSet::new();
    let common_words: HashSet<String> = article
        .tokens
        .iter()
        .map(|t| article.slice(t.span))
        .filter(|w| w.starts_with(char::is_lowercase))
        .map(str::to_string)
        .collect();
    let counted_things = counted_things(article);
    let member_heads = member_heads(article, dict);
    for sentence in 0..article.sentences.len() {
        let tokens = article.sentence_tokens(sentence);
        let scan = Scan {
            article,
            dict,
            tokens,
            matches: dict.sentence_matches(article, tokens),
            common_words: &common_words,
            counted_things: &counted_things,
            member_heads: &member_heads,
        };
        let mut i = scan.dateline_end();
        while i < scan.tokens.len() {
            match scan
                .candidate_at(i)
                .or_else(|| scan.known_word(i, &known_words))
            {
                Some((mut candidate, next)) => {
                    if let Some((word, kind)) = known_word_of(dict, &candidate.what) {
                        known_words.insert(word.to_string(), kind);
                    }
                    same_object(&mut candidate, &mut objects);
                    let mut found = scan.places_inside(&candidate, i, next);
                    found.extend(scan.institution_heading(&candidate, i, next));
                    found.extend(scan.country_heading(&candidate, i, next));
                    found.extend(scan.known_word_heading(&candidate, i, next, &known_words));
                    found.push(candidate);
                    // Text order; a nested name at the same start goes first, so that the
                    // whole phrase stays next to what follows it (appositions).
                    found.sort_by_key(|c| (c.span.start, c.span.end));
                    out.extend(found);
                    i = next;
                }
                None => i += 1,
            }
        }
    }
    let out = add_people_inside_names(article, dict, out);
    absorb_appositions(article, dict, out)
}

/// Capitalised plurals inside sentences that follow neither "the" nor another capital ("of
/// Polaroids", but not "the Sams" or "Senate Democrats", which name families and parties), without
/// their "s".
fn counted_things(article: &Article) -> HashSet<String> {
    let mut things = HashSet::new();
    for sentence in 0..article.sentences.len() {
        let tokens = article.sentence_tokens(sentence);
        for pair in tokens.windows(2) {
            let (before, word) = (article.slice(pair[0].span), article.slice(pair[1].span));
            let plain_before = (before.starts_with(char::is_lowercase) && before != "the")
                || before.starts_with(|c: char| c.is_ascii_digit());
            if let Some(singular) = word.strip_suffix('s') {
                if plain_before && singular.len() > 2 && starts_upper(singular) {
                    things.insert(singular.to_string());
                }
            }
        }
    }
    things
}

/// Capitalised words right before one of `member_nouns` ("Scientology officials").
fn member_heads(article: &Article, dict: &Dictionary) -> HashSet<String> {
    let members = &dict.names.member_nouns;
    (0..article.sentences.len())
        .flat_map(|sentence| article.sentence_tokens(sentence).windows(2))
        .map(|pair| (article.slice(pair[0].span), article.slice(pair[1].span)))
        .filter(|(word, next)| starts_upper(word) && members.iter().any(|m| m == next))
        .map(|(word, _)| word.to_string())
        .collect()
}

/// Whether a candidate is a longer name found outside the dictionary that may hold other names
/// ("The Andy Warhol Foundation", "University of Southern Indiana").
fn is_compound_name(candidate: &Candidate) -> bool {
    matches!(
        &candidate.what,
        What::Unknown { name, kind: ActorKind::Organization | ActorKind::Location, .. }
            if name.contains(' ')
    )
}

/// "The Andy Warhol Foundation": a person the article names elsewhere, inside a longer name, is
/// a mention of that person as well.
fn add_people_inside_names(
    article: &Article,
    dict: &Dictionary,
    candidates: Vec<Candidate>,
) -> Vec<Candidate> {
    let people: Vec<(String, What)> = candidates
        .iter()
        .filter_map(|c| {
            let name = match &c.what {
                What::Person { person, .. } => dict.people[*person].name.clone(),
                What::Unknown {
                    name,
                    kind: ActorKind::Person,
                    ..
                } if name.contains(' ') => name.clone(),
                _ => return None,
            };
            Some((name, c.what.clone()))
        })
        .collect();
    let mut out = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let inside: Vec<Candidate> = if is_compound_name(&candidate) {
            let text = article.slice(candidate.span);
            people
                .iter()
                .filter_map(|(name, what)| {
                    let at = find_word(text, name)?;
                    let start = candidate.span.start + at;
                    let span = Span::new(start, start + name.len());
                    Some(Candidate {
                        span,
                        what: what.clone(),
                    })
                })
                .take(1)
                .collect()
        } else {
            Vec::new()
        };
        out.push(candidate);
        out.extend(inside);
    }
    out
}

/// Byte offset of `word` in `text` as whole words.
fn find_word(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// "Space Shuttle Atlantis … Atlantis", "IE6 … IE": a lone unknown word that ended an object's
/// name, or a model code without its number, is that object again; records the last words of
/// objects' names (and their letters before a number) in `objects`.
fn same_object(candidate: &mut Candidate, objects: &mut HashSet<String>) {
    match &candidate.what {
        What::Object { name } => {
            let last = name.rsplit(' ').next().unwrap_or(name);
            objects.insert(last.to_string());
            objects.insert(
                last.trim_end_matches(|c: char| c.is_ascii_digit())
                    .to_string(),
            );
        }
        What::Unknown { name, .. } if objects.contains(name) => {
            candidate.what = What::Object { name: name.clone() };
        }
        _ => {}
    }
}

/// A word by which the article may mention an actor again, even where the tagger misses it: the
/// last word of a person's full name, or an organisation's acronym ("USI", "FIRST").
fn known_word_of<'a>(dict: &'a Dictionary, what: &'a What) -> Option<(&'a str, ActorKind)> {
    let name = match what {
        What::Person { person, .. } => dict.people[*person].name.as_str(),
        What::Unknown {
            name,
            kind: ActorKind::Person,
            ..
        } => name.as_str(),
        What::Unknown {
            name,
            kind: ActorKind::Organization,
            ..
        } if is_acronym(name) => return Some((name, ActorKind::Organization)),
        _ => return None,
    };
    let surname = name
        .split_whitespace()
        .nth(1)
        .and(name.split_whitespace().last())?;
    Some((surname, ActorKind::Person))
}

/// "USI", "FIRST", "NEMISIS": a word of two to seven capital letters.
fn is_acronym(word: &str) -> bool {
    (2..=7).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase())
}

impl Scan<'_> {
    fn text(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| self.article.slice(t.span))
    }

    /// "University of Southern Indiana", "Texas A&M": countries and well-known places inside a
    /// longer name outside the dictionary (tokens `from..to`) are mentions of their own too.
    fn places_inside(&self, candidate: &Candidate, from: usize, to: usize) -> Vec<Candidate> {
        if !is_compound_name(candidate) {
            return Vec::new();
        }
        let mut found = Vec::new();
        let mut j = from;
        while j < to {
            let place = self.lookup(j, |e| matches!(e, Entry::CountryName(_) | Entry::Place(_)));
            // "Environment Canada": a country named by a two-word name's last word is that
            // name's head, no mention of its own.
            let is_head = |end: usize| end == to && to - from == 2;
            match place.filter(|&(_, end)| end <= to && end - j < to - from && !is_head(end)) {
                Some((entries, end)) => {
                    found.extend(self.dictionary_candidate(j, entries[0], end).map(|c| c.0));
                    j = end;
                }
                None => j += 1,
            }
        }
        found
    }

    /// "NASA Administrator Charles Bolden", "a State Department spokesman": the institution
    /// heading a titled name or a member's phrase (tokens `from..to`) is a mention of its own.
    fn institution_heading(
        &self,
        candidate: &Candidate,
        from: usize,
        to: usize,
    ) -> Option<Candidate> {
        let titled = matches!(
            candidate.what,
            What::Member(_)
                | What::Person { by_role: false, .. }
                | What::Unknown {
                    kind: ActorKind::Person,
                    code: Some(_),
                    ..
                }
        );
        if !titled {
            return None;
        }
        let j = self.skip_determiner_and_modifiers(from);
        let (entries, end) = self.lookup(j, |e| {
            matches!(e, Entry::Organisation(_) | Entry::Metonym(_))
        })?;
        if end >= to {
            return None;
        }
        self.dictionary_candidate(j, entries[0], end).map(|c| c.0)
    }

    /// "Malaysia's Prime Minister", "the New Zealand government": a country named (not by its
    /// adjective) at the head of an agent phrase (tokens `from..to`) is a mention of its own when
    /// the phrase is possessive or names a body; a titled person ("U.S. President Donald Trump")
    /// stays one mention.
    fn country_heading(&self, candidate: &Candidate, from: usize, to: usize) -> Option<Candidate> {
        let body = matches!(candidate.what, What::Group { person: false, .. });
        let agent = matches!(
            candidate.what,
            What::Group { .. } | What::Person { .. } | What::Unknown { code: Some(_), .. }
        );
        let j = self.skip_determiner_and_modifiers(from);
        let (entries, end) = self.lookup(j, |e| matches!(e, Entry::CountryName(_)))?;
        let possessive = matches!(self.text(end), "'s" | "’s");
        ((body || (agent && possessive)) && end < to)
            .then(|| self.dictionary_candidate(j, entries[0], end).map(|c| c.0))
            .flatten()
    }

    fn lower(&self, i: usize) -> String {
        normalise(self.text(i))
    }

    fn span(&self, from: usize, to: usize) -> Span {
        Span::new(self.tokens[from].span.start, self.tokens[to - 1].span.end)
    }

    fn candidate_at(&self, i: usize) -> Option<(Candidate, usize)> {
        self.pronoun(i)
            .or_else(|| self.the_country(i))
            .or_else(|| self.the_noun(i))
            .or_else(|| self.people_group(i))
            .or_else(|| self.national_institution(i))
            .or_else(|| self.agent_phrase(i))
            .or_else(|| self.capitalised_organisation(i))
            .or_else(|| self.role_of_country(i))
            .or_else(|| self.the_role(i))
            .or_else(|| self.titled_name(i))
            .or_else(|| self.dictionary_phrase(i))
            .or_else(|| self.unknown_name(i))
    }

    /// "KYIV, Feb 12 (Reuters) -", "JERUSALEM (AP) —": a wire dateline in capitals opening a
    /// paragraph names where the story was filed, not an actor. Returns the first token after it.
    fn dateline_end(&self) -> usize {
        let capitals = |t: &str| {
            t.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !t.chars().any(char::is_lowercase)
        };
        let Some(first) = self.tokens.first() else {
            return 0;
        };
        let opens_paragraph =
            first.span.start == 0 || self.article.text[..first.span.start].ends_with('\n');
        let words = self
            .tokens
            .iter()
            .take_while(|t| capitals(self.article.slice(t.span)))
            .count();
        let marked = matches!(self.text(words), "," | "(" | "—" | "–" | "-");
        if opens_paragraph
            && words > 0
            && marked
            && !self
                .dict
                .lookup(self.text(0))
                .iter()
                .any(|e| matches!(e, Entry::Organisation(_)))
        {
            words
        } else {
            0
        }
    }

    /// "Warhol Polaroid exhibits", "the Warhol Factory": the surname of a person named earlier,
    /// opening a longer name of a thing, place or organisation (tokens `from..to`), is a mention
    /// of that person too. A person's name that opens with another's surname stays one person
    /// ("Mohamed El-Hassan Mohamed").
    fn known_word_heading(
        &self,
        candidate: &Candidate,
        from: usize,
        to: usize,
        known_words: &HashMap<String, ActorKind>,
    ) -> Option<Candidate> {
        let longer_name = matches!(
            candidate.what,
            What::Object { .. }
                | What::Unknown {
                    kind: ActorKind::Organization | ActorKind::Location,
                    ..
                }
        );
        if !longer_name || to < from + 2 {
            return None;
        }
        let (nested, _) = self.known_word(from, known_words)?;
        // "CBC News" is the CBC itself: only a person heads a name of another actor.
        matches!(
            nested.what,
            What::Unknown {
                kind: ActorKind::Person,
                ..
            }
        )
        .then_some(nested)
    }

    /// The surname of a person or the acronym of an organisation named earlier, even where the
    /// tagger did not take it for a proper noun ("Mohamed received support", "Mohamed" tagged as
    /// a verb; "a USI art major").
    fn known_word(
        &self,
        i: usize,
        known_words: &HashMap<String, ActorKind>,
    ) -> Option<(Candidate, usize)> {
        let word = self.text(i);
        // "a VIP guest": after an indefinite article the word is a common noun's modifier.
        if matches!(self.lower(i.wrapping_sub(1)).as_str(), "a" | "an") {
            return None;
        }
        known_words.get(word).map(|&kind| {
            let what = What::Unknown {
                name: word.to_string(),
                kind,
                code: None,
            };
            let span = self.span(i, i + 1);
            (Candidate { span, what }, i + 1)
        })
    }

    fn pronoun(&self, i: usize) -> Option<(Candidate, usize)> {
        let word = self.lower(i);
        let agreement = PRONOUNS.iter().find(|(w, _)| *w == word)?.1;
        let next = self.lower(i + 1);
        let (owned, end) =
            if (word == "his" || word == "her") && GOVERNMENT_NOUNS.contains(&next.as_str()) {
                (Some(next), i + 2)
            } else if next == "himself" || next == "herself" {
                (None, i + 2)
            } else {
                (None, i + 1)
            };
        let what = What::Pronoun { agreement, owned };
        Some((
            Candidate {
                span: self.span(i, end),
                what,
            },
            end,
        ))
    }

    fn the_country(&self, i: usize) -> Option<(Candidate, usize)> {
        let determiner = matches!(self.lower(i).as_str(), "the" | "this");
        (determiner && self.lower(i + 1) == "country").then(|| {
            (
                Candidate {
                    span: self.span(i, i + 2),
                    what: What::TheCountry,
                },
                i + 2,
            )
        })
    }

    /// "the company", "the city": a lower-case noun that refers back to a named actor, unless
    /// a name or noun follows it ("the city of Taipei", "the company spokesman").
    fn the_noun(&self, i: usize) -> Option<(Candidate, usize)> {
        if !matches!(self.lower(i).as_str(), "the" | "this") {
            return None;
        }
        let (n, fallback) = self.back_reference_noun(i + 1)?;
        let next = self.tokens.get(n + 1);
        let modified = self.lower(n + 1) == "of"
            || next.is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"));
        (!modified).then(|| {
            let what = What::TheNoun {
                noun: self.lower(n),
                fallback,
            };
            (
                Candidate {
                    span: self.span(i, n + 1),
                    what,
                },
                n + 1,
            )
        })
    }

    /// The back-referring noun at or right after token `j` and what it falls back to. A state
    /// body may be written with a capital or after one modifier that names no country ("the
    /// Government", "the Conservative government", "the regional government").
    fn back_reference_noun(&self, j: usize) -> Option<(usize, Fallback)> {
        let rules = &self.dict.names.back_references;
        if let Some(fallback) = rules.fallback(self.text(j)) {
            return Some((j, fallback));
        }
        // "the Court has ruled", "the Council said": a capitalised institution noun refers only
        // to a name holding it.
        if starts_upper(self.text(j)) && rules.fallback(&self.lower(j)) == Some(Fallback::NameOnly)
        {
            return Some((j, Fallback::NameOnly));
        }
        let body = |k: usize| rules.fallback(&self.lower(k)) == Some(Fallback::Body);
        if body(j) {
            return Some((j, Fallback::Body));
        }
        let plain_modifier = self.dict.lookup(self.text(j)).is_empty()
            && matches!(self.tokens.get(j)?.upos.as_str(), "ADJ" | "PROPN");
        if plain_modifier && body(j + 1) {
            return Some((j + 1, Fallback::Body));
        }
        // "the Scientology organization": a name before an organisation's noun is that noun's
        // organisation again.
        let organisation = rules.fallback(&self.lower(j + 1)) == Some(Fallback::Organisation);
        (plain_modifier && starts_upper(self.text(j)) && organisation)
            .then_some((j + 1, Fallback::Organisation))
    }

    /// "[the] girls", "[the] researchers", "the team": a noun for a group of people that heads
    /// its phrase.
    fn people_group(&self, i: usize) -> Option<(Candidate, usize)> {
        let n = if self.lower(i) == "the" { i + 1 } else { i };
        // "Voters would then choose …": the capital that opens a sentence is no name's.
        let noun = if n == 0 {
            self.lower(n)
        } else {
            self.text(n).to_string()
        };
        let names = &self.dict.names;
        let is_subject = self
            .tokens
            .get(n)
            .is_some_and(|t| t.deprel.starts_with("nsubj"));
        let listed = names.people_groups.contains(&noun)
            || (is_subject && names.subject_groups.contains(&noun));
        // "students union": a modifier of another noun, by the parse where there is one ("Web
        // developers face …", with "face" tagged a noun, is no compound).
        let compound = match self.tokens.get(n).map(|t| t.deprel.as_str()) {
            Some("") | None => self
                .tokens
                .get(n + 1)
                .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN")),
            Some(deprel) => deprel == "compound",
        };
        if compound {
            return None;
        }
        // Only "the rebels": a bare plural is mostly generic ("soldiers are dying"); listed
        // people groups ("police") stay groups of their noun.
        // "The government of Niger" is the country's body (`role_of_country`).
        let before_of = self.lower(n + 1) == "of";
        let definite = n > i && !listed && !before_of;
        if let Some(agent) = self
            .headless_agent(&noun.to_lowercase())
            .filter(|_| definite)
        {
            let candidate = Candidate {
                span: self.span(i, n + 1),
                what: agent,
            };
            return Some((candidate, n + 1));
        }
        listed.then(|| {
            let what = What::People { noun };
            (
                Candidate {
                    span: self.span(i, n + 1),
                    what,
                },
                n + 1,
            )
        })
    }

    /// "the [new] president", "the spokesman": one person's role with no country and no name.
    /// "the president of France", "the foreign minister of Iran": a role of one country named
    /// after "of" is that country's office-holder or body, as "the French president" is.
    /// A group role word ("rebels", "police", "lawmakers"; not a title or one person's role).
    fn headless_agent(&self, noun: &str) -> Option<What> {
        self.dict.lookup(noun).iter().find_map(|e| match e {
            Entry::Role(r) => {
                let role = &self.dict.roles[*r];
                let group = !role.person && !role.title && !role.role.is_empty();
                group.then(|| What::Agent {
                    role: role.role.clone(),
                    words: noun.to_string(),
                })
            }
            _ => None,
        })
    }

    fn role_of_country(&self, i: usize) -> Option<(Candidate, usize)> {
        if self.lower(i) != "the" {
            return None;
        }
        let j = self.skip_determiner_and_modifiers(i);
        let (role, m) = self.roles_at(j)?;
        if self.lower(m) != "of" {
            return None;
        }
        let at = if self.lower(m + 1) == "the" {
            m + 2
        } else {
            m + 1
        };
        let (heads, end) = self.lookup(at, |e| matches!(e, Entry::CountryName(_)))?;
        let Entry::CountryName(country) = heads[0] else {
            return None;
        };
        // "the foreign ministers of Iran and Saudi Arabia" are two.
        if matches!(self.lower(end).as_str(), "and" | "or" | "'s" | "’s") {
            return None;
        }
        let words = normalise(self.article.slice(self.span(j, m)));
        let what = self.country_agent(country, &role, words, true)?;
        Some((
            Candidate {
                span: self.span(i, end),
                what,
            },
            end,
        ))
    }

    fn the_role(&self, i: usize) -> Option<(Candidate, usize)> {
        if self.lower(i) != "the" {
            return None;
        }
        let j = self.skip_determiner_and_modifiers(i);
        let (role, m) = self.roles_at(j)?;
        let refers_to_one = role.person && !role.role.is_empty();
        // "the president of Ukraine" names someone else; "the President Trump" is a titled name.
        if !refers_to_one || self.lower(m) == "of" || self.name_end(m).is_some() {
            return None;
        }
        let phrase = normalise(self.article.slice(self.span(j, m)));
        let what = What::TheRole {
            phrase,
            office: role.office,
        };
        Some((
            Candidate {
                span: self.span(i, m),
                what,
            },
            m,
        ))
    }

    /// Longest dictionary match starting at token `i`: the matched entries and the end token.
    fn lookup(&self, i: usize, wanted: impl Fn(Entry) -> bool) -> Option<(Vec<Entry>, usize)> {
        let capitalised = starts_upper(self.text(i));
        self.matches
            .starting_at(i)
            .iter()
            .find_map(|&(end, pattern)| {
                let written = &self.article.text[self.span(i, end).range()];
                let case_fits = capitalised || self.dict.listed_in_lower_case(written);
                let entries: Vec<Entry> = self
                    .dict
                    .entries_of_match(pattern, written)
                    .iter()
                    .copied()
                    .filter(|e| wanted(*e) && (case_fits || !e.needs_capital()))
                    .collect();
                (!entries.is_empty()).then_some((entries, end))
            })
    }

    fn skip_determiner_and_modifiers(&self, i: usize) -> usize {
        let mut j = i;
        if DETERMINERS.contains(&self.lower(j).as_str()) {
            j += 1;
        }
        // A capitalised modifier may begin a name ("the New Zealand government").
        let begins_name =
            |j: usize| starts_upper(self.text(j)) && self.lookup(j, |_| true).is_some();
        while MODIFIERS.contains(&self.lower(j).as_str()) && !begins_name(j) {
            j += 1;
        }
        j
    }

    /// "[the] [current] <country|adjective|institution> <role> [Name]".
    fn agent_phrase(&self, i: usize) -> Option<(Candidate, usize)> {
        let j = self.skip_determiner_and_modifiers(i);
        let (heads, k) = self.lookup(j, |e| {
            matches!(
                e,
                Entry::CountryName(_)
                    | Entry::Adjective(_)
                    | Entry::Region(_)
                    | Entry::Metonym(_)
                    | Entry::Organisation(_)
            )
        })?;
        // "Russia's foreign minister", "NATO's chief".
        let possessive = matches!(self.text(k), "'s" | "’s");
        let k = if possessive { k + 1 } else { k };
        if !possessive && self.roles_at(k).is_none() {
            return self.coordinated_agent(i, heads[0], j, k);
        }
        let (role, m) = self.roles_at(k)?;
        // "the ball is in Russia's court" is an idiom; a real court owned by a country is named
        // in capitals ("Russia's Supreme Court"), and "a Russian court" is no possessive.
        if possessive && m == k + 1 && self.text(k) == "court" {
            return None;
        }
        // The determiner only belongs to the phrase when no name follows it.
        let start = if j > i && !DETERMINERS.contains(&self.lower(i).as_str()) {
            j
        } else {
            i
        };
        let what = match heads[0] {
            Entry::CountryName(country) | Entry::Adjective(country) | Entry::Region(country) => {
                let code = Some(format!(
                    "{}{}",
                    self.dict.countries[country].iso3, role.role
                ))
                .filter(|_| !role.role.is_empty());
                if let Some(found) = self.name_after(start, m, code) {
                    return Some(found);
                }
                let definite = self.lower(i) == "the";
                self.country_agent(
                    country,
                    &role,
                    normalise(self.article.slice(self.span(k, m))),
                    definite,
                )?
            }
            Entry::Metonym(x) | Entry::Organisation(x) if !role.role.is_empty() => {
                let institution = match heads[0] {
                    Entry::Metonym(_) => What::Metonym(x),
                    _ => What::Organisation(x),
                };
                let code = institution_code(self.dict, &institution);
                if let Some(found) = self.name_after(start, m, code.clone()) {
                    return Some(found);
                }
                let date = self.article.meta.published;
                match code.and_then(|c| self.dict.office_holder_by_code(&c, &role.office, date)) {
                    Some(person) => What::Person {
                        person,
                        by_role: true,
                    },
                    None => What::Member(Box::new(institution)),
                }
            }
            _ => return None,
        };
        Some((
            Candidate {
                span: self.span(start, m),
                what,
            },
            m,
        ))
    }

    /// "Russian and American officials": an adjective (tokens `j..k`) coordinated with others
    /// the last of which heads a role shares that role ("Russian" is `RUSGOV`, not the country).
    fn coordinated_agent(
        &self,
        i: usize,
        head: Entry,
        j: usize,
        k: usize,
    ) -> Option<(Candidate, usize)> {
        let (Entry::Adjective(country) | Entry::Region(country)) = head else {
            return None;
        };
        let (role, words) = self.shared_role(k)?;
        let start = if DETERMINERS.contains(&self.lower(i).as_str()) {
            i
        } else {
            j
        };
        let definite = self.lower(i) == "the";
        let what = self.country_agent(country, &role, words, definite)?;
        Some((
            Candidate {
                span: self.span(start, k),
                what,
            },
            k,
        ))
    }

    /// The role and its words after a chain of coordinated adjectives starting at `k`
    /// (", Ukrainian and American officials").
    fn shared_role(&self, k: usize) -> Option<(Role, String)> {
        let mut at = k;
        while matches!(self.lower(at).as_str(), "and" | "or" | ",") {
            let (_, next) = self.lookup(at + 1, |e| {
                matches!(e, Entry::Adjective(_) | Entry::Region(_))
            })?;
            if let Some((role, m)) = self.roles_at(next) {
                let words = normalise(self.article.slice(self.span(next, m)));
                return Some((role, words));
            }
            at = next;
        }
        None
    }

    /// The role words at `k`: one ("officials") or a compound ("foreign ministry spokesperson"),
    /// whose first word gives the CAMEO role and whose last says who is meant.
    fn roles_at(&self, k: usize) -> Option<(Role, usize)> {
        let role_at = |at| {
            let (roles, end) = self.lookup(at, |e| matches!(e, Entry::Role(_)))?;
            match roles[0] {
                Entry::Role(role) => Some((&self.dict.roles[role], end)),
                _ => None,
            }
        };
        // A lower-case noun may say what the role deals with ("the Palestinian health
        // ministry", "Chinese trade officials"; the tagger may call it a proper noun).
        let topic = |at: usize| {
            let word = self.text(at);
            self.tokens
                .get(at)
                .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"))
                && word.chars().all(|c| c.is_lowercase())
        };
        let (first, mut m) = role_at(k).or_else(|| role_at(k + 1).filter(|_| topic(k)))?;
        let mut last = first;
        while let Some((next, end)) = role_at(m) {
            last = next;
            m = end;
        }
        let role = Role {
            role: if first.role.is_empty() {
                last.role.clone()
            } else {
                first.role.clone()
            },
            office: last.office.clone(),
            title: last.title,
            person: last.person,
        };
        Some((role, m))
    }

    /// "the Russian president" on the publication date is a person; "Ukrainian officials" a group.
    fn country_agent(
        &self,
        country: usize,
        role: &Role,
        words: String,
        definite: bool,
    ) -> Option<What> {
        let iso3 = &self.dict.countries[country].iso3;
        match self
            .dict
            .office_holder(iso3, &role.office, self.article.meta.published)
        {
            Some(person) if !role.office.is_empty() => Some(What::Person {
                person,
                by_role: true,
            }),
            _ if role.role.is_empty() => None,
            _ => Some(What::Group {
                country,
                role: role.role.clone(),
                words,
                person: role.person,
                definite,
            }),
        }
    }

    /// "President Donald Trump", "General Kellogg", "Mr Smith" without a country.
    fn titled_name(&self, i: usize) -> Option<(Candidate, usize)> {
        // A dictionary name that starts with its title ("King Charles", "Pope Francis") wins.
        if !starts_upper(self.text(i))
            || self.lookup(i, |e| matches!(e, Entry::Person(_))).is_some()
        {
            return None;
        }
        let (roles, m) = self.lookup(i, |e| matches!(e, Entry::Role(_)))?;
        let Entry::Role(role) = roles[0] else {
            return None;
        };
        if !self.dict.roles[role].title {
            return None;
        }
        self.name_after(i, m, None)
    }

    /// A name right after a title: a dictionary person, else an unknown person with the
    /// title's code (country and role, or institution).
    fn name_after(
        &self,
        start: usize,
        m: usize,
        code: Option<String>,
    ) -> Option<(Candidate, usize)> {
        let end = self.name_end(m)?;
        if let Some((entries, person_end)) = self.lookup(m, |e| matches!(e, Entry::Person(_))) {
            if let Entry::Person(person) = entries[0] {
                let what = What::Person {
                    person,
                    by_role: false,
                };
                return Some((
                    Candidate {
                        span: self.span(start, person_end),
                        what,
                    },
                    person_end,
                ));
            }
        }
        if let Some(person) = self.person_by_parts(m, end) {
            let what = What::Person {
                person,
                by_role: false,
            };
            return Some((
                Candidate {
                    span: self.span(start, end),
                    what,
                },
                end,
            ));
        }
        let name = self.article.slice(self.span(m, end)).to_string();
        let what = What::Unknown {
            name,
            kind: ActorKind::Person,
            code,
        };
        Some((
            Candidate {
                span: self.span(start, end),
                what,
            },
            end,
        ))
    }

    fn dictionary_phrase(&self, i: usize) -> Option<(Candidate, usize)> {
        let not_role = |e| !matches!(e, Entry::Role(_) | Entry::Region(_));
        // Phrases that start with "The" themselves ("The Hague") come first.
        if let Some((entries, end)) = self.lookup(i, not_role) {
            // "ancient Greek religion", "the ancient Egyptians": the old culture, not the state.
            let ancient = self.lower(i.wrapping_sub(1)) == "ancient"
                && matches!(entries[0], Entry::Adjective(_) | Entry::People(_));
            return (!ancient)
                .then(|| self.dictionary_candidate(i, entries[0], end))
                .flatten();
        }
        if self.lower(i) != "the" {
            return None;
        }
        let (entries, end) = self.lookup(i + 1, not_role)?;
        // "the" belongs to "the Russians" / "the White House", not to "the U.S. aid".
        let keeps_the = matches!(
            entries[0],
            Entry::People(_) | Entry::Metonym(_) | Entry::Organisation(_)
        );
        keeps_the
            .then(|| self.dictionary_candidate(i, entries[0], end))
            .flatten()
    }

    fn dictionary_candidate(
        &self,
        i: usize,
        entry: Entry,
        end: usize,
    ) -> Option<(Candidate, usize)> {
        let what = match entry {
            Entry::Person(person) => What::Person {
                person,
                by_role: false,
            },
            Entry::Capital(_) if self.is_city(i, end) => What::Unknown {
                name: self.article.slice(self.span(i, end)).to_string(),
                kind: ActorKind::Location,
                code: None,
            },
            Entry::CountryName(c) | Entry::Adjective(c) | Entry::People(c) | Entry::Capital(c) => {
                What::Country { country: c, entry }
            }
            Entry::Metonym(m) => What::Metonym(m),
            Entry::Organisation(o) => What::Organisation(o),
            Entry::Place(p) => What::Unknown {
                name: self.dict.names.places[p].clone(),
                kind: ActorKind::Location,
                code: None,
            },
            Entry::Role(_) | Entry::Region(_) => return None,
        };
        Some((
            Candidate {
                span: self.span(i, end),
                what,
            },
            end,
        ))
    }

    /// "Environment Canada", "Team Estonia", "Air France": a capitalised noun right before a
    /// country's name makes an organisation's name. Opening a sentence, the noun may be a plain
    /// word ("Yesterday Canada …"), so there the name must modify a noun after it ("Environment
    /// Canada spokeswoman …").
    /// "the Syrian Democratic Forces", "The Popular Mobilisation Forces": capitalised words after
    /// "the" ending in an organisation's word name an organisation, whatever the tagger calls
    /// them and though the first is a country's adjective; a dictionary phrase covering them
    /// all ("the Israel Defense Forces") comes first.
    fn capitalised_organisation(&self, i: usize) -> Option<(Candidate, usize)> {
        if self.lower(i) != "the" {
            return None;
        }
        let start = i + 1;
        let end = (start..self.tokens.len())
            .find(|&j| !self.is_capitalised_word(j))
            .unwrap_or(self.tokens.len());
        let last = self.text(end.checked_sub(1)?);
        let organisation = self.dict.names.organisation_words.iter().any(|w| w == last);
        let listed = self.lookup(start, |_| true).is_some_and(|(_, e)| e >= end);
        (end >= start + 2 && organisation && !listed).then(|| {
            let what = What::Unknown {
                name: self.article.slice(self.span(start, end)).to_string(),
                kind: ActorKind::Organization,
                code: None,
            };
            (
                Candidate {
                    span: self.span(start, end),
                    what,
                },
                end,
            )
        })
    }

    fn national_institution(&self, i: usize) -> Option<(Candidate, usize)> {
        let noun = self.tokens.get(i)?;
        let is_country = |j: usize| {
            self.dict
                .lookup(self.text(j))
                .iter()
                .any(|e| matches!(e, Entry::CountryName(_)))
        };
        let modifies_noun = self.tokens.get(i + 2).is_some_and(|t| t.upos == "NOUN");
        let fits = matches!(noun.upos.as_str(), "NOUN" | "PROPN")
            && starts_upper(self.text(i))
            && self.dict.lookup(self.text(i)).is_empty()
            && !self.dict.names.not_names.iter().any(|w| w == self.text(i))
            && is_country(i + 1)
            && (i > 0 || modifies_noun);
        fits.then(|| {
            let what = What::Unknown {
                name: self.article.slice(self.span(i, i + 2)).to_string(),
                kind: ActorKind::Organization,
                code: None,
            };
            (
                Candidate {
                    span: self.span(i, i + 2),
                    what,
                },
                i + 2,
            )
        })
    }

    /// Whether a locative preposition stands right before token `i` ("in Kabul").
    fn is_locative(&self, i: usize) -> bool {
        let before = self.lower(i.wrapping_sub(1));
        self.dict.names.locative_prepositions.contains(&before)
    }

    /// Whether the capital at tokens `i..end` is the city rather than its government: after a
    /// locative preposition ("in Kabul"), as a modifier ("an Ottawa street", "the Taipei lantern
    /// festival"), in an address ("Taipei, Taiwan"; "Seattle, Washington": a capital after
    /// another place is a region's name) or named as a capital ("the nation's capital,
    /// Wellington"). Elsewhere it stands for the government ("aid sent to Kyiv").
    fn is_city(&self, i: usize, end: usize) -> bool {
        let before = self.lower(i.wrapping_sub(1));
        let next = self.lower(end);
        let modifies_noun = self.tokens.get(end).is_some_and(|t| t.upos == "NOUN")
            && self.text(end).starts_with(char::is_lowercase)
            && !GOVERNMENT_NOUNS.contains(&next.as_str())
            && self.roles_at(end).is_none();
        let indefinite = matches!(before.as_str(), "a" | "an");
        let named_capital =
            before == "capital" || (before == "," && self.lower(i.wrapping_sub(2)) == "capital");
        let is_state = |j: usize, wanted: fn(&Entry) -> bool| {
            self.dict.lookup(self.text(j)).iter().any(wanted)
        };
        let after_place = before == ","
            && i >= 2
            && self.is_name_token(i - 2)
            && !is_state(i - 2, |e| {
                matches!(e, Entry::Capital(_) | Entry::CountryName(_))
            });
        let before_country =
            next == "," && is_state(end + 1, |e| matches!(e, Entry::CountryName(_)));
        self.is_locative(i)
            || modifies_noun
            || indefinite
            || named_capital
            || after_place
            || before_country
    }

    /// Whether token `i` can be (part of) a proper name.
    fn is_name_token(&self, i: usize) -> bool {
        let text = self.text(i);
        let bare = text.trim_end_matches('.');
        if !starts_upper(text) || self.dict.names.not_names.iter().any(|n| n == bare) {
            return false;
        }
        let upos = &self.tokens[i].upos;
        let initial = i == 0 || matches!(self.text(i - 1), "“" | "\"" | "‘" | ":");
        match (upos.is_empty(), initial) {
            (false, _) => upos == "PROPN",
            // Untagged text: a sentence-initial capital is only a name when another follows.
            (true, true) => starts_upper(self.text(i + 1)),
            (true, false) => true,
        }
    }

    /// A capitalised common word inside a sentence, which taggers often give to names'
    /// parts ("New York"); taken only before a proper noun, since a final one is mostly a
    /// caption or headline word ("… Mohamed Image").
    fn is_capitalised_word(&self, i: usize) -> bool {
        let text = self.text(i);
        i > 0
            && i < self.tokens.len()
            && starts_upper(text)
            && matches!(self.tokens[i].upos.as_str(), "NOUN" | "ADJ")
            && !self.dict.names.not_names.iter().any(|n| n == text)
            && !matches!(self.text(i - 1), "“" | "\"" | "‘" | ":")
    }

    /// End (exclusive) of the name sequence starting at `i`, if one starts there.
    fn name_end(&self, i: usize) -> Option<usize> {
        if i >= self.tokens.len() {
            return None;
        }
        let before_name = |j: usize| {
            self.is_capitalised_word(j) && j + 1 < self.tokens.len() && self.is_name_token(j + 1)
        };
        if !self.is_name_token(i) && !before_name(i) && !self.institution_of_name(i) {
            return None;
        }
        let mut end = i + 1;
        loop {
            if self.starts_another_name(end) {
                return Some(end);
            }
            if end < self.tokens.len() && (self.is_name_token(end) || before_name(end)) {
                end += 1;
            } else if let Some(joined) = self
                .joined_institution(i, end)
                .or_else(|| self.institution_for(end))
            {
                end = joined;
            } else if end >= i + 2 && self.is_syllable_after_hyphen(end) {
                return Some(end + 2);
            } else if self.is_connector(end)
                && self.is_hyphen_inside(end + 1)
                && self.is_name_token(end + 2)
            {
                // "Abdel Fattah al-Burhan": a connector joined to the next name by a hyphen.
                end += 3;
            } else if (self.is_hyphen_inside(end) && self.is_name_token(end + 1))
                || (self.is_connector(end)
                    && end + 1 < self.tokens.len()
                    && (self.is_name_token(end + 1) || self.is_capitalised_word(end + 1)))
            {
                end += 2;
            } else {
                return Some(end);
            }
        }
    }

    /// "the State of Texas", "the Museum of Flight": an institution's or place's capitalised
    /// word (which the tagger may give as a common noun) before "of" and a name begins the name.
    fn institution_of_name(&self, i: usize) -> bool {
        let names = &self.dict.names;
        let word = self.text(i);
        let institution = names
            .organisation_words
            .iter()
            .chain(&names.place_words)
            .any(|w| w == word);
        institution
            && self.is_capitalised_word(i)
            && self.is_connector(i + 1)
            && self.is_name_token(i + 2)
    }

    /// "National Air and Space Museum", "Evergreen Aviation & Space Museum": a short run of
    /// capitals (`i..end`, no institution and no given name of its own) joined by "and" to a run
    /// naming an institution is one name. Returns where the joined name ends.
    fn joined_institution(&self, i: usize, end: usize) -> Option<usize> {
        let is_given_name = self.dict.names.given_name_gender(self.text(i)).is_some();
        if !matches!(self.text(end), "and" | "&")
            || end - i > 2
            || is_given_name
            || self.names_institution(i, end)
        {
            return None;
        }
        let right_end = self.name_end(end + 1)?;
        self.names_institution(end + 1, right_end)
            .then_some(right_end)
    }

    /// "Andy Warhol Foundation for the Visual Arts", "Institute for Fiscal Studies": an
    /// institution's name (ending before `end`) goes on through "for [the]" and the capitals of
    /// its purpose. Returns where the whole name ends.
    fn institution_for(&self, end: usize) -> Option<usize> {
        if self.text(end) != "for" || !self.names_institution(end - 1, end) {
            return None;
        }
        let purpose = if self.text(end + 1) == "the" {
            end + 2
        } else {
            end + 1
        };
        self.name_end(purpose)
    }

    /// Whether one of the tokens `from..to` is an organisation's word ("Museum", "Council").
    fn names_institution(&self, from: usize, to: usize) -> bool {
        let words = &self.dict.names.organisation_words;
        (from..to).any(|j| words.iter().any(|w| w == self.text(j)))
    }

    /// "the Refugee Council Enver Solomon", "Home Office Brian Burnell": a name run whose last
    /// two words follow an organisation's word is the organisation, then a person's name. Returns
    /// where the run `i..end` ends.
    fn institution_before_person(&self, i: usize, end: usize) -> usize {
        let words = &self.dict.names.organisation_words;
        let is_institution_word = |j: usize| words.iter().any(|w| w == self.text(j));
        let split = end.saturating_sub(2);
        let person = (split..end).all(|j| self.is_name_token(j) && !is_institution_word(j));
        if split > i && is_institution_word(split - 1) && person {
            split
        } else {
            end
        }
    }

    /// "Hau Lung-bin", "Kim Jong-un", "Moon Jae-in": a short lower-case syllable after an
    /// in-word hyphen ends an East Asian given name (not "-led", "-run", "-era", nor longer
    /// words: "New York-based").
    fn is_syllable_after_hyphen(&self, i: usize) -> bool {
        let syllable = self.text(i + 1);
        self.is_hyphen_inside(i)
            && (1..=3).contains(&syllable.len())
            && syllable.chars().all(|c| c.is_ascii_lowercase())
            && !matches!(syllable, "led" | "run" | "era" | "age" | "old" | "day")
    }

    /// "El-Hassan", "Al-Maeena": a hyphen written without spaces inside a name.
    fn is_hyphen_inside(&self, i: usize) -> bool {
        let (Some(hyphen), Some(before)) = (self.tokens.get(i), self.tokens.get(i.wrapping_sub(1)))
        else {
            return false;
        };
        let after = self.tokens.get(i + 1);
        self.text(i) == "-"
            && before.span.end == hyphen.span.start
            && after.is_some_and(|a| a.span.start == hyphen.span.end)
    }

    /// A courtesy title, or a given name right after an organisation's or place's word, begins a
    /// new name inside a run of capitals ("… Space Museum | Steven Udvar", "Education | Mr. X").
    fn starts_another_name(&self, i: usize) -> bool {
        let names = &self.dict.names;
        let courtesy = self.lookup(i, |e| match e {
            Entry::Role(r) => self.dict.roles[r].title && self.dict.roles[r].role.is_empty(),
            _ => false,
        });
        let institution_word = |j: usize| {
            let word = self.text(j);
            names
                .organisation_words
                .iter()
                .chain(&names.place_words)
                .any(|w| w == word)
        };
        courtesy.is_some()
            || (i > 0 && names.given_name_gender(self.text(i)).is_some() && institution_word(i - 1))
    }

    fn is_connector(&self, i: usize) -> bool {
        let word = self.text(i);
        self.dict.names.name_connectors.iter().any(|c| c == word)
    }

    /// A dictionary person written with another spelling of the full name: the given name
    /// and a listed surname ("Volodymyr Zelenskiy" for "Volodymyr Zelensky").
    fn person_by_parts(&self, from: usize, to: usize) -> Option<usize> {
        if to < from + 2 {
            return None;
        }
        let given = self.text(from);
        self.dict
            .lookup(self.text(to - 1))
            .iter()
            .find_map(|e| match *e {
                Entry::Person(p) => Some(p),
                _ => None,
            })
            .filter(|&p| self.dict.people[p].name.split_whitespace().next() == Some(given))
    }

    fn unknown_name(&self, i: usize) -> Option<(Candidate, usize)> {
        let end = self.institution_before_person(i, self.name_end(i)?);
        if end == i + 1 && self.dict.names.not_alone.iter().any(|w| w == self.text(i)) {
            return None;
        }
        // "Iodine deficiency can …", "If Iodine deficiency is serious" where the article also
        // writes "iodine": a capital opening a sentence, or a capitalised modifier of a common
        // noun, is no name.
        let opens_sentence = i == 0 || matches!(self.text(i - 1), "“" | "\"" | "‘");
        let modifies_noun = self.tokens.get(end).is_some_and(|t| t.upos == "NOUN")
            && self.text(end).starts_with(char::is_lowercase);
        if end == i + 1
            && (opens_sentence || modifies_noun)
            && self.common_words.contains(&self.lower(i))
        {
            return None;
        }
        if let Some(person) = self.person_by_parts(i, end) {
            let what = What::Person {
                person,
                by_role: false,
            };
            return Some((
                Candidate {
                    span: self.span(i, end),
                    what,
                },
                end,
            ));
        }
        let name = self.article.slice(self.span(i, end)).to_string();
        let last = self.text(end - 1);
        let what = if self.is_object(&name)
            || self.is_product(i, end)
            || self.counted_things.contains(last)
        {
            What::Object { name }
        } else {
            let kind = self.name_kind(i, &name, end - i);
            What::Unknown {
                name,
                kind,
                code: None,
            }
        };
        Some((
            Candidate {
                span: self.span(i, end),
                what,
            },
            end,
        ))
    }

    /// "Space Shuttle Atlantis", "Taipei Lantern Festival": an object's or event's name.
    fn is_object(&self, name: &str) -> bool {
        let rules = &self.dict.names;
        let has = |list: &[String]| name.split_whitespace().any(|w| list.iter().any(|x| x == w));
        has(&rules.object_words) && !has(&rules.organisation_words) && !has(&rules.place_words)
    }

    /// "Internet Explorer 9", "STS-135", "Vostok 1", "IE6": a name run (ending before `end`)
    /// followed by a version number or ending in a model code is a product, vehicle or mission,
    /// no actor. Years ("Paris 2024") and scores ("Arsenal 2 Chelsea 1") are no versions, and a
    /// run joined by a connector names its number only in its last part ("Steve Rubell of Studio
    /// 54"), so it stays.
    fn is_product(&self, i: usize, end: usize) -> bool {
        if (i..end).any(|j| self.is_connector(j)) {
            return false;
        }
        let number = if self.is_hyphen_inside(end) {
            end + 1
        } else {
            end
        };
        let after = self.text(number + 1);
        let score = starts_upper(after) || matches!(after, "-" | "–" | ":");
        (is_version_number(self.text(number)) && !score) || is_model_code(self.text(end - 1))
    }

    fn name_kind(&self, i: usize, name: &str, words: usize) -> ActorKind {
        let rules = &self.dict.names;
        let has = |list: &[String]| name.split_whitespace().any(|w| list.iter().any(|x| x == w));
        let after_place_preposition =
            i > 0 && rules.place_prepositions.contains(&self.lower(i - 1));
        if has(&rules.organisation_words)
            || (name.len() > 1 && name.chars().all(|c| c.is_uppercase()))
            || (words == 1 && self.member_heads.contains(name))
        {
            ActorKind::Organization
        } else if rules.places.iter().any(|p| p == name)
            || has(&rules.place_words)
            || (words == 1 && after_place_preposition)
        {
            ActorKind::Location
        } else {
            ActorKind::Person
        }
    }
}

/// "Malaysia's Prime Minister, Najib Razak": a one-person role phrase right before an unknown
/// name in apposition is a mention of that person, who takes the role's code.
fn name_the_role(article: &Article, dict: &Dictionary, role: &mut Candidate, name: &mut Candidate) {
    let What::Group {
        country,
        role: cameo,
        person: true,
        ..
    } = &role.what
    else {
        return;
    };
    if !comma_between(article, role.span, name.span) {
        return;
    }
    if let What::Unknown {
        kind: ActorKind::Person,
        code,
        ..
    } = &mut name.what
    {
        *code = Some(format!("{}{cameo}", dict.countries[*country].iso3));
        role.what = name.what.clone();
    }
}

/// Whether only a comma stands between two candidates; a candidate nested inside the one before
/// it ("Malaysia" in "Malaysia's Prime Minister") has none.
/// "…, the Indian army said": an agent phrase followed by a finite verb is a clause's subject,
/// no apposition to the name before the comma ("a retired general involved in …" is one).
fn opens_clause(article: &Article, phrase: Span) -> bool {
    article
        .tokens
        .iter()
        .find(|t| t.span.start >= phrase.end)
        .is_some_and(|t| matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD"))
}

fn comma_between(article: &Article, before: Span, after: Span) -> bool {
    article
        .text
        .get(before.end..after.start)
        .is_some_and(|between| between.trim() == ",")
}

/// The code an institution's members speak with ("a Pentagon official" → USAMIL).
pub fn institution_code(dict: &Dictionary, institution: &What) -> Option<String> {
    match institution {
        What::Metonym(m) => Some(dict.metonyms[*m].code()),
        What::Organisation(o) => Some(dict.organisations[*o].code.clone()),
        _ => None,
    }
}

/// "9", "135", "2.0": a version or serial number (not a year).
fn is_version_number(text: &str) -> bool {
    let whole = text.split('.').next().unwrap_or("");
    (1..=3).contains(&whole.len())
        && text.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !text.ends_with('.')
}

/// "IE6", "MH370": two or more capitals followed by digits (not "G7", one letter, which the
/// dictionary lists, nor "M5S", where letters follow the digits).
fn is_model_code(text: &str) -> bool {
    let letters = text.chars().take_while(char::is_ascii_uppercase).count();
    let digits = &text[letters..];
    letters >= 2 && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// "Keith Kellogg, a retired American general": the agent phrase in apposition gives an unknown
/// name its country and role instead of standing as a mention of its own.
fn absorb_appositions(
    article: &Article,
    dict: &Dictionary,
    candidates: Vec<Candidate>,
) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let code = match &candidate.what {
            What::Group { country, role, .. } => {
                Some(format!("{}{role}", dict.countries[*country].iso3))
            }
            What::Member(institution) => institution_code(dict, institution),
            _ => None,
        };
        if let (Some(code), Some(previous)) = (code, out.last_mut()) {
            let is_person = matches!(
                previous.what,
                What::Person { .. }
                    | What::Unknown {
                        kind: ActorKind::Person,
                        ..
                    }
            );
            if comma_between(article, previous.span, candidate.span)
                && is_person
                && !opens_clause(article, candidate.span)
            {
                if let What::Unknown { code: unknown, .. } = &mut previous.what {
                    *unknown = Some(code);
                }
                continue;
            }
        }
        let mut candidate = candidate;
        if let Some(previous) = out.last_mut() {
            name_the_role(article, dict, previous, &mut candidate);
        }
        out.push(candidate);
    }
    out
}
