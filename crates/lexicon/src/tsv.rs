//! eventwire's own dictionary files (`data/lexicon/*.tsv`): one row per verb, pattern, synset
//! member, actor phrase or code, agent, discard, issue phrase and preposition, each with the
//! `source` (`file:line`) it was imported from. Tab-separated, `#` lines are comments, the first
//! other line names the columns. Pattern and phrase columns use the PETRARCH notation, read by the
//! same parsers as the PETRARCH files.

use crate::actors::{ActorEntry, ActorPhrase, DatedCode};
use crate::agents::agent_from_columns;
use crate::discards::{Discard, Preposition};
use crate::issues::{expand, IssueIgnore, IssuePhrase};
use crate::pattern::{join, parse_items};
use crate::phrase::Phrase;
use crate::source::{Diagnostics, Provenance};
use crate::verbs::{
    verb_form, Pattern, Synset, SynsetMember, Transformation, Verb, VerbBlock, VerbForm,
};
use crate::{Dictionaries, FileKind};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::Arc;

/// One of the files, its columns and what they mean (written as the file's header comment).
pub struct LexiconFile {
    pub name: &'static str,
    pub kind: FileKind,
    pub columns: &'static [&'static str],
    pub about: &'static str,
}

const SOURCE: &str = "source: FILE:LINE the row was imported from (empty for a row added by hand: the row itself is its provenance)";

/// The files in the order they are read (blocks before the verbs and patterns that name them).
pub const FILES: [LexiconFile; 10] = [
    LexiconFile {
        name: "verb_blocks.tsv",
        kind: FileKind::Verbs,
        columns: &["block", "code", "source"],
        about: "Verb blocks: verbs that share patterns.\nblock: the block's name (upper case); verbs and patterns name it\ncode: CAMEO code of a verb of the block standing alone; empty: no event",
    },
    LexiconFile {
        name: "verbs.tsv",
        kind: FileKind::Verbs,
        columns: &["block", "verb", "code", "forms", "source"],
        about: "Verbs, one row per verb.\nblock: its verb block\nverb: the verb; in a multi-word verb `+` marks the word the parser tags as the verb (+ask_for, wire_+tap)\ncode: the verb's own CAMEO code, overriding the block's; empty: the block's; ---: no event\nforms: every form of the verb, |-separated, in the same notation (the verb first)",
    },
    LexiconFile {
        name: "verb_patterns.tsv",
        kind: FileKind::Verbs,
        columns: &["block", "before", "after", "code", "note", "source"],
        about: "Verb patterns: what around a verb of the block gives which event code.\nblock: the verb block\nbefore / after: items before / after the verb, blank-separated: a noun (the head of its phrase), {adjective noun} (head last), (preposition object) with prepositions /-separated, &SYNSET, $ source, + target, ^ skip, % compound\ncode: CAMEO code; code:code as in PETRARCH (the second kept as written); --- or empty: no event\nnote: the pattern's comment in the source (the verb it was written for)",
    },
    LexiconFile {
        name: "synsets.tsv",
        kind: FileKind::Verbs,
        columns: &["synset", "member", "forms", "source"],
        about: "Synsets: words and phrases a pattern names at once with &SYNSET.\nsynset: the name (upper case, without &)\nmember: words joined by _\nforms: every form matched, |-separated (the member and, for nouns, its plural)",
    },
    LexiconFile {
        name: "verb_transformations.tsv",
        kind: FileKind::Verbs,
        columns: &["rule", "source"],
        about: "Verb-on-verb transformations, kept as PETRARCH writes them (~ a (a b ATTACK) SAY = a b 015).",
    },
    LexiconFile {
        name: "actors.tsv",
        kind: FileKind::Actors,
        columns: &["actor", "phrase", "code", "from", "until", "source"],
        about: "Actors: one row per phrase naming an actor, or per code it had.\nactor: the actor's id (its primary phrase; @2, @3 when several share one); rows with the same id are one actor\nphrase: a phrase naming it, words joined by _ (a phrase row leaves code, from, until empty)\ncode: a CAMEO actor code (a code row leaves phrase empty)\nfrom / until: YYYY-MM-DD, inclusive, when the code is date-restricted; both empty: the default code",
    },
    LexiconFile {
        name: "agents.tsv",
        kind: FileKind::Agents,
        columns: &["phrase", "forms", "code", "source"],
        about: "Agents: role words whose code joins the code of the actor they belong to.\nphrase: words joined by _ (consecutive) or a blank (words may come between)\nforms: every form matched, |-separated (the phrase and its plurals)\ncode: ~CODE goes after the actor code (Kenyan police: KEN + ~COP = KENCOP), CODE~ before it (NGO~)",
    },
    LexiconFile {
        name: "discards.tsv",
        kind: FileKind::Discards,
        columns: &["phrase", "scope", "match", "source"],
        about: "Discards: phrases that mark text as not to be coded (sports, entertainment, history).\nphrase: words joined by _\nscope: sentence (the sentence is not coded) or story (the whole article is not)\nmatch: stem (the last word may continue: baseball matches baseballs) or word (it must end there)",
    },
    LexiconFile {
        name: "issues.tsv",
        kind: FileKind::Issues,
        columns: &["kind", "category", "code", "pattern", "source"],
        about: "Issues: phrases that tag a sentence with an issue code.\nkind: issue, or ignore (a sentence with this phrase gets no issues)\ncategory: the issue category (may be empty); code: the issue code (empty for ignore)\npattern: words separated by blanks; n:word its singular and plural, v:word its regular verb forms, a+b both `a b` and `a-b`",
    },
    LexiconFile {
        name: "prepositions.tsv",
        kind: FileKind::Prepositions,
        columns: &["preposition", "source"],
        about: "Prepositions, one word a row.",
    },
];

