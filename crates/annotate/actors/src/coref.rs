//! Coreference: turns recognised candidates into canonical actors and mentions. Names and
//! phrases are resolved first (dictionary identity, surnames of earlier names, "the country");
//! pronouns afterwards, by salience: the first compatible person earlier in the same sentence
//! (subjects come first in English), a name right after an introductory phrase holding the
//! pronoun ("During his campaign, Trump …"), else the first person of the nearest earlier sentence.

use crate::dictionary::{normalise, Dictionary, Entry, Fallback};
use crate::recognise::{Agreement, Candidate, What};
use eventwire_model::{Actor, ActorKind, Article, Mention, MentionKind, Span, Token};

/// How many sentences back a pronoun looks for its antecedent.
const PRONOUN_WINDOW: usize = 3;
/// How many of [`by_salience`]'s places lie in the pronoun's own sentence (the reporting
/// verb's subject, the object owning an oblique phrase, the first earlier in the sentence, the
/// subject after an introductory phrase).
const SAME_SENTENCE_PLACES: usize = 4;

pub fn resolve(article: &mut Article, dict: &Dictionary, candidates: Vec<Candidate>) {
    let quotes = quoted_spans(&article.text);
    let (pronouns, names): (Vec<_>, Vec<_>) = candidates
        .into_iter()
        .partition(|c| matches!(c.what, What::Pronoun { .. }));
    for candidate in names {
        resolve_name(article, dict, candidate);
    }
    // Gender evidence comes from names only, so it is read once for all pronouns.
    let genders: Vec<Option<bool>> = (0..article.actors.len())
        .map(|a| is_female(article, dict, a))
        .collect();
    for candidate in pronouns {
        resolve_pronoun(article, &genders, &quotes, candidate);
    }
    article.mentions.sort_by_key(|m| m.span.start);
}

/// An actor as it is about to be added: its dictionary identity and the mention's code.
struct Identity {
    actor: Actor,
    kind: MentionKind,
    code: Option<String>,
}

fn actor(
    id: String,
    name: &str,
    kind: ActorKind,
    code: Option<String>,
    country: Option<&str>,
) -> Actor {
    Actor {
        id,
        name: name.to_string(),
        kind,
        code,
        alt_codes: Vec::new(),
        country: country.map(str::to_string),
        wikipedia: None,
    }
}

fn person_identity(article: &Article, dict: &Dictionary, person: usize, by_role: bool) -> Identity {
    let p = &dict.people[person];
    let code = p.code_on(article.meta.published).to_string();
    let mut a = actor(
        p.id.clone(),
        &p.name,
        ActorKind::Person,
        Some(code.clone()),
        Some(p.country()),
    );
    a.wikipedia = Some(p.wikipedia.clone()).filter(|w| !w.is_empty());
    let kind = if by_role {
        MentionKind::Nominal
    } else {
        MentionKind::Name
    };
    Identity {
        actor: a,
        kind,
        code: Some(code),
    }
}

fn country_identity(dict: &Dictionary, country: usize, entry: Entry) -> Identity {
    let c = &dict.countries[country];
    let mut a = actor(
        format!("country:{}", c.iso3),
        &c.name,
        ActorKind::Country,
        Some(c.iso3.clone()),
        Some(&c.iso3),
    );
    a.wikipedia = Some(c.wikipedia.clone());
    let (kind, code) = match entry {
        Entry::Adjective(_) => (MentionKind::Demonym, c.iso3.clone()),
        Entry::People(_) => (MentionKind::Nominal, c.iso3.clone()),
        Entry::Capital(_) => (MentionKind::Metonym, format!("{}GOV", c.iso3)),
        _ => (MentionKind::Name, c.iso3.clone()),
    };
    Identity {
        actor: a,
        kind,
        code: Some(code),
    }
}

/// The one group of a country the article named before with these role words ("Sudanese
/// rebels"): its id and code. None when there is none or several countries' groups.
fn country_group_named(article: &Article, role: &str, words: &str) -> Option<(String, String)> {
    let mut groups = article.actors.iter().filter(|a| {
        let code = a.code.as_deref().unwrap_or("");
        a.kind == ActorKind::Group
            && a.id.ends_with(&format!(":{words}"))
            && code.ends_with(role)
            && !code.starts_with("---")
    });
    let group = groups.next()?;
    groups
        .next()
        .is_none()
        .then(|| (group.id.clone(), group.code.clone().unwrap_or_default()))
}

