//! A small seeded pseudo-random generator (SplitMix64), so the demo and scale firms are the
//! same on every machine and every release without depending on a random-number crate's
//! stream staying stable.

/// SplitMix64: 64 bits of state, passes BigCrush, plenty for made-up data.
#[derive(Debug, Clone)]
pub(crate) struct DemoRng {
    state: u64,
}

impl DemoRng {
    pub(crate) fn new(seed: u64) -> Self {
        DemoRng { state: seed }
    }

    /// A generator for one item of a stream (e.g. account `index` of a scale firm), so each
    /// item can be produced on its own without generating the ones before it.
    pub(crate) fn for_item(seed: u64, stream: u64, index: u64) -> Self {
        let mut mixer = DemoRng::new(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        let base = mixer.next_u64();
        DemoRng::new(base ^ index.wrapping_mul(0xE703_7ED1_A0B4_28DB))
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..bound` (0 when `bound` is 0).
    pub(crate) fn below(&mut self, bound: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(bound)) >> 64) as u64
    }

    /// Uniform index into a collection of `len` items (0 when `len` is 0).
    pub(crate) fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// Uniform in `low..=high` (`low` when `high < low`).
    pub(crate) fn between(&mut self, low: i64, high: i64) -> i64 {
        if high <= low {
            return low;
        }
        let span = high.abs_diff(low).saturating_add(1);
        low.saturating_add_unsigned(self.below(span))
    }

    /// Uniform in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1_u64 << 53) as f64
    }

    /// `true` with probability `probability`.
    pub(crate) fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    /// One item of a non-empty list; `None` only for an empty one.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let index = self.index(items.len());
        items.get(index)
    }

    /// One of the `(item, weight)` pairs, with probability proportional to its weight.
    /// `None` only when no weight is positive.
    pub(crate) fn weighted<'a, T>(&mut self, items: &'a [(T, f64)]) -> Option<&'a T> {
        let total: f64 = items.iter().map(|(_, weight)| weight.max(0.0)).sum();
        if total <= 0.0 {
            return None;
        }
        let mut target = self.unit() * total;
        let mut last_positive = None;
        for (item, weight) in items {
            if *weight <= 0.0 {
                continue;
            }
            if target < *weight {
                return Some(item);
            }
            target -= weight;
            last_positive = Some(item);
        }
        last_positive
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_stream() {
        let first: Vec<u64> = {
            let mut rng = DemoRng::new(42);
            (0..5).map(|_| rng.next_u64()).collect()
        };
        let mut again = DemoRng::new(42);
        assert!(first.iter().all(|&value| value == again.next_u64()));
        assert_ne!(DemoRng::for_item(1, 2, 3).next_u64(), DemoRng::for_item(1, 2, 4).next_u64());
    }

    #[test]
    fn draws_stay_within_their_bounds() {
        let mut rng = DemoRng::new(7);
        for _ in 0..10_000 {
            assert!(rng.below(6) < 6);
            let value = rng.between(-3, 3);
            assert!((-3..=3).contains(&value));
            let unit = rng.unit();
            assert!((0.0..1.0).contains(&unit));
        }
        assert_eq!(rng.between(5, 5), 5);
        assert_eq!(rng.pick::<u8>(&[]), None);
        assert_eq!(rng.weighted(&[("never", 0.0), ("always", 1.0)]), Some(&"always"));
    }
}
