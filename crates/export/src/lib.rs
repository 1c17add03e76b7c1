//! eventwire-export (skeleton, filled in by its issue).
