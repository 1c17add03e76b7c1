//! Writing an article's layers into their tables, and reading the article back.
//!
//! Every row carries `(article_id, idx)`; `idx` is the item's position in the article's vector so
//! the model's index cross-references stay valid in SQL joins.

use crate::dates::{iso_week_label, item_day};
use crate::StoreError;
use eventwire_model::{
    Actor, Article, ArticleMeta, Claim, Event, EventGeo, Mention, Place, Quote, Sentence, Span,
    Timex, Token,
};
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;
use rusqlite::types::Value;
use rusqlite::{params, Row, Transaction};
use serde::{Deserialize, Serialize};
use std::io::Write;

/// Deflate level of `articles.layers`.
const LAYERS_LEVEL: Compression = Compression::new(6);

/// The annotation layers as kept in `articles.layers`: the exact round-trip copy. Generic over
/// the container so saving serialises borrowed slices and loading gets owned vectors.
#[derive(Serialize, Deserialize)]
struct Layers<P, S, T, A, M, Q, X, E, C, L, G> {
    paragraphs: P,
    sentences: S,
    tokens: T,
    actors: A,
    mentions: M,
    quotes: Q,
    timexes: X,
    events: E,
    claims: C,
    /// Places and event geography; absent from layers stored before the places stage.
    #[serde(default)]
    places: L,
    #[serde(default)]
    event_geo: G,
}

type OwnedLayers = Layers<
    Vec<Span>,
    Vec<Sentence>,
    Vec<Token>,
    Vec<Actor>,
    Vec<Mention>,
    Vec<Quote>,
    Vec<Timex>,
    Vec<Event>,
    Vec<Claim>,
    Vec<Place>,
    Vec<EventGeo>,
>;

/// Deletes the article stored under `id` or with `text_hash` (layers follow by cascade).
/// Returns whether anything was deleted.
pub(crate) fn delete_same_article(
    tx: &Transaction,
    id: &str,
    text_hash: &str,
) -> Result<bool, StoreError> {
    let deleted = tx
        .prepare_cached("DELETE FROM articles WHERE id = ?1 OR text_hash = ?2")?
        .execute(params![id, text_hash])?;
    Ok(deleted > 0)
}

/// Statements are prepared once per connection (`prepare_cached`), not once per article: every
/// article runs the same nine.
pub(crate) fn insert_article(tx: &Transaction, article: &Article) -> Result<(), StoreError> {
    let layers = Layers {
        paragraphs: &article.paragraphs,
        sentences: &article.sentences,
        tokens: &article.tokens,
        actors: &article.actors,
        mentions: &article.mentions,
        quotes: &article.quotes,
        timexes: &article.timexes,
        events: &article.events,
        claims: &article.claims,
        places: &article.places,
        event_geo: &article.event_geo,
    };
    let layers = compress_layers(&layers).map_err(|reason| StoreError::CorruptLayers {
        id: article.id.clone(),
        reason,
    })?;
    let meta = &article.meta;
    tx.prepare_cached(
        "INSERT INTO articles (id, text_hash, title, url, source, published, origin, text, layers,
                               coder_version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        article.id,
        article.text_hash,
        meta.title,
        meta.url,
        meta.source,
        meta.published,
        meta.origin,
        article.text,
        layers,
        article.coder_version
    ])?;
    insert_sentences(tx, article)?;
    insert_actors(tx, article)?;
    insert_mentions(tx, article)?;
    insert_quotes(tx, article)?;
    insert_timexes(tx, article)?;
    insert_events(tx, article)?;
    insert_claims(tx, article)?;
    crate::places::insert_geography(tx, article)?;
    Ok(())
}

/// The snake_case name serde gives an enum variant (`Person` → `person`), as stored in `kind` columns.
pub(crate) fn variant_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// The article text under a span; empty when a span is out of range or splits a character, so a
/// buggy annotator cannot make saving fail.
fn covered(article: &Article, span: Span) -> &str {
    article.text.get(span.range()).unwrap_or("")
}

