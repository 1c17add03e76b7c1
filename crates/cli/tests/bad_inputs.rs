//! The bad-input corpus, end to end through the `eventwire` binary: every input that once lost
//! data, crashed or hung a batch (issue 19), and inputs built to be awkward, each with the exit
//! code, the message and the rows stored asserted. The files are made here, not committed: some
//! are large, and generating them says exactly what each one is.

use eventwire_store::Store;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const SEED: &str = include_str!("../../../corpus/seed-article.txt");

/// Runs the binary, killing it if it runs past `limit` (a hang is a failure, not a stuck CI).
fn eventwire_within(args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_eventwire"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run eventwire");
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("eventwire {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

fn eventwire(args: &[&str]) -> Output {
    eventwire_within(args, Duration::from_secs(600))
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

fn write(path: &Path, contents: impl AsRef<[u8]>) -> PathBuf {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
    path.to_path_buf()
}

/// Ingests `inputs` into `db` with a fixed publication date.
fn ingest(inputs: &[&Path], db: &Path) -> Output {
    let mut args = vec!["ingest", "--db", s(db), "--published", "2025-01-31"];
    args.extend(inputs.iter().map(|p| s(p)));
    eventwire(&args)
}

fn stored_ids(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("database opens");
    let mut ids = conn.prepare("SELECT id FROM articles ORDER BY id").unwrap();
    ids.query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn same_named_files_are_separate_articles_and_a_file_reached_twice_is_one() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        &dir.path().join("a/report.txt"),
        "Putin met Trump in Moscow.",
    );
    let b = write(
        &dir.path().join("b/report.txt"),
        "Macron met Scholz in Paris.",
    );
    let g7 = dir.path().join("g7");
    write(&g7.join("g7.txt"), "The G7 leaders met in Canada.");
    write(
        &g7.join("g7.html"),
        "<html><body><p>The G7 leaders condemned Russia.</p></body></html>",
    );
    let db = dir.path().join("events.db");

    let run = ingest(&[&a, &b, &g7, &a], &db);

    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let prefix = dir.path().to_str().unwrap().trim_start_matches('/');
    assert_eq!(
        stored_ids(&db),
        [
            "g7.html".to_string(),
            "g7.txt".to_string(),
            format!("{prefix}/a/report.txt"),
            format!("{prefix}/b/report.txt"),
        ]
    );
    let errors = stderr(&run);
    let notes: Vec<&str> = errors
        .lines()
        .filter(|l| l.contains("same file as"))
        .collect();
    assert_eq!(
        notes,
        [format!(
            "eventwire: note: {}: same file as {}, read once",
            a.display(),
            a.display()
        )]
    );
    assert!(
        stdout(&run).contains("stored 4 article(s)"),
        "{}",
        stdout(&run)
    );
}

#[test]
fn the_same_text_in_two_files_is_one_article_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(&dir.path().join("wire/putin.txt"), SEED);
    let copy = write(&dir.path().join("mirror/putin-copy.txt"), SEED);
    let db = dir.path().join("events.db");

    let run = ingest(&[&first, &copy], &db);

    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(stored_ids(&db), ["putin"]);
    let errors = stderr(&run);
    let said: Vec<&str> = errors.lines().filter(|l| l.contains("same text")).collect();
    assert_eq!(
        said,
        [format!(
            "eventwire: note: {}: same text as {}, stored once (as putin)",
            copy.display(),
            first.display()
        )]
    );
}

#[test]
fn twenty_thousand_nested_divs_are_read_and_the_rest_of_the_batch_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 20_000;
    let deep = write(
        &dir.path().join("deep.html"),
        format!(
            "<html><body>{}<p>Putin met Trump in Moscow.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        ),
    );
    let after = write(&dir.path().join("after.txt"), "Macron met Scholz in Paris.");
    let db = dir.path().join("events.db");

    let run = ingest(&[&deep, &after], &db);

    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(stored_ids(&db), ["after", "deep"]);
    let store = Store::open_read_only(&db).unwrap();
    assert_eq!(
        store.article("deep").unwrap().unwrap().text,
        "Putin met Trump in Moscow."
    );
}

#[cfg(unix)]
#[test]
fn two_symbolic_link_loops_neither_hang_nor_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    write(&news.join("2025/putin.txt"), "Putin met Trump in Moscow.");
    write(&news.join("2026/macron.txt"), "Macron met Scholz in Paris.");
    std::os::unix::fs::symlink(&news, news.join("2025/back-to-news")).unwrap();
    std::os::unix::fs::symlink(news.join("2026"), news.join("2026/itself")).unwrap();
    let db = dir.path().join("events.db");

    let run = eventwire_within(
        &[
            "ingest",
            s(&news),
            "--db",
            s(&db),
            "--published",
            "2025-01-31",
        ],
        Duration::from_secs(120),
    );

    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(stored_ids(&db), ["2025/putin", "2026/macron"]);
    let loops = stderr(&run)
        .lines()
        .filter(|l| l.contains("(a loop), not followed"))
        .count();
    assert_eq!(loops, 2, "{}", stderr(&run));
}

