//! A min/max/sum pyramid over a record's values: level 1 holds each block of [`B`] values' smallest,
//! largest, sum and count (gaps left out), level 2 each block of `B` level-1 blocks, and so on. Any
//! index range is answered from at most `2·B` entries a level, so a pixel column's extremes cost the
//! same for a thousand values as for ten million, and stay exact: nothing is averaged away.

use std::ops::Range;

/// Values (or blocks) a block holds. 32 keeps the pyramid at about 1/32 of the values' memory.
const B: usize = 32;

/// The extremes of a range of values, with their sum and count for a mean.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Extremes {
    pub min: f64,
    pub max: f64,
    pub sum: f64,
    /// Values that are not gaps.
    pub count: u64,
}

impl Default for Extremes {
    fn default() -> Self {
        Self::EMPTY
    }
}

impl Extremes {
    pub const EMPTY: Self = Self {
        min: f64::INFINITY,
        max: f64::NEG_INFINITY,
        sum: 0.0,
        count: 0,
    };

    fn add_value(&mut self, v: f64) {
        if !v.is_nan() {
            self.min = self.min.min(v);
            self.max = self.max.max(v);
            self.sum += v;
            self.count += 1;
        }
    }

    fn add(&mut self, other: &Self) {
        self.min = self.min.min(other.min);
        self.max = self.max.max(other.max);
        self.sum += other.sum;
        self.count += other.count;
    }

    /// The mean of the values, when there are any.
    pub fn mean(&self) -> Option<f64> {
        (self.count > 0).then(|| self.sum / self.count as f64)
    }
}

#[derive(Debug, Default)]
pub(super) struct Pyramid {
    /// `levels[0]` summarises blocks of `B` values, `levels[k]` blocks of `B` entries of
    /// `levels[k-1]`.
    levels: Vec<Vec<Extremes>>,
}

impl Pyramid {
    pub(super) fn build(values: &[f64]) -> Self {
        let mut levels: Vec<Vec<Extremes>> = Vec::new();
        let first: Vec<Extremes> = values
            .chunks(B)
            .map(|chunk| {
                let mut e = Extremes::EMPTY;
                for &v in chunk {
                    e.add_value(v);
                }
                e
            })
            .collect();
        if values.len() > B {
            levels.push(first);
        }
        while let Some(last) = levels.last()
            && last.len() > B
        {
            let next = last
                .chunks(B)
                .map(|chunk| {
                    let mut e = Extremes::EMPTY;
                    for c in chunk {
                        e.add(c);
                    }
                    e
                })
                .collect();
            levels.push(next);
        }
        Self { levels }
    }

    /// The first index from `from` holding a value (not a gap), skipping whole blocks that hold
    /// none: a stretch of a million empty cells costs a few thousand reads.
    pub(super) fn next_valid(&self, values: &[f64], from: usize) -> Option<usize> {
        let mut i = from;
        while i < values.len() {
            if let Some(skip) = self.empty_run_at(i) {
                i += skip;
                continue;
            }
            if !values[i].is_nan() {
                return Some(i);
            }
            i += 1;
        }
        None
    }

    /// The last index before `before` holding a value.
    pub(super) fn prev_valid(&self, values: &[f64], before: usize) -> Option<usize> {
        let mut i = before.min(values.len());
        while i > 0 {
            if let Some(skip) = self.empty_run_before(i) {
                i -= skip;
                continue;
            }
            i -= 1;
            if !values[i].is_nan() {
                return Some(i);
            }
        }
        None
    }

    /// How many indices before `i` are surely empty: the largest empty block ending at `i`.
    fn empty_run_before(&self, i: usize) -> Option<usize> {
        let mut size = B;
        let mut found = None;
        for level in &self.levels {
            if !i.is_multiple_of(size) || i < size {
                break;
            }
            match level.get(i / size - 1) {
                Some(block) if block.count == 0 => found = Some(size),
                _ => break,
            }
            size *= B;
        }
        found
    }

