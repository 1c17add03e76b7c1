//! Events: source, PLOVER/CAMEO action and target per interaction, plus claims and promises.
//!
//! Skeleton: the stage is wired into the pipeline and filled in by its issue.

use eventwire_model::{Annotator, Article};

/// Events: source, PLOVER/CAMEO action and target per interaction, plus claims and promises.
#[derive(Debug, Default)]
pub struct EventAnnotator;

impl EventAnnotator {
    /// Loads the stage's bundled resources.
    pub fn load() -> Result<Self, std::convert::Infallible> {
        Ok(EventAnnotator)
    }
}

impl Annotator for EventAnnotator {
    fn name(&self) -> &'static str {
        "events"
    }

    fn annotate(&self, _article: &mut Article) {}
}
