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
            let row = rows.entry(short_key(key)).or_default();
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
///
/// Scoring looks up ~50–100 features per token in tables of millions of rows, so the layout is
/// built for cache misses: an open-addressing table of 8-byte slots (key and row offset, several
/// slots per cache line, linear probing) and rows stored as one contiguous run of 4-byte
/// `(class, weight)` entries after their length, so a hit costs one miss for the slot and
/// usually one for the row.
#[derive(Debug, Clone)]
pub struct Weights {
    pub n_classes: usize,
    /// Size of one `i16` step.
    pub scale: f32,
    /// Power-of-two sized; a slot is `key << 32 | offset` of the row in `entries`, 0 when empty.
    slots: Vec<u64>,
    /// Rows one after another, each a length followed by that many entries (class in the low
    /// 16 bits, weight in the high 16). Starts with one unused word so no row has offset 0.
    entries: Vec<u32>,
    rows: usize,
}

/// The stored key of a feature hash.
#[inline]
fn short_key(feature: u64) -> u32 {
    feature as u32
}

/// Features looked up together by [`Weights::score`] (a token has 35–100).
const BATCH: usize = 64;

/// Slots per row at most: half the table stays empty so probe runs stay short.
const SLOTS_PER_ROW: usize = 2;

#[inline]
fn entry(class: u16, weight: i16) -> u32 {
    u32::from(class) | (u32::from(weight as u16) << 16)
}

#[inline]
fn class_of(entry: u32) -> usize {
    (entry & 0xffff) as usize
}

#[inline]
fn weight_of(entry: u32) -> i16 {
    (entry >> 16) as u16 as i16
}

/// The slot of `slots` holding `key`, or the empty slot where it would go.
#[inline]
fn slot_index(slots: &[u64], key: u32) -> usize {
    let mask = slots.len() - 1;
    // Keys are already hashes: their low bits are as good as any.
    let mut index = key as usize & mask;
    loop {
        let slot = slots[index];
        if slot == 0 || (slot >> 32) as u32 == key {
            return index;
        }
        index = (index + 1) & mask;
    }
}

impl Weights {
    pub fn new(n_classes: usize, scale: f32) -> Self {
        Weights {
            n_classes,
            scale,
            slots: vec![0; 16],
            entries: vec![0],
            rows: 0,
        }
    }

    /// Appends the row of one feature (ignored when empty); a key pushed again gets the new row.
    pub fn push_row(&mut self, key: u32, row: &[(u16, i16)]) {
        if row.is_empty() {
            return;
        }
        if (self.rows + 1) * SLOTS_PER_ROW > self.slots.len() {
            self.grow();
        }
        let offset = self.entries.len() as u32;
        self.entries.push(row.len() as u32);
        self.entries.extend(row.iter().map(|&(c, w)| entry(c, w)));
        let slot = slot_index(&self.slots, key);
        if self.slots[slot] == 0 {
            self.rows += 1;
        }
        self.slots[slot] = (u64::from(key) << 32) | u64::from(offset);
    }

    /// Doubles the table, re-inserting every slot.
    fn grow(&mut self) {
        let doubled = vec![0; self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, doubled);
        for slot in old.into_iter().filter(|&s| s != 0) {
            let index = slot_index(&self.slots, (slot >> 32) as u32);
            self.slots[index] = slot;
        }
    }

    /// The entries of the row stored for `key`, if any.
    #[inline]
    fn row(&self, key: u32) -> Option<&[u32]> {
        let offset = self.slots[slot_index(&self.slots, key)] as u32 as usize;
        if offset == 0 {
            return None;
        }
        let len = self.entries[offset] as usize;
        Some(&self.entries[offset + 1..offset + 1 + len])
    }

    /// Sets `scores` to the summed (quantised) weights of `features`.
    ///
    /// Nearly every lookup misses the cache twice (slot, then row). Looked up one after another,
    /// each feature waits for the one before; done in stages over a batch — read every home
    /// slot, then resolve them, then read every row's length, then add the rows — the misses
    /// of a batch overlap instead.
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        let mask = self.slots.len() - 1;
        let mut slots = [0u64; BATCH];
        let mut offsets = [0usize; BATCH];
        let mut lengths = [0usize; BATCH];
        for batch in features.chunks(BATCH) {
            let n = batch.len();
            for (slot, &f) in slots.iter_mut().zip(batch) {
                *slot = self.slots[short_key(f) as usize & mask];
            }
            for ((offset, &slot), &f) in offsets.iter_mut().zip(&slots[..n]).zip(batch) {
                let key = short_key(f);
                *offset = if slot == 0 {
                    0
                } else if (slot >> 32) as u32 == key {
                    slot as u32 as usize
                } else {
                    self.slots[slot_index(&self.slots, key)] as u32 as usize
                };
            }
            // Offset 0 is the unused first word, which is 0: an absent feature adds nothing.
            for (length, &offset) in lengths.iter_mut().zip(&offsets[..n]) {
                *length = self.entries[offset] as usize;
            }
            for (&offset, &length) in offsets[..n].iter().zip(&lengths[..n]) {
                for &e in &self.entries[offset + 1..offset + 1 + length] {
                    scores[class_of(e)] += f32::from(weight_of(e));
                }
            }
        }
    }

    /// Rows in key order, for serialisation.
    pub fn rows(&self) -> impl Iterator<Item = (u32, Vec<(u16, i16)>)> + '_ {
        let mut keys: Vec<u32> = self
            .slots
            .iter()
            .filter(|&&s| s != 0)
            .map(|&s| (s >> 32) as u32)
            .collect();
        keys.sort_unstable();
        keys.into_iter().map(move |key| {
            let row = self.row(key).unwrap_or_default();
            let entries = row.iter().map(|&e| (class_of(e) as u16, weight_of(e)));
            (key, entries.collect())
        })
    }

    /// Number of features and of stored weights.
    pub fn size(&self) -> (usize, usize) {
        (self.rows, self.entries.len() - 1 - self.rows)
    }
}

