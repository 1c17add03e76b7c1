//! Event coding within one sentence: find the pattern phrases (longest match wins where they overlap),
//! drop the unreal ones, recode the intended ones, and attach source, target, date and confidence.

use crate::diagnosis::{missing_role, unreal_reason, Dropped, HitReport};
use crate::dictionary::{governed_by, VerbDictionary, VerbHit};
use crate::modality::{cancels_object, cue_before, mood, Mood};
use crate::phrase::Phrase;
use crate::resources::{Frame, Modality, Pattern, Resources};
use crate::roles::{
    further_sources, further_targets, is_passive, nominal_owner, party, phrase_head,
    source_and_target, subject, Party, Site,
};
use crate::view::SentenceView;
use eventwire_model::{Event, Timex, TimexType};
use std::ops::Range;

/// A phrase found in a sentence: which entry matched and on which words.
#[derive(Debug, Clone)]
pub struct Hit<'r, T> {
    pub entry: &'r T,
    pub words: Range<usize>,
}

/// The non-overlapping matches of `entries` in the sentence, preferring the phrase naming the most
/// words, then the longest stretch, then the earlier entry of the data file. Phrases overlapping an
/// actor mention are ignored, except entries that `names_inner_actor` allows an actor strictly
/// inside (in a gap: "released three Israeli hostages").
pub fn best_hits<'r, T>(
    view: &SentenceView,
    entries: &'r [T],
    phrase: impl Fn(&T) -> &Phrase,
    names_inner_actor: impl Fn(&T) -> bool,
) -> Vec<Hit<'r, T>> {
    let mut all: Vec<(usize, Hit<'r, T>)> = entries
        .iter()
        .flat_map(|entry| {
            let found = phrase(entry);
            let weight = found.weight();
            found
                .find_all(&view.words)
                .into_iter()
                .map(move |(start, end)| {
                    (
                        weight,
                        Hit {
                            entry,
                            words: start..end,
                        },
                    )
                })
        })
        .filter(|(_, h)| {
            let words = h.words.clone();
            if names_inner_actor(h.entry) {
                !view.overlaps_mention_edge(words)
            } else {
                !view.overlaps_mention(words)
            }
        })
        .collect();
    // Stable sort keeps data-file order among equals.
    all.sort_by_key(|(weight, h)| std::cmp::Reverse((*weight, h.words.len())));
    let mut chosen: Vec<Hit<'r, T>> = Vec::new();
    for (_, hit) in all {
        if !chosen
            .iter()
            .any(|c| c.words.start < hit.words.end && hit.words.start < c.words.end)
        {
            chosen.push(hit);
        }
    }
    chosen.sort_by_key(|h| h.words.start);
    chosen
}

/// Where the phrase on `words` sits: inside the innermost quote or in the sentence at large.
pub fn site_of(view: &SentenceView, words: Range<usize>) -> Site {
    match view.quote_at(words.start) {
        Some((quote, scope)) => Site {
            phrase: words,
            scope,
            quote: Some(quote),
            verbal: true,
            joint: false,
            antecedent: None,
        },
        None => Site {
            phrase: words,
            scope: 0..view.words.len(),
            quote: None,
            verbal: true,
            joint: false,
            antecedent: None,
        },
    }
}

/// The events of one sentence, at most one per source and CAMEO root.
pub fn code_sentence(
    res: &Resources,
    dictionary: Option<&VerbDictionary>,
    view: &SentenceView,
) -> Vec<Event> {
    code_sentence_reporting(res, dictionary, view, None)
}

