//! Who does what to whom: the source and target actors of an event phrase, read from the actor
//! mentions around it. Inside a reported statement whose content names no actor before the phrase,
//! the speaker is the source ("Kellogg said preparations are underway for talks between Trump and
//! Putin" → Kellogg → Putin). A passive phrase swaps the roles: the agent after "by" is the source;
//! `reverse`, `reproach` and `patient` frames have their own readings. See docs/events.md for the
//! full rules.

use crate::resources::{Frame, Modality};
use crate::view::{Placed, SentenceView};
use std::ops::Range;

/// An actor taking part in an event, with the code it is coded with.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub actor: usize,
    pub code: String,
    /// Named explicitly (not a pronoun or description): raises the event's confidence.
    pub named: bool,
}

/// Where an event phrase sits: its words and the scope (quote content or sentence) around it.
#[derive(Debug, Clone)]
pub struct Site {
    pub phrase: Range<usize>,
    pub scope: Range<usize>,
    /// Index into `article.quotes` when the phrase is inside a quote.
    pub quote: Option<usize>,
    /// The act is verbal (a `speaker_roots` code): a speaker can perform it by speaking, so its source
    /// may be the quote's speaker or an actor across a speech verb.
    pub verbal: bool,
    /// The act is joint (a meeting, talks): whoever the clause is about takes part in it even when
    /// it is only named in a prepositional phrase ("travelled to Cairo for talks with Sisi").
    pub joint: bool,
    /// Where the act's object stands when a relative pronoun names it: the words after the
    /// antecedent up to the pronoun ("military aid to Ukraine, which it had suspended"). The target
    /// is sought there instead of after the phrase.
    pub antecedent: Option<Range<usize>>,
}

/// Source and target of an event phrase, or `None` when either is missing.
pub fn source_and_target(
    view: &SentenceView,
    modality: &Modality,
    frame: Frame,
    site: &Site,
) -> Option<(Party, Party)> {
    match frame {
        Frame::Reproach => {
            let blamer = speaker(view, site.quote?)?;
            let blamed = party(view, subject(view, modality, site)?)?;
            distinct(&blamer, &blamed).then_some((blamer, blamed))
        }
        Frame::Reverse => {
            let giver = right_parties(view, modality, Frame::Svo, site)
                .into_iter()
                .next()?;
            agent_and_patient(view, giver, subject(view, modality, site)?)
        }
        Frame::Patient => match view.mentions_within(site.phrase.clone()).next() {
            Some(owner) => agent_and_patient(view, subject(view, modality, site)?, owner),
            None => active_roles(view, modality, Frame::Svo, site),
        },
        Frame::Svo if is_passive(view, modality, site.phrase.start) => {
            passive_roles(view, modality, site)
        }
        Frame::Svo | Frame::Joint => active_roles(view, modality, frame, site),
    }
}

/// Targets coordinated after the target of an svo phrase ("imposed tariffs on Canada and Mexico",
/// "condemned Russia and Iran"): the act reaches each of them. A pair behind "between" is one
/// interaction that an act of a `pair_roots` code takes part in ("hosted talks between Israel and
/// Hamas", "mediate between Russia and Ukraine"), coded with its first party as before; other acts
/// reach both ("welcomed the agreement between Armenia and Azerbaijan").
pub fn further_targets(
    view: &SentenceView,
    modality: &Modality,
    (frame, cameo): (Frame, &str),
    site: &Site,
    (source, target): (&Party, &Party),
) -> Vec<Party> {
    if frame != Frame::Svo {
        return Vec::new();
    }
    let right = right_parties(view, modality, frame, site);
    let is_target = |p: &Placed| party(view, *p).is_some_and(|t| t.actor == target.actor);
    let Some(at) = right.iter().position(is_target) else {
        return Vec::new();
    };
    let start = right[at].words.0;
    let takes_part = modality
        .pair_roots
        .iter()
        .any(|r| cameo.starts_with(r.as_str()));
    if takes_part && start > 0 && view.words[start - 1].text == modality.pair_linker {
        return Vec::new();
    }
    right[at..]
        .windows(2)
        .take_while(|pair| coordinated(view, pair[0].words.1..pair[1].words.0))
        .filter_map(|pair| party(view, pair[1]))
        .filter(|t| distinct(source, t) && t.code != target.code)
        .collect()
}

