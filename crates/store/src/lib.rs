//! The eventwire store: one embedded SQLite file holding every annotated article.
//!
//! [`Store::open`] creates or migrates the database (versioned by `PRAGMA user_version`, see
//! `schema`), [`Store::save`] writes one article in one transaction (replacing any article with the
//! same id or the same text hash), [`Store::article`] reads an article back with all its layers.
//! Each layer also lands in its own relational table so the data can be queried with plain SQL;
//! the filtered, paginated queries the CLI, HTTP API and exporters use live in [`query`].

mod dates;
mod merge;
mod places;
pub mod query;
mod schema;
mod write;

pub use dates::{iso_week_label, item_day, timex_start_day};
use eventwire_model::Article;
pub use merge::MergeOutcome;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Everything that can go wrong in the store; opening errors name the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not an SQLite database (corrupted, or some other kind of file)")]
    NotADatabase { path: PathBuf },
    #[error("{path}: not an eventwire database (no eventwire schema in it; `eventwire ingest` writes one); left untouched")]
    NotEventwire { path: PathBuf },
    #[error("{path}: cannot open database: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{path}: schema version {found} is newer than this eventwire build understands ({supported})")]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path}: schema version {found} is older than this build ({supported}); open it read-write once to migrate")]
    TooOld {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("invalid query: {0}")]
    InvalidQuery(String),
    #[error("article {id}: stored layers are unreadable: {reason}")]
    CorruptLayers { id: String, reason: String },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// What [`Store::save`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SaveOutcome {
    Inserted,
    /// An article with the same id or the same text was already stored and has been replaced.
    Replaced,
}

/// Row counts per table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub articles: u64,
    pub sentences: u64,
    pub actors: u64,
    pub mentions: u64,
    pub quotes: u64,
    pub timexes: u64,
    pub events: u64,
    /// Distinct events after cross-article dedup.
    pub event_records: u64,
    pub claims: u64,
}

/// An open eventwire database.
pub struct Store {
    conn: Connection,
}

