//! Transition-based dependency parser: arc-hybrid system (Kuhlmann et al. 2011) with labelled
//! transitions, greedy decoding, an averaged perceptron over Zhang & Nivre (2011) style features,
//! trained with the dynamic oracle of Goldberg & Nivre (2013) so it learns to recover from its
//! own mistakes.
//!
//! Words are numbered 1..=n with 0 the artificial root, which sits at the bottom of the stack and
//! takes exactly one dependent (`root`), attached last.

use crate::hash::{feature, FeatureMap, IdentityBuild, Rng};
use crate::perceptron::{best_class, Trainer, Weights};

/// The trained parser.
#[derive(Debug, Clone, PartialEq)]
pub struct Parser {
    /// Dependency relations; transition classes are SHIFT, LEFT-label…, RIGHT-label….
    pub labels: Vec<String>,
    /// Word keys seen at least `MIN_WORD_COUNT` times in training; rarer words are one unknown
    /// word, so their features generalise instead of memorising single sentences.
    pub vocabulary: WordSet,
    pub weights: Weights,
}

/// A set of word keys.
pub type WordSet = std::collections::HashSet<u64, IdentityBuild>;

/// Words rarer than this in training are unknown to the parser.
const MIN_WORD_COUNT: u32 = 2;
const UNKNOWN_WORD: u64 = 0x55_4e4b;

/// The words of the training sentences seen at least `MIN_WORD_COUNT` times.
pub fn vocabulary<'a>(words: impl IntoIterator<Item = &'a u64>) -> WordSet {
    let mut counts: FeatureMap<u32> = FeatureMap::default();
    for &w in words {
        *counts.entry(w).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= MIN_WORD_COUNT)
        .map(|(w, _)| w)
        .collect()
}

impl Parser {
    /// The parser's view of a word key: itself when in the vocabulary, else the unknown word.
    pub fn word(&self, key: u64) -> u64 {
        known_word(&self.vocabulary, key)
    }
}

/// `key` when in `vocabulary`, else the unknown word.
pub fn known_word(vocabulary: &WordSet, key: u64) -> u64 {
    if vocabulary.contains(&key) {
        key
    } else {
        UNKNOWN_WORD
    }
}

/// A parse: for each word (0-based), its head (1-based, 0 = root) and relation index.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parse {
    pub heads: Vec<usize>,
    pub labels: Vec<u16>,
}

/// What the features can see of each word: its normalised word hash and its tag (class + 1).
/// Index 0 is the root.
pub struct Sentence {
    words: Vec<u64>,
    tags: Vec<u64>,
}

impl Sentence {
    /// Builds the parser's view of a sentence from word hashes and tagger classes.
    pub fn new(words: impl IntoIterator<Item = u64>, tags: &[u16]) -> Sentence {
        Sentence {
            words: std::iter::once(ROOT).chain(words).collect(),
            tags: std::iter::once(ROOT)
                .chain(tags.iter().map(|&t| u64::from(t) + 1))
                .collect(),
        }
    }

    fn len(&self) -> usize {
        self.words.len() - 1
    }
}

const ROOT: u64 = 0x526f_6f74;
/// Feature value of a position that holds no word.
const NONE: u64 = 0;
const SHIFT: usize = 0;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Move {
    Shift,
    Left,
    Right,
}

/// The parser configuration: stack, buffer front and the arcs built so far.
struct State {
    stack: Vec<usize>,
    /// Front of the buffer (the buffer is `next..=n`).
    next: usize,
    n: usize,
    heads: Vec<usize>,
    labels: Vec<u16>,
    /// Two leftmost and two rightmost dependents per word (0 = none; the root is never one).
    leftmost: Vec<[usize; 2]>,
    rightmost: Vec<[usize; 2]>,
    n_left: Vec<u64>,
    n_right: Vec<u64>,
    /// Bit sets of the relations of each word's left and right dependents.
    left_labels: Vec<u64>,
    right_labels: Vec<u64>,
}