/// Actors coordinated after the source of an svo phrase and before it ("The United Kingdom and
/// France announced new sanctions against Iran", "Egypt and Qatar proposed"): each does the act.
pub fn further_sources(
    view: &SentenceView,
    frame: Frame,
    site: &Site,
    source: &Party,
) -> Vec<Party> {
    if frame != Frame::Svo {
        return Vec::new();
    }
    let before: Vec<Placed> = view
        .mentions
        .iter()
        .copied()
        .filter(|p| site.scope.start <= p.words.0 && p.words.1 <= site.phrase.start)
        .collect();
    let is_source = |p: &Placed| party(view, *p).is_some_and(|s| s.actor == source.actor);
    let Some(at) = before.iter().rposition(is_source) else {
        return Vec::new();
    };
    before[at..]
        .windows(2)
        .take_while(|pair| coordinated(view, pair[0].words.1..pair[1].words.0))
        .filter_map(|pair| party(view, pair[1]))
        .filter(|s| distinct(source, s))
        .collect()
}

/// Two parties make an event only when they are different actors with different codes (Kellogg
/// and Trump, both USAGOV, do not interact in CAMEO terms).
fn distinct(source: &Party, target: &Party) -> bool {
    source.actor != target.actor && source.code != target.code
}

/// Roles of an active phrase: the first party before it (or the speaker) acts on the next party.
fn active_roles(
    view: &SentenceView,
    modality: &Modality,
    frame: Frame,
    site: &Site,
) -> Option<(Party, Party)> {
    let mut left = left_parties(view, modality, frame, site);
    let mut right = right_parties(view, modality, frame, site);
    let pair_follows = right
        .first()
        .is_some_and(|p| p.words.0 > 0 && view.words[p.words.0 - 1].text == modality.pair_linker);
    // "between X and Y" names the parties, except that a statement naming no actor before it stays
    // the speaker's ("Kellogg said preparations are underway for talks between Trump and Putin"); one
    // naming an actor that is no party is not ("Erdogan said Turkey was ready to host peace talks
    // between Russia and Ukraine").
    let actor_before = view
        .mentions_within(site.scope.start..site.phrase.start)
        .next()
        .is_some();
    if frame == Frame::Joint && pair_follows && (actor_before || site.quote.is_none()) {
        left = vec![right.remove(0)];
    }
    let speaker = || {
        site.quote
            .filter(|_| site.verbal)
            .and_then(|q| speaker(view, q))
    };
    let speaker_joins = frame == Frame::Joint
        && site.quote.is_some()
        && left
            .first()
            .is_some_and(|p| pronoun_and_before(view, modality, site, p.words.0));
    let (source, others) = match left.first() {
        Some(_) if speaker_joins => (speaker()?, 0),
        Some(p) => (party(view, *p)?, 1),
        None => (speaker()?, 0),
    };
    let target = left
        .iter()
        .skip(others)
        .chain(right.iter())
        .filter_map(|p| party(view, *p))
        .find(|t| distinct(&source, t))?;
    Some((source, target))
}

/// True when a speaker pronoun and "and" stand right before word `at` in the quote ("said he and
/// Putin could speak"): the speaker is a party even when the actors stage left the pronoun unresolved.
fn pronoun_and_before(view: &SentenceView, modality: &Modality, site: &Site, at: usize) -> bool {
    at >= site.scope.start + 2
        && view.words[at - 1].text == "and"
        && modality.speaker_pronouns.contains(&view.words[at - 2].text)
}

/// True when the phrase starts with a participle right after a passive auxiliary, possibly with one
/// adverb between ("was attacked", "were reportedly detained", "are also accused").
pub fn is_passive(view: &SentenceView, modality: &Modality, at: usize) -> bool {
    if reduced_passive(view, at) {
        return true;
    }
    let participle = &view.words[at].text;
    if !(participle.ends_with("ed") || participle.ends_with("en")) {
        return false;
    }
    let aux = |w: usize| modality.passive_aux.contains(&view.words[w].text);
    match at {
        0 => false,
        1 => aux(0),
        _ => aux(at - 1) || (is_adverb_slot(view, modality, at - 1) && aux(at - 2)),
    }
}

/// With a parse: a past participle modifying a noun or clause, with no auxiliary or subject of its
/// own ("two firms accused of helping Iran", "Kyiv, attacked by Russian forces overnight,"). The
/// tag alone is not enough: the tagger calls some finite verbs VBN ("Russia attacked Kyiv").
fn reduced_passive(view: &SentenceView, at: usize) -> bool {
    let own = ["nsubj", "nsubj:pass", "aux", "aux:pass"];
    view.tag(at) == "VBN"
        && matches!(view.head_of(at), Some((_, "acl" | "advcl")))
        && view.dependent(at, &own).is_none()
}