/// [`code_sentence`], and when `report` is given, what became of every pattern it matched.
pub fn code_sentence_reporting(
    res: &Resources,
    dictionary: Option<&VerbDictionary>,
    view: &SentenceView,
    mut report: Option<&mut Vec<HitReport>>,
) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    let patient = |p: &Pattern| p.frame == Frame::Patient;
    let mut hits = best_hits(view, &res.patterns, |p| &p.phrase, patient);
    // The hand patterns are the more specific reading: the dictionary codes the sentences they
    // do not reach (with both on one sentence the crate's news tests lose 10 of their codings).
    let verb_hits = match dictionary {
        Some(dictionary) if hits.is_empty() => dictionary.hits(view, &res.cameo, &res.modality),
        _ => Vec::new(),
    };
    if hits.is_empty() {
        hits = dictionary_hits(view, &verb_hits);
    }
    let relative = relative_hits(res, view, &hits);
    let sited = hits
        .into_iter()
        .map(|hit| {
            let site = Site {
                antecedent: clause_object(&res.modality, view, &hit),
                ..site_of(view, hit.words.clone())
            };
            (site, hit)
        })
        .chain(relative);
    for (site, hit) in sited {
        // One sentence rarely holds two acts of the same kind by one actor: a second one is the
        // same act seen through another phrase ("a critic of …, arguing that … should have").
        let seen = |event: &Event| {
            events
                .iter()
                .any(|e| e.source == event.source && e.cameo[..2] == event.cameo[..2])
        };
        let outcome = match code_hit(res, view, &hit, site) {
            Ok(found) if found.first().is_some_and(seen) => Err(Dropped::SameAct),
            outcome => outcome,
        };
        if let Some(report) = report.as_deref_mut() {
            report.push(HitReport::new(view, &hit, &outcome));
        }
        events.extend(outcome.unwrap_or_default());
    }
    events
}

/// The source of an act of an `untargeted_roots` code that has no object and whose clause names no
/// actor after it ("protesters rallied in Nairobi", "the army mobilised"): PLOVER codes such acts
/// with an empty target.
fn untargeted_source(
    res: &Resources,
    view: &SentenceView,
    frame: Frame,
    site: &Site,
    cameo: &str,
) -> Option<Party> {
    let modality = &res.modality;
    let untargeted = modality
        .untargeted_roots
        .iter()
        .any(|r| cameo.starts_with(r.as_str()));
    // A passive subject is the patient ("soldiers were killed"); an object the act has names a
    // target, actor or not ("Gunmen killed 12 villagers" is no untargeted act of theirs).
    let head = phrase_head(view, site.phrase.clone());
    if !untargeted
        || frame != Frame::Svo
        || is_passive(view, modality, site.phrase.start)
        || view.dependent(head, &["obj", "iobj"]).is_some()
    {
        return None;
    }
    let clause_end = (site.phrase.end..site.scope.end)
        .find(|&w| view.is_punct(w) || modality.target_stops.contains(&view.words[w].text))
        .unwrap_or(site.scope.end);
    if view
        .mentions_within(site.phrase.end..clause_end)
        .next()
        .is_some()
    {
        return None;
    }
    party(view, subject(view, modality, site)?)
}

/// Whether a mention of the target's actor hangs on the phrase's word as its object or
/// prepositional object.
fn governed_target(view: &SentenceView, hit: &Hit<Pattern>, target: &Party) -> bool {
    let verb = phrase_head(view, hit.words.clone());
    view.mentions
        .iter()
        .filter(|m| view.article.mentions[m.mention].actor == target.actor)
        .any(|m| (m.words.0..m.words.1).any(|w| governed_by(view, verb, w)))
}

/// The dictionary's verbs on which no actor mention stands, as hits.
fn dictionary_hits<'r>(view: &SentenceView, verb_hits: &'r [VerbHit]) -> Vec<Hit<'r, Pattern>> {
    verb_hits
        .iter()
        .filter(|v| !view.overlaps_mention(v.words.clone()))
        .map(|v| Hit {
            entry: &v.pattern,
            words: v.words.clone(),
        })
        .collect()
}

/// With a parse: the acts whose object is a relative pronoun ("military aid to Ukraine, which it
/// had suspended"), read as the verb followed by the antecedent's noun phrase ("suspended military
/// aid"), each with the site that seeks its target between the antecedent and the pronoun. The
/// antecedent is the nearest noun or gerund before the pronoun that makes a pattern with the verb
/// (the parser does not always hang the relative clause on it). Verbs already inside a phrase are left alone.
fn relative_hits<'r>(
    res: &'r Resources,
    view: &SentenceView,
    hits: &[Hit<Pattern>],
) -> Vec<(Site, Hit<'r, Pattern>)> {
    (0..view.words.len())
        .filter(|&verb| !hits.iter().any(|h| h.words.contains(&verb)))
        .filter_map(|verb| {
            let pronoun = view
                .dependent(verb, &["obj"])
                .filter(|&w| view.tag(w) == "WDT" && w < verb)?;
            let window = pronoun.saturating_sub(res.modality.target_window)..pronoun;
            let nominal = |w: &usize| view.tag(*w).starts_with("NN") || view.tag(*w) == "VBG";
            window.rev().filter(nominal).find_map(|noun| {
                let entry = antecedent_pattern(res, view, verb, noun)?;
                let site = Site {
                    antecedent: Some(noun + 1..pronoun),
                    ..site_of(view, verb..verb + 1)
                };
                let hit = Hit {
                    entry,
                    words: verb..verb + 1,
                };
                Some((site, hit))
            })
        })
        .collect()
}

