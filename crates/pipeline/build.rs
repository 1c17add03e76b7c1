//! Hashes the bundled data (`data/`: dictionaries, patterns, lexicons, the syntax model) at build
//! time. Every stage embeds those files with `include_str!`/`include_bytes!`, so this hash names
//! exactly the knowledge compiled into the binary; `coder_version()` reports it on every row.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut files = Vec::new();
    collect_files(&data, &mut files);
    files.sort();
    let mut hasher = blake3::Hasher::new();
    for file in &files {
        // The relative path goes in too, so that renaming or moving a file changes the hash.
        let relative = file.strip_prefix(&data).unwrap_or(file);
        hasher.update(relative.to_string_lossy().as_bytes());
        hasher.update(&[0]);
        let bytes = fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    let hash = hasher.finalize().to_hex();
    println!("cargo:rustc-env=EVENTWIRE_DATA_HASH={}", &hash[..16]);
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, files);
        } else {
            files.push(path);
        }
    }
}
