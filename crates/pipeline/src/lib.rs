//! The pipeline: the ordered list of annotation stages every article goes through after ingest.
//!
//! segment → syntax → actors → time → quotes → events → places. Each stage reads what the stages
//! before it wrote (quotes need actors for speakers and time for `said_on`; events need all three;
//! places need the actors' mentions and the events they locate).

use anyhow::Context;
use eventwire_lexicon::Lexicon;
use eventwire_model::{Annotator, Article};
use std::sync::Arc;

mod batch;
mod version;
pub use batch::Chunk;
pub use version::coder_version;

/// The stages, loaded once and shared by every article (and thread) of a run.
pub struct Pipeline {
    stages: Vec<Box<dyn Annotator>>,
}

impl Pipeline {
    /// The standard pipeline with the resources bundled in the repository.
    pub fn standard() -> anyhow::Result<Self> {
        let events =
            eventwire_events::EventAnnotator::load().context("loading the event patterns")?;
        Self::standard_with_events(events)
    }

    /// The standard stages reading `lexicon`: the bundled one ([`Lexicon::bundled`]) or one with
    /// an analyst's dictionaries added (`ingest --dictionaries DIR`). The events stage codes the
    /// lexicon's verb dictionary.
    pub fn with_lexicon(lexicon: Arc<Lexicon>) -> anyhow::Result<Self> {
        let events = eventwire_events::EventAnnotator::load()
            .context("loading the event patterns")?
            .with_lexicon(lexicon);
        Self::standard_with_events(events)
    }

    /// The standard stages with this events stage (one given a verb dictionary, say).
    pub fn standard_with_events(events: eventwire_events::EventAnnotator) -> anyhow::Result<Self> {
        let stages: Vec<Box<dyn Annotator>> = vec![
            Box::new(eventwire_segment::Segmenter::load().context("loading the segmenter")?),
            Box::new(
                eventwire_syntax::SyntaxAnnotator::load().context("loading the syntax model")?,
            ),
            Box::new(
                eventwire_actors::ActorAnnotator::load().context("loading the actor dictionary")?,
            ),
            Box::new(eventwire_time::TimeAnnotator::load().context("loading the time tagger")?),
            Box::new(
                eventwire_quotes::QuoteAnnotator::load().context("loading the quote lexicon")?,
            ),
            Box::new(events),
            Box::new(eventwire_places::PlaceAnnotator::load().context("loading the gazetteer")?),
        ];
        Ok(Pipeline { stages })
    }

    /// Runs every stage over the article in order and stamps it with the coder version.
    pub fn annotate(&self, article: &mut Article) {
        for stage in self.stages() {
            stage.annotate(article);
        }
        article.coder_version = Some(coder_version().to_owned());
    }

    /// The stages in the order `annotate` runs them, for callers that time them one by one.
    pub fn stages(&self) -> impl Iterator<Item = &dyn Annotator> {
        self.stages.iter().map(|stage| stage.as_ref())
    }

    /// Names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }
}
