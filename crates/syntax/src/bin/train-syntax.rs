//! Development trainer: `cargo run --release -p eventwire-syntax --bin train-syntax -- <treebank
//! dir> <model out>` trains on the train split, prints dev and test scores and writes the model file. The
//! `eventwire train` command runs the same recipe.

use eventwire_syntax::{eval, train};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: train-syntax <treebank dir> <model out>";
    let dir = PathBuf::from(args.next().ok_or(usage)?);
    let out = PathBuf::from(args.next().ok_or(usage)?);
    let train_set = train::read_split(&dir, "train")?;
    let dev_set = train::read_split(&dir, "dev")?;
    let test_set = train::read_split(&dir, "test")?;
    let start = std::time::Instant::now();
    let model = train::train(&train_set, &train::TrainOptions::default(), &mut |m| {
        eprintln!("[{:6.1}s] {m}", start.elapsed().as_secs_f64())
    });
    for (name, set) in [("dev", &dev_set), ("test", &test_set)] {
        let scores = eval::evaluate_gold(&model, set);
        eprintln!(
            "{name}: UPOS {:.2}  XPOS {:.2}  lemma {:.2}  UAS {:.2}  LAS {:.2}  ({:.0} words/s)",
            scores.upos_accuracy(),
            scores.xpos_accuracy(),
            scores.lemma_accuracy(),
            scores.uas(),
            scores.las(),
            scores.words_per_second()
        );
    }
    let segmenter = eventwire_syntax::segmenter()?;
    let syntax = eventwire_syntax::SyntaxAnnotator::new(model.clone());
    let raw = eval::evaluate_raw(&segmenter, &syntax, &test_set);
    eprintln!(
        "test raw text F1: tokens {:.2}  sentences {:.2}  UPOS {:.2}  UAS {:.2}  LAS {:.2}",
        raw.f1(raw.tokens),
        raw.sentence_f1(),
        raw.f1(raw.upos),
        raw.f1(raw.uas),
        raw.f1(raw.las)
    );
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes)?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}
