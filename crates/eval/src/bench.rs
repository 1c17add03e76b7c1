//! Throughput benchmark: a synthetic news corpus built at run time by recombining the paragraphs
//! of real articles (nothing large is committed), run through the full pipeline (optionally into
//! a SQLite store) on a given number of threads, with articles/s, MB/s, CPU seconds per MB, the
//! CPU time of each stage and the process's peak resident memory.

use cpu_time::{ProcessTime, ThreadTime};
use eventwire_model::{Article, ArticleMeta};
use eventwire_pipeline::Pipeline;
use eventwire_store::Store;
use rayon::prelude::*;
use serde::Serialize;
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver};
use std::time::{Duration, Instant};

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

/// Builds at least `target_bytes` of articles drawn from the paragraphs (lines) of `sources`,
/// dated across 2024–2025 so relative dates resolve differently. Articles have 4–15 paragraphs,
/// or, with `article_bytes`, as many paragraphs as reach that size (to show whether the time per
/// megabyte depends on article length).
pub fn synthetic_corpus(
    sources: &[String],
    target_bytes: usize,
    article_bytes: Option<usize>,
) -> Vec<CorpusArticle> {
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
        let chosen: Vec<&str> = match article_bytes {
            Some(size) => {
                let mut chosen = Vec::new();
                let mut length = 0;
                while length < size {
                    let paragraph = paragraphs[random.below(paragraphs.len())];
                    length += paragraph.len() + 1;
                    chosen.push(paragraph);
                }
                chosen
            }
            None => {
                let count = 4 + random.below(12);
                (0..count)
                    .map(|_| paragraphs[random.below(paragraphs.len())])
                    .collect()
            }
        };
        let text = chosen.join("\n") + "\n";
        let published = first_day + chrono::Days::new(random.below(730) as u64);
        bytes += text.len();
        corpus.push(CorpusArticle { text, published });
    }
    corpus
}

/// How one benchmark run is made.
pub struct RunOptions<'a> {
    /// Annotation threads.
    pub threads: usize,
    /// Also store every annotated article in a new SQLite database at this path, from a writer
    /// thread fed by a bounded queue (as `eventwire ingest` does).
    pub store: Option<&'a Path>,
}

/// Annotated articles waiting for the writer thread; bounded so memory stays flat.
const WRITE_QUEUE: usize = 64;

/// CPU time one stage took, summed over the threads that ran it.
#[derive(Debug, Clone, Serialize)]
pub struct StageCpu {
    pub stage: &'static str,
    pub cpu_seconds: f64,
    /// Fraction of the process's CPU time in the run.
    pub share: f64,
}

/// Speed of one run over the corpus. CPU figures are the process's (all threads, user and
/// system), so they hold on a machine shared with other work, where wall time does not.
#[derive(Debug, Clone, Serialize)]
pub struct Throughput {
    pub threads: usize,
    pub articles: usize,
    pub megabytes: f64,
    pub seconds: f64,
    pub cpu_seconds: f64,
    pub articles_per_second: f64,
    pub megabytes_per_second: f64,
    pub megabytes_per_cpu_second: f64,
    pub cpu_seconds_per_megabyte: f64,
    /// Peak resident memory of the process so far (VmHWM), in MiB; `None` off Linux.
    pub peak_rss_mib: Option<f64>,
    /// Per-stage CPU time, in pipeline order (`store` last when storing).
    pub stages: Vec<StageCpu>,
    /// Size of the database file divided by the bytes of text stored, when storing.
    pub db_bytes_per_input_byte: Option<f64>,
}

