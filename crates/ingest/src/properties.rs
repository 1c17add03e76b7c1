//! Property tests, the fuzz harness of the readers (docs/reliability.md): the HTML reader, JSON
//! Lines and text decoding on generated input never panic and keep their promises. CI runs a
//! bounded number of cases; `PROPTEST_CASES=1000000` runs them for as long as one cares to wait.

use crate::{decode, html, ingest_json_lines, IngestOptions};
use proptest::prelude::*;

/// Cases per property: `PROPTEST_CASES` when set, else a number that keeps CI quick.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(128);
    ProptestConfig {
        cases,
        // Long runs must not stop on the first slow shrink; a failure is reported as found.
        max_shrink_iters: 256,
        ..ProptestConfig::default()
    }
}

/// Markup pieces that stress the HTML reader: nesting, unclosed and stray tags, skipped and
/// boilerplate elements, entities, comments, attributes with quotes.
const MARKUP: &[&str] = &[
    "<html>",
    "<body>",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<br>",
    "<article>",
    "</article>",
    "<script>",
    "</script>",
    "<style>",
    "<nav class='menu'>",
    "</nav>",
    "<!--",
    "-->",
    "<b>",
    "</span>",
    "<meta property='article:published_time' content='2025-01-31'>",
    "<time datetime='2025-13-45'>",
    "<a href=\"x\">",
    "&amp;",
    "&#0;",
    "&#x1F600;",
    "<![CDATA[",
    "<table><tr><td>",
    "<svg><foreignObject>",
    "<template>",
    "<noscript>",
    "\u{202e}",
    "\u{200b}",
];

fn markup_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(MARKUP).prop_map(str::to_string),
        2 => "\\PC{0,12}",
        1 => Just("Putin said “talks” would start.".to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

/// A JSON Lines record, well-formed or not.
fn json_line() -> impl Strategy<Value = String> {
    prop_oneof![
        ("\\PC{0,40}", prop::option::of("\\PC{0,12}")).prop_map(|(text, published)| {
            serde_json::json!({ "text": text, "published": published }).to_string()
        }),
        "\\PC{0,60}",
        Just(String::new()),
        Just("{\"text\": 5}".to_string()),
        Just("{\"id\": [1], \"text\": \"x\"}".to_string()),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_html_reader_gives_text_or_no_text_never_a_panic(page in markup_soup()) {
        let rules = html::HtmlRules::bundled().unwrap();
        match html::extract(&page, rules) {
            Ok(extracted) => {
                prop_assert!(!extracted.body.trim().is_empty());
                // One line per paragraph, whitespace collapsed: no blank or padded line.
                for line in extracted.body.lines() {
                    prop_assert!(!line.is_empty() && line.trim() == line, "{line:?}");
                }
            }
            Err(reason) => prop_assert!(matches!(reason, crate::Reason::NoText(_))),
        }
    }

    #[test]
    fn decoding_keeps_utf8_exactly_and_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let decoded = decode::decode(&bytes);
        if let (Ok(text), Ok(utf8)) = (&decoded, std::str::from_utf8(&bytes)) {
            prop_assert_eq!(text.as_str(), utf8.strip_prefix('\u{feff}').unwrap_or(utf8));
        }
    }

    #[test]
    fn readable_text_is_decoded_as_itself(text in "[^\\x00-\\x08\\x0b\\x0e-\\x1f\\x{feff}]{1,200}") {
        // No U+FEFF: at the start it is a byte order mark, which decoding removes on purpose.
        prop_assert_eq!(decode::decode(text.as_bytes()).unwrap(), text);
    }

    #[test]
    fn every_json_line_is_one_article_or_one_error_naming_its_line(lines in prop::collection::vec(json_line(), 0..20)) {
        let input = lines.join("\n");
        let reader = Box::new(std::io::Cursor::new(input.into_bytes()));
        let items: Vec<_> = ingest_json_lines(reader, "feed.jsonl", IngestOptions::default()).collect();
        let records = lines
            .iter()
            .filter(|l| !l.bytes().all(|b| b.is_ascii_whitespace()))
            .count();
        prop_assert_eq!(items.len(), records);
        for item in items {
            match item {
                Ok(article) => prop_assert!(!article.text.trim().is_empty()),
                Err(err) => prop_assert!(err.origin.starts_with("feed.jsonl:"), "{}", err),
            }
        }
    }
}
