//! Options shared by the commands that read the database (`--db`, date and paging options).

use chrono::NaiveDate;
use eventwire_model::Article;
use eventwire_store::query::{Page, MAX_PAGE_SIZE};
use eventwire_store::Store;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct DbArg {
    /// The SQLite database written by `eventwire ingest`.
    #[arg(long, default_value = "events.db")]
    pub db: PathBuf,
}

impl DbArg {
    /// Opens an existing database read-only (these commands only read: nothing is created,
    /// migrated or written); a missing file is an error rather than a new empty database. The
    /// store's errors already name the file, so no context is added to repeat it.
    pub fn open(&self) -> anyhow::Result<Store> {
        anyhow::ensure!(
            self.db.exists(),
            "{}: no such database (run `eventwire ingest` first)",
            self.db.display()
        );
        Ok(Store::open_read_only(&self.db)?)
    }

    /// The stored article `id`, or `None` after saying on stderr that the database has no such
    /// article (the commands that show one article then exit 1).
    pub fn article(&self, id: &str) -> anyhow::Result<Option<Article>> {
        let article = self.open()?.article(id)?;
        if article.is_none() {
            eprintln!("eventwire: no article {id:?} in {}", self.db.display());
        }
        Ok(article)
    }
}

#[derive(clap::Args)]
pub struct PageArgs {
    /// At most this many rows.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_PAGE_SIZE)))]
    pub limit: u32,
    /// Skip this many rows first.
    #[arg(long, default_value_t = 0)]
    pub offset: u64,
}

impl PageArgs {
    /// The rows to ask the store for: the page and one row more, which [`ListingArgs::print`]
    /// does not show but uses to say that more rows exist.
    pub fn page(&self) -> anyhow::Result<Page> {
        let page = Page::new(self.limit, self.offset)?;
        Ok(Page {
            limit: page.limit + 1,
            ..page
        })
    }
}

/// Parses a `YYYY-MM-DD` command-line date.
pub fn parse_date(value: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|e| format!("{value:?} is not a YYYY-MM-DD date: {e}"))
}

/// What every listing command takes: the database, a page of rows, and the output format.
#[derive(clap::Args)]
pub struct ListingArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub page: PageArgs,
    /// Print JSON Lines (one object per row) instead of text.
    #[arg(long)]
    pub json: bool,
}

impl ListingArgs {
    /// Prints the page's rows (the store was asked for one more, see [`PageArgs::page`]) as JSON Lines through `to_json` (for scripts) with `--json`, else through
    /// `human`. (`to_json` is `serde_json::to_string`, passed in because this crate does not
    /// depend on serde directly.)
    pub fn print<T>(
        &self,
        rows: &[T],
        to_json: impl Fn(&T) -> serde_json::Result<String>,
        human: impl Fn(&T),
    ) -> anyhow::Result<()> {
        let shown = rows.len().min(self.page.limit as usize);
        for row in &rows[..shown] {
            if self.json {
                println!("{}", to_json(row)?);
            } else {
                human(row);
            }
        }
        if rows.len() > shown {
            let next = self.page.offset + u64::from(self.page.limit);
            // On stderr, so that `--json` output stays one object per line.
            eprintln!(
                "eventwire: {shown} rows shown (from row {}); more exist: --offset {next} for the \
                 next ones, --limit up to {MAX_PAGE_SIZE} for more at once",
                self.page.offset + 1
            );
        }
        Ok(())
    }
}

/// A range of days, both ends included.
#[derive(clap::Args)]
pub struct DayRange {
    /// On or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// On or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub until: Option<NaiveDate>,
}