fn insert_sentences(tx: &Transaction, a: &Article) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO sentences (article_id, idx, start, \"end\", paragraph, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, s) in a.sentences.iter().enumerate() {
        stmt.execute(params![
            a.id,
            i,
            s.span.start,
            s.span.end,
            s.paragraph,
            covered(a, s.span)
        ])?;
    }
    Ok(())
}

fn insert_actors(tx: &Transaction, a: &Article) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO actors (article_id, idx, actor_id, name, kind, code, alt_codes, country, wikipedia)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, actor) in a.actors.iter().enumerate() {
        stmt.execute(params![
            a.id,
            i,
            actor.id,
            actor.name,
            variant_name(&actor.kind),
            actor.code,
            actor.alt_codes.join(" "),
            actor.country,
            actor.wikipedia
        ])?;
    }
    Ok(())
}

fn insert_mentions(tx: &Transaction, a: &Article) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO mentions (article_id, idx, actor_idx, start, \"end\", text, kind, code, sentence, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, m) in a.mentions.iter().enumerate() {
        stmt.execute(params![
            a.id,
            i,
            m.actor,
            m.span.start,
            m.span.end,
            covered(a, m.span),
            variant_name(&m.kind),
            m.code,
            m.sentence,
            m.confidence
        ])?;
    }
    Ok(())
}

fn insert_quotes(tx: &Transaction, a: &Article) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO quotes (article_id, idx, start, \"end\", text, kind, speaker_idx, verb, addressee,
                             addressee_idx, sentence, said_on, said_day, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for (i, q) in a.quotes.iter().enumerate() {
        let said_day = item_day(q.said_on.as_deref(), a.meta.published);
        stmt.execute(params![
            a.id,
            i,
            q.span.start,
            q.span.end,
            covered(a, q.span),
            variant_name(&q.kind),
            q.speaker,
            q.verb,
            q.addressee,
            q.addressee_actor,
            q.sentence,
            q.said_on,
            said_day,
            q.confidence
        ])?;
    }
    Ok(())
}

fn insert_timexes(tx: &Transaction, a: &Article) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO timexes (article_id, idx, start, \"end\", text, type, value, modifier,
                              interval_start, interval_end, sentence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (i, t) in a.timexes.iter().enumerate() {
        stmt.execute(params![
            a.id,
            i,
            t.span.start,
            t.span.end,
            covered(a, t.span),
            variant_name(&t.kind),
            t.value,
            t.modifier,
            t.interval.map(|iv| iv.start),
            t.interval.map(|iv| iv.end),
            t.sentence
        ])?;
    }
    Ok(())
}

fn insert_events(tx: &Transaction, a: &Article) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO events (article_id, idx, source_idx, target_idx, source_actor_id, target_actor_id,
                             source_code, target_code, cameo, plover, goldstein, trigger_start,
                             trigger_end, trigger_text, sentence, date, day, week, quote_idx, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
    )?;
    let actor_id = |idx: Option<usize>| idx.and_then(|i| a.actors.get(i)).map(|x| x.id.as_str());
    for (i, e) in a.events.iter().enumerate() {
        let day = item_day(e.date.as_deref(), a.meta.published);
        stmt.execute(params![
            a.id,
            i,
            e.source,
            e.target,
            actor_id(e.source),
            actor_id(e.target),
            e.source_code,
            e.target_code,
            e.cameo,
            e.plover,
            e.goldstein,
            e.trigger.start,
            e.trigger.end,
            covered(a, e.trigger),
            e.sentence,
            e.date,
            day,
            day.map(iso_week_label),
            e.quote,
            e.confidence
        ])?;
    }
    Ok(())
}