/// How long a writer waits for another process's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it to the latest schema.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|e| open_error(path, e))?;
        let mut store = Store { conn };
        store.refuse_foreign(path)?;
        store.configure().map_err(|e| open_error(path, e))?;
        store.migrate(path)?;
        Ok(store)
    }

    /// Refuses someone else's database (schema version 0 but tables of its own) before anything,
    /// even the journal mode, is written to it.
    fn refuse_foreign(&self, path: &Path) -> Result<(), StoreError> {
        let found = self.user_version().map_err(|e| open_error(path, e))?;
        if found == 0 && self.has_tables().map_err(|e| open_error(path, e))? {
            return Err(StoreError::NotEventwire {
                path: path.to_owned(),
            });
        }
        Ok(())
    }

    /// Opens an existing database without write access (every command that only reads: `show`,
    /// `stats`, `events`, `serve`, `export`…): SQLite's `SQLITE_OPEN_READ_ONLY`, so nothing is
    /// created or migrated, and a file that is not an eventwire database is refused untouched.
    /// A database in a folder this process cannot write to (where SQLite cannot create the WAL
    /// index) is opened as immutable instead: read as it is on disk.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let store = match Self::open_read_only_with(path, false) {
            Err(StoreError::Open { source, .. }) if needs_immutable(&source) => {
                Self::open_read_only_with(path, true)
            }
            opened => opened,
        }?;
        let found = store.user_version().map_err(|e| open_error(path, e))?;
        if found == 0 {
            return Err(StoreError::NotEventwire {
                path: path.to_owned(),
            });
        }
        let supported = schema::latest_version();
        if found < supported {
            return Err(StoreError::TooOld {
                path: path.to_owned(),
                found,
                supported,
            });
        }
        store.check_not_too_new(path, found)?;
        Ok(store)
    }

    /// A read-only connection, checked with a first read (SQLite opens lazily: a missing WAL index
    /// in a read-only folder shows only then).
    fn open_read_only_with(path: &Path, immutable: bool) -> Result<Store, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let uri = read_only_uri(path, immutable);
        let conn = Connection::open_with_flags(&uri, flags).map_err(|e| open_error(path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| open_error(path, e))?;
        let store = Store { conn };
        store.user_version().map_err(|e| open_error(path, e))?;
        Ok(store)
    }

    /// True when the database has any table (an empty file has none).
    fn has_tables(&self) -> rusqlite::Result<bool> {
        self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table')",
            [],
            |row| row.get(0),
        )
    }

    /// An in-memory database, for tests and throw-away runs.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = Path::new(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| open_error(path, e))?;
        let mut store = Store { conn };
        store.configure().map_err(|e| open_error(path, e))?;
        store.migrate(path)?;
        Ok(store)
    }

    fn configure(&self) -> rusqlite::Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // WAL: readers (serve) never block the writer (ingest), and a killed writer leaves only an
        // uncommitted tail that SQLite discards on the next open.
        self.conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.pragma_update(None, "foreign_keys", true)?;
        Ok(())
    }

    fn user_version(&self) -> rusqlite::Result<u32> {
        self.conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
    }

    fn check_not_too_new(&self, path: &Path, found: u32) -> Result<(), StoreError> {
        let supported = schema::latest_version();
        if found > supported {
            return Err(StoreError::TooNew {
                path: path.to_owned(),
                found,
                supported,
            });
        }
        Ok(())
    }

    /// Runs each migration the database has not seen yet, each in its own transaction together
    /// with the version bump, so a crash mid-migration leaves the previous version intact.
    fn migrate(&mut self, path: &Path) -> Result<(), StoreError> {
        let found = self.user_version().map_err(|e| open_error(path, e))?;
        self.check_not_too_new(path, found)?;
        for (done, migration) in schema::MIGRATIONS.iter().enumerate().skip(found as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(migration)?;
            tx.pragma_update(None, "user_version", done as u32 + 1)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(self.user_version()?)
    }

    /// Stores `article` with all its layers in one transaction. An article already stored under
    /// the same id, or with the same text, is replaced.
    pub fn save(&mut self, article: &Article) -> Result<SaveOutcome, StoreError> {
        let tx = self.conn.transaction()?;
        let replaced = write::delete_same_article(&tx, &article.id, &article.text_hash)?;
        write::insert_article(&tx, article)?;
        tx.commit()?;
        Ok(if replaced {
            SaveOutcome::Replaced
        } else {
            SaveOutcome::Inserted
        })
    }

    /// The stored article with every layer, or `None` when no article has this id.
    pub fn article(&self, id: &str) -> Result<Option<Article>, StoreError> {
        let stored = self
            .conn
            .query_row(
                "SELECT id, title, url, source, published, origin, text, text_hash, layers,
                        coder_version
                 FROM articles WHERE id = ?1",
                [id],
                write::StoredArticle::from_row,
            )
            .optional()?;
        stored.map(write::StoredArticle::into_article).transpose()
    }

    /// SQLite's own consistency check of the whole file: `"ok"`, or the problems it found, one
    /// per line (after a crash or a disk error, before trusting the figures).
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        let mut statement = self.conn.prepare("PRAGMA integrity_check")?;
        let lines = statement
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(lines.join("\n"))
    }

    /// Row counts per table.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            let sql = format!("SELECT count(*) FROM {table}");
            Ok(self.conn.query_row(&sql, [], |row| row.get(0))?)
        };
        Ok(Stats {
            articles: count("articles")?,
            sentences: count("sentences")?,
            actors: count("actors")?,
            mentions: count("mentions")?,
            quotes: count("quotes")?,
            timexes: count("timexes")?,
            events: count("events")?,
            event_records: count("event_records")?,
            claims: count("claims")?,
        })
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// True when a read-only open failed only because SQLite could not create the WAL index next to the
/// database (a read-only folder or file system).
fn needs_immutable(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
    )
}

/// `file:` URI of the database (percent-encoded, so `?`, `#` and `%` in a path stay part of it),
/// with `mode=ro`, and `immutable=1` when asked.
fn read_only_uri(path: &Path, immutable: bool) -> String {
    let mut uri = String::from("file:");
    for byte in path.as_os_str().as_encoded_bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                uri.push(char::from(*byte))
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri.push_str("?mode=ro");
    if immutable {
        uri.push_str("&immutable=1");
    }
    uri
}

/// Maps SQLite's "file is not a database" to an error that says so plainly.
fn open_error(path: &Path, source: rusqlite::Error) -> StoreError {
    let not_a_db = matches!(
        source.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase)
    );
    if not_a_db {
        StoreError::NotADatabase {
            path: path.to_owned(),
        }
    } else {
        StoreError::Open {
            path: path.to_owned(),
            source,
        }
    }
}

#[cfg(test)]
mod tests;