fn identity(article: &Article, dict: &Dictionary, candidate: &Candidate) -> Option<Identity> {
    let text = article.slice(candidate.span);
    Some(match &candidate.what {
        What::Person { person, by_role } => person_identity(article, dict, *person, *by_role),
        What::Country { country, entry } => country_identity(dict, *country, *entry),
        What::Metonym(m) => {
            let m = &dict.metonyms[*m];
            let code = m.code();
            let mut a = actor(
                format!("metonym:{}", m.phrase),
                &m.phrase,
                ActorKind::Group,
                Some(code.clone()),
                Some(&m.iso3),
            );
            a.wikipedia = Some(m.wikipedia.clone()).filter(|w| !w.is_empty());
            Identity {
                actor: a,
                kind: MentionKind::Metonym,
                code: Some(code),
            }
        }
        What::Organisation(o) => {
            let o = &dict.organisations[*o];
            let mut a = actor(
                format!("org:{}", o.id),
                &o.name,
                ActorKind::Organization,
                Some(o.code.clone()),
                None,
            );
            a.wikipedia = Some(o.wikipedia.clone()).filter(|w| !w.is_empty());
            Identity {
                actor: a,
                kind: MentionKind::Name,
                code: Some(o.code.clone()),
            }
        }
        What::Member(institution) => {
            let head = Candidate {
                span: candidate.span,
                what: (**institution).clone(),
            };
            Identity {
                kind: MentionKind::Nominal,
                ..identity(article, dict, &head)?
            }
        }
        What::Group {
            country,
            role,
            words,
            ..
        } => {
            let iso3 = &dict.countries[*country].iso3;
            let code = format!("{iso3}{role}");
            let name = text.trim_start_matches("the ").trim_start_matches("The ");
            let a = actor(
                format!("group:{code}:{words}"),
                name,
                ActorKind::Group,
                Some(code.clone()),
                Some(iso3),
            );
            Identity {
                actor: a,
                kind: MentionKind::Nominal,
                code: Some(code),
            }
        }
        What::Agent { role, words } => {
            let (id, code) = country_group_named(article, role, words).unwrap_or_else(|| {
                let code = format!("---{role}");
                (format!("group:{code}:{words}"), code)
            });
            let a = &article.actors;
            let name = a
                .iter()
                .find(|a| a.id == id)
                .map_or(text, |a| a.name.as_str());
            let country = code.get(..3).filter(|c| *c != "---");
            Identity {
                actor: actor(id, name, ActorKind::Group, Some(code.clone()), country),
                kind: MentionKind::Nominal,
                code: Some(code),
            }
        }
        What::People { noun } => Identity {
            actor: actor(
                format!("people:{noun}"),
                &format!("the {noun}"),
                ActorKind::Group,
                None,
                None,
            ),
            kind: MentionKind::Nominal,
            code: None,
        },
        What::Unknown { name, kind, code } => {
            let country = code.as_deref().map(|c| &c[..3.min(c.len())]);
            let a = actor(
                format!("unk:{}", name.to_lowercase()),
                name,
                *kind,
                code.clone(),
                country,
            );
            Identity {
                actor: a,
                kind: MentionKind::Name,
                code: code.clone(),
            }
        }
        What::TheCountry
        | What::TheNoun { .. }
        | What::TheRole { .. }
        | What::Pronoun { .. }
        | What::Object { .. } => return None,
    })
}

