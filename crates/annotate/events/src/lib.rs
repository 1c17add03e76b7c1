//! Events: source → action → target per interaction, coded in CAMEO and PLOVER with a Goldstein score,
//! plus claims (promises and predictions with deadlines).
//!
//! The stage runs last and reads every earlier layer: tokens (lemmas when the syntax model gives them),
//! actor mentions (their mention-level codes), timexes (event dates, claim deadlines) and quotes (the
//! speaker is the source of what their statement reports). All knowledge is data in `data/events/`:
//!
//! - [`resources`]: loads `cameo.csv` (code → PLOVER, Goldstein, intent code), `patterns.csv` (phrases in
//!   the spirit of PETRARCH2 verb patterns), `modality.toml` (negation, counterfactual, intent cues) and
//!   `claims.toml` (promise/prediction triggers);
//! - [`phrase`]: the small phrase language those files use;
//! - `coder`: per sentence, longest-match phrase finding and event building;
//! - `modality`, `roles`: whether the action is real, and who acts on whom;
//! - `claims`: promises and predictions.

mod claims;
mod coder;
mod modality;
pub mod phrase;
pub mod resources;
mod roles;
mod view;

pub use resources::LoadError;

use eventwire_model::{Annotator, Article};
use resources::Resources;
use view::SentenceView;

/// Events and claims from the bundled pattern dictionary.
#[derive(Debug, Clone)]
pub struct EventAnnotator {
    resources: Resources,
}

impl EventAnnotator {
    /// Loads and checks the data files bundled from `data/events/`.
    pub fn load() -> Result<Self, LoadError> {
        Ok(EventAnnotator {
            resources: Resources::bundled()?,
        })
    }
}

impl Annotator for EventAnnotator {
    fn name(&self) -> &'static str {
        "events"
    }

    fn annotate(&self, article: &mut Article) {
        let mut events = Vec::new();
        let mut claims = Vec::new();
        for sentence in 0..article.sentences.len() {
            let view = SentenceView::new(article, sentence);
            events.extend(coder::code_sentence(&self.resources, &view));
            claims.extend(claims::claims_of_sentence(&self.resources, &view));
        }
        article.events.extend(events);
        article.claims.extend(claims);
    }
}