impl State {
    fn new(n: usize) -> State {
        State {
            stack: vec![0],
            next: 1,
            n,
            heads: vec![usize::MAX; n + 1],
            labels: vec![0; n + 1],
            leftmost: vec![[0; 2]; n + 1],
            rightmost: vec![[0; 2]; n + 1],
            n_left: vec![0; n + 1],
            n_right: vec![0; n + 1],
            left_labels: vec![0; n + 1],
            right_labels: vec![0; n + 1],
        }
    }

    fn is_final(&self) -> bool {
        self.next > self.n && self.stack.len() == 1
    }

    fn stack_at(&self, depth: usize) -> Option<usize> {
        self.stack
            .len()
            .checked_sub(depth + 1)
            .map(|i| self.stack[i])
    }

    fn buffer_at(&self, offset: usize) -> Option<usize> {
        Some(self.next + offset).filter(|&i| i <= self.n)
    }

    fn can_shift(&self) -> bool {
        self.next <= self.n
    }

    fn can_left(&self) -> bool {
        self.stack.len() >= 2 && self.next <= self.n
    }

    /// RIGHT onto the root only once everything else is attached, so the root has one dependent.
    fn can_right(&self, to_root: bool) -> bool {
        self.stack.len() >= 2
            && (self.stack[self.stack.len() - 2] == 0) == to_root
            && (!to_root || (self.next > self.n && self.stack.len() == 2))
    }

    fn apply(&mut self, m: Move, label: u16) {
        match m {
            Move::Shift => {
                self.stack.push(self.next);
                self.next += 1;
            }
            Move::Left => {
                let dep = self.stack.pop().expect("LEFT needs a stack");
                self.attach(self.next, dep, label);
            }
            Move::Right => {
                let dep = self.stack.pop().expect("RIGHT needs a stack");
                let head = *self.stack.last().expect("RIGHT needs two on the stack");
                self.attach(head, dep, label);
            }
        }
    }

    fn attach(&mut self, head: usize, dep: usize, label: u16) {
        self.heads[dep] = head;
        self.labels[dep] = label;
        let bit = 1u64 << (label % 64);
        if dep < head {
            insert_closest(&mut self.leftmost[head], dep, |a, b| a < b);
            self.n_left[head] += 1;
            self.left_labels[head] |= bit;
        } else {
            insert_closest(&mut self.rightmost[head], dep, |a, b| a > b);
            self.n_right[head] += 1;
            self.right_labels[head] |= bit;
        }
    }
}

/// Keeps the two most extreme dependents (by `further`) in `slots`.
fn insert_closest(slots: &mut [usize; 2], dep: usize, further: impl Fn(usize, usize) -> bool) {
    if slots[0] == 0 || further(dep, slots[0]) {
        slots[1] = slots[0];
        slots[0] = dep;
    } else if slots[1] == 0 || further(dep, slots[1]) {
        slots[1] = dep;
    }
}

