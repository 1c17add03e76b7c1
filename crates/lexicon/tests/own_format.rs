//! eventwire's own dictionary files: what the importer writes reads back as the same rows, and
//! malformed rows are reported with their file and line.

use eventwire_lexicon::{lexicon_file, Dictionaries, FileKind, Lexicon};
use std::path::Path;

fn fixtures(dir: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
}

/// Panics naming the first row that differs (the whole dictionaries are too big to print).
fn assert_same_rows<T: PartialEq + std::fmt::Debug>(kind: &str, read: &[T], written: &[T]) {
    for (index, (read, written)) in read.iter().zip(written).enumerate() {
        assert_eq!(read, written, "{kind} row {index} differs");
    }
    assert_eq!(read.len(), written.len(), "{kind}: number of rows");
}

fn assert_same(read: &Dictionaries, written: &Dictionaries) {
    assert_same_rows("synsets", &read.verbs.synsets, &written.verbs.synsets);
    assert_same_rows("blocks", &read.verbs.blocks, &written.verbs.blocks);
    assert_same_rows("verbs", &read.verbs.verbs, &written.verbs.verbs);
    assert_same_rows("patterns", &read.verbs.patterns, &written.verbs.patterns);
    assert_same_rows(
        "transformations",
        &read.verbs.transformations,
        &written.verbs.transformations,
    );
    assert_same_rows("actors", &read.actors, &written.actors);
    assert_same_rows("agents", &read.agents, &written.agents);
    assert_same_rows("discards", &read.discards, &written.discards);
    assert_same_rows("issues", &read.issues.phrases, &written.issues.phrases);
    assert_same_rows(
        "issue ignores",
        &read.issues.ignores,
        &written.issues.ignores,
    );
    assert_same_rows("prepositions", &read.prepositions, &written.prepositions);
    assert!(read == written);
}

/// Writes `dictionaries` as eventwire files into a temporary directory and reads them back.
fn round_trip(dictionaries: &Dictionaries) -> (Dictionaries, Vec<String>) {
    let out = tempfile::tempdir().unwrap();
    for (name, text) in dictionaries.to_lexicon_files("test preamble") {
        std::fs::write(out.path().join(name), text).unwrap();
    }
    let mut diagnostics = Vec::new();
    let (read, kinds) = Dictionaries::read_dir(out.path(), &mut diagnostics).unwrap();
    assert_eq!(kinds.len(), FileKind::ALL.len());
    (read, diagnostics.iter().map(ToString::to_string).collect())
}

#[test]
fn petrarch_fixtures_round_trip_through_the_own_format() {
    let mut diagnostics = Vec::new();
    let (petrarch, kinds) =
        Dictionaries::read_dir(&fixtures("petrarch"), &mut diagnostics).unwrap();
    assert!(kinds.contains(&FileKind::Verbs) && kinds.contains(&FileKind::Actors));
    assert!(!diagnostics.is_empty(), "the fixtures have malformed lines");
    for kind in FileKind::ALL {
        assert!(
            petrarch.count(kind) > 0,
            "a fixture of every kind: {kind:?}"
        );
    }
    let (read, diagnostics) = round_trip(&petrarch);
    assert_eq!(diagnostics, Vec::<String>::new());
    assert_same(&read, &petrarch);
}

#[test]
fn the_real_petrarch_files_round_trip() {
    let shared =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/petrarch-dictionaries");
    let mut diagnostics = Vec::new();
    let (petrarch, _) = Dictionaries::read_dir(&shared, &mut diagnostics).unwrap();
    let petrarch = Lexicon::new(petrarch, diagnostics).into_parts().0;
    let (read, diagnostics) = round_trip(&petrarch);
    assert_eq!(diagnostics, Vec::<String>::new());
    assert_same(&read, &petrarch);
}

#[test]
fn malformed_rows_are_reported_and_the_rest_loads() {
    let text = "# actors\nactor\tphrase\tcode\tfrom\tuntil\tsource\n\
                kim_jong_un\tkim_jong_un\t\t\t\tPhoenix.Countries.actors.txt:120\n\
                kim_jong_un\t\tPRKGOV\t2011-12-17\t\t\n\
                kim_jong_un\t\tPRKELI\t2011-13-01\t\t\n\
                kim_jong_un\tonly four fields\n\
                kim_jong_un\tkim\tPRK\t\t\tsomewhere\n";
    let mut dictionaries = Dictionaries::default();
    let mut diagnostics = Vec::new();
    dictionaries.read_lexicon_text(
        lexicon_file("actors.tsv").unwrap(),
        "my/actors.tsv",
        text,
        &mut diagnostics,
    );
    let diagnostics: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        diagnostics,
        [
            "my/actors.tsv:5: bad date \"2011-13-01\": use YYYY-MM-DD",
            "my/actors.tsv:6: 2 fields, expected 6 (actor, phrase, code, from, until, source)",
            "my/actors.tsv:7: bad source \"somewhere\": use FILE:LINE",
        ]
    );
    let kim = &dictionaries.actors[0];
    assert_eq!(
        kim.phrases[0].provenance.to_string(),
        "Phoenix.Countries.actors.txt:120"
    );
    assert_eq!(
        kim.codes[0].provenance.to_string(),
        "my/actors.tsv:4",
        "a hand-added row is its own source"
    );
    assert_eq!(
        kim.code_on(chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()),
        Some("PRKGOV")
    );
}

#[test]
fn a_wrong_header_skips_the_file() {
    let mut dictionaries = Dictionaries::default();
    let mut diagnostics = Vec::new();
    let text = "phrase\tcode\nfarmer\t~AGR\n";
    dictionaries.read_lexicon_text(
        lexicon_file("agents.tsv").unwrap(),
        "agents.tsv",
        text,
        &mut diagnostics,
    );
    assert!(dictionaries.agents.is_empty());
    assert_eq!(
        diagnostics[0].to_string(),
        "agents.tsv:1: the column header should be \"phrase\\tforms\\tcode\\tsource\"; file skipped"
    );
}

#[test]
fn a_directory_adds_to_or_replaces_a_loaded_lexicon() {
    use eventwire_lexicon::Merge;
    let mut diagnostics = Vec::new();
    let (base, _) = Dictionaries::read_dir(&fixtures("petrarch"), &mut diagnostics).unwrap();
    let base = Lexicon::new(base, diagnostics);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("extra.agents.txt"),
        "MARSHAL [~COP]\nSHERIFF {} [~COP\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("my_actors.tsv"), "actor\tphrase\n").unwrap();
    let added = base.with_dir(dir.path(), Merge::Add).unwrap();
    assert_eq!(added.agents.len(), base.agents.len() + 1);
    assert_eq!(
        added.verbs, base.verbs,
        "kinds the directory has no files of are kept"
    );
    let diagnostics: Vec<String> = added
        .diagnostics()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        diagnostics.contains(&"extra.agents.txt:2: '[' without ']' at the end".to_string()),
        "{diagnostics:?}"
    );
    assert!(
        diagnostics.iter().any(|d| d.starts_with(
            "my_actors.tsv:1: not one of eventwire's dictionary files (verb_blocks.tsv,"
        )),
        "{diagnostics:?}"
    );
    let replaced = base.with_dir(dir.path(), Merge::Replace).unwrap();
    let phrases: Vec<String> = replaced
        .agents
        .iter()
        .map(|a| a.phrase.to_string())
        .collect();
    assert_eq!(phrases, ["marshal"]);
    assert_eq!(replaced.actors, base.actors);
}
