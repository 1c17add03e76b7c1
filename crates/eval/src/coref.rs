//! Coreference metrics over entity partitions: MUC (Vilain et al. 1995), B³ (Bagga & Baldwin
//! 1998) and entity-based CEAF with φ4 similarity (Luo 2005), and their mean, the CoNLL score.
//!
//! An entity is a list of mention ids; the key (gold) and response (system) entities are compared
//! on the ids they share, so the caller aligns system mentions to gold ones first and gives an
//! unaligned system mention an id no gold mention has.

use serde::Serialize;
use std::collections::HashMap;

/// One metric's recall and precision as numerator/denominator pairs, so that documents add up
/// (micro-average) before dividing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct CorefMetric {
    pub recall_num: f64,
    pub recall_den: f64,
    pub precision_num: f64,
    pub precision_den: f64,
}

impl CorefMetric {
    /// Recall; 1 when the key is empty (nothing to find).
    pub fn recall(&self) -> f64 {
        fraction(self.recall_num, self.recall_den)
    }

    /// Precision; 1 when the response is empty (nothing claimed).
    pub fn precision(&self) -> f64 {
        fraction(self.precision_num, self.precision_den)
    }

    pub fn f1(&self) -> f64 {
        crate::score::harmonic_mean(self.precision(), self.recall())
    }

    pub fn add(&mut self, other: &CorefMetric) {
        self.recall_num += other.recall_num;
        self.recall_den += other.recall_den;
        self.precision_num += other.precision_num;
        self.precision_den += other.precision_den;
    }
}

fn fraction(num: f64, den: f64) -> f64 {
    if den == 0.0 {
        1.0
    } else {
        num / den
    }
}

/// The three metrics of one comparison (or a sum of them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct CorefScores {
    pub muc: CorefMetric,
    pub b_cubed: CorefMetric,
    pub ceaf_e: CorefMetric,
}

impl CorefScores {
    /// Scores `response` against `key`.
    pub fn compare(key: &[Vec<usize>], response: &[Vec<usize>]) -> Self {
        CorefScores {
            muc: muc(key, response),
            b_cubed: b_cubed(key, response),
            ceaf_e: ceaf_e(key, response),
        }
    }

    /// Mean of the MUC, B³ and CEAF-e F1: the CoNLL-2012 score.
    pub fn conll(&self) -> f64 {
        (self.muc.f1() + self.b_cubed.f1() + self.ceaf_e.f1()) / 3.0
    }

    pub fn add(&mut self, other: &CorefScores) {
        self.muc.add(&other.muc);
        self.b_cubed.add(&other.b_cubed);
        self.ceaf_e.add(&other.ceaf_e);
    }
}

/// Entity index of every mention id of a partition.
fn entity_of(entities: &[Vec<usize>]) -> HashMap<usize, usize> {
    entities
        .iter()
        .enumerate()
        .flat_map(|(e, mentions)| mentions.iter().map(move |&m| (m, e)))
        .collect()
}

/// MUC: an entity of `n` mentions needs `n − 1` links; of those, the other partition keeps all
/// but one per extra part it splits the entity into (a mention it lacks is a part of its own).
pub fn muc(key: &[Vec<usize>], response: &[Vec<usize>]) -> CorefMetric {
    let (recall_num, recall_den) = muc_links(key, response);
    let (precision_num, precision_den) = muc_links(response, key);
    CorefMetric {
        recall_num,
        recall_den,
        precision_num,
        precision_den,
    }
}

/// (links of `entities` kept by `other`, links of `entities`).
fn muc_links(entities: &[Vec<usize>], other: &[Vec<usize>]) -> (f64, f64) {
    let other_entity = entity_of(other);
    let (mut kept, mut needed) = (0, 0);
    for entity in entities.iter().filter(|e| !e.is_empty()) {
        let mut parts: Vec<Option<usize>> = Vec::new();
        let mut unmatched = 0;
        for m in entity {
            match other_entity.get(m) {
                Some(&e) if !parts.contains(&Some(e)) => parts.push(Some(e)),
                Some(_) => {}
                None => unmatched += 1,
            }
        }
        kept += entity.len() - (parts.len() + unmatched);
        needed += entity.len() - 1;
    }
    (kept as f64, needed as f64)
}

/// B³: per mention, the share of its entity that the other partition puts with it.
pub fn b_cubed(key: &[Vec<usize>], response: &[Vec<usize>]) -> CorefMetric {
    let (recall_num, recall_den) = b_cubed_side(key, response);
    let (precision_num, precision_den) = b_cubed_side(response, key);
    CorefMetric {
        recall_num,
        recall_den,
        precision_num,
        precision_den,
    }
}

/// (Σ over entities of Σ over the other's entities |e ∩ o|² / |e|, number of mentions).
fn b_cubed_side(entities: &[Vec<usize>], other: &[Vec<usize>]) -> (f64, f64) {
    let other_entity = entity_of(other);
    let (mut sum, mut mentions) = (0.0, 0.0);
    for entity in entities.iter().filter(|e| !e.is_empty()) {
        let mut overlaps: HashMap<usize, usize> = HashMap::new();
        for m in entity {
            if let Some(&o) = other_entity.get(m) {
                *overlaps.entry(o).or_default() += 1;
            }
        }
        let size = entity.len() as f64;
        sum += overlaps
            .values()
            .map(|&n| (n * n) as f64 / size)
            .sum::<f64>();
        mentions += size;
    }
    (sum, mentions)
}

