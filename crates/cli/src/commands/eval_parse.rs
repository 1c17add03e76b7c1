//! `eventwire eval-parse`: accuracy and speed of the syntax stage on a UD treebank file, with
//! gold tokenisation and from raw text through our own segmenter (CoNLL 2018 alignment).

use anyhow::Context;
use eventwire_syntax::{conllu, eval, SyntaxAnnotator, SyntaxModel};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// A CoNLL-U file, e.g. `../shared/ud-english-ewt/en_ewt-ud-test.conllu`.
    #[arg(long)]
    treebank: PathBuf,
    /// A model file to evaluate instead of the bundled one.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Only the first N sentences.
    #[arg(long)]
    limit: Option<usize>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut sentences = conllu::read_file(&args.treebank)?;
    sentences.truncate(args.limit.unwrap_or(usize::MAX));
    let start = std::time::Instant::now();
    let syntax = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            let model = SyntaxModel::from_bytes(&bytes)
                .with_context(|| format!("loading {}", path.display()))?;
            SyntaxAnnotator::new(model)
        }
        None => SyntaxAnnotator::load()?,
    };
    let load_time = start.elapsed();
    let gold = eval::evaluate_gold(syntax.model(), &sentences);
    println!(
        "{} sentences, {} words: {}",
        sentences.len(),
        gold.words,
        args.treebank.display()
    );
    println!("gold tokens   UPOS {:6.2}  XPOS {:6.2}  lemma {:6.2}  UAS {:6.2}  LAS {:6.2}  ({:.0} words/s, tag+lemma+parse)",
        gold.upos_accuracy(), gold.xpos_accuracy(), gold.lemma_accuracy(), gold.uas(), gold.las(),
        gold.words_per_second());
    println!(
        "tagger alone  {:.0} words/s; model loaded in {} ms",
        eval::tagger_speed(syntax.model(), &sentences),
        load_time.as_millis()
    );
    let segmenter = eventwire_syntax::segmenter()?;
    let raw = eval::evaluate_raw(&segmenter, &syntax, &sentences);
    println!("raw text F1   UPOS {:6.2}  XPOS {:6.2}  lemma {:6.2}  UAS {:6.2}  LAS {:6.2}  ({:.0} words/s, segment+syntax)",
        raw.f1(raw.upos), raw.f1(raw.xpos), raw.f1(raw.lemma), raw.f1(raw.uas), raw.f1(raw.las),
        raw.words_per_second());
    println!(
        "raw text F1   tokens {:6.2}  sentences {:6.2}",
        raw.f1(raw.tokens),
        raw.sentence_f1()
    );
    Ok(ExitCode::SUCCESS)
}
