//! Each input kind and each kind of bad input, through the public `ingest` iterator.

use chrono::NaiveDate;
use eventwire_ingest::{ingest, IngestOptions, Reason};
use eventwire_model::Article;
use std::fs;
use std::path::{Path, PathBuf};

/// The seed article as shared with the gold annotations, and the bundled copy with front matter.
const SEED: &str = include_str!("../../../../shared/corpus/seed-article.txt");
const BUNDLED_SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seed-article.txt");

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, contents).unwrap();
    path
}

fn only_article(path: &Path, options: IngestOptions) -> Article {
    let mut results: Vec<_> = ingest(&[path.to_path_buf()], options).collect();
    assert_eq!(results.len(), 1);
    results.remove(0).unwrap()
}

#[test]
fn seed_text_file_keeps_its_exact_text_and_takes_the_date_from_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "seed-article.txt", SEED);
    let options = IngestOptions {
        published: date(2025, 1, 31),
        ..IngestOptions::default()
    };
    let article = only_article(&path, options);
    assert_eq!(article.id, "seed-article");
    assert_eq!(article.text, SEED);
    assert_eq!(article.meta.published, date(2025, 1, 31));
    assert_eq!(article.meta.origin.as_deref(), Some(path.to_str().unwrap()));
    let us = article.text.find("U.S. President").unwrap();
    assert_eq!(&article.text[us..us + 4], "U.S.");
}

#[test]
fn bundled_seed_has_front_matter_and_exactly_the_shared_text() {
    let article = only_article(Path::new(BUNDLED_SEED), IngestOptions::default());
    assert_eq!(article.id, "seed-article");
    assert_eq!(article.text, SEED);
    assert_eq!(article.meta.published, date(2025, 1, 31));
    assert_eq!(article.meta.source.as_deref(), Some("a wire report"));
}

#[test]
fn front_matter_date_wins_over_the_flag_and_is_not_part_of_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "kellogg.txt",
        "---\npublished: 2025-01-07\ntitle: Kellogg on talks\nid: kellogg-0107\n---\nKeith Kellogg said talks are underway.\n",
    );
    let options = IngestOptions {
        published: date(2025, 1, 31),
        ..IngestOptions::default()
    };
    let article = only_article(&path, options);
    assert_eq!(article.id, "kellogg-0107");
    assert_eq!(article.meta.published, date(2025, 1, 7));
    assert_eq!(article.meta.title.as_deref(), Some("Kellogg on talks"));
    assert_eq!(article.text, "Keith Kellogg said talks are underway.\n");
}

#[test]
fn directory_is_read_recursively_in_sorted_order_with_path_ids() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", "Second.");
    write(dir.path(), "a/z.txt", "First.");
    write(dir.path(), "c.text", "Third.");
    write(
        dir.path(),
        "README.md",
        "skipped: markdown in a directory is documentation",
    );
    write(
        dir.path(),
        "notes.pdf",
        "%PDF-1.4 skipped: unknown extension",
    );
    write(dir.path(), ".hidden.txt", "skipped: hidden");
    let articles: Vec<Article> = ingest(&[dir.path().to_path_buf()], IngestOptions::default())
        .map(Result::unwrap)
        .collect();
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a/z", "b", "c"]);
    assert_eq!(articles[0].text, "First.");
    assert_eq!(articles[0].meta.published, None);
}

#[test]
fn html_page_gives_text_title_and_published_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "putin.html",
        r#"<html><head><title>Putin on Trump</title>
        <meta property="article:published_time" content="2025-01-30T18:00:00+03:00"></head>
        <body><nav>Home | World</nav><article><p>Putin praised Trump.</p>
        <p>He dismissed talks with Zelensky.</p></article><script>track()</script></body></html>"#,
    );
    let article = only_article(&path, IngestOptions::default());
    assert_eq!(article.id, "putin");
    assert_eq!(
        article.text,
        "Putin praised Trump.\nHe dismissed talks with Zelensky."
    );
    assert_eq!(article.meta.title.as_deref(), Some("Putin on Trump"));
    assert_eq!(article.meta.published, date(2025, 1, 30));
}

