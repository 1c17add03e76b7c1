//! Merging shard databases into one: the rows of every table are copied over in SQL (no layer
//! is decoded or re-encoded), one transaction per shard. Cross-article dedup needs nothing more:
//! `event_records` and the event queries count over whatever articles the database holds, so
//! once every shard's articles sit in one file, NumMentions / NumArticles / NumSources are those
//! of a single run over the whole corpus.

use crate::{Store, StoreError};
use rusqlite::Connection;
use std::path::Path;

/// What merging one shard did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MergeOutcome {
    /// Articles copied from the shard.
    pub articles: u64,
    /// Of those, articles that replaced one already in the target (same id or same text), as
    /// re-ingesting would.
    pub replaced: u64,
}

/// The name the shard is attached under.
const SHARD: &str = "shard";

impl Store {
    /// Copies every article of the database at `shard` (with all its layer rows) into this one.
    /// The shard must be a database of this build's schema version; it is only read.
    pub fn merge_from(&mut self, shard: &Path) -> Result<MergeOutcome, StoreError> {
        // Opening it on its own first gives the plain errors (not a database, wrong version).
        drop(Store::open_read_only(shard)?);
        let path = shard.to_string_lossy();
        self.conn
            .execute(&format!("ATTACH DATABASE ?1 AS {SHARD}"), [path.as_ref()])?;
        let merged = copy_shard(&mut self.conn);
        let detached = self.conn.execute(&format!("DETACH DATABASE {SHARD}"), []);
        let outcome = merged?;
        detached?;
        Ok(outcome)
    }
}

fn copy_shard(conn: &mut Connection) -> Result<MergeOutcome, StoreError> {
    let tx = conn.transaction()?;
    let articles: u64 =
        tx.query_row(&format!("SELECT count(*) FROM {SHARD}.articles"), [], |r| {
            r.get(0)
        })?;
    // Layers follow their article by `ON DELETE CASCADE`.
    let replaced = tx.execute(
        &format!(
            "DELETE FROM main.articles WHERE id IN (SELECT id FROM {SHARD}.articles)
             OR text_hash IN (SELECT text_hash FROM {SHARD}.articles)"
        ),
        [],
    )? as u64;
    for table in tables_parents_first(&tx)? {
        let columns = column_list(&tx, &table)?;
        tx.execute(
            &format!(
                "INSERT INTO main.\"{table}\" ({columns}) SELECT {columns} FROM {SHARD}.\"{table}\""
            ),
            [],
        )?;
    }
    tx.commit()?;
    Ok(MergeOutcome { articles, replaced })
}

/// The shard's tables, `articles` first so that the layer rows find their article.
fn tables_parents_first(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut statement = conn.prepare(&format!(
        "SELECT name FROM {SHARD}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         ORDER BY name <> 'articles', name"
    ))?;
    let names = statement.query_map([], |r| r.get(0))?;
    Ok(names.collect::<Result<_, _>>()?)
}

/// `"a", "b", …`: the table's columns by name, so the copy does not depend on column order.
fn column_list(conn: &Connection, table: &str) -> Result<String, StoreError> {
    let mut statement = conn.prepare(&format!("SELECT name FROM {SHARD}.pragma_table_info(?1)"))?;
    let names = statement
        .query_map([table], |r| r.get::<_, String>(0))?
        .map(|name| name.map(|n| format!("\"{n}\"")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{EventFilter, Page};
    use eventwire_model::fixtures::annotated_article;
    use eventwire_model::Article;

    /// Two articles reporting the same events from different outlets.
    fn articles() -> [Article; 2] {
        let first = annotated_article("a1");
        let mut second = annotated_article("a2");
        second.text_hash = "another text".into();
        second.meta.source = Some("another outlet".into());
        [first, second]
    }

    fn counts(store: &Store) -> Vec<(String, usize, u64, u64, u64)> {
        let rows = store
            .events(&EventFilter::default(), Page::default())
            .unwrap();
        rows.into_iter()
            .map(|e| {
                let key = (e.article_id, e.idx);
                (key.0, key.1, e.num_mentions, e.num_articles, e.num_sources)
            })
            .collect()
    }

    #[test]
    fn merged_shards_count_like_one_database() {
        let dir = tempfile::tempdir().unwrap();
        let mut single = Store::open_in_memory().unwrap();
        let mut shards = Vec::new();
        for (i, article) in articles().iter().enumerate() {
            single.save(article).unwrap();
            let path = dir.path().join(format!("shard{i}.db"));
            Store::open(&path).unwrap().save(article).unwrap();
            shards.push(path);
        }
        let mut merged = Store::open(&dir.path().join("all.db")).unwrap();
        for shard in &shards {
            let outcome = merged.merge_from(shard).unwrap();
            assert_eq!(
                outcome,
                MergeOutcome {
                    articles: 1,
                    replaced: 0
                }
            );
        }
        assert_eq!(merged.stats().unwrap(), single.stats().unwrap());
        let merged_counts = counts(&merged);
        assert_eq!(merged_counts, counts(&single));
        assert!(
            merged_counts.iter().any(|c| (c.2, c.3, c.4) == (2, 2, 2)),
            "{merged_counts:?}"
        );
        assert_eq!(
            merged.article("a2").unwrap(),
            Some(articles()[1].clone()),
            "layers copied as stored"
        );
        // Merging a shard again replaces its articles instead of duplicating them.
        let again = merged.merge_from(&shards[0]).unwrap();
        assert_eq!(
            again,
            MergeOutcome {
                articles: 1,
                replaced: 1
            }
        );
        assert_eq!(merged.stats().unwrap(), single.stats().unwrap());
    }

    #[test]
    fn a_shard_that_is_not_a_database_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let bogus = dir.path().join("bogus.db");
        std::fs::write(&bogus, b"not sqlite at all, just text".repeat(200)).unwrap();
        let mut merged = Store::open_in_memory().unwrap();
        let err = merged.merge_from(&bogus).unwrap_err().to_string();
        assert!(err.contains("bogus.db"), "{err}");
        assert_eq!(merged.stats().unwrap().articles, 0);
    }
}
