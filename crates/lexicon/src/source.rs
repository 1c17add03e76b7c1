//! Where a dictionary row came from, and what was wrong with a line that could not be read.

use std::fmt;
use std::sync::Arc;

/// The file and 1-based line a dictionary entry was read from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Provenance {
    /// The file name as given to the parser (e.g. `CAMEO.2.0.txt`); shared by all rows of a file.
    pub file: Arc<str>,
    pub line: u32,
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A line that could not be read (or a reference that could not be resolved). The rest of the
/// file still loads; the caller decides whether to print, count or fail on these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub provenance: Provenance,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.provenance, self.message)
    }
}

/// One non-blank line of a dictionary file, with its comment removed.
pub(crate) struct SourceLine<'a> {
    pub provenance: Provenance,
    /// The whole line as written, comment included (a verb pattern's comment names the verb it
    /// was written for).
    pub raw: &'a str,
    /// The line without its comment and trailing white space; leading white space is kept
    /// because it is meaningful in actor files (a tab starts a date restriction).
    pub content: &'a str,
}

/// The non-blank, non-comment lines of `text`. `#` starts a comment anywhere on a line; `;` does
/// too, as in the older KEDS/TABARI files the PETRARCH ones descend from; `<!` starts an XML-style
/// comment line.
pub(crate) fn source_lines<'a>(file: &str, text: &'a str) -> impl Iterator<Item = SourceLine<'a>> {
    let file: Arc<str> = Arc::from(file);
    text.lines().enumerate().filter_map(move |(index, raw)| {
        let content = raw[..raw.find(['#', ';']).unwrap_or(raw.len())].trim_end();
        if content.trim().is_empty() || content.trim_start().starts_with("<!") {
            return None;
        }
        Some(SourceLine {
            provenance: Provenance {
                file: Arc::clone(&file),
                line: index as u32 + 1,
            },
            raw,
            content,
        })
    })
}

/// Collects the diagnostics of one parse.
#[derive(Debug, Default)]
pub(crate) struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn report(&mut self, provenance: &Provenance, message: impl Into<String>) {
        self.0.push(Diagnostic {
            provenance: provenance.clone(),
            message: message.into(),
        });
    }
}