fn resolve_name(article: &mut Article, dict: &Dictionary, candidate: Candidate) {
    let index = match &candidate.what {
        What::TheCountry => last_country(article),
        What::TheNoun { noun, fallback } => {
            let sentence = article.sentence_at(candidate.span.start).unwrap_or(0);
            match fallback {
                Fallback::Person(_) => last_of_kind(article, dict, *fallback, sentence),
                Fallback::Body => match last_group_with_words(article, noun) {
                    Some(group) => Some(group),
                    None => {
                        if let Some(what) = body_of_last_country(article, dict, noun) {
                            let span = candidate.span;
                            resolve_name(article, dict, Candidate { span, what });
                        }
                        return;
                    }
                },
                _ => named_with(article, noun)
                    .or_else(|| last_of_kind(article, dict, *fallback, sentence)),
            }
        }
        What::TheRole { phrase, office } => last_person_in_role(article, dict, phrase, office),
        What::Group {
            country,
            role,
            words,
            person: true,
            definite: true,
        } => {
            let iso3 = &dict.countries[*country].iso3;
            last_person_coded(article, iso3, &format!("{iso3}{role}"), words)
        }
        What::Unknown { name, .. } if !name.contains(' ') => {
            earlier_person_by_surname(article, name)
        }
        _ => None,
    };
    if let Some(actor) = index {
        let code = article.actors[actor].code.clone();
        let kind = match candidate.what {
            What::Unknown { .. } => MentionKind::Name,
            _ => MentionKind::Nominal,
        };
        push_mention(article, candidate.span, actor, kind, code, 0.7);
        return;
    }
    let Some(found) = identity(article, dict, &candidate) else {
        return;
    };
    let actor = actor_index(article, found.actor);
    push_mention(article, candidate.span, actor, found.kind, found.code, 0.9);
}

fn push_mention(
    article: &mut Article,
    span: Span,
    actor: usize,
    kind: MentionKind,
    code: Option<String>,
    confidence: f32,
) {
    let sentence = article.sentence_at(span.start).unwrap_or(0);
    article.mentions.push(Mention {
        span,
        actor,
        kind,
        code,
        sentence,
        confidence,
    });
}

/// The index of the actor with this id, adding it when new.
fn actor_index(article: &mut Article, actor: Actor) -> usize {
    if let Some(i) = article.actors.iter().position(|a| a.id == actor.id) {
        return i;
    }
    // An unknown name that an apposition coded after its first mention keeps that code.
    article.actors.push(actor);
    article.actors.len() - 1
}

fn last_country(article: &Article) -> Option<usize> {
    article
        .mentions
        .iter()
        .rev()
        .map(|m| m.actor)
        .find(|&a| article.actors[a].kind == ActorKind::Country)
}

/// "the government" → "the UK Government": the last group named with the same role words.
fn last_group_with_words(article: &Article, words: &str) -> Option<usize> {
    let suffix = format!(":{words}");
    article.mentions.iter().rev().map(|m| m.actor).find(|&a| {
        let id = &article.actors[a].id;
        id.starts_with("group:") && id.ends_with(&suffix)
    })
}

/// "the government" with no government named yet: that of the last country mentioned.
fn body_of_last_country(article: &Article, dict: &Dictionary, words: &str) -> Option<What> {
    let iso3 = article.actors[last_country(article)?].code.as_deref()?;
    let country = dict.countries.iter().position(|c| c.iso3 == iso3)?;
    let role = dict.lookup(words).iter().find_map(|e| match e {
        Entry::Role(r) => Some(dict.roles[*r].role.clone()),
        _ => None,
    })?;
    Some(What::Group {
        country,
        role,
        words: words.to_string(),
        person: false,
        definite: true,
    })
}

/// "the mosque" → "the Grand Mosque": the last actor mentioned whose name ends in the noun, its
/// head ("Pace Galleries" for "gallery"; not "National Security Council" for "nation").
fn named_with(article: &Article, noun: &str) -> Option<usize> {
    let stem = noun.trim_end_matches('y');
    article.mentions.iter().rev().map(|m| m.actor).find(|&a| {
        name_head(&article.actors[a].name)
            .to_lowercase()
            .starts_with(stem)
    })
}

/// The word a name is about: its last word before any "of"/"for" phrase ("Bank of England",
/// "Andy Warhol Foundation for the Visual Arts"), else its last word.
fn name_head(name: &str) -> &str {
    let core = [" of ", " for "]
        .iter()
        .filter_map(|connector| name.find(connector))
        .min()
        .map_or(name, |at| &name[..at]);
    core.rsplit(' ').next().unwrap_or_default()
}

/// "the company" → the last organisation, "the city" the last place, "the region" the last
/// place or country, "the boy" the last man or person of unknown gender, mentioned in this or
/// the three sentences before.
fn is_capital(dict: &Dictionary, name: &str) -> bool {
    dict.lookup(name)
        .iter()
        .any(|e| matches!(e, Entry::Capital(_)))
}

