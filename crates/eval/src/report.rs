//! The evaluation report: per-task counts and accuracies, misses and false positives, printed as a
//! table or serialised as JSON.

use crate::score::{ratio, Counts};
use serde::Serialize;
use std::fmt::Write;

#[derive(Debug, Clone, Serialize)]
pub struct TaskScore {
    pub task: String,
    #[serde(flatten)]
    pub counts: Counts,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Share of matched items that also carry the right attribute (speaker, value, deadline).
#[derive(Debug, Clone, Serialize)]
pub struct Accuracy {
    pub task: String,
    pub correct: usize,
    pub total: usize,
    pub accuracy: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    Miss,
    FalsePositive,
}

/// One gold item we missed or one prediction the gold does not have.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub task: String,
    pub kind: FindingKind,
    /// Article id; filled in when reports are merged.
    pub article: String,
    /// 1-based line of the article file.
    pub paragraph: usize,
    pub text: String,
}

impl Finding {
    pub fn miss(task: &str, paragraph: usize, text: &str) -> Self {
        Self::new(task, FindingKind::Miss, paragraph, text)
    }

    pub fn false_positive(task: &str, paragraph: usize, text: &str) -> Self {
        Self::new(task, FindingKind::FalsePositive, paragraph, text)
    }

    fn new(task: &str, kind: FindingKind, paragraph: usize, text: &str) -> Self {
        let (task, text) = (task.to_string(), text.to_string());
        Finding {
            task,
            kind,
            article: String::new(),
            paragraph,
            text,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub articles: Vec<String>,
    pub scores: Vec<TaskScore>,
    pub accuracies: Vec<Accuracy>,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn new(article: &str) -> Self {
        let articles = vec![article.to_string()];
        Report {
            articles,
            scores: Vec::new(),
            accuracies: Vec::new(),
            findings: Vec::new(),
        }
    }

    /// Adds counts to a task, creating it on first use, and refreshes its P/R/F1.
    pub fn add_score(&mut self, task: &str, counts: Counts) {
        let index = match self.scores.iter().position(|s| s.task == task) {
            Some(i) => i,
            None => {
                let (precision, recall, f1) = (0.0, 0.0, 0.0);
                let (task, counts) = (task.to_string(), Counts::default());
                self.scores.push(TaskScore {
                    task,
                    counts,
                    precision,
                    recall,
                    f1,
                });
                self.scores.len() - 1
            }
        };
        let score = &mut self.scores[index];
        score.counts.add(counts);
        (score.precision, score.recall, score.f1) = (
            score.counts.precision(),
            score.counts.recall(),
            score.counts.f1(),
        );
    }

    pub fn add_accuracy(&mut self, task: &str, correct: usize, total: usize) {
        let index = match self.accuracies.iter().position(|a| a.task == task) {
            Some(i) => i,
            None => {
                let task = task.to_string();
                self.accuracies.push(Accuracy {
                    task,
                    correct: 0,
                    total: 0,
                    accuracy: 0.0,
                });
                self.accuracies.len() - 1
            }
        };
        let accuracy = &mut self.accuracies[index];
        accuracy.correct += correct;
        accuracy.total += total;
        accuracy.accuracy = ratio(accuracy.correct, accuracy.total);
    }

    /// Adds another article's report to this one (counts summed, findings tagged with its id).
    pub fn merge(&mut self, other: Report) {
        let id = other.articles.join(",");
        for s in other.scores {
            self.add_score(&s.task, s.counts);
        }
        for a in other.accuracies {
            self.add_accuracy(&a.task, a.correct, a.total);
        }
        self.findings
            .extend(other.findings.into_iter().map(|f| Finding {
                article: id.clone(),
                ..f
            }));
        self.articles.push(id);
    }

    pub fn score(&self, task: &str) -> Option<&TaskScore> {
        self.scores.iter().find(|s| s.task == task)
    }

    pub fn accuracy(&self, task: &str) -> Option<&Accuracy> {
        self.accuracies.iter().find(|a| a.task == task)
    }

    /// The human-readable table followed by the list of misses and false positives.
    pub fn to_table(&self) -> String {
        let mut out = format!("articles: {}\n\n", self.articles.join(", "));
        let _ = writeln!(
            out,
            "{:<22} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6}",
            "task", "tp", "fp", "fn", "P", "R", "F1"
        );
        for s in &self.scores {
            let c = s.counts;
            let _ = writeln!(
                out,
                "{:<22} {:>4} {:>4} {:>4} {:>6.3} {:>6.3} {:>6.3}",
                s.task, c.true_pos, c.false_pos, c.false_neg, s.precision, s.recall, s.f1
            );
        }
        out.push('\n');
        for a in &self.accuracies {
            let _ = writeln!(
                out,
                "{:<26} {:>3}/{:<3} {:>6.3}",
                a.task, a.correct, a.total, a.accuracy
            );
        }
        for (kind, title) in [
            (FindingKind::Miss, "misses"),
            (FindingKind::FalsePositive, "false positives"),
        ] {
            let _ = writeln!(out, "\n{title}:");
            for f in self.findings.iter().filter(|f| f.kind == kind) {
                let _ = writeln!(
                    out,
                    "  [{}] {} ¶{}: {}",
                    f.task, f.article, f.paragraph, f.text
                );
            }
        }
        out
    }
}
