//! Export of stored tables as CSV, JSON Lines or Parquet for pandas, R and DuckDB.
//!
//! Each table is read from the store page by page and turned into an Arrow record batch
//! ([`columns`] defines the stable, documented column set, GDELT-like names where GDELT has the
//! concept); the same batches feed all three writers, so the formats cannot drift apart and memory
//! stays bounded by one page (plus one Parquet row group).

mod columns;

use anyhow::Context;
use arrow::record_batch::RecordBatch;
use eventwire_store::query::{Page, MAX_PAGE_SIZE};
use eventwire_store::Store;
use parquet::arrow::ArrowWriter;
use std::io::Write;
use std::str::FromStr;

/// The tables that can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Events,
    Quotes,
    Actors,
    Timexes,
    Promises,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
    Parquet,
}

impl FromStr for Table {
    type Err = anyhow::Error;
    fn from_str(name: &str) -> anyhow::Result<Table> {
        Ok(match name {
            "events" => Table::Events,
            "quotes" => Table::Quotes,
            "actors" => Table::Actors,
            "timexes" => Table::Timexes,
            "promises" => Table::Promises,
            _ => {
                anyhow::bail!("unknown table {name:?} (events, quotes, actors, timexes, promises)")
            }
        })
    }
}

impl FromStr for Format {
    type Err = anyhow::Error;
    fn from_str(name: &str) -> anyhow::Result<Format> {
        Ok(match name {
            "csv" => Format::Csv,
            "jsonl" => Format::Jsonl,
            "parquet" => Format::Parquet,
            _ => anyhow::bail!("unknown format {name:?} (csv, jsonl, parquet)"),
        })
    }
}

/// One of the three writers, fed the same batches.
enum Sink<W: Write + Send> {
    Csv(Box<arrow::csv::Writer<W>>),
    Jsonl(arrow::json::LineDelimitedWriter<W>),
    Parquet(Box<ArrowWriter<W>>),
}

impl<W: Write + Send> Sink<W> {
    fn new(format: Format, out: W, first: &RecordBatch) -> anyhow::Result<Sink<W>> {
        Ok(match format {
            Format::Csv => Sink::Csv(Box::new(arrow::csv::Writer::new(out))),
            Format::Jsonl => Sink::Jsonl(arrow::json::LineDelimitedWriter::new(out)),
            Format::Parquet => {
                Sink::Parquet(Box::new(ArrowWriter::try_new(out, first.schema(), None)?))
            }
        })
    }

    fn write(&mut self, batch: &RecordBatch) -> anyhow::Result<()> {
        match self {
            Sink::Csv(w) => w.write(batch)?,
            Sink::Jsonl(w) => w.write(batch)?,
            Sink::Parquet(w) => w.write(batch)?,
        }
        Ok(())
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Csv(w) => w.into_inner().flush()?,
            Sink::Jsonl(mut w) => w.finish()?,
            Sink::Parquet(w) => {
                w.close()?;
            }
        }
        Ok(())
    }
}

/// Writes every row of `table` to `out` in `format`; returns the number of rows written.
/// An empty table still gets its header (CSV) or schema (Parquet).
pub fn export<W: Write + Send>(
    store: &Store,
    table: Table,
    format: Format,
    out: W,
) -> anyhow::Result<u64> {
    let mut page = Page::new(MAX_PAGE_SIZE, 0)?;
    let first = columns::batch(store, table, page).context("reading the first page")?;
    let mut sink = Sink::new(format, out, &first)?;
    let mut batch = first;
    let mut written = 0u64;
    loop {
        sink.write(&batch)?;
        written += batch.num_rows() as u64;
        if batch.num_rows() < MAX_PAGE_SIZE as usize {
            break;
        }
        page = page.next();
        batch = columns::batch(store, table, page)
            .with_context(|| format!("reading rows from {}", page.offset))?;
    }
    sink.finish()?;
    Ok(written)
}

#[cfg(test)]
mod tests;
