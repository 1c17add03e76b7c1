//! JSON Lines: one article per line, `{"id","url","title","published","source","text"}`, read
//! line by line so that a file of any size is streamed in bounded memory.

use crate::date::parse_date;
use crate::error::{IngestError, Reason};
use crate::IngestOptions;
use eventwire_model::{Article, ArticleMeta};
use serde::Deserialize;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    source: Option<String>,
    text: String,
}

/// The articles of one JSON Lines file or stream, each a `Result` naming `file:line` on failure.
pub struct JsonLines {
    file: String,
    /// The id of a record without one: `<stem>-<line>` for a file; `None` for a stream, whose
    /// records get their text hash instead, since a stream's line numbers depend on how the
    /// corpus was cut into shards.
    stem: Option<String>,
    reader: Option<Box<dyn BufRead + Send>>,
    line: usize,
    options: IngestOptions,
}

impl JsonLines {
    pub fn open(path: &Path, stem: &str, options: &IngestOptions) -> Result<Self, IngestError> {
        let file = File::open(path)
            .map_err(|e| IngestError::new(path.display(), Reason::Unreadable(e)))?;
        let mut lines = JsonLines::from_stream(
            Box::new(BufReader::new(file)),
            &path.display().to_string(),
            options,
        );
        lines.stem = Some(stem.to_string());
        Ok(lines)
    }

    /// Records read from `reader` (standard input, a pipe), named `name` in errors.
    pub fn from_stream(
        reader: Box<dyn BufRead + Send>,
        name: &str,
        options: &IngestOptions,
    ) -> Self {
        JsonLines {
            file: name.to_string(),
            stem: None,
            reader: Some(reader),
            line: 0,
            options: options.clone(),
        }
    }

    fn origin(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }

    /// Reads the next line, at most the article size limit; `None` at the end of the file.
    fn read_line(&mut self) -> Option<Result<Vec<u8>, Reason>> {
        let reader = self.reader.as_mut()?;
        let limit = self.options.max_article_bytes;
        let mut line = Vec::new();
        self.line += 1;
        match reader.by_ref().take(limit + 1).read_until(b'\n', &mut line) {
            Ok(0) => None,
            Ok(read) if read as u64 > limit && !line.ends_with(b"\n") => Some(
                skip_rest_of_line(reader)
                    .map_err(Reason::Unreadable)
                    .and_then(|skipped| {
                        Err(Reason::TooLarge {
                            size: read as u64 + skipped,
                            limit,
                        })
                    }),
            ),
            Ok(_) => Some(Ok(line)),
            Err(e) => {
                // A read error leaves the file position unknown: report it once and stop.
                self.reader = None;
                Some(Err(Reason::Unreadable(e)))
            }
        }
    }

    fn article(&self, line: &[u8]) -> Result<Article, Reason> {
        let text = std::str::from_utf8(line).map_err(|_| Reason::UndecodableText)?;
        let record: Record = serde_json::from_str(text)?;
        if record.text.trim().is_empty() {
            return Err(Reason::NoText(" in `text`"));
        }
        let published = match record.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(value) => Some(parse_date(value).ok_or_else(|| Reason::BadDate {
                field: "published",
                value: value.to_string(),
            })?),
        };
        let id = match record.id {
            Some(serde_json::Value::String(id)) if !id.trim().is_empty() => Some(id),
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            _ => self
                .stem
                .as_ref()
                .map(|stem| format!("{stem}-{}", self.line)),
        };
        let meta = ArticleMeta {
            title: record.title,
            url: record.url,
            source: record.source,
            published,
            origin: None,
        };
        let mut article = crate::build_article(
            id.unwrap_or_default(),
            record.text,
            meta,
            self.origin(),
            &self.options,
        );
        if article.id.is_empty() {
            article.id = text_hash_id(&article.text_hash);
        }
        Ok(article)
    }
}

/// `text-<first 16 hex digits of the BLAKE3 hash>`: the same text always gets the same id,
/// whichever shard and line it arrives on.
fn text_hash_id(text_hash: &str) -> String {
    format!("text-{}", &text_hash[..16.min(text_hash.len())])
}

/// Discards the rest of an over-long line; returns how many bytes were skipped.
fn skip_rest_of_line(reader: &mut dyn BufRead) -> std::io::Result<u64> {
    let mut skipped = 0;
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(skipped);
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => {
                reader.consume(end + 1);
                return Ok(skipped + end as u64 + 1);
            }
            None => {
                let len = buffer.len();
                reader.consume(len);
                skipped += len as u64;
            }
        }
    }
}

impl Iterator for JsonLines {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let result = match self.read_line()? {
                Ok(line) if line.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(line) => self.article(&line),
                Err(reason) => Err(reason),
            };
            return Some(result.map_err(|reason| IngestError::new(self.origin(), reason)));
        }
    }
}
