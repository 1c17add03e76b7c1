//! Export tests: a small stored article written in each format and read back.

use super::*;
use arrow::array::{Array, AsArray};
use arrow::datatypes::{Date32Type, Float64Type, Int64Type};
use chrono::NaiveDate;
use eventwire_model::fixtures::annotated_article;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

/// A store holding the fixture article: Trump → Putin CONSULT (undated), Putin → Trump SUPPORT
/// on January 7, Putin's quote "a smart man.", Trump's promise.
fn store_with_the_fixture() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.save(&annotated_article("seed")).unwrap();
    store
}

fn export_to_vec(table: Table, format: Format) -> (u64, Vec<u8>) {
    let mut out = Vec::new();
    let rows = export(&store_with_the_fixture(), table, format, &mut out).unwrap();
    (rows, out)
}

#[test]
fn parquet_events_round_trip() {
    let (rows, bytes) = export_to_vec(Table::Events, Format::Parquet);
    assert_eq!(rows, 2);
    let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(bytes))
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<RecordBatch> = reader.collect::<Result<_, _>>().unwrap();
    let batch = &batches[0];
    assert_eq!(
        batch.num_rows(),
        2,
        "ordered by day: Putin's SUPPORT, then the undated CONSULT"
    );
    let text = |name: &str, row: usize| {
        batch
            .column_by_name(name)
            .unwrap()
            .as_string::<i32>()
            .value(row)
            .to_owned()
    };
    assert_eq!(text("Actor1Name", 0), "Vladimir Putin");
    assert_eq!(text("Actor2Code", 0), "USAGOV");
    assert_eq!(text("EventRootCode", 0), "05");
    assert_eq!(
        text("Sentence", 1),
        "Trump said he could speak with Putin soon."
    );
    let sql_date = batch
        .column_by_name("SQLDATE")
        .unwrap()
        .as_primitive::<Int64Type>();
    assert_eq!(
        sql_date.value(1),
        20250131,
        "an undated event falls back to the publication day"
    );
    assert_eq!(sql_date.value(0), 20250107);
    let day = batch
        .column_by_name("Day")
        .unwrap()
        .as_primitive::<Date32Type>();
    assert_eq!(day.value_as_date(0), NaiveDate::from_ymd_opt(2025, 1, 7));
    let goldstein = batch
        .column_by_name("GoldsteinScale")
        .unwrap()
        .as_primitive::<Float64Type>();
    assert!((goldstein.value(0) - 3.5).abs() < 1e-6);
    assert!(batch.column_by_name("Actor1ID").unwrap().null_count() == 0);
    let int = |name: &str, row: usize| {
        batch
            .column_by_name(name)
            .unwrap()
            .as_primitive::<Int64Type>()
            .value(row)
    };
    assert_eq!(int("QuadClass", 0), 1, "SUPPORT (05) is verbal cooperation");
    assert_eq!(
        (
            int("NumMentions", 0),
            int("NumArticles", 0),
            int("NumSources", 0)
        ),
        (1, 1, 1)
    );
    assert_eq!(text("Source", 0), "a wire report");
}