/// A word that may stand between a passive auxiliary and its participle ("was reportedly
/// attacked", "are also accused"): a plain word that is neither punctuation, an actor nor a determiner.
fn is_adverb_slot(view: &SentenceView, modality: &Modality, w: usize) -> bool {
    !view.is_punct(w)
        && view.mention_at(w).is_none()
        && !modality.determiners.contains(&view.words[w].text)
}

/// Passive roles: the agent introduced by "by" after the phrase acts on its passive subject, else
/// (no parse, or a reduced passive) on the actor before it.
fn passive_roles(view: &SentenceView, modality: &Modality, site: &Site) -> Option<(Party, Party)> {
    let agent = right_parties(view, modality, Frame::Svo, site)
        .into_iter()
        .find(|p| p.words.0 > 0 && view.words[p.words.0 - 1].text == modality.passive_agent)?;
    let patient = match view.dependent(site.phrase.start, &["nsubj:pass"]) {
        // "A fast-track system for Afghan refugees was rejected by Johnson": the system, no actor,
        // was rejected; the refugees were not.
        Some(subject) => view.mention_at(subject)?,
        None => view
            .mentions_within(site.scope.start..site.phrase.start)
            .last()?,
    };
    agent_and_patient(view, agent, patient)
}

/// The two mentions as source and target, unless they are the same actor or code.
fn agent_and_patient(
    view: &SentenceView,
    agent: Placed,
    patient: Placed,
) -> Option<(Party, Party)> {
    let (source, target) = (party(view, agent)?, party(view, patient)?);
    distinct(&source, &target).then_some((source, target))
}

/// Mentions before the phrase that act in it: the subject (syntactic when the parse is there, else the
/// lexical rules) and, for joint phrases, those coordinated with it ("he and Putin could speak").
fn left_parties(
    view: &SentenceView,
    modality: &Modality,
    frame: Frame,
    site: &Site,
) -> Vec<Placed> {
    let before: Vec<Placed> = view
        .mentions_within(site.scope.start..site.phrase.start)
        .collect();
    let Some(subject) = subject(view, modality, site) else {
        return Vec::new();
    };
    match before.iter().position(|p| *p == subject) {
        Some(at) if frame == Frame::Joint => coordination_around(view, &before, at),
        _ => vec![subject],
    }
}

/// The run of mentions coordinated with `before[at]` ("Turkey and Syria", "he and Putin").
fn coordination_around(view: &SentenceView, before: &[Placed], at: usize) -> Vec<Placed> {
    let joined = |i: usize| coordinated(view, before[i].words.1..before[i + 1].words.0);
    let first = (0..at)
        .rev()
        .take_while(|&i| joined(i))
        .last()
        .unwrap_or(at);
    let last = (at..before.len() - 1)
        .take_while(|&i| joined(i))
        .last()
        .map_or(at, |i| i + 1);
    before[first..=last].to_vec()
}

/// The actor doing what the phrase says: syntactic subject when parsed, else the lexical rules.
pub fn subject(view: &SentenceView, modality: &Modality, site: &Site) -> Option<Placed> {
    let before: Vec<Placed> = view
        .mentions_within(site.scope.start..site.phrase.start)
        .collect();
    let det = nominal_determiner(view, modality, site);
    // An actor inside the phrase's own noun phrase ("the U.S. aid") is its agent whatever the parse.
    if let Some(inside) = det.and_then(|d| before.iter().rev().find(|p| p.words.0 > d)) {
        return Some(*inside);
    }
    if let Some(owner) = nominal_owner(view, site) {
        return Some(owner);
    }
    let head = phrase_head(view, site.phrase.clone());
    if object_of_other_verb(view, modality, head)
        || agent_noun_in_prepositional_phrase(view, modality, head)
    {
        return None;
    }
    match syntactic_subject(view, modality, site) {
        Some(Some(parsed)) => Some(parsed),
        // The parse's subject is no actor; a name in apposition to it still is one (parsers often
        // attach "…, Erdogan," elsewhere).
        Some(None) => {
            let at = verb_group_start(view, site);
            parenthetical_opening(view, site, at).and_then(|open| apposition(&before, open, at))
        }
        None => match det {
            Some(det) => nominal_subject(view, modality, site, det, &before),
            None => lexical_subject(view, modality, site, &before),
        },
    }
}

/// The actor a nominal phrase names as its agent inside its own noun phrase, by a possessive or as a
/// modifier ("Russia's invasion", "Israeli airstrikes").
pub fn nominal_owner(view: &SentenceView, site: &Site) -> Option<Placed> {
    possessor(view, site).or_else(|| modifier_agent(view, site))
}

