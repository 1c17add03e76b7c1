//! The lexicon layer: the field's open event-coding dictionaries (PETRARCH2 / TABARI format,
//! Open Event Data Alliance, MIT) parsed by one parser and shared by the actors and events stages.
//!
//! # Public API
//!
//! * [`Dictionaries`]: plain data, one field per file kind ([`FileKind`]):
//!   - `verbs`: [`VerbDictionary`] `{ synsets, blocks, verbs, patterns, transformations }`;
//!     a [`Verb`] has its [`VerbForm`]s (regular ones generated, `{irregular}` ones as given,
//!     multi-word verbs with the parsed verb word as `head`) and an optional own code; a
//!     [`Pattern`] has `before` / `after` lists of [`PatternItem`]s (nouns, `{noun phrases}` with
//!     their head, `(PREP object)` groups, `&SYNSET` [`Term`]s, the `$ + ^ %` markers) and a code;
//!   - `actors`: [`ActorEntry`] `{ id, phrases, codes: Vec<DatedCode>, provenance }` with
//!     [`ActorEntry::code_on`] a date;
//!   - `agents`: [`AgentEntry`] `{ phrase, forms, code, placement }` (`~COP` suffix, `NGO~` prefix);
//!   - `discards`: [`Discard`]; `issues`: [`IssueDictionary`]; `prepositions`: [`Preposition`]s.
//! * [`Dictionaries::parse_petrarch`] parses one PETRARCH file of a kind,
//!   [`Dictionaries::read_lexicon_text`] one of eventwire's own files (`data/lexicon/*.tsv`,
//!   [`LEXICON_FILES`]), [`Dictionaries::to_lexicon_files`] writes them, [`Dictionaries::read_dir`]
//!   reads a directory in either format. Every row keeps its [`Provenance`] (`file:line` of the
//!   source); a malformed line becomes a [`Diagnostic`] (`file:line: message`) and the rest of the
//!   file loads. Nothing panics on bad input.
//! * [`Lexicon`]: the dictionaries plus lookup indexes (it dereferences to [`Dictionaries`]):
//!   [`Lexicon::verbs_with_form`] (a word the parser tagged as a verb → the verbs and forms it
//!   can be), [`Lexicon::block_of`] and [`Lexicon::patterns_of_block`]; [`Lexicon::actor_index`]
//!   and [`Lexicon::agent_index`] ([`PhraseIndex`]es built on first use).
//! * [`PhraseIndex`]: any phrases → values in one Aho-Corasick automaton, matched on a sentence's
//!   tokens normalised once ([`NormalizedTokens`]: lower case, no diacritics), longest match first.
//! * [`Lexicon::bundled`]: `data/lexicon/` compiled in, parsed once per process and shared;
//!   [`Lexicon::with_dir`] adds (or, [`Merge::Replace`], substitutes per kind) a directory's files.

mod actors;
mod agents;
mod discards;
mod index;
mod issues;
mod pattern;
mod phrase;
mod source;
mod tsv;
mod verbs;

pub use actors::{ActorEntry, ActorPhrase, DatedCode};
pub use agents::{AgentEntry, AgentPlacement};
pub use discards::{Discard, Preposition};
pub use index::{normalize, NormalizedTokens, PhraseIndex, PhraseMatch};
pub use issues::{IssueDictionary, IssueIgnore, IssuePhrase};
pub use pattern::{PatternItem, Term};
pub use phrase::{plural, regular_verb_forms, Phrase};
pub use source::{Diagnostic, Provenance};
pub use tsv::{lexicon_file, LexiconFile, FILES as LEXICON_FILES};
pub use verbs::{
    Pattern, Synset, SynsetMember, Transformation, Verb, VerbBlock, VerbDictionary, VerbForm,
};

use source::Diagnostics;
use std::collections::{BTreeSet, HashMap};
use std::io;
use std::ops::Deref;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The kinds of dictionary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileKind {
    Verbs,
    Actors,
    Agents,
    Discards,
    Issues,
    Prepositions,
}