/// The `svo` pattern that the verb followed by a stretch of up to four words ending at `noun` makes
/// exactly ("suspended" + "military aid"), the longest stretch and the pattern naming most words
/// first. Stretches, not parsed noun phrases: the parser often reads a compound's last word as a
/// participle ("intelligence sharing").
fn antecedent_pattern<'r>(
    res: &'r Resources,
    view: &SentenceView,
    verb: usize,
    noun: usize,
) -> Option<&'r Pattern> {
    const STRETCH: usize = 4;
    let first = (noun + 1).saturating_sub(STRETCH);
    (first..=noun)
        .filter(|&start| view.unbroken(start..noun + 1))
        .find_map(|start| {
            let mut words = vec![view.words[verb].clone()];
            words.extend_from_slice(&view.words[start..=noun]);
            res.patterns
                .iter()
                .filter(|p| p.frame == Frame::Svo)
                .filter(|p| p.phrase.match_at(&words, 0) == Some(words.len()))
                .min_by_key(|p| std::cmp::Reverse(p.phrase.weight()))
        })
}

/// Where an svo phrase followed by a that-clause whose subject is an actor seeks its target: past
/// that subject, in the clause ("Iran warned on Sunday that it would strike Israel": the threat is
/// against Israel; "Lavrov warned that Russia would not accept European peacekeepers"). Only when
/// no actor or punctuation stands between phrase and clause ("warned India that" targets India).
fn clause_object(
    modality: &Modality,
    view: &SentenceView,
    hit: &Hit<Pattern>,
) -> Option<Range<usize>> {
    if hit.entry.frame != Frame::Svo {
        return None;
    }
    let scope_end = site_of(view, hit.words.clone()).scope.end;
    let reach = scope_end.min(hit.words.end + modality.target_window);
    let that = (hit.words.end..reach).find(|&w| view.words[w].text == modality.complementizer)?;
    let between = hit.words.end..that;
    if !view.unbroken(between.clone()) || view.mentions_within(between).next().is_some() {
        return None;
    }
    let subject = view.mention_at(that + 1)?;
    let from = subject.words.1;
    Some(from..scope_end.min(from + modality.target_window + 1))
}

/// A further (source, target) pair of a phrase; no target for an untargeted act.
type Pairing = (Party, Option<Party>);

/// The events of one phrase: one for its source and target, and one for each further pair of
/// coordinated sources and targets.
fn code_hit(
    res: &Resources,
    view: &SentenceView,
    hit: &Hit<Pattern>,
    site: Site,
) -> Result<Vec<Event>, Dropped> {
    let (first, further) = code_first_target(res, view, hit, site)?;
    let others: Vec<Event> = further
        .into_iter()
        .map(|(s, t)| Event {
            source: Some(s.actor),
            source_code: Some(s.code),
            target: t.as_ref().map(|t| t.actor),
            target_code: t.map(|t| t.code),
            ..first.clone()
        })
        .collect();
    Ok(std::iter::once(first).chain(others).collect())
}

