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

/// `items` sorted by key, stably, in O(n log n), and at once when they are already in order
/// (the usual case). Only the comparison and the swaps depend on the item type: the merge sort
/// itself works on positions ([`stable_order`]), so one copy of it serves every type sorted.
pub(crate) fn merge_sort_by_key<K: Ord, V>(mut items: Vec<(K, V)>) -> Vec<(K, V)> {
    if items.windows(2).all(|w| w[0].0 <= w[1].0) {
        return items;
    }
    let order = stable_order(items.len(), &|a, b| items[a].0 < items[b].0);
    arrange(order, &mut |a, b| items.swap(a, b));
    items
}

/// The positions `0..n` in the stable sorted order that `less` (whether the item at one
/// position sorts strictly before the item at another) defines: a bottom-up merge sort.
fn stable_order(n: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged = vec![0; n];
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, mid);
            for slot in &mut merged[start..end] {
                // The right run's item goes first only when strictly less: equal items keep
                // their order.
                if right < end && (left == mid || less(order[right], order[left])) {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Puts the item at `order[k]` at position `k`, for every `k`, by `swap`s: each swap brings
/// one item to its place, so at most n − 1 of them.
fn arrange(order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    // Where the item now at each position must go.
    let mut target = vec![0; order.len()];
    for (k, &from) in order.iter().enumerate() {
        target[from] = k;
    }
    for i in 0..target.len() {
        while target[i] != i {
            let to = target[i];
            swap(i, to);
            target.swap(i, to);
        }
    }
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

    #[test]
    fn merge_sort_agrees_with_the_standard_stable_sort() {
        // Every length up to 40, keys from a small range (many repeats), in a reproducible
        // pseudo-random order; each item remembers its original position.
        let mut seed = 0x2545_f491_u32;
        for n in 0..=40 {
            for _ in 0..20 {
                let items: Vec<(u32, usize)> = (0..n)
                    .map(|i| {
                        seed ^= seed << 13;
                        seed ^= seed >> 17;
                        seed ^= seed << 5;
                        (seed % 7, i)
                    })
                    .collect();
                let mut want = items.clone();
                want.sort_by_key(|(k, _)| *k);
                assert_eq!(merge_sort_by_key(items), want);
            }
        }
    }
}
