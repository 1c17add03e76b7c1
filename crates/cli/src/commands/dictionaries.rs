//! `eventwire dictionaries import --petrarch DIR [--out data/lexicon]`: converts PETRARCH/TABARI
//! dictionaries into eventwire's own files; `eventwire dictionaries check [DIR]`: counts what a
//! dictionary directory (or the bundled lexicon) holds and lists its malformed lines.
//! Exit codes: 0 every line read, 1 some lines were skipped (each listed on stderr).

use eventwire_lexicon::{Diagnostic, Dictionaries, FileKind, Lexicon, Merge, NO_DICTIONARY_FILES};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Subcommand)]
pub enum Command {
    /// Convert PETRARCH dictionaries (CAMEO verbs, Phoenix actors, agents, discards, issues) into
    /// eventwire's own data files.
    Import {
        /// Directory with the PETRARCH files (e.g. ../shared/petrarch-dictionaries).
        #[arg(long, value_name = "DIR")]
        petrarch: PathBuf,
        /// Where to write eventwire's files.
        #[arg(long, value_name = "DIR", default_value = "data/lexicon")]
        out: PathBuf,
    },
    /// Count the entries of each kind and list malformed lines: of DIR (either format), or of the
    /// bundled lexicon when no DIR is given.
    Check {
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// Written at the top of every converted file.
const PREAMBLE: &str =
    "eventwire dictionary file, converted by `eventwire dictionaries import` from the\n\
PETRARCH2 dictionaries (MIT licence, Open Event Data Alliance): see README.md and LICENSE here.";

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Import { petrarch, out } => import(&petrarch, &out),
        Command::Check { dir } => check(dir.as_deref()),
    }
}

/// Reads a dictionary directory in either format, indexed, with every skipped line.
pub fn load_dir(dir: &Path) -> anyhow::Result<(Lexicon, std::collections::BTreeSet<FileKind>)> {
    let mut diagnostics = Vec::new();
    let (dictionaries, kinds) = Dictionaries::read_dir(dir, &mut diagnostics)
        .map_err(|err| anyhow::anyhow!("{}: {err}", dir.display()))?;
    if kinds.is_empty() {
        anyhow::bail!("{}: {NO_DICTIONARY_FILES}", dir.display());
    }
    Ok((Lexicon::new(dictionaries, diagnostics), kinds))
}

/// The bundled lexicon with the dictionaries of `dir` added or replacing bundled kinds (for
/// `ingest --dictionaries`); each malformed line is printed on stderr and the rest is used.
pub fn bundled_with(dir: &Path, merge: Merge) -> anyhow::Result<Arc<Lexicon>> {
    let lexicon = Lexicon::bundled()
        .with_dir(dir, merge)
        .map_err(|err| anyhow::anyhow!("{}: {err}", dir.display()))?;
    for diagnostic in lexicon.diagnostics() {
        eprintln!("eventwire: {diagnostic}");
    }
    Ok(Arc::new(lexicon))
}

/// Prints each diagnostic on stderr; exit 1 if there were any.
pub fn report(diagnostics: &[Diagnostic]) -> ExitCode {
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}");
    }
    if diagnostics.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "{} malformed lines skipped; the rest loaded",
            diagnostics.len()
        );
        ExitCode::from(1)
    }
}

fn import(petrarch: &Path, out: &Path) -> anyhow::Result<ExitCode> {
    let (lexicon, _) = load_dir(petrarch)?;
    std::fs::create_dir_all(out).map_err(|err| anyhow::anyhow!("{}: {err}", out.display()))?;
    for (name, text) in lexicon.to_lexicon_files(PREAMBLE) {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|err| anyhow::anyhow!("{}: {err}", path.display()))?;
    }
    print_counts(&lexicon);
    println!("written to {}", out.display());
    Ok(report(lexicon.diagnostics()))
}

fn check(dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let lexicon = match dir {
        Some(dir) => Arc::new(load_dir(dir)?.0),
        None => Lexicon::bundled(),
    };
    let elapsed = started.elapsed();
    print_counts(&lexicon);
    println!(
        "{:>22}  {:.0} ms",
        "load time",
        elapsed.as_secs_f64() * 1000.0
    );
    Ok(report(lexicon.diagnostics()))
}

fn print_counts(lexicon: &Lexicon) {
    let verbs = &lexicon.verbs;
    let actors = &lexicon.actors;
    let count = |name: &str, n: usize| println!("{name:>22}  {n}");
    count("verb blocks", verbs.blocks.len());
    count("verbs", verbs.verbs.len());
    count(
        "verb forms",
        verbs.verbs.iter().map(|v| v.forms.len()).sum(),
    );
    count("verb patterns", verbs.patterns.len());
    count("synsets", verbs.synsets.len());
    count(
        "synset members",
        verbs.synsets.iter().map(|s| s.members.len()).sum(),
    );
    count("transformations", verbs.transformations.len());
    count("actors", actors.len());
    count(
        "actor phrases",
        actors.iter().map(|a| a.phrases.len()).sum(),
    );
    count("actor codes", actors.iter().map(|a| a.codes.len()).sum());
    count(
        "dated actor codes",
        actors
            .iter()
            .flat_map(|a| &a.codes)
            .filter(|c| c.is_dated())
            .count(),
    );
    count("agents", lexicon.agents.len());
    count("discards", lexicon.discards.len());
    count("issue phrases", lexicon.issues.phrases.len());
    count("issue ignores", lexicon.issues.ignores.len());
    count("prepositions", lexicon.prepositions.len());
    count("malformed lines", lexicon.diagnostics().len());
}