fn insert_claims(tx: &Transaction, a: &Article) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO claims (article_id, idx, kind, speaker_idx, speaker_code, start, \"end\", text,
                             trigger_start, trigger_end, made_on, deadline, deadline_timex, sentence, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    for (i, c) in a.claims.iter().enumerate() {
        stmt.execute(params![
            a.id,
            i,
            variant_name(&c.kind),
            c.speaker,
            c.speaker_code,
            c.span.start,
            c.span.end,
            covered(a, c.span),
            c.trigger.start,
            c.trigger.end,
            c.made_on,
            c.deadline,
            c.deadline_timex,
            c.sentence,
            c.confidence
        ])?;
    }
    Ok(())
}

/// The layers as deflate-compressed JSON. Serialised into memory first and deflated in one
/// write: streaming the serialiser into the encoder made one tiny encoder call per token field,
/// and that cost more than the compression itself.
fn compress_layers(layers: &impl Serialize) -> Result<Vec<u8>, String> {
    let json = serde_json::to_vec(layers).map_err(|e| e.to_string())?;
    let mut encoder = DeflateEncoder::new(Vec::with_capacity(json.len() / 4), LAYERS_LEVEL);
    encoder.write_all(&json).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

/// Decodes `articles.layers`: compressed JSON (schema version 2), or plain JSON text as
/// version 1 wrote it.
fn decode_layers(stored: &Value) -> Result<OwnedLayers, String> {
    match stored {
        Value::Blob(bytes) => serde_json::from_reader(DeflateDecoder::new(bytes.as_slice()))
            .map_err(|e| e.to_string()),
        Value::Text(json) => serde_json::from_str(json).map_err(|e| e.to_string()),
        other => Err(format!("unexpected {:?} value", other.data_type())),
    }
}

/// An `articles` row as read back, before its layers are decoded.
pub(crate) struct StoredArticle {
    id: String,
    meta: ArticleMeta,
    text: String,
    text_hash: String,
    layers: Value,
    coder_version: Option<String>,
}

impl StoredArticle {
    pub(crate) fn from_row(row: &Row) -> rusqlite::Result<StoredArticle> {
        Ok(StoredArticle {
            id: row.get("id")?,
            meta: ArticleMeta {
                title: row.get("title")?,
                url: row.get("url")?,
                source: row.get("source")?,
                published: row.get("published")?,
                origin: row.get("origin")?,
            },
            text: row.get("text")?,
            text_hash: row.get("text_hash")?,
            layers: row.get("layers")?,
            coder_version: row.get("coder_version")?,
        })
    }

    pub(crate) fn into_article(self) -> Result<Article, StoreError> {
        let layers = decode_layers(&self.layers).map_err(|reason| StoreError::CorruptLayers {
            id: self.id.clone(),
            reason,
        })?;
        Ok(Article {
            id: self.id,
            meta: self.meta,
            text: self.text,
            text_hash: self.text_hash,
            paragraphs: layers.paragraphs,
            sentences: layers.sentences,
            tokens: layers.tokens,
            actors: layers.actors,
            mentions: layers.mentions,
            quotes: layers.quotes,
            timexes: layers.timexes,
            events: layers.events,
            claims: layers.claims,
            places: layers.places,
            event_geo: layers.event_geo,
            coder_version: self.coder_version,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventwire_model::fixtures;
    use std::io::Read;

    #[test]
    fn layers_deflated_in_one_write_are_the_bytes_the_streaming_encoder_wrote_and_decode_back() {
        let article = fixtures::annotated_article("a1");
        let layers = (&article.sentences, &article.tokens, &article.mentions);
        let compressed = compress_layers(&layers).unwrap();
        let mut streamed = DeflateEncoder::new(Vec::new(), LAYERS_LEVEL);
        serde_json::to_writer(&mut streamed, &layers).unwrap();
        assert!(compressed == streamed.finish().unwrap());
        let mut decoded = Vec::new();
        DeflateDecoder::new(compressed.as_slice())
            .read_to_end(&mut decoded)
            .unwrap();
        assert!(decoded == serde_json::to_vec(&layers).unwrap());
    }
}
