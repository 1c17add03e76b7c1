//! eventwire-serve (skeleton, filled in by its issue).