#[test]
fn read_commands_refuse_another_programs_database_and_leave_it_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("notes.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');")
        .unwrap();
    let before = std::fs::read(&other).unwrap();
    for command in [
        &["stats"][..],
        &["events"],
        &["quotes"],
        &["show", "x"],
        &["export", "--table", "events", "--format", "csv"],
    ] {
        let mut args = command.to_vec();
        args.extend(["--db", s(&other)]);
        let run = eventwire(&args);
        assert_eq!(run.status.code(), Some(2), "{command:?}: {}", stderr(&run));
        assert_eq!(
            stderr(&run),
            format!(
                "eventwire: error: {}: not an eventwire database (no eventwire schema in it; \
                 `eventwire ingest` writes one); left untouched\n",
                other.display()
            ),
            "{command:?}"
        );
    }
    assert!(std::fs::read(&other).unwrap() == before, "the file changed");
    drop(conn);
}

#[test]
fn a_read_only_database_is_read_by_stats() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(&dir.path().join("putin.txt"), "Putin met Trump in Moscow.");
    let db = dir.path().join("events.db");
    assert_eq!(ingest(&[&article], &db).status.code(), Some(0));
    // Where SQLite cannot create the WAL index (a read-only folder; CI runs as root, whom
    // permissions do not stop, so a folder in its place stands in for that).
    std::fs::create_dir(dir.path().join("events.db-shm")).unwrap();
    let before = std::fs::read(&db).unwrap();

    let stats = eventwire(&["stats", "--db", s(&db)]);

    assert_eq!(stats.status.code(), Some(0), "{}", stderr(&stats));
    assert!(stdout(&stats).contains("articles  1"), "{}", stdout(&stats));
    assert!(std::fs::read(&db).unwrap() == before, "the file changed");
}

#[test]
fn a_list_command_that_stops_at_its_limit_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let seed = write(&dir.path().join("seed-article.txt"), SEED);
    let db = dir.path().join("events.db");
    assert_eq!(ingest(&[&seed], &db).status.code(), Some(0));

    let first = eventwire(&["quotes", "--db", s(&db), "--json", "--limit", "5"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(stdout(&first).lines().count(), 5);
    assert_eq!(
        stderr(&first),
        "eventwire: 5 rows shown (from row 1); more exist: --offset 5 for the next ones, \
         --limit up to 1000 for more at once\n"
    );
    let all = eventwire(&["quotes", "--db", s(&db), "--json"]);
    assert!(stdout(&all).lines().count() > 5);
    assert_eq!(stderr(&all), "", "no note when every row is shown");
}

#[test]
fn nul_bytes_truncated_utf8_and_invisible_characters_are_each_answered_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let nul = write(&dir.path().join("nul.txt"), b"Putin met\0Trump.");
    let json_nul = write(
        &dir.path().join("feed.jsonl"),
        "{\"id\": \"escaped-nul\", \"text\": \"Putin met\\u0000 Trump in Moscow.\"}\n",
    );
    let truncated_text = "Erdoğan met Zelensky in Kyiv on Monday, said “talks” would go on €";
    let truncated = write(
        &dir.path().join("truncated.txt"),
        &truncated_text.as_bytes()[..truncated_text.len() - 1],
    );
    let invisible_text = "Putin met \u{202e}Trump\u{202c} in \u{5d9}\u{5e8}\u{5d5}\u{5e9}\u{5dc}\u{5d9}\u{5dd}.\u{200b} Zelensky\u{200d} said “no” \u{2067}مرحبا\u{2069}.";
    let invisible = write(&dir.path().join("invisible.txt"), invisible_text);
    let db = dir.path().join("events.db");

    let run = ingest(&[&nul, &json_nul, &truncated, &invisible], &db);

    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_eq!(
        stderr(&run).lines().collect::<Vec<_>>(),
        [format!(
            "eventwire: {}: binary file, not text",
            nul.display()
        )]
    );
    assert_eq!(stored_ids(&db), ["escaped-nul", "invisible", "truncated"]);
    let store = Store::open_read_only(&db).unwrap();
    let text_of = |id: &str| store.article(id).unwrap().unwrap().text;
    assert_eq!(text_of("escaped-nul"), "Putin met\0 Trump in Moscow.");
    assert_eq!(
        text_of("truncated"),
        &truncated_text[..truncated_text.len() - 3]
    );
    let stored = store.article("invisible").unwrap().unwrap();
    assert_eq!(stored.text, invisible_text);
    assert!(stored
        .tokens
        .iter()
        .all(|t| stored.text.is_char_boundary(t.span.start)
            && stored.text.is_char_boundary(t.span.end)));
    // The quoted “no” is still found between the zero-width and direction characters.
    assert!(
        stored
            .quotes
            .iter()
            .any(|q| &stored.text[q.span.range()] == "no"),
        "{:?}",
        stored.quotes
    );
}
