//! Throughput benchmark: a synthetic news corpus built at run time by recombining the paragraphs
//! of real articles (nothing large is committed), run through the full pipeline on one thread and
//! on all cores, with articles/s, MB/s and the process's peak resident memory.

use eventwire_model::{Article, ArticleMeta};
use eventwire_pipeline::Pipeline;
use rayon::prelude::*;
use serde::Serialize;
use std::time::Instant;

/// One synthetic article: paragraphs drawn from the sources, with its own publication date.
pub struct CorpusArticle {
    pub text: String,
    pub published: chrono::NaiveDate,
}

/// A deterministic generator (64-bit LCG): the same corpus on every run, so figures compare.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Builds at least `target_bytes` of articles of 4–15 paragraphs each, drawn from the paragraphs
/// (lines) of `sources`, dated across 2024–2025 so relative dates resolve differently.
pub fn synthetic_corpus(sources: &[String], target_bytes: usize) -> Vec<CorpusArticle> {
    let paragraphs: Vec<&str> = sources
        .iter()
        .flat_map(|text| text.lines())
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if paragraphs.is_empty() {
        return Vec::new();
    }
    let first_day = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid date");
    let mut random = Lcg(0x5eed);
    let (mut corpus, mut bytes) = (Vec::new(), 0);
    while bytes < target_bytes {
        let count = 4 + random.below(12);
        let chosen: Vec<&str> = (0..count)
            .map(|_| paragraphs[random.below(paragraphs.len())])
            .collect();
        let text = chosen.join("\n") + "\n";
        let published = first_day + chrono::Days::new(random.below(730) as u64);
        bytes += text.len();
        corpus.push(CorpusArticle { text, published });
    }
    corpus
}

/// Speed of one run over the corpus.
#[derive(Debug, Clone, Serialize)]
pub struct Throughput {
    pub threads: usize,
    pub articles: usize,
    pub megabytes: f64,
    pub seconds: f64,
    pub articles_per_second: f64,
    pub megabytes_per_second: f64,
    /// Peak resident memory of the process so far (VmHWM), in MiB; `None` off Linux.
    pub peak_rss_mib: Option<f64>,
}

/// Annotates every article, on the current thread or on all of rayon's threads.
pub fn run(pipeline: &Pipeline, corpus: &[CorpusArticle], parallel: bool) -> Throughput {
    let start = Instant::now();
    let annotate = |(i, a): (usize, &CorpusArticle)| {
        let meta = ArticleMeta {
            published: Some(a.published),
            ..Default::default()
        };
        let mut article = Article::new(format!("bench-{i}"), a.text.clone(), meta);
        pipeline.annotate(&mut article);
    };
    let threads = if parallel {
        corpus.par_iter().enumerate().for_each(annotate);
        rayon::current_num_threads()
    } else {
        corpus.iter().enumerate().for_each(annotate);
        1
    };
    let seconds = start.elapsed().as_secs_f64();
    let megabytes = corpus.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6;
    Throughput {
        threads,
        articles: corpus.len(),
        megabytes,
        seconds,
        articles_per_second: corpus.len() as f64 / seconds,
        megabytes_per_second: megabytes / seconds,
        peak_rss_mib: peak_rss_mib(),
    }
}

/// VmHWM from /proc/self/status: the most memory the process has held at once.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../corpus/seed-article.txt");

    #[test]
    fn the_corpus_reaches_its_size_from_real_paragraphs_and_is_the_same_every_time() {
        let sources = [SEED.to_string()];
        let corpus = synthetic_corpus(&sources, 50_000);
        let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
        assert!(bytes >= 50_000);
        assert!(corpus
            .iter()
            .all(|a| a.text.lines().all(|l| SEED.contains(l))));
        let again = synthetic_corpus(&sources, 50_000);
        assert_eq!(corpus[3].text, again[3].text);
        assert!(corpus.iter().any(|a| a.published != corpus[0].published));
    }

    #[test]
    fn peak_memory_is_read_on_linux() {
        assert!(peak_rss_mib().is_some_and(|m| m > 0.0));
    }
}