#[test]
fn json_lines_stream_articles_and_report_bad_lines_by_number() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "feed.jsonl",
        concat!(
            r#"{"id":"a1","url":"https://x.example/a1","title":"T","published":"2025-01-31","source":"Reuters","text":"Trump spoke."}"#,
            "\n\n",
            "{\"id\": \"a2\", \"text\": \n",
            r#"{"text":"No id here.","published":"Fri, 31 Jan 2025 10:00:00 GMT"}"#,
            "\n",
            r#"{"id":"a4","published":"soon","text":"Bad date."}"#,
            "\n",
            r#"{"id":"a5","text":"   "}"#,
        ),
    );
    let results: Vec<_> = ingest(std::slice::from_ref(&path), IngestOptions::default()).collect();
    assert_eq!(results.len(), 5);
    let first = results[0].as_ref().unwrap();
    assert_eq!(
        (first.id.as_str(), first.text.as_str()),
        ("a1", "Trump spoke.")
    );
    assert_eq!(first.meta.source.as_deref(), Some("Reuters"));
    assert_eq!(first.meta.published, date(2025, 1, 31));
    let file = path.display();
    assert_eq!(first.meta.origin, Some(format!("{file}:1")));
    let bad_json = results[1].as_ref().unwrap_err();
    assert_eq!(bad_json.origin, format!("{file}:3"));
    assert!(bad_json.to_string().contains("invalid JSON"), "{bad_json}");
    let no_id = results[2].as_ref().unwrap();
    assert_eq!(no_id.id, "feed-4");
    assert_eq!(no_id.meta.published, date(2025, 1, 31));
    let bad_date = results[3].as_ref().unwrap_err();
    assert_eq!(
        bad_date.to_string(),
        format!("{file}:5: `published` value \"soon\" is not a date (use YYYY-MM-DD)")
    );
    assert!(matches!(results[4], Err(ref e) if matches!(e.reason, Reason::NoText(_))));
}

#[test]
fn an_over_long_json_line_is_skipped_without_losing_the_next_one() {
    let dir = tempfile::tempdir().unwrap();
    let long_text = "war ".repeat(1000);
    let path = write(
        dir.path(),
        "big.ndjson",
        format!("{{\"id\":\"big\",\"text\":\"{long_text}\"}}\n{{\"id\":\"small\",\"text\":\"Peace.\"}}\n"),
    );
    let options = IngestOptions {
        max_article_bytes: 100,
        ..IngestOptions::default()
    };
    let results: Vec<_> = ingest(&[path], options).collect();
    assert!(matches!(
        results[0],
        Err(ref e) if matches!(e.reason, Reason::TooLarge { size: 4023, limit: 100 })
    ));
    assert_eq!(results[1].as_ref().unwrap().id, "small");
}

#[test]
fn latin1_text_is_transcoded() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "latin1.txt",
        b"Le pr\xe9sident fran\xe7ais a salu\xe9 l'\xab accord \xbb de Kyiv.",
    );
    let article = only_article(&path, IngestOptions::default());
    assert_eq!(
        article.text,
        "Le président français a salué l'« accord » de Kyiv."
    );
}

#[test]
fn bad_inputs_are_errors_naming_the_file_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", "");
    let blank = write(dir.path(), "blank.txt", " \n\n\t");
    let binary = write(
        dir.path(),
        "image.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    );
    let no_text_html = write(
        dir.path(),
        "nav.html",
        "<html><body><nav>Home</nav><script>x</script>",
    );
    let missing = dir.path().join("missing.txt");
    let huge = dir.path().join("huge.txt");
    // 50 MB, sparse: refused by its size before a byte is read.
    fs::File::create(&huge)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let good = write(dir.path(), "good.txt", "Zelensky spoke.");
    let paths = [empty, blank, binary, no_text_html, missing, huge, good];
    let results: Vec<_> = ingest(&paths, IngestOptions::default()).collect();
    let messages: Vec<String> = results
        .iter()
        .map(|r| match r {
            Ok(article) => format!("ok {}", article.id),
            Err(err) => err.to_string(),
        })
        .collect();
    let d = dir.path().display();
    assert_eq!(messages[0], format!("{d}/empty.txt: empty file"));
    assert_eq!(
        messages[1],
        format!("{d}/blank.txt: no article text (only whitespace)")
    );
    assert_eq!(messages[2], format!("{d}/image.txt: binary file, not text"));
    assert_eq!(
        messages[3],
        format!("{d}/nav.html: no article text (only whitespace once markup and boilerplate are removed)")
    );
    assert!(
        messages[4].starts_with(&format!("{d}/missing.txt: cannot read: ")),
        "{}",
        messages[4]
    );
    assert_eq!(
        messages[5],
        format!("{d}/huge.txt: 52428800 bytes is over the 20971520-byte limit for one article (split it, or use JSON Lines)")
    );
    assert_eq!(messages[6], "ok good");
}

#[test]
fn malformed_html_is_read_leniently() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "broken.htm",
        "<html><body><p>Kyiv <b>rejected</i> the plan<p>Moscow & Minsk</table>",
    );
    let article = only_article(&path, IngestOptions::default());
    assert_eq!(article.text, "Kyiv rejected the plan\nMoscow & Minsk");
}
