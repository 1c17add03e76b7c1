//! The read-only HTTP API and web page over an eventwire database.
//!
//! JSON endpoints under `/api/` (filterable, paginated, validated by [`params`]), the OpenAPI
//! document at `/openapi.json`, and a single-file web page at `/` (timeline of an actor pair,
//! quotes per speaker, a world map of the pair's events, evidence sentence highlighted). Each request opens the database read-only
//! on a blocking thread, so the server can never modify it and requests do not share a connection.

mod error;
mod params;
mod spec;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
pub use error::ApiError;
use eventwire_model::ClaimKind;
use eventwire_store::query::{
    ActorFilter, ArticleFilter, ClaimFilter, EventFilter, Page, QuoteFilter,
};
use eventwire_store::{Store, StoreError};
use params::Params;
use serde::Serialize;
use spec::Endpoint;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

const INDEX_HTML: &str = include_str!("../assets/index.html");
/// The world map's country shapes (world-atlas, ISC; see assets/README.md), in the binary so the
/// page draws its map offline, with no tile server.
const COUNTRIES_TOPOJSON: &str = include_str!("../assets/countries-110m.json");
/// Where the page fetches [`COUNTRIES_TOPOJSON`] from.
pub const COUNTRIES_PATH: &str = "/assets/countries-110m.json";

type RawQuery = Result<Query<HashMap<String, String>>, QueryRejection>;
type ApiResult = Result<Response, ApiError>;

#[derive(Clone)]
struct AppState {
    db: Arc<PathBuf>,
}

/// The application: every route, bound to the database at `db`.
pub fn router(db: PathBuf) -> Router {
    Router::new()
        .route("/", get(|| async { Html(INDEX_HTML) }))
        .route(COUNTRIES_PATH, get(countries))
        .route("/openapi.json", get(|| async { Json(spec::openapi()) }))
        .route(spec::STATS.path, get(stats))
        .route(spec::ARTICLES.path, get(articles))
        .route(spec::ARTICLE_BY_ID.path, get(article))
        .route(spec::ACTORS.path, get(actors))
        .route(spec::ACTOR_NAMES.path, get(actor_names))
        .route(spec::QUOTES.path, get(quotes))
        .route(spec::EVENTS.path, get(events))
        .route(spec::EVENT_COUNTS.path, get(event_counts))
        .route(spec::TIMELINE.path, get(timeline))
        .route(spec::PROMISES.path, get(promises))
        .fallback(|| async { ApiError::not_found("no such endpoint; see /openapi.json") })
        .method_not_allowed_fallback(|| async {
            ApiError::method_not_allowed("the API is read-only: GET only")
        })
        .with_state(AppState { db: Arc::new(db) })
}

/// The country shapes as JSON; they never change while the binary runs, so browsers may keep them.
async fn countries() -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        COUNTRIES_TOPOJSON,
    )
        .into_response()
}

/// Serves until interrupted (Ctrl-C), on a runtime of its own so callers need no async code.
pub fn serve(db: PathBuf, addr: SocketAddr) -> anyhow::Result<()> {
    Store::open_read_only(&db)?; // fail at start, not on the first request
    tokio::runtime::Runtime::new()?.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        eprintln!(
            "eventwire: serving {} on http://{}",
            db.display(),
            listener.local_addr()?
        );
        axum::serve(listener, router(db))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}

/// Runs `query` against a read-only connection on a blocking thread.
async fn with_store<T: Send + 'static>(
    state: &AppState,
    query: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let db = state.db.clone();
    tokio::task::spawn_blocking(move || query(&Store::open_read_only(&db)?))
        .await
        .map_err(|e| ApiError::internal(format!("query task failed: {e}")))?
}

fn params(raw: RawQuery, endpoint: &Endpoint) -> Result<Params, ApiError> {
    let Query(map) = raw.map_err(|e| ApiError::bad_request(e.body_text()))?;
    Params::validate(map, endpoint)
}

/// Runs a paged query for one row more than the page holds, so that the answer can say whether
/// rows remain (`next_offset`, null on the last page) without counting the whole result.
async fn paged<T: Serialize + Send + 'static>(
    state: &AppState,
    page: Page,
    query: impl FnOnce(&Store, Page) -> Result<Vec<T>, StoreError> + Send + 'static,
) -> ApiResult {
    let lookahead = Page {
        limit: page.limit + 1,
        ..page
    };
    let mut items = with_store(state, move |s| Ok(query(s, lookahead)?)).await?;
    let more = items.len() > page.limit as usize;
    items.truncate(page.limit as usize);
    let next_offset = more.then(|| page.next().offset);
    Ok(Json(serde_json::json!({
        "items": items,
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": next_offset,
    }))
    .into_response())
}