/// The names of eventwire's dictionary files, comma-separated, for messages.
pub(crate) fn file_names() -> String {
    FILES
        .iter()
        .map(|file| file.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The file description of an eventwire dictionary file name.
pub fn lexicon_file(name: &str) -> Option<&'static LexiconFile> {
    FILES.iter().find(|file| file.name == name)
}

// ---------------------------------------------------------------------------------------------
// Writing

/// The text of every file for `dictionaries`, header comment included.
pub(crate) fn write_files(
    dictionaries: &Dictionaries,
    preamble: &str,
) -> Vec<(&'static str, String)> {
    FILES
        .iter()
        .map(|file| {
            let mut text = String::new();
            for line in preamble
                .lines()
                .chain(file.about.lines())
                .chain(std::iter::once(SOURCE))
            {
                writeln!(text, "# {line}").unwrap();
            }
            writeln!(text, "{}", file.columns.join("\t")).unwrap();
            for row in rows_of(file.name, dictionaries) {
                writeln!(text, "{}", row.join("\t")).unwrap();
            }
            (file.name, text)
        })
        .collect()
}

fn forms_column<T: ToString>(forms: &[T]) -> String {
    forms
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("|")
}

/// Tabs and line breaks cannot be in a field; notes copied from the sources sometimes hold tabs.
fn field(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn rows_of(name: &str, d: &Dictionaries) -> Vec<Vec<String>> {
    let block = |index: usize| d.verbs.blocks[index].name.clone();
    match name {
        "verb_blocks.tsv" => d
            .verbs
            .blocks
            .iter()
            .map(|b| {
                vec![
                    b.name.clone(),
                    b.code.clone().unwrap_or_default(),
                    b.provenance.to_string(),
                ]
            })
            .collect(),
        "verbs.tsv" => d
            .verbs
            .verbs
            .iter()
            .map(|v| {
                let code = v.code.clone().unwrap_or_default();
                vec![
                    block(v.block),
                    v.lemma.to_string(),
                    code,
                    forms_column(&v.forms),
                    v.provenance.to_string(),
                ]
            })
            .collect(),
        "verb_patterns.tsv" => d
            .verbs
            .patterns
            .iter()
            .map(|p| {
                let code = match &p.alt_code {
                    Some(alt) => format!("{}:{alt}", p.code),
                    None => p.code.clone(),
                };
                vec![
                    block(p.block),
                    join(&p.before),
                    join(&p.after),
                    code,
                    field(&p.note),
                    p.provenance.to_string(),
                ]
            })
            .collect(),
        "synsets.tsv" => d
            .verbs
            .synsets
            .iter()
            .flat_map(|s| {
                s.members.iter().map(|m| {
                    vec![
                        s.name.clone(),
                        m.phrase.to_string(),
                        forms_column(&m.forms),
                        m.provenance.to_string(),
                    ]
                })
            })
            .collect(),
        "verb_transformations.tsv" => d
            .verbs
            .transformations
            .iter()
            .map(|t| vec![field(&t.text), t.provenance.to_string()])
            .collect(),
        "actors.tsv" => d.actors.iter().flat_map(actor_rows).collect(),
        "agents.tsv" => d
            .agents
            .iter()
            .map(|a| {
                vec![
                    a.phrase.to_string(),
                    forms_column(&a.forms),
                    a.petrarch_code(),
                    a.provenance.to_string(),
                ]
            })
            .collect(),
        "discards.tsv" => d
            .discards
            .iter()
            .map(|x| {
                let scope = if x.whole_story { "story" } else { "sentence" };
                let matching = if x.stem { "stem" } else { "word" };
                vec![
                    x.phrase.to_string(),
                    scope.into(),
                    matching.into(),
                    x.provenance.to_string(),
                ]
            })
            .collect(),
        "issues.tsv" => {
            let issues = d.issues.phrases.iter().map(|i| {
                let category = i.category.clone().unwrap_or_default();
                vec![
                    "issue".into(),
                    category,
                    i.code.clone(),
                    i.pattern.clone(),
                    i.provenance.to_string(),
                ]
            });
            let ignores = d.issues.ignores.iter().map(|i| {
                vec![
                    "ignore".into(),
                    String::new(),
                    String::new(),
                    i.pattern.clone(),
                    i.provenance.to_string(),
                ]
            });
            issues.chain(ignores).collect()
        }
        "prepositions.tsv" => d
            .prepositions
            .iter()
            .map(|p| vec![p.word.clone(), p.provenance.to_string()])
            .collect(),
        _ => unreachable!("every file of FILES has rows"),
    }
}

fn actor_rows(actor: &ActorEntry) -> Vec<Vec<String>> {
    let date = |date: Option<NaiveDate>| date.map(|d| d.to_string()).unwrap_or_default();
    let phrases = actor.phrases.iter().map(|p| {
        vec![
            actor.id.clone(),
            p.phrase.to_string(),
            String::new(),
            String::new(),
            String::new(),
            p.provenance.to_string(),
        ]
    });
    let codes = actor.codes.iter().map(|c| {
        vec![
            actor.id.clone(),
            String::new(),
            c.code.clone(),
            date(c.from),
            date(c.until),
            c.provenance.to_string(),
        ]
    });
    phrases.chain(codes).collect()
}

// ---------------------------------------------------------------------------------------------
// Reading

/// A row: its own place (for diagnostics), where its fact comes from, and its fields without the
/// `source` column.
struct Row<'a> {
    at: Provenance,
    source: Provenance,
    fields: Vec<&'a str>,
}

/// The rows of one file; a bad header skips the file, a row with the wrong number of fields or a
/// bad source is skipped; each is reported.
fn rows<'a>(
    file: &LexiconFile,
    name: &str,
    text: &'a str,
    diagnostics: &mut Diagnostics,
) -> Vec<Row<'a>> {
    let file_name: Arc<str> = Arc::from(name);
    let mut sources: HashMap<&'a str, Arc<str>> = HashMap::new();
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty())
        .map(|(index, line)| {
            (
                Provenance {
                    file: Arc::clone(&file_name),
                    line: index as u32 + 1,
                },
                line,
            )
        });
    let Some((at, header)) = lines.next() else {
        return Vec::new();
    };
    let expected = file.columns.join("\t");
    if header.trim_end() != expected {
        diagnostics.report(
            &at,
            format!("the column header should be {:?}; file skipped", expected),
        );
        return Vec::new();
    }
    let mut rows = Vec::new();
    for (at, line) in lines {
        let mut fields: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
        if fields.len() != file.columns.len() {
            diagnostics.report(
                &at,
                format!(
                    "{} fields, expected {} ({})",
                    fields.len(),
                    file.columns.len(),
                    file.columns.join(", ")
                ),
            );
            continue;
        }
        let source_field = fields.pop().expect("every file has a source column").trim();
        match source(source_field, &at, &mut sources) {
            Ok(source) => rows.push(Row { at, source, fields }),
            Err(message) => diagnostics.report(&at, message),
        }
    }
    rows
}