/// Fills `out` with the feature keys of a configuration.
fn extract(state: &State, sentence: &Sentence, out: &mut Vec<u64>) {
    out.clear();
    let word = |i: Option<usize>| i.map_or(NONE, |i| sentence.words[i]);
    let tag = |i: Option<usize>| i.map_or(NONE, |i| sentence.tags[i]);
    let label = |i: Option<usize>| i.map_or(NONE, |i| u64::from(state.labels[i]) + 1);
    let child = |i: Option<usize>, slots: &Vec<[usize; 2]>, k: usize| {
        i.and_then(|i| Some(slots[i][k]).filter(|&c| c != 0))
    };
    let (s0, s1, s2) = (state.stack_at(0), state.stack_at(1), state.stack_at(2));
    let (b0, b1, b2) = (state.buffer_at(0), state.buffer_at(1), state.buffer_at(2));
    let (s0l, s0l2) = (child(s0, &state.leftmost, 0), child(s0, &state.leftmost, 1));
    let (s0r, s0r2) = (
        child(s0, &state.rightmost, 0),
        child(s0, &state.rightmost, 1),
    );
    let (b0l, b0l2) = (child(b0, &state.leftmost, 0), child(b0, &state.leftmost, 1));
    let (s1l, s1r) = (
        child(s1, &state.leftmost, 0),
        child(s1, &state.rightmost, 0),
    );
    let (s0w, s0p, b0w, b0p) = (word(s0), tag(s0), word(b0), tag(b0));
    let (s1w, s1p, b1w, b1p) = (word(s1), tag(s1), word(b1), tag(b1));
    let (b2w, b2p, s2p) = (word(b2), tag(b2), tag(s2));
    let distance = match (s0, b0) {
        (Some(s), Some(b)) => (b - s).min(6) as u64,
        _ => 0,
    };
    let per_word = |i: Option<usize>, v: &Vec<u64>| i.map_or(NONE, |i| v[i] + 1);
    let (s0vl, s0vr) = (per_word(s0, &state.n_left), per_word(s0, &state.n_right));
    let b0vl = per_word(b0, &state.n_left);
    let s1vr = per_word(s1, &state.n_right);
    let (s0sl, s0sr) = (
        per_word(s0, &state.left_labels),
        per_word(s0, &state.right_labels),
    );
    let b0sl = per_word(b0, &state.left_labels);
    out.extend_from_slice(&[
        feature(0, 0, 0, 0),
        // Single words.
        feature(1, s0w, s0p, 0),
        feature(2, s0w, 0, 0),
        feature(3, s0p, 0, 0),
        feature(4, b0w, b0p, 0),
        feature(5, b0w, 0, 0),
        feature(6, b0p, 0, 0),
        feature(7, b1w, b1p, 0),
        feature(8, b1w, 0, 0),
        feature(9, b1p, 0, 0),
        feature(10, b2w, b2p, 0),
        feature(11, b2w, 0, 0),
        feature(12, b2p, 0, 0),
        feature(13, s1w, s1p, 0),
        feature(14, s1w, 0, 0),
        feature(15, s1p, 0, 0),
        // Word pairs.
        feature(16, feature(0, s0w, s0p, 0), b0w, b0p),
        feature(17, feature(0, s0w, s0p, 0), b0w, 0),
        feature(18, s0w, b0w, b0p),
        feature(19, feature(0, s0w, s0p, 0), b0p, 0),
        feature(20, s0p, b0w, b0p),
        feature(21, s0w, b0w, 0),
        feature(22, s0p, b0p, 0),
        feature(23, b0p, b1p, 0),
        feature(24, s1p, s0p, 0),
        feature(25, s1w, s0w, 0),
        feature(26, s1w, s0p, s0w),
        feature(27, s1p, s0w, 0),
        feature(28, s0w, b0p, b1p),
        // Tag triples.
        feature(29, b0p, b1p, b2p),
        feature(30, s0p, b0p, b1p),
        feature(31, s1p, s0p, b0p),
        feature(32, s0p, tag(s0l), b0p),
        feature(33, s0p, tag(s0r), b0p),
        feature(34, s0p, b0p, tag(b0l)),
        feature(35, s1p, tag(s1r), s0p),
        feature(36, s2p, s1p, s0p),
        feature(37, s0p, tag(s0l), tag(s0l2)),
        feature(38, s0p, tag(s0r), tag(s0r2)),
        feature(39, b0p, tag(b0l), tag(b0l2)),
        feature(40, s1p, tag(s1l), s0p),
        // Distance.
        feature(41, s0w, distance, 0),
        feature(42, s0p, distance, 0),
        feature(43, b0w, distance, 0),
        feature(44, b0p, distance, 0),
        feature(45, s0w, b0w, distance),
        feature(46, s0p, b0p, distance),
        // Valency.
        feature(47, s0w, s0vr, 0),
        feature(48, s0p, s0vr, 0),
        feature(49, s0w, s0vl, 0),
        feature(50, s0p, s0vl, 0),
        feature(51, b0w, b0vl, 0),
        feature(52, b0p, b0vl, 0),
        feature(53, s1p, s1vr, 0),
        // Dependents of s0, s1 and b0.
        feature(54, word(s0l), 0, 0),
        feature(55, tag(s0l), 0, 0),
        feature(56, label(s0l), 0, 0),
        feature(57, word(s0r), 0, 0),
        feature(58, tag(s0r), 0, 0),
        feature(59, label(s0r), 0, 0),
        feature(60, word(b0l), 0, 0),
        feature(61, tag(b0l), 0, 0),
        feature(62, label(b0l), 0, 0),
        feature(63, label(s0l2), tag(s0l2), 0),
        feature(64, label(s0r2), tag(s0r2), 0),
        feature(65, label(b0l2), tag(b0l2), 0),
        feature(66, s0p, label(s0l), label(s0l2)),
        feature(67, s0p, label(s0r), label(s0r2)),
        feature(68, b0p, label(b0l), label(b0l2)),
        feature(69, label(s1r), tag(s1r), s1p),
        // Label sets.
        feature(70, s0w, s0sl, 0),
        feature(71, s0p, s0sl, 0),
        feature(72, s0w, s0sr, 0),
        feature(73, s0p, s0sr, 0),
        feature(74, b0w, b0sl, 0),
        feature(75, b0p, b0sl, 0),
        // Lexicalised pairs with the next words.
        feature(76, s0p, b0w, b1p),
        feature(77, b0w, b1w, 0),
        feature(78, s1p, s0p, tag(s0l)),
    ]);
}

