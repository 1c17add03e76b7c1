//! Expands the paths given on the command line into the files to read: files as given,
//! directories recursively in sorted order (hidden entries and unknown extensions skipped).
//!
//! Every file is read once: files and directories are recognised by their canonical path, so a
//! file named twice, or reached again through a symbolic link, is skipped with a note, and a link
//! back to a folder being walked (a loop) is not followed. Every input gets an article id of its
//! own (see [`unique_ids`]).

use crate::error::{IngestError, Reason};
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Extensions read from directories; a file named explicitly is read whatever its name.
/// Markdown is left out on purpose: in a directory it is mostly a README, not an article.
const TEXT_EXTENSIONS: [&str; 2] = ["txt", "text"];
const HTML_EXTENSIONS: [&str; 3] = ["html", "htm", "xhtml"];
const JSONL_EXTENSIONS: [&str; 2] = ["jsonl", "ndjson"];

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or HTML, told apart by the extension or the first tag.
    Document,
    JsonLines,
}

/// One file to read, with the article id it gives (unique among the run's inputs).
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    pub id: String,
    pub format: Format,
}

/// A path that was not read because its file or folder had been reached before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    /// The path the same file or folder was first reached by.
    pub first: PathBuf,
    /// True when the path is a folder that contains itself through a link.
    pub is_loop: bool,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_loop {
            write!(
                f,
                "{}: links back to {} (a loop), not followed",
                self.path.display(),
                self.first.display()
            )
        } else {
            write!(
                f,
                "{}: same file as {}, read once",
                self.path.display(),
                self.first.display()
            )
        }
    }
}

/// The inputs of a run and the paths skipped as repeats.
#[derive(Debug, Default)]
pub struct Expanded {
    pub inputs: Vec<Result<Input, IngestError>>,
    pub skipped: Vec<Skipped>,
}

/// A file found, before ids are made unique.
struct Found {
    path: PathBuf,
    /// The path below the directory it was found in, or the path as given for a named file.
    relative: PathBuf,
    /// Whether it was named on the command line (its short id is its stem) or found in a folder.
    named: bool,
    canonical: PathBuf,
}

/// The walk's state: what has been found, and every canonical path already reached.
#[derive(Default)]
struct Walk {
    found: Vec<Result<Found, IngestError>>,
    skipped: Vec<Skipped>,
    /// Canonical path → the path it was first reached by.
    seen: HashMap<PathBuf, PathBuf>,
}

/// The files behind `paths`, in order; unreadable paths become errors in place.
pub fn expand(paths: &[PathBuf]) -> Expanded {
    let mut walk = Walk::default();
    for path in paths {
        match fs::metadata(path) {
            Err(e) => walk.fail(path, e),
            Ok(meta) if meta.is_dir() => {
                if let Some(canonical) = walk.first_visit(path, &HashSet::new()) {
                    let mut ancestors = HashSet::from([canonical]);
                    walk.dir(path, path, &mut ancestors);
                }
            }
            Ok(_) => walk.file(path, path.to_path_buf(), true),
        }
    }
    let ids = unique_ids(walk.found.iter().filter_map(|f| f.as_ref().ok()));
    let mut ids = ids.into_iter();
    let inputs = walk
        .found
        .into_iter()
        .map(|found| {
            let found = found?;
            let id = ids.next().expect("one id per file found");
            Ok(input(&found.path, id))
        })
        .collect();
    Expanded {
        inputs,
        skipped: walk.skipped,
    }
}

impl Walk {
    fn fail(&mut self, path: &Path, error: std::io::Error) {
        self.found.push(Err(IngestError::new(
            path.display(),
            Reason::Unreadable(error),
        )));
    }

    /// The canonical path when this is the first time it is reached; otherwise records the skip
    /// (a loop when it is one of the folders being walked) and returns `None`.
    fn first_visit(&mut self, path: &Path, ancestors: &HashSet<PathBuf>) -> Option<PathBuf> {
        let canonical = match fs::canonicalize(path) {
            Ok(canonical) => canonical,
            Err(e) => {
                self.fail(path, e);
                return None;
            }
        };
        if let Some(first) = self.seen.get(&canonical) {
            self.skipped.push(Skipped {
                path: path.to_path_buf(),
                first: first.clone(),
                is_loop: ancestors.contains(&canonical),
            });
            return None;
        }
        self.seen.insert(canonical.clone(), path.to_path_buf());
        Some(canonical)
    }

    fn file(&mut self, path: &Path, relative: PathBuf, named: bool) {
        if let Some(canonical) = self.first_visit(path, &HashSet::new()) {
            self.found.push(Ok(Found {
                path: path.to_path_buf(),
                relative,
                named,
                canonical,
            }));
        }
    }

    /// Walks `dir` (below `root`) in sorted order. `ancestors` holds the canonical folders on the
    /// way down, to tell a loop from a second route to the same folder.
    fn dir(&mut self, root: &Path, dir: &Path, ancestors: &mut HashSet<PathBuf>) {
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.fail(dir, e),
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            match fs::metadata(&path) {
                Err(e) => self.fail(&path, e),
                Ok(meta) if meta.is_dir() => {
                    if let Some(canonical) = self.first_visit(&path, ancestors) {
                        ancestors.insert(canonical.clone());
                        self.dir(root, &path, ancestors);
                        ancestors.remove(&canonical);
                    }
                }
                Ok(_) if is_known_extension(&path) => {
                    let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                    self.file(&path, relative, false);
                }
                Ok(_) => {}
            }
        }
    }
}