/// The actor whose act a nominal phrase names by a possessive, with at most two modifiers between
/// ("Russia's invasion of Ukraine", "Trump's new tariffs on Canada", "Russia's full-scale invasion":
/// the tokenizer splits hyphenated words).
fn possessor(view: &SentenceView, site: &Site) -> Option<Placed> {
    let owner = view
        .mentions_within(site.scope.start..site.phrase.start)
        .last()?;
    let marker = owner.words.1;
    let possessive = view.words.get(marker).is_some_and(|w| w.text == "'s");
    let modifiers: Vec<&str> = (marker + 1..site.phrase.start)
        .map(|w| view.words[w].text.as_str())
        .filter(|w| *w != "-")
        .collect();
    let plain = modifiers.len() <= 2
        && modifiers
            .iter()
            .all(|w| w.chars().any(char::is_alphanumeric));
    (possessive && plain).then_some(owner)
}

/// With a parse: an actor modifying the phrase's noun right before it, no determiner needed
/// ("prompting Israeli airstrikes in southern Lebanon", "U.S. sanctions on Iran").
fn modifier_agent(view: &SentenceView, site: &Site) -> Option<Placed> {
    let modifier = view
        .mentions_within(site.scope.start..site.phrase.start)
        .last()
        .filter(|m| m.words.1 == site.phrase.start)?;
    let head = phrase_head(view, site.phrase.clone());
    let attached = (modifier.words.0..modifier.words.1)
        .filter_map(|w| view.head_of(w))
        .any(|(h, relation)| h == head && matches!(relation, "amod" | "compound" | "nmod:poss"));
    attached.then_some(modifier)
}

/// The determiner opening a nominal event phrase ("the attack", "a massive drone attack"), at most
/// three words before it and not part of an actor's name ("The Russian president dismissed").
fn nominal_determiner(view: &SentenceView, modality: &Modality, site: &Site) -> Option<usize> {
    let from = site.phrase.start.saturating_sub(3).max(site.scope.start);
    // With a parse the determiner must belong to the phrase ("£3 billion a year in military aid": "a"
    // belongs to "year").
    let owned = |w: usize| {
        view.head_of(w)
            .is_none_or(|(head, _)| site.phrase.contains(&head))
    };
    (from..site.phrase.start)
        .rev()
        .take_while(|&w| !view.is_punct(w))
        .filter(|&w| view.mention_at(w).is_none())
        .find(|&w| modality.determiners.contains(&view.words[w].text) && owned(w))
}

/// The word of the phrase that the parse attaches outside it ("aid" in "military aid"); the first
/// word when unparsed.
pub fn phrase_head(view: &SentenceView, phrase: Range<usize>) -> usize {
    phrase
        .clone()
        .find(|&w| {
            view.head_of(w)
                .is_some_and(|(head, _)| !phrase.contains(&head))
        })
        .unwrap_or(phrase.start)
}

/// With a parse: true when the phrase is the object of a verb that is not a light verb ("has drawn
/// praise", "condemned the attack"): whoever did it is not named as a subject.
fn object_of_other_verb(view: &SentenceView, modality: &Modality, trigger: usize) -> bool {
    matches!(view.head_of(trigger), Some((head, "obj" | "iobj")) if !is_light_verb(view, modality, head))
}

/// With a parse: true when the phrase starts with a noun naming people ("critics") inside a
/// prepositional phrase ("drawing notice from critics of Trump's policies"): those people, not the
/// clause's subject, do what it says. Acts in such phrases keep the subject ("travelled to Cairo for
/// talks with Sisi", "launched a wave of attacks").
fn agent_noun_in_prepositional_phrase(
    view: &SentenceView,
    modality: &Modality,
    trigger: usize,
) -> bool {
    let prepositional = view.head_of(trigger).is_some_and(|(_, relation)| {
        let base = relation.split(':').next().unwrap_or(relation);
        base == "obl" || base == "nmod"
    });
    prepositional && modality.agent_nouns.contains(&view.words[trigger].text)
}

/// True when word `w` is a light verb or copula ("launched", "imposed", "is").
fn is_light_verb(view: &SentenceView, modality: &Modality, w: usize) -> bool {
    modality
        .light_verbs
        .phrases
        .iter()
        .any(|p| p.match_at(&view.words, w).is_some())
}

/// Source of a nominal phrase without an actor in its noun phrase: the subject of the light verb or
/// copula before it ("Russia launched an attack"), else none.
fn nominal_subject(
    view: &SentenceView,
    modality: &Modality,
    site: &Site,
    det: usize,
    before: &[Placed],
) -> Option<Placed> {
    if !crate::modality::cue_before(&modality.light_verbs, view, site.scope.start, det) {
        return None;
    }
    let verb_site = Site {
        phrase: det..site.phrase.end,
        ..site.clone()
    };
    let before_verb: Vec<Placed> = before
        .iter()
        .copied()
        .filter(|p| p.words.1 <= det)
        .collect();
    lexical_subject(view, modality, &verb_site, &before_verb)
}

