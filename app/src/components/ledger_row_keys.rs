//! Stable keys for the rows of the ledger page's lists (plan lines and
//! expenditures). The core's rows carry no ids, and a row's position shifts
//! when an earlier row is removed: an editor keyed by position would then
//! show another row's half-typed amount. Each row gets a key when added and
//! keeps it until removed; the keys are rebuilt only when the list changes
//! length from elsewhere (a loaded draft, an imported file), and then every
//! row editor starts afresh from the model.

use leptos::prelude::*;

/// The keys of one list, in the list's order. Cheap to copy.
#[derive(Clone, Copy)]
pub struct RowKeys {
    keys: RwSignal<Vec<u64>>,
    next: StoredValue<u64>,
}

impl RowKeys {
    /// Keys for a list whose length is `len`, following it from now on.
    pub fn follow(len: Memo<usize>) -> RowKeys {
        let keys = RowKeys {
            keys: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
        };
        keys.reset(len.get_untracked());

        // Changes made through `push` and `remove` keep the lengths equal;
        // only a list replaced from elsewhere gets fresh keys.
        Effect::new(move |_| {
            let len = len.get();
            if keys.keys.with_untracked(Vec::len) != len {
                keys.reset(len);
            }
        });
        keys
    }

    /// The keys, in order (tracked).
    pub fn get(self) -> Vec<u64> {
        self.keys.get()
    }

    /// The current position of the row with `key`; `None` once removed.
    pub fn index_of(self, key: u64) -> Memo<Option<usize>> {
        let keys = self.keys;
        Memo::new(move |_| keys.with(|k| k.iter().position(|k| *k == key)))
    }

    /// A key for a row appended to the list.
    pub fn push(self) {
        let key = self.fresh();
        self.keys.update(|keys| keys.push(key));
    }

    /// Forgets the key of the row at `index`.
    pub fn remove(self, index: usize) {
        self.keys.update(|keys| {
            if index < keys.len() {
                keys.remove(index);
            }
        });
    }

    fn fresh(self) -> u64 {
        let key = self.next.get_value();
        self.next.set_value(key.wrapping_add(1));
        key
    }

    fn reset(self, len: usize) {
        let keys = (0..len).map(|_| self.fresh()).collect();
        self.keys.set(keys);
    }
}
