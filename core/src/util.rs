//! Small helpers that keep the WebAssembly module small. Each use of the standard library's
//! slice sorts, and each `collect` into a B-tree (which sorts its input first), brings a few
//! kilobytes of sorting code per element type; treem sorts only short lists.

/// Sorts `items` by `key`, stably: an insertion sort, for the short lists treem sorts (a few
/// dozen items at most).
pub(crate) fn sort_small_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// `items` sorted by key, stably, in O(n log n): a merge sort that moves the items (no `Clone`
/// needed), and returns at once when they are already in order (the usual case).
pub(crate) fn merge_sort_by_key<K: Ord, V>(mut items: Vec<(K, V)>) -> Vec<(K, V)> {
    if items.windows(2).all(|w| w[0].0 <= w[1].0) {
        return items;
    }
    let right = items.split_off(items.len() / 2);
    let (left, right) = (merge_sort_by_key(items), merge_sort_by_key(right));
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut left, mut right) = (left.into_iter().peekable(), right.into_iter().peekable());
    loop {
        let take_right = match (left.peek(), right.peek()) {
            (Some(a), Some(b)) => b.0 < a.0,
            (Some(_), None) => false,
            (None, Some(_)) => true,
            (None, None) => break,
        };
        let next = if take_right {
            right.next()
        } else {
            left.next()
        };
        out.extend(next);
    }
    out
}

/// The positions of the keys that repeat an earlier one, in ascending order. O(n log n).
pub(crate) fn repeated<K: Ord>(keys: impl IntoIterator<Item = K>) -> Vec<usize> {
    let pairs: Vec<(K, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
    // Stable: equal keys stay in input order, so the first of each run is the original.
    let sorted = merge_sort_by_key(pairs);
    let mut repeats = Vec::new();
    for (i, pair) in sorted.iter().enumerate().skip(1) {
        if pair.0 == sorted[i - 1].0 {
            repeats.push((pair.1, ()));
        }
    }
    merge_sort_by_key(repeats)
        .into_iter()
        .map(|(i, ())| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut items = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_small_by_key(&mut items, |(k, _)| *k);
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        assert_eq!(repeated(["b", "a", "b", "c", "a", "b"]), [2, 4, 5]);
        let sorted = merge_sort_by_key(vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')]);
        assert_eq!(sorted, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }
}
