//! Filtered, paginated read queries over the layer tables: what the CLI, the HTTP API and the
//! exporters ask the store. Every query takes a [`Page`] (bounded) and returns serialisable rows
//! in a stable order, so callers can page through a whole table with bounded memory.
//!
//! Actor filters (`speaker`, `source`, …) match an actor's canonical id or CAMEO code exactly
//! (case-insensitive) or a substring of its display name: `putin`, `RUSGOV` and
//! `vladimir_putin` all find Vladimir Putin.

pub use crate::places::GeoColumns;
use crate::places::{geo_at, geo_select, GEO_COLUMNS};
use crate::write::variant_name;
use crate::{Store, StoreError};
use chrono::NaiveDate;
use eventwire_model::{Claim, ClaimKind, ClaimStatus, QuoteKind, Span};
use rusqlite::types::Value;
use rusqlite::Row;
use serde::{Deserialize, Serialize};

/// The largest page a query returns.
pub const MAX_PAGE_SIZE: u32 = 1000;
/// Page size when the caller gives none.
pub const DEFAULT_PAGE_SIZE: u32 = 50;

/// A window on a result list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Page {
    pub limit: u32,
    pub offset: u64,
}

impl Page {
    /// A page of `limit` rows (1 ..= [`MAX_PAGE_SIZE`]) starting at row `offset`.
    pub fn new(limit: u32, offset: u64) -> Result<Page, StoreError> {
        if !(1..=MAX_PAGE_SIZE).contains(&limit) {
            return Err(StoreError::InvalidQuery(format!(
                "page size {limit} is outside 1..={MAX_PAGE_SIZE}"
            )));
        }
        if offset > i64::MAX as u64 {
            return Err(StoreError::InvalidQuery(format!(
                "offset {offset} is too large"
            )));
        }
        Ok(Page { limit, offset })
    }

    /// The page after this one.
    pub fn next(self) -> Page {
        Page {
            offset: self.offset + u64::from(self.limit),
            ..self
        }
    }
}

impl Default for Page {
    fn default() -> Self {
        Page {
            limit: DEFAULT_PAGE_SIZE,
            offset: 0,
        }
    }
}

/// A SQL `WHERE` clause built from optional filters, with its positional parameters.
#[derive(Default)]
struct Conditions {
    clauses: Vec<String>,
    params: Vec<Value>,
}

impl Conditions {
    fn push(&mut self, clause: &str, params: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause.to_owned());
        self.params.extend(params);
    }

    /// Adds an actor match on the `actors` row aliased `alias`.
    fn actor(&mut self, alias: &str, needle: &str) {
        self.push(&actor_clause(alias), actor_params(needle));
    }

    fn day_range(&mut self, column: &str, since: Option<NaiveDate>, until: Option<NaiveDate>) {
        if let Some(since) = since {
            self.push(&format!("{column} >= ?"), [Value::Text(since.to_string())]);
        }
        if let Some(until) = until {
            self.push(&format!("{column} <= ?"), [Value::Text(until.to_string())]);
        }
    }

    fn equals(&mut self, column: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.push(&format!("{column} = ?"), [Value::Text(value.to_owned())]);
        }
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }
}

fn actor_clause(alias: &str) -> String {
    format!(
        "({alias}.actor_id = ? COLLATE NOCASE OR {alias}.code = ? COLLATE NOCASE OR {alias}.name LIKE ?)"
    )
}

fn actor_params(needle: &str) -> [Value; 3] {
    let needle = needle.trim();
    [
        Value::Text(needle.to_owned()),
        Value::Text(needle.to_owned()),
        Value::Text(format!("%{needle}%")),
    ]
}

fn contains_pattern(needle: &str) -> Value {
    Value::Text(format!("%{}%", needle.trim()))
}

impl Store {
    /// Runs `select … {where} … ORDER BY … LIMIT/OFFSET` and maps each row.
    fn rows<T>(
        &self,
        sql: &str,
        conditions: Conditions,
        page: Page,
        map: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let sql = format!("{sql} LIMIT {} OFFSET {}", page.limit, page.offset)
            .replace("{where}", &conditions.sql());
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(conditions.params), map)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

// ---------------------------------------------------------------------------------------------
// Articles

#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    /// Substring of the title or text.
    pub search: Option<String>,
    /// Only articles with this actor (id, code or part of the name).
    pub actor: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub sentences: u64,
    pub actors: u64,
    pub quotes: u64,
    pub events: u64,
}

