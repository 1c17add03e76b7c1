//! Syntax: POS tags, lemmas and dependency parse for every sentence.
//!
//! Skeleton: the stage is wired into the pipeline and filled in by its issue.

use eventwire_model::{Annotator, Article};

/// Syntax: POS tags, lemmas and dependency parse for every sentence.
#[derive(Debug, Default)]
pub struct SyntaxAnnotator;

impl SyntaxAnnotator {
    /// Loads the stage's bundled resources.
    pub fn load() -> Result<Self, std::convert::Infallible> {
        Ok(SyntaxAnnotator)
    }
}

impl Annotator for SyntaxAnnotator {
    fn name(&self) -> &'static str {
        "syntax"
    }

    fn annotate(&self, _article: &mut Article) {}
}
