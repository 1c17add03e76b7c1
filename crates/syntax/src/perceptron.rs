//! Averaged perceptron over hashed features with sparse weight rows.
//!
//! Training keeps, per feature, only the classes it was ever updated for (most features touch a
//! handful of the tagger's or parser's classes), with the running totals needed for averaging.
//! [`Trainer::freeze`] averages, prunes near-zero weights and produces the compact [`Weights`]
//! used at run time and stored in the model file.

use crate::hash::FeatureMap;

/// One class weight of a feature during training.
#[derive(Clone, Copy)]
struct TrainEntry {
    class: u16,
    weight: f32,
    /// Sum of the weight over all updates so far, up to `stamp`.
    total: f64,
    stamp: u32,
}

/// A perceptron being trained.
pub struct Trainer {
    n_classes: usize,
    rows: FeatureMap<Vec<TrainEntry>>,
    /// Number of training instances seen (the averaging clock).
    clock: u32,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            rows: FeatureMap::default(),
            clock: 0,
        }
    }

    /// Adds the current (non-averaged) weights of `features` into `scores`.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for e in row {
                    scores[usize::from(e.class)] += e.weight;
                }
            }
        }
    }

    /// Advances the averaging clock by one instance; call once per prediction.
    pub fn tick(&mut self) {
        self.clock += 1;
    }

    /// Moves weight from the wrong class `guess` to the correct class `truth`.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in features {
            let row = self.rows.entry(f).or_default();
            Self::bump(row, truth as u16, 1.0, self.clock);
            Self::bump(row, guess as u16, -1.0, self.clock);
        }
    }

    fn bump(row: &mut Vec<TrainEntry>, class: u16, delta: f32, clock: u32) {
        let entry = match row.iter_mut().position(|e| e.class == class) {
            Some(i) => &mut row[i],
            None => {
                row.push(TrainEntry {
                    class,
                    weight: 0.0,
                    total: 0.0,
                    stamp: clock,
                });
                row.last_mut().expect("just pushed")
            }
        };
        entry.total += f64::from(entry.weight) * f64::from(clock - entry.stamp);
        entry.stamp = clock;
        entry.weight += delta;
    }

    /// Averages the weights over the clock, drops those smaller than `min_weight` and quantises
    /// the rest. Rows whose 32-bit keys collide are merged.
    pub fn freeze(&self, min_weight: f32) -> Weights {
        let clock = f64::from(self.clock.max(1));
        let mut rows: std::collections::BTreeMap<u32, Vec<(u16, f32)>> = Default::default();
        for (&key, entries) in &self.rows {
            let row = rows.entry(short_key(key) as u32).or_default();
            for e in entries {
                let total = e.total + f64::from(e.weight) * f64::from(self.clock - e.stamp);
                let average = (total / clock) as f32;
                match row.iter_mut().find(|(c, _)| *c == e.class) {
                    Some((_, w)) => *w += average,
                    None => row.push((e.class, average)),
                }
            }
        }
        let largest = rows
            .values()
            .flatten()
            .fold(0f32, |m, (_, w)| m.max(w.abs()));
        let scale = (largest / f32::from(i16::MAX)).max(f32::MIN_POSITIVE);
        let mut weights = Weights::new(self.n_classes, scale);
        for (key, mut row) in rows {
            row.retain(|(_, w)| w.abs() >= min_weight);
            row.sort_unstable_by_key(|(c, _)| *c);
            let quantised: Vec<(u16, i16)> = row
                .into_iter()
                .map(|(c, w)| (c, (w / scale).round() as i16))
                .filter(|&(_, q)| q != 0)
                .collect();
            weights.push_row(key, &quantised);
        }
        weights
    }
}

/// Frozen, averaged weights: feature key → sparse row of `(class, weight)`.
///
/// Keys are the low 32 bits of the feature hash (a handful of collisions among millions of
/// features cost nothing measurable) and weights are quantised to `i16` with one scale per table:
/// a positive scale never changes which class scores highest, so scoring adds the raw integers.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub n_classes: usize,
    /// Size of one `i16` step.
    pub scale: f32,
    index: FeatureMap<(u32, u32)>,
    classes: Vec<u16>,
    values: Vec<i16>,
}

/// The stored key of a feature hash.
#[inline]
fn short_key(feature: u64) -> u64 {
    feature & 0xffff_ffff
}

impl Weights {
    pub fn new(n_classes: usize, scale: f32) -> Self {
        Weights {
            n_classes,
            scale,
            index: FeatureMap::default(),
            classes: Vec::new(),
            values: Vec::new(),
        }
    }

    /// Appends the row of one feature (ignored when empty).
    pub fn push_row(&mut self, key: u32, row: &[(u16, i16)]) {
        if row.is_empty() {
            return;
        }
        let start = self.classes.len() as u32;
        for &(c, w) in row {
            self.classes.push(c);
            self.values.push(w);
        }
        self.index.insert(u64::from(key), (start, row.len() as u32));
    }

    /// Sets `scores` to the summed (quantised) weights of `features`.
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for &f in features {
            if let Some(&(start, len)) = self.index.get(&short_key(f)) {
                let range = start as usize..(start + len) as usize;
                for (&c, &w) in self.classes[range.clone()].iter().zip(&self.values[range]) {
                    scores[usize::from(c)] += f32::from(w);
                }
            }
        }
    }

    /// Rows in key order, for serialisation.
    pub fn rows(&self) -> impl Iterator<Item = (u32, Vec<(u16, i16)>)> + '_ {
        let mut keys: Vec<u64> = self.index.keys().copied().collect();
        keys.sort_unstable();
        keys.into_iter().map(move |k| {
            let (start, len) = self.index[&k];
            let range = start as usize..(start + len) as usize;
            let row = self.classes[range.clone()]
                .iter()
                .copied()
                .zip(self.values[range].iter().copied())
                .collect();
            (k as u32, row)
        })
    }

    /// Number of features and of stored weights.
    pub fn size(&self) -> (usize, usize) {
        (self.index.len(), self.values.len())
    }
}

/// Index of the highest score among the classes `allowed` accepts.
#[inline]
pub fn best_class(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|b| s > scores[b]) {
            best = Some(i);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_averages() {
        // Feature 1 signals class 0, feature 2 class 1.
        let data = [(vec![1u64, 9], 0usize), (vec![2u64, 9], 1usize)];
        let mut trainer = Trainer::new(2);
        let mut scores = [0.0; 2];
        for _ in 0..5 {
            for (features, truth) in &data {
                trainer.score(features, &mut scores);
                let guess = best_class(&scores, |_| true).unwrap();
                trainer.update(features, *truth, guess);
                trainer.tick();
            }
        }
        let weights = trainer.freeze(0.0);
        for (features, truth) in &data {
            weights.score(features, &mut scores);
            assert_eq!(best_class(&scores, |_| true), Some(*truth));
        }
    }
}