    /// How many indices from `i` on are surely empty: a whole empty block (of the highest level
    /// whose block starts at `i`), or `None`.
    fn empty_run_at(&self, i: usize) -> Option<usize> {
        let mut size = B;
        let mut found = None;
        for level in &self.levels {
            if !i.is_multiple_of(size) {
                break;
            }
            match level.get(i / size) {
                Some(block) if block.count == 0 => found = Some(size),
                _ => break,
            }
            size *= B;
        }
        found
    }

    /// The extremes of `values[range]`: whole blocks from the highest level that fits, the ragged
    /// ends from the level below.
    pub(super) fn query(&self, values: &[f64], range: Range<usize>) -> Extremes {
        let mut out = Extremes::EMPTY;
        let (mut lo, mut hi) = (range.start.min(values.len()), range.end.min(values.len()));
        if lo >= hi {
            return out;
        }
        // Level 0 is the values themselves.
        let mut level: Option<usize> = None;
        loop {
            let len = match level {
                None => values.len(),
                Some(k) => self.levels[k].len(),
            };
            let add = |out: &mut Extremes, i: usize| match level {
                None => out.add_value(values[i]),
                Some(k) => out.add(&self.levels[k][i]),
            };
            let next = level.map_or(0, |k| k + 1);
            if hi - lo <= 2 * B || next >= self.levels.len() + usize::from(level.is_none()) {
                for i in lo..hi.min(len) {
                    add(&mut out, i);
                }
                return out;
            }
            while lo < hi && lo % B != 0 {
                add(&mut out, lo);
                lo += 1;
            }
            while hi > lo && hi % B != 0 {
                hi -= 1;
                add(&mut out, hi);
            }
            if lo >= hi {
                return out;
            }
            lo /= B;
            hi /= B;
            level = Some(next);
            if next >= self.levels.len() {
                // No level above: finish at the values' level (cannot happen when the pyramid
                // was built for these values, but never reads out of bounds).
                return out;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(values: &[f64], r: Range<usize>) -> Extremes {
        let mut e = Extremes::EMPTY;
        for &v in &values[r] {
            e.add_value(v);
        }
        e
    }

    #[test]
    fn the_nearest_values_skip_empty_blocks_and_match_a_scan() {
        let mut values = vec![f64::NAN; 200_000];
        for i in [5usize, 31, 32, 1023, 1024, 70_000, 199_999] {
            values[i] = i as f64;
        }
        let p = Pyramid::build(&values);
        for from in [0usize, 6, 32, 33, 1000, 1025, 69_999, 70_001, 199_999] {
            let want = (from..values.len()).find(|&j| !values[j].is_nan());
            assert_eq!(p.next_valid(&values, from), want, "after {from}");
            let want = (0..from).rev().find(|&j| !values[j].is_nan());
            assert_eq!(p.prev_valid(&values, from), want, "before {from}");
        }
    }

    #[test]
    fn every_range_matches_a_plain_scan() {
        let values: Vec<f64> = (0..5000u32)
            .map(|i| {
                if i % 97 == 13 {
                    f64::NAN
                } else {
                    f64::from((i * 7919) % 1013) - 500.0
                }
            })
            .collect();
        let pyramid = Pyramid::build(&values);
        for (a, b) in [
            (0, 5000),
            (1, 4999),
            (31, 33),
            (32, 64),
            (100, 1100),
            (1023, 4097),
            (5, 5),
            (4000, 5000),
            (0, 1),
        ] {
            let got = pyramid.query(&values, a..b);
            let want = brute(&values, a..b);
            assert_eq!(
                (got.min, got.max, got.count),
                (want.min, want.max, want.count),
                "{a}..{b}"
            );
            assert!((got.sum - want.sum).abs() < 1e-6, "{a}..{b}");
        }
    }
}
