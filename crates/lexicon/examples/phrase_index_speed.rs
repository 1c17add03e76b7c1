//! Times the phrase index on the bundled lexicon: building the actor and agent indexes, and
//! finding actors and agents in the sample corpus's words.
//!
//! `cargo run --release -p eventwire-lexicon --example phrase_index_speed [DIR]` (DIR: text files
//! to read, default `corpus/`).

use eventwire_lexicon::{Lexicon, NormalizedTokens};
use std::time::Instant;

fn words_of(dir: &str) -> Vec<String> {
    let mut words = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|err| panic!("{dir}: {err}")) {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        words.extend(
            text.split(|c: char| c.is_whitespace() || ",;:\"()".contains(c))
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        );
    }
    words
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "corpus".into());
    let started = Instant::now();
    let lexicon = Lexicon::bundled();
    println!(
        "bundled lexicon parsed: {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let started = Instant::now();
    let actors = lexicon.actor_index();
    let agents = lexicon.agent_index();
    println!(
        "indexes built: {} actor phrases, {} agent forms, {:.0} ms",
        actors.len(),
        agents.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    let words = words_of(&dir);
    let sentences: Vec<&[String]> = words.chunks(25).collect();
    let rounds = 20;
    let started = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for sentence in &sentences {
            let tokens = NormalizedTokens::new(sentence);
            found += actors.longest_matches(&tokens).len() + agents.longest_matches(&tokens).len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let tokens = (words.len() * rounds) as f64;
    println!(
        "matched {:.0} tokens ({} sentences x {rounds}) in {:.0} ms: {:.1} M tokens/s, {} matches",
        tokens,
        sentences.len(),
        seconds * 1e3,
        tokens / seconds / 1e6,
        found / rounds
    );
}
