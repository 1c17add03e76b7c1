//! eventwire-ingest (skeleton, filled in by its issue).
