//! What each endpoint accepts, declared once: [`crate::params`] validates requests against it
//! and [`openapi`] renders it as the OpenAPI document, so the document cannot drift from the
//! parameters the server really takes.

use eventwire_store::query::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use serde_json::{json, Map, Value};

/// How a parameter's value is read.
#[derive(Clone, Copy)]
pub enum Kind {
    Text,
    /// `YYYY-MM-DD`.
    Date,
    /// One of a fixed set of lower-case words.
    Choice(&'static [&'static str]),
    /// `west,south,east,north` in degrees.
    BoundingBox,
}

pub struct Param {
    pub name: &'static str,
    pub kind: Kind,
    pub help: &'static str,
}

pub struct Endpoint {
    /// Route path; `{name}` segments are path parameters.
    pub path: &'static str,
    pub summary: &'static str,
    pub params: &'static [Param],
    /// Whether `limit` and `offset` are accepted (list endpoints).
    pub paged: bool,
}

const fn text(name: &'static str, help: &'static str) -> Param {
    Param {
        name,
        kind: Kind::Text,
        help,
    }
}

const fn date(name: &'static str, help: &'static str) -> Param {
    Param {
        name,
        kind: Kind::Date,
        help,
    }
}

const ARTICLE: Param = text("article", "Only this article (its id).");
const SINCE: Param = date("since", "On or after this day.");
const UNTIL: Param = date("until", "On or before this day.");
/// Shared by `/api/events` and `/api/event-counts`.
const EVENT_PARAMS: &[Param] = &[
    ARTICLE,
    text("actor", "An actor on either side."),
    text("source", "The acting actor."),
    text("target", "The actor acted upon."),
    text(
        "type",
        "PLOVER type (CONSULT) or CAMEO code prefix (03, 036).",
    ),
    SINCE,
    UNTIL,
    text("q", "Text in the evidence sentence."),
    text(
        "country",
        "ISO 3166-1 alpha-3 country of the event's place (ActionGeo_CountryCode).",
    ),
    Param {
        name: "bbox",
        kind: Kind::BoundingBox,
        help: "Events placed inside west,south,east,north (degrees; ActionGeo_Long/Lat).",
    },
];

pub const STATS: Endpoint = Endpoint {
    path: "/api/stats",
    summary: "Row counts per table.",
    params: &[],
    paged: false,
};

pub const ARTICLES: Endpoint = Endpoint {
    path: "/api/articles",
    summary: "Articles, newest first, with their layer counts.",
    params: &[
        text("q", "Text in the title or body."),
        text("actor", "An actor the article mentions."),
        date("since", "Published on or after this day."),
        date("until", "Published on or before this day."),
    ],
    paged: true,
};

pub const ARTICLE_BY_ID: Endpoint = Endpoint {
    path: "/api/articles/{id}",
    summary: "One article with every annotation layer (spans are UTF-8 byte offsets into text).",
    params: &[],
    paged: false,
};

pub const ACTORS: Endpoint = Endpoint {
    path: "/api/actors",
    summary: "Actors per article, each with its mentions.",
    params: &[
        ARTICLE,
        text("actor", "Actor id, CAMEO code or part of the name."),
    ],
    paged: true,
};

pub const ACTOR_NAMES: Endpoint = Endpoint {
    path: "/api/actor-names",
    summary:
        "Distinct actor names in the whole database, alphabetically (the page's actor picker).",
    params: &[text(
        "q",
        "Actor id, CAMEO code or part of the name; all names without it.",
    )],
    paged: true,
};

pub const QUOTES: Endpoint = Endpoint {
    path: "/api/quotes",
    summary: "Quotes in date order, each with its evidence sentence.",
    params: &[
        ARTICLE,
        text("speaker", "The speaker."),
        text("about", "An actor mentioned inside the quote."),
        SINCE,
        UNTIL,
        text("q", "Text in the quote."),
        Param {
            name: "kind",
            kind: Kind::Choice(&[
                "direct",
                "indirect",
                "belief",
                "intention",
                "stance",
                "evidence",
            ]),
            help: "Only attributions of this kind.",
        },
    ],
    paged: true,
};

pub const EVENTS: Endpoint = Endpoint {
    path: "/api/events",
    summary: "Coded events in date order, with cross-article dedup counts and evidence.",
    params: EVENT_PARAMS,
    paged: true,
};

