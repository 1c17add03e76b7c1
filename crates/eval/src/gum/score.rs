//! Scores one annotated article against its GUM document: actor mentions by class (exact span and
//! head match), coreference over the actor chains, pronoun resolution, entity linking and quotes.

use super::conllu::{percent_decode, GoldMention, GoldToken, GumDocument};
use crate::coref::CorefScores;
use crate::score::{match_one_to_one, Counts};
use eventwire_model::{Article, Mention, MentionKind, QuoteKind, Span};
use serde::Serialize;
use std::collections::HashMap;

/// GUM entity types that correspond to our actors.
pub const ACTOR_TYPES: [&str; 3] = ["person", "organization", "place"];

/// How a mention refers: gold mentions by their head word, ours by their kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionClass {
    /// A proper name (gold head `PROPN`; our names and metonyms).
    Named,
    /// A personal, possessive or reflexive pronoun (gold head `PRON` with `PronType=Prs`; our
    /// pronouns).
    Pronoun,
    /// Anything else: descriptions, demonyms, other pronouns ("someone", "those who …").
    Nominal,
}

impl MentionClass {
    pub const ALL: [MentionClass; 3] = [Self::Named, Self::Pronoun, Self::Nominal];

    fn of_gold_head(head: &GoldToken) -> Self {
        let personal = || head.feats.split('|').any(|f| f == "PronType=Prs");
        match head.upos.as_str() {
            "PROPN" => Self::Named,
            "PRON" if personal() => Self::Pronoun,
            _ => Self::Nominal,
        }
    }

    fn of_predicted(kind: MentionKind) -> Self {
        match kind {
            MentionKind::Name | MentionKind::Metonym => Self::Named,
            MentionKind::Pronoun => Self::Pronoun,
            MentionKind::Nominal | MentionKind::Demonym => Self::Nominal,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Named => "named",
            Self::Pronoun => "pronoun",
            Self::Nominal => "nominal",
        }
    }
}

/// Mention detection counts of one class (or of all mentions, `class: None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MentionCounts {
    pub class: Option<MentionClass>,
    /// Same span.
    pub exact: Counts,
    /// Exact, or the same head word (by the gold tree; the last word of a flat name).
    pub head: Counts,
}

/// Gold actor pronouns that have an antecedent (a chain of two or more mentions), and how we
/// did on them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PronounResolution {
    pub total: usize,
    /// … that one of our mentions matches.
    pub found: usize,
    /// … put in an actor that also holds another mention of the same gold entity.
    pub correct: usize,
}

impl PronounResolution {
    pub fn add(&mut self, other: PronounResolution) {
        self.total += other.total;
        self.found += other.found;
        self.correct += other.correct;
    }

    /// Share of all such pronouns resolved to the right chain (a pronoun we miss counts as wrong).
    pub fn share(&self) -> f64 {
        crate::score::ratio(self.correct, self.total)
    }
}

/// Entity linking on the named gold mentions that carry a Wikipedia identity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Linking {
    /// Named gold actor mentions with an identity.
    pub named: usize,
    /// … that one of our mentions matches (head match).
    pub found: usize,
    /// … whose actor comes from our dictionary (not an unknown name or a generic group).
    pub in_dictionary: usize,
    /// … of which the dictionary gives no Wikipedia identity.
    pub without_identity: usize,
    /// … whose identity equals the gold one.
    pub correct: usize,
}

impl Linking {
    pub fn add(&mut self, other: Linking) {
        self.named += other.named;
        self.found += other.found;
        self.in_dictionary += other.in_dictionary;
        self.without_identity += other.without_identity;
        self.correct += other.correct;
    }

    /// Share of the dictionary actors we found whose identity is the gold one.
    pub fn accuracy(&self) -> f64 {
        crate::score::ratio(self.correct, self.in_dictionary)
    }
}

/// Every count of one article (or the sum over articles).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GumCounts {
    /// Named, pronoun, nominal, then all mentions together.
    pub mentions: Vec<MentionCounts>,
    pub coref: CorefScores,
    pub pronoun_resolution: PronounResolution,
    pub linking: Linking,
    /// Articles scored for quotes: those that mark at least one quote (GUM leaves the quotes of
    /// some documents unmarked, so there every quote we find would count as false).
    pub quote_articles: usize,
    /// Our direct quotes against the gold `<q>`/`<quote>` spans that hold a finite verb, matched
    /// by overlap (see [`Scorer::quotes`]).
    pub quotes: Counts,
    /// Matched quotes we gave a speaker.
    pub quotes_attributed: usize,
    /// Toponyms: place mentions the gazetteer holds and their resolution ([`super::places`]).
    pub places: super::places::PlaceCounts,
}