impl FileKind {
    pub const ALL: [FileKind; 6] = [
        FileKind::Verbs,
        FileKind::Actors,
        FileKind::Agents,
        FileKind::Discards,
        FileKind::Issues,
        FileKind::Prepositions,
    ];

    /// The kind of a PETRARCH file, from its name as the PETRARCH distributions name them
    /// (`CAMEO.2.0.txt` or `*.verbs*`, `*actors*`, `*agents*`, `*discards*`, `*issue*`,
    /// `*preposition*`, case-insensitive).
    pub fn of_petrarch_file(name: &str) -> Option<FileKind> {
        let name = name.to_lowercase();
        let kinds = [
            ("verb", FileKind::Verbs),
            ("cameo", FileKind::Verbs),
            ("actor", FileKind::Actors),
            ("agent", FileKind::Agents),
            ("discard", FileKind::Discards),
            ("issue", FileKind::Issues),
            ("preposition", FileKind::Prepositions),
        ];
        kinds
            .iter()
            .find(|(word, _)| name.contains(word))
            .map(|&(_, kind)| kind)
    }

    /// Lower-case name, as used in file names and reports.
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Verbs => "verbs",
            FileKind::Actors => "actors",
            FileKind::Agents => "agents",
            FileKind::Discards => "discards",
            FileKind::Issues => "issues",
            FileKind::Prepositions => "prepositions",
        }
    }
}

/// All dictionary rows, by kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dictionaries {
    pub verbs: VerbDictionary,
    pub actors: Vec<ActorEntry>,
    pub agents: Vec<AgentEntry>,
    pub discards: Vec<Discard>,
    pub issues: IssueDictionary,
    pub prepositions: Vec<Preposition>,
}