fn last_of_kind(
    article: &Article,
    dict: &Dictionary,
    fallback: Fallback,
    sentence: usize,
) -> Option<usize> {
    let fits = |a: usize| {
        let kind = article.actors[a].kind;
        match fallback {
            Fallback::NameOnly | Fallback::Body => false,
            Fallback::Organisation => kind == ActorKind::Organization,
            Fallback::Settlement => kind == ActorKind::Location,
            // A capital named as a city ("talks in Riyadh … the governments of the region") is
            // no region.
            Fallback::Territory => {
                kind == ActorKind::Country
                    || (kind == ActorKind::Location && !is_capital(dict, &article.actors[a].name))
            }
            Fallback::Person(gender) => {
                kind == ActorKind::Person
                    && (gender.is_none()
                        || is_female(article, dict, a).is_none_or(|f| Some(f) == gender))
            }
        }
    };
    article
        .mentions
        .iter()
        .rev()
        .take_while(|m| m.sentence + PRONOUN_WINDOW >= sentence)
        .map(|m| m.actor)
        .find(|&a| fits(a))
}

/// "the president": the last person mentioned so far who holds that office in the dictionary
/// or was introduced with the role ("Kremlin spokesman Dmitry Peskov" for "the spokesman").
fn last_person_in_role(
    article: &Article,
    dict: &Dictionary,
    phrase: &str,
    office: &str,
) -> Option<usize> {
    let holds_office = |actor: &Actor| {
        !office.is_empty()
            && dict
                .people
                .iter()
                .any(|p| p.id == actor.id && p.terms.iter().any(|t| t.office == office))
    };
    let introduced_as = |a: usize| {
        article
            .mentions
            .iter()
            .filter(|m| m.actor == a)
            .any(|m| normalise(article.slice(m.span)).contains(phrase))
    };
    article.mentions.iter().rev().map(|m| m.actor).find(|&a| {
        let actor = &article.actors[a];
        actor.kind == ActorKind::Person && (holds_office(actor) || introduced_as(a))
    })
}

/// "the Ukrainian leader": the last person mentioned so far with that country and code; a
/// narrower role ("the French ambassador") only someone introduced with its words, not the
/// country's president.
fn last_person_coded(article: &Article, iso3: &str, code: &str, words: &str) -> Option<usize> {
    let introduced_as = |a: usize| {
        article
            .mentions
            .iter()
            .filter(|m| m.actor == a)
            .any(|m| normalise(article.slice(m.span)).contains(words))
    };
    article.mentions.iter().rev().map(|m| m.actor).find(|&a| {
        let actor = &article.actors[a];
        actor.kind == ActorKind::Person
            && actor.country.as_deref() == Some(iso3)
            && actor.code.as_deref() == Some(code)
            && (words == "leader" || introduced_as(a))
    })
}

fn earlier_person_by_surname(article: &Article, word: &str) -> Option<usize> {
    article.actors.iter().position(|a| {
        a.kind == ActorKind::Person
            && a.name.contains(' ')
            && a.name.rsplit(' ').next() == Some(word)
    })
}

/// Whether an actor is female (`Some(true)`), male, or unknown: from the dictionary, else from
/// a courtesy title in one of its mentions ("Mrs Smith"), else from its given name.
fn is_female(article: &Article, dict: &Dictionary, actor: usize) -> Option<bool> {
    let a = &article.actors[actor];
    if let Some(female) = dict.person_by_id(&a.id).and_then(|p| p.female) {
        return Some(female);
    }
    let titled = article
        .mentions
        .iter()
        .filter(|m| m.actor == actor)
        .find_map(|m| title_gender(article.slice(m.span)));
    titled.or_else(|| {
        let given = a.name.split_whitespace().next()?;
        dict.names.given_name_gender(given)
    })
}

fn title_gender(mention: &str) -> Option<bool> {
    let title = mention.split_whitespace().next()?.trim_end_matches('.');
    match title {
        "Mrs" | "Ms" | "Miss" | "Madam" => Some(true),
        "Mr" | "Sir" => Some(false),
        _ => None,
    }
}

/// How well a person actor fits a pronoun: its gender agrees (`Agrees`), or is unknown but the
/// actor is still clearly a person (a full name), or it does not fit at all.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fit {
    Agrees,
    Possible,
    No,
}

