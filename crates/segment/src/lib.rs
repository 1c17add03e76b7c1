//! Segmentation: paragraphs, sentences and UD-style tokens with byte offsets.
//!
//! Skeleton: the stage is wired into the pipeline and filled in by its issue.

use eventwire_model::{Annotator, Article};

/// Segmentation: paragraphs, sentences and UD-style tokens with byte offsets.
#[derive(Debug, Default)]
pub struct Segmenter;

impl Segmenter {
    /// Loads the stage's bundled resources.
    pub fn load() -> Result<Self, std::convert::Infallible> {
        Ok(Segmenter)
    }
}

impl Annotator for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn annotate(&self, _article: &mut Article) {}
}