/// The event of a phrase with its first source and target, and the further (source, target) pairs
/// that coordination gives: targets coordinated with the first target, sources coordinated with
/// the first source acting on each target.
fn code_first_target(
    res: &Resources,
    view: &SentenceView,
    hit: &Hit<Pattern>,
    site: Site,
) -> Result<(Event, Vec<Pairing>), Dropped> {
    let dated = dated_by(view, &res.modality, &site);
    let mood = phrase_mood(res, view, &site);
    let cameo = match mood {
        Mood::Unreal => return Err(unreal_reason(res, view, &site)),
        Mood::Actual if !after_publication(view, dated.map(|(t, _)| t)) => hit.entry.cameo.clone(),
        // Dated after the report ("travels to Cairo next week for talks"): only planned so far.
        Mood::Intended | Mood::Actual => res.cameo[&hit.entry.cameo]
            .intent
            .clone()
            .ok_or(Dropped::Intended)?,
    };
    let site = Site {
        verbal: res
            .modality
            .speaker_roots
            .iter()
            .any(|r| cameo.starts_with(r.as_str())),
        joint: hit.entry.frame == Frame::Joint,
        ..site
    };
    let (source, target) = match source_and_target(view, &res.modality, hit.entry.frame, &site) {
        Some((_, target)) if hit.entry.governed && !governed_target(view, hit, &target) => {
            return Err(Dropped::NoTarget)
        }
        Some((source, target)) => (source, Some(target)),
        None => (
            untargeted_source(res, view, hit.entry.frame, &site, &cameo)
                .ok_or_else(|| missing_role(view, &res.modality, &site))?,
            None,
        ),
    };
    let targets = target.as_ref().map_or_else(Vec::new, |target| {
        further_targets(
            view,
            &res.modality,
            (hit.entry.frame, &hit.entry.cameo),
            &site,
            (&source, target),
        )
    });
    let sources = further_sources(view, hit.entry.frame, &site, &source);
    let all_targets: Vec<Option<Party>> = std::iter::once(target.clone())
        .chain(targets.iter().cloned().map(Some))
        .collect();
    let further: Vec<Pairing> = targets
        .into_iter()
        .map(|t| (source.clone(), Some(t)))
        .chain(sources.iter().flat_map(|s| {
            all_targets
                .iter()
                .filter(|t| {
                    t.as_ref()
                        .is_none_or(|t| t.actor != s.actor && t.code != s.code)
                })
                .map(|t| (s.clone(), t.clone()))
        }))
        .collect();
    let code = &res.cameo[&cameo];
    let named = [source.named, target.as_ref().is_some_and(|t| t.named)]
        .iter()
        .filter(|n| **n)
        .count();
    let quoted = if site.quote.is_some() { 0.9 } else { 1.0 };
    let event = Event {
        source: Some(source.actor),
        target: target.as_ref().map(|t| t.actor),
        source_code: Some(source.code),
        target_code: target.map(|t| t.code),
        plover: code.plover.clone(),
        goldstein: code.goldstein,
        quad_class: code.quad,
        cameo,
        trigger: view.span(hit.words.clone()),
        sentence: view.sentence,
        // An intention is dated by its own clause or by when it was stated: a date across a clause
        // word belongs to another act ("expected to speak with Putin later this week and added
        // that he would consider new sanctions").
        date: dated
            .filter(|(_, own_clause)| *own_clause || mood != Mood::Intended)
            .map(|(t, _)| t.value.clone())
            .or_else(|| undated(view, site.quote)),
        quote: site.quote,
        confidence: (0.6 + 0.1 * named as f32) * quoted,
    };
    Ok((event, further))
}

/// When an event happened: the nearest concrete date of its sentence that is before the phrase or in
/// its clause (not behind "before", "after", "when": "criticised … before the war began almost three
/// years ago" is not dated 2022). A date in the phrase's own clause beats one across a clause word
/// ("suspended last week after a meeting … on February 28": the meeting is of February 28). Without
/// one, the event takes its statement's date (`undated`). The flag says whether the date stands in
/// the phrase's own clause.
fn dated_by<'a>(
    view: &SentenceView<'a>,
    modality: &Modality,
    site: &Site,
) -> Option<(&'a Timex, bool)> {
    let phrase = &site.phrase;
    let crosses_clause = |mut between: Range<usize>| {
        between.any(|w| modality.target_stops.contains(&view.words[w].text))
    };
    let in_clause = |words: &Range<usize>| {
        words.end <= phrase.start || !crosses_clause(phrase.end..words.start)
    };
    let own_clause =
        |words: &Range<usize>| words.end > phrase.start || !crosses_clause(words.end..phrase.start);
    let distance = |words: &Range<usize>| {
        if words.end <= phrase.start {
            phrase.start - words.end
        } else {
            words.start.saturating_sub(phrase.end)
        }
    };
    view.timexes()
        .filter(|t| t.interval.is_some())
        .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
        .filter_map(|t| view.word_range(t.span).map(|words| (t, words)))
        .filter(|(_, words)| in_clause(words))
        .min_by_key(|(_, words)| (!own_clause(words), distance(words)))
        .map(|(t, words)| (t, own_clause(&words)))
}

