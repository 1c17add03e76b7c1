//! `eventwire ingest --dictionaries DIR` and `eventwire dictionaries check DIR` end to end, on an
//! analyst's small verb dictionary with one malformed line
//! (`tests/fixtures/dictionaries/analyst.verbs.txt`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn eventwire(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eventwire"))
        .args(args)
        .output()
        .expect("run eventwire")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dictionaries")
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 paths")
}

const MALFORMED: &str = "analyst.verbs.txt:5: '(' without ')'";

/// Ingests one sentence with a verb only the analyst's dictionary knows, with or without it, and
/// returns the `events` listing.
fn events_of_zorble(with_dictionaries: bool) -> (Output, String) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("zorble.txt");
    std::fs::write(
        &article,
        "---\npublished: 2025-03-03\n---\nRussia zorbled Ukraine on Monday, officials said.\n",
    )
    .unwrap();
    let db = dir.path().join("events.db");
    let mut args = vec!["ingest", path_str(&article), "--db", path_str(&db)];
    let fixtures = fixture_dir();
    if with_dictionaries {
        args.extend(["--dictionaries", path_str(&fixtures)]);
    }
    let ingest = eventwire(&args);
    let events = eventwire(&["events", "--db", path_str(&db)]);
    assert!(events.status.success(), "{}", text(&events.stderr));
    (ingest, text(&events.stdout))
}

#[test]
fn ingest_with_an_analysts_dictionary_codes_its_verb_and_reports_its_bad_line() {
    let (ingest, events) = events_of_zorble(true);
    assert_eq!(ingest.status.code(), Some(0), "{}", text(&ingest.stderr));
    let stderr = text(&ingest.stderr);
    assert!(
        stderr
            .lines()
            .any(|l| l == format!("eventwire: {MALFORMED}")),
        "{stderr}"
    );
    assert!(events.contains("Russia → Ukraine  ACCUSE 111"), "{events}");

    let (_, without) = events_of_zorble(false);
    assert!(
        !without.contains("111"),
        "the bundled dictionaries do not know 'zorble': {without}"
    );
}

#[test]
fn a_directory_without_dictionaries_is_a_usage_error() {
    let empty = tempfile::tempdir().unwrap();
    let run = eventwire(&["dictionaries", "check", path_str(empty.path())]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains("no dictionary files"),
        "{}",
        text(&run.stderr)
    );
}

#[test]
fn check_counts_a_directory_and_lists_its_malformed_lines() {
    let fixtures = fixture_dir();
    let run = eventwire(&["dictionaries", "check", path_str(&fixtures)]);
    assert_eq!(run.status.code(), Some(1), "malformed lines give exit 1");
    let stdout = text(&run.stdout);
    let count = |name: &str| {
        stdout
            .lines()
            .find(|l| l.trim_start().starts_with(name))
            .and_then(|l| l.split_whitespace().last())
            .unwrap_or_else(|| panic!("no {name} line in {stdout}"))
            .to_string()
    };
    assert_eq!(count("verb blocks"), "1");
    assert_eq!(count("verb patterns"), "1");
    assert_eq!(count("malformed lines"), "1");
    assert!(
        text(&run.stderr).lines().any(|l| l == MALFORMED),
        "{}",
        text(&run.stderr)
    );
}

#[test]
fn import_converts_petrarch_files_into_files_that_check_cleanly() {
    let out = tempfile::tempdir().unwrap();
    let fixtures = fixture_dir();
    let import = eventwire(&[
        "dictionaries",
        "import",
        "--petrarch",
        path_str(&fixtures),
        "--out",
        path_str(out.path()),
    ]);
    assert_eq!(
        import.status.code(),
        Some(1),
        "the fixture's bad line is reported"
    );
    let patterns = std::fs::read_to_string(out.path().join("verb_patterns.tsv")).unwrap();
    assert!(
        patterns
            .lines()
            .any(|l| l == "ZORBLE\t\t{sharp words}\t1121\tZORBLE\tanalyst.verbs.txt:4"),
        "{patterns}"
    );
    let check = eventwire(&["dictionaries", "check", path_str(out.path())]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
}