/// The subject the parse gives: `None` when the sentence is unparsed or the phrase has no `nsubj`;
/// `Some(None)` when its subject is no actor ("dignitaries wanted to meet"). The subject is that of
/// the phrase, of the light verb whose object it is ("imposed sanctions"), or of the verb it
/// complements ("would like to meet", "is expected to visit"); through an apposition or conjunct
/// when the subject word itself is no actor; through a relative clause, the antecedent ("Trump, who
/// praised").
fn syntactic_subject(
    view: &SentenceView,
    modality: &Modality,
    site: &Site,
) -> Option<Option<Placed>> {
    let (governor, relations) = governor(view, modality, site);
    let nearest = view.nearest_dependent(governor, relations)?;
    // A parser error can hang a second subject on the verb ("The Security Council today agreed"):
    // the one whose noun phrase names an actor acts.
    let (subject, in_noun_phrase) = view
        .dependents_by_distance(governor, relations)
        .find_map(|w| Some((w, coded_actor_of_noun_phrase(view, w)?)))
        .map_or((nearest, None), |(w, actor)| (w, Some(actor)));
    // "The president of Turkey, Erdogan," (appos) and "she and Macron" (conj) name the actor beside
    // a subject word that is none.
    let beside = || view.dependent(subject, &["appos", "conj"]);
    let mention = in_noun_phrase
        .or_else(|| view.mention_at(subject))
        .or_else(|| beside().and_then(|w| view.mention_at(w)))
        .or_else(|| match view.head_of(governor) {
            Some((antecedent, "acl:relcl")) => view.mention_at(antecedent),
            _ => None,
        });
    // The subject may follow a fronted phrase ("After talks with Putin, Orban said …").
    let in_scope = |m: &Placed| {
        site.scope.start <= m.words.0
            && m.words.1 <= site.scope.end
            && (m.words.1 <= site.phrase.start || site.phrase.end <= m.words.0)
    };
    Some(mention.filter(in_scope))
}

/// Relations of the words inside a noun phrase that can name its actor when its head names none
/// ("The Latvian Constitutional Court", "Taiwan's Vice Foreign Minister", "A group of Moroccan
/// diplomats").
const NOUN_PHRASE_ACTORS: &[&str] = &["amod", "compound", "nmod:poss", "nmod", "flat"];

/// The coded actor a noun phrase headed by `w` names: its head's mention, else one of its
/// modifiers' (the leftmost).
fn coded_actor_of_noun_phrase(view: &SentenceView, w: usize) -> Option<Placed> {
    let coded = |p: &Placed| party(view, *p).is_some();
    view.mention_at(w).filter(coded).or_else(|| {
        view.dependents_by_distance(w, NOUN_PHRASE_ACTORS)
            .filter_map(|d| view.mention_at(d))
            .filter(coded)
            .min_by_key(|p| p.words.0)
    })
}

const ACTIVE_SUBJECT: &[&str] = &["nsubj"];
const ANY_SUBJECT: &[&str] = &["nsubj", "nsubj:pass"];

/// The word whose subject does what the phrase says, and the relations naming that subject: the
/// phrase itself, else climbing (a few steps) to the light verb it is the object of ("imposed
/// sanctions"), the verb it complements ("is expected to travel"), the clause a subjectless
/// adverbial clause modifies ("met Meloni in Berlin to discuss aid"), and for a joint act the verb
/// of the prepositional phrase naming it and its other party ("travelled to Cairo for talks with
/// Sisi"; see `takes_part`).
fn governor(
    view: &SentenceView,
    modality: &Modality,
    site: &Site,
) -> (usize, &'static [&'static str]) {
    let (mut word, mut relations) = (site.phrase.start, ACTIVE_SUBJECT);
    for _ in 0..4 {
        if view.dependent(word, ANY_SUBJECT).is_some() {
            break;
        }
        (word, relations) = match view.head_of(word) {
            Some((head, "obj")) if is_light_verb(view, modality, head) => (head, ACTIVE_SUBJECT),
            Some((head, "xcomp" | "advcl")) => (head, ANY_SUBJECT),
            Some((head, "obl")) if takes_part(view, modality, site, word) => (head, ANY_SUBJECT),
            _ => break,
        };
    }
    (word, relations)
}