impl Parser {
    fn n_labels(&self) -> usize {
        self.labels.len()
    }

    /// Parses one sentence greedily.
    pub fn parse(&self, sentence: &Sentence) -> Parse {
        let root_label = self.labels.iter().position(|l| l == "root").unwrap_or(0);
        let mut state = State::new(sentence.len());
        let mut scores = vec![0.0; 1 + 2 * self.n_labels()];
        let mut features = Vec::with_capacity(96);
        while !state.is_final() {
            extract(&state, sentence, &mut features);
            self.weights.score(&features, &mut scores);
            let class = best_class(&scores, |c| {
                is_valid(&state, c, self.n_labels(), root_label)
            })
            .expect("a non-final configuration has a valid transition");
            let (m, label) = decode(class, self.n_labels());
            state.apply(m, label);
        }
        Parse {
            heads: state.heads[1..].to_vec(),
            labels: state.labels[1..].to_vec(),
        }
    }
}

/// Splits a class index into its move and relation.
fn decode(class: usize, n_labels: usize) -> (Move, u16) {
    if class == SHIFT {
        (Move::Shift, 0)
    } else if class <= n_labels {
        (Move::Left, (class - 1) as u16)
    } else {
        (Move::Right, (class - 1 - n_labels) as u16)
    }
}

fn is_valid(state: &State, class: usize, n_labels: usize, root_label: usize) -> bool {
    let (m, label) = decode(class, n_labels);
    let is_root = usize::from(label) == root_label;
    match m {
        Move::Shift => state.can_shift(),
        Move::Left => !is_root && state.can_left(),
        Move::Right => state.can_right(is_root),
    }
}

/// Gold annotation of a training sentence (1-based heads, 0 = root; relation indices).
pub struct GoldTree<'a> {
    pub heads: &'a [usize],
    pub labels: &'a [u16],
}

impl GoldTree<'_> {
    fn head(&self, word: usize) -> usize {
        self.heads[word - 1]
    }

    fn label(&self, word: usize) -> u16 {
        self.labels[word - 1]
    }

    /// Gold arcs a move makes unreachable (Goldberg & Nivre 2013, arc-hybrid), ignoring labels.
    fn move_cost(&self, state: &State, m: Move) -> u32 {
        let in_buffer = |w: usize| w >= state.next && w <= state.n;
        let dependents_in_buffer = |w: usize| {
            (state.next..=state.n)
                .filter(|&d| self.head(d) == w)
                .count() as u32
        };
        match m {
            Move::Shift => {
                let b0 = state.next;
                let s0 = *state.stack.last().expect("stack holds the root");
                let head = self.head(b0);
                let head_lost = state.stack.iter().any(|&s| s == head && s != s0);
                let deps_lost = state
                    .stack
                    .iter()
                    .filter(|&&s| s != 0 && self.head(s) == b0)
                    .count() as u32;
                u32::from(head_lost) + deps_lost
            }
            Move::Left => {
                let s0 = state.stack[state.stack.len() - 1];
                let s1 = state.stack[state.stack.len() - 2];
                let head = self.head(s0);
                let head_lost = head != state.next && (head == s1 || in_buffer(head));
                u32::from(head_lost) + dependents_in_buffer(s0)
            }
            Move::Right => {
                let s0 = state.stack[state.stack.len() - 1];
                u32::from(in_buffer(self.head(s0))) + dependents_in_buffer(s0)
            }
        }
    }

    /// Cost of a labelled transition: the move's cost plus one if it builds a gold arc with the
    /// wrong relation.
    fn cost(&self, state: &State, class: usize, n_labels: usize, move_costs: &[u32; 3]) -> u32 {
        let (m, label) = decode(class, n_labels);
        let s0 = state.stack.last().copied();
        let head = match m {
            Move::Shift => return move_costs[0],
            Move::Left => state.next,
            Move::Right => state.stack[state.stack.len() - 2],
        };
        let s0 = s0.expect("arc moves need a stack");
        let wrong_label = self.head(s0) == head && self.label(s0) != label;
        move_costs[m as usize] + u32::from(wrong_label)
    }
}