impl Store {
    pub fn articles(
        &self,
        filter: &ArticleFilter,
        page: Page,
    ) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut c = Conditions::default();
        if let Some(search) = &filter.search {
            c.push(
                "(a.title LIKE ? OR a.text LIKE ?)",
                [contains_pattern(search), contains_pattern(search)],
            );
        }
        if let Some(actor) = &filter.actor {
            let clause = format!(
                "EXISTS (SELECT 1 FROM actors x WHERE x.article_id = a.id AND {})",
                actor_clause("x")
            );
            c.push(&clause, actor_params(actor));
        }
        c.day_range("a.published", filter.since, filter.until);
        let sql = "SELECT a.id, a.title, a.source, a.url, a.published,
                (SELECT count(*) FROM sentences s WHERE s.article_id = a.id),
                (SELECT count(*) FROM actors s WHERE s.article_id = a.id),
                (SELECT count(*) FROM quotes s WHERE s.article_id = a.id),
                (SELECT count(*) FROM events s WHERE s.article_id = a.id)
            FROM articles a {where} ORDER BY a.published DESC, a.id";
        self.rows(sql, c, page, |r| {
            Ok(ArticleSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                source: r.get(2)?,
                url: r.get(3)?,
                published: r.get(4)?,
                sentences: r.get(5)?,
                actors: r.get(6)?,
                quotes: r.get(7)?,
                events: r.get(8)?,
            })
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Actors

#[derive(Debug, Clone, Default)]
pub struct ActorFilter {
    pub article: Option<String>,
    /// Actor id, code or part of the name.
    pub actor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRow {
    pub article_id: String,
    pub idx: usize,
    pub actor_id: String,
    pub name: String,
    pub kind: String,
    pub code: Option<String>,
    pub country: Option<String>,
    pub mentions: Vec<MentionRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionRow {
    pub text: String,
    pub kind: String,
    pub code: Option<String>,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
}

impl Store {
    /// Actors, each with all its mentions in text order.
    pub fn actors(&self, filter: &ActorFilter, page: Page) -> Result<Vec<ActorRow>, StoreError> {
        let mut c = Conditions::default();
        c.equals("x.article_id", filter.article.as_deref());
        if let Some(actor) = &filter.actor {
            c.actor("x", actor);
        }
        let sql = "SELECT x.article_id, x.idx, x.actor_id, x.name, x.kind, x.code, x.country
            FROM actors x {where} ORDER BY x.article_id, x.idx";
        let mut actors = self.rows(sql, c, page, |r| {
            Ok(ActorRow {
                article_id: r.get(0)?,
                idx: r.get(1)?,
                actor_id: r.get(2)?,
                name: r.get(3)?,
                kind: r.get(4)?,
                code: r.get(5)?,
                country: r.get(6)?,
                mentions: Vec::new(),
            })
        })?;
        let mut stmt = self.conn().prepare(
            "SELECT text, kind, code, start, \"end\", sentence FROM mentions
             WHERE article_id = ?1 AND actor_idx = ?2 ORDER BY start",
        )?;
        for actor in &mut actors {
            let rows = stmt.query_map(rusqlite::params![actor.article_id, actor.idx], |r| {
                Ok(MentionRow {
                    text: r.get(0)?,
                    kind: r.get(1)?,
                    code: r.get(2)?,
                    start: r.get(3)?,
                    end: r.get(4)?,
                    sentence: r.get(5)?,
                })
            })?;
            actor.mentions = rows.collect::<Result<_, _>>()?;
        }
        Ok(actors)
    }
}

impl Store {
    /// Distinct actor names in the whole database matching `needle` (an actor id or CAMEO code
    /// exactly, or part of the name), alphabetically: what the web page's actor picker suggests
    /// as one types.
    pub fn actor_names(&self, needle: &str, page: Page) -> Result<Vec<String>, StoreError> {
        let mut c = Conditions::default();
        c.actor("x", needle);
        let sql = "SELECT DISTINCT x.name FROM actors x {where} ORDER BY x.name";
        self.rows(sql, c, page, |r| r.get(0))
    }
}

// ---------------------------------------------------------------------------------------------
// Quotes

#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    pub article: Option<String>,
    /// The speaker: actor id, code or part of the name.
    pub speaker: Option<String>,
    /// An actor mentioned inside the quote.
    pub about: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Substring of the quote text.
    pub search: Option<String>,
    /// The kind by its stored name ("direct", "belief", "stance", …); an unknown name is an
    /// invalid query.
    pub kind: Option<String>,
}

/// Where an item sits in its article, for showing its evidence sentence highlighted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub sentence: usize,
    pub sentence_text: String,
    /// Byte span of the sentence in the article text.
    pub sentence_start: usize,
    pub sentence_end: usize,
    /// Byte span of the item itself (quote content, event trigger) in the article text.
    pub start: usize,
    pub end: usize,
}

/// Where a row's article came from and what coded it (GDELT's SOURCEURL and source).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    pub url: Option<String>,
    /// The outlet ("Reuters", "Wikinews").
    pub source: Option<String>,
    /// The eventwire build and data hash that coded the article.
    pub coder_version: Option<String>,
}

/// Reads the three provenance columns starting at `first`: url, source, coder version.
fn provenance_at(r: &Row, first: usize) -> rusqlite::Result<Provenance> {
    Ok(Provenance {
        url: r.get(first)?,
        source: r.get(first + 1)?,
        coder_version: r.get(first + 2)?,
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRow {
    pub article_id: String,
    pub idx: usize,
    pub text: String,
    pub kind: String,
    pub speaker_id: Option<String>,
    pub speaker_name: Option<String>,
    pub speaker_code: Option<String>,
    pub verb: Option<String>,
    pub addressee: Option<String>,
    pub said_on: Option<String>,
    pub said_day: Option<NaiveDate>,
    pub confidence: f64,
    pub evidence: Evidence,
    pub provenance: Provenance,
}

impl Store {
    pub fn quotes(&self, filter: &QuoteFilter, page: Page) -> Result<Vec<QuoteRow>, StoreError> {
        let mut c = Conditions::default();
        // A quoted term (scare quote, title, name) quotes nobody: not a quote to list. Terms stay
        // in the article's layers and in the export.
        c.push("q.kind <> 'term'", []);
        c.equals("q.article_id", filter.article.as_deref());
        if let Some(speaker) = &filter.speaker {
            c.actor("sp", speaker);
        }
        if let Some(about) = &filter.about {
            let clause = format!(
                "EXISTS (SELECT 1 FROM mentions m JOIN actors ab
                    ON ab.article_id = m.article_id AND ab.idx = m.actor_idx
                 WHERE m.article_id = q.article_id AND m.start >= q.start AND m.\"end\" <= q.\"end\"
                   AND {})",
                actor_clause("ab")
            );
            c.push(&clause, actor_params(about));
        }
        c.day_range("q.said_day", filter.since, filter.until);
        if let Some(search) = &filter.search {
            c.push("q.text LIKE ?", [contains_pattern(search)]);
        }
        if let Some(kind) = &filter.kind {
            let kind: QuoteKind = kind.parse().map_err(StoreError::InvalidQuery)?;
            c.equals("q.kind", Some(kind.name()));
        }
        let sql =
            "SELECT q.article_id, q.idx, q.text, q.kind, sp.actor_id, sp.name, sp.code, q.verb,
                q.addressee, q.said_on, q.said_day, q.confidence,
                q.sentence, s.text, s.start, s.\"end\", q.start, q.\"end\",
                a.url, a.source, a.coder_version
            FROM quotes q
            JOIN articles a ON a.id = q.article_id
            LEFT JOIN actors sp ON sp.article_id = q.article_id AND sp.idx = q.speaker_idx
            LEFT JOIN sentences s ON s.article_id = q.article_id AND s.idx = q.sentence
            {where} ORDER BY q.said_day, q.article_id, q.idx";
        self.rows(sql, c, page, |r| {
            Ok(QuoteRow {
                article_id: r.get(0)?,
                idx: r.get(1)?,
                text: r.get(2)?,
                kind: r.get(3)?,
                speaker_id: r.get(4)?,
                speaker_name: r.get(5)?,
                speaker_code: r.get(6)?,
                verb: r.get(7)?,
                addressee: r.get(8)?,
                said_on: r.get(9)?,
                said_day: r.get(10)?,
                confidence: r.get(11)?,
                evidence: evidence_at(r, 12)?,
                provenance: provenance_at(r, 18)?,
            })
        })
    }
}

/// Reads the six evidence columns starting at `first`: sentence idx, text, start, end, item start, end.
fn evidence_at(r: &Row, first: usize) -> rusqlite::Result<Evidence> {
    Ok(Evidence {
        sentence: r.get(first)?,
        sentence_text: r.get::<_, Option<String>>(first + 1)?.unwrap_or_default(),
        sentence_start: r.get::<_, Option<usize>>(first + 2)?.unwrap_or_default(),
        sentence_end: r.get::<_, Option<usize>>(first + 3)?.unwrap_or_default(),
        start: r.get(first + 4)?,
        end: r.get(first + 5)?,
    })
}

// ---------------------------------------------------------------------------------------------
// Events

#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub article: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    /// An actor on either side (source or target).
    pub actor: Option<String>,
    /// Events between two actors in either direction (a timeline of the pair).
    pub between: Option<(String, String)>,
    /// PLOVER type (`CONSULT`) or CAMEO code prefix (`03`, `036`).
    pub kind: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Substring of the evidence sentence.
    pub search: Option<String>,
    /// ISO 3166-1 alpha-3 country of the event's action geography.
    pub country: Option<String>,
    /// Action geography inside this box.
    pub bbox: Option<BoundingBox>,
}

/// A rectangle of longitudes and latitudes (degrees, WGS84), west ≤ east, south ≤ north.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BoundingBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    pub actor_id: Option<String>,
    pub name: Option<String>,
    /// The code as coded for this event (mention level), else the actor's own code.
    pub code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    pub article_id: String,
    pub idx: usize,
    pub source: EventActor,
    pub target: EventActor,
    pub cameo: String,
    pub plover: String,
    pub goldstein: f64,
    pub trigger: String,
    pub date: Option<String>,
    pub day: Option<NaiveDate>,
    pub week: Option<String>,
    pub confidence: f64,
    /// Cross-article dedup, as GDELT counts: how many event mentions, distinct articles and
    /// distinct outlets report this (source, CAMEO, target, day) event.
    pub num_mentions: u64,
    pub num_articles: u64,
    pub num_sources: u64,
    pub evidence: Evidence,
    pub provenance: Provenance,
    /// GDELT's ActionGeo, Actor1Geo and Actor2Geo (schema version 4; `None` when not placed).
    pub action_geo: Option<GeoColumns>,
    pub actor1_geo: Option<GeoColumns>,
    pub actor2_geo: Option<GeoColumns>,
}

impl EventFilter {
    fn conditions(&self) -> Conditions {
        let mut c = Conditions::default();
        c.equals("e.article_id", self.article.as_deref());
        c.equals("ag.country_code", self.country.as_deref());
        if let Some(b) = self.bbox {
            let bounds = [b.west, b.east, b.south, b.north].map(Value::Real);
            c.push("ag.lon BETWEEN ? AND ? AND ag.lat BETWEEN ? AND ?", bounds);
        }
        if let Some(source) = &self.source {
            c.actor("src", source);
        }
        if let Some(target) = &self.target {
            c.actor("tgt", target);
        }
        if let Some(actor) = &self.actor {
            let clause = format!("({} OR {})", actor_clause("src"), actor_clause("tgt"));
            c.push(
                &clause,
                [actor, actor].into_iter().flat_map(|x| actor_params(x)),
            );
        }
        if let Some((a, b)) = &self.between {
            let (src, tgt) = (actor_clause("src"), actor_clause("tgt"));
            let clause = format!("(({src} AND {tgt}) OR ({src} AND {tgt}))");
            let params = [a, b, b, a].into_iter().flat_map(|x| actor_params(x));
            c.push(&clause, params);
        }
        if let Some(kind) = &self.kind {
            let kind = kind.trim();
            c.push(
                "(e.plover = ? COLLATE NOCASE OR e.cameo LIKE ?)",
                [
                    Value::Text(kind.to_owned()),
                    Value::Text(format!("{kind}%")),
                ],
            );
        }
        c.day_range("e.day", self.since, self.until);
        if let Some(search) = &self.search {
            c.push("s.text LIKE ?", [contains_pattern(search)]);
        }
        c
    }
}

/// The joins every event query needs: both actors, the evidence sentence.
const EVENT_JOINS: &str = "FROM events e
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN actors src ON src.article_id = e.article_id AND src.idx = e.source_idx
    LEFT JOIN actors tgt ON tgt.article_id = e.article_id AND tgt.idx = e.target_idx
    LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
    LEFT JOIN event_geo ag ON ag.article_id = e.article_id AND ag.event_idx = e.idx
        AND ag.role = 'action'
    LEFT JOIN event_geo g1 ON g1.article_id = e.article_id AND g1.event_idx = e.idx
        AND g1.role = 'actor1'
    LEFT JOIN event_geo g2 ON g2.article_id = e.article_id AND g2.event_idx = e.idx
        AND g2.role = 'actor2'";

/// The cross-article dedup key (the `event_records` view's grouping): event `d` is the same
/// event as `e` when source, CAMEO code, target and day agree.
const SAME_EVENT: &str = "d.source_actor_id IS e.source_actor_id AND d.cameo = e.cameo
    AND d.target_actor_id IS e.target_actor_id AND d.day IS e.day";

/// Event counts by ISO week and PLOVER type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekCount {
    pub week: Option<String>,
    pub plover: String,
    pub events: u64,
    pub mean_goldstein: f64,
}

