//! [`Map`]: the ordered map of the model (measures, breakdowns, finding parameters).
//!
//! A sorted vector searched by halving. The maps of a report are small (dozens of measures,
//! a handful of members) and are built once and read many times, which a vector serves better
//! than a B-tree; and each B-tree instantiation brought kilobytes of WebAssembly.

use std::borrow::Borrow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ordered map: keys unique and in ascending order.
///
/// # Example
///
/// ```
/// let mut map = treem::Map::new();
/// map.insert("female".to_owned(), 4);
/// map.insert("male".to_owned(), 3);
/// assert_eq!(map.get("male"), Some(&3));
/// assert_eq!(map.keys().collect::<Vec<_>>(), ["female", "male"]);
/// assert_eq!(map.insert("male".to_owned(), 5), Some(3));
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Map<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for Map<K, V> {
    fn default() -> Self {
        Map {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> Map<K, V> {
    /// An empty map.
    pub const fn new() -> Self {
        Map {
            entries: Vec::new(),
        }
    }

    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The value of `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    /// The value of `key`, to change it.
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &mut self.entries[i].1)
    }

    /// Whether `key` has a value.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Sets the value of `key`; returns the value it replaces. Constant time for a key after
    /// every other, linear otherwise: to build a map from many keys in any order, use
    /// [`Map::from_pairs`] or `collect`.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        // Keys mostly arrive in order: appending is then constant time.
        if self.entries.last().is_none_or(|(last, _)| *last < key) {
            self.entries.push((key, value));
            return None;
        }
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// The value of `key`, inserted by `make` first when there is none.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key, make()));
                i
            }
        };
        &mut self.entries[i].1
    }

    /// The value of `key`, inserted as `V::default()` first when absent: like
    /// [`Map::get_or_insert_with`], but the key is borrowed and copied only when it is new.
    pub fn get_or_default<Q: Ord + ToOwned<Owned = K> + ?Sized>(&mut self, key: &Q) -> &mut V
    where
        K: Borrow<Q>,
        V: Default,
    {
        let i = match self.find(key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key.to_owned(), V::default()));
                i
            }
        };
        &mut self.entries[i].1
    }

    /// Removes `key`; returns its value.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    /// A map of `pairs` in any order; of equal keys the last wins. O(n log n), whatever the
    /// order (a merge sort: inserting out-of-order keys one by one would be quadratic).
    pub fn from_pairs(pairs: Vec<(K, V)>) -> Self {
        let mut entries = crate::util::merge_sort_by_key(pairs);
        // Equal keys are adjacent and in input order: the first key of each run stays, with the
        // last value (moved into its place), as `insert` would leave them.
        entries.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                std::mem::swap(&mut later.1, &mut kept.1);
            }
            same
        });
        Map { entries }
    }
}

impl<K, V> Map<K, V> {
    /// How many entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The entries in key order, the values to change.
    pub fn iter_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = (&K, &mut V)> + ExactSizeIterator {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The values in key order, to change them.
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, v)| v)
    }

    /// The same keys with each value changed by `f`: no sorting, the order is kept.
    ///
    /// ```
    /// let m: treem::Map<&str, u32> = [("b", 2), ("a", 1)].into_iter().collect();
    /// let doubled = m.map_values(|v| v * 2);
    /// assert_eq!(doubled.iter().collect::<Vec<_>>(), [(&"a", &2), (&"b", &4)]);
    /// ```
    pub fn map_values<W>(self, mut f: impl FnMut(V) -> W) -> Map<K, W> {
        Map {
            entries: self.entries.into_iter().map(|(k, v)| (k, f(v))).collect(),
        }
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for Map<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Map::from_pairs(iter.into_iter().collect())
    }
}

impl<K: Ord, V> Extend<(K, V)> for Map<K, V> {
    /// Later pairs replace earlier values, as `insert` would; O(n log n) in any order.
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        let mut pairs = std::mem::take(&mut self.entries);
        pairs.extend(iter);
        *self = Map::from_pairs(pairs);
    }
}

impl<K, V> IntoIterator for Map<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'m, K, V> IntoIterator for &'m Map<K, V> {
    type Item = (&'m K, &'m V);
    type IntoIter = std::iter::Map<std::slice::Iter<'m, (K, V)>, fn(&'m (K, V)) -> (&'m K, &'m V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<K: Ord + Borrow<Q>, V, Q: Ord + ?Sized> std::ops::Index<&Q> for Map<K, V> {
    type Output = V;
    /// # Panics
    ///
    /// When `key` has no value, as `BTreeMap` does.
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry found for key")
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Map<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: Serialize, V: Serialize> Serialize for Map<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Deserialize<'de> for Map<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        std::collections::BTreeMap::<K, V>::deserialize(deserializer)
            .map(|m| Map::from_pairs(m.into_iter().collect()))
    }
}

impl<K: JsonSchema, V: JsonSchema> JsonSchema for Map<K, V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<K, V> as JsonSchema>::schema_name()
    }

    fn inline_schema() -> bool {
        <std::collections::BTreeMap<K, V> as JsonSchema>::inline_schema()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        <std::collections::BTreeMap<K, V> as JsonSchema>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_like_a_btree_map() {
        let mut ours = Map::new();
        let mut theirs = std::collections::BTreeMap::new();
        let mut state = 12345u64;
        for _ in 0..2000 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let key = (state >> 33) % 300;
            let value = state >> 50;
            if state % 7 == 0 {
                assert_eq!(ours.remove(&key), theirs.remove(&key));
            } else if state % 11 == 0 {
                *ours.get_or_default(&key) += 1;
                *theirs.entry(key).or_default() += 1;
            } else {
                assert_eq!(ours.insert(key, value), theirs.insert(key, value));
            }
            assert_eq!(ours.get(&key), theirs.get(&key));
        }
        assert!(ours.iter().eq(theirs.iter()));
        let pairs = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd')];
        let map = Map::from_pairs(pairs);
        assert_eq!(
            map.into_iter().collect::<Vec<_>>(),
            [(1, 'b'), (2, 'd'), (3, 'c')]
        );
    }

    #[test]
    fn from_pairs_keeps_the_first_key_and_the_last_value_of_equal_keys() {
        let mut state = 987_654_321u64;
        for n in 0..60 {
            let pairs: Vec<(u64, u64)> = (0..n)
                .map(|i| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((state >> 33) % 5, i)
                })
                .collect();
            let theirs: std::collections::BTreeMap<u64, u64> = pairs.iter().copied().collect();
            assert!(Map::from_pairs(pairs).iter().eq(theirs.iter()));
        }
        // Keys that compare equal without being identical: the first key stays with the last
        // value, as inserting them one by one leaves it (as it was before `dedup_by`).
        #[derive(Debug, Clone, Copy)]
        struct Key(u8, &'static str);
        impl PartialEq for Key {
            fn eq(&self, other: &Self) -> bool {
                self.0 == other.0
            }
        }
        impl Eq for Key {}
        impl PartialOrd for Key {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }
        impl Ord for Key {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.0.cmp(&other.0)
            }
        }
        let pairs = vec![
            (Key(1, "first"), 'a'),
            (Key(0, "z"), 'z'),
            (Key(1, "second"), 'b'),
        ];
        let mut inserted = Map::new();
        for (k, v) in pairs.iter().copied() {
            inserted.insert(k, v);
        }
        let ours = Map::from_pairs(pairs);
        let written = |it: Vec<(&Key, &char)>| -> Vec<(&str, char)> {
            it.into_iter().map(|(k, v)| (k.1, *v)).collect()
        };
        assert_eq!(written(ours.iter().collect()), [("z", 'z'), ("first", 'b')]);
        assert_eq!(
            written(ours.iter().collect()),
            written(inserted.iter().collect())
        );
    }
}
