//! Counting: true/false positives and misses, precision/recall/F1, and one-to-one matching.

use serde::Serialize;

/// F1: the harmonic mean of precision and recall; 0 when both are 0.
pub fn harmonic_mean(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// Matched, spurious and missed items of one task.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub true_pos: usize,
    pub false_pos: usize,
    pub false_neg: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_pos)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_neg)
    }

    pub fn f1(&self) -> f64 {
        harmonic_mean(self.precision(), self.recall())
    }

    pub fn add(&mut self, other: Counts) {
        self.true_pos += other.true_pos;
        self.false_pos += other.false_pos;
        self.false_neg += other.false_neg;
    }
}

/// Share of `part` in `whole`; an empty task counts as perfect so that it does not drag a floor down.
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Pairs each gold item with at most one prediction and vice versa, in gold order, first fit.
/// `already` lists pairs fixed by an earlier, stricter pass; their items are skipped.
pub fn match_one_to_one<G, P>(
    gold: &[G],
    predicted: &[P],
    already: &[(usize, usize)],
    fits: impl Fn(&G, &P) -> bool,
) -> Vec<(usize, usize)> {
    let mut pairs = already.to_vec();
    for (gi, g) in gold.iter().enumerate() {
        if pairs.iter().any(|&(pg, _)| pg == gi) {
            continue;
        }
        let free = |pi: &usize| !pairs.iter().any(|&(_, pp)| pp == *pi);
        if let Some(pi) = (0..predicted.len())
            .filter(free)
            .find(|&pi| fits(g, &predicted[pi]))
        {
            pairs.push((gi, pi));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_is_the_harmonic_mean() {
        let c = Counts {
            true_pos: 3,
            false_pos: 1,
            false_neg: 3,
        };
        assert_eq!(c.precision(), 0.75);
        assert_eq!(c.recall(), 0.5);
        assert!((c.f1() - 0.6).abs() < 1e-9);
    }

    #[test]
    fn matching_never_reuses_a_prediction() {
        let pairs = match_one_to_one(&[1, 1, 2], &[1, 2], &[], |g, p| g == p);
        assert_eq!(pairs, vec![(0, 0), (2, 1)]);
    }

    #[test]
    fn a_second_pass_keeps_the_first_pairs() {
        let first = match_one_to_one(&[5, 7], &[7, 6], &[], |g, p| g == p);
        let second = match_one_to_one(&[5, 7], &[7, 6], &first, |g, p| p - g == 1);
        assert_eq!(second, vec![(1, 0), (0, 1)]);
    }
}
