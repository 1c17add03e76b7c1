//! Read-only opening: commands that only read never change the file they are pointed at, refuse
//! a file that is not an eventwire database, and still read a database they cannot write next to.

use eventwire_model::{Article, ArticleMeta};
use eventwire_store::{Store, StoreError};
use std::path::Path;

fn saved_database(path: &Path) {
    let mut store = Store::open(path).unwrap();
    store
        .save(&Article::new(
            "a1",
            "Putin met Trump.",
            ArticleMeta::default(),
        ))
        .unwrap();
}

/// A plain SQLite file with a table of its own, as some other program leaves it.
fn foreign_database(path: &Path) -> Vec<u8> {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');")
        .unwrap();
    drop(conn);
    std::fs::read(path).unwrap()
}

fn tables(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut statement = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap();
    statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn another_programs_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let before = foreign_database(&path);
    let read = Store::open_read_only(&path).err().expect("refused");
    assert!(matches!(read, StoreError::NotEventwire { .. }), "{read:?}");
    assert_eq!(
        read.to_string(),
        format!(
            "{}: not an eventwire database (no eventwire schema in it; `eventwire ingest` writes one); left untouched",
            path.display()
        )
    );
    let write = Store::open(&path).err().expect("refused for writing too");
    assert!(
        matches!(write, StoreError::NotEventwire { .. }),
        "{write:?}"
    );
    assert!(std::fs::read(&path).unwrap() == before, "the file changed");
    assert_eq!(tables(&path), ["notes"]);
}

#[test]
fn an_empty_file_is_not_turned_into_a_database_by_a_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    let err = Store::open_read_only(&path).err().expect("refused");
    assert!(matches!(err, StoreError::NotEventwire { .. }), "{err:?}");
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
}

#[test]
fn a_read_only_store_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    saved_database(&path);
    let mut store = Store::open_read_only(&path).unwrap();
    let err = store
        .save(&Article::new("a2", "Macron spoke.", ArticleMeta::default()))
        .unwrap_err();
    assert!(err.to_string().contains("readonly"), "{err}");
    assert_eq!(store.stats().unwrap().articles, 1);
}

/// The WAL index cannot be created next to the database (as in a read-only folder; the tests run
/// as root in CI, whom folder permissions do not stop, so a folder in the way stands in for it):
/// the database is read as immutable.
#[test]
fn a_database_whose_wal_index_cannot_be_created_is_read_as_immutable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    saved_database(&path);
    std::fs::create_dir(dir.path().join("events.db-shm")).unwrap();
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.stats().unwrap().articles, 1);
    assert!(store.article("a1").unwrap().is_some());
}

#[cfg(unix)]
#[test]
fn a_database_in_a_read_only_folder_is_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("archive");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("events.db");
    saved_database(&path);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let opened = Store::open_read_only(&path).map(|s| s.stats().unwrap().articles);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(opened.unwrap(), 1);
}