/// Thread CPU time per stage name, in the order the stages first ran.
#[derive(Default)]
struct StageTimes(Vec<(&'static str, Duration)>);

impl StageTimes {
    fn add(&mut self, stage: &'static str, time: Duration) {
        match self.0.iter_mut().find(|(name, _)| *name == stage) {
            Some((_, total)) => *total += time,
            None => self.0.push((stage, time)),
        }
    }

    fn merged(mut self, other: StageTimes) -> StageTimes {
        for (stage, time) in other.0 {
            self.add(stage, time);
        }
        self
    }
}

/// Annotates every article on `options.threads` threads, timing each stage, and stores them
/// when asked.
pub fn run(
    pipeline: &Pipeline,
    corpus: &[CorpusArticle],
    options: &RunOptions,
) -> anyhow::Result<Throughput> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()?;
    let (wall, cpu) = (Instant::now(), ProcessTime::now());
    let times = std::thread::scope(|scope| -> anyhow::Result<StageTimes> {
        let (queue, writer) = match options.store {
            Some(path) => {
                let (queue, stored) = sync_channel(WRITE_QUEUE);
                (
                    Some(queue),
                    Some(scope.spawn(move || store_all(path, stored))),
                )
            }
            None => (None, None),
        };
        let mut times = pool.install(|| {
            corpus
                .par_iter()
                .enumerate()
                .fold(StageTimes::default, |mut times, (i, source)| {
                    let article = annotate_timed(pipeline, i, source, &mut times);
                    if let Some(queue) = &queue {
                        // A closed queue means the writer failed; its error surfaces at join.
                        let _ = queue.send(article);
                    }
                    times
                })
                .reduce(StageTimes::default, StageTimes::merged)
        });
        drop(queue);
        if let Some(writer) = writer {
            let store_time = writer
                .join()
                .map_err(|_| anyhow::anyhow!("the writer thread panicked"))??;
            times.add("store", store_time);
        }
        Ok(times)
    })?;
    let (seconds, cpu_seconds) = (wall.elapsed().as_secs_f64(), cpu.elapsed().as_secs_f64());
    let text_bytes = corpus.iter().map(|a| a.text.len()).sum::<usize>();
    let megabytes = text_bytes as f64 / 1e6;
    let db_bytes_per_input_byte = match options.store {
        Some(path) => Some(std::fs::metadata(path)?.len() as f64 / text_bytes as f64),
        None => None,
    };
    Ok(Throughput {
        threads: options.threads,
        articles: corpus.len(),
        megabytes,
        seconds,
        cpu_seconds,
        articles_per_second: corpus.len() as f64 / seconds,
        megabytes_per_second: megabytes / seconds,
        megabytes_per_cpu_second: megabytes / cpu_seconds,
        cpu_seconds_per_megabyte: cpu_seconds / megabytes,
        peak_rss_mib: peak_rss_mib(),
        stages: times
            .0
            .into_iter()
            .map(|(stage, time)| StageCpu {
                stage,
                cpu_seconds: time.as_secs_f64(),
                share: time.as_secs_f64() / cpu_seconds,
            })
            .collect(),
        db_bytes_per_input_byte,
    })
}

/// One article through every stage, adding each stage's CPU time on this thread to `times`.
fn annotate_timed(
    pipeline: &Pipeline,
    index: usize,
    source: &CorpusArticle,
    times: &mut StageTimes,
) -> Article {
    let meta = ArticleMeta {
        published: Some(source.published),
        ..Default::default()
    };
    let mut article = Article::new(format!("bench-{index}"), source.text.clone(), meta);
    for stage in pipeline.stages() {
        let started = ThreadTime::now();
        stage.annotate(&mut article);
        times.add(stage.name(), started.elapsed());
    }
    article
}

/// The writer thread: saves every article it is sent into a new database at `path`, each in its
/// own transaction; returns its CPU time. The store is closed before returning, so the file has
/// its final size.
fn store_all(path: &Path, articles: Receiver<Article>) -> anyhow::Result<Duration> {
    let started = ThreadTime::now();
    let mut store = Store::open(path)?;
    for article in articles {
        store.save(&article)?;
    }
    drop(store);
    Ok(started.elapsed())
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
        let corpus = synthetic_corpus(&sources, 50_000, None);
        let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
        assert!(bytes >= 50_000);
        assert!(corpus
            .iter()
            .all(|a| a.text.lines().all(|l| SEED.contains(l))));
        let again = synthetic_corpus(&sources, 50_000, None);
        assert_eq!(corpus[3].text, again[3].text);
        assert!(corpus.iter().any(|a| a.published != corpus[0].published));
    }

    #[test]
    fn sized_articles_reach_their_size_by_at_most_one_paragraph() {
        let sources = [SEED.to_string()];
        let longest = SEED.lines().map(|l| l.len() + 1).max().unwrap();
        let corpus = synthetic_corpus(&sources, 100_000, Some(20_000));
        assert!(corpus
            .iter()
            .all(|a| a.text.len() >= 20_000 && a.text.len() < 20_000 + longest + 1));
    }

    #[test]
    fn a_run_with_the_store_times_every_stage_and_stores_every_article() {
        let pipeline = Pipeline::standard().unwrap();
        let corpus = synthetic_corpus(&[SEED.to_string()], 5_000, None);
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("bench.db");
        let options = RunOptions {
            threads: 2,
            store: Some(&db),
        };
        let figures = run(&pipeline, &corpus, &options).unwrap();
        let stages: Vec<&str> = figures.stages.iter().map(|s| s.stage).collect();
        let mut expected = pipeline.stage_names();
        expected.push("store");
        assert_eq!(stages, expected);
        assert!(figures.stages.iter().all(|s| s.cpu_seconds > 0.0));
        let stage_cpu: f64 = figures.stages.iter().map(|s| s.cpu_seconds).sum();
        assert!(stage_cpu <= figures.cpu_seconds * 1.01);
        let stored = Store::open(&db).unwrap().stats().unwrap().articles;
        assert_eq!(stored as usize, corpus.len());
        assert!(figures.db_bytes_per_input_byte.unwrap() > 1.0);
    }

    #[test]
    fn peak_memory_is_read_on_linux() {
        assert!(peak_rss_mib().is_some_and(|m| m > 0.0));
    }
}
