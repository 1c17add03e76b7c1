//! Time: temporal expressions normalised to TIMEX3 values relative to the publication date.
//!
//! Skeleton: the stage is wired into the pipeline and filled in by its issue.

use eventwire_model::{Annotator, Article};

/// Time: temporal expressions normalised to TIMEX3 values relative to the publication date.
#[derive(Debug, Default)]
pub struct TimeAnnotator;

impl TimeAnnotator {
    /// Loads the stage's bundled resources.
    pub fn load() -> Result<Self, std::convert::Infallible> {
        Ok(TimeAnnotator)
    }
}

impl Annotator for TimeAnnotator {
    fn name(&self) -> &'static str {
        "time"
    }

    fn annotate(&self, _article: &mut Article) {}
}
