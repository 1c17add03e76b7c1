//! Expands the paths given on the command line into the files to read: files as given,
//! directories recursively in sorted order (hidden entries and unknown extensions skipped).

use crate::error::{IngestError, Reason};
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

/// One file to read, with the article id it gives (the stem, or the path below the directory
/// given, so that same-named files in different folders stay distinct).
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    pub id: String,
    pub format: Format,
}

/// The files behind `paths`, in order; unreadable paths become errors in place.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<Input, IngestError>> {
    let mut inputs = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Err(e) => inputs.push(Err(IngestError::new(path.display(), Reason::Unreadable(e)))),
            Ok(meta) if meta.is_dir() => walk_dir(path, path, &mut inputs),
            Ok(_) => {
                let stem = path.file_stem().unwrap_or(path.as_os_str());
                inputs.push(Ok(input(path, stem.to_string_lossy().into())));
            }
        }
    }
    inputs
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

fn walk_dir(root: &Path, dir: &Path, inputs: &mut Vec<Result<Input, IngestError>>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return inputs.push(Err(IngestError::new(dir.display(), Reason::Unreadable(e)))),
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
            Err(e) => inputs.push(Err(IngestError::new(path.display(), Reason::Unreadable(e)))),
            Ok(meta) if meta.is_dir() => walk_dir(root, &path, inputs),
            Ok(_) if is_known_extension(&path) => {
                inputs.push(Ok(input(&path, relative_id(root, &path))));
            }
            Ok(_) => {}
        }
    }
}

fn is_known_extension(path: &Path) -> bool {
    match extension(path) {
        None => true,
        Some(ext) => [&TEXT_EXTENSIONS[..], &HTML_EXTENSIONS, &JSONL_EXTENSIONS]
            .concat()
            .contains(&ext.as_str()),
    }
}

/// "news/2025/putin.txt" under "news" → "2025/putin".
fn relative_id(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path).with_extension("");
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// True when the path's extension says HTML.
pub fn is_html_path(path: &Path) -> bool {
    extension(path).is_some_and(|ext| HTML_EXTENSIONS.contains(&ext.as_str()))
}
