//! The exported columns of each table, as Arrow arrays built from one page of store rows.
//! docs/schema.md documents these names and types; changing them breaks users' scripts.

use crate::Table;
use arrow::array::{ArrayRef, Date32Array, Float64Array, Int64Array, StringArray};
use arrow::record_batch::RecordBatch;
use chrono::{Datelike, NaiveDate};
use eventwire_store::query::{
    ActorFilter, ActorRow, ClaimFilter, ClaimRow, EventFilter, EventRow, GeoColumns, Page,
    QuoteFilter, QuoteRow, TimexFilter, TimexRow,
};
use eventwire_store::Store;
use std::sync::Arc;

/// One page of `table` as a record batch (empty, with the full schema, past the last row).
pub(crate) fn batch(store: &Store, table: Table, page: Page) -> anyhow::Result<RecordBatch> {
    let columns = match table {
        Table::Events => event_columns(&store.events(&EventFilter::default(), page)?),
        Table::Quotes => quote_columns(&store.quotes(&QuoteFilter::default(), page)?),
        Table::Actors => actor_columns(&store.actors(&ActorFilter::default(), page)?),
        Table::Timexes => timex_columns(&store.timexes(&TimexFilter::default(), page)?),
        Table::Promises => {
            let today = chrono::Local::now().date_naive();
            promise_columns(&store.claims(&ClaimFilter::default(), today, page)?)
        }
    };
    Ok(RecordBatch::try_from_iter_with_nullable(
        columns.into_iter().map(|(name, array)| (name, array, true)),
    )?)
}

