//! Actors: mentions of people, organisations and countries resolved to canonical, CAMEO-coded actors.
//!
//! Skeleton: the stage is wired into the pipeline and filled in by its issue.

use eventwire_model::{Annotator, Article};

/// Actors: mentions of people, organisations and countries resolved to canonical, CAMEO-coded actors.
#[derive(Debug, Default)]
pub struct ActorAnnotator;

impl ActorAnnotator {
    /// Loads the stage's bundled resources.
    pub fn load() -> Result<Self, std::convert::Infallible> {
        Ok(ActorAnnotator)
    }
}

impl Annotator for ActorAnnotator {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn annotate(&self, _article: &mut Article) {}
}