pub const EVENT_COUNTS: Endpoint = Endpoint {
    path: "/api/event-counts",
    summary: "Event counts and mean Goldstein score per ISO week and PLOVER type.",
    params: EVENT_PARAMS,
    paged: true,
};

pub const TIMELINE: Endpoint = Endpoint {
    path: "/api/timeline",
    summary: "Events between two actors, in either direction, in date order.",
    params: &[
        text("a", "One actor (required)."),
        text("b", "The other actor (required)."),
        SINCE,
        UNTIL,
    ],
    paged: true,
};

pub const PROMISES: Endpoint = Endpoint {
    path: "/api/promises",
    summary: "Promises, predictions and assertions with their deadline and status.",
    params: &[
        ARTICLE,
        text("speaker", "The speaker."),
        Param {
            name: "type",
            kind: Kind::Choice(&["promise", "prediction", "assertion"]),
            help: "Kind of claim.",
        },
        date("due_by", "Deadline on or before this day."),
        date(
            "as_of",
            "Day the status is computed for (default: due_by, else today).",
        ),
    ],
    paged: true,
};

/// Every JSON endpoint, in the order the document lists them.
pub const ENDPOINTS: [&Endpoint; 10] = [
    &STATS,
    &ARTICLES,
    &ARTICLE_BY_ID,
    &ACTORS,
    &ACTOR_NAMES,
    &QUOTES,
    &EVENTS,
    &EVENT_COUNTS,
    &TIMELINE,
    &PROMISES,
];

const ACTOR_NOTE: &str = "Actor filters (actor, source, target, speaker, about, a, b) match an \
    actor id or CAMEO code exactly (case-insensitive) or part of the display name.";

/// The OpenAPI 3 document for [`ENDPOINTS`].
pub fn openapi() -> Value {
    let paths: Map<String, Value> = ENDPOINTS
        .iter()
        .map(|e| (e.path.to_owned(), json!({ "get": operation(e) })))
        .collect();
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "eventwire",
            "version": env!("CARGO_PKG_VERSION"),
            "description": format!("Read-only political event data. {ACTOR_NOTE} Errors are \
                {{\"error\": message}} with a 4xx status for anything the request got wrong."),
        },
        "paths": paths,
        "components": { "schemas": { "Error": {
            "type": "object",
            "required": ["error"],
            "properties": { "error": { "type": "string" } },
        } } },
    })
}

fn operation(endpoint: &Endpoint) -> Value {
    let mut params: Vec<Value> = path_params(endpoint.path).map(path_param).collect();
    params.extend(endpoint.params.iter().map(query_param));
    if endpoint.paged {
        params.push(
            json!({ "name": "limit", "in": "query", "description": "Page size.",
            "schema": { "type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE,
                        "default": DEFAULT_PAGE_SIZE } }),
        );
        params.push(
            json!({ "name": "offset", "in": "query", "description": "Rows to skip.",
            "schema": { "type": "integer", "minimum": 0, "default": 0 } }),
        );
    }
    let ok = if endpoint.paged {
        "A page: {items: [...], limit, offset, next_offset} (next_offset: null on the last page)."
    } else {
        "The object."
    };
    let mut responses = json!({
        "200": { "description": ok },
        "400": error_response("Unknown parameter, malformed value or page size out of range."),
    });
    if path_params(endpoint.path).next().is_some() {
        responses["404"] = error_response("No such item.");
    }
    json!({ "summary": endpoint.summary, "parameters": params, "responses": responses })
}

fn error_response(description: &str) -> Value {
    json!({ "description": description, "content": { "application/json": {
        "schema": { "$ref": "#/components/schemas/Error" } } } })
}

/// The `{name}` segments of a route path.
pub fn path_params(path: &str) -> impl Iterator<Item = &str> {
    path.split('/')
        .filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}'))
}

fn path_param(name: &str) -> Value {
    json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } })
}

fn query_param(param: &Param) -> Value {
    let schema = match param.kind {
        Kind::Text => json!({ "type": "string", "maxLength": crate::params::MAX_VALUE_LEN }),
        Kind::Date => json!({ "type": "string", "format": "date" }),
        Kind::Choice(values) => json!({ "type": "string", "enum": values }),
        Kind::BoundingBox => json!({
            "type": "string",
            "pattern": "^[-0-9.]+(,[-0-9.]+){3}$",
            "example": "22.1,44.3,40.2,52.4"
        }),
    };
    json!({ "name": param.name, "in": "query", "description": param.help, "schema": schema })
}