fn fit(
    article: &Article,
    genders: &[Option<bool>],
    mention: &Mention,
    agreement: Agreement,
) -> Fit {
    let actor = mention.actor;
    let a = &article.actors[actor];
    let female = match agreement {
        Agreement::Male => false,
        Agreement::Female => true,
        Agreement::Neuter | Agreement::Plural => {
            let collective = match agreement {
                Agreement::Neuter => {
                    matches!(
                        a.kind,
                        ActorKind::Organization | ActorKind::Country | ActorKind::Group
                    )
                }
                _ => {
                    matches!(a.kind, ActorKind::Organization | ActorKind::Group)
                        || names_a_people(article, mention)
                }
            };
            return if collective { Fit::Agrees } else { Fit::No };
        }
    };
    if a.kind != ActorKind::Person {
        return Fit::No;
    }
    match genders.get(actor).copied().flatten() {
        Some(f) if f == female => Fit::Agrees,
        Some(_) => Fit::No,
        // A lone capitalised word ("Dallas", "Psychology") is too weak to be a pronoun's antecedent.
        None if a.name.contains(' ') => Fit::Possible,
        None => Fit::No,
    }
}

/// "the Russians": a country's people, which "they" can take up (unlike "Russia" or "the
/// country").
fn names_a_people(article: &Article, mention: &Mention) -> bool {
    article.actors[mention.actor].kind == ActorKind::Country
        && mention.kind == MentionKind::Nominal
        && !normalise(article.slice(mention.span)).ends_with("country")
}

fn resolve_pronoun(
    article: &mut Article,
    genders: &[Option<bool>],
    quotes: &[Span],
    candidate: Candidate,
) {
    let What::Pronoun { agreement, owned } = &candidate.what else {
        return;
    };
    let span = candidate.span;
    // Salience first; within one place, a person whose gender agrees before one of unknown
    // gender.
    let excluded = subject_of_own_clause(article, span);
    let wanted = |fit| Wanted {
        fit,
        agreement: *agreement,
        excluded,
    };
    let agrees = by_salience(article, genders, quotes, span, wanted(Fit::Agrees));
    let possible = by_salience(article, genders, quotes, span, wanted(Fit::Possible));
    // The sentence of the pronoun is one place (reporter, earlier in it, after an introductory
    // phrase); each earlier sentence is another.
    let same_sentence = SAME_SENTENCE_PLACES.min(agrees.len());
    let Some(antecedent) = agrees[..same_sentence]
        .iter()
        .chain(&possible[..same_sentence])
        .find_map(|a| *a)
        .or_else(|| {
            agrees[same_sentence..]
                .iter()
                .zip(&possible[same_sentence..])
                .find_map(|(a, p)| a.or(*p))
        })
    else {
        return;
    };
    let owner = article.actors[antecedent].clone();
    match owned {
        None => {
            let code = code_before(article, antecedent, span).or(owner.code.clone());
            push_mention(article, span, antecedent, MentionKind::Pronoun, code, 0.6);
        }
        Some(noun) => {
            let country = owner.country.clone().unwrap_or_default();
            let surname = owner.name.rsplit(' ').next().unwrap_or(&owner.name);
            let name = format!("{surname} {noun}");
            let code = Some(format!("{country}GOV")).filter(|_| !country.is_empty());
            let a = actor(
                format!("group:{}", name.to_lowercase()),
                &name,
                ActorKind::Group,
                code.clone(),
                Some(&country),
            );
            let index = actor_index(article, a);
            push_mention(article, span, index, MentionKind::Nominal, code, 0.6);
        }
    }
}

/// What a pronoun's antecedent must be: how well it fits the pronoun's agreement, and not the
/// subject an object pronoun cannot refer to.
#[derive(Clone, Copy)]
struct Wanted {
    fit: Fit,
    agreement: Agreement,
    excluded: Option<usize>,
}

/// The code of the actor's last mention before `span`: a pronoun stands for what that mention
/// named ("Moscow said it had expelled …": `RUSGOV`, not the country `RUS`).
fn code_before(article: &Article, actor: usize, span: Span) -> Option<String> {
    article
        .mentions
        .iter()
        .filter(|m| m.actor == actor && m.span.end <= span.start)
        .max_by_key(|m| m.span.end)
        .and_then(|m| m.code.clone())
}

