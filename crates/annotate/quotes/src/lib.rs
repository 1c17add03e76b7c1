//! Quotes: direct and reported speech attributed to speakers.
//!
//! Skeleton: the stage is wired into the pipeline and filled in by its issue.

use eventwire_model::{Annotator, Article};

/// Quotes: direct and reported speech attributed to speakers.
#[derive(Debug, Default)]
pub struct QuoteAnnotator;

impl QuoteAnnotator {
    /// Loads the stage's bundled resources.
    pub fn load() -> Result<Self, std::convert::Infallible> {
        Ok(QuoteAnnotator)
    }
}

impl Annotator for QuoteAnnotator {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn annotate(&self, _article: &mut Article) {}
}