/// For a joint act named by noun `w` in a prepositional phrase: true when the clause's subject takes
/// part in it, i.e. it names its other party ("for talks with Sisi") and is no topic ("commented on
/// the talks with Russia"). "proposed sending troops after a ceasefire" names no party: the
/// ceasefire is someone else's.
fn takes_part(view: &SentenceView, modality: &Modality, site: &Site, w: usize) -> bool {
    let topic = view
        .dependent(w, &["case"])
        .is_some_and(|case| modality.topic_prepositions.contains(&view.words[case].text));
    site.joint && !topic && !right_parties(view, modality, Frame::Joint, site).is_empty()
}

/// The subject without a parse: the nearest mention before the phrase, skipping a parenthetical that
/// ends right before it ("Kellogg, a retired American general, criticised …" → Kellogg, not
/// "American"); after a verb coordinator the clause's first mention ("Zelensky urged NATO allies to
/// … and accused Moscow" → Zelensky); for an infinitive the clause's first mention ("Blinken is
/// expected to visit China to discuss trade with Xi" → Blinken) unless an actor stands right before
/// it ("urged NATO to talk"). Across a speech verb ("Scholz said military aid to Ukraine would
/// continue") only a verbal act keeps that actor as its source.
fn lexical_subject(
    view: &SentenceView,
    modality: &Modality,
    site: &Site,
    before: &[Placed],
) -> Option<Placed> {
    let at = verb_group_start(view, site);
    let start = site.phrase.start;
    if start > site.scope.start && view.words[start - 1].text == modality.infinitive_marker {
        let nearest = before.last().copied();
        let object_control = nearest.is_some_and(|p| p.words.1 + 1 == start);
        return if object_control {
            nearest
        } else {
            before.first().copied()
        };
    }
    let coordinated_verb =
        (at..site.phrase.start).any(|w| modality.verb_coordinators.contains(&view.words[w].text));
    if coordinated_verb {
        return before.first().copied();
    }
    let opening = parenthetical_opening(view, site, at);
    if let Some(name) = opening.and_then(|open| apposition(before, open, at)) {
        return Some(name);
    }
    let limit = opening.unwrap_or(site.phrase.start);
    let nearest = before.iter().rev().copied().find(|p| p.words.1 <= limit)?;
    let across_speech = (nearest.words.1..site.phrase.start)
        .any(|w| modality.subject_barriers.contains(&view.words[w].text));
    (site.verbal || !across_speech).then_some(nearest)
}

/// Where the phrase's verb group starts: auxiliaries and adverbs (up to three words, no actor, no
/// punctuation) may stand before the phrase ("…, has also said").
fn verb_group_start(view: &SentenceView, site: &Site) -> usize {
    let mut at = site.phrase.start;
    while at > site.scope.start
        && at + 3 > site.phrase.start
        && !view.is_punct(at - 1)
        && view.mention_at(at - 1).is_none()
    {
        at -= 1;
    }
    at
}

/// The comma opening a parenthetical that closes right before the verb group at `at`.
fn parenthetical_opening(view: &SentenceView, site: &Site, at: usize) -> Option<usize> {
    let closes = at > site.scope.start && view.words[at - 1].text == ",";
    if !closes {
        return None;
    }
    (site.scope.start..at - 1)
        .rev()
        .find(|&w| view.words[w].text == ",")
}

/// A parenthetical that is just an actor's name is an apposition naming the subject ("Co-founder of
/// Google, Sergey Brin, met …"); any other ("a retired American general") names no one.
fn apposition(before: &[Placed], open: usize, at: usize) -> Option<Placed> {
    before
        .iter()
        .copied()
        .find(|p| p.words == (open + 1, at - 1))
}

/// True when the words between two mentions only coordinate them ("and", ", and").
fn coordinated(view: &SentenceView, between: Range<usize>) -> bool {
    // Nested mentions ("the president of Turkey" around "Turkey") have no words between them.
    let Some(words) = view.words.get(between) else {
        return false;
    };
    // "and" is required: a bare comma is as often an apposition ("Google, Sergey Brin, met").
    words.iter().any(|w| w.text == "and") && words.iter().all(|w| w.text == "and" || w.text == ",")
}