impl GumCounts {
    pub fn add(&mut self, other: &GumCounts) {
        for m in &other.mentions {
            match self.mentions.iter_mut().find(|s| s.class == m.class) {
                Some(s) => {
                    s.exact.add(m.exact);
                    s.head.add(m.head);
                }
                None => self.mentions.push(*m),
            }
        }
        self.coref.add(&other.coref);
        self.pronoun_resolution.add(other.pronoun_resolution);
        self.linking.add(other.linking);
        self.quote_articles += other.quote_articles;
        self.quotes.add(other.quotes);
        self.quotes_attributed += other.quotes_attributed;
        self.places.add(other.places);
    }

    /// Mention counts of one class, or of all mentions for `None`.
    pub fn mention_counts(&self, class: Option<MentionClass>) -> Option<&MentionCounts> {
        self.mentions.iter().find(|m| m.class == class)
    }
}

/// A gold item we missed or a prediction GUM does not have, for reading the errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GumFinding {
    pub article: String,
    /// `named miss`, `pronoun false positive`, `wrong link`, `quote miss`, …
    pub what: String,
    pub span: Span,
    pub text: String,
    /// Context: the gold entity type, or the identities compared.
    pub note: String,
}

/// Gold actor mentions of a document, with their class.
struct GoldActor<'a> {
    mention: &'a GoldMention,
    class: MentionClass,
}

/// One of our mentions with its head word in the gold tokens.
struct Predicted<'a> {
    mention: &'a Mention,
    head: Option<usize>,
}

fn gold_actors(doc: &GumDocument) -> Vec<GoldActor<'_>> {
    doc.mentions
        .iter()
        .filter(|m| ACTOR_TYPES.contains(&m.etype.as_str()))
        .map(|mention| GoldActor {
            mention,
            class: MentionClass::of_gold_head(&doc.tokens[mention.head]),
        })
        .collect()
}

fn predicted<'a>(doc: &GumDocument, article: &'a Article) -> Vec<Predicted<'a>> {
    article
        .mentions
        .iter()
        .map(|mention| Predicted {
            mention,
            head: doc.head_word_of(mention.span),
        })
        .collect()
}

/// One-to-one (gold index, predicted index) pairs.
type Pairs = Vec<(usize, usize)>;

/// Exact-span pairs, and those extended with head matches.
fn align(gold: &[GoldActor], predicted: &[Predicted]) -> (Pairs, Pairs) {
    let exact = match_one_to_one(gold, predicted, &[], |g, p| {
        g.mention.span == p.mention.span
    });
    let head = match_one_to_one(gold, predicted, &exact, |g, p| {
        p.head == Some(g.mention.head)
    });
    (exact, head)
}

/// Scores `article` (the pipeline's output on `doc.text`) against the gold of `doc`.
pub fn score_article(doc: &GumDocument, article: &Article) -> (GumCounts, Vec<GumFinding>) {
    let gold = gold_actors(doc);
    let predicted = predicted(doc, article);
    let mut scorer = Scorer {
        doc,
        article,
        findings: Vec::new(),
    };
    let alignment = align(&gold, &predicted);
    let mut counts = GumCounts::default();
    for class in MentionClass::ALL.map(Some).into_iter().chain([None]) {
        let class_counts = scorer.class_counts(&gold, &predicted, &alignment, class);
        counts.mentions.push(class_counts);
    }
    let head = alignment.1;
    let aligned: HashMap<usize, usize> = head.iter().map(|&(gi, pi)| (pi, gi)).collect();
    let chains = Chains::new(&gold, article, &aligned);
    counts.coref = CorefScores::compare(&chains.key, &chains.response);
    let wrongly_resolved;
    (counts.pronoun_resolution, wrongly_resolved) = chains.pronoun_resolution(&gold);
    for gi in wrongly_resolved {
        scorer.wrong_resolution(&gold, gi, &aligned);
    }
    counts.linking = scorer.linking(&gold, &head);
    if !doc.quotes.is_empty() {
        counts.quote_articles = 1;
        (counts.quotes, counts.quotes_attributed) = scorer.quotes();
    }
    counts.places = super::places::score_places(doc, article, &mut scorer.findings);
    (counts, scorer.findings)
}

struct Scorer<'a> {
    doc: &'a GumDocument,
    article: &'a Article,
    findings: Vec<GumFinding>,
}

