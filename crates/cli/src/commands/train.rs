//! `eventwire train`: trains the tagger, lemmatiser and parser on a UD treebank directory and
//! writes the model file the syntax stage embeds (`data/models/syntax.bin`).

use anyhow::Context;
use eventwire_syntax::{eval, train};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// UD treebank directory holding `*-ud-train.conllu` and `*-ud-dev.conllu`.
    #[arg(long)]
    treebank: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "data/models/syntax.bin")]
    out: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let train_set = train::read_split(&args.treebank, "train")?;
    let dev_set = train::read_split(&args.treebank, "dev")?;
    let start = Instant::now();
    let model = train::train(&train_set, &train::TrainOptions::default(), &mut |m| {
        eprintln!("[{:6.1}s] {m}", start.elapsed().as_secs_f64())
    });
    let dev = eval::evaluate_gold(&model, &dev_set);
    eprintln!(
        "dev (gold tokens): UPOS {:.2}  XPOS {:.2}  lemma {:.2}  UAS {:.2}  LAS {:.2}",
        dev.upos_accuracy(),
        dev.xpos_accuracy(),
        dev.lemma_accuracy(),
        dev.uas(),
        dev.las()
    );
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("wrote {} ({} bytes)", args.out.display(), bytes.len());
    Ok(ExitCode::SUCCESS)
}
