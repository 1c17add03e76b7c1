//! Export tests: a small stored article written in each format and read back.

use super::*;
use arrow::array::{Array, AsArray};
use arrow::datatypes::{Date32Type, Float64Type, Int64Type};
use chrono::NaiveDate;
use eventwire_model::*;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

const TEXT: &str = "Putin praised Trump, calling him \"a smart man\".";

fn span_of(needle: &str) -> Span {
    let start = TEXT.find(needle).expect("needle in text");
    Span::new(start, start + needle.len())
}

fn person(id: &str, name: &str, code: &str) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        kind: ActorKind::Person,
        code: Some(code.into()),
        alt_codes: vec![],
        country: Some(code[..3].into()),
        wikipedia: None,
    }
}

fn store_with_one_event() -> Store {
    let published = NaiveDate::from_ymd_opt(2025, 1, 31);
    let mut a = Article::new(
        "seed",
        TEXT,
        ArticleMeta {
            published,
            ..ArticleMeta::default()
        },
    );
    a.paragraphs = vec![Span::new(0, TEXT.len())];
    a.sentences = vec![Sentence {
        span: Span::new(0, TEXT.len()),
        paragraph: 0,
        tokens: 0..0,
    }];
    a.actors = vec![
        person("vladimir_putin", "Vladimir Putin", "RUSGOV"),
        person("donald_trump", "Donald Trump", "USAGOV"),
    ];
    a.events = vec![Event {
        source: Some(0),
        target: Some(1),
        source_code: None,
        target_code: None,
        cameo: "051".into(),
        plover: "SUPPORT".into(),
        goldstein: 3.4,
        trigger: span_of("praised"),
        sentence: 0,
        date: None,
        quote: None,
        confidence: 0.9,
    }];
    a.quotes = vec![Quote {
        span: span_of("a smart man"),
        kind: QuoteKind::Direct,
        speaker: Some(0),
        speaker_span: Some(span_of("Putin")),
        verb: Some("call".into()),
        verb_span: Some(span_of("calling")),
        addressee: None,
        addressee_actor: None,
        sentence: 0,
        said_on: None,
        confidence: 0.8,
    }];
    let mut store = Store::open_in_memory().unwrap();
    store.save(&a).unwrap();
    store
}

fn export_to_vec(table: Table, format: Format) -> (u64, Vec<u8>) {
    let mut out = Vec::new();
    let rows = export(&store_with_one_event(), table, format, &mut out).unwrap();
    (rows, out)
}

#[test]
fn parquet_events_round_trip() {
    let (rows, bytes) = export_to_vec(Table::Events, Format::Parquet);
    assert_eq!(rows, 1);
    let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(bytes))
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<RecordBatch> = reader.collect::<Result<_, _>>().unwrap();
    let batch = &batches[0];
    assert_eq!(batch.num_rows(), 1);
    let text = |name: &str| {
        batch
            .column_by_name(name)
            .unwrap()
            .as_string::<i32>()
            .value(0)
            .to_owned()
    };
    assert_eq!(text("Actor1Name"), "Vladimir Putin");
    assert_eq!(text("Actor2Code"), "USAGOV");
    assert_eq!(text("EventRootCode"), "05");
    assert_eq!(text("Sentence"), TEXT);
    let sql_date = batch
        .column_by_name("SQLDATE")
        .unwrap()
        .as_primitive::<Int64Type>()
        .value(0);
    assert_eq!(
        sql_date, 20250131,
        "undated event falls back to the publication day"
    );
    let day = batch
        .column_by_name("Day")
        .unwrap()
        .as_primitive::<Date32Type>();
    assert_eq!(day.value_as_date(0), NaiveDate::from_ymd_opt(2025, 1, 31));
    let goldstein = batch
        .column_by_name("GoldsteinScale")
        .unwrap()
        .as_primitive::<Float64Type>();
    assert!((goldstein.value(0) - 3.4).abs() < 1e-6);
    assert!(batch.column_by_name("Actor1ID").unwrap().null_count() == 0);
}

#[test]
fn csv_has_a_header_and_quotes_fields_with_quotes() {
    let (rows, bytes) = export_to_vec(Table::Quotes, Format::Csv);
    let csv = String::from_utf8(bytes).unwrap();
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("QuoteID,ArticleID,SaidOn,SaidDay,SpeakerID,SpeakerName"));
    let row = lines.next().unwrap();
    assert!(row.starts_with("seed:0,seed,,2025-01-31,vladimir_putin,Vladimir Putin,RUSGOV,direct,call,,a smart man,"), "{row}");
    assert!(
        row.contains("\"Putin praised Trump, calling him \"\"a smart man\"\".\""),
        "{row}"
    );
    assert_eq!(rows, 1);
}

#[test]
fn jsonl_writes_one_object_per_row() {
    let (rows, bytes) = export_to_vec(Table::Actors, Format::Jsonl);
    let lines: Vec<serde_json::Value> = String::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows, 2);
    assert_eq!(lines[1]["Name"], "Donald Trump");
    assert_eq!(lines[1]["CountryCode"], "USA");
    assert_eq!(lines[1]["NumMentions"], 0);
}

#[test]
fn an_empty_table_still_has_its_schema() {
    let (rows, bytes) = export_to_vec(Table::Promises, Format::Parquet);
    assert_eq!(rows, 0);
    let builder = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(bytes)).unwrap();
    let names: Vec<_> = builder
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(names[..3], ["ArticleID", "Kind", "SpeakerName"]);
    let (_, csv) = export_to_vec(Table::Timexes, Format::Csv);
    assert!(String::from_utf8(csv)
        .unwrap()
        .starts_with("ArticleID,Text,Type,Value"));
}

#[test]
fn unknown_table_and_format_names_are_refused() {
    assert_eq!("events".parse::<Table>().unwrap(), Table::Events);
    assert!("event"
        .parse::<Table>()
        .unwrap_err()
        .to_string()
        .contains("unknown table"));
    assert!("xlsx"
        .parse::<Format>()
        .unwrap_err()
        .to_string()
        .contains("unknown format"));
}