/// Mentions after the phrase, within the target window and before the clause ends. For joint
/// phrases only parties linked to it ("with Putin", "between Trump and Putin") count.
fn right_parties(
    view: &SentenceView,
    modality: &Modality,
    frame: Frame,
    site: &Site,
) -> Vec<Placed> {
    let (from, end) = match &site.antecedent {
        Some(object) => (object.start, object.end),
        None => (
            site.phrase.end,
            site.scope
                .end
                .min(site.phrase.end + modality.target_window + 1),
        ),
    };
    // With a parse, a verb conjoined to a word up to the phrase starts another verb phrase ("… to
    // blame for the war and called for elections in Ukraine"); a conjoined noun shares the phrase's
    // target ("resume military aid and intelligence sharing with Ukraine"), and conjuncts of later
    // words are parties ("talks between Trump and Putin").
    let new_conjunct = |w: usize| {
        matches!(view.head_of(w), Some((head, "conj")) if head < site.phrase.end)
            && view.tag(w).starts_with("VB")
    };
    let stop = (from..end)
        .find(|&w| {
            view.is_punct(w)
                || new_conjunct(w)
                || modality
                    .target_stops
                    .iter()
                    .any(|s| *s == view.words[w].text)
        })
        .unwrap_or(end);
    view.mentions_within(from..stop)
        .filter(|p| frame == Frame::Svo || linked(view, modality, site, *p))
        .collect()
}

/// A party of a joint phrase after it: right after the phrase, or behind a linker ("with Putin",
/// "between Trump and Putin"); a near linker only right after the phrase ("spoke to Putin", but not
/// "discuss aid to Ukraine": Ukraine receives the aid, it takes no part in the discussion).
fn linked(view: &SentenceView, modality: &Modality, site: &Site, p: Placed) -> bool {
    let start = p.words.0;
    if start == site.phrase.end {
        return true;
    }
    let linker = &view.words[start - 1].text;
    let near = start - 1 == site.phrase.end;
    let joined = modality.joint_linkers.contains(linker)
        && (near || !modality.near_linkers.contains(linker));
    joined || linked_noun_phrase(view, modality, site, p) || offered_by(view, modality, site, start)
}

/// With a parse: true when the mention heads a noun phrase opened by a linker after the phrase,
/// with modifiers between ("held talks with his Chinese counterpart Wang Yi").
fn linked_noun_phrase(view: &SentenceView, modality: &Modality, site: &Site, p: Placed) -> bool {
    let head = phrase_head(view, p.words.0..p.words.1);
    view.dependent(head, &["case"]).is_some_and(|case| {
        let linker = &view.words[case].text;
        (site.phrase.end..p.words.0).contains(&case)
            && modality.joint_linkers.contains(linker)
            && !modality.near_linkers.contains(linker)
    })
}

/// True when the mention at word `start` is the agent of a participle right after a joint phrase
/// ("accept a ceasefire proposed by the United States", "a truce brokered by Egypt"): whoever
/// offered the agreement is the other party to it.
fn offered_by(view: &SentenceView, modality: &Modality, site: &Site, start: usize) -> bool {
    let skip_determiner = start > 0 && modality.determiners.contains(&view.words[start - 1].text);
    let agent_at = start - usize::from(skip_determiner);
    agent_at == site.phrase.end + 2
        && view.words[agent_at - 1].text == modality.passive_agent
        && view.tag(site.phrase.end) == "VBN"
}

/// The mention as a party: its actor and the code it is coded with (mention code, else actor code).
pub fn party(view: &SentenceView, p: Placed) -> Option<Party> {
    let mention = &view.article.mentions[p.mention];
    let actor = view.article.actors.get(mention.actor)?;
    let code = mention.code.clone().or_else(|| actor.code.clone())?;
    Some(Party {
        actor: mention.actor,
        code,
        named: mention.kind == eventwire_model::MentionKind::Name,
    })
}

