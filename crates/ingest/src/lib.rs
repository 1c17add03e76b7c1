//! Ingest: turns input files into [`Article`]s, the start of the pipeline.
//!
//! Reads plain text (with optional front matter), HTML pages (article text and metadata,
//! boilerplate removed), JSON Lines (streamed) and directories of them (recursive, sorted).
//! [`ingest`] returns an iterator of `Result<Article, IngestError>`: one article at a time, so
//! memory stays bounded, and a bad input is one error item (naming the file, and the line for
//! JSON Lines) while the batch goes on.
//!
//! The publication date comes from the input's metadata, else front matter, else
//! [`IngestOptions::published`]; articles still without one have `meta.published == None`.

mod date;
mod decode;
mod error;
mod html;
mod jsonl;
#[cfg(test)]
mod properties;
mod text;
mod walk;

use chrono::NaiveDate;
use eventwire_model::{Article, ArticleMeta};
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use date::parse_date;
pub use error::{IngestError, Reason};
use jsonl::JsonLines;
pub use walk::Skipped;
use walk::{Format, Input};

/// Largest article read from one file (and largest JSON Lines record): 20 MiB. News articles
/// are a few KiB; anything bigger is almost surely not one article, and refusing it keeps
/// memory bounded.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 20 * 1024 * 1024;

/// Settings of one ingest run.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Publication date for inputs whose metadata and front matter give none.
    pub published: Option<NaiveDate>,
    /// Files (or JSON Lines records) above this many bytes are refused.
    pub max_article_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            published: None,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
        }
    }
}

/// The articles behind `paths` (files and directories), read lazily in order.
pub fn ingest(paths: &[PathBuf], options: IngestOptions) -> Ingest {
    let walk::Expanded { inputs, skipped } = walk::expand(paths);
    let many_articles = inputs.len() > 1
        || inputs.iter().any(|input| {
            matches!(
                input,
                Ok(Input {
                    format: Format::JsonLines,
                    ..
                })
            )
        });
    Ingest {
        inputs: inputs.into_iter(),
        lines: None,
        options,
        many_articles,
        skipped,
    }
}

/// The articles of a JSON Lines stream (standard input in `eventwire code`), read lazily; errors
/// name `name:line`. Records without an `id` get one from their text hash, so the same article
/// has the same id in whatever shard it arrives.
pub fn ingest_json_lines(
    reader: Box<dyn std::io::BufRead + Send>,
    name: &str,
    options: IngestOptions,
) -> Ingest {
    Ingest {
        inputs: Vec::new().into_iter(),
        lines: Some(JsonLines::from_stream(reader, name, &options)),
        options,
        many_articles: true,
        skipped: Vec::new(),
    }
}

/// Iterator over the articles of an ingest run; see [`ingest`].
pub struct Ingest {
    inputs: std::vec::IntoIter<Result<Input, IngestError>>,
    lines: Option<JsonLines>,
    options: IngestOptions,
    many_articles: bool,
    skipped: Vec<Skipped>,
}

impl Ingest {
    /// Whether the run may hold more than one article (several files, or any JSON Lines file):
    /// what decides if a progress display is worth showing.
    pub fn may_hold_many_articles(&self) -> bool {
        self.many_articles
    }

    /// Paths not read because the same file or folder was reached before (named twice, or
    /// through a symbolic link), and links that loop back to a folder being walked.
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }
}

impl Iterator for Ingest {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.lines.as_mut().and_then(Iterator::next) {
                return Some(item);
            }
            self.lines = None;
            let input = match self.inputs.next()? {
                Ok(input) => input,
                Err(err) => return Some(Err(err)),
            };
            match input.format {
                Format::Document => return Some(read_document(&input, &self.options)),
                Format::JsonLines => match JsonLines::open(&input.path, &input.id, &self.options) {
                    Ok(lines) => self.lines = Some(lines),
                    Err(err) => return Some(Err(err)),
                },
            }
        }
    }
}

/// Reads one plain-text or HTML file as an article.
fn read_document(input: &Input, options: &IngestOptions) -> Result<Article, IngestError> {
    let origin = input.path.display().to_string();
    let fail = |reason| IngestError::new(&origin, reason);
    let bytes = read_limited(&input.path, options.max_article_bytes).map_err(fail)?;
    let contents = decode::decode(&bytes).map_err(fail)?;
    let (meta, id, body) = if walk::is_html_path(&input.path) || html::looks_like_html(&contents) {
        let rules = html::HtmlRules::bundled().map_err(fail)?;
        let extracted = html::extract(&contents, rules).map_err(fail)?;
        (extracted.meta, None, extracted.body)
    } else {
        let parsed = text::parse(&contents).map_err(fail)?;
        (parsed.meta, parsed.id, parsed.body)
    };
    if body.trim().is_empty() {
        return Err(fail(Reason::NoText("")));
    }
    let id = id.unwrap_or_else(|| input.id.clone());
    Ok(build_article(id, body, meta, origin.clone(), options))
}

/// The file's bytes, refusing files over `limit` without reading them whole.
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, Reason> {
    let file = File::open(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Err(Reason::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The size can change while reading (or be unknown for special files): cap the read too.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(Reason::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// An article with its origin recorded and the run's fallback publication date applied.
fn build_article(
    id: String,
    body: String,
    mut meta: ArticleMeta,
    origin: String,
    options: &IngestOptions,
) -> Article {
    meta.origin = Some(origin);
    meta.published = meta.published.or(options.published);
    Article::new(id, body, meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fragments of markup, front matter, JSON and odd bytes, glued at random below.
    const PIECES: &[&[u8]] = &[
        b"<html>",
        b"<p>",
        b"</p>",
        b"<script>",
        b"<nav class='menu'>",
        b"<!--",
        b"-->",
        b"<br",
        b"---\n",
        b"published: 2025-01-31\n",
        b"date: x\n",
        b"Putin said ",
        b"\xe9\xe8",
        b"\xff\xfe",
        b"\xef\xbb\xbf",
        b"\0",
        b"\n\n",
        b"\r\n",
        b"{\"text\":",
        b"\"",
        b"\xc3",
        b"\xe2\x80\x9c",
        b" ",
    ];

    #[test]
    fn arbitrary_bytes_become_an_article_or_an_error_never_a_panic() {
        let dir =
            std::env::temp_dir().join(format!("eventwire-ingest-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut paths = Vec::new();
        for i in 0..300 {
            let mut bytes = Vec::new();
            for _ in 0..(i % 25) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                bytes.extend_from_slice(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            let extension = ["txt", "html", "jsonl"][i % 3];
            let path = dir.join(format!("{i}.{extension}"));
            std::fs::write(&path, &bytes).unwrap();
            paths.push(path);
        }
        for result in ingest(&paths, IngestOptions::default()) {
            match result {
                Ok(article) => assert!(!article.text.trim().is_empty()),
                Err(err) => assert!(err.origin.starts_with(dir.to_str().unwrap()), "{err}"),
            }
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}