/// The article id of each file, unique within the run. The rule, shortest first:
///
/// 1. a file named on the command line: its stem (`news/seed-article.txt` → `seed-article`); a
///    file found in a directory: its path below that directory without the extension
///    (`news/2025/jan/putin.txt` under `news` → `2025/jan/putin`);
/// 2. when that id is shared by several files: the same with the extension
///    (`g7.txt`, `g7.html`; `2025/report.txt`);
/// 3. when still shared: the path as given on the command line, or as reached through the
///    directory given (`a/report.txt`, `b/report.txt`);
/// 4. when still shared (two routes spelled alike, e.g. `x/a.txt` named and `a.txt` in the
///    folder `x` given): the canonical absolute path.
///
/// Paths use `/` between folders on every platform.
fn unique_ids<'a>(found: impl Iterator<Item = &'a Found>) -> Vec<String> {
    let found: Vec<&Found> = found.collect();
    let rules: [&dyn Fn(&Found) -> String; 4] = [
        &|f| {
            if f.named {
                lossy(f.relative.file_stem().unwrap_or(f.relative.as_os_str()))
            } else {
                slashed(&f.relative.with_extension(""))
            }
        },
        &|f| {
            if f.named {
                lossy(f.relative.file_name().unwrap_or(f.relative.as_os_str()))
            } else {
                slashed(&f.relative)
            }
        },
        &|f| slashed(&f.path),
        &|f| slashed(&f.canonical),
    ];
    let mut ids: Vec<String> = found.iter().map(|f| rules[0](f)).collect();
    for rule in &rules[1..] {
        let shared = shared_ids(&ids);
        if shared.is_empty() {
            break;
        }
        for (id, f) in ids.iter_mut().zip(&found) {
            if shared.contains(id.as_str()) {
                *id = rule(f);
            }
        }
    }
    ids
}

/// The ids given to more than one file.
fn shared_ids(ids: &[String]) -> HashSet<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for id in ids {
        *counts.entry(id).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(id, _)| id.to_string())
        .collect()
}

fn lossy(name: &std::ffi::OsStr) -> String {
    name.to_string_lossy().into_owned()
}

/// A path with `/` between its parts (`./` and leading `/` dropped).
fn slashed(path: &Path) -> String {
    path.components()
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => Some(part.to_string_lossy()),
            std::path::Component::ParentDir => Some("..".into()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn input(path: &Path, id: String) -> Input {
    let format = match extension(path).as_deref() {
        Some(ext) if JSONL_EXTENSIONS.contains(&ext) => Format::JsonLines,
        _ => Format::Document,
    };
    Input {
        path: path.to_path_buf(),
        id,
        format,
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

fn is_known_extension(path: &Path) -> bool {
    match extension(path) {
        None => true,
        Some(ext) => [&TEXT_EXTENSIONS[..], &HTML_EXTENSIONS, &JSONL_EXTENSIONS]
            .concat()
            .contains(&ext.as_str()),
    }
}

/// True when the path's extension says HTML.
pub fn is_html_path(path: &Path) -> bool {
    extension(path).is_some_and(|ext| HTML_EXTENSIONS.contains(&ext.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(expanded: &Expanded) -> Vec<String> {
        expanded
            .inputs
            .iter()
            .map(|i| i.as_ref().unwrap().id.clone())
            .collect()
    }

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn same_stems_in_two_folders_or_with_two_extensions_get_ids_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a/report.txt", "A.");
        let b = write(dir.path(), "b/report.txt", "B.");
        let seed = write(dir.path(), "seed-article.txt", "S.");
        let named = expand(&[a, b, seed]);
        let prefix = slashed(dir.path());
        assert_eq!(
            ids(&named),
            [
                format!("{prefix}/a/report.txt"),
                format!("{prefix}/b/report.txt"),
                "seed-article".to_string()
            ]
        );
        let g7 = dir.path().join("g7");
        write(&g7, "g7.txt", "T.");
        write(&g7, "g7.html", "<p>H.</p>");
        write(&g7, "2025/jan/putin.txt", "P.");
        assert_eq!(ids(&expand(&[g7])), ["2025/jan/putin", "g7.html", "g7.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_reached_twice_is_read_once_and_said_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = write(dir.path(), "news/putin.txt", "P.");
        std::os::unix::fs::symlink(&file, dir.path().join("news/zz-link.txt")).unwrap();
        let expanded = expand(&[dir.path().join("news"), file.clone()]);
        assert_eq!(ids(&expanded), ["putin"]);
        let skipped: Vec<String> = expanded.skipped.iter().map(|s| s.to_string()).collect();
        let news = dir.path().join("news");
        assert_eq!(
            skipped,
            [
                format!(
                    "{}: same file as {}, read once",
                    news.join("zz-link.txt").display(),
                    file.display()
                ),
                format!(
                    "{}: same file as {}, read once",
                    file.display(),
                    file.display()
                ),
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_link_loops_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        write(&root, "a/one.txt", "1.");
        write(&root, "b/two.txt", "2.");
        std::os::unix::fs::symlink(&root, root.join("a/up")).unwrap();
        std::os::unix::fs::symlink(root.join("a"), root.join("b/to-a")).unwrap();
        std::os::unix::fs::symlink(root.join("b"), root.join("b/self")).unwrap();
        let expanded = expand(std::slice::from_ref(&root));
        assert_eq!(ids(&expanded), ["a/one", "b/two"]);
        let loops: Vec<(PathBuf, bool)> = expanded
            .skipped
            .iter()
            .map(|s| (s.path.strip_prefix(&root).unwrap().to_path_buf(), s.is_loop))
            .collect();
        assert_eq!(
            loops,
            [
                (PathBuf::from("a/up"), true),
                (PathBuf::from("b/self"), true),
                (PathBuf::from("b/to-a"), false),
            ]
        );
    }
}
