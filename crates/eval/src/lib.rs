//! eventwire-eval (skeleton, filled in by its issue).