fn source<'a>(
    field: &'a str,
    at: &Provenance,
    files: &mut HashMap<&'a str, Arc<str>>,
) -> Result<Provenance, String> {
    if field.is_empty() {
        return Ok(at.clone());
    }
    let bad = || format!("bad source {field:?}: use FILE:LINE");
    let (file, line) = field.rsplit_once(':').ok_or_else(bad)?;
    let line = line.parse().map_err(|_| bad())?;
    let file = files.entry(file).or_insert_with(|| Arc::from(file));
    Ok(Provenance {
        file: Arc::clone(file),
        line,
    })
}

/// Reads one eventwire dictionary file into `into`.
pub(crate) fn parse_file(
    file: &LexiconFile,
    name: &str,
    text: &str,
    into: &mut Dictionaries,
    diagnostics: &mut Diagnostics,
) {
    let mut found = Diagnostics::default();
    let rows = rows(file, name, text, &mut found);
    let mut reader = Reader {
        into,
        blocks: HashMap::new(),
        actors: HashMap::new(),
    };
    for row in &rows {
        if let Err(message) = reader.read(file.name, row) {
            found.report(&row.at, message);
        }
    }
    // Format and content problems were found in two passes; report them in line order.
    found.0.sort_by_key(|diagnostic| diagnostic.provenance.line);
    diagnostics.0.extend(found.0);
}

