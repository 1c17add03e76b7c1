//! Why a sentence got the events it got: for each pattern the coder matched, the events it gave
//! or the first stage that dropped it; for a sentence with actors and no event, the reason. Made
//! by the coder itself on request ([`crate::EventAnnotator::diagnose`]) and never stored.

use crate::coder::Hit;
use crate::modality::{cue_before, negated_after};
use crate::resources::{Modality, Pattern, Resources};
use crate::roles::{party, subject, Site};
use crate::view::SentenceView;
use eventwire_model::{Event, Span};
use serde::Serialize;

/// The first stage that dropped a matched pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dropped {
    /// A negation before or after it ("did not meet"), or a denied statement.
    Negated,
    /// A condition or counterfactual ("if they meet", "would never have invaded").
    Conditional,
    /// Blocked or prevented ("Hungary blocked new sanctions").
    Prevented,
    /// Only intended, and the code has no intent code (a planned attack is no attack).
    Intended,
    NoSource,
    NoTarget,
    /// The sentence already has an act of this root by this source.
    SameAct,
}

impl Dropped {
    pub fn describe(self) -> &'static str {
        match self {
            Dropped::Negated => "negated",
            Dropped::Conditional => "conditional",
            Dropped::Prevented => "prevented",
            Dropped::Intended => "intended (no intent code)",
            Dropped::NoSource => "no source",
            Dropped::NoTarget => "no target",
            Dropped::SameAct => "same act as an earlier event",
        }
    }
}

/// One matched pattern and what became of it.
#[derive(Debug, Clone, Serialize)]
pub struct HitReport {
    /// The words it matched.
    pub text: String,
    pub trigger: Span,
    pub cameo: String,
    /// The dictionary line (`patterns.csv:57`, `CAMEO.2.0.txt:1523`).
    pub origin: String,
    pub events: Vec<Event>,
    pub dropped: Option<Dropped>,
}

impl HitReport {
    pub(crate) fn new(
        view: &SentenceView,
        hit: &Hit<Pattern>,
        outcome: &Result<Vec<Event>, Dropped>,
    ) -> Self {
        let trigger = view.span(hit.words.clone());
        HitReport {
            text: view.article.slice(trigger).to_string(),
            trigger,
            cameo: hit.entry.cameo.clone(),
            origin: hit.entry.origin.clone(),
            events: outcome.clone().unwrap_or_default(),
            dropped: outcome.as_ref().err().copied(),
        }
    }
}

/// What the coder made of one sentence.
#[derive(Debug, Clone, Serialize)]
pub struct SentenceDiagnosis {
    pub sentence: usize,
    /// Actor mentions in the sentence.
    pub mentions: usize,
    /// The verbs the parse found (as written).
    pub verbs: Vec<String>,
    pub hits: Vec<HitReport>,
}

/// Why a sentence with actors has no event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// No pattern matched any of these verbs.
    NoVerbPattern { verbs: Vec<String> },
    /// The first matched pattern was dropped at this stage.
    Dropped(Dropped),
}

impl SentenceDiagnosis {
    pub fn events(&self) -> impl Iterator<Item = (&HitReport, &Event)> {
        self.hits
            .iter()
            .flat_map(|h| h.events.iter().map(move |e| (h, e)))
    }

    /// The reason, for a sentence with actor mentions and no event; `None` otherwise.
    pub fn reason(&self) -> Option<Reason> {
        if self.mentions == 0 || self.events().next().is_some() {
            return None;
        }
        Some(match self.hits.iter().find_map(|h| h.dropped) {
            Some(dropped) => Reason::Dropped(dropped),
            None => Reason::NoVerbPattern {
                verbs: self.verbs.clone(),
            },
        })
    }
}

/// Which kind of cue made a phrase unreal, in the order the coder checks them.
pub(crate) fn unreal_reason(res: &Resources, view: &SentenceView, site: &Site) -> Dropped {
    let m = &res.modality;
    let (scope, at) = (site.scope.clone(), site.phrase.start);
    let before = |cues| cue_before(cues, view, scope.start, at);
    if before(&m.negation) || negated_after(m, view, scope.end, site.phrase.end) {
        Dropped::Negated
    } else if before(&m.counterfactual) || before(&m.hypothetical) {
        Dropped::Conditional
    } else if before(&m.prevention) {
        Dropped::Prevented
    } else {
        // A denied statement, or a noun the act modifies that was itself blocked.
        Dropped::Negated
    }
}

/// Which role the phrase lacks: its source when no actor is its subject, else its target.
pub(crate) fn missing_role(view: &SentenceView, modality: &Modality, site: &Site) -> Dropped {
    match subject(view, modality, site).and_then(|s| party(view, s)) {
        Some(_) => Dropped::NoTarget,
        None => Dropped::NoSource,
    }
}
