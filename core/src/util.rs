//! Small helpers that keep the WebAssembly module small. Each use of the standard library's
//! slice sorts, and each `collect` into a B-tree (which sorts its input first), brings a few
//! kilobytes of sorting code per element type; treem sorts only short lists.

use std::collections::BTreeMap;

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

/// A map of `pairs`, inserted one by one (a later key replaces an earlier one, as with
/// `collect`).
pub(crate) fn map_from<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut items = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_small_by_key(&mut items, |(k, _)| *k);
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let map = map_from([(2, 'x'), (1, 'y'), (2, 'z')]);
        assert_eq!(map.into_iter().collect::<Vec<_>>(), [(1, 'y'), (2, 'z')]);
    }
}