/// The mood of the phrase from the cues before it, or before the verb it depends on. A negation
/// before an act its own noun phrase gives an agent is the embedding verb's ("China has not
/// condemned Russian attacks on Kyiv": the attacks happened); a condition or a fear still holds
/// ("if Russia's attacks continue", "fears a Russian attack").
fn phrase_mood(res: &Resources, view: &SentenceView, site: &Site) -> Mood {
    if denied_statement(res, view, site) || modified_noun_cancelled(&res.modality, view, site) {
        return Mood::Unreal;
    }
    let modality = &res.modality;
    let phrase = site.phrase.clone();
    let full = mood(modality, view, site.scope.clone(), phrase.clone());
    match (full, nominal_owner(view, site)) {
        (Mood::Unreal, Some(owner))
            if !cancels_object(modality, view, site.scope.clone(), phrase.start) =>
        {
            mood(modality, view, owner.words.0..site.scope.end, phrase)
        }
        (Mood::Actual, None) if intended_verb(res, view, site) => Mood::Intended,
        (mood, _) => mood,
    }
}

/// With a parse: true when the phrase, or the verb whose object it is, modifies a noun whose own
/// noun phrase is blocked, conditional or counterfactual ("Hungary blocked an EU statement
/// criticising China": the statement was never made, so neither was the criticism; "vetoed the EU
/// plan to provide military aid").
fn modified_noun_cancelled(modality: &Modality, view: &SentenceView, site: &Site) -> bool {
    let phrase = phrase_head(view, site.phrase.clone());
    let head = match view.head_of(phrase) {
        Some((verb, "obj")) => verb,
        _ => phrase,
    };
    matches!(view.head_of(head), Some((noun, "acl")) if noun < head
        && cancels_object(modality, view, site.scope.clone(), noun_phrase_start(view, noun)))
}

/// The first word of the noun phrase headed by `noun`: the words right before it that hang on it
/// or on one another ("a European Union statement").
fn noun_phrase_start(view: &SentenceView, noun: usize) -> usize {
    let mut start = noun;
    while start > 0
        && view
            .head_of(start - 1)
            .is_some_and(|(head, _)| (start..=noun).contains(&head))
    {
        start -= 1;
    }
    start
}

/// True when the phrase sits in a that-clause whose speech verb is negated or a denial ("has not
/// confirmed that it struck Iran", "denied that Ukraine had attacked"): what it reports is not
/// asserted. Only a that-clause: a noun phrase taken for reported speech ("has not condemned
/// Russia's invasion") still names a real act.
fn denied_statement(res: &Resources, view: &SentenceView, site: &Site) -> bool {
    let Some(quote) = site.quote.map(|q| &view.article.quotes[q]) else {
        return false;
    };
    let start = site.scope.start;
    if start == 0 || view.words[start - 1].text != res.modality.complementizer {
        return false;
    }
    let denial = quote
        .verb
        .as_deref()
        .is_some_and(|v| res.modality.denial_verbs.iter().any(|d| d == v));
    let verb = quote.verb_span.and_then(|span| view.word_range(span));
    denial || verb.is_some_and(|v| cue_before(&res.modality.negation, view, 0, v.start))
}

/// With a parse: true when the verb the phrase is the object or oblique of is wanted or planned
/// ("pledged $3 billion a year in military aid", "will host talks"): an intent cue before that verb
/// counts however far the phrase stands from it.
fn intended_verb(res: &Resources, view: &SentenceView, site: &Site) -> bool {
    let head = phrase_head(view, site.phrase.clone());
    match view.head_of(head) {
        Some((verb, "obj" | "obl")) if site.scope.start <= verb && verb < site.phrase.start => {
            cue_before(&res.modality.intent, view, site.scope.start, verb + 1)
        }
        _ => false,
    }
}

/// True when the date begins after the article was published: the event cannot have happened yet.
fn after_publication(view: &SentenceView, date: Option<&Timex>) -> bool {
    let published = view.article.meta.published;
    let start = date.and_then(|t| t.interval).map(|i| i.start);
    start
        .zip(published)
        .is_some_and(|(start, published)| start > published)
}

/// The date of a statement whose sentence names none: when its quote was said, else the publication
/// date.
pub fn undated(view: &SentenceView, quote: Option<usize>) -> Option<String> {
    let article = view.article;
    quote
        .and_then(|q| article.quotes[q].said_on.clone())
        .or_else(|| article.meta.published.map(|d| d.to_string()))
}
