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

/// The articles of one JSON Lines file, each a `Result` naming `file:line` on failure.
pub struct JsonLines {
    file: String,
    stem: String,
    reader: Option<BufReader<File>>,
    line: usize,
    options: IngestOptions,
}

impl JsonLines {
    pub fn open(path: &Path, stem: &str, options: &IngestOptions) -> Result<Self, IngestError> {
        let file = File::open(path)
            .map_err(|e| IngestError::new(path.display(), Reason::Unreadable(e)))?;
        Ok(JsonLines {
            file: path.display().to_string(),
            stem: stem.to_string(),
            reader: Some(BufReader::new(file)),
            line: 0,
            options: options.clone(),
        })
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
            Some(serde_json::Value::String(id)) if !id.trim().is_empty() => id,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{}-{}", self.stem, self.line),
        };
        let meta = ArticleMeta {
            title: record.title,
            url: record.url,
            source: record.source,
            published,
            origin: None,
        };
        Ok(crate::build_article(
            id,
            record.text,
            meta,
            self.origin(),
            &self.options,
        ))
    }
}

/// Discards the rest of an over-long line; returns how many bytes were skipped.
fn skip_rest_of_line(reader: &mut BufReader<File>) -> std::io::Result<u64> {
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