impl Scorer<'_> {
    fn finding(&mut self, what: String, span: Span, note: String) {
        self.findings.push(GumFinding {
            article: self.doc.id.clone(),
            what,
            span,
            text: self.article.slice(span).to_string(),
            note,
        });
    }

    /// Counts of one class (`None`: all mentions) from the alignment of all mentions: a pair
    /// counts in its gold mention's class, an unpaired prediction in its own. Misses and false
    /// positives at head level become findings.
    fn class_counts(
        &mut self,
        gold: &[GoldActor],
        predicted: &[Predicted],
        alignment: &(Pairs, Pairs),
        class: Option<MentionClass>,
    ) -> MentionCounts {
        let gold_in = |gi: usize| class.is_none_or(|c| gold[gi].class == c);
        let predicted_in = |pi: usize| {
            class.is_none_or(|c| MentionClass::of_predicted(predicted[pi].mention.kind) == c)
        };
        let count = |pairs: &Pairs| {
            let true_pos = pairs.iter().filter(|&&(gi, _)| gold_in(gi)).count();
            let gold_total = (0..gold.len()).filter(|&gi| gold_in(gi)).count();
            let false_pos = (0..predicted.len())
                .filter(|&pi| predicted_in(pi) && !pairs.iter().any(|&(_, p)| p == pi))
                .count();
            Counts {
                true_pos,
                false_pos,
                false_neg: gold_total - true_pos,
            }
        };
        let (exact, head) = alignment;
        let counts = MentionCounts {
            class,
            exact: count(exact),
            head: count(head),
        };
        if let Some(class) = class {
            for gi in (0..gold.len()).filter(|&gi| gold_in(gi) && !head.iter().any(|p| p.0 == gi)) {
                let m = gold[gi].mention;
                self.finding(format!("{} miss", class.name()), m.span, m.etype.clone());
            }
            for pi in (0..predicted.len())
                .filter(|&pi| predicted_in(pi) && !head.iter().any(|p| p.1 == pi))
            {
                let m = predicted[pi].mention;
                let actor = &self.article.actors[m.actor];
                let note = format!("{} ({:?})", actor.id, m.kind);
                self.finding(format!("{} false positive", class.name()), m.span, note);
            }
        }
        counts
    }

    /// A pronoun we found but put in an actor without any other mention of its gold entity.
    fn wrong_resolution(&mut self, gold: &[GoldActor], gi: usize, aligned: &HashMap<usize, usize>) {
        let g = gold[gi].mention;
        let Some(pi) = aligned
            .iter()
            .find_map(|(&pi, &ag)| (ag == gi).then_some(pi))
        else {
            return;
        };
        let ours = &self.article.actors[self.article.mentions[pi].actor].id;
        let antecedent = gold
            .iter()
            .find(|a| a.mention.entity == g.entity && a.class != MentionClass::Pronoun)
            .map_or("", |a| self.article.slice(a.mention.span));
        let note = format!("ours {ours}, gold {} {antecedent:?}", g.etype);
        self.finding("pronoun wrongly resolved".into(), g.span, note);
    }

    /// Named gold mentions with an identity against the identity of the actor we gave them.
    fn linking(&mut self, gold: &[GoldActor], head_pairs: &[(usize, usize)]) -> Linking {
        let mut linking = Linking::default();
        for (gi, g) in gold.iter().enumerate() {
            let Some(identity) = g.mention.identity.as_deref() else {
                continue;
            };
            if g.class != MentionClass::Named {
                continue;
            }
            linking.named += 1;
            let Some(&(_, pi)) = head_pairs.iter().find(|&&(pg, _)| pg == gi) else {
                continue;
            };
            linking.found += 1;
            let actor = &self.article.actors[self.article.mentions[pi].actor];
            if actor.id.starts_with("unk:") || actor.id.starts_with("group:") {
                continue;
            }
            linking.in_dictionary += 1;
            let ours = actor.wikipedia.as_deref().map(normalise_identity);
            match ours {
                Some(ours) if ours == identity => linking.correct += 1,
                _ => {
                    linking.without_identity += usize::from(ours.is_none());
                    let note = format!("gold {identity}, ours {} ({ours:?})", actor.id);
                    self.finding("wrong link".into(), g.mention.span, note);
                }
            }
        }
        linking
    }

    /// Our direct quotes against the gold quotes that are speech (overlap, one-to-one), and how
    /// many of the matched ones have a speaker. A gold quote without a finite verb (a scare quote,
    /// a name, "courageous achievement") is optional: a quote of ours on it is neither right nor
    /// wrong, and missing it is no miss.
    fn quotes(&mut self) -> (Counts, usize) {
        let predicted: Vec<_> = self
            .article
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .collect();
        let (speech, optional): (Vec<Span>, Vec<Span>) = self
            .doc
            .quotes
            .iter()
            .partition(|&&q| has_finite_verb(self.doc, q));
        let pairs = match_one_to_one(&speech, &predicted, &[], |g, p| g.overlaps(&p.span));
        for (i, &g) in speech.iter().enumerate() {
            if !pairs.iter().any(|&(gi, _)| gi == i) {
                self.finding("quote miss".into(), g, String::new());
            }
        }
        let mut false_pos = 0;
        for (i, p) in predicted.iter().enumerate() {
            let paired = pairs.iter().any(|&(_, pi)| pi == i);
            if !paired && !optional.iter().any(|o| o.overlaps(&p.span)) {
                false_pos += 1;
                self.finding("quote false positive".into(), p.span, String::new());
            }
        }
        let attributed = pairs
            .iter()
            .filter(|&&(_, pi)| predicted[pi].speaker.is_some())
            .count();
        let counts = Counts {
            true_pos: pairs.len(),
            false_pos,
            false_neg: speech.len() - pairs.len(),
        };
        (counts, attributed)
    }
}