/// The speaker of quote `q` as a party, coded through the mention that names them when there is one.
pub fn speaker(view: &SentenceView, q: usize) -> Option<Party> {
    let quote = &view.article.quotes[q];
    let actor = quote.speaker.filter(|a| *a < view.article.actors.len())?;
    let mention = quote
        .speaker_span
        .and_then(|s| view.article.mentions.iter().find(|m| m.span == s));
    let code = mention
        .and_then(|m| m.code.clone())
        .or_else(|| view.article.actors.get(actor)?.code.clone())?;
    Some(Party {
        actor,
        code,
        named: mention.is_some_and(|m| m.kind == eventwire_model::MentionKind::Name),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::Resources;
    use eventwire_model::{
        Actor, ActorKind, Article, ArticleMeta, Mention, MentionKind, Sentence, Span, Token,
    };

    /// A one-sentence article with whitespace tokens, the given parse, and each capitalised word an
    /// actor coded `XXXGOV` after its first three letters.
    fn parsed(text: &str, parse: &[(Option<usize>, &str)]) -> Article {
        let mut a = Article::new("t", text, ArticleMeta::default());
        let mut at = 0;
        for (word, (head, deprel)) in text.split(' ').zip(parse) {
            let span = Span::new(at, at + word.len());
            at = span.end + 1;
            a.tokens.push(Token {
                span,
                head: *head,
                deprel: deprel.to_string(),
                ..Token::default()
            });
            if word.starts_with(char::is_uppercase) {
                a.actors.push(Actor {
                    id: word.to_lowercase(),
                    name: word.to_string(),
                    kind: ActorKind::Person,
                    code: Some(format!("{}GOV", word[..3].to_uppercase())),
                    alt_codes: Vec::new(),
                    country: None,
                    wikipedia: None,
                });
                a.mentions.push(Mention {
                    span,
                    actor: a.actors.len() - 1,
                    kind: MentionKind::Name,
                    code: a.actors.last().unwrap().code.clone(),
                    sentence: 0,
                    confidence: 1.0,
                });
            }
        }
        a.sentences.push(Sentence {
            span: Span::new(0, text.len()),
            paragraph: 0,
            tokens: 0..a.tokens.len(),
        });
        a
    }

    fn roles(article: &Article, phrase: std::ops::Range<usize>) -> Option<(String, String)> {
        let res = Resources::bundled().unwrap();
        let index = crate::view::ArticleIndex::new(article);
        let view = SentenceView::new(&index, 0);
        let site = Site {
            phrase,
            scope: 0..view.words.len(),
            quote: None,
            verbal: false,
            joint: false,
            antecedent: None,
        };
        let (s, t) = source_and_target(&view, &res.modality, Frame::Svo, &site)?;
        Some((s.code, t.code))
    }

    #[test]
    fn the_parse_subject_wins_over_a_nearer_actor_in_a_relative_clause() {
        let a = parsed(
            "Macron who met Scholz praised Erdogan",
            &[
                (Some(4), "nsubj"),
                (Some(2), "nsubj"),
                (Some(0), "acl:relcl"),
                (Some(2), "obj"),
                (None, "root"),
                (Some(4), "obj"),
            ],
        );
        let pair = |s: &str, t: &str| Some((s.to_string(), t.to_string()));
        assert_eq!(roles(&a, 4..5), pair("MACGOV", "ERDGOV"));
        assert_eq!(
            roles(&a, 2..3),
            pair("MACGOV", "SCHGOV"),
            "via the antecedent of who"
        );
    }

    #[test]
    fn an_object_event_takes_the_subject_only_of_a_light_verb() {
        let parse = [
            (Some(1), "nsubj"),
            (None, "root"),
            (Some(3), "det"),
            (Some(1), "obj"),
            (Some(5), "case"),
            (Some(3), "nmod"),
        ];
        let condemned = parsed("Biden condemned the attack on Israel", &parse);
        assert_eq!(roles(&condemned, 3..4), None, "condemning is not attacking");
        let launched = parsed("Russia launched an attack on Kyiv", &parse);
        assert_eq!(
            roles(&launched, 3..4),
            Some(("RUSGOV".to_string(), "KYIGOV".to_string()))
        );
    }

    #[test]
    fn a_complement_takes_the_subject_of_its_verb_and_a_non_actor_subject_ends_the_search() {
        let like = parsed(
            "Putin would like to meet Macron",
            &[
                (Some(2), "nsubj"),
                (Some(2), "aux"),
                (None, "root"),
                (Some(4), "mark"),
                (Some(2), "xcomp"),
                (Some(4), "obj"),
            ],
        );
        assert_eq!(
            roles(&like, 4..5),
            Some(("PUTGOV".to_string(), "MACGOV".to_string()))
        );
        let aides = parsed(
            "aides of Putin wanted to meet Macron",
            &[
                (Some(3), "nsubj"),
                (Some(2), "case"),
                (Some(0), "nmod"),
                (None, "root"),
                (Some(5), "mark"),
                (Some(3), "xcomp"),
                (Some(5), "obj"),
            ],
        );
        // As CAMEO and PLOVER code it, the actor a subject's noun phrase names stands for it: Putin's
        // aides act for his government ("Doctors from two American aid groups" are USA).
        assert_eq!(
            roles(&aides, 5..6),
            Some(("PUTGOV".to_string(), "MACGOV".to_string()))
        );
        let experts = parsed(
            "experts wanted to meet Macron",
            &[
                (Some(1), "nsubj"),
                (None, "root"),
                (Some(3), "mark"),
                (Some(1), "xcomp"),
                (Some(3), "obj"),
            ],
        );
        assert_eq!(
            roles(&experts, 3..4),
            None,
            "a non-actor subject ends the search"
        );
    }

    #[test]
    fn without_a_parse_the_nearest_actor_is_the_source() {
        let a = parsed("Macron who met Scholz praised Erdogan", &[(None, ""); 6]);
        assert_eq!(
            roles(&a, 4..5),
            Some(("SCHGOV".to_string(), "ERDGOV".to_string()))
        );
    }
}