/// The pronoun's antecedent candidates among people that fit it as `wanted`, most salient
/// first: the reporting verb's subject, the object whose oblique phrase holds a possessive, the
/// first earlier in the same sentence (an object
/// pronoun skips its clause's subject: "Trump called Zelensky … and accused him"), the subject
/// after an introductory phrase holding the pronoun, then the first of each earlier sentence,
/// nearest first.
fn by_salience(
    article: &Article,
    genders: &[Option<bool>],
    quotes: &[Span],
    span: Span,
    wanted: Wanted,
) -> Vec<Option<usize>> {
    let agreement = wanted.agreement;
    let in_quote = quotes.iter().any(|q| q.contains(&span));
    let sentence = article.sentence_at(span.start).unwrap_or(0);
    let compatible = |m: &Mention| {
        fit(article, genders, m, agreement) == wanted.fit
            && Some(m.actor) != wanted.excluded
            && (in_quote || !quotes.iter().any(|q| q.contains(&m.span)))
    };
    // The reporting verb's subject, else (a misparsed subject) the last fitting mention before it.
    let reporter = complemented_verb(article, span).and_then(|(verb, subject)| {
        let before_verb = |m: &&Mention| m.sentence == sentence && m.span.end <= verb.start;
        let by_parse = subject.and_then(|s| {
            article
                .mentions
                .iter()
                .find(|m| m.span.contains(&s) && before_verb(m) && compatible(m))
        });
        // Only a parsed subject that is no mention ("the deal said") is taken for a misparse.
        by_parse.or_else(|| {
            subject?;
            article
                .mentions
                .iter()
                .filter(|m| before_verb(m) && compatible(m))
                .max_by_key(|m| m.span.end)
        })
    });
    let same_sentence = article
        .mentions
        .iter()
        .find(|m| m.sentence == sentence && m.span.end <= span.start && compatible(m));
    let cataphor = introductory_phrase_subject(article, span, sentence, compatible);
    let object = object_owning_oblique(article, span, compatible)
        .or_else(|| parallel_object(article, span, compatible));
    let earlier = (1..=PRONOUN_WINDOW.min(sentence)).map(|back| {
        article
            .mentions
            .iter()
            .find(|m| m.sentence == sentence - back && compatible(m))
    });
    let found: Vec<Option<&Mention>> = match agreement {
        // "it" mostly stands for things and situations ("efforts to end it"): only "NATO said it
        // would …" and, in the same sentence, a subject "it" or an "its".
        Agreement::Neuter => vec![
            reporter,
            object,
            same_sentence.filter(|_| subject_or_possessive(article, span)),
        ],
        Agreement::Plural => [reporter, object, same_sentence]
            .into_iter()
            .chain(earlier)
            .collect(),
        Agreement::Male | Agreement::Female => [reporter, object, same_sentence, cataphor]
            .into_iter()
            .chain(earlier)
            .collect(),
    };
    found.into_iter().map(|m| m.map(|m| m.actor)).collect()
}

/// The token the pronoun mention starts with (a binary search, not a scan of the article).
fn pronoun_token(article: &Article, pronoun: Span) -> Option<usize> {
    article
        .token_at(pronoun.start)
        .filter(|&i| article.tokens[i].span.start == pronoun.start)
}

/// "Zelensky thanked Britain for its support": a possessive in an oblique phrase of a verb
/// belongs to that verb's object, when the object is a fitting mention.
fn object_owning_oblique(
    article: &Article,
    pronoun: Span,
    fits: impl Fn(&Mention) -> bool,
) -> Option<&Mention> {
    let tokens = &article.tokens;
    let token = &tokens[pronoun_token(article, pronoun)?];
    if token.deprel != "nmod:poss" {
        return None;
    }
    let noun = &tokens[token.head?];
    if !noun.deprel.starts_with("obl") {
        return None;
    }
    object_mention(article, noun.head?, fits)
}

/// "Zelensky thanked Britain … and asked it to send …": the object of a verb coordinated with
/// an earlier one is that verb's object again, when it is a fitting mention.
fn parallel_object(
    article: &Article,
    pronoun: Span,
    fits: impl Fn(&Mention) -> bool,
) -> Option<&Mention> {
    let tokens = &article.tokens;
    let token = &tokens[pronoun_token(article, pronoun)?];
    let verb = &tokens[token.head?];
    if token.deprel != "obj" || verb.deprel != "conj" {
        return None;
    }
    object_mention(article, verb.head?, fits)
}