/// True when a word inside the span is a finite verb (`VerbForm=Fin`): the span holds a clause.
fn has_finite_verb(doc: &GumDocument, span: Span) -> bool {
    doc.tokens
        .iter()
        .filter(|t| span.contains(&t.span))
        .any(|t| t.feats.split('|').any(|f| f == "VerbForm=Fin"))
}

/// `Donald Trump` → `Donald_Trump`, escapes decoded, as GUM writes identities.
fn normalise_identity(wikipedia: &str) -> String {
    percent_decode(wikipedia.trim()).replace(' ', "_")
}

/// Key and response entities over shared mention ids: a gold actor mention is its index in the
/// gold list, our mention takes the index of the gold mention it matches, else one past the gold.
struct Chains {
    key: Vec<Vec<usize>>,
    response: Vec<Vec<usize>>,
    /// Gold entity of each gold mention id.
    gold_entity: Vec<usize>,
    /// Our entity (actor) of each aligned gold mention id.
    our_entity: HashMap<usize, usize>,
}

impl Chains {
    /// Entities of two or more mentions on both sides (singletons left out, as in CoNLL-2012).
    fn new(gold: &[GoldActor], article: &Article, aligned: &HashMap<usize, usize>) -> Self {
        let mut by_entity: HashMap<&str, usize> = HashMap::new();
        let mut key: Vec<Vec<usize>> = Vec::new();
        let mut gold_entity = Vec::with_capacity(gold.len());
        for (gi, g) in gold.iter().enumerate() {
            let next = by_entity.len();
            let e = *by_entity.entry(&g.mention.entity).or_insert(next);
            if e == key.len() {
                key.push(Vec::new());
            }
            key[e].push(gi);
            gold_entity.push(e);
        }
        let mut by_actor: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut our_entity = HashMap::new();
        for (pi, m) in article.mentions.iter().enumerate() {
            let id = match aligned.get(&pi) {
                Some(&gi) => {
                    our_entity.insert(gi, m.actor);
                    gi
                }
                None => gold.len() + pi,
            };
            by_actor.entry(m.actor).or_default().push(id);
        }
        let mut response: Vec<Vec<usize>> = by_actor.into_values().collect();
        response.sort();
        key.retain(|e| e.len() > 1);
        response.retain(|e| e.len() > 1);
        Chains {
            key,
            response,
            gold_entity,
            our_entity,
        }
    }

    /// Gold pronouns in chains of two or more mentions: resolved when our actor for the pronoun
    /// also holds another mention aligned to the same gold entity.
    /// Also returns the gold indices of the pronouns found but put with the wrong mentions.
    fn pronoun_resolution(&self, gold: &[GoldActor]) -> (PronounResolution, Vec<usize>) {
        let mut chain_size: HashMap<usize, usize> = HashMap::new();
        for &e in &self.gold_entity {
            *chain_size.entry(e).or_default() += 1;
        }
        let mut tally = PronounResolution::default();
        let mut wrong = Vec::new();
        for (gi, g) in gold.iter().enumerate() {
            let entity = self.gold_entity[gi];
            if g.class != MentionClass::Pronoun || chain_size[&entity] < 2 {
                continue;
            }
            tally.total += 1;
            let Some(actor) = self.our_entity.get(&gi) else {
                continue;
            };
            tally.found += 1;
            let resolved = self
                .our_entity
                .iter()
                .any(|(&other, a)| other != gi && a == actor && self.gold_entity[other] == entity);
            if resolved {
                tally.correct += 1;
            } else {
                wrong.push(gi);
            }
        }
        (tally, wrong)
    }
}