impl Store {
    /// Events in date order, each with its dedup counts and evidence sentence.
    pub fn events(&self, filter: &EventFilter, page: Page) -> Result<Vec<EventRow>, StoreError> {
        let sql = format!(
            "SELECT e.article_id, e.idx, src.actor_id, src.name, coalesce(e.source_code, src.code),
                tgt.actor_id, tgt.name, coalesce(e.target_code, tgt.code), e.cameo, e.plover,
                e.goldstein, e.trigger_text, e.date, e.day, e.week, e.confidence,
                (SELECT count(*) FROM events d WHERE {SAME_EVENT}),
                (SELECT count(DISTINCT d.article_id) FROM events d WHERE {SAME_EVENT}),
                (SELECT count(DISTINCT coalesce(da.source, da.id)) FROM events d
                    JOIN articles da ON da.id = d.article_id WHERE {SAME_EVENT}),
                e.sentence, s.text, s.start, s.\"end\", e.trigger_start, e.trigger_end,
                a.url, a.source, a.coder_version, {}, {}, {}
            {EVENT_JOINS} {{where}} ORDER BY e.day, e.article_id, e.idx",
            geo_select("ag"),
            geo_select("g1"),
            geo_select("g2")
        );
        self.rows(&sql, filter.conditions(), page, |r| {
            Ok(EventRow {
                article_id: r.get(0)?,
                idx: r.get(1)?,
                source: EventActor {
                    actor_id: r.get(2)?,
                    name: r.get(3)?,
                    code: r.get(4)?,
                },
                target: EventActor {
                    actor_id: r.get(5)?,
                    name: r.get(6)?,
                    code: r.get(7)?,
                },
                cameo: r.get(8)?,
                plover: r.get(9)?,
                goldstein: r.get(10)?,
                trigger: r.get(11)?,
                date: r.get(12)?,
                day: r.get(13)?,
                week: r.get(14)?,
                confidence: r.get(15)?,
                num_mentions: r.get(16)?,
                num_articles: r.get(17)?,
                num_sources: r.get(18)?,
                evidence: evidence_at(r, 19)?,
                provenance: provenance_at(r, 25)?,
                action_geo: geo_at(r, 28)?,
                actor1_geo: geo_at(r, 28 + GEO_COLUMNS)?,
                actor2_geo: geo_at(r, 28 + 2 * GEO_COLUMNS)?,
            })
        })
    }

