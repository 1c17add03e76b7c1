//! Claims: promises and predictions ("promised to end the conflict within 24 hours of taking office",
//! "hopes to end the war within six months") with their speaker, content, date made and deadline.
//! A goal the speaker sets for their own action becomes a promise once it has a deadline.
//! The deadline is the time stage's reading of a temporal expression inside the content.

use crate::coder::{best_hits, site_of, undated, Hit};
use crate::modality::{mood, Mood};
use crate::resources::{ClaimTrigger, Modality, Resources};
use crate::roles::{is_passive, party, speaker, subject, Site};
use crate::view::SentenceView;
use eventwire_model::{Claim, Span, TimexType};
use std::ops::Range;

/// The claims of one sentence.
pub fn claims_of_sentence(res: &Resources, view: &SentenceView) -> Vec<Claim> {
    // A gap may hold the speaker's own name or pronoun ("said he would"): see `own_action`.
    best_hits(
        view,
        &res.claims.triggers,
        |t| &t.phrase,
        |t| t.phrase.has_gap(),
    )
    .into_iter()
    .filter_map(|hit| claim(res, view, &hit))
    .collect()
}

fn claim(res: &Resources, view: &SentenceView, hit: &Hit<ClaimTrigger>) -> Option<Claim> {
    let site = site_of(view, hit.words.clone());
    // "X is expected to …" is someone else's expectation about X, not X's claim.
    if is_passive(view, &res.modality, hit.words.start)
        || mood(&res.modality, view, site.scope.clone(), hit.words.clone()) == Mood::Unreal
    {
        return None;
    }
    let content = content_words(view, hit.words.end..site.scope.end)?;
    let span = view.span(content);
    let (speaker, speaker_code) = claim_speaker(view, &res.modality, &site)?;
    // A gap trigger ("said ... would") is a claim only about the speaker's own action.
    if !own_action(res, view, hit.words.clone(), speaker) {
        return None;
    }
    let deadline_timex = deadline_timex(view, span);
    let kind = match deadline_timex {
        Some(_) => hit.entry.dated_kind,
        None => hit.entry.kind,
    };
    Some(Claim {
        kind,
        speaker: Some(speaker),
        speaker_code,
        span,
        trigger: view.span(hit.words.clone()),
        made_on: made_on(view, span, site.quote),
        deadline: deadline_timex.and_then(|t| eventwire_time::deadline_of(view.article, t)),
        deadline_timex,
        sentence: view.sentence,
        // An explicit trigger phrase; the speaker and deadline come from earlier stages' guesses.
        confidence: 0.8,
    })
}

/// True when the words inside the trigger (its gap) only refer to the speaker ("said he would",
/// "said that she would"), or there are none ("hopes to"): the content is the speaker's own action.
/// "said the war would end" or "said Putin would" report someone else's.
fn own_action(res: &Resources, view: &SentenceView, trigger: Range<usize>, speaker: usize) -> bool {
    let inner = trigger.start + 1..trigger.end.saturating_sub(1);
    inner.into_iter().all(|w| {
        let mention_of_speaker = view
            .mention_at(w)
            .is_some_and(|m| view.article.mentions[m.mention].actor == speaker);
        mention_of_speaker || res.claims.self_reference.contains(&view.words[w].text)
    })
}

/// Punctuation that ends a claim's clause (quotation marks, hyphens and "$" do not).
const CLAUSE_ENDS: [&str; 6] = [",", ";", ":", ".", "!", "?"];

/// The content runs from after the trigger to the end of its clause.
fn content_words(view: &SentenceView, rest: Range<usize>) -> Option<Range<usize>> {
    let end = rest
        .clone()
        .find(|&w| CLAUSE_ENDS.contains(&view.words[w].text.as_str()))
        .unwrap_or(rest.end);
    (rest.start < end).then_some(rest.start..end)
}

/// The subject of the trigger (as for events), else the speaker of the enclosing quote.
fn claim_speaker(
    view: &SentenceView,
    modality: &Modality,
    site: &Site,
) -> Option<(usize, Option<String>)> {
    let party = match subject(view, modality, site) {
        Some(p) => party(view, p)?,
        None => speaker(view, site.quote?)?,
    };
    Some((party.actor, Some(party.code)))
}

/// The first timex inside the content that gives a deadline.
fn deadline_timex(view: &SentenceView, content: Span) -> Option<usize> {
    let article = view.article;
    (0..article.timexes.len()).find(|&t| {
        content.contains(&article.timexes[t].span)
            && eventwire_time::deadline_of(article, t).is_some()
    })
}

/// When the claim was made: a date in the sentence outside its content ("During his campaign"), else
/// the quote's date, else the publication date.
fn made_on(view: &SentenceView, content: Span, quote: Option<usize>) -> Option<String> {
    view.timexes()
        .filter(|t| t.kind == TimexType::Date && t.interval.is_some())
        .find(|t| !content.overlaps(&t.span))
        .map(|t| t.value.clone())
        .or_else(|| undated(view, quote))
}