type Columns = Vec<(&'static str, ArrayRef)>;

fn text<T>(rows: &[T], value: impl Fn(&T) -> Option<String>) -> ArrayRef {
    Arc::new(rows.iter().map(value).collect::<StringArray>())
}

fn int<T>(rows: &[T], value: impl Fn(&T) -> Option<i64>) -> ArrayRef {
    Arc::new(rows.iter().map(value).collect::<Int64Array>())
}

fn float<T>(rows: &[T], value: impl Fn(&T) -> Option<f64>) -> ArrayRef {
    Arc::new(rows.iter().map(value).collect::<Float64Array>())
}

fn date<T>(rows: &[T], value: impl Fn(&T) -> Option<NaiveDate>) -> ArrayRef {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    let days = rows
        .iter()
        .map(|r| value(r).map(|d| (d - epoch).num_days() as i32));
    Arc::new(days.collect::<Date32Array>())
}

/// GDELT's SQLDATE: the day as the integer YYYYMMDD.
fn sql_date(day: Option<NaiveDate>) -> Option<i64> {
    day.map(|d| i64::from(d.year()) * 10_000 + i64::from(d.month()) * 100 + i64::from(d.day()))
}

fn event_columns(rows: &[EventRow]) -> Columns {
    let mut columns = vec![
        (
            "GlobalEventID",
            text(rows, |e| Some(format!("{}:{}", e.article_id, e.idx))),
        ),
        ("SQLDATE", int(rows, |e| sql_date(e.day))),
        ("Day", date(rows, |e| e.day)),
        ("Week", text(rows, |e| e.week.clone())),
        ("TimexValue", text(rows, |e| e.date.clone())),
        ("Actor1ID", text(rows, |e| e.source.actor_id.clone())),
        ("Actor1Name", text(rows, |e| e.source.name.clone())),
        ("Actor1Code", text(rows, |e| e.source.code.clone())),
        ("Actor2ID", text(rows, |e| e.target.actor_id.clone())),
        ("Actor2Name", text(rows, |e| e.target.name.clone())),
        ("Actor2Code", text(rows, |e| e.target.code.clone())),
        ("EventCode", text(rows, |e| Some(e.cameo.clone()))),
        ("EventRootCode", text(rows, |e| Some(cameo_root(&e.cameo)))),
        ("QuadClass", int(rows, |e| quad_class(&e.cameo))),
        ("PLOVERType", text(rows, |e| Some(e.plover.clone()))),
        ("GoldsteinScale", float(rows, |e| Some(e.goldstein))),
        ("NumMentions", int(rows, |e| Some(e.num_mentions as i64))),
        ("NumArticles", int(rows, |e| Some(e.num_articles as i64))),
        ("NumSources", int(rows, |e| Some(e.num_sources as i64))),
        ("ArticleID", text(rows, |e| Some(e.article_id.clone()))),
        ("SOURCEURL", text(rows, |e| e.provenance.url.clone())),
        ("Source", text(rows, |e| e.provenance.source.clone())),
        ("Trigger", text(rows, |e| Some(e.trigger.clone()))),
        (
            "Sentence",
            text(rows, |e| Some(e.evidence.sentence_text.clone())),
        ),
        ("Confidence", float(rows, |e| Some(e.confidence))),
        (
            "CoderVersion",
            text(rows, |e| e.provenance.coder_version.clone()),
        ),
    ];
    columns.extend(geo_columns(rows, ACTOR1_GEO, |e| e.actor1_geo.as_ref()));
    columns.extend(geo_columns(rows, ACTOR2_GEO, |e| e.actor2_geo.as_ref()));
    columns.extend(geo_columns(rows, ACTION_GEO, |e| e.action_geo.as_ref()));
    columns.push((
        "ActionGeo_Source",
        text(rows, |e| {
            e.action_geo.as_ref().and_then(|g| g.source.clone())
        }),
    ));
    columns
}

/// GDELT 2.0's names of one geography's columns, in its order.
type GeoNames = [&'static str; 7];
const ACTOR1_GEO: GeoNames = [
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
];
const ACTOR2_GEO: GeoNames = [
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
];
const ACTION_GEO: GeoNames = [
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
];

/// The columns of one geography of each event (empty where the event has none).
fn geo_columns(
    rows: &[EventRow],
    [kind, full_name, country, adm1, lat, lon, feature]: GeoNames,
    geo: impl Fn(&EventRow) -> Option<&GeoColumns> + Copy,
) -> Columns {
    vec![
        (kind, int(rows, |e| geo(e).map(|g| i64::from(g.geo_type)))),
        (
            full_name,
            text(rows, |e| geo(e).map(|g| g.full_name.clone())),
        ),
        (
            country,
            text(rows, |e| geo(e).map(|g| g.country_code.clone())),
        ),
        (
            adm1,
            text(rows, |e| geo(e).and_then(|g| g.adm1_code.clone())),
        ),
        (lat, float(rows, |e| geo(e).map(|g| g.lat))),
        (lon, float(rows, |e| geo(e).map(|g| g.lon))),
        (
            feature,
            text(rows, |e| geo(e).map(|g| g.feature_id.clone())),
        ),
    ]
}

/// The two-digit CAMEO root of an event code (`036` → `03`).
pub(crate) fn cameo_root(cameo: &str) -> String {
    cameo.chars().take(2).collect()
}

/// GDELT's QuadClass from the CAMEO root: 1 verbal cooperation (01–05), 2 material cooperation
/// (06–08), 3 verbal conflict (09–13), 4 material conflict (14–20).
pub(crate) fn quad_class(cameo: &str) -> Option<i64> {
    match cameo_root(cameo).parse::<u8>().ok()? {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

fn quote_columns(rows: &[QuoteRow]) -> Columns {
    vec![
        (
            "QuoteID",
            text(rows, |q| Some(format!("{}:{}", q.article_id, q.idx))),
        ),
        ("ArticleID", text(rows, |q| Some(q.article_id.clone()))),
        ("SaidOn", text(rows, |q| q.said_on.clone())),
        ("SaidDay", date(rows, |q| q.said_day)),
        ("SpeakerID", text(rows, |q| q.speaker_id.clone())),
        ("SpeakerName", text(rows, |q| q.speaker_name.clone())),
        ("SpeakerCode", text(rows, |q| q.speaker_code.clone())),
        ("Kind", text(rows, |q| Some(q.kind.clone()))),
        ("Verb", text(rows, |q| q.verb.clone())),
        ("Addressee", text(rows, |q| q.addressee.clone())),
        ("Text", text(rows, |q| Some(q.text.clone()))),
        (
            "Sentence",
            text(rows, |q| Some(q.evidence.sentence_text.clone())),
        ),
        ("Confidence", float(rows, |q| Some(q.confidence))),
        ("SOURCEURL", text(rows, |q| q.provenance.url.clone())),
        ("Source", text(rows, |q| q.provenance.source.clone())),
        (
            "CoderVersion",
            text(rows, |q| q.provenance.coder_version.clone()),
        ),
    ]
}

fn actor_columns(rows: &[ActorRow]) -> Columns {
    vec![
        ("ArticleID", text(rows, |a| Some(a.article_id.clone()))),
        ("ActorID", text(rows, |a| Some(a.actor_id.clone()))),
        ("Name", text(rows, |a| Some(a.name.clone()))),
        ("Kind", text(rows, |a| Some(a.kind.clone()))),
        ("Code", text(rows, |a| a.code.clone())),
        ("CountryCode", text(rows, |a| a.country.clone())),
        ("NumMentions", int(rows, |a| Some(a.mentions.len() as i64))),
        (
            "Mentions",
            text(rows, |a| {
                Some(
                    a.mentions
                        .iter()
                        .map(|m| m.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" | "),
                )
            }),
        ),
    ]
}

fn timex_columns(rows: &[TimexRow]) -> Columns {
    vec![
        ("ArticleID", text(rows, |t| Some(t.article_id.clone()))),
        ("Text", text(rows, |t| Some(t.text.clone()))),
        ("Type", text(rows, |t| Some(t.kind.clone()))),
        ("Value", text(rows, |t| Some(t.value.clone()))),
        ("Mod", text(rows, |t| t.modifier.clone())),
        ("IntervalStart", date(rows, |t| t.interval_start)),
        ("IntervalEnd", date(rows, |t| t.interval_end)),
        ("Published", date(rows, |t| t.published)),
        (
            "Sentence",
            text(rows, |t| Some(t.evidence.sentence_text.clone())),
        ),
    ]
}

fn promise_columns(rows: &[ClaimRow]) -> Columns {
    vec![
        ("ArticleID", text(rows, |c| Some(c.article_id.clone()))),
        ("Kind", text(rows, |c| Some(variant(&c.claim.kind)))),
        ("SpeakerName", text(rows, |c| c.speaker_name.clone())),
        ("SpeakerCode", text(rows, |c| c.claim.speaker_code.clone())),
        ("Text", text(rows, |c| Some(c.text.clone()))),
        ("MadeOn", text(rows, |c| c.claim.made_on.clone())),
        ("Deadline", date(rows, |c| c.claim.deadline)),
        ("Status", text(rows, |c| Some(variant(&c.status)))),
        (
            "Sentence",
            text(rows, |c| Some(c.evidence.sentence_text.clone())),
        ),
        (
            "Confidence",
            float(rows, |c| Some(f64::from(c.claim.confidence))),
        ),
    ]
}

/// The snake_case name of a model enum value (`past_due`), as in the JSON API.
fn variant<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}