impl Dictionaries {
    /// Parses the text of one PETRARCH file of `kind`; `file` names it in provenance and
    /// diagnostics. Malformed lines are appended to `diagnostics`.
    pub fn parse_petrarch(
        kind: FileKind,
        file: &str,
        text: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Dictionaries {
        let mut found = Diagnostics::default();
        let mut parsed = Dictionaries::default();
        match kind {
            FileKind::Verbs => parsed.verbs = verbs::parse_verbs(file, text, &mut found),
            FileKind::Actors => parsed.actors = actors::parse_actors(file, text, &mut found),
            FileKind::Agents => parsed.agents = agents::parse_agents(file, text, &mut found),
            FileKind::Discards => {
                parsed.discards = discards::parse_discards(file, text, &mut found)
            }
            FileKind::Issues => parsed.issues = issues::parse_issues(file, text, &mut found),
            FileKind::Prepositions => {
                parsed.prepositions = discards::parse_prepositions(file, text, &mut found)
            }
        }
        diagnostics.extend(found.0);
        parsed
    }

    /// Reads one PETRARCH file, its kind taken from its name ([`FileKind::of_petrarch_file`]).
    /// Bytes that are not UTF-8 (the files mix encodings) are replaced, not fatal. `Ok(None)`: the
    /// name is not a dictionary kind.
    pub fn read_petrarch_file(
        path: &Path,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> io::Result<Option<Dictionaries>> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(kind) = FileKind::of_petrarch_file(&name) else {
            return Ok(None);
        };
        let bytes = std::fs::read(path)?;
        Ok(Some(Dictionaries::parse_petrarch(
            kind,
            &name,
            &String::from_utf8_lossy(&bytes),
            diagnostics,
        )))
    }

    /// Reads one of eventwire's own files (`data/lexicon/*.tsv`, see [`LEXICON_FILES`]) into
    /// these dictionaries; `name` names it in diagnostics. Rows naming a verb block or synset
    /// join the one of that name already here.
    pub fn read_lexicon_text(
        &mut self,
        file: &LexiconFile,
        name: &str,
        text: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let mut found = Diagnostics::default();
        tsv::parse_file(file, name, text, self, &mut found);
        diagnostics.extend(found.0);
    }

    /// The text of each of eventwire's own files for these dictionaries, each starting with
    /// `preamble` and its column descriptions as `#` comments.
    pub fn to_lexicon_files(&self, preamble: &str) -> Vec<(&'static str, String)> {
        tsv::write_files(self, preamble)
    }

    /// Reads every dictionary file in `dir`, in either format: eventwire's own files by their
    /// names ([`LEXICON_FILES`]), PETRARCH ones by [`FileKind::of_petrarch_file`]; other files
    /// are not dictionaries and are left alone. Returns the rows and the kinds the directory
    /// has files of; malformed lines go to `diagnostics`.
    pub fn read_dir(
        dir: &Path,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> io::Result<(Dictionaries, BTreeSet<FileKind>)> {
        let mut names: Vec<String> = std::fs::read_dir(dir)?
            .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect::<io::Result<_>>()?;
        names.sort();
        let mut kinds = BTreeSet::new();
        let mut own = Dictionaries::default();
        for file in &LEXICON_FILES {
            if names.iter().any(|name| name == file.name) {
                let text =
                    String::from_utf8_lossy(&std::fs::read(dir.join(file.name))?).into_owned();
                own.read_lexicon_text(file, file.name, &text, diagnostics);
                kinds.insert(file.kind);
            }
        }
        let mut all = Dictionaries::default();
        for name in names.iter().filter(|name| lexicon_file(name).is_none()) {
            if name.ends_with(".tsv") {
                // Not PETRARCH either: most likely a misnamed eventwire file.
                diagnostics.push(Diagnostic {
                    provenance: Provenance {
                        file: Arc::from(name.as_str()),
                        line: 1,
                    },
                    message: format!(
                        "not one of eventwire's dictionary files ({}); skipped",
                        tsv::file_names()
                    ),
                });
                continue;
            }
            if let Some(parsed) = Dictionaries::read_petrarch_file(&dir.join(name), diagnostics)? {
                kinds.extend(FileKind::of_petrarch_file(name));
                all.extend(parsed);
            }
        }
        all.extend(own);
        Ok((all, kinds))
    }

    /// Adds every row of `other`.
    pub fn extend(&mut self, other: Dictionaries) {
        self.verbs.extend(other.verbs);
        self.actors.extend(other.actors);
        self.agents.extend(other.agents);
        self.discards.extend(other.discards);
        self.issues.extend(other.issues);
        self.prepositions.extend(other.prepositions);
    }

    /// Drops the rows of one kind (before replacing them with another file's).
    pub fn clear(&mut self, kind: FileKind) {
        match kind {
            FileKind::Verbs => self.verbs = VerbDictionary::default(),
            FileKind::Actors => self.actors.clear(),
            FileKind::Agents => self.agents.clear(),
            FileKind::Discards => self.discards.clear(),
            FileKind::Issues => self.issues = IssueDictionary::default(),
            FileKind::Prepositions => self.prepositions.clear(),
        }
    }

    /// How many rows of a kind there are (verbs: verb entries plus patterns plus synset members).
    pub fn count(&self, kind: FileKind) -> usize {
        match kind {
            FileKind::Verbs => {
                self.verbs.verbs.len()
                    + self.verbs.patterns.len()
                    + self
                        .verbs
                        .synsets
                        .iter()
                        .map(|s| s.members.len())
                        .sum::<usize>()
            }
            FileKind::Actors => self.actors.len(),
            FileKind::Agents => self.agents.len(),
            FileKind::Discards => self.discards.len(),
            FileKind::Issues => self.issues.phrases.len() + self.issues.ignores.len(),
            FileKind::Prepositions => self.prepositions.len(),
        }
    }
}

/// Why a directory given as dictionaries is refused.
pub const NO_DICTIONARY_FILES: &str =
    "no dictionary files (PETRARCH CAMEO*/*verbs*/*actors*/*agents*/*discards*/*issue* files or eventwire's *.tsv)";

/// How the dictionaries of a directory combine with those of a lexicon already loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// The directory's rows are added to the loaded ones.
    Add,
    /// For each kind the directory has files of, its rows replace the loaded ones of that kind
    /// (all verb files — blocks, verbs, patterns, synsets, transformations — are one kind).
    Replace,
}

/// The dictionaries with their lookup indexes, built once and shared (read-only) by the stages.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    dictionaries: Dictionaries,
    diagnostics: Vec<Diagnostic>,
    /// Verb word (as the parser sees it) → (index into `verbs.verbs`, index into its `forms`).
    verb_forms: HashMap<String, Vec<(usize, usize)>>,
    /// Block index → indexes into `verbs.patterns`.
    block_patterns: Vec<Vec<usize>>,
    /// Built on first use: not every caller needs them.
    actor_index: OnceLock<PhraseIndex<usize>>,
    agent_index: OnceLock<PhraseIndex<usize>>,
}

