//! Export of stored tables as CSV, JSON Lines or Parquet for pandas, R and DuckDB.
//!
//! Each table is read from the store page by page and turned into an Arrow record batch
//! ([`columns`] defines the stable, documented column set, GDELT-like names where GDELT has the
//! concept); the same batches feed all three writers, so the formats cannot drift apart and memory
//! stays bounded by one page (plus one Parquet row group).

mod columns;
mod merge;

use anyhow::Context;
use arrow::array::{ArrayRef, StringArray};
use arrow::record_batch::RecordBatch;
use eventwire_store::query::{Page, MAX_PAGE_SIZE};
use eventwire_store::Store;
use parquet::arrow::ArrowWriter;
use std::io::Write;
use std::str::FromStr;
use std::sync::Arc;

pub use merge::{is_json_lines, merge_records, MergedRecords};

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

impl Table {
    /// What one row of the table is, as `write_records` labels it (`event`, `quote`, …).
    pub fn record_kind(self) -> &'static str {
        match self {
            Table::Events => "event",
            Table::Quotes => "quote",
            Table::Actors => "actor",
            Table::Timexes => "timex",
            Table::Promises => "promise",
        }
    }
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
    // The writer needs the schema, so it is made from the first page.
    let mut out = Some(out);
    let mut sink = None;
    let written = for_each_page(store, table, |batch| {
        if let Some(out) = out.take() {
            sink = Some(Sink::new(format, out, batch)?);
        }
        sink.as_mut()
            .expect("made with the first page")
            .write(batch)
    })?;
    sink.expect("every table has a first page").finish()?;
    Ok(written)
}

/// Calls `write` with every page of `table` as a record batch, the first page always (even
/// empty, for its schema); returns the number of rows.
fn for_each_page(
    store: &Store,
    table: Table,
    mut write: impl FnMut(&RecordBatch) -> anyhow::Result<()>,
) -> anyhow::Result<u64> {
    let mut page = Page::new(MAX_PAGE_SIZE, 0)?;
    let mut written = 0u64;
    loop {
        let batch = columns::batch(store, table, page)
            .with_context(|| format!("reading rows from {}", page.offset))?;
        write(&batch)?;
        written += batch.num_rows() as u64;
        if batch.num_rows() < MAX_PAGE_SIZE as usize {
            return Ok(written);
        }
        page = page.next();
    }
}

/// The rows of each of `tables` as JSON Lines, every object led by its kind
/// (`{"record":"event",…}`) and otherwise holding the columns of the JSON Lines export, less
/// the columns named in `leave_out`; empty values are written as `null`, not left out. Returns the number of rows written.
pub fn write_records<W: Write>(
    store: &Store,
    tables: &[Table],
    leave_out: &[&str],
    out: &mut W,
) -> anyhow::Result<u64> {
    let mut written = 0;
    for &table in tables {
        // Explicit nulls: every row of a kind has every key, so readers that take the schema
        // from the rows (Spark, pandas) see the same columns in every shard.
        let mut writer = arrow::json::WriterBuilder::new()
            .with_explicit_nulls(true)
            .build::<_, arrow::json::writer::LineDelimited>(&mut *out);
        written += for_each_page(store, table, |batch| {
            writer.write(&record_batch(table, batch, leave_out)?)?;
            Ok(())
        })?;
        writer.finish()?;
    }
    Ok(written)
}

/// `batch` with a leading `record` column naming the table's kind of row, less `leave_out`.
fn record_batch(
    table: Table,
    batch: &RecordBatch,
    leave_out: &[&str],
) -> anyhow::Result<RecordBatch> {
    let kind: ArrayRef = Arc::new(StringArray::from(vec![
        table.record_kind();
        batch.num_rows()
    ]));
    let schema = batch.schema();
    let kept = schema
        .fields()
        .iter()
        .zip(batch.columns())
        .filter(|(field, _)| !leave_out.contains(&field.name().as_str()))
        .map(|(field, column)| (field.name().as_str(), column.clone(), true));
    Ok(RecordBatch::try_from_iter_with_nullable(
        std::iter::once(("record", kind, false)).chain(kept),
    )?)
}

#[cfg(test)]
mod tests;
