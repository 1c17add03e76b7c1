//! The `eventwire` binary end to end on batches: exit codes, one clear line per bad input naming
//! its file, the rest of the batch stored, and a database that survives `kill -9` mid-run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const SEED: &str = include_str!("../../../corpus/seed-article.txt");

fn eventwire(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eventwire"))
        .args(args)
        .output()
        .expect("run eventwire")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

/// `count` variants of the seed article: same text plus a distinct closing line, so each has its
/// own text hash and id.
fn write_variants(dir: &Path, count: usize) {
    for i in 0..count {
        let text = format!("{SEED}\nThis is variant number {i}.\n");
        std::fs::write(dir.join(format!("variant-{i:04}.txt")), text).unwrap();
    }
}

fn stored_articles(db: &Path) -> u64 {
    let store = eventwire_store::Store::open(db).expect("database opens after the run");
    store.stats().expect("stats").articles
}

#[test]
fn bad_inputs_are_listed_and_the_rest_of_the_batch_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(inputs.join("seed-article.txt"), SEED).unwrap();
    std::fs::write(inputs.join("empty.txt"), "").unwrap();
    std::fs::write(inputs.join("binary.txt"), [0u8, 159, 146, 150, 0, 0, 7, 0]).unwrap();
    let db = dir.path().join("events.db");

    let run = eventwire(&["ingest", path_str(&inputs), "--db", path_str(&db)]);

    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let errors = stderr(&run);
    for bad in ["empty.txt", "binary.txt"] {
        let line = errors.lines().find(|l| l.contains(bad));
        assert!(
            line.is_some_and(|l| l.starts_with("eventwire: ")),
            "{errors}"
        );
    }
    assert!(!errors.contains("seed-article.txt:"), "{errors}");
    assert_eq!(stored_articles(&db), 1);
    let shown = eventwire(&["show", "seed-article", "--db", path_str(&db)]);
    assert_eq!(shown.status.code(), Some(0), "{}", stderr(&shown));
    assert!(
        stdout(&shown).contains("Donald Trump"),
        "{}",
        stdout(&shown)
    );
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(eventwire(&["ingest"]).status.code(), Some(2));
    assert_eq!(eventwire(&["no-such-command"]).status.code(), Some(2));
    let bad_date = eventwire(&["ingest", "corpus", "--published", "31/01/2025"]);
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(
        stderr(&bad_date).contains("not a date"),
        "{}",
        stderr(&bad_date)
    );
}

#[test]
fn a_run_killed_mid_batch_leaves_a_consistent_database_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    let total = 200;
    write_variants(&inputs, total);
    let db = dir.path().join("events.db");
    let args = [
        "ingest",
        path_str(&inputs),
        "--db",
        path_str(&db),
        "--jobs",
        "1",
    ];

    let mut child = Command::new(env!("CARGO_BIN_EXE_eventwire"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_first_commit(&db);
    child.kill().unwrap(); // SIGKILL: no destructor, no rollback handler runs
    child.wait().unwrap();

    let after_kill = stored_articles(&db);
    assert!(
        after_kill < total as u64,
        "killed too late to test anything"
    );
    assert_integrity(&db);

    let rerun = eventwire(&args);
    assert_eq!(rerun.status.code(), Some(0), "{}", stderr(&rerun));
    assert_eq!(stored_articles(&db), total as u64);
    assert_integrity(&db);
}

/// Polls until the first chunk of articles is committed (the WAL file appears and grows).
fn wait_for_first_commit(db: &Path) {
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("no commit within 120 s");
}

/// `eventwire stats --check` passes SQLite's integrity check on the file.
fn assert_integrity(db: &Path) {
    let check = eventwire(&["stats", "--check", "--db", path_str(db)]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(
        stdout(&check).contains("integrity  ok"),
        "{}",
        stdout(&check)
    );
}