/// One training example: the parser's view (with predicted tags) and the gold tree.
pub struct TrainSentence<'a> {
    pub sentence: Sentence,
    pub gold: GoldTree<'a>,
}

/// Trains a parser with the dynamic oracle; from the second epoch on, follows its own
/// prediction with probability `explore` so it sees (and learns from) its own errors.
pub fn train(
    examples: &[TrainSentence],
    labels: Vec<String>,
    vocabulary: WordSet,
    epochs: usize,
    explore: f32,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> Parser {
    let n_labels = labels.len();
    let root_label = labels.iter().position(|l| l == "root").unwrap_or(0);
    let n_classes = 1 + 2 * n_labels;
    let mut trainer = Trainer::new(n_classes);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut scores = vec![0.0; n_classes];
    let mut costs = vec![0u32; n_classes];
    let mut features = Vec::with_capacity(96);
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut correct, mut total) = (0usize, 0usize);
        for &e in &order {
            let TrainSentence { sentence, gold } = &examples[e];
            let mut state = State::new(sentence.len());
            while !state.is_final() {
                extract(&state, sentence, &mut features);
                trainer.score(&features, &mut scores);
                let valid = |c: usize| is_valid(&state, c, n_labels, root_label);
                let move_costs = [Move::Shift, Move::Left, Move::Right].map(|m| {
                    let possible = match m {
                        Move::Shift => state.can_shift(),
                        Move::Left => state.can_left(),
                        Move::Right => state.stack.len() >= 2,
                    };
                    if possible {
                        gold.move_cost(&state, m)
                    } else {
                        u32::MAX / 2
                    }
                });
                for (c, cost) in costs.iter_mut().enumerate() {
                    *cost = if valid(c) {
                        gold.cost(&state, c, n_labels, &move_costs)
                    } else {
                        u32::MAX
                    };
                }
                let min_cost = *costs.iter().min().expect("classes exist");
                let guess = best_class(&scores, valid).expect("a valid transition");
                let best_gold = best_class(&scores, |c| costs[c] == min_cost).expect("a gold move");
                let optimal = costs[guess] == min_cost;
                if !optimal {
                    trainer.update(&features, best_gold, guess);
                }
                trainer.tick();
                total += 1;
                correct += usize::from(optimal);
                let follow = if optimal || (epoch > 0 && rng.next_f32() < explore) {
                    guess
                } else {
                    best_gold
                };
                let (m, label) = decode(follow, n_labels);
                state.apply(m, label);
            }
        }
        log(&format!(
            "parser epoch {}: {:.2}% transitions optimal",
            epoch + 1,
            100.0 * correct as f64 / total.max(1) as f64
        ));
    }
    Parser {
        labels,
        vocabulary,
        weights: trainer.freeze(PRUNE),
    }
}

/// Averaged weights smaller than this are dropped: 1.0 halves the model (22 → 11 MB) at no
/// measurable cost on dev (84.0 → 83.9 UAS, within run-to-run noise).
const PRUNE: f32 = 1.0;