/// The fitting mention that holds the direct object of the verb at token `verb`.
fn object_mention(
    article: &Article,
    verb: usize,
    fits: impl Fn(&Mention) -> bool,
) -> Option<&Mention> {
    let object = article
        .tokens
        .iter()
        .find(|t| t.head == Some(verb) && t.deprel == "obj")?;
    article
        .mentions
        .iter()
        .find(|m| m.span.contains(&object.span) && fits(m))
}

/// "Devocht told Montalvo he would assist him": an object pronoun (not a reflexive) never refers
/// to the subject of its own clause; returns that subject's actor, if it is a mention.
fn subject_of_own_clause(article: &Article, pronoun: Span) -> Option<usize> {
    let tokens = &article.tokens;
    let token = &tokens[pronoun_token(article, pronoun)?];
    let reflexive =
        article.slice(pronoun).ends_with("self") || article.slice(pronoun).ends_with("selves");
    if reflexive || !matches!(token.deprel.as_str(), "obj" | "iobj") {
        return None;
    }
    // Coordinated verbs share their subject ("Trump called Zelensky a dictator and accused
    // him …").
    let mut verb = token.head?;
    let subject = loop {
        match tokens
            .iter()
            .find(|t| t.head == Some(verb) && t.deprel.starts_with("nsubj"))
        {
            Some(subject) => break subject,
            None if tokens[verb].deprel == "conj" => verb = tokens[verb].head?,
            None => return None,
        }
    };
    article
        .mentions
        .iter()
        .find(|m| m.span.contains(&subject.span))
        .map(|m| m.actor)
}

fn subject_or_possessive(article: &Article, pronoun: Span) -> bool {
    pronoun_token(article, pronoun).is_some_and(|i| {
        let deprel = &article.tokens[i].deprel;
        deprel.starts_with("nsubj") || deprel == "nmod:poss"
    })
}

/// A verb's span and its subject's; a verb without one ("…, stating that he …") borrows the
/// subject of the clause it hangs from.
fn subject_of(tokens: &[Token], mut verb: usize) -> (Span, Option<Span>) {
    for _ in 0..3 {
        let subject = tokens
            .iter()
            .find(|t| t.head == Some(verb) && t.deprel.starts_with("nsubj"));
        let deprel = tokens[verb].deprel.split(':').next().unwrap_or("");
        match (subject, tokens[verb].head) {
            (Some(s), _) => return (tokens[verb].span, Some(s.span)),
            (None, Some(head)) if matches!(deprel, "advcl" | "xcomp" | "conj") => verb = head,
            _ => break,
        }
    }
    (tokens[verb].span, None)
}

/// "…, after Trump said he had spoken with Putin": a pronoun inside a clause complementing a
/// verb refers to that verb's subject. Returns the verb's span and its subject's, if parsed.
fn complemented_verb(article: &Article, pronoun: Span) -> Option<(Span, Option<Span>)> {
    let tokens = &article.tokens;
    let mut at = pronoun_token(article, pronoun)?;
    // Climb to the complement clause (a few steps: "his" → "country" → verb → …).
    for _ in 0..4 {
        let head = tokens[at].head?;
        if tokens[at].deprel == "ccomp" {
            return Some(subject_of(tokens, head));
        }
        at = head;
    }
    None
}

/// "During his campaign, Trump promised …": the first fitting mention right after the comma
/// that closes an introductory phrase containing the pronoun ("Malaysia's prime minister", not
/// the "Malaysia" inside it).
fn introductory_phrase_subject(
    article: &Article,
    pronoun: Span,
    sentence: usize,
    fits: impl Fn(&Mention) -> bool,
) -> Option<&Mention> {
    let start = article.sentences[sentence].span.start;
    let comma = article.text[pronoun.end..].find(',')? + pronoun.end;
    if article.text[start..pronoun.start].contains(',') {
        return None;
    }
    let after = comma
        + 1
        + (article.text[comma + 1..].len() - article.text[comma + 1..].trim_start().len());
    article
        .mentions
        .iter()
        .find(|m| m.span.start == after && m.sentence == sentence && fits(m))
}

/// Byte spans inside quotation marks (“…”, "…"), never crossing a line break.
pub fn quoted_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('“', _) | ('"', None) => open = Some(i),
            ('”', Some(s)) | ('"', Some(s)) => {
                spans.push(Span::new(s, i + c.len_utf8()));
                open = None;
            }
            ('\n', _) => open = None,
            _ => {}
        }
    }
    spans
}