    /// How many events of each PLOVER type happened each ISO week (events without a day are
    /// grouped under a `null` week).
    pub fn event_counts(
        &self,
        filter: &EventFilter,
        page: Page,
    ) -> Result<Vec<WeekCount>, StoreError> {
        let sql = format!(
            "SELECT e.week, e.plover, count(*), avg(e.goldstein) {EVENT_JOINS} {{where}}
             GROUP BY e.week, e.plover ORDER BY e.week, e.plover"
        );
        self.rows(&sql, filter.conditions(), page, |r| {
            Ok(WeekCount {
                week: r.get(0)?,
                plover: r.get(1)?,
                events: r.get(2)?,
                mean_goldstein: r.get(3)?,
            })
        })
    }

    /// Events between two actors, in either direction, in date order.
    pub fn timeline(&self, a: &str, b: &str, page: Page) -> Result<Vec<EventRow>, StoreError> {
        let filter = EventFilter {
            between: Some((a.to_owned(), b.to_owned())),
            ..EventFilter::default()
        };
        self.events(&filter, page)
    }
}

// ---------------------------------------------------------------------------------------------
// Temporal expressions

#[derive(Debug, Clone, Default)]
pub struct TimexFilter {
    pub article: Option<String>,
    /// TIMEX3 type: `DATE`, `TIME`, `DURATION`, `SET`.
    pub kind: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimexRow {
    pub article_id: String,
    pub idx: usize,
    pub text: String,
    pub kind: String,
    pub value: String,
    pub modifier: Option<String>,
    pub interval_start: Option<NaiveDate>,
    pub interval_end: Option<NaiveDate>,
    pub published: Option<NaiveDate>,
    pub evidence: Evidence,
}

impl Store {
    pub fn timexes(&self, filter: &TimexFilter, page: Page) -> Result<Vec<TimexRow>, StoreError> {
        let mut c = Conditions::default();
        c.equals("t.article_id", filter.article.as_deref());
        c.equals(
            "t.type",
            filter.kind.as_deref().map(str::to_uppercase).as_deref(),
        );
        let sql = "SELECT t.article_id, t.idx, t.text, t.type, t.value, t.modifier, t.interval_start,
                t.interval_end, a.published, t.sentence, s.text, s.start, s.\"end\", t.start, t.\"end\"
            FROM timexes t
            JOIN articles a ON a.id = t.article_id
            LEFT JOIN sentences s ON s.article_id = t.article_id AND s.idx = t.sentence
            {where} ORDER BY t.article_id, t.idx";
        self.rows(sql, c, page, |r| {
            Ok(TimexRow {
                article_id: r.get(0)?,
                idx: r.get(1)?,
                text: r.get(2)?,
                kind: r.get(3)?,
                value: r.get(4)?,
                modifier: r.get(5)?,
                interval_start: r.get(6)?,
                interval_end: r.get(7)?,
                published: r.get(8)?,
                evidence: evidence_at(r, 9)?,
            })
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Promises and other claims

#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    pub article: Option<String>,
    pub speaker: Option<String>,
    /// `promise`, `prediction` or `assertion`.
    pub kind: Option<ClaimKind>,
    /// Only claims whose deadline falls on or before this day.
    pub due_by: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRow {
    pub article_id: String,
    pub idx: usize,
    pub speaker_name: Option<String>,
    pub text: String,
    pub claim: Claim,
    /// Where the claim stands on the query's reference day.
    pub status: ClaimStatus,
    pub evidence: Evidence,
}

impl Store {
    /// Claims with their status on `as_of` (open / due / past due).
    pub fn claims(
        &self,
        filter: &ClaimFilter,
        as_of: NaiveDate,
        page: Page,
    ) -> Result<Vec<ClaimRow>, StoreError> {
        let mut c = Conditions::default();
        c.equals("c.article_id", filter.article.as_deref());
        if let Some(speaker) = &filter.speaker {
            c.actor("sp", speaker);
        }
        if let Some(kind) = filter.kind {
            c.push("c.kind = ?", [Value::Text(variant_name(&kind))]);
        }
        c.day_range("c.deadline", None, filter.due_by);
        let sql =
            "SELECT c.article_id, c.idx, sp.name, c.text, c.kind, c.speaker_idx, c.speaker_code,
                c.start, c.\"end\", c.trigger_start, c.trigger_end, c.made_on, c.deadline,
                c.deadline_timex, c.confidence,
                c.sentence, s.text, s.start, s.\"end\", c.start, c.\"end\"
            FROM claims c
            LEFT JOIN actors sp ON sp.article_id = c.article_id AND sp.idx = c.speaker_idx
            LEFT JOIN sentences s ON s.article_id = c.article_id AND s.idx = c.sentence
            {where} ORDER BY c.deadline IS NULL, c.deadline, c.article_id, c.idx";
        self.rows(sql, c, page, |r| {
            let claim = Claim {
                kind: claim_kind(&r.get::<_, String>(4)?),
                speaker: r.get(5)?,
                speaker_code: r.get(6)?,
                span: Span::new(r.get(7)?, r.get(8)?),
                trigger: Span::new(r.get(9)?, r.get(10)?),
                made_on: r.get(11)?,
                deadline: r.get(12)?,
                deadline_timex: r.get(13)?,
                sentence: r.get(15)?,
                confidence: r.get(14)?,
            };
            Ok(ClaimRow {
                article_id: r.get(0)?,
                idx: r.get(1)?,
                speaker_name: r.get(2)?,
                text: r.get(3)?,
                status: claim.status(as_of),
                claim,
                evidence: evidence_at(r, 15)?,
            })
        })
    }
}

/// Parses a stored claim kind; unknown values (from a hand-edited database) read as assertions,
/// the kind that promises nothing.
fn claim_kind(name: &str) -> ClaimKind {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .unwrap_or(ClaimKind::Assertion)
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