/// CEAF-e: the one-to-one alignment of key and response entities with the largest total φ4,
/// divided by the number of key (recall) and response (precision) entities.
pub fn ceaf_e(key: &[Vec<usize>], response: &[Vec<usize>]) -> CorefMetric {
    let key: Vec<&Vec<usize>> = key.iter().filter(|e| !e.is_empty()).collect();
    let response: Vec<&Vec<usize>> = response.iter().filter(|e| !e.is_empty()).collect();
    let similarity: Vec<Vec<f64>> = key
        .iter()
        .map(|k| response.iter().map(|r| phi4(k, r)).collect())
        .collect();
    let best: f64 = max_weight_assignment(&similarity)
        .into_iter()
        .map(|(k, r)| similarity[k][r])
        .sum();
    CorefMetric {
        recall_num: best,
        recall_den: key.len() as f64,
        precision_num: best,
        precision_den: response.len() as f64,
    }
}

/// φ4 entity similarity: 2|K ∩ R| / (|K| + |R|).
fn phi4(key: &[usize], response: &[usize]) -> f64 {
    let common = key.iter().filter(|m| response.contains(m)).count();
    2.0 * common as f64 / (key.len() + response.len()) as f64
}

/// Kuhn–Munkres (Hungarian) assignment maximising the summed weight of a rows × columns matrix
/// (any shape): the (row, column) pairs chosen, at most one per row and per column.
pub fn max_weight_assignment(weights: &[Vec<f64>]) -> Vec<(usize, usize)> {
    let rows = weights.len();
    let columns = weights.first().map_or(0, Vec::len);
    let n = rows.max(columns);
    if n == 0 {
        return Vec::new();
    }
    let top = weights.iter().flatten().fold(0.0_f64, |a, &b| a.max(b));
    // Minimise top − weight on the matrix padded square with zero-weight cells.
    let cost = |r: usize, c: usize| {
        top - weights
            .get(r)
            .and_then(|row| row.get(c))
            .copied()
            .unwrap_or(0.0)
    };
    let column_of_row = hungarian_min_cost(n, cost);
    column_of_row
        .into_iter()
        .enumerate()
        .filter(|&(r, c)| r < rows && c < columns)
        .collect()
}