impl Deref for Lexicon {
    type Target = Dictionaries;

    fn deref(&self) -> &Dictionaries {
        &self.dictionaries
    }
}

/// Several actors may have the same primary phrase (in one file or several): the second gets
/// `@2` after its id, and so on.
fn make_actor_ids_unique(actors: &mut [ActorEntry]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for actor in actors {
        let count = seen.entry(actor.id.clone()).or_default();
        *count += 1;
        if *count > 1 {
            actor.id = format!("{}@{count}", actor.id);
        }
    }
}

/// A verb a word can be, and which of its forms the word is the verb of.
#[derive(Debug, Clone, Copy)]
pub struct VerbMatch<'a> {
    pub verb: &'a Verb,
    pub form: &'a VerbForm,
}

/// eventwire's own dictionary files as committed in `data/lexicon/`, compiled in.
const BUNDLED_FILES: [(&str, &str); 10] = [
    (
        "verb_blocks.tsv",
        include_str!("../../../data/lexicon/verb_blocks.tsv"),
    ),
    ("verbs.tsv", include_str!("../../../data/lexicon/verbs.tsv")),
    (
        "verb_patterns.tsv",
        include_str!("../../../data/lexicon/verb_patterns.tsv"),
    ),
    (
        "synsets.tsv",
        include_str!("../../../data/lexicon/synsets.tsv"),
    ),
    (
        "verb_transformations.tsv",
        include_str!("../../../data/lexicon/verb_transformations.tsv"),
    ),
    (
        "actors.tsv",
        include_str!("../../../data/lexicon/actors.tsv"),
    ),
    (
        "agents.tsv",
        include_str!("../../../data/lexicon/agents.tsv"),
    ),
    (
        "discards.tsv",
        include_str!("../../../data/lexicon/discards.tsv"),
    ),
    (
        "issues.tsv",
        include_str!("../../../data/lexicon/issues.tsv"),
    ),
    (
        "prepositions.tsv",
        include_str!("../../../data/lexicon/prepositions.tsv"),
    ),
];

impl Lexicon {
    /// The lexicon bundled in the repository (`data/lexicon/`), parsed on first use and then
    /// shared: every stage and thread gets the same copy.
    pub fn bundled() -> Arc<Lexicon> {
        static BUNDLED: OnceLock<Arc<Lexicon>> = OnceLock::new();
        Arc::clone(BUNDLED.get_or_init(|| Arc::new(Lexicon::parse_bundled())))
    }

    fn parse_bundled() -> Lexicon {
        let mut dictionaries = Dictionaries::default();
        let mut diagnostics = Vec::new();
        for (name, text) in BUNDLED_FILES {
            let file = lexicon_file(name).expect("bundled files are lexicon files");
            dictionaries.read_lexicon_text(
                file,
                &format!("data/lexicon/{name}"),
                text,
                &mut diagnostics,
            );
        }
        Lexicon::new(dictionaries, diagnostics)
    }