#[test]
fn quad_classes_follow_the_cameo_root() {
    let classes: Vec<_> = ["036", "0871", "112", "190", "", "x1"]
        .iter()
        .map(|code| columns::quad_class(code))
        .collect();
    assert_eq!(classes, [Some(1), Some(2), Some(3), Some(4), None, None]);
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
    assert!(
        row.starts_with(
            "seed:0,seed,2025-01-07,2025-01-07,vladimir_putin,Vladimir Putin,RUSGOV,direct,call,,a smart man.,"
        ),
        "{row}"
    );
    assert!(
        row.contains("\"Putin praised Trump on January 7, calling him \"\"a smart man.\"\"\""),
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
    assert_eq!(lines[0]["Name"], "Donald Trump");
    assert_eq!(lines[0]["CountryCode"], "USA");
    assert_eq!(lines[0]["NumMentions"], 2);
}

#[test]
fn an_empty_table_still_has_its_schema() {
    let empty = Store::open_in_memory().unwrap();
    let mut bytes = Vec::new();
    let rows = export(&empty, Table::Promises, Format::Parquet, &mut bytes).unwrap();
    assert_eq!(rows, 0);
    let builder = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(bytes)).unwrap();
    let names: Vec<_> = builder
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(names[..3], ["ArticleID", "Kind", "SpeakerName"]);
    let mut csv = Vec::new();
    export(&empty, Table::Timexes, Format::Csv, &mut csv).unwrap();
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

#[test]
fn records_are_labelled_by_kind_and_leave_out_what_is_asked() {
    let mut out = Vec::new();
    let store = store_with_the_fixture();
    let tables = [Table::Events, Table::Quotes];
    let rows = write_records(&store, &tables, &["NumMentions"], &mut out).unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows, 3);
    let kinds: Vec<_> = lines
        .iter()
        .map(|l| l["record"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["event", "event", "quote"]);
    assert_eq!(lines[0]["EventCode"], "051");
    assert!(lines[0].get("NumMentions").is_none());
    assert!(
        lines[0]["SOURCEURL"].is_null(),
        "empty values are explicit nulls"
    );
    assert_eq!(lines[0]["NumSources"], 1);
    assert_eq!(lines[2]["Text"], "a smart man.");
}

/// A store of one article; the second one comes from another outlet.
fn store_of(id: &str, outlet: &str) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let mut article = annotated_article(id);
    article.text_hash = format!("text of {id}");
    article.meta.source = Some(outlet.into());
    store.save(&article).unwrap();
    store
}

#[test]
fn merged_shard_records_count_like_one_store() {
    let dir = tempfile::tempdir().unwrap();
    let counts = ["NumMentions", "NumArticles", "NumSources"];
    let mut shards = Vec::new();
    for (id, outlet) in [("a1", "Reuters"), ("a2", "AP")] {
        let path = dir.path().join(format!("{id}.jsonl"));
        let mut out = Vec::new();
        write_records(
            &store_of(id, outlet),
            &[Table::Events, Table::Quotes],
            &counts,
            &mut out,
        )
        .unwrap();
        std::fs::write(&path, out).unwrap();
        shards.push(path);
    }
    // The first shard given twice: its rows are written once.
    shards.push(shards[0].clone());
    let mut merged = Vec::new();
    let outcome = merge_records(&shards, &mut merged).unwrap();
    assert_eq!(
        outcome,
        MergedRecords {
            rows: 6,
            repeated: 3
        }
    );

    let mut single = store_of("a1", "Reuters");
    let mut second = annotated_article("a2");
    second.text_hash = "text of a2".into();
    second.meta.source = Some("AP".into());
    single.save(&second).unwrap();
    let mut expected = Vec::new();
    write_records(&single, &[Table::Events], &[], &mut expected).unwrap();

    let by_id = |bytes: &[u8]| -> std::collections::BTreeMap<String, serde_json::Value> {
        String::from_utf8(bytes.to_vec())
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter(|row| row["record"] == "event")
            .map(|row| (row["GlobalEventID"].as_str().unwrap().to_owned(), row))
            .collect()
    };
    let (merged, expected) = (by_id(&merged), by_id(&expected));
    assert_eq!(merged, expected);
    let support = &merged["a1:1"];
    assert_eq!(
        [
            &support["NumMentions"],
            &support["NumArticles"],
            &support["NumSources"]
        ],
        [2, 2, 2]
    );
}

#[test]
fn a_line_that_is_no_coded_row_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.jsonl");
    std::fs::write(&path, "{\"record\":\"event\"}\nnot json\n").unwrap();
    let err = merge_records(&[path], &mut Vec::new()).unwrap_err();
    assert!(format!("{err:#}").contains("bad.jsonl:2"), "{err:#}");
}