async fn stats(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    params(raw, &spec::STATS)?;
    let stats = with_store(&state, |s| Ok(s.stats()?)).await?;
    Ok(Json(stats).into_response())
}

async fn articles(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    let p = params(raw, &spec::ARTICLES)?;
    let filter = ArticleFilter {
        search: p.text("q"),
        actor: p.text("actor"),
        since: p.date("since"),
        until: p.date("until"),
    };
    let page = p.page;
    paged(&state, page, move |s, page| s.articles(&filter, page)).await
}

async fn article(
    State(state): State<AppState>,
    UrlPath(id): UrlPath<String>,
    raw: RawQuery,
) -> ApiResult {
    params(raw, &spec::ARTICLE_BY_ID)?;
    params::check_length("id", &id)?;
    let missing = format!("no article {id:?}");
    let found = with_store(&state, move |s| Ok(s.article(&id)?)).await?;
    found
        .map(|a| Json(a).into_response())
        .ok_or_else(|| ApiError::not_found(missing))
}

async fn actors(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    let p = params(raw, &spec::ACTORS)?;
    let filter = ActorFilter {
        article: p.text("article"),
        actor: p.text("actor"),
    };
    let page = p.page;
    paged(&state, page, move |s, page| s.actors(&filter, page)).await
}

async fn actor_names(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    let p = params(raw, &spec::ACTOR_NAMES)?;
    let needle = p.text("q").unwrap_or_default();
    paged(&state, p.page, move |s, page| s.actor_names(&needle, page)).await
}

async fn quotes(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    let p = params(raw, &spec::QUOTES)?;
    let filter = QuoteFilter {
        article: p.text("article"),
        speaker: p.text("speaker"),
        about: p.text("about"),
        since: p.date("since"),
        until: p.date("until"),
        search: p.text("q"),
        kind: p.text("kind"),
    };
    let page = p.page;
    paged(&state, page, move |s, page| s.quotes(&filter, page)).await
}

fn event_filter(p: &Params) -> EventFilter {
    EventFilter {
        article: p.text("article"),
        actor: p.text("actor"),
        source: p.text("source"),
        target: p.text("target"),
        between: None,
        kind: p.text("type"),
        since: p.date("since"),
        until: p.date("until"),
        search: p.text("q"),
        country: p.text("country"),
        bbox: p.bbox("bbox"),
    }
}

async fn events(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    let p = params(raw, &spec::EVENTS)?;
    let (filter, page) = (event_filter(&p), p.page);
    paged(&state, page, move |s, page| s.events(&filter, page)).await
}

async fn event_counts(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    let p = params(raw, &spec::EVENT_COUNTS)?;
    let (filter, page) = (event_filter(&p), p.page);
    paged(&state, page, move |s, page| s.event_counts(&filter, page)).await
}

async fn timeline(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    let p = params(raw, &spec::TIMELINE)?;
    let (Some(a), Some(b)) = (p.text("a"), p.text("b")) else {
        return Err(ApiError::bad_request(
            "timeline needs both actors: ?a=…&b=…",
        ));
    };
    let filter = EventFilter {
        between: Some((a, b)),
        since: p.date("since"),
        until: p.date("until"),
        ..EventFilter::default()
    };
    let page = p.page;
    paged(&state, page, move |s, page| s.events(&filter, page)).await
}

async fn promises(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    let p = params(raw, &spec::PROMISES)?;
    let due_by = p.date("due_by");
    let as_of = p
        .date("as_of")
        .or(due_by)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let filter = ClaimFilter {
        article: p.text("article"),
        speaker: p.text("speaker"),
        kind: p.text("type").and_then(|name| claim_kind(&name)),
        due_by,
    };
    let page = p.page;
    paged(&state, page, move |s, page| s.claims(&filter, as_of, page)).await
}

/// A claim kind by its serialised name (the spec has already checked it is one).
fn claim_kind(name: &str) -> Option<ClaimKind> {
    serde_json::from_value(serde_json::Value::String(name.to_lowercase())).ok()
}

#[cfg(test)]
mod tests;
