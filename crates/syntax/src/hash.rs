//! Feature hashing: every feature is one `u64` built from a template number and its values, so
//! the hot loops never allocate a feature string.

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Hashes a string (FNV-1a over its bytes, finalised).
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    finalise(h)
}

/// Combines a template number with up to three values into one feature key.
#[inline]
pub fn feature(template: u64, a: u64, b: u64, c: u64) -> u64 {
    let mut h = template.wrapping_mul(K);
    h = (h ^ a).wrapping_mul(K).rotate_left(29);
    h = (h ^ b).wrapping_mul(K).rotate_left(29);
    h = (h ^ c).wrapping_mul(K);
    finalise(h)
}

/// MurmurHash3's 64-bit finaliser: spreads every input bit over the key, so the identity-hashed
/// maps below see well-distributed keys.
#[inline]
fn finalise(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A `HashMap` hasher for already-hashed `u64` keys: one multiplication instead of SipHash.
#[derive(Default, Clone, Copy)]
pub struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        // Multiplying spreads keys that only use their low bits (the 32-bit weight keys) over
        // the high bits the hash table groups by.
        self.0 = n.wrapping_mul(K);
    }
}

/// Build-hasher for maps keyed by feature hashes.
pub type IdentityBuild = std::hash::BuildHasherDefault<IdentityHasher>;

/// Map from a feature hash to a value.
pub type FeatureMap<V> = std::collections::HashMap<u64, V, IdentityBuild>;

/// A small deterministic random generator (xorshift64*) for shuffling and exploration, so
/// training runs are reproducible without a dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `[0, 1)`.
    pub fn next_f32(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_keys_depend_on_template_and_value_order() {
        assert_ne!(feature(1, 2, 3, 0), feature(2, 2, 3, 0));
        assert_ne!(feature(1, 2, 3, 0), feature(1, 3, 2, 0));
        assert_eq!(feature(7, 1, 2, 3), feature(7, 1, 2, 3));
        assert_ne!(hash_str("Putin"), hash_str("putin"));
    }
}
