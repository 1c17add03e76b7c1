//! One module per subcommand; each has clap `Args` and `run`.

pub mod actors;
pub mod bench;
pub mod code;
pub mod dictionaries;
pub mod eval;
pub mod eval_parse;
pub mod events;
pub mod explain;
pub mod export;
pub mod ingest;
pub mod merge;
pub mod promises;
pub mod quotes;
pub mod serve;
pub mod show;
pub mod stats;
mod store_args;
pub mod train;
