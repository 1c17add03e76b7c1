//! JSON Lines read from a stream (`eventwire code` on standard input): errors name the stream
//! and line, and a record without an id gets one from its text, whatever line it arrives on.

use eventwire_ingest::{ingest_json_lines, IngestOptions};
use std::io::Cursor;

fn ids_and_errors(input: &'static str) -> Vec<Result<String, String>> {
    let stream = Box::new(Cursor::new(input.as_bytes()));
    ingest_json_lines(stream, "<stdin>", IngestOptions::default())
        .map(|item| item.map(|a| a.id).map_err(|e| e.to_string()))
        .collect()
}

#[test]
fn ids_come_from_the_record_or_the_text_never_the_line() {
    let first = ids_and_errors(
        "{\"id\":\"a1\",\"text\":\"Putin met Trump.\"}\n{\"text\":\"Kyiv rejected the plan.\"}\n",
    );
    let shifted = ids_and_errors("\n{\"text\":\"Kyiv rejected the plan.\"}\n");
    assert_eq!(first[0], Ok("a1".to_string()));
    let hashed = first[1].clone().unwrap();
    assert!(
        hashed.starts_with("text-") && hashed.len() == 21,
        "{hashed}"
    );
    assert_eq!(shifted, [Ok(hashed)], "same text, another line: same id");
}

#[test]
fn a_bad_line_names_the_stream_and_line_and_the_rest_is_read() {
    let results = ids_and_errors("{\"text\":\"One.\"}\nnot json\n{\"id\":7,\"text\":\"Two.\"}\n");
    assert_eq!(results.len(), 3);
    let error = results[1].clone().unwrap_err();
    assert!(error.starts_with("<stdin>:2: "), "{error}");
    assert_eq!(results[2], Ok("7".to_string()));
}
