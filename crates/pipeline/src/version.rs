//! The coder version stamped on every coded article and exported row: which eventwire build
//! and which bundled data produced it, so merged outputs of many machines stay traceable.

/// `eventwire <version>+data.<hash>`: the crate version and the first 16 hex digits of the
/// BLAKE3 hash of `data/` (every dictionary, pattern file, lexicon and the syntax model that
/// the stages embed), computed once at build time by `build.rs`.
pub fn coder_version() -> &'static str {
    concat!(
        "eventwire ",
        env!("CARGO_PKG_VERSION"),
        "+data.",
        env!("EVENTWIRE_DATA_HASH")
    )
}
