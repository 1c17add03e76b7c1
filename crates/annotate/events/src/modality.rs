//! Modality: whether an event phrase is negated ("did not meet"), counterfactual ("would never have
//! invaded"), hypothetical ("if they meet"), prevented ("blocked new EU sanctions") or only intended
//! ("could speak soon", "wants to meet").
//! All cues come from `data/events/modality.toml`.

use crate::resources::{Cues, Modality};
use crate::view::SentenceView;
use std::ops::Range;

/// How real the action of an event phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mood {
    /// It happened or is happening.
    Actual,
    /// It is wanted, planned or possible.
    Intended,
    /// It did not happen (negated, counterfactual, conditional or prevented).
    Unreal,
}

/// The mood of the phrase on words `phrase`; cues are looked for within `scope` (the quote or
/// sentence holding the phrase).
pub fn mood(
    modality: &Modality,
    view: &SentenceView,
    scope: Range<usize>,
    phrase: Range<usize>,
) -> Mood {
    let (scope_start, at) = (scope.start, phrase.start);
    let unreal = [
        &modality.negation,
        &modality.counterfactual,
        &modality.hypothetical,
        &modality.prevention,
    ];
    if unreal.iter().any(|c| cue_before(c, view, scope_start, at))
        || negated_after(modality, view, scope.end, phrase.end)
    {
        Mood::Unreal
    } else if cue_before(&modality.intent, view, scope_start, at) {
        Mood::Intended
    } else {
        Mood::Actual
    }
}

/// True when a counterfactual, conditional or preventing cue stands before the phrase ("would never
/// have invaded", "if Russia's attacks continue", "blocked new EU sanctions"): unlike a negation, it
/// takes a nominal object along, even one whose own noun phrase names its agent.
pub fn cancels_object(
    modality: &Modality,
    view: &SentenceView,
    scope: Range<usize>,
    at: usize,
) -> bool {
    [
        &modality.counterfactual,
        &modality.hypothetical,
        &modality.prevention,
    ]
    .iter()
    .any(|c| cue_before(c, view, scope.start, at))
}

/// True when a negation cue starts at most `window` words after the phrase ending at word `end`, in the
/// same clause ("talks with Russia were not on the agenda").
pub fn negated_after(
    modality: &Modality,
    view: &SentenceView,
    scope_end: usize,
    end: usize,
) -> bool {
    let cues = &modality.negation_after;
    let limit = scope_end.min(end + cues.window + 1);
    let clause_end = (end..limit)
        .find(|&w| view.is_punct(w) || modality.target_stops.contains(&view.words[w].text))
        .unwrap_or(limit);
    (end..clause_end).any(|start| {
        cues.phrases
            .iter()
            .any(|cue| cue.match_at(&view.words[..scope_end], start).is_some())
    })
}

/// True when a cue phrase ends at most `window` words before word `at`, with no punctuation between.
pub fn cue_before(cues: &Cues, view: &SentenceView, scope_start: usize, at: usize) -> bool {
    let from = at.saturating_sub(cues.window + 8).max(scope_start);
    cues.phrases.iter().any(|cue| {
        (from..at).any(|start| {
            cue.match_at(&view.words[..at], start)
                .is_some_and(|end| at - end <= cues.window && view.unbroken(end..at))
        })
    })
}
