//! eventwire-store (skeleton, filled in by its issue).