    /// Indexes `dictionaries`. `diagnostics` are those of reading them, kept for reports; patterns
    /// naming a synset no file defines are dropped and reported too.
    pub fn new(mut dictionaries: Dictionaries, mut diagnostics: Vec<Diagnostic>) -> Lexicon {
        make_actor_ids_unique(&mut dictionaries.actors);
        let mut unresolved = Diagnostics::default();
        dictionaries
            .verbs
            .drop_patterns_with_unknown_synsets(&mut unresolved);
        diagnostics.extend(unresolved.0);
        let mut verb_forms: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (verb_index, verb) in dictionaries.verbs.verbs.iter().enumerate() {
            for (form_index, form) in verb.forms.iter().enumerate() {
                verb_forms
                    .entry(form.head_word().to_string())
                    .or_default()
                    .push((verb_index, form_index));
            }
        }
        let mut block_patterns = vec![Vec::new(); dictionaries.verbs.blocks.len()];
        for (index, pattern) in dictionaries.verbs.patterns.iter().enumerate() {
            block_patterns[pattern.block].push(index);
        }
        Lexicon {
            dictionaries,
            diagnostics,
            verb_forms,
            block_patterns,
            actor_index: OnceLock::new(),
            agent_index: OnceLock::new(),
        }
    }

    /// This lexicon's dictionaries combined with the files of `dir` (either format); the result's
    /// diagnostics are this lexicon's and the directory's. A directory without any dictionary
    /// file is an error (`InvalidInput`): it is most likely the wrong directory.
    pub fn with_dir(&self, dir: &Path, merge: Merge) -> io::Result<Lexicon> {
        let mut diagnostics = self.diagnostics.clone();
        let (added, kinds) = Dictionaries::read_dir(dir, &mut diagnostics)?;
        if kinds.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                NO_DICTIONARY_FILES,
            ));
        }
        let mut dictionaries = self.dictionaries.clone();
        if merge == Merge::Replace {
            for kind in kinds {
                dictionaries.clear(kind);
            }
        }
        dictionaries.extend(added);
        Ok(Lexicon::new(dictionaries, diagnostics))
    }

    /// The diagnostics of loading: malformed lines and unresolved references.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Gives the dictionaries back, to add or replace rows and index them again.
    pub fn into_parts(self) -> (Dictionaries, Vec<Diagnostic>) {
        (self.dictionaries, self.diagnostics)
    }

    /// The verbs `word` (lower-case, as written in the text) is a form of; multi-word verbs are
    /// found by their verb word (`asked` → `ask for`, whose other words the caller checks).
    pub fn verbs_with_form<'a>(&'a self, word: &str) -> impl Iterator<Item = VerbMatch<'a>> + 'a {
        let verbs = &self.dictionaries.verbs.verbs;
        self.verb_forms
            .get(word)
            .into_iter()
            .flatten()
            .map(move |&(verb, form)| VerbMatch {
                verb: &verbs[verb],
                form: &verbs[verb].forms[form],
            })
    }

    /// Every actor phrase, to find actors in a sentence: values are indexes into `actors`.
    pub fn actor_index(&self) -> &PhraseIndex<usize> {
        self.actor_index.get_or_init(|| {
            PhraseIndex::new(self.actors.iter().enumerate().flat_map(|(index, actor)| {
                actor.phrases.iter().map(move |p| (&p.phrase.words, index))
            }))
        })
    }

    /// Every form of every agent: values are indexes into `agents`.
    pub fn agent_index(&self) -> &PhraseIndex<usize> {
        self.agent_index.get_or_init(|| {
            PhraseIndex::new(self.agents.iter().enumerate().flat_map(|(index, agent)| {
                agent.forms.iter().map(move |form| (&form.words, index))
            }))
        })
    }

    /// The block a verb belongs to.
    pub fn block_of(&self, verb: &Verb) -> &VerbBlock {
        &self.dictionaries.verbs.blocks[verb.block]
    }

    /// The patterns of a block (by index into `verbs.blocks`), in file order.
    pub fn patterns_of_block(&self, block: usize) -> impl Iterator<Item = &Pattern> + '_ {
        let patterns = &self.dictionaries.verbs.patterns;
        self.block_patterns
            .get(block)
            .into_iter()
            .flatten()
            .map(move |&index| &patterns[index])
    }
}