/// Equal when they score alike: same classes, scale and rows, whatever order the rows were
/// pushed in (which decides where they sit in the table).
impl PartialEq for Weights {
    fn eq(&self, other: &Self) -> bool {
        self.n_classes == other.n_classes
            && self.scale == other.scale
            && self.rows().eq(other.rows())
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
    use crate::hash::Rng;

    /// The scorer the flat table replaced (a hash-map probe per feature into separate class and
    /// weight arrays), kept as the reference the table must match score for score.
    struct HashMapScorer {
        index: FeatureMap<(u32, u32)>,
        classes: Vec<u16>,
        values: Vec<i16>,
    }

    impl HashMapScorer {
        fn of(weights: &Weights) -> Self {
            let mut scorer = HashMapScorer {
                index: FeatureMap::default(),
                classes: Vec::new(),
                values: Vec::new(),
            };
            for (key, row) in weights.rows() {
                let start = scorer.classes.len() as u32;
                for (c, w) in &row {
                    scorer.classes.push(*c);
                    scorer.values.push(*w);
                }
                scorer
                    .index
                    .insert(u64::from(key), (start, row.len() as u32));
            }
            scorer
        }

        fn score(&self, features: &[u64], scores: &mut [f32]) {
            scores.iter_mut().for_each(|s| *s = 0.0);
            for &f in features {
                if let Some(&(start, len)) = self.index.get(&(f & 0xffff_ffff)) {
                    let range = start as usize..(start + len) as usize;
                    for (&c, &w) in self.classes[range.clone()].iter().zip(&self.values[range]) {
                        scores[usize::from(c)] += f32::from(w);
                    }
                }
            }
        }
    }

    /// Every feature of `weights`, with random high bits (which keys ignore), interleaved with
    /// features it does not have, in groups the size of a token's feature set.
    fn feature_groups(weights: &Weights, rng: &mut Rng) -> Vec<Vec<u64>> {
        let mut features: Vec<u64> = Vec::new();
        for (key, _) in weights.rows() {
            features.push((rng.next_u64() << 32) | u64::from(key));
            features.push(rng.next_u64());
        }
        rng.shuffle(&mut features);
        features.chunks(80).map(<[u64]>::to_vec).collect()
    }

    #[test]
    fn the_bundled_model_round_trips_through_the_flat_table_byte_for_byte() {
        let model = crate::SyntaxAnnotator::load().unwrap();
        assert!(model.model().to_bytes() == crate::MODEL_BYTES);
    }

    #[test]
    fn the_flat_table_scores_every_feature_of_the_bundled_model_as_the_hash_map_did() {
        let annotator = crate::SyntaxAnnotator::load().unwrap();
        let model = annotator.model();
        let mut rng = Rng::new(18);
        for weights in [
            &model.tagger.first,
            &model.tagger.second,
            &model.parser.weights,
        ] {
            let reference = HashMapScorer::of(weights);
            assert_eq!(reference.index.len(), weights.size().0);
            let (mut expected, mut scores) =
                (vec![0.0; weights.n_classes], vec![1.0; weights.n_classes]);
            for group in feature_groups(weights, &mut rng) {
                reference.score(&group, &mut expected);
                weights.score(&group, &mut scores);
                assert!(expected == scores, "scores differ for features {group:?}");
            }
        }
    }

    #[test]
    fn a_row_pushed_again_replaces_the_first_and_the_table_grows_past_its_first_size() {
        let mut weights = Weights::new(3, 1.0);
        for key in 0..1000u32 {
            weights.push_row(key.wrapping_mul(16), &[(1, key as i16)]);
        }
        weights.push_row(32, &[(2, -5), (0, 7)]);
        let mut scores = [0.0; 3];
        weights.score(&[32, 48, 999_999], &mut scores);
        assert_eq!(scores, [7.0, 3.0, -5.0]);
        assert_eq!(weights.size().0, 1000);
        assert_eq!(weights.rows().count(), 1000);
    }

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