/// The O(n³) shortest-augmenting-path Hungarian algorithm with row and column potentials on an
/// n × n cost matrix; returns the column assigned to each row.
fn hungarian_min_cost(n: usize, cost: impl Fn(usize, usize) -> f64) -> Vec<usize> {
    // 1-based arrays; index 0 is the virtual row/column the augmenting path starts from.
    let mut row_potential = vec![0.0; n + 1];
    let mut column_potential = vec![0.0; n + 1];
    let mut row_of_column = vec![0usize; n + 1];
    let mut way = vec![0usize; n + 1];
    for row in 1..=n {
        row_of_column[0] = row;
        let mut column = 0;
        let mut min_slack = vec![f64::INFINITY; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[column] = true;
            let current_row = row_of_column[column];
            let mut delta = f64::INFINITY;
            let mut next_column = 0;
            for c in 1..=n {
                if used[c] {
                    continue;
                }
                let slack =
                    cost(current_row - 1, c - 1) - row_potential[current_row] - column_potential[c];
                if slack < min_slack[c] {
                    min_slack[c] = slack;
                    way[c] = column;
                }
                if min_slack[c] < delta {
                    delta = min_slack[c];
                    next_column = c;
                }
            }
            for c in 0..=n {
                if used[c] {
                    row_potential[row_of_column[c]] += delta;
                    column_potential[c] -= delta;
                } else {
                    min_slack[c] -= delta;
                }
            }
            column = next_column;
            if row_of_column[column] == 0 {
                break;
            }
        }
        // Flip the augmenting path back to the start.
        while column != 0 {
            let previous = way[column];
            row_of_column[column] = row_of_column[previous];
            column = previous;
        }
    }
    let mut column_of_row = vec![0; n];
    for c in 1..=n {
        column_of_row[row_of_column[c] - 1] = c - 1;
    }
    column_of_row
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pradhan et al. (2014), "Scoring coreference partitions of predicted mentions", figure 1:
    /// key {a b c} {d e f g}, response {a b} {c d} {f g h i}; a..i = 0..8.
    fn textbook() -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
        let key = vec![vec![0, 1, 2], vec![3, 4, 5, 6]];
        let response = vec![vec![0, 1], vec![2, 3], vec![5, 6, 7, 8]];
        (key, response)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn muc_counts_kept_links() {
        // Recall: {a b c} split in 2 parts keeps 1 of 2 links, {d e f g} in 3 keeps 1 of 3 → 2/5.
        // Precision: {a b} keeps 1 of 1, {c d} 0 of 1, {f g h i} in 3 parts 1 of 3 → 2/5.
        let (key, response) = textbook();
        let m = muc(&key, &response);
        assert!(close(m.recall(), 0.4) && close(m.precision(), 0.4) && close(m.f1(), 0.4));
    }

    #[test]
    fn b_cubed_averages_over_mentions() {
        // Recall: (2²/3 + 1²/3 + 1²/4 + 2²/4) / 7 = (5/3 + 5/4) / 7 = 5/12.
        // Precision: (2²/2 + 1²/2 + 1²/2 + 2²/4) / 8 = 4/8.
        let (key, response) = textbook();
        let m = b_cubed(&key, &response);
        assert!(close(m.recall(), 5.0 / 12.0));
        assert!(close(m.precision(), 0.5));
        assert!(close(m.f1(), 5.0 / 11.0));
    }

    #[test]
    fn ceaf_e_takes_the_best_alignment() {
        // φ4: {abc}~{ab} 0.8, {abc}~{cd} 0.4, {defg}~{cd} 1/3, {defg}~{fghi} 0.5; best 0.8 + 0.5.
        let (key, response) = textbook();
        let m = ceaf_e(&key, &response);
        assert!(close(m.recall(), 1.3 / 2.0));
        assert!(close(m.precision(), 1.3 / 3.0));
    }

    #[test]
    fn identical_partitions_score_one_and_conll_is_the_mean() {
        let (key, _) = textbook();
        let s = CorefScores::compare(&key, &key);
        assert!(close(s.conll(), 1.0));
        let (key, response) = textbook();
        let s = CorefScores::compare(&key, &response);
        let mean = (0.4 + 5.0 / 11.0 + s.ceaf_e.f1()) / 3.0;
        assert!(close(s.conll(), mean));
    }

    #[test]
    fn all_singletons_against_one_entity() {
        // Response puts all four mentions of the key entity in separate entities: no link kept,
        // B³ recall 4 × (1/4) / 4 = 1/4 with precision 1, CEAF-e one alignment of φ4 = 2/5.
        let key = vec![vec![0, 1, 2, 3]];
        let response = vec![vec![0], vec![1], vec![2], vec![3]];
        let s = CorefScores::compare(&key, &response);
        assert!(close(s.muc.recall(), 0.0) && close(s.muc.f1(), 0.0));
        assert!(close(s.b_cubed.recall(), 0.25) && close(s.b_cubed.precision(), 1.0));
        assert!(close(s.ceaf_e.recall(), 0.4) && close(s.ceaf_e.precision(), 0.1));
    }

    #[test]
    fn assignment_beats_greedy() {
        // Greedy takes 0.9 then is left with 0.1; the optimum pairs the two 0.8 cells.
        let pairs = max_weight_assignment(&[vec![0.9, 0.8], vec![0.8, 0.1]]);
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn assignment_on_rectangles_pairs_at_most_the_smaller_side() {
        let pairs = max_weight_assignment(&[vec![0.1, 0.7, 0.2]]);
        assert_eq!(pairs, vec![(0, 1)]);
        let pairs = max_weight_assignment(&[vec![0.3], vec![0.6], vec![0.0]]);
        assert_eq!(pairs, vec![(1, 0)]);
        assert!(max_weight_assignment(&[]).is_empty());
    }

    /// Best total over every way to pair rows with distinct columns, by brute force.
    fn brute_force_best(weights: &[Vec<f64>], row: usize, used: &mut Vec<bool>) -> f64 {
        if row == weights.len() {
            return 0.0;
        }
        let mut best = brute_force_best(weights, row + 1, used); // Row left unpaired.
        for c in 0..used.len() {
            if !used[c] {
                used[c] = true;
                best = best.max(weights[row][c] + brute_force_best(weights, row + 1, used));
                used[c] = false;
            }
        }
        best
    }

    #[test]
    fn assignment_equals_brute_force_on_random_matrices() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        for _ in 0..300 {
            let (rows, columns) = (1 + next(6) as usize, 1 + next(6) as usize);
            let weights: Vec<Vec<f64>> = (0..rows)
                .map(|_| (0..columns).map(|_| next(5) as f64 / 4.0).collect())
                .collect();
            let pairs = max_weight_assignment(&weights);
            let total: f64 = pairs.iter().map(|&(r, c)| weights[r][c]).sum();
            let best = brute_force_best(&weights, 0, &mut vec![false; columns]);
            assert!(close(total, best), "{weights:?}: {total} < {best}");
            let mut columns_used: Vec<usize> = pairs.iter().map(|p| p.1).collect();
            columns_used.sort();
            columns_used.dedup();
            assert_eq!(columns_used.len(), pairs.len());
        }
    }

    #[test]
    fn sums_are_micro_averages() {
        let (key, response) = textbook();
        let mut total = CorefScores::compare(&key, &response);
        total.add(&CorefScores::compare(&key, &key));
        // MUC recall (2 + 5) / (5 + 5).
        assert!(close(total.muc.recall(), 0.7));
    }
}