struct Reader<'d> {
    into: &'d mut Dictionaries,
    /// Block name → index, filled as blocks are seen or named.
    blocks: HashMap<String, usize>,
    /// Actor id → index of the actor this file's rows add to.
    actors: HashMap<String, usize>,
}

fn optional(field: &str) -> Option<String> {
    (!field.trim().is_empty()).then(|| field.trim().to_string())
}

fn phrase(field: &str) -> Result<Phrase, String> {
    Phrase::parse(field).ok_or_else(|| "empty phrase".to_string())
}

fn phrases(field: &str) -> Result<Vec<Phrase>, String> {
    field.split('|').map(phrase).collect()
}

fn date(field: &str) -> Result<Option<NaiveDate>, String> {
    optional(field)
        .map(|text| {
            NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                .map_err(|_| format!("bad date {text:?}: use YYYY-MM-DD"))
        })
        .transpose()
}

impl Reader<'_> {
    fn read(&mut self, file: &str, row: &Row) -> Result<(), String> {
        let f = &row.fields;
        match file {
            "verb_blocks.tsv" => {
                let index = self.block(f[0], &row.source)?;
                let block = &mut self.into.verbs.blocks[index];
                block.code = optional(f[1]).filter(|code| code != "---");
                block.provenance = row.source.clone();
            }
            "verbs.tsv" => {
                let block = self.block(f[0], &row.source)?;
                let lemma = verb_form(f[1].trim())?;
                let forms = f[3]
                    .split('|')
                    .map(|form| verb_form(form.trim()))
                    .collect::<Result<Vec<VerbForm>, _>>()?;
                self.into.verbs.verbs.push(Verb {
                    block,
                    lemma,
                    forms,
                    code: optional(f[2]),
                    provenance: row.source.clone(),
                });
            }
            "verb_patterns.tsv" => {
                let block = self.block(f[0], &row.source)?;
                let (code, alt_code) = match f[3].trim().split_once(':') {
                    Some((code, alt)) => (code.to_string(), Some(alt.to_string())),
                    None => (f[3].trim().to_string(), None),
                };
                self.into.verbs.patterns.push(Pattern {
                    block,
                    before: parse_items(f[1])?,
                    after: parse_items(f[2])?,
                    code,
                    alt_code,
                    note: f[4].trim().to_string(),
                    provenance: row.source.clone(),
                });
            }
            "synsets.tsv" => self.synset_member(row)?,
            "verb_transformations.tsv" => self.into.verbs.transformations.push(Transformation {
                text: f[0].trim().to_string(),
                provenance: row.source.clone(),
            }),
            "actors.tsv" => self.actor_row(row)?,
            "agents.tsv" => self.into.agents.push(agent_from_columns(
                phrase(f[0])?,
                phrases(f[1])?,
                f[2].trim(),
                &row.source,
            )?),
            "discards.tsv" => self.into.discards.push(Discard {
                phrase: phrase(f[0])?,
                whole_story: one_of(f[1], ["story", "sentence"])? == "story",
                stem: one_of(f[2], ["stem", "word"])? == "stem",
                provenance: row.source.clone(),
            }),
            "issues.tsv" => self.issue_row(row)?,
            "prepositions.tsv" => self.into.prepositions.push(Preposition {
                word: f[0].trim().to_lowercase(),
                provenance: row.source.clone(),
            }),
            _ => unreachable!("FILES names every file"),
        }
        Ok(())
    }

    /// The index of the block named `name`, adding one with the null code if it is new.
    fn block(&mut self, name: &str, provenance: &Provenance) -> Result<usize, String> {
        let name = name.trim();
        if name.is_empty() {
            return Err("empty block name".into());
        }
        let blocks = &mut self.into.verbs.blocks;
        Ok(*self.blocks.entry(name.to_string()).or_insert_with(|| {
            blocks.push(VerbBlock {
                name: name.to_string(),
                code: None,
                provenance: provenance.clone(),
            });
            blocks.len() - 1
        }))
    }

    fn synset_member(&mut self, row: &Row) -> Result<(), String> {
        let name = row.fields[0].trim().trim_start_matches('&').to_uppercase();
        let member = SynsetMember {
            phrase: phrase(row.fields[1])?,
            forms: phrases(row.fields[2])?,
            provenance: row.source.clone(),
        };
        let synsets = &mut self.into.verbs.synsets;
        match synsets.last_mut().filter(|synset| synset.name == name) {
            Some(synset) => synset.members.push(member),
            None => match synsets.iter_mut().find(|synset| synset.name == name) {
                Some(synset) => synset.members.push(member),
                None => synsets.push(Synset {
                    name,
                    members: vec![member],
                }),
            },
        }
        Ok(())
    }

    fn actor_row(&mut self, row: &Row) -> Result<(), String> {
        let [id, phrase_field, code, from, until] = row.fields[..] else {
            unreachable!("checked by rows()")
        };
        let id = id.trim();
        if id.is_empty() {
            return Err("empty actor id".into());
        }
        let actors = &mut self.into.actors;
        let index = *self.actors.entry(id.to_string()).or_insert_with(|| {
            actors.push(ActorEntry {
                id: id.to_string(),
                phrases: Vec::new(),
                codes: Vec::new(),
                provenance: row.source.clone(),
            });
            actors.len() - 1
        });
        let actor = &mut actors[index];
        match (optional(phrase_field), optional(code)) {
            (Some(text), None) if from.trim().is_empty() && until.trim().is_empty() => {
                actor.phrases.push(ActorPhrase { phrase: phrase(&text)?, provenance: row.source.clone() })
            }
            (None, Some(code)) => {
                let (from, until) = (date(from)?, date(until)?);
                if let (Some(from), Some(until)) = (from, until) {
                    if until < from {
                        return Err(format!("date range ends ({until}) before it starts ({from})"));
                    }
                }
                actor.codes.push(DatedCode { code, from, until, provenance: row.source.clone() });
            }
            _ => return Err("an actor row has either a phrase or a code (with optional dates), not both or neither".into()),
        }
        Ok(())
    }

    fn issue_row(&mut self, row: &Row) -> Result<(), String> {
        let [kind, category, code, pattern] = row.fields[..] else {
            unreachable!("checked by rows()")
        };
        let pattern = pattern.trim();
        let forms = expand(pattern);
        if forms.is_empty() {
            return Err("empty issue pattern".into());
        }
        if one_of(kind, ["issue", "ignore"])? == "ignore" {
            self.into.issues.ignores.push(IssueIgnore {
                pattern: pattern.to_string(),
                forms,
                provenance: row.source.clone(),
            });
            return Ok(());
        }
        let code = optional(code).ok_or("an issue row needs a code")?;
        self.into.issues.phrases.push(IssuePhrase {
            pattern: pattern.to_string(),
            forms,
            code,
            category: optional(category),
            provenance: row.source.clone(),
        });
        Ok(())
    }
}

fn one_of<'a>(field: &str, allowed: [&'a str; 2]) -> Result<&'a str, String> {
    allowed
        .into_iter()
        .find(|value| *value == field.trim())
        .ok_or_else(|| {
            format!(
                "{:?} should be {} or {}",
                field.trim(),
                allowed[0],
                allowed[1]
            )
        })
}
